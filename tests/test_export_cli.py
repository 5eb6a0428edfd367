"""``tei-tools export text|html|pdf`` from the command line: targets, batches, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-like.xml"


def run(*args: str, stdin: bytes | None = None):
    """Run the real console entry point in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", "export", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def one_line_error(result) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def test_text_goes_to_stdout_wrapped_at_the_width():
    result = run("text", str(SEED), "--width", "40")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "REPLY FROM TROTSKY, COMMISSAR FOR"
    assert max(len(line) for line in lines) <= 40


def test_html_is_written_to_the_named_file(tmp_path):
    target = tmp_path / "seed.html"
    result = run("html", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'datetime="1917-11-08"' in page


def test_css_option_links_the_stylesheet_instead_of_inlining():
    page = run("html", str(SEED), "--css", "site.css", "-o", "-").stdout.decode()
    assert '<link rel="stylesheet" href="site.css">' in page and "<style" not in page


def test_stdin_is_read_with_a_dash():
    result = run("text", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0 and "Trotsky" in result.stdout.decode()


def test_several_inputs_go_to_an_out_dir(tmp_path):
    other = tmp_path / "other.xml"
    other.write_bytes(SEED.read_bytes())
    result = run("text", str(SEED), str(other), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.txt", "seed-like.txt"]


def test_several_inputs_without_out_dir_is_a_usage_error():
    result = run("text", str(SEED), str(SEED))
    assert result.returncode == 2
    assert "several inputs need --out-dir" in one_line_error(result)


def test_bad_file_in_a_batch_is_reported_and_the_rest_exported(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text>", encoding="utf-8")
    result = run("html", str(SEED), str(broken), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (tmp_path / "out" / "seed-like.html").exists()
    assert f"{broken}:" in result.stderr.decode()


def test_not_well_formed_input_is_a_one_line_error_with_its_place(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>\n<text>\n", encoding="utf-8")
    result = run("text", str(broken))
    assert result.returncode == 1
    assert one_line_error(result).startswith(f"tei-tools: error: {broken}:")


def test_pdf_is_written(tmp_path):
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    target = tmp_path / "seed.pdf"
    result = run("pdf", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_html_indexes_names_against_the_shipped_registers():
    page = run("html", str(SEED)).stdout.decode()
    assert 'href="#reg-per-trotsky"' in page
    assert 'id="reg-per-trotsky"' in page


def test_no_registers_links_names_through_prefix_definitions_only():
    page = run("html", str(SEED), "--no-registers").stdout.decode()
    assert 'href="registers/persons.xml#trotsky"' in page and "reg-per-trotsky" not in page
