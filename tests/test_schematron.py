"""ISO Schematron with XPath 2 through saxonche (the ``schematron`` extra)."""

from __future__ import annotations

import pytest

pytest.importorskip("saxonche", reason="the schematron extra (saxonche) is not installed")

from tei_tools.validate import validate

SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <let name="earliest" value="xs:date('1917-01-01')"/>
  <pattern>
    <rule context="tei:date[@when-custom]">
      <let name="gap" value="days-from-duration(xs:date(@when) - xs:date(@when-custom))"/>
      <assert test="$gap = 13">Julian gap is <value-of select="$gap"/> days, not 13</assert>
    </rule>
    <rule context="tei:date[@when]">
      <assert test="matches(@when, '^\\d{4}-\\d{2}-\\d{2}$')">@when of <name/> must be a day: <value-of select="@when"/></assert>
      <report test="xs:date(@when) lt $earliest" role="warning">date before 1917</report>
    </rule>
  </pattern>
</schema>
"""

DOCUMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<p><date when="1917-11">November</date></p>
<p><date when="1905-01-22">Bloody Sunday</date></p>
<p><date when="1917-11-08" when-custom="1917-10-26">26 October</date></p>
<p><date when="1917-11-09" when-custom="1917-10-26">26 October</date></p>
</body></text></TEI>
"""


def problems(tmp_path, schema: str = SCHEMA, document: str = DOCUMENT):
    (tmp_path / "rules.sch").write_text(schema, encoding="utf-8")
    (tmp_path / "doc.xml").write_text(document, encoding="utf-8")
    report = validate(tmp_path / "doc.xml", schema=tmp_path / "rules.sch", extra_checks=False)
    return report, [p for p in report.problems if p.rule == "schematron"]


def test_xpath2_assertion_fails_on_its_line_with_the_value_in_the_message(tmp_path):
    report, found = problems(tmp_path)
    first = [p for p in found if "must be a day" in p.message]
    assert [(p.line, p.message) for p in first] == [(2, "@when of date must be a day: 1917-11")]
    assert report.exit_code == 1


def test_report_with_warning_role_is_a_warning(tmp_path):
    _, found = problems(tmp_path)
    (warning,) = [p for p in found if p.message == "date before 1917"]
    assert (warning.severity, warning.line) == ("warning", 3)


def test_first_matching_rule_of_a_pattern_wins_and_let_variables_work(tmp_path):
    _, found = problems(tmp_path)
    julian = [p for p in found if "Julian gap" in p.message]
    # Line 4 is right (13 days); line 5 is one day off. The later @when rule never sees them.
    assert [(p.line, p.message) for p in julian] == [(5, "Julian gap is 14 days, not 13")]
    assert not [p for p in found if p.line in (4, 5) and "must be a day" in p.message]


def test_an_xpath_error_in_a_rule_is_reported_not_raised(tmp_path):
    _, found = problems(tmp_path)
    broken = [p for p in found if "XPath error" in p.message]
    assert broken and broken[0].line == 2  # xs:date('1917-11') is not a date
