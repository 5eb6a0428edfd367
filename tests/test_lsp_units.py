"""The language server's parts without a client: positions, the tag scanner, ranges, models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from lsp_workspace import DOCUMENT, make_workspace, position_of
from lsprotocol import types

from tei_tools.lsp.completion import complete
from tei_tools.lsp.diagnostics import check_text, shift_diagnostics
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.navigation import outline
from tei_tools.lsp.scanner import scan_tags
from tei_tools.lsp.schema_model import SchemaModels, build_model
from tei_tools.lsp.text import LineIndex
from tei_tools.validate.schema_select import tei_all_path


@pytest.fixture(scope="module")
def model():
    return build_model(tei_all_path())


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lsp-cache"))


@given(st.text(alphabet=st.sampled_from("aЖἈ𐌰\n<>\"'"), max_size=40), st.data())
def test_offsets_and_utf16_positions_round_trip(text, data):
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    line, character = index.position(offset)
    assert index.offset(line, character) == offset
    expected = len(text[text.rfind("\n", 0, offset) + 1 : offset].encode("utf-16-le")) // 2
    assert character == expected


def test_a_letter_outside_the_bmp_counts_two_utf16_units():
    index = LineIndex("𐌰Ж<p/>")
    assert index.position(2) == (0, 3)
    assert index.offset(0, 3) == 2


def test_scanner_reads_unfinished_tags_and_skips_comments():
    text = '<a x="1"><!-- <no> --><b y="unterminated\n<c ><![CDATA[<d>]]></a'
    tags = scan_tags(text)
    assert [(t.kind, t.name, t.closed) for t in tags] == [
        ("start", "a", True),
        ("start", "b", False),
        ("start", "c", True),
        ("end", "a", False),
    ]
    b = tags[1]
    assert b.attributes[0].name == "y" and b.attributes[0].value.startswith("unterminated")


def test_scanner_never_fails_on_arbitrary_text():
    for text in ["<", "</", "<<>>", '<a b="', "<!--", "<?x", "<!DOCTYPE [", "<a/ b>", "&<"]:
        scan_tags(text)


def test_schema_model_orders_required_children_and_reads_value_lists(model):
    tei = model.element("TEI")
    assert next(iter(tei.children)) == "teiHeader" and tei.children["teiHeader"] is True
    assert model.element("persName").gloss == "personal name"
    full = model.element("persName").attributes["full"]
    assert full.closed and [v for v, _ in full.values] == ["yes", "abb", "init"]
    unit = model.element("biblScope").attributes["unit"]
    assert not unit.closed and "page" in dict(unit.values)


def test_a_schema_changed_on_disk_is_read_again(tmp_path):
    schema = tmp_path / "mini.rng"
    grammar = (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        '<element name="{}"><empty/></element></start></grammar>'
    )
    schema.write_text(grammar.format("one"))
    models = SchemaModels()
    assert models.get(schema).roots == ("one",)
    schema.write_text(grammar.format("other"))
    os.utime(schema, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert models.get(schema).roots == ("other",)


def test_completion_of_closing_tag_and_enumerated_value(model):
    text = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName full="">x</'
    view = DocumentView(text)
    closing = complete(view, len(text), model)
    assert [i.label for i in closing] == ["/persName"]
    values = complete(view, text.index('full=""') + 6, model)
    assert [i.label for i in values] == ["yes", "abb", "init"]
    assert values[0].detail == "closed list"


def test_pointer_diagnostics_go_to_the_right_tag_when_a_message_repeats(tmp_path):
    text = DOCUMENT.replace(
        '<ref target="#p1" tpye="y">see</ref>',
        '<ref target="#gone">a</ref> <ref target="#gone">b</ref>',
    )
    path = make_workspace(tmp_path)
    checked = check_text(text, path)
    gone = [d for d in checked.diagnostics if "@target" in d.message]
    assert len(gone) == 2
    first, second = (position_of(text, '#gone">', nth=n) for n in (0, 1))
    assert (gone[0].range.start.line, gone[0].range.start.character) == first
    assert (gone[1].range.start.line, gone[1].range.start.character) == second


def test_validation_reads_the_buffer_not_the_file(tmp_path):
    path = make_workspace(tmp_path)
    fixed = DOCUMENT.replace("persname", "persName").replace("tpye", "type")
    checked = check_text(fixed.replace("1918-02-30", "1918-02-28"), path)
    assert not [d for d in checked.diagnostics if d.data["rule"] == "rng"]
    assert checked.schema == tei_all_path()


def test_kept_diagnostics_move_with_an_edit():
    diagnostic = types.Diagnostic(
        range=types.Range(types.Position(5, 4), types.Position(5, 8)), message="x"
    )
    above = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(1, 0), types.Position(1, 0)), text="a\nb\n"
    )
    assert shift_diagnostics([diagnostic], above)[0].range.start == types.Position(7, 4)
    same_line = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(5, 0), types.Position(5, 2)), text="𐌰"
    )
    assert shift_diagnostics([diagnostic], same_line)[0].range.start == types.Position(5, 4)
    at_its_end = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(5, 8), types.Position(5, 8)), text=" "
    )
    assert shift_diagnostics([diagnostic], at_its_end)[0].range.end == types.Position(5, 8)


def test_a_kept_diagnostic_whose_text_is_edited_is_dropped_not_collapsed():
    diagnostic = types.Diagnostic(
        range=types.Range(types.Position(5, 4), types.Position(5, 8)), message="x"
    )
    for start, end, text in (
        ((4, 0), (6, 0), ""),  # deleted with the lines around it
        ((5, 4), (5, 8), "type"),  # the misspelt name replaced
        ((5, 6), (5, 6), "x"),  # typed into
        ((5, 2), (5, 5), ""),  # its start cut off
    ):
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(*start), types.Position(*end)), text=text
        )
        assert shift_diagnostics([diagnostic], change) == [], (start, end, text)


def test_outline_nests_divisions_named_by_their_heads():
    text = (
        "<body><div><head>One <hi>a</hi></head><div type='x' n='2'><p/></div></div>"
        "<div><head>Два</head></div></body>"
    )
    symbols = outline(DocumentView(text))
    assert [s.name for s in symbols] == ["One a", "Два"]
    assert [c.name for c in symbols[0].children] == ["x 2"]


def test_position_helper_counts_utf16():
    assert position_of("𐌰x", "x") == (0, 2)


def test_registers_of_the_workspace_win_over_the_shipped_ones(tmp_path):
    from tei_tools.lsp.registers import WorkspaceRegisters, workspace_register_files

    make_workspace(tmp_path)
    registers = WorkspaceRegisters(workspace_register_files([tmp_path]))
    place = registers.place("shcherbachev", "per")
    assert place is not None and place.path == tmp_path / "registers" / "persons.xml"
    assert registers.place("trotsky", "per").path.name == "persons.xml"
    assert Path(registers.place("trotsky", "per").path).parent.name == "registers"


def test_hostile_document_is_refused_with_one_diagnostic(tmp_path):
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>'
    )
    checked = check_text(text, tmp_path / "a.xml")
    assert not checked.well_formed
    assert len(checked.diagnostics) == 1 and "refused" in checked.diagnostics[0].message


def test_add_register_entry_takes_the_review_reports_suggestion(tmp_path):
    from tei_tools.findings import Finding
    from tei_tools.lsp.actions import register_entry_actions

    path = make_workspace(tmp_path)
    view = DocumentView(DOCUMENT, path)
    suggested = '<person xml:id="zabolotny"><persName>Заболотный</persName><note>x</note></person>'
    finding = Finding(
        "unlinked-name",
        "Заболотный",
        "persName in no register",
        "letter.txt",
        type="persName",
        suggestion={"entry": suggested},
    )
    offset = DOCUMENT.index("Заболотный") + 2
    (action,) = register_entry_actions(view, path.as_uri(), offset, findings=[finding])
    texts = [e.new_text for change in action.edit.document_changes for e in change.edits]
    assert ' ref="per:zabolotny"' in texts
    assert any(suggested in t for t in texts)
    register_edit = action.edit.document_changes[1]
    assert register_edit.text_document.uri == (tmp_path / "registers" / "persons.xml").as_uri()
    # Inserted on the line of </listPerson>, so the entry lands inside the list.
    register = (tmp_path / "registers" / "persons.xml").read_text(encoding="utf-8")
    assert register_edit.edits[0].range.start.line == position_of(register, "</listPerson>")[0]


def test_no_register_entry_offered_for_a_linked_name(tmp_path):
    from tei_tools.lsp.actions import register_entry_actions

    path = make_workspace(tmp_path)
    view = DocumentView(DOCUMENT, path)
    offset = DOCUMENT.index(">X</persName>") + 1
    assert register_entry_actions(view, path.as_uri(), offset) == []


def test_completion_without_snippet_support_inserts_plain_text(model):
    text = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'
    items = complete(DocumentView(text), len(text), model, snippets=False)
    hi = next(i for i in items if i.label == "hi")
    assert hi.text_edit.new_text == "<hi></hi>"
    assert hi.insert_text_format == types.InsertTextFormat.PlainText


def test_validation_follows_a_schema_edited_on_disk(tmp_path):
    schema = tmp_path / "mini.rng"
    grammar = (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        '<element name="{}"><empty/></element></start></grammar>'
    )
    schema.write_text(grammar.format("one"))
    document = tmp_path / "doc.xml"
    assert check_text("<one/>", document, schema=schema).diagnostics == []
    schema.write_text(grammar.format("other"))
    os.utime(schema, ns=(1, 1))
    (diagnostic,) = check_text("<one/>", document, schema=schema).diagnostics
    assert 'expected "other"' in diagnostic.message
