"""A collection's CMIF file: its letters' correspondence facts for correspSearch.

:func:`collection_cmif` reads what the file says of itself from the
collection's ``tei-tools.toml`` (title, editors, publisher, licence, base URL,
printed source) and its letters' headers; ``tei-tools export cmif`` and the
build (``cmif.xml`` beside the documents) both write it from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_tools.corpus.collection import BuildSettings, Collection, collection_info_of
from tei_tools.corpus.results import DOCUMENT_DIR
from tei_tools.errors import UsageError
from tei_tools.export.cmif import (
    CMIF_FILE,
    CmifFacts,
    Letter,
    cmif_document,
    cmif_problems,
    missing_facts,
    viaf_authorities,
)


def cmif_facts(settings: BuildSettings, *, url: str, updated: str) -> CmifFacts:
    """What the CMIF file says of itself, from the collection's settings.

    Raises :class:`UsageError` naming the settings CMIF needs and the
    collection does not give (a licence is the editor's choice, never assumed).
    """
    info = collection_info_of(settings)
    editor = info.editors[0].name if info.editors else ""
    missing = missing_facts(
        publisher=info.publisher, licence=info.licence, licence_url=info.licence_url, editor=editor
    )
    if missing:
        raise UsageError(
            "CMIF needs the collection's "
            + ", ".join(missing)
            + " in tei-tools.toml (correspSearch takes CC BY 4.0 or CC0 licences)"
        )
    title = info.title or settings.title or "Letters"
    return CmifFacts(
        title=title,
        editor=editor,
        publisher=info.publisher,
        licence=info.licence,
        licence_url=info.licence_url,
        url=url,
        updated=updated,
        edition=info.source.title or title,
        edition_url=info.base_url,
        printed=bool(info.source.title),
    )


def letter_address(settings: BuildSettings, stem: str) -> str:
    """A letter's page in the edition: absolute with the base URL, else relative to the site."""
    page = f"{DOCUMENT_DIR}/{stem}.html"
    info = collection_info_of(settings)
    return info.base_url + page if info.base_url else page


def cmif_address(settings: BuildSettings, fallback: str = CMIF_FILE) -> str:
    """Where the CMIF file is published: on the site with a base URL, else ``fallback``."""
    info = collection_info_of(settings)
    return info.base_url + CMIF_FILE if info.base_url else fallback


def last_change(paths: Iterable[Path]) -> str:
    """The newest modification time of ``paths`` as an xsd:dateTime (UTC).

    Taken from the inputs, not the clock, so that building again from the same
    files gives the same bytes.
    """
    newest = max((path.stat().st_mtime for path in paths if path.exists()), default=0.0)
    moment = dt.datetime.fromtimestamp(int(newest), tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def collection_cmif(
    collection: Collection,
    letters: Iterable[tuple[str, etree._ElementTree]],
    *,
    fallback_url: str = CMIF_FILE,
) -> etree._ElementTree:
    """The CMIF file of a collection's letters (``(stem, TEI tree)`` pairs, in order)."""
    from tei_tools.corpus.document import registry_for

    settings = collection.settings
    facts = cmif_facts(
        settings,
        url=cmif_address(settings, fallback_url),
        updated=last_change(d.path for d in collection.documents),
    )
    registry = registry_for(settings)
    authorities = viaf_authorities((ref, entry.viaf) for ref, entry in registry.entries.items())
    tree = cmif_document(
        (Letter(tree, letter_address(settings, stem)) for stem, tree in letters),
        facts,
        authorities,
    )
    problems = cmif_problems(tree)
    if problems:  # a fault of tei-tools, not of the collection: say where
        raise UsageError("the CMIF file does not validate: " + "; ".join(problems[:3]))
    return tree


def letters_of(collection: Collection) -> list[tuple[str, etree._ElementTree]]:
    """Every document of the collection as TEI: sources converted as the build converts them."""
    from tei_tools.convert import convert_bytes
    from tei_tools.corpus.document import profile_for, registry_for
    from tei_tools.xml import parse_xml_bytes, read_input_bytes

    settings = collection.settings
    profile, registry = profile_for(settings), registry_for(settings)
    letters = []
    for document in collection.documents:
        data = read_input_bytes(document.path)
        if document.kind == "source":
            tree = convert_bytes(
                data,
                encoding=settings.encoding,
                source_name=str(document.path),
                profile=profile,
                registry=registry,
            ).tree
        else:
            tree = parse_xml_bytes(data, source=str(document.path), location=document.path)
        letters.append((document.stem, tree))
    return letters


def site_letters(site: Path, stems: Iterable[str]) -> list[tuple[str, etree._ElementTree]]:
    """The TEI the site holds for each of ``stems`` (``tei/STEM.xml``), in order."""
    from tei_tools.corpus.results import TEI_DIR
    from tei_tools.xml import parse_xml_file

    found = []
    for stem in stems:
        path = site / TEI_DIR / f"{stem}.xml"
        if path.is_file():
            found.append((stem, parse_xml_file(path)))
    return found
