"""Plain text from any TEI: flowing paragraphs, headings set off, notes at the end.

The plain text is what the foundation's round trip compares with the
source transcription, so it keeps every word of the reading text in
document order and adds no word of its own (no numbering an editor did not
write, no header material that would repeat the title).  Notes are the one
deliberate move: each leaves a ``[n]`` marker where it stood and its text is
listed, numbered, after the main text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from lxml import etree

from tei_tools.export.elements import (
    SILENT,
    WORD_BREAKS,
    breaks_word,
    is_block,
    is_footnote,
    local_name,
    normalise_space,
    shown_apparatus_reading,
    shown_reading,
    text_roots,
)

#: Blocks of these kinds follow each other without a blank line (verse lines,
#: list items, table rows): they belong together.
TIGHT = frozenset({"l", "item", "row", "addrLine", "castItem", "line", "label", "speaker"})


@dataclass
class Block:
    """One paragraph-like unit of output before wrapping."""

    kind: str
    text: str
    indent: int = 0
    prefix: str = ""
    level: int = 1
    group: int = 0  # blocks of one list, stanza or table share a group


@dataclass
class TextWriter:
    """A single pass over the tree that collects blocks and notes.

    Notes are queued as elements and rendered after the main text, so each is
    visited once; a note inside a note simply joins the end of the queue.
    """

    width: int = 72
    blocks: list[Block] = field(default_factory=list)
    notes: list[etree._Element] = field(default_factory=list)
    _inline: list[str] = field(default_factory=list)
    _kinds: list[str] = field(default_factory=lambda: ["p"])
    _prefix: str = ""
    _indent: int = 0
    _level: int = 0
    _joining: bool = False
    _groups: list[int] = field(default_factory=lambda: [0])
    _next_group: int = 1

    # --- walking -------------------------------------------------------------------------

    def walk(self, element: etree._Element) -> None:
        """Render ``element`` and its content; its tail is the caller's business."""
        if not isinstance(element.tag, str):
            return  # comments, processing instructions, unresolved entities
        name = local_name(element)
        if name in SILENT:
            return
        if name == "note" and is_footnote(element):
            self._inline.append(f"[{self.queue_note(element)}]")
            return
        if name in WORD_BREAKS:
            if breaks_word(element):
                self._inline.append(" ")
            else:
                self.join_across_break()
            return
        if name == "gap":
            self._inline.append(" […] ")
            return
        if name in {"choice", "app"}:
            self.walk_reading(element)
            return
        if name == "cell" and element.getprevious() is not None:
            self._inline.append(" | ")
        if is_block(element):
            self.walk_block(element, name)
        else:
            # No brackets for supplied or deleted letters: they would split the
            # words they stand in ("Exs[uperanti]us"); HTML shows them instead.
            self.walk_content(element)

    def walk_reading(self, element: etree._Element) -> None:
        """The shown reading of a ``choice`` or ``app``, and any note inside it."""
        chooser = shown_reading if local_name(element) == "choice" else shown_apparatus_reading
        shown = chooser(element)
        for child in element:
            if child is shown or (isinstance(child.tag, str) and local_name(child) == "note"):
                self.walk(child)

    def walk_content(self, element: etree._Element) -> None:
        """The element's own text, then each child followed by its tail."""
        self.add_text(element.text)
        for child in element:
            self.walk(child)
            self.add_text(child.tail)

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        if self._joining:
            text = text.lstrip(" \t\r\n")
            self._joining = not text
        self._inline.append(text)

    def join_across_break(self) -> None:
        """``memo <lb break="no"/>riam`` reads "memoriam": drop the whitespace around the break."""
        while self._inline and not self._inline[-1].strip(" \t\r\n"):
            self._inline.pop()
        if self._inline:
            self._inline[-1] = self._inline[-1].rstrip(" \t\r\n")
        self._joining = True

    def queue_note(self, note: etree._Element) -> int:
        """Queue a note for the notes section; its number (the streaming writer spools it)."""
        self.notes.append(note)
        return len(self.notes)

    def walk_block(self, element: etree._Element, name: str) -> None:
        saved = self.begin_block(element, name)
        self.walk_content(element)
        self.end_block(name, saved)

    def begin_block(self, element: etree._Element, name: str) -> tuple[int, int]:
        """What :meth:`walk_block` does before the content; returns what :meth:`end_block` restores.

        Split so that the streaming writer can open a division at its start tag
        and close it at its end tag (tei_tools.export.stream).
        """
        self.flush()
        kind = "p" if name in {"ab", "div", "body", "front", "back", "text"} else name
        saved = (self._indent, self._level)
        if name == "list":
            self._indent += 2 if self._kinds[-1] == "item" else 0
        elif name.startswith("div"):
            self._level += 1
        elif name == "item" and not starts_with_label(element):
            self._prefix = "- "
        self._kinds.append(kind)
        if kind not in TIGHT:
            self._groups.append(self._next_group)
            self._next_group += 1
        return saved

    def end_block(self, name: str, saved: tuple[int, int]) -> None:
        """Close a block opened by :meth:`begin_block`."""
        kind = self._kinds[-1]
        self.flush()
        if kind not in TIGHT:
            self._groups.pop()
        self._kinds.pop()
        self._indent, self._level = saved

    def flush(self) -> None:
        """Turn the pending inline text into a block of the innermost block kind."""
        text = normalise_space("".join(self._inline)).strip()
        self._inline.clear()
        if not text:
            return
        kind = self._kinds[-1]
        self.blocks.append(
            Block(kind, text, self._indent, self._prefix, max(self._level, 1), self._groups[-1])
        )
        self._prefix = ""

    # --- notes ---------------------------------------------------------------------------

    def render_notes(self) -> list[Block]:
        """Render queued notes in the order their markers appear (nested ones last)."""
        main_blocks = self.blocks
        note_blocks: list[Block] = []
        index = 0
        while index < len(self.notes):
            note = self.notes[index]
            index += 1
            self.blocks = []
            self._kinds = ["note"]
            self._indent = 0
            self._prefix = f"[{index}] "
            self.walk_content(note)
            self.flush()
            note_blocks.extend(self.blocks)
        self.blocks = main_blocks
        return note_blocks


def starts_with_label(item: etree._Element) -> bool:
    """An item that carries its own label (``<label>1 .</label>``), or follows one, needs no bullet."""
    first = next((child for child in item if isinstance(child.tag, str)), None)
    if first is not None and local_name(first) == "label" and not (item.text or "").strip():
        return True
    previous = item.getprevious()
    return previous is not None and local_name(previous) == "label"


def format_block(block: Block, width: int) -> str:
    """Wrap one block; headings get an underline, prefixes a hanging indent."""
    indent = " " * block.indent
    wrapped = textwrap.fill(
        block.text,
        width=max(width, 20),
        initial_indent=indent + block.prefix,
        subsequent_indent=indent + " " * len(block.prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )
    if block.kind == "head":
        longest = max(len(line) for line in wrapped.splitlines())
        rule = "=" if block.level <= 1 else "-"
        wrapped += "\n" + rule * min(longest, max(width, 20))
    return wrapped


def join_blocks(blocks: list[Block], width: int) -> str:
    """Blank lines between blocks, except inside runs of tight ones (verse, lists, rows)."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            tight = (
                block.kind in TIGHT
                and previous.kind in TIGHT
                and block.group == previous.group
                and block.kind != "speaker"
            )
            parts.append("\n" if tight else "\n\n")
        parts.append(format_block(block, width))
        previous = block
    return "".join(parts)


def export_text(tree: etree._ElementTree | etree._Element, *, width: int = 72) -> str:
    """The reading text of a TEI document, wrapped at ``width`` columns.

    Renders ``text`` (front, body, back) of any TEI; the header is left out
    because the body's own heading already carries the title.

    >>> from lxml import etree
    >>> doc = etree.fromstring(
    ...     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
    ...     '<head>A TITLE</head><p>Some <choice><sic>txet</sic><corr>text</corr></choice>'
    ...     '<note>A note.</note> here.</p></body></text></TEI>'
    ... )
    >>> print(export_text(doc))
    A TITLE
    =======
    <BLANKLINE>
    Some text[1] here.
    <BLANKLINE>
    Notes
    -----
    <BLANKLINE>
    [1] A note.
    <BLANKLINE>
    """
    writer = TextWriter(width=width)
    for root in text_roots(tree):
        writer.walk(root)
        writer.flush()
    notes = writer.render_notes()
    body = join_blocks(writer.blocks, width)
    if notes:
        body += "\n\nNotes\n-----\n\n" + join_blocks(notes, width)
    return body + "\n" if body else ""
