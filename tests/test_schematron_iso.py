"""ISO Schematron features beyond single rules: includes, abstract patterns, abstract rules
(``extends``), phases, and rule contexts as match patterns (first matching rule wins).

The schemas follow the kinds of example ISO/IEC 19757-3 gives for each feature: one abstract
"table" pattern instantiated for two vocabularies, a "basic" and a "full" phase, a rule
library pulled in by ``include``.
"""

from __future__ import annotations

import pytest

pytest.importorskip("saxonche", reason="the schematron extra (saxonche) is not installed")

from lxml import etree

from tei_tools.errors import SchemaError
from tei_tools.validate.schematron import validate_schematron
from tei_tools.validate.schematron_schema import assemble

SCH = "http://purl.oclc.org/dsdl/schematron"


def schema(body: str, attributes: str = "") -> str:
    return f'<schema xmlns="{SCH}" queryBinding="xslt2"{attributes}>{body}</schema>'


def run(tmp_path, sch: str, document: str, **options) -> list[str]:
    (tmp_path / "rules.sch").write_text(sch, encoding="utf-8")
    tree = etree.ElementTree(etree.fromstring(document))
    found = validate_schematron(tree, tmp_path / "rules.sch", "doc.xml", **options)
    return [p.message for p in found]


TABLES = """<doc>
  <table><tr><td>1</td></tr><tr/></table>
  <calstable><row><entry>1</entry></row><row/></calstable>
</doc>"""

ABSTRACT_TABLE = """
  <pattern abstract="true" id="table">
    <rule context="$table">
      <assert test="$row">A $table has rows</assert>
    </rule>
    <rule context="$row">
      <assert test="$entry">Every row of a table has an entry</assert>
    </rule>
  </pattern>
  <pattern is-a="table" id="html-table">
    <param name="table" value="table"/>
    <param name="row" value="tr"/>
    <param name="entry" value="td"/>
  </pattern>
  <pattern is-a="table" id="cals-table">
    <param name="table" value="calstable"/>
    <param name="row" value="row"/>
    <param name="entry" value="entry"/>
  </pattern>
"""


def test_an_abstract_pattern_runs_once_per_instance_with_its_parameters(tmp_path):
    messages = run(tmp_path, schema(ABSTRACT_TABLE), TABLES)
    # The empty <tr/> and the empty <row/> each fail their instance's entry rule.
    assert messages == ["Every row of a table has an entry"] * 2
    assembled = assemble(etree.fromstring(schema(ABSTRACT_TABLE)), None)
    contexts = [r.get("context") for p in assembled.patterns for r in p.iter(f"{{{SCH}}}rule")]
    assert contexts == ["table", "tr", "calstable", "row"]


def test_a_parameter_name_is_replaced_whole_not_inside_a_longer_name(tmp_path):
    sch = schema(
        """<pattern abstract="true" id="count">
             <rule context="$item"><assert test="count($items) = 0">no $item</assert></rule>
           </pattern>
           <pattern is-a="count"><param name="item" value="a"/><param name="items" value="b"/>
           </pattern>"""
    )
    (pattern,) = assemble(etree.fromstring(sch), None).patterns
    rule = pattern[0]
    assert rule.get("context") == "a"
    assert rule[0].get("test") == "count(b) = 0"


PHASED = schema(
    """<phase id="basic"><active pattern="structure"/></phase>
       <phase id="full"><let name="limit" value="1"/>
         <active pattern="structure"/><active pattern="counts"/></phase>
       <pattern id="structure">
         <rule context="section"><assert test="title">A section has a title</assert></rule>
       </pattern>
       <pattern id="counts">
         <rule context="section"><assert test="count(para) le $limit">Too many paras</assert>
         </rule>
       </pattern>""",
    ' defaultPhase="basic"',
)
SECTIONS = "<doc><section><para/><para/></section></doc>"


def test_the_default_phase_runs_only_its_active_patterns(tmp_path):
    assert run(tmp_path, PHASED, SECTIONS) == ["A section has a title"]


def test_a_named_phase_brings_its_patterns_and_its_variables(tmp_path):
    assert run(tmp_path, PHASED, SECTIONS, phase="full") == [
        "A section has a title",
        "Too many paras",
    ]
    assert len(run(tmp_path, PHASED, SECTIONS, phase="#ALL")) == 2


def test_an_unknown_phase_is_a_schema_error(tmp_path):
    with pytest.raises(SchemaError, match="phase 'strict' is not defined"):
        run(tmp_path, PHASED, SECTIONS, phase="strict")


def test_include_pulls_in_a_whole_file_or_the_element_with_that_id(tmp_path):
    (tmp_path / "library.sch").write_text(
        f"""<library xmlns="{SCH}">
              <pattern id="titles">
                <rule context="section"><assert test="title">untitled section</assert></rule>
              </pattern>
              <pattern id="paras">
                <rule context="para"><assert test="normalize-space()">empty para</assert></rule>
              </pattern>
            </library>""",
        encoding="utf-8",
    )
    (tmp_path / "one.sch").write_text(
        f'<pattern xmlns="{SCH}"><rule context="doc">'
        '<report test="true()">document seen</report></rule></pattern>',
        encoding="utf-8",
    )
    sch = schema('<include href="library.sch#paras"/><include href="one.sch"/>')
    assert run(tmp_path, sch, SECTIONS) == ["empty para", "empty para", "document seen"]


def test_an_include_cycle_is_a_schema_error_not_a_hang(tmp_path):
    (tmp_path / "loop.sch").write_text(
        f'<pattern xmlns="{SCH}"><include href="loop.sch"/></pattern>', encoding="utf-8"
    )
    with pytest.raises(SchemaError, match="nest"):
        run(tmp_path, schema('<include href="loop.sch"/>'), SECTIONS)


def test_extends_adds_the_assertions_of_an_abstract_rule(tmp_path):
    sch = schema(
        """<pattern>
             <rule abstract="true" id="titled"><assert test="title">needs a title</assert></rule>
             <rule context="section"><extends rule="titled"/>
               <assert test="para">needs a para</assert></rule>
             <rule context="chapter"><extends rule="titled"/></rule>
           </pattern>"""
    )
    document = "<doc><section/><chapter><title/></chapter></doc>"
    assert run(tmp_path, sch, document) == ["needs a title", "needs a para"]


def test_a_node_is_checked_by_the_first_matching_rule_of_each_pattern_only(tmp_path):
    sch = schema(
        """<pattern>
             <rule context="para[@role = 'note']"><report test="true()">note</report></rule>
             <rule context="para"><report test="true()">para</report></rule>
           </pattern>
           <pattern>
             <rule context="@role"><report test=". = 'note'">role attribute</report></rule>
           </pattern>"""
    )
    document = '<doc><para role="note"/><para/></doc>'
    assert sorted(run(tmp_path, sch, document)) == ["note", "para", "role attribute"]


def test_a_root_context_matches_the_document_node(tmp_path):
    sch = schema(
        '<pattern><rule context="/"><assert test="doc">root is doc</assert></rule></pattern>'
    )
    assert run(tmp_path, sch, "<other/>") == ["root is doc"]
    assert run(tmp_path, sch, "<doc/>") == []
