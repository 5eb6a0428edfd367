"""The exported HTML in a real browser: headless Chromium through Playwright.

Skips with a reason when Playwright or Debian's ``chromium`` is not installed
(``pip install playwright`` and ``apt-get install chromium``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.export.html import export_html
from tei_tools.xml import parse_xml_file

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
REGISTERS = {"per:trotsky": {"label": "Trotsky, Leon", "wikidata": "Q33391"}}


def seed_tree():
    """The seed document as the converter writes it (the shared seed), else the fixture."""
    from conftest import SHARED

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        return parse_xml_file(DATA / "seed-like.xml")
    from tei_tools.convert import convert_text

    return convert_text(seeds[0].read_text(encoding="utf-8"))


def open_page(browser, tree, tmp_path, **options):
    """Write the export to a file and open it; collect console errors and page errors."""
    path = tmp_path / "page.html"
    path.write_text(export_html(tree, registers=REGISTERS, **options), encoding="utf-8")
    page = browser.new_page(viewport={"width": 900, "height": 400})
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


def test_seed_page_has_no_console_errors_and_machine_readable_dates(browser, tmp_path):
    page, errors = open_page(browser, seed_tree(), tmp_path)
    assert errors == []
    julian = page.locator("time.julian").first
    assert julian.get_attribute("datetime") == "1917-11-08"
    assert julian.inner_text() == "26 October"
    readings = page.locator("main").inner_text()
    assert "26 October" in readings and "8 November" in readings
    datetimes = page.eval_on_selector_all("main time", "els => els.map(e => e.dateTime)")
    assert datetimes and all(datetimes)


def test_seed_name_links_resolve_in_the_page(browser, tmp_path):
    page, _ = open_page(browser, seed_tree(), tmp_path)
    trotsky = page.locator('main a[data-ref="per:trotsky"]').first
    assert trotsky.get_attribute("href") == "#reg-per-trotsky"
    missing = page.evaluate(
        """() => [...document.querySelectorAll('main a[href^="#"]')]
                 .map(a => a.getAttribute('href').slice(1))
                 .filter(id => !document.getElementById(decodeURIComponent(id)))"""
    )
    assert missing == []
    trotsky.click()
    assert page.evaluate("location.hash") == "#reg-per-trotsky"
    assert "Wikidata" in page.locator("#reg-per-trotsky").inner_text()


def in_view(page, element_id: str) -> bool:
    return page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= -1 && r.top < window.innerHeight; }""",
        element_id,
    )


def test_footnote_links_jump_both_ways(browser, tmp_path):
    page, errors = open_page(browser, parse_xml_file(DATA / "seed-like.xml"), tmp_path)
    assert not in_view(page, "fn-1")
    page.locator("#fnref-1").click()
    assert page.evaluate("location.hash") == "#fn-1"
    assert in_view(page, "fn-1")
    page.locator("#fn-1 a.tei-backlink").click()
    assert page.evaluate("location.hash") == "#fnref-1"
    assert in_view(page, "fnref-1")
    assert errors == []
