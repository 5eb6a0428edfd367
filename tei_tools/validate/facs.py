"""``@facs``: every pointer to a page image resolves, to a file or to a surface or zone.

``@facs`` points either at an image file (``pb facs="scans/f3r.jpg"``) or at
the part of the document's ``<facsimile>`` that holds the image
(``pb facs="#surface-3"``, ``l facs="#zone-12"``).  The pointer check
(:mod:`tei_tools.validate.pointers`) already reports an ``#id`` that no
element carries; this check adds what only ``@facs`` means: the element
named must be a facsimile part (a ``surface``, ``zone``, ``graphic`` or
``surfaceGrp``), and a relative file must exist beside the document.
Addresses with a scheme (``https:``) are not fetched, and a file outside the
document's folder (``..``, an absolute path) is not looked at, as for pointers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.validate.problems import WARNING, ElementPaths, Problem

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: What a ``@facs`` fragment may name: the parts of a facsimile.
FACSIMILE_PARTS = frozenset({"surface", "zone", "graphic", "surfaceGrp", "media"})

_FACS = etree.XPath("//*[@facs]")
_IDS = etree.XPath("//*[@xml:id]")


def check_facs(
    tree: etree._ElementTree, file: str, *, severity: str = WARNING, document: Path | None = None
) -> Iterator[Problem]:
    """Yield a problem for each ``@facs`` that names no image: a missing file, or not a surface.

    >>> from tei_tools.xml import parse_xml_bytes
    >>> tree = parse_xml_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="a"/>'
    ...                        b'<pb facs="#a"/></TEI>')
    >>> [p.code for p in check_facs(tree, "x.xml")]
    ['facs-not-image']
    """
    elements = _FACS(tree)
    if not elements:
        return
    kinds = {node.get(XML_ID): etree.QName(node).localname for node in _IDS(tree)}
    paths = ElementPaths()  # hundreds of page breaks in one parent: counted once
    files: dict[str, bool] = {}  # one look on disk per image named
    for node in elements:
        for token in node.get("facs").split():
            why, code = _unresolved(token, kinds, document, files)
            if why is None:
                continue
            yield Problem(
                file,
                node.sourceline,
                None,
                severity,
                f'@facs="{token}" {why}',
                path=paths(node),
                rule="pointer",
                attribute="facs",
                code=code,
                value=token,
            )


def _unresolved(
    token: str, kinds: dict[str, str], document: Path | None, files: dict[str, bool]
) -> tuple[str | None, str]:
    if token.startswith("#"):
        kind = kinds.get(token[1:])
        if kind is None or kind in FACSIMILE_PARTS:
            return None, ""  # a dangling id is the pointer check's finding
        return (
            f'points to a "{kind}", not to a surface or zone of the facsimile',
            "facs-not-image",
        )
    parsed = urlparse(token)
    if parsed.scheme or parsed.netloc or document is None or not parsed.path:
        return None, ""
    relative = PurePosixPath(unquote(parsed.path))
    if relative.is_absolute() or ".." in relative.parts or relative.suffix.lower() == ".xml":
        return None, ""
    exists = files.get(str(relative))
    if exists is None:
        exists = files[str(relative)] = (document.parent / relative).is_file()
    if exists:
        return None, ""
    return f'names the image "{relative}", which does not exist beside the document', (
        "facs-file-missing"
    )
