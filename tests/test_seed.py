"""The seed document's TEI: what the issues promise about it, element by element.

``corpus/tei/1917-11-30_reply-from-trotsky-to-british-embassy.xml`` is the reviewed golden
file for the seed; ``tests/test_corpus.py`` fails when it differs from what the converter
writes, and a change to it is reviewed in the diff like code.
"""

from __future__ import annotations

import pytest
from conftest import REPO

from tei_tools.convert import convert_file

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED = REPO / "corpus" / "source" / "1917-11-30_reply-from-trotsky-to-british-embassy.txt"


@pytest.fixture(scope="module")
def seed():
    return convert_file(SEED, profile="degras").tree


def test_header_dates_creation_to_30_november_1917(seed):
    (date,) = seed.xpath("//t:profileDesc/t:creation/t:date", namespaces=NS)
    assert (date.get("when"), date.text) == ("1917-11-30", "30 November 1917")


def test_header_declares_julian_and_gregorian_calendars(seed):
    ids = seed.xpath("//t:calendarDesc/t:calendar/@xml:id", namespaces=NS)
    assert ids == ["julian", "gregorian"]


def test_header_gives_collection_and_source_line(seed):
    collection = seed.xpath(
        "string(//t:sourceDesc/t:bibl[@type='collection']/t:title)", namespaces=NS
    )
    source = seed.xpath("string(//t:sourceDesc/t:bibl[@type='source'])", namespaces=NS)
    assert collection == "Documents on Soviet Foreign Policy"
    assert source == "Trotsky, iii, 2, p. 183"


def test_header_names_the_application_and_its_version(seed):
    import tei_tools

    (app,) = seed.xpath("//t:appInfo/t:application", namespaces=NS)
    assert (app.get("ident"), app.get("version")) == ("tei-tools", tei_tools.__version__)


def test_dual_date_marks_both_halves(seed):
    julian, gregorian = seed.xpath("//t:body//t:p//t:date", namespaces=NS)[:2]
    assert julian.text == "26 October"
    assert dict(julian.attrib) == {
        "calendar": "#julian",
        "when": "1917-11-08",
        "when-custom": "1917-10-26",
        "datingMethod": "#julian",
    }
    assert gregorian.text == "8 November"
    assert gregorian.get("when") == "1917-11-08"
    assert julian.tail == " ["


def test_trotsky_in_the_title_points_at_his_register_entry(seed):
    (head,) = seed.xpath("//t:body//t:head", namespaces=NS)
    assert head.xpath("t:persName/@ref", namespaces=NS)[0] == "per:trotsky"


def test_general_dukhonin_has_a_role_name(seed):
    names = seed.xpath("//t:persName[t:roleName]", namespaces=NS)
    assert names and names[0].xpath("string(t:roleName)", namespaces=NS) == "General"
    assert "".join(names[0].itertext()) == "General Dukhonin"


def test_source_line_is_a_structured_bibl(seed):
    (bibl,) = seed.xpath("//t:body//t:bibl[@type='source']", namespaces=NS)
    assert "".join(bibl.itertext()) == "Trotsky, iii, 2, p. 183"
    volume = bibl.xpath("t:biblScope[@unit='volume']", namespaces=NS)[0]
    page = bibl.xpath("t:biblScope[@unit='page']", namespaces=NS)[0]
    assert volume.get("n") == "3"
    assert (page.get("from"), page.get("to")) == ("183", "183")


def test_navigation_line_is_dropped_and_footer_kept_as_trailer(seed):
    body_text = "".join(seed.xpath("//t:text", namespaces=NS)[0].itertext())
    assert "[Subject]" not in body_text
    (trailer,) = seed.xpath("//t:trailer", namespaces=NS)
    assert trailer.text == "Documents on Soviet Foreign Policy"
