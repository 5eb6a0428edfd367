"""The registers an editor's pointers reach, and where each entry is written.

The entries are :func:`tei_tools.markup.registers.load_registry`'s (the
shipped registers, then the workspace's ``registers/*.xml``, then files named
in the client's settings, later ones winning), so completion, hover and the
pointer check agree.  Going to an entry's definition needs its file and
offset, which a :class:`~tei_tools.markup.registers.Entry` does not keep; the
files are scanned once for their ``xml:id``s (and again when one changes on disk).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tei_tools.lsp.scanner import TagIndex

log = logging.getLogger(__name__)

ENTRY_TAGS = frozenset({"person", "org", "place", "bibl", "biblStruct"})


@dataclass(frozen=True)
class EntryPlace:
    """Where an entry is written: its file and the offsets of its start tag and its id's value."""

    path: Path
    start: int
    end: int
    id_start: int
    id_end: int


def builtin_register_files() -> list[Path]:
    from tei_tools.markup.registers import BUILTIN_FILES

    folder = Path(str(resources.files("tei_tools") / "data" / "registers"))
    return [folder / name for name in BUILTIN_FILES if (folder / name).is_file()]


def workspace_register_files(roots: list[Path]) -> list[Path]:
    """``registers/*.xml`` under each workspace folder, sorted by name."""
    found: list[Path] = []
    for root in roots:
        folder = root / "registers"
        if folder.is_dir():
            found.extend(sorted(p for p in folder.glob("*.xml") if p.is_file()))
    return found


class WorkspaceRegisters:
    """A registry and the places of its entries, for one set of register files."""

    def __init__(self, files: list[Path]) -> None:
        from tei_tools.errors import TeiToolsError
        from tei_tools.markup.registers import load_registry, read_register
        from tei_tools.xml import parse_xml_file

        usable = []
        for path in files:
            try:
                read_register(parse_xml_file(path), source=str(path))
            except TeiToolsError as error:
                log.warning("register skipped: %s", error)
                continue
            usable.append(path)
        self.files = tuple(usable)
        self.registry = load_registry(usable)
        self._places: dict[str, EntryPlace] | None = None

    def place(self, xml_id: str, prefix: str | None = None) -> EntryPlace | None:
        """Where the entry with ``xml_id`` (of the kind ``prefix`` names) is written, last file winning."""
        if self._places is None:
            self._places = {}
            for path in [*builtin_register_files(), *self.files]:
                self._places.update(_entry_places(path))
        return self._places.get(f"{prefix}:{xml_id}") or self._places.get(xml_id)


def _entry_places(path: Path) -> dict[str, EntryPlace]:
    from tei_tools.markup.registers import ENTRY_KINDS

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    places: dict[str, EntryPlace] = {}
    for tag in TagIndex(text).element_tags():
        if tag.local not in ENTRY_TAGS:
            continue
        attribute = tag.attribute("xml:id")
        if attribute is None or not attribute.value:
            continue
        place = EntryPlace(path, tag.start, tag.end, attribute.value_start, attribute.value_end)
        prefix = ENTRY_KINDS[tag.local][1]
        places[f"{prefix}:{attribute.value}"] = place
        places.setdefault(attribute.value, place)
    return places


def entry_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
