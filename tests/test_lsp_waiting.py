"""No request makes another wait: a hover is answered while a large buffer's view is being built.

After an edit of a 3 MB document the server builds the new version's view (every
tag of the buffer, about half a second) in its view thread.  A request that
needs the whole view (the outline, completion) awaits it there, off the event
loop, and a hover sent meanwhile is answered from a partial view around the
cursor.  Before, the outline and completion waited for the view on the event
loop, and the hover behind them waited as long.
"""

from __future__ import annotations

import asyncio
import time

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsp_harness import ServerSession
from lsprotocol import types

#: A hover is answered this fast while the view is built; the target is 100 ms, the bound
#: leaves room for a loaded 2-core machine (the figure is printed).
HOVER_BOUND = 0.3


def large_document(divisions: int = 11_000) -> str:
    """A TEI document of about 3 MB: divisions with a head, names and pointers."""
    parts = "\n".join(
        f'<div n="{i}" xml:id="d{i}"><head>Part {i}</head>'
        f'<p>{"word " * 30}<persName ref="#d{i // 2}">Name {i}</persName> {"more " * 10}</p></div>'
        for i in range(divisions)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
        "<teiHeader><fileDesc><titleStmt><title>Large</title></titleStmt>"
        "<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc>"
        f"</fileDesc></teiHeader>\n<text><body>\n{parts}\n</body></text>\n</TEI>\n"
    )


def test_the_outlines_and_workspace_readings_stop_once_the_buffer_has_changed(tmp_path):
    from tei_tools.lsp.document import DocumentView, Superseded
    from tei_tools.lsp.element_outline import element_outline
    from tei_tools.lsp.navigation import outline
    from tei_tools.lsp.workspace_rename import (
        RenameTarget,
        workspace_references,
        workspace_rename,
    )

    text = large_document(300)
    path = tmp_path / "large.xml"
    view = DocumentView(text, path)
    looks: list[int] = []

    def changed() -> bool:
        looks.append(1)
        return True

    for read in (outline, element_outline):
        assert read(view, cancelled=lambda: False)  # asked, and not cancelled: the whole outline
        with pytest.raises(Superseded):
            read(view, cancelled=changed)
    target = RenameTarget(path.resolve(), "d7", 0, 0)
    with pytest.raises(Superseded):
        workspace_references(target, [(path, text)], True, cancelled=changed)
    with pytest.raises(Superseded):
        workspace_rename(target, "d7b", [(path, text)], cancelled=changed)
    assert len(looks) == 4  # each stopped at its first look
    assert workspace_references(target, [(path, text)], True, cancelled=lambda: False)


def at(text: str, offset: int) -> types.Position:
    return types.Position(text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset) - 1)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    """A server with the large document open and its first validation done."""
    folder = tmp_path_factory.mktemp("large")
    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            # No validation while measuring: the edits' checks would start only after a minute.
            initialization_options={"debounce": 60},
        )
    )
    text = large_document()
    assert len(text) > 2_800_000
    uri = (folder / "large.xml").as_uri()

    async def open_it() -> None:
        session.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, text))
        )
        await session.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    session.run(open_it(), timeout=300)
    session.uri, session.text, session.version = uri, text, 1  # type: ignore[attr-defined]
    yield session
    session.close()


def _request(client, name: str, uri: str, where: types.Position):
    document = types.TextDocumentIdentifier(uri)
    if name == "outline":
        return client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    if name == "completion":
        return client.text_document_completion_async(types.CompletionParams(document, where))
    if name == "definition":
        return client.text_document_definition_async(types.DefinitionParams(document, where))
    return client.text_document_folding_range_async(types.FoldingRangeParams(document))


@pytest.mark.parametrize("request_name", ["outline", "completion", "definition"])
def test_a_hover_after_an_edit_and_a_request_on_a_large_buffer_does_not_wait_for_its_view(
    large, request_name
):
    client, uri, text = large.client, large.uri, large.text
    head = text.index("<head>", len(text) // 2) + 2
    pointer = text.index('ref="#d', head) + 7

    async def scenario() -> tuple[float, float, object]:
        large.version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=large.version, uri=uri),
                [
                    types.TextDocumentContentChangePartial(
                        range=types.Range(at(text, head + 4), at(text, head + 4)), text=""
                    )
                ],
            )
        )
        where = at(text, pointer if request_name == "definition" else head + 5)
        pending = asyncio.ensure_future(_request(client, request_name, uri, where))
        await asyncio.sleep(0.05)  # the request has reached the server and begun
        sent = time.perf_counter()
        hovered = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), at(text, head))
        )
        hover_s = time.perf_counter() - sent
        other_done = pending.done()
        result = await pending
        assert hovered is not None and "head" in hovered.contents.value
        return hover_s, time.perf_counter() - sent, (other_done, result)

    hover_s, other_s, (other_first, result) = large.run(scenario(), timeout=120)
    print(
        f"\n{request_name}: hover answered in {hover_s * 1000:.0f} ms, the request in {other_s * 1000:.0f} ms"
    )
    assert result
    assert hover_s < HOVER_BOUND, (hover_s, other_s, other_first)


def test_an_outline_of_a_version_overtaken_by_an_edit_is_dropped_as_content_modified(large):
    """The outline's thread stops at its next look at the version; the client asks again."""
    from pygls.exceptions import JsonRpcException

    client, uri, text = large.client, large.uri, large.text
    head = text.index("<head>", len(text) // 3) + 2

    def edit() -> None:
        large.version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=large.version, uri=uri),
                [
                    types.TextDocumentContentChangePartial(
                        range=types.Range(at(text, head), at(text, head)), text=""
                    )
                ],
            )
        )

    async def scenario() -> BaseException | None:
        edit()
        pending = asyncio.ensure_future(
            client.text_document_document_symbol_async(
                types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
            )
        )
        await asyncio.sleep(0.05)
        edit()  # while the outline waits for its version's view
        try:
            await pending
        except JsonRpcException as error:
            return error.code
        return None

    assert large.run(scenario(), timeout=120) == types.LSPErrorCodes.ContentModified
