"""A collection on disk: its settings file and the documents it holds.

A collection folder has ``source/*.txt`` (plain-text transcriptions, converted
with the collection's profile) and/or ``tei/*.xml`` (TEI taken as it is).  When
both hold the same stem, the TEI file is the committed conversion of the source,
so the source wins and the document is built once.

``tei-tools.toml`` in the collection folder is optional (``tei-tools init``
writes a commented one; README "Your own collection" lists every key)::

    title = "Letters of a Charleston merchant"   # the site's title and every seriesStmt
    profile = "generic"             # a built-in layout name, or a path relative to the folder
    # or an inline profile: [profile] with the keys of a profile file
    encoding = "utf-8"              # of source/*.txt
    registers = ["registers/extra-persons.xml"]   # added to the built-in registers
    dual_dates_before = "1752-09-14"  # dates before this are also shown Old Style ("" = off)
    [calendar]
    convention = "great-britain"    # how a date written once is read

Without the file, documents are read with the ``generic`` profile and their
headers name no collection.

Every ``registers/*.xml`` of the collection (the entries its editors created
in ``tei-tools review``) is read after the listed registers, and the editors'
decisions in ``review/STEM.toml`` are applied to each converted document,
without any setting.

The settings are data, read once, so a collection never needs code of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tei_tools.calendars import Convention, convention, julian_to_gregorian
from tei_tools.errors import InputError, ProfileError, UnreadableEntryError
from tei_tools.folders import walk_files
from tei_tools.reading.collection_info import (
    CollectionInfo,
    Editor,
    SourceWork,
    read_collection_info,
)

SETTINGS_FILE = "tei-tools.toml"

#: Without a setting, no date is shown in both styles: the collection's calendar
#: convention, when it names a change, gives the day from which dates are New Style.
DEFAULT_DUAL_DATES_BEFORE = ""


@dataclass(frozen=True)
class BuildSettings:
    """What every document of a collection is built with; hashable and picklable.

    ``profile`` is a built-in name or an absolute path; ``profile_table`` holds
    an inline ``[profile]`` as JSON (a string, so that the settings stay hashable).
    """

    profile: str = "generic"
    profile_table: str = ""
    #: The collection's header facts (:class:`~tei_tools.reading.collection_info.CollectionInfo`)
    #: as JSON, so that the settings stay hashable.
    collection_info: str = ""
    encoding: str = "utf-8"
    registers: tuple[str, ...] = ()
    title: str = ""
    dual_dates_before: str = DEFAULT_DUAL_DATES_BEFORE
    pdf: bool = False
    search_terms: bool = False

    def fingerprint(self) -> str:
        """A digest of everything that changes a document's output, register contents included."""
        digest = hashlib.sha256(repr(self).encode())
        for path in (self.profile, *self.registers):
            candidate = Path(path)
            if candidate.suffix in (".toml", ".xml") and candidate.is_file():
                digest.update(candidate.read_bytes())
        return digest.hexdigest()


@dataclass(frozen=True)
class DocumentInput:
    """One document of the collection: its stem (the page name), kind and file."""

    stem: str
    kind: str  # "source" | "tei"
    path: Path


@dataclass
class Collection:
    """A collection folder, its settings and its documents in a stable order."""

    folder: Path
    settings: BuildSettings
    documents: list[DocumentInput] = field(default_factory=list)
    #: tei/ files not built because a source/ file of the same stem is.
    shadowed: list[Path] = field(default_factory=list)
    #: Entries of source/ and tei/ that cannot be read (a link loop, a dangling link, a pipe):
    #: reported by the build, never skipped in silence.
    unreadable: list[UnreadableEntryError] = field(default_factory=list)


def read_collection(folder: str | Path) -> Collection:
    """Read a collection's settings and list its documents.

    Raises :class:`~tei_tools.errors.InputError` when the folder holds neither
    ``source/*.txt`` nor ``tei/*.xml``.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError("not a collection folder (expected a directory)", file=str(root))
    settings = read_settings(root)
    unreadable: list[UnreadableEntryError] = []
    found: dict[str, dict[str, Path]] = {}
    for sub, pattern in (("source", "*.txt"), ("tei", "*.xml")):
        found[sub] = {}
        if not (root / sub).is_dir():
            continue
        for entry in walk_files(root / sub, pattern, recursive=False):
            if isinstance(entry, UnreadableEntryError):
                unreadable.append(entry)
            else:
                found[sub][entry.stem] = entry
    sources, teis = found["source"], found["tei"]
    if not sources and not teis and not unreadable:
        raise InputError(
            "no documents: expected source/*.txt and/or tei/*.xml in the collection", file=str(root)
        )
    documents = [DocumentInput(stem, "source", path) for stem, path in sources.items()]
    documents += [
        DocumentInput(stem, "tei", path) for stem, path in teis.items() if stem not in sources
    ]
    documents.sort(key=lambda d: d.stem)
    shadowed = [path for stem, path in teis.items() if stem in sources]
    return Collection(root, settings, documents, shadowed, unreadable)


def collection_registers(root: Path) -> tuple[str, ...]:
    """The collection's own register files, ``ROOT/registers/*.xml``, as absolute paths."""
    from tei_tools.markup.decisions.store import collection_register_files

    return tuple(str(p.resolve()) for p in collection_register_files(root))


def collection_of(path: Path) -> Path | None:
    """The collection a document lies in, if any (see :func:`reviewed_collection`)."""
    from tei_tools.markup.decisions.store import reviewed_collection

    return reviewed_collection(path)


def read_settings(root: Path) -> BuildSettings:
    """The settings in ``ROOT/tei-tools.toml``, or the defaults when there is none."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return BuildSettings(registers=collection_registers(root))
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(f"not UTF-8 text: {exc.reason}", file=source) from None
    info, data = read_collection_info(text, source)
    profile = data.get("profile", "generic")
    profile_name, profile_table = "generic", ""
    if isinstance(profile, dict):
        profile_name = str(profile.get("name") or root.name)
        profile_table = json.dumps(profile, sort_keys=True, default=str)
    elif isinstance(profile, str):
        profile_name = _resolve_profile(profile, root)
    else:
        raise ProfileError("profile must be a name, a path or a [profile] table", file=source)
    registers = data.get("registers", [])
    dual = data.get("dual_dates_before")
    if dual is None and info.calendar:
        reform = convention(info.calendar)
        dual = reform_day(reform) if reform.last_julian else ""
    return BuildSettings(
        profile=profile_name,
        profile_table=profile_table,
        encoding=str(data.get("encoding", "utf-8")),
        registers=tuple(
            dict.fromkeys(
                [*(str((root / r).resolve()) for r in registers), *collection_registers(root)]
            )
        ),
        title=str(data.get("title", "")),
        dual_dates_before=str(dual if dual is not None else DEFAULT_DUAL_DATES_BEFORE),
        collection_info=json.dumps(asdict(info), sort_keys=True),
    )


def reform_day(reform: Convention) -> str:
    """The first New Style day of a convention, ISO (dates before it are shown in both styles)."""
    assert reform.last_julian is not None
    return (julian_to_gregorian(reform.last_julian) + dt.timedelta(days=1)).isoformat()


def collection_info_of(settings: BuildSettings) -> CollectionInfo:
    """The header facts the settings carry (empty without a settings file)."""
    if not settings.collection_info:
        return CollectionInfo()
    data = json.loads(settings.collection_info)
    return CollectionInfo(
        **{
            **data,
            "editors": tuple(Editor(**e) for e in data["editors"]),
            "source": SourceWork(**data["source"]),
            # JSON keeps the pairs as lists; the info is frozen and hashable.
            "numbers": tuple(tuple(pair) for pair in data.get("numbers", ())),
        }
    )


def _resolve_profile(value: str, root: Path) -> str:
    from tei_tools.reading.profiles import BUILTIN

    if value in BUILTIN:
        return value
    return str((root / value).resolve())
