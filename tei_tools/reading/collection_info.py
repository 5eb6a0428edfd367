"""What a collection says about itself: the bibliographic facts its headers carry.

A collection's ``tei-tools.toml`` names its title, editors, publisher,
licence, printed or manuscript source, language and calendar convention.  The
converter writes them into every document's ``teiHeader`` and nothing else:
a document with no settings gets a header that claims no collection at all.

The settings file is checked as it is read: an unknown key or a value of the
wrong kind is one line naming the file and the line it stands on.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from tei_tools.calendars import convention_names
from tei_tools.errors import ProfileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: The keys of each table of the settings, and the kind of value each takes.  Keys the
#: build reads (``profile``, ``registers``, ...) are checked here too, so that one
#: reading of the file reports every mistake in it.
SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "": {
        "title": str,
        "profile": (str, dict),
        "language": str,
        "encoding": str,
        "publisher": str,
        "licence": str,
        "licence_url": str,
        "base_url": str,
        "version": str,
        "citation_style": str,
        "numbers": dict,
        "registers": list,
        "dual_dates_before": str,
        "editors": list,
        "source": dict,
        "calendar": dict,
        "site": dict,
    },
    "editors": {"name": str, "role": str},
    "source": {"title": str, "editor": str, "publisher": str, "date": str, "note": str},
    "calendar": {"convention": str},
    # What the built site shows: the registers' source notes are for editors (off).
    "site": {"show_register_sources": bool},
}

#: The styles a page's "cite this page" line may take (``citation_style``).
CITATION_STYLES = ("chicago", "mla")


@dataclass(frozen=True)
class Editor:
    """A person responsible for the edition, and for what."""

    name: str
    role: str = "editor"


@dataclass(frozen=True)
class SourceWork:
    """The printed or manuscript source the transcriptions are taken from."""

    title: str = ""
    editor: str = ""
    publisher: str = ""
    date: str = ""
    note: str = ""


@dataclass(frozen=True)
class CollectionInfo:
    """The header facts of a collection, each empty when its settings do not say."""

    title: str = ""
    language: str = ""
    publisher: str = ""
    licence: str = ""
    licence_url: str = ""
    editors: tuple[Editor, ...] = ()
    source: SourceWork = field(default_factory=SourceWork)
    calendar: str = ""
    #: The address the site is published at, ending in "/" ("" when the settings name none).
    base_url: str = ""
    #: The edition's version as the settings name it ("" when they do not).
    version: str = ""
    citation_style: str = "chicago"
    #: Document numbers the settings assign: (file-name stem, number) pairs, sorted.
    numbers: tuple[tuple[str, str], ...] = ()
    #: Whether the site's indexes and cards show where the register facts come from
    #: (``[site] show_register_sources``); the notes are for editors, so off by default.
    show_register_sources: bool = False


def read_collection_info(text: str, source: str) -> tuple[CollectionInfo, dict[str, Any]]:
    """Parse and check a settings file; the header facts and the whole parsed mapping."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ProfileError(f"not valid TOML: {exc}", file=source, line=line) from None
    check_settings(data, text, source)
    return collection_info_from(data), data


def check_settings(data: dict[str, Any], text: str, source: str) -> None:
    """Raise :class:`ProfileError` at the first unknown key or wrongly typed value."""
    _check_table(data, "", text, source)
    for editor in data.get("editors", []):
        if not isinstance(editor, dict) or "name" not in editor:
            raise ProfileError(
                "each [[editors]] needs a name", file=source, line=_line_of(text, "editors")
            )
        _check_table(editor, "editors", text, source)
    for table in ("source", "calendar", "site"):
        if table in data:
            _check_table(data[table], table, text, source)
    name = data.get("calendar", {}).get("convention")
    if name is not None and name not in convention_names():
        raise ProfileError(
            f"calendar convention {name!r} is unknown; use one of {', '.join(convention_names())}",
            file=source,
            line=_line_of(text, "convention"),
        )
    _check_citation_settings(data, text, source)
    registers = data.get("registers", [])
    if not all(isinstance(r, str) for r in registers):
        raise ProfileError(
            "registers must be a list of file paths", file=source, line=_line_of(text, "registers")
        )


def _check_citation_settings(data: dict[str, Any], text: str, source: str) -> None:
    """``base_url`` an http(s) address, a known ``citation_style``, ``[numbers]`` strings or integers."""
    base = data.get("base_url")
    if base is not None and not re.match(r"https?://[^/\s]+(/\S*)?$", base):
        raise ProfileError(
            f"base_url must be an http:// or https:// address, not {base!r}",
            file=source,
            line=_line_of(text, "base_url"),
        )
    style = data.get("citation_style")
    if style is not None and style not in CITATION_STYLES:
        raise ProfileError(
            f"citation_style {style!r} is unknown; use one of {', '.join(CITATION_STYLES)}",
            file=source,
            line=_line_of(text, "citation_style"),
        )
    given: dict[str, str] = {}
    for stem, number in data.get("numbers", {}).items():
        if isinstance(number, bool) or not isinstance(number, (str, int)) or not str(number):
            raise ProfileError(
                f"[numbers] {stem!r} must be a number or a string, not {number!r}",
                file=source,
                line=_line_of(text, stem),
            )
        # The number names its address (n/NUMBER.html): one file, the same on every system.
        if not _NUMBER.match(str(number)):
            raise ProfileError(
                f"[numbers] {stem!r}: {number!r} must be letters, digits, '.', '-' or '_'"
                " (it is the document's web address)",
                file=source,
                line=_line_of(text, stem),
            )
        # Case apart, as a file system that ignores it would see the two addresses.
        if str(number).casefold() in given:
            raise ProfileError(
                f"[numbers] {stem!r}: {number!r} is already the number of"
                f" {given[str(number).casefold()]!r}",
                file=source,
                line=_line_of(text, stem),
            )
        given[str(number).casefold()] = stem


#: What a document number may be written with: it is a file name and a URL's last part.
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def _check_table(table: dict[str, Any], name: str, text: str, source: str) -> None:
    known = SCHEMA[name]
    where = f"[{name}] " if name else ""
    for key, value in table.items():
        if key not in known:
            raise ProfileError(
                f"unknown setting {where}{key!r}; known: {', '.join(sorted(known))}",
                file=source,
                line=_line_of(text, key),
            )
        kinds = known[key]
        if not isinstance(value, kinds):
            expected = " or ".join(
                _KIND_NAMES[k] for k in (kinds if isinstance(kinds, tuple) else (kinds,))
            )
            raise ProfileError(
                f"setting {where}{key!r} must be {expected}, not {value!r}",
                file=source,
                line=_line_of(text, key),
            )


_KIND_NAMES: dict[type, str] = {
    str: "a string",
    list: "a list",
    dict: "a table",
    bool: "true or false",
}


def _line_of(text: str, key: str) -> int | None:
    """The line a key is set on (``key =`` or ``[key]``), for the message."""
    pattern = re.compile(
        rf"^[ \t]*(?:{re.escape(key)}[ \t]*=|\[\[?[ \t]*{re.escape(key)}[ \t]*\]\]?)", re.M
    )
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def collection_info_from(data: dict[str, Any]) -> CollectionInfo:
    """The header facts of an already checked settings mapping."""
    source = data.get("source", {})
    return CollectionInfo(
        title=data.get("title", ""),
        language=data.get("language", ""),
        publisher=data.get("publisher", ""),
        licence=data.get("licence", ""),
        licence_url=data.get("licence_url", ""),
        editors=tuple(Editor(e["name"], e.get("role", "editor")) for e in data.get("editors", [])),
        source=SourceWork(**{k: source.get(k, "") for k in SCHEMA["source"]}),
        calendar=data.get("calendar", {}).get("convention", ""),
        base_url=_with_slash(data.get("base_url", "")),
        version=data.get("version", ""),
        citation_style=data.get("citation_style", "chicago"),
        numbers=tuple(sorted((stem, str(n)) for stem, n in data.get("numbers", {}).items())),
        show_register_sources=bool(data.get("site", {}).get("show_register_sources", False)),
    )


def _with_slash(url: str) -> str:
    """A base address as a folder: ``https://x.org/ed`` → ``https://x.org/ed/``."""
    return url if not url or url.endswith("/") else url + "/"
