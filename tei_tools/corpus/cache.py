"""The build cache: what was built from which bytes, so a rebuild redoes only what changed.

A document's *key* is a hash of its input bytes, the tei-tools version, the
cache format and the collection's settings (profile, registers and their
contents).  The cache is one JSON manifest that keeps, per document, its key,
its result record (summary and problems) and the site files it produced,
and for the whole site the hash of every file written.  The site itself is
the store of outputs: a document whose key is unchanged and whose files are
all still there is not built again, and a file whose bytes are unchanged is
not written again.  A rebuild with nothing changed therefore reads the
inputs, hashes them, loads one manifest and stops.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from tei_tools.version import __version__
from tei_tools.xml import write_atomic

#: Bump when the manifest's shape or what a document produces changes.
CACHE_FORMAT = 3
MANIFEST = "manifest.json"
DEFAULT_CACHE_DIR = ".tei-tools-cache"


def document_key(data: bytes, settings_fingerprint: str, kind: str) -> str:
    """The content hash a document's outputs depend on.

    >>> document_key(b"x", "s", "source") == document_key(b"x", "s", "source")
    True
    """
    digest = hashlib.sha256()
    for part in (__version__, str(CACHE_FORMAT), settings_fingerprint, kind):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


JOURNAL = "written.journal"


class Journal:
    """The files a build writes, recorded one line at a time as it writes them.

    The manifest is saved when a build ends; a build killed before that would
    leave its files unknown to the next, which would refuse them as "not
    written by tei-tools".  Each line (path, tab, digest) is written with one
    ``write`` before the file itself, so it survives the process being killed;
    the next build reads the lines as files of its own, and a build that saves
    its manifest removes the journal.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL
        #: What an interrupted build recorded: site-relative path -> digest.
        self.earlier: dict[str, str] = {}
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        for line in text.splitlines():
            name, sep, digest = line.partition("\t")
            if sep and digest:
                self.earlier[name] = digest
        self._handle: int | None = None

    def record(self, name: str, digest: str) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.write(self._handle, f"{name}\t{digest}\n".encode())

    def close(self, *, done: bool) -> None:
        """Stop recording; ``done``: the manifest now holds every file, so forget the lines."""
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
        if done:
            self.path.unlink(missing_ok=True)
            self.earlier = {}


@dataclass
class BuildCache:
    """The manifest of the previous build, and the one being written."""

    folder: Path
    #: stem -> {"key", "record", "files"}
    documents: dict[str, dict] = field(default_factory=dict)
    #: site-relative path -> content digest, for every file the site holds
    files: dict[str, str] = field(default_factory=dict)
    #: digest of everything the collection pages are built from
    pages_key: str = ""
    journal: Journal | None = None

    def __post_init__(self) -> None:
        if self.journal is None:
            self.journal = Journal(self.folder)

    @classmethod
    def load(cls, folder: Path) -> BuildCache:
        """The previous manifest, or an empty cache when there is none or it is unusable."""
        path = folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder)
        if data.get("format") != CACHE_FORMAT or data.get("version") != __version__:
            return cls(folder)
        return cls(
            folder, data.get("documents", {}), data.get("files", {}), data.get("pages_key", "")
        )

    def save(self) -> None:
        """Write the manifest atomically (a crash leaves the previous one), then drop the journal."""
        payload = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "pages_key": self.pages_key,
            "documents": self.documents,
            "files": self.files,
        }
        write_atomic(
            self.folder / MANIFEST, json.dumps(payload, sort_keys=True, separators=(",", ":"))
        )
        if self.journal is not None:
            self.journal.close(done=True)

    def hit(self, stem: str, key: str, site: Path) -> dict | None:
        """The cached record of a document whose key matches and whose files all exist, as written."""
        cached = self.documents.get(stem)
        if cached is None or cached.get("key") != key:
            return None
        # A file the last build could not write (a conflict) is not in ``files``:
        # the document is built again, so that ``--force`` can write it.
        if not all(
            name in self.files and (site / name).is_file() for name in cached.get("files", ())
        ):
            return None
        return cached
