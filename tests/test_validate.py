"""The validator library: specialised grammars, messages, extra checks, safety, batches."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, shared_path
from lxml import etree

TEI_ALL = REPO / "schemas" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"


def tei_doc(
    body: str = "<p>Text.</p>", header_extra: str = "", prolog: str = "", root_attrs: str = ""
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}\n'
        f'<TEI xmlns="{TEI}"{root_attrs}><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        f"{header_extra}</teiHeader>\n<text><body>{body}</body></text></TEI>\n"
    )


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test gets its own on-disk grammar cache."""
    from tei_tools.validate.specialise import clear_cache

    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    clear_cache(disk=False)
    yield
    clear_cache(disk=False)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def validate_one(path: Path, **options):
    from tei_tools.validate import validate_file

    return validate_file(path, schema=options.pop("schema", TEI_ALL), **options)


# --------------------------------------------------------------- specialising


def test_specialised_grammar_gives_the_full_tei_all_verdict_on_every_sample(tei_all):
    from tei_tools.errors import TeiToolsError
    from tei_tools.validate.specialise import compiled_schema, document_vocabulary
    from tei_tools.xml import parse_xml_file

    folder = shared_path("tei-samples")
    compared = 0
    for path in sorted([*folder.glob("*.xml"), *folder.glob("invalid/*.xml")]):
        try:
            tree = parse_xml_file(path)
        except TeiToolsError:
            continue  # unreadable samples have no verdict to compare
        pruned = compiled_schema(TEI_ALL, document_vocabulary(tree.getroot()))
        assert pruned.validate(tree) == tei_all.validate(tree), path.name
        compared += 1
    assert compared >= 110


def test_specialised_grammar_is_much_smaller_than_tei_all():
    from tei_tools.validate.specialise import _parse_grammar, document_vocabulary, specialise

    data = TEI_ALL.read_bytes()
    full = _parse_grammar(TEI_ALL, data, "test")
    vocabulary = document_vocabulary(etree.fromstring(tei_doc().encode()))
    pruned = specialise(full, vocabulary)
    assert len(list(pruned.iter())) * 10 < len(list(full.iter()))


def test_wildcard_element_patterns_survive_pruning(tmp_path):
    grammar = write(
        tmp_path,
        "g.rng",
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="doc">'
        '<zeroOrMore><choice><ref name="item"/><ref name="any"/></choice></zeroOrMore></element></start>'
        '<define name="item"><element name="item"><text/></element></define>'
        '<define name="any"><element><anyName><except><name>doc</name><name>item</name></except></anyName>'
        "<zeroOrMore><attribute><anyName/></attribute></zeroOrMore><text/></element></define></grammar>",
    )
    good = write(tmp_path, "good.xml", '<doc><foo xmlns="urn:x" a="1">x</foo></doc>')
    bad = write(tmp_path, "bad.xml", "<doc><doc/></doc>")
    assert validate_one(good, schema=grammar).valid
    assert validate_one(bad, schema=grammar).status == "invalid"


def test_specialised_grammars_are_cached_on_disk_and_cache_can_be_cleared(tmp_path):
    from tei_tools.validate.specialise import cache_dir, clear_cache

    doc = write(tmp_path, "a.xml", tei_doc())
    assert validate_one(doc).valid
    assert list(cache_dir().glob("*.rng"))
    clear_cache()
    assert not list(cache_dir().glob("*.rng"))
    assert validate_one(doc).valid


# --------------------------------------------------------------- messages


def test_misspelled_element_gets_did_you_mean_and_expected_children(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body="<p>A <persname>B</persname></p>"))
    report = validate_one(doc)
    first = report.problems[0]
    assert first.line == 3
    assert first.suggestion == "persName"
    assert "persName" in first.expected
    assert first.path == "/TEI/text/body/p/persname"
    assert str(first).startswith(f'{doc}:3: error: element "persname" not allowed')


def test_unknown_attribute_lists_allowed_attributes(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body='<p rendd="x">A</p>'))
    first = validate_one(doc).problems[0]
    assert 'attribute "rendd" not allowed on element "p"' in first.message
    assert "rend" in first.expected
    assert first.suggestion == "rend"


def test_missing_required_element_is_named(tmp_path):
    text = tei_doc().replace("<titleStmt><title>T</title></titleStmt>", "")
    first = validate_one(write(tmp_path, "a.xml", text)).problems[0]
    assert "titleStmt" in first.message


def test_duplicate_xml_id_is_reported_where_it_repeats(tmp_path):
    body = '<p xml:id="a">1</p>\n<p xml:id="a">2</p>'
    first = validate_one(write(tmp_path, "a.xml", tei_doc(body=body))).problems[0]
    assert first.message == 'ID "a" has already been defined'
    assert first.line == 4


def test_xsi_schema_location_is_invalid_as_with_jing(tmp_path):
    attrs = ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a b"'
    report = validate_one(write(tmp_path, "a.xml", tei_doc(root_attrs=attrs)))
    assert report.status == "invalid"
    assert "xsi:schemaLocation" in report.problems[0].message


# --------------------------------------------------------------- extra checks


def test_dangling_pointer_is_an_error_and_prefixdef_pointers_resolve(tmp_path):
    header = (
        '<encodingDesc><listPrefixDef><prefixDef ident="psn" matchPattern="(.+)" '
        'replacementPattern="#$1"/></listPrefixDef></encodingDesc>'
    )
    body = '<p><persName xml:id="ann">Ann</persName> <persName ref="psn:ann">A</persName> <persName ref="#bob">B</persName></p>'
    report = validate_one(write(tmp_path, "a.xml", tei_doc(body=body, header_extra=header)))
    pointers = [p for p in report.problems if p.rule == "pointer"]
    assert len(pointers) == 1
    assert '"#bob"' in pointers[0].message


def test_no_extra_checks_turns_pointer_checks_off(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body='<p><persName ref="#bob">B</persName></p>'))
    assert validate_one(doc, extra_checks=False).valid
    assert not validate_one(doc).valid


def test_reversed_date_range_and_wrong_julian_conversion_are_errors(tmp_path):
    body = (
        '<p><date notBefore="1900" notAfter="1899">x</date>\n'
        '<date when="1700-03-01" when-custom="1700-02-18" datingMethod="#julian">y</date>\n'
        '<date when="1700-02-28" when-custom="1700-02-18" datingMethod="#julian">z</date></p>'
    )
    report = validate_one(write(tmp_path, "a.xml", tei_doc(body=body)), schema=None)
    dates = [p for p in report.problems if p.rule == "date"]
    assert [p.line for p in dates] == [3, 4]
    assert "reversed" in dates[0].message
    assert "1700-02-28" in dates[1].message


def test_julian_to_gregorian_matches_shared_vectors():
    import json

    from tei_tools.validate.dates import julian_to_gregorian

    vectors = json.loads(shared_path("dates", "date_vectors.json").read_text(encoding="utf-8"))
    pairs = _julian_pairs(vectors)
    assert pairs, "no Julian/Gregorian pairs found in the vectors"
    for julian, gregorian in pairs:
        assert julian_to_gregorian(julian).isoformat() == gregorian


def _julian_pairs(data) -> list[tuple[str, str]]:
    found = []
    if isinstance(data, dict):
        julian = data.get("julian") or data.get("when_custom") or data.get("when-custom")
        gregorian = data.get("gregorian") or data.get("when")
        if (
            isinstance(julian, str)
            and isinstance(gregorian, str)
            and len(julian) == len(gregorian) == 10
        ):
            found.append((julian, gregorian))
        for value in data.values():
            found += _julian_pairs(value)
    elif isinstance(data, list):
        for value in data:
            found += _julian_pairs(value)
    return found


# --------------------------------------------------------------- safety and batches


@pytest.mark.parametrize(
    "name",
    [
        "hostile-xxe-file.xml",
        "hostile-xxe-parameter-entity-network.xml",
        "hostile-external-dtd-network.xml",
        "hostile-billion-laughs.xml",
        "hostile-quadratic-blowup.xml",
    ],
)
def test_hostile_documents_are_refused_with_one_line(name):
    report = validate_one(shared_path("tei-samples", "invalid", name))
    assert report.status == "unreadable"
    assert [p.rule for p in report.problems] == ["hostile"]
    assert "\n" not in report.problems[0].message
    assert "root:" not in report.problems[0].message  # nothing of /etc/passwd was read


def test_batch_continues_after_unreadable_and_broken_files(tmp_path):
    from tei_tools.validate import validate

    write(tmp_path, "a_broken.xml", "<TEI><unclosed></TEI>")
    write(tmp_path, "b_good.xml", tei_doc())
    (tmp_path / "c_binary.xml").write_bytes(b"\x00\x01\x02")
    write(tmp_path, "d_invalid.xml", tei_doc(body="<para/>"))
    report = validate(tmp_path)
    assert [Path(f.file).name for f in report.files] == [
        "a_broken.xml",
        "b_good.xml",
        "c_binary.xml",
        "d_invalid.xml",
    ]
    assert [f.status for f in report.files] == ["unreadable", "valid", "unreadable", "invalid"]
    assert report.exit_code == 2


def test_missing_external_dtd_is_an_error_like_jing(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(prolog='\n<!DOCTYPE TEI SYSTEM "missing.dtd">'))
    report = validate_one(doc)
    assert report.status == "invalid"
    assert report.problems[0].rule == "dtd"


def test_xinclude_fallback_is_used_and_missing_include_without_fallback_is_fatal(tmp_path):
    xi = ' xmlns:xi="http://www.w3.org/2001/XInclude"'
    with_fallback = tei_doc(
        body='<xi:include href="nope.xml"><xi:fallback><p>F</p></xi:fallback></xi:include>',
        root_attrs=xi,
    )
    without = tei_doc(body='<p>A</p><xi:include href="nope.xml"/>', root_attrs=xi)
    included = tei_doc(body='<xi:include href="part.xml"/>', root_attrs=xi)
    write(tmp_path, "part.xml", f'<p xmlns="{TEI}">Included</p>')
    assert validate_one(write(tmp_path, "a.xml", with_fallback)).valid
    assert validate_one(write(tmp_path, "b.xml", without)).status == "unreadable"
    assert validate_one(write(tmp_path, "c.xml", included)).valid


def test_xinclude_of_a_url_is_never_fetched(tmp_path):
    xi = ' xmlns:xi="http://www.w3.org/2001/XInclude"'
    text = tei_doc(body='<xi:include href="http://127.0.0.1:9/x.xml"/>', root_attrs=xi)
    problem = validate_one(write(tmp_path, "a.xml", text)).problems[0]
    assert "never fetches" in problem.message


# --------------------------------------------------------------- schema choice


def test_xml_model_pointing_at_a_local_schema_is_used(tmp_path):
    grammar = write(
        tmp_path,
        "mine.rng",
        f'<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="{TEI}"><start><element name="TEI">'
        '<zeroOrMore><element><anyName/><zeroOrMore><choice><text/><ref name="any"/></choice></zeroOrMore></element></zeroOrMore>'
        '</element></start><define name="any"><element><anyName/><zeroOrMore><attribute><anyName/></attribute></zeroOrMore>'
        '<zeroOrMore><choice><text/><ref name="any"/></choice></zeroOrMore></element></define></grammar>',
    )
    prolog = (
        f'\n<?xml-model href="{grammar.name}" schematypens="http://relaxng.org/ns/structure/1.0"?>'
    )
    doc = write(tmp_path, "a.xml", tei_doc(body="<para/>", prolog=prolog))
    report = validate_one(doc, schema=None)
    assert report.schema == str(grammar)
    assert report.valid


def test_remote_xml_model_falls_back_to_tei_all_without_network(tmp_path):
    prolog = '\n<?xml-model href="http://127.0.0.1:9/nowhere.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>'
    report = validate_one(write(tmp_path, "a.xml", tei_doc(prolog=prolog)), schema=None)
    assert report.schema.endswith("tei_all.rng")
    assert report.valid


def test_xsd_schema_is_applied(tmp_path):
    xsd = write(
        tmp_path,
        "s.xsd",
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a">'
        '<xs:complexType><xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence></xs:complexType>'
        "</xs:element></xs:schema>",
    )
    good = write(tmp_path, "good.xml", "<a><b>1</b></a>")
    bad = write(tmp_path, "bad.xml", "<a>\n<b>x</b></a>")
    assert validate_one(good, schema=xsd, extra_checks=False).valid
    problems = validate_one(bad, schema=xsd, extra_checks=False).problems
    assert problems and problems[0].rule == "xsd" and problems[0].line == 2


def test_schematron_without_saxonche_names_the_extra(tmp_path, monkeypatch):
    from tei_tools.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "saxonche", None)
    sch = write(tmp_path, "r.sch", '<schema xmlns="http://purl.oclc.org/dsdl/schematron"/>')
    with pytest.raises(MissingExtraError, match=r"tei-tools\[schematron\]"):
        validate_one(write(tmp_path, "a.xml", tei_doc()), schema=sch)
