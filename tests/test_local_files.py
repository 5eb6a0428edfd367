"""Files a document names (XIncludes, DTDs, entity files) are read only inside one folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, shared_path

from tei_tools.errors import HostileXMLError, InputError
from tei_tools.export.text import export_text
from tei_tools.validate import validate, validate_file
from tei_tools.xml import parse_xml_file

TEI_ALL = REPO / "schemas" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"
XI = ' xmlns:xi="http://www.w3.org/2001/XInclude"'


@pytest.fixture(scope="module", autouse=True)
def shared_cache(tmp_path_factory):
    """One grammar cache for the module: the documents here share their vocabulary."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def tei_doc(body: str = "<p>Text.</p>", prolog: str = "", root_attrs: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}\n'
        f'<TEI xmlns="{TEI}"{root_attrs}><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        f"</teiHeader>\n<text><body>{body}</body></text></TEI>\n"
    )


def run(*args: str) -> subprocess.CompletedProcess:
    """The real console entry point, as a user runs it (exit status included)."""
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", *args], capture_output=True, text=True, timeout=300
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def include(href: str, fallback: bool) -> str:
    inner = "<xi:fallback><p>Fallback.</p></xi:fallback>" if fallback else ""
    return f'<p>Before.</p><xi:include href="{href}">{inner}</xi:include>'


# --------------------------------------------------------------------------- XInclude


@pytest.fixture
def tree_with_outside(tmp_path):
    """``project/doc/`` holds the documents; ``project/outside.xml`` would make them invalid."""
    write(tmp_path / "project" / "outside.xml", f'<bogus xmlns="{TEI}"/>')
    write(tmp_path / "project" / "doc" / "inside.xml", f'<p xmlns="{TEI}">Inside.</p>')
    return tmp_path / "project"


def test_xinclude_outside_the_folder_falls_back_like_a_missing_file(tree_with_outside):
    doc = write(
        tree_with_outside / "doc" / "a.xml", tei_doc(include("../outside.xml", True), root_attrs=XI)
    )
    report = validate_file(doc, schema=TEI_ALL)
    assert report.valid, [str(p) for p in report.problems]  # the bogus file was not included


@pytest.mark.parametrize(
    "href", ["/etc/passwd", "../outside.xml", "file:///etc/hostname", "%2E%2E/outside.xml"]
)
def test_refused_and_missing_includes_get_the_same_message(tree_with_outside, href):
    folder = tree_with_outside / "doc"
    refused = write(folder / "a.xml", tei_doc(include(href, False), root_attrs=XI))
    missing = write(folder / "b.xml", tei_doc(include("no-such-file.xml", False), root_attrs=XI))
    [refused_problem] = validate_file(refused, schema=TEI_ALL).problems
    [missing_problem] = validate_file(missing, schema=TEI_ALL).problems
    assert refused_problem.severity == missing_problem.severity == "fatal"
    assert refused_problem.message.replace(repr(href), "HREF") == missing_problem.message.replace(
        repr("no-such-file.xml"), "HREF"
    )


def test_a_symlink_pointing_out_of_the_folder_is_refused(tree_with_outside):
    (tree_with_outside / "doc" / "link.xml").symlink_to(tree_with_outside / "outside.xml")
    doc = write(
        tree_with_outside / "doc" / "a.xml", tei_doc(include("link.xml", True), root_attrs=XI)
    )
    assert validate_file(doc, schema=TEI_ALL).valid


def test_includes_inside_the_folder_are_still_read(tree_with_outside):
    doc = write(
        tree_with_outside / "doc" / "a.xml", tei_doc(include("inside.xml", False), root_attrs=XI)
    )
    assert validate_file(doc, schema=TEI_ALL).valid


def test_base_dir_widens_the_folder_includes_may_come_from(tree_with_outside):
    doc = write(
        tree_with_outside / "doc" / "a.xml", tei_doc(include("../outside.xml", True), root_attrs=XI)
    )
    report = validate_file(doc, schema=TEI_ALL, base_dir=tree_with_outside)
    assert report.status == "invalid"  # now the bogus element is included and judged
    assert "bogus" in report.problems[0].message


def test_isicily_sample_keeps_jings_verdict_when_its_alists_exist_outside_the_folder(tmp_path):
    """Refused (outside) must behave exactly like missing: the fallbacks apply, same problems."""
    sample = shared_path("tei-samples", "isicily__ISic000120.xml")
    alone = tmp_path / "alone" / "inscriptions"
    alone.mkdir(parents=True)
    shutil.copy(sample, alone / sample.name)
    beside = tmp_path / "beside"
    (beside / "inscriptions").mkdir(parents=True)
    shutil.copy(sample, beside / "inscriptions" / sample.name)
    for name in ("ISicily-taxonomies.xml", "charDecl.xml"):
        write(beside / "alists" / name, f'<bogus xmlns="{TEI}"/>')
    missing = validate_file(alone / sample.name, schema=TEI_ALL)
    refused = validate_file(beside / "inscriptions" / sample.name, schema=TEI_ALL)
    assert missing.valid and refused.valid
    assert [p.message for p in refused.problems] == [p.message for p in missing.problems]


# --------------------------------------------------------------------------- local DTD files

ENTITIES = '<!ENTITY mdash "&#x2014;">\n<!ENTITY editors "the editors">\n'
USES_ENTITIES = "<p>Begun &mdash; and finished by &editors;.</p>"
PE_PROLOG = '\n<!DOCTYPE TEI [<!ENTITY % entities SYSTEM "../schema/entities.dtd"> %entities; ]>'


@pytest.fixture
def project(tmp_path):
    """A project tree as the Casebooks keep it: ``cases/a.xml`` and ``schema/entities.dtd``."""
    write(tmp_path / "schema" / "entities.dtd", ENTITIES)
    write(tmp_path / "cases" / "a.xml", tei_doc(USES_ENTITIES, prolog=PE_PROLOG))
    return tmp_path


def test_parameter_entity_file_is_refused_without_the_option_which_the_message_names(project):
    with pytest.raises(HostileXMLError) as caught:
        parse_xml_file(project / "cases" / "a.xml")
    assert "--allow-local-dtd" in caught.value.message


def test_with_the_option_a_documents_entity_file_is_loaded_and_expanded(project):
    tree = parse_xml_file(project / "cases" / "a.xml", allow_local_dtd=True, base_dir=project)
    assert "Begun — and finished by the editors." in export_text(tree)


def test_with_the_option_the_document_validates(project):
    doc = project / "cases" / "a.xml"
    assert validate_file(doc, schema=TEI_ALL, allow_local_dtd=True, base_dir=project).valid
    assert validate_file(doc, schema=TEI_ALL).status == "unreadable"


def test_export_cli_loads_the_entity_file_with_the_option_and_refuses_it_without(project):
    doc = str(project / "cases" / "a.xml")
    allowed = run("export", "html", "--allow-local-dtd", "--base-dir", str(project), doc)
    assert allowed.returncode == 0, allowed.stderr
    assert "finished by the editors" in allowed.stdout
    refused = run("export", "html", doc)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "--allow-local-dtd" in refused.stderr


def test_entity_file_outside_the_base_folder_is_reported_as_not_found(project):
    """The default base is the document's folder; outside it reads like a missing file."""
    doc = project / "cases" / "a.xml"
    with pytest.raises(InputError) as outside:
        parse_xml_file(doc, allow_local_dtd=True)
    (project / "schema" / "entities.dtd").unlink()
    with pytest.raises(InputError) as missing:
        parse_xml_file(doc, allow_local_dtd=True, base_dir=project)
    assert outside.value.message.startswith("file not found: '../schema/entities.dtd'")
    assert missing.value.message.split(" (")[0] == outside.value.message.split(" (")[0]


def test_external_dtd_subset_beside_the_document_is_loaded(tmp_path):
    write(tmp_path / "local.dtd", ENTITIES)
    doc = write(
        tmp_path / "a.xml", tei_doc(USES_ENTITIES, prolog='\n<!DOCTYPE TEI SYSTEM "local.dtd">')
    )
    assert "the editors" in export_text(parse_xml_file(doc, allow_local_dtd=True))


@pytest.mark.parametrize(
    ("dtd", "needle"),
    [
        ('<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;&a;">\n', "expands other entities"),
        (f'<!ENTITY big "{"x" * 20_000}">\n', "bytes long"),
        ('<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;\n', "network"),
        ('<!ENTITY secret SYSTEM "/etc/passwd">\n', "never a file's text"),
    ],
)
def test_an_entity_file_gets_the_same_limits_as_the_document(project, dtd, needle):
    write(project / "schema" / "entities.dtd", dtd)
    doc = project / "cases" / "a.xml"
    with pytest.raises(HostileXMLError) as caught:
        parse_xml_file(doc, allow_local_dtd=True, base_dir=project)
    assert needle in caught.value.message
    assert caught.value.file == str(doc) and "entities.dtd" in caught.value.message


def test_external_general_entity_stays_refused_with_the_option(tmp_path):
    write(tmp_path / "secret.txt", "secret")
    prolog = '\n<!DOCTYPE TEI [<!ENTITY s SYSTEM "secret.txt">]>'
    doc = write(tmp_path / "a.xml", tei_doc("<p>&s;</p>", prolog=prolog))
    with pytest.raises(HostileXMLError):
        parse_xml_file(doc, allow_local_dtd=True)


def test_casebooks_samples_give_jings_file_not_found_with_the_option_one_line_each():
    files = sorted(str(p) for p in shared_path("tei-samples").glob("casebooks__*.xml"))
    assert len(files) == 3
    report = validate(files, allow_local_dtd=True)
    for file_report in report.files:
        [problem] = file_report.problems
        assert problem.severity == "fatal"
        assert problem.message.startswith("file not found: '../schema/entities.dtd'")
    result = run("validate", "--allow-local-dtd", *files)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all("file not found" in line for line in lines[:3])


def test_text_include_with_an_unknown_encoding_is_a_failed_include_not_a_crash(tmp_path):
    write(tmp_path / "part.txt", "words")
    body = '<p><xi:include href="part.txt" parse="text" encoding="no-such-codec"/></p>'
    doc = write(tmp_path / "a.xml", tei_doc(body, root_attrs=XI))
    [problem] = validate_file(doc, schema=TEI_ALL).problems
    assert problem.severity == "fatal" and "cannot be read as text" in problem.message
