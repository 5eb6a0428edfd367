"""validate/parallel.py: shares of a batch in a forked process pool, errors and timeouts included."""

from __future__ import annotations

import os
import time

import pytest

from tei_tools.validate.parallel import map_forked


class Unpicklable:
    """Stands for a parsed tree: workers must inherit it, not receive it pickled."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __reduce__(self):
        raise TypeError("not picklable")


def test_workers_inherit_unpicklable_items_and_results_keep_their_order():
    items = [Unpicklable(n) for n in range(6)]
    results = map_forked(lambda item: (item.value, os.getpid()), items, [1] * 6, 3)
    assert [value for value, _ in results] == list(range(6))
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and 2 <= len(pids) <= 3  # the caller's share, and forked ones


def test_an_exception_in_a_worker_is_raised_in_the_caller():
    def fail_on_three(n: int) -> int:
        if n == 3:
            raise ValueError("three")
        return n

    with pytest.raises(ValueError, match="three"):
        map_forked(fail_on_three, [1, 2, 3, 4], [1, 1, 5, 1], 2)  # 3 is the caller's share


def test_a_worker_that_dies_is_an_error_not_a_hang():
    def die_on_four(n: int) -> int:
        if n == 4:
            os._exit(3)
        return n

    with pytest.raises(RuntimeError, match="died"):
        map_forked(die_on_four, [1, 4], [5, 1], 2)


def test_a_share_that_takes_too_long_is_stopped():
    def sleep_on_two(n: int) -> int:
        if n == 2:
            time.sleep(60)
        return n

    started = time.monotonic()
    with pytest.raises(RuntimeError, match=r"within 0\.5 s"):
        map_forked(sleep_on_two, [1, 2], [5, 1], 2, timeout=0.5)
    assert time.monotonic() - started < 20
