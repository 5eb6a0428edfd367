"""The register check: counts of what the registers hold, and every rule an entry breaks.

The rules are data (``tei_tools/data/register-rules.toml``): no two entries of one
kind and type share a name form in overlapping dates; every form of an entry typed
as a state or polity is dated; every ``idno`` has a type and a well-formed value;
every entry has a source.  Each problem carries its rule, file, line and entry as
fields, so that a formatter (or a test) reads them without parsing the message.

>>> report = check_registers()
>>> report.problems
[]
>>> report.counts.entries["person"] > 200
True
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from tei_tools.markup.folding import fold
from tei_tools.markup.registers import (
    BUILTIN_FILES,
    ENTRY_KINDS,
    Entry,
    read_entry,
)
from tei_tools.xml import TEI_NS, parse_xml_bytes, parse_xml_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_T = f"{{{TEI_NS}}}"


@functools.lru_cache(maxsize=1)
def register_rules() -> dict[str, dict[str, Any]]:
    """The rules, by code, as ``tei_tools/data/register-rules.toml`` states them."""
    text = resources.files("tei_tools").joinpath("data/register-rules.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class RegisterProblem:
    """One rule one entry breaks."""

    rule: str  # the rule's code in register-rules.toml, e.g. "shared-form"
    file: str
    line: int | None
    ref: str  # "pla:china"
    message: str
    form: str = ""
    other: str = ""  # the other entry's pointer, for "shared-form"
    value: str = ""  # the identifier, for the identifier rules

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.ref}: {self.message} [{self.rule}]"


@dataclass
class RegisterCounts:
    """What the registers hold, by entry kind (person, org, place, bibl)."""

    entries: dict[str, int] = field(default_factory=dict)
    #: Entries with an identifier, by kind and identifier type ("place" -> {"wikidata": 3}).
    identifiers: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Entries with a date: life dates, or a name form or the entry dated (@from/@to ...).
    dated: dict[str, int] = field(default_factory=dict)
    #: Entries that name their own source (``note[@type='source']``).
    sourced: dict[str, int] = field(default_factory=dict)
    #: Merged entries kept as aliases (``@sameAs``), not counted as entries.
    aliases: int = 0


@dataclass
class RegisterReport:
    counts: RegisterCounts
    problems: list[RegisterProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Read:
    entry: Entry
    element: etree._Element
    file: str
    file_sourced: bool  # the file has a sourceDesc


def bundled_register_trees() -> list[tuple[str, etree._ElementTree]]:
    """The registers tei-tools ships, as (name, tree)."""
    folder = resources.files("tei_tools") / "data" / "registers"
    found = []
    for name in BUILTIN_FILES:
        resource = folder / name
        if resource.is_file():
            source = f"tei_tools/data/registers/{name}"
            found.append((source, parse_xml_bytes(resource.read_bytes(), source=source)))
    return found


def register_trees(paths: Iterable[str | Path]) -> list[tuple[str, etree._ElementTree]]:
    """Register files (a collection's own), as (path, tree)."""
    return [(str(path), parse_xml_file(Path(path))) for path in paths]


def check_registers(
    trees: list[tuple[str, etree._ElementTree]] | None = None,
) -> RegisterReport:
    """Counts and problems of register files (the bundled ones when ``trees`` is None)."""
    rules = register_rules()
    read = _read_all(bundled_register_trees() if trees is None else trees)
    entries = [r for r in read if r.entry.same_as is None]
    counts = _count(entries)
    counts.aliases = len(read) - len(entries)
    problems = [
        *_shared_forms(entries, rules["shared-form"]),
        *_undated_states(entries, rules["undated-state"]),
        *_identifiers(entries, rules["identifier-type"], rules["identifier-value"]),
        *_sources(entries, rules["source"]),
    ]
    problems.sort(key=lambda p: (p.file, p.line or 0, p.rule))
    return RegisterReport(counts, problems)


def _read_all(trees: list[tuple[str, etree._ElementTree]]) -> list[_Read]:
    found = []
    for source, tree in trees:
        root = tree.getroot()
        described = any("".join(s.itertext()).strip() for s in root.iter(f"{_T}sourceDesc"))
        for element in root.iter(*(f"{_T}{tag}" for tag in ENTRY_KINDS)):
            entry = read_entry(element, source=source)
            if entry is not None:
                found.append(_Read(entry, element, source, described))
    return found


def _count(entries: list[_Read]) -> RegisterCounts:
    counts = RegisterCounts()
    for read in entries:
        kind = read.entry.kind
        counts.entries[kind] = counts.entries.get(kind, 0) + 1
        types = {(i.get("type") or "(none)") for i in read.element.findall(f"{_T}idno")}
        for kind_of_id in types:
            by_type = counts.identifiers.setdefault(kind, {})
            by_type[kind_of_id] = by_type.get(kind_of_id, 0) + 1
        if _is_dated(read):
            counts.dated[kind] = counts.dated.get(kind, 0) + 1
        if _own_source(read.element):
            counts.sourced[kind] = counts.sourced.get(kind, 0) + 1
    return counts


def _is_dated(read: _Read) -> bool:
    entry = read.entry
    return bool(entry.birth or entry.death or entry.valid_from or entry.valid_to) or any(
        start or end for _, start, end in entry.dated_names
    )


def _own_source(element: etree._Element) -> bool:
    return any(
        "".join(n.itertext()).strip()
        for n in element.findall(f"{_T}note")
        if n.get("type") == "source"
    )


def _form_dates(entry: Entry) -> dict[str, tuple[str | None, str | None]]:
    """Each name form's dates as the name matcher reads them: its own, else the entry's."""
    own = {name: (start, end) for name, start, end in entry.dated_names}
    return {name: own.get(name, (entry.valid_from, entry.valid_to)) for name in entry.names}


def _overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    low_a, high_a = _bounds(a)
    low_b, high_b = _bounds(b)
    return low_a <= high_b and low_b <= high_a


def _bounds(dates: tuple[str | None, str | None]) -> tuple[str, str]:
    start, end = dates
    low = (start or "0000") + "-01-01"[: 10 - len(start or "0000")]
    high = (end or "9999") + "-12-31"[: 10 - len(end or "9999")]
    return low, high


def _type_of(read: _Read) -> str:
    return (
        f"{read.entry.kind} ({read.element.get('type')})"
        if read.element.get("type")
        else read.entry.kind
    )


def _shared_forms(entries: list[_Read], rule: dict[str, Any]) -> Iterable[RegisterProblem]:
    # One pass: forms keyed by kind, type and folded spelling, then pairs within a key.
    by_key: dict[tuple[str, str], list[tuple[_Read, str, tuple[str | None, str | None]]]] = {}
    for read in entries:
        if read.entry.kind == "bibl":
            continue  # titles are not matched as names
        for form, dates in _form_dates(read.entry).items():
            by_key.setdefault((_type_of(read), fold(form)), []).append((read, form, dates))
    for (kind, _), same in by_key.items():
        for index, (read, form, dates) in enumerate(same):
            for other, _, other_dates in same[:index]:
                if other.entry.ref != read.entry.ref and _overlap(dates, other_dates):
                    yield _problem(
                        "shared-form", rule, read, form=form, other=other.entry.ref, type=kind
                    )


def _undated_states(entries: list[_Read], rule: dict[str, Any]) -> Iterable[RegisterProblem]:
    types = set(rule["types"])
    for read in entries:
        kind = read.element.get("type")
        if kind not in types:
            continue
        for form, (start, end) in _form_dates(read.entry).items():
            if not (start or end):
                yield _problem("undated-state", rule, read, form=form, type=kind)


def _identifiers(
    entries: list[_Read], typed: dict[str, Any], valued: dict[str, Any]
) -> Iterable[RegisterProblem]:
    patterns = {name.lower(): re.compile(p) for name, p in valued["patterns"].items()}
    for read in entries:
        for idno in read.element.findall(f"{_T}idno"):
            value = (idno.text or "").strip()
            kind = idno.get("type")
            if not kind:
                yield _problem("identifier-type", typed, read, value=value, line=idno.sourceline)
                continue
            pattern = patterns.get(kind.lower())
            if pattern is not None and not pattern.fullmatch(value):
                yield _problem(
                    "identifier-value", valued, read, value=value, type=kind, line=idno.sourceline
                )


def _sources(entries: list[_Read], rule: dict[str, Any]) -> Iterable[RegisterProblem]:
    file_counts = bool(rule.get("file_source_counts"))
    for read in entries:
        if _own_source(read.element) or (file_counts and read.file_sourced):
            continue
        yield _problem("source", rule, read)


def _problem(
    code: str,
    rule: dict[str, Any],
    read: _Read,
    *,
    form: str = "",
    other: str = "",
    value: str = "",
    type: str = "",
    line: int | None = None,
) -> RegisterProblem:
    message = rule["message"].format(
        ref=read.entry.ref, form=form, other=other, value=value, type=type
    )
    return RegisterProblem(
        rule=code,
        file=read.file,
        line=line or read.element.sourceline,
        ref=read.entry.ref,
        message=message,
        form=form,
        other=other,
        value=value,
    )


def format_counts(counts: RegisterCounts) -> list[str]:
    """The counts as lines: one per kind, then the aliases."""
    lines = []
    for kind in sorted(counts.entries):
        ids = counts.identifiers.get(kind, {})
        id_text = ", ".join(f"{n} {t}" for t, n in sorted(ids.items())) or "none"
        lines.append(
            f"{kind}: {counts.entries[kind]} entries; with identifiers: {id_text}; "
            f"with dates: {counts.dated.get(kind, 0)}; with sources: {counts.sourced.get(kind, 0)}"
        )
    lines.append(f"merged entries kept as aliases: {counts.aliases}")
    return lines
