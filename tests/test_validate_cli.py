"""``tei-tools validate`` in-process: exit codes, formats, and what they must contain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_tools.cli import cli

TEI = "http://www.tei-c.org/ns/1.0"
GOOD = (
    f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
    "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>Text.</p></body></text></TEI>"
)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    good = tmp_path / "good.xml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(GOOD.replace("<p>Text.</p>", "<p>Text.</p>\n<para>x</para>"), encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>", encoding="utf-8")
    return good, bad, broken


def run(*args: str):
    return CliRunner().invoke(
        cli, ["validate", *args], standalone_mode=False, catch_exceptions=False
    )


def test_valid_file_exits_0(files):
    result = run(str(files[0]))
    assert result.return_value == 0
    assert "1 valid" in result.output


def test_invalid_file_exits_1_with_compiler_style_line(files):
    result = run(str(files[1]))
    assert result.return_value == 1
    assert f'{files[1]}:2:7: error: element "para" not allowed' in result.output
    assert "did you mean" in result.output


def test_unreadable_file_exits_2_and_batch_goes_on(files):
    result = run(*map(str, files))
    assert result.return_value == 2
    assert "1 valid, 1 invalid, 1 unreadable" in result.output


def test_missing_schema_is_a_usage_error(files):
    from tei_tools.errors import UsageError

    with pytest.raises(UsageError):
        run("--schema", "nope.rng", str(files[0]))


def test_json_output_is_parseable_and_complete(files):
    result = run("--format", "json", *map(str, files))
    data = json.loads(result.output)
    assert data["exit_code"] == 2
    assert [f["status"] for f in data["files"]] == ["valid", "invalid", "unreadable"]
    assert data["files"][1]["problems"][0]["path"] == "/TEI/text/body/para"


def test_junit_output_counts_failures_and_errors(files):
    result = run("--format", "junit", *map(str, files))
    suite = etree.fromstring(result.output.encode()).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    assert len(suite.findall("testcase/failure")) == 1
    assert len(suite.findall("testcase/error")) == 1


def test_sarif_output_has_the_required_sarif_2_1_0_structure(files):
    # The required properties, read directly; tests/test_sarif.py checks the whole log against
    # the OASIS SARIF 2.1.0 JSON schema.
    log = json.loads(run("--format", "sarif", *map(str, files)).output)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert isinstance(driver["name"], str)
    rule_ids = [r["id"] for r in driver["rules"]]
    assert run_["results"]
    for result in run_["results"]:
        assert result["message"]["text"]
        assert result["level"] in ("none", "note", "warning", "error")
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]
        if "region" in location:
            assert location["region"]["startLine"] >= 1


def test_extra_check_findings_fail_by_default_and_only_warn_under_a_named_schema(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    doc = Path(tmp_path / "a.xml")
    doc.write_text(
        GOOD.replace("<p>Text.</p>", '<p><persName ref="#nobody">X</persName></p>'),
        encoding="utf-8",
    )
    result = run(str(doc))
    assert result.return_value == 1
    assert f'{doc}:1:42: error: @ref="#nobody"' in result.output
    tei_all = str(Path(__file__).resolve().parents[1] / "schemas" / "tei_all.rng")
    named = run("--schema", tei_all, str(doc))
    assert named.return_value == 0
    assert f'{doc}:1:42: warning: @ref="#nobody"' in named.output
    assert run("--schema", tei_all, "--strict", str(doc)).return_value == 1
    assert run("--lenient", str(doc)).return_value == 0
    quiet = run("--strict", "--no-extra-checks", str(doc))
    assert quiet.return_value == 0
    assert "warning" not in quiet.output


def test_pre_commit_hook_runs_the_validate_command():
    hooks = (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text(
        encoding="utf-8"
    )
    assert "id: tei-tools-validate" in hooks
    assert "entry: tei-tools validate" in hooks


def test_register_option_lets_register_pointers_resolve(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    register = tmp_path / "people.xml"
    register.write_text(
        f'<listPerson xmlns="{TEI}"><person xml:id="zz_nobody"><persName>Z</persName>'
        "</person></listPerson>",
        encoding="utf-8",
    )
    header = (
        '<encodingDesc><listPrefixDef><prefixDef ident="per" matchPattern="(.+)" '
        'replacementPattern="registers/persons.xml#$1"/></listPrefixDef></encodingDesc>'
    )
    doc = tmp_path / "a.xml"
    doc.write_text(
        GOOD.replace("</fileDesc>", "</fileDesc>" + header).replace(
            "<p>Text.</p>", '<p><persName ref="per:zz_nobody">Z</persName></p>'
        ),
        encoding="utf-8",
    )
    assert run("--strict", str(doc)).return_value == 1
    assert run("--strict", "--register", str(register), str(doc)).return_value == 0
