"""Completion edits only what was typed, asks only where it helps; the outline is linear."""

from __future__ import annotations

import gc
import os
import time

import pytest
from lsprotocol import types

from tei_tools.lsp.completion import complete
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.navigation import outline
from tei_tools.lsp.schema_model import build_model
from tei_tools.validate.schema_select import tei_all_path

OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'


@pytest.fixture(scope="module")
def model():
    return build_model(tei_all_path())


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lsp-cache"))


def applied(text: str, item: types.CompletionItem) -> str:
    """The text after a client (VS Code) applies the item's edit range."""
    view = DocumentView(text)
    edit = item.text_edit
    assert isinstance(edit, types.TextEdit)
    start = view.lines.offset(edit.range.start.line, edit.range.start.character)
    end = view.lines.offset(edit.range.end.line, edit.range.end.character)
    return text[:start] + edit.new_text + text[end:]


def test_an_element_typed_right_before_a_word_keeps_the_word(model):
    text = OPEN + "<persName"
    cursor = len(OPEN) + 1  # "<" typed just before "persName", which was already there
    items = complete(DocumentView(text), cursor, model, trigger="<")
    hi = next(i for i in items if i.label == "hi")
    assert applied(text, hi).endswith("<hipersName")


def test_a_closing_tag_typed_right_before_a_word_keeps_the_word(model):
    text = OPEN + "x</word"
    cursor = len(OPEN) + 3
    items = complete(DocumentView(text), cursor, model, trigger="/")
    assert items and applied(text, items[0]).endswith("word")


def test_an_attribute_name_typed_before_a_word_keeps_the_word(model):
    text = OPEN[:-1] + " ty rend>"
    cursor = text.index(" ty") + 3  # "ty|" — the cursor right after "ty"
    view = DocumentView(text)
    items = complete(view, cursor - 1, model)  # "t|y": completing what was typed so far
    rendition = next(i for i in items if i.label == "rendition")
    assert "y rend>" in applied(text, rendition)


def test_a_space_or_a_quote_in_running_text_asks_for_nothing(model):
    text = OPEN + "Some words "
    view = DocumentView(text)
    assert complete(view, len(text), model, trigger=" ") == []
    assert complete(view, len(text), model, trigger='"') == []
    assert complete(view, len(text), model, trigger="#") == []
    assert complete(view, len(text), model)  # asked for by the user: element names


def test_a_quote_inside_an_attribute_value_offers_its_values(model):
    text = OPEN + '<persName full="'
    items = complete(DocumentView(text + '">'), len(text), model, trigger='"')
    assert [i.label for i in items] == ["yes", "abb", "init"]


def _divisions(count: int) -> DocumentView:
    parts = "".join(
        f"<div n='{i}'><head>Part {i}</head><p>{'word ' * 40}</p></div>" for i in range(count)
    )
    # One long line, as many real files have: positions on it must not cost its length.
    return DocumentView(f"<TEI><text><body>{parts}</body></text></TEI>")


def test_the_outline_is_cut_with_a_note_past_its_limit():
    symbols = outline(_divisions(80), limit=60)
    assert len(symbols) == 61 and symbols[0].name == "Part 0"
    assert "20 more" in symbols[-1].name


def test_the_outline_grows_linearly_with_the_document():
    def cpu(view: DocumentView) -> float:
        best = float("inf")
        gc.collect()
        for _ in range(5):
            started = time.process_time()
            outline(view, limit=100_000)
            best = min(best, time.process_time() - started)
        return best

    small, large = cpu(_divisions(1500)), cpu(_divisions(6000))
    # Four times the divisions: about four times the time; a quadratic outline took sixteen.
    # 10x leaves room for a loaded machine (seen 9.7x at load 13 in a like test); 16x fails.
    assert large < 10 * small + 0.05, (small, large)


def _run_server(tmp_path, *options: str) -> str:
    import json
    import subprocess
    import sys

    pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

    def message(payload: dict) -> bytes:
        body = json.dumps(payload).encode()
        return f"Content-Length: {len(body)}\r\n\r\n".encode() + body

    log = tmp_path / "lsp.log"
    initialize = {"processId": None, "rootUri": None, "capabilities": {}}
    stdin = (
        message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": initialize})
        + message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + message({"jsonrpc": "2.0", "method": "exit"})
    )
    run = subprocess.run(
        [sys.executable, "-m", "tei_tools", "lsp", "--log-file", str(log), *options],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return log.read_text(encoding="utf-8")


def test_the_log_has_a_timed_line_per_request_and_no_payloads_at_info(tmp_path):
    import re

    text = _run_server(tmp_path)
    lines = text.splitlines()
    initialize = [line for line in lines if "initialize #1:" in line]
    assert len(initialize) == 1
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO ", initialize[0])
    assert re.search(r"\d+ bytes, [\d.]+ ms$", initialize[0])
    assert "capabilities" not in text  # the payloads (and pygls' copies of them) are left out


def test_the_log_at_debug_level_keeps_the_payloads(tmp_path):
    assert "capabilities" in _run_server(tmp_path, "--log-level", "debug")


def _name_actions(tmp_path, text: str, name: str, **options):
    from tei_tools.lsp.actions import register_entry_actions
    from tei_tools.lsp.registers import WorkspaceRegisters

    path = tmp_path / "letter.xml"
    path.write_text(text, encoding="utf-8")
    registers = WorkspaceRegisters([])
    view = DocumentView(text, path)
    offset = text.index(name) + 1
    return register_entry_actions(view, path.as_uri(), offset, registers=registers, **options)


LETTER = OPEN + "<persName>{}</persName></p></body></text></TEI>"


def test_a_name_an_entry_already_has_is_offered_as_a_link_before_a_new_entry(tmp_path):
    from tei_tools.markup.registers import load_registry

    trotsky = load_registry().lookup("per:trotsky")
    alias = next(n for n in trotsky.names if n != trotsky.label)
    actions = _name_actions(tmp_path, LETTER.format(alias), alias, can_create_files=True)
    assert actions[0].title.startswith(f'Link "{alias}" to per:trotsky')
    assert actions[0].is_preferred
    (change,) = actions[0].edit.document_changes
    assert [e.new_text for e in change.edits] == [' ref="per:trotsky"']
    assert not any("per:trotsky-2" in a.title for a in actions)


def test_no_new_register_file_for_a_client_that_cannot_create_files(tmp_path):
    text = LETTER.format("Quentin Zabriskie-Oddname")
    assert _name_actions(tmp_path, text, "Quentin") == []
    (action,) = _name_actions(tmp_path, text, "Quentin", can_create_files=True)
    assert isinstance(action.edit.document_changes[1], types.CreateFile)


def test_link_and_entry_edits_are_plain_changes_for_a_client_without_document_changes(tmp_path):
    from tei_tools.markup.registers import load_registry

    registers = tmp_path / "registers"
    registers.mkdir()
    (registers / "persons.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>\n'
        "</listPerson></body></text></TEI>\n",
        encoding="utf-8",
    )
    trotsky = load_registry().lookup("per:trotsky")
    alias = next(n for n in trotsky.names if n != trotsky.label)
    text = LETTER.format(alias)
    link, add = _name_actions(tmp_path, text, alias, document_changes=False)
    document = (tmp_path / "letter.xml").as_uri()
    for action in (link, add):
        assert action.edit.document_changes is None  # never sent to a client that did not ask
    assert [e.new_text for e in link.edit.changes[document]] == [' ref="per:trotsky"']
    register = (registers / "persons.xml").resolve().as_uri()
    assert set(add.edit.changes) == {document, register}
    assert "<person" in add.edit.changes[register][0].new_text
    # With the versioned form declared, the same edits come as document changes.
    link, add = _name_actions(tmp_path, text, alias, document_changes=True)
    assert link.edit.changes is None and len(add.edit.document_changes) == 2


def test_no_new_register_file_without_document_changes_even_with_file_creation(tmp_path):
    text = LETTER.format("Quentin Zabriskie-Oddname")
    options = {"can_create_files": True, "document_changes": False}
    assert _name_actions(tmp_path, text, "Quentin", **options) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_suggested_entry_naming_a_pipe_in_a_parameter_entity_is_refused_without_hanging(
    tmp_path,
):
    import threading

    from tei_tools.findings import Finding

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    hostile = (
        f'<!DOCTYPE person [<!ENTITY % p SYSTEM "{fifo}"> %p;]>'
        '<person xml:id="evil"><persName>Quentin</persName></person>'
    )
    finding = Finding(
        "unlinked-name",
        "Quentin",
        "persName in no register",
        "letter.txt",
        type="persName",
        suggestion={"entry": hostile},
    )
    found: list = []
    options = {"can_create_files": True, "document_changes": True, "findings": [finding]}
    reading = threading.Thread(
        target=lambda: found.extend(
            _name_actions(tmp_path, LETTER.format("Quentin"), "Quentin", **options)
        ),
        daemon=True,
    )
    reading.start()
    reading.join(20)
    if reading.is_alive():  # let the blocked open of the pipe go, so the thread can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading the suggested entry opened the pipe and waited on it")
    (action,) = found
    changes = action.edit.document_changes
    texts = [e.new_text for change in changes for e in getattr(change, "edits", [])]
    assert not any("DOCTYPE" in t or "evil" in t for t in texts), texts  # not used as written
    assert any("<persName>Quentin</persName>" in t for t in texts)  # an entry built instead
