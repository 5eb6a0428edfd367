"""The outline of the whole element tree, as lemminx gives it, with TEI's divisions named.

Every element is a symbol nested in its parent's; a division (``div``,
``div1``-``div7``) is named by its head as in the division outline
(:func:`tei_tools.lsp.navigation.outline`), any other element by its tag, with
its ``xml:id`` (or ``@type``, ``@n``) as the detail.  One pass over the tags:
an element's range runs from its start tag to the end tag that closes it (an
element left open runs to the end of the buffer).  Cut, with a note, after
``limit`` symbols, as lemminx caps its own.

>>> from tei_tools.lsp.document import DocumentView, look_every
>>> symbols = element_outline(DocumentView('<TEI><text><div><head>One</head><p xml:id="a"/></div></text></TEI>'))
>>> [(s.name, [(c.name, [(g.name, g.detail) for g in c.children]) for c in s.children]) for s in symbols]
[('TEI', [('text', [('One', 'div')])])]
>>> [(g.name, g.detail) for g in symbols[0].children[0].children[0].children]
[('head', None), ('p', 'a')]
"""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView, look_every
from tei_tools.lsp.navigation import DIV_NAMES, MAX_SYMBOLS, division_name


def element_outline(
    view: DocumentView,
    limit: int = MAX_SYMBOLS,
    cancelled: Callable[[], bool] | None = None,
) -> list[types.DocumentSymbol]:
    """Every element of the buffer as a nested symbol (at most ``limit``, then a note).

    ``cancelled`` is asked every few hundred tags, as by the division outline.
    """
    roots: list[types.DocumentSymbol] = []
    # (tag name, start offset, symbol, its children): the children list is filled as we go;
    # past the limit the elements are still followed (no symbol) so that ends pair rightly.
    stack: list[tuple[str, int, types.DocumentSymbol | None, list[types.DocumentSymbol]]] = []
    elements = view.tags.element_tags()
    listed = left_out = element_index = 0
    text_end = len(view.text)

    def close(end: int) -> None:
        _, start, symbol, _ = stack.pop()
        if symbol is not None:
            symbol.range = span_range(view.lines, start, end)

    for count, tag in enumerate(view.tags.tags, 1):
        look_every(cancelled, count)
        if tag.kind == "end":
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == tag.name), None
            )
            if depth is not None:  # an end tag closes its element and any left open inside it
                while len(stack) > depth + 1:
                    close(tag.start)
                close(tag.end)
            continue
        index, element_index = element_index, element_index + 1
        if listed >= limit:
            left_out += 1
            if tag.kind == "start":
                stack.append((tag.name, tag.start, None, []))
            continue
        listed += 1
        detail: str | None
        if tag.local in DIV_NAMES:
            end_tag = view.tags.matching_end(tag) if tag.kind == "start" else None
            name, selection = division_name(
                view, elements, index, end_tag.end if end_tag is not None else tag.end
            )
            kind, detail = types.SymbolKind.Namespace, tag.local
        else:
            values = {a.name: a.value for a in tag.attributes}
            name, selection = tag.name, (tag.name_start, tag.name_end)
            kind = types.SymbolKind.Field
            detail = values.get("xml:id") or values.get("type") or values.get("n")
        children: list[types.DocumentSymbol] = []
        symbol = types.DocumentSymbol(
            name=name,
            kind=kind,
            range=span_range(view.lines, tag.start, tag.end),
            selection_range=span_range(view.lines, *selection),
            detail=detail,
            children=children,
        )
        (stack[-1][3] if stack and stack[-1][2] is not None else roots).append(symbol)
        if tag.kind == "start":
            stack.append((tag.name, tag.start, symbol, children))
    while stack:
        close(text_end)
    if left_out:
        last = elements[-1]
        roots.append(
            types.DocumentSymbol(
                name=f"(outline cut after {limit} elements; {left_out} more not listed)",
                kind=types.SymbolKind.Null,
                range=span_range(view.lines, last.start, last.end),
                selection_range=span_range(view.lines, last.start, last.end),
            )
        )
    return roots
