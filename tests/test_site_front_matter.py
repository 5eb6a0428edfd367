"""The edition's front matter, written from its settings and its documents' headers.

One collection is built per module: the bundled corpus's texts with settings
naming editors, a publisher and a licence, plus a TEI document whose header
has an editorialDecl, a reviewer's respStmt and revisionDesc changes.  The
last test opens every kind of page in Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from lxml import html

from tei_tools.corpus import build
from tei_tools.xml import TEI_NS

SETTINGS = """\
profile = "degras"
title = "Soviet notes, 1917-1918"
dual_dates_before = "1918-02-14"
publisher = "The Example Society"
licence = "CC BY 4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
base_url = "https://editions.example.org/notes/"

[[editors]]
name = "Ann Editor"
role = "general editor"

[calendar]
convention = "russia"
"""

REVIEWED = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>A reviewed telegram</title>
        <respStmt xml:id="review-cleo-checker">
          <resp>review of the automatic markup</resp>
          <persName>Cleo Checker</persName>
        </respStmt>
      </titleStmt>
      <publicationStmt><p>Test.</p></publicationStmt>
      <sourceDesc>
        <bibl><title>Documents on Soviet Foreign Policy</title><editor>Jane Degras</editor></bibl>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <editorialDecl>
        <normalization><p>Spelling is kept as the telegram has it.</p></normalization>
      </editorialDecl>
    </encodingDesc>
    <profileDesc><creation><date when="1918-05-01">1 May 1918</date></creation></profileDesc>
    <revisionDesc>
      <change when="2026-11-20" who="#review-cleo-checker">Editorial review: 3 decision(s).</change>
    </revisionDesc>
  </teiHeader>
  <text><body><p>A telegram.</p></body></text>
</TEI>
"""

#: One page of every kind the site has (the front matter included).
PAGE_KINDS = (
    "index.html",
    "documents/1917-11-30_reply-from-trotsky-to-british-embassy.html",
    "chronology.html",
    "persons.html",
    "orgs.html",
    "places.html",
    "bibliography.html",
    "search.html",
    "validation.html",
    "about.html",
    "editorial.html",
    "licence.html",
    "credits.html",
    "changes.html",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("front-matter")
    collection = work / "corpus"
    shutil.copytree(REPO / "corpus" / "source", collection / "source")
    (collection / "tei").mkdir()
    (collection / "tei" / "1918-05-01_reviewed.xml").write_text(REVIEWED, encoding="utf-8")
    (collection / "tei-tools.toml").write_text(SETTINGS, encoding="utf-8")
    folder = work / "site"
    result = build(collection, folder, jobs=2, search="builtin", pdf=False)
    assert not [d for d in result.documents if d.status == "unreadable"]
    return folder, collection


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


def text_of(site: Path, name: str) -> str:
    main = html.fromstring((site / name).read_bytes()).find(".//main")
    return " ".join(main.text_content().split())


def test_front_matter_pages_are_linked_from_every_page(site):
    for name in (*PAGE_KINDS, "documents/1918-05-01_reviewed.html"):
        page = html.fromstring((site / name).read_bytes())
        up = "../" if "/" in name else ""
        links = page.xpath("//footer[@class='site-footer']//a/@href")
        for front in ("about", "editorial", "licence", "credits", "changes"):
            assert f"{up}{front}.html" in links, (name, front)


def test_about_page_names_the_edition_its_editors_publisher_and_contents(site):
    text = text_of(site, "about.html")
    assert "Soviet notes, 1917-1918 is an edition of 5 documents, from 1917 to 1918" in text
    # Settings with a title of their own claim no printed collection (CollectionInfo.apply_to).
    assert "drawn from" not in text
    facts = html.fromstring((site / "about.html").read_bytes()).find_class("front-facts")[0]
    terms = {dt.text: dt.getnext().text_content() for dt in facts.iter("dt")}
    assert terms["Edited by"] == "Ann Editor (general editor)"
    assert terms["Published by"] == "The Example Society"
    assert "persons" in text and "places" in text
    assert "Ann Editor, ed. Soviet notes, 1917-1918." in text
    assert "https://editions.example.org/notes/" in text


def test_editorial_principles_are_written_from_settings_and_headers(site):
    text = text_of(site, "editorial.html")
    assert "4 documents were converted to TEI by tei-tools" in text and "“degras” layout" in text
    assert "1 document is published from TEI files as their editors encoded them" in text
    assert "Julian until 31 January 1918, Gregorian after" in text
    assert "Dates before 14 February 1918 are shown in both styles" in text
    assert "Spelling is kept as the telegram has it. (1 of 5 documents)" in text
    assert "Jane Degras" not in text  # no prose about one collection's editor


def test_licence_page_links_the_licence(site):
    page = html.fromstring((site / "licence.html").read_bytes())
    link = page.xpath("//main//a[text()='CC BY 4.0']")[0]
    assert link.get("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert "published under CC BY 4.0 by The Example Society" in text_of(site, "licence.html")


def test_credits_name_editors_and_the_reviewers_of_the_documents(site):
    text = text_of(site, "credits.html")
    assert "Ann Editor, general editor" in text
    page = html.fromstring((site / "credits.html").read_bytes())
    review = page.get_element_by_id("review").getnext().text_content()
    assert review == "Cleo Checker: 1 document, last on 20 November 2026"
    assert "review of the automatic markup (1 of 5 documents)" in text


def test_changes_page_lists_the_revision_entries_and_the_version(site):
    text = text_of(site, "changes.html")
    assert "no version number of its own; it was built with tei-tools" in text
    assert (
        "20 November 2026: A reviewed telegram. Editorial review: 3 decision(s). (Cleo Checker)"
        in text
    )


def test_bibliography_gives_full_records_with_fields_apart(site):
    page = html.fromstring((site / "bibliography.html").read_bytes())
    records = [" ".join(p.text_content().split()) for p in page.find_class("bibl-record")]
    assert "Documents on Soviet Foreign Policy, edited by Jane Degras" in records
    assert (
        "Trotsky, L. D. Sochineniya [Works]. Moscow and Leningrad: Gosudarstvennoe izdatel'stvo, "
        "1924–1927." in records
    )
    assert page.xpath("//main/div[@class='bibliography-page']/ol[@class='bibliography']")
    assert "PolicyJane" not in page.text_content()


def test_no_internal_path_or_register_sourcing_note_on_a_public_page(built):
    site, collection = built
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert str(collection) not in text and str(collection.parent) not in text, path
        assert "checked against" not in text.lower(), path
    validation = text_of(site, "validation.html")
    assert "source/1918-03-05_note-to-robins.txt: valid" in validation


@pytest.mark.browser
def test_zotero_meta_tags_and_front_matter_links_in_chromium(site, browser):
    page = browser.new_page()
    try:
        page.goto((site / "documents" / "1918-05-01_reviewed.html").as_uri())
        tags = page.evaluate(
            "() => Object.fromEntries([...document.querySelectorAll('meta[name]')]"
            ".map(m => [m.name, m.content]))"
        )
        assert tags["citation_title"] == "A reviewed telegram"
        assert tags["citation_date"] == "1918/05/01"
        assert tags["citation_public_url"].endswith("/notes/documents/1918-05-01_reviewed.html")
        assert tags["DC.identifier"] == tags["citation_public_url"]
        accessed = page.text_content(".cite-line .cite-accessed")
        assert accessed and accessed != "[date of access]"  # cite.js ran
        for name in PAGE_KINDS:
            page.goto((site / name).as_uri())
            for label in ("About", "Licence"):
                link = page.locator(f"footer.site-footer a:text-is('{label}')")
                assert link.count() == 1 and link.is_visible(), (name, label)
        page.locator("footer.site-footer a:text-is('Licence')").click()
        assert page.url.endswith("/licence.html")
    finally:
        page.close()
