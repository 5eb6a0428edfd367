"""What a RELAX NG grammar says about each element, for completion and hover.

:class:`~tei_tools.validate.schema_index.SchemaIndex` answers "which names are
allowed" for messages; an editor also needs the order in which the grammar
names them, which of them are required, the values an attribute enumerates
and the Guidelines' prose.  TEI's generated grammars carry that prose as
``a:documentation`` annotations: an element's gloss in parentheses, then its
description and the Guidelines section; an attribute's description with
"Suggested values include"; one annotation after each enumerated ``value``.
A ``choice`` of values alone is a closed list; with a ``data`` alternative
the values are only suggested.

The grammar is read once per file version (path, size, modification time),
summarised per element, and the tree dropped: a model is a few hundred
kilobytes where the parsed tei_all is tens of megabytes.  A schema changed on
disk has a new key and so is read again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.validate.rng_include import flatten_includes

RNG_NS = "http://relaxng.org/ns/structure/1.0"
ANNOTATION_NS = "http://relaxng.org/ns/compatibility/annotations/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TEI_NS = "http://www.tei-c.org/ns/1.0"
_R = f"{{{RNG_NS}}}"
_DOC = f"{{{ANNOTATION_NS}}}documentation"
_OPTIONAL = frozenset({"optional", "zeroOrMore", "choice"})
_SAME = frozenset({"group", "interleave", "oneOrMore", "mixed", "list"})


@dataclass(frozen=True)
class AttributeModel:
    """An attribute as the grammar defines it on one element."""

    name: str
    documentation: str = ""
    required: bool = False
    #: Enumerated values with their documentation, in the grammar's order.
    values: tuple[tuple[str, str], ...] = ()
    #: True when only the enumerated values are valid; False when they are suggestions.
    closed: bool = False


@dataclass
class ElementModel:
    """An element: its documentation, children in the grammar's order, and attributes."""

    name: str
    documentation: str = ""
    #: Child element names in order of first mention, each with whether it is required.
    children: dict[str, bool] = field(default_factory=dict)
    attributes: dict[str, AttributeModel] = field(default_factory=dict)
    #: Text is allowed inside (mixed content).
    text: bool = False

    @property
    def gloss(self) -> str:
        """The parenthesised gloss that starts TEI's descriptions: "(personal name)"."""
        if self.documentation.startswith("("):
            return self.documentation[1 : self.documentation.find(")")]
        return ""


@dataclass
class SchemaModel:
    """Every named element of one grammar, and the names allowed at the root."""

    path: Path
    elements: dict[str, ElementModel] = field(default_factory=dict)
    roots: tuple[str, ...] = ()

    def element(self, name: str) -> ElementModel | None:
        return self.elements.get(name.rsplit(":", 1)[-1])


def build_model(path: Path, data: bytes | None = None) -> SchemaModel:
    """Read a RELAX NG file (``include``s flattened) into a :class:`SchemaModel`."""
    from tei_tools.errors import SchemaError
    from tei_tools.folders import read_regular_file
    from tei_tools.xml import MAX_SCHEMA_BYTES, make_parser

    parser = make_parser(schema=True)
    data = read_regular_file(path, MAX_SCHEMA_BYTES) if data is None else data
    try:
        root = etree.fromstring(data, parser, base_url=str(path.resolve()))
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"schema is not well-formed XML: {exc.msg}", file=str(path)) from None
    root = flatten_includes(root, path.resolve(), parser)
    return _Summariser(root, path).model()


class _Summariser:
    """One walk over a grammar; each ``define`` is summarised once and reused."""

    def __init__(self, grammar: etree._Element, path: Path) -> None:
        self.grammar = grammar
        self.path = path
        self.defines: dict[str, list[etree._Element]] = {}
        for define in grammar.iter(_R + "define"):
            self.defines.setdefault(define.get("name"), []).append(define)
        self.memo: dict[str, ElementModel] = {}

    def model(self) -> SchemaModel:
        model = SchemaModel(self.path)
        for pattern in self.grammar.iter(_R + "element"):
            name = _element_name(pattern)
            if name is None:
                continue
            summary = ElementModel(name, _documentation(pattern))
            self._walk(pattern, False, summary, frozenset())
            known = model.elements.get(name)
            if known is None:
                model.elements[name] = summary
            else:  # defined twice (contexts of a customisation): what either allows
                _merge(known, summary, False)
                known.documentation = known.documentation or summary.documentation
        roots = ElementModel("")
        for start in self.grammar.iter(_R + "start"):
            self._walk(start, False, roots, frozenset())
        model.roots = tuple(roots.children)
        return model

    def _walk(self, node, optional: bool, into: ElementModel, stack: frozenset[str]) -> None:
        for child in node:
            kind = _kind(child)
            if kind == "element":
                name = _element_name(child)
                if name is not None:
                    into.children[name] = into.children.get(name, False) or not optional
            elif kind == "attribute":
                attribute = _attribute_model(child, not optional)
                if attribute is not None and attribute.name not in into.attributes:
                    into.attributes[attribute.name] = attribute
            elif kind == "ref":
                self._ref(child.get("name"), optional, into, stack)
            elif kind in _OPTIONAL:
                self._walk(child, True, into, stack)
            elif kind in _SAME:
                into.text = into.text or kind == "mixed"
                self._walk(child, optional, into, stack)
            elif kind == "text":
                into.text = True

    def _ref(self, name: str | None, optional: bool, into: ElementModel, stack) -> None:
        if name is None or name in stack or name not in self.defines:
            return
        summary = self.memo.get(name)
        if summary is None:
            summary = ElementModel(name)
            for define in self.defines[name]:
                self._walk(define, False, summary, stack | {name})
            self.memo[name] = summary
        _merge(into, summary, optional)


def _merge(into: ElementModel, summary: ElementModel, optional: bool) -> None:
    for name, required in summary.children.items():
        into.children[name] = into.children.get(name, False) or (required and not optional)
    for name, attribute in summary.attributes.items():
        if name not in into.attributes:
            if optional and attribute.required:
                attribute = AttributeModel(
                    attribute.name,
                    attribute.documentation,
                    False,
                    attribute.values,
                    attribute.closed,
                )
            into.attributes[name] = attribute
    into.text = into.text or summary.text


def _kind(node) -> str:
    tag = node.tag
    return tag[len(_R) :] if isinstance(tag, str) and tag.startswith(_R) else ""


def _documentation(node: etree._Element) -> str:
    found = node.find(_DOC)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _pattern_name(pattern: etree._Element) -> str | None:
    """An element's or attribute's name: its ``@name``, or its first child ``<name>``."""
    name = pattern.get("name")
    if name is None:
        first = next((c for c in pattern if _kind(c)), None)
        if first is None or _kind(first) != "name":
            return None
        name = (first.text or "").strip()
    return name


def _element_name(pattern: etree._Element) -> str | None:
    name = _pattern_name(pattern)
    if name is None:
        return None
    return name.rsplit(":", 1)[-1] or None


def _attribute_model(pattern: etree._Element, required: bool) -> AttributeModel | None:
    name = _pattern_name(pattern)
    if name is None:
        return None
    ns = pattern.get("ns", "")
    if ":" not in name and ns == XML_NS:
        name = f"xml:{name}"
    values: list[tuple[str, str]] = []
    open_ended = False
    for node in pattern.iter():
        kind = _kind(node)
        if kind == "value":
            following = node.getnext()
            doc = _documentation_text(following) if following is not None else ""
            values.append(((node.text or "").strip(), doc))
        elif kind in ("data", "text"):
            open_ended = True
    return AttributeModel(
        name, _documentation(pattern), required, tuple(values), bool(values) and not open_ended
    )


def _documentation_text(node: etree._Element) -> str:
    if node.tag != _DOC:
        return ""
    return " ".join("".join(node.itertext()).split())


class SchemaModels:
    """Models of the grammars in use, shared by every open document, least recently used evicted.

    Keyed by the file's path, size and modification time, so an edited schema
    is read again on its next use.
    """

    def __init__(self, limit: int = 4) -> None:
        self.limit = limit
        self._models: OrderedDict[tuple[str, int, int], SchemaModel] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: Path) -> SchemaModel:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        with self._lock:
            model = self._models.get(key)
            if model is not None:
                self._models.move_to_end(key)
                return model
        model = build_model(path)
        with self._lock:
            self._models[key] = model
            for stale in [k for k in self._models if k[0] == key[0] and k != key]:
                del self._models[stale]
            while len(self._models) > self.limit:
                self._models.popitem(last=False)
        return model

    def clear(self) -> None:
        with self._lock:
            self._models.clear()
