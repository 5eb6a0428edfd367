"""Every fault of an invalid document, found by repairing a copy as each one is found.

libxml2 stops or backtracks after the first fault of a subtree, and blames
enclosing elements for it; Jing, which streams, recovers and goes on.  To list
every fault as Jing does, each element is checked bottom-up on a working copy
of the document, against the grammar whose start accepts any element: the
children first, each repaired once its faults are recorded (a stray text
removed, an unexpected element set aside, a bad attribute dropped), then the
element itself, whose remaining complaints are then its own and no cascade
of a fault inside it.  A fault that cannot be repaired (a missing required
child) is recorded and its element is left as it is; complaints about
elements inside it are not asked for again.

The repair loop is bounded (:data:`MAX_CHECKS` validations of subtrees per
document) so that a document with thousands of faults costs time in
proportion to what is listed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from tei_tools.validate.problems import ElementPaths, Problem, element_path, end_line

#: Validations of subtrees one document may take to list its faults.
MAX_CHECKS = 4000
#: Repair rounds for one element's own faults.
MAX_ROUNDS = 8
#: A child holding more than this share of an invalid parent's elements is taken to be
#: invalid too, without validating it first: validating such a "spine" (``text``,
#: ``body``, a single ``div``) costs nearly a whole validation of the document, and
#: it is nearly always where the parent's fault lies.  A spine that is valid after
#: all only costs its children's checks; nothing is reported differently.
SPINE_SHARE = 0.8
#: Only a parent with at most this many element children is looked at for a spine.
SPINE_CHILDREN = 8
#: Nor a spine of fewer elements than this, whose validation costs little.
SPINE_ELEMENTS = 1000

#: Codes whose fault a repair of the working copy removes.
_REPAIRABLE = frozenset(
    (
        "text-not-allowed",
        "element-not-allowed",
        "element-unknown",
        "attribute-not-allowed",
        "attribute-value-invalid",
        "duplicate-id",
    )
)

Located = list[tuple[etree._Element | None, Problem]]


def every_fault(
    root: etree._Element,
    schema: etree.RelaxNG,
    explain: Callable[[etree._Element, list], Located],
    is_known: Callable[[etree._Element], bool],
    stray: Callable[[etree._Element], Problem | None] = lambda child: None,
    *,
    known_invalid: bool = False,
    inside_stray: Callable[[etree._Element], Problem | None] = lambda inner: None,
) -> list[Problem]:
    """The faults of ``root``'s document, each on its own element, in document order.

    ``explain(subtree, log)`` turns libxml2's log from validating ``subtree``
    into located problems; ``is_known(element)`` says whether the schema has
    the element at all (an unknown one is its parent's fault, never descended);
    ``stray(child)`` is the problem of an unknown child where its parent takes
    no foreign elements (None where it does).  ``inside_stray(element)`` is
    the problem of an element the schema knows found inside such a child (as
    Jing, which names each one and then checks its content as usual; elements
    the schema has nowhere inside it are looked into, not named).
    ``known_invalid``: the caller
    knows that ``schema`` rejects ``root`` (from the verdict), so it is not
    validated once more before its children are.
    """
    work = copy.deepcopy(root)
    finder = _Finder(schema, explain, is_known, _Origin(work, root), stray, inside_stray)
    finder.check(work, known_invalid=known_invalid)
    return sorted(finder.found, key=lambda p: (p.line or 0, p.path or ""))


class _Finder:
    def __init__(self, schema, explain, is_known, origin, stray, inside_stray) -> None:
        self.stray = stray
        self.inside_stray = inside_stray
        self.schema = schema
        self.explain = explain
        self.is_known = is_known
        self.origin = origin
        self.found: list[Problem] = []
        self.checks = 0
        self.seen: set[tuple] = set()
        #: Paths in the document (never the working copy, which changes).
        self.paths = ElementPaths()
        #: Repairs made to the working copy so far (whether or not they mended anything).
        self.mutations = 0

    def valid(self, node: etree._Element) -> bool:
        self.checks += 1
        return bool(self.schema.validate(node))

    def check(
        self, node: etree._Element, *, known_invalid: bool = False, size: int | None = None
    ) -> bool:
        """Record the faults of ``node``'s subtree and repair what can be; True if it is now valid.

        ``size`` is the number of elements in the subtree, when the caller counted them.
        """
        if self.checks >= MAX_CHECKS:
            return True
        first_log: list | None = None
        if known_invalid:
            self.checks += 1  # counted as if made, so that the bound falls where it did
        elif self.valid(node):
            return True
        else:
            first_log = list(self.schema.error_log)
        mutations = self.mutations
        broken: set[etree._Element] = set()
        spine, spine_size = _spine(node, size)
        for child in list(node):
            if not isinstance(child.tag, str):
                continue
            if self.is_known(child):
                if child is spine:
                    valid = self.check(child, known_invalid=True, size=spine_size)
                else:
                    valid = self.check(child)
                if not valid:
                    broken.add(child)
            elif (problem := self.stray(child)) is not None:
                # An element the schema has nowhere (a foreign one): libxml2 may blame
                # the parent as incomplete instead; Jing names the element.
                self.record(child, problem)
                self.within_stray(child)
                self.repair(child, problem)
        for round_ in range(MAX_ROUNDS):
            if self.checks >= MAX_CHECKS:
                return True
            if round_ == 0 and first_log is not None and self.mutations == mutations:
                # Nothing inside was changed: validating the subtree again would give the
                # same verdict and the same log as the first time.
                self.checks += 1
                log = first_log
            elif self.valid(node):
                return True
            else:
                log = list(self.schema.error_log)
            located = [
                (target, problem)
                for target, problem in self.explain(node, log)
                if problem.line is not None
                and (not _inside_any(target, broken) or _never_allowed(target, problem, broken))
            ]
            order = [p for p in located if p[1].code in _ORDER_CODES and _misplaced(*p)]
            if order:
                # A child that may stand in its parent, but not here: what must come
                # first is missing, and every later child would be out of place for the
                # same reason (Jing says it once, and nothing more about the parent).
                self.record(*min(order, key=lambda p: p[1].line or 0))
                return False
            if not located:
                return False
            for target, problem in located:  # all placed before any is set aside
                self.record(target, problem)
            repaired = False
            for target, problem in located:
                repaired = self.repair(target, problem) or repaired
            if not repaired:
                return False
        return False

    def within_stray(self, stray: etree._Element) -> None:
        """Name each element the schema knows inside ``stray`` and check its content."""
        for inner in stray:
            if not isinstance(inner.tag, str):
                continue
            if not self.is_known(inner):
                self.within_stray(inner)
            elif (problem := self.inside_stray(inner)) is not None:
                self.record(inner, problem)
                self.check(inner)

    def repair(self, target: etree._Element | None, problem: Problem) -> bool:
        self.mutations += 1
        return _repair(target, problem)

    def record(self, target: etree._Element | None, problem: Problem) -> None:
        original = self.origin.get(target) if target is not None else None
        if original is None and target is not None and problem.path is None:
            problem = replace(problem, path=element_path(target))
        if original is not None:
            problem = replace(problem, path=self.paths(original))
            if problem.code == "element-incomplete":
                # Its end tag's line, from the document (the copy may have lost children).
                problem = replace(problem, line=end_line(original) or problem.line)
        key = (problem.line, problem.code, problem.path, problem.attribute)
        if key not in self.seen:
            self.seen.add(key)
            self.found.append(problem)


def _spine(node: etree._Element, size: int | None) -> tuple[etree._Element | None, int]:
    """The child of an invalid ``node`` that holds most of its elements (None if none does),
    and that child's size."""
    children = [child for child in node if isinstance(child.tag, str)]
    if not children or len(children) > SPINE_CHILDREN:
        return None, 0
    total = size if size is not None else int(_COUNT(node))
    if total * SPINE_SHARE < SPINE_ELEMENTS:
        return None, 0
    sizes = [int(_COUNT(child)) for child in children]
    largest = max(range(len(children)), key=sizes.__getitem__)
    if sizes[largest] <= SPINE_SHARE * total:
        return None, 0
    return children[largest], sizes[largest]


#: Elements in a subtree, counted in C.
_COUNT = etree.XPath("count(descendant-or-self::*)")


class _Origin:
    """The document's node for a node of the working copy, found when asked.

    A repair puts a comment in an element's place and removes only text, so
    a node still in the copy has the same child positions down from the root
    as its original; walking them costs a few steps per problem, where a map
    of every node of both trees would cost one entry per node of a large document.
    """

    def __init__(self, work: etree._Element, root: etree._Element) -> None:
        self.work = work
        self.root = root

    def get(self, node: etree._Element) -> etree._Element | None:
        steps = []
        while node is not self.work:
            parent = node.getparent()
            if parent is None:
                return None  # set aside, or never in the copy
            steps.append(parent.index(node))
            node = parent
        found = self.root
        for position in reversed(steps):
            found = found[position]
        return found


_ORDER_CODES = frozenset(("element-not-allowed", "element-not-allowed-yet"))


def _misplaced(target: etree._Element | None, problem: Problem) -> bool:
    """Whether the element may stand in its parent, only not at this position."""
    if problem.code == "element-not-allowed-yet":
        return True
    return target is not None and etree.QName(target).localname in problem.expected


def _never_allowed(
    target: etree._Element | None, problem: Problem, broken: set[etree._Element]
) -> bool:
    """A broken child that its parent allows nowhere: a fault of its own place, no cascade.

    libxml2 blames a child whose content is wrong as "not allowed here"; that
    is a cascade only when the parent may hold an element of that name.
    """
    return (
        target in broken
        and problem.code == "element-not-allowed"
        and etree.QName(target).localname not in problem.expected
    )


def _inside_any(target: etree._Element | None, broken: set[etree._Element]) -> bool:
    """Whether ``target`` is a broken child or inside one (its complaints are already listed)."""
    node = target
    while node is not None:
        if node in broken:
            return True
        node = node.getparent()
    return False


def _repair(target: etree._Element | None, problem: Problem) -> bool:
    """Remove the fault from the working copy; False when no removal can mend it."""
    if target is None or problem.code not in _REPAIRABLE:
        return False
    if problem.code == "text-not-allowed":
        changed = bool((target.text or "").strip()) or any(
            (child.tail or "").strip() for child in target
        )
        target.text = None
        for child in target:
            child.tail = None
        return changed
    if problem.code in ("element-not-allowed", "element-unknown", "element-not-allowed-yet"):
        parent = target.getparent()
        if parent is None:
            return False
        # A comment in its place: RELAX NG ignores it, and the siblings keep their lines.
        stand_in = etree.Comment("set aside")
        stand_in.tail = target.tail
        parent.replace(target, stand_in)
        return True
    key = _attribute_key(target, problem.attribute)
    if key is None:
        return False
    del target.attrib[key]
    return True


def _attribute_key(node: etree._Element, shown: str | None) -> str | None:
    """The lxml key of the attribute shown as ``shown`` ("xml:lang", "rend", "xsi:type")."""
    if not shown:
        return None
    local = shown.split(":", 1)[-1]
    for key in node.attrib:
        if etree.QName(key).localname == local:
            return key
    return None
