"""What building one document produces: the summary the collection pages are made from, the
result (status, problems, files), and where each output goes in the site.

Shared by ``document`` (which builds them) and ``pages``/``search``/``build`` (which read them),
so that neither side imports the other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Where each output of a document goes in the site, by kind.
DOCUMENT_DIR, TEI_DIR, TEXT_DIR, PDF_DIR = "documents", "tei", "text", "pdf"


@dataclass
class DocumentSummary:
    """What the collection pages need to know about one document."""

    stem: str
    title: str
    when: str | None = None  # ISO (Gregorian) day, month or year for sorting
    date_label: str = ""  # as shown: "30 November 1917 (17 November 1917 O.S.)"
    julian: str | None = None  # Old Style ISO day, when the date is shown in both styles
    refs: dict[str, int] = field(default_factory=dict)  # "per:trotsky" -> mentions
    citations: list[dict[str, str]] = field(default_factory=list)  # {"key","label","ref"}
    terms: list[str] = field(default_factory=list)  # only for the built-in search index
    #: The document's text without its metadata block, for the built-in index's excerpts.
    text: str = ""
    #: Search filters: "year", "type", "person", "place" -> values (see corpus.search).
    filters: dict[str, list[str]] = field(default_factory=dict)
    #: What the header says of the document's making, for the front-matter pages
    #: (:mod:`tei_tools.corpus.header_facts`): respStmt as [resp, name, xml:id],
    #: revisionDesc/change as [when, who, text], encodingDesc and editorialDecl parts as
    #: [part, text], availability as [licence, url].
    resp: list[list[str]] = field(default_factory=list)
    changes: list[list[str]] = field(default_factory=list)
    editorial: list[list[str]] = field(default_factory=list)
    availability: list[list[str]] = field(default_factory=list)
    #: How many page images the site shows beside the text (:mod:`tei_tools.corpus.facsimile`).
    facsimile_pages: int = 0


@dataclass
class DocumentResult:
    """The outcome of one document: files to write, summary, problems."""

    stem: str
    kind: str
    path: str
    status: str  # "valid" | "invalid" | "unreadable"
    summary: DocumentSummary | None
    problems: list[dict[str, object]] = field(default_factory=list)
    findings: int = 0
    #: site-relative path -> bytes; emptied by the build once written.
    files: dict[str, bytes] = field(default_factory=dict)
    #: Page images the build reduces: [original, web copy, thumbnail] (site-relative copies).
    images: list[list[str]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status != "valid"

    def record(self) -> dict[str, object]:
        """The JSON-able form kept in the build cache (without the files)."""
        data = asdict(self)
        data.pop("files")
        return data

    @classmethod
    def from_record(cls, data: dict) -> DocumentResult:
        summary = data.get("summary")
        return cls(
            **{**data, "summary": DocumentSummary(**summary) if summary else None, "files": {}}
        )
