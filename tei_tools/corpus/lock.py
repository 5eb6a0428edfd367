"""One build at a time per site folder: an advisory lock on a file in the site's state folder.

The lock is the kernel's (``flock`` on POSIX, ``msvcrt.locking`` on Windows),
not a file whose existence means "locked".  The kernel drops it when its
process ends however it ends, so a lock left by a killed build is simply
taken over, with no guessing whether a recorded process id is still alive or
has been reused.  The holder's process id is written into the file only so
that the refusal can name it.

The standard library suffices; the ``filelock`` package would add a
dependency and truncates the file on every attempt, which would erase the
holder's id that the message names.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tei_tools.errors import BusyError

LOCK_FILE = "build.lock"

#: Descriptors of the locks this process holds: a forked worker closes its copies
#: (see :func:`tei_tools.processes.start_worker`), so that a worker outliving a
#: killed build can never keep the site locked.
HELD: set[int] = set()


@contextmanager
def exclusive_lock(path: Path, *, what: str) -> Iterator[str | None]:
    """Hold an exclusive lock on ``path`` (created if needed), or stop at once.

    Raises :class:`~tei_tools.errors.BusyError` naming ``what`` and the
    process that holds the lock; never waits.  Yields the process id a
    build that ended without releasing it left in the file (a killed build),
    or None: the lock was taken over, and the caller may say so.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(handle):
            holder = _read_holder(handle)
            raise BusyError(
                f"another build{holder} is writing this folder; wait for it to finish "
                "(a lock left by a process that has ended is taken over by itself)",
                file=what,
            )
        left = _read_holder(handle).strip(" ()").removeprefix("process ") or None
        os.ftruncate(handle, 0)
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, f"{os.getpid()}\n".encode())
        HELD.add(handle)
        try:
            yield left
        finally:
            HELD.discard(handle)
            os.ftruncate(handle, 0)
            _unlock(handle)
    finally:
        os.close(handle)


def _read_holder(handle: int) -> str:
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        text = os.read(handle, 32).decode("ascii", "replace").strip()
    except OSError:  # Windows forbids reading a locked range
        return ""
    return f" (process {text})" if text.isdigit() else ""


try:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
