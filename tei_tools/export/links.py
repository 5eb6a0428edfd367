"""Where a TEI pointer leads in an exported page: in-page anchors, registers, prefixDef URLs.

TEI points at people, places and sources with ``@ref``: ``#id`` for an
element of the same document, ``per:trotsky`` for a register entry whose
expansion the header declares in ``listPrefixDef``, or a plain URL.  The
exporter resolves all of them from two dictionaries built in one pass, so
resolving a pointer never searches the document.

>>> from lxml import etree
>>> doc = etree.fromstring(
...     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><listPrefixDef>'
...     '<prefixDef ident="per" matchPattern="(.+)" replacementPattern="persons.xml#$1"/>'
...     '</listPrefixDef></encodingDesc></teiHeader><text/></TEI>'
... )
>>> LinkResolver.from_document(doc).resolve("per:trotsky").href
'persons.xml#trotsky'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from tei_tools.export.elements import local_name
from tei_tools.export.urls import ALLOWED_SCHEMES
from tei_tools.xml import XML_NS

XML_ID = f"{{{XML_NS}}}id"
_DOLLAR_GROUP = re.compile(r"\$(\d)")


@dataclass(frozen=True)
class PrefixDef:
    """One ``prefixDef``: a private URI scheme and how to expand it."""

    ident: str
    match: re.Pattern[str]
    replacement: str

    def expand(self, value: str) -> str | None:
        """The URL for ``ident:value``, or None when the pattern does not match."""
        found = self.match.fullmatch(value)
        if found is None:
            return None
        return _DOLLAR_GROUP.sub(lambda m: found.group(int(m.group(1))) or "", self.replacement)


@dataclass(frozen=True)
class Target:
    """Where a pointer leads: ``href`` for a link, and what a register says about it."""

    ref: str
    href: str | None
    in_page: bool = False
    entry: Mapping[str, str] | None = None


@dataclass
class LinkResolver:
    """Resolve ``@ref``/``@target`` values with dictionary look-ups only."""

    ids: set[str] = field(default_factory=set)
    prefixes: dict[str, PrefixDef] = field(default_factory=dict)
    registers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_document(
        cls,
        root: etree._Element,
        registers: Mapping[str, Mapping[str, str]] | None = None,
    ) -> LinkResolver:
        """Index the document's ``xml:id``s and ``prefixDef``s in one walk."""
        ids: set[str] = set()
        prefixes: dict[str, PrefixDef] = {}
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            identifier = element.get(XML_ID)
            if identifier:
                ids.add(identifier)
            if local_name(element) == "prefixDef":
                definition = parse_prefix_def(element)
                if definition is not None:
                    prefixes.setdefault(definition.ident, definition)
        return cls(ids, prefixes, registers or {})

    def resolve(self, pointer: str) -> Target:
        """Resolve one pointer (the first of a space-separated list).

        A register entry's own ``href`` wins over the prefixDef expansion,
        which wins over leaving the pointer unresolved (``href`` None).
        """
        tokens = pointer.split()
        ref = tokens[0] if tokens else ""
        entry = self.registers.get(ref)
        if ref.startswith("#"):
            found = ref[1:] in self.ids
            return Target(ref, ref if found else None, found, entry)
        href: str | None = None
        scheme, colon, rest = ref.partition(":")
        if colon and scheme in self.prefixes:
            href = self.prefixes[scheme].expand(rest)
        elif colon and scheme.lower() in ALLOWED_SCHEMES:
            href = ref
        elif ref and not colon:
            href = ref  # a relative reference: a file beside the document
        if entry is not None and entry.get("href"):
            href = entry["href"]
        return Target(ref, href, False, entry)


def parse_prefix_def(element: etree._Element) -> PrefixDef | None:
    """A ``prefixDef`` as a compiled pattern; None if it lacks a part or its regex is broken."""
    ident = element.get("ident")
    pattern = element.get("matchPattern")
    replacement = element.get("replacementPattern")
    if not (ident and pattern and replacement is not None):
        return None
    try:
        return PrefixDef(ident, re.compile(pattern), replacement)
    except re.error:
        return None


def registry_entries(
    paths: Iterable[str | os.PathLike[str]] = (),
) -> dict[str, dict[str, str]]:
    """The registers (built-in plus ``paths``) as the exporters' ``ref -> entry`` mapping.

    The exporters take plain mappings so they work without the markup step;
    this adapter is the one place that knows the registry's own classes.
    """
    from tei_tools.markup.registers import load_registry

    registry = load_registry(list(paths))
    return {
        ref: {
            "label": entry.label,
            "wikidata": entry.wikidata or "",
            "dates": "–".join(d[:4].lstrip("0") for d in (entry.birth, entry.death) if d)
            if entry.birth and entry.death
            else "",
        }
        for ref, entry in registry.entries.items()
    }
