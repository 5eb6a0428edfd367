"""The tags of a buffer as typed: start and end tags with the places of their parts.

An editor's buffer is rarely well-formed while someone types in it (``<pers``
has no ``>`` yet, an end tag is missing), yet completion, hover and ranges
need to know which tag, attribute or value the cursor is in.  libxml2 gives
up at the first error and keeps no offsets, so the language server reads the
markup itself, tolerantly: a start tag ends at its ``>`` or where the next
``<`` begins, an unclosed quote ends at the end of the tag.  The verdict on
the document is never taken from here; it comes from the safe parser and the
validator.  Comments, CDATA sections, processing instructions and the DOCTYPE
are skipped, so a ``<`` inside them is never taken for a tag.

>>> [(t.kind, t.name) for t in scan_tags('<a x="1"><!-- <no> --><b/></a>')]
[('start', 'a'), ('empty', 'b'), ('end', 'a')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NAME = r"[^\s<>/=\"'!?]+"
#: A tag name as the scanner reads it, for clients that ask for a word pattern (linked editing).
NAME_PATTERN = _NAME
_SKIPPED = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?(?:\]|\Z))*(?:>|\Z)|<!(?=[^-\[])[^>]*(?:>|\Z)",
    re.DOTALL,
)
_TAG_OPEN = re.compile(rf"<(/?)({_NAME})?")
# Inside a start tag: an attribute, with its value possibly unquoted or unterminated.
_ATTRIBUTE = re.compile(rf"\s*({_NAME})(?:\s*=\s*(?:\"([^\"<]*)\"?|'([^'<]*)'?|([^\s<>\"']*)))?")
_TAG_CLOSE = re.compile(r"\s*(/?)>")
_PI_TARGET = re.compile(rf"<\?(?:{_NAME})?")


@dataclass(frozen=True)
class Attribute:
    """An attribute as written: its name's and its value's offsets (the value's without quotes)."""

    name: str
    name_start: int
    name_end: int
    value: str | None = None
    value_start: int = -1
    value_end: int = -1
    #: Offset just after the closing quote (or the name, without a value).
    end: int = -1

    @property
    def local(self) -> str:
        return self.name.rsplit(":", 1)[-1]


@dataclass(frozen=True)
class Tag:
    """A start (``start``), empty-element (``empty``) or end (``end``) tag."""

    kind: str
    name: str
    start: int
    end: int
    name_start: int
    name_end: int
    attributes: tuple[Attribute, ...] = ()
    #: The tag ends with ``>``; False while it is being typed.
    closed: bool = True

    @property
    def local(self) -> str:
        return self.name.rsplit(":", 1)[-1]

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class Skipped:
    """A comment, CDATA section, processing instruction or DOCTYPE: markup that holds no tags.

    ``kind`` is ``comment``, ``cdata``, ``pi``, ``doctype`` or ``declaration``.
    """

    kind: str
    start: int
    end: int


def _skipped_kind(text: str, at: int) -> str:
    for opening, kind in (("<!--", "comment"), ("<![CDATA[", "cdata"), ("<?", "pi")):
        if text.startswith(opening, at):
            return kind
    return "doctype" if text.startswith("<!DOCTYPE", at) else "declaration"


def scan_tags(text: str) -> list[Tag]:
    """Every tag of ``text`` in order, tolerant of markup that is still being typed."""
    return scan_markup(text)[0]


def scan_markup(
    text: str, start: int = 0, stop: int | None = None
) -> tuple[list[Tag], list[Skipped]]:
    """The tags of ``text`` and, apart, the comments, CDATA, PIs and DOCTYPE between them.

    Only the markup that begins in ``[start, stop)`` is read (offsets stay the
    text's own); ``start`` should be where no markup is open.

    >>> [(s.kind, s.start, s.end) for s in scan_markup('<?pi x?><a><!-- c --></a>')[1]]
    [('pi', 0, 8), ('comment', 11, 21)]
    """
    tags: list[Tag] = []
    skipped_spans: list[Skipped] = []
    stop = len(text) if stop is None else stop
    at = text.find("<", start, stop)
    while at >= 0:
        skipped = _SKIPPED.match(text, at)
        if skipped:
            skipped_spans.append(Skipped(_skipped_kind(text, at), at, skipped.end()))
            at = text.find("<", max(skipped.end(), at + 1), stop)
            continue
        tag = _read_tag(text, at)
        tags.append(tag)
        at = text.find("<", max(tag.end, at + 1), stop)
    return tags, skipped_spans


def pseudo_attributes(text: str, instruction: Skipped) -> tuple[Attribute, ...]:
    """The pseudo-attributes of a processing instruction (``<?xml-model href="..."?>``).

    >>> [(a.name, a.value) for a in pseudo_attributes('<?m href="a.rng"?>', Skipped("pi", 0, 18))]
    [('href', 'a.rng')]
    """
    target = _PI_TARGET.match(text, instruction.start)
    pos = target.end() if target else instruction.start + 2
    stop = instruction.end - 2 if text.startswith("?>", instruction.end - 2) else instruction.end
    found: list[Attribute] = []
    while pos < stop:
        match = _ATTRIBUTE.match(text, pos, stop)
        if not match or match.end() == pos:
            break
        found.append(_attribute(match))
        pos = match.end()
    return tuple(found)


def _read_tag(text: str, at: int) -> Tag:
    opening = _TAG_OPEN.match(text, at)
    assert opening is not None  # text[at] == "<"
    name = opening.group(2) or ""
    name_start = opening.start(2) if opening.group(2) else opening.end()
    name_end = name_start + len(name)
    if opening.group(1):
        close = text.find(">", opening.end())
        stop = _stop(text, opening.end())
        closed = 0 <= close < stop
        end = close + 1 if closed else _trimmed(text, opening.end(), stop)
        return Tag("end", name, at, end, name_start, name_end, (), closed)
    attributes: list[Attribute] = []
    pos = opening.end()
    while True:
        closing = _TAG_CLOSE.match(text, pos)
        if closing:
            kind = "empty" if closing.group(1) else "start"
            return Tag(kind, name, at, closing.end(), name_start, name_end, tuple(attributes))
        found = _ATTRIBUTE.match(text, pos)
        if not found or found.end() == pos:
            stop = _stop(text, pos)
            end = _trimmed(text, pos, stop)
            return Tag("start", name, at, end, name_start, name_end, tuple(attributes), False)
        attributes.append(_attribute(found))
        pos = found.end()


def _attribute(found: re.Match[str]) -> Attribute:
    for group in (2, 3, 4):
        if found.group(group) is not None:
            return Attribute(
                found.group(1),
                found.start(1),
                found.end(1),
                found.group(group),
                found.start(group),
                found.end(group),
                found.end(),
            )
    return Attribute(found.group(1), found.start(1), found.end(1), end=found.end(1))


def _stop(text: str, pos: int) -> int:
    """Where an unclosed tag ends at the latest: the next ``<`` or the end of the text."""
    following = text.find("<", pos)
    return following if following >= 0 else len(text)


def _trimmed(text: str, pos: int, stop: int) -> int:
    """The end of an unclosed tag's own text: white space before the next tag is not its own.

    Keeping the trailing white space out means a cursor on the next line, in
    text content, is not taken to be inside the unfinished tag.
    """
    newline = text.find("\n", pos, stop)
    return newline if newline >= 0 else stop


class TagIndex:
    """The tags of one version of a buffer, searchable by offset and line."""

    def __init__(self, text: str, windows: tuple[tuple[int, int], ...] | None = None) -> None:
        self.text = text
        if windows is None:
            self.tags, self.skipped = scan_markup(text)
        else:  # a partial index: only the markup that begins in these ordered spans
            self.tags, self.skipped = [], []
            for start, stop in windows:
                tags, skipped = scan_markup(text, start, stop)
                self.tags += tags
                self.skipped += skipped
        self._starts = [t.start for t in self.tags]
        self._elements: list[Tag] | None = None
        self._ends: dict[int, int] | None = None
        self._begins: dict[int, int] | None = None

    def at(self, offset: int) -> Tag | None:
        """The tag whose text contains ``offset`` (its ``<`` excluded, its end included)."""
        i = bisect.bisect_left(self._starts, offset) - 1
        if i < 0:
            return None
        tag = self.tags[i]
        return (
            tag if tag.start < offset <= tag.end and (offset < tag.end or not tag.closed) else None
        )

    def before(self, offset: int) -> list[Tag]:
        """The tags that start before ``offset``."""
        return self.tags[: bisect.bisect_left(self._starts, offset)]

    def ending_between(self, low: int, high: int) -> list[Tag]:
        """The tags whose end lies in ``[low, high]``, in document order.

        Tags never overlap, so their ends rise with their starts and these
        tags are one run: found from ``high`` backwards in O(log n + found),
        where slicing :meth:`before` would copy every earlier tag, once per
        diagnostic (quadratic on a document with thousands of faults).
        """
        i = bisect.bisect_left(self._starts, high)
        found: list[Tag] = []
        while i > 0 and self.tags[i - 1].end >= low:
            i -= 1
            if self.tags[i].end <= high:
                found.append(self.tags[i])
        found.reverse()
        return found

    def open_elements(self, offset: int) -> list[Tag]:
        """The start tags still open at ``offset``, outermost first.

        An end tag closes the innermost open element of its name (and any
        left open inside it), so one missing end tag does not derail the rest.
        """
        stack: list[Tag] = []
        for tag in self.before(offset):
            if tag.end > offset:
                break
            if tag.kind == "start":
                stack.append(tag)
            elif tag.kind == "end":
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth].name == tag.name:
                        del stack[depth:]
                        break
        return stack

    def element_tags(self) -> list[Tag]:
        """Start and empty-element tags, in document order (as lxml iterates elements)."""
        if self._elements is None:
            self._elements = [t for t in self.tags if t.kind != "end"]
        return self._elements

    def position(self, tag: Tag) -> int:
        """The index of ``tag`` in :attr:`tags` (tags start at distinct offsets)."""
        return bisect.bisect_left(self._starts, tag.start)

    def matching_end(self, start: Tag) -> Tag | None:
        """The end tag that closes ``start``, counting nested elements of the same name."""
        if start.kind != "start":
            return None
        if self._ends is None:
            self._ends = self._pair_ends()
        end = self._ends.get(self.position(start))
        return self.tags[end] if end is not None else None

    def matching_start(self, end: Tag) -> Tag | None:
        """The start tag that ``end`` closes (the inverse of :meth:`matching_end`)."""
        if end.kind != "end":
            return None
        if self._ends is None:
            self._ends = self._pair_ends()
        if self._begins is None:
            self._begins = {e: s for s, e in self._ends.items()}
        start = self._begins.get(self.position(end))
        return self.tags[start] if start is not None else None

    def _pair_ends(self) -> dict[int, int]:
        """Each start tag's index to its end tag's, in one pass (one stack per name).

        Counting nested elements of the same name, as a scan forward from each
        start would, but linear: an outline of a 3 MB file pairs every tag.
        """
        open_by_name: dict[str, list[int]] = {}
        ends: dict[int, int] = {}
        for i, tag in enumerate(self.tags):
            if tag.kind == "start":
                open_by_name.setdefault(tag.name, []).append(i)
            elif tag.kind == "end":
                stack = open_by_name.get(tag.name)
                if stack:
                    ends[stack.pop()] = i
        return ends
