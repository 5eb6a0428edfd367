"""The collection-wide files of a site: pages, scripts, search index, and the pager pass.

:mod:`tei_tools.corpus.build` decides *when* these are written (only when
something they depend on changed); this module says *what* they are.  Three
things here depend on the whole collection and so cannot be made by the
worker that builds one document:

* the collection pages, ``cards.js`` (the data of the name cards) and the
  built-in search index;
* whether Pagefind runs: it re-indexes every page, about 2 ms a document, so
  it runs on a full build or when many documents changed; after a small
  change the search page uses the built-in index, which is always current,
  until Pagefind runs again;
* the previous/next links of each document page, in date order: a document
  page is written by its worker with an empty pager, and this pass fills in
  the pagers of the documents just built and of those whose neighbours changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tei_tools.corpus.collection import BuildSettings
from tei_tools.corpus.document import DOCUMENT_DIR, DocumentResult
from tei_tools.xml import write_atomic

#: The share of a collection that must change before Pagefind re-indexes an existing site.
PAGEFIND_REINDEX_SHARE = 0.1

#: Where the pager pass remembers each page's neighbours (in the cache folder).
PAGERS_FILE = "pagers.json"

#: Where the build remembers what each group of collection pages was built from (cache folder).
PAGE_KEYS_FILE = "page-keys.json"

#: Where the build notes which set of documents Pagefind last indexed (in its folder).
PAGEFIND_STAMP = "tei-tools-indexed.json"


def page_keys(documents: list[DocumentResult], context: str) -> dict[str, str]:
    """A digest per group of collection pages, of just the document data that group shows.

    A correction in a document's text changes only its words, so only its
    shard of the search index is rebuilt (the shards have keys of their own); a new title or date changes the lists; a new
    name changes the indexes and cards.  ``context`` covers the settings and
    the search mode.
    """
    parts: dict[str, list] = {
        name: [] for name in ("listing", "refs", "cites", "status", "filters")
    }
    for document in documents:
        summary = document.summary
        parts["status"].append((document.stem, document.status, document.problems))
        if summary is None:
            continue
        shown = (summary.stem, summary.title, summary.when, summary.date_label, summary.julian)
        parts["listing"].append(shown)
        parts["refs"].append((summary.stem, summary.refs))
        parts["cites"].append((summary.stem, summary.citations))
        parts["filters"].append(summary.filters)
    digests = {
        name: hashlib.sha256(repr(value).encode()).hexdigest() for name, value in parts.items()
    }

    def key(*names: str) -> str:
        return hashlib.sha256(
            " ".join([context, *(digests[n] for n in names)]).encode()
        ).hexdigest()

    return {
        "home": key("listing", "status"),
        "chronology": key("listing"),
        "indexes": key("listing", "refs"),
        "bibliography": key("listing", "refs", "cites"),
        "validation": key("listing", "status"),
        "search": key("filters"),
    }


def write_collection_pages(
    writer,
    documents: list[DocumentResult],
    settings: BuildSettings,
    mode: str,
    pagefind: str,
    cache_dir: Path,
) -> None:
    """Write the collection pages and scripts whose inputs changed since the last build.

    ``pagefind`` is ``current``, ``stale``, ``run`` or ``none`` (see
    :func:`pagefind_state`).  A group whose key (:func:`page_keys`) is
    unchanged and whose files are all there is carried over unread.
    """
    from importlib import resources

    from tei_tools.corpus import pages
    from tei_tools.corpus.cards import cards_script
    from tei_tools.corpus.document import registry_for
    from tei_tools.corpus.search import (
        BUILTIN_INDEX,
        BUILTIN_SCRIPT,
        SEARCH_SHARDS,
        builtin_index,
        builtin_script,
        builtin_shard,
        filter_options,
        search_page_parts,
        shard_name,
        shard_of,
    )

    registry = registry_for(settings)
    title = settings.title
    summaries = [d.summary for d in documents if d.summary is not None]
    try:
        previous = json.loads((cache_dir / PAGE_KEYS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    keys = page_keys(documents, f"{settings.fingerprint()} {mode} {pagefind != 'stale'}")

    def due(group: str, *names: str) -> bool:
        if previous.get(group) == keys[group] and all(
            name in writer.previous and (writer.site / name).is_file() for name in names
        ):
            for name in names:
                writer.keep(name)
            return False
        return True

    # The print rules (@page, no navigation) go at the end of the site's one stylesheet.
    print_rules = resources.files("tei_tools.corpus").joinpath("site-print.css").read_bytes()
    writer.write("site.css", pages.site_css() + b"\n" + print_rules)
    writer.write(pages.FAVICON, pages.favicon_svg())
    script = resources.files("tei_tools.corpus").joinpath(pages.SITE_SCRIPT).read_bytes()
    writer.write(pages.SITE_SCRIPT, script)
    if due("home", "index.html"):
        counts = {"valid": 0, "invalid": 0, "unreadable": 0}
        for document in documents:
            counts[document.status] = counts.get(document.status, 0) + 1
        writer.write("index.html", pages.home_page(summaries, counts, site_title=title))
    if due("chronology", "chronology.html"):
        writer.write("chronology.html", pages.chronology_page(summaries, site_title=title))
    index_pages = [page for page, _ in pages.INDEX_PAGES.values()]
    if due("indexes", pages.CARDS_SCRIPT, *index_pages):
        from tei_tools.corpus.collection import collection_info_of

        # The registers' source notes are for editors: shown only when the settings ask.
        sources = collection_info_of(settings).show_register_sources
        writer.write(pages.CARDS_SCRIPT, cards_script(summaries, registry, show_sources=sources))
        for prefix, (page, _) in pages.INDEX_PAGES.items():
            index = pages.register_index_page(
                prefix, summaries, registry, site_title=title, show_sources=sources
            )
            writer.write(page, index)
    if due("bibliography", pages.BIBLIOGRAPHY):
        writer.write(
            pages.BIBLIOGRAPHY, pages.bibliography_page(summaries, registry, site_title=title)
        )
    if due("validation", "validation.html"):
        writer.write("validation.html", pages.validation_page(documents, site_title=title))
    if due("search", "search.html"):
        head, body = search_page_parts(mode, pagefind=pagefind, filters=filter_options(summaries))
        writer.write("search.html", pages.search_page(head, body, site_title=title))
    if mode in ("builtin", "pagefind"):
        writer.write(BUILTIN_INDEX, builtin_index())
        writer.write(BUILTIN_SCRIPT, builtin_script())
        shards: list[list] = [[] for _ in range(SEARCH_SHARDS)]
        for summary in summaries:
            shards[shard_of(summary.stem)].append(summary)
        for number, members in enumerate(shards):
            group = f"search-shard-{number}"
            shown = [(s.stem, s.title, s.date_label, s.terms, s.text, s.filters) for s in members]
            keys[group] = _digest(repr(shown))
            if due(group, shard_name(number)):
                writer.write(shard_name(number), builtin_shard(members))
    write_atomic(cache_dir / PAGE_KEYS_FILE, json.dumps(keys, sort_keys=True))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def pagefind_state(site: Path, mode: str, built: int, total: int, pages_key: str) -> str:
    """Whether Pagefind will run now (``run``), its index is ``current``, ``stale``, or ``none``."""
    if mode != "pagefind":
        return "none"
    try:
        stamp = json.loads((site / "pagefind" / PAGEFIND_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "run"
    if stamp.get("pages_key") == pages_key:
        return "current"
    if built >= max(1, int(total * PAGEFIND_REINDEX_SHARE)):
        return "run"
    return "stale"


def finish_search(writer, mode: str, state: str, pages_key: str) -> None:
    """Run Pagefind when due and stamp its index; drop a Pagefind index the mode no longer uses.

    Only a ``pagefind/`` folder an earlier build installed is replaced or
    removed; a folder of the user's is left alone and reported as a conflict.
    """
    import shutil

    from tei_tools.corpus.search import PAGEFIND_DIR, run_pagefind

    site = writer.site
    if mode != "pagefind":
        if writer.owns_folder(PAGEFIND_DIR):
            shutil.rmtree(site / PAGEFIND_DIR, ignore_errors=True)
        return
    if not writer.claim_folder(PAGEFIND_DIR):
        return
    if state == "run":
        run_pagefind(site)
        stamp = json.dumps({"pages_key": pages_key})
        write_atomic(site / PAGEFIND_DIR / PAGEFIND_STAMP, stamp)


def update_pagers(writer, documents: list[DocumentResult], built: set[str], cache_dir: Path) -> int:
    """Fill in previous/next links where a page is new or its neighbours changed; returns pages updated.

    The pager sits between comments the page itself wrote (the regions of
    :func:`~tei_tools.corpus.pages.pager_regions`: the head's ``rel`` links,
    the line above the title, the foot's links), so updating it is a splice
    of the page's bytes, not a rebuild of the document.
    """
    from tei_tools.corpus.pages import by_date, pager_regions

    try:
        previous = json.loads((cache_dir / PAGERS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    ordered = by_date(d.summary for d in documents if d.summary is not None)
    wanted: dict[str, list[str | None]] = {}
    updated = 0
    for position, summary in enumerate(ordered):
        before = ordered[position - 1] if position else None
        after = ordered[position + 1] if position + 1 < len(ordered) else None
        pair = [before.stem if before else None, after.stem if after else None]
        wanted[summary.stem] = pair
        if summary.stem not in built and previous.get(summary.stem) == pair:
            continue
        name = f"{DOCUMENT_DIR}/{summary.stem}.html"
        path = writer.site / name
        try:
            data = path.read_bytes()
        except OSError:
            continue
        spliced, found = data, False
        for start_mark, end_mark, content in pager_regions(before, after):
            start = spliced.find(start_mark)
            end = spliced.find(end_mark, start)
            if start >= 0 and end >= start:
                spliced = spliced[: start + len(start_mark)] + content + spliced[end:]
                found = True
        if not found:
            continue
        writer.write(name, spliced)
        updated += 1
    write_atomic(cache_dir / PAGERS_FILE, json.dumps(wanted, sort_keys=True))
    return updated
