"""What a RELAX NG grammar allows where: the basis of "expected ..." and "did you mean".

libxml2's messages say what went wrong but rarely what would have been right.
This index answers, for an element name, which child elements and attributes
its definition(s) allow, read from the *full* grammar (not the specialised
one, which only knows the document's own names).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from lxml import etree

from tei_tools.validate.specialise import (
    _R,
    XML_NS,
    Name,
    _inherited_ns,
    _local,
    _resolve_qname,
)


@dataclass
class SchemaIndex:
    """Allowed children and attributes per element name, in prefixed display form."""

    children: dict[Name, set[str]] = field(default_factory=dict)
    attributes: dict[Name, set[str]] = field(default_factory=dict)
    required_attributes: dict[Name, set[str]] = field(default_factory=dict)
    element_names: set[str] = field(default_factory=set)
    attribute_names: set[str] = field(default_factory=set)
    root_names: set[str] = field(default_factory=set)

    def allowed_children(self, name: Name) -> list[str]:
        return sorted(self.children.get(name, ()), key=str.lower)

    def allowed_attributes(self, name: Name) -> list[str]:
        return sorted(self.attributes.get(name, ()), key=str.lower)

    def knows_element(self, local: str) -> bool:
        return local in self.element_names


def did_you_mean(word: str, candidates: list[str] | set[str]) -> str | None:
    """The closest candidate to a misspelled name, ignoring case first.

    >>> did_you_mean("persname", ["persName", "placeName"])
    'persName'
    """
    pool = sorted(candidates)
    by_lower = {c.lower(): c for c in pool}
    if word.lower() in by_lower and by_lower[word.lower()] != word:
        return by_lower[word.lower()]
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
    return close[0] if close else None


def build_index(grammar: etree._Element) -> SchemaIndex:
    """Walk every named element pattern once; defines are summarised once each."""
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    memo: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
    index = SchemaIndex()

    def summarise(node: etree._Element, optional: bool, stack: set[str]) -> tuple[set, set, set]:
        kids: set[str] = set()
        attrs: set[str] = set()
        required: set[str] = set()
        for child in node:
            kind = _local(child)
            if not kind:
                continue
            if kind == "element":
                kids.add(_display(child))
            elif kind == "attribute":
                label = _display(child)
                attrs.add(label)
                if not optional:
                    required.add(label)
            elif kind == "ref":
                name = child.get("name")
                if name in defines and name not in stack:
                    if name not in memo:
                        k, a, r = summarise(defines[name], False, stack | {name})
                        memo[name] = (frozenset(k), frozenset(a), frozenset(r))
                    k, a, r = memo[name]
                    kids |= k
                    attrs |= a
                    if not optional:
                        required |= r
            elif kind in ("optional", "zeroOrMore", "choice"):
                k, a, _ = summarise(child, True, stack)
                kids |= k
                attrs |= a
            elif kind in ("group", "interleave", "oneOrMore", "mixed"):
                k, a, r = summarise(child, optional, stack)
                kids |= k
                attrs |= a
                required |= r
        return kids, attrs, required

    for element in grammar.iter(_R + "element"):
        name = _fixed_name(element)
        if name is None:
            continue
        kids, attrs, required = summarise(element, False, set())
        index.children.setdefault(name, set()).update(k for k in kids if k)
        index.attributes.setdefault(name, set()).update(a for a in attrs if a)
        index.required_attributes.setdefault(name, set()).update(r for r in required if r)
        index.element_names.add(name[1])
    for start in grammar.iter(_R + "start"):
        kids, _, _ = summarise(start, False, set())
        index.root_names |= kids
    for attrs in index.attributes.values():
        index.attribute_names |= {a for a in attrs if a != "*"}
    return index


def _fixed_name(pattern: etree._Element) -> Name | None:
    name = pattern.get("name")
    if name is None:
        first = next((c for c in pattern if _local(c)), None)
        if first is None or _local(first) != "name":
            return None
        return _resolve_qname(first.text or "", first, _inherited_ns(first))
    default = pattern.get("ns", "") if _local(pattern) == "attribute" else _inherited_ns(pattern)
    return _resolve_qname(name, pattern, default)


def _display(pattern: etree._Element) -> str:
    """``xml:id`` for the XML namespace, ``ns:local`` for other foreign names, else ``local``."""
    name = _fixed_name(pattern)
    if name is None:
        return "*"
    ns, local = name
    if ns == XML_NS:
        return f"xml:{local}"
    if _local(pattern) == "attribute" and ns:
        prefix = next((p for p, uri in pattern.nsmap.items() if uri == ns and p), None)
        return f"{prefix}:{local}" if prefix else f"{{{ns}}}{local}"
    return local
