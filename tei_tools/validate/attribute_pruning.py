"""Second specialisation step: each element keeps only the attributes it carries somewhere.

Why: libxml2 turns an element's content model into a fast automaton only when
that content contains no ``attribute`` pattern; otherwise it validates by
backtracking, trying every optional attribute of every attribute class, and
that is where nearly all of its time goes on TEI (tei_all gives every
element dozens of optional attributes through ``att.global`` and friends).

Why it is exact: an ``attribute`` pattern reached from an element's content
without entering a nested ``element`` can only ever match an attribute of
that element.  If no element of the document that the pattern's element
could match carries an attribute the pattern accepts, the pattern cannot
match, so it is ``notAllowed`` there, and the usual algebra applies (a choice
drops it, ``optional``/``zeroOrMore`` of it is ``empty``, a group containing it
is ``notAllowed``).  Attribute-class definitions are shared by hundreds of
elements, so they are inlined into each element before being pruned for it.
Elements that carry no attributes at all in the document then have
attribute-free content, which libxml2 compiles.
"""

from __future__ import annotations

from lxml import etree

from tei_tools.validate.rng_names import RNG_PREFIX as _R
from tei_tools.validate.rng_names import Name, accepted_name, matches_any, name_test
from tei_tools.validate.rng_names import local_name as _local

#: Marks a pattern that can match nothing in the context it was pruned for.
_NONE = None


def prune_attributes_per_element(
    grammar: etree._Element, carried: frozenset[tuple[Name, Name]]
) -> None:
    """Rewrite ``grammar`` in place: per element, only attributes it carries in the document.

    ``carried`` holds (element name, attribute name) pairs that occur in the
    document(s) the grammar is specialised to.
    """
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    element_free: dict[str, bool] = {}
    by_element: dict[Name, set[Name]] = {}
    for element_name, attribute_name in carried:
        by_element.setdefault(element_name, set()).add(attribute_name)
    # One pruner per set of attributes carried: elements that carry the same
    # attributes (most carry none, or only @xml:id) share the pruned attribute
    # classes instead of inlining and pruning att.global and friends again.
    pruners: dict[frozenset[Name], _ContentPruner] = {}
    inlined = _InlinedDefines(defines)
    for element in list(grammar.iter(_R + "element")):
        accepts = name_test(element)
        present = frozenset().union(*(attrs for name, attrs in by_element.items() if accepts(name)))
        pruner = pruners.get(present)
        if pruner is None:
            pruner = pruners[present] = _ContentPruner(present, defines, element_free, inlined)
        _prune_element(element, pruner)
    _drop_unreachable(grammar)


def _prune_element(element, pruner: _ContentPruner) -> None:
    children = [c for c in element if _local(c)]
    if element.get("name") is None and children:
        children = children[1:]  # the name class
    content = [pruner.prune(c) for c in children]
    for old in children:
        element.remove(old)
    if any(c is _NONE for c in content):
        # No instance can be valid (a required attribute never occurs): say so.
        etree.SubElement(element, _R + "notAllowed")
        return
    kept = [c for c in content if _local(c) != "empty"] or [etree.Element(_R + "empty")]
    # A pattern inlined unchanged from a shared define still sits in that define;
    # appending it would *move* it (lxml) and silently empty the define for every
    # element pruned after this one.
    element.extend(_copy_if_placed(c) for c in kept)


class _ContentPruner:
    """Prunes content for one set of attributes present; remembers each inlined define.

    A remembered result is never changed afterwards (it holds no element
    pattern, and :func:`_copy_if_placed` copies it wherever it is used again).
    """

    def __init__(
        self, present: frozenset[Name], defines, element_free, shared: _InlinedDefines
    ) -> None:
        self.present = present
        self.defines = defines
        self.element_free = element_free
        self.shared = shared
        self.inlined: dict[str, etree._Element | None] = {}

    def prune(self, node: etree._Element) -> etree._Element | None:
        """A pruned copy of ``node`` (or ``node`` itself when nothing changes), or _NONE."""
        kind = _local(node)
        if kind == "attribute":
            return node if matches_any(node, self.present) else _NONE
        if kind == "ref":
            name = node.get("name")
            if name in self.defines and self._is_element_free(name):
                if name not in self.inlined:
                    key = self.shared.key(name, self.present)
                    found = self.shared.pruned.get(key, _UNKNOWN)
                    if found is _UNKNOWN:
                        define = self.defines[name]
                        found = _keeping_context(self._pruned_group(define, like=define), define)
                        self.shared.pruned[key] = found
                    self.inlined[name] = found
                return self.inlined[name]
            return node
        if kind in ("element", "text", "empty", "data", "value", "list"):
            return node
        if kind == "notAllowed":
            return _NONE
        if kind == "choice":
            kept = [p for p in (self.prune(c) for c in node if _local(c)) if p is not _NONE]
            if not kept:
                return _NONE
            if len(kept) == 1:
                return kept[0]
            return _rebuilt(node, kept)
        if kind in ("optional", "zeroOrMore"):
            inner = self._pruned_group(node, like=node)
            return etree.Element(_R + "empty") if inner is _NONE else _rebuilt(node, [inner])
        if kind == "group":
            return self._pruned_group(node, like=node)
        if kind in ("interleave", "oneOrMore", "mixed"):
            # The node's own children, never a child's: unwrapping a child group
            # into an interleave would let its members come in any order.
            parts = self._pruned_parts(node)
            if parts is _NONE:
                return _NONE
            return _rebuilt(node, parts or [etree.Element(_R + "empty")])
        return node

    def _pruned_parts(self, holder: etree._Element) -> list[etree._Element] | None:
        """The pruned children of ``holder`` without ``empty``; _NONE if any cannot match."""
        parts = []
        for child in holder:
            if not _local(child):
                continue
            pruned = self.prune(child)
            if pruned is _NONE:
                return _NONE
            if _local(pruned) != "empty":
                parts.append(pruned)
        return parts

    def _pruned_group(self, holder: etree._Element, *, like: etree._Element):
        """The children of ``holder`` (an implicit group), pruned; _NONE if any is."""
        parts = self._pruned_parts(holder)
        if parts is _NONE:
            return _NONE
        if not parts:
            return etree.Element(_R + "empty")
        if len(parts) == 1:
            return parts[0]
        group = etree.Element(_R + "group", nsmap=like.nsmap)
        group.extend(_copy_if_placed(p) for p in parts)
        return group

    def _is_element_free(self, name: str) -> bool:
        """True when a define (and what it references) contains no element pattern."""
        known = self.element_free.get(name)
        if known is not None:
            return known
        self.element_free[name] = False  # a cycle can only pass through elements
        todo, seen, free = [self.defines[name]], {name}, True
        while todo and free:
            node = todo.pop()
            for inner in node.iter(_R + "element", _R + "ref"):
                if _local(inner) == "element":
                    free = False
                    break
                ref = inner.get("name")
                if ref in self.defines and ref not in seen:
                    seen.add(ref)
                    todo.append(self.defines[ref])
        self.element_free[name] = free
        return free


#: Not yet pruned (None, :data:`_NONE`, is a result).
_UNKNOWN = object()


class _InlinedDefines:
    """Pruned bodies of attribute-class defines, shared by the pruners of one grammar.

    A define's pruned body depends only on which present attributes its own
    ``attribute`` patterns (and those of the defines it names) accept: att.global
    pruned for an element carrying ``xml:id`` and ``type`` is the same as for
    one carrying ``xml:id`` alone when att.global has no ``type``.  So it is
    pruned once per define and *relevant* attributes, not once per set of
    attributes some element carries.
    """

    def __init__(self, defines) -> None:
        self.defines = defines
        self.pruned: dict[tuple[str, frozenset[Name] | None], etree._Element | None] = {}
        #: Per define: the names its attribute patterns accept, or None when a name class does.
        self._names: dict[str, frozenset[Name] | None] = {}

    def key(self, name: str, present: frozenset[Name]) -> tuple[str, frozenset[Name] | None]:
        names = self._accepted(name)
        return name, present if names is None else present & names

    def _accepted(self, name: str) -> frozenset[Name] | None:
        if name in self._names:
            return self._names[name]
        found: set[Name] = set()
        wildcard = False
        todo, seen = [self.defines[name]], {name}
        while todo and not wildcard:
            for node in todo.pop().iter(_R + "attribute", _R + "ref"):
                if _local(node) == "ref":
                    ref = node.get("name")
                    if ref in self.defines and ref not in seen:
                        seen.add(ref)
                        todo.append(self.defines[ref])
                elif node.get("name") is None:
                    wildcard = True  # a name class: any present name may matter
                    break
                else:
                    found.add(accepted_name(node))
        self._names[name] = None if wildcard else frozenset(found)
        return self._names[name]


def _keeping_context(pattern, define: etree._Element):
    """Wrap an inlined body in a group that keeps the define's inherited ``ns`` and datatype library."""
    inherited = {k: v for k, v in define.attrib.items() if k in ("ns", "datatypeLibrary")}
    if pattern is _NONE or not inherited:
        return pattern
    group = etree.Element(_R + "group", inherited, nsmap=define.nsmap)
    group.append(_copy_if_placed(pattern))
    return group


def _rebuilt(node: etree._Element, children: list[etree._Element]) -> etree._Element:
    fresh = etree.Element(node.tag, nsmap=node.nsmap)
    for key, value in node.attrib.items():
        fresh.set(key, value)
    fresh.extend(_copy_if_placed(c) for c in children)
    return fresh


def _copy_if_placed(node: etree._Element) -> etree._Element:
    """lxml moves an element that already has a parent; patterns shared by defines must be copied."""
    # lxml's own copy, without copy.deepcopy's dispatch and memo.
    return node.__deepcopy__(None) if node.getparent() is not None else node


def _drop_unreachable(grammar: etree._Element) -> None:
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    reachable: set[str] = set()
    todo = list(grammar.iter(_R + "start"))
    while todo:
        node = todo.pop()
        for ref in node.iter(_R + "ref"):
            name = ref.get("name")
            if name not in reachable and name in defines:
                reachable.add(name)
                todo.append(defines[name])
    for name, define in defines.items():
        if name not in reachable:
            grammar.remove(define)
