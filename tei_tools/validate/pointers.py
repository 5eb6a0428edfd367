"""Pointer checks no schema makes: every local ``#id`` must name an element.

TEI's pointer attributes hold whitespace-separated URIs.  A bare ``#id`` must
resolve to an ``xml:id`` in the same document; a prefixed pointer such as
``psn:goethe`` is first expanded through the document's ``prefixDef``
declarations, and checked when the expansion is itself a local ``#id``.
A pointer into another file is checked when that file lies next to the
document, and a pointer into tei-tools' register files (``registers/persons.xml``)
against the shipped registers; other files are not ours to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from lxml import etree

from tei_tools.validate.problems import WARNING, Problem

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


class PointerTargets:
    """Where pointers that leave the document are checked: sibling files and the registers.

    A pointer such as ``per:trotsky`` expands (through ``prefixDef``) to
    ``registers/persons.xml#trotsky``.  When that file lies next to the
    document, its ``xml:id``s decide; otherwise, for the register files
    tei-tools ships, its registers do (plus any register files the user
    adds).  Anything else outside the document is not ours to judge.  One
    instance serves a whole batch, so each file and the registry are read once.
    """

    def __init__(self, registers: tuple[Path, ...] = ()) -> None:
        self.registers = registers
        self._registry = None
        self._file_ids: dict[Path, frozenset[str] | None] = {}

    def missing(self, target: str, document: Path | None) -> str | None:
        """Why ``target`` (``file.xml#id``) names nothing, or None when it resolves or can't be judged."""
        location, _, fragment = target.partition("#")
        if not fragment or not location or urlparse(location).scheme:
            return None
        if document is not None and _is_nearby_xml(location):
            sibling = document.parent / location
            if sibling.is_file():
                ids = self._ids_in(sibling)
                if ids is None or fragment in ids:
                    return None
                return f'no element in "{location}" has xml:id="{fragment}"'
        prefix = register_prefix(location)
        if prefix is None:
            return None
        registry = self.registry()
        if not any(ref.startswith(f"{prefix}:") for ref in registry.entries):
            return None  # no register of this kind is installed: nothing to judge against
        if registry.lookup(f"{prefix}:{fragment}") is not None:
            return None
        return f'the registers have no entry "{prefix}:{fragment}"'

    def registry(self):
        if self._registry is None:
            from tei_tools.markup.registers import load_registry

            self._registry = load_registry(self.registers)
        return self._registry

    def _ids_in(self, path: Path) -> frozenset[str] | None:
        if path not in self._file_ids:
            from tei_tools.errors import TeiToolsError
            from tei_tools.xml import parse_xml_file

            try:
                root = parse_xml_file(path).getroot()
            except TeiToolsError:
                # An unreadable target is reported when that file is validated itself.
                self._file_ids[path] = None
            else:
                self._file_ids[path] = frozenset(
                    v for n in root.iter(etree.Element) if (v := n.get(XML_ID))
                )
        return self._file_ids[path]


def _is_nearby_xml(location: str) -> bool:
    """Only relative ``.xml`` paths below the document's folder are read: a hostile
    document must not make the validator open ``/etc/...`` or climb out with ``..``."""
    path = PurePosixPath(location)
    return not path.is_absolute() and ".." not in path.parts and path.suffix.lower() == ".xml"


def register_prefix(location: str) -> str | None:
    """The register prefix (``per``) of a pointer's file part (``registers/persons.xml``).

    >>> register_prefix("registers/persons.xml"), register_prefix("notes.xml")
    ('per', None)
    """
    from tei_tools.tei.header import REGISTER_BASE, REGISTER_PREFIXES

    if not location.startswith(REGISTER_BASE):
        return None
    name = location[len(REGISTER_BASE) :]
    return next((p for p, (file_name, _) in REGISTER_PREFIXES.items() if file_name == name), None)


def check_pointers(
    tree: etree._ElementTree,
    file: str,
    *,
    severity: str = WARNING,
    document: Path | None = None,
    targets: PointerTargets | None = None,
) -> Iterator[Problem]:
    """Yield a problem for each pointer that names no ``xml:id`` of the document or its registers.

    Findings are warnings unless ``severity`` says otherwise (``--strict``):
    a schema-valid document stays valid, as Jing would have it.
    """
    root = tree.getroot()
    ids = set(_ALL_IDS(root))
    prefixes = prefix_definitions(root)
    targets = targets or PointerTargets()
    suggest = _Suggester(ids)
    for node, key, value in _pointer_attributes(root):
        if key in ("from", "to", "sortKey", "where") and (
            etree.QName(node).localname in _DATE_ELEMENTS or not value.startswith("#")
        ):
            continue
        for token in value.split():
            target = resolve_pointer(token, prefixes)
            if target is None:
                continue
            if target.startswith("#"):
                if target[1:] in ids:
                    continue
                why: str | None = f'no element has xml:id="{target[1:]}"'
                suggestion = suggest(target[1:])
            else:
                why = targets.missing(target, document)
                if why is None:
                    continue
                suggestion = None
            yield Problem(
                file,
                node.sourceline,
                None,
                severity,
                f'@{key}="{token}" points to "{target}", but {why}',
                path=None,
                rule="pointer",
                suggestion=suggestion,
            )


_ALL_IDS = etree.XPath("//@xml:id[string(.) != '']")


def _pointer_attributes(root: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, name, value) of each pointer attribute, in document order.

    A large edition has hundreds of thousands of attributes, few of them
    pointers: one set intersection per element (in C) skips the rest.
    """
    for node in root.iter(etree.Element):
        keys = node.keys()
        if keys and not POINTER_ATTRIBUTES.isdisjoint(keys):
            for key in keys:
                if key in POINTER_ATTRIBUTES:
                    yield node, key, node.get(key)


class _Suggester:
    """The closest ``xml:id`` to a dangling one, remembered per target.

    A document often repeats the same dangling pointer many times, and a
    fuzzy match over thousands of ids is the costly part of the check; after
    :data:`MAX_SUGGESTIONS` distinct targets no further suggestions are made.
    """

    MAX_SUGGESTIONS = 50

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self.found: dict[str, str | None] = {}

    def __call__(self, word: str) -> str | None:
        if word not in self.found:
            if len(self.found) >= self.MAX_SUGGESTIONS:
                return None
            self.found[word] = self._closest(word)
        return self.found[word]

    def _closest(self, word: str) -> str | None:
        from tei_tools.validate.suggest import did_you_mean

        close = did_you_mean(word, self.ids, cutoff=0.8)
        return f"#{close}" if close else None


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
