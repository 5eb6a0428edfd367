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
