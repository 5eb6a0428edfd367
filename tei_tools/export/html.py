"""Semantic, self-contained HTML5 from any TEI document.

The page has a title block from the ``teiHeader`` (title, authors, the
source citation), the reading text, numbered footnotes with links both
ways, the header's own lists of persons and places (so that ``#id``
pointers land somewhere), and an index of the register entries the text
names.  The CSS is inlined unless a stylesheet URL is given.

Everything is built as an lxml tree in one pass over the document; the
cost grows linearly with its size and its number of notes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources

from lxml import etree

from tei_tools.export.elements import local_name, normalise_space, text_roots
from tei_tools.export.html_render import (
    EDITORIAL_DESCRIPTION_ID,
    XML_LANG,
    HtmlRenderer,
    register_anchor,
    register_entry_links,
)
from tei_tools.export.links import LinkResolver
from tei_tools.export.urls import make_urls_safe
from tei_tools.xml import TEI_NS

#: Lists in the header that hold the document's own persons, places, works.
HEADER_LISTS = frozenset(
    {"listPerson", "listPlace", "listOrg", "listBibl", "listEvent", "listNym", "listRelation"}
)


def stylesheet(name: str) -> str:
    """The text of one of the CSS files shipped beside this module (``screen.css``, ``print.css``)."""
    return resources.files("tei_tools.export").joinpath(name).read_text(encoding="utf-8")


def export_html(
    tree: etree._ElementTree | etree._Element,
    *,
    css: str | None = None,
    registers: Mapping[str, Mapping[str, str]] | None = None,
    standalone: bool = True,
    notes: str = "end",
    styles: bool = True,
    depth: int = 0,
    view: str = "reading",
) -> str:
    """Render a TEI document as an HTML5 page (or, with ``standalone=False``, an ``<article>``).

    ``css`` is the URL of a stylesheet to link instead of inlining the
    shipped screen and print CSS.  ``registers`` maps a ``@ref`` such as
    ``per:trotsky`` to ``{"label", "wikidata", "href", "dates"}`` (all
    optional); names it knows link to an index entry at the page's end, with
    the register page and Wikidata linked from there; without it names
    link to the URL their ``prefixDef`` gives.  ``notes="inline"`` keeps
    notes at their place for print engines that float them to the page foot;
    ``styles=False`` leaves out all CSS (the PDF writer passes its own).
    Every URL the page emits passes :func:`tei_tools.export.urls.safe_url`;
    ``depth`` is how many folders below a site's root the page will lie, so
    that relative links may climb that far with ``../`` and no further.
    ``view="reading"`` (the default) runs a manuscript's source lines
    (``lb``) together into prose; ``view="diplomatic"`` keeps each source
    line and numbers it in the margin.

    >>> from lxml import etree
    >>> doc = etree.fromstring(
    ...     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
    ...     '<p>On <date when="1917-11-08">8 November</date>.</p></body></text></TEI>'
    ... )
    >>> '<time class="tei-date" datetime="1917-11-08">8 November</time>' in export_html(doc)
    True
    """
    page = render_page(
        tree, css=css, registers=registers, notes=notes, styles=styles, depth=depth, view=view
    )
    if not standalone:
        article = page.find("body/main/article")
        return etree.tostring(article, method="html", encoding="unicode")
    return etree.tostring(page, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def render_page(
    tree: etree._ElementTree | etree._Element,
    *,
    css: str | None = None,
    registers: Mapping[str, Mapping[str, str]] | None = None,
    notes: str = "end",
    styles: bool = True,
    depth: int = 0,
    view: str = "reading",
) -> etree._Element:
    """The page :func:`export_html` serialises, as an lxml ``html`` element.

    The PDF writer adjusts this tree for its print engine before serialising it.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    renderer = HtmlRenderer(LinkResolver.from_document(root, registers), notes=notes, view=view)
    article = etree.Element("article", {"class": f"tei-document view-{view}"})
    header = root.find(".//{*}teiHeader") if local_name(root) != "teiHeader" else root
    texts = text_roots(root)
    if header is not None and header is not root:
        render_title_block(renderer, header, article, texts)
    # Not <main>: HTML forbids main inside article, and a site page has its own main.
    main = etree.SubElement(article, "div", {"class": "tei-text"})
    for text in texts:
        renderer.render(text, main)
    render_footnotes(renderer, article)
    if header is not None and header is not root:
        render_header_lists(renderer, header, article)
    for stand_off in root.iterfind("{*}standOff") if texts != [root] else ():
        section = section_with_heading(article, "tei-standoff", "Annotations")
        renderer.render(stand_off, section)
    render_register_index(renderer, article)
    describe_editorial_additions(article)
    make_urls_safe(article, depth=depth)
    return html_page(article, title_text(header, root), document_language(root), css, styles)


def html_page(
    article: etree._Element, title: str, lang: str | None, css: str | None, styles: bool = True
) -> etree._Element:
    """Wrap the article in ``html``/``head``/``body`` with metadata and styles."""
    page = etree.Element("html")
    if lang:
        page.set("lang", lang)
    head = etree.SubElement(page, "head")
    etree.SubElement(head, "meta", {"charset": "utf-8"})
    etree.SubElement(
        head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}
    )
    etree.SubElement(head, "meta", {"name": "generator", "content": "tei-tools"})
    etree.SubElement(head, "title").text = title
    if css:
        etree.SubElement(head, "link", {"rel": "stylesheet", "href": css})
    elif styles:
        etree.SubElement(head, "style").text = stylesheet("screen.css")
        etree.SubElement(head, "style", {"media": "print"}).text = stylesheet("print.css")
    body = etree.SubElement(page, "body")
    etree.SubElement(body, "main").append(article)
    return page


def document_language(root: etree._Element) -> str | None:
    """The language of the document: the root's ``xml:lang``, else its ``text``'s."""
    if root.get(XML_LANG):
        return root.get(XML_LANG)
    text = root.find(".//{*}text")
    return text.get(XML_LANG) if text is not None else None


def plain(element: etree._Element) -> str:
    return normalise_space("".join(element.itertext())).strip()


def title_text(header: etree._Element | None, root: etree._Element) -> str:
    """A plain title for the browser tab: the header's main title, else the first heading."""
    candidates = []
    if header is not None:
        candidates = header.findall("{*}fileDesc/{*}titleStmt/{*}title")
    if not candidates:
        candidates = root.findall(".//{*}text//{*}head")[:1]
    titles = [plain(t) for t in candidates if t.get("type") not in {"sub", "alt"}]
    return " · ".join(t for t in titles if t) or "TEI document"


def render_title_block(
    renderer: HtmlRenderer,
    header: etree._Element,
    article: etree._Element,
    texts: Sequence[etree._Element] = (),
    printed: set[str] | None = None,
):
    """Title, subtitle, authors, editors, series, date of creation and the source citation.

    A citation the text itself prints (a ``bibl`` in the body with the same
    words) and a collection that is the series already named are not repeated:
    a reader saw "Source:" twice otherwise.  ``printed`` is the plain text of
    those ``bibl``s when the caller has it (the streaming writer gathers it
    before the texts are read); otherwise it is read from ``texts``.
    """
    block = etree.SubElement(article, "header", {"class": "tei-titleblock"})
    statement = header.find("{*}fileDesc/{*}titleStmt")
    if statement is not None:
        titles = statement.findall("{*}title")
        main_titles = [t for t in titles if t.get("type") not in {"sub", "alt", "short"}]
        if main_titles:
            heading = etree.SubElement(block, "h1", {"class": "tei-title"})
            # The running head of a printed page: one short line, not the whole title.
            heading.set("data-short-title", short_title(titles, main_titles))
            for position, title in enumerate(main_titles):
                if position:
                    etree.SubElement(heading, "br")
                renderer.render_detached(title, heading, phrasing=True)
        for title in titles:
            if title.get("type") == "sub":
                line = etree.SubElement(block, "p", {"class": "tei-subtitle"})
                renderer.render_detached(title, line, phrasing=True)
        for role in ("author", "editor"):
            people = statement.findall(f"{{*}}{role}")
            if people:
                line = etree.SubElement(block, "p", {"class": f"tei-{role}s"})
                for position, person in enumerate(people):
                    if position:
                        line_tail(line, "; ")
                    renderer.render_detached(person, line, phrasing=True)
    series = header.find("{*}fileDesc/{*}seriesStmt")
    series_title = series.find("{*}title") if series is not None else None
    series_line = labelled_line(renderer, block, "Series", series_title)
    if series_line is not None and series is not None:
        for responsibility in series.iterfind("{*}respStmt"):
            words = [plain(part) for part in responsibility if isinstance(part.tag, str)]
            if any(words):
                line_tail(series_line, ", " + " ".join(w for w in words if w))
    labelled_line(renderer, block, "Written", header.find("{*}profileDesc/{*}creation/{*}date"))
    source = header.find("{*}fileDesc/{*}sourceDesc")
    if source is not None:
        if printed is None:
            printed = {plain(b) for text in texts for b in text.iter(f"{{{TEI_NS}}}bibl", "bibl")}
        named = plain(series_title) if series_title is not None else None
        for citation in source_citations(source):
            first_title = citation.find("{*}title")
            if plain(citation) in printed or (
                named and first_title is not None and plain(first_title) == named
            ):
                continue
            labelled_line(renderer, block, "Source", citation)


#: How long a running head may be before it is cut at a word (A4 with the print margins).
RUNNING_HEAD_LENGTH = 60


def short_title(titles: list[etree._Element], main_titles: list[etree._Element]) -> str:
    """The header's short title, else its first main title cut at a word with an ellipsis.

    >>> from lxml import etree
    >>> title = etree.fromstring("<title>Reply from Trotsky, Commissar for Foreign Affairs,"
    ...     " to the statement of the British Embassy</title>")
    >>> short_title([title], [title])
    'Reply from Trotsky, Commissar for Foreign Affairs, to the…'
    """
    given = next((plain(t) for t in titles if t.get("type") == "short" and plain(t)), None)
    text = given or plain(main_titles[0])
    if len(text) <= RUNNING_HEAD_LENGTH:
        return text
    cut = text[: RUNNING_HEAD_LENGTH + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def source_citations(source_desc: etree._Element) -> list[etree._Element]:
    """The parts of ``sourceDesc`` that cite the source: bibls, a manuscript's identifier."""
    found = []
    for child in source_desc:
        name = local_name(child)
        if name in {"bibl", "biblStruct", "p"}:
            found.append(child)
        elif name == "biblFull":
            found.extend(child.findall("{*}titleStmt/{*}title")[:1])
        elif name == "msDesc":
            found.extend(child.findall("{*}msIdentifier"))
    return found


def labelled_line(
    renderer: HtmlRenderer, block: etree._Element, label: str, element: etree._Element | None
) -> etree._Element | None:
    if element is None or not plain(element):
        return None
    line = etree.SubElement(block, "p", {"class": f"tei-{label.lower()}"})
    etree.SubElement(line, "span", {"class": "label"}).text = f"{label}: "
    renderer.render_detached(element, line, phrasing=True)
    return line


def line_tail(line: etree._Element, text: str) -> None:
    last = next(line.iterchildren(reversed=True), None)
    if last is None:
        line.text = (line.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def section_with_heading(article: etree._Element, css_class: str, heading: str):
    section = etree.SubElement(article, "section", {"class": css_class})
    etree.SubElement(section, "h2").text = heading
    return section


def render_footnotes(renderer: HtmlRenderer, article: etree._Element) -> None:
    if renderer.note_count and len(renderer.footnotes):
        section = section_with_heading(article, "tei-notes", "Notes")
        section.set("role", "doc-endnotes")
        section.append(renderer.footnotes)


def render_header_lists(
    renderer: HtmlRenderer, header: etree._Element, article: etree._Element
) -> None:
    """The header's persons, places and works, so ``#id`` pointers have somewhere to go."""
    lists = [
        element
        for element in header.iter()
        if isinstance(element.tag, str)
        and local_name(element) in HEADER_LISTS
        and not any(local_name(a) in HEADER_LISTS for a in element.iterancestors())
    ]
    if lists:
        section = section_with_heading(article, "tei-header-lists", "Persons, places and sources")
        for element in lists:
            renderer.render(element, section)


def describe_editorial_additions(article: etree._Element) -> None:
    """The hidden sentence the page's editorial additions point to, if it has any."""
    marked = article.xpath("boolean(.//*[contains(concat(' ', @class, ' '), ' editorial ')])")
    if marked:
        description = etree.SubElement(
            article, "p", {"id": EDITORIAL_DESCRIPTION_ID, "hidden": "hidden"}
        )
        description.text = "An editorial addition: not in the source."


def render_register_index(renderer: HtmlRenderer, article: etree._Element) -> None:
    """One entry per register entry named in the text, with its page and Wikidata links."""
    if not renderer.registers_used:
        return
    section = section_with_heading(article, "tei-index", "Index")
    entries = etree.SubElement(section, "ul")
    for ref, target in renderer.registers_used.items():
        item = etree.SubElement(entries, "li", {"id": register_anchor(ref), "data-ref": ref})
        entry = target.entry or {}
        etree.SubElement(item, "span", {"class": "label"}).text = entry.get("label") or ref
        if entry.get("dates"):
            line_tail(item, f" ({entry['dates']})")
        for text, href in register_entry_links(target).items():
            line_tail(item, " ")
            etree.SubElement(item, "a", {"href": href, "class": text.lower()}).text = text
