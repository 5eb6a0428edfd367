"""The collection's own register files: ``CORPUS/registers/{persons,orgs,places}.xml``.

An entry an editor creates while reviewing belongs to the collection, not to
tei-tools, so it is written beside the corpus, in files of the same shape as
the shipped registers (and with the same names, so that the documents'
``prefixDef`` paths hold).  ``convert``, ``build``, ``validate`` and ``review``
read every ``CORPUS/registers/*.xml`` after the shipped registers; an entry
there links every document that names it on the next conversion.

The search behind "link to an existing entry" (:class:`RegisterIndex`) looks
through every name form, as the editor types.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_tools.errors import InputError
from tei_tools.markup.decisions.store import REGISTERS_DIR, collection_register_files
from tei_tools.markup.registers import Entry, Registry, entry_id, load_registry
from tei_tools.xml import TEI_NS, XML_NS, parse_xml_file, serialize, write_atomic

_T = f"{{{TEI_NS}}}"

#: Name kind -> (register file, list element, entry element, name element, prefix).
REGISTER_FILES = {
    "persName": ("persons.xml", "listPerson", "person", "persName", "per"),
    "orgName": ("orgs.xml", "listOrg", "org", "orgName", "org"),
    "placeName": ("places.xml", "listPlace", "place", "placeName", "pla"),
}

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
_LIFE_DATE = re.compile(r"^-?\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


class EntryError(InputError):
    """A register entry the editor asked for that cannot be made as given."""


def corpus_registry(corpus: Path, extra: tuple[Path, ...] = ()) -> Registry:
    """The shipped registers, then ``extra`` files, then the collection's own.

    Read once for as long as none of the files changes (their size and time
    are part of the key), so converting a folder of a collection compiles
    the name matcher once, not once per document.
    """
    files = [*extra, *collection_register_files(corpus)]
    if not files:
        return load_registry()
    stamps = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in map(Path, files))
    return _registry_of(stamps)


@functools.lru_cache(maxsize=8)
def _registry_of(stamps: tuple[tuple[str, int, int], ...]) -> Registry:
    return load_registry([path for path, _, _ in stamps])


@dataclass(frozen=True)
class NewEntry:
    """What the editor typed to create an entry; checked by :meth:`validated`."""

    type: str
    names: tuple[str, ...]
    birth: str = ""
    death: str = ""
    wikidata: str = ""

    def validated(self) -> NewEntry:
        names = tuple(dict.fromkeys(" ".join(n.split()) for n in self.names if n.strip()))
        if self.type not in REGISTER_FILES:
            raise EntryError(
                f"unknown entry type {self.type!r}; one of {', '.join(REGISTER_FILES)}"
            )
        if not names:
            raise EntryError("an entry needs at least one name form")
        wikidata = self.wikidata.strip()
        if wikidata and not WIKIDATA_ID.match(wikidata):
            raise EntryError(
                f"{wikidata!r} is not a Wikidata identifier (Q followed by digits, e.g. Q1394)"
            )
        for label, value in (("birth", self.birth), ("death", self.death)):
            if value.strip() and not _LIFE_DATE.match(value.strip()):
                raise EntryError(
                    f"{label} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
                )
        return NewEntry(self.type, names, self.birth.strip(), self.death.strip(), wikidata)


def new_xml_id(names: tuple[str, ...], taken: set[str]) -> str:
    """An ``xml:id`` from the first name form, made unique: ``shcherbachev``, ``shcherbachev-2``.

    The one rule of :func:`~tei_tools.markup.registers.entry_id`, which the
    review report and the language server's quick fix use as well.
    """
    return entry_id(names[0], taken)


def add_entry(corpus: Path, entry: NewEntry, registry: Registry, *, note: str = "") -> str:
    """Write a new entry into the collection's register file; return its pointer (``per:x``).

    The caller holds the review lock (:func:`~tei_tools.markup.decisions.store.corpus_lock`).
    """
    entry = entry.validated()
    file_name, list_tag, entry_tag, name_tag, prefix = REGISTER_FILES[entry.type]
    taken = registry.taken_ids(prefix)
    xml_id = new_xml_id(entry.names, taken)
    path = corpus / REGISTERS_DIR / file_name
    tree = parse_xml_file(path) if path.is_file() else empty_register(list_tag, file_name)
    listing = next(tree.getroot().iter(f"{_T}{list_tag}"), None)
    if listing is None:
        raise EntryError(f"no <{list_tag}> to add the entry to", file=str(path))
    element = etree.SubElement(listing, f"{_T}{entry_tag}")
    element.set(f"{{{XML_NS}}}id", xml_id)
    for name in entry.names:
        etree.SubElement(element, f"{_T}{name_tag}").text = name
    if entry_tag == "person":
        for tag, value in (("birth", entry.birth), ("death", entry.death)):
            if value:
                etree.SubElement(element, f"{_T}{tag}").set("when", value)
    if entry.wikidata:
        idno = etree.SubElement(element, f"{_T}idno", type="wikidata")
        idno.text = entry.wikidata
    if note:
        etree.SubElement(element, f"{_T}note").text = note
    _indent_and_write(tree, path)
    return f"{prefix}:{xml_id}"


def remove_entry(corpus: Path, ref: str) -> bool:
    """Take an entry the review created out again (undo); False when it is not there."""
    prefix, _, xml_id = ref.partition(":")
    for file_name, _, entry_tag, _, file_prefix in REGISTER_FILES.values():
        if file_prefix != prefix:
            continue
        path = corpus / REGISTERS_DIR / file_name
        if not path.is_file():
            return False
        tree = parse_xml_file(path)
        for element in tree.getroot().iter(f"{_T}{entry_tag}"):
            if element.get(f"{{{XML_NS}}}id") == xml_id:
                element.getparent().remove(element)
                if next(tree.getroot().iter(f"{_T}{entry_tag}"), None) is None:
                    # A register without entries is refused by every reader: the file goes.
                    path.unlink()
                else:
                    _indent_and_write(tree, path)
                return True
    return False


def empty_register(list_tag: str, file_name: str) -> etree._ElementTree:
    """A TEI register file with an empty list, as the shipped ones are laid out."""
    root = etree.Element(f"{_T}TEI", nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", "en")
    header = etree.SubElement(root, f"{_T}teiHeader")
    file_desc = etree.SubElement(header, f"{_T}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{_T}titleStmt")
    etree.SubElement(
        title_stmt, f"{_T}title"
    ).text = f"Collection register: {file_name} ({list_tag})"
    publication = etree.SubElement(file_desc, f"{_T}publicationStmt")
    etree.SubElement(
        publication, f"{_T}p"
    ).text = "Entries added during editorial review (tei-tools review); read after the shipped registers."
    source = etree.SubElement(file_desc, f"{_T}sourceDesc")
    etree.SubElement(source, f"{_T}p").text = "Compiled by the collection's editors."
    body = etree.SubElement(etree.SubElement(root, f"{_T}text"), f"{_T}body")
    etree.SubElement(body, f"{_T}{list_tag}")
    return etree.ElementTree(root)


def _indent_and_write(tree: etree._ElementTree, path: Path) -> None:
    etree.indent(tree, space="  ")
    write_atomic(path, serialize(tree))


# --------------------------------------------------------------------------- search


@dataclass(frozen=True)
class Hit:
    """An entry found by a search, ready to show: pointer, label, forms, dates, identifiers."""

    ref: str
    label: str
    kind: str
    names: tuple[str, ...]
    birth: str
    death: str
    wikidata: str
    viaf: str

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "label": self.label,
            "kind": self.kind,
            "names": list(self.names),
            "birth": self.birth,
            "death": self.death,
            "wikidata": self.wikidata,
            "viaf": self.viaf,
        }


def fold(text: str) -> str:
    """Lower case without diacritics, for matching what the editor types."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class RegisterIndex:
    """Every name form of every person, body and place entry, folded once for searching."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._forms: list[tuple[str, Entry]] = [
            (fold(name), entry)
            for entry in registry.of_kind("person", "org", "place")
            for name in entry.names
        ]

    def search(self, query: str, *, kind: str = "", limit: int = 20) -> list[Hit]:
        """Entries with a name form containing ``query``; forms starting with it first."""
        wanted = fold(" ".join(query.split()))
        if not wanted:
            return []
        ranked: dict[str, tuple[int, Entry]] = {}
        for form, entry in self._forms:
            if kind and entry.kind != kind:
                continue
            at = form.find(wanted)
            if at < 0:
                continue
            rank = 0 if at == 0 else 1 if form[at - 1] == " " else 2
            if entry.ref not in ranked or rank < ranked[entry.ref][0]:
                ranked[entry.ref] = (rank, entry)
        ordered = sorted(ranked.values(), key=lambda item: (item[0], item[1].label))
        return [hit_of(entry) for _, entry in ordered[:limit]]

    def entries(self, refs: list[str]) -> list[Hit]:
        """The entries named by pointers (an ambiguous name's candidates), in that order."""
        found = (self.registry.lookup(ref) for ref in refs)
        return [hit_of(entry) for entry in found if entry is not None]


def hit_of(entry: Entry) -> Hit:
    return Hit(
        entry.ref,
        entry.label,
        entry.kind,
        tuple(entry.names),
        entry.birth or "",
        entry.death or "",
        entry.wikidata or "",
        entry.viaf or "",
    )
