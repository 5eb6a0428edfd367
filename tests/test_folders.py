"""Folder walking: entries that cannot be read are errors for that entry (exit 2), never skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tei_tools.errors import UnreadableEntryError
from tei_tools.folders import walk_files

DATA = Path(__file__).parent / "data"
SEED_TEXT = sorted((Path(__file__).resolve().parents[1] / "corpus" / "source").glob("*.txt"))[0]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real console entry point, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture
def folder(tmp_path):
    """A folder with one good document and, beside it, entries that cannot be read."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    shutil.copy(DATA / "seed-like.xml", root / "good.xml")
    return root


def test_symlink_loop_to_a_parent_folder_is_an_error_not_skipped(folder):
    (folder / "sub" / "up").symlink_to("..")
    result = run("validate", "--no-extra-checks", str(folder), cwd=folder.parent)
    assert result.returncode == 2
    assert f"{folder / 'sub' / 'up'}: fatal: symbolic link loop" in result.stdout
    assert "1 valid" in result.stdout and "1 unreadable" in result.stdout


def test_symlink_loop_between_two_files_is_an_error_for_each(folder):
    (folder / "b.xml").symlink_to("c.xml")
    (folder / "c.xml").symlink_to("b.xml")
    entries = walk_files(folder, "*.xml", recursive=True)
    errors = [e for e in entries if isinstance(e, UnreadableEntryError)]
    assert [Path(e.file).name for e in errors] == ["b.xml", "c.xml"]
    assert all("symbolic link loop" in e.message and e.exit_code == 2 for e in errors)
    assert folder / "good.xml" in entries


def test_dangling_link_with_the_pattern_is_an_error_and_one_without_is_ignored(folder):
    (folder / "gone.xml").symlink_to("nowhere.xml")
    (folder / "notes.txt").symlink_to("nowhere.txt")
    errors = [e for e in walk_files(folder, "*.xml", recursive=True) if isinstance(e, Exception)]
    assert [(Path(e.file).name, e.message) for e in errors] == [
        ("gone.xml", "dangling symbolic link: its target does not exist")
    ]


def test_a_pipe_named_like_a_document_is_an_error_and_is_never_opened(folder):
    os.mkfifo(folder / "pipe.xml")
    result = run("validate", "--no-extra-checks", str(folder), cwd=folder.parent)
    assert result.returncode == 2
    assert "pipe.xml: fatal: not a regular file" in result.stdout


def test_a_folder_that_cannot_be_listed_is_an_error(folder, monkeypatch):
    """As root no permission can be taken away, so the refusal is simulated at os.scandir."""
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries = walk_files(folder, "*.xml", recursive=True)
    assert [str(e) for e in entries if isinstance(e, Exception)] == [
        f"{folder / 'sub'}: cannot list folder: permission denied"
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its permissions")
def test_a_folder_without_read_permission_is_an_error(folder):
    (folder / "sub").chmod(0)
    try:
        errors = [
            e for e in walk_files(folder, "*.xml", recursive=True) if isinstance(e, Exception)
        ]
    finally:
        (folder / "sub").chmod(0o755)
    assert "permission denied" in errors[0].message


def test_validate_library_reports_the_entry_as_unreadable(folder):
    from tei_tools.validate import validate

    (folder / "sub" / "up").symlink_to("..")
    report = validate(folder, extra_checks=False)
    assert report.exit_code == 2
    assert [(Path(f.file).name, f.status) for f in report.files] == [
        ("good.xml", "valid"),
        ("up", "unreadable"),
    ]


def test_export_of_a_folder_with_a_link_loop_exports_the_rest_and_exits_2(folder, tmp_path):
    (folder / "b.xml").symlink_to("c.xml")
    (folder / "c.xml").symlink_to("b.xml")
    out = tmp_path / "out"
    result = run("export", "text", str(folder), "--out-dir", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert (out / "good.txt").exists()
    assert f"tei-tools: error: {folder / 'b.xml'}: symbolic link loop" in result.stderr


def test_convert_of_a_folder_with_a_dangling_link_converts_the_rest_and_exits_2(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED_TEXT, source / "a.txt")
    (source / "b.txt").symlink_to("missing.txt")
    out = tmp_path / "tei"
    result = run("convert", str(source), "--out-dir", str(out), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert (out / "a.xml").exists()
    assert "b.txt: dangling symbolic link" in result.stderr
