"""The pages of an edition site, built as lxml trees from document summaries.

Every page shares one layout (title, navigation, stylesheet) and links with
relative URLs only, so the site works from a web server and from disk alike.
Pages carry no timestamps: the same collection always gives the same bytes.
The collection pages (home, chronology, indexes, bibliography, validation)
are built from :class:`~tei_tools.corpus.document.DocumentSummary` objects in
single passes with dictionaries, so their cost grows with the collection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from urllib.parse import quote

from lxml import etree
from lxml.html import builder as E

from tei_tools.corpus.results import (
    DOCUMENT_DIR,
    PDF_DIR,
    TEI_DIR,
    TEXT_DIR,
    DocumentResult,
    DocumentSummary,
)
from tei_tools.errors import format_problem
from tei_tools.export.urls import authority_url, make_urls_safe

#: Register prefix -> (index page, heading).
INDEX_PAGES = {
    "per": ("persons.html", "Persons"),
    "org": ("orgs.html", "Organisations"),
    "pla": ("places.html", "Places"),
}
BIBLIOGRAPHY = "bibliography.html"

#: The navigation bar, in order: (page, label).
NAVIGATION = (
    ("index.html", "Documents"),
    ("chronology.html", "Chronology"),
    ("persons.html", "Persons"),
    ("orgs.html", "Organisations"),
    ("places.html", "Places"),
    (BIBLIOGRAPHY, "Bibliography"),
    ("search.html", "Search"),
    ("validation.html", "Validation"),
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def anchor(ref: str) -> str:
    """The id of an index entry: ``per:trotsky`` → ``per-trotsky``."""
    return _UNSAFE.sub("-", ref).strip("-")


def index_href(ref: str) -> str:
    """The site-relative URL of a register entry's index entry."""
    prefix = ref.partition(":")[0]
    page = INDEX_PAGES[prefix][0] if prefix in INDEX_PAGES else BIBLIOGRAPHY
    return f"{page}#{anchor(ref)}"


def document_href(stem: str, *, depth: int = 0) -> str:
    return "../" * depth + f"{DOCUMENT_DIR}/{quote(stem)}.html"


def site_css() -> bytes:
    """The site's stylesheet: the exporter's screen CSS plus the site's own rules."""
    from tei_tools.export.html import stylesheet

    own = resources.files("tei_tools.corpus").joinpath("site.css").read_text(encoding="utf-8")
    return (stylesheet("screen.css") + "\n" + own).encode("utf-8")


def layout(
    title: str,
    content: Iterable[etree._Element],
    *,
    site_title: str,
    depth: int = 0,
    current: str = "",
    head_extra: Iterable[etree._Element] = (),
    lang: str = "en",
) -> bytes:
    """A whole HTML page around ``content``; ``depth`` is how many folders below the root it lies."""
    up = "../" * depth
    nav = E.NAV(E.CLASS("site-nav"), E.A(E.CLASS("site-title"), site_title, href=f"{up}index.html"))
    links = E.UL()
    for page, label in NAVIGATION:
        item = E.A(label, href=f"{up}{page}")
        if page == current:
            item.set("aria-current", "page")
        links.append(E.LI(item))
    nav.append(links)
    head = E.HEAD(
        E.META(charset="utf-8"),
        E.META(name="viewport", content="width=device-width, initial-scale=1"),
        E.META(name="generator", content="tei-tools"),
        E.TITLE(f"{title} · {site_title}" if title != site_title else title),
        E.LINK(rel="stylesheet", href=f"{up}site.css"),
        *head_extra,
    )
    main = E.MAIN(E.CLASS("site-main"), *content)
    document = E.HTML(head, E.BODY(E.HEADER(nav), main), lang=lang)
    make_urls_safe(document, depth=depth)
    return etree.tostring(document, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")


# --------------------------------------------------------------------------- one document


def document_page(
    result: DocumentResult, article: etree._Element, *, site_title: str, has_pdf: bool
) -> bytes:
    """The page of one document: the exporter's article, its files, its validation status."""
    summary = result.summary
    assert summary is not None
    stem = quote(result.stem)
    files = E.UL(
        E.CLASS("doc-files"),
        E.LI(E.A("TEI XML", href=f"../{TEI_DIR}/{stem}.xml")),
        E.LI(E.A("Plain text", href=f"../{TEXT_DIR}/{stem}.txt")),
    )
    if has_pdf:
        files.append(E.LI(E.A("PDF", href=f"../{PDF_DIR}/{stem}.pdf")))
    status = E.P(
        E.CLASS(f"doc-status status-{result.status}"),
        f"Validation: {result.status}",
        " (",
        E.A("report", href=f"../validation.html#{anchor('doc-' + result.stem)}"),
        ")",
    )
    meta = E.DIV(E.CLASS("doc-meta"))
    if summary.date_label:
        meta.append(E.P(E.CLASS("doc-date"), summary.date_label))
    meta.extend([files, status])
    article.set("data-pagefind-body", "")
    return layout(summary.title, [meta, article], site_title=site_title, depth=1)


# --------------------------------------------------------------------------- collection pages


def _document_item(summary: DocumentSummary, *, extra: str = "") -> etree._Element:
    item = E.LI(E.A(summary.title, href=document_href(summary.stem)))
    if summary.date_label:
        item.insert(0, E.SPAN(E.CLASS("date"), summary.date_label))
        item[0].tail = " — "
    if extra:
        item.append(E.SPAN(E.CLASS("count"), extra))
        item[-1].text = " " + extra
    return item


def by_date(summaries: Iterable[DocumentSummary]) -> list[DocumentSummary]:
    """Dated documents first in date order, then undated ones by name."""
    return sorted(summaries, key=lambda s: (s.when is None, s.when or "", s.stem))


def home_page(
    summaries: list[DocumentSummary], counts: Mapping[str, int], *, site_title: str
) -> bytes:
    """The home page: every document by date, and how the build went."""
    listing = E.OL(E.CLASS("documents"), *(_document_item(s) for s in by_date(summaries)))
    tally = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    intro = E.P(
        f"{len(summaries)} document(s), listed by date. Validation: {tally or 'nothing built'} (",
        E.A("report", href="validation.html"),
        ").",
    )
    return layout(
        site_title, [E.H1(site_title), intro, listing], site_title=site_title, current="index.html"
    )


def chronology_page(summaries: list[DocumentSummary], *, site_title: str) -> bytes:
    """Documents by year and month; Old Style dates are shown beside New Style ones."""
    content: list[etree._Element] = [
        E.H1("Chronology"),
        E.P(
            "Dates are New Style (Gregorian); where a document is dated in, or falls in the time "
            "of, the Julian calendar, the Old Style date follows in brackets."
        ),
    ]
    years: dict[str, dict[str, list[DocumentSummary]]] = {}
    undated = []
    for summary in by_date(summaries):
        if not summary.when:
            undated.append(summary)
            continue
        year, _, rest = summary.when.partition("-")
        years.setdefault(year, {}).setdefault(rest[:2], []).append(summary)
    toc = E.UL(E.CLASS("years"), *(E.LI(E.A(y, href=f"#y{y}")) for y in years))
    content.append(toc)
    for year, months in years.items():
        section = E.SECTION(E.H2(year, id=f"y{year}"))
        for month, items in months.items():
            name = (
                MONTHS[int(month) - 1]
                if month.isdigit() and 1 <= int(month) <= 12
                else "Month unknown"
            )
            section.append(E.H3(f"{name} {year}", id=f"y{year}-{month or 'xx'}"))
            section.append(E.OL(*(_document_item(s) for s in items)))
        content.append(section)
    if undated:
        content.append(
            E.SECTION(E.H2("Undated", id="undated"), E.OL(*(_document_item(s) for s in undated)))
        )
    return layout("Chronology", content, site_title=site_title, current="chronology.html")


def register_index_page(
    prefix: str,
    summaries: list[DocumentSummary],
    registry,
    *,
    site_title: str,
) -> bytes:
    """One index (persons, organisations or places): each entry with its documents.

    Entries come from the registers; a pointer no register knows is still
    listed (under its id) so that no mention is lost from the index.
    """
    page, heading = INDEX_PAGES[prefix]
    mentions = _mentions(summaries, prefix)
    entries = []
    for ref in mentions:
        entry = registry.entries.get(ref)
        label = entry.label if entry else ref.partition(":")[2]
        entries.append((label.casefold(), ref, label, entry))
    entries.sort()
    listing = E.DL(E.CLASS("register-index"))
    for _, ref, label, entry in entries:
        term = E.DT(E.SPAN(E.CLASS("label"), label), id=anchor(ref), **{"data-ref": ref})
        if entry is not None:
            _entry_details(term, entry)
        else:
            term.append(E.SPAN(E.CLASS("unknown"), " (not in the registers)"))
        docs = E.UL(
            *(_document_item(s, extra=f"({n}×)" if n > 1 else "") for s, n in mentions[ref])
        )
        listing.extend([term, E.DD(docs)])
    intro = E.P(
        f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, each with the documents that name it."
    )
    return layout(heading, [E.H1(heading), intro, listing], site_title=site_title, current=page)


def _mentions(summaries, prefix: str) -> dict[str, list[tuple[DocumentSummary, int]]]:
    mentions: dict[str, list[tuple[DocumentSummary, int]]] = {}
    for summary in by_date(summaries):
        for ref, count in summary.refs.items():
            if ref.partition(":")[0] == prefix:
                mentions.setdefault(ref, []).append((summary, count))
    return mentions


def _entry_details(term: etree._Element, entry) -> None:
    life = _life_dates(entry.birth, entry.death)
    if life:
        term.append(E.SPAN(E.CLASS("life"), f" ({life})"))
    for authority, label in (("wikidata", "Wikidata"), ("viaf", "VIAF")):
        value = getattr(entry, authority)
        if value:
            term.append(_authority_link(label, authority_url(authority, value)))


def _authority_link(label: str, url: str | None) -> etree._Element:
    """A link to an authority file, or its label alone when the register's URL is refused."""
    if url is None:
        return E.SPAN(E.CLASS("authority inert-link"), label)
    return E.A(E.CLASS("authority"), label, href=url)


def _life_dates(birth: str | None, death: str | None) -> str:
    if not birth and not death:
        return ""
    return f"{birth or '?'}–{death or '?'}"


def bibliography_page(summaries: list[DocumentSummary], registry, *, site_title: str) -> bytes:
    """Every cited source, with the documents citing each."""
    works: dict[str, tuple[str, list[tuple[DocumentSummary, str]]]] = {}
    for summary in by_date(summaries):
        cited = {c["ref"] for c in summary.citations if c.get("ref")}
        # A work named in the text (``title ref="bib:..."``) but not cited as
        # a source still gets an entry: the document page links to it.
        named = [
            {"key": ref, "label": ref.partition(":")[2], "ref": ref}
            for ref in summary.refs
            if ref.startswith("bib:") and ref not in cited
        ]
        for citation in (*summary.citations, *named):
            key = citation["key"]
            label = citation["label"]
            if citation.get("ref"):
                entry = registry.entries.get(citation["ref"])
                label = entry.label if entry else label
            works.setdefault(key, (label, []))[1].append((summary, citation.get("text", "")))
    listing = E.DL(E.CLASS("bibliography"))
    for key, (label, citing) in sorted(works.items(), key=lambda kv: (kv[1][0].casefold(), kv[0])):
        ident = anchor(key) if key.startswith("bib:") else "src-" + anchor(key)[:60]
        items = []
        for summary, text in citing:
            item = _document_item(summary)
            if text and text != label:
                item.append(E.SPAN(E.CLASS("citation"), f" — {text}"))
            items.append(item)
        listing.extend([E.DT(label, id=ident, **{"data-ref": key}), E.DD(E.UL(*items))])
    intro = E.P(f"{len(works)} cited source(s), each with the documents citing it.")
    return layout(
        "Bibliography",
        [E.H1("Bibliography"), intro, listing],
        site_title=site_title,
        current=BIBLIOGRAPHY,
    )


def validation_page(results: list[DocumentResult], *, site_title: str) -> bytes:
    """How each document fared: unreadable and invalid ones first, with every problem."""
    order = {"unreadable": 0, "invalid": 1, "valid": 2}
    rows = E.TBODY()
    details = []
    for result in sorted(results, key=lambda r: (order.get(r.status, 3), r.stem)):
        name: etree._Element | str = result.stem
        if result.summary is not None:
            name = E.A(result.summary.title, href=document_href(result.stem))
        ident = anchor("doc-" + result.stem)
        rows.append(
            E.TR(
                E.TD(E.A(result.stem, href=f"#{ident}")),
                E.TD(E.CLASS(f"status-{result.status}"), result.status),
                E.TD(str(len(result.problems))),
            )
        )
        problems = E.UL(*(E.LI(E.CODE(_problem_line(p))) for p in result.problems))
        section = E.SECTION(E.H3(name, id=ident), E.P(f"{result.path}: {result.status}"))
        if len(problems):
            section.append(problems)
        details.append(section)
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    summary = ", ".join(f"{counts[k]} {k}" for k in order if counts.get(k))
    table = E.TABLE(
        E.CLASS("validation"),
        E.THEAD(E.TR(E.TH("Document"), E.TH("Status"), E.TH("Problems"))),
        rows,
    )
    content = [
        E.H1("Validation report"),
        E.P(f"{len(results)} document(s): {summary}."),
        table,
        *details,
    ]
    return layout("Validation report", content, site_title=site_title, current="validation.html")


def _problem_line(problem: Mapping[str, object]) -> str:
    line, column = problem.get("line"), problem.get("column")
    return format_problem(
        str(problem.get("file") or ""),
        line if isinstance(line, int) else None,
        column if isinstance(column, int) else None,
        problem.get("severity"),
        problem.get("message"),
    )


def search_page(
    head_extra: list[etree._Element], body: list[etree._Element], *, site_title: str
) -> bytes:
    """The search page; its machinery comes from :mod:`tei_tools.corpus.search`."""
    return layout(
        "Search",
        [E.H1("Search"), *body],
        site_title=site_title,
        current="search.html",
        head_extra=head_extra,
    )
