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

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from lxml import etree

from tei_tools.register_prefixes import REGISTER_BASE, REGISTER_PREFIXES
from tei_tools.validate.corpus_scope import CorpusScope
from tei_tools.validate.prefixdef import (
    MatchBudget,
    PrefixBudgetSpent,
    PrefixPatternError,
    PrefixRule,
    read_prefix_rule,
)
from tei_tools.validate.problems import WARNING, Problem, element_path
from tei_tools.validate.xinclude import FallbackTaken

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
    adds).  A bare ``#id`` the document lacks may be defined in its corpus
    root (``corpus``).  Anything else outside the document is not ours to
    judge.  One instance serves a whole batch, so each file and the registry
    are read once.
    """

    def __init__(self, registers: tuple[Path, ...] = (), corpus: CorpusScope | None = None) -> None:
        self.registers = registers
        self.corpus = corpus or CorpusScope()
        self._registry = None
        self._file_ids: dict[Path, frozenset[str] | None] = {}

    def local_miss(self, fragment: str, document: Path | None) -> str | None:
        """Why a bare ``#fragment`` the document lacks names nothing, or None when it resolves.

        It resolves when the document's corpus root (see :mod:`corpus_scope`) defines it.
        """
        corpus = self.corpus.corpus_of(document) if document is not None else None
        if corpus is None:
            return f'no element has xml:id="{fragment}"'
        if fragment in corpus.ids:
            return None
        return f'neither this document nor its corpus root "{corpus.root.name}" has xml:id="{fragment}"'

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
    fallbacks: Sequence[FallbackTaken] = (),
) -> Iterator[Problem]:
    """Yield a problem for each pointer that names no ``xml:id`` of the document or its registers.

    Findings are warnings unless ``severity`` says otherwise (``--strict``):
    a schema-valid document stays valid, as Jing would have it.  ``fallbacks``
    are the document's XIncludes that were not read: an id a bare ``#id``
    names may be in such a file, and its finding says so.
    """
    root = tree.getroot()
    ids = set(_ALL_IDS(root))
    prefixes, broken = prefix_definitions(root)
    for error in broken:
        yield _finding(file, error.node, severity, error.message, "pointer-prefix-definition")
    targets = targets or PointerTargets()
    suggest = _Suggester(ids)
    budget = MatchBudget()
    unchecked: dict[str, int] = {}  # prefix -> pointers left unchecked once its time was spent
    for node, key, value in _pointer_attributes(root):
        if key in ("from", "to", "sortKey", "where") and (
            etree.QName(node).localname in _DATE_ELEMENTS or not value.startswith("#")
        ):
            continue
        for token in value.split():
            try:
                target = resolve_pointer(token, prefixes, budget)
            except PrefixBudgetSpent:
                prefix = token.partition(":")[0]
                unchecked[prefix] = unchecked.get(prefix, 0) + 1
                continue
            except PrefixPatternError as error:
                yield replace(
                    _finding(
                        file,
                        node,
                        severity,
                        f'@{key}="{token}": {error.message}',
                        "pointer-prefix-pattern",
                    ),
                    attribute=key,
                    value=token,
                )
                continue
            if target is None:
                continue
            if target.startswith("#"):
                if target[1:] in ids:
                    continue
                why = targets.local_miss(target[1:], document)
                if why is None:
                    continue
                why += _fallback_note(fallbacks)
                suggestion = suggest(target[1:])
            else:
                why = targets.missing(target, document)
                if why is None:
                    continue
                # A pointer into another file: say what changes the finding.
                why += POINTER_WAY_OUT
                suggestion = None
            yield Problem(
                file,
                node.sourceline,
                None,
                severity,
                f'@{key}="{token}" points to "{target}", but {why}',
                path=element_path(node),
                rule="pointer",
                suggestion=suggestion,
                attribute=key,
                code="pointer-dangling",
                value=token,
            )
    for prefix, count in unchecked.items():
        node = prefixes[prefix][0].node if prefixes.get(prefix) else None
        yield _finding(
            file,
            node,
            WARNING,
            f'{count} more pointer(s) with the prefix "{prefix}:" were not checked: the '
            f"document's time for matching prefixDef patterns ({budget.seconds:g} s) is spent",
            "pointer-unchecked",
        )


#: How to act on a pointer into a project's authority files that cannot be followed.
POINTER_WAY_OUT = (
    " (--register FILE reads a register; --lenient makes pointer findings warnings, "
    "--no-extra-checks skips them)"
)


def _fallback_note(fallbacks: Sequence[FallbackTaken]) -> str:
    """What a dangling ``#id`` may owe to XIncludes not read (empty when every one was read)."""
    if not fallbacks:
        return ""
    first = fallbacks[0]
    where = f" (line {first.line})" if first.line else ""
    if len(fallbacks) == 1:
        return (
            f'; the XInclude of "{first.href}"{where} was not read and its fallback was used, '
            "so the id may be in that file"
        )
    return (
        f'; the XIncludes of "{first.href}"{where} and {len(fallbacks) - 1} more were not read '
        "and their fallbacks were used, so the id may be in one of those files"
    )


#: Markup inside ``<egXML>``: examples of encoding, not the document's own ids and pointers
#: (Jing, like the Guidelines, leaves them alone).
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
_ALL_IDS = etree.XPath(f"//@xml:id[namespace-uri(..) != '{EXAMPLES_NS}'][string(.) != '']")


def _finding(
    file: str, node: etree._Element | None, severity: str, message: str, code: str
) -> Problem:
    line = node.sourceline if node is not None else None
    path = element_path(node) if node is not None else None
    return Problem(file, line, None, severity, message, path=path, rule="pointer", code=code)


def _pointer_attributes(root: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, name, value) of each pointer attribute, in document order.

    A large edition has hundreds of thousands of attributes, few of them
    pointers: one set intersection per element (in C) skips the rest.
    """
    example = f"{{{EXAMPLES_NS}}}"
    for node in root.iter(etree.Element):
        keys = node.keys()
        if keys and not POINTER_ATTRIBUTES.isdisjoint(keys) and not node.tag.startswith(example):
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


def prefix_definitions(root: etree._Element) -> tuple[dict[str, list[PrefixRule]], list]:
    """The usable ``prefixDef`` rules by prefix, and the errors of the unusable ones."""
    found: dict[str, list[PrefixRule]] = {}
    broken: list[PrefixPatternError] = []
    for node in root.iter(f"{{{TEI_NS}}}prefixDef"):
        try:
            rule = read_prefix_rule(node)
        except PrefixPatternError as exc:
            broken.append(exc)
            continue
        if rule is not None:
            found.setdefault(rule.ident, []).append(rule)
    return found, broken


def resolve_pointer(
    token: str, prefixes: dict[str, list[PrefixRule]], budget: MatchBudget | None = None
) -> str | None:
    """Expand a private-URI pointer through ``prefixDef``; plain URIs come back unchanged.

    None when the prefix is declared but no rule matches (nothing to check).
    Raises :class:`PrefixPatternError` when a rule's pattern runs too long.

    >>> from tei_tools.validate.prefixdef import read_prefix_rule
    >>> rule = read_prefix_rule(etree.fromstring(
    ...     '<prefixDef ident="psn" matchPattern="(.+)" replacementPattern="#$1"/>'))
    >>> resolve_pointer("psn:goethe", {"psn": [rule]})
    '#goethe'
    """
    if token.startswith("#"):
        return token
    prefix, sep, rest = token.partition(":")
    if not sep or prefix not in prefixes:
        return token
    for rule in prefixes[prefix]:
        expanded = rule.expand(rest, budget)
        if expanded is not None:
            return expanded
    return None
