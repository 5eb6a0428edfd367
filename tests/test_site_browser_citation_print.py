"""In Chromium: what a reference manager reads from a page, and what printing a page gives.

Zotero's "Embedded Metadata" translator reads the Highwire ``citation_*`` tags
of the page as loaded; the cite line's access date is the reader's day
(``cite.js``).  Printing a page from the browser uses the site's ``@page``
rules (page numbers in the bottom margin) and leaves the site's chrome out.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading

import pytest
from conftest import REPO
from test_site_citation import BASE, ROBINS, SEED, SETTINGS

from tei_tools.corpus import build
from tei_tools.corpus.serve import make_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("citable-browser")
    collection = work / "corpus"
    shutil.copytree(REPO / "corpus" / "source", collection / "source")
    (collection / "tei-tools.toml").write_text(SETTINGS, encoding="utf-8")
    folder = work / "site"
    result = build(collection, folder, jobs=2, search="builtin", pdf=False)
    assert result.exit_code == 0
    return folder


@pytest.fixture(scope="module")
def served(site):
    """Over HTTP (``tei-tools serve``'s server): from disk a page may not read its stylesheets."""
    server = make_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()


@pytest.fixture()
def page(browser, served):
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(f"{served.rstrip('/')}/documents/{ROBINS}.html")
    yield opened
    context.close()


def test_a_reference_manager_finds_the_citation_tags_and_the_access_date(page):
    tags = page.evaluate(
        """() => {
            const found = {};
            for (const m of document.querySelectorAll('meta[name^="citation_"]'))
                (found[m.name] = found[m.name] || []).push(m.content);
            return found;
        }"""
    )
    assert tags["citation_title"][0].startswith("(Note from Trotsky)")
    assert tags["citation_date"] == ["1918/03/05"]
    assert tags["citation_public_url"] == [f"{BASE}documents/{ROBINS}.html"]
    assert tags["citation_editor"] == ["Ann Editor", "Ben Encoder"]
    accessed = page.locator(".cite-accessed").inner_text()
    assert accessed != "[date of access]"
    today = dt.date.today()
    assert str(today.year) in accessed and today.strftime("%B") in accessed


def test_a_numbers_address_opens_the_documents_page(browser, served):
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(f"{served.rstrip('/')}/n/1.html")
    opened.wait_for_url(f"**/documents/{SEED}.html")
    assert opened.locator(".doc-number").inner_text() == "1"
    cited = opened.locator(".cite-line a.cite-url").get_attribute("href")
    assert cited == f"{BASE}n/1.html"
    context.close()


def _page_rules(page) -> list[dict]:
    return page.evaluate(
        """() => {
            const pages = [];
            const walk = rules => {
                for (const rule of rules) {
                    if (rule instanceof CSSPageRule) {
                        pages.push({
                            margin: rule.style.getPropertyValue("margin"),
                            boxes: [...(rule.cssRules || [])].map(
                                r => [r.name, r.style.getPropertyValue("content")]),
                        });
                    } else if (rule.cssRules) walk(rule.cssRules);
                }
            };
            for (const sheet of document.styleSheets) walk(sheet.cssRules);
            return pages;
        }"""
    )


def test_printing_from_the_browser_numbers_the_pages_and_leaves_the_site_out(page):
    rules = _page_rules(page)
    boxes = dict(box for rule in rules for box in rule["boxes"])
    assert "counter(page)" in boxes.get("bottom-center", ""), rules
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".doc-pager", ".site-search"):
        found = page.locator(chrome)
        assert found.count() == 0 or not found.first.is_visible(), chrome
    assert page.locator("article .tei-text").first.is_visible()
    pdf = page.pdf()  # Chromium lays the page out with those rules
    assert pdf.startswith(b"%PDF")
