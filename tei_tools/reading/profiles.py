"""Collection profiles: a collection's layout described as data (TOML).

A profile says where a collection puts its title, date, source lines and footer,
which lines are page chrome to drop, and in which calendar its single dates are
written.  Adding a collection means writing a TOML file, not code.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from tei_tools.calendars import convention_names
from tei_tools.errors import ProfileError
from tei_tools.reading.collection_info import (
    CollectionInfo,
    Editor,
    SourceWork,
    read_collection_info,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

BUILTIN = ("degras", "generic", "frus")
TITLE_MODES = ("auto", "upper-case-first-block", "first-block", "first-line", "none")


@dataclass(frozen=True)
class DropRule:
    """A line of page chrome that the profile removes, with the reason it gives."""

    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Profile:
    """How one collection lays out its plain-text documents."""

    name: str
    description: str = ""
    language: str = "en"
    calendar: str = "gregorian"
    collection_title: str = ""
    collection_editor: str = ""
    #: The collection's record in the bibliography register ("bib:degras-documents"):
    #: the headers point to it, and the site's bibliography shows the record's fields.
    collection_record: str = ""
    footer: tuple[str, ...] = ()
    title_mode: str = "upper-case-first-block"
    preamble: bool = True
    signatures: bool = True
    #: Letters: address, salutation, closing formula, signature and postscript as such.
    letter_parts: bool = True
    #: Letters: correspDesc in the header (sender, addressee, place, date) from those parts.
    correspondence: bool = True
    drop: tuple[DropRule, ...] = field(default_factory=tuple)
    #: A line that is a page break ("[p. 12]", "[f. 3r: f3r.jpg]"): its group ``n``
    #: numbers the page, its group ``image`` names the page's image file.
    page_marker: re.Pattern[str] | None = None
    # What the collection's settings add (tei-tools.toml); a profile alone names none.
    publisher: str = ""
    licence: str = ""
    licence_url: str = ""
    editors: tuple[Editor, ...] = ()
    source: SourceWork = field(default_factory=SourceWork)

    def drop_reason(self, line: str) -> str | None:
        """The reason this line is page chrome, or None when it is content."""
        for rule in self.drop:
            if rule.pattern.search(line):
                return rule.reason
        return None


def load_profile(name_or_path: str | os.PathLike[str] = "generic") -> Profile:
    """Load a built-in profile by name, or a user's profile from a TOML file.

    >>> load_profile("generic").title_mode
    'auto'
    """
    if isinstance(name_or_path, Profile):
        return name_or_path
    text, source = _read_profile_text(str(name_or_path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}", file=source) from None
    return profile_from_mapping(data, source=source)


def _read_profile_text(name: str) -> tuple[str, str]:
    if name in BUILTIN:
        ref = resources.files("tei_tools.reading") / "profiles" / f"{name}.toml"
        return ref.read_text(encoding="utf-8"), f"<profile {name}>"
    path = Path(name)
    if path.suffix != ".toml" and not path.exists():
        raise ProfileError(
            f"unknown profile {name!r}; use one of {', '.join(BUILTIN)} or a path to a .toml file",
            file=name,
        )
    try:
        if path.exists() and not path.is_file():
            raise ProfileError("not a regular file (a pipe, socket or device)", file=name)
        return path.read_text(encoding="utf-8"), name
    except FileNotFoundError:
        raise ProfileError("profile file not found", file=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read profile: {exc}", file=name) from None


def profile_from_mapping(data: dict, *, source: str = "<profile>") -> Profile:
    """Check a parsed TOML mapping and turn it into a :class:`Profile`."""
    collection = _table(data, "collection", source)
    layout = _table(data, "layout", source)
    calendar = data.get("calendar", "gregorian")
    if calendar not in convention_names():
        raise ProfileError(
            f"calendar must be one of {', '.join(convention_names())}, not {calendar!r}",
            file=source,
        )
    title_mode = layout.get("title", "upper-case-first-block")
    if title_mode not in TITLE_MODES:
        raise ProfileError(
            f"layout.title must be one of {TITLE_MODES}, not {title_mode!r}", file=source
        )
    return Profile(
        name=str(data.get("name") or Path(source).stem),
        description=str(data.get("description", "")),
        language=str(data.get("language", "en")),
        calendar=calendar,
        collection_title=str(collection.get("title", "")),
        collection_editor=str(collection.get("editor", "")),
        collection_record=_collection_record(collection.get("record", ""), source),
        footer=tuple(str(line) for line in collection.get("footer", [])),
        title_mode=title_mode,
        preamble=bool(layout.get("preamble", True)),
        signatures=bool(layout.get("signatures", True)),
        letter_parts=bool(layout.get("letter_parts", True)),
        correspondence=bool(layout.get("correspondence", True)),
        drop=tuple(_drop_rule(rule, source) for rule in layout.get("drop", [])),
        page_marker=_page_marker(layout.get("page_marker"), source),
    )


def _table(data: dict, key: str, source: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ProfileError(f"[{key}] must be a table", file=source)
    return value


def _collection_record(ref: object, source: str) -> str:
    """``[collection] record``: a pointer into the bibliography register, or nothing.

    >>> _collection_record("bib:degras-documents", "<profile>")
    'bib:degras-documents'
    """
    if ref == "":
        return ""
    if not isinstance(ref, str) or not re.fullmatch(r"bib:[a-z0-9_.-]+", ref):
        raise ProfileError(
            f"collection.record must name a bibliography entry (bib:ID), not {ref!r}", file=source
        )
    return ref


def _page_marker(pattern: object, source: str) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise ProfileError(
            "layout.page_marker must be a regular expression (a string)", file=source
        )
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ProfileError(f"bad page_marker {pattern!r}: {exc}", file=source) from None
    unknown = set(compiled.groupindex) - {"n", "image"}
    if unknown:
        raise ProfileError(
            f"page_marker groups may be named 'n' and 'image', not {sorted(unknown)}", file=source
        )
    return compiled


def _drop_rule(rule: object, source: str) -> DropRule:
    if not isinstance(rule, dict) or "pattern" not in rule:
        raise ProfileError("each [[layout.drop]] needs a 'pattern'", file=source)
    try:
        pattern = re.compile(rule["pattern"])
    except re.error as exc:
        raise ProfileError(f"bad drop pattern {rule['pattern']!r}: {exc}", file=source) from None
    return DropRule(pattern, str(rule.get("reason", "page chrome")))


#: The settings file of a collection folder.
SETTINGS_FILE = "tei-tools.toml"


def collection_settings_file(path: str | os.PathLike[str]) -> Path | None:
    """The ``tei-tools.toml`` of the collection a document lies in, if it has one.

    A document belongs to a collection when its folder, or the folder above it
    (``ROOT/source/X.txt``), holds the settings file.
    """
    folder = Path(path).resolve().parent
    for root in (folder, folder.parent):
        candidate = root / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def collection_profile(settings_path: Path, layout: Profile | None = None) -> Profile:
    """The profile a collection's settings give: its layout with the collection's facts.

    ``layout`` (a ``--profile`` given by the user) replaces the layout the
    settings name; the collection's title, editors and calendar still apply.
    """
    try:
        text = settings_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(f"not UTF-8 text: {exc.reason}", file=str(settings_path)) from None
    info, data = read_collection_info(text, str(settings_path))
    if layout is None:
        named = data.get("profile", "generic")
        if isinstance(named, dict):
            layout = profile_from_mapping(named, source=str(settings_path))
        elif named in BUILTIN:
            layout = load_profile(named)
        else:
            layout = load_profile(settings_path.parent / named)
    return with_collection_facts(layout, info)


def with_collection_facts(profile: Profile, info: CollectionInfo) -> Profile:
    """The profile with the collection's facts (``info``) in place of the profile's own.

    A collection that sets a title replaces the profile's attribution
    entirely: its editor and its register record are the collection's, not the profile's.
    """
    changes: dict[str, Any] = {
        "publisher": info.publisher or profile.publisher,
        "licence": info.licence or profile.licence,
        "licence_url": info.licence_url or profile.licence_url,
        "editors": info.editors or profile.editors,
        "source": info.source if info.source.title else profile.source,
    }
    if info.title and info.title != profile.collection_title:
        changes["collection_title"] = info.title
        changes["collection_editor"] = ""
        changes["collection_record"] = ""
    if info.language:
        changes["language"] = info.language
    if info.calendar:
        changes["calendar"] = info.calendar
    return replace(profile, **changes)


def profile_for_file(path: str | os.PathLike[str], layout: Profile | None = None) -> Profile | None:
    """The profile of the collection ``path`` lies in, or None outside any collection."""
    settings = collection_settings_file(path)
    return collection_profile(settings, layout) if settings else None
