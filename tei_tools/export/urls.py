"""The one URL policy of every page tei-tools writes.

A TEI document that validates can still carry ``javascript:`` or ``data:``
URLs (in ``@target``, ``@url``, a ``prefixDef``'s replacement pattern, a
register entry), and an exported page is opened by readers who never saw
the TEI.  So every URL a page emits passes :func:`safe_url`: ``http``,
``https`` and ``mailto`` links, fragments, queries and relative paths that
stay inside the site stay live; anything else becomes inert, its text kept.

The decision is taken on the URL as a browser would read it: ASCII tabs and
newlines anywhere and control characters or spaces at either end are
ignored by browsers, so ``"java\\tscript:"`` and ``" JavaScript:"`` are
refused like ``"javascript:"``; HTML character references are decoded first
(``&#106;avascript:``), since a value may be re-read as HTML by later tools.

>>> safe_url("https://example.org/a?b#c")
'https://example.org/a?b#c'
>>> safe_url(" JaVaScRiPt:alert(1)") is None
True
>>> safe_url("../persons.html#p1", depth=1)
'../persons.html#p1'
>>> safe_url("../../etc/passwd", depth=1) is None
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from lxml import etree

#: Schemes a reader may follow from an edition page.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

#: HTML attributes whose value is one URL.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "cite", "poster", "background", "data",
     "longdesc", "manifest", "ping", "xml:base", "{http://www.w3.org/1999/xlink}href"}
)  # fmt: skip
#: HTML attributes whose value lists URLs with descriptors (``a.jpg 2x, b.jpg 3x``).
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
#: Browsers drop these anywhere in a URL before parsing it.
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
#: Browsers strip C0 controls and spaces at either end of a URL.
_ENDS = "".join(chr(c) for c in range(0x21))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_DOT_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})


def safe_url(value: str | None, *, depth: int = 0) -> str | None:
    """``value`` if a page ``depth`` folders below the site root may link to it, else None.

    Allowed: :data:`ALLOWED_SCHEMES`, fragments, queries and relative paths
    whose ``..`` never climbs above the site root.  Refused: every other
    scheme, root-absolute and protocol-relative paths (``/etc``, ``//host``,
    which leave the site), and values with control characters.

    >>> safe_url("mailto:ed@example.org")
    'mailto:ed@example.org'
    >>> safe_url("&#106;avascript:alert(1)") is None
    True
    """
    if value is None:
        return None
    if value[:1] == "#" and "&" not in value and value.isprintable() and value[-1:] != " ":
        return value  # an in-page fragment: no scheme, no path, nothing to decode (the common case)
    for reading in _readings(value):
        if _CONTROL.search(reading):
            return None
        scheme = _SCHEME.match(reading)
        if scheme is not None:
            if scheme.group(1).lower() not in ALLOWED_SCHEMES:
                return None
        elif not _stays_inside(reading, depth):
            return None
    return value.strip(_ENDS)


def _readings(value: str) -> Iterator[str]:
    """The value as a browser parses it, as written and with HTML references decoded."""
    seen = value
    for _ in range(3):  # nested encodings (``&amp;#106;``) decode one level per pass
        yield _IGNORED_INSIDE.sub("", seen).strip(_ENDS)
        decoded = html.unescape(seen)
        if decoded == seen:
            return
        seen = decoded
    yield _IGNORED_INSIDE.sub("", seen).strip(_ENDS)


def _stays_inside(relative: str, depth: int) -> bool:
    """Whether a relative reference resolved from ``depth`` folders down stays in the site."""
    path = re.split(r"[?#]", relative, maxsplit=1)[0].replace("\\", "/")
    if path.startswith("/"):
        return False
    level = depth
    segments = path.split("/")
    for position, segment in enumerate(segments):
        if segment.lower() in _DOT_DOT:
            level -= 1
            if level < 0:
                return False
        elif segment not in ("", ".", "%2e", "%2E") and position < len(segments) - 1:
            level += 1
    return True


def safe_srcset(value: str, *, depth: int = 0) -> str | None:
    """A ``srcset`` with every candidate's URL allowed, or None if any is refused."""
    for candidate in value.split(","):
        url = candidate.strip().split(None, 1)[0] if candidate.strip() else ""
        if url and safe_url(url, depth=depth) is None:
            return None
    return value


def safe_css(value: str, *, depth: int = 0) -> str | None:
    """CSS text whose every ``url(...)`` is allowed, or None; ``@import`` strings are refused."""
    if "@import" in value.lower() or "\\" in value:
        return None  # CSS escapes could hide a scheme; imports load more CSS
    for match in _CSS_URL.finditer(value):
        if safe_url(match.group(2), depth=depth) is None:
            return None
    return value


#: Every attribute :func:`make_urls_safe` checks.
_CHECKED = URL_ATTRIBUTES | SRCSET_ATTRIBUTES | {"style"}


def make_urls_safe(root: etree._Element, *, depth: int = 0) -> int:
    """Apply :func:`safe_url` to every URL in an HTML tree; return how many were made inert.

    A refused link becomes a ``span`` with class ``inert-link`` so that its
    text stays visible; any other refused URL attribute (``src``, ``srcset``,
    ``style`` with ``url()``) is removed, and a refused ``<style>`` is emptied.
    This runs last on every page, so no writer can emit a URL past it.
    """
    refused = 0
    # Attribute names only (``keys()``): building ``attrib.items()`` for every element
    # was most of this function's time on a large page.
    for element in root.iter(etree.Element):
        names = element.keys()
        if not _CHECKED.isdisjoint(names):
            for name in names:
                if name not in _CHECKED:
                    continue
                value = element.get(name)
                if name in URL_ATTRIBUTES:
                    ok = safe_url(value, depth=depth) is not None
                elif name in SRCSET_ATTRIBUTES:
                    ok = safe_srcset(value, depth=depth) is not None
                else:
                    ok = safe_css(value, depth=depth) is not None
                if not ok:
                    refused += 1
                    del element.attrib[name]
                    if element.tag == "a" and name == "href":
                        element.tag = "span"
                        classes = (element.get("class") or "").split()
                        element.set("class", " ".join([*classes, "inert-link"]))
        if element.tag == "style" and element.text and safe_css(element.text) is None:
            refused += 1
            element.text = ""
    return refused


#: Where an authority file's bare identifier leads.
AUTHORITY_URLS = {
    "wikidata": (re.compile(r"Q\d+"), "https://www.wikidata.org/wiki/{}"),
    "viaf": (re.compile(r"\d+"), "https://viaf.org/viaf/{}"),
}


def authority_url(authority: str, value: str | None) -> str | None:
    """The URL of a register entry's authority record (``Q42`` or a URL), or None if refused.

    >>> authority_url("wikidata", "Q42")
    'https://www.wikidata.org/wiki/Q42'
    >>> authority_url("viaf", "javascript:alert(1)") is None
    True
    """
    if not value:
        return None
    pattern, template = AUTHORITY_URLS[authority]
    if pattern.fullmatch(value.strip()):
        return template.format(value.strip())
    return safe_url(value)
