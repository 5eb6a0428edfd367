"""Every fault is reported on its own element, where Jing puts it, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

TEI_ALL = REPO / "schemas" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"

HEADER = """  <teiHeader>
    <fileDesc>
      <titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt>
      <sourceDesc><p>S</p></sourceDesc>
    </fileDesc>
  </teiHeader>
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    from tei_tools.validate.specialise import clear_cache

    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    clear_cache(disk=False)
    yield
    clear_cache(disk=False)


def problems_of(tmp_path: Path, text: str, *, schema: Path | None = TEI_ALL, extra=False):
    from tei_tools.validate import validate_file

    path = tmp_path / "a.xml"
    path.write_text(text, encoding="utf-8")
    return validate_file(path, schema=schema, extra_checks=extra).problems


def placed(problems):
    return [(p.line, p.column, p.code) for p in problems]


FOUR_FAULTS = (
    f'<TEI xmlns="{TEI}" xml:lang="not a lang">\n'
    + HEADER
    + """  <text>
    <body>stray
      <p>One <lb>x</lb> two</p>
      <div><head>H</head><foo/></div>
    </body>
  </text>
</TEI>
"""
)


@pytest.mark.parametrize("schema", [TEI_ALL, None], ids=["tei_all", "default"])
def test_a_fault_on_an_ancestor_is_reported_beside_the_faults_inside_it(tmp_path, schema):
    # Jing on this document: 1:64 xml:lang, 10:16 text in body, 11:19 text in lb, 12:32 foo.
    found = problems_of(tmp_path, FOUR_FAULTS, schema=schema)
    assert placed(found) == [
        (1, 64, "attribute-value-invalid"),
        (10, 16, "text-not-allowed"),
        (11, 19, "text-not-allowed"),
        (12, 32, "element-unknown"),
    ]
    assert [p.path for p in found] == [
        "/TEI",
        "/TEI/text/body",
        "/TEI/text/body/p/lb",
        "/TEI/text/body/div/foo",
    ]


def test_text_in_an_element_that_holds_no_text_says_that_its_end_was_expected(tmp_path):
    found = problems_of(tmp_path, FOUR_FAULTS)
    in_lb = next(p for p in found if p.path and p.path.endswith("/lb"))
    assert in_lb.message == 'text not allowed here in "lb"; expected the end of "lb"'
    assert in_lb.value == "x"


def test_an_unknown_element_leaves_its_parent_incomplete_at_the_end_tag(tmp_path):
    # Jing: 10:17 element "para" not allowed anywhere; 10:32 element "body" incomplete.
    text = (
        f'<TEI xmlns="{TEI}">\n'
        + HEADER
        + "  <text>\n    <body><para>x</para></body>\n  </text>\n</TEI>\n"
    )
    found = problems_of(tmp_path, text)
    assert placed(found) == [(10, 17, "element-unknown"), (10, 32, "element-incomplete")]
    assert found[0].suggestion == "p"


def test_a_missing_first_child_is_one_fault_not_one_per_later_sibling(tmp_path):
    header = HEADER.replace("      <titleStmt><title>T</title></titleStmt>\n", "")
    text = f'<TEI xmlns="{TEI}">\n' + header + "  <text><body><p>x</p></body></text>\n</TEI>\n"
    found = problems_of(tmp_path, text)
    assert [p.code for p in found] == ["element-not-allowed-yet"]
    assert 'missing required element "titleStmt"' in found[0].message


def test_faults_in_separate_subtrees_are_all_reported(tmp_path):
    body = "".join(f'<p rend="r" foo="{i}">x</p>' for i in range(5))
    text = (
        f'<TEI xmlns="{TEI}">\n'
        + HEADER
        + f"  <text><body>{body}<lb>t</lb></body></text>\n</TEI>\n"
    )
    found = problems_of(tmp_path, text)
    codes = [p.code for p in found]
    assert codes.count("attribute-not-allowed") == 5
    assert "text-not-allowed" in codes


def test_the_repairs_never_touch_the_document(tmp_path):
    from lxml import etree

    from tei_tools.validate.rng import validate_rng

    tree = etree.ElementTree(etree.fromstring(FOUR_FAULTS.encode()))
    before = etree.tostring(tree)
    assert validate_rng(tree, TEI_ALL, "a.xml")
    assert etree.tostring(tree) == before


EXAMPLES = (
    f'<TEI xmlns="{TEI}">\n'
    + HEADER
    + """  <text>
    <body>
      <p xml:id="a">One <ref target="#b">x</ref> <ref target="#c">y</ref></p>
      <egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="a">Ex <ref target="#zz">y</ref>
        <date when="1779-02-30">z</date></p><p xml:id="a" xml:lang="not a lang">again</p><p xml:id="c"/></egXML>
    </body>
  </text>
</TEI>
"""
)


@pytest.mark.parametrize("schema", [TEI_ALL, None], ids=["tei_all", "default"])
def test_markup_inside_an_example_is_not_the_documents(tmp_path, schema):
    # Jing: valid.  Its ids are no duplicates, its pointers and dates are not checked,
    # and the document's own pointer to an example's id ("#c") does not resolve.
    found = problems_of(tmp_path, EXAMPLES, schema=schema, extra=True)
    assert [(p.code, p.value) for p in found] == [
        ("pointer-dangling", "#b"),
        ("pointer-dangling", "#c"),
    ]


def test_every_duplicate_id_is_reported_beside_other_faults(tmp_path):
    body = '<p xml:id="a">x</p><p xml:id="a" rend="r" tpye="t">y</p><div><p xml:id="a">z</p></div>'
    text = f'<TEI xmlns="{TEI}">\n' + HEADER + f"  <text><body>{body}</body></text>\n</TEI>\n"
    found = problems_of(tmp_path, text)
    assert [p.code for p in found].count("duplicate-id") == 2
    assert "attribute-not-allowed" in [p.code for p in found]


FOREIGN_HOLDER = (
    f'<TEI xmlns="{TEI}" xmlns:vg="urn:example:letters">\n'
    + HEADER
    + """  <text>
    <body>
      <vg:letHeading>
        <author>Vincent</author>
        <vg:placeLet>Arles <name>here</name></vg:placeLet>
      </vg:letHeading>
      <para>One <lb/> two</para>
    </body>
  </text>
</TEI>
"""
)


def test_known_elements_inside_a_foreign_element_are_named_as_jing_names_them(tmp_path):
    problems = [p for p in problems_of(tmp_path, FOREIGN_HOLDER) if p.severity == "error"]
    by_line = {p.line: p for p in problems}
    # The foreign element, then each TEI element in it or in a foreign element inside it;
    # the body, left with no element it may hold, is incomplete (Jing's lines, all five).
    assert sorted(by_line) == [11, 12, 13, 15, 16]
    assert by_line[16].code == "element-incomplete"
    assert by_line[11].code == "element-unknown"
    assert by_line[12].message.startswith('element "author" not allowed here in "vg:letHeading"')
    assert by_line[13].value == "name" and by_line[13].path.endswith("/placeLet/name")
    # A misspelled element of the document's own namespace is named alone, not its "lb".
    assert by_line[15].value == "para"
