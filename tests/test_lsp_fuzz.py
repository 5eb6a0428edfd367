"""Fuzzing the language server: a few hundred random edits of shared samples, no crash, no hang."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from conftest import shared_path
from lsp_fuzz import fuzz_document
from lsp_harness import ServerSession
from lsprotocol import types

SAMPLES = (
    "escher__K_7408_von_Gunesch_Rudolf_an_Escher_1875-02-24.xml",
    "isicily__ISic000830.xml",
    "schnitzler-tagebuch__entry__1897-03-14.xml",
    "scdh-seed__personography.xml",
)
EDITS_PER_SAMPLE = 75


@pytest.fixture
def server(tmp_path):
    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            initialization_options={"debounce": 0.01},
        )
    )
    yield session
    session.close()


async def fuzz_samples(client, samples, folder) -> None:
    for seed, sample in enumerate(samples):
        copy = folder / sample.name
        copy.write_bytes(sample.read_bytes())
        uri = await fuzz_document(client, copy, EDITS_PER_SAMPLE, seed)
        client.diagnostics.pop(uri, None)
        # After a save the diagnostics of a version this late must come.
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        for _ in range(600):
            if uri in client.diagnostics:
                break
            await asyncio.sleep(0.1)
        assert uri in client.diagnostics, "no diagnostics within a minute: the server hangs"
        failures = [d for d in client.diagnostics[uri] if "could not validate" in d.message]
        assert not failures, failures[0].message
    symbols = await asyncio.wait_for(
        client.text_document_document_symbol_async(
            types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
        ),
        timeout=30,
    )
    assert symbols is not None
    errors = [m.message for m in client.log_messages if m.type == types.MessageType.Error]
    assert not errors, errors[:3]


@pytest.mark.slow
def test_random_edits_of_real_documents_never_crash_or_hang(server: ServerSession, tmp_path):
    samples = [shared_path("tei-samples", name) for name in SAMPLES]
    server.run(fuzz_samples(server.client, samples, tmp_path), timeout=600)
