"""A language server driven from plain (synchronous) pytest tests.

The client is pytest-lsp's (it records diagnostics and checks the server's
messages against the specification), but it runs on an event loop of its own
in a background thread: the test session may already have a running loop in
the main thread (Playwright's sync API keeps one while the session-wide
browser is open), and pytest-asyncio cannot start a second one there.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp.client import LanguageClient, make_test_lsp_client

SERVER = [sys.executable, "-m", "tei_tools", "lsp"]
CACHE = Path(os.environ.get("TEI_TOOLS_TEST_CACHE", "/tmp")) / "tei-tools-lsp-test-cache"


class ServerSession:
    """``tei-tools lsp`` in a subprocess, a client talking to it over stdio, and their loop."""

    def __init__(self, params: types.InitializeParams) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client: LanguageClient = self.run(self._start(params))

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 180) -> Any:
        """Run ``coroutine`` on the session's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start(self, params: types.InitializeParams) -> LanguageClient:
        client = make_test_lsp_client()
        env = {**os.environ, "TEI_TOOLS_CACHE_DIR": str(CACHE)}
        await client.start_io(*SERVER, env=env)
        self.initialized = await client.initialize_session(params)
        return client

    def close(self) -> None:
        async def stop() -> None:
            await self.client.shutdown_session()
            await self.client.stop()

        try:
            self.run(stop(), timeout=60)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)


def driven(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Turn ``async def test_x(client)`` into a plain test run on the ``server`` fixture's loop."""

    def run(server: ServerSession) -> None:
        server.run(test(server.client))

    run.__name__ = test.__name__
    run.__doc__ = test.__doc__
    return run
