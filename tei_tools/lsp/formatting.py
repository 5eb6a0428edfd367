"""Formatting a document: indentation of element content, mixed content left as it is.

Only white space is ever changed, and only where XML gives it no meaning: in
an element whose content is elements alone (every gap between its children,
and before its end tag, is white space).  There each gap becomes a new line
and the indentation of the depth, as lemminx formats.  An element with any
text of its own (a ``p``, a ``persName``), a comment or a CDATA section among
its children is mixed content: nothing inside it moves, since a space there
is part of the text.  Two more rules keep the text as it is:

* a gap without white space is never given any (``<hi>a</hi><hi>b</hi>``
  stays one word), and an element whose children all stand on its start
  tag's line is left on that line (``<choice><sic>a</sic> <corr>b</corr></choice>``);
* nothing inside ``xml:space="preserve"`` moves.

A buffer that is not well-formed (a tag unclosed, or closed out of order)
is not formatted at all.

>>> text = "<TEI>\\n<text><body>\\n <p>A <hi>b</hi></p>\\n</body></text>\\n</TEI>"
>>> edits = format_document(text, "  ")
>>> apply_edits(text, edits)
'<TEI>\\n  <text><body>\\n      <p>A <hi>b</hi></p>\\n    </body></text>\\n</TEI>'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei_tools.lsp.scanner import Tag, TagIndex


@dataclass
class _Open:
    """An element being read: its tag, its depth, and the gaps directly inside it."""

    tag: Tag
    depth: int
    preserve: bool
    gaps: list[tuple[int, int]] = field(default_factory=list)
    children: int = 0


def format_document(text: str, indent: str) -> list[tuple[int, int, str]]:
    """The edits ``(start, end, new white space)`` that indent ``text`` by ``indent`` a level."""
    tags = TagIndex(text).tags
    if any(not tag.closed for tag in tags):
        return []
    edits: list[tuple[int, int, str]] = []
    stack: list[_Open] = []
    previous_end = None
    for tag in tags:
        if stack and previous_end is not None:
            stack[-1].gaps.append((previous_end, tag.start))
        if tag.kind == "end":
            if not stack or stack[-1].tag.name != tag.name:
                return []  # closed out of order: not well-formed, nothing is formatted
            element = stack.pop()
            edits.extend(_indent_inside(text, element, indent))
        else:
            if stack:
                stack[-1].children += 1
            if tag.kind == "start":
                space = tag.attribute("xml:space")
                preserve = (stack[-1].preserve if stack else False) or (
                    space is not None and space.value == "preserve"
                )
                stack.append(_Open(tag, len(stack), preserve))
        previous_end = tag.end
    if stack:
        return []
    return sorted(edits)


def _indent_inside(text: str, element: _Open, indent: str) -> list[tuple[int, int, str]]:
    if element.preserve or not element.children:
        return []
    gaps = element.gaps
    if any(text[start:end].strip() for start, end in gaps):
        return []  # mixed content (text, a comment or CDATA among the children)
    if not any("\n" in text[start:end] for start, end in gaps):
        return []  # laid out on one line: kept so
    edits = []
    for number, (start, end) in enumerate(gaps):
        if start == end:
            continue  # no white space here: none is added
        depth = element.depth + (0 if number == len(gaps) - 1 else 1)
        wanted = "\n" + indent * depth
        if text[start:end] != wanted:
            edits.append((start, end, wanted))
    return edits


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with non-overlapping ``edits`` applied (as a client applies a formatting)."""
    parts, at = [], 0
    for start, end, new in sorted(edits):
        parts += [text[at:start], new]
        at = end
    return "".join(parts) + text[at:]
