"""Decisions as data: one TOML file per document in ``CORPUS/review/``.

An editor's decisions outlive every conversion, so they are kept as text an
editor can read, a reviewer can diff and git can merge: one ``[[decision]]``
table per decision, oldest first, each with the quoted text and context that
anchor it (:mod:`tei_tools.markup.decisions.anchors`), the action, who took it and
when.  The file carries its format name and a version number; a reader
refuses versions it does not know.

::

    format = "tei-tools-review-decisions"
    version = 1
    document = "1918-03-05_note-to-robins"

    [[decision]]
    id = "d-5f1c0a9e2b"
    action = "link"
    text = "Shcherbachev"
    before = "the Commander-in-Chief on the Rumanian front, "
    after = ", has received"
    type = "persName"
    ref = "per:shcherbachev"
    editor = "Jane Doe"
    when = "2026-11-28T12:14:03Z"

Writes go through :func:`save_decisions`, which checks the file's version
(a digest of its bytes) under a lock and writes atomically, so two tabs or two
editors never overwrite each other's work silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import hashlib
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from tei_tools.errors import InputError, TeiToolsError
from tei_tools.markup.decisions.anchors import Anchor
from tei_tools.xml import write_atomic

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DECISIONS_FORMAT = "tei-tools-review-decisions"
DECISIONS_VERSION = 1

#: The folders of a corpus the review writes, and nothing else.
REVIEW_DIR = "review"
REGISTERS_DIR = "registers"

#: What an editor can decide about a mark.
ACTIONS = ("accept", "reject", "retype", "extent", "link", "date")

#: The version of a file that does not exist yet.
ABSENT = "absent"


class ConflictError(TeiToolsError):
    """A write based on a version of the file that is no longer the current one."""


@dataclass(frozen=True)
class Decision:
    """One editorial decision about one mark, anchored by its text and context.

    ``type`` is the element the mark was when the editor decided; the action's
    own fields: ``new_type`` (retype), ``extent`` (the new marked text, which
    must contain or lie within the old), ``ref`` (link), ``value`` and
    ``calendar`` (date).  ``group`` ties the decisions of one action together
    (applied to every occurrence, or a register entry ``created`` with it), so
    that undo takes them back together.
    """

    id: str
    action: str
    text: str
    before: str = ""
    after: str = ""
    type: str = ""
    new_type: str = ""
    extent: str = ""
    ref: str = ""
    value: str = ""
    calendar: str = ""
    created: str = ""
    group: str = ""
    editor: str = ""
    when: str = ""

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.text, self.before, self.after)

    def as_toml(self) -> str:
        """The ``[[decision]]`` table, empty fields left out, in field order."""
        lines = ["[[decision]]"]
        for item in fields(self):
            value = getattr(self, item.name)
            if value:
                lines.append(f"{item.name} = {toml_string(value)}")
        return "\n".join(lines)


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's string escapes are a subset of TOML's."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class DecisionFile:
    """The decisions of one document, and the version of the file they came from."""

    document: str
    decisions: list[Decision] = field(default_factory=list)
    version: str = ABSENT

    def dumps(self) -> str:
        head = [
            "# tei-tools review decisions: one [[decision]] per editorial decision, oldest first.",
            "# Written by `tei-tools review`; applied by `tei-tools convert` and `tei-tools build`.",
            f"format = {toml_string(DECISIONS_FORMAT)}",
            f"version = {DECISIONS_VERSION}",
            f"document = {toml_string(self.document)}",
        ]
        tables = [decision.as_toml() for decision in self.decisions]
        return "\n".join(head) + "\n" + "".join(f"\n{table}\n" for table in tables)


def version_of(data: bytes | None) -> str:
    """The version a client must quote to write: a digest of the file's bytes."""
    if data is None:
        return ABSENT
    return hashlib.sha256(data).hexdigest()[:16]


def decisions_path(corpus: Path, stem: str) -> Path:
    return corpus / REVIEW_DIR / f"{stem}.toml"


# The one way every command finds a document's decisions: ``convert`` (tei_tools.batch),
# ``build`` (its cache key and its workers) and the review application all go through
# reviewed_collection, decisions_bytes and decisions_from_bytes.


def reviewed_collection(path: Path) -> Path | None:
    """The collection a document lies in (``ROOT/source/X.txt``, ``ROOT/tei/X.xml``), if any.

    Only a folder with review data (``review/`` or ``registers/``) counts, so
    that a loose ``source/`` folder elsewhere is converted as before.
    """
    folder = Path(path).resolve().parent
    root = folder.parent
    if folder.name not in ("source", "tei"):
        return None
    if (root / REVIEW_DIR).is_dir() or (root / REGISTERS_DIR).is_dir():
        return root
    return None


def collection_register_files(root: Path) -> list[Path]:
    """The collection's own register files, ``ROOT/registers/*.xml``, in a stable order."""
    return sorted(p for p in (root / REGISTERS_DIR).glob("*.xml") if p.is_file())


def registers_for_paths(paths: list[Path]) -> tuple[str, ...]:
    """The register files of the collections that files or folders to validate lie in.

    Here, below the site builder, so that ``validate`` does not load the builder to ask.
    """
    found: list[str] = []
    for path in paths:
        root = path if (path / "source").is_dir() or (path / "tei").is_dir() else None
        root = root or reviewed_collection(path if path.is_file() else path / "x")
        if root is not None:
            found.extend(str(p.resolve()) for p in collection_register_files(root))
    return tuple(dict.fromkeys(found))


def decisions_bytes(corpus: Path, stem: str) -> bytes:
    """The bytes of a document's decisions file, ``CORPUS/review/STEM.toml`` (empty when none).

    ``build`` keys a document's cache on them and ships them to its workers,
    which read them with :func:`decisions_from_bytes`.
    """
    path = decisions_path(corpus, stem)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def decisions_from_bytes(data: bytes, stem: str) -> DecisionFile | None:
    """The decisions :func:`decisions_bytes` read, parsed; None when there are none.

    Raises :class:`~tei_tools.errors.InputError` (placed at ``review/STEM.toml``)
    for a file that is not a decisions file, so that only its document fails.
    """
    if not data:
        return None
    return parse_decisions(data, source=f"{REVIEW_DIR}/{stem}.toml", document=stem)


def decisions_for(corpus: Path, stem: str) -> DecisionFile | None:
    """A document's decisions in a collection, parsed; None when it has none."""
    return decisions_from_bytes(decisions_bytes(corpus, stem), stem)


def load_decisions(path: str | os.PathLike[str], document: str = "") -> DecisionFile:
    """The decisions in ``path`` (none when the file does not exist).

    Raises :class:`~tei_tools.errors.InputError` for a file that is not a
    decisions file of a version this tei-tools reads.
    """
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return DecisionFile(document or target.stem)
    return parse_decisions(data, source=str(target), document=document or target.stem)


def parse_decisions(data: bytes, *, source: str, document: str) -> DecisionFile:
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a decisions file: {exc}", file=source) from None
    if table.get("format") != DECISIONS_FORMAT:
        raise InputError(f"not a {DECISIONS_FORMAT} file", file=source)
    if table.get("version") != DECISIONS_VERSION:
        raise InputError(
            f"decisions version {table.get('version')!r}; "
            f"this tei-tools reads version {DECISIONS_VERSION}",
            file=source,
        )
    known = {item.name for item in fields(Decision)}
    decisions = []
    for number, item in enumerate(table.get("decision", []), start=1):
        if not isinstance(item, dict) or item.get("action") not in ACTIONS or not item.get("text"):
            raise InputError(
                f"decision {number}: needs an action of {ACTIONS} and a text", file=source
            )
        decisions.append(
            Decision(**{key: str(value) for key, value in item.items() if key in known})
        )
    return DecisionFile(str(table.get("document") or document), decisions, version_of(data))


@contextlib.contextmanager
def corpus_lock(corpus: Path) -> Iterator[None]:
    """Hold the review's lock: one writer at a time across processes on this machine."""
    folder = corpus / REVIEW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def save_decisions(corpus: Path, file: DecisionFile, *, expected_version: str) -> DecisionFile:
    """Write ``file`` if the file on disk is still at ``expected_version``; return it as written.

    The caller holds :func:`corpus_lock`.  A different version means someone
    else wrote in the meantime: :class:`ConflictError`, nothing written.
    """
    path = decisions_path(corpus, file.document)
    current = version_of(path.read_bytes() if path.is_file() else None)
    if current != expected_version:
        raise ConflictError(
            f"the decisions of {file.document} changed since this page was loaded "
            "(another tab or editor); reload to see them, then decide again",
            file=str(path),
        )
    text = file.dumps()
    write_atomic(path, text)
    return replace(file, version=version_of(text.encode("utf-8")))


def new_id(prefix: str = "d") -> str:
    return f"{prefix}-{secrets.token_hex(5)}"


def now_utc() -> str:
    return (
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def default_editor() -> str:
    """Who is deciding: git's ``user.name``, else the login name."""
    try:
        found = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found:
        return found
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "editor"
