"""Assembling an ISO Schematron schema before its rules run (ISO/IEC 19757-3).

The rule runner (:mod:`tei_tools.validate.schematron`) sees only concrete patterns with
concrete rules. This module gets it there, in the standard's order:

1. ``include`` elements are replaced by the element they point at (a whole file, or the
   element with that ``id`` after ``#``), recursively, relative to the including file;
2. each ``pattern is-a="..."`` becomes a copy of that abstract pattern with every
   ``$param`` in its queries replaced by the instance's ``param/@value``;
3. ``extends rule="..."`` in a rule is replaced by the assertions and variables of that
   abstract rule (``extends href="..."`` by those of the rule in another file);
4. the phase (``defaultPhase``, or the one asked for; ``#ALL`` for every pattern) picks the
   active patterns, and its ``let`` variables join the schema's.

>>> schema = etree.fromstring(
...     '<schema xmlns="http://purl.oclc.org/dsdl/schematron" defaultPhase="basic">'
...     '<phase id="basic"><active pattern="a"/></phase>'
...     '<pattern id="a"/><pattern id="b"/></schema>'
... )
>>> [p.get("id") for p in assemble(schema, None).patterns]
['a']
>>> [p.get("id") for p in assemble(schema, None, phase="#ALL").patterns]
['a', 'b']
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_tools.errors import SchemaError

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
_S = f"{{{SCH_NS}}}"
#: Attributes whose values are queries, where abstract patterns' parameters are substituted.
QUERY_ATTRIBUTES = ("context", "test", "select", "path", "value", "subject")
#: How deep includes may nest (a cycle would otherwise never end).
MAX_INCLUDE_DEPTH = 16


@dataclass
class AssembledSchema:
    """The active concrete patterns, and the ``let`` variables of the schema and phase."""

    root: etree._Element
    patterns: list[etree._Element]
    lets: list[etree._Element]


def assemble(
    schema: etree._Element, schema_path: Path | None, *, phase: str | None = None
) -> AssembledSchema:
    """The schema with includes, abstract patterns and rule extensions resolved, and the
    patterns of ``phase`` (default: the schema's ``defaultPhase``, else all)."""
    root = deepcopy(schema)
    _resolve_includes(root, schema_path, depth=0)
    _instantiate_abstract_patterns(root)
    _resolve_extends(root, schema_path)
    patterns = [
        p for p in root.iter(f"{_S}pattern") if p.get("abstract") != "true" and not p.get("is-a")
    ]
    lets = root.findall(f"{_S}let")
    chosen = phase or root.get("defaultPhase") or "#ALL"
    if chosen == "#DEFAULT":
        chosen = root.get("defaultPhase") or "#ALL"
    if chosen != "#ALL":
        phases = {p.get("id"): p for p in root.iter(f"{_S}phase")}
        if chosen not in phases:
            known = ", ".join(sorted(i for i in phases if i)) or "none"
            raise SchemaError(
                f"Schematron phase {chosen!r} is not defined (phases: {known})",
                file=str(schema_path) if schema_path else None,
            )
        active = {a.get("pattern") for a in phases[chosen].iter(f"{_S}active")}
        patterns = [p for p in patterns if p.get("id") in active]
        lets = lets + phases[chosen].findall(f"{_S}let")
    return AssembledSchema(root, patterns, lets)


def _resolve_includes(element: etree._Element, base: Path | None, *, depth: int) -> None:
    for include in list(element.iter(f"{_S}include")):
        target, target_base = _load_reference(include, base)
        if depth >= MAX_INCLUDE_DEPTH:
            raise SchemaError(
                f"Schematron includes nest more than {MAX_INCLUDE_DEPTH} deep (a cycle?)",
                file=str(base) if base else None,
                line=include.sourceline,
            )
        copy = deepcopy(target)
        _resolve_includes(copy, target_base, depth=depth + 1)
        copy.tail = include.tail
        parent = include.getparent()
        if parent is None:
            raise SchemaError("a Schematron schema cannot be only an include", file=str(base))
        parent.replace(include, copy)


def _load_reference(
    reference: etree._Element, base: Path | None
) -> tuple[etree._Element, Path | None]:
    """The element an ``include``/``extends`` ``href`` names, and the file it is in."""
    from tei_tools.xml import parse_xml_file

    href = reference.get("href") or ""
    location, _, fragment = href.partition("#")
    if location:
        path = (base.parent if base else Path()) / location
        root = parse_xml_file(path).getroot()
    elif base is not None:
        path, root = base, reference.getroottree().getroot()
    else:
        path, root = None, reference.getroottree().getroot()
    if not fragment:
        return root, path
    for candidate in root.iter():
        if fragment in (
            candidate.get("id"),
            candidate.get("{http://www.w3.org/XML/1998/namespace}id"),
        ):
            return candidate, path
    raise SchemaError(
        f"Schematron {etree.QName(reference).localname} href {href!r}: no element has id "
        f"{fragment!r}",
        file=str(base) if base else None,
        line=reference.sourceline,
    )


def _instantiate_abstract_patterns(root: etree._Element) -> None:
    abstract = {p.get("id"): p for p in root.iter(f"{_S}pattern") if p.get("abstract") == "true"}
    for instance in list(root.iter(f"{_S}pattern")):
        name = instance.get("is-a")
        if not name:
            continue
        if name not in abstract:
            raise SchemaError(
                f"Schematron pattern is-a {name!r}: no abstract pattern has that id",
                line=instance.sourceline,
            )
        values = {p.get("name"): p.get("value", "") for p in instance.findall(f"{_S}param")}
        concrete = etree.Element(f"{_S}pattern", nsmap=abstract[name].nsmap)
        if instance.get("id"):
            concrete.set("id", instance.get("id"))
        for child in abstract[name]:
            if isinstance(child.tag, str) and child.tag == f"{_S}title":
                continue
            concrete.append(_substitute(deepcopy(child), values))
        concrete.tail = instance.tail
        instance.getparent().replace(instance, concrete)


def _substitute(element: etree._Element, values: dict[str | None, str]) -> etree._Element:
    """``$name`` → value in every query attribute (longest names first, whole names only)."""
    names = sorted((n for n in values if n), key=len, reverse=True)
    if not names:
        return element
    pattern = re.compile(r"\$(" + "|".join(map(re.escape, names)) + r")(?![\w.\-])")
    for node in element.iter():
        for attribute in QUERY_ATTRIBUTES:
            value = node.get(attribute)
            if value is not None and "$" in value:
                node.set(attribute, pattern.sub(lambda m: values[m.group(1)], value))
    return element


def _resolve_extends(root: etree._Element, schema_path: Path | None) -> None:
    abstract_rules = {r.get("id"): r for r in root.iter(f"{_S}rule") if r.get("abstract") == "true"}
    for _ in range(MAX_INCLUDE_DEPTH):  # an abstract rule may itself extend another
        extends = list(root.iter(f"{_S}extends"))
        if not extends:
            return
        for extension in extends:
            if extension.get("rule"):
                rule = abstract_rules.get(extension.get("rule"))
                if rule is None:
                    raise SchemaError(
                        f"Schematron extends rule {extension.get('rule')!r}: no abstract rule "
                        "has that id",
                        file=str(schema_path) if schema_path else None,
                        line=extension.sourceline,
                    )
            else:
                rule, _ = _load_reference(extension, schema_path)
            parent = extension.getparent()
            position = parent.index(extension)
            parent.remove(extension)
            for offset, child in enumerate(c for c in rule if isinstance(c.tag, str)):
                parent.insert(position + offset, deepcopy(child))
    raise SchemaError("Schematron rules extend each other in a cycle", file=str(schema_path))
