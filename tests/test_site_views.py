"""The reading/diplomatic switch on a document page whose text has source lines (issue 22, item 3).

The exporter renders ``lb`` two ways (tests/test_export_views.py); the site
page carries the reading text and, in an inert template, the diplomatic one,
and its script swaps them.  A text without source lines gets no switch.
"""

from __future__ import annotations

import pytest
from conftest import REPO
from lxml import html

from tei_tools.corpus import build, check_links
from tei_tools.xml import TEI_NS

AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

LINED = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:lang="de">
  <teiHeader><fileDesc><titleStmt><title>Ein Brief mit Zeilen</title></titleStmt>
    <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><p>Ich glaube an<lb/>nehmen zu dürfen, daß <persName ref="per:trotsky">Trotzki</persName>
  Be<lb break="no"/>scheid erhält,<lb/>und damit wäre die Sache<lb n="9"/>in Zug.</p></body></text>
</TEI>
"""

PLAIN = LINED.replace("Ein Brief mit Zeilen", "Ein Brief ohne Zeilen").replace("<lb/>", " ")
PLAIN = PLAIN.replace('<lb break="no"/>', "").replace('<lb n="9"/>', " ")

#: A text with words the editor supplied.
SUPPLIED = PLAIN.replace("Ein Brief ohne Zeilen", "Ein Brief mit Ergänzung").replace(
    "und damit", '<supplied reason="omitted">und</supplied> damit'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("views")
    collection = work / "letters"
    (collection / "tei").mkdir(parents=True)
    (collection / "tei" / "1918-01-01_lined.xml").write_text(LINED, encoding="utf-8")
    (collection / "tei" / "1918-01-02_plain.xml").write_text(PLAIN, encoding="utf-8")
    (collection / "tei" / "1918-01-03_supplied.xml").write_text(SUPPLIED, encoding="utf-8")
    (collection / "tei-tools.toml").write_text('title = "Briefe"\n', encoding="utf-8")
    folder = work / "site"
    result = build(collection, folder, jobs=1, search="builtin", pdf=False)
    assert not [d for d in result.documents if d.status == "unreadable"]
    assert check_links(folder) == []
    return folder, {d.summary.stem: d.summary for d in result.documents}


def _page(folder, stem):
    return html.fromstring((folder / "documents" / f"{stem}.html").read_bytes())


def test_a_text_with_source_lines_carries_both_views_and_the_reading_one_is_shown(site):
    folder, _ = site
    page = _page(folder, "1918-01-01_lined")
    (switch,) = page.find_class("view-switch")
    assert switch.get("hidden") is not None  # shown by the script, which alone can switch
    assert [b.get("aria-pressed") for b in switch.iter("button")] == ["true", "false"]
    shown = page.xpath("//article/div[@class='tei-text']")  # the exporter's text, outermost
    assert len(shown) == 1 and not shown[0].xpath(".//br")
    assert "an nehmen zu dürfen" in " ".join(shown[0].text_content().split())
    (template,) = page.xpath("//template[@id='tei-view-diplomatic']")
    assert template.get("data-pagefind-ignore") == "all"
    numbers = [n.text for n in template.xpath(".//span[@class='tei-line-number']")]
    assert numbers == ["1", "2", "3", "9"] and len(template.xpath(".//br")) == 4


def test_search_reads_the_text_once_not_its_second_view(site):
    _, summaries = site
    text = summaries["1918-01-01_lined"].text
    assert text.count("Zug") == 1 and "Bescheid" in text and "Be2scheid" not in text


def test_a_text_without_source_lines_gets_no_switch(site):
    folder, _ = site
    page = _page(folder, "1918-01-02_plain")
    assert not page.find_class("view-switch") and not page.xpath("//template")


def test_words_the_editor_supplied_are_marked_and_described_as_the_editors(site):
    folder, _ = site
    page = _page(folder, "1918-01-03_supplied")
    (supplied,) = page.xpath("//span[contains(@class, 'tei-supplied')]")
    assert "editorial" in supplied.get("class").split() and supplied.text_content() == "und"
    described = supplied.get("aria-describedby") or ""
    assert described and page.get_element_by_id(described).text_content() == (
        "An editorial addition: not in the source."
    )


@pytest.mark.browser
def test_supplied_words_are_bracketed_and_set_apart_on_the_page(site, browser):
    folder, _ = site
    context = browser.new_context()
    page = context.new_page()
    page.goto((folder / "documents" / "1918-01-03_supplied.html").as_uri())
    supplied = page.locator(".tei-supplied")
    bracket = supplied.evaluate("e => getComputedStyle(e, '::before').content")
    colours = supplied.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e.closest('p')).color]"
    )
    context.close()
    assert bracket == '"["'
    assert colours[0] != colours[1]  # the editor's words in the muted colour, not the text's


@pytest.mark.browser
def test_the_switch_shows_the_numbered_source_lines_and_the_choice_is_kept(site, browser):
    from playwright.sync_api import expect

    folder, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((folder / "documents" / "1918-01-01_lined.html").as_uri())
    diplomatic = page.get_by_role("button", name="Source lines (diplomatic)")
    expect(diplomatic).to_be_visible()
    diplomatic.click()
    expect(diplomatic).to_have_attribute("aria-pressed", "true")
    text = page.locator("article > .tei-text")
    expect(text.locator(".tei-line-number")).to_have_text(["1", "2", "3", "9"])
    expect(page.locator("article.view-diplomatic")).to_have_count(1)
    # The names in the diplomatic text still open their cards.
    text.locator("a.entity[data-ref]").first.focus()
    expect(page.locator(".popup.card:visible")).to_have_count(1)
    page.reload()  # the choice is kept
    expect(page.locator("article > .tei-text .tei-line-number")).to_have_count(4)
    page.get_by_role("button", name="Reading text").click()
    expect(page.locator("article > .tei-text br")).to_have_count(0)
    expect(text).to_contain_text("an nehmen zu dürfen")
    context.close()


@pytest.mark.browser
def test_without_javascript_the_reading_text_shows_and_no_switch(site, browser):
    folder, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((folder / "documents" / "1918-01-01_lined.html").as_uri())
    assert not page.locator(".view-switch").is_visible()
    assert page.locator("article > .tei-text br").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "scheme,width", [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]
)
def test_axe_finds_no_wcag_aa_violation_in_the_diplomatic_view(site, browser, scheme, width):
    folder, _ = site
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto((folder / "documents" / "1918-01-01_lined.html").as_uri())
    page.get_by_role("button", name="Source lines (diplomatic)").click()
    numbers = page.locator("article > .tei-text .tei-line-number")
    assert numbers.count() == 4
    first = numbers.first.bounding_box()
    assert first is not None and first["x"] >= 0  # the line numbers stay inside the window
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(
                v => v.impact + " " + v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
        }""",
        WCAG_AA,
    )
    context.close()
    assert violations == [], violations
