"""The edition's front matter: about, editorial principles, licence, credits, version and changes.

Written from data only: the collection's settings and profile (title,
editors, publisher, licence, source, calendar convention), the registers,
and what each document's header says of its making (the summaries' header
facts, :mod:`tei_tools.corpus.header_facts`).  What tei-tools' conversion does
to names and dates is said once, here, in terms of those settings, so every
collection gets pages about itself and none gets prose about another.

No page carries a build date or a path: the same collection gives the same
bytes, and nothing of the editor's disk reaches a public page.  With a
``base_url`` the build also writes ``sitemap.xml`` and a ``robots.txt``
naming it (:func:`sitemap_files`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import builder as E

from tei_tools.calendars import convention
from tei_tools.corpus.citation import (
    ACCESS_PLACEHOLDER,
    Edition,
    append_inline,
    document_path,
    editor_names,
    page_meta,
)
from tei_tools.corpus.pages import BIBLIOGRAPHY, FRONT_MATTER, INDEX_PAGES, by_date, layout
from tei_tools.corpus.results import DocumentResult, DocumentSummary
from tei_tools.export.dates import format_iso_date

if TYPE_CHECKING:
    from tei_tools.markup.registers import Registry
    from tei_tools.reading.profiles import Profile

ABOUT, EDITORIAL, LICENCE, CREDITS, CHANGES = (page for page, _ in FRONT_MATTER)

#: The headings of the parts of encodingDesc (header_facts' part names), in the page's order.
ENCODING_PARTS = (
    ("projectDesc", "Aim of the encoding"),
    ("samplingDecl", "Selection of the documents"),
    ("editorialDecl/correction", "Correction"),
    ("editorialDecl/normalization", "Normalisation"),
    ("editorialDecl/quotation", "Quotation marks"),
    ("editorialDecl/hyphenation", "Hyphenation"),
    ("editorialDecl/segmentation", "Segmentation"),
    ("editorialDecl/interpretation", "Interpretation"),
    ("editorialDecl/punctuation", "Punctuation"),
    ("editorialDecl/stdVals", "Standard values"),
    ("editorialDecl/p", "Editorial practice"),
    ("application", "Software"),
    ("prefixDef", "Pointers to the registers"),
    ("calendar", "Calendars"),
)

#: What the registers' pointer prefixes hold, for counts: (prefix, plural).
REGISTER_KINDS = (("per", "persons"), ("org", "organisations"), ("pla", "places"), ("bib", "works"))


@dataclass(frozen=True)
class FrontMatterInput:
    """What the front matter is written from, besides the documents."""

    edition: Edition
    profile: Profile  # the collection's, its settings applied
    registry: Registry
    dual_dates_before: str = ""


def front_matter_pages(
    documents: list[DocumentResult], given: FrontMatterInput
) -> dict[str, bytes]:
    """Every front-matter page, by file name."""
    summaries = [d.summary for d in documents if d.summary is not None]
    builders = {
        ABOUT: _about,
        EDITORIAL: lambda s, g: _editorial(s, g, documents),
        LICENCE: _licence,
        CREDITS: _credits,
        CHANGES: _changes,
    }
    pages = {}
    for page, label in FRONT_MATTER:
        content = builders[page](summaries, given)
        pages[page] = layout(
            label,
            [E.DIV(E.CLASS("front-matter-page"), E.H1(label), *content)],
            site_title=given.edition.title,
            current=page,
            head_extra=page_meta(given.edition, page, label),
        )
    return pages


# --------------------------------------------------------------------------- about


def _about(summaries: list[DocumentSummary], given: FrontMatterInput) -> list[etree._Element]:
    edition, profile = given.edition, given.profile
    ordered = by_date(summaries)
    years = [s.when[:4] for s in ordered if s.when]
    span = f", from {years[0]} to {years[-1]}" if years and years[0] != years[-1] else ""
    span = f", of {years[0]}" if years and years[0] == years[-1] else span
    count = f"{len(summaries)} document{'s' if len(summaries) != 1 else ''}"
    lead = E.P(E.CLASS("lead"), E.I(edition.title), f" is an edition of {count}{span}")
    if _printed_collection(edition):
        if edition.collection_title == edition.title:
            append_inline(lead, ", drawn from the printed collection of that title")
        else:
            append_inline(lead, ", drawn from ", E.I(edition.collection_title))
        if edition.collection_editor:
            append_inline(lead, f", edited by {edition.collection_editor}")
    append_inline(lead, ".")
    content: list[etree._Element] = [lead]
    source = profile.source
    if source.title:
        line = E.P("The texts are transcribed from ", E.I(source.title))
        details = [f"edited by {source.editor}" if source.editor else "", source.publisher]
        details.append(source.date)
        append_inline(line, "".join(f", {d}" for d in details if d) + ".")
        if source.note:
            append_inline(line, f" {source.note}")
        content.append(line)
    facts = E.DL(E.CLASS("front-facts"))
    if edition.editors:
        facts.extend(
            [E.DT("Edited by"), E.DD("; ".join(f"{e.name} ({e.role})" for e in edition.editors))]
        )
    if edition.publisher:
        facts.extend([E.DT("Published by"), E.DD(edition.publisher)])
    named = _named_counts(summaries)
    if named:
        facts.extend([E.DT("Indexed"), E.DD(_indexed(named))])
    facts.extend([E.DT("Version"), E.DD(edition.shown_version, " (", _link(CHANGES), ")")])
    if edition.licence:
        facts.extend([E.DT("Licence"), E.DD(edition.licence, " (", _link(LICENCE), ")")])
    content.append(facts)
    content.append(E.H2("How to cite the edition", id="cite"))
    content.append(_edition_citation(edition))
    content.append(
        E.P(
            "Each document page ends with a citation of that document. A document's number "
            "is its file name (or the number the edition's settings give it); it is never "
            "changed when documents are added, and its address stays the same."
        )
    )
    content.append(E.H2("More about the edition", id="more"))
    content.append(E.UL(*(E.LI(_link(page)) for page, _ in FRONT_MATTER if page != ABOUT)))
    return content


def _printed_collection(edition: Edition) -> bool:
    """Whether the profile names a printed collection the documents come from.

    A collection whose settings give a title of their own names none (see
    :meth:`~tei_tools.reading.collection_info.CollectionInfo.apply_to`): the
    profile's collection title is then the edition's, without an editor.
    """
    if not edition.collection_title:
        return False
    return edition.collection_title != edition.title or bool(edition.collection_editor)


def _edition_citation(edition: Edition) -> etree._Element:
    """The edition as a whole in the edition's style (the access date is the reader's)."""
    url = edition.url("")
    address = E.A(url, href=url) if url else "This edition has no permanent web address yet"
    editors = editor_names(edition.editors)
    line = E.P(E.CLASS("cite-line"), **{"data-style": edition.style})
    accessed = E.SPAN(E.CLASS("cite-accessed"), ACCESS_PLACEHOLDER)
    if edition.style == "mla":
        if editors:
            append_inline(line, f"{editors}, editor{'s' if len(edition.editors) > 1 else ''}. ")
        append_inline(line, E.I(edition.title), ", ")
        append_inline(
            line, edition.version_sentence[0].lower() + edition.version_sentence[1:] + ", "
        )
        if edition.publisher:
            append_inline(line, f"{edition.publisher}, ")
        append_inline(line, address, ". Accessed ", accessed, ".")
    else:
        if editors:
            append_inline(line, f"{editors}, ed{'s' if len(edition.editors) > 1 else ''}. ")
        append_inline(line, E.I(edition.title), f". {edition.version_sentence}. ")
        if edition.publisher:
            append_inline(line, f"{edition.publisher}. ")
        append_inline(line, "Accessed ", accessed, ". ", address, ".")
    return line


def _named_counts(summaries: list[DocumentSummary]) -> dict[str, int]:
    seen: dict[str, set[str]] = {}
    for summary in summaries:
        for ref in summary.refs:
            seen.setdefault(ref.partition(":")[0], set()).add(ref)
    return {prefix: len(refs) for prefix, refs in seen.items()}


def _indexed(named: dict[str, int]) -> etree._Element:
    """ "12 persons, 5 organisations and 9 places named in the documents; 4 works cited"."""
    parts = []
    for prefix, plural in REGISTER_KINDS:
        if not named.get(prefix):
            continue
        page = INDEX_PAGES[prefix][0] if prefix in INDEX_PAGES else BIBLIOGRAPHY
        parts.append(E.A(f"{named[prefix]} {plural}", href=page))
    item = E.SPAN()
    for position, part in enumerate(parts):
        if position:
            append_inline(item, " and " if position == len(parts) - 1 else ", ")
        append_inline(item, part)
    append_inline(item, " named in the documents")
    return item


# --------------------------------------------------------------------------- editorial principles


def _editorial(
    summaries: list[DocumentSummary], given: FrontMatterInput, documents: list[DocumentResult]
) -> list[etree._Element]:
    profile = given.profile
    converted = sum(1 for d in documents if d.kind == "source" and d.summary is not None)
    taken = sum(1 for d in documents if d.kind == "tei" and d.summary is not None)
    content: list[etree._Element] = [E.H2("The texts", id="texts")]
    if converted:
        line = E.P(
            f"{converted} document{'s were' if converted != 1 else ' was'} converted to TEI by "
            f"tei-tools from plain-text transcriptions, read with the “{profile.name}” layout"
        )
        if profile.description:
            append_inline(line, f" ({profile.description.rstrip('.')})")
        append_inline(
            line,
            ". The words of the transcription are kept as they are; what the layout "
            "does not recognise stays a paragraph.",
        )
        content.append(line)
    if taken:
        content.append(
            E.P(
                f"{taken} document{'s are' if taken != 1 else ' is'} published from TEI files "
                "as their editors encoded them."
            )
        )
    content += _names_section(summaries, given.registry, converted)
    content += _dates_section(given, summaries)
    content += _encoding_section(summaries)
    return content


def _names_section(summaries, registry, converted: int) -> list[etree._Element]:
    held: dict[str, int] = {}
    for entry in registry.entries.values():
        held[entry.prefix] = held.get(entry.prefix, 0) + 1
    named = _named_counts(summaries)
    rows = [
        f"{plural}: {named.get(prefix, 0)} of the {held[prefix]} in the registers"
        for prefix, plural in REGISTER_KINDS
        if held.get(prefix)
    ]
    content: list[etree._Element] = [E.H2("Names and sources", id="names")]
    if converted:
        content.append(
            E.P(
                "Persons, organisations and places are marked in the text and linked to an "
                "entry of the edition's registers, which give the full name, life dates and "
                "authority records shown in the indexes and cards. A name no register knows is "
                "marked as uncertain and not linked until an editor reviews it. Source lines are "
                "matched against the bibliography's short titles and abbreviations."
            )
        )
    if rows:
        content.append(E.P("Named in the documents: " + "; ".join(rows) + "."))
    return content


def _dates_section(given: FrontMatterInput, summaries) -> list[etree._Element]:
    reform = convention(given.profile.calendar)
    content: list[etree._Element] = [E.H2("Dates and calendars", id="dates")]
    read = E.P(
        "Every date carries its day in the Gregorian calendar (New Style), by which the "
        "documents are ordered; where a date is written in the Julian calendar (Old Style) "
        "that reading is kept beside it. A date written once, without O.S. or N.S., is read "
    )
    if reform.julian_always:
        append_inline(read, "as Julian.")
    elif reform.last_julian:
        last = format_iso_date("{:04d}-{:02d}-{:02d}".format(*reform.last_julian))
        label = reform.label or reform.name
        append_inline(read, f"by the calendar of {label}: Julian until {last}, Gregorian after.")
    else:
        append_inline(read, "as Gregorian.")
    content.append(read)
    if given.dual_dates_before:
        first = format_iso_date(given.dual_dates_before)
        dual = sum(1 for s in summaries if s.julian)
        content.append(
            E.P(
                f"Dates before {first} are shown in both styles: New Style first, marked N.S., "
                f"and the Old Style day in brackets, marked O.S. ({dual} of the "
                f"{len(summaries)} documents)."
            )
        )
    return content


def _encoding_section(summaries: list[DocumentSummary]) -> list[etree._Element]:
    """The parts of the documents' encodingDesc, each distinct text once, with how many say it."""
    found: dict[str, dict[str, int]] = {}
    for summary in summaries:
        for part, text in dict.fromkeys(tuple(row) for row in summary.editorial):
            texts = found.setdefault(part, {})
            texts[text] = texts.get(text, 0) + 1
    if not found:
        return []
    listing = E.DL(E.CLASS("front-facts"))
    known = dict(ENCODING_PARTS)
    order = [p for p, _ in ENCODING_PARTS if p in found] + sorted(set(found) - set(known))
    for part in order:
        items = E.UL()
        for text, count in found[part].items():
            item = E.LI(text)
            if count != len(summaries):
                append_inline(
                    item, E.SPAN(E.CLASS("count"), f" ({count} of {len(summaries)} documents)")
                )
            items.append(item)
        listing.extend([E.DT(known.get(part, part)), E.DD(items)])
    intro = E.P("What the documents' TEI headers say of their encoding (encodingDesc):")
    return [E.H2("Encoding", id="encoding"), intro, listing]


# --------------------------------------------------------------------------- licence


def _licence(summaries: list[DocumentSummary], given: FrontMatterInput) -> list[etree._Element]:
    edition = given.edition
    content: list[etree._Element] = []
    if edition.licence:
        name: etree._Element | str = (
            E.A(edition.licence, href=edition.licence_url)
            if edition.licence_url
            else edition.licence
        )
        line = E.P("The edition is published under ", name)
        if edition.publisher:
            append_inline(line, f" by {edition.publisher}")
        append_inline(line, ".")
        content.append(line)
    else:
        who = edition.publisher or editor_names(edition.editors) or "the edition's editors"
        content.append(
            E.P(f"The edition names no licence: ask {who} before reusing its texts or data.")
        )
    statements: dict[tuple[str, str], int] = {}
    for summary in summaries:
        for text, url in dict.fromkeys(tuple(row) for row in summary.availability):
            statements[(text, url)] = statements.get((text, url), 0) + 1
    ours = (edition.licence, edition.licence_url)
    others = {key: n for key, n in statements.items() if key != ours}
    if others:
        content.append(E.H2("What the documents say", id="documents"))
        items = E.UL()
        for (text, url), count in others.items():
            item = E.LI(E.A(text, href=url) if url else text)
            append_inline(
                item, E.SPAN(E.CLASS("count"), f" ({count} of {len(summaries)} documents)")
            )
            items.append(item)
        content.append(items)
    content.append(
        E.P(
            "The source of each text is named on its page and in the ",
            E.A("bibliography", href=BIBLIOGRAPHY),
            ".",
        )
    )
    return content


# --------------------------------------------------------------------------- credits


def _credits(summaries: list[DocumentSummary], given: FrontMatterInput) -> list[etree._Element]:
    edition = given.edition
    content: list[etree._Element] = []
    if edition.editors:
        content.append(E.H2("Editors", id="editors"))
        content.append(E.UL(*(E.LI(f"{e.name}, {e.role}") for e in edition.editors)))
    if edition.publisher:
        content += [E.H2("Publisher", id="publisher"), E.P(edition.publisher)]
    if _printed_collection(edition):
        line = E.P(E.I(edition.collection_title))
        if edition.collection_editor:
            append_inline(line, f", edited by {edition.collection_editor}")
        content += [E.H2("The printed collection", id="printed"), line]
    reviewers = _reviewers(summaries)
    if reviewers:
        content.append(E.H2("Review of the markup", id="review"))
        items = E.UL()
        for name, (count, last) in sorted(reviewers.items(), key=lambda kv: kv[0].casefold()):
            text = f"{name}: {count} document{'s' if count != 1 else ''}"
            items.append(E.LI(text + (f", last on {format_iso_date(last)}" if last else "")))
        content.append(items)
    roles = _roles(summaries)
    if roles:
        content.append(E.H2("Responsibility in the documents", id="resp"))
        content.append(E.P("As each document's header states it (titleStmt/respStmt):"))
        listing = E.DL(E.CLASS("front-facts"))
        for name, resps in sorted(roles.items(), key=lambda kv: kv[0].casefold()):
            items = E.UL()
            for resp, count in resps.items():
                items.append(
                    E.LI(
                        resp or "responsible",
                        E.SPAN(E.CLASS("count"), f" ({count} of {len(summaries)} documents)"),
                    )
                )
            listing.extend([E.DT(name), E.DD(items)])
        content.append(listing)
    if not content:
        content.append(E.P("Neither the edition's settings nor its documents name anyone."))
    return content


def _reviewers(summaries: Iterable[DocumentSummary]) -> dict[str, tuple[int, str]]:
    """Who reviewed how many documents (a revisionDesc change naming them), and when last."""
    found: dict[str, tuple[int, str]] = {}
    for summary in summaries:
        for when, who, _ in summary.changes:
            for name in filter(None, (n.strip() for n in who.split(","))):
                count, last = found.get(name, (0, ""))
                found[name] = (count + 1, max(last, when[:10]))
    return found


def _roles(summaries: Iterable[DocumentSummary]) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for summary in summaries:
        for resp, name, _ in dict.fromkeys(tuple(row) for row in summary.resp):
            resps = found.setdefault(name, {})
            resps[resp] = resps.get(resp, 0) + 1
    return found


# --------------------------------------------------------------------------- version and changes


def _changes(summaries: list[DocumentSummary], given: FrontMatterInput) -> list[etree._Element]:
    from tei_tools.version import __version__

    edition = given.edition
    line = (
        E.P(
            E.CLASS("lead"),
            f"This is version {edition.version} of the edition, built with "
            f"tei-tools {__version__}.",
        )
        if edition.version
        else E.P(
            E.CLASS("lead"),
            "The edition has no version number of its own; it was built "
            f"with tei-tools {__version__}.",
        )
    )
    content: list[etree._Element] = [line, E.H2("Changes to the documents", id="changes")]
    rows = [
        (when, summary, who, text) for summary in summaries for when, who, text in summary.changes
    ]
    if not rows:
        content.append(E.P("No document records a change since it was first encoded."))
        return content
    rows.sort(key=lambda row: (row[0], row[1].stem), reverse=True)
    items = E.UL(E.CLASS("changes"))
    for when, summary, who, text in rows:
        item = E.LI()
        if when:
            append_inline(item, E.TIME(format_iso_date(when[:10]), datetime=when[:10]), ": ")
        append_inline(item, E.A(summary.title, href=document_path(summary.stem)), ". ")
        append_inline(item, text)
        if who:
            append_inline(item, f" ({who})")
        items.append(item)
    content.append(items)
    return content


# --------------------------------------------------------------------------- sitemap


#: Collection pages listed in the sitemap besides the front matter and the documents.
SITEMAP_PAGES = ("", "chronology.html", *(p for p, _ in INDEX_PAGES.values()), BIBLIOGRAPHY)


def sitemap_files(edition: Edition, summaries: list[DocumentSummary]) -> dict[str, bytes]:
    """``sitemap.xml`` and ``robots.txt`` naming it, when the edition has a base URL; else none.

    The sitemap lists every public page (not search or the validation report)
    without ``lastmod``: a build date would change the bytes of every build.
    """
    if not edition.base_url:
        return {}
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    urlset = etree.Element(f"{{{namespace}}}urlset", nsmap={None: namespace})
    paths = [*SITEMAP_PAGES, *(page for page, _ in FRONT_MATTER)]
    paths += [document_path(s.stem) for s in sorted(summaries, key=lambda s: s.stem)]
    for path in paths:
        url = etree.SubElement(urlset, f"{{{namespace}}}url")
        etree.SubElement(url, f"{{{namespace}}}loc").text = edition.url(path)
    sitemap = etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    robots = f"User-agent: *\nAllow: /\nSitemap: {edition.url('sitemap.xml')}\n"
    return {"sitemap.xml": sitemap, "robots.txt": robots.encode("utf-8")}


# --------------------------------------------------------------------------- small things


def _link(page: str) -> etree._Element:
    return E.A(dict(FRONT_MATTER)[page], href=page)
