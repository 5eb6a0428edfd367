"""How many processes this machine lets tei-tools use: the one core count for every layer."""

from __future__ import annotations

import os


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
