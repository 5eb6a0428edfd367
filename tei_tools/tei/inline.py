"""Inline markup: turning a string plus typed character spans into mixed content.

The enrichers (names, dates, citations) work on plain strings and report
spans; this module is the one place that turns them into lxml children, so
the text of the element is always exactly the string it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tei_tools.xml import TEI_NS


@dataclass(frozen=True, slots=True)  # slots: one per name, many per document (memory)
class Span:
    """A stretch of a string to wrap in an element; offsets are absolute in that string."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or inverted span {self.start}..{self.end} for <{self.tag}>")


_NSMAP = {None: TEI_NS}


def tei(tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    """A new element in the TEI namespace (``xml:`` attributes written as ``xml:id``)."""
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap=_NSMAP)
    for name, value in (attrs or {}).items():
        element.set(_qualify(name), value)
    if text is not None:
        element.text = text
    return element


def tei_child(
    parent: etree._Element, tag: str, attrs: dict[str, str] | None = None
) -> etree._Element:
    """A new TEI child of ``parent``; cheaper than :func:`tei` as it inherits the namespace map."""
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")
    for name, value in (attrs or {}).items():
        element.set(_qualify(name), value)
    return element


def _qualify(name: str) -> str:
    if name.startswith("xml:"):
        return "{http://www.w3.org/XML/1998/namespace}" + name[4:]
    return name


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep a non-overlapping subset: earlier first, then longer, first come first kept.

    Enrichers may disagree (a name inside a citation, two date readings);
    inline markup must nest, so a span that crosses a kept one is dropped.
    """
    kept: list[Span] = []
    end = -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= end:
            kept.append(span)
            end = span.end
    return kept


def append_text(parent: etree._Element, text: str, last: etree._Element | None = None) -> None:
    """Append text after ``last``, the last child of ``parent`` (or as its text when None).

    The caller passes the last child it made: ``len(parent)`` walks every child
    in lxml, which made a paragraph with thousands of names quadratic.
    """
    if not text:
        return
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def last_child(parent: etree._Element) -> etree._Element | None:
    """The last child of ``parent`` in constant time (lxml's ``len()`` counts them all)."""
    for child in reversed(parent):
        return child
    return None


def fill_inline(parent: etree._Element, text: str, spans: list[Span], offset: int = 0) -> None:
    """Append ``text`` to ``parent``, wrapping each span in its element.

    ``offset`` is the position of ``text`` within the string the spans index.
    Linear in the number of spans: the last child is tracked, never searched for.
    """
    position = offset
    last = last_child(parent)
    for span in drop_overlaps(
        [s for s in spans if offset <= s.start and s.end <= offset + len(text)]
    ):
        append_text(parent, text[position - offset : span.start - offset], last)
        last = tei_child(parent, span.tag, span.attrs)
        fill_inline(
            last, text[span.start - offset : span.end - offset], list(span.children), span.start
        )
        position = span.end
    append_text(parent, text[position - offset :], last)
