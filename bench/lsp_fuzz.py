"""A longer fuzz run of the language server than the test suite's: every shared sample, many edits.

Run: ``python bench/lsp_fuzz.py [--edits 200] [--max-kb 300]``.  The same random
edits and requests as ``tests/test_lsp_fuzz.py`` (``tests/lsp_fuzz.py``), sent
by pygls's client over stdio; prints per document the seconds taken and the
server's memory, and fails when a request errs or a document's diagnostics
never come.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from bench.lsp import server_rss_mb  # noqa: E402
from tests.lsp_fuzz import fuzz_document  # noqa: E402

SAMPLES = Path(os.environ.get("TEI_TOOLS_SHARED", REPO.parent / "shared")) / "tei-samples"


async def run(edits: int, max_kb: int) -> int:
    client = LanguageClient("tei-tools-fuzz", "1")
    published: set[str] = set()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.add(params.uri)

    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "TEI_TOOLS_CACHE_DIR": str(Path(folder) / "cache")}
        await client.start_io(sys.executable, "-m", "tei_tools", "lsp", env=env)
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=Path(folder).as_uri(),
                initialization_options={"debounce": 0.01},
            )
        )
        client.initialized(types.InitializedParams())
        samples = sorted(p for p in SAMPLES.glob("*.xml") if p.stat().st_size <= max_kb * 1024)
        failures = 0
        for seed, sample in enumerate(samples):
            copy = Path(folder) / sample.name
            copy.write_bytes(sample.read_bytes())
            started = time.perf_counter()
            uri = await fuzz_document(client, copy, edits, seed)
            published.discard(uri)
            client.text_document_did_save(
                types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
            )
            for _ in range(1200):
                if uri in published:
                    break
                await asyncio.sleep(0.05)
            ok = uri in published
            failures += not ok
            rss, peak = server_rss_mb()
            print(
                f"{sample.name}: {edits} edits, {time.perf_counter() - started:.1f} s, "
                f"{'ok' if ok else 'NO DIAGNOSTICS'}, server {rss:.0f} MB (peak {peak:.0f})",
                flush=True,
            )
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--max-kb", type=int, default=300)
    args = parser.parse_args()
    sys.exit(1 if asyncio.run(run(args.edits, args.max_kb)) else 0)


if __name__ == "__main__":
    main()
