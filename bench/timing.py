"""The one timing helper the benchmark scripts share."""

from __future__ import annotations

import statistics
import time


def median_seconds(action, runs: int, clock=time.perf_counter) -> float:
    """Median time of ``runs`` calls; ``clock=time.process_time`` for this process's CPU time
    (steadier than wall time on a machine shared with other jobs)."""
    times = []
    for _ in range(runs):
        start = clock()
        action()
        times.append(clock() - start)
    return statistics.median(times)
