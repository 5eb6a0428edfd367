"""The built site in a real browser: every internal link works, search finds, Trotsky's entry leads home."""

from __future__ import annotations

import threading
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from conftest import REPO

from tei_tools.corpus import build, check_links
from tei_tools.corpus.serve import make_server

pytestmark = pytest.mark.browser

SEED = "1917-11-30_reply-from-trotsky-to-british-embassy"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser") / "site"
    result = build(REPO / "corpus", folder, jobs=2)
    assert result.exit_code == 0, [d.problems for d in result.failed]
    assert check_links(folder) == []
    return folder, result.search


@pytest.fixture(scope="module")
def served(site):
    """The site over HTTP through ``tei-tools serve``'s own server (any free port)."""
    folder, _ = site
    server = make_server(folder, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()


@pytest.fixture(scope="module")
def page(browser):
    opened = browser.new_page()
    yield opened
    opened.close()


def test_every_internal_link_opens_a_page_with_its_anchor(served, page):
    root = urlsplit(served)
    seen, queue, failures = set(), [served + "index.html"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        if response is None or response.status != 200:
            failures.append((url, response and response.status))
            continue
        if not url.endswith(".html"):
            continue
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        for href in hrefs:
            target = urljoin(url, href)
            if urlsplit(target).netloc != root.netloc:
                continue
            bare, fragment = urldefrag(target)
            if fragment and bare.endswith(".html"):
                page.goto(bare)
                if page.locator(f"[id='{fragment}']").count() != 1:
                    failures.append((url, href))
                page.goto(url)
            queue.append(bare)
    assert failures == []
    assert len([u for u in seen if "/documents/" in u]) == 4


def test_search_finds_the_seed_document(site, served, page):
    _, mode = site
    page.goto(served + "search.html")
    page.fill("#search-input", "embassy armistice")
    result = page.locator("#search-results a").first
    result.wait_for(timeout=15000)
    assert SEED in result.get_attribute("href")
    engine = page.get_attribute("#search-results", "data-engine")
    assert engine == ("Pagefind" if mode == "pagefind" else "built-in")


def test_trotsky_index_entry_leads_to_the_seed_page(served, page):
    page.goto(served + "persons.html")
    entry = page.locator("dt#per-trotsky + dd a").filter(has_text="Reply from Trotsky")
    entry.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/documents/{SEED}.html")
    assert "Trotsky" in page.locator("article").inner_text()
