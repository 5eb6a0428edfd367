"""Formatting keeps mixed content and changes nothing but white space in element content."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from lxml import etree

from tei_tools.lsp.formatting import apply_edits, format_document

NESTED = """<TEI>
<teiHeader>
<fileDesc><titleStmt><title>A <hi>letter</hi></title></titleStmt>
</fileDesc>
</teiHeader>
<text>
      <body>
  <p>Dear <persName>Jane</persName>, the <hi>news</hi><hi>paper</hi>.</p>
<listPerson>
<person xml:id="a"/>   <person xml:id="b"/>
</listPerson>
      </body>
</text>
</TEI>"""


def formatted(text: str, indent: str = "  ") -> str:
    return apply_edits(text, format_document(text, indent))


def test_element_content_is_indented_by_depth():
    assert formatted(NESTED) == (
        "<TEI>\n"
        "  <teiHeader>\n"
        "    <fileDesc><titleStmt><title>A <hi>letter</hi></title></titleStmt>\n"
        "    </fileDesc>\n"
        "  </teiHeader>\n"
        "  <text>\n"
        "    <body>\n"
        "      <p>Dear <persName>Jane</persName>, the <hi>news</hi><hi>paper</hi>.</p>\n"
        "      <listPerson>\n"
        '        <person xml:id="a"/>\n'
        '        <person xml:id="b"/>\n'
        "      </listPerson>\n"
        "    </body>\n"
        "  </text>\n"
        "</TEI>"
    )


def test_a_tab_indents_when_the_editor_asks_for_tabs():
    assert "\n\t\t<body>" in formatted(NESTED, "\t")


def test_mixed_content_and_words_joined_by_elements_are_kept_byte_for_byte():
    text = "<body>\n<p>\n  Dear <hi>a</hi><hi>b</hi>\n  <lb/>x</p>\n<choice><sic>a</sic> <corr>b</corr></choice>\n</body>"
    result = formatted(text)
    assert "<p>\n  Dear <hi>a</hi><hi>b</hi>\n  <lb/>x</p>" in result
    assert "<choice><sic>a</sic> <corr>b</corr></choice>" in result  # one line, kept so


def test_nothing_moves_inside_xml_space_preserve_or_beside_a_comment():
    text = '<body>\n<eg xml:space="preserve">\n<a>\n   <b/>\n</a>\n</eg>\n<div>\n<!-- c -->\n<p/>\n</div>\n</body>'
    result = formatted(text)
    assert '<eg xml:space="preserve">\n<a>\n   <b/>\n</a>\n</eg>' in result
    assert "<div>\n<!-- c -->\n<p/>\n</div>" in result


@pytest.mark.parametrize(
    "broken", ["<a>\n<b>\n</a>", "<a>\n<b/>\n", "<a>\n<b\n</a>", "<a>\n</b>\n</a>"]
)
def test_a_document_that_is_not_well_formed_is_not_formatted(broken):
    assert format_document(broken, "  ") == []


def _documents():
    return sorted((REPO / "corpus" / "tei").glob("*.xml")) + sorted(
        (REPO / "tests" / "data").glob("*.xml")
    )


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_formatting_real_documents_changes_only_white_space_and_is_stable(path):
    text = path.read_text(encoding="utf-8")
    edits = format_document(text, "\t")  # they are indented by two spaces: every line moves
    assert edits, "an indented document is re-indented"
    assert all(not text[s:e].strip() and not new.strip() for s, e, new in edits)
    result = apply_edits(text, edits)
    assert re.sub(r"\s+", "", result) == re.sub(r"\s+", "", text)
    assert format_document(result, "\t") == []  # formatting twice changes nothing more
    assert apply_edits(result, format_document(result, "  ")) == text  # and back
    try:
        before = etree.fromstring(text.encode())
    except etree.XMLSyntaxError:
        return
    after = etree.fromstring(result.encode())
    # Every text node with words in it reads the same: only element content moved.
    words = lambda root: [t for t in root.xpath("//text()") if t.strip()]  # noqa: E731
    assert words(after) == words(before)


def test_the_server_formats_with_the_editors_indentation(tmp_path):
    pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
    from lsp_harness import ServerSession
    from lsprotocol import types

    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            initialization_options={"debounce": 0.02},
        )
    )
    try:
        assert session.initialized.capabilities.document_formatting_provider

        async def drive(client):
            uri = (tmp_path / "nested.xml").as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, NESTED))
            )
            return await client.text_document_formatting_async(
                types.DocumentFormattingParams(
                    types.TextDocumentIdentifier(uri), types.FormattingOptions(3, True)
                )
            )

        edits = session.run(drive(session.client))
    finally:
        session.close()
    assert edits and all(e.new_text.startswith("\n") and not e.new_text.strip() for e in edits)
    assert "\n" + " " * 9 + "<p>" in {e.new_text + "<p>" for e in edits}  # body's p, depth 3
