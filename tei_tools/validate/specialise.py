"""Specialise a RELAX NG grammar to one document's vocabulary, and cache the result.

Compiling the whole of tei_all with libxml2 takes seconds, because every one of
its ~600 element patterns and their content models is turned into automata.  A
document can only ever match element and attribute patterns whose *names occur
in it*, so every other ``element``/``attribute`` pattern may be replaced by
``notAllowed`` without changing any verdict.  ``notAllowed`` then propagates by
the algebra of RELAX NG (a group or interleave containing it is ``notAllowed``, a
choice drops it, ``optional``/``zeroOrMore`` of it is ``empty``), unreachable
definitions are dropped, and what is left is usually a few per cent of tei_all.

Soundness notes (the verdict must stay exactly that of the full grammar):

* name classes are matched exactly, including ``anyName``/``nsName`` with
  ``except`` and namespace inheritance, so wildcards survive when any name in
  the document could match them;
* an element whose content becomes ``notAllowed`` is kept as an element (it can
  then never be valid, which is the truth for this document) so that errors
  still name it;
* the elements ``start`` allows at the root are always kept, so a wrong root
  is still reported as such rather than as an uncompilable grammar;
* grammars that use ``include``, ``externalRef``, nested grammars or
  ``combine`` are not pruned (they are compiled whole), because their
  definitions cannot be judged one at a time.

The specialised grammar text is cached on disk (see :func:`cache_dir`) and the
compiled schema in memory, both keyed by the grammar's digest and the vocabulary.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.validate.lru import LruCache
from tei_tools.validate.rng_include import flatten_includes
from tei_tools.validate.rng_names import RNG_PREFIX as _R
from tei_tools.validate.rng_names import (
    Name,
    matches_any,
)
from tei_tools.validate.rng_names import inherited_ns as _inherited_ns
from tei_tools.validate.rng_names import local_name as _local
from tei_tools.validate.rng_names import resolve_qname as _resolve_qname

_CACHE_ENV = "TEI_TOOLS_CACHE_DIR"
#: Annotation on an any-start grammar: root names whose verdict it gives exactly.
EXACT_ROOTS = "{urn:tei-tools:specialise}exact-roots"
#: Part of every cache key: raised whenever the pruning changes, so that no
#: grammar specialised by an older (possibly wrong) pruner is ever reused.
SPECIALISER_VERSION = 3
# In-memory caches, each bounded (a language server runs for hours against any
# number of schemas and vocabularies); the disk keeps specialised grammars.
#: Compiled grammars (one per schema and vocabulary) with their exact roots.
_compiled: LruCache[str, tuple[etree.RelaxNG, frozenset[Name]]] = LruCache(16)
#: Full grammars, prepared for pruning (tei_all's tree is tens of megabytes).
_grammars: LruCache[str, etree._ElementTree] = LruCache(4)


@dataclass(frozen=True)
class Vocabulary:
    """The element and attribute names that occur in a document.

    ``carried`` pairs each element name with the attribute names it carries
    somewhere (None: not known, so attributes are pruned by name only).
    """

    elements: frozenset[Name]
    attributes: frozenset[Name]
    carried: frozenset[tuple[Name, Name]] | None = None

    def key(self) -> str:
        """A stable text form, for cache keys."""
        parts = ["E", *sorted(f"{ns}|{local}" for ns, local in self.elements)]
        parts += ["A", *sorted(f"{ns}|{local}" for ns, local in self.attributes)]
        if self.carried is not None:
            parts += ["C", *sorted(f"{e[0]}|{e[1]} {a[0]}|{a[1]}" for e, a in self.carried)]
        return "\n".join(parts)


def document_vocabulary(root: etree._Element) -> Vocabulary:
    """Collect the element and attribute names used anywhere under ``root``.

    >>> v = document_vocabulary(etree.fromstring('<a xmlns="urn:x" b="1"><c/></a>'))
    >>> sorted(v.elements), sorted(v.attributes)
    ([('urn:x', 'a'), ('urn:x', 'c')], [('', 'b')])
    """
    tags: set[str] = set()
    carried: dict[str, set[str]] = {}
    for node in root.iter(etree.Element):
        tag = node.tag
        tags.add(tag)
        keys = node.keys()
        if keys:
            found = carried.get(tag)
            if found is None:
                carried[tag] = set(keys)
            else:
                found.update(keys)
    pairs = frozenset((_split(tag), _split(key)) for tag, keys in carried.items() for key in keys)
    attributes = frozenset(attribute for _, attribute in pairs)
    return Vocabulary(frozenset(map(_split, tags)), attributes, pairs)


def merge_vocabularies(vocabularies: Iterable[Vocabulary]) -> Vocabulary:
    """One vocabulary covering several documents.

    A grammar specialised to a superset of a document's names gives that
    document the same verdict, so a batch can share one compiled grammar.
    """
    elements: set[Name] = set()
    attributes: set[Name] = set()
    carried: set[tuple[Name, Name]] | None = set()
    for found in vocabularies:
        elements |= found.elements
        attributes |= found.attributes
        if carried is not None and found.carried is not None:
            carried |= found.carried
        else:
            carried = None
    return Vocabulary(
        frozenset(elements),
        frozenset(attributes),
        frozenset(carried) if carried is not None else None,
    )


def _clark(name: Name) -> str:
    return f"{{{name[0]}}}{name[1]}" if name[0] else name[1]


def _split(clark: str) -> Name:
    if clark.startswith("{"):
        ns, _, local = clark[1:].partition("}")
        return ns, local
    return "", clark


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Where specialised grammars are kept between runs.

    ``$TEI_TOOLS_CACHE_DIR`` if set (tests point it at a temporary folder),
    else ``$XDG_CACHE_HOME/tei-tools/rng`` or ``~/.cache/tei-tools/rng``.
    """
    override = os.environ.get(_CACHE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-tools" / "rng"


def clear_cache(*, disk: bool = True) -> None:
    """Forget every compiled schema (and, with ``disk``, the on-disk grammars)."""
    _compiled.clear()
    _grammars.clear()
    _element_defines.clear()
    _specialisable.clear()
    _digests.clear()
    _schema_bytes.clear()
    if disk:
        folder = cache_dir()
        if folder.is_dir():
            for entry in folder.glob("*.rng"):
                entry.unlink(missing_ok=True)


#: Digests of schema bytes, keyed by the bytes object (read_schema hands out the
#: same one); the entry holds that object, so its id cannot pass to another.
_digests: LruCache[int, tuple[bytes, str]] = LruCache(16)


def grammar_digest(schema_bytes: bytes) -> str:
    """A short SHA-256 of a schema's bytes, computed once per bytes object."""
    key = id(schema_bytes)
    found = _digests.get(key)
    if found is None or found[0] is not schema_bytes:
        found = (schema_bytes, hashlib.sha256(schema_bytes).hexdigest()[:20])
        _digests.put(key, found)
    return found[1]


def compiled_schema(
    schema_path: Path, vocabulary: Vocabulary | None, *, any_start: bool = False
) -> etree.RelaxNG | None:
    """The compiled RELAX NG for ``schema_path``, specialised to ``vocabulary`` when given.

    Compiled schemas are kept in memory (a small LRU), specialised grammar
    text on disk, so a batch of similar documents compiles each shape once.
    """
    from tei_tools.errors import SchemaError

    data = read_schema(schema_path)
    digest = grammar_digest(data)
    vocab_key = _vocabulary_key(vocabulary) if vocabulary else "full"
    key = f"{digest}-{vocab_key}-v{SPECIALISER_VERSION}" + ("-any" if any_start else "")
    hit = _compiled.get(key)
    if hit is not None:
        return hit[0]
    grammar = _load_specialised(schema_path, data, digest, key, vocabulary, any_start)
    if grammar is None:
        return None
    try:
        schema = etree.RelaxNG(grammar)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"cannot compile RELAX NG schema: {exc}", file=str(schema_path)) from None
    roots = grammar.getroot().get(EXACT_ROOTS) if any_start else None
    exact = frozenset(map(_split, roots.split())) if roots else frozenset()
    _compiled.put(key, (schema, exact))
    return schema


def exact_roots(schema_path: Path, vocabulary: Vocabulary) -> frozenset[Name]:
    """Root names for which the any-start grammar's verdict is the real grammar's.

    Call after :func:`compiled_schema` with ``any_start=True`` (which records them
    with the compiled grammar); none when that grammar is no longer in memory, which
    only costs the caller a compilation of the real grammar.
    """
    data = read_schema(schema_path)
    key = f"{grammar_digest(data)}-{_vocabulary_key(vocabulary)}-v{SPECIALISER_VERSION}-any"
    hit = _compiled.get(key)
    return hit[1] if hit is not None else frozenset()


def _vocabulary_key(vocabulary: Vocabulary) -> str:
    return hashlib.sha256(vocabulary.key().encode()).hexdigest()[:24]


#: Schema files' bytes, by (path, size, mtime).
_schema_bytes: LruCache[tuple[str, int, int], bytes] = LruCache(8)


def read_schema(schema_path: Path) -> bytes:
    """The schema's bytes, read once per (path, size, mtime)."""
    from tei_tools.errors import SchemaError

    try:
        stat = schema_path.stat()
        key = (str(schema_path.resolve()), stat.st_size, stat.st_mtime_ns)
        data = _schema_bytes.get(key)
        if data is None:
            from tei_tools.folders import read_regular_file
            from tei_tools.xml import MAX_SCHEMA_BYTES

            data = read_regular_file(schema_path, MAX_SCHEMA_BYTES)
            _schema_bytes.put(key, data)
        return data
    except OSError as exc:
        raise SchemaError(
            f"cannot read schema: {exc.strerror or exc}", file=str(schema_path)
        ) from None


def _load_specialised(
    schema_path: Path,
    data: bytes,
    digest: str,
    key: str,
    vocabulary: Vocabulary | None,
    any_start: bool = False,
) -> etree._ElementTree | None:
    cached = cache_dir() / f"{key}.rng"
    # Only specialisable grammars are ever cached, so a hit needs no look at the
    # full grammar (reading tei_all is the larger part of a warm one-file run).
    if vocabulary is not None and cached.is_file():
        try:
            from tei_tools.folders import read_regular_file
            from tei_tools.xml import MAX_SCHEMA_BYTES

            kept = read_regular_file(cached, MAX_SCHEMA_BYTES)
            return etree.ElementTree(etree.fromstring(kept, _schema_parser(), base_url=str(cached)))
        except (OSError, etree.XMLSyntaxError):
            cached.unlink(missing_ok=True)  # a torn write from an old run; rebuild it
    full = parse_grammar(schema_path, data, digest)
    if vocabulary is None or not _can_specialise_once(full.getroot()):
        return None if any_start else full
    pruned = specialise(full, vocabulary, any_start=any_start)
    _store(cached, etree.tostring(pruned, encoding="UTF-8"))
    return pruned


def _store(path: Path, payload: bytes) -> None:
    from tei_tools.xml import write_atomic

    # A read-only cache only costs speed, never correctness.
    with contextlib.suppress(OSError):
        write_atomic(path, payload)


def _schema_parser() -> etree.XMLParser:
    from tei_tools.xml import make_parser

    return make_parser(schema=True)


def parse_grammar(schema_path: Path, data: bytes, digest: str) -> etree._ElementTree:
    """The schema without annotations (documentation, embedded Schematron), flattened and
    context-free; for a bundled schema, read as prepared before install
    (:mod:`tei_tools.validate.grammar_store`)."""
    from tei_tools.validate.grammar_store import shipped_grammar

    tree = _grammars.get(digest)
    if tree is not None:
        return tree
    shipped = shipped_grammar(schema_path, data, SPECIALISER_VERSION)
    if shipped is not None:
        base = str(schema_path.resolve())
        root = etree.fromstring(shipped, _schema_parser(), base_url=base)
    else:
        root = prepare_grammar(schema_path, data)
    tree = etree.ElementTree(root)
    _grammars.put(digest, tree)
    return tree


def prepare_grammar(schema_path: Path, data: bytes) -> etree._Element:
    """What :func:`parse_grammar` makes of a schema: includes applied, annotations
    dropped, every pattern context-free (:func:`make_context_free`)."""
    from tei_tools.errors import SchemaError

    try:
        root = etree.fromstring(data, _schema_parser(), base_url=str(schema_path.resolve()))
    except etree.XMLSyntaxError as exc:
        raise SchemaError(
            f"schema is not well-formed XML: {exc.msg}", file=str(schema_path)
        ) from None
    root = flatten_includes(root, schema_path.resolve(), _schema_parser())
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or not node.tag.startswith(_R):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
    make_context_free(root)
    return root


# --------------------------------------------------------------------- pruning


def make_context_free(grammar: etree._Element) -> None:
    """Write onto each pattern what it would otherwise inherit from where it stands.

    The pruners inline shared definitions into elements and rebuild groups
    around the patterns they keep; a pattern that is moved must mean the same
    in its new place.  So, as RELAX NG's own simplification does (sections
    4.3 and 4.10), every name gets its namespace and every ``data``/``value``
    its datatype library, and prefixed names are resolved while the prefixes
    are still in scope.

    >>> g = etree.fromstring('<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:x" '
    ...     'datatypeLibrary="urn:dt"><start><element name="a"><data type="t"/>'
    ...     '</element></start></grammar>')
    >>> make_context_free(g)
    >>> e = g[0][0]; (e.get("ns"), e[0].get("datatypeLibrary"))
    ('urn:x', 'urn:dt')
    """
    for node in grammar.iter(_R + "element", _R + "attribute", _R + "name", _R + "nsName"):
        kind = _local(node)
        if kind == "nsName":
            if node.get("ns") is None:
                node.set("ns", _inherited_ns(node))
            continue
        text = node.text if kind == "name" else node.get("name")
        if text is None:
            continue  # a name class child carries the name
        plain_attribute = kind == "attribute"
        default = node.get("ns", "") if plain_attribute else _inherited_ns(node)
        ns, local = _resolve_qname(text, node, default)
        if kind == "name":
            node.text = local
        else:
            node.set("name", local)
        node.set("ns", ns)
    for node in grammar.iter(_R + "data", _R + "value"):
        if _local(node) == "value" and node.get("type") is None:
            node.set("type", "token")
            node.set("datatypeLibrary", "")
        elif node.get("datatypeLibrary") is None:
            node.set("datatypeLibrary", _inherited_library(node))


def _inherited_library(node: etree._Element) -> str:
    node = node.getparent()
    while node is not None:
        library = node.get("datatypeLibrary")
        if library is not None:
            return library
        node = node.getparent()
    return ""


def can_specialise(grammar: etree._Element) -> bool:
    """True when the grammar is one flat ``grammar`` the pruner can judge safely."""
    if grammar.tag != _R + "grammar":
        return False
    for node in grammar.iter(_R + "include", _R + "externalRef", _R + "grammar", _R + "parentRef"):
        if node is not grammar:
            return False
    return not any(d.get("combine") for d in grammar.iter(_R + "define", _R + "start"))


#: :func:`can_specialise` of each full grammar, asked once per grammar, not per vocabulary.
_specialisable: LruCache[int, tuple[etree._Element, bool]] = LruCache(4)


def _can_specialise_once(grammar: etree._Element) -> bool:
    hit = _specialisable.get(id(grammar))
    if hit is None or hit[0] is not grammar:
        hit = (grammar, can_specialise(grammar))
        _specialisable.put(id(grammar), hit)
    return hit[1]


def specialise(
    grammar_tree: etree._ElementTree,
    vocabulary: Vocabulary,
    *,
    any_start: bool = False,
    restrict: bool = True,
) -> etree._ElementTree:
    """A copy of the grammar in which patterns that cannot match ``vocabulary`` are ``notAllowed``.

    With ``any_start`` the grammar's start accepts any of the document's
    elements as a root, so that one subtree at a time can be checked (to find
    where a document first goes wrong).  ``restrict`` copies only the
    definitions the pruner can reach (:func:`_live_copy`); without it the whole
    grammar is copied, which gives the same result more slowly (a test holds
    the two equal).
    """
    full = grammar_tree.getroot()
    live: set[str] | None = None
    if restrict:
        root, live = _live_copy(full, vocabulary, any_start)
    else:
        root = _copy_tree(full)
    pruner = _Pruner(root, vocabulary)
    if any_start:
        pruner.open_start(_named_element_defines(full))
    pruner.run(live)
    if vocabulary.carried is not None:
        from tei_tools.validate.attribute_pruning import prune_attributes_per_element

        prune_attributes_per_element(root, vocabulary.carried)
    return etree.ElementTree(root)


def _live_copy(
    full: etree._Element, vocabulary: Vocabulary, any_start: bool
) -> tuple[etree._Element, set[str]]:
    """A copy of the grammar's ``start`` and only the definitions the pruner can reach, and
    the names of those definitions.

    About half of tei_all lies in the content of elements a document does not
    use, and every pass of the pruner over a copied tree costs in proportion to
    its size (lxml makes a proxy for each node it visits), so the reach is
    worked out on the shared, never modified grammar first.  The definitions
    kept are exactly those :meth:`_Pruner._possibly_reachable` would find in a
    copy of the whole grammar (opened as :meth:`_Pruner.open_start` opens it);
    the others are dropped by the pruner in any case.
    """
    reach = _reach_of(full)
    elements = vocabulary.elements
    added = (
        [name for name, element in reach.element_defines if element in elements]
        if any_start
        else []
    )
    containers = [_START, *added]
    kept = reach.root_patterns(containers)
    live: set[str] = set(added)
    todo = list(containers)
    while todo:
        holder = reach.holders[todo.pop()]
        refs = list(holder.refs)
        patterns = list(holder.patterns)
        while patterns:
            index = patterns.pop()
            if index not in kept and not reach.accepts(index, elements):
                continue
            content = reach.contents[index]
            refs.extend(content.refs)
            patterns.extend(content.patterns)
        for name in refs:
            if name not in live and name in reach.holders:
                live.add(name)
                todo.append(name)
    root = etree.Element(full.tag, nsmap=full.nsmap)
    for key, value in full.attrib.items():
        root.set(key, value)
    root.text = full.text
    for child in full:
        if _local(child) != "define" or child.get("name") in live:
            root.append(_deep_copy(child))
    return root, live


#: The key of the grammar's ``start`` among the holders (no define is named "").
_START = ""


@dataclass
class _Holder:
    """What a ``start``, a ``define`` or an element's content reaches without entering an
    element: the definitions it names and the element patterns (by index)."""

    refs: list[str] = field(default_factory=list)
    patterns: list[int] = field(default_factory=list)


class _Reach:
    """The reference structure of one full grammar, read once (see :func:`_live_copy`)."""

    def __init__(self, grammar: etree._Element) -> None:
        self.patterns: list[etree._Element] = []
        self.names: list[Name | None] = []
        self.contents: list[_Holder] = []
        self.holders: dict[str, _Holder] = {}
        start = _Holder()
        for node in grammar.iter(_R + "start"):
            self._read(list(node), start)
        self.holders[_START] = start
        for define in grammar.iter(_R + "define"):
            holder = self.holders.setdefault(define.get("name"), _Holder())
            self._read(list(define), holder)
        self.element_defines = _named_element_defines(grammar)

    def _read(self, nodes: list[etree._Element], holder: _Holder) -> None:
        todo = nodes[::-1]
        while todo:
            node = todo.pop()
            kind = _local(node)
            if kind == "element":
                holder.patterns.append(len(self.patterns))
                self.patterns.append(node)
                name = node.get("name")
                self.names.append(
                    _resolve_qname(name, node, _inherited_ns(node)) if name is not None else None
                )
                content = _Holder()
                self.contents.append(content)
                self._read(list(node), content)
            elif kind == "ref":
                holder.refs.append(node.get("name"))
            else:
                todo.extend(reversed(node))

    def accepts(self, index: int, elements: frozenset[Name]) -> bool:
        name = self.names[index]
        if name is not None:
            return name in elements
        return matches_any(self.patterns[index], elements)

    def root_patterns(self, containers: list[str]) -> set[int]:
        """Element patterns reachable from ``containers`` without entering an element."""
        kept: set[int] = set()
        seen: set[str] = set()
        todo = list(containers)
        while todo:
            holder = self.holders.get(todo.pop())
            if holder is None:
                continue
            kept.update(holder.patterns)
            for name in holder.refs:
                if name not in seen:
                    seen.add(name)
                    todo.append(name)
        return kept


_reaches: LruCache[int, tuple[etree._Element, _Reach]] = LruCache(4)


def _reach_of(grammar: etree._Element) -> _Reach:
    hit = _reaches.get(id(grammar))
    if hit is not None and hit[0] is grammar:
        return hit[1]
    reach = _Reach(grammar)
    _reaches.put(id(grammar), (grammar, reach))
    return reach


def _copy_tree(root: etree._Element) -> etree._Element:
    # libxml2 copies the tree (and keeps its base URL) in half the time of a
    # serialise-and-parse round trip.
    return _deep_copy(root)


#: Per full grammar: the defines whose body is one element pattern with a plain name, with
#: that name, in the grammar's order (read once per grammar, not per vocabulary).
_element_defines: LruCache[int, tuple[etree._Element, list[tuple[str, Name]]]] = LruCache(4)


def _named_element_defines(grammar: etree._Element) -> list[tuple[str, Name]]:
    hit = _element_defines.get(id(grammar))
    if hit is not None and hit[0] is grammar:
        return hit[1]
    found = []
    for name, define in {d.get("name"): d for d in grammar.iter(_R + "define")}.items():
        body = [c for c in define if _local(c)]
        if len(body) == 1 and _local(body[0]) == "element" and body[0].get("name") is not None:
            pattern = body[0]
            found.append(
                (name, _resolve_qname(pattern.get("name"), pattern, _inherited_ns(pattern)))
            )
    _element_defines.put(id(grammar), (grammar, found))
    return found


_NAME_CLASSES = {"name", "anyName", "nsName", "choice"}
# Patterns whose children form an implicit group.
_GROUPING = {"group", "interleave", "oneOrMore", "mixed", "list", "define", "start"}
_OPTIONAL = {"optional", "zeroOrMore"}


class _Pruner:
    """Rewrites one grammar in place; see the module docstring for the rules."""

    def __init__(self, grammar: etree._Element, vocabulary: Vocabulary) -> None:
        self.grammar = grammar
        self.vocabulary = vocabulary
        self.defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
        self.define_na: dict[str, bool] = {}
        self.in_progress: set[str] = set()
        self.kept = self._root_elements()

    def run(self, live: set[str] | None = None) -> None:
        """Rewrite the grammar; ``live`` is :meth:`_possibly_reachable`'s answer when the
        caller has it already (:func:`_live_copy` kept only those definitions)."""
        if live is None:
            live = self._possibly_reachable()
        for holder in [*self.grammar.iter(_R + "start"), *self.defines.values()]:
            if _local(holder) == "define":
                name = holder.get("name")
                if name not in live:
                    continue  # dropped below whatever it became; rewriting it is wasted
                if self._define_not_allowed(name):
                    continue  # only stubs of it can be referenced now
            self._rewrite_content(holder, skip_name_class=False)
        self._drop_unreachable()

    def _possibly_reachable(self) -> set[str]:
        """Defines that may still be referenced once the grammar is rewritten.

        Reachable from ``start`` without entering the content of an element
        pattern that cannot match (it becomes a stub with empty content), so a
        superset of what :meth:`_drop_unreachable` keeps: most of tei_all is the
        content of elements a document does not use.
        """
        live: set[str] = set()
        todo = [c for s in self.grammar.iter(_R + "start") for c in s]
        while todo:
            node = todo.pop()
            kind = _local(node)
            if kind == "element" and self.is_not_allowed(node):
                continue
            if kind == "ref":
                name = node.get("name")
                if name not in live and name in self.defines:
                    live.add(name)
                    todo.extend(self.defines[name])
            else:
                todo.extend(node)
        return live

    def open_start(self, element_defines: list[tuple[str, Name]] | None = None) -> None:
        """Let ``start`` accept every named element definition whose name occurs in the document.

        Records on the grammar (:data:`EXACT_ROOTS`) the root names for which
        this grammar's verdict on a whole document is the real one: names
        that no added alternative accepts unless it is a real root itself.
        Then the added alternatives cannot accept what the real start rejects,
        and one compiled grammar serves for both the verdict and finding where
        a document first goes wrong.  Wildcard elements (``anyName``, as in
        tei_all's content of ``egXML``) are not added: they would accept every
        root, so that no root were exact and each batch compiled two grammars,
        and no subtree needs them as a root (foreign elements are located by
        name, see :mod:`tei_tools.validate.rng`).  ``element_defines``: the
        grammar's :func:`_named_element_defines`, when the caller has them.
        """
        if element_defines is None:
            element_defines = _named_element_defines(self.grammar)
        elements = self.vocabulary.elements
        added = {
            name: next(c for c in self.defines[name] if _local(c))
            for name, element in element_defines
            if element in elements
        }
        self.grammar.set(
            EXACT_ROOTS, " ".join(sorted(_clark(n) for n in self._exact_roots(added.values())))
        )
        choice = etree.Element(_R + "choice")
        for name in added:
            etree.SubElement(choice, _R + "ref", name=name)
        for start in self.grammar.iter(_R + "start"):
            for child in list(start):
                if _local(child):
                    choice.insert(0, child)  # the real roots stay acceptable too
            start.append(choice)
        self.kept = self._root_elements()

    def _exact_roots(self, added) -> set[Name]:
        real_roots = self.kept  # the start is not opened yet: its roots as found at the outset
        by_name: dict[Name, list[etree._Element]] = {}
        for pattern in added:
            resolved = _resolve_qname(pattern.get("name"), pattern, _inherited_ns(pattern))
            by_name.setdefault(resolved, []).append(pattern)
        return {
            name
            for name in self.vocabulary.elements
            if by_name.get(name) and all(p in real_roots for p in by_name[name])
        }

    # -- judging
    def _root_elements(self) -> set[etree._Element]:
        """Element patterns reachable from ``start`` without entering an element."""
        kept: set[etree._Element] = set()
        seen: set[str] = set()
        todo = [c for s in self.grammar.iter(_R + "start") for c in s]
        while todo:
            node = todo.pop()
            kind = _local(node)
            if kind == "element":
                kept.add(node)
            elif kind == "ref":
                name = node.get("name")
                if name not in seen and name in self.defines:
                    seen.add(name)
                    todo.extend(self.defines[name])
            else:
                todo.extend(node)
        return kept

    def _matches(self, pattern: etree._Element, names: frozenset[Name]) -> bool:
        return matches_any(pattern, names)

    def is_not_allowed(self, node: etree._Element) -> bool:
        kind = _local(node)
        if kind == "element":
            return node not in self.kept and not self._matches(node, self.vocabulary.elements)
        if kind == "attribute":
            return not self._matches(node, self.vocabulary.attributes)
        if kind == "notAllowed":
            return True
        if kind == "ref":
            return self._define_not_allowed(node.get("name"))
        if kind == "choice":
            patterns = [c for c in node if _local(c)]
            return all(self.is_not_allowed(c) for c in patterns)
        if kind in _GROUPING:
            return any(self.is_not_allowed(c) for c in node if _local(c))
        return False  # empty, text, data, value, optional, zeroOrMore

    def _define_not_allowed(self, name: str | None) -> bool:
        if name is None or name not in self.defines:
            return False
        known = self.define_na.get(name)
        if known is not None:
            return known
        if name in self.in_progress:
            return False  # only reachable through an element, which judges itself
        self.in_progress.add(name)
        verdict = self.is_not_allowed(self.defines[name])
        self.in_progress.discard(name)
        self.define_na[name] = verdict
        return verdict

    # -- rewriting
    def _rewrite_content(self, holder: etree._Element, *, skip_name_class: bool) -> None:
        """Rewrite the children of a pattern whose children form a group.

        A required child that can never match keeps its place as a *stub*
        (same names, empty content), so the validator fails at the same node
        and for the same reason as with the full grammar.
        """
        children = [c for c in holder if _local(c)]
        if skip_name_class and holder.get("name") is None and children:
            children = children[1:]
        for c in children:
            if self.is_not_allowed(c):
                holder.replace(c, self._stub(c))
            else:
                self._rewrite(c)
        _drop_redundant_empty(holder)

    def _stub(self, node: etree._Element) -> etree._Element:
        """A cheap stand-in for a required pattern none of whose names occur.

        No node of the document can match it either way, so its content does
        not matter to the verdict; only its names do, for where errors show.
        """
        kind = _local(node)
        if kind == "element":
            stub = etree.Element(_R + "element", nsmap=node.nsmap)
            for key, value in node.attrib.items():
                stub.set(key, value)
            if node.get("name") is None:
                stub.append(_deep_copy(next(c for c in node if _local(c))))
            etree.SubElement(stub, _R + "empty")
            return stub
        if kind == "ref":
            return etree.Element(_R + "ref", name=self._stub_define(node.get("name")))
        if kind in ("attribute", "notAllowed"):
            return _deep_copy(node)
        stub = etree.Element(node.tag, nsmap=node.nsmap)
        for key, value in node.attrib.items():
            stub.set(key, value)
        for child in node:
            if not _local(child):
                continue
            if self.is_not_allowed(child):
                stub.append(self._stub(child))
            elif kind != "choice":
                copy = _deep_copy(child)
                stub.append(copy)
                self._rewrite(copy)
        _drop_redundant_empty(stub)
        return stub

    def _stub_define(self, name: str) -> str:
        stub_name = f"{name}..stub"
        if stub_name not in self.defines:
            original = self.defines[name]
            define = etree.SubElement(self.grammar, _R + "define", name=stub_name)
            self.defines[stub_name] = define
            for key, value in original.attrib.items():
                if key != "name":
                    define.set(key, value)
            body = self._stub(_group_of(original))
            define.extend(list(body) if _local(body) == "group" else [body])
        return stub_name

    def _rewrite(self, node: etree._Element) -> None:
        kind = _local(node)
        if kind == "element":
            self._rewrite_content(node, skip_name_class=True)
        elif kind == "choice":
            for c in [c for c in node if _local(c)]:
                if self.is_not_allowed(c):
                    node.remove(c)
                else:
                    self._rewrite(c)
        elif kind in _OPTIONAL:
            if any(self.is_not_allowed(c) for c in node if _local(c)):
                _replace(node, _R + "empty")
            else:
                self._rewrite_content(node, skip_name_class=False)
        elif kind in _GROUPING:
            self._rewrite_content(node, skip_name_class=False)

    def _drop_unreachable(self) -> None:
        reachable: set[str] = set()
        todo = list(self.grammar.iter(_R + "start"))
        while todo:
            node = todo.pop()
            for ref in node.iter(_R + "ref"):
                name = ref.get("name")
                if name not in reachable and name in self.defines:
                    reachable.add(name)
                    todo.append(self.defines[name])
        for name, define in self.defines.items():
            if name not in reachable:
                self.grammar.remove(define)


def _deep_copy(node: etree._Element) -> etree._Element:
    # lxml's own copy, without copy.deepcopy's dispatch and memo (a tenth of a pruning).
    return node.__deepcopy__(None)


def _group_of(define: etree._Element) -> etree._Element:
    """The body of a define as one pattern (its children form a group)."""
    group = etree.Element(_R + "group", nsmap=define.nsmap)
    if define.get("ns") is not None:
        group.set("ns", define.get("ns"))
    for child in define:
        if _local(child):
            group.append(_deep_copy(child))
    return group


def _drop_redundant_empty(holder: etree._Element) -> None:
    """Remove ``<empty/>`` from a group that has other patterns.

    ``group(p, empty)`` is ``p``; libxml2 (2.x as shipped with lxml) mis-validates
    attributes in groups that mix ``empty`` with other patterns, so the
    specialised grammar must not contain such groups.
    """
    patterns = [c for c in holder if _local(c)]
    if _local(holder) in ("element", "attribute") and holder.get("name") is None:
        patterns = patterns[1:]
    empties = [c for c in patterns if _local(c) == "empty"]
    if empties and len(empties) < len(patterns):
        for node in empties:
            _remove_keeping_tail(node)


def _remove_keeping_tail(node: etree._Element) -> None:
    """Remove ``node`` but not the text after it (lxml's ``remove`` drops the tail too).

    >>> group = etree.fromstring("<group>a<empty/>b<text/>c<empty/>d</group>")
    >>> for node in group.findall("empty"):
    ...     _remove_keeping_tail(node)
    >>> etree.tostring(group)
    b'<group>ab<text/>cd</group>'
    """
    parent = node.getparent()
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _replace(node: etree._Element, tag: str) -> None:
    parent = node.getparent()
    fresh = etree.Element(tag)
    fresh.tail = node.tail
    parent.replace(node, fresh)
