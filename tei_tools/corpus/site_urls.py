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

from tei_tools.export.urls import authority_url
from tei_tools.export.urls import safe_url as _policy


def site_href(value: str | None, *, depth: int = 0) -> str | None:
    """``value`` when a page ``depth`` folders below the site root may link to it, else None."""
    return _policy(value, depth=depth)


def wikidata_url(value: str | None) -> str | None:
    """The Wikidata page of an item id (``Q33391``) or URL, through the one URL policy."""
    return authority_url("wikidata", value)


def viaf_url(value: str | None) -> str | None:
    """The VIAF page of a record number or URL, through the one URL policy."""
    return authority_url("viaf", value)
