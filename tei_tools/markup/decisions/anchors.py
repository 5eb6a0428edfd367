"""Anchors: where a decision applies, found again by the text it quotes.

A decision cannot point at an element (the next conversion builds new ones)
nor at a character offset (the next edit of the source moves it).  It keeps
the marked text and a little of the text on either side, as an editor would
quote it, and is found again in the *reading stream* of a document: the text
of its body with white space collapsed and a space between blocks.  The
stream is what the source says (line wraps and indentation aside), so the
same anchor is found in the source, in a fresh conversion, and in a TEI file
read from disk.

Finding an anchor is never a guess: the quote with its whole context must
occur exactly once, or else the text alone must occur once among the places
whose context is still close to the quoted one (an edit nearby).  Two such
places or none make the anchor *ambiguous* or *lost*, and the caller reports
it.

>>> stream = TextStream.of_text("Trotsky wrote to Lenin. Lenin answered Trotsky.")
>>> anchor = stream.anchor(17, 22)
>>> anchor.text, stream.resolve(anchor).start
('Lenin', 17)
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from tei_tools.xml import TEI_NS, local_name

#: Characters of context an anchor keeps on either side of its text.
ANCHOR_CONTEXT = 40

#: How close (difflib ratio) a changed context must stay for the anchor to hold.
FUZZY_MIN_RATIO = 0.75

#: Characters next to the text, on one side at least, that a changed context must keep.
ADJACENT_MIN = 6

#: Elements that run inside a line of text; every other element is a block.
INLINE_TAGS = frozenset(
    """persName orgName placeName roleName geogName date time title name rs hi abbr expan
    foreign emph term num ref ptr biblScope idno pubPlace publisher author editor label
    forename surname addName genName measure q quote said soCalled mentioned lb pb cb
    choice sic corr orig reg unclear supplied del add gap""".split()  # noqa: SIM905 - a word list
)

_T = f"{{{TEI_NS}}}"
_WHITE_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Anchor:
    """A quoted text and its context, all white space collapsed to single spaces."""

    text: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Resolution:
    """Where an anchor was found: ``status`` is ``exact``, ``moved``, ``ambiguous`` or ``lost``."""

    status: str
    start: int = -1
    end: int = -1
    places: int = 0

    @property
    def found(self) -> bool:
        return self.status in ("exact", "moved")


@dataclass
class Slot:
    """One text node of a block: ``element.text`` or ``element.tail``, and its stream range."""

    element: etree._Element
    is_tail: bool
    start: int
    end: int
    #: Whether the stream had just emitted a space (so leading white space is dropped).
    space_before: bool = True

    @property
    def raw(self) -> str:
        return (self.element.tail if self.is_tail else self.element.text) or ""


@dataclass
class Marked:
    """An element inside a block and the stream range of its content."""

    element: etree._Element
    start: int
    end: int


def is_block(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and local_name(element) not in INLINE_TAGS


class _Collapser:
    """Appends raw text to a stream, collapsing white space runs to one space."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.space_before = True  # at the start nothing is emitted for white space

    def add(self, raw: str) -> None:
        if not raw:
            return
        text = _WHITE_SPACE.sub(" ", raw)
        if self.space_before and text.startswith(" "):
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.space_before = text.endswith(" ")

    def boundary(self) -> None:
        if not self.space_before:
            self.parts.append(" ")
            self.length += 1
            self.space_before = True


def _pieces(raw: str) -> Iterator[tuple[int, str]]:
    """Runs of white space and of other characters, with their raw offsets."""
    start = 0
    for index in range(1, len(raw) + 1):
        if index == len(raw) or raw[index].isspace() != raw[start].isspace():
            yield start, raw[start:index]
            start = index


def collapse(text: str) -> str:
    """White space collapsed as in a stream: ``collapse(" a \\n b ")`` is ``"a b "``."""
    collapser = _Collapser()
    collapser.add(text)
    return "".join(collapser.parts)


def raw_offset(raw: str, stream_offset: int, space_before: bool) -> int:
    """The offset in ``raw`` of the character at ``stream_offset`` of its collapsed form."""
    emitted = 0
    for start, piece in _pieces(raw):
        if piece.isspace():
            if not space_before:
                if emitted == stream_offset:
                    return start
                emitted += 1
                space_before = True
        else:
            if stream_offset < emitted + len(piece):
                return start + stream_offset - emitted
            emitted += len(piece)
            space_before = False
    return len(raw)


@dataclass
class Block:
    """A block without blocks inside (a paragraph, a head, an item) and its stream range."""

    element: etree._Element
    start: int
    end: int


class TextStream:
    """The reading stream of a TEI body, and the blocks it came from."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = blocks
        self._starts = [block.start for block in blocks]

    @classmethod
    def of_tree(cls, tree: etree._ElementTree | etree._Element) -> TextStream:
        """The stream of ``text/body`` (front and back included) of a TEI document."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        text_element = root.find(f"{_T}text")
        collapser = _Collapser()
        blocks: list[Block] = []
        if text_element is not None:
            _walk_blocks(text_element, collapser, blocks)
        return cls("".join(collapser.parts), blocks)

    @classmethod
    def of_text(cls, text: str) -> TextStream:
        """The stream of a plain text (for anchors taken from a source file)."""
        return cls(collapse(text), [])

    def anchor(self, start: int, end: int, width: int = ANCHOR_CONTEXT) -> Anchor:
        """The anchor quoting ``text[start:end]`` with ``width`` characters of context."""
        return Anchor(
            self.text[start:end],
            self.text[max(0, start - width) : start],
            self.text[end : end + width],
        )

    def resolve(self, anchor: Anchor) -> Resolution:
        """Find ``anchor`` in this stream; see the module docstring for the rules."""
        return resolve_in(self.text, anchor)

    def block_at(self, start: int, end: int) -> Block | None:
        """The block whose range holds ``[start, end)``."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        block = self.blocks[index]
        return block if start >= block.start and end <= block.end else None

    def block_index(self, start: int) -> int:
        """The index of the block a stream offset lies in (-1 before the first)."""
        return bisect.bisect_right(self._starts, start) - 1

    def inside(self, block: Block) -> tuple[list[Slot], list[Marked]]:
        """The text slots and elements of one block, with their stream ranges.

        Computed on demand, block by block, so a change to one block (a mark
        removed or added) never makes the whole document's index stale.
        """
        slots: list[Slot] = []
        marked: list[Marked] = []
        collapser = _Collapser()
        _walk_inside(block.element, collapser, block.start, slots, marked)
        return slots, marked


def _walk_blocks(element: etree._Element, collapser: _Collapser, blocks: list[Block]) -> None:
    collapser.boundary()
    if not any(is_block(child) for child in element):
        start = collapser.length
        local = _Collapser()
        _walk_inside(element, local, start, [], [])
        collapser.parts.extend(local.parts)
        collapser.length += local.length
        collapser.space_before = local.space_before if local.length else collapser.space_before
        blocks.append(Block(element, start, collapser.length))
    else:
        collapser.add(element.text or "")
        for child in element:
            if is_block(child):
                _walk_blocks(child, collapser, blocks)
            elif isinstance(child.tag, str):
                local_start = collapser.length
                local = _Collapser()
                local.space_before = collapser.space_before
                _walk_inside(child, local, local_start, [], [])
                collapser.parts.extend(local.parts)
                collapser.length += local.length
                collapser.space_before = local.space_before
            collapser.add(child.tail or "")
    collapser.boundary()


def _walk_inside(
    element: etree._Element,
    collapser: _Collapser,
    offset: int,
    slots: list[Slot],
    marked: list[Marked],
) -> None:
    """Collapse the content of ``element`` (its own text and children) into ``collapser``."""
    start = offset + collapser.length
    _add_slot(element, False, collapser, offset, slots)
    for child in element:
        if isinstance(child.tag, str):
            _walk_inside(child, collapser, offset, slots, marked)
        _add_slot(child, True, collapser, offset, slots)
    marked.append(Marked(element, start, offset + collapser.length))


def _add_slot(
    element: etree._Element, is_tail: bool, collapser: _Collapser, offset: int, slots: list[Slot]
) -> None:
    raw = (element.tail if is_tail else element.text) or ""
    start = offset + collapser.length
    space_before = collapser.space_before
    collapser.add(raw)
    slots.append(Slot(element, is_tail, start, offset + collapser.length, space_before))


def resolve_in(stream: str, anchor: Anchor) -> Resolution:
    """Find ``anchor`` in ``stream``: the whole quote once, or else one close place."""
    if not anchor.text:
        return Resolution("lost")
    quote = anchor.before + anchor.text + anchor.after
    exact = list(_occurrences(stream, quote, limit=2))
    if len(exact) == 1:
        start = exact[0] + len(anchor.before)
        return Resolution("exact", start, start + len(anchor.text), 1)
    if len(exact) > 1:
        return Resolution("ambiguous", places=len(list(_occurrences(stream, quote, limit=100))))
    close = [
        position
        for position in _occurrences(stream, anchor.text)
        if adjacent_context(stream, position, anchor) >= ADJACENT_MIN
        and _context_ratio(stream, position, anchor) >= FUZZY_MIN_RATIO
    ]
    if len(close) == 1:
        return Resolution("moved", close[0], close[0] + len(anchor.text), 1)
    if close:
        return Resolution("ambiguous", places=len(close))
    return Resolution("lost")


def _occurrences(stream: str, needle: str, limit: int | None = None) -> Iterator[int]:
    found = 0
    position = stream.find(needle)
    while position >= 0 and (limit is None or found < limit):
        yield position
        found += 1
        position = stream.find(needle, position + 1)


def adjacent_context(stream: str, position: int, anchor: Anchor) -> int:
    """Characters of context that still touch the text unchanged, on the better side.

    A cheap first test: an edit near a mark leaves at least one side of it
    intact, while an unrelated occurrence of a name rarely shares a few
    characters on either side; only places that pass are compared in full.
    """
    if not anchor.before and not anchor.after:
        return ADJACENT_MIN
    before = stream[max(0, position - len(anchor.before)) : position]
    same_before = 0
    while same_before < len(before) and before[-1 - same_before] == anchor.before[-1 - same_before]:
        same_before += 1
    end = position + len(anchor.text)
    after = stream[end : end + len(anchor.after)]
    same_after = 0
    while same_after < len(after) and after[same_after] == anchor.after[same_after]:
        same_after += 1
    if same_before == len(anchor.before) or same_after == len(anchor.after):
        return max(
            ADJACENT_MIN, same_before, same_after
        )  # one side whole (a short side at an edge)
    return max(same_before, same_after)


def _context_ratio(stream: str, position: int, anchor: Anchor) -> float:
    """How alike the context around ``position`` is to the anchor's (1.0: the same)."""
    if not anchor.before and not anchor.after:
        return 1.0
    before = stream[max(0, position - len(anchor.before)) : position]
    end = position + len(anchor.text)
    after = stream[end : end + len(anchor.after)]
    matcher = difflib.SequenceMatcher(
        None, anchor.before + "\x00" + anchor.after, before + "\x00" + after, autojunk=False
    )
    return matcher.ratio()
