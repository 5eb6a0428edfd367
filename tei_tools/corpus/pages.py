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

from tei_tools.calendars import month_names
from tei_tools.corpus.citation import CITE_SCRIPT, Edition, citation_line, document_meta
from tei_tools.corpus.results import (
    DOCUMENT_DIR,
    PDF_DIR,
    TEI_DIR,
    TEXT_DIR,
    DocumentResult,
    DocumentSummary,
)
from tei_tools.errors import format_problem_record
from tei_tools.export.dates import format_iso_date
from tei_tools.export.urls import make_urls_safe

#: The site's icon: a plain "T" on the site's ink colour.
FAVICON = "favicon.svg"


def favicon_svg() -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
        b'<rect width="16" height="16" rx="3" fill="#2b2b2b"/>'
        b'<text x="8" y="12.5" font-size="12" text-anchor="middle" fill="#fff" '
        b'font-family="serif">T</text></svg>\n'
    )


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
)  # the search page is reached by the bar's search box (:func:`header_search`)

#: The front matter, linked from every page's footer (tei_tools.corpus.front_matter): (page, label).
FRONT_MATTER = (
    ("about.html", "About"),
    ("editorial.html", "Editorial principles"),
    ("licence.html", "Licence"),
    ("credits.html", "Credits"),
    ("changes.html", "Version and changes"),
)

MONTHS = month_names().names

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


#: Scripts every page loads (deferred, so a page reads fully before and without them).
SITE_SCRIPT = "site.js"
CARDS_SCRIPT = "cards.js"


def layout(
    title: str,
    content: Iterable[etree._Element],
    *,
    site_title: str,
    depth: int = 0,
    current: str = "",
    head_extra: Iterable[etree._Element] = (),
    lang: str = "en",
    main_lang: str | None = None,
) -> bytes:
    """A whole HTML page around ``content``; ``depth`` is how many folders below the root it lies.

    Landmarks appear once each: a banner with the site title and the
    navigation, one ``main`` and a footer.  The navigation is a plain list
    that the site script folds into a menu button on narrow screens; without
    JavaScript it simply wraps.
    """
    up = "../" * depth
    links = E.UL(id="site-menu")
    for page, label in NAVIGATION:
        item = E.A(label, href=f"{up}{page}")
        if page == current:
            item.set("aria-current", "page")
        links.append(E.LI(item))
    toggle = E.BUTTON(
        E.CLASS("menu-toggle"),
        "Menu",
        type="button",
        hidden="hidden",
        **{"aria-expanded": "false", "aria-controls": "site-menu"},
    )
    banner = E.HEADER(
        E.CLASS("site-header"),
        E.DIV(
            E.CLASS("site-bar"),
            E.A(E.CLASS("site-title"), site_title, href=f"{up}index.html"),
            toggle,
            E.NAV(E.CLASS("site-nav"), links, **{"aria-label": "Site"}),
            header_search(up),
        ),
    )
    head = E.HEAD(
        E.META(charset="utf-8"),
        E.META(name="viewport", content="width=device-width, initial-scale=1"),
        E.META(name="generator", content="tei-tools"),
        E.TITLE(f"{title} · {site_title}" if title != site_title else title),
        E.LINK(rel="stylesheet", href=f"{up}site.css"),
        # A small icon of the site's own (a data: URL would not pass the URL policy), so
        # that browsers do not ask for /favicon.ico and log a 404.
        E.LINK(rel="icon", href=f"{up}{FAVICON}", type="image/svg+xml"),
        E.SCRIPT(src=f"{up}{SITE_SCRIPT}", defer="defer"),
        *head_extra,
    )
    main = E.MAIN(E.CLASS("site-main"), *content, id="content")
    if main_lang and main_lang != lang:
        main.set("lang", main_lang)
    # Search indexes a document's text: its header block, footer and navigation are not.
    for part in main.iter("header", "footer", "nav"):
        part.set("data-pagefind-ignore", "")
    if main.find(".//nav[@class='doc-pager']") is not None:
        head.extend(pager_links_placeholder())
    front = E.UL(E.CLASS("front-matter"))
    for page, label in (*FRONT_MATTER, ("validation.html", "Validation report")):
        item = E.A(label, href=f"{up}{page}")
        if page == current:
            item.set("aria-current", "page")
        front.append(E.LI(item))
    footer = E.FOOTER(
        E.CLASS("site-footer"),
        E.NAV(front, **{"aria-label": "About the edition"}),
        E.P(site_title, " · built with tei-tools"),
    )
    skip = E.A(E.CLASS("skip-link"), "Skip to the text", href="#content")
    document = E.HTML(head, E.BODY(skip, banner, main, footer), lang=lang)
    document.set("data-root", up)  # for the site script: links in cards are site-relative
    make_urls_safe(document, depth=depth)
    return etree.tostring(document, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")


def header_search(up: str) -> etree._Element:
    """The search box of every page's bar: a plain form that opens the search page with ``q``."""
    return E.FORM(
        E.CLASS("site-search"),
        E.LABEL(E.CLASS("visually-hidden"), "Search the texts", **{"for": "site-search-q"}),
        E.INPUT(type="search", name="q", id="site-search-q", placeholder="Search", size="14"),
        E.BUTTON("Search", type="submit"),
        role="search",
        action=f"{up}search.html",
        **{"aria-label": "Site search"},
    )


# --------------------------------------------------------------------------- one document


def document_page(
    result: DocumentResult,
    article: etree._Element,
    *,
    site_title: str,
    has_pdf: bool,
    header: etree._Element | None = None,
    lang: str = "en",
    edition: Edition | None = None,
) -> bytes:
    """The page of one document: its header block, the text, notes, citation and downloads.

    ``header`` is the metadata block (:mod:`tei_tools.corpus.document_header`);
    the article is the exporter's, with its own title block removed so that
    title, date and source are shown once.  ``edition`` gives the citation
    line and the head's ``citation_*`` and Dublin Core tags
    (:mod:`tei_tools.corpus.citation`).
    """
    summary = result.summary
    assert summary is not None
    stem = quote(result.stem)
    files = E.UL(
        E.CLASS("doc-files"),
        E.LI(E.A("TEI XML", href=f"../{TEI_DIR}/{stem}.xml", download="")),
        E.LI(E.A("Plain text", href=f"../{TEXT_DIR}/{stem}.txt", download="")),
    )
    if has_pdf:
        files.append(E.LI(E.A("PDF", href=f"../{PDF_DIR}/{stem}.pdf", download="")))
    title = summary.title
    edition = edition or Edition(title=site_title)
    citation = citation_line(edition, summary)
    status = E.P(
        E.CLASS(f"doc-status status-{result.status}"),
        f"Validation: {result.status} (",
        E.A("report", href=f"../validation.html#{anchor('doc-' + result.stem)}"),
        ")",
    )
    footer = E.FOOTER(
        E.CLASS("doc-footer"),
        E.H2("Cite and download", id="cite"),
        citation,
        E.DIV(E.CLASS("downloads"), E.SPAN(E.CLASS("label"), "Download: "), files),
        status,
        pager_placeholder(),
    )
    for titleblock in article.findall(".//header[@class='tei-titleblock']"):
        titleblock.getparent().remove(titleblock)
    article.set("data-pagefind-body", "")
    article.set("class", article.get("class", "") + " edition-document")
    if header is not None:
        article.insert(0, header)
    article.append(footer)
    head_extra = [
        *document_meta(edition, summary, has_pdf=has_pdf, lang=lang),
        E.SCRIPT(src=f"../{CARDS_SCRIPT}", defer="defer"),
        E.SCRIPT(src=f"../{CITE_SCRIPT}", defer="defer"),
    ]
    return layout(
        title,
        [article],
        site_title=site_title,
        depth=1,
        head_extra=head_extra,
        main_lang=lang,
    )


#: The previous/next navigation is filled in by the build once the date order is known:
#: between these comments at the foot of the page, in a short line above its title
#: (``top``), and as ``<link rel="prev/next">`` in its head.
PAGER_START = b"<!--pager-->"
PAGER_END = b"<!--/pager-->"
PAGER_TOP_START = b"<!--pager-top-->"
PAGER_TOP_END = b"<!--/pager-top-->"
PAGER_LINKS_START = b"<!--pager-links-->"
PAGER_LINKS_END = b"<!--/pager-links-->"

#: Keys for the previous and next document (site.js), outside text fields only.
PAGER_KEYS = {"prev": "[", "next": "]"}


def _marks(start: bytes, end: bytes) -> list[etree._Element]:
    marks = [etree.Comment(start[4:-3].decode()), etree.Comment(end[4:-3].decode())]
    marks[0].tail = ""
    return marks


def pager_placeholder(*, top: bool = False) -> etree._Element:
    """The empty previous/next navigation a document page is written with.

    The foot's is labelled with the titles; the ``top`` one, above the title,
    is a short line, so that the keyboard reaches the next document in a few
    presses of Tab, before the names of the metadata block and the text.
    """
    if top:
        nav = E.NAV(E.CLASS("doc-jump"), **{"aria-label": "Documents by date"})
        nav.extend(_marks(PAGER_TOP_START, PAGER_TOP_END))
        return nav
    nav = E.NAV(E.CLASS("doc-pager"), **{"aria-label": "Previous and next document"})
    nav.extend(_marks(PAGER_START, PAGER_END))
    return nav


def pager_links_placeholder() -> list[etree._Element]:
    """The comments in a document page's head between which ``rel=prev/next`` links go."""
    return _marks(PAGER_LINKS_START, PAGER_LINKS_END)


def pager_html(
    previous: DocumentSummary | None, following: DocumentSummary | None, *, top: bool = False
) -> bytes:
    """The links between :data:`PAGER_START` and :data:`PAGER_END`: neighbours in date order.

    ``top``: the short form, for between :data:`PAGER_TOP_START` and ``PAGER_TOP_END``.
    """
    parts = []
    for summary, rel, label in ((previous, "prev", "← Previous"), (following, "next", "Next →")):
        if summary is None:
            continue
        shortcut = {"aria-keyshortcuts": PAGER_KEYS[rel]}
        if top:
            title = f"{summary.title} (key {PAGER_KEYS[rel]})"
            link = E.A(E.CLASS(f"jump-{rel}"), label, href=f"{quote(summary.stem)}.html", rel=rel)
            link.set("title", title)
        else:
            link = E.A(
                E.CLASS(f"pager-{rel}"),
                E.SPAN(E.CLASS("pager-label"), label),
                E.SPAN(E.CLASS("pager-title"), summary.title),
                href=f"{quote(summary.stem)}.html",
                rel=rel,
            )
        link.attrib.update(shortcut)
        parts.append(etree.tostring(link, method="html", encoding="utf-8"))
    return b"".join(parts)


def pager_links_html(previous: DocumentSummary | None, following: DocumentSummary | None) -> bytes:
    """``<link rel="prev">``/``<link rel="next">`` for the head: the neighbours in date order."""
    parts = []
    for summary, rel in ((previous, "prev"), (following, "next")):
        if summary is not None:
            link = E.LINK(rel=rel, href=f"{quote(summary.stem)}.html", title=summary.title)
            parts.append(etree.tostring(link, method="html", encoding="utf-8"))
    return b"".join(parts)


def pager_regions(
    previous: DocumentSummary | None, following: DocumentSummary | None
) -> list[tuple[bytes, bytes, bytes]]:
    """Each region of a document page the pager pass fills: (start mark, end mark, content)."""
    return [
        (PAGER_LINKS_START, PAGER_LINKS_END, pager_links_html(previous, following)),
        (PAGER_TOP_START, PAGER_TOP_END, pager_html(previous, following, top=True)),
        (PAGER_START, PAGER_END, pager_html(previous, following)),
    ]


# --------------------------------------------------------------------------- collection pages


def _document_item(summary: DocumentSummary, *, extra: str = "") -> etree._Element:
    """One document in a list: its date (New Style, Old Style beside it) and linked title.

    Index pages hold one item per mention, 100,000s in a large collection,
    so this builds with ``SubElement`` rather than the slower builder.
    """
    item = etree.Element("li")
    if summary.date_label:
        date = etree.SubElement(item, "span", {"class": "date"})
        if summary.when:
            etree.SubElement(date, "time", datetime=summary.when).text = _short_date(summary)
        else:
            date.text = summary.date_label
        if summary.julian:
            date[0].tail = " "
            old_style = etree.SubElement(date, "span", {"class": "old-style"})
            old_style.text = f"({format_iso_date(summary.julian)} "
            label = etree.SubElement(old_style, "abbr", title="Old Style (Julian calendar)")
            label.text = "O.S."
            label.tail = ")"
        date.tail = " "
    etree.SubElement(item, "a", href=document_href(summary.stem)).text = summary.title
    if extra:
        etree.SubElement(item, "span", {"class": "count"}).text = " " + extra
    return item


def _short_date(summary: DocumentSummary) -> str:
    return format_iso_date(summary.when) if summary.when else summary.date_label


def by_date(summaries: Iterable[DocumentSummary]) -> list[DocumentSummary]:
    """Dated documents first in date order, then undated ones by name."""
    return sorted(summaries, key=lambda s: (s.when is None, s.when or "", s.stem))


def home_page(
    summaries: list[DocumentSummary], counts: Mapping[str, int], *, site_title: str
) -> bytes:
    """The home page: an introduction, then every document by date, grouped by year."""
    ordered = by_date(summaries)
    years: dict[str, list[DocumentSummary]] = {}
    for summary in ordered:
        years.setdefault(summary.when[:4] if summary.when else "Undated", []).append(summary)
    tally = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    first, last = (ordered[0].when, ordered[-1].when) if ordered else (None, None)
    span = f" from {first[:4]} to {last[:4]}" if first and last and first[:4] != last[:4] else ""
    intro = E.P(
        E.CLASS("lead"),
        f"{len(summaries)} document{'s' if len(summaries) != 1 else ''}{span}, "
        "with their persons, organisations and places indexed (",
        E.A("about the edition", href="about.html"),
        "). ",
        E.A("Search the texts", href="search.html"),
        ", browse the ",
        E.A("chronology", href="chronology.html"),
        " or the ",
        E.A("persons", href="persons.html"),
        ".",
    )
    listing = E.OL(E.CLASS("documents"))
    for year, items in years.items():
        listing.append(
            E.LI(
                E.CLASS("year-group"),
                E.H2(year, id=f"home-{year.lower()}"),
                E.OL(*(_document_item(s) for s in items)),
            )
        )
    status = E.P(
        E.CLASS("build-status"),
        f"Validation: {tally or 'nothing built'} (",
        E.A("report", href="validation.html"),
        ").",
    )
    return layout(
        site_title,
        [E.H1(site_title), intro, listing, status],
        site_title=site_title,
        current="index.html",
    )


def chronology_page(summaries: list[DocumentSummary], *, site_title: str) -> bytes:
    """Documents by year and month; Old Style dates are shown beside New Style ones."""
    content: list[etree._Element] = [
        E.H1("Chronology"),
        E.P(
            "Dates are New Style (Gregorian). Where a document is dated in, or falls in the "
            "time of, the Julian calendar, hover over its date for the Old Style reading."
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
    toc = E.UL(E.CLASS("years az-bar"))
    for year, months in years.items():
        count = sum(len(items) for items in months.values())
        toc.append(E.LI(E.A(year, href=f"#y{year}", title=f"{count} document(s)")))
    content.append(E.NAV(toc, **{"aria-label": "Years"}))
    for year, months in years.items():
        section = E.SECTION(E.H2(year, id=f"y{year}"), E.CLASS("chronology-year"))
        for month, items in months.items():
            name = (
                MONTHS[int(month) - 1]
                if month.isdigit() and 1 <= int(month) <= 12
                else "Month unknown"
            )
            section.append(E.H3(f"{name} {year}", id=f"y{year}-{month or 'xx'}"))
            section.append(E.OL(E.CLASS("dated"), *(_document_item(s) for s in items)))
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
    show_sources: bool = False,
) -> bytes:
    """One index (persons, organisations or places): each entry with its documents.

    Persons are listed by surname with their full name ("Trotsky, Leon"),
    life dates in one style (the full days on hover), places with their
    present-day name; each entry counts its documents and mentions, and an
    A–Z bar leads to the letters.  A pointer no register knows is still
    listed (under its id) so that no mention is lost from the index.
    """
    from tei_tools.corpus.entities import entity_info, unknown_info

    page, heading = INDEX_PAGES[prefix]
    mentions = _mentions(summaries, prefix)
    entries = []
    for ref in mentions:
        entry = registry.lookup(ref)
        # A place is listed under its name at the first document naming it.
        first = next((s.when for s, _ in mentions[ref] if s.when), None)
        if entry is not None:
            info = entity_info(entry, on=first, sources=show_sources)
        else:
            info = unknown_info(ref)
        entries.append((info.sort_name.casefold(), ref, info, entry is not None))
    entries.sort()
    letters: dict[str, list] = {}
    for item in entries:
        letter = _initial(item[0])
        letters.setdefault(letter, []).append(item)
    bar = E.UL(E.CLASS("az-bar"))
    for letter in letters:
        bar.append(E.LI(E.A(letter, href=f"#letter-{letter}")))
    content: list[etree._Element] = [
        E.H1(heading),
        E.P(
            f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, each with the documents "
            "that name it (and how often, where more than once)."
        ),
        E.NAV(bar, **{"aria-label": "Letters"}),
    ]
    for letter, items in letters.items():
        listing = E.DL(E.CLASS("register-index"))
        for _, ref, info, known in items:
            term = E.DT(id=anchor(ref), **{"data-ref": ref})
            _entry_details(term, info, known)
            documents = mentions[ref]
            total = sum(n for _, n in documents)
            count = f"{len(documents)} document{'s' if len(documents) != 1 else ''}"
            if total != len(documents):
                count += f", {total} mentions"
            term.append(E.SPAN(E.CLASS("count"), count))
            docs = E.UL(
                *(_document_item(s, extra=f"({n}×)" if n > 1 else "") for s, n in documents)
            )
            listing.extend([term, E.DD(docs)])
        content.append(E.SECTION(E.H2(letter, id=f"letter-{letter}"), listing))
    return layout(heading, content, site_title=site_title, current=page)


def _initial(key: str) -> str:
    import unicodedata

    for char in key:
        if char.isalpha():
            return unicodedata.normalize("NFKD", char)[0].upper()
    return "#"


def _mentions(summaries, prefix: str) -> dict[str, list[tuple[DocumentSummary, int]]]:
    mentions: dict[str, list[tuple[DocumentSummary, int]]] = {}
    for summary in by_date(summaries):
        for ref, count in summary.refs.items():
            if ref.partition(":")[0] == prefix:
                mentions.setdefault(ref, []).append((summary, count))
    return mentions


def _entry_details(term: etree._Element, info, known: bool) -> None:
    term.append(E.SPAN(E.CLASS("label"), info.sort_name))
    if info.life:
        life = E.SPAN(E.CLASS("life"), info.life)
        if info.life_full:
            life.set("title", info.life_full)
        term.append(life)
    if info.modern:
        term.append(E.SPAN(E.CLASS("modern"), f"today {info.modern}"))
    if info.role:
        term.append(E.SPAN(E.CLASS("role"), info.role))
    if not known:
        term.append(E.SPAN(E.CLASS("unknown"), "not in the registers"))
    if info.source:
        term.append(E.SPAN(E.CLASS("source"), f"Source: {info.source}"))
    for label, url in (("Wikidata", info.wikidata), ("VIAF", info.viaf)):
        if url:
            term.append(E.A(E.CLASS("authority"), label, href=url))
        elif label in info.refused:
            # The register's value is not a URL the policy lets live: its label stays visible.
            term.append(E.SPAN(E.CLASS("authority inert-link"), label))


def bibliography_page(summaries: list[DocumentSummary], registry, *, site_title: str) -> bytes:
    """Every cited source as a full record in one style, with the documents citing each.

    A work of the bibliography register is shown from its record (author or
    editors, title in italics with its translation, place: publisher, date);
    a source no register knows, from what the document's ``bibl`` says of the
    work.  Under each, the documents citing it, with the place cited
    ("Trotsky, iii, 2, p. 183") where it says more than the title.
    """
    works: dict[str, tuple[str, list, list[tuple[DocumentSummary, str]]]] = {}
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
            key, label = citation["key"], citation["label"]
            entry = registry.lookup(citation["ref"]) if citation.get("ref") else None
            if entry is not None:
                label = entry.label
                record = bibliography_record(entry.record, label)
            else:
                record = [E.CITE(label)]
                if citation.get("detail"):
                    record.append(f", {citation['detail']}")
            shown = works.setdefault(key, (label, record, []))
            text = citation.get("text", "")
            says_more = citation.get("more", "yes") and text != label
            shown[2].append((summary, text if says_more else ""))
    listing = E.OL(E.CLASS("bibliography"))
    for key, (_label, record, citing) in sorted(
        works.items(), key=lambda kv: (kv[1][0].casefold(), kv[0])
    ):
        ident = anchor(key) if key.startswith("bib:") else "src-" + anchor(key)[:60]
        items = []
        for summary, text in citing:
            item = _document_item(summary)
            if text:
                item.append(E.SPAN(E.CLASS("citation"), f" — {text}"))
            items.append(item)
        entry_line = E.P(E.CLASS("bibl-record"), *record)
        count = f"Cited in {len(citing)} document{'s' if len(citing) != 1 else ''}:"
        listing.append(
            E.LI(
                entry_line,
                E.P(E.CLASS("bibl-cited"), count),
                E.UL(E.CLASS("bibl-documents"), *items),
                id=ident,
                **{"data-ref": key},
            )
        )
    intro = E.P(
        f"{len(works)} cited source{'s' if len(works) != 1 else ''}, each with the documents "
        "citing it."
    )
    return layout(
        "Bibliography",
        [E.DIV(E.CLASS("bibliography-page"), E.H1("Bibliography"), intro, listing)],
        site_title=site_title,
        current=BIBLIOGRAPHY,
    )


def bibliography_record(record: tuple[tuple[str, str], ...], label: str) -> list:
    """A register record in the bibliography's one style, as builder parts.

    ``Trotsky, L. D. Sochineniya [Works]. Moscow and Leningrad: Gosudarstvennoe
    izdatel'stvo, 1924–1927.`` with the title in italics; editors are followed
    by "ed." or "eds."; a part the record lacks is left out with its punctuation.
    """
    fields: dict[str, list[str]] = {}
    for name, value in record:
        fields.setdefault(name, []).append(value)
    parts: list = []
    authors, editors = fields.get("author", []), fields.get("editor", [])
    if authors:
        parts.append(_joined(authors).rstrip(".") + ". ")
    elif editors:
        parts.append(f"{_joined(editors)}, ed{'s' if len(editors) > 1 else ''}. ")
    parts.append(E.CITE((fields.get("title") or [label])[0]))
    if fields.get("translated"):
        parts.append(f" [{fields['translated'][0]}]")
    if authors and editors:
        parts.append(f". Edited by {_joined(editors)}")
    imprint = _joined(fields.get("pubPlace", []))
    if fields.get("publisher"):
        imprint = f"{imprint}: {fields['publisher'][0]}" if imprint else fields["publisher"][0]
    if fields.get("date"):
        date = fields["date"][0].replace("-", "–")
        imprint = f"{imprint}, {date}" if imprint else date
    parts.append(f". {imprint}." if imprint else ".")
    return parts


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def public_path(path: str) -> str:
    """A collection file as a reader may see it: ``source/X.txt``, never the editor's disk.

    >>> public_path("/home/ed/letters/source/1764-03-10_oswald.txt")
    'source/1764-03-10_oswald.txt'
    """
    from pathlib import PurePath

    parts = PurePath(path).parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else path


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
        problems = E.UL(
            *(
                E.LI(E.CODE(format_problem_record({**p, "file": public_path(str(p["file"]))})))
                if p.get("file")
                else E.LI(E.CODE(format_problem_record(p)))
                for p in result.problems
            )
        )
        section = E.SECTION(  # h2 under the page's h1: no heading level skipped
            E.H2(name, id=ident), E.P(f"{public_path(result.path)}: {result.status}")
        )
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
