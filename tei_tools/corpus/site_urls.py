"""The one gate every URL the edition site writes into a card or link passes through.

Register data (Wikidata ids, VIAF numbers, links in notes) and document
paths end up as ``href`` values.  They all go through :func:`site_href`, so
that a single URL policy decides what may be linked.  Until the project's
policy module (``tei_tools.export.urls.safe_url``) exists this is a small
stand-in: relative URLs and ``http``/``https`` only.

>>> site_href("https://www.wikidata.org/wiki/Q33391")
'https://www.wikidata.org/wiki/Q33391'
>>> site_href("javascript:alert(1)") is None
True
>>> site_href("../persons.html#per-trotsky")
'../persons.html#per-trotsky'
"""

from __future__ import annotations

from urllib.parse import urlsplit

#: Schemes a link may use; anything else (javascript:, data:, file:) is dropped.
ALLOWED_SCHEMES = frozenset({"", "http", "https"})


def site_href(value: str | None) -> str | None:
    """``value`` when it is safe to put in an ``href``, else None (then the text is not linked)."""
    if not value:
        return None
    value = value.strip()
    if any(ord(c) < 0x20 for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
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
