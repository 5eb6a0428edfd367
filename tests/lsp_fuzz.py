"""Random edits of real TEI through the language server: shared by the test and bench/.

Each edit is sent as an incremental change with UTF-16 positions computed on
the text before it, as an editor sends them; between edits the client asks
for completion, hover, definition, references, code actions and the outline
at random places.  The server must answer every request and publish
diagnostics for the last version without crashing or hanging.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from lsprotocol import types

from tei_tools.lsp.text import LineIndex

SNIPPETS = [
    "<",
    ">",
    "</",
    "/>",
    '"',
    "'",
    "&",
    "&amp;",
    "&nope;",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    '<persName ref="per:',
    'xml:id="x"',
    ' ref="#',
    "\n",
    "Жук",
    "Ἀθῆναι",
    "𐌰",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?pi x?>",
    '<hi rend="it">x</hi>',
    " ",
    "\t",
    "ab",
    "=",
]
REQUESTS = ("completion", "hover", "definition", "references", "action", "symbols")


def random_edit(text: str, rng: random.Random) -> tuple[types.Range, str, str]:
    """One edit: (the range it replaces in ``text``, the new text, the text after it)."""
    index = LineIndex(text)
    start = rng.randrange(len(text) + 1)
    length = rng.choice([0, 0, 0, 1, 2, 5, 20]) if rng.random() < 0.6 else 0
    end = min(len(text), start + length)
    inserted = "" if length and rng.random() < 0.5 else rng.choice(SNIPPETS)
    edit = types.Range(types.Position(*index.position(start)), types.Position(*index.position(end)))
    return edit, inserted, text[:start] + inserted + text[end:]


async def ask_something(client, uri: str, text: str, rng: random.Random) -> None:
    """A random request at a random place; raises when the server answers with an error."""
    index = LineIndex(text)
    position = types.Position(*index.position(rng.randrange(len(text) + 1)))
    document = types.TextDocumentIdentifier(uri)
    kind = rng.choice(REQUESTS)
    if kind == "completion":
        request = client.text_document_completion_async(types.CompletionParams(document, position))
    elif kind == "hover":
        request = client.text_document_hover_async(types.HoverParams(document, position))
    elif kind == "definition":
        request = client.text_document_definition_async(types.DefinitionParams(document, position))
    elif kind == "references":
        request = client.text_document_references_async(
            types.ReferenceParams(
                text_document=document,
                position=position,
                context=types.ReferenceContext(include_declaration=True),
            )
        )
    elif kind == "action":
        request = client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=document,
                range=types.Range(position, position),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
    else:
        request = client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    await asyncio.wait_for(request, timeout=30)


async def fuzz_document(client, path: Path, edits: int, seed: int, *, pause: float = 0.0) -> str:
    """Open ``path``'s text under a fresh URI, apply random edits; returns the final text."""
    rng = random.Random(seed)
    text = path.read_text(encoding="utf-8")
    uri = path.with_name(f"fuzz-{seed}-{path.name}").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, text))
    )
    for version in range(2, edits + 2):
        edit, inserted, text = random_edit(text, rng)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangePartial(range=edit, text=inserted)],
            )
        )
        if rng.random() < 0.25:
            await ask_something(client, uri, text, rng)
        if pause:
            await asyncio.sleep(pause)
    return uri
