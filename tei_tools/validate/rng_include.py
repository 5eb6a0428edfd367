"""Flattening RELAX NG ``include`` so that a customisation can be specialised too.

A project schema is usually a few overrides on top of tei_all
(``<include href="tei_all.rng">`` with replacement ``define``s).  The
vocabulary pruner only judges one flat grammar, so without flattening every
customised schema would be compiled whole (seconds per vocabulary).  This
applies the include exactly as RELAX NG's simplification does (spec section
4.7): the included grammar's ``start`` and same-named ``define``s are replaced
by those inside the ``include`` element, and the result takes the include's
place as direct children of the grammar.  An include whose grammar declares
another ``ns`` or ``datatypeLibrary`` than the including one is left alone
(the schema is then compiled whole), since its patterns would inherit
different values once moved.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

_R = "{http://relaxng.org/ns/structure/1.0}"
_INHERITED = ("ns", "datatypeLibrary")  # attributes the moved patterns inherit


def flatten_includes(
    grammar: etree._Element, base: Path, parser: etree.XMLParser
) -> etree._Element:
    """Replace every top-level ``include`` of ``grammar`` by the grammar it names.

    Only local files are read (``href`` relative to ``base``); a URL is left
    alone, so the grammar stays unspecialisable rather than fetched.
    """
    for include in list(_top_level(grammar, "include")):
        href = include.get("href", "")
        if "://" in href:
            continue
        path = (base.parent / href).resolve()
        try:
            from tei_tools.folders import read_regular_file
            from tei_tools.xml import MAX_SCHEMA_BYTES

            data = read_regular_file(path, MAX_SCHEMA_BYTES)
            included = etree.fromstring(data, parser, base_url=str(path))
        except (OSError, etree.XMLSyntaxError):
            continue  # compiling the original grammar will report the missing file
        included = flatten_includes(included, path, parser)
        if any(
            included.get(name) is not None and included.get(name) != _inherited(include, name)
            for name in _INHERITED
        ):
            # The included patterns would inherit another namespace or datatype library
            # here; leave the include, so the grammar is compiled whole (slower, exact).
            continue
        _apply_overrides(included, include)
        moved = [child for child in included if isinstance(child.tag, str)]
        # The include's own start/defines (the overrides) follow the included content.
        moved += [child for child in include if isinstance(child.tag, str)]
        parent = include.getparent()
        position = parent.index(include)
        parent.remove(include)
        for offset, child in enumerate(moved):
            parent.insert(position + offset, child)
    return grammar


def _inherited(node: etree._Element, name: str) -> str | None:
    while node is not None:
        if node.get(name) is not None:
            return node.get(name)
        node = node.getparent()
    return None


def _apply_overrides(included: etree._Element, include: etree._Element) -> None:
    """Remove from ``included`` what the include element redefines."""
    overridden = {d.get("name") for d in _top_level(include, "define")}
    replaces_start = any(True for _ in _top_level(include, "start"))
    for define in list(_top_level(included, "define")):
        if define.get("name") in overridden:
            define.getparent().remove(define)
    if replaces_start:
        for start in list(_top_level(included, "start")):
            start.getparent().remove(start)


def _top_level(holder: etree._Element, local: str):
    """Children named ``local`` of a grammar or include, looking through ``div``s."""
    for child in holder:
        if child.tag == _R + local:
            yield child
        elif child.tag == _R + "div":
            yield from _top_level(child, local)
