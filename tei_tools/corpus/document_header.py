"""The metadata block at the top of a document page, shown once.

Title, the document's stable number, date (both calendars where the document
falls in the time of the Julian calendar), the source as a structured citation, and the persons,
organisations and places the document names, each a link to its index entry
that the site script turns into a card.  Built in the worker from the TEI
tree and the document's summary; nothing here reads other documents, so a
document's page depends on that document alone.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import builder as E

from tei_tools.corpus.entities import entity_info, unknown_info
from tei_tools.corpus.pages import index_href, pager_placeholder
from tei_tools.corpus.results import DocumentSummary
from tei_tools.corpus.site_urls import site_href
from tei_tools.export.dates import format_iso_date
from tei_tools.xml import TEI_NS

_T = f"{{{TEI_NS}}}"

#: The header's lists of names: (pointer prefix, heading).
NAMED = (("per", "Persons"), ("org", "Organisations"), ("pla", "Places"))


def document_header(
    root: etree._Element,
    summary: DocumentSummary,
    registry,
    *,
    site_title: str,
    number: str = "",
) -> etree._Element:
    """The ``<header>`` block of a document page (see the module docstring).

    ``number`` is the document's stable number (:mod:`tei_tools.corpus.citation`).
    """
    from tei_tools.corpus.search import pagefind_markers

    block = E.HEADER(E.CLASS("doc-header"))
    block.append(pager_placeholder(top=True))
    block.append(pagefind_markers(summary))
    block.append(E.H1(summary.title, id="title"))
    details = E.DL(E.CLASS("doc-meta"))
    if number:
        details.extend([E.DT("Document"), E.DD(E.SPAN(E.CLASS("doc-number"), number))])
    date = date_line(summary)
    if date is not None:
        details.extend([E.DT("Date"), E.DD(date)])
    for label, citation in source_citations(root, registry):
        details.extend([E.DT(label), E.DD(*citation)])
    for prefix, heading in NAMED:
        refs = [ref for ref in summary.refs if ref.partition(":")[0] == prefix]
        if not refs:
            continue
        names = E.UL(E.CLASS("named"))
        infos = []
        for ref in refs:
            entry = registry.lookup(ref)
            infos.append(
                entity_info(entry, on=summary.when) if entry is not None else unknown_info(ref)
            )
        for info in sorted(infos, key=lambda i: i.sort_name.casefold()):
            link = E.A(info.name, href=site_href("../" + index_href(info.ref), depth=1) or "#")
            link.set("data-ref", info.ref)
            link.set("class", "entity")
            names.append(E.LI(link))
        details.extend([E.DT(heading), E.DD(names)])
    if len(details):
        block.append(details)
    return block


def date_line(summary: DocumentSummary) -> etree._Element | None:
    """The date as a reader wants it: New Style first, Old Style beside it, each labelled."""
    if not summary.when:
        return E.SPAN(summary.date_label) if summary.date_label else None
    time = E.TIME(format_iso_date(summary.when), datetime=summary.when)
    if not summary.julian:
        return time
    new_style = E.ABBR(E.CLASS("tei-calendar"), "N.S.", title="New Style (Gregorian calendar)")
    old_style = E.ABBR(E.CLASS("tei-calendar"), "O.S.", title="Old Style (Julian calendar)")
    return E.SPAN(time, " ", new_style, f" ({format_iso_date(summary.julian)} ", old_style, ")")


def source_citations(root: etree._Element, registry) -> list[tuple[str, list]]:
    """Each ``sourceDesc/bibl`` as (label, parts): a linked title (to the bibliography), the rest.

    The collection the document is printed in ("Documents on Soviet Foreign
    Policy, ed. Jane Degras") comes last, after the work it quotes.
    """
    from tei_tools.corpus.pages import BIBLIOGRAPHY, anchor

    found = []
    bibls = root.findall(f"{_T}teiHeader/{_T}fileDesc/{_T}sourceDesc/{_T}bibl")
    bibls.sort(key=lambda b: b.get("type") == "collection")
    for bibl in bibls:
        parts: list = []
        title = bibl.find(f"{_T}title")
        ref = (title.get("ref") if title is not None else None) or bibl.get("ref") or ""
        if title is not None:
            entry = registry.lookup(ref) if ref.startswith("bib:") else None
            cite = E.CITE(_text(title))
            if entry is not None and entry.label != cite.text:
                cite.set("title", entry.label)  # a short title ("Trotsky") names the work
            href = (
                site_href(f"../{BIBLIOGRAPHY}#{anchor(ref)}", depth=1)
                if ref.startswith("bib:")
                else None
            )
            parts.append(E.A(cite, href=href) if href else cite)
        rest = []
        for child in bibl:
            if child is title or not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            text = _text(child)
            if name == "editor":
                text = f"edited by {text}"
            if text:
                rest.append(text)
        if rest:
            parts.append(", " + ", ".join(rest) if parts else ", ".join(rest))
        if not parts:
            parts.append(_text(bibl))
        found.append(("Printed in" if bibl.get("type") == "collection" else "Source", parts))
    return found


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
