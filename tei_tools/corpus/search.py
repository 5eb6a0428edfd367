"""Full-text search for the site, with no search server, from disk and over HTTP.

With the ``search`` extra (the PyPI package ``pagefind[bin]``, which ships
Pagefind's binary) the document pages are indexed by Pagefind: a chunked,
compressed index that scales to very large sites, loaded piece by piece as
the reader types.  Pagefind loads itself with ``import()`` and ``fetch()``,
which a page opened from disk (``file://``) may not use.

So tei-tools always writes a small index of its own as well: JavaScript
files mapping each word to the documents containing it, loaded with
``<script>`` tags, which work from disk.  The index is split into
:data:`SEARCH_SHARDS` shards by a hash of the document's name, so a build
after a one-document change rewrites one shard.  The search page has one form; its
script uses Pagefind when it loads and is current, and the built-in index
otherwise (see :mod:`tei_tools.corpus.site_files` for when Pagefind runs).
The built-in index loads whole, which is fine for thousands of short documents.

Both index a document's text only, never its metadata block or its footer
(:func:`search_text`; ``data-pagefind-ignore`` for Pagefind), and both offer the
same filters (:data:`SEARCH_FILTERS`): Pagefind reads them from hidden
``data-pagefind-filter`` elements on each document page
(:func:`pagefind_markers`), the built-in index from its shards.  The search page
lists every filter's values itself, so it looks the same from disk and over HTTP.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from lxml import etree
from lxml.html import builder as E

from tei_tools.corpus.pages import document_href
from tei_tools.corpus.results import DocumentSummary
from tei_tools.errors import MissingExtraError, TeiToolsError
from tei_tools.xml import TEI_NS

SEARCH_MODES = ("auto", "pagefind", "builtin", "none")
PAGEFIND_DIR = "pagefind"
BUILTIN_INDEX = "search-index.js"
BUILTIN_SCRIPT = "search.js"


#: The search page's filters, in order: (key, label).  A document has one year and one
#: type at most, and any number of persons and places (their index names, "Trotsky, Leon").
SEARCH_FILTERS = (
    ("year", "Year"),
    ("type", "Document type"),
    ("person", "Person"),
    ("place", "Place"),
)
#: The register prefixes behind the name filters.
_NAME_FILTERS = (("per", "person"), ("pla", "place"))
#: Words a title may begin with before the noun naming its kind ("The note of ...").
_ARTICLES = frozenset(("the", "a", "an"))
_WORD = re.compile(r"\w+", re.UNICODE)
_T = f"{{{TEI_NS}}}"


def document_kind(root: etree._Element | None, title: str) -> str:
    """The kind of a document: a ``textClass`` term of its header, else its title's first noun.

    Only the first word (after an article) counts, so that "In order to ..."
    is not an order.

    >>> document_kind(None, "(Note from Trotsky) commissar for war, to Colonel Robins")
    'Note'
    >>> document_kind(None, "The communique on Allied assurances")
    'Communiqué'
    >>> document_kind(None, "In order to ratify")
    ''
    """
    from tei_tools.markup.vocabulary import document_kinds

    if root is not None:
        for term in root.iterfind(f"{_T}teiHeader/{_T}profileDesc/{_T}textClass//{_T}term"):
            text = " ".join("".join(term.itertext()).split())
            if text:
                return text[:1].upper() + text[1:]
    words = [w.casefold() for w in _WORD.findall(title)[:3]]
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return document_kinds().get(words[0], "") if words else ""


def search_filters(root: etree._Element | None, summary: DocumentSummary, registry) -> dict:
    """A document's filter values (:data:`SEARCH_FILTERS`), from its summary and the registers."""
    from tei_tools.corpus.entities import entity_info, unknown_info

    filters: dict[str, list[str]] = {}
    if summary.when:
        filters["year"] = [summary.when[:4]]
    kind = document_kind(root, summary.title)
    if kind:
        filters["type"] = [kind]
    for prefix, key in _NAME_FILTERS:
        names = set()
        for ref in summary.refs:
            if ref.partition(":")[0] != prefix:
                continue
            entry = registry.lookup(ref) if registry is not None else None
            info = entity_info(entry, on=summary.when) if entry is not None else unknown_info(ref)
            names.add(info.sort_name)
        if names:
            filters[key] = sorted(names, key=str.casefold)
    return filters


def pagefind_markers(summary: DocumentSummary) -> etree._Element:
    """A hidden element carrying the page's Pagefind filters and its date, never shown or read.

    One ``data-pagefind-filter`` element per value, the value as its text, so
    that a name with a comma ("Trotsky, Leon") needs no escaping.
    """
    markers = E.DIV(E.CLASS("search-markers"), hidden="hidden")
    markers.set("data-pagefind-ignore", "")
    markers.append(E.SPAN(summary.title, **{"data-pagefind-meta": "title"}))
    if summary.date_label:
        markers.append(E.SPAN(summary.date_label, **{"data-pagefind-meta": "date"}))
    for key, _ in SEARCH_FILTERS:
        for value in summary.filters.get(key, ()):
            markers.append(E.SPAN(value, **{"data-pagefind-filter": key}))
    return markers


#: Elements after which text runs on as a new word (the text is read without layout).
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "tr",
        "br",
        "blockquote",
        "ol",
        "ul",
    ]
)


def _end_block(parts: list[str]) -> None:
    """End a block's text as Pagefind does: a full stop unless it ends in punctuation."""
    last = next((part.rstrip() for part in reversed(parts) if part.strip()), "")
    parts.append(". " if last and last[-1].isalnum() else " ")


def search_text(article: etree._Element) -> str:
    """The text a search indexes: the article without its header blocks, footer and navigation.

    Called on the exporter's article before the site adds its metadata block,
    so the title block the exporter wrote (``header``) is left out as well.
    """
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        parts.append(element.text or "")
        for child in element:
            # A template holds another view of the same text (corpus/views.py): read once.
            if isinstance(child.tag, str) and child.tag not in (
                "header",
                "footer",
                "nav",
                "template",
            ):
                walk(child)
                if child.tag in _BLOCKS:
                    _end_block(parts)
            parts.append(child.tail or "")

    walk(article)
    return " ".join("".join(parts).split())


def search_terms(text: str) -> list[str]:
    """The built-in index's words of a text: lower case, two letters or more, sorted."""
    return sorted({w.lower() for w in _WORD.findall(text) if len(w) > 1})


def filter_options(summaries: Iterable[DocumentSummary]) -> dict[str, list[tuple[str, int]]]:
    """Every filter's values with their number of documents, as the search page lists them."""
    counts: dict[str, dict[str, int]] = {key: {} for key, _ in SEARCH_FILTERS}
    for summary in summaries:
        for key, values in summary.filters.items():
            if key in counts:
                for value in values:
                    counts[key][value] = counts[key].get(value, 0) + 1
    return {
        key: sorted(found.items(), key=lambda kv: kv[0].casefold()) for key, found in counts.items()
    }


def pagefind_available() -> bool:
    return find_spec("pagefind") is not None and find_spec("pagefind_bin") is not None


def choose_search(mode: str) -> str:
    """The search machinery to use: ``auto`` means Pagefind when installed, else built-in."""
    if mode not in SEARCH_MODES:
        raise TeiToolsError(f"unknown search mode {mode!r}; use one of {', '.join(SEARCH_MODES)}")
    if mode == "auto":
        return "pagefind" if pagefind_available() else "builtin"
    if mode == "pagefind" and not pagefind_available():
        raise MissingExtraError("Pagefind search", "search", "pagefind[bin]")
    return mode


def search_page_parts(
    mode: str, *, pagefind: str = "none", filters: dict[str, list[tuple[str, int]]] | None = None
) -> tuple[list, list]:
    """The ``<head>`` additions and body of the search page for ``mode``.

    One form, its filters (``filters``: :func:`filter_options`) and one
    results list serve both indexes.  The script tries
    Pagefind first when its index is ``current`` (``pagefind``: ``current``,
    ``stale`` or ``none``); when Pagefind cannot load (a page opened from
    disk forbids its ``import()``) or is stale, it loads the built-in index,
    a ``<script>`` file, which works from disk and over HTTP alike.
    """
    if mode == "none":
        return [], [E.P("This site was built without a search index.")]
    head = [E.SCRIPT(src=BUILTIN_SCRIPT, defer="defer")]
    form = E.FORM(
        E.LABEL("Words to find", **{"for": "search-input"}),
        E.INPUT(type="search", id="search-input", name="q", autocomplete="off"),
        E.BUTTON("Search", type="submit"),
        id="search-form",
        role="search",
        action="search.html",
        **{"aria-label": "Search the texts"},
    )
    choices = E.DIV(E.CLASS("search-filters"))
    for key, label in SEARCH_FILTERS:
        values = (filters or {}).get(key) or []
        if not values:
            continue
        select = E.SELECT(E.OPTION("Any", value=""), id=f"filter-{key}", name=key)
        select.set("data-filter", key)
        for value, count in values:
            select.append(E.OPTION(f"{value} ({count})", value=value))
        choices.append(E.DIV(E.LABEL(label, **{"for": f"filter-{key}"}), select))
    if len(choices):
        form.append(E.FIELDSET(E.LEGEND("Filters"), choices))
    form.attrib.update(
        {
            "data-pagefind": "current" if mode == "pagefind" and pagefind != "stale" else "no",
            "data-index": BUILTIN_INDEX,
        }
    )
    body = [
        form,
        E.P(id="search-status", role="status", **{"aria-live": "polite"}),
        E.OL(id="search-results"),
        E.NOSCRIPT(E.P("Search needs JavaScript; the indexes and the chronology do not.")),
    ]
    return head, body


#: The built-in index is split into this many script files, a document's shard chosen by
#: a hash of its name, so that changing one document rewrites one shard, not the index.
SEARCH_SHARDS = 32
SHARD_DIR = "search"


def shard_of(stem: str) -> int:
    """The shard a document's words go to: stable across builds and machines."""
    return int(hashlib.sha1(stem.encode()).hexdigest()[:8], 16) % SEARCH_SHARDS


def shard_name(number: int) -> str:
    return f"{SHARD_DIR}/shard-{number:02d}.js"


def builtin_files() -> list[str]:
    """Every file of the built-in search: the shard list, the script, the shards."""
    return [BUILTIN_INDEX, BUILTIN_SCRIPT, *(shard_name(n) for n in range(SEARCH_SHARDS))]


def builtin_index() -> bytes:
    """``search-index.js``: the list of shards the search script loads (all, in order)."""
    shards = [shard_name(n) for n in range(SEARCH_SHARDS)]
    return f"window.TEI_TOOLS_SEARCH={json.dumps({'shards': shards})};\n".encode()


def builtin_shard(summaries: Iterable[DocumentSummary]) -> bytes:
    """One shard as a script: its documents, and each word's document numbers within it.

    A document comes with its text (for excerpts, as Pagefind shows them) and
    its filter values; the text makes the index about as large as the texts.
    """
    docs = []
    postings: dict[str, list[int]] = {}
    for number, summary in enumerate(sorted(summaries, key=lambda s: s.stem)):
        docs.append(
            [
                document_href(summary.stem),
                summary.title,
                summary.date_label,
                summary.text,
                summary.filters,
            ]
        )
        for term in summary.terms:
            postings.setdefault(term, []).append(number)
    data = {"docs": docs, "terms": dict(sorted(postings.items()))}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(window.TEI_TOOLS_SEARCH_SHARDS=window.TEI_TOOLS_SEARCH_SHARDS||[]).push({text});\n".encode()


def builtin_script() -> bytes:
    return resources.files("tei_tools.corpus").joinpath(BUILTIN_SCRIPT).read_bytes()


#: Seconds Pagefind may take before the build gives up on it (a big site takes seconds).
PAGEFIND_TIMEOUT = 600.0


def run_pagefind(site: Path, *, timeout: float = PAGEFIND_TIMEOUT) -> None:
    """Index the site's document pages with Pagefind, swapping the new index in whole.

    Pagefind runs in a private temporary folder (its working directory and
    ``TMPDIR``) and writes into a fresh folder of its own inside the site
    (named ``*.tei-tools-tmp``, so a killed build's leftover is recognised),
    which then replaces ``pagefind/`` by renames.  Two runs therefore never
    share a folder, and a Pagefind that hangs is killed, with its children,
    after ``timeout`` seconds.
    """
    from tei_tools.xml import TEMP_SUFFIX

    fresh = Path(tempfile.mkdtemp(prefix=f".{PAGEFIND_DIR}.", suffix=TEMP_SUFFIX, dir=site))
    try:
        with tempfile.TemporaryDirectory(prefix="tei-tools-pagefind-") as scratch:
            _run_pagefind_process(site, fresh, scratch, timeout)
        target = site / PAGEFIND_DIR
        old = Path(tempfile.mkdtemp(prefix=f".{PAGEFIND_DIR}.old.", suffix=TEMP_SUFFIX, dir=site))
        if target.exists():
            os.replace(target, old / PAGEFIND_DIR)
        os.replace(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _run_pagefind_process(site: Path, output: Path, scratch: str, timeout: float) -> None:
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site.resolve()),
        "--output-path",
        str(output.resolve()),
        "--silent",
    ]
    env = {**os.environ, "NO_COLOR": "1", "TMPDIR": scratch}
    # A session of its own, so that a timeout kills Pagefind's binary as well
    # as the Python wrapper that starts it.
    process = subprocess.Popen(
        command,
        cwd=scratch,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_session(process)
        raise TeiToolsError(
            f"Pagefind did not finish within {timeout:g} s and was stopped", file=str(site)
        ) from None
    if process.returncode != 0:
        message = (stderr or stdout).strip().splitlines()
        raise TeiToolsError(
            f"Pagefind failed: {message[-1] if message else process.returncode}", file=str(site)
        )


def _kill_session(process: subprocess.Popen) -> None:
    """Kill the process group this build started for Pagefind, and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        process.kill()
    process.communicate()
