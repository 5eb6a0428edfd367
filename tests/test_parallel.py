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


def _sleep_on_two(batch: list[int]) -> list[int]:
    # Module level: the build's process pool pickles its function.
    if 2 in tuple(batch):
        time.sleep(60)
    return [n * 10 for n in batch]


def test_the_builds_process_pool_stops_a_batch_that_hangs_and_finishes_the_others():
    from tei_tools.corpus.executors import make_executor

    runner = make_executor(
        "process", jobs=2, timeout=1.0, on_failure=lambda batch, error: [("failed", str(error))]
    )
    started = time.monotonic()
    try:
        results = list(runner.map_unordered(_sleep_on_two, [[1], [2], [3], [4]]))
    finally:
        runner.close()
    assert time.monotonic() - started < 20
    assert sorted(
        r for r in results if r != [("failed", "a task did not finish within 1.0 s")]
    ) == [
        [10],
        [30],
        [40],
    ]
    assert [("failed", "a task did not finish within 1.0 s")] in results


def _sleepy(task: tuple[int, float, str]) -> int:
    number, seconds, folder = task
    with open(os.path.join(folder, "starts"), "a") as starts:
        starts.write(f"{number}\n")
    time.sleep(seconds)
    return number


def test_a_task_stopped_with_its_hung_neighbour_runs_again(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    from tei_tools.processes import WorkerTimeout, run_in_pool

    folder = str(tmp_path)
    # 1 hangs from the start; 3 starts when 2 is done and is still running when 1 is stopped.
    tasks = [(1, 60.0, folder), (2, 1.0, folder), (3, 1.5, folder)]
    failures = []
    done = dict(
        run_in_pool(
            lambda: ProcessPoolExecutor(2),
            2,
            _sleepy,
            tasks,
            timeout=2.0,
            on_failure=lambda task, error: failures.append((task[0], type(error))) or 0,
        )
    )
    assert failures == [(1, WorkerTimeout)]
    assert {task[0]: value for task, value in done.items()} == {1: 0, 2: 2, 3: 3}
    assert (tmp_path / "starts").read_text().split().count("3") == 2
