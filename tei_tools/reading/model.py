"""The document model between a reader and the TEI builder.

A reader knows a collection's layout and nothing of TEI; the builder knows TEI
and nothing of layouts.  This model is the contract between them: the text of
each block exactly as it stands in the source (indentation and line wraps
removed, nothing else), with the line it started on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal[
    "head",
    "dateline",
    #: A letter's date line after its text or its signature ("Wien 20/8 43.").
    "closing_dateline",
    "source",
    "salute",
    "p",
    "item",
    "valediction",
    "signed",
    "postscript",
    "endorsement",
    "notes",
    "note",
    "speaker",
    "entry",
    "trailer",
]


@dataclass(frozen=True)
class PageBreak:
    """A line the profile reads as a page break: where it stood, the page's number and image."""

    line: int
    n: str | None = None
    image: str | None = None


@dataclass(frozen=True)
class Block:
    """One structural unit of a document, in reading order."""

    kind: BlockKind
    text: str
    line: int
    #: For numbered items: the number ("1") and the marker as written ("1 .").
    number: str | None = None
    marker: str | None = None
    #: For an endorsement: what it is ("address", "endorsement", "docket", "enclosure").
    note_type: str | None = None
    #: Page breaks inside a paragraph: (offset in ``text`` where the new page begins, the break).
    page_breaks: tuple[tuple[int, PageBreak], ...] = ()
    #: Calls of the notes at the foot inside a paragraph: (offset in ``text``, the note's number).
    #: The call's marker ("[1]", "¹") is not in ``text``; the note goes where it stood.
    note_calls: tuple[tuple[int, str], ...] = ()


@dataclass
class Document:
    """A transcription read into its parts, still plain text."""

    source_name: str
    blocks: list[Block] = field(default_factory=list)
    collection: str = ""
    language: str = "en"
    #: The collection's language when the document is evidently in another (``language``).
    collection_language: str = ""
    #: The function-word counts that made it so ("la 41, de 3"), for the editor's finding.
    language_evidence: str = ""
    #: The decoded source text, for placing findings at their line and column.
    text: str = ""
    #: Lines the profile removed as page chrome: (line number, text, reason).
    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    #: Page breaks (the profile's page markers), in the order of the source.
    pages: list[PageBreak] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return next((b.text for b in self.blocks if b.kind == "head"), None)

    @property
    def date_text(self) -> str | None:
        """The document's date line: the first one, else one written after the text."""
        found = next((b.text for b in self.blocks if b.kind == "dateline"), None)
        if found is None:
            found = next((b.text for b in self.blocks if b.kind == "closing_dateline"), None)
        return found

    @property
    def source_lines(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "source"]
