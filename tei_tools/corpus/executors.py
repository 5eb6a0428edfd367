"""Where the per-document work runs: this process, a process pool, or a Dask cluster.

Every executor offers one operation, :meth:`map_unordered`: apply a
picklable function to batches and yield the results as they finish, so the
build can write files and move its progress bar while work continues.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any, Protocol

from tei_tools.errors import MissingExtraError, UsageError
from tei_tools.processes import available_cores

EXECUTORS = ("process", "dask")


class Executor(Protocol):
    def map_unordered(
        self, function: Callable[[Any], Any], batches: Iterable[Any]
    ) -> Iterator[Any]: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """The cores this process may use (not the machine's, under a CPU affinity mask)."""
    return available_cores()


class SerialExecutor:
    """Runs everything in this process: for one job, and for tests and debugging."""

    def map_unordered(self, function, batches):
        for batch in batches:
            yield function(batch)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A ``concurrent.futures`` process pool with ``jobs`` workers, run by the shared runner.

    A batch still running ``timeout`` seconds after it started is stopped and
    becomes ``on_failure(batch, error)`` (see :func:`tei_tools.processes.run_in_pool`);
    without ``on_failure`` its error is raised.
    """

    def __init__(
        self,
        jobs: int,
        *,
        timeout: float | None = None,
        on_failure: Callable[[Any, BaseException], Any] | None = None,
    ) -> None:
        self.jobs = jobs
        self.timeout = timeout
        self.on_failure = on_failure
        self._runs: list[Generator[Any, None, None]] = []

    def _start_pool(self):
        import os
        from concurrent.futures import ProcessPoolExecutor

        from tei_tools.corpus.lock import HELD
        from tei_tools.processes import start_worker

        return ProcessPoolExecutor(
            max_workers=self.jobs, initializer=start_worker, initargs=(os.getpid(), tuple(HELD))
        )

    def map_unordered(self, function, batches):
        from tei_tools.processes import run_in_pool

        run = run_in_pool(
            self._start_pool,
            self.jobs,
            function,
            batches,
            timeout=self.timeout,
            on_failure=self.on_failure,
        )
        self._runs.append(run)
        for _, result in run:
            yield result

    def close(self) -> None:
        # A run left unfinished (the build stopped early) stops its workers and its pool.
        for run in self._runs:
            run.close()
        self._runs.clear()


class DaskExecutor:
    """Runs batches on a Dask cluster: an existing one at ``scheduler``, or a local one.

    The workers need tei-tools installed; tasks carry the documents' bytes, so
    they need no access to the collection folder (except ``tei/`` files with
    relative ``xml-model`` schemas, which are validated where they lie).
    """

    def __init__(self, scheduler: str | None, jobs: int) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise MissingExtraError("the Dask executor", "dask", "distributed") from None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
            self.cluster = None
        else:
            from distributed import LocalCluster

            self.cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster, set_as_default=False)

    def map_unordered(self, function, batches):
        # Results are collected in submission order: ``distributed.as_completed``
        # needs a default client, and this one is kept private so that a build
        # never changes the caller's Dask set-up.  All tasks run concurrently
        # either way; only the order in which results are reported differs.
        futures = self.client.map(function, list(batches), pure=False)
        for future in futures:
            yield future.result()
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def require_executor(kind: str) -> None:
    """Stop before any work when ``kind`` needs an extra that is not installed."""
    if kind == "dask":
        MissingExtraError.unless_importable("distributed", "the Dask executor", "dask")


def make_executor(
    kind: str = "process",
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    timeout: float | None = None,
    on_failure: Callable[[Any, BaseException], Any] | None = None,
) -> Executor:
    """The executor named ``kind`` (``process`` or ``dask``).

    ``jobs`` defaults to the available cores; one job runs in this process.
    ``timeout`` and ``on_failure`` are the process pool's (a batch run in this
    process cannot be stopped from outside it).
    """
    if kind not in EXECUTORS:
        raise UsageError(f"unknown executor {kind!r}; use one of {', '.join(EXECUTORS)}")
    jobs = jobs or default_jobs()
    if kind == "dask":
        return DaskExecutor(scheduler, jobs)
    if scheduler:
        raise UsageError("--scheduler needs --executor dask")
    if jobs == 1:
        return SerialExecutor()
    return ProcessExecutor(jobs, timeout=timeout, on_failure=on_failure)
