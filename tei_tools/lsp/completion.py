"""Completion at the cursor: element names, attributes, values, pointers, closing tags.

What is offered follows the grammar the document is validated against
(:class:`~tei_tools.lsp.schema_model.SchemaModel`): child elements in the
grammar's order with required ones first, attributes not yet present
(required first), an attribute's enumerated values (a closed list, or
suggestions), and for pointer attributes the register entries
(``per:trotsky``, with the name and life dates) and the document's ``xml:id``s.
"""

from __future__ import annotations

from lsprotocol import types

from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.schema_model import ElementModel, SchemaModel
from tei_tools.validate.pointers import POINTER_ATTRIBUTES

#: Which register a name element's pointer most likely goes to: its entries come first.
PREFIX_FOR_ELEMENT = {
    "persName": "per",
    "person": "per",
    "author": "per",
    "orgName": "org",
    "org": "org",
    "placeName": "pla",
    "settlement": "pla",
    "country": "pla",
    "bibl": "bib",
    "title": "bib",
}


def complete(
    view: DocumentView,
    offset: int,
    model: SchemaModel,
    registry=None,
    *,
    snippets: bool = True,
    trigger: str | None = None,
) -> list[types.CompletionItem]:
    """The completion items for the cursor at ``offset`` in ``view``.

    With ``snippets`` (the client supports them) the cursor lands between a
    new element's tags or inside a new attribute's quotes; without, the same
    text is inserted plainly.  ``trigger`` is the character whose typing asked
    (None when the user asked): a quote outside an attribute value, or a ``#``
    or ``/`` in running text, asks for nothing.  An item's edit replaces only
    what was typed before the cursor, never text after it.
    """
    if trigger is not None and not _triggered_here(view, offset, trigger):
        return []
    items = _complete(view, offset, model, registry)
    if not snippets:
        for item in items:
            if item.insert_text_format == types.InsertTextFormat.Snippet and item.text_edit:
                item.text_edit.new_text = item.text_edit.new_text.replace("$0", "").replace(
                    "$1", ""
                )
                item.insert_text_format = types.InsertTextFormat.PlainText
    return items


def _triggered_here(view: DocumentView, offset: int, trigger: str) -> bool:
    """Whether a typed trigger character asks for completion where it was typed."""
    tag = view.tags.at(offset)
    if trigger in "\"'#":
        return tag is not None and view.token_at(offset) is not None  # inside a value
    if trigger == "/":
        return tag is not None and tag.kind == "end"  # "</"
    if trigger == "<":
        return True
    return tag is not None  # a space or ":" inside a tag: attribute names; in text, nothing


def _complete(view: DocumentView, offset: int, model: SchemaModel, registry):
    tag = view.tags.at(offset)
    if tag is not None and tag.kind == "end":
        # Only what was typed: "</" right before a word keeps the word.
        return _closing(view, tag.start, tag.name_start, offset, tag.closed)
    if tag is not None:
        if offset <= tag.name_end:
            parent = view.tags.open_elements(tag.start)
            return _elements(
                view,
                model,
                parent[-1].local if parent else None,
                tag.name_start,
                offset,  # "<" typed right before a word: the word stays
                False,
            )
        token = view.token_at(offset)
        if token is not None:
            return _values(view, model, token, registry)
        return _attributes(view, model, tag, offset)
    parent = view.tags.open_elements(offset)
    items = _elements(view, model, parent[-1].local if parent else None, offset, offset, True)
    if parent:
        items += _closing(view, offset, offset, offset, False, text=True)
    return items


def _elements(
    view: DocumentView, model: SchemaModel, parent: str | None, start: int, end: int, in_text: bool
) -> list[types.CompletionItem]:
    if parent is None:
        names = [(name, True) for name in model.roots]
    else:
        found = model.element(parent)
        names = list(found.children.items()) if found is not None else []
    edit_range = span_range(view.lines, start, end)
    items = []
    for order, (name, required) in enumerate(names):
        element = model.element(name)
        insert = f"<{name}>$0</{name}>" if in_text else name
        items.append(
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Class,
                detail=_detail(element, required),
                documentation=_doc(element.documentation) if element else None,
                sort_text=f"{0 if required else 1}{order:04d}",
                filter_text=f"<{name}" if in_text else name,
                insert_text_format=types.InsertTextFormat.Snippet
                if in_text
                else types.InsertTextFormat.PlainText,
                text_edit=types.TextEdit(edit_range, insert),
            )
        )
    return items


def _detail(element: ElementModel | None, required: bool) -> str:
    gloss = element.gloss if element is not None else ""
    return " · ".join(part for part in (gloss, "required" if required else "") if part)


def _attributes(
    view: DocumentView, model: SchemaModel, tag, offset: int
) -> list[types.CompletionItem]:
    element = model.element(tag.local)
    if element is None:
        return []
    typed = next((a for a in tag.attributes if a.name_start <= offset <= a.name_end), None)
    present = {a.name for a in tag.attributes if a is not typed}
    start, end = (typed.name_start, offset) if typed is not None else (offset, offset)
    if typed is not None and typed.value_start >= 0 and offset == typed.name_end:
        end = typed.end  # a whole name replaced keeps no stale value behind
    edit_range = span_range(view.lines, start, end)
    ordered = sorted(
        enumerate(element.attributes.values()), key=lambda pair: (not pair[1].required, pair[0])
    )
    items = []
    for rank, (_, attribute) in enumerate(ordered):
        if attribute.name in present:
            continue
        items.append(
            types.CompletionItem(
                label=attribute.name,
                kind=types.CompletionItemKind.Property,
                detail="required" if attribute.required else None,
                documentation=_doc(attribute.documentation),
                sort_text=f"{rank:04d}",
                insert_text_format=types.InsertTextFormat.Snippet,
                text_edit=types.TextEdit(edit_range, f'{attribute.name}="$1"'),
            )
        )
    return items


def _values(view: DocumentView, model: SchemaModel, token, registry) -> list[types.CompletionItem]:
    edit_range = span_range(view.lines, token.start, token.end)
    element = model.element(token.tag.local)
    attribute = element.attributes.get(token.attribute.name) if element is not None else None
    items = []
    if attribute is not None:
        kind = "closed list" if attribute.closed else "suggested value"
        for order, (value, documentation) in enumerate(attribute.values):
            items.append(
                types.CompletionItem(
                    label=value,
                    kind=types.CompletionItemKind.EnumMember,
                    detail=kind,
                    documentation=_doc(documentation),
                    sort_text=f"0{order:04d}",
                    text_edit=types.TextEdit(edit_range, value),
                )
            )
    if token.attribute.local in POINTER_ATTRIBUTES:
        items += _pointers(view, token, edit_range, registry)
    return items


def _pointers(view: DocumentView, token, edit_range, registry) -> list[types.CompletionItem]:
    items = []
    for order, (xml_id, tag) in enumerate(view.ids.items()):
        items.append(
            types.CompletionItem(
                label=f"#{xml_id}",
                kind=types.CompletionItemKind.Reference,
                detail=f"<{tag.local}> line {view.lines.position(tag.start)[0] + 1}",
                sort_text=f"2{order:05d}",
                text_edit=types.TextEdit(edit_range, f"#{xml_id}"),
            )
        )
    if registry is None:
        return items
    preferred = PREFIX_FOR_ELEMENT.get(token.tag.local)
    for order, entry in enumerate(registry.entries.values()):
        items.append(
            types.CompletionItem(
                label=entry.ref,
                kind=types.CompletionItemKind.Reference,
                detail=entry_detail(entry),
                documentation=_doc(entry_markdown(entry)),
                filter_text=f"{entry.ref} {' '.join(entry.names)}",
                sort_text=f"{1 if entry.prefix == preferred else 3}{order:05d}",
                text_edit=types.TextEdit(edit_range, entry.ref),
            )
        )
    return items


def entry_detail(entry) -> str:
    """``Trotsky (1879–1940)``: the name and life dates a pointer's completion shows."""
    years = [d[:4] if d and d[:1] != "-" else d for d in (entry.birth, entry.death)]
    if any(years):
        return f"{entry.label} ({years[0] or '?'}–{years[1] or '?'})"
    return entry.label


def entry_markdown(entry) -> str:
    """A register entry for hover and completion: names, dates, authority links."""
    lines = [f"**{entry.label}** `{entry.ref}` ({entry.kind})"]
    others = [n for n in entry.names if n != entry.label]
    if others:
        lines.append("Also: " + ", ".join(others[:12]) + (" …" if len(others) > 12 else ""))
    if entry.birth or entry.death:
        lines.append(f"Born {entry.birth or '?'}, died {entry.death or '?'}")
    if entry.wikidata:
        lines.append(f"[Wikidata {entry.wikidata}](https://www.wikidata.org/wiki/{entry.wikidata})")
    if entry.viaf:
        lines.append(f"[VIAF {entry.viaf}](https://viaf.org/viaf/{entry.viaf})")
    return "\n\n".join(lines)


def _closing(
    view: DocumentView, before: int, start: int, end: int, closed: bool, text: bool = False
):
    open_tags = view.tags.open_elements(before)
    if not open_tags:
        return []
    name = open_tags[-1].name
    insert = f"</{name}>" if text else (name if closed else f"{name}>")
    return [
        types.CompletionItem(
            label=f"/{name}",
            kind=types.CompletionItemKind.Keyword,
            detail="closing tag",
            sort_text="00000" if not text else "9",
            filter_text=f"</{name}" if text else name,
            text_edit=types.TextEdit(span_range(view.lines, start, end), insert),
        )
    ]


def _doc(text: str | None) -> types.MarkupContent | None:
    """Documentation as Markdown (plain-text clients are served by :func:`as_plain_text`)."""
    if not text:
        return None
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)


def as_plain_text(items: list[types.CompletionItem]) -> list[types.CompletionItem]:
    """The items with their documentation as plain strings, for clients without Markdown."""
    for item in items:
        if isinstance(item.documentation, types.MarkupContent):
            item.documentation = item.documentation.value
    return items
