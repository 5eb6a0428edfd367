"""Full-text search for the site, with no search server.

With the ``search`` extra (the PyPI package ``pagefind[bin]``, which ships
Pagefind's binary) the document pages are indexed by Pagefind: a chunked,
compressed index that scales to very large sites, loaded piece by piece as
the reader types.  Pagefind fetches its index with ``fetch()``, so it needs
the site to be served over HTTP (any static server).

Without the extra, tei-tools writes a small index of its own: one JavaScript
file mapping each word to the documents containing it, loaded with a
``<script>`` tag, plus a few lines of search code.  This is justified because
it needs nothing installed and, unlike Pagefind, also works when the site is
opened straight from disk (``file://`` forbids ``fetch``); its cost is that the
whole index loads at once, which is fine for thousands of short documents.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from lxml.html import builder as E

from tei_tools.corpus.document import DocumentSummary
from tei_tools.corpus.pages import document_href
from tei_tools.errors import MissingExtraError, TeiToolsError

SEARCH_MODES = ("auto", "pagefind", "builtin", "none")
PAGEFIND_DIR = "pagefind"
BUILTIN_INDEX = "search-index.js"
BUILTIN_SCRIPT = "search.js"


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


def search_page_parts(mode: str) -> tuple[list, list]:
    """The ``<head>`` additions and body of the search page for ``mode``."""
    if mode == "pagefind":
        head = [
            E.LINK(rel="stylesheet", href=f"{PAGEFIND_DIR}/pagefind-ui.css"),
            E.SCRIPT(src=f"{PAGEFIND_DIR}/pagefind-ui.js"),
        ]
        start = E.SCRIPT(
            'window.addEventListener("DOMContentLoaded", function () {'
            ' new PagefindUI({element: "#search", showSubResults: true}); });'
        )
        body = [E.DIV(id="search"), start, E.NOSCRIPT(E.P("Search needs JavaScript."))]
        return head, body
    if mode == "builtin":
        head = [
            E.SCRIPT(src=BUILTIN_INDEX, defer="defer"),
            E.SCRIPT(src=BUILTIN_SCRIPT, defer="defer"),
        ]
        form = E.FORM(
            E.LABEL(
                "Words to find: ", E.INPUT(type="search", id="search-input", autocomplete="off")
            ),
            id="search-form",
            role="search",
        )
        body = [form, E.P(id="search-status"), E.OL(id="search-results")]
        return head, body
    return [], [E.P("This site was built without a search index.")]


def builtin_index(summaries: Iterable[DocumentSummary]) -> bytes:
    """The built-in index as a script: documents, and each word's document numbers."""
    docs = []
    postings: dict[str, list[int]] = {}
    for number, summary in enumerate(sorted(summaries, key=lambda s: s.stem)):
        docs.append([document_href(summary.stem), summary.title, summary.date_label])
        for term in summary.terms:
            postings.setdefault(term, []).append(number)
    data = {"docs": docs, "terms": dict(sorted(postings.items()))}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.TEI_TOOLS_SEARCH={text};\n".encode()


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
