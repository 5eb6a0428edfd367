"""The element tree as an editor folds, selects and edits it: folding, selection and linked ranges.

All three read the tolerant scanner's tags (:class:`~tei_tools.lsp.scanner.TagIndex`),
so they work while the buffer is not well-formed: an element whose end tag is
missing is simply not folded, and its start tag is the widest thing it selects.
Start and end tags are paired once per version of the buffer, so folding a
3 MB file is one pass over its tags.
"""

from __future__ import annotations

from lsprotocol import types

from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.scanner import NAME_PATTERN, Tag


def folding_ranges(view: DocumentView, limit: int | None = None) -> list[types.FoldingRange]:
    """One range per element over several lines (start tag's line to end tag's line), and per comment.

    The end tag's line is folded too, as the brief of the feature asks (the
    closing tag then disappears with the content, as with lemminx's region
    folds); an element whose start and end tag share a line is not folded.
    Of elements starting on the same line only the outermost is folded: a
    client folds by line, and two ranges on one line would be one fold.
    ``limit`` is the client's ``rangeLimit``: the first ranges in document order
    are kept.

    >>> [(r.start_line, r.end_line, r.kind == "comment") for r in folding_ranges(DocumentView(
    ...     "<a>\\n<b>x</b>\\n<!--\\n-->\\n<c/>\\n</a>"))]
    [(0, 5, False), (2, 3, True)]
    """
    lines = view.lines
    found: list[tuple[int, types.FoldingRange]] = []
    last_start_line = -1
    for tag in view.tags.element_tags():
        if tag.kind != "start":
            continue
        end = view.tags.matching_end(tag)
        if end is None:
            continue
        start_line, end_line = lines.position(tag.start)[0], lines.position(end.start)[0]
        if end_line > start_line and start_line != last_start_line:
            found.append((tag.start, types.FoldingRange(start_line, end_line)))
            last_start_line = start_line
    for skipped in view.tags.skipped:
        if skipped.kind != "comment":
            continue
        start_line, end_line = lines.position(skipped.start)[0], lines.position(skipped.end)[0]
        if end_line > start_line:
            found.append(
                (
                    skipped.start,
                    types.FoldingRange(start_line, end_line, kind=types.FoldingRangeKind.Comment),
                )
            )
    found.sort(key=lambda pair: pair[0])  # two sorted runs: Timsort merges them in one pass
    ranges = [folding for _, folding in found]
    return ranges[:limit] if limit is not None else ranges


def linked_editing_ranges(view: DocumentView, offset: int) -> types.LinkedEditingRanges | None:
    """The names of a start tag and its end tag, when the cursor is on either.

    >>> view = DocumentView("<a><p>x</p></a>")
    >>> [(r.start.character, r.end.character) for r in linked_editing_ranges(view, 5).ranges]
    [(4, 5), (9, 10)]
    """
    tag = view.tags.at(offset)
    if tag is None or not tag.name or not tag.name_start <= offset <= tag.name_end:
        return None
    if tag.kind == "start":
        pair = view.tags.matching_end(tag)
    elif tag.kind == "end":
        pair = view.tags.matching_start(tag)
    else:
        return None
    if pair is None:
        return None
    first, second = sorted((tag, pair), key=lambda t: t.start)
    return types.LinkedEditingRanges(
        ranges=[
            span_range(view.lines, first.name_start, first.name_end),
            span_range(view.lines, second.name_start, second.name_end),
        ],
        word_pattern=NAME_PATTERN,
    )


def selection_ranges(view: DocumentView, offsets: list[int]) -> list[types.SelectionRange]:
    """For each offset, the spans around it from the innermost outward.

    Tag name (or attribute value item → value → attribute) → the tag →
    the element's content → the element → its parent's content → its parent,
    up to the root. Each span holds the one before it; spans that would not
    (in a buffer whose tags do not pair) are left out.

    >>> chain = selection_ranges(DocumentView("<a><b>x</b></a>"), [4])[0]
    >>> spans = []
    >>> while chain is not None:
    ...     spans.append((chain.range.start.character, chain.range.end.character))
    ...     chain = chain.parent
    >>> spans
    [(4, 5), (3, 6), (3, 11), (0, 15)]
    """
    return [_selection_range(view, offset) for offset in offsets]


def _selection_range(view: DocumentView, offset: int) -> types.SelectionRange:
    spans: list[tuple[int, int]] = []
    tag = view.tags.at(offset)
    if tag is not None:
        spans += _spans_in_tag(view, tag, offset)
    elements = view.tags.open_elements(offset)
    if tag is not None and tag.kind != "end":
        elements.append(tag)
    for element in reversed(elements):
        closing = view.tags.matching_end(element)
        if closing is not None:
            spans.append((element.end, closing.start))
            spans.append((element.start, closing.end))
        else:
            spans.append((element.start, element.end))
    chain: types.SelectionRange | None = None
    held = (offset, offset)
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if start <= held[0] and held[1] <= end and (start, end) != held:
            kept.append((start, end))
            held = (start, end)
    for start, end in reversed(kept):
        chain = types.SelectionRange(range=span_range(view.lines, start, end), parent=chain)
    if chain is None:
        chain = types.SelectionRange(range=span_range(view.lines, offset, offset))
    return chain


def _spans_in_tag(view: DocumentView, tag: Tag, offset: int) -> list[tuple[int, int]]:
    """The spans inside one tag around ``offset``, innermost first, the tag itself last."""
    spans: list[tuple[int, int]] = []
    if tag.name_start <= offset <= tag.name_end:
        spans.append((tag.name_start, tag.name_end))
    for attribute in tag.attributes:
        end = max(attribute.end, attribute.name_end)
        if not attribute.name_start <= offset <= end:
            continue
        token = view.token_at(offset)
        if token is not None and token.attribute == attribute:
            spans.append((token.start, token.end))
            spans.append((attribute.value_start, attribute.value_end))
        elif attribute.name_start <= offset <= attribute.name_end:
            spans.append((attribute.name_start, attribute.name_end))
        spans.append((attribute.name_start, end))
    spans.append((tag.start, tag.end))
    return spans
