"""The edition site as a reader meets it, in a real browser.

Search from disk (``file://``, where Pagefind cannot load) and over HTTP,
cards for names on hover and on keyboard focus, popovers for notes, the menu
on a phone and the one-line navigation on a laptop, and an axe-core audit of
every kind of page (the vendored ``tests/vendor/axe-core/axe.min.js``).
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from conftest import REPO

from tei_tools.corpus import build, check_links
from tei_tools.corpus.serve import make_server

pytestmark = pytest.mark.browser

SEED = "1917-11-30_reply-from-trotsky-to-british-embassy"
NOTES = "seed-like"
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"

#: One page of every kind the site has.
PAGE_KINDS = (
    "index.html",
    f"documents/{SEED}.html",
    f"documents/{NOTES}.html",
    "chronology.html",
    "persons.html",
    "orgs.html",
    "places.html",
    "bibliography.html",
    "search.html",
    "validation.html",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The bundled corpus plus a TEI document with notes, built once."""
    work = tmp_path_factory.mktemp("site-browser")
    collection = work / "corpus"
    shutil.copytree(REPO / "corpus" / "source", collection / "source")
    (collection / "tei").mkdir()
    shutil.copy(REPO / "tests" / "data" / "seed-like.xml", collection / "tei" / f"{NOTES}.xml")
    folder = work / "site"
    result = build(collection, folder, jobs=2, pdf=False)
    assert not [d for d in result.documents if d.status == "unreadable"]
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


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.errors = errors
    yield opened
    context.close()


def _search(page, url: str, words: str):
    """Type ``words`` into the search page at ``url``; the link to the seed among the results."""
    page.goto(url)
    page.fill("#search-input", words)
    page.locator("#search-results a").first.wait_for(timeout=15000)
    return page.locator(f"#search-results a[href*='{SEED}']")


def test_search_from_disk_falls_back_to_the_built_in_index(site, page):
    folder, _ = site
    first = _search(page, (folder / "search.html").as_uri(), "embassy armistice")
    assert first.count() == 1
    assert page.get_attribute("#search-results", "data-engine") == "built-in"
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/documents/{SEED}.html")
    assert page.errors == []


def test_search_over_http_uses_pagefind_when_it_was_built(site, served, page):
    _, mode = site
    first = _search(page, served + "search.html", "embassy armistice")
    assert first.count() == 1
    engine = page.get_attribute("#search-results", "data-engine")
    assert engine == ("Pagefind" if mode == "pagefind" else "built-in")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/documents/{SEED}.html")
    assert page.errors == []


def test_search_query_in_the_address_runs_on_load(site, page):
    folder, _ = site
    page.goto((folder / "search.html").as_uri() + "?q=vladivostok")
    page.locator("#search-results a").first.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.href)")
    assert any("statement-on-japanese-landing" in h for h in hrefs)
    assert any("communique-on-allied-assurances" in h for h in hrefs)


def test_hovering_a_name_opens_its_card(site, page):
    folder, _ = site
    page.goto((folder / "documents" / f"{SEED}.html").as_uri())
    name = page.locator('.tei-text a.entity[data-ref="per:trotsky"]').first
    name.hover()
    card = page.locator(".popup.card:visible")
    card.wait_for(timeout=5000)
    text = card.inner_text()
    assert "Leon Trotsky" in text
    assert "1879–1940" in text and "7 November 1879" in text
    assert "People's Commissar for Foreign Affairs" in text
    assert "Also named in 2 other documents" in text
    assert card.locator("a", has_text="Wikidata").get_attribute("href").endswith("/Q33391")
    page.mouse.move(5, 5)
    card.wait_for(state="hidden", timeout=5000)


def test_keyboard_focus_opens_a_card_tab_reaches_its_links_and_escape_closes_it(site, page):
    folder, _ = site
    page.goto((folder / "documents" / f"{SEED}.html").as_uri())
    name = page.locator('.doc-meta a.entity[data-ref="per:trotsky"]')
    name.focus()
    card = page.locator(".popup.card:visible")
    card.wait_for(timeout=5000)
    assert name.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.popup') !== null")
    assert focused, "Tab moves from the name into its card"
    page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=5000)
    assert page.evaluate("document.activeElement.getAttribute('data-ref')") == "per:trotsky"


def test_note_marker_opens_a_popover_and_still_links_to_the_note(site, page):
    folder, _ = site
    page.goto((folder / "documents" / f"{NOTES}.html").as_uri())
    marker = page.locator("a.tei-noteref").first
    target = marker.get_attribute("href")
    marker.hover()
    popover = page.locator(".popup.note-popup:visible")
    popover.wait_for(timeout=5000)
    assert "The Congress met in" in popover.inner_text()
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden", timeout=5000)
    marker.focus()
    popover.wait_for(timeout=5000)
    marker.press("Enter")
    assert page.url.endswith(target)


def test_navigation_is_one_line_on_a_laptop_and_a_menu_on_a_phone(site, browser):
    folder, _ = site
    url = (folder / "index.html").as_uri()
    wide = browser.new_page(viewport={"width": 1280, "height": 800})
    wide.goto(url)
    tops = wide.eval_on_selector_all(
        ".site-title, .site-nav li",
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))",
    )
    assert max(tops) - min(tops) < 12, tops
    assert not wide.locator(".menu-toggle").is_visible()
    main = wide.locator("main")
    box = main.bounding_box()
    assert abs(box["x"] - (1280 - box["x"] - box["width"])) < 20, "the page is centred"
    wide.close()
    phone = browser.new_page(viewport={"width": 390, "height": 800})
    phone.goto(url)
    toggle = phone.locator(".menu-toggle")
    assert toggle.is_visible()
    assert not phone.locator(".site-nav a", has_text="Persons").is_visible()
    toggle.click()
    assert phone.locator(".site-nav a", has_text="Persons").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.close()


def test_pages_read_without_javascript(site, browser):
    folder, _ = site
    context = browser.new_context(java_script_enabled=False)
    quiet = context.new_page()
    quiet.goto((folder / "documents" / f"{SEED}.html").as_uri())
    assert quiet.locator(".site-nav a", has_text="Persons").is_visible()
    link = quiet.locator('.tei-text a.entity[data-ref="per:trotsky"]').first
    assert link.get_attribute("href") == "../persons.html#per-trotsky"
    assert quiet.locator(".doc-pager a[rel=next]").count() == 1
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_or_critical_violation(site, page, kind):
    folder, _ = site
    page.goto((folder / kind).as_uri())
    assert page.locator("main").count() == 1
    for landmark in ("header.site-header", "footer.site-footer", "nav.site-nav"):
        assert page.locator(landmark).count() == 1, landmark
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
        }"""
    )
    assert violations == [], violations


def test_axe_is_vendored_with_its_licence():
    folder = Path(AXE).parent
    assert (folder / "LICENSE").is_file()
    assert AXE.read_text(encoding="utf-8")[:40].startswith("/*! axe v")
