"""The page images beside the text, in a real browser: page by page, zoom, zones, no script."""

from __future__ import annotations

import threading

import pytest
from conftest import REPO
from facsimile_corpus import make_collection

from tei_tools.corpus import build, check_links
from tei_tools.corpus.serve import make_server

pytest.importorskip("PIL", reason="the facsimile extra (Pillow) is not installed")
pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("facsimile-browser")
    collection = make_collection(work / "corpus")
    folder = work / "site"
    result = build(collection, folder, jobs=1, pdf=False, search="builtin", quiet=True)
    assert [d.status for d in result.documents] == ["valid", "valid", "valid"]
    assert check_links(folder) == []
    return folder


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.errors = errors
    yield opened
    context.close()


def _opened(page, surface: str) -> None:
    page.wait_for_function(
        "s => document.querySelector('.facs-stage')?.dataset.opened === s", arg=surface
    )


def test_the_current_page_image_is_shown_beside_its_text_and_follows_it(site, page):
    page.goto((site / "documents" / "letter.html").as_uri())
    _opened(page, "surface-1")
    text = page.locator(".facs-layout > .tei-text").bounding_box()
    stage = page.locator(".facs-stage").bounding_box()
    assert stage["x"] >= text["x"] + text["width"], "the image stands beside the text"
    assert stage["width"] > 300 and stage["height"] > 300
    assert page.locator(".facs-status").inner_text() == "Page 1 (1 of 3)"
    # The image was drawn: OpenSeadragon's canvas holds pixels of the page.
    page.wait_for_function("document.querySelector('.facs-stage canvas') !== null")
    for number in (2, 3):
        page.locator(f'.tei-pb[data-n="{number}"]').evaluate("m => m.scrollIntoView()")
        _opened(page, f"surface-{number}")
        assert page.locator(".facs-status").inner_text() == f"Page {number} ({number} of 3)"
        # The page break's link to this page is the current one.
        link = page.locator(f'.tei-pb[data-n="{number}"] + a.facs-link')
        assert link.get_attribute("aria-current") == "page"
    assert page.errors == []


def test_on_a_phone_the_page_image_stands_above_the_text(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    opened = context.new_page()
    opened.goto((site / "documents" / "letter.html").as_uri())
    _opened(opened, "surface-1")
    stage = opened.locator(".facs-stage").bounding_box()
    text = opened.locator(".facs-layout > .tei-text").bounding_box()
    assert stage["y"] + stage["height"] <= text["y"]
    assert stage["width"] <= 390
    context.close()


def test_a_page_break_link_and_the_page_buttons_turn_the_page(site, page):
    page.goto((site / "documents" / "letter.html").as_uri())
    _opened(page, "surface-1")
    page.get_by_role("link", name="page image 3").click()
    _opened(page, "surface-3")
    assert page.get_by_role("button", name="Next page").is_disabled()
    page.get_by_role("button", name="Previous page").click()
    _opened(page, "surface-2")
    assert "Page 2" in page.locator(".facs-stage").get_attribute("aria-label")


def test_the_viewer_zooms_by_button_and_back_to_the_whole_page(site, page):
    page.goto((site / "documents" / "letter.html").as_uri())
    _opened(page, "surface-1")
    zoom = "Number(document.querySelector('.facs-stage').dataset.zoom)"
    home = "Number(document.querySelector('.facs-stage').dataset.homeZoom)"
    page.wait_for_function(f"Math.abs({zoom} - {home}) < {home} * 0.02")
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_function(f"{zoom} > {home} * 1.4")
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_function(f"{zoom} > {home} * 2.2")
    page.get_by_role("button", name="Fit the page").click()
    page.wait_for_function(f"Math.abs({zoom} - {home}) < {home} * 0.02")


def test_the_viewer_works_over_http_too(site, page):
    server = make_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page.goto(server.url + "documents/letter.html")
        _opened(page, "surface-1")
        page.get_by_role("button", name="Zoom in").focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(s => Number(s.dataset.zoom) > Number(s.dataset.homeZoom) * 1.4)"
            "(document.querySelector('.facs-stage'))"
        )
    finally:
        server.shutdown()
    assert page.errors == []


def test_without_javascript_every_page_image_is_shown(site, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    opened = context.new_page()
    opened.goto((site / "documents" / "letter.html").as_uri())
    images = opened.locator("figure.facs-page img")
    assert images.count() == 3
    for index in range(3):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        opened.wait_for_function(
            "i => i.complete && i.naturalWidth > 0", arg=image.element_handle()
        )
        assert image.is_visible()
        assert image.get_attribute("alt").startswith(f"Page {index + 1} of ")
        # Reduced to the web size from the 1800 x 2600 original.
        assert image.evaluate("i => Math.max(i.naturalWidth, i.naturalHeight)") == 1600
    assert opened.locator(".facs-stage").count() == 0
    context.close()


def test_a_document_without_images_is_text_only(site, page):
    page.goto((site / "documents" / "plain.html").as_uri())
    assert page.locator("aside.facsimile").count() == 0
    assert "No image here." in page.locator("article").inner_text()


def test_focusing_a_line_draws_its_zone_on_the_image(site, page):
    page.goto((site / "documents" / "zoned.html").as_uri())
    _opened(page, "f1")
    line = page.locator('[data-facs="#z2"]')
    line.focus()
    page.wait_for_function("document.querySelector('.facs-stage').dataset.zone === 'z2'")
    box = page.locator("#facs-zone").bounding_box()
    stage = page.locator(".facs-stage").bounding_box()
    # The zone (600 x 100 of a 1000 px wide page) is drawn in proportion inside the image.
    assert box["width"] > 0 and 5 < box["width"] / box["height"] < 7
    assert stage["x"] <= box["x"] and box["x"] + box["width"] <= stage["x"] + stage["width"]
    line.blur()
    page.wait_for_function("document.querySelector('.facs-stage').dataset.zone === undefined")


def test_focusing_a_note_marker_or_the_note_draws_the_notes_polygon_zone(site, page):
    page.goto((site / "documents" / "zoned.html").as_uri())
    _opened(page, "f1")
    for target in ("a.tei-noteref", "li.tei-note"):
        element = page.locator(f'{target}[data-facs="#z3"]')
        element.focus()
        page.wait_for_function("document.querySelector('.facs-stage').dataset.zone === 'z3'")
        box = page.locator("#facs-zone").bounding_box()
        # The polygon's bounding box: 750 x 170 of the page's pixels.
        assert 4 < box["width"] / box["height"] < 4.9, target
        element.blur()
        page.wait_for_function("document.querySelector('.facs-stage').dataset.zone === undefined")


@pytest.mark.parametrize(
    "scheme,width", [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]
)
@pytest.mark.parametrize("stem", ["letter", "zoned"])
def test_axe_finds_no_wcag_a_or_aa_violation_on_a_facsimile_page(
    site, browser, scheme, width, stem
):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    opened = context.new_page()
    opened.goto((site / "documents" / f"{stem}.html").as_uri())
    opened.wait_for_function("document.querySelector('.facs-stage')?.dataset.opened")
    if stem == "zoned":
        opened.locator('[data-facs="#z1"]').focus()
    opened.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = opened.evaluate(
        """async () => {
            const result = await axe.run(document, {runOnly: {type: "tag",
                values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}});
            return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
        }"""
    )
    context.close()
    assert violations == [], violations
