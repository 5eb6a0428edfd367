"""A register pointer misspelt, or written as one of the entry's names, gets a did-you-mean."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from lsp_harness import ServerSession
from lsp_workspace import DOCUMENT, REGISTER, make_workspace, position_of
from lsprotocol import types

from tei_tools.lsp.pointer_hints import register_suggestion
from tei_tools.markup.registers import load_registry

NAMED = REGISTER.replace(
    "<persName>Щербачёв</persName>",
    "<persName>Щербачёв</persName>\n          <persName>Dmitry Shcherbachev</persName>",
)


@pytest.fixture()
def registry(tmp_path):
    register = tmp_path / "persons.xml"
    register.write_text(NAMED, encoding="utf-8")
    return load_registry([register])


def test_a_pointer_written_as_an_entrys_alias_is_offered_the_entry(registry):
    assert register_suggestion("per:dmitry-shcherbachev", registry) == "per:shcherbachev"


def test_a_misspelt_register_id_is_offered_the_close_one(registry):
    assert register_suggestion("per:shcherbachov", registry) == "per:shcherbachev"


def test_no_suggestion_from_another_kind_of_entry_or_for_nothing_close(registry):
    assert register_suggestion("org:shcherbachev", registry) != "org:shcherbachev"
    assert register_suggestion("per:zzzz", registry) is None
    assert register_suggestion("per:shcherbachev", registry) is None  # not misspelt


def test_the_server_offers_the_entry_as_a_quick_fix(tmp_path):
    make_workspace(tmp_path)
    (tmp_path / "registers" / "persons.xml").write_text(NAMED, encoding="utf-8")
    text = DOCUMENT.replace("per:nobody", "per:dmitry-shcherbachev")
    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(tmp_path.as_uri(), "test")],
            initialization_options={"debounce": 0.02},
        )
    )
    try:

        async def drive(client):
            uri = (tmp_path / "hinted.xml").as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, text))
            )
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            (dangling,) = [d for d in client.diagnostics[uri] if d.code == "pointer-dangling"]
            actions = await client.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(uri),
                    dangling.range,
                    types.CodeActionContext([dangling]),
                )
            )
            return dangling, actions

        dangling, actions = session.run(drive(session.client))
    finally:
        session.close()
    assert dangling.message.endswith('(did you mean "per:shcherbachev"?)')
    start = position_of(text, "per:dmitry-shcherbachev")
    assert (dangling.range.start.line, dangling.range.start.character) == start
    fix = next(a for a in actions if a.title == 'Change to "per:shcherbachev"')
    ((edit,),) = fix.edit.changes.values()
    assert edit.new_text == "per:shcherbachev" and edit.range == dangling.range
