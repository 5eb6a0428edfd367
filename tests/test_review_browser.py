"""End to end in headless Chromium: review a corpus, rebuild it, and find the decisions in the TEI."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from review_corpus import make_corpus

pytest.importorskip("starlette", reason="the 'review' extra is not installed")

from tei_tools.corpus import build
from tei_tools.review.server import serving_in_thread
from tei_tools.review.session import ReviewSession

pytestmark = pytest.mark.browser

TOKEN = "browser-test-token"
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser):
    opened = browser.new_page()
    yield opened
    opened.close()


def test_editor_reviews_a_document_and_the_rebuilt_tei_carries_it(tmp_path, page):
    from playwright.sync_api import expect

    corpus = make_corpus(tmp_path)
    session = ReviewSession(corpus, editor="Jane Doe")
    with serving_in_thread(session, TOKEN) as base:
        page.goto(f"{base}/?token={TOKEN}")
        expect(page.locator("#corpus-progress")).to_have_text(re.compile(r"^0 of \d+ reviewed$"))
        page.get_by_role("link", name="1917-12-03_telegram").first.click()
        text = page.locator("#text")
        expect(text).to_be_visible()

        # Reject a wrong name: the first Mr. Jones, by keyboard.
        text.locator(".mark", has_text="Mr. Jones").first.click()
        page.keyboard.press("r")
        expect(text.locator(".mark", has_text="Mr. Jones")).to_have_count(1)

        # Link an unlinked name to an existing entry: search as you type, arrow down, Enter.
        text.locator(".mark", has_text="Mr. Smith").nth(1).click()
        page.keyboard.press("l")
        page.keyboard.type("Iljitsch")
        expect(page.locator("#link-hits li").first).to_contain_text("Lenin")
        expect(page.locator("#link-hits li").first).to_contain_text("1870-04-22")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        expect(text.locator(".mark", has_text="Mr. Smith").nth(1)).to_have_attribute(
            "data-ref", "per:lenin"
        )

        # Create a new entry for another name and link it.
        text.locator(".mark", has_text="General Barsukevich").click()
        page.keyboard.press("c")
        page.locator("#new-names").fill("Barsukevich\nPavel Barsukevich")
        page.locator("#new-birth").fill("1857")
        page.locator("#new-death").fill("1932")
        page.locator("#new-wikidata").fill("Q4200017")
        page.get_by_role("button", name="Create and link").click()
        expect(text.locator(".mark", has_text="Barsukevich")).to_have_attribute(
            "data-ref", "per:barsukevich"
        )

        # Fix a date: the Old Style last day of February.
        text.locator(".mark", has_text="31 February 1918").click()
        page.keyboard.press("d")
        page.keyboard.type("1918-02-28")
        page.locator("#date-calendar").select_option("julian")
        page.locator("#date-value").press("Enter")
        expect(text.locator(".mark", has_text="31 February 1918")).to_have_attribute(
            "data-when", "1918-03-13"
        )
        # The new entry makes the converter link Barsukevich by itself, so that finding is
        # gone from the report; the three others decided here are reviewed.
        progress = page.locator("#doc-progress").inner_text()
        reviewed = int(re.match(r"(\d+) of \d+ reviewed", progress).group(1))
        assert (
            reviewed >= 2
            and "General Barsukevich" not in page.locator("#text .pending").all_inner_texts()
        )

    result = build(corpus, tmp_path / "site", jobs=1, search="none", pdf=False)
    assert result.exit_code == 0, [d.problems for d in result.documents]
    tei = (tmp_path / "site" / "tei" / "1917-12-03_telegram.xml").read_text(encoding="utf-8")
    body = tei.split("<text>")[1]
    assert "Mr. Jones was present" in body
    assert (
        '<persName ref="per:lenin" resp="#review-jane-doe"><roleName>Mr.</roleName> Smith' in body
    )
    assert 'ref="per:barsukevich"' in body
    assert 'when-custom="1918-02-28" datingMethod="#julian" when="1918-03-13"' in body
    assert '<change when="' in tei and 'who="#review-jane-doe"' in tei
    note = (tmp_path / "site" / "tei" / "1917-12-05_note.xml").read_text(encoding="utf-8")
    assert 'ref="per:barsukevich"' in note  # the new entry links the other document too


def test_keyboard_alone_moves_between_findings_decides_and_undoes(tmp_path, page):
    from playwright.sync_api import expect

    session = ReviewSession(make_corpus(tmp_path), editor="Jane Doe")
    with serving_in_thread(session, TOKEN) as base:
        page.goto(f"{base}/?token={TOKEN}")
        page.goto(f"{base}/doc/1917-12-03_telegram")
        text = page.locator("#text")
        page.keyboard.press("n")
        expect(page.locator("#sel-text")).to_have_text("General Barsukevich")
        page.keyboard.press("a")
        expect(text.locator(".mark.decided")).to_have_count(1)
        page.keyboard.press("n")
        expect(page.locator("#sel-text")).to_have_text("Mr. Smith")
        page.keyboard.press("r")
        expect(text.locator(".mark", has_text="Mr. Smith")).to_have_count(1)
        page.keyboard.press("u")
        expect(text.locator(".mark", has_text="Mr. Smith")).to_have_count(2)
        # Undo may reload the page; the mark is selected (and focused) once it is ready.
        expect(page.locator(".mark.selected")).to_be_focused()
        page.keyboard.press("t")
        expect(page.locator("#new-type")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator(".mark.selected")).to_be_focused()
    decisions = session.document("1917-12-03_telegram").decisions.decisions
    assert [d.action for d in decisions] == ["accept"]


def test_review_text_keeps_a_readable_column_on_a_phone(tmp_path, browser):
    from playwright.sync_api import expect

    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        session = ReviewSession(make_corpus(tmp_path), editor="Jane Doe")
        with serving_in_thread(session, TOKEN) as base:
            phone.goto(f"{base}/?token={TOKEN}")
            phone.goto(f"{base}/doc/1917-12-03_telegram")
            expect(phone.locator("#text")).to_be_visible()
            text_box = phone.locator("#text").bounding_box()
            panel = phone.locator("#panel").bounding_box()
            assert text_box["width"] > 300  # not one word a line beside a fixed panel
            assert panel["y"] >= text_box["y"] + text_box["height"] - 1  # stacked below
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        phone.close()


def test_selection_stays_on_the_decided_mark_or_the_one_after_it(tmp_path, page):
    from playwright.sync_api import expect

    session = ReviewSession(make_corpus(tmp_path), editor="Jane Doe")
    with serving_in_thread(session, TOKEN) as base:
        page.goto(f"{base}/?token={TOKEN}")
        page.goto(f"{base}/doc/1917-12-03_telegram")
        text = page.locator("#text")
        marks = text.locator(".mark")
        first = marks.first.get_attribute("data-s")
        # Accept a mark past the first: it stays selected.
        chosen = text.locator(".mark", has_text="General Barsukevich")
        start = chosen.get_attribute("data-s")
        chosen.click()
        page.keyboard.press("a")
        expect(text.locator(".mark.decided")).to_have_count(1)
        expect(page.locator(".mark.selected")).to_have_attribute("data-s", start)
        # Reject one: it goes, and the selection moves to the mark after it, not the first.
        smith = text.locator(".mark", has_text="Mr. Smith").nth(1)
        at = int(smith.get_attribute("data-s"))
        smith.click()
        page.keyboard.press("r")
        expect(text.locator(".mark", has_text="Mr. Smith")).to_have_count(1)
        selected = page.locator(".mark.selected")
        expect(selected).to_have_count(1)
        assert int(selected.get_attribute("data-s")) >= at
        assert selected.get_attribute("data-s") != first


def test_one_key_shortcuts_turned_off_ignore_key_presses_and_stay_off(tmp_path, page):
    from playwright.sync_api import expect

    session = ReviewSession(make_corpus(tmp_path), editor="Jane Doe")
    with serving_in_thread(session, TOKEN) as base:
        page.goto(f"{base}/?token={TOKEN}")
        page.goto(f"{base}/doc/1917-12-03_telegram")
        toggle = page.get_by_label("one-key shortcuts")
        expect(toggle).to_be_checked()
        toggle.uncheck()
        page.locator("main.reading h1").click()  # away from any mark and field
        page.keyboard.press("j")
        expect(page.locator("#selected")).to_be_hidden()
        page.locator("#text .mark").first.click()
        page.keyboard.press("a")
        page.keyboard.press("r")
        expect(page.locator("#text .mark.decided")).to_have_count(0)
        page.goto(f"{base}/doc/1917-12-03_telegram")  # a new visit, no mark in the URL
        expect(page.get_by_label("one-key shortcuts")).not_to_be_checked()
        page.keyboard.press("n")
        expect(page.locator("#selected")).to_be_hidden()
        page.get_by_label("one-key shortcuts").check()
        page.locator("main.reading h1").click()  # away from any mark and field
        page.keyboard.press("n")
        expect(page.locator("#selected")).to_be_visible()
    assert session.document("1917-12-03_telegram").decisions.decisions == []


def _axe_violations(page) -> list[str]:
    """Every axe-core violation on the page as it stands (the vendored axe, as for the site)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(
                v => v.impact + " " + v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
        }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violation_in_the_review_app(tmp_path, browser, scheme, width):
    from playwright.sync_api import expect

    # The app's Content-Security-Policy allows no inline script: axe is injected past it.
    context = browser.new_context(
        viewport={"width": width, "height": 844}, color_scheme=scheme, bypass_csp=True
    )
    opened = context.new_page()
    session = ReviewSession(make_corpus(tmp_path), editor="Jane Doe")
    found: dict[str, list[str]] = {}
    try:
        with serving_in_thread(session, TOKEN) as base:
            opened.goto(f"{base}/?token={TOKEN}")
            if scheme == "dark":
                ground = opened.evaluate("getComputedStyle(document.body).backgroundColor")
                assert ground == "rgb(26, 25, 23)", "the dark styles apply"
            found["queue"] = _axe_violations(opened)
            opened.goto(f"{base}/doc/1917-12-03_telegram")
            text = opened.locator("#text")
            expect(text).to_be_visible()
            found["document"] = _axe_violations(opened)
            text.locator(".mark", has_text="Mr. Smith").nth(1).click()
            opened.keyboard.press("l")
            opened.keyboard.type("Lenin")
            expect(opened.locator("#link-hits li").first).to_contain_text("Lenin")
            found["a name, linking"] = _axe_violations(opened)
            opened.keyboard.press("Escape")
            text.locator(".mark", has_text="31 February 1918").click()
            found["a date"] = _axe_violations(opened)
            text.locator(".mark", has_text="General Barsukevich").click()
            opened.keyboard.press("a")
            expect(text.locator(".mark.decided")).to_have_count(1)
            found["a decided mark"] = _axe_violations(opened)
    finally:
        context.close()
    assert {view: v for view, v in found.items() if v} == {}
