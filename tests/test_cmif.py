"""Letters as letters: correspDesc in each header, and the collection's CMIF file for correspSearch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_tools.convert import convert
from tei_tools.reading.profiles import collection_profile, load_profile
from tei_tools.xml import TEI_NS

LETTERS = Path(__file__).parent / "data" / "letters"
T = {"t": TEI_NS}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console entry point, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "tei_tools", *args], capture_output=True, text=True, check=False
    )


def converted(language: str, stem: str):
    folder = LETTERS / language
    source = folder / "source" / f"{stem}.txt"
    profile = collection_profile(folder / "tei-tools.toml")
    return convert(source.read_text(encoding="utf-8"), source_name=str(source), profile=profile)


def words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_a_letter_gets_sender_place_date_and_addressee_in_its_header():
    tree = converted("de", "bauernfeld_1847-01-17_an-gruen").tree
    sent = tree.find(".//t:correspDesc/t:correspAction[@type='sent']", T)
    received = tree.find(".//t:correspDesc/t:correspAction[@type='received']", T)
    assert words(sent.find("t:persName", T)) == "Bauernfeld"  # the signature, as written
    assert words(sent.find("t:placeName", T)) == "Wien"
    assert sent.find("t:date", T).get("when") == "1847-01-17"
    assert words(received.find("t:persName", T)) == "Hrn. Anton Alexander Grafen v. Auersperg"


def test_a_letter_dated_and_signed_at_its_foot_is_dated_from_there():
    tree = converted("de", "humboldt_1809-08-05_an-henry").tree
    sent = tree.find(".//t:correspDesc/t:correspAction[@type='sent']", T)
    assert words(sent.find("t:placeName", T)) == "Koenigsberg"
    assert sent.find("t:date", T).get("when") == "1809-08-05"
    received = tree.find(".//t:correspDesc/t:correspAction[@type='received']/t:persName", T)
    assert words(received).endswith("Henry")


def test_the_title_gives_the_addressee_a_salutation_is_no_person():
    tree = converted("fr", "voltaire_1740-12-23_frederic-a-voltaire").tree
    received = tree.find(".//t:correspAction[@type='received']/t:persName", T)
    assert words(received) == "Voltaire"
    salute = tree.find(".//t:opener/t:salute", T)
    assert words(salute) == "Mon cher Voltaire,"
    assert [words(p) for p in salute.iterfind("t:persName", T)] == ["Voltaire"]


def test_letters_are_valid_tei_all_and_project_schema(tei_all, project_schema):
    for language, stem in (
        ("de", "bauernfeld_1847-01-17_an-gruen"),
        ("de", "humboldt_1809-08-05_an-henry"),
        ("fr", "voltaire_1776-11-19_defourqueux"),
    ):
        tree = converted(language, stem).tree
        assert tree.find(".//t:correspDesc", T) is not None
        assert tei_all.validate(tree), [e.message for e in tei_all.error_log]
        assert project_schema.validate(tree), [e.message for e in project_schema.error_log]


def test_a_collection_that_is_no_correspondence_edition_gets_no_correspdesc():
    text = "NOTE\n\nMoscow, 5 March 1918\n\nDear Sir,\n\n  Text.\n\nG. Chicherin\n"
    assert convert(text, profile="generic").tree.find(".//t:correspDesc", T) is not None
    assert convert(text, profile="degras").tree.find(".//t:correspDesc", T) is None


def test_a_document_in_a_language_without_words_says_so():
    from dataclasses import replace

    profile = replace(load_profile("generic"), language="cy")
    result = convert("LLYTHYR\n\nCaerdydd, 1850\n\nAnnwyl Syr,\n\nTestun.\n", profile=profile)
    assert [f.kind for f in result.findings].count("unknown-language") == 1


def test_export_cmif_lists_every_letter_and_validates(tmp_path):
    from tei_tools.export.cmif import cmif_problems

    out = tmp_path / "letters.xml"
    result = run("export", "cmif", str(LETTERS / "de"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(out))  # read back as a correspSearch harvester would
    assert cmif_problems(tree) == []
    refs = sorted(d.get("ref") for d in tree.iterfind(".//t:correspDesc", T))
    stems = sorted(p.stem for p in (LETTERS / "de" / "source").glob("*.txt"))
    assert refs == [f"https://example.org/briefe/documents/{stem}.html" for stem in stems]
    senders = [words(p) for p in tree.iterfind(".//t:correspAction[@type='sent']/t:persName", T)]
    assert senders == ["Bauernfeld", "Humboldt"]
    assert tree.find(".//t:publicationStmt/t:idno", T).text == (
        "https://example.org/briefe/cmif.xml"
    )


def test_export_cmif_names_the_settings_a_collection_lacks():
    result = run("export", "cmif", str(LETTERS / "fr"), "-o", "-")
    assert result.returncode != 0 and result.stdout == ""
    assert "publisher, licence, licence_url, editors" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_schema_breach_is_reported_by_the_cmif_schema():
    from tei_tools.export.cmif import cmif_problems

    tree = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/></body></text></TEI>'
    )
    assert cmif_problems(etree.ElementTree(tree))


@pytest.mark.slow
def test_build_puts_the_cmif_file_beside_the_documents(tmp_path):
    from tei_tools.corpus.build import build

    site = tmp_path / "site"
    result = build(LETTERS / "de", site, jobs=1, executor="process", search="none", pdf=False)
    assert result.exit_code == 0
    tree = etree.parse(str(site / "cmif.xml"))
    assert len(tree.findall(".//t:correspDesc", T)) == len(list((site / "tei").glob("*.xml")))
