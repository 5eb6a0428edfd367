"""``tei-tools convert`` from the command line: outputs, batches and bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_tools.xml import TEI_NS

GOOD = (
    "A NOTE ON PEACE\n\n5 March 1918\nTrotsky, iii, 2, p. 183\n\n"
    "    The Soviet Government proposes peace.\n"
)


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    """Run the real console entry point in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def one_line_error(result) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def test_convert_one_file_writes_tei(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "note.xml"
    result = run("convert", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{{{TEI_NS}}}TEI"


def test_input_is_never_modified_and_no_temporary_files_remain(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text(GOOD, encoding="utf-8")
    before = source.read_bytes(), source.stat().st_mtime_ns
    assert run("convert", str(source), "-o", str(tmp_path / "note.xml")).returncode == 0
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.txt", "note.xml"]


def test_stdin_to_stdout():
    result = run("convert", "-", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"<?xml")
    assert (
        b"The Soviet Government proposes peace." in result.stdout
        or b"proposes peace." in result.stdout
    )


def test_empty_file_gets_one_line_error_and_status_1(tmp_path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = run("convert", str(source), "-o", str(tmp_path / "out.xml"))
    assert result.returncode == 1
    assert (
        one_line_error(result)
        == f"tei-tools: error: {source}: empty file: there is no text to convert"
    )
    assert not (tmp_path / "out.xml").exists()


def test_binary_file_gets_one_line_error_and_status_1(tmp_path):
    source = tmp_path / "image.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    result = run("convert", str(source), "-o", str(tmp_path / "out.xml"))
    assert result.returncode == 1
    assert "binary file" in one_line_error(result)


def test_non_utf8_file_error_names_the_line_and_suggests_encoding(tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("TITLE\n\n    Caf\u00e9 au lait.\n".encode("latin-1"))
    result = run("convert", str(source), "-o", str(tmp_path / "out.xml"))
    assert result.returncode == 1
    line = one_line_error(result)
    assert line.startswith(f"tei-tools: error: {source}:3:")
    assert "--encoding" in line
    assert (
        run(
            "convert", str(source), "-o", str(tmp_path / "out.xml"), "--encoding", "latin-1"
        ).returncode
        == 0
    )


def test_missing_path_gets_one_line_error(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out.xml"))
    assert result.returncode == 1
    assert (
        one_line_error(result)
        == f"tei-tools: error: {tmp_path / 'nope.txt'}: no such file or folder"
    )


def test_usage_errors_exit_with_status_2(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    result = run("convert", str(source), str(source), "-o", "x.xml")
    assert result.returncode == 2
    assert "--out-dir" in one_line_error(result)
    assert run("convert", "--no-such-option", str(source)).returncode == 2


def test_batch_with_one_bad_file_converts_the_others_and_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "c.txt").write_text(GOOD.replace("peace", "war"), encoding="utf-8")
    result = run("convert", str(folder), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xml", "c.xml"]
    err = result.stderr.decode()
    assert f"{folder / 'b.txt'}" in err and "binary file" in err
    assert "converted 2 file(s); 1 failed" in err


def test_review_report_lists_dropped_chrome(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text(
        GOOD + "\nDocuments on Soviet Foreign Policy\n\n[Subject] [Author] [Date]\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    result = run(
        "convert", str(source), "-o", str(tmp_path / "o.xml"), "--report", str(report),
        "--profile", "degras",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    import json

    findings = json.loads(report.read_text())["findings"]
    assert {"kind": "dropped-line", "text": "[Subject] [Author] [Date]"}.items() <= findings[
        0
    ].items()


def test_help_lists_commands_without_importing_lxml():
    code = "import sys; from tei_tools.cli import cli; import click; "
    code += "sys.argv=['tei-tools','--help']\ntry: cli.main(standalone_mode=False)\nexcept SystemExit: pass\n"
    code += "print('lxml' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "convert" in result.stdout
    assert result.stdout.strip().endswith("False")


@pytest.mark.parametrize("profile", ["generic"])
def test_generic_profile_converts_other_collections(tmp_path, profile):
    source = tmp_path / "diary.txt"
    source.write_text("My Diary\nSunday was fine.\n\nMonday too.\n", encoding="utf-8")
    result = run("convert", str(source), "--profile", profile, "-o", str(tmp_path / "d.xml"))
    assert result.returncode == 0, result.stderr
    head = etree.parse(str(tmp_path / "d.xml")).find(f".//{{{TEI_NS}}}head")
    assert head.text == "My Diary"
