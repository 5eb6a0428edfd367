"""The language server's validation worker: checks run in a process of their own, and a check no longer wanted is ended."""

from __future__ import annotations

import os
import signal

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from tei_tools.lsp.worker import ValidationProcess

BAD = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><bad/></TEI>'


@pytest.fixture
def worker():
    process = ValidationProcess()
    yield process
    process.shutdown()


def check(worker: ValidationProcess, text: str, path, cancelled=lambda: False):
    return worker.check(
        text, path, schema=None, registers=(), extra_checks=True, cancelled=cancelled
    )


def test_the_worker_gives_the_diagnostics_of_an_in_process_check(worker, tmp_path):
    from tei_tools.lsp.diagnostics import check_text

    here = check_text(BAD, tmp_path / "a.xml")
    there = check(worker, BAD, tmp_path / "a.xml")
    assert there is not None and there.well_formed
    assert [d.message for d in there.diagnostics] == [d.message for d in here.diagnostics]
    assert [d.range for d in there.diagnostics] == [d.range for d in here.diagnostics]


def test_the_check_runs_in_another_process(worker, tmp_path):
    check(worker, BAD, tmp_path / "a.xml")
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    assert pid != os.getpid()


def test_a_check_no_longer_wanted_gives_none(worker, tmp_path):
    assert check(worker, BAD, tmp_path / "a.xml", cancelled=lambda: True) is None


def test_a_dead_worker_is_replaced_and_the_check_still_answers(worker, tmp_path):
    check(worker, BAD, tmp_path / "a.xml")
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    os.kill(pid, signal.SIGKILL)
    answers = [check(worker, BAD, tmp_path / "a.xml") for _ in range(2)]
    assert all(a is not None and a.diagnostics for a in answers)


def _faulty(divisions: int) -> str:
    """A document whose check takes seconds: a misspelt attribute in each of many divisions."""
    parts = "\n".join(
        f'<div n="{i}"><head>Part {i}</head><p tpye="x">{"word " * 20}</p></div>'
        for i in range(divisions)
    )
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>F'
        "</title></titleStmt><publicationStmt><p>T.</p></publicationStmt><sourceDesc><p>T.</p>"
        f"</sourceDesc></fileDesc></teiHeader><text><body>\n{parts}\n</body></text></TEI>\n"
    )


def test_a_check_dropped_while_under_way_is_ended_and_the_next_check_does_not_wait(
    worker, tmp_path
):
    import threading
    import time

    from tei_tools.lsp.worker import ABANDON_GRACE

    check(worker, BAD, tmp_path / "a.xml")  # the worker started and warm
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    wanted = threading.Event()
    wanted.set()
    long = threading.Thread(
        target=check,
        args=(worker, _faulty(12_000), tmp_path / "long.xml", lambda: not wanted.is_set()),
    )
    long.start()  # some 15 s of checking when left to finish (10.6 s for 10,000 divisions)
    time.sleep(1.0)
    wanted.clear()  # a newer version arrived
    long.join(5)
    assert not long.is_alive()
    started = time.perf_counter()
    answer = check(worker, BAD, tmp_path / "a.xml")
    took = time.perf_counter() - started
    print(f"\nthe next check answered in {took:.2f} s (grace {ABANDON_GRACE} s)")
    assert answer is not None and answer.diagnostics
    (new_pid,) = worker._pool._processes  # type: ignore[union-attr]
    assert new_pid != pid  # the old worker was ended, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert took < 6, took  # a new process and a small check (1.9 s); waiting: 10 s or more


def test_a_check_dropped_that_ends_within_its_grace_keeps_the_worker(worker, tmp_path):
    check(worker, BAD, tmp_path / "a.xml")
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    calls = iter([False])  # dropped at its first look, 50 ms in, while it runs (~0.2 s)
    dropped = check(worker, _faulty(250), tmp_path / "b.xml", cancelled=lambda: next(calls, True))
    assert dropped is None and worker._abandoned is not None
    assert check(worker, BAD, tmp_path / "a.xml") is not None
    assert list(worker._pool._processes) == [pid]  # type: ignore[union-attr]


async def _next_version_after_a_long_check(folder) -> tuple[float, list]:
    import asyncio
    import sys
    import time

    from lsp_harness import CACHE
    from lsprotocol import types
    from test_lsp_cancel import _Client

    client = _Client()
    env = {**os.environ, "TEI_TOOLS_CACHE_DIR": str(CACHE)}
    await client.start_io(sys.executable, "-m", "tei_tools", "lsp", env=env)
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounce": 0.02},
        )
    )
    client.initialized(types.InitializedParams())

    async def published(uri: str, version: int, timeout: float = 120) -> None:
        deadline = time.perf_counter() + timeout
        while not any(u == uri and v == version for u, v, _ in client.published):
            client.arrived.clear()
            await asyncio.wait_for(client.arrived.wait(), max(0.01, deadline - time.perf_counter()))

    uri = (folder / "long.xml").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 1, _faulty(3)))
    )
    await published(uri, 1)  # the worker and the grammar warm
    for version, text in ((2, _faulty(12_000)), (3, _faulty(4))):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        if version == 2:
            await asyncio.sleep(1.0)  # version 2's check (some 15 s) is under way
    changed = time.perf_counter()
    await published(uri, 3)
    took = time.perf_counter() - changed
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return took, [(v, n) for u, v, n in client.published if u == uri]


def test_a_long_check_under_way_does_not_delay_the_next_versions_diagnostics(tmp_path):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    pytest.importorskip("pytest_lsp")
    with ThreadPoolExecutor(1) as pool:  # its own loop: the session's may be running one
        took, published = pool.submit(
            asyncio.run, _next_version_after_a_long_check(tmp_path)
        ).result(timeout=180)
    print(f"\nversion 3's diagnostics {took:.2f} s after the edit, version 2's check under way")
    assert published == [(1, 3), (3, 4)], published
    assert took < 6, took  # a new worker and a small check (1.8 s); waiting: 9 s or more
