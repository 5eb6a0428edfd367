"""Spread a batch over the machine's cores: a process pool forked after the grammar is compiled.

Validating is CPU-bound C code (libxml2) that holds the GIL, so threads do not
help; a process pool that re-imports and re-compiles tei_all per worker costs
more than it saves.  Forking *after* the documents are parsed and the shared
grammar is compiled gives each worker both for free (copy-on-write), so the
only extra cost is sending the small :class:`FileReport` objects back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from tei_tools.processes import available_cores

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this much XML a second process costs more than it saves: each
#: process compiles its own grammar (~0.1 s), and libxml2 validates TEI at
#: roughly 20 MB/s.
MIN_PARALLEL_BYTES = 2_000_000


def default_workers(total_bytes: int) -> int:
    """How many processes a batch of ``total_bytes`` of XML is worth (1 = no fork)."""
    if not hasattr(os, "fork") or total_bytes < MIN_PARALLEL_BYTES:
        return 1
    return max(1, min(available_cores(), 4))


def split_by_weight(weights: Sequence[int], parts: int) -> list[list[int]]:
    """Indices grouped into ``parts`` groups of similar total weight (largest first, greedy).

    >>> split_by_weight([5, 1, 1, 3], 2)
    [[0], [3, 1, 2]]
    """
    groups: list[list[int]] = [[] for _ in range(parts)]
    totals = [0] * parts
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        lightest = totals.index(min(totals))
        groups[lightest].append(index)
        totals[lightest] += weights[index]
    return [group for group in groups if group]


def map_forked(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    workers: int,
    *,
    timeout: float | None = None,
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to ``workers`` processes.

    The calling process does one share itself; the other shares run in a
    :class:`~concurrent.futures.ProcessPoolExecutor` whose workers are forked
    after ``function`` and ``items`` exist, so they inherit both (copy-on-write)
    and only share indices and results are pickled.  An exception in a worker
    is raised again in the caller, so errors behave as if nothing had been
    forked; a worker that dies, or a share not done within ``timeout`` seconds,
    is an error too.
    """
    groups = split_by_weight(weights, workers) if workers > 1 and len(items) > 1 else []
    if len(groups) < 2:
        return [function(item) for item in items]
    results: list[Result | None] = [None] * len(items)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        len(groups) - 1, mp_context=context, initializer=_inherit, initargs=(function, items)
    ) as pool:
        futures = [pool.submit(_run_share, group) for group in groups[1:]]
        for index in groups[0]:
            results[index] = function(items[index])
        try:
            for group, future in zip(groups[1:], futures, strict=True):
                for index, value in zip(group, future.result(timeout=timeout), strict=True):
                    results[index] = value
        except BrokenProcessPool as exc:
            raise RuntimeError(f"a validation worker died: {exc}") from None
        except FuturesTimeout:
            _kill_workers(pool)
            raise RuntimeError(f"validation workers did not finish within {timeout} s") from None
    return results  # type: ignore[return-value]


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop hung workers, so that leaving the pool does not wait for them."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14+
    if kill is not None:
        kill()
        return
    # Earlier versions have no public way; the pool keeps its processes by pid.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()


#: Set in each forked worker only (by the pool's initializer), never in the caller.
_inherited: tuple[Callable, Sequence] | None = None


def _inherit(function: Callable[[Item], Result], items: Sequence[Item]) -> None:
    # With the fork start method, initargs reach the worker by inheritance, not by pickle.
    global _inherited
    _inherited = (function, items)


def _run_share(indices: list[int]) -> list:
    assert _inherited is not None, "not in a worker forked by map_forked"
    function, items = _inherited
    return [function(items[index]) for index in indices]
