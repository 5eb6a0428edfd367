"""The scholarly markup step: names, dates and citations, as spans for the builder.

The finders (:mod:`names`, :mod:`dates`, :mod:`citations`) work on plain
strings and know nothing of TEI trees; this module asks them about each block
of a document, turns their answers into :class:`~tei_tools.tei.inline.Span`
objects, and records what an editor should review.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_tools.findings import Finding
from tei_tools.markup.citations import BiblRegister, load_bibl_register, parse_citation
from tei_tools.markup.dates import DateMatch, find_dates, parse_date
from tei_tools.markup.names import NameMatch, find_names
from tei_tools.markup.registers import load_registry
from tei_tools.reading.model import Block, Document
from tei_tools.reading.profiles import Profile
from tei_tools.tei.inline import Span
from tei_tools.xml import TEI_NS

if TYPE_CHECKING:
    from tei_tools.markup.registers import Registry

#: Blocks whose text is the collection's own wording, not the document's: no markup.
UNMARKED_KINDS = frozenset({"trailer"})


class Enricher:
    """Marks up the blocks of one document against a registry."""

    def __init__(self, doc: Document, profile: Profile, *, registry: Registry | None = None):
        self.doc = doc
        self.profile = profile
        self.registry = registry if registry is not None else load_registry()
        self.bibl_register = bibl_register_for(self.registry.sources)
        self.findings: list[Finding] = []
        self._reported: set[tuple[str, str, int]] = set()
        self._previous_source: str | None = None
        self._dateline = dateline_date(doc.date_text, profile.calendar)
        self.document_date = document_date_of(self._dateline)
        self._citations: dict[int, etree._Element] = {}

    def creation_date(self) -> tuple[dict[str, str], str] | None:
        """The header's creation date (attributes, text): the dateline's date, when it parsed."""
        return (dict(self._dateline.attrs), self._dateline.text) if self._dateline else None

    def annotate(self, block: Block) -> list[Span]:
        """The spans to mark in one block's text."""
        if block.kind in UNMARKED_KINDS:
            return []
        if block.kind == "dateline":
            spans = self._dateline_spans(block)
        else:
            spans = [self._date_span(match, block) for match in self._find_dates(block.text)]
        spans.extend(
            self._name_span(match, block) for match in find_names(block.text, self.registry)
        )
        return spans

    def source_element(self, block: Block) -> etree._Element:
        """A structured ``bibl`` for a source line (a fresh copy on every call)."""
        if block.line not in self._citations:
            parsed = parse_citation(
                block.text,
                bibl_register=self.bibl_register,
                document_date=self.document_date,
                default_calendar=self.profile.calendar,
                previous_ref=self._previous_source,
            )
            title = parsed.element.find(f"{{{TEI_NS}}}title")
            if title is not None and title.get("ref"):
                self._previous_source = title.get("ref")
            if not parsed.known:
                self._report(
                    "unknown-source",
                    block.text,
                    parsed.problem or "short title not in the bibliography register",
                    block,
                )
            self._citations[block.line] = parsed.element
        return copy.deepcopy(self._citations[block.line])

    def _find_dates(self, text: str) -> list[DateMatch]:
        return find_dates(
            text, document_date=self.document_date, default_calendar=self.profile.calendar
        )

    def _dateline_spans(self, block: Block) -> list[Span]:
        whole = parse_date(
            block.text, document_date=self.document_date, default_calendar=self.profile.calendar
        )
        if whole is not None:
            return [self._date_span(whole, block)]
        # "Moscow, 5 March 1918": the date inside the line, the place left as text.
        found = self._find_dates(block.text)
        if not found:
            self._report("uncertain-date", block.text, "date line could not be normalised", block)
        return [self._date_span(match, block) for match in found]

    def _date_span(self, match: DateMatch, block: Block) -> Span:
        if match.problem:
            self._report("uncertain-date", match.text, match.problem, block)
        return Span(match.start, match.end, "date", dict(match.attrs))

    def _name_span(self, match: NameMatch, block: Block) -> Span:
        attrs = {"ref": match.ref} if match.ref else {}
        if match.ref is None:
            self._report("unknown-name", match.text, f"{match.tag} not in any register", block)
        children: tuple[Span, ...] = ()
        if match.role is not None:
            children = (Span(match.role[0], match.role[1], "roleName"),)
        return Span(match.start, match.end, match.tag, attrs, children)

    def _report(self, kind: str, text: str, message: str, block: Block) -> None:
        # Both halves of a disagreeing dual date carry the same problem: report it once.
        key = (kind, message, block.line)
        if key not in self._reported:
            self._reported.add(key)
            self.findings.append(Finding(kind, text, message, self.doc.source_name, block.line))


def dateline_date(text: str | None, calendar: str) -> DateMatch | None:
    """The document's date: the whole date line, or else the first date within it."""
    if not text:
        return None
    whole = parse_date(text, default_calendar=calendar)
    if whole is not None:
        return whole
    found = find_dates(text, default_calendar=calendar)
    return found[0] if found else None


@functools.lru_cache(maxsize=8)
def bibl_register_for(sources: tuple[str, ...]) -> BiblRegister:
    """The bibliography register for a set of user files, read once per process.

    A corpus build converts thousands of documents with the same registers;
    re-reading them per document would dominate its run time.
    ``bibl_register_for.cache_clear()`` forgets it.
    """
    return load_bibl_register([Path(source) for source in sources])


def document_date_of(match: DateMatch | None) -> dt.date | None:
    """The document's own date, to place dates written without a year."""
    if match is None:
        return None
    value = match.attrs.get("when") or match.attrs.get("from") or match.attrs.get("notBefore")
    if not value or value.startswith("-"):
        return None
    parts = [int(part) for part in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None
