"""Walking a folder for input files without losing any entry silently.

``Path.rglob`` and ``is_file()`` quietly drop what they cannot follow: a
symbolic link loop, a dangling link, a folder without read permission.  A
batch that drops a file says "all valid" about files it never read, so the
walk here yields an :class:`~tei_tools.errors.UnreadableEntryError` for each
such entry instead, in its place in the (sorted) listing; the command reports
it and exits 2, and the other files are still processed.
"""

from __future__ import annotations

import errno
import os
import stat
from fnmatch import fnmatchcase
from pathlib import Path

from tei_tools.errors import UnreadableEntryError

Entry = Path | UnreadableEntryError


def walk_files(folder: str | os.PathLike[str], pattern: str, *, recursive: bool) -> list[Entry]:
    """Files under ``folder`` whose name matches ``pattern``, and errors for entries that cannot be read.

    Symbolic links are followed (a linked file or folder counts as if it were
    there), but a link back to a folder being walked is a loop and reported.
    The result is sorted by path, errors in their place.

    >>> walk_files("/nonexistent-folder", "*.xml", recursive=True)[0].message
    'cannot list folder: no such file or directory'
    """
    root = Path(folder)
    found: list[Entry] = []
    identity = _identity(root)
    _walk(root, pattern, recursive, {identity} if identity else set(), found)
    return sorted(found, key=_sort_key)


def _sort_key(entry: Entry) -> Path:
    return Path(entry.file or "") if isinstance(entry, UnreadableEntryError) else entry


def _walk(folder: Path, pattern: str, recursive: bool, ancestors: set, found: list[Entry]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        found.append(UnreadableEntryError(f"cannot list folder: {_reason(exc)}", file=str(folder)))
        return
    for entry in entries:
        path = Path(entry.path)
        matches = fnmatchcase(entry.name, pattern)
        try:
            info = os.stat(path)  # follows links: ELOOP for a link loop, ENOENT when dangling
        except OSError as exc:
            if matches or (recursive and exc.errno == errno.ELOOP):
                found.append(UnreadableEntryError(_reason(exc), file=str(path)))
            continue
        if stat.S_ISDIR(info.st_mode):
            if not recursive:
                continue
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                found.append(
                    UnreadableEntryError(
                        "symbolic link loop: it leads back to a folder that contains it",
                        file=str(path),
                    )
                )
                continue
            _walk(path, pattern, recursive, ancestors | {identity}, found)
        elif matches:
            if stat.S_ISREG(info.st_mode):
                found.append(path)
            else:
                found.append(
                    UnreadableEntryError(
                        "not a regular file (a device, pipe or socket)", file=str(path)
                    )
                )


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link cannot be followed to a file"
    if exc.errno == errno.ENOENT:
        return (
            "no such file or directory"
            if not os.path.islink(exc.filename or "")
            else ("dangling symbolic link: its target does not exist")
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """A regular file's bytes, at most ``limit``: never a device, a pipe or a folder.

    Raises :class:`OSError` (the caller words it) for anything else.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(2, "not a regular file", str(p))
    with p.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(27, f"larger than {limit:,} bytes", str(p))
    return data
