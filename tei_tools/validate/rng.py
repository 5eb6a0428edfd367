"""RELAX NG validation with libxml2, and messages an editor can act on.

libxml2 gives the verdict (on a grammar specialised to the document, see
:mod:`tei_tools.validate.specialise`) and a log of terse, partly cascading
messages.  Here each message is tied back to the element it is about, moved to
the node Jing would name (the unexpected child rather than its parent, the
end tag of an incomplete element), cascades on ancestors are dropped, and the
message is rewritten with what the full schema allows there and a
did-you-mean for misspelled names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice
from pathlib import Path

from lxml import etree

from tei_tools.validate.lru import LruCache
from tei_tools.validate.problems import ERROR, Problem, element_path, end_line
from tei_tools.validate.rng_faults import every_fault
from tei_tools.validate.rng_names import XML_NS
from tei_tools.validate.schema_index import SchemaIndex, build_index
from tei_tools.validate.specialise import (
    Vocabulary,
    compiled_schema,
    document_vocabulary,
    exact_roots,
    grammar_digest,
    parse_grammar,
    read_schema,
)
from tei_tools.xml import local_name as _local

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

#: How many allowed names a message lists before saying "and N more".
MAX_LISTED = 12

#: What each grammar allows where, by grammar digest; bounded, as a language
#: server meets any number of schemas.
_indexes: LruCache[str, SchemaIndex] = LruCache(8)

_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_EXPECTING = re.compile(r"Expecting element (\S+), got (\S+)")
_NOTHING = re.compile(r"Expecting an element ?(\S*), got nothing")
_GOT_TEXT = re.compile(
    r"Expecting an element got text|Did not expect text in element (\S+) content"
)
_WRONG = re.compile(r"Did not expect element (\S+) there")
_ATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_ATTRS_FAILED = re.compile(r"Element (\S+) failed to validate attributes")
_CASCADE = re.compile(
    r"failed to validate content|Type ID doesn't allow value|Error validating datatype"
)


def validate_rng(
    tree: etree._ElementTree,
    schema_path: Path,
    file: str,
    *,
    specialise: bool = True,
    vocabulary: Vocabulary | None = None,
    own_vocabulary: Vocabulary | None = None,
) -> list[Problem]:
    """Validate ``tree``; an empty list means valid.

    ``vocabulary`` names the grammar to specialise to (a batch passes the
    union of its documents' names, so it compiles once); ``own_vocabulary``
    is this document's names, when the caller already has them.

    >>> from tei_tools.validate.schema_select import tei_all_path
    >>> tree = etree.ElementTree(etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'))
    >>> [p.message[:24] for p in validate_rng(tree, tei_all_path(), "a.xml")]
    ['element "TEI" incomplete']
    """
    if specialise:
        own_vocabulary = own_vocabulary or document_vocabulary(tree.getroot())
        vocabulary = vocabulary or own_vocabulary
    else:
        vocabulary = None
    schema, opened = _verdict_schema(tree, schema_path, vocabulary)
    if schema.validate(tree):
        if not _uses_xsi(tree, own_vocabulary):
            return []
        return list(
            check_attribute_names(tree, schema_index(schema_path), file, namespaces={XSI_NS})
        )
    root = tree.getroot()
    log = [e for e in schema.error_log if not (opened and _other_root_tried(e, root))]
    index = schema_index(schema_path)
    if vocabulary is not None:
        carried = own_vocabulary.carried if own_vocabulary is not None else None
        # Every fault, each on its own element, from the repairing pass; libxml2's
        # first log is read only where that pass cannot place anything.
        # The document's own grammar, not the batch's: which message libxml2 gives for
        # a subtree depends on the grammar, and no problem may depend on the batch.
        found = _every_fault(tree, schema_path, own_vocabulary or vocabulary, index, file)
        if found:
            return _with_all_unknown_attributes(found, tree, index, file, carried)
        problems = _problems_from_log(tree, log, index, file)
        first = _localise_first_error(tree, schema_path, vocabulary, index, file, carried)
        # libxml2 stops listing after some backtracking, and where it stops depends on
        # the grammar compiled (the batch's or the document's own); every attribute
        # that its element allows nowhere is found from the full schema instead.
        problems = _with_all_unknown_attributes(problems, tree, index, file, carried)
        if first is not None:
            rest = [p for p in problems if (p.line, p.message) != (first.line, first.message)]
            return _placed([first, *_without_enclosing(rest, first)], root)
        return _placed(_without_enclosing(problems), root)
    problems = _problems_from_log(tree, log, index, file)
    return _without_enclosing(problems)


def _placed(problems: list[Problem], root: etree._Element) -> list[Problem]:
    """Every problem with a position: one libxml2 could not tie to an element goes to the root."""
    return [
        p if p.line else replace(p, line=root.sourceline, path=p.path or element_path(root))
        for p in problems
    ]


def _every_fault(tree, schema_path, vocabulary, index, file) -> list[Problem]:
    """Every fault, each on its own element, found by the repairing pass (empty: none placed).

    The pass checks subtrees against the grammar, specialised to the document's
    own names, whose start accepts any of them; each complaint it keeps is about
    an element whose children are all valid (or repaired).
    """
    local = compiled_schema(schema_path, vocabulary, any_start=True)
    if local is None or _qname(tree.getroot()) not in index.children:
        return []  # a root the schema has nowhere (a wrong namespace) is the one fault named

    # The prefixes are the document's, declared on or near its root: looked up once,
    # not in each subtree checked.
    spaces = _namespaces(tree)

    def explain(subtree, log):
        kept = [e for e in log if not _other_root_tried(e, subtree)]
        # No path in the working copy: the pass records each problem with its path in the
        # document, and counting a large parent's children once per log would cost more.
        return _located_from_log(_SubtreeView(subtree), kept, index, file, _no_path, spaces)

    maker = _problem_maker(file)

    def stray(child):
        parent = child.getparent()
        if "*" in index.children.get(_qname(parent), ()):
            return None  # the parent takes elements of any namespace
        return _unexpected_element(child, parent, index, maker)

    def inside_stray(inner):
        # Jing names a known element inside an element of another namespace ("element "idno"
        # not allowed here; expected the element end-tag or text"), never one inside a
        # misspelled element of the document's own namespace (a "para" holding an "lb").
        stray_root = _outermost_unknown(inner, index)
        if etree.QName(stray_root).namespace == etree.QName(stray_root.getparent()).namespace:
            return None
        shown = _display_name(inner.getparent())
        text = (
            f'element "{_display_name(inner)}" not allowed here in "{shown}"; '
            f'expected the end of "{shown}" or text'
        )
        return replace(maker(text, inner, code="element-not-allowed"), value=_local(inner))

    root = tree.getroot()
    # The verdict rejected the document; this grammar gives the real verdict on its root
    # when the root is one of its exact roots, so it need not be asked again.
    known_invalid = _qname(root) in exact_roots(schema_path, vocabulary)
    found = every_fault(
        root,
        local,
        explain,
        lambda n: _qname(n) in index.children,
        stray,
        known_invalid=known_invalid,
        inside_stray=inside_stray,
    )
    if not found:
        return []
    known = {_fault_key(p) for p in found}
    return found + [p for p in _duplicate_ids(tree, file) if _fault_key(p) not in known]


def _outermost_unknown(node: etree._Element, index: SchemaIndex) -> etree._Element:
    """The outermost of the elements the schema has nowhere that ``node`` stands in."""
    found = node
    for ancestor in node.iterancestors():
        if _qname(ancestor) in index.children:
            break
        found = ancestor
    return found


def _no_path(node: etree._Element) -> None:
    return None


_ATTRIBUTE_CODES = frozenset(
    ("attribute-not-allowed", "attribute-value-invalid", "attribute-missing", "duplicate-id")
)


def _fault_key(problem: Problem) -> tuple:
    return (problem.path, problem.code, problem.attribute)


def _with_all_unknown_attributes(problems, tree, index, file, carried) -> list[Problem]:
    seen = {(p.line, p.message) for p in problems}
    found = [
        p
        for p in check_attribute_names(tree, index, file, carried=carried)
        if (p.line, p.message) not in seen
    ]
    return [*problems, *found]


def _without_enclosing(problems: list[Problem], first: Problem | None = None) -> list[Problem]:
    """Drop a complaint about an element that encloses another complaint's element.

    libxml2 backtracks and then also blames the ancestors of the element that
    really failed, and how far up it does so depends on the shape of the
    grammar it was given (the batch's or the document's own); the innermost
    complaint is the one fault, and keeping only it makes the messages the
    same whatever grammar the batch compiled.
    """
    every = [first, *problems] if first is not None else problems
    paths = {p.path for p in every if p.path}
    kept = [
        p
        for p in problems
        if not p.path
        or _own_attribute_fault(p)
        or not any(other.startswith(p.path + "/") for other in paths)
    ]
    context = [first, *kept] if first is not None else kept
    return [p for p in kept if not _blamed_for_a_later_sibling(p, context)]


def _own_attribute_fault(problem: Problem) -> bool:
    """A problem with an element's own attribute (its value, or its presence)."""
    return problem.attribute is not None or problem.code in _ATTRIBUTE_CODES


def _blamed_for_a_later_sibling(problem: Problem, problems: list[Problem]) -> bool:
    """An element that may stand in its parent, reported only because a later sibling failed.

    When a child further on does not fit, libxml2 often blames an earlier
    child whose name the parent does allow (after backtracking through the
    content model); the later complaint is the fault.
    """
    if problem.code != "element-not-allowed" or not problem.path:
        return False
    parent, _, step = problem.path.rpartition("/")
    if step.split("[", 1)[0] not in problem.expected:
        return False
    return any(
        other is not problem
        and other.path
        and other.path.startswith(parent + "/")
        and not (other.path + "/").startswith(problem.path + "/")
        and (other.line or 0) > (problem.line or 0)
        for other in problems
    )


def _verdict_schema(tree, schema_path: Path, vocabulary: Vocabulary | None):
    """The compiled grammar that gives the verdict, and whether its start is the opened one.

    The opened (any-start) grammar is needed anyway to localise errors; when
    its verdict on this root is provably the real one, it is the only grammar
    compiled for the document.
    """
    if vocabulary is not None:
        opened = compiled_schema(schema_path, vocabulary, any_start=True)
        root = tree.getroot()
        if opened is not None and _qname(root) in exact_roots(schema_path, vocabulary):
            return opened, True
    return compiled_schema(schema_path, vocabulary), False


def _uses_xsi(tree: etree._ElementTree, names: Vocabulary | None) -> bool:
    if names is not None:
        return any(ns == XSI_NS for ns, _ in names.attributes)
    return any(
        XSI_NS in (etree.QName(a).namespace or "")
        for n in tree.iter(etree.Element)
        for a in n.attrib
    )


def _localise_first_error(
    tree, schema_path, vocabulary, index, file, carried=None
) -> Problem | None:
    """Find the first error in document order, as Jing (which streams) reports it.

    libxml2 backtracks through choices and blames the outermost alternative
    that failed.  With a grammar whose start accepts any of the document's
    elements, each subtree can be checked on its own: descend into the first
    invalid child until an element's children are all valid; that element's
    own start tag or content is where the document first goes wrong.  A
    grammar specialised to a superset of the document's names (the batch's)
    gives every subtree the same verdict, so one such grammar serves a batch.
    """
    local = compiled_schema(schema_path, vocabulary, any_start=True)
    if local is None:
        return None
    candidates = [
        c
        for c in (
            _first_unknown_attribute(tree, index, file, carried),
            _first_duplicate_id(tree, file),
        )
        if c
    ]
    node = tree.getroot()
    if not local.validate(node):
        # A root the schema has no element for (wrong or missing namespace) is the first error.
        foreign = node if _qname(node) not in index.children else None
        while foreign is None:
            bad_child = None
            for child in node:
                if not isinstance(child.tag, str):
                    continue
                if _qname(child) not in index.children:
                    if "*" not in index.children.get(_qname(node), ()):
                        bad_child = foreign = child
                        break
                    continue
                if not local.validate(child):
                    bad_child = child
                    break
            if bad_child is None:
                break
            node = bad_child
        if foreign is not None:
            candidates.append(
                _unexpected_element(foreign, foreign.getparent(), index, _problem_maker(file))
            )
        else:
            local.validate(node)
            log = [e for e in local.error_log if not _other_root_tried(e, node)]
            found = _problems_from_log(_SubtreeView(node), log, index, file) if log else []
            candidates += found[:1]
    return min(candidates, key=lambda p: p.line or 0) if candidates else None


def _other_root_tried(entry, root: etree._Element) -> bool:
    """A complaint from trying a start alternative made for another element name.

    The any-start grammar offers every element of the batch as a root; libxml2
    reports each alternative it tried, and those for other names say nothing
    about this subtree.
    """
    if entry.path != "/*":
        return False
    name = _local(root)
    if match := _EXPECTING.match(entry.message):
        return match.group(2) == name and match.group(1) != name
    match = _WRONG.match(entry.message)
    return match is not None and match.group(1) == name


def _problem_maker(file: str):
    def problem(text: str, at, expected=(), suggestion=None, code=None) -> Problem:
        shown = _with_suggestion(_with_expected(text, expected), suggestion)
        return Problem(
            file,
            at.sourceline if at is not None else None,
            None,
            ERROR,
            shown,
            element_path(at) if at is not None else None,
            tuple(expected),
            suggestion,
            "rng",
            code=code,
        )

    return problem


def check_attribute_names(
    tree: etree._ElementTree, index: SchemaIndex, file: str, *, namespaces=None, carried=None
):
    """Yield attributes the schema allows nowhere on their element.

    libxml2 silently accepts ``xsi:*`` attributes that Jing (rightly) rejects,
    so this check restores the verdict for them; it also pins down the exact
    element when a document has several errors.
    """
    suspects = _elements_with_unknown_attributes(carried, index) if carried is not None else None
    if suspects is not None and not suspects:
        return
    nodes = (
        tree.getroot().iter(*(f"{{{ns}}}{local}" for ns, local in suspects))
        if suspects is not None
        else tree.getroot().iter(etree.Element)
    )
    for node in nodes:
        name = _qname(node)
        allowed = index.attributes.get(name)
        if not allowed or "*" in allowed:
            continue
        for key in node.attrib:
            attr_ns = etree.QName(key).namespace
            if namespaces is not None and attr_ns not in namespaces:
                continue
            shown, _ = _find_attribute(node, etree.QName(key).localname)
            if shown not in allowed:
                expected = tuple(sorted(allowed, key=str.lower))
                suggestion = index.suggest_attribute(etree.QName(key).localname, name)
                message = f'attribute "{shown}" not allowed on element "{_local(node)}"'
                yield Problem(
                    file,
                    node.sourceline,
                    None,
                    ERROR,
                    _with_suggestion(_with_expected(message, expected), suggestion),
                    element_path(node),
                    expected,
                    suggestion,
                    "rng",
                    attribute=shown,
                    code="attribute-not-allowed",
                    value=node.get(key),
                )


def _elements_with_unknown_attributes(carried, index: SchemaIndex) -> set[tuple[str, str]]:
    """Element names that carry an attribute the schema may not allow on them.

    Decided once per (element, attribute) pair of the document instead of per
    node; a foreign-namespace attribute always counts, as its shown prefix
    depends on the node.
    """
    suspects = set()
    for element, (ns, local) in carried:
        allowed = index.attributes.get(element)
        if not allowed or "*" in allowed:
            continue
        shown = f"xml:{local}" if ns == XML_NS else local
        if ns not in ("", XML_NS) or shown not in allowed:
            suspects.add(element)
    return suspects


def _first_unknown_attribute(tree, index, file, carried=None) -> Problem | None:
    return next(check_attribute_names(tree, index, file, carried=carried), None)


def _first_duplicate_id(tree: etree._ElementTree, file: str) -> Problem | None:
    return next(_duplicate_ids(tree, file), None)


def _duplicate_ids(tree: etree._ElementTree, file: str):
    """Each ``xml:id`` that an earlier element of the document already has.

    Uniqueness is the whole document's, so the repairing pass, which checks
    subtrees one by one, cannot see it; ids inside ``egXML`` examples are not
    the document's.
    """
    key = f"{{{XML_NS}}}id"
    seen: set[str] = set()
    for node in tree.getroot().iter(etree.Element):
        value = node.get(key)
        if value is None or node.tag.startswith(_EXAMPLE):
            continue
        if value in seen:
            yield Problem(
                file,
                node.sourceline,
                None,
                ERROR,
                f'ID "{value}" has already been defined',
                element_path(node),
                rule="rng",
                attribute="xml:id",
                code="duplicate-id",
                value=value,
            )
        seen.add(value)


_EXAMPLE = "{http://www.tei-c.org/ns/Examples}"


class _SubtreeView:
    """Lets error paths from validating a subtree (``/*/*[2]``) be resolved against it."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root

    def getroot(self) -> etree._Element:
        return self.root

    def xpath(self, path: str, namespaces=None):
        # The subtree was validated as a document: its first step is the subtree's root.
        steps = path.split("/")
        relative = "/".join(["self::*", *steps[2:]]) if len(steps) > 1 else path
        return self.root.xpath(relative, namespaces=namespaces)


def schema_index(schema_path: Path) -> SchemaIndex:
    """The (memoised) index of what the full grammar allows where."""
    data = read_schema(schema_path)
    digest = grammar_digest(data)
    index = _indexes.get(digest)
    if index is None:
        index = build_index(parse_grammar(schema_path, data, digest).getroot())
        _indexes.put(digest, index)
    return index


def _problems_from_log(
    tree: etree._ElementTree, log: list, index: SchemaIndex, file: str
) -> list[Problem]:
    return _drop_ancestor_cascades(_located_from_log(tree, log, index, file))


def _located_from_log(
    tree, log: list, index: SchemaIndex, file: str, paths=element_path, spaces=None
) -> list[tuple[etree._Element | None, Problem]]:
    """Each libxml2 message as (the element it is about, a Problem); cascades and repeats left out.

    ``spaces`` maps the prefixes of libxml2's paths to namespaces (looked up in
    ``tree`` when not given).
    """
    located: list[tuple[etree._Element | None, Problem]] = []
    seen: set[tuple[int | None, str]] = set()
    for entry in log:
        if _CASCADE.search(entry.message):
            continue
        if spaces is None and entry.path:
            spaces = _namespaces(tree)
        node = _node_at(tree, entry.path, spaces)
        target, problem = _explain(entry, node, index, file, paths)
        key = (problem.line, problem.message)
        if key in seen:
            continue
        seen.add(key)
        located.append((target, problem))
    return located


def _drop_ancestor_cascades(
    located: list[tuple[etree._Element | None, Problem]],
) -> list[Problem]:
    """Keep the most specific errors: an error on an element that has an error inside it is a cascade."""
    with_errors_inside: set[etree._Element] = set()
    for target, _ in located:
        if target is None:
            continue
        for ancestor in target.iterancestors():
            if ancestor in with_errors_inside:
                break
            with_errors_inside.add(ancestor)
    # A fault in an element's own attributes is no cascade of a fault inside it:
    # a bad xml:lang on <TEI> is reported beside stray text in <body>, as Jing does.
    kept = [
        (t, p)
        for t, p in located
        if t is None or t not in with_errors_inside or _own_attribute_fault(p)
    ]
    kept = kept or located
    if not kept:
        return []
    # libxml2 backtracks through choices and blames the outermost alternative
    # that failed; the deepest node it names is nearest to where Jing, which
    # streams, first sees the document go wrong, so that error comes first.
    deepest = max(kept, key=lambda tp: (_depth(tp[0]), -(tp[1].line or 0)))
    rest = sorted((p for t, p in kept if p is not deepest[1]), key=lambda p: p.line or 0)
    return [deepest[1], *rest]


def _depth(node: etree._Element | None) -> int:
    return -1 if node is None else sum(1 for _ in node.iterancestors())


def _node_at(
    tree: etree._ElementTree, path: str | None, spaces: dict[str, str] | None = None
) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path, namespaces=spaces if spaces is not None else _namespaces(tree))
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def _namespaces(tree) -> dict[str, str]:
    spaces: dict[str, str] = {}
    # Prefixes are nearly always declared on the root or just below it: the first 200
    # elements are looked at (every element has a namespace node, xml's, so these are
    # what "descendant-or-self::*[namespace::*][position() <= 200]" selects, without
    # that XPath's visit of every namespace node of the document).
    for node in islice(tree.getroot().iter(etree.Element), 200):
        for prefix, uri in node.nsmap.items():
            if prefix and prefix not in spaces:
                spaces[prefix] = uri
    return spaces


def _explain(entry, node: etree._Element | None, index: SchemaIndex, file: str, paths=element_path):
    """Turn one libxml2 message into (the element it is about, a Problem)."""
    message = entry.message
    line = entry.line or None
    target = node

    def problem(
        text: str, at: etree._Element | None, expected=(), suggestion=None, code=None
    ) -> Problem:
        where = at.sourceline if at is not None and at.sourceline else line
        shown = _with_suggestion(_with_expected(text, expected), suggestion)
        return Problem(
            file,
            where,
            None,
            ERROR,
            shown,
            paths(at) if at is not None else entry.path,
            tuple(expected),
            suggestion,
            "rng",
            code=code,
        )

    if match := _EXTRA.match(message) or _EXPECTING.match(message):
        child_name = match.group(2)
        parent, child = node, None
        if _EXPECTING.match(message) and node is not None and _local(node) == child_name:
            # "Expecting element teiHeader, got text" at the <text> itself: the element
            # got is the node, even when a child of the same name stands inside it.
            child, parent = node, node.getparent()
        if child is None:
            child = _first_child_named(parent, child_name) if parent is not None else None
        if child is None and node is not None and _local(node) == child_name:
            child, parent = node, node.getparent()
        target = child if child is not None else node
        return target, _unexpected_element(target, parent, index, problem)
    if match := _WRONG.match(message):
        parent = node.getparent() if node is not None else None
        return node, _unexpected_element(node, parent, index, problem)
    if nothing := _NOTHING.match(message):
        if node is None:
            return None, problem(message, None)
        expected = index.allowed_children(_qname(node))
        missing = nothing.group(1) or index.missing_child(
            _qname(node), {_local(c) for c in node if isinstance(c.tag, str)}
        )
        text = f'element "{_local(node)}" incomplete'
        if missing:
            text += f'; missing required element "{missing}"'
        end = end_line(node)
        found = problem(
            text, node, expected if not missing else (missing,), code="element-incomplete"
        )
        return node, _replace_line(found, end)
    if _GOT_TEXT.match(message):
        return node, _text_not_allowed(node, index, problem)
    if match := _ATTR.match(message):
        return node, _bad_attribute(node, match.group(1), index, problem)
    if _ATTRS_FAILED.match(message) and node is not None:
        required = index.required_attributes.get(_qname(node), set())
        missing = sorted(a for a in required if _attribute_value(node, a) is None)
        if missing:
            return node, replace(
                problem(
                    f'element "{_local(node)}" missing required attribute "{missing[0]}"',
                    node,
                    code="attribute-missing",
                ),
                attribute=missing[0],
            )
        return node, problem(
            f'element "{_local(node)}" has an invalid attribute',
            node,
            index.allowed_attributes(_qname(node)),
            code="attribute-invalid",
        )
    return node, problem(message, node, code="schema-other")


def _text_not_allowed(node, index: SchemaIndex, problem) -> Problem:
    """Text where an element allows none: at the text, as Jing puts it, naming what may stand there."""
    if node is None:
        return problem("text not allowed here", None, code="text-not-allowed")
    expected = index.allowed_children(_qname(node))
    text = f'text not allowed here in "{_local(node)}"'
    if not expected:
        text += f'; expected the end of "{_local(node)}"'
    found = problem(text, node, expected, code="text-not-allowed")
    return replace(found, line=_text_line(node) or found.line, value=_first_text(node))


def _first_text(node: etree._Element) -> str | None:
    """The first run of non-space text directly inside ``node``, shortened."""
    for run in (node.text, *(child.tail for child in node)):
        if run and run.strip():
            words = " ".join(run.split())
            return words if len(words) <= 40 else words[:39] + "…"
    return None


def _text_line(node: etree._Element) -> int | None:
    """The line where the first non-space text directly inside ``node`` starts."""
    if node.sourceline is None:
        return None
    if node.text and node.text.strip():
        lead = node.text[: len(node.text) - len(node.text.lstrip())]
        return node.sourceline + lead.count("\n")
    for child in node:
        tail = child.tail
        if tail and tail.strip():
            end = end_line(child) if isinstance(child.tag, str) else child.sourceline
            lead = tail[: len(tail) - len(tail.lstrip())]
            return (end or node.sourceline) + lead.count("\n")
    return None


def _unexpected_element(node, parent, index: SchemaIndex, problem) -> Problem:
    if node is None:
        return problem("element not allowed here", None, code="element-not-allowed")
    name = _local(node)
    expected = (
        index.allowed_children(_qname(parent)) if parent is not None else sorted(index.root_names)
    )
    foreign = etree.QName(node).namespace or ""
    known = index.knows_element(name) and foreign == _tei_ns(parent)
    where = "here" if known else "anywhere"
    text = f'element "{_display_name(node)}" not allowed {where}'
    if parent is None and not foreign and name in ("TEI", "teiCorpus"):
        # The commonest cause by far: the TEI namespace was left out.
        text += (
            '; add xmlns="http://www.tei-c.org/ns/1.0" to it (TEI elements are in that namespace)'
        )
    suggestion = None
    if not index.knows_element(name) or not known:
        suggestion = index.suggest_element(name, _qname(parent) if parent is not None else None)
        if suggestion == name:
            suggestion = None
    if parent is not None:
        text += f' in "{_local(parent)}"'
        missing = _missing_before(node, parent, index) if known and name in expected else None
        if missing is not None:
            # As Jing says it: the name may stand here, but not before what must precede it.
            text = (
                f'element "{name}" not allowed yet in "{_local(parent)}"; '
                f'missing required element "{missing}"'
            )
    code = "element-not-allowed" if known else "element-unknown"
    if parent is not None and known and " not allowed yet " in text:
        code = "element-not-allowed-yet"
    found = problem(text, node, expected, suggestion, code=code)
    return replace(found, value=name)


def _missing_before(node, parent, index: SchemaIndex) -> str | None:
    """A child that ``parent`` requires and that none of ``node``'s preceding siblings is."""
    before = {_local(s) for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)}
    missing = index.missing_child(_qname(parent), before)
    return missing if missing != _local(node) else None


def _bad_attribute(node, attr_local: str, index: SchemaIndex, problem) -> Problem:
    if node is None:
        return problem(
            f'attribute "{attr_local}" not allowed or invalid', None, code="attribute-invalid"
        )
    allowed = index.allowed_attributes(_qname(node))
    shown, value = _find_attribute(node, attr_local)
    if shown in allowed:
        if (
            shown == "xml:id"
            and value is not None
            and _is_ncname(value)
            and _seen_before(node, value)
        ):
            return replace(
                problem(f'ID "{value}" has already been defined', node, code="duplicate-id"),
                attribute="xml:id",
                value=value,
            )
        values = index.allowed_values(_qname(node), shown)
        text = f'value "{value}" of attribute "{shown}" on "{_local(node)}" is invalid'
        if values:
            listed = ", ".join(f'"{v}"' for v in values[:12])
            text += f"; allowed: {listed}" + (
                f" and {len(values) - 12} more" if len(values) > 12 else ""
            )
        return replace(
            problem(text, node, code="attribute-value-invalid"), attribute=shown, value=value
        )
    suggestion = index.suggest_attribute(attr_local, _qname(node))
    found = problem(
        f'attribute "{shown}" not allowed on element "{_local(node)}"',
        node,
        allowed,
        suggestion,
        code="attribute-not-allowed",
    )
    return replace(found, attribute=shown, value=value)


def _find_attribute(node: etree._Element, local: str) -> tuple[str, str | None]:
    for key, value in node.attrib.items():
        qname = etree.QName(key)
        if qname.localname != local:
            continue
        if qname.namespace == XML_NS:
            return f"xml:{local}", value
        if qname.namespace:
            prefix = next((p for p, u in node.nsmap.items() if u == qname.namespace and p), None)
            return (f"{prefix}:{local}" if prefix else key), value
        return local, value
    return local, None


def _attribute_value(node: etree._Element, shown: str) -> str | None:
    if shown.startswith("xml:"):
        return node.get(f"{{{XML_NS}}}{shown[4:]}")
    if ":" in shown:
        prefix, local = shown.split(":", 1)
        uri = node.nsmap.get(prefix)
        return node.get(f"{{{uri}}}{local}") if uri else None
    return node.get(shown)


def _seen_before(node: etree._Element, value: str) -> bool:
    key = f"{{{XML_NS}}}id"
    for other in node.getroottree().iter(etree.Element):
        if other is node:
            return False
        if other.get(key) == value:
            return True
    return False


_NCNAME = re.compile(r"^[^\W\d][\w.\-]*$", re.UNICODE)


def _is_ncname(value: str) -> bool:
    return bool(_NCNAME.match(value)) and ":" not in value


def _with_expected(text: str, expected) -> str:
    names = list(expected)
    if not names:
        return text
    shown = ", ".join(f'"{n}"' for n in names[:MAX_LISTED])
    more = f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
    return f"{text}; expected {shown}{more}"


def _with_suggestion(text: str, suggestion: str | None) -> str:
    return f'{text} (did you mean "{suggestion}"?)' if suggestion else text


def _replace_line(problem: Problem, line: int | None) -> Problem:
    from dataclasses import replace

    return replace(problem, line=line or problem.line)


def _first_child_named(parent: etree._Element | None, name: str) -> etree._Element | None:
    if parent is None:
        return None
    for child in parent:
        if isinstance(child.tag, str) and _local(child) == name:
            return child
    return None


def _qname(node: etree._Element | None) -> tuple[str, str]:
    if node is None:
        return ("", "")
    q = etree.QName(node)
    return (q.namespace or "", q.localname)


def _tei_ns(parent: etree._Element | None) -> str:
    if parent is None:
        return "http://www.tei-c.org/ns/1.0"
    return etree.QName(parent).namespace or ""


def _display_name(node: etree._Element) -> str:
    q = etree.QName(node)
    if q.namespace and q.namespace != "http://www.tei-c.org/ns/1.0":
        prefix = node.prefix
        return f"{prefix}:{q.localname}" if prefix else f"{{{q.namespace}}}{q.localname}"
    if not q.namespace:
        return f"{q.localname} (in no namespace)"
    return q.localname
