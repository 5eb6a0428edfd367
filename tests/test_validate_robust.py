"""No input crashes a batch: whatever a document holds, validation only returns problems (issue 13)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from conftest import REPO, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

TEI_ALL = REPO / "schemas" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"

HEADER = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt>
      <sourceDesc><p>S</p></sourceDesc>
    </fileDesc>{encoding}
  </teiHeader>
  <text><body><p xml:id="x1">{body}</p></body></text>
</TEI>
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))


def _write(tmp_path: Path, name: str, prefix_defs: str, body: str) -> Path:
    path = tmp_path / name
    encoding = (
        f"\n    <encodingDesc><listPrefixDef>\n      {prefix_defs}\n"
        "    </listPrefixDef></encodingDesc>"
        if prefix_defs
        else ""
    )
    path.write_text(HEADER.format(encoding=encoding, body=body), encoding="utf-8")
    return path


def test_replacement_naming_a_missing_group_is_a_pointer_finding_and_the_batch_goes_on(tmp_path):
    from tei_tools.validate import validate

    broken = _write(
        tmp_path,
        "a.xml",
        '<prefixDef ident="tei" matchPattern="[a-z]+" replacementPattern="../x.xml#$1"/>',
        '<ref target="tei:abc">a</ref>',
    )
    other = _write(tmp_path, "b.xml", "", '<ref target="#nowhere">b</ref>')
    report = validate([broken, other], schema=TEI_ALL)
    first, second = report.files
    assert [(p.rule, p.severity, p.line) for p in first.problems] == [("pointer", "warning", 9)]
    assert "names group $1" in first.problems[0].message
    assert "no groups" in first.problems[0].message
    assert [p.rule for p in second.problems] == ["pointer"]  # the next file was checked


def test_match_pattern_is_read_as_an_xml_schema_regular_expression(tmp_path):
    from tei_tools.validate import validate_file

    # \i\c* (an XML name) means nothing to Python's re; in XSD it matches "x1" but not "1x".
    path = _write(
        tmp_path,
        "a.xml",
        r'<prefixDef ident="id" matchPattern="(\i\c*)" replacementPattern="#$1"/>',
        '<ref target="id:x1">a</ref><ref target="id:x2">b</ref>',
    )
    problems = validate_file(path).problems
    assert [p.message for p in problems] == [
        '@target="id:x2" points to "#x2", but no element has xml:id="x2"'
    ]


def test_catastrophic_match_pattern_is_bounded_in_time(tmp_path):
    import time

    from tei_tools.validate import validate_file

    path = _write(
        tmp_path,
        "a.xml",
        '<prefixDef ident="s" matchPattern="(a|aa)+b" replacementPattern="#$1"/>',
        f'<ref target="s:{"a" * 200}">a</ref>',
    )
    started = time.perf_counter()
    problems = validate_file(path).problems
    assert time.perf_counter() - started < 10
    assert [p.rule for p in problems] == ["pointer"]
    assert "took more than" in problems[0].message


def test_a_failing_check_becomes_a_problem_of_its_document(tmp_path, monkeypatch):
    from tei_tools.validate import dates, validate

    def broken_check(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(dates, "check_dates", broken_check)
    first = _write(tmp_path, "a.xml", "", "a")
    second = _write(tmp_path, "b.xml", "", "b")
    report = validate([first, second], schema=TEI_ALL)
    for file_report in report.files:
        assert [(p.rule, p.line) for p in file_report.problems] == [("internal", 1)]
        assert "date check failed (IndexError" in file_report.problems[0].message


# ------------------------------------------------------------------------ fuzz

#: Small samples of different projects; the fuzzer changes attributes and pointers in them.
FUZZ_BASES = [
    "scdh-seed__personography.xml",
    "ceteicean__testTEI.xml",
    "escher__K_7408_von_Gunesch_Rudolf_an_Escher_1875-02-24.xml",
    "bodleian-karchak__MS_Tibet_a_15_R.xml",
]
ATTRIBUTES = [
    "ref",
    "target",
    "corresp",
    "who",
    "when",
    "from",
    "to",
    "notBefore",
    "notAfter",
    "when-custom",
    "calendar",
    "datingMethod",
    "unit",
    "type",
    "{http://www.w3.org/XML/1998/namespace}id",
    "{http://www.w3.org/XML/1998/namespace}lang",
    "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
    "{urn:x-fuzz}foreign",
]
#: Text that exercises pointers, dates and regular expressions.
VALUES = st.one_of(
    st.text(
        alphabet=string.ascii_letters + string.digits + string.punctuation + " \t\néΩ\u200b",
        max_size=30,
    ),
    st.sampled_from(
        [
            "#",
            "#x1",
            "#x1 #x2",
            "a:b",
            "psn:",
            "psn:abc",
            "a:x1",
            ":",
            "$1",
            "-0124-08-22",
            "1917-13-45",
            "0000-02-30",
            "99999-01-01",
            "julian",
            "",
            " ",
            "../../etc/passwd.xml#a",
            "registers/persons.xml#x",
            "http://x/#y",
        ]
    ),
)
PATTERNS = st.one_of(
    st.text(alphabet="()[]{}*+?.|^$\\-,azAZ09ipdc:", max_size=16),
    st.sampled_from(["(", "[a-z]+", "(.+)", "(a|aa)+b", r"\p{IsBasicLatin}+", "[a-z-[aeiou]]+"]),
)


@st.composite
def mutations(draw):
    base = draw(st.sampled_from(FUZZ_BASES))
    edits = draw(
        st.lists(
            st.tuples(st.integers(min_value=0), st.sampled_from(ATTRIBUTES), VALUES),
            min_size=1,
            max_size=6,
        )
    )
    prefix_defs = draw(
        st.lists(st.tuples(st.sampled_from(["psn", "a", "tei", ""]), PATTERNS, VALUES), max_size=3)
    )
    return base, edits, prefix_defs


def _mutated(base: Path, edits, prefix_defs) -> bytes:
    tree = etree.parse(str(base))
    elements = list(tree.getroot().iter(etree.Element))
    for index, attribute, value in edits:
        elements[index % len(elements)].set(attribute, value)
    holder = tree.getroot()
    for ident, match, replacement in prefix_defs:
        etree.SubElement(
            holder,
            f"{{{TEI}}}prefixDef",
            ident=ident,
            matchPattern=match,
            replacementPattern=replacement,
        )
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=mutations())
def test_fuzzed_attributes_and_pointers_only_ever_give_problems(tmp_path, case):
    from tei_tools.validate import Problem, validate

    base, edits, prefix_defs = case
    path = tmp_path / "fuzzed.xml"
    path.write_bytes(_mutated(shared_path("tei-samples", base), edits, prefix_defs))
    report = validate([path], schema=TEI_ALL, strict=True)
    (file_report,) = report.files
    assert all(isinstance(p, Problem) for p in file_report.problems)
    assert not [p for p in file_report.problems if p.rule == "internal"], file_report.problems
    lines = [(p.line or 0, p.column or 0) for p in file_report.problems]
    assert lines == sorted(lines)
