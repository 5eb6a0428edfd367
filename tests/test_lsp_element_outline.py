"""The outline of the whole element tree (the ``outline: "elements"`` setting)."""

from __future__ import annotations

import gc
import time

import pytest

from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.element_outline import element_outline

LETTER = """<TEI>
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>
  <text>
    <body>
      <div type="letter"><head>To the Embassy</head>
        <p xml:id="p1">A <persName>name</persName>.</p>
        <div n="2"><p/></div>
      </div>
    </body>
  </text>
</TEI>"""


def _tree(symbols) -> list:
    return [(s.name, s.detail, _tree(s.children or [])) for s in symbols]


def test_every_element_is_nested_in_its_parent_and_divisions_are_named_by_their_heads():
    (root,) = _tree(element_outline(DocumentView(LETTER)))
    assert root[0] == "TEI"
    header, text = root[2]
    assert header == (
        "teiHeader",
        None,
        [("fileDesc", None, [("titleStmt", None, [("title", None, [])])])],
    )
    ((body_name, _, (division,)),) = text[2]
    assert body_name == "body"
    assert division[:2] == ("To the Embassy", "div")
    assert division[2] == [
        ("head", None, []),
        ("p", "p1", [("persName", None, [])]),
        ("2", "div", [("p", None, [])]),  # no head: its type and number name it
    ]


def test_each_range_runs_from_the_start_tag_to_its_end_tag():
    view = DocumentView(LETTER)
    (root,) = element_outline(view)
    division = root.children[1].children[0].children[0]
    start, end = LETTER.index('<div type="letter">'), LETTER.index("</div>\n    </body>") + 6
    assert (division.range.start.line, division.range.start.character) == view.lines.position(start)
    assert (division.range.end.line, division.range.end.character) == view.lines.position(end)


def test_an_element_left_open_runs_to_the_end_and_its_siblings_stay_in_place():
    (root,) = _tree(element_outline(DocumentView("<a><b><c/></a>")))
    assert root == ("a", None, [("b", None, [("c", None, [])])])


def test_the_outline_is_cut_with_a_note_past_its_limit():
    text = "<r>" + "<p/>" * 30 + "<q><p/></q></r>"
    symbols = element_outline(DocumentView(text), limit=10)
    assert symbols[-1].name == "(outline cut after 10 elements; 23 more not listed)"
    assert len(symbols[0].children) == 9


@pytest.mark.parametrize("count", [2000])
def test_the_element_outline_grows_linearly(count):
    def cpu(n: int) -> float:
        parts = "".join(f"<div><head>H{i}</head><p>x <hi>y</hi></p></div>" for i in range(n))
        view = DocumentView(f"<TEI><text><body>{parts}</body></text></TEI>")
        best = float("inf")
        gc.collect()
        gc.disable()  # a collection inside one run is no property of the outline
        try:
            for _ in range(5):
                started = time.process_time()
                element_outline(view, limit=10**6)
                best = min(best, time.process_time() - started)
        finally:
            gc.enable()
        return best

    # Four times the document: linear is 4x, quadratic 16x; 10x leaves room for a loaded
    # machine's cache misses (seen: 9.7x at load 13 on two cores) and still fails quadratic.
    small, large = cpu(count), cpu(4 * count)
    assert large < 10 * small + 0.05, (small, large)


def test_the_server_gives_the_element_tree_when_the_setting_asks_for_it(tmp_path):
    pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
    from lsp_harness import ServerSession
    from lsprotocol import types

    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    document_symbol=types.DocumentSymbolClientCapabilities(
                        hierarchical_document_symbol_support=True
                    )
                )
            ),
            root_uri=tmp_path.as_uri(),
            initialization_options={"debounce": 0.02, "outline": "elements"},
        )
    )
    try:

        async def drive(client):
            uri = (tmp_path / "letter.xml").as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, LETTER))
            )
            return await client.text_document_document_symbol_async(
                types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
            )

        symbols = session.run(drive(session.client))
    finally:
        session.close()
    assert [s.name for s in symbols] == ["TEI"]
    assert [c.name for c in symbols[0].children] == ["teiHeader", "text"]
