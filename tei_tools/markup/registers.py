"""Registers: the TEI lists of people, bodies, places and books that names point at.

The built-in registers ship as package data (``tei_tools/data/registers``):
``persons.xml`` (``listPerson``), ``orgs.xml`` (``listOrg``), ``places.xml``
(``listPlace``) and ``bibl.xml`` (``listBibl``).  A user adds entries with
further TEI files of the same shape (``--register FILE.xml``); an entry of a
user file replaces a built-in entry with the same ``xml:id`` and kind, so an
editor can correct the shipped data without editing it.

Each entry is read once into an :class:`Entry`; :class:`Registry` keeps them
keyed by their pointer (``"per:trotsky"``) and owns the name matcher that
:mod:`tei_tools.markup.names` compiles from them, so the automaton is built
once per registry and not once per document.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from lxml import etree

from tei_tools.errors import RegisterError
from tei_tools.markup.folding import fold
from tei_tools.xml import TEI_NS, XML_NS, parse_xml_bytes, parse_xml_file

T = TypeVar("T")

#: Built-in register files, in the order they are read.
BUILTIN_FILES = ("persons.xml", "orgs.xml", "places.xml", "bibl.xml")

#: Entry element -> (kind, pointer prefix, elements holding its name forms).
ENTRY_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "person": ("person", "per", ("persName",)),
    "org": ("org", "org", ("orgName",)),
    "place": ("place", "pla", ("placeName",)),
    "bibl": ("bibl", "bib", ("title", "abbr")),
    "biblStruct": ("bibl", "bib", ("title", "abbr")),
}
PREFIX_OF_KIND = {kind: prefix for kind, prefix, _ in ENTRY_KINDS.values()}


@dataclass(frozen=True)
class Entry:
    """One register entry: a person, body, place or bibliographic record."""

    xml_id: str
    kind: str
    prefix: str
    names: list[str]
    label: str
    birth: str | None = None
    death: str | None = None
    wikidata: str | None = None
    viaf: str | None = None
    #: Surnames a partial mention may use ("Summers" for "Maddin Summers"); never matched alone.
    surnames: tuple[str, ...] = ()
    #: When a body existed (ISO dates or years, from the name's ``@from``/``@to``): a
    #: name that meant different bodies at different times links by the document's date.
    valid_from: str | None = None
    valid_to: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry existed on ``day`` (always, when either is unknown)."""
        if day is None:
            return True
        iso = day.isoformat()
        if self.valid_from and iso < _lower_bound(self.valid_from):
            return False
        return not (self.valid_to and iso > _upper_bound(self.valid_to))

    def ended_before(self, day: dt.date | None) -> bool:
        return bool(day and self.valid_to and _upper_bound(self.valid_to) < day.isoformat())

    note: str | None = None  # the register's note: a role, and what the data was checked against
    #: Where the entry's facts come from (``note[@type='source']``): for editors, not readers.
    source: str | None = None
    modern: str | None = None  # a place's present-day name (``placeName type="modern"``)
    #: Names in use only for a time (name, from, to), from the name's own ``@from``/``@to``
    #: or ``@notBefore``/``@notAfter``: "Christiania" to 1924, "Oslo" from 1925.  The
    #: name matcher dates each form by these (a place's "Finland" of the Grand Duchy
    #: before 6 December 1917, of the republic after), else by the entry's dates.
    dated_names: tuple[tuple[str, str | None, str | None], ...] = ()
    #: A bibliographic record's fields in order, as (field, value): "author", "editor",
    #: "title" (the main title), "translated" (its translation), "pubPlace", "publisher", "date".
    record: tuple[tuple[str, str], ...] = ()
    #: The id of the entry this one was merged into (``@sameAs="#id"``): an alias, not an entry.
    same_as: str | None = None

    def name_on(self, day: dt.date | str | None) -> str:
        """The entry's name at a date: the dated name then in use, else its label.

        A place renamed since is shown by the name its documents knew it by.
        """
        if day is None:
            return self.label
        iso = day if isinstance(day, str) else day.isoformat()
        iso = _lower_bound(iso[:10])
        for name, start, end in self.dated_names:
            if (start is None or _lower_bound(start) <= iso) and (
                end is None or iso <= _upper_bound(end)
            ):
                return name
        return self.label

    @property
    def ref(self) -> str:
        """The pointer a document uses for this entry, e.g. ``"per:trotsky"``."""
        return f"{self.prefix}:{self.xml_id}"


@dataclass
class Registry:
    """All entries of the built-in registers and any user files, keyed by pointer.

    >>> registry = load_registry()
    >>> registry.lookup("per:trotsky").label
    'Trotsky'
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    #: The user's register files this registry was loaded with (for the bibliography).
    sources: tuple[str, ...] = ()
    #: Pointers of merged entries -> the pointer of the entry they were merged into
    #: (``<org xml:id="latvian-government" sameAs="#latvian-provisional-government"/>``),
    #: so that a document's old pointer still resolves.
    aliases: dict[str, str] = field(default_factory=dict)
    #: What :meth:`derived` built from these entries, by builder; emptied by :meth:`add`.
    _derived: dict[Callable[[Registry], Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _surnames: dict[str, list[Entry]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def lookup(self, ref: str) -> Entry | None:
        """The entry a pointer (``"per:trotsky"``) or bare id (``"trotsky"``) names.

        The old pointer of a merged entry names the entry it was merged into.
        """
        if ":" in ref:
            return self.entries.get(ref) or self.entries.get(self.aliases.get(ref, ""))
        for prefix in PREFIX_OF_KIND.values():
            entry = self.lookup(f"{prefix}:{ref}")
            if entry is not None:
                return entry
        return None

    def taken_ids(self, prefix: str) -> set[str]:
        """The ``xml:id``s of one kind in use, merged entries' included (a new entry needs another)."""
        refs = [*self.entries, *self.aliases]
        return {ref.partition(":")[2] for ref in refs if ref.startswith(f"{prefix}:")}

    def resolve(self, ref: str) -> str:
        """The pointer an entry is kept under now: ``ref`` itself unless it was merged."""
        return ref if ref in self.entries else self.aliases.get(ref, ref)

    def add(self, entry: Entry) -> None:
        """Add or replace an entry (a later file overrides an earlier one).

        An entry that only says it is the same as another (``@sameAs``, no names)
        is kept as an alias of that entry's pointer.
        """
        if entry.same_as is not None:
            self.aliases[entry.ref] = f"{entry.prefix}:{entry.same_as}"
            self.entries.pop(entry.ref, None)
        else:
            self.entries[entry.ref] = entry
            self.aliases.pop(entry.ref, None)
        self._derived = {}
        self._surnames = None

    def by_surname(self, surname: str) -> list[Entry]:
        """The people whose name forms end in ``surname`` (compared without case or accents)."""
        if self._surnames is None:
            index: dict[str, list[Entry]] = {}
            for entry in self.of_kind("person"):
                for key in dict.fromkeys(fold(name) for name in entry.surnames):
                    index.setdefault(key, []).append(entry)
            self._surnames = index
        return list(self._surnames.get(fold(surname), []))

    def of_kind(self, *kinds: str) -> Iterator[Entry]:
        """The entries of the given kinds, in register order."""
        return (entry for entry in self.entries.values() if entry.kind in kinds)

    def __getstate__(self) -> dict[str, Any]:
        # The compiled automaton is rebuilt where it is needed (a worker process), not shipped.
        state = self.__dict__.copy()
        state["_derived"] = {}
        state["_surnames"] = None
        return state

    def derived(self, build: Callable[[Registry], T]) -> T:
        """``build(self)``, built once per builder until the entries change.

        The name matcher is built this way (:func:`tei_tools.markup.names.compile_matcher`),
        so that the registers need not know the module that matches names.
        """
        if build not in self._derived:
            self._derived[build] = build(self)
        return cast(T, self._derived[build])


def load_registry(extra: Iterable[str | os.PathLike[str]] | None = None) -> Registry:
    """The built-in registers plus the user's register files, later files winning.

    Without ``extra`` the shared default registry is returned (read once per
    process; :func:`clear_registry_cache` forgets it).  Raises
    :class:`~tei_tools.errors.RegisterError` for a file without entries or an
    entry without ``xml:id``.
    """
    paths = [Path(p) for p in extra or ()]
    if not paths:
        return _default_registry()
    default = _default_registry()
    registry = Registry(dict(default.entries), tuple(str(p) for p in paths), dict(default.aliases))
    for path in paths:
        for entry in read_register(parse_xml_file(path), source=str(path)):
            registry.add(entry)
    return registry


@functools.lru_cache(maxsize=1)
def _default_registry() -> Registry:
    registry = Registry()
    folder = resources.files("tei_tools") / "data" / "registers"
    for name in BUILTIN_FILES:
        resource = folder / name
        if not resource.is_file():
            continue
        tree = parse_xml_bytes(resource.read_bytes(), source=f"tei_tools/data/registers/{name}")
        for entry in read_register(tree, source=name):
            registry.add(entry)
    return registry


def clear_registry_cache() -> None:
    """Forget the default registry, so the next load reads the package data again."""
    _default_registry.cache_clear()


def read_register(tree: etree._ElementTree, *, source: str) -> list[Entry]:
    """The entries of one register document (a TEI file or a bare list element)."""
    root = tree.getroot()
    entries = []
    for element in root.iter(*(f"{{{TEI_NS}}}{tag}" for tag in ENTRY_KINDS)):
        entry = read_entry(element, source=source)
        if entry is not None:
            entries.append(entry)
    if not entries:
        raise RegisterError(
            "no register entries (TEI person, org, place or bibl with xml:id) found",
            file=source,
            line=root.sourceline,
        )
    return entries


def read_entry(element: etree._Element, *, source: str) -> Entry | None:
    """One entry, or ``None`` for an element that is not an entry (a bibl inside a note)."""
    tag = etree.QName(element).localname
    kind, prefix, name_tags = ENTRY_KINDS[tag]
    xml_id = element.get(f"{{{XML_NS}}}id")
    if kind == "bibl" and xml_id is None:
        return None  # a bibl without id is a citation inside another entry, not an entry
    if not xml_id:
        raise RegisterError(f"<{tag}> entry without xml:id", file=source, line=element.sourceline)
    same_as = (element.get("sameAs") or "").strip()
    if same_as.startswith("#") and len(same_as) > 1:
        # A merged entry keeps its id so old pointers resolve (see Registry.add).
        return Entry(xml_id, kind, prefix, [], xml_id, same_as=same_as[1:])
    tags = [f"{{{TEI_NS}}}{name_tag}" for name_tag in name_tags]
    # A bibliographic record nests its titles (monogr/title); a name form is a direct child.
    children = element.iter(*tags) if kind == "bibl" else (c for c in element if c.tag in tags)
    # A present-day name (Tallinn for Reval) is shown, never matched in the text.
    children = [c for c in children if c.get("type") != "modern"]
    names = _unique(_clean(c) for c in children if c.get("type") != "surname")
    modern = element.find(f"{{{TEI_NS}}}{name_tags[0]}[@type='modern']")
    notes = element.findall(f"{{{TEI_NS}}}note")
    note = next((n for n in notes if n.get("type") != "source"), None)
    sources = " ".join(_clean(n) for n in notes if n.get("type") == "source") or None
    if not names and kind != "bibl":
        raise RegisterError(
            f"entry {xml_id!r} has no {name_tags[0]}", file=source, line=element.sourceline
        )
    return Entry(
        xml_id=xml_id,
        kind=kind,
        prefix=prefix,
        names=names,
        label=names[0] if names else xml_id,
        birth=_when(element, "birth"),
        death=_when(element, "death"),
        wikidata=_idno(element, "wikidata"),
        viaf=_idno(element, "VIAF"),
        surnames=_surnames(children) if kind == "person" else (),
        # A body's dates may sit on its name; a place's dated names are its names of a time.
        valid_from=_dating(element, children if kind != "place" else [], "from", "notBefore"),
        valid_to=_dating(element, children if kind != "place" else [], "to", "notAfter"),
        note=_clean(note) if note is not None else None,
        source=sources,
        modern=_clean(modern) if modern is not None else None,
        dated_names=tuple(
            (_clean(c), c.get("from") or c.get("notBefore"), c.get("to") or c.get("notAfter"))
            for c in children
            if c is not element
            and c.get("type") != "surname"
            and (c.get("from") or c.get("to") or c.get("notBefore") or c.get("notAfter"))
        ),
        record=_record(element) if kind == "bibl" else (),
    )


#: The parts of a bibl that make its record (its notes and short titles are not shown).
_RECORD_FIELDS = ("author", "editor", "title", "pubPlace", "publisher", "date")


def _record(element: etree._Element) -> tuple[tuple[str, str], ...]:
    """A bibl's record fields (see :attr:`Entry.record`), nested ``monogr`` parts included."""
    fields = []
    for child in element.iter(*(f"{{{TEI_NS}}}{name}" for name in _RECORD_FIELDS)):
        name = etree.QName(child).localname
        kind = child.get("type")
        if name == "title" and kind == "translated":
            name = "translated"
        elif name == "title" and kind in ("short", "sub"):
            continue
        fields.append((name, _clean(child)))
    return tuple(fields)


#: Titles of rulers and their families, who are named without a surname.
_RULERS = frozenset(
    "King Queen Emperor Empress Tsar Czar Tsarina Kaiser Grand Prince Princess Archduke "  # noqa: SIM905
    "Sultan Shah Emir Pope Crown".split()
)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovitch|evitch|ovna|evna)$")
#: Words that end a name form without being a surname ("Lord Robert Cecil, Jr.").
_NOT_SURNAMES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surnames(children: list[etree._Element]) -> tuple[str, ...]:
    """Explicit ``persName[@type=surname]`` forms, and the last word of each full name form."""
    found = []
    for child in children:
        text = _clean(child)
        if child.get("type") == "surname":
            found.append(text)
            continue
        words = [w.strip(".,") for w in text.split()]
        if len(words) < 2 or " of " in text or words[0] in _RULERS:
            continue  # "Prince Maximilian of Baden", "King Ferdinand": no surname to take
        last = words[-1]
        if last.lower() in _NOT_SURNAMES or len(last) < 2 or _PATRONYMIC.search(last):
            continue
        found.append(last)
    return tuple(dict.fromkeys(found))


def _dating(element: etree._Element, children: list[etree._Element], *names: str) -> str | None:
    for holder in (element, *children):
        for name in names:
            if holder.get(name):
                return holder.get(name)
    return None


def _lower_bound(value: str) -> str:
    return value if len(value) == 10 else value + "-01-01"[: 10 - len(value)]


def _upper_bound(value: str) -> str:
    return value if len(value) == 10 else value + "-12-31"[: 10 - len(value)]


def _clean(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


def _when(element: etree._Element, tag: str) -> str | None:
    found = element.find(f"{{{TEI_NS}}}{tag}")
    return found.get("when") if found is not None else None


def _idno(element: etree._Element, kind: str) -> str | None:
    for idno in element.findall(f"{{{TEI_NS}}}idno"):
        if (idno.get("type") or "").lower() == kind.lower() and idno.text:
            return idno.text.strip()
    return None


#: Entry element and list element of the register a name element points into.
ENTRY_FOR_NAME = {
    "persName": ("person", "listPerson"),
    "orgName": ("org", "listOrg"),
    "placeName": ("place", "listPlace"),
}

#: Letters of Russian Cyrillic and Greek in the Latin letters of an ``xml:id`` (hard and soft signs dropped).
_TRANSLITERATION = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}


def entry_id(name: str, taken: Iterable[str] = ()) -> str:
    """An ``xml:id`` for a new entry, as the registers' ``prefixDef`` accepts (``[a-z0-9_.-]+``).

    Cyrillic and Greek are transliterated; a clash with ``taken`` gets a number.

    >>> entry_id("Shcherbachev"), entry_id("Щербачёв"), entry_id("Βενιζέλος")
    ('shcherbachev', 'shcherbachev', 'venizelos')
    >>> entry_id("Lenin", {"lenin"})
    'lenin-2'
    """
    import unicodedata

    letters = []
    # Decomposed first, so that accented letters (έ, ё) meet the table as their base letter.
    for char in unicodedata.normalize("NFD", name.lower()):
        letters.append(_TRANSLITERATION.get(char, char))
    plain = unicodedata.normalize("NFKD", "".join(letters)).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() or c in "_." else " " for c in plain).split()
    base = "-".join(word.strip("-") for word in words if word.strip("-")) or "entry"
    if base[0].isdigit():
        base = f"n{base}"
    taken = set(taken)
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    return found


def entry_xml(name_tag: str, name: str, xml_id: str) -> str:
    """A new register entry for a name no register knows, to paste into a register file.

    >>> entry_xml("persName", "Shcherbachev", "shcherbachev")
    '<person xml:id="shcherbachev"><persName>Shcherbachev</persName></person>'
    """
    entry_tag = ENTRY_FOR_NAME[name_tag][0]
    element = etree.Element(f"{{{TEI_NS}}}{entry_tag}", nsmap={None: TEI_NS})
    element.set(f"{{{XML_NS}}}id", xml_id)
    # The name as one line: a name element's content may run over a line break.
    etree.SubElement(element, f"{{{TEI_NS}}}{name_tag}").text = " ".join(name.split())
    text = etree.tostring(element, encoding="unicode")
    return text.replace(f' xmlns="{TEI_NS}"', "", 1)
