"""Work in other processes: the one core count, pool workers that end with their parent, and
the one runner with time-outs (:func:`run_in_pool`) for every layer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Task = TypeVar("Task")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity mask, not the machine's count).

    >>> available_cores() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def start_worker(parent: int, inherited: tuple[int, ...] = ()) -> None:
    """Make a pool worker end with the process that started it.

    A build killed with SIGKILL cannot stop its workers; without this they
    live on, re-parented, each with its memory and a copy of the build's lock.
    The worker closes its copies of ``inherited`` descriptors (the lock), asks
    Linux to kill it when its parent dies (``PR_SET_PDEATHSIG``), and, on any
    system, watches its parent from a daemon thread.
    """
    import contextlib
    import signal
    import threading
    import time

    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the request took effect

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class WorkerTimeout(RuntimeError):
    """A task ran longer than its pool's time-out; its workers were stopped."""


class WorkerDied(RuntimeError):
    """A pool's worker process ended without a result (killed, out of memory, a crash)."""


def run_in_pool(
    start_pool: Callable[[], ProcessPoolExecutor],
    workers: int,
    function: Callable[[Task], Result],
    tasks: Iterable[Task],
    *,
    timeout: float | None = None,
    on_failure: Callable[[Task, BaseException], Result] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Generator[tuple[Task, Result], None, None]:
    """``(task, function(task))`` for each task, as the tasks finish, from a process pool.

    The one way tei-tools runs work in other processes (the build's process
    executor and the validator's forked shares).  At most ``workers`` tasks
    are in the pool at a time, so every submitted task is running and its
    time-out counts from when it started.  A task still running ``timeout``
    seconds after it started is stopped: the pool's workers are killed, the
    task fails with :class:`WorkerTimeout`, and the other tasks that were
    running go again, with those not yet started, to a fresh pool from
    ``start_pool``.  A worker that dies fails the tasks then running with
    :class:`WorkerDied`.  A failed task is ``on_failure(task, error)`` when
    given, else its error is raised.  ``meanwhile`` is the caller's own work,
    done once the first tasks are in the pool.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures.process import BrokenProcessPool

    waiting = list(tasks)
    waiting.reverse()  # popped from the end: first task first
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[Result], tuple[Task, float]] = {}
    try:
        while waiting or running:
            if pool is None:
                pool = start_pool()
            while waiting and len(running) < workers:
                task = waiting.pop()
                running[pool.submit(function, task)] = (task, time.monotonic())
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            left = None
            if timeout is not None:
                first = min(started for _, started in running.values())
                left = max(0.0, first + timeout - time.monotonic())
            done, _ = wait(list(running), timeout=left, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, _ = running.pop(future)
                try:
                    yield task, future.result()
                except BrokenProcessPool as exc:
                    broken = True
                    yield task, _failed(task, WorkerDied(f"a worker died: {exc}"), on_failure)
                except Exception as exc:
                    yield task, _failed(task, exc, on_failure)
            now = time.monotonic()
            late = [
                f for f, (_, started) in running.items() if timeout and now - started >= timeout
            ]
            if late or broken:
                kill_workers(pool)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                for future in late:
                    task, _ = running.pop(future)
                    error = WorkerTimeout(f"a task did not finish within {timeout} s")
                    yield task, _failed(task, error, on_failure)
                # The tasks the killing interrupted were not at fault: they go again.
                waiting.extend(task for task, _ in reversed(list(running.values())))
                running.clear()
    finally:
        if pool is not None:
            if running:
                kill_workers(pool)
            pool.shutdown(wait=True, cancel_futures=True)


def _failed(
    task: Task, error: BaseException, on_failure: Callable[[Task, BaseException], Result] | None
) -> Result:
    if on_failure is None:
        raise error
    return on_failure(task, error)


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now (hung or not), so that leaving the pool does not wait for them."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14+
    if kill is not None:
        kill()
        return
    # Earlier versions have no public way; the pool keeps its processes by pid.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()
