"""Validation in a process of its own, so that a long check never holds the server's interpreter.

A thread is not enough: lxml keeps Python's lock while libxml2 validates, and the
repairing pass that lists every fault is Python, so a hover sent during the first
check of a 3 MB file waited for it.  The worker is one long-lived process (started
with ``spawn``: the server has threads, which ``fork`` would copy half-held), which
keeps its compiled grammars and the workspace's register targets between checks.

The standard library's :class:`~concurrent.futures.ProcessPoolExecutor` runs it: a
dead worker surfaces as ``BrokenProcessPool``, after which the next check starts a
new one.  Where processes cannot be started at all, the check runs in the caller's
thread, as before.

A check no longer wanted (a newer version arrived) is dropped at once when it has
not begun.  One under way cannot be interrupted inside libxml2, so the next check
gives it :data:`ABANDON_GRACE` seconds to end by itself and then ends the worker
process, and runs in a new one: starting a process costs about a second, a large
document's check can cost tens of seconds, and with one worker the next version's
diagnostics would wait behind it.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tei_tools.lsp.diagnostics import Checked

log = logging.getLogger(__name__)

#: How often a caller waiting for the worker asks whether its check is still wanted.
_LOOK_EVERY = 0.05
#: Seconds a check no longer wanted may run on before its process is ended for the next check.
ABANDON_GRACE = 0.5

# --- in the worker process -------------------------------------------------------------

_targets: dict[tuple, object] = {}


def _check(
    text: str,
    path: Path,
    schema: Path | None,
    registers: tuple[Path, ...],
    extra_checks: bool,
    generation: int,
) -> Checked | None:
    """:func:`~tei_tools.lsp.diagnostics.check_text`, register targets kept per generation.

    The problems are placed on their tags here too: scanning a large buffer's tags is
    Python as well, and would otherwise hold the server's lock after the validation.
    """
    from tei_tools.lsp.diagnostics import check_text
    from tei_tools.validate.pointers import PointerTargets

    key = (registers, generation)
    targets = _targets.get(key)
    if targets is None:
        _targets.clear()  # a file changed on disk: the old targets are stale
        targets = _targets[key] = PointerTargets(registers)
    return check_text(
        text, path, schema=schema, registers=registers, targets=targets, extra_checks=extra_checks
    )


# --- in the server ---------------------------------------------------------------------


class ValidationProcess:
    """The server's validation worker: ``check`` blocks its (thread) caller, not the server."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        #: Bumped when files change on disk, so that the worker reads registers again.
        self.generation = 0
        self._unavailable = False
        #: A check under way that is no longer wanted: its pool, future and when it was dropped.
        self._abandoned: tuple[ProcessPoolExecutor, Future, float] | None = None

    def check(
        self,
        text: str,
        path: Path,
        *,
        schema: Path | None,
        registers: tuple[Path, ...],
        extra_checks: bool,
        cancelled: Callable[[], bool],
    ) -> Checked | None:
        """The diagnostics, or None once ``cancelled`` says the check is no longer wanted."""
        if cancelled():
            return None
        self._end_abandoned()
        args = (text, path, schema, registers, extra_checks, self.generation)
        pool = self._ensure()
        if pool is None:
            return _check(*args)
        try:
            future: Future = pool.submit(_check, *args)
        except (BrokenExecutor, RuntimeError):
            self._discard(pool)
            return _check(*args)
        while True:
            try:
                return future.result(timeout=_LOOK_EVERY)
            except FutureTimeout:
                if cancelled():
                    if not future.cancel():  # under way: ended before the next check if need be
                        self._abandoned = (pool, future, time.monotonic())
                    return None
            except BrokenExecutor:
                log.warning("the validation worker died; a new one starts with the next check")
                self._discard(pool)
                return _check(*args)

    def _end_abandoned(self) -> None:
        """End the worker process if a check no longer wanted still runs past its grace."""
        abandoned, self._abandoned = self._abandoned, None
        if abandoned is None:
            return
        pool, future, dropped = abandoned
        try:
            future.result(timeout=max(0.0, dropped + ABANDON_GRACE - time.monotonic()))
            return  # it ended by itself: the worker is free
        except FutureTimeout:
            pass
        except Exception:  # it failed, or the worker died: nothing left to end
            return
        log.info("ending the validation worker: a check no longer wanted still runs")
        self._end(pool)

    def _end(self, pool: ProcessPoolExecutor) -> None:
        """Kill the pool's worker process (the executor has no way to stop a running call)."""
        # Taken before the shutdown, which forgets them.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        self._discard(pool)
        for process in processes:
            process.join(1)  # reaped, not left a zombie

    def _ensure(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._pool is None and not self._unavailable:
                try:
                    context = multiprocessing.get_context("spawn")
                    self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
                except (OSError, ValueError, NotImplementedError) as error:
                    log.warning("no validation process (%s): validating in a thread", error)
                    self._unavailable = True
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        """Stop the worker, a check under way included (an exiting server must not wait for it)."""
        with self._lock:
            pool, self._pool = self._pool, None
        self._abandoned = None
        if pool is not None:
            self._end(pool)


__all__ = ["ValidationProcess"]
