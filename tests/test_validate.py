"""The validator library: specialised grammars, messages, extra checks, safety, batches."""

from __future__ import annotations

import os
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


def test_copying_only_the_reachable_definitions_prunes_exactly_as_copying_all():
    from tei_tools.validate.specialise import (
        document_vocabulary,
        merge_vocabularies,
        parse_grammar,
        specialise,
    )
    from tei_tools.xml import parse_xml_file

    full = parse_grammar(TEI_ALL, TEI_ALL.read_bytes(), "test")
    vocabularies = [
        document_vocabulary(parse_xml_file(path).getroot())
        for path in sorted((REPO / "corpus" / "tei").glob("*.xml"))[:6]
    ]
    vocabularies.append(merge_vocabularies(vocabularies))
    for vocabulary in vocabularies:
        for any_start in (False, True):
            fast = specialise(full, vocabulary, any_start=any_start)
            whole = specialise(full, vocabulary, any_start=any_start, restrict=False)
            assert etree.tostring(fast, method="c14n") == etree.tostring(whole, method="c14n")


@pytest.mark.slow
def test_specialised_grammar_is_much_smaller_than_tei_all():
    from tei_tools.validate.specialise import document_vocabulary, parse_grammar, specialise

    data = TEI_ALL.read_bytes()
    full = parse_grammar(TEI_ALL, data, "test")
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


@pytest.mark.slow
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
    # Jing: 3:28, the end of the misspelled element's start tag.
    assert str(first).startswith(f'{doc}:3:28: error: element "persname" not allowed')


@pytest.mark.parametrize(
    ("body", "meant"),
    [
        ("<para>x</para>", "p"),  # not "param": that is not allowed in <body>
        ("<p>a<br/>b</p>", "lb"),
        ("<p>a <tilte>b</tilte></p>", "title"),  # a swap is one edit
        ("<p>a <persnme>b</persnme></p>", "persName"),
    ],
)
def test_did_you_mean_prefers_names_allowed_at_that_place(tmp_path, body, meant):
    doc = write(tmp_path, "a.xml", tei_doc(body=body))
    first = validate_one(doc).problems[0]
    assert first.suggestion == meant, str(first)
    assert f'(did you mean "{meant}"?)' in first.message


def test_did_you_mean_stays_silent_for_unrelated_names(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body="<p>a <zzqx>b</zzqx></p>"))
    assert validate_one(doc).problems[0].suggestion is None


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


def test_dangling_pointer_is_a_warning_and_prefixdef_pointers_resolve(tmp_path):
    header = (
        '<encodingDesc><listPrefixDef><prefixDef ident="psn" matchPattern="(.+)" '
        'replacementPattern="#$1"/></listPrefixDef></encodingDesc>'
    )
    body = '<p><persName xml:id="ann">Ann</persName> <persName ref="psn:ann">A</persName> <persName ref="#bob">B</persName></p>'
    report = validate_one(write(tmp_path, "a.xml", tei_doc(body=body, header_extra=header)))
    pointers = [p for p in report.problems if p.rule == "pointer"]
    assert len(pointers) == 1
    assert '"#bob"' in pointers[0].message
    assert pointers[0].severity == "warning"
    assert report.valid  # the schema's verdict, as Jing's
    # Like Jing, the column is just after the start tag of the element the finding is about.
    line = Path(report.file).read_text(encoding="utf-8").splitlines()[2]
    tag = '<persName ref="#bob">'
    column = line.index(tag) + len(tag) + 1
    assert str(pointers[0]).startswith(f"{report.file}:3:{column}: warning: ")


def test_strict_makes_a_dangling_pointer_fail(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body='<p><persName ref="#bob">B</persName></p>'))
    report = validate_one(doc, strict=True)
    assert not report.valid
    assert [(p.rule, p.severity) for p in report.problems] == [("pointer", "error")]


def test_no_extra_checks_turns_pointer_checks_off(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body='<p><persName ref="#bob">B</persName></p>'))
    assert validate_one(doc, extra_checks=False, strict=True).valid
    assert validate_one(doc, extra_checks=False).problems == []
    assert not validate_one(doc, strict=True).valid


REGISTER_PREFIXES = (
    '<encodingDesc><listPrefixDef><prefixDef ident="per" matchPattern="([a-z0-9_.-]+)" '
    'replacementPattern="registers/persons.xml#$1"/></listPrefixDef></encodingDesc>'
)


def pointer_problems(report):
    return [p for p in report.problems if p.rule == "pointer"]


def test_register_pointers_resolve_against_the_shipped_registers(tmp_path):
    body = (
        '<p><persName ref="per:trotsky">T</persName> <persName ref="per:trotskyy">U</persName></p>'
    )
    doc = write(tmp_path, "a.xml", tei_doc(body=body, header_extra=REGISTER_PREFIXES))
    problems = pointer_problems(validate_one(doc, strict=True))
    assert len(problems) == 1
    assert '"per:trotskyy"' in problems[0].message
    assert "registers have no entry" in problems[0].message


def test_user_register_file_adds_entries_for_pointers(tmp_path):
    register = write(
        tmp_path,
        "mine.xml",
        f'<listPerson xmlns="{TEI}"><person xml:id="nobody1"><persName>Nobody</persName>'
        "</person></listPerson>",
    )
    body = '<p><persName ref="per:nobody1">N</persName></p>'
    doc = write(tmp_path, "a.xml", tei_doc(body=body, header_extra=REGISTER_PREFIXES))
    assert len(pointer_problems(validate_one(doc))) == 1
    assert pointer_problems(validate_one(doc, registers=[register])) == []


def test_register_file_next_to_the_document_is_used_instead_of_the_registry(tmp_path):
    (tmp_path / "registers").mkdir()
    write(
        tmp_path,
        "registers/persons.xml",
        f'<TEI xmlns="{TEI}"><text><body><listPerson><person xml:id="local1">'
        "<persName>L</persName></person></listPerson></body></text></TEI>",
    )
    body = '<p><persName ref="per:local1">L</persName> <persName ref="per:trotsky">T</persName></p>'
    doc = write(tmp_path, "a.xml", tei_doc(body=body, header_extra=REGISTER_PREFIXES))
    problems = pointer_problems(validate_one(doc))
    assert len(problems) == 1
    assert 'no element in "registers/persons.xml" has xml:id="trotsky"' in problems[0].message


def test_pointers_never_make_the_validator_read_files_outside_the_folder(tmp_path):
    outside = write(tmp_path, "outside.xml", f'<TEI xmlns="{TEI}" xml:id="there"/>')
    (tmp_path / "docs").mkdir()
    body = f'<p><ref target="../outside.xml#nothere">x</ref> <ref target="{outside}#nothere">y</ref></p>'
    doc = write(tmp_path, "docs/a.xml", tei_doc(body=body))
    assert pointer_problems(validate_one(doc)) == []


def test_reversed_date_range_and_wrong_julian_conversion_are_errors_unless_a_schema_is_named(
    tmp_path,
):
    body = (
        '<p><date notBefore="1900" notAfter="1899">x</date>\n'
        '<date when="1700-03-01" when-custom="1700-02-18" datingMethod="#julian">y</date>\n'
        '<date when="1700-02-28" when-custom="1700-02-18" datingMethod="#julian">z</date></p>'
    )
    path = write(tmp_path, "a.xml", tei_doc(body=body))
    report = validate_one(path, schema=None)
    dates = [p for p in report.problems if p.rule == "date"]
    assert [p.line for p in dates] == [3, 4]
    assert {p.severity for p in dates} == {"error"}
    assert report.status == "invalid"
    assert "reversed" in dates[0].message
    assert "1700-02-28" in dates[1].message
    named = validate_one(path)  # --schema tei_all: the schema's verdict, the checks advise
    assert {p.severity for p in named.problems if p.rule == "date"} == {"warning"}
    assert named.status == "valid"


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


def test_batch_split_over_processes_reports_the_same_as_one_process(tmp_path, monkeypatch):
    import tei_tools.validate
    from tei_tools.validate import validate

    monkeypatch.setattr(tei_tools.validate, "GROUP_ELEMENTS", 1)  # a group per file

    write(tmp_path, "a_broken.xml", "<TEI><unclosed></TEI>")
    for n in range(5):
        write(tmp_path, f"b{n}_good.xml", tei_doc(body=f"<p>{'x' * 1000 * n}</p>"))
    write(tmp_path, "c_invalid.xml", tei_doc(body="<para/>"))
    write(tmp_path, "d_pointer.xml", tei_doc(body='<p><persName ref="#nobody">N</persName></p>'))

    def summary(report):
        return [(Path(f.file).name, f.status, [str(p) for p in f.problems]) for f in report.files]

    alone = validate(tmp_path, workers=1)
    forked = validate(tmp_path, workers=3)
    assert summary(forked) == summary(alone)
    # The five good files; d_pointer's dangling pointer is an error without a named schema.
    assert [f.status for f in forked.files].count("valid") == 5


def test_an_error_in_a_worker_process_reaches_the_caller(tmp_path, monkeypatch):
    import tei_tools.validate
    from tei_tools.errors import SchemaError
    from tei_tools.validate import validate

    monkeypatch.setattr(tei_tools.validate, "GROUP_ELEMENTS", 1)

    for n in range(4):
        write(tmp_path, f"{n}.xml", tei_doc())
    broken = write(tmp_path, "broken.rng", "<grammar")
    with pytest.raises(SchemaError):
        validate(tmp_path, schema=broken, workers=2)


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


def test_pointer_to_an_id_missing_where_an_xinclude_fallback_was_used_says_so(tmp_path):
    xi = ' xmlns:xi="http://www.w3.org/2001/XInclude"'
    body = (
        '<p><persName ref="#p1">A</persName></p>'
        '<xi:include href="persons.xml"><xi:fallback><p>none</p></xi:fallback></xi:include>'
    )
    doc = write(tmp_path, "a.xml", tei_doc(body=body, root_attrs=xi))
    (pointer,) = [p for p in validate_one(doc, strict=True).problems if p.rule == "pointer"]
    assert pointer.code == "pointer-dangling" and pointer.value == "#p1"
    assert 'the XInclude of "persons.xml" (line 3) was not read' in pointer.message
    assert "fallback was used" in pointer.message
    # Once the file is there, the id is found in what it includes, and nothing is said.
    write(tmp_path, "persons.xml", f'<listPerson xmlns="{TEI}"><person xml:id="p1"/></listPerson>')
    assert [p for p in validate_one(doc, strict=True).problems if p.rule == "pointer"] == []


def test_pointer_to_a_missing_id_without_a_fallback_taken_has_no_xinclude_note(tmp_path):
    doc = write(tmp_path, "a.xml", tei_doc(body='<p><persName ref="#p1">A</persName></p>'))
    (pointer,) = [p for p in validate_one(doc, strict=True).problems if p.rule == "pointer"]
    assert "XInclude" not in pointer.message


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


@pytest.mark.parametrize(
    "model",
    [
        '<?xml-model href="missing.rnc" type="application/relax-ng-compact-syntax"?>',
        '<?xml-model href="missing.rnc"?>',
        '<?xml-model href="rules.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
    ],
)
def test_missing_rnc_or_schematron_xml_model_is_a_warning_naming_what_was_used(tmp_path, model):
    report = validate_one(write(tmp_path, "a.xml", tei_doc(prolog="\n" + model)), schema=None)
    (note,) = [p for p in report.problems if p.rule == "schema"]
    assert note.severity == "warning" and note.line == 2
    href = model.split('"')[1]
    assert f'"{href}" was not found' in note.message
    assert note.message.endswith("validated against tei_all.rng instead")
    assert report.schema.endswith("tei_all.rng") and report.valid


def test_rnc_xml_model_without_schematypens_is_used(tmp_path):
    pytest.importorskip("rnc2rng", reason="needs the rnc extra")
    write(tmp_path, "small.rnc", SMALL_RNC)
    prolog = '\n<?xml-model href="small.rnc" type="application/relax-ng-compact-syntax"?>'
    report = validate_one(write(tmp_path, "a.xml", tei_doc(prolog=prolog)), schema=None)
    assert report.schema == str(tmp_path / "small.rnc")
    assert not [p for p in report.problems if p.rule == "schema"]


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


SMALL_RNC = r"""default namespace = "http://www.tei-c.org/ns/1.0"
datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
start = TEI
TEI = element TEI { teiHeader, \text }
teiHeader = element teiHeader { element title { text }+ }
\text = element text { p* }
p = element p { attribute n { xsd:integer }?, text }
"""


def test_compact_syntax_schema_is_converted_and_applied(tmp_path):
    pytest.importorskip("rnc2rng")
    schema = write(tmp_path, "small.rnc", SMALL_RNC)
    head = f'<TEI xmlns="{TEI}"><teiHeader><title>T</title></teiHeader><text>'
    good = write(tmp_path, "good.xml", head + '<p n="1">a</p></text></TEI>')
    bad = write(tmp_path, "bad.xml", head + '\n<p n="one">a</p><div/></text></TEI>')
    assert validate_one(good, schema=schema).valid
    problems = validate_one(bad, schema=schema).problems
    assert problems and problems[0].line == 2
    assert not validate_one(bad, schema=schema).valid


def test_compact_syntax_error_is_a_schema_error_with_its_line(tmp_path):
    pytest.importorskip("rnc2rng")
    from tei_tools.errors import SchemaError

    schema = write(tmp_path, "broken.rnc", "start = TEI\ntext = element text { empty }\n")
    with pytest.raises(SchemaError) as caught:
        validate_one(write(tmp_path, "a.xml", tei_doc()), schema=schema)
    assert caught.value.line == 2
    assert "compact syntax" in str(caught.value)


def test_compact_syntax_without_rnc2rng_names_the_extra(tmp_path, monkeypatch):
    from tei_tools.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "rnc2rng", None)
    schema = write(tmp_path, "small.rnc", SMALL_RNC)
    with pytest.raises(MissingExtraError, match=r"tei-tools\[rnc\]"):
        validate_one(write(tmp_path, "a.xml", tei_doc()), schema=schema)


def test_work_is_split_into_balanced_shares():
    from tei_tools.validate.parallel import map_forked, split_by_weight

    assert split_by_weight([5, 1, 1, 3], 2) == [[0], [3, 1, 2]]
    assert split_by_weight([1, 1], 4) == [[0], [1]]
    pids = map_forked(lambda _: os.getpid(), [1, 2, 3, 4], [1, 1, 1, 1], 2)
    assert len(set(pids)) == 2  # one share ran in a forked process


def test_a_worker_that_dies_costs_only_its_share():
    from tei_tools.validate.parallel import map_forked

    parent = os.getpid()

    def die_in_a_worker(item):
        if os.getpid() != parent:
            os._exit(3)  # as a crash in C code would
        return item

    results = map_forked(
        die_in_a_worker,
        [1, 2, 3, 4],
        [1, 1, 1, 1],
        2,
        on_failure=lambda item, error: ("failed", item),
    )
    failed = [r for r in results if isinstance(r, tuple)]
    # The parent's share is computed; the dead worker's share is reported, not lost.
    assert len(failed) == 2
    assert sorted([*(r for r in results if not isinstance(r, tuple)), *(i for _, i in failed)]) == [
        1,
        2,
        3,
        4,
    ]


def test_a_valid_fragment_is_still_invalid_as_a_whole_document(tmp_path):
    # The grammar that localises errors accepts any element as a root; the
    # verdict must still be the real start's.
    doc = write(tmp_path, "a.xml", f'<div xmlns="{TEI}"><p>A paragraph.</p></div>')
    report = validate_one(doc)
    assert not report.valid
    assert report.problems[0].line == 1


class _WaitsThenMatches:
    """A pattern whose first tries time out without working, as on a machine short of cores."""

    def __init__(self, waits: int, pattern):
        self.waits, self.pattern = waits, pattern

    def fullmatch(self, rest, timeout):
        if self.waits:
            self.waits -= 1
            raise TimeoutError
        return self.pattern.fullmatch(rest, timeout=timeout)


def test_a_prefixdef_timeout_spent_waiting_for_a_core_is_tried_again():
    from dataclasses import replace

    from lxml import etree

    from tei_tools.validate.prefixdef import read_prefix_rule

    rule = read_prefix_rule(
        etree.fromstring(
            '<prefixDef ident="psn" matchPattern="([a-z]+)" replacementPattern="#$1"/>'
        )
    )
    waiting = replace(rule, pattern=_WaitsThenMatches(2, rule.pattern))
    assert waiting.expand("goethe") == "#goethe"
