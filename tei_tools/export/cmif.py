"""CMIF: one file that lists a collection's letters, as correspSearch reads them.

The Correspondence Metadata Interchange Format (TEI Correspondence SIG) is a
TEI header holding one ``correspDesc`` per letter.  Each letter's own header
already has its ``correspDesc`` (:mod:`tei_tools.tei.correspondence`); this
module gathers them, gives each the address of its letter (``@ref``), keeps a
name's link only where it is an authority's URI (a register entry's VIAF
identifier; a ``per:`` pointer means nothing outside this edition), and writes
the file's own facts from the collection's settings.  ``schemas/cmif.rng``
checks the result.

CMIF requires a licence and a publisher; a collection that names neither
gets :class:`~tei_tools.errors.UsageError` saying which setting to add,
never a licence the editor did not choose.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from tei_tools.errors import UsageError
from tei_tools.xml import TEI_NS, parse_xml_file

_T = f"{{{TEI_NS}}}"
#: The file name a site gives its CMIF file.
CMIF_FILE = "cmif.xml"
#: The date attributes CMIF knows, and the forms of their values.
_DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
_CERTAINTY = ("high", "medium", "low", "unknown")


@dataclass(frozen=True)
class CmifFacts:
    """What the CMIF file says of itself (``teiHeader/fileDesc``)."""

    title: str
    editor: str
    publisher: str
    licence: str
    licence_url: str
    #: The file's own address (``idno type="url"``): where it is published.
    url: str
    #: When the letters' metadata last changed (an xsd:dateTime).
    updated: str
    #: The edition the letters are from, and whether it is printed or online.
    edition: str
    edition_url: str = ""
    printed: bool = False


@dataclass(frozen=True)
class Letter:
    """One letter of the collection: its TEI and its address in the edition."""

    tree: etree._ElementTree | etree._Element
    url: str


def missing_facts(*, publisher: str, licence: str, licence_url: str, editor: str) -> list[str]:
    """The settings CMIF needs that a collection does not give (empty when all are there)."""
    wanted = {
        "publisher": publisher,
        "licence": licence,
        "licence_url": licence_url,
        "editors": editor,
    }
    return [key for key, value in wanted.items() if not value]


def cmif_document(
    letters: Iterable[Letter],
    facts: CmifFacts,
    authorities: Mapping[str, str] | None = None,
) -> etree._ElementTree:
    """The CMIF file of ``letters``: one ``correspDesc`` for each that has one.

    ``authorities`` maps a register pointer (``per:x``) to an authority's URI;
    a name whose pointer is not there keeps its words without ``@ref``.
    """
    authorities = authorities or {}
    root = etree.Element(f"{_T}TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(root, f"{_T}teiHeader")
    header.append(_file_description(facts))
    profile = etree.SubElement(header, f"{_T}profileDesc")
    for letter in letters:
        desc = _letter_description(letter, authorities)
        if desc is not None:
            profile.append(desc)
    if not len(profile):
        raise UsageError(
            "no letter of the collection names its sender or addressee: nothing for CMIF"
        )
    text = etree.SubElement(root, f"{_T}text")
    etree.SubElement(etree.SubElement(text, f"{_T}body"), f"{_T}p")
    return etree.ElementTree(root)


def _element(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(f"{_T}{tag}", {k: v for k, v in attrs.items() if v})
    element.text = text
    return element


def _file_description(facts: CmifFacts) -> etree._Element:
    file_desc = _element("fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{_T}titleStmt")
    title_stmt.append(_element("title", facts.title))
    title_stmt.append(_element("editor", facts.editor))
    publication = etree.SubElement(file_desc, f"{_T}publicationStmt")
    publication.append(_element("publisher", facts.publisher))
    publication.append(_element("idno", facts.url, type="url"))
    publication.append(_element("date", when=facts.updated))
    availability = etree.SubElement(publication, f"{_T}availability")
    availability.append(_element("licence", facts.licence, target=facts.licence_url))
    source = etree.SubElement(file_desc, f"{_T}sourceDesc")
    bibl = etree.SubElement(source, f"{_T}bibl", type="print" if facts.printed else "online")
    bibl.text = facts.edition
    if facts.edition_url:
        bibl.text += ", "
        bibl.append(_element("ref", facts.edition_url, target=facts.edition_url))
    return file_desc


def _letter_description(letter: Letter, authorities: Mapping[str, str]) -> etree._Element | None:
    root = letter.tree.getroot() if isinstance(letter.tree, etree._ElementTree) else letter.tree
    found = root.find(f"{_T}teiHeader/{_T}profileDesc/{_T}correspDesc")
    if found is None:
        return None
    desc = _element("correspDesc", ref=letter.url)
    for action in found.iterfind(f"{_T}correspAction"):
        if action.get("type") not in ("sent", "received"):
            continue
        kept = _element("correspAction", type=action.get("type", ""))
        for child in action:
            tag = etree.QName(child).localname
            if tag in ("persName", "orgName", "placeName"):
                words = " ".join("".join(child.itertext()).split())
                ref = authorities.get(child.get("ref") or "", "")
                kept.append(_element(tag, words, ref=ref))
            elif tag == "date":
                date = _date(child)
                if date is not None:
                    kept.append(date)
        if kept.find(f"{_T}persName") is None and kept.find(f"{_T}orgName") is None:
            # CMIF names the sender and the addressee: "Unknown" where the text does not.
            kept.insert(0, _element("persName", "Unknown"))
        desc.append(kept)
    return desc if len(desc) else None


def _date(element: etree._Element) -> etree._Element | None:
    """The date with the attributes CMIF reads, in its forms (YYYY, YYYY-MM, YYYY-MM-DD)."""
    attrs = {name: element.get(name) for name in _DATE_ATTRIBUTES if _cmif_date(element.get(name))}
    if not attrs:
        return None
    certainty = element.get("cert")
    date = _element("date", **{k: v for k, v in attrs.items() if v})
    if certainty in _CERTAINTY:
        date.set("cert", certainty)
    return date


def _cmif_date(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value or "") is not None


def viaf_authorities(entries: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Register pointers with a VIAF identifier, as VIAF URIs (``http://viaf.org/viaf/N``)."""
    found = {}
    for ref, viaf in entries:
        if not viaf:
            continue
        number = viaf.rstrip("/").rsplit("/", 1)[-1]
        if number.isdigit():
            found[ref] = f"http://viaf.org/viaf/{number}"
    return found


@functools.cache
def cmif_schema() -> etree.RelaxNG:
    """``schemas/cmif.rng``, compiled once (the package's copy when installed)."""
    package = resources.files("tei_tools")
    installed = package / "schemas" / "cmif.rng"
    path = Path(str(installed))
    if not path.is_file():
        path = Path(str(package)).parent / "schemas" / "cmif.rng"
    return etree.RelaxNG(parse_xml_file(path))


def cmif_problems(tree: etree._ElementTree) -> list[str]:
    """Where a CMIF file breaks ``schemas/cmif.rng`` (empty when it is valid)."""
    schema = cmif_schema()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
