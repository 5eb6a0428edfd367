"""Pointer checks no schema makes: every local ``#id`` must name an element.

TEI's pointer attributes hold whitespace-separated URIs.  A bare ``#id`` must
resolve to an ``xml:id`` in the same document; a prefixed pointer such as
``psn:goethe`` is first expanded through the document's ``prefixDef``
declarations, and checked when the expansion is itself a local ``#id``.
Pointers into other files are left alone (they are not ours to read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tei_tools.validate.problems import ERROR, Problem

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Attributes whose values are (lists of) pointers in TEI.
POINTER_ATTRIBUTES = frozenset(
    {
        "ref",
        "target",
        "corresp",
        "who",
        "ana",
        "sameAs",
        "copyOf",
        "next",
        "prev",
        "synch",
        "resp",
        "hand",
        "facs",
        "source",
        "start",
        "end",
        "from",
        "to",
        "active",
        "passive",
        "mutual",
        "wit",
        "select",
        "exclude",
        "decls",
        "change",
        "scribeRef",
        "scriptRef",
        "spanTo",
        "location",
        "nymRef",
        "calendar",
        "datingMethod",
        "datingPoint",
        "edRef",
        "inst",
        "rendition",
        "domains",
        "parts",
        "targets",
        "fVal",
        "feats",
        "assertedValue",
        "where",
        "sortKey",
    }
)
# @from/@to are dates on date-like elements, pointers on others (span, link ...).
_DATE_ELEMENTS = frozenset(
    {
        "date",
        "change",
        "birth",
        "death",
        "event",
        "state",
        "trait",
        "occupation",
        "residence",
        "floruit",
        "origDate",
        "time",
        "docDate",
        "creation",
        "affiliation",
        "education",
        "faith",
        "langKnowledge",
        "nationality",
        "socecStatus",
        "sex",
        "gender",
        "age",
        "persName",
        "placeName",
        "orgName",
        "name",
        "relation",
        "idno",
        "precision",
        "sortKey",
        "bibl",
        "acquisition",
        "provenance",
        "origin",
    }
)


def check_pointers(tree: etree._ElementTree, file: str) -> Iterator[Problem]:
    """Yield an error for each local pointer that names no ``xml:id`` of the document."""
    root = tree.getroot()
    ids = {node.get(XML_ID) for node in root.iter(etree.Element) if node.get(XML_ID)}
    prefixes = prefix_definitions(root)
    for node in root.iter(etree.Element):
        local_name = etree.QName(node).localname
        for key, value in node.attrib.items():
            if key.startswith("{") or key not in POINTER_ATTRIBUTES:
                continue
            if key in ("from", "to", "sortKey", "where") and (
                local_name in _DATE_ELEMENTS or not value.startswith("#")
            ):
                continue
            for token in value.split():
                target = resolve_pointer(token, prefixes)
                if target is not None and target.startswith("#") and target[1:] not in ids:
                    yield Problem(
                        file,
                        node.sourceline,
                        None,
                        ERROR,
                        f'@{key}="{token}" points to "{target}", but no element has xml:id="{target[1:]}"',
                        path=None,
                        rule="pointer",
                        suggestion=_closest(target[1:], ids),
                    )


def prefix_definitions(root: etree._Element) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """``prefixDef`` declarations: prefix -> [(matchPattern, replacementPattern)]."""
    found: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for node in root.iter(f"{{{TEI_NS}}}prefixDef"):
        ident, match, replacement = (
            node.get(a) for a in ("ident", "matchPattern", "replacementPattern")
        )
        if not (ident and match and replacement is not None):
            continue
        try:
            pattern = re.compile(match)
        except re.error:
            continue
        found.setdefault(ident, []).append((pattern, replacement))
    return found


def resolve_pointer(
    token: str, prefixes: dict[str, list[tuple[re.Pattern[str], str]]]
) -> str | None:
    """Expand a private-URI pointer through ``prefixDef``; plain URIs come back unchanged.

    >>> resolve_pointer("psn:goethe", {"psn": [(re.compile("(.+)"), "#$1")]})
    '#goethe'
    """
    if token.startswith("#"):
        return token
    prefix, sep, rest = token.partition(":")
    if not sep or prefix not in prefixes:
        return token
    for pattern, replacement in prefixes[prefix]:
        match = pattern.fullmatch(rest)
        if match:
            return _fill(replacement, (match.group(0), *match.groups()))
    return None


def _fill(replacement: str, groups: tuple[str | None, ...]) -> str:
    """Substitute ``$1``..``$9`` in a prefixDef replacement pattern."""
    return re.sub(r"\$(\d)", lambda m: groups[int(m.group(1))] or "", replacement)


def _closest(word: str, ids: set[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, sorted(ids), n=1, cutoff=0.8)
    return f"#{close[0]}" if close else None
