"""Names in RELAX NG grammars (XML syntax): the RNG namespace, a pattern's local name, the
namespace a pattern inherits, QName resolution, and which names a pattern or name class accepts.

The ground of the grammar modules (``specialise``, ``attribute_pruning``, ``schema_index``),
which all read patterns this way.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: The Clark-notation prefix of RELAX NG's elements: ``RNG_PREFIX + "define"``.
RNG_PREFIX = f"{{{RNG_NS}}}"

#: A name as RELAX NG sees it: (namespace URI, local name); "" is no namespace.
Name = tuple[str, str]
NameTest = Callable[[Name], bool]


def local_name(node: etree._Element) -> str:
    """A RELAX NG pattern's local name (``define``), or "" for anything else.

    The pruners ask this of every node they pass, several times: a lookup of the
    tag is a third of the cost of testing its prefix each time.
    """
    tag = node.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:  # a new tag, or a comment's (a function, never remembered)
        local = (
            tag[len(RNG_PREFIX) :] if isinstance(tag, str) and tag.startswith(RNG_PREFIX) else ""
        )
        if isinstance(tag, str):
            _LOCAL_NAMES[tag] = local
        return local


#: Tag -> local name: a pure function's answers, so it can never go stale.
_LOCAL_NAMES: dict[str, str] = {}


def inherited_ns(node: etree._Element) -> str:
    while node is not None:
        ns = node.get("ns")
        if ns is not None:
            return ns
        node = node.getparent()
    return ""


def resolve_qname(text: str, node: etree._Element, default_ns: str) -> Name:
    text = text.strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        if prefix == "xml":
            return XML_NS, local
        return node.nsmap.get(prefix, ""), local
    return default_ns, text


def matches_any(pattern: etree._Element, names: frozenset[Name] | set[Name]) -> bool:
    """Whether an ``element``/``attribute`` pattern accepts any of ``names``.

    A pattern with a plain ``name`` (nearly all of TEI's) is one set lookup;
    only name classes need testing name by name.
    """
    if pattern.get("name") is not None:
        return accepted_name(pattern) in names
    test = name_test(pattern)
    return any(test(n) for n in names)


def accepted_name(pattern: etree._Element) -> Name:
    """The one name an ``element``/``attribute`` pattern with a plain ``name`` accepts."""
    kind = local_name(pattern)
    default = pattern.get("ns", "") if kind == "attribute" else inherited_ns(pattern)
    return resolve_qname(pattern.get("name"), pattern, default)


def name_test(pattern: etree._Element) -> NameTest:
    """A predicate telling which names an ``element``/``attribute`` pattern accepts."""
    kind = local_name(pattern)
    name = pattern.get("name")
    if name is not None:
        default = pattern.get("ns", "") if kind == "attribute" else inherited_ns(pattern)
        fixed = resolve_qname(name, pattern, default)
        return lambda n: n == fixed
    for child in pattern:
        if local_name(child):
            return _name_class_test(child)
    return lambda n: False


def _name_class_test(nc: etree._Element) -> NameTest:
    kind = local_name(nc)
    if kind == "name":
        fixed = resolve_qname(nc.text or "", nc, inherited_ns(nc))
        return lambda n: n == fixed
    if kind == "choice":
        tests = [_name_class_test(c) for c in nc if local_name(c)]
        return lambda n: any(t(n) for t in tests)
    if kind in ("anyName", "nsName"):
        excluded = [
            _name_class_test(c) for e in nc if local_name(e) == "except" for c in e if local_name(c)
        ]
        ns = inherited_ns(nc) if kind == "nsName" else None
        return lambda n: (ns is None or n[0] == ns) and not any(t(n) for t in excluded)
    return lambda n: False
