"""Problems are data: each has a documented kind, and no reader parses a message."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from tei_tools.validate.problem_kinds import problem_kinds
from tei_tools.validate.problems import DEFAULT_CODES

PACKAGE = REPO / "tei_tools"
TEI = "http://www.tei-c.org/ns/1.0"
#: The modules that write messages (and read libxml2's own log to do so).
RENDERERS = {"validate/rng.py"}
_PARSING = {"startswith", "endswith", "find", "index", "split", "partition", "rpartition"}
_REGEX = {"match", "search", "findall", "finditer", "fullmatch", "sub"}


def sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def codes_in_source() -> set[str]:
    """Every code a checker names: code="..." arguments and `.code == "..."` tests."""
    found = set(DEFAULT_CODES.values())
    for _, tree in sources():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "code"
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                found.add(node.value.value)
            if (
                isinstance(node, ast.Compare)
                and isinstance(node.left, ast.Attribute)
                and node.left.attr == "code"
            ):
                for side in node.comparators:
                    for item in ast.walk(side):
                        if isinstance(item, ast.Constant) and _looks_like_a_code(item.value):
                            found.add(item.value)
    return found


def _looks_like_a_code(value: object) -> bool:
    """A problem code is words joined by hyphens ("pointer-dangling"); other objects have
    a ``.code`` too (a language's "la"), and comparing theirs names no problem kind."""
    return isinstance(value, str) and "-" in value and value == value.lower()


def strings_in_source() -> set[str]:
    return {
        node.value
        for _, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def is_message(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "message"


def message_parsing(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Compare)
            and isinstance(node.ops[0], (ast.In, ast.NotIn))
            and any(is_message(side) for side in node.comparators)
        ):
            lines.append(node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in _PARSING and is_message(node.func.value):
                lines.append(node.lineno)
            if name in _REGEX and any(is_message(arg) for arg in node.args):
                lines.append(node.lineno)
    return lines


def test_every_code_a_checker_names_is_documented_and_every_documented_code_is_used():
    documented = set(problem_kinds())
    assert codes_in_source() - documented == set(), "codes without an entry in kinds.toml"
    assert documented - strings_in_source() == set(), "documented codes no checker reports"


def test_every_kind_has_a_checker_a_summary_and_an_example():
    checks = set(DEFAULT_CODES)
    for kind in problem_kinds().values():
        assert kind.check in checks, kind.code
        assert kind.summary and kind.example, kind.code


def test_no_module_but_the_renderer_parses_a_message():
    offenders = {
        name: lines
        for name, tree in sources()
        if name not in RENDERERS and (lines := message_parsing(tree))
    }
    assert offenders == {}


def test_the_problem_kinds_page_is_up_to_date_with_the_data():
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_problem_docs.py"), "--check"], check=False
    )
    assert run.returncode == 0, "run scripts/make_problem_docs.py"


def write(tmp_path: Path, body: str, header: str = "") -> Path:
    path = tmp_path / "a.xml"
    path.write_text(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        f"{header}</teiHeader>\n<text><body>{body}</body></text></TEI>\n",
        encoding="utf-8",
    )
    return path


CASES = {
    "element-unknown": ("<para>x</para>", ""),
    "text-not-allowed": ("<p>One <lb>x</lb></p>", ""),
    "attribute-value-invalid": ("<p>x</p>", "<profileDesc/>"),
    "attribute-missing": (
        "<p>x</p>",
        "<profileDesc><langUsage><language>L</language></langUsage></profileDesc>",
    ),
    "duplicate-id": ('<p xml:id="a">x</p><p xml:id="a">y</p>', ""),
    "date-not-real": ('<p><date when="1779-02-30">x</date></p>', ""),
    "date-range-reversed": (
        '<p><date notBefore="1920-05-01" notAfter="1920-04-01">x</date></p>',
        "",
    ),
    "pointer-dangling": ('<p><persName ref="#chicherin">x</persName></p>', ""),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_documented_example_reads_as_the_checker_writes_it(tmp_path, code):
    from tei_tools.validate import validate_file

    body, header = CASES[code]
    if code == "attribute-value-invalid":
        body = '<p rend="x"><availability status="maybe"/></p>'
        path = tmp_path / "a.xml"
        path.write_text(
            f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            '<publicationStmt><availability status="maybe"><p>P</p></availability>'
            "</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>\n"
            "<text><body><p>x</p></body></text></TEI>\n",
            encoding="utf-8",
        )
    else:
        path = write(tmp_path, body, header)
    found = [p for p in validate_file(path).problems if p.code == code]
    assert found, [str(p) for p in validate_file(path).problems]
    # The example's first clause is the message's (names and lists differ per document).
    lead = problem_kinds()[code].example.split(";")[0].split('"')[0]
    assert found[0].message.startswith(lead), (found[0].message, lead)


def test_json_and_sarif_carry_the_fields_not_only_the_message(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        '</teiHeader>\n<text><body><div tpye="x"><p>x</p></div></body></text></TEI>\n',
        encoding="utf-8",
    )
    tei_tools = [sys.executable, "-m", "tei_tools", "validate", str(path)]
    as_json = json.loads(
        subprocess.run([*tei_tools, "--format", "json"], capture_output=True, text=True).stdout
    )
    problem = as_json["files"][0]["problems"][0]
    assert (problem["code"], problem["attribute"], problem["value"]) == (
        "attribute-not-allowed",
        "tpye",
        "x",
    )
    assert problem["suggestion"] == "type" and "type" in problem["expected"]
    sarif = json.loads(
        subprocess.run([*tei_tools, "--format", "sarif"], capture_output=True, text=True).stdout
    )
    result = sarif["runs"][0]["results"][0]
    assert result["ruleId"] == "attribute-not-allowed"
    assert result["properties"]["attribute"] == "tpye" and result["properties"]["check"] == "rng"
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "attribute-not-allowed" and rule["shortDescription"]["text"]
