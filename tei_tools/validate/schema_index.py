"""What a RELAX NG grammar allows where: the basis of "expected ..." and "did you mean".

libxml2's messages say what went wrong but rarely what would have been right.
This index answers, for an element name, which child elements and attributes
its definition(s) allow, read from the *full* grammar (not the specialised
one, which only knows the document's own names).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tei_tools.validate import suggest
from tei_tools.validate.rng_names import RNG_PREFIX as _R
from tei_tools.validate.rng_names import XML_NS, Name
from tei_tools.validate.rng_names import inherited_ns as _inherited_ns
from tei_tools.validate.rng_names import local_name as _local
from tei_tools.validate.rng_names import resolve_qname as _resolve_qname


@dataclass
class SchemaIndex:
    """Allowed children and attributes per element name, in prefixed display form."""

    children: dict[Name, set[str]] = field(default_factory=dict)
    attributes: dict[Name, set[str]] = field(default_factory=dict)
    required_attributes: dict[Name, set[str]] = field(default_factory=dict)
    #: Child elements every valid instance has, in the order the content model names them.
    required_children: dict[Name, tuple[str, ...]] = field(default_factory=dict)
    element_names: set[str] = field(default_factory=set)
    attribute_names: set[str] = field(default_factory=set)
    root_names: set[str] = field(default_factory=set)
    _suggestions: dict[tuple[str, Name | None], str | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: The grammar, kept to look up an attribute's closed list of values on demand.
    _grammar: etree._Element | None = field(default=None, repr=False, compare=False)
    _values: dict[tuple[Name, str], tuple[str, ...] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def allowed_values(self, element: Name, attribute: str) -> tuple[str, ...] | None:
        """The values an attribute of ``element`` may take when its list is closed, else None.

        Looked up in the grammar when a message needs it (an invalid value), and
        remembered: building it for every attribute of tei_all would cost every run.
        """
        key = (element, attribute)
        if key not in self._values:
            self._values[key] = (
                _closed_values(self._grammar, element, attribute) if self._grammar is not None
                else None
            )  # fmt: skip
        return self._values[key]

    def allowed_children(self, name: Name) -> list[str]:
        return sorted(self.children.get(name, ()), key=str.lower)

    def allowed_attributes(self, name: Name) -> list[str]:
        return sorted(self.attributes.get(name, ()), key=str.lower)

    def missing_child(self, name: Name, present: set[str]) -> str | None:
        """The first child element that ``name`` requires and ``present`` lacks.

        >>> index = SchemaIndex(required_children={("", "fileDesc"): ("titleStmt", "sourceDesc")})
        >>> index.missing_child(("", "fileDesc"), {"titleStmt"})
        'sourceDesc'
        """
        return next((c for c in self.required_children.get(name, ()) if c not in present), None)

    def knows_element(self, local: str) -> bool:
        return local in self.element_names

    def suggest_element(self, word: str, parent: Name | None) -> str | None:
        """What a wrong element name under ``parent`` probably meant (memoised).

        Names allowed at that place come first; a guess from the whole
        schema must be closer, since it would still be wrong there.
        """
        key = (word, parent)
        if key not in self._suggestions:
            here = self.children.get(parent, set()) if parent else self.root_names
            found = did_you_mean(word, here - {"*"}) or did_you_mean(
                word, self.element_names, strict=True
            )
            self._suggestions[key] = found
        return self._suggestions[key]

    def suggest_attribute(self, word: str, element: Name) -> str | None:
        """What a wrong attribute name on ``element`` probably meant (memoised)."""
        key = ("@" + word, element)
        if key not in self._suggestions:
            allowed = self.attributes.get(element, set()) - {"*"}
            self._suggestions[key] = did_you_mean(word, allowed)
        return self._suggestions[key]


#: Names people bring from HTML, DocBook or habit (none is a TEI name), and the TEI
#: element or attribute they mean; offered only when that name is allowed there.
HABITUAL_NAMES = {
    "para": "p",
    "paragraph": "p",
    "br": "lb",
    "linebreak": "lb",
    "page": "pb",
    "pagebreak": "pb",
    "i": "hi",
    "b": "hi",
    "u": "hi",
    "em": "emph",
    "italic": "hi",
    "bold": "hi",
    "sup": "hi",
    "sub": "hi",
    "a": "ref",
    "img": "graphic",
    "image": "graphic",
    "ul": "list",
    "ol": "list",
    "li": "item",
    "h1": "head",
    "h2": "head",
    "h3": "head",
    "heading": "head",
    "tr": "row",
    "td": "cell",
    "th": "cell",
    "blockquote": "quote",
    "footnote": "note",
    "section": "div",
    "chapter": "div",
    # attributes
    "id": "xml:id",
    "lang": "xml:lang",
    "href": "target",
}


def did_you_mean(
    word: str, candidates: list[str] | set[str], *, strict: bool = False
) -> str | None:
    """The element or attribute name a misspelled one most likely meant, or None.

    :func:`tei_tools.validate.suggest.did_you_mean` with the habitual names (``para``,
    ``br``) as aliases; ``strict`` asks for a closer match, for guesses from the whole
    schema rather than from what is allowed at that place.

    >>> did_you_mean("persname", ["persName", "placeName"])
    'persName'
    >>> did_you_mean("para", ["p", "param", "div"])
    'p'
    >>> did_you_mean("titel", ["title", "term"])
    'title'
    """
    return suggest.did_you_mean(
        word, candidates, cutoff=0.85 if strict else 0.75, aliases=HABITUAL_NAMES
    )


def build_index(grammar: etree._Element) -> SchemaIndex:
    """Walk every named element pattern once; defines are summarised once each."""
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    memo: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
    index = SchemaIndex(_grammar=grammar)

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
                    mk, ma, mr = memo[name]
                    kids |= mk
                    attrs |= ma
                    if not optional:
                        required |= mr
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

    required_memo: dict[str, tuple[str, ...]] = {}
    for element in grammar.iter(_R + "element"):
        name = _fixed_name(element)
        if name is None:
            continue
        needed = _required_elements(element, defines, required_memo, set())
        known = index.required_children.get(name)
        # A name defined twice (in different contexts) requires only what both require.
        index.required_children[name] = (
            needed if known is None else tuple(c for c in known if c in needed)
        )
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


def _required_elements(
    holder: etree._Element, defines: dict, memo: dict[str, tuple[str, ...]], stack: set[str]
) -> tuple[str, ...]:
    """Element names every match of ``holder``'s content contains, in content-model order.

    A group needs what each member needs, a choice only what every branch
    needs, and ``optional``/``zeroOrMore`` nothing; an element needs itself
    (what it contains is its own business).
    """
    children = [c for c in holder if _local(c)]
    if _local(holder) == "element" and holder.get("name") is None:
        children = children[1:]  # the name class
    found: list[str] = []
    for child in children:
        found.extend(n for n in _required_by(child, defines, memo, stack) if n not in found)
    return tuple(found)


def _required_by(
    pattern: etree._Element, defines: dict, memo: dict[str, tuple[str, ...]], stack: set[str]
) -> tuple[str, ...]:
    kind = _local(pattern)
    if kind == "element":
        return (_display(pattern),) if _fixed_name(pattern) else ()
    if kind == "ref":
        name = pattern.get("name")
        if name not in defines or name in stack:
            return ()
        if name not in memo:
            memo[name] = _required_elements(defines[name], defines, memo, stack | {name})
        return memo[name]
    if kind == "choice":
        branches = [_required_by(c, defines, memo, stack) for c in pattern if _local(c)]
        if not branches:
            return ()
        return tuple(n for n in branches[0] if all(n in b for b in branches[1:]))
    if kind in ("group", "interleave", "oneOrMore", "mixed"):
        return _required_elements(pattern, defines, memo, stack)
    return ()


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


def _closed_values(
    grammar: etree._Element, element: Name, attribute: str
) -> tuple[str, ...] | None:
    """The ``value``s an attribute pattern allows, when it allows nothing else."""
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    found: set[str] = set()
    open_list = False

    def attributes_of(node: etree._Element, stack: set[str]):
        for child in node:
            kind = _local(child)
            if kind == "attribute":
                if _display(child) == attribute:
                    yield child
            elif kind == "ref":
                name = child.get("name")
                if name in defines and name not in stack:
                    yield from attributes_of(defines[name], stack | {name})
            elif kind != "element":
                yield from attributes_of(child, stack)

    def values_of(node: etree._Element, stack: set[str]) -> None:
        nonlocal open_list
        for child in node:
            kind = _local(child)
            if kind == "value":
                found.add((child.text or "").strip())
            elif kind in ("data", "text", "anyName", "nsName", "empty"):
                open_list = True
            elif kind == "ref":
                name = child.get("name")
                if name in defines and name not in stack:
                    values_of(defines[name], stack | {name})
            elif kind not in ("name", "documentation") and isinstance(child.tag, str):
                values_of(child, stack)

    patterns = [
        a
        for e in grammar.iter(_R + "element")
        if _fixed_name(e) == element
        for a in attributes_of(e, set())
    ]
    for pattern in patterns:
        values_of(pattern, set())
    if open_list or not found:
        return None
    return tuple(sorted(found))
