"""The edition site's pages as HTML: header block, indexes, cards, pager, search state."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html
from test_build import LENIN, TROTSKY, tei_document

from tei_tools.corpus import build, check_links
from tei_tools.corpus.site_files import pagefind_state
from tei_tools.corpus.site_urls import site_href

PETROGRAD = '<placeName ref="pla:petrograd">Petrograd</placeName>'


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "tei").mkdir(parents=True)
    docs = {
        "a": tei_document("REPLY TO THE EMBASSY", "1917-11-30", f"From {TROTSKY} in {PETROGRAD}."),
        "b": tei_document("Note", "1918-03-05", f"{LENIN} and {TROTSKY} agree."),
        "c": tei_document("Statement", "1918-04-05", "Vladivostok landing."),
    }
    for stem, data in docs.items():
        (folder / "tei" / f"{stem}.xml").write_bytes(data)
    (folder / "tei-tools.toml").write_text('dual_dates_before = "1918-02-14"\n', encoding="utf-8")
    return folder


def parse(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def test_document_page_has_one_main_and_its_metadata_once(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="builtin", pdf=False)
    page = parse(site / "documents" / "a.html")
    assert len(page.xpath("//main")) == 1
    assert [h.text_content() for h in page.xpath("//h1")] == ["Reply to the embassy"]
    header = page.xpath("//header[@class='doc-header']")[0]
    meta = dict(zip(header.xpath(".//dt/text()"), header.xpath(".//dd"), strict=True))
    assert meta["Date"].text_content() == "30 November 1917 N.S. (17 November 1917 O.S.)"
    assert meta["Source"].text_content() == "Izvestiya, 1 Dec 1917"
    assert [a.text for a in meta["Persons"].iter("a")] == ["Leon Trotsky"]
    assert [a.text for a in meta["Places"].iter("a")] == ["Petrograd"]
    assert not page.xpath("//header[@class='tei-titleblock']")
    footer = page.xpath("//footer[@class='doc-footer']")[0].text_content()
    # Without a base_url there is no address to cite (tests/test_site_citation.py has one).
    assert "Cite this page: “Reply to the embassy.”" in footer
    assert "no permanent web address" in footer and "documents/a.html" not in footer
    assert page.xpath("//a[@href='../tei/a.xml']") and page.xpath("//a[@href='../text/a.txt']")


def test_persons_index_has_full_names_life_dates_counts_and_letters(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none", pdf=False)
    page = parse(site / "persons.html")
    trotsky = page.get_element_by_id("per-trotsky")
    assert trotsky.find_class("label")[0].text == "Trotsky, Leon"
    life = trotsky.find_class("life")[0]
    assert life.text == "1879–1940" and life.get("title") == "7 November 1879 – 21 August 1940"
    assert trotsky.find_class("count")[0].text == "2 documents"
    assert [a.text for a in page.xpath("//ul[@class='az-bar']//a")] == ["L", "T"]
    places = parse(site / "places.html")
    assert places.get_element_by_id("pla-petrograd").find_class("modern")[0].text == (
        "today Saint Petersburg"
    )


def test_cards_script_names_the_documents_of_each_entry(collection, tmp_path):
    moscow = '<placeName ref="pla:moscow">Moscow</placeName>'
    (collection / "tei" / "d.xml").write_bytes(tei_document("Wire", "1918-05-01", f"To {moscow}."))
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none", pdf=False)
    text = (site / "cards.js").read_text(encoding="utf-8")
    cards = json.loads(re.fullmatch(r"window\.TEI_TOOLS_CARDS=(.*);\n", text, re.S).group(1))
    trotsky = cards["per:trotsky"]
    assert trotsky["n"] == "Leon Trotsky" and trotsky["c"] == 2
    assert [d[0] for d in trotsky["d"]] == ["documents/a.html", "documents/b.html"]
    assert trotsky.get("w") is None  # no Wikidata id confirmed by two sources (issue 25)
    assert cards["pla:moscow"]["w"] == "https://www.wikidata.org/wiki/Q649"


def pager(site: Path, stem: str) -> dict[str, str]:
    page = parse(site / "documents" / f"{stem}.html")
    return {a.get("rel"): a.get("href") for a in page.xpath("//nav[@class='doc-pager']/a")}


def test_pager_follows_date_order_and_follows_a_changed_date(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none", pdf=False)
    assert pager(site, "a") == {"next": "b.html"}
    assert pager(site, "b") == {"prev": "a.html", "next": "c.html"}
    assert pager(site, "c") == {"prev": "b.html"}
    (collection / "tei" / "c.xml").write_bytes(tei_document("Statement", "1917-01-01", "Early."))
    result = build(collection, site, jobs=1, search="none", pdf=False)
    assert result.built == 1
    assert pager(site, "c") == {"next": "a.html"}
    assert pager(site, "a") == {"prev": "c.html", "next": "b.html"}
    assert pager(site, "b") == {"prev": "a.html"}
    assert check_links(site) == []


def test_pagefind_runs_on_a_full_build_and_waits_after_a_small_change(tmp_path):
    assert pagefind_state(tmp_path, "builtin", 1, 10, "k") == "none"
    assert pagefind_state(tmp_path, "pagefind", 10, 10, "k") == "run"  # never indexed
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "tei-tools-indexed.json").write_text('{"pages_key": "k"}')
    assert pagefind_state(tmp_path, "pagefind", 0, 10_000, "k") == "current"
    assert pagefind_state(tmp_path, "pagefind", 1, 10_000, "new") == "stale"
    assert pagefind_state(tmp_path, "pagefind", 1_000, 10_000, "new") == "run"


def test_search_page_works_without_pagefind_from_one_script_index(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="builtin", pdf=False)
    form = parse(site / "search.html").get_element_by_id("search-form")
    assert form.get("data-pagefind") == "no" and form.get("data-index") == "search-index.js"
    assert (
        (site / "search-index.js")
        .read_text(encoding="utf-8")
        .startswith("window.TEI_TOOLS_SEARCH=")
    )


def test_site_links_go_through_one_gate():
    assert site_href("https://www.wikidata.org/wiki/Q1") == "https://www.wikidata.org/wiki/Q1"
    assert site_href("../persons.html#per-x", depth=1) == "../persons.html#per-x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "java\nscript:x"):
        assert site_href(bad) is None, bad
    assert site_href("../../etc/passwd", depth=1) is None
