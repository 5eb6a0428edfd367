"""The register check: the bundled registers keep its rules, and each rule catches a breakage."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from tei_tools.cli import cli
from tei_tools.markup.register_check import check_registers, register_rules
from tei_tools.markup.registers import load_registry

TEI = "http://www.tei-c.org/ns/1.0"
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>Mine</title></titleStmt>"
    "<publicationStmt><p>Test.</p></publicationStmt>"
    "<sourceDesc><p>Compiled from the letters of 1918.</p></sourceDesc></fileDesc></teiHeader>"
)
SOURCE = '<note type="source">Checked against a stored page.</note>'


def register(body: str, *, header: bool = False) -> list[tuple[str, etree._ElementTree]]:
    """One register file; without ``header`` it has no sourceDesc."""
    if header:
        text = (
            f'<TEI xmlns="{TEI}">{HEADER}<text><body><listOrg>{body}</listOrg></body></text></TEI>'
        )
    else:
        text = f'<listOrg xmlns="{TEI}">{body}</listOrg>'
    return [("mine.xml", etree.ElementTree(etree.fromstring(text)))]


def rules_broken(body: str, **options) -> list[tuple[str, str]]:
    return [(p.rule, p.ref) for p in check_registers(register(body, **options)).problems]


def test_the_bundled_registers_keep_every_rule():
    report = check_registers()
    assert report.problems == [], "\n".join(map(str, report.problems))
    registry = load_registry()
    for kind in ("person", "org", "place"):
        assert report.counts.entries[kind] == sum(1 for _ in registry.of_kind(kind))
    assert report.counts.aliases == len(registry.aliases)
    wikidata = sum(1 for e in registry.of_kind("place") if e.wikidata)
    assert report.counts.identifiers["place"]["wikidata"] == wikidata


def test_two_bodies_sharing_a_form_at_the_same_time_are_reported():
    body = (
        f'<org xml:id="a"><orgName>Baltic Committee</orgName>{SOURCE}</org>'
        f'<org xml:id="b"><orgName>Baltic committee</orgName>{SOURCE}</org>'
    )
    problems = check_registers(register(body)).problems
    assert [(p.rule, p.ref, p.other, p.form) for p in problems] == [
        ("shared-form", "org:b", "org:a", "Baltic committee")
    ]


def test_a_shared_form_in_dates_that_do_not_meet_is_not_reported():
    body = (
        f'<org xml:id="a"><orgName to="1918-04-28">Rada</orgName>{SOURCE}</org>'
        f'<org xml:id="b"><orgName from="1918-04-29">Rada</orgName>{SOURCE}</org>'
    )
    assert rules_broken(body) == []
    overlapping = body.replace('from="1918-04-29"', 'from="1918-04"')
    assert rules_broken(overlapping) == [("shared-form", "org:b")]


def test_a_city_and_its_province_may_share_a_form():
    text = (
        f'<listPlace xmlns="{TEI}">'
        f'<place type="city" xml:id="a"><placeName>Kherson</placeName>{SOURCE}</place>'
        f'<place type="region" xml:id="b"><placeName>Kherson</placeName>{SOURCE}</place>'
        f'<place type="city" xml:id="c"><placeName>Kherson</placeName>{SOURCE}</place>'
        "</listPlace>"
    )
    report = check_registers([("mine.xml", etree.ElementTree(etree.fromstring(text)))])
    assert [(p.rule, p.ref, p.other) for p in report.problems] == [
        ("shared-form", "pla:c", "pla:a")
    ]


def test_a_state_with_an_undated_form_is_reported():
    text = (
        f'<listPlace xmlns="{TEI}"><place type="state" xml:id="s">'
        '<placeName from="1918-11-18">Latvian Republic</placeName>'
        f"<placeName>Lettland</placeName>{SOURCE}</place></listPlace>"
    )
    report = check_registers([("mine.xml", etree.ElementTree(etree.fromstring(text)))])
    # A place's forms are dated one by one, as the name matcher reads them.
    assert [(p.rule, p.form) for p in report.problems] == [("undated-state", "Lettland")]
    undated = text.replace(' from="1918-11-18"', "")
    report = check_registers([("mine.xml", etree.ElementTree(etree.fromstring(undated)))])
    assert [(p.rule, p.form) for p in report.problems] == [
        ("undated-state", "Latvian Republic"),
        ("undated-state", "Lettland"),
    ]
    assert "state" in register_rules()["undated-state"]["types"]


def test_an_identifier_without_type_or_of_the_wrong_form_is_reported():
    body = (
        f'<org xml:id="a"><orgName>A</orgName><idno type="wikidata">148</idno>{SOURCE}</org>'
        f'<org xml:id="b"><orgName>B</orgName><idno type="VIAF">12x</idno>{SOURCE}</org>'
        f'<org xml:id="c"><orgName>C</orgName><idno>Q5</idno>{SOURCE}</org>'
        f'<org xml:id="d"><orgName>D</orgName><idno type="GeoNames">524901</idno>'
        f'<idno type="wikidata">Q5</idno><idno type="viaf">76349</idno>{SOURCE}</org>'
    )
    problems = check_registers(register(body)).problems
    assert {(p.rule, p.ref, p.value) for p in problems} == {
        ("identifier-value", "org:a", "148"),
        ("identifier-value", "org:b", "12x"),
        ("identifier-type", "org:c", "Q5"),
    }


def test_an_entry_without_a_source_is_reported_unless_its_file_names_one():
    body = '<org xml:id="a"><orgName>A</orgName><note>A committee.</note></org>'
    assert rules_broken(body) == [("source", "org:a")]
    assert rules_broken(body, header=True) == []
    sourced = '<org xml:id="a"><orgName>A</orgName><note type="source">FRUS 1918.</note></org>'
    assert rules_broken(sourced) == []
    counts = check_registers(register(sourced)).counts
    assert counts.sourced == {"org": 1}


def test_every_problem_names_a_rule_of_the_rules_file_with_its_message():
    body = '<org xml:id="a"><orgName>A</orgName><idno type="wikidata">x</idno></org>'
    rules = register_rules()
    problems = check_registers(register(body)).problems
    assert {p.rule for p in problems} == {"identifier-value", "source"}
    for problem in problems:
        assert problem.rule in rules and problem.file == "mine.xml" and problem.line == 1
        assert str(problem).startswith("mine.xml:1: org:a: ")


def test_check_command_prints_counts_and_exits_1_for_a_broken_collection_register(tmp_path):
    runner = CliRunner()
    options = {"standalone_mode": False, "catch_exceptions": False}
    result = runner.invoke(cli, ["registers", "check"], **options)
    assert result.return_value == 0, result.output
    assert "person: " in result.output and "0 rules broken" in result.output
    folder = tmp_path / "corpus"
    (folder / "registers").mkdir(parents=True)
    (folder / "registers" / "mine.xml").write_text(
        f'<listOrg xmlns="{TEI}"><org xml:id="a"><orgName>A</orgName>'
        '<idno type="wikidata">Q0x</idno></org></listOrg>',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["registers", "check", str(folder)], **options)
    assert result.return_value == 1, result.output
    assert "registers of" in result.output and "org: 1 entries" in result.output
    assert 'org:a: the wikidata identifier "Q0x" is not well formed [identifier-value]' in (
        result.output
    )
