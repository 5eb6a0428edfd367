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
