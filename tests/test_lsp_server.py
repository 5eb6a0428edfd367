"""The language server end to end: a real LSP client talks to ``tei-tools lsp`` over stdio."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsp_harness import ServerSession, driven
from lsp_workspace import DOCUMENT, make_workspace, position_of
from lsprotocol import types
from pytest_lsp import LanguageClient


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """One server for the module, as an editor keeps one for a session; each test opens its own file."""
    tmp_path = tmp_path_factory.mktemp("workspace")
    document = make_workspace(tmp_path)
    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf8]
                ),
                text_document=types.TextDocumentClientCapabilities(
                    hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                    completion=types.CompletionClientCapabilities(
                        completion_item=types.ClientCompletionItemOptions(
                            documentation_format=[types.MarkupKind.Markdown],
                            snippet_support=True,
                        )
                    ),
                ),
            ),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(tmp_path.as_uri(), "test")],
            initialization_options={"debounce": 0.02},
        )
    )
    session.client.document = document  # type: ignore[attr-defined]
    session.client.initialized = session.initialized  # type: ignore[attr-defined]
    yield session
    session.close()


_opened = iter(range(1, 1000))


async def open_document(client: LanguageClient, text: str = DOCUMENT) -> str:
    """Open ``text`` as a new file next to the workspace's letter (so its registers apply)."""
    folder = client.document.parent  # type: ignore[attr-defined]
    uri = (folder / f"letter-{next(_opened)}.xml").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, text))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def at(line_char: tuple[int, int]) -> types.Position:
    return types.Position(*line_char)


def by_message(client: LanguageClient, uri: str, part: str) -> types.Diagnostic:
    found = [d for d in client.diagnostics[uri] if part in d.message]
    assert found, [d.message for d in client.diagnostics[uri]]
    return found[0]


@driven
async def test_server_speaks_utf16_even_when_the_client_offers_utf8(client: LanguageClient):
    # The client offered only UTF-8; every range below is checked in UTF-16 code units,
    # with a Gothic letter (two units, one code point) before the places checked.
    capabilities = client.initialized.capabilities  # type: ignore[attr-defined]
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16


@driven
async def test_broken_document_gets_diagnostics_on_the_tag_attribute_and_value(
    client: LanguageClient,
):
    uri = await open_document(client)
    element = by_message(client, uri, 'element "persname"')
    start = position_of(DOCUMENT, "<persname")
    end = position_of(DOCUMENT, '">Щербачёв')
    assert (element.range.start.line, element.range.start.character) == start
    assert (element.range.end.line, element.range.end.character) == (end[0], end[1] + 2)
    assert element.data["suggestion"] == "persName"

    date = by_message(client, uri, "not a real calendar date")
    assert (date.range.start.line, date.range.start.character) == position_of(
        DOCUMENT, "1918-02-30"
    )
    pointer = by_message(client, uri, '"per:nobody"')
    assert (pointer.range.start.line, pointer.range.start.character) == position_of(
        DOCUMENT, "per:nobody"
    )
    assert not any("shcherbachev" in d.message for d in client.diagnostics[uri])


@driven
async def test_misspelt_attribute_is_marked_on_its_name(client: LanguageClient):
    text = DOCUMENT.replace("persname", "persName")
    uri = await open_document(client, text)
    attribute = by_message(client, uri, 'attribute "tpye"')
    assert (attribute.range.start.line, attribute.range.start.character) == position_of(
        text, "tpye"
    )
    assert attribute.range.end.character - attribute.range.start.character == 4
    assert attribute.data["suggestion"] == "type"


@driven
async def test_not_well_formed_while_typing_keeps_the_schema_diagnostics(client: LanguageClient):
    text = DOCUMENT.replace("persname", "persName")
    uri = await open_document(client, text)
    before = len(client.diagnostics[uri])
    line, _ = position_of(text, "<head>")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                    text="<p>\n",
                )
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    shown = client.diagnostics[uri]
    syntax = [d for d in shown if d.code == "xml-not-well-formed"]
    assert len(syntax) == 1 and "not well-formed" in syntax[0].message
    assert len(shown) == before + 1
    # The kept schema error moved down with the inserted line.
    tpye = by_message(client, uri, 'attribute "tpye"')
    assert tpye.range.start.line == position_of(text, "tpye")[0] + 1


@driven
async def test_a_fault_fixed_while_not_well_formed_loses_its_kept_diagnostic(
    client: LanguageClient,
):
    text = DOCUMENT.replace("persname", "persName")
    uri = await open_document(client, text)
    assert by_message(client, uri, 'attribute "tpye"')
    line, _ = position_of(text, "<head>")
    (start, end) = position_of(text, "tpye"), position_of(text, "tpye", 4)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [  # the misspelt name corrected (below), then an unclosed <p> typed above it
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(*start), types.Position(*end)), text="type"
                ),
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                    text="<p>\n",
                ),
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    shown = client.diagnostics[uri]
    assert [d.code for d in shown].count("xml-not-well-formed") == 1
    assert not [d for d in shown if "tpye" in d.message], [d.message for d in shown]
    assert [d for d in shown if "1918-02-30" in d.message]  # the others are kept


@driven
async def test_completion_inside_body_offers_allowed_elements_in_schema_order(
    client: LanguageClient,
):
    text = DOCUMENT.replace("<body>\n", "<body>\n      <\n", 1)
    uri = await open_document(client, text)
    line, character = position_of(text, "<\n", 1)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    labels = [i.label for i in sorted(result.items, key=lambda i: i.sort_text)]
    assert "div" in labels and "p" in labels
    assert "persName" not in labels  # not allowed directly in body
    assert "teiHeader" not in labels


@driven
async def test_completion_of_attributes_values_and_register_pointers(client: LanguageClient):
    uri = await open_document(client)
    # Attribute names on <div ...>: those present are not offered again.
    line, character = position_of(DOCUMENT, '"d1">', 4)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    labels = {i.label for i in result.items}
    assert {"rend", "n", "xml:lang"} <= labels and "type" not in labels and "xml:id" not in labels

    # Inside @ref of a persName: register entries with name and life dates.
    line, character = position_of(DOCUMENT, "per:nobody", 4)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    items = {i.label: i for i in result.items}
    assert items["per:shcherbachev"].detail == "Shcherbachev (1869–1938)"
    assert items["per:trotsky"].detail == "Trotsky (1879–1940)"
    assert "#p1" in items and "#d1" in items
    edit = items["per:shcherbachev"].text_edit
    assert (edit.range.start.line, edit.range.start.character) == position_of(
        DOCUMENT, "per:nobody"
    )


@driven
async def test_hover_shows_guidelines_gloss_and_register_entry(client: LanguageClient):
    uri = await open_document(client)
    line, character = position_of(DOCUMENT, "<head>", 2)
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    assert "**head**" in result.contents.value and "(heading)" in result.contents.value

    line, character = position_of(DOCUMENT, "per:shcherbachev", 5)
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    assert "Shcherbachev" in result.contents.value and "1869-02-06" in result.contents.value


@driven
async def test_go_to_definition_into_the_register_file_and_to_an_id(client: LanguageClient):
    uri = await open_document(client)
    register = client.document.parent / "registers" / "persons.xml"  # type: ignore[attr-defined]
    line, character = position_of(DOCUMENT, "per:shcherbachev", 6)
    result = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    location = result if isinstance(result, types.Location) else result[0]
    assert location.uri == register.resolve().as_uri()
    text = register.read_text(encoding="utf-8")
    assert location.range.start.line == position_of(text, '<person xml:id="shcherbachev"')[0]

    line, character = position_of(DOCUMENT, 'target="#p1"', 9)
    result = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    location = result if isinstance(result, types.Location) else result[0]
    assert (location.range.start.line, location.range.start.character) == position_of(
        DOCUMENT, '<p xml:id="p1"'
    )


@driven
async def test_go_to_definition_into_a_sibling_file(client: LanguageClient):
    folder = client.document.parent  # type: ignore[attr-defined]
    notes = folder / "notes-sibling.xml"
    notes_text = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
        '<note xml:id="n0">zero</note>\n  <note xml:id="n1">Ἀθῆναι, the note</note>\n'
        "</body></text></TEI>\n"
    )
    notes.write_text(notes_text, encoding="utf-8")
    text = DOCUMENT.replace('target="#p1"', 'target="notes-sibling.xml#n1"')
    uri = await open_document(client, text)
    line, character = position_of(text, 'target="notes-sibling.xml#n1"', 12)
    result = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    location = result if isinstance(result, types.Location) else result[0]
    assert location.uri == notes.resolve().as_uri()
    start = location.range.start
    assert (start.line, start.character) == position_of(notes_text, '<note xml:id="n1"')

    # An id the sibling file does not have leads nowhere (not to the buffer's own #n1).
    text = DOCUMENT.replace('target="#p1"', 'target="notes-sibling.xml#n9"')
    uri = await open_document(client, text)
    line, character = position_of(text, 'target="notes-sibling.xml#n9"', 12)
    result = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    assert not result


@driven
async def test_references_symbols_and_quick_fixes(client: LanguageClient):
    uri = await open_document(client)
    line, character = position_of(DOCUMENT, 'xml:id="p1"', 9)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri),
            position=types.Position(line, character),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert len(refs) == 2  # <ref target="#p1"> and the first item of <name ref="#p1 #d1">

    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert [s.name for s in symbols] == ["Товарищу Ἀθῆναι"]

    diagnostic = by_message(client, uri, 'element "persname"')
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    fix = next(a for a in actions if a.title == 'Change to "persName"')
    assert len(fix.edit.changes[uri]) == 2  # start and end tag

    line, character = position_of(DOCUMENT, "Заболотный", 2)
    place = types.Range(types.Position(line, character), types.Position(line, character))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=place,
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    add = next(a for a in actions if a.title.startswith("Add register entry"))
    assert '"per:zabolotnyi"' in add.title
    # The client declared no documentChanges: plain changes, the document's and the register's.
    assert add.edit.document_changes is None and len(add.edit.changes) == 2
    edits = [e for changed in add.edit.changes.values() for e in changed]
    entry = '<person xml:id="zabolotnyi"><persName>Заболотный</persName></person>'
    assert any(entry in e.new_text for e in edits)
    assert any(e.new_text == ' ref="per:zabolotnyi"' for e in edits)
