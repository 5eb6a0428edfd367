"""Completion edits only what was typed, asks only where it helps; the outline is linear."""

from __future__ import annotations

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


def test_the_outline_of_a_large_document_is_fast_and_cut_with_a_note():
    divisions = "".join(
        f"<div n='{i}'><head>Part {i}</head><p>{'word ' * 40}</p></div>" for i in range(8000)
    )
    text = f"<TEI><text><body>{divisions}</body></text></TEI>"
    view = DocumentView(text)
    started = time.perf_counter()
    symbols = outline(view, limit=6000)
    seconds = time.perf_counter() - started
    assert len(symbols) == 6001 and symbols[0].name == "Part 0"
    assert "2000 more" in symbols[-1].name
    # Linear: 8,000 divisions took minutes when each looked for its head from the start.
    assert seconds < 5, seconds


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
