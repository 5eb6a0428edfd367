"""Spread a batch over the machine's cores by forking, after the grammar is compiled.

Validating is CPU-bound C code (libxml2) that holds the GIL, so threads do not
help; a process pool that re-imports and re-compiles tei_all per worker costs
more than it saves.  Forking *after* the documents are parsed and the shared
grammar is compiled gives each worker both for free (copy-on-write), so the
only extra cost is sending the small :class:`FileReport` objects back.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

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


def map_forked(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    workers: int,
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to ``workers`` processes.

    The calling process does one share itself; every other share runs in a
    forked child that pickles its results back through a pipe.  An exception
    in a child is raised again in the caller, so errors behave as if nothing
    had been forked.
    """
    groups = split_by_weight(weights, workers) if workers > 1 and len(items) > 1 else []
    if len(groups) < 2:
        return [function(item) for item in items]
    children = [_fork_worker(function, [items[i] for i in group]) for group in groups[1:]]
    results: list[Result | None] = [None] * len(items)
    for index in groups[0]:
        results[index] = function(items[index])
    for group, (pid, reader) in zip(groups[1:], children, strict=True):
        for index, value in zip(group, _collect(pid, reader), strict=True):
            results[index] = value
    return results  # type: ignore[return-value]


def _fork_worker(function: Callable[[Item], Result], share: list[Item]) -> tuple[int, int]:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's clean-up
        status = 0
        try:
            os.close(reader)
            try:
                payload = pickle.dumps(("ok", [function(item) for item in share]))
            except BaseException as exc:  # sent back and raised again in the parent
                payload = pickle.dumps(("error", exc))
            with os.fdopen(writer, "wb") as stream:
                stream.write(payload)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader


def _collect(pid: int, reader: int) -> list:
    with os.fdopen(reader, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        raise RuntimeError(f"validation worker {pid} died (status {status})")
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise value
    return value
