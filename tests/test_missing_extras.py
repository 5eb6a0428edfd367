"""A command or option whose extra is not installed stops with one line naming it, before any work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEI_DOCUMENT = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
    "<titleStmt><title>Note</title></titleStmt><publicationStmt><p>P</p></publicationStmt>"
    "<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>A note.</p></body></text></TEI>"
)


def run_without(modules: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    """``tei-tools ARGS`` in a fresh interpreter in which ``modules`` cannot be imported."""
    prelude = "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)
    program = prelude + f"from tei_tools.cli import main\nmain({list(args)!r})\n"
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )


def assert_one_line_naming(result: subprocess.CompletedProcess[str], extra: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"pip install 'tei-tools[{extra}]'" in lines[0]


def test_review_without_its_extra_names_the_extra_in_one_line(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    packages = ("starlette", "jinja2", "uvicorn")
    for missing in packages:  # uvicorn alone was found only after the session had begun
        result = run_without([missing], "review", str(corpus))
        assert_one_line_naming(result, "review")
        assert any(f"'{package}'" in result.stderr for package in packages)
    assert list(corpus.iterdir()) == []  # nothing prepared, nothing written


def test_build_with_pdf_but_without_weasyprint_names_the_extra_before_building(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "tei").mkdir(parents=True)
    (corpus / "tei" / "note.xml").write_text(TEI_DOCUMENT, encoding="utf-8")
    site = tmp_path / "site"
    result = run_without(["weasyprint"], "build", str(corpus), "-o", str(site), "--pdf")
    assert_one_line_naming(result, "pdf")
    assert not site.exists()


NOT_WELL_FORMED = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>"


def two_documents(tmp_path: Path) -> list[str]:
    """A readable document and a broken one: reading either would print a problem."""
    good, broken = tmp_path / "good.xml", tmp_path / "broken.xml"
    good.write_text(TEI_DOCUMENT, encoding="utf-8")
    broken.write_text(NOT_WELL_FORMED, encoding="utf-8")
    return [str(good), str(broken)]


def test_schematron_schema_without_saxonche_stops_before_reading_any_document(tmp_path: Path):
    schema = tmp_path / "rules.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="*"><assert test="true()">x</assert></rule></pattern></schema>',
        encoding="utf-8",
    )
    documents = two_documents(tmp_path)
    result = run_without(["saxonche"], "validate", "--schema", str(schema), *documents)
    assert_one_line_naming(result, "schematron")
    assert result.stdout == ""  # no document was read, so no report on either


def test_compact_schema_without_rnc2rng_stops_before_reading_any_document(tmp_path: Path):
    schema = tmp_path / "small.rnc"
    schema.write_text("element TEI { text }\n", encoding="utf-8")
    documents = two_documents(tmp_path)
    result = run_without(["rnc2rng"], "validate", "--schema", str(schema), *documents)
    assert_one_line_naming(result, "rnc")
    assert result.stdout == ""


def test_convert_of_documents_with_page_images_without_pillow_stops_once_before_any_file(
    tmp_path: Path,
):
    source = tmp_path / "source"
    source.mkdir()
    for stem in ("first", "second"):
        (source / f"{stem}.txt").write_text(f"A letter called {stem}.\n", encoding="utf-8")
    (tmp_path / "images" / "second").mkdir(parents=True)
    (tmp_path / "images" / "second" / "p1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "tei"
    result = run_without(["PIL"], "convert", str(source), "--out-dir", str(out))
    assert_one_line_naming(result, "facsimile")
    assert "'Pillow'" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []  # not even the file without images


def test_language_server_without_pygls_names_the_extra_in_one_line():
    result = run_without(["pygls"], "lsp")
    assert_one_line_naming(result, "lsp")


def test_build_on_dask_without_distributed_names_the_extra_before_building(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "tei").mkdir(parents=True)
    (corpus / "tei" / "note.xml").write_text(TEI_DOCUMENT, encoding="utf-8")
    site = tmp_path / "site"
    result = run_without(
        ["distributed"], "build", str(corpus), "-o", str(site), "--executor", "dask"
    )
    assert_one_line_naming(result, "dask")
    assert not site.exists()
