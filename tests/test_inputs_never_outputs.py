"""Inputs are never outputs (issue 11): ``-o``/``--out-dir``/``--report`` that name an input,
however spelt (the same name, ``./``, a symlink, a hard link), are refused with one line
before anything is read or written; ``-`` and devices stay allowed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_convert_cli import GOOD, one_line_error, run

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture
def note(tmp_path: Path) -> Path:
    source = tmp_path / "note.txt"
    source.write_text(GOOD, encoding="utf-8")
    return source


@pytest.fixture
def tei(tmp_path: Path) -> Path:
    target = tmp_path / "seed.xml"
    shutil.copy(DATA / "seed-like.xml", target)
    return target


def _spellings(path: Path) -> dict[str, str]:
    """Other names of the same file: relative with ./, a symlink, a hard link."""
    link = path.with_name("link-" + path.name)
    link.symlink_to(path.name)
    hard = path.with_name("hard-" + path.name)
    os.link(path, hard)
    return {
        "same": str(path),
        "dot": f"./{path.name}",
        "symlink": str(link),
        "hardlink": str(hard),
    }


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hardlink"])
def test_convert_output_that_is_the_input_is_refused(note, spelling):
    before = note.read_bytes()
    target = _spellings(note)[spelling]
    result = run("convert", note.name, "-o", target, cwd=note.parent)
    assert result.returncode == 2
    line = one_line_error(result)
    assert "refusing to write over the input" in line and target in line
    assert note.read_bytes() == before
    assert not [p for p in note.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hardlink"])
def test_export_output_that_is_the_input_is_refused(tei, spelling):
    before = tei.read_bytes()
    target = _spellings(tei)[spelling]
    result = run("export", "html", tei.name, "-o", target, cwd=tei.parent)
    assert result.returncode == 2
    assert "refusing to write over the input" in one_line_error(result)
    assert tei.read_bytes() == before


def test_export_out_dir_holding_an_input_of_the_same_name_is_refused(tei, tmp_path):
    # 'export text' of a folder writes STEM.txt; a .txt input in the same place is an input.
    (tmp_path / "seed.txt").write_text("an input too")
    result = run("export", "text", "seed.xml", "seed.txt", "--out-dir", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "seed.txt" in one_line_error(result)
    assert (tmp_path / "seed.txt").read_text() == "an input too"


def test_convert_report_that_is_the_input_is_refused(note):
    before = note.read_bytes()
    result = run("convert", str(note), "-o", "-", "--report", str(note))
    assert result.returncode == 2
    assert "refusing to write over the input" in one_line_error(result)
    assert note.read_bytes() == before


def test_convert_output_that_is_a_register_it_reads_is_refused(note, tmp_path):
    register = tmp_path / "persons.xml"
    shutil.copy(REPO / "tei_tools" / "data" / "registers" / "persons.xml", register)
    before = register.read_bytes()
    result = run("convert", str(note), "--register", str(register), "-o", str(register))
    assert result.returncode == 2
    assert "persons.xml" in one_line_error(result)
    assert register.read_bytes() == before


def test_dash_and_dev_null_stay_allowed_as_outputs(note):
    assert run("convert", str(note), "-o", "-").returncode == 0
    assert run("convert", str(note), "-o", os.devnull).returncode == 0
    assert note.read_text(encoding="utf-8") == GOOD


def test_convert_out_dir_onto_the_collections_tei_folder_keeps_working(tmp_path):
    # The README's own command: it writes only the files it produces, replaces only
    # those, and leaves everything else in the folder alone.
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus" / "source", corpus / "source")
    (corpus / "tei").mkdir()
    (corpus / "tei" / "hand-edited.xml").write_bytes(b"<TEI>mine</TEI>")
    stale = corpus / "tei" / "1918-03-05_note-to-robins.xml"
    stale.write_bytes(b"<old/>")
    result = subprocess.run(
        [sys.executable, "-m", "tei_tools", "convert", "corpus/source", "--out-dir", "corpus/tei"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    written = sorted(p.name for p in (corpus / "tei").iterdir())
    expected = sorted(p.stem + ".xml" for p in (corpus / "source").glob("*.txt"))
    assert written == sorted([*expected, "hand-edited.xml"])
    assert (corpus / "tei" / "hand-edited.xml").read_bytes() == b"<TEI>mine</TEI>"
    assert stale.read_bytes() != b"<old/>"
