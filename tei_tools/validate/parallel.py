"""Spread a batch over the machine's cores with a forked process pool, after the documents are read.

Validating is CPU-bound C code (libxml2) that holds the GIL, so threads do not
help.  A pool started with the *fork* context after the documents are parsed
gives every worker those trees for free (copy-on-write); the work is then
named by index, and only the small :class:`FileReport` objects travel back.
``concurrent.futures`` does the process management (start, collect, notice a
worker that died); a share whose worker fails or overruns is handed to
``on_failure``, so one bad share never costs the batch its other results.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this much XML a second process costs more than it saves: each
#: process compiles its own grammar (~0.1 s), and libxml2 validates TEI at
#: roughly 20 MB/s.
MIN_PARALLEL_BYTES = 2_000_000
#: Seconds a worker's share may take before it is given up (reported, not waited for).
SHARE_TIMEOUT = 1800.0

# The work of the pool being run: set just before the pool forks, so that the
# workers inherit it (functions and parsed trees cannot be pickled cheaply).
_work: tuple[Callable, Sequence] | None = None


def default_workers(total_bytes: int) -> int:
    """How many processes a batch of ``total_bytes`` of XML is worth (1 = no pool)."""
    if not hasattr(os, "fork") or total_bytes < MIN_PARALLEL_BYTES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


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


def map_in_processes(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    workers: int,
    on_failure: Callable[[Item, BaseException], Result],
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to ``workers`` processes.

    The calling process computes one share itself while a forked pool
    computes the others.  When a worker raises, dies or overruns
    :data:`SHARE_TIMEOUT`, each item of its share gets ``on_failure(item, error)``.
    """
    global _work
    shares = split_by_weight(weights, workers) if workers > 1 and len(items) > 1 else []
    if len(shares) < 2 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    results: list[Result | None] = [None] * len(items)
    _work = (function, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
            futures = [(share, pool.submit(_run_share, share)) for share in shares[1:]]
            for index in shares[0]:
                results[index] = function(items[index])
            for share, future in futures:
                try:
                    values = future.result(timeout=SHARE_TIMEOUT)
                except (Exception, FutureTimeout) as error:  # a worker's failure is its share's
                    values = [on_failure(items[i], error) for i in share]
                for index, value in zip(share, values, strict=True):
                    results[index] = value
    finally:
        _work = None
    return results  # type: ignore[return-value]


def _run_share(share: list[int]) -> list:
    """In a worker: the results for the items at ``share`` of the inherited work."""
    assert _work is not None, "the pool must be started with the fork context"
    function, items = _work
    return [function(items[index]) for index in share]
