"""The scholarly markup step: names, dates and citations, as spans for the builder.

The finders (:mod:`names`, :mod:`dates`, :mod:`citations`) work on plain
strings and know nothing of TEI trees; this module asks them about each block
of a document, turns their answers into :class:`~tei_tools.tei.inline.Span`
objects, and records what an editor should review.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_tools.findings import Finding, context_around
from tei_tools.markup.candidates import (
    COMMON_MID_SENTENCE,
    GAZETTEER_AFTER_PREPOSITION,
    GAZETTEER_ALONE,
    LISTED,
    LONE_NAME,
    SPEECH,
    WEAK_PERSON_REASONS,
    Candidate,
    find_candidates,
)
from tei_tools.markup.citations import BiblRegister, load_bibl_register, parse_citation
from tei_tools.markup.dates import (
    WRITTEN_YEAR,
    DateMatch,
    find_dates,
    find_dates_in_sequence,
    parse_date,
    reference_day,
)
from tei_tools.markup.folding import fold
from tei_tools.markup.language_names import find_language_candidates
from tei_tools.markup.names import PEERAGES, TITLES, NameMatch, find_names
from tei_tools.markup.registers import (
    ENTRY_FOR_NAME,
    PREFIX_OF_KIND,
    entry_id,
    entry_xml,
    load_registry,
)
from tei_tools.markup.vocabulary import (
    gazetteer_place,
    is_given_name,
    titles_before_given_names,
    word_frequency,
)
from tei_tools.reading.languages import (
    ENGLISH,
    base_code,
    document_language_note,
    is_known,
    unknown_language_note,
)
from tei_tools.reading.layout import is_valediction
from tei_tools.reading.model import Block, Document
from tei_tools.reading.positions import SourceLocator
from tei_tools.reading.profiles import Profile
from tei_tools.tei.inline import Span
from tei_tools.xml import TEI_NS

if TYPE_CHECKING:
    from tei_tools.markup.registers import Entry, Registry

_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s+$")

#: Blocks whose text is the collection's own wording, not the document's: no markup.
UNMARKED_KINDS = frozenset({"trailer"})


class Enricher:
    """Marks up the blocks of one document against a registry.

    What holds for the whole document is read when the enricher is made: a
    surname alone links to the person the document names in full anywhere,
    a name typed in one place is of that type everywhere, and an "ibid."
    source line follows the one before it.  The blocks' spans are then made
    in reading order as they are asked for, since a date without a year takes
    its year from the dates before it: asking for a block marks the blocks
    before it that are not marked yet.  So what :meth:`annotate` and
    :meth:`source_element` give for a block does not depend on which blocks
    were asked for before, or how often, and :attr:`findings` are in reading
    order whatever the order of asking.  A builder that asks once per block in
    reading order (:meth:`hand_over`) holds one block's spans at a time, not a
    large document's millions (issue 26).
    """

    def __init__(self, doc: Document, profile: Profile, *, registry: Registry | None = None):
        self.doc = doc
        self.profile = profile
        self.registry = registry if registry is not None else load_registry()
        self.bibl_register = bibl_register_for(self.registry.sources)
        # (the block's place in the document, the finding): sorted into reading order when read.
        self._found: list[tuple[int, Finding]] = []
        self._reported: set[tuple[str, str, int, str]] = set()
        self._dateline = dateline_date(doc.date_text, profile.calendar, doc.language)
        # Without a date line, a title that gives a full date ("... log of the Bounty, 28 April
        # 1789") still dates the document: for dates without a year, and for whom the
        # registers may mean (nobody is named before their birth).
        self.document_date = document_date_of(self._dateline) or _date_of_title(
            doc.title, profile.calendar, doc.language
        )
        self._named_in_full: dict[str, str] = {}
        self._person_surnames: frozenset[str] = frozenset()
        #: The type a name has where its own context types it (not by weak person evidence
        #: nor by its neighbours), which wins over the weaker typings elsewhere.
        self._strong: dict[str, str] = {}
        #: Calendars other than the Julian and Gregorian that the document's dates are in.
        self.dating_methods: set[str] = set()
        self._surname_cache: dict[str, bool] = {}
        self._typed: dict[str, tuple[str, str]] = {}
        self._taken_ids: dict[str, frozenset[str]] = {}
        self.locator = SourceLocator(doc.text) if doc.text else None
        # Blocks are frozen values (kind, text, line): a block is its own key.
        self._order = {block: index for index, block in enumerate(doc.blocks)}
        self._spans: dict[Block, list[Span]] = {}
        self._citations: dict[Block, etree._Element] = {}
        self._names, self._candidates = self._prepare()
        self._cite_sources()
        #: The next block to mark, and the anchor a date without a year takes its year from.
        self._next = 0
        self._anchor = self.document_date
        #: Where an entry's heading without a year ("May 12.") takes its year: the document's
        #: own date and the headings with a year, never a date the prose mentions ("died
        #: Augt. 30. 1706" in a journal of 1714).
        self._timeline = self.document_date
        self._language_note: list[Finding] = []
        if not is_known(doc.language) and doc.blocks:
            first = doc.blocks[0]
            reported = len(self._found)
            self._report("unknown-language", first.text, unknown_language_note(doc.language), first)
            # Listed after every block's findings, as when the whole document was marked first.
            self._language_note = [finding for _, finding in self._found[reported:]]
            del self._found[reported:]
        if doc.collection_language and doc.blocks:
            first = doc.blocks[0]
            note = document_language_note(
                doc.language, doc.collection_language, doc.language_evidence
            )
            reported = len(self._found)
            self._report("document-language", first.text, note, first)
            self._language_note += [finding for _, finding in self._found[reported:]]
            del self._found[reported:]

    @property
    def findings(self) -> list[Finding]:
        """What an editor should review in the document, in reading order (every block marked)."""
        self._mark_through(len(self.doc.blocks))
        ordered = sorted(self._found, key=lambda found: found[0])  # stable: a block's own order
        return [finding for _, finding in ordered] + self._language_note

    def creation_date(self) -> tuple[dict[str, str], str] | None:
        """The header's creation date (attributes, text): the dateline's date, when it parsed."""
        return (dict(self._dateline.attrs), self._dateline.text) if self._dateline else None

    def annotate(self, block: Block) -> list[Span]:
        """The spans to mark in one block's text (a source line's are :meth:`source_element`).

        Any number of times, in any order: the blocks before it are marked first if they
        are not yet, so the spans are those of a reading of the whole document in order.
        """
        if block.kind in UNMARKED_KINDS or block.kind == "source":
            return []
        index = self._order.get(block)
        if index is None:
            raise ValueError(f"line {block.line}: not a block of {self.doc.source_name}")
        self._mark_through(index + 1)
        spans = self._spans.get(block)
        if spans is None:
            raise ValueError(f"line {block.line}: its spans were handed over already")
        return spans

    def hand_over(self, block: Block) -> list[Span]:
        """:meth:`annotate`, forgetting the spans: for the tree builder, which asks once per block.

        The spans of a block already in the tree are freed while the next blocks are built
        (a large document's names and spans would otherwise all be held to the end).
        """
        spans = self.annotate(block)
        self._spans.pop(block, None)
        return spans

    def _entry_for(self, name: str, tag: str | None) -> str:
        """The register entry to suggest for ``name``, its id clear of the registry's ids."""
        name_tag = tag if tag in ENTRY_FOR_NAME else "persName"
        prefix = PREFIX_OF_KIND[ENTRY_FOR_NAME[name_tag][0]]
        if prefix not in self._taken_ids:
            self._taken_ids[prefix] = frozenset(
                ref.partition(":")[2]
                for ref in self.registry.entries
                if ref.startswith(prefix + ":")
            )
        return register_entry_for(name, name_tag, self._taken_ids[prefix])

    def source_element(self, block: Block) -> etree._Element:
        """A structured ``bibl`` for a source line (a fresh copy on every call)."""
        if block not in self._citations:
            raise ValueError(f"line {block.line}: not a source line of {self.doc.source_name}")
        return copy.deepcopy(self._citations[block])

    def _cite_sources(self) -> None:
        """Every source line's ``bibl``, in reading order: an "ibid." repeats the one before."""
        previous_source: str | None = None
        for block in self.doc.blocks:
            if block.kind == "source":
                element = self._citation(block, previous_source)
                title = element.find(f"{{{TEI_NS}}}title")
                if title is not None and title.get("ref"):
                    previous_source = title.get("ref")
                self._citations[block] = element

    def _mark_through(self, end: int) -> None:
        """The spans of the blocks before ``end`` that are not marked yet, in reading order."""
        blocks = self.doc.blocks
        while self._next < end:
            block = blocks[self._next]
            self._next += 1
            if block.kind != "source" and block.kind not in UNMARKED_KINDS:
                # Popped: a block's names are dropped once its spans exist (memory, issue 26).
                known, candidates = self._names.pop(block), self._candidates.pop(block)
                self._spans[block], self._anchor, self._timeline = self._mark(
                    block, self._anchor, self._timeline, known, candidates
                )

    def _mark(
        self,
        block: Block,
        anchor: dt.date | None,
        timeline: dt.date | None,
        known: list[NameMatch],
        candidates: list[Candidate],
    ) -> tuple[list[Span], dt.date | None, dt.date | None]:
        """The spans of one block, and the anchor and the timeline for the blocks after it."""
        if block.kind in ("dateline", "closing_dateline"):
            spans, anchor = self._dateline_spans(block, anchor)
        else:
            found, after = self._find_dates(block.text, anchor)
            heading = found[0] if found and not block.text[: found[0].start].strip() else None
            if heading is not None and not WRITTEN_YEAR.search(heading.text):
                if timeline is not None and timeline != anchor:
                    found, after = self._find_dates(block.text, timeline)
            elif heading is not None:
                timeline = reference_day(heading.attrs, year_alone=False) or timeline
            anchor = after
            spans = [self._date_span(match, block) for match in found]
        spans.extend(self._name_span(match, block) for match in known)
        dates = [(s.start, s.end) for s in spans if s.tag == "date"]
        for candidate in candidates:
            if any(start < candidate.end and candidate.start < end for start, end in dates):
                continue
            strong = self._strong.get(candidate.text)
            if candidate.tag is None and candidate.text in self._typed:
                tag, reason = self._typed[candidate.text]
                candidate = replace(candidate, tag=strong or tag, reason=reason, marked=True)
            elif strong not in (None, candidate.tag) and not _first_hand(candidate.reason):
                # "by Katanga" (a person's evidence a place's name can have) where "the mines
                # of Katanga" or "at Katanga" shows a place elsewhere in the document
                candidate = replace(candidate, tag=strong, reason=_TYPED_ELSEWHERE)
            elif candidate.text in self._person_surnames and (
                candidate.reason in GAZETTEER_ALONE
                or (
                    candidate.reason == GAZETTEER_AFTER_PREPOSITION
                    and _AMBIGUOUS_PREPOSITION.search(block.text, 0, candidate.start)
                )
            ):
                # "Mr. Pakenham ... Pakenham said": the document's own person beats a town of
                # that name that only the gazetteer knows
                candidate = replace(candidate, tag="persName", reason=_SURNAME_OF_NAMED)
            span = self._candidate_span(candidate, block)
            if span is not None:
                spans = _longest_wins(spans, span)
        return _styles_joined(spans, block.text), anchor, timeline

    def _find_candidates(
        self, block: Block, known: list[NameMatch], after: Block | None = None
    ) -> list[Candidate]:
        # A line that is only a name signs the document, unless it is a place's name
        # (the "Whitehall." of a calendar entry) with no closing formula before it.
        lone = (
            block.kind == "p"
            and LONE_NAME.match(block.text) is not None
            and not _opens_with_a_common_word(block.text)
        )
        if lone and gazetteer_place(block.text.rstrip(".").title()) is not None:
            lone = after is not None and is_valediction(after.text)
        if base_code(self.doc.language) != ENGLISH:
            # German, French, Latin, ...: that language's words (or, for a language with
            # none, the evidence of any language), not English titles and frequencies.
            return find_language_candidates(
                block.text,
                [(m.start, m.end, m.tag) for m in known],
                self.doc.language,
                in_signature=block.kind == "signed" or lone,
                in_salute=block.kind == "salute",
                in_dateline=block.kind in ("dateline", "closing_dateline"),
                in_title=block.kind == "head",
            )
        return find_candidates(
            block.text,
            [(m.start, m.end, m.tag) for m in known],
            in_signature=block.kind == "signed" or lone,
            in_salute=block.kind == "salute",
            in_dateline=block.kind in ("dateline", "closing_dateline"),
            is_surname=self._is_surname,
        )

    def _prepare(self) -> tuple[dict[Block, list[NameMatch]], dict[Block, list[Candidate]]]:
        """The register names and the other names of every block; the people named in full.

        A surname alone links to a person the same document names in full
        ("Summers" after "Maddin Summers"), wherever in the document that is.
        """
        names: dict[Block, list[NameMatch]] = {}
        candidates_of: dict[Block, list[Candidate]] = {}
        for block in self.doc.blocks:
            if block.kind in UNMARKED_KINDS:
                continue
            found = [
                self._widen_misspelt(match, block.text) if match.tag == "orgName" else match
                for match in find_names(block.text, self.registry, self.document_date)
            ]
            if base_code(self.doc.language) != ENGLISH:
                # The name grammar's titles are English ("M." is not "Monsieur" there): in
                # another language only the registers' names stand, the rest is read by
                # that language's words (markup.language_names).
                found = [match for match in found if match.ref]
            names[block] = found
            for match in found:
                if match.tag == "persName" and match.ref and _is_full_name(match):
                    entry = self.registry.lookup(match.ref)
                    for surname in entry.surnames if entry else ():
                        self._named_in_full.setdefault(fold(surname), match.ref)
        # Names no register has, once per block; a name typed by its context in one place
        # is of that type wherever the document writes it ("Tredwell returning ..." and
        # later "Tredwell telegraphs").
        previous: Block | None = None
        for block in self.doc.blocks:
            after, previous = previous, block
            if block in names:
                candidates = self._find_candidates(block, names[block], after)
                candidates_of[block] = candidates
                for candidate in candidates:
                    if candidate.tag is not None:
                        self._typed.setdefault(candidate.text, (candidate.tag, _TYPED_ELSEWHERE))
                        if _first_hand(candidate.reason):
                            self._strong.setdefault(candidate.text, candidate.tag)
        # A person the document names in full ("Josiah Hartwell", "Governor Bernard") is a
        # person where it gives the surname alone ("Hartwell wrote").
        surnames: dict[str, tuple[str, str]] = {}
        full = [c.text for cs in candidates_of.values() for c in cs if c.tag == "persName"]
        full += [m.text for ms in names.values()
                 for m in ms if m.tag == "persName" and m.ref is None]  # fmt: skip
        for name in full:
            words = [w for w in name.split() if not w.endswith((".", ":"))]
            if len(words) >= 1 and len(name.split()) >= 2 and words[-1][:1].isupper():
                surname = words[-1].rstrip(",;")
                surnames.setdefault(surname, ("persName", _SURNAME_OF_NAMED))
        for surname, typed in surnames.items():
            self._typed.setdefault(surname, typed)
        self._person_surnames = frozenset(surnames)
        return names, candidates_of

    def _is_surname(self, word: str) -> bool:
        known = self._surname_cache.get(word)
        if known is None:
            bare = word[:-2] if word.endswith(("'s", "’s")) else word
            key = fold(bare)
            known = key in self._named_in_full or bool(self.registry.by_surname(bare))
            self._surname_cache[word] = known
        return known

    def _widen_misspelt(self, match: NameMatch, text: str) -> NameMatch:
        """A registered name with a misspelt first word before it: "Ukranian Central Rada".

        The register has "Ukrainian Central Rada"; the automaton matched only
        "Central Rada".  The word before is taken in when a longer form of the
        same entry begins with a word spelt nearly like it; the text stays as written.
        """
        if match.ref is None or match.tag != "orgName" or match.start < 3:
            return match
        # The word before, found with string methods: most bodies follow "the", and a
        # regular expression per name would cost more than the check it makes.
        space = match.start - 1
        if not text[space].isspace():
            return match
        previous = text.rfind(" ", 0, space) + 1
        if not text[previous : previous + 1].isupper():
            return match
        before = _WORD_BEFORE.search(text, previous, match.start)
        entry = self.registry.lookup(match.ref)
        if before is None or entry is None:
            return match
        word = before.group(1)
        for form in entry.names:
            head, _, rest = form.partition(" ")
            if fold(rest) == fold(match.text) and _nearly(head, word):
                start = match.start - len(before.group(0))
                return NameMatch(
                    start, match.end, match.tag, match.ref, match.role, text[start : match.end]
                )
        return match

    def _candidate_span(self, candidate: Candidate, block: Block) -> Span | None:
        """A name no register matched: linked by surname, marked for review, or only reported."""
        if candidate.tag in (None, "persName"):
            linked = self._by_surname(candidate, block)
            if linked is not None:
                return linked
        if not candidate.marked or candidate.tag is None:
            self._report_name(
                "possible-name", candidate, block, _suggested_type(candidate.text), {}
            )
            return None
        self._report_name("unlinked-name", candidate, block, candidate.tag, {})
        for start, end, tag in candidate.inner:
            # the place inside a body's name is a name to review too ("Assembly of Jamaica")
            inner = Candidate(start, end, block.text[start:end], tag, "inside a body's name", True)
            self._report_name("unlinked-name", inner, block, tag, {})
        children = tuple(
            Span(start, end, tag, {"cert": "low"}) for start, end, tag in candidate.inner
        )
        return Span(candidate.start, candidate.end, candidate.tag, {"cert": "low"}, children)

    def _by_surname(self, candidate: Candidate, block: Block) -> Span | None:
        """A surname (with initials) that the document or the registers tie to one person."""
        surname = candidate.text.split()[-1]
        surname = surname[:-2] if surname.endswith(("'s", "’s")) else surname
        named = self._named_in_full.get(fold(surname))
        if named is not None:
            return Span(candidate.start, candidate.end, "persName", {"ref": named})
        people = [e for e in self.registry.by_surname(surname) if _alive_on(e, self.document_date)]
        if not people:
            return None
        if len(people) == 1:
            ref = people[0].ref
            self._report_name(
                "linked-by-surname",
                candidate,
                block,
                "persName",
                {"ref": ref},
                message=f"linked by surname alone to {ref} ({people[0].label}): check it",
            )
            return Span(candidate.start, candidate.end, "persName", {"ref": ref})
        refs = [e.ref for e in people]
        self._report_name(
            "ambiguous-name",
            candidate,
            block,
            "persName",
            {"candidates": refs},
            message=f"surname of {len(refs)} register people ({', '.join(refs)}): not linked",
        )
        return Span(candidate.start, candidate.end, "persName", {"cert": "low"})

    def _report_name(
        self,
        kind: str,
        candidate: Candidate,
        block: Block,
        tag: str | None,
        suggestion: dict[str, object],
        *,
        message: str | None = None,
    ) -> None:
        if kind in ("unlinked-name", "possible-name"):
            suggestion = {**suggestion, "entry": self._entry_for(candidate.text, tag)}
        text = message or (
            f"{tag or 'name'} in no register ({candidate.reason})"
            if kind == "unlinked-name"
            else f"possibly a name ({candidate.reason}); not marked"
        )
        self._report(
            kind, candidate.text, text, block, candidate.start, candidate.end, tag, suggestion
        )

    def _citation(self, block: Block, previous_ref: str | None) -> etree._Element:
        """A source line's ``bibl``; ``previous_ref`` is the source an "ibid." repeats."""
        parsed = parse_citation(
            block.text,
            bibl_register=self.bibl_register,
            document_date=self.document_date,
            default_calendar=self.profile.calendar,
            previous_ref=previous_ref,
        )
        if not parsed.known:
            self._report(
                "unknown-source",
                block.text,
                parsed.problem or "short title not in the bibliography register",
                block,
            )
        return parsed.element

    def _find_dates(
        self, text: str, anchor: dt.date | None
    ) -> tuple[list[DateMatch], dt.date | None]:
        return find_dates_in_sequence(
            text, anchor=anchor, default_calendar=self.profile.calendar, language=self.doc.language
        )

    def _dateline_spans(
        self, block: Block, anchor: dt.date | None
    ) -> tuple[list[Span], dt.date | None]:
        whole = parse_date(
            block.text,
            document_date=self.document_date,
            default_calendar=self.profile.calendar,
            language=self.doc.language,
        )
        if whole is not None:
            return [self._date_span(whole, block)], anchor
        # "Moscow, 5 March 1918": the date inside the line, the place left as text.
        found, anchor = self._find_dates(block.text, anchor)
        if not found:
            self._report("uncertain-date", block.text, "date line could not be normalised", block)
        return [self._date_span(match, block) for match in found], anchor

    def _date_span(self, match: DateMatch, block: Block) -> Span:
        method = match.attrs.get("datingMethod")
        if method and method != "#julian":  # the header declares every calendar used
            self.dating_methods.add(method.lstrip("#"))
        if match.problem:
            self._report(
                "uncertain-date", match.text, match.problem, block, match.start, match.end, "date"
            )
        return Span(match.start, match.end, "date", dict(match.attrs))

    def _name_span(self, match: NameMatch, block: Block) -> Span:
        attrs = {"ref": match.ref} if match.ref else {"cert": "low"}
        if match.ref is None:
            name_start = match.role[1] if match.role else match.start
            while name_start < match.end and block.text[name_start].isspace():
                name_start += 1
            surname = Candidate(
                name_start,
                match.end,
                block.text[name_start : match.end],
                "persName",
                "after a title",
                True,
            )
            title = block.text[match.role[0] : match.role[1]] if match.role else ""
            # A ruler is named by a given name ("Prince George", "Queen Anne"): the word
            # after such a title is no surname to look up.
            last_title_word = title.split()[-1].rstrip(".") if title.split() else ""
            by_surname = (
                bool(surname.text.strip()) and last_title_word not in titles_before_given_names()
            )
            linked = self._by_surname(surname, block) if by_surname else None
            if linked is not None and "ref" in linked.attrs:
                attrs = {"ref": linked.attrs["ref"]}
            elif linked is None:
                self._report(
                    "unlinked-name",
                    match.text,
                    f"{match.tag} in no register (after a title)",
                    block,
                    match.start,
                    match.end,
                    match.tag,
                    {"entry": self._entry_for(surname.text, match.tag)},
                )
        children: tuple[Span, ...] = ()
        if match.role is not None:
            children = (Span(match.role[0], match.role[1], "roleName"),)
        return Span(match.start, match.end, match.tag, attrs, children)

    def _report(
        self,
        kind: str,
        text: str,
        message: str,
        block: Block,
        start: int | None = None,
        end: int | None = None,
        tag: str | None = None,
        suggestion: dict[str, object] | None = None,
    ) -> None:
        # Both halves of a disagreeing dual date carry the same problem: report it once.
        key = (kind, message, block.line, text if start is not None else "")
        if key in self._reported:
            return
        self._reported.add(key)
        if start is None:
            start, end = (0, len(block.text)) if text == block.text else _find(block.text, text)
        end = start if end is None else end
        where = self.locator.locate(block, start, end) if self.locator else None
        self._found.append(
            (
                self._order[block],
                Finding(
                    kind,
                    text,
                    message,
                    self.doc.source_name,
                    line=where.line if where else block.line,
                    column=where.column if where else None,
                    start=where.start if where else None,
                    end=where.end if where else None,
                    type=tag,
                    context=context_around(block.text, start, end or start),
                    suggestion=suggestion or {},
                ),
            )
        )


def _longest_wins(spans: list[Span], new: Span) -> list[Span]:
    """Add ``new`` unless it crosses a span; the names it wholly contains give way to it.

    "Government of the Russian Republic" is one body, not a body around a place.
    """
    inside = [s for s in spans if new.start <= s.start and s.end <= new.end and s.tag != "date"]
    crossing = [s for s in spans if s not in inside and s.start < new.end and new.start < s.end]
    if crossing:
        return spans
    if new.tag == "orgName":
        # A body named after a place keeps the place marked inside it: "East India Company".
        places = tuple(s for s in inside if s.tag == "placeName")
        kept = tuple(c for c in new.children if not any(_overlap(c, p) for p in places))
        if places:
            new = Span(new.start, new.end, new.tag, new.attrs, tuple(sorted(
                (*kept, *places), key=lambda s: s.start)))  # fmt: skip
    return [s for s in spans if s not in inside] + [new]


def _first_hand(reason: str) -> bool:
    """Whether a candidate's type comes from its own context, strongly: not from a neighbour,
    another place of the document, or person evidence a place's name can also have."""
    return not (
        # "Lincoln signed": a verb of speech is the person's own act, kept first-hand
        (reason in WEAK_PERSON_REASONS and reason != SPEECH)
        or reason.startswith(LISTED)
        or reason == _TYPED_ELSEWHERE
    )


#: Why a name is of the type it has elsewhere in the document.
_TYPED_ELSEWHERE = "so typed elsewhere in the document"
#: Why a surname alone is a person: the document names that person in full or with a title.
_SURNAME_OF_NAMED = "the surname of a person named in full"
#: Prepositions a person's name takes as often as a place's ("letters addressed to Livingstone",
#: "the neglect of Livingstone's supplies"), unlike "at", "in" or "near".
_AMBIGUOUS_PREPOSITION = re.compile(r"\b(?:of|to|by|for|with)\s+$", re.IGNORECASE)


def _styles_joined(spans: list[Span], text: str) -> list[Span]:
    """A person's given names and the style after them are one name: "Georgina Charlotte
    Marchioness of Cholmondeley", "Peter Robert Lord Gwydir" (found as two persNames, the
    second after its title).  Names linked to a register are left as they are."""
    ordered = sorted(spans, key=lambda s: s.start)
    result: list[Span] = []
    for span in ordered:
        before = result[-1] if result else None
        if (
            before is not None
            and before.tag == span.tag == "persName"
            and text[before.end : span.start] == " "
            and "ref" not in before.attrs
            and "ref" not in span.attrs
            and text[span.start :].split(" ", 1)[0] in _STYLES
        ):
            result[-1] = Span(
                before.start, span.end, "persName", {**span.attrs, **before.attrs},
                (*before.children, *span.children),
            )  # fmt: skip
        else:
            result.append(span)
    completed = [_with_numeral_or_realm(span, text) for span in result]
    changed = len(result) < len(spans) or any(a is not b for a, b in zip(completed, result))
    return completed if changed else spans


def _with_numeral_or_realm(span: Span, text: str) -> Span:
    """A ruler's regnal number ("Queen Elizabeth I", "Henry VIII") and a style's realm ("Mary
    Queen of Scots") belong to the name.  A register link made without the number is dropped:
    "King George III" is not the register's King George of 1917."""
    if span.tag != "persName":
        return span
    name = text[span.start : span.end]
    words = name.split()
    royal = words[0] in titles_before_given_names() or (len(words) == 1 and is_given_name(name))
    numeral = _REGNAL.match(text, span.end) if royal else None
    if numeral is not None:
        attrs = {k: v for k, v in span.attrs.items() if k != "ref"}
        if "ref" in span.attrs:
            attrs["cert"] = "low"
        return Span(span.start, numeral.end(1), span.tag, attrs, span.children)
    realm = _REALM.match(text, span.end) if words[-1] in _STYLES and len(words) > 1 else None
    if realm is not None and "ref" not in span.attrs:
        return Span(span.start, realm.end(), span.tag, span.attrs, span.children)
    return span


#: A regnal number after a ruler's name: II to XXX anywhere, "I" only before punctuation or
#: the end ("Elizabeth I."), since "I" before a verb is the pronoun.
_REGNAL = re.compile(r" (X{0,3}(?:IX|IV|V?I{0,3})(?<![ ])(?<! I)|I(?=$|[.,;:)]))(?![\w])")
#: "of" and a capitalised name after a style: "Queen of Scots", "King of the Romans".
_REALM = re.compile(r" of (?:the )?[A-Z][\w'’-]+")


#: Styles that follow a person's given names: peerages and royal titles.
_STYLES = frozenset((*PEERAGES, "King", "Queen"))


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _nearly(written: str, found: str) -> bool:
    """Two spellings of one word: "Ukrainian" and "Ukranian", "Roumanian" and "Rumanian"."""
    if written == found:
        return False  # an exact form would have matched already
    return difflib.SequenceMatcher(None, fold(written), fold(found)).ratio() >= 0.85


def _is_full_name(match: NameMatch) -> bool:
    """A person named with more than a surname (titles and initials do not count)."""
    start = match.role[1] if match.role else match.start
    words = [w for w in match.text[start - match.start :].split() if not w.endswith(".")]
    return len(words) >= 2


def _alive_on(entry: Entry, day: dt.date | None) -> bool:
    """Whether a person may act on ``day``: born before it, and not dead long before."""
    if day is None:
        return True
    born = int(entry.birth[:4]) if entry.birth and entry.birth[:4].isdigit() else None
    died = int(entry.death[:4]) if entry.death and entry.death[:4].isdigit() else None
    return (born is None or born + 15 <= day.year) and (died is None or died >= day.year)


def _find(text: str, part: str) -> tuple[int, int]:
    at = text.find(part)
    return (at, at + len(part)) if at >= 0 else (0, len(text))


#: Endings that suggest a type for a name the context does not type (for the report only).
_PLACE_ENDINGS = ("sk", "grad", "burg", "pol", "polis", "ia", "land", "stan", "ovo", "evo", "ino")
_PERSON_ENDINGS = ("ov", "ev", "in", "sky", "ski", "vich", "enko", "yan", "ian", "dze", "shvili")


def _suggested_type(name: str) -> str | None:
    last = name.split()[-1].lower().strip(".'’s")
    if last.endswith(_PLACE_ENDINGS):
        return "placeName"
    if last.endswith(_PERSON_ENDINGS) or len(name.split()) >= 2:
        return "persName"
    return None


def register_entry_for(name: str, tag: str | None, taken: Iterable[str] = ()) -> str:
    """A register entry for ``name`` an editor can paste into a register file.

    Built as the language server's quick fix and the review application build
    theirs (:func:`~tei_tools.markup.registers.entry_id`,
    :func:`~tei_tools.markup.registers.entry_xml`), so the report, the editor
    and the review propose the same ``xml:id`` for the same name; ``taken``
    are the ids of the prefix already in use.

    >>> register_entry_for("Щербачёв", "persName")
    '<person xml:id="shcherbachev"><persName>Щербачёв</persName></person>'
    """
    name_tag = tag if tag in ENTRY_FOR_NAME else "persName"
    return entry_xml(name_tag, name, entry_id(name, taken))


def dateline_date(text: str | None, calendar: str, language: str = "en") -> DateMatch | None:
    """The document's date: the whole date line, or else the first date within it."""
    if not text:
        return None
    whole = parse_date(text, default_calendar=calendar, language=language)
    if whole is not None:
        return whole
    found = find_dates(text, default_calendar=calendar, language=language)
    return found[0] if found else None


@functools.lru_cache(maxsize=8)
def bibl_register_for(sources: tuple[str, ...]) -> BiblRegister:
    """The bibliography register for a set of user files, read once per process.

    A corpus build converts thousands of documents with the same registers;
    re-reading them per document would dominate its run time.
    ``bibl_register_for.cache_clear()`` forgets it.
    """
    return load_bibl_register([Path(source) for source in sources])


def _date_of_title(title: str | None, calendar: str, language: str) -> dt.date | None:
    """The day of the first date in a title written with its day, month and year."""
    if not title:
        return None
    for match in find_dates(title, default_calendar=calendar, language=language):
        when = match.attrs.get("when", "")
        if len(when) == 10 and when[:4].isdigit():
            return document_date_of(match)
    return None


def document_date_of(match: DateMatch | None) -> dt.date | None:
    """The document's own date, to place dates written without a year.

    A document dated by a month or a year alone is dated from its middle, by
    the one rule of :func:`~tei_tools.markup.dates.reference_day`.
    """
    return reference_day(match.attrs, "start") if match is not None else None


def _opens_with_a_common_word(line: str) -> bool:
    """A line in title case that opens with a common word ("Some Ancient Vestry Orders",
    "General Remarks") is a heading, not a signature, unless that word is a given name or
    a title ("Will Adams", "Captain Cook")."""
    first = line.split(None, 1)[0].strip(".,:;")
    return (
        len(first) > 2
        and word_frequency(first) >= COMMON_MID_SENTENCE
        and not is_given_name(first)
        and first not in TITLES
    )
