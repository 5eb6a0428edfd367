"""How a page of the edition is cited: its permanent address, number, citation line and meta tags.

A document keeps one number for good.  It is the number the settings give its
file-name stem (``[numbers]`` in ``tei-tools.toml``), else the stem itself:
never a position in a list, so adding, removing or re-dating documents never
renumbers the others.  The stem is also the page's name, so a document with no
number of its own is cited at ``base_url`` + ``documents/STEM.html``.  A
document the settings number is cited at ``n/NUMBER.html`` (:func:`number_path`):
a small page that sends the reader on to ``documents/STEM.html`` and names it
as canonical (:func:`number_pages`).  The page itself keeps its name, so every
link made before the number was given still works, and the number's address
still works when a file is renamed and the setting follows it.  The sitemap
lists the pages, not these addresses: a sitemap names the canonical pages.

The "cite this page" line follows the Chicago Manual of Style
(notes-bibliography, a document in an online edition) unless the settings
name ``citation_style = "mla"``.  Its access date cannot be written by the
build (the same collection must give the same bytes), so the page says
"[date of access]" and ``cite.js`` puts in the reader's day.  Without a
``base_url`` the line says that the page has no permanent address rather
than giving a path that only works on the editor's disk.

The same facts go into the page's head as Highwire Press ``citation_*`` tags
(read by Zotero, Google Scholar and reference managers) and Dublin Core
``DC.*`` tags.

>>> from tei_tools.reading.collection_info import CollectionInfo
>>> edition = Edition(title="Letters", base_url="https://example.org/letters/",
...                   numbers=(("1764-03-10_oswald", "12"),))
>>> edition.number("1764-03-10_oswald"), edition.number("1765-01-01_pitt")
('12', '1765-01-01_pitt')
>>> edition.url("documents/1765-01-01_pitt.html")
'https://example.org/letters/documents/1765-01-01_pitt.html'
>>> edition.permanent_path("1764-03-10_oswald"), edition.permanent_path("1765-01-01_pitt")
('n/12.html', 'documents/1765-01-01_pitt.html')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from lxml import etree
from lxml.html import builder as E

from tei_tools.corpus.results import DOCUMENT_DIR, PDF_DIR, DocumentSummary
from tei_tools.export.dates import format_iso_date
from tei_tools.reading.collection_info import CollectionInfo, Editor
from tei_tools.version import __version__

#: The script that writes the reader's access date into the citation line.
CITE_SCRIPT = "cite.js"

#: What the line says where the reader's access date goes (cite.js replaces it).
ACCESS_PLACEHOLDER = "[date of access]"

#: The folder of the number addresses: ``n/12.html`` leads to the page of document 12.
NUMBER_DIR = "n"

#: The namespace the Dublin Core tags are declared in (``<link rel="schema.DC">``).
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class Edition:
    """What citing any page of the edition needs, from the settings and the profile."""

    title: str
    base_url: str = ""  # ends in "/", or "" when the settings name none
    version: str = ""  # the settings' ``version``; "" means: say the tei-tools version
    style: str = "chicago"
    publisher: str = ""
    licence: str = ""
    licence_url: str = ""
    editors: tuple[Editor, ...] = ()
    language: str = ""
    #: The printed collection the documents are drawn from, and its editor.
    collection_title: str = ""
    collection_editor: str = ""
    numbers: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _number_of(self) -> dict[str, str]:
        return dict(self.numbers)

    def number(self, stem: str) -> str:
        """The document's number: the one the settings give its stem, else the stem."""
        return self._number_of.get(stem, stem)

    def permanent_path(self, stem: str) -> str:
        """The site path a citation gives: the number's address when the settings number the document."""
        number = self._number_of.get(stem)
        return number_path(number) if number is not None else document_path(stem)

    def url(self, path: str) -> str | None:
        """The permanent address of a site path, or None without a base URL."""
        return self.base_url + path if self.base_url else None

    @property
    def version_sentence(self) -> str:
        """ "Version 2.1" from the settings, else the tei-tools release that built the site."""
        return f"Version {self.version}" if self.version else f"Built with tei-tools {__version__}"

    @property
    def shown_version(self) -> str:
        return self.version or f"tei-tools {__version__}"


def edition_of(info: CollectionInfo, profile, title: str) -> Edition:
    """The edition as the settings (``info``) and the collection's profile describe it.

    The profile already carries the settings' publisher, licence and editors
    (:func:`~tei_tools.reading.profiles.with_collection_facts`), and the printed collection it reads.
    """
    return Edition(
        title=title,
        base_url=info.base_url,
        version=info.version,
        style=info.citation_style or "chicago",
        publisher=profile.publisher,
        licence=profile.licence,
        licence_url=profile.licence_url,
        editors=tuple(profile.editors),
        language=info.language or profile.language,
        collection_title=profile.collection_title,
        collection_editor=profile.collection_editor,
        numbers=info.numbers,
    )


def document_path(stem: str) -> str:
    return f"{DOCUMENT_DIR}/{quote(stem)}.html"


def number_path(number: str) -> str:
    """The address of a document number: ``n/12.html``."""
    return f"{NUMBER_DIR}/{quote(number)}.html"


def editor_names(editors: tuple[Editor, ...]) -> str:
    """Names joined as a sentence does: "A", "A and B", "A, B, and C" (Chicago's serial comma)."""
    names = [e.name for e in editors]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _document_date(summary: DocumentSummary) -> str:
    if not summary.when:
        return summary.date_label or "n.d."
    date = format_iso_date(summary.when)
    if summary.julian:
        date += f" ({format_iso_date(summary.julian)} O.S.)"
    return date


def _quoted_title(title: str, end: str) -> str:
    """A title in quotation marks with the punctuation that follows it inside, as both styles want."""
    return f"“{title}”" if title.endswith(("?", "!", ".")) else f"“{title}{end}”"


def citation_line(edition: Edition, summary: DocumentSummary) -> etree._Element:
    """The "cite this page" paragraph of a document page, in the edition's style.

    The address is the permanent one (:meth:`Edition.permanent_path`): the number's, if it has one.
    """
    url = edition.url(edition.permanent_path(summary.stem))
    address: etree._Element = (
        E.A(E.CLASS("cite-url"), url, href=url)
        if url
        else E.SPAN(E.CLASS("cite-url no-address"), "This page has no permanent web address yet")
    )
    accessed = E.SPAN(E.CLASS("cite-accessed"), ACCESS_PLACEHOLDER)
    number = edition.number(summary.stem)
    editors = editor_names(edition.editors)
    line = E.P(
        E.CLASS("cite-line"),
        E.SPAN(E.CLASS("label"), "Cite this page: "),
        **{"data-style": edition.style},
    )
    if edition.style == "mla":
        parts: list = [_quoted_title(summary.title, "."), " ", E.I(edition.title), ", "]
        if editors:
            parts.append(f"edited by {editors}, ")
        parts.append(edition.version_sentence[0].lower() + edition.version_sentence[1:] + ", ")
        if edition.publisher:
            parts.append(f"{edition.publisher}, ")
        parts += [
            f"document {number}, {_document_date(summary)}, ",
            address,
            ". Accessed ",
            accessed,
            ".",
        ]
    else:
        parts = [_quoted_title(summary.title, "."), f" {_document_date(summary)}. "]
        parts += [f"Document {number}. In ", E.I(edition.title)]
        parts.append(f", edited by {editors}. " if editors else ". ")
        parts.append(f"{edition.version_sentence}. ")
        if edition.publisher:
            parts.append(f"{edition.publisher}. ")
        parts += ["Accessed ", accessed, ". ", address, "."]
    append_inline(line, *parts)
    return line


def append_inline(element: etree._Element, *parts: etree._Element | str) -> None:
    """Append text and elements to ``element`` in order, as lxml's builder would."""
    for part in parts:
        if isinstance(part, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + part
            else:
                element.text = (element.text or "") + part
        else:
            element.append(part)


def document_meta(
    edition: Edition, summary: DocumentSummary, *, has_pdf: bool, lang: str
) -> list[etree._Element]:
    """The head's Highwire ``citation_*`` and Dublin Core tags of a document page, and its canonical link.

    The page is canonical and is the abstract's HTML; the public URL and the
    identifier are the permanent address (the number's, if it has one).
    """
    url = edition.url(document_path(summary.stem))
    permanent = edition.url(edition.permanent_path(summary.stem))
    tags: list[tuple[str, str]] = [("citation_title", summary.title)]
    tags += [("citation_editor", e.name) for e in edition.editors]
    if summary.when:
        tags.append(("citation_date", summary.when.replace("-", "/")))
    if edition.publisher:
        tags.append(("citation_publisher", edition.publisher))
    # Highwire has no tag for "the edition this page belongs to": reference managers read
    # citation_series_title; citation_collection_title says the same for those that ask for it.
    tags += [("citation_collection_title", edition.title), ("citation_series_title", edition.title)]
    tags.append(("citation_language", lang))
    if url and permanent:
        tags.append(("citation_public_url", permanent))
        tags.append(("citation_abstract_html_url", url))
    pdf = edition.url(f"{PDF_DIR}/{quote(summary.stem)}.pdf") if has_pdf else None
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    tags.append(("DC.title", summary.title))
    if summary.when:
        tags.append(("DC.date", summary.when))
    tags += [("DC.creator", e.name) for e in edition.editors]
    if edition.publisher:
        tags.append(("DC.publisher", edition.publisher))
    rights = " ".join(filter(None, (edition.licence, edition.licence_url)))
    if rights:
        tags.append(("DC.rights", rights))
    tags.append(("DC.identifier", permanent or f"Document {edition.number(summary.stem)}"))
    tags += [("DC.language", lang), ("DC.type", "Text"), ("DC.relation.isPartOf", edition.title)]
    elements = [E.LINK(rel="schema.DC", href=DUBLIN_CORE)]
    if url:
        elements.append(E.LINK(rel="canonical", href=url))
    elements += [E.META(name=name, content=content) for name, content in tags if content]
    return elements


def number_pages(edition: Edition, summaries: list[DocumentSummary]) -> dict[str, bytes]:
    """The number addresses (``n/NUMBER.html``) of the documents the settings number.

    Each is a page that sends the reader at once to the document's page
    (``meta`` refresh, no script) and says where it went, for a reader whose
    browser does not follow; with a base URL it names that page as canonical.

    >>> edition = Edition(title="Letters", numbers=(("1764-03-10_oswald", "12"),))
    >>> summary = DocumentSummary(stem="1764-03-10_oswald", title="To Oswald")
    >>> list(number_pages(edition, [summary]))
    ['n/12.html']
    """
    pages = {}
    for summary in summaries:
        number = edition._number_of.get(summary.stem)
        if number is not None:
            pages[f"{NUMBER_DIR}/{number}.html"] = number_redirect(edition, summary, number)
    return pages


def number_redirect(edition: Edition, summary: DocumentSummary, number: str) -> bytes:
    """The page at a document number's address: a redirect to the document's page."""
    target = "../" + document_path(summary.stem)
    head = E.HEAD(
        E.META(charset="utf-8"),
        E.META(name="viewport", content="width=device-width, initial-scale=1"),
        E.TITLE(f"Document {number} · {edition.title}"),
    )
    canonical = edition.url(document_path(summary.stem))
    if canonical:
        head.append(E.LINK(rel="canonical", href=canonical))
    head.append(E.META(content=f"0; url={target}", **{"http-equiv": "refresh"}))
    head.append(E.LINK(rel="stylesheet", href="../site.css"))
    main = E.MAIN(
        E.CLASS("site-main"),
        E.H1(f"Document {number}"),
        E.P("Document ", number, " is ", E.A(summary.title, href=target), "."),
        id="content",
    )
    page = E.HTML(head, E.BODY(main), lang=edition.language or "en")
    return etree.tostring(page, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")


def page_meta(edition: Edition, path: str, title: str) -> list[etree._Element]:
    """A collection or front-matter page's canonical link and Dublin Core title, publisher, rights."""
    url = edition.url(path)
    elements: list[etree._Element] = [E.LINK(rel="schema.DC", href=DUBLIN_CORE)]
    if url:
        elements.append(E.LINK(rel="canonical", href=url))
    tags = [("DC.title", title), ("DC.publisher", edition.publisher)]
    tags.append(("DC.rights", " ".join(filter(None, (edition.licence, edition.licence_url)))))
    if url:
        tags.append(("DC.identifier", url))
    elements += [E.META(name=name, content=content) for name, content in tags if content]
    return elements


def cite_script() -> bytes:
    """``cite.js``: writes the reader's day into each citation line, in the line's style.

    The month names are the data file's (``data/calendars/months.toml``), written in.
    """
    import json
    from importlib import resources

    from tei_tools.calendars import month_names

    months = month_names("en")
    script = resources.files("tei_tools.corpus").joinpath(CITE_SCRIPT).read_text("utf-8")
    script = script.replace("MONTH_CITATION_NAMES", json.dumps(list(months.citation)))
    return script.replace("MONTH_NAMES", json.dumps(list(months.names))).encode("utf-8")
