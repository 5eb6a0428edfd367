"""Hover, go to definition, find references and the document outline.

A pointer is resolved as the pointer check resolves it
(:func:`tei_tools.validate.pointers.resolve_pointer` through the document's
``prefixDef``s): ``#id`` to the element in the buffer; ``per:x`` to
``registers/persons.xml#x``, which is the file next to the document when there
is one, and otherwise the register file the entry was loaded from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from tei_tools.lsp.completion import entry_markdown
from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView, ValueToken, look_every
from tei_tools.lsp.schema_model import SchemaModel
from tei_tools.validate.pointers import POINTER_ATTRIBUTES, register_prefix
from tei_tools.validate.pointers import resolve_pointer as _expand_pointer
from tei_tools.validate.prefixdef import PrefixPatternError

DIV_NAMES = frozenset({"div", *(f"div{n}" for n in range(1, 8))})


@dataclass(frozen=True)
class Target:
    """Where a pointer leads: a file and offsets in it."""

    path: Path | None
    start: int
    end: int
    text: str | None = None  # the file's text, when it is not the buffer


def hover(
    view: DocumentView, offset: int, model: SchemaModel | None, registers=None
) -> types.Hover | None:
    """Documentation for the element, attribute or pointer under the cursor."""
    tag = view.tags.at(offset)
    if tag is None:
        return None
    if tag.name_start <= offset <= tag.name_end:
        element = model.element(tag.local) if model else None
        if element is None or not element.documentation:
            return None
        return _markdown(
            f"**{tag.local}**: {element.documentation}", view, tag.name_start, tag.name_end
        )
    token = view.token_at(offset)
    if token is not None and token.attribute.local in POINTER_ATTRIBUTES and token.text:
        text = _pointer_markdown(view, token.text, registers)
        if text:
            return _markdown(text, view, token.start, token.end)
    for attribute in tag.attributes:
        inside_value = token is not None and token.attribute is attribute
        if attribute.name_start <= offset <= attribute.name_end or inside_value:
            return _attribute_hover(view, model, tag, attribute, token if inside_value else None)
    return None


def _attribute_hover(view, model, tag, attribute, token):
    element = model.element(tag.local) if model else None
    found = element.attributes.get(attribute.name) if element else None
    if found is None:
        return None
    lines = [f"**@{attribute.name}** on **{tag.local}**: {found.documentation}"]
    if token is not None:
        described = dict(found.values).get(token.text)
        if described:
            lines.append(f"`{token.text}`: {described}")
        return _markdown("\n\n".join(lines), view, token.start, token.end)
    if found.values:
        label = "Allowed values" if found.closed else "Suggested values"
        lines.append(f"{label}: " + ", ".join(f"`{v}`" for v, _ in found.values))
    return _markdown("\n\n".join(lines), view, attribute.name_start, attribute.name_end)


def _pointer_markdown(view: DocumentView, token: str, registers) -> str | None:
    target = resolve_pointer(token, view.prefixes)
    if target is None:
        return None
    if target.startswith("#"):
        tag = view.ids.get(target[1:])
        if tag is None and view.partial:
            return None  # a partial view does not hold every id: nothing is said
        if tag is None:
            return f"`{token}`: no element has this xml:id"
        line = view.lines.position(tag.start)[0] + 1
        return f"`{token}`: <{tag.local}> on line {line}"
    location, _, fragment = target.partition("#")
    prefix = register_prefix(location)
    if registers is not None and prefix and fragment:
        entry = registers.registry.lookup(f"{prefix}:{fragment}")
        if entry is not None:
            return entry_markdown(entry)
        return f"`{token}`: the registers have no entry `{prefix}:{fragment}`"
    return f"`{token}` → `{target}`"


def _markdown(text: str, view: DocumentView, start: int, end: int) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=span_range(view.lines, start, end),
    )


def definition(view: DocumentView, offset: int, registers=None) -> Target | None:
    """Where the pointer under the cursor leads."""
    token = view.token_at(offset)
    if token is None or not token.text or token.attribute.local not in POINTER_ATTRIBUTES:
        return None
    target = resolve_pointer(token.text, view.prefixes)
    if target is None:
        return None
    if target.startswith("#"):
        tag = view.ids.get(target[1:])
        return Target(None, tag.start, tag.end) if tag is not None else None
    location, _, fragment = target.partition("#")
    if not fragment or "://" in location:
        return None
    if (
        view.path is not None
        and not Path(location).is_absolute()
        and ".." not in Path(location).parts
    ):
        nearby = view.path.parent / location
        if nearby.is_file():
            return _id_in_file(nearby, fragment)
    prefix = register_prefix(location)
    if registers is None or prefix is None:
        return None
    place = registers.place(fragment, prefix)
    if place is None:
        return None
    return Target(place.path, place.start, place.end)


def _id_in_file(path: Path, xml_id: str) -> Target | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    tag = DocumentView(text, path).ids.get(xml_id)
    return Target(path, tag.start, tag.end, text) if tag is not None else None


def references(view: DocumentView, offset: int, include_declaration: bool) -> list[tuple[int, int]]:
    """Every pointer in the buffer to the ``xml:id`` under the cursor (or a pointer's target)."""
    found = view.attribute_at(offset)
    if found is None:
        return []
    _, attribute = found
    xml_id = None
    if attribute.name == "xml:id":
        xml_id = attribute.value
    else:
        token = view.token_at(offset)
        target = resolve_pointer(token.text, view.prefixes) if token and token.text else None
        if target and target.startswith("#"):
            xml_id = target[1:]
    if not xml_id:
        return []
    spans = []
    declared = view.ids.get(xml_id)
    if include_declaration and declared is not None:
        holder = declared.attribute("xml:id")
        if holder is not None:
            spans.append((holder.value_start, holder.value_end))
    for token in pointer_tokens(view):
        if resolve_pointer(token.text, view.prefixes) == f"#{xml_id}":
            spans.append((token.start, token.end))
    return spans


def pointer_tokens(view: DocumentView) -> Iterator[ValueToken]:
    """Every item of every pointer attribute (``@ref``, ``@target``, ``@corresp``, ...), in order.

    >>> [t.text for t in pointer_tokens(DocumentView('<a ref="#x  #y"/><b n="#z"/>'))]
    ['#x', '#y']
    """
    for tag in view.tags.element_tags():
        for pointer in tag.attributes:
            if pointer.local not in POINTER_ATTRIBUTES or not pointer.value:
                continue
            position = 0
            for item in pointer.value.split():
                position = pointer.value.index(item, position)
                start = pointer.value_start + position
                yield ValueToken(tag, pointer, item, start, start + len(item))
                position += len(item)


#: Divisions listed at most in an outline (lemminx caps its symbols too); a note says when.
MAX_SYMBOLS = 5000


def outline(
    view: DocumentView,
    limit: int = MAX_SYMBOLS,
    cancelled: Callable[[], bool] | None = None,
) -> list[types.DocumentSymbol]:
    """The ``div``/``head`` outline: each division, named by its head (or type and number).

    Linear in the document: ends are paired once (:meth:`TagIndex.matching_end`)
    and a division's head is looked for only up to its first inner division.
    ``cancelled`` is asked every few hundred tags; when it says so the outline
    stops with :class:`~tei_tools.lsp.document.Superseded`.
    """
    roots: list[types.DocumentSymbol] = []
    # (start, end, the symbol, its children): lsprotocol types children as an immutable Sequence.
    stack: list[tuple[int, int, types.DocumentSymbol, list[types.DocumentSymbol]]] = []
    elements = view.tags.element_tags()
    listed = left_out = 0
    for i, tag in enumerate(elements):
        look_every(cancelled, i + 1)
        if tag.local not in DIV_NAMES:
            continue
        if listed >= limit:
            left_out += 1
            continue
        end_tag = view.tags.matching_end(tag) if tag.kind == "start" else None
        end = end_tag.end if end_tag is not None else tag.end
        while stack and not (stack[-1][0] <= tag.start < stack[-1][1]):
            stack.pop()
        name, selection = division_name(view, elements, i, end)
        children: list[types.DocumentSymbol] = []
        symbol = types.DocumentSymbol(
            name=name,
            kind=types.SymbolKind.Namespace,
            range=span_range(view.lines, tag.start, end),
            selection_range=span_range(view.lines, *selection),
            detail=tag.local,
            children=children,
        )
        (stack[-1][3] if stack else roots).append(symbol)
        stack.append((tag.start, end, symbol, children))
        listed += 1
    if left_out:
        last = elements[-1]
        roots.append(
            types.DocumentSymbol(
                name=f"(outline cut after {limit} divisions; {left_out} more not listed)",
                kind=types.SymbolKind.Null,
                range=span_range(view.lines, last.start, last.end),
                selection_range=span_range(view.lines, last.start, last.end),
            )
        )
    return roots


def division_name(
    view: DocumentView, elements, index: int, end: int
) -> tuple[str, tuple[int, int]]:
    tag = elements[index]
    for position in range(index + 1, len(elements)):  # no slice: a copy per division adds up
        inner = elements[position]
        if inner.start >= end or inner.local in DIV_NAMES:
            break
        if inner.local == "head":
            text = view.content_text(inner)
            if text:
                return text[:80], (inner.start, inner.end)
    values = {a.name: a.value for a in tag.attributes}
    label = " ".join(v for v in (values.get("type"), values.get("n")) if v) or tag.local
    return label, (tag.start, tag.end)


def resolve_pointer(token: str, prefixes) -> str | None:
    """The pointer expanded through ``prefixDef``; None when a pattern runs too long to follow."""
    try:
        return _expand_pointer(token, prefixes)
    except PrefixPatternError:
        return None
