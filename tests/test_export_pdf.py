"""PDF export through WeasyPrint (the optional ``pdf`` extra)."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from tei_tools.errors import MissingExtraError
from tei_tools.export.pdf import export_pdf
from tei_tools.xml import parse_xml_file

DATA = Path(__file__).parent / "data"


def test_missing_weasyprint_is_a_one_line_error_naming_the_extra(monkeypatch):
    real_import = builtins.__import__

    def refuse_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_weasyprint)
    with pytest.raises(MissingExtraError) as caught:
        export_pdf(parse_xml_file(DATA / "seed-like.xml"))
    message = str(caught.value)
    assert "pip install 'tei-tools[pdf]'" in message and "\n" not in message


def test_seed_like_document_becomes_a_pdf_with_its_text(tmp_path):
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    target = tmp_path / "seed.pdf"
    data = export_pdf(parse_xml_file(DATA / "seed-like.xml"), target)
    assert data.startswith(b"%PDF-") and target.read_bytes() == data


def test_pdf_sets_notes_at_the_foot_of_the_page_they_are_called_on():
    weasyprint = pytest.importorskip("weasyprint", reason="the pdf extra is not installed")
    from tei_tools.export.html import export_html, stylesheet

    page = export_html(parse_xml_file(DATA / "seed-like.xml"), notes="inline", styles=False)
    document = weasyprint.HTML(string=page).render(
        stylesheets=[weasyprint.CSS(string=stylesheet("print.css"))]
    )
    assert len(document.pages) == 1
    first = document.pages[0]
    assert first.width == pytest.approx(794, abs=2)  # A4 in CSS pixels

    def boxes_with_class(name):
        return [
            box
            for box in first._page_box.descendants()
            if type(box).__name__ == "BlockBox"
            and box.element is not None
            and name in (box.element.get("class") or "").split()
        ]

    notes = boxes_with_class("footnote")
    trailer = boxes_with_class("tei-trailer")[0]
    assert len(notes) == 2
    assert all(note.position_y > trailer.position_y for note in notes)


def test_latin_cyrillic_and_greek_are_set_in_the_stylesheet_fonts():
    weasyprint = pytest.importorskip("weasyprint", reason="the pdf extra is not installed")
    from lxml import etree

    from tei_tools.export.html import export_html, stylesheet
    from tei_tools.xml import TEI_NS

    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><p>Peace, Москва, Ἀθῆναι</p></body></text></TEI>'
    )
    page = export_html(root, notes="inline", styles=False)
    document = weasyprint.HTML(string=page).render(
        stylesheets=[weasyprint.CSS(string=stylesheet("print.css"))]
    )
    document.write_pdf()
    fonts = list(document.fonts.values())
    covered = set().union(*(set(font.to_unicode.values()) for font in fonts))
    assert set("PeaceМоскваἈθῆναι") <= covered
    names = [font.name.decode() for font in fonts]
    assert all(any(family in name for family in ("DejaVu", "Noto", "Liberation")) for name in names)


def _wait_for_the_next_second() -> None:
    import time

    now = time.time()
    time.sleep(1.05 - (now - int(now)))


def test_pdf_bytes_do_not_depend_on_when_they_are_made(monkeypatch):
    # The 1-job/2-job flake of a fresh environment (issue 11): when WeasyPrint
    # rewrites a font with fontTools (variable fonts, emoji fonts, or every
    # subset where HarfBuzz-subset is missing, as here by force), fontTools
    # stamps it with the current second, and a slow first run crossed one.
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    tree = parse_xml_file(DATA / "seed-like.xml")
    first = export_pdf(tree)
    _wait_for_the_next_second()
    assert export_pdf(tree) == first


def test_pdf_export_leaves_the_environment_as_it_was(monkeypatch):
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    export_pdf(parse_xml_file(DATA / "seed-like.xml"))
    assert "SOURCE_DATE_EPOCH" not in os.environ


def _link_targets(data: bytes) -> list[bytes]:
    import re
    import zlib

    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            found += re.findall(rb"/URI \(([^)]*)\)", zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return found


def test_pdf_bytes_do_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    # A relative link (a prefixDef's "r/persons.xml#lenin") was resolved against the
    # process's working directory: another folder, or a Dask worker, gave other bytes.
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    from lxml import etree

    from tei_tools.xml import TEI_NS

    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
        '<encodingDesc><listPrefixDef><prefixDef ident="per" matchPattern="(.+)" '
        'replacementPattern="r/persons.xml#$1"/></listPrefixDef></encodingDesc></teiHeader>'
        '<text><body><p><persName ref="per:lenin">Lenin</persName></p></body></text></TEI>'
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "somewhere-else").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    here = export_pdf(root, registers={})
    monkeypatch.chdir(tmp_path / "somewhere-else")
    assert export_pdf(root, registers={}) == here
    assert _link_targets(here) == [b"r/persons.xml#lenin"]


SEED = (
    Path(__file__).parent.parent
    / "corpus"
    / "tei"
    / "1917-11-30_reply-from-trotsky-to-british-embassy.xml"
)


def laid_out_seed():
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    from tei_tools.export.links import registry_entries
    from tei_tools.export.pdf import layout_pdf

    # As `tei-tools export pdf` makes it: names indexed against the built-in registers.
    return layout_pdf(parse_xml_file(SEED), registers=registry_entries())


def boxes_of(box, kind: str):
    """Every box of one WeasyPrint box class (``LineBox``, ``MarginBox``) under ``box``."""
    for child in getattr(box, "children", ()):
        if type(child).__name__ == kind:
            yield child
        else:
            yield from boxes_of(child, kind)


def text_of(box) -> str:
    return "".join(part.text for part in box.descendants() if hasattr(part, "text"))


def paragraph_lines(document) -> list[list[str]]:
    """The lines of each ``p.tei-p`` of the body, in order, as text."""
    paragraphs: dict[int, list[str]] = {}
    for page in document.pages:
        for block in page._page_box.descendants():
            if type(block).__name__ != "BlockBox" or block.element_tag != "p":
                continue
            if "tei-p" in (block.element.get("class") or "").split():
                lines = [text_of(line).strip() for line in boxes_of(block, "LineBox")]
                paragraphs.setdefault(id(block.element), []).extend(lines)
    return list(paragraphs.values())


def test_seed_pdf_is_tagged_with_a_structure_tree_its_language_and_title(tmp_path):
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (test extra) is not installed")
    target = tmp_path / "seed.pdf"
    from tei_tools.export.links import registry_entries

    export_pdf(parse_xml_file(SEED), target, registers=registry_entries())
    with pikepdf.open(target) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root and "/K" in root.StructTreeRoot
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en"
        assert str(pdf.docinfo.Title).startswith("Reply from Trotsky")
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        with pdf.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


def test_pdf_paragraph_never_starts_with_a_line_of_one_word():
    paragraphs = paragraph_lines(laid_out_seed())
    assert len(paragraphs) >= 2
    for lines in paragraphs:
        if len(lines) > 1:
            assert len(lines[0].split()) > 1, lines[:2]


def test_pdf_keeps_each_day_of_a_dual_date_on_one_line():
    lines = [line for lines in paragraph_lines(laid_out_seed()) for line in lines]
    joined = "\n".join(lines)
    assert "26 October" in joined.replace("\n", " ")
    for day in ("26 October", "[8 November"):
        assert day in joined, f"{day!r} broken across lines"


def test_pdf_running_head_is_the_short_title_on_one_line():
    document = laid_out_seed()
    heads = [
        text_of(box)
        for page in document.pages[1:]
        for box in boxes_of(page._page_box, "MarginBox")
        if box.at_keyword == "@top-center"
    ]
    assert heads and all(
        h == "Reply from Trotsky, Commissar for Foreign Affairs, to the…" for h in heads
    )


def test_pdf_prints_names_without_underlines_and_the_source_once():
    document = laid_out_seed()
    text = "\n".join(text_of(page._page_box) for page in document.pages)
    assert text.count("Trotsky, iii, 2, p. 183") == 1
    names = [
        box
        for page in document.pages
        for box in page._page_box.descendants()
        if box.element_tag == "a" and "tei-orgName" in (box.element.get("class") or "")
    ]
    assert names and all(box.style["text_decoration_line"] == "none" for box in names)


def test_pdf_index_is_one_compact_paragraph_without_register_links():
    document = laid_out_seed()
    text = "\n".join(text_of(page._page_box) for page in document.pages)
    index = text.split("Index", 1)[1]
    assert "register" not in index and "Wikidata" not in index
    assert "Trotsky (1879–1940) · British Embassy" in index
