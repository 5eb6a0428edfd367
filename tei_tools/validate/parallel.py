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
from typing import TypeVar

from tei_tools.processes import available_cores, run_in_pool

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


def split_in_order(weights: Sequence[int], parts: int) -> list[list[int]]:
    """Indices cut into up to ``parts`` runs of consecutive indices, of similar total weight.

    Each run ends at the index whose running total comes nearest its share of the whole.

    >>> split_in_order([5, 1, 1, 3], 2)
    [[0], [1, 2, 3]]
    >>> split_in_order([1, 1, 1, 1], 2)
    [[0, 1], [2, 3]]
    """
    total = sum(weights)
    runs: list[list[int]] = [[]]
    running = 0
    for index, weight in enumerate(weights):
        goal = total * len(runs) / parts
        if runs[-1] and len(runs) < parts and abs(running - goal) <= abs(running + weight - goal):
            runs.append([])
        runs[-1].append(index)
        running += weight
    return runs


def map_forked(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    workers: int,
    *,
    timeout: float | None = None,
    on_failure: Callable[[Item, BaseException], Result] | None = None,
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to ``workers`` processes.

    The calling process does one share itself; the other shares run in a
    :class:`~concurrent.futures.ProcessPoolExecutor` whose workers are forked
    after ``function`` and ``items`` exist, so they inherit both (copy-on-write)
    and only share indices and results are pickled.  An exception in a worker
    is raised again in the caller, so errors behave as if nothing had been
    forked; a worker that dies, or a share not done within ``timeout`` seconds,
    is an error too (the shared runner's, :func:`tei_tools.processes.run_in_pool`).  With ``on_failure``, a share that fails in a worker is
    not an error: each of its items gets ``on_failure(item, error)`` instead,
    so one bad share never costs a batch the other shares' results.
    """
    groups = split_by_weight(weights, workers) if workers > 1 and len(items) > 1 else []
    if len(groups) < 2:
        return [function(item) for item in items]
    results: list[Result | None] = [None] * len(items)
    context = multiprocessing.get_context("fork")

    def start_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            len(groups) - 1, mp_context=context, initializer=_inherit, initargs=(function, items)
        )

    def own_share() -> None:
        for index in groups[0]:
            results[index] = function(items[index])

    def failed_share(group: list[int], error: BaseException) -> list[Result]:
        if on_failure is None:
            raise error
        return [on_failure(items[index], error) for index in group]

    shares = run_in_pool(
        start_pool,
        len(groups) - 1,
        _run_share,
        groups[1:],
        timeout=timeout,
        on_failure=failed_share,
        meanwhile=own_share,
    )
    for group, values in shares:
        for index, value in zip(group, values, strict=True):
            results[index] = value
    return results  # type: ignore[return-value]


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
