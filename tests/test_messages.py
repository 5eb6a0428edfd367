"""Messages a user can act on: limits named with the file, no libxml2 options, no false '<input>'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tei_tools.errors import LimitExceededError, TeiToolsError, UsageError
from tei_tools.xml import parse_xml_bytes, parse_xml_file


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("document", "limit"),
    [
        ("<a>" * 300 + "</a>" * 300, "256 levels"),
        ("<a>" + "x" * 10_000_001 + "</a>", "10,000,000 bytes"),
        ('<a b="' + "x" * 10_000_001 + '"/>', "10,000,000 bytes"),
        ("<a" + "x" * 60_000 + "/>", "50,000 characters"),
    ],
)
def test_a_parser_limit_is_named_with_the_file_and_no_libxml2_option(tmp_path, document, limit):
    path = tmp_path / "deep.xml"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(LimitExceededError) as caught:
        parse_xml_file(path)
    assert limit in caught.value.message
    assert "XML_PARSE" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}:1:")


def test_the_depth_limit_reaches_the_command_line_as_one_line_naming_the_file(tmp_path):
    (tmp_path / "deep.xml").write_text("<a>" * 300 + "</a>" * 300, encoding="utf-8")
    result = run("export", "text", "deep.xml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("tei-tools: error: deep.xml:1:")
    assert "256 levels" in result.stderr and "XML_PARSE" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_other_well_formedness_messages_keep_libxml2s_words():
    with pytest.raises(TeiToolsError) as caught:
        parse_xml_bytes(b"<a><b></a>", source="x.xml")
    assert "mismatch" in caught.value.message.lower()


def test_an_error_that_is_not_about_an_input_has_no_input_label():
    assert str(UsageError("several inputs need --out-dir")) == "several inputs need --out-dir"


def test_command_line_usage_errors_have_no_input_label(tmp_path):
    (tmp_path / "a.xml").write_text("<a/>", encoding="utf-8")
    result = run("validate", "--schema", "missing.rng", "a.xml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "tei-tools: error: no such schema file: missing.rng\n"
