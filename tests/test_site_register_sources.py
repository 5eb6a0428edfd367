"""The registers' source notes are for editors: the site shows them only when the settings ask."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html
from test_build import tei_document

from tei_tools.corpus import build
from tei_tools.errors import ProfileError
from tei_tools.reading.collection_info import read_collection_info

#: Words of the registers' notes on where a fact was checked, never for a reader.
INTERNAL = re.compile(r"stored cop|issue \d+|checked 20|FRUS|Wikipedia|https?://\S*wiki")


def collection(tmp_path: Path, settings: str) -> Path:
    folder = tmp_path / "corpus"
    (folder / "tei").mkdir(parents=True)
    body = (
        'The <orgName ref="org:angora-government">Angora Government</orgName> wrote to '
        '<placeName ref="pla:soviet-russia">Soviet Russia</placeName> and the '
        '<orgName ref="org:sovnarkom">Council of People\'s Commissars</orgName>; '
        '<persName ref="per:summers">Summers</persName> at '
        '<placeName ref="pla:ekaterinodar">Ekaterinodar</placeName>.'
    )
    (folder / "tei" / "a.xml").write_bytes(tei_document("Note", "1920-06-01", body))
    (folder / "tei-tools.toml").write_text(settings, encoding="utf-8")
    return folder


def cards(site: Path) -> dict:
    text = (site / "cards.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"window\.TEI_TOOLS_CARDS=(.*);\n", text, re.S).group(1))


def test_index_pages_and_cards_show_no_source_notes_by_default(tmp_path):
    site = tmp_path / "site"
    build(collection(tmp_path, 'title = "T"\n'), site, jobs=1, search="none", pdf=False)
    for page in ("orgs.html", "places.html", "persons.html"):
        text = html.fromstring((site / page).read_bytes()).text_content()
        assert not INTERNAL.search(text), (page, INTERNAL.search(text))
    orgs = html.fromstring((site / "orgs.html").read_bytes())
    assert not orgs.find_class("source")
    # The role stays, without the parenthesis that cites where it was checked.
    sovnarkom = orgs.get_element_by_id("org-sovnarkom")
    assert sovnarkom.find_class("role")[0].text == "From November 8, 1917"
    assert all("s" not in card for card in cards(site).values())
    assert not INTERNAL.search(json.dumps(cards(site)))


def test_an_editors_build_shows_the_source_notes_on_indexes_and_cards(tmp_path):
    settings = 'title = "T"\n\n[site]\nshow_register_sources = true\n'
    site = tmp_path / "site"
    build(collection(tmp_path, settings), site, jobs=1, search="none", pdf=False)
    orgs = html.fromstring((site / "orgs.html").read_bytes())
    source = orgs.get_element_by_id("org-angora-government").find_class("source")[0].text
    assert source.startswith("Source: English Wikipedia article")
    assert "https://en.wikipedia.org/wiki/Government_of_the_Grand_National_Assembly" in source
    card = cards(site)["pla:ekaterinodar"]
    assert "GeoNames 542420" in card["s"] and card["m"] == "Krasnodar"


def test_the_site_setting_must_be_true_or_false():
    text = 'title = "T"\n[site]\nshow_register_sources = "yes"\n'
    with pytest.raises(ProfileError) as caught:
        read_collection_info(text, "tei-tools.toml")
    assert "show_register_sources" in str(caught.value) and "true or false" in str(caught.value)
    assert caught.value.line == 3
    info, _ = read_collection_info("[site]\nshow_register_sources = true\n", "tei-tools.toml")
    assert info.show_register_sources is True
    assert read_collection_info("", "tei-tools.toml")[0].show_register_sources is False
