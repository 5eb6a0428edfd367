"""The one gate every URL the edition site writes into a card or link passes through.

Register data (Wikidata ids, VIAF numbers) and document paths end up as
``href`` values.  They all go through :func:`site_href`, so that a single URL
policy decides what may be linked.  That policy is the project's
``tei_tools.export.urls.safe_url`` (issue 11) when it is installed; until it
is, a small stand-in here allows ``http``/``https`` and relative paths that
stay inside the site, and nothing else.

>>> site_href("https://www.wikidata.org/wiki/Q33391")
'https://www.wikidata.org/wiki/Q33391'
>>> site_href("javascript:alert(1)") is None
True
>>> site_href("../persons.html#per-trotsky", depth=1)
'../persons.html#per-trotsky'
"""

from __future__ import annotations

from urllib.parse import urlsplit

try:  # the project's URL policy, once issue 11's module is merged
    from tei_tools.export.urls import safe_url as _policy
except ImportError:  # pragma: no cover - depends on the branch
    _policy = None

#: Schemes the stand-in allows; anything else (javascript:, data:, file:) is dropped.
ALLOWED_SCHEMES = frozenset({"", "http", "https"})


def site_href(value: str | None, *, depth: int = 0) -> str | None:
    """``value`` when a page ``depth`` folders below the site root may link to it, else None."""
    if _policy is not None:
        return _policy(value, depth=depth)
    return _standin_policy(value, depth)


def _standin_policy(value: str | None, depth: int) -> str | None:
    if not value:
        return None
    value = value.strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return None
    if not parts.scheme:
        if value.startswith("/"):
            return None  # root-absolute or protocol-relative: leaves the site
        if parts.path.split("/").count("..") > depth:
            return None
    return value


def wikidata_url(value: str | None) -> str | None:
    """The Wikidata page of an item id (``Q33391``) or URL, through :func:`site_href`."""
    if not value:
        return None
    return site_href(value if "://" in value else f"https://www.wikidata.org/wiki/{value}")


def viaf_url(value: str | None) -> str | None:
    """The VIAF page of a record number or URL, through :func:`site_href`."""
    if not value:
        return None
    return site_href(value if "://" in value else f"https://viaf.org/viaf/{value}")
