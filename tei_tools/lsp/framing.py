"""The language server's message loop, strict about the base protocol's framing.

pygls's own loop waits for a ``Content-Length`` header that may never come:
a message without one, with a length that is not a number, or with a length
longer than the body leaves the server alive but deaf for ever.  This loop
reads bytes itself and ends the server with one logged line on any framing
error, so a client always sees the server answer or exit, never hang:

- a header block must end within :data:`HEADER_LIMIT` bytes and carry one
  ``Content-Length`` that is a non-negative integer;
- the body must arrive within :data:`BODY_SECONDS` once its header has, and
  be one JSON value (a length too short leaves broken JSON);
- input that cannot start a header (a body without one) is an error at once.

Written here because pygls exposes no hook for framing errors; the protocol
object and its message handling are pygls's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from typing import Any, BinaryIO

#: The longest header block accepted (the protocol defines two short headers).
HEADER_LIMIT = 8192
#: How long the rest of a message may take once its first bytes arrived.
BODY_SECONDS = 10.0
#: The largest message accepted (a 3 MB document sent whole is well inside it).
BODY_LIMIT = 256 * 1024 * 1024

_LENGTH = re.compile(rb"^Content-Length:[ \t]*(-?\S*)[ \t]*$", re.IGNORECASE)
_HEADER_NAME = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:")
_NAME_SO_FAR = re.compile(rb"[A-Za-z][A-Za-z0-9-]*")

logger = logging.getLogger(__name__)


class FramingError(Exception):
    """The client's bytes do not follow the base protocol's framing."""


class ByteReader:
    """Reads standard input in chunks on a daemon thread, handing them to the event loop.

    A daemon thread rather than the loop's executor: a read blocked on a
    client that keeps its end open must not keep the process alive after
    ``exit``.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.fd = stream.fileno()
        self.buffer = b""
        self.chunks: asyncio.Queue[bytes] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        def pump() -> None:
            while True:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                loop.call_soon_threadsafe(self.chunks.put_nowait, chunk)
                if not chunk:
                    return

        threading.Thread(target=pump, name="lsp-stdin", daemon=True).start()

    async def more(self, timeout: float | None) -> bool:
        """Wait for one more chunk; False at end of input."""
        try:
            chunk = await asyncio.wait_for(self.chunks.get(), timeout)
        except asyncio.TimeoutError:
            raise FramingError(f"a message stopped mid-way for {timeout:.0f} s") from None
        if not chunk:
            return False
        self.buffer += chunk
        return True

    async def header(self) -> list[bytes] | None:
        """The next header block's lines, or None at the end of input between messages."""
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                block, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
                return block.split(b"\r\n")
            self._check_partial_header()
            if not await self.more(BODY_SECONDS if self.buffer else None):
                if self.buffer.strip():
                    raise FramingError("the input ended inside a message header")
                return None

    def _check_partial_header(self) -> None:
        """Fail at once on bytes that cannot begin a header (a body sent without one)."""
        if len(self.buffer) > HEADER_LIMIT:
            raise FramingError(f"no end of header within {HEADER_LIMIT} bytes")
        head = self.buffer.lstrip(b"\r\n")
        if not head:
            return
        line = head.split(b"\r\n", 1)[0]
        if _HEADER_NAME.match(line):
            return
        if len(line) >= 64 or b"\r\n" in head or not _NAME_SO_FAR.fullmatch(line):
            raise FramingError("a message without a header (Content-Length is required)")

    async def body(self, length: int) -> bytes:
        while len(self.buffer) < length:
            if not await self.more(BODY_SECONDS):
                raise FramingError(
                    f"the input ended {length - len(self.buffer)} byte(s) short of Content-Length"
                )
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return body


def content_length(lines: list[bytes]) -> int:
    """The one valid ``Content-Length`` of a header block; FramingError otherwise."""
    found = [m.group(1) for m in (_LENGTH.match(line) for line in lines) if m]
    if not found:
        raise FramingError("a message header without Content-Length")
    if len(found) > 1:
        raise FramingError("a message header with two Content-Length lines")
    value = found[0]
    if not value.isdigit():
        raise FramingError(f"Content-Length {value.decode('latin-1')!r} is not a byte count")
    length = int(value)
    if length > BODY_LIMIT:
        raise FramingError(f"Content-Length {length} is over the limit of {BODY_LIMIT}")
    return length


async def serve_messages(
    stream: BinaryIO,
    handle: Callable[[Any], None],
    structure: Callable[[dict], Any],
    stop: threading.Event,
) -> str | None:
    """Read and hand on messages until the end of input or ``stop``.

    Returns None at a clean end, or the framing error that ended it.
    """
    reader = ByteReader(stream)
    while not stop.is_set():
        try:
            lines = await reader.header()
            if lines is None:
                return None
            length = content_length(lines)
            body = await reader.body(length)
            try:
                message = json.loads(body, object_hook=structure)
            except ValueError as exc:  # json.JSONDecodeError, or bytes that are not UTF-8
                raise FramingError(
                    f"a body of {length} byte(s) that is not JSON ({exc}): a wrong Content-Length?"
                ) from None
        except FramingError as exc:
            logger.error("tei-tools lsp: framing error: %s; exiting", exc)
            return str(exc)
        started = time.perf_counter()
        handle(message)
        _log_message(message, length, time.perf_counter() - started)
        # An async handler (most requests) starts as a task; let it take its first step,
        # which reads the version it was sent for, before the next message (an edit
        # already in the buffer) changes the document under it.
        await asyncio.sleep(0)
    return None


def _log_message(message: Any, length: int, seconds: float) -> None:
    """One line per message: its method, id, size and the time its handler took to dispatch."""
    if not logger.isEnabledFor(logging.INFO):
        return
    method = getattr(message, "method", None) or "response"
    ident = getattr(message, "id", None)
    logger.info(
        "%s%s: %d bytes, %.1f ms",
        method,
        f" #{ident}" if ident is not None else "",
        length,
        seconds * 1000,
    )
    logger.debug("payload: %s", message)
