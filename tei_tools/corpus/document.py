"""The work done for one document of a build, wherever it runs.

:func:`process_batch` is what an executor ships to a worker process or a Dask
worker: it takes the document's *bytes* (not only its path), so the result
depends on nothing but the task and the cache key computed from the same
bytes stays honest.  It converts or parses, validates, exports, and returns
the files to write plus a small :class:`DocumentSummary` from which the
collection pages (indexes, chronology, bibliography) are built without
reading any document again.  Workers never write into the site.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tempfile
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from tei_tools.corpus.collection import BuildSettings
from tei_tools.corpus.results import (
    DOCUMENT_DIR,
    PDF_DIR,
    TEI_DIR,
    TEXT_DIR,
    DocumentResult,
    DocumentSummary,
)
from tei_tools.xml import TEI_NS

#: Pointer prefixes of the registers the site indexes (see docs/tei-output.md).
INDEXED_PREFIXES = ("per", "org", "pla", "bib")

_T = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class DocumentTask:
    """One document to build: its name in the site, kind, file and bytes."""

    stem: str
    kind: str  # "source" | "tei"
    path: str
    data: bytes
    settings: BuildSettings
    #: The editors' review decisions (``review/STEM.toml``), applied after conversion.
    decisions: bytes = b""
    #: The source's page images as the cache key knows them (names, sizes, times).
    page_images: str = ""


def process_batch(tasks: list[DocumentTask]) -> list[DocumentResult]:
    """Build several documents; the unit of work shipped to a worker."""
    return [process_document(task) for task in tasks]


def process_document(task: DocumentTask) -> DocumentResult:
    """Build one document; a bad document becomes a failed result, never an exception.

    A batch of thousands must not stop because one file is broken, so besides
    tei-tools' own errors an unexpected exception is also kept with the
    document (as an ``internal`` problem that names the bug) instead of
    tearing down the whole build.
    """
    from tei_tools.errors import TeiToolsError

    try:
        return _build_document(task)
    except TeiToolsError as exc:
        return _failure(task, exc.message, exc.line, exc.column, "input")
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"internal error (a bug in tei-tools): {type(exc).__name__}: {exc} [{Path(last.filename).name}:{last.lineno}]"
        return _failure(task, message, None, None, "internal")


def failed_result(task: DocumentTask, message: str) -> DocumentResult:
    """A document whose work did not finish (its worker was stopped or died)."""
    return _failure(task, message, None, None, "internal")


def _failure(task: DocumentTask, message: str, line, column, rule: str) -> DocumentResult:
    problem = {
        "file": task.path,
        "line": line,
        "column": column,
        "severity": "fatal",
        "message": message,
        "rule": rule,
    }
    return DocumentResult(task.stem, task.kind, task.path, "unreadable", None, [problem])


def _build_document(task: DocumentTask) -> DocumentResult:
    from tei_tools.xml import parse_xml_bytes, serialize

    findings = 0
    if task.kind == "source":
        from tei_tools.convert import convert_bytes
        from tei_tools.reading.page_images import find_page_images

        conversion = convert_bytes(
            task.data,
            encoding=task.settings.encoding,
            source_name=task.path,
            profile=profile_for(task.settings),
            registry=registry_for(task.settings),
            decisions=_decisions(task),
            page_images=find_page_images(task.path),
        )
        tree, findings = conversion.tree, len(conversion.findings)
        tei_bytes = serialize(tree)
        not_applied = conversion.review.not_applied if conversion.review else []
    else:
        tree = parse_xml_bytes(task.data, source=task.path)
        tei_bytes = task.data
        not_applied = []
    report = _validate(task, tei_bytes)
    summary = summarise(tree, task.stem, task.settings)
    from tei_tools.corpus.pages import document_page
    from tei_tools.export.text import export_text

    text = export_text(tree)
    files = {f"{TEI_DIR}/{task.stem}.xml": tei_bytes, f"{TEXT_DIR}/{task.stem}.txt": text.encode()}
    article = render_article(tree, summary, task.settings)
    _search_fields(summary, article, tree.getroot(), task.settings)
    from tei_tools.corpus.facsimile import add_viewer, facsimile_pages, image_jobs

    pages = facsimile_pages(tree.getroot(), task.path, task.stem)
    iiif = _iiif_manifest(task, summary, pages, tree.getroot(), files)
    add_viewer(article, pages, summary.title, manifest=iiif)
    summary.facsimile_pages = len(pages)
    if task.settings.pdf:
        files[f"{PDF_DIR}/{task.stem}.pdf"] = _pdf_bytes(tree)
    problems = [p.as_dict() for p in report.problems]
    problems += [_review_problem(task, decision, why) for decision, why in not_applied]
    result = DocumentResult(
        task.stem,
        task.kind,
        task.path,
        report.status,
        summary,
        problems,
        findings,
        files,
        image_jobs(pages),
    )
    from tei_tools.corpus.document_header import document_header
    from tei_tools.export.html import document_language

    site_title = task.settings.title or "Edition"
    edition = edition_for(task.settings)
    files[f"{DOCUMENT_DIR}/{task.stem}.html"] = document_page(
        result,
        article,
        site_title=site_title,
        has_pdf=task.settings.pdf,
        header=document_header(
            tree.getroot(),
            summary,
            registry_for(task.settings),
            site_title=site_title,
            number=edition.number(task.stem),
        ),
        lang=document_language(tree.getroot()) or "en",
        edition=edition,
    )
    return result


def _iiif_manifest(task: DocumentTask, summary, pages, root, files) -> str | None:
    """With a base URL, the document's IIIF manifest into ``files``; its site path, or None."""
    edition = edition_for(task.settings)
    if not pages or not edition.base_url:
        return None
    from tei_tools.corpus.iiif import manifest, manifest_name, to_json
    from tei_tools.export.html import document_language

    name = manifest_name(task.stem)
    data = manifest(summary, pages, edition, language=document_language(root) or "")
    files[name] = to_json(data)
    return name


def _search_fields(summary: DocumentSummary, article, root, settings: BuildSettings) -> None:
    """The summary's search filters and, for the built-in index, the text and its words.

    Read from the article before the site adds its metadata block, so that
    search finds a document by its text, not by its date line or source.
    """
    from tei_tools.corpus.search import search_filters, search_terms, search_text

    summary.filters = search_filters(root, summary, registry_for(settings))
    if settings.search_terms:
        summary.text = search_text(article)
        summary.terms = search_terms(summary.text)


def _review_problem(task: DocumentTask, decision, why: str) -> dict[str, object]:
    """A review decision the build could not apply, shown with the validation problems."""
    return {
        "file": f"review/{task.stem}.toml",
        "line": None,
        "column": None,
        "severity": "warning",
        "message": f"review decision {decision.id} ({decision.action} {decision.text!r}) not applied: {why}",
        "rule": "review",
    }


def _decisions(task: DocumentTask):
    """The task's review decisions, parsed; None when the document has none."""
    from tei_tools.markup.decisions.store import decisions_from_bytes

    return decisions_from_bytes(task.decisions, task.stem)


def _validate(task: DocumentTask, tei_bytes: bytes):
    """Validate a document as the site holds it.

    A converted document exists only in memory: it is validated from its
    bytes as if it lay beside its source (where relative references of a
    converted document would resolve), and its problems are placed in the
    site's copy (``tei/STEM.xml``), whose lines they describe.  A ``tei/``
    input is validated where it lies so that relative ``xml-model`` schemas
    resolve.
    """
    from tei_tools.validate import validate_bytes, validate_file

    if task.kind == "tei" and Path(task.path).is_file():
        return validate_file(task.path, registers=task.settings.registers)
    shown = f"{TEI_DIR}/{task.stem}.xml"
    beside_source = Path(task.path).with_name(f"{task.stem}.xml")
    report = validate_bytes(tei_bytes, beside_source, registers=task.settings.registers)
    report.file = shown
    report.problems = [replace(p, file=shown) for p in report.problems]
    return report


@functools.lru_cache(maxsize=4)
def profile_for(settings: BuildSettings):
    """The collection profile the build settings name (loaded once per settings)."""
    from tei_tools.corpus.collection import collection_info_of
    from tei_tools.reading.profiles import (
        load_profile,
        profile_from_mapping,
        with_collection_facts,
    )

    if settings.profile_table:
        profile = profile_from_mapping(json.loads(settings.profile_table), source="tei-tools.toml")
    else:
        profile = load_profile(settings.profile)
    return with_collection_facts(profile, collection_info_of(settings))


def edition_for(settings: BuildSettings):
    """The edition as citations see it (:class:`~tei_tools.corpus.citation.Edition`)."""
    from tei_tools.corpus.citation import edition_of
    from tei_tools.corpus.collection import collection_info_of

    return edition_of(
        collection_info_of(settings), profile_for(settings), settings.title or "Edition"
    )


@functools.lru_cache(maxsize=4)
def registry_for(settings: BuildSettings):
    """The registry: built-in registers plus the settings' own (loaded once per settings)."""
    from tei_tools.markup.registers import load_registry

    return load_registry(settings.registers or None)


def register_links(settings: BuildSettings) -> dict[str, dict[str, str]]:
    """Register entries as the HTML exporter wants them, linked to the site's index pages."""
    from tei_tools.corpus.pages import index_href

    links = {}
    registry = registry_for(settings)
    for ref, entry in registry.entries.items():
        if entry.prefix not in INDEXED_PREFIXES:
            continue
        item = {"label": entry.label, "href": "../" + index_href(ref)}
        if entry.wikidata:
            item["wikidata"] = entry.wikidata
        links[ref] = item
    # A document's old pointer to a merged entry links to the entry it was merged into.
    for alias, ref in registry.aliases.items():
        if ref in links:
            links[alias] = links[ref]
    return links


_register_links = functools.lru_cache(maxsize=4)(register_links)


def render_article(tree: etree._ElementTree, summary: DocumentSummary, settings: BuildSettings):
    """The exporter's ``<article>`` for a document, its names linked to the site's indexes.

    A pointer no register knows still gets an index entry (the index pages
    list every pointer), so it links there too.  Any other relative link the
    document makes (to files beside the original TEI) would lead nowhere in
    the site, so it is kept as text without its link.
    """
    from lxml import html

    from tei_tools.corpus.pages import index_href
    from tei_tools.corpus.views import add_diplomatic_view, has_source_lines
    from tei_tools.export.html import export_html

    known = _register_links(settings)
    registers = dict(known)
    for ref in summary.refs:
        if ref not in known:
            registers[ref] = {"label": ref.partition(":")[2], "href": "../" + index_href(ref)}
    article = html.fragment_fromstring(
        export_html(tree, registers=registers, standalone=False, depth=1)
    )
    _site_article(article, registers)
    if has_source_lines(tree.getroot()):  # the two views differ: the page offers both
        diplomatic = html.fragment_fromstring(
            export_html(tree, registers=registers, standalone=False, depth=1, view="diplomatic")
        )
        _site_article(diplomatic, registers)
        add_diplomatic_view(article, diplomatic)
    for link in article.iter("a"):
        href = link.get("href")
        if (
            href is None
            or href.startswith(("#", "../"))
            or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href)
        ):
            continue
        del link.attrib["href"]
        link.tag = "span"
    return article


def _site_article(article, registers: dict[str, dict[str, str]]) -> None:
    """Fit the exporter's article to a site page, whose header block and indexes say the rest.

    Names link to the site's index pages (where the site script opens a card)
    instead of the exporter's in-page index, which the page leaves out; a
    ``bibl`` in the text that repeats the header's source citation is dropped,
    as the header block shows it.
    """
    from tei_tools.corpus.site_urls import site_href

    for section in article.findall("section[@class='tei-index']"):
        article.remove(section)
    for link in article.iter("a"):
        ref = link.get("data-ref")
        if ref in registers and (link.get("href") or "").startswith("#reg-"):
            href = site_href(registers[ref]["href"], depth=1)
            if href:
                link.set("href", href)
                link.set("class", (link.get("class") or "") + " entity")
    header_sources = {
        " ".join(line.text_content().split()).removeprefix("Source: ")
        for line in article.iterfind(".//header[@class='tei-titleblock']/p[@class='tei-source']")
    }
    for bibl in list(article.iterfind(".//div[@class='tei-text']//*[@class]")):
        classes = bibl.get("class", "").split()
        repeated = " ".join(bibl.text_content().split()) in header_sources
        dropped_already = bibl.getparent() is None  # inside a bibl dropped before it
        if "tei-bibl" in classes and "type-source" in classes and repeated and not dropped_already:
            bibl.drop_tree()


def _pdf_bytes(tree: etree._ElementTree) -> bytes:
    from tei_tools.export.pdf import export_pdf

    with tempfile.TemporaryDirectory(prefix="tei-tools-pdf-") as folder:
        target = Path(folder) / "out.pdf"
        export_pdf(tree, target)
        return target.read_bytes()


# --------------------------------------------------------------------------- summary


def summarise(tree: etree._ElementTree, stem: str, settings: BuildSettings) -> DocumentSummary:
    """Title, date, register pointers and cited sources of any TEI document, in one walk."""
    root = tree.getroot()
    title = _text(root.find(f".//{_T}titleStmt/{_T}title")) or stem
    text = root.find(f"{_T}text")
    if text is not None:
        from tei_tools.tei.title_case import normalise_title

        # A TEI file whose header title is in capitals reads like the converter's.
        title = normalise_title(title, text, registry_for(settings))
    summary = DocumentSummary(stem, title)
    _read_date(root, summary, settings)
    refs: dict[str, int] = {}
    # A merged entry's old pointer is counted under the entry it was merged into.
    resolve = registry_for(settings).resolve
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for ref in (element.get("ref") or "").split():
            prefix = ref.partition(":")[0]
            if prefix in INDEXED_PREFIXES and ref != prefix:
                ref = resolve(ref)
                refs[ref] = refs.get(ref, 0) + 1
    summary.refs = dict(sorted(refs.items()))
    summary.citations = _citations(root)
    from tei_tools.corpus.header_facts import header_facts

    facts = header_facts(root)
    summary.resp, summary.changes = facts["resp"], facts["changes"]
    summary.editorial, summary.availability = facts["editorial"], facts["availability"]
    return summary


def _read_date(root: etree._Element, summary: DocumentSummary, settings: BuildSettings) -> None:
    from tei_tools.export.dates import format_iso_date, gregorian_to_julian_iso, read_date

    date = root.find(f".//{_T}profileDesc/{_T}creation//{_T}date")
    if date is None:
        date = root.find(f".//{_T}dateline//{_T}date")
    if date is None:
        _date_from_stem(summary)
        return
    reading = read_date(date)
    when = reading.gregorian or reading.datetime or date.get("notBefore") or date.get("from")
    if not when:
        summary.date_label = _text(date)
        return
    summary.when = when
    julian = reading.julian
    if julian is None and len(when) == 10 and when < (settings.dual_dates_before or "0"):
        julian = gregorian_to_julian_iso(when)
    summary.julian = julian
    label = format_iso_date(when)
    if julian:
        label += f" N.S. ({format_iso_date(julian)} O.S.)"
    summary.date_label = label


#: A file named by its date, as collections often are: "1764-03-10_laurens-to-oswald".
_STEM_DATE = re.compile(r"^(\d{4}-\d\d-\d\d|\d{4}-\d\d|\d{4})(?=[_\-. ]|$)")


def _date_from_stem(summary: DocumentSummary) -> None:
    """Without a date in the document, the one its file name begins with orders it.

    The label says where the date comes from; the TEI is not changed.
    """
    from tei_tools.export.dates import format_iso_date

    found = _STEM_DATE.match(summary.stem)
    if found is None:
        return
    value = found.group(1)
    try:
        dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return  # "1764-13-40_x": not a date
    label = format_iso_date(value)
    summary.when = value
    summary.date_label = f"{label} (from the file name)"


def _citations(root: etree._Element) -> list[dict[str, str]]:
    """The sources a document cites: its ``sourceDesc`` and any ``bibl`` in the text.

    A citation with a register pointer (``bib:...``) is keyed by it, so all
    documents citing one work meet under one entry; otherwise by its title,
    or by its whole text when it has none.
    """
    found: dict[str, dict[str, str]] = {}
    header_bibls = root.iterfind(f".//{_T}sourceDesc//{_T}bibl")
    text_bibls = root.iterfind(f".//{_T}text//{_T}bibl")
    for bibl in (*header_bibls, *text_bibls):
        if bibl.getparent() is not None and bibl.getparent().tag == f"{_T}bibl":
            continue
        title_element = bibl.find(f"{_T}title")
        pointers = f"{bibl.get('ref') or ''} {'' if title_element is None else title_element.get('ref') or ''}"
        refs = [r for r in pointers.split() if r.startswith("bib:")]
        title = _text(title_element)
        whole = _separated_text(bibl)
        if not whole:
            continue
        key = refs[0] if refs else f"title:{title}" if title else f"text:{whole}"
        found.setdefault(
            key,
            # Keys in sorted order, as the build cache's JSON gives them back: the page
            # keys are digests of repr(), so a cached summary must read as a fresh one.
            {
                "detail": _work_detail(bibl),
                "key": key,
                "label": title or whole,
                "more": "yes" if _cites_a_place(bibl) else "",
                "ref": refs[0] if refs else "",
                "text": whole,
            },
        )
    return list(found.values())


#: The parts of a bibl that name the work rather than the place cited in it.
_WORK_PARTS = {"author": "{}", "editor": "edited by {}", "pubPlace": "{}", "publisher": "{}"}


def _work_detail(bibl: etree._Element) -> str:
    """A bibl's author, editor, place and publisher: "edited by Jane Degras"."""
    parts = []
    for child in bibl:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name in _WORK_PARTS and _text(child):
            parts.append(_WORK_PARTS[name].format(_text(child)))
    return ", ".join(parts)


def _cites_a_place(bibl: etree._Element) -> bool:
    """Whether a bibl says more than which work it is: a page, an issue, a date, free text."""
    if re.search(r"\w", bibl.text or ""):
        return True
    for child in bibl:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name and name != "title" and name not in _WORK_PARTS:
            return True
        if re.search(r"\w", child.tail or ""):
            return True
    return False


def _separated_text(bibl: etree._Element) -> str:
    """A bibl's text with its fields apart: a title and an editor side by side get a comma.

    ``<title>Documents</title><editor>Jane Degras</editor>`` reads "Documents, Jane
    Degras", not "DocumentsJane Degras".
    """
    pieces = [bibl.text or ""]
    for child in bibl:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if pieces[-1].strip() == "" and "".join(pieces).strip():
            pieces.append(", ")
        pieces += [_text(child), child.tail or ""]
    return " ".join("".join(pieces).split()).strip(" ,")


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
