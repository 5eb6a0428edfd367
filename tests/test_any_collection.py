"""Any collection: an editor's own documents of any period, read by the generic profile.

The letters here are written for these tests, in the manner of English letters
of the seventeenth to nineteenth centuries; none is copied from a document of
the development sets.  The measured figures come from ``bench/quality.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_tools.calendars import convention
from tei_tools.convert import convert, convert_file
from tei_tools.corpus.collection import read_settings
from tei_tools.corpus.init import init_collection
from tei_tools.errors import ProfileError, UsageError
from tei_tools.export.text import export_text
from tei_tools.markup.dates import find_dates
from tei_tools.reading.layout import read_document
from tei_tools.reading.profiles import load_profile
from tei_tools.xml import TEI_NS

NS = {"t": TEI_NS}
COLLECTIONS = Path(__file__).parent / "data" / "collections"

LETTER = """Josiah Hartwell to Samuel Pennock

Bristol, 14th March, 1763.

To Mr. Samuel Pennock, Merchant in Boston.

Honoured Sir,

I wrote you the 2d instant by the Endeavour, Captain Marsh. Mr. Tolland's ship the Prudent
Mary is arrived from Cork, and brings word that the House of Commons has passed the bill.
The Assembly of Massachusetts meets in April, and Governor Bernard is expected from
Philadelphia. The Earl of Halifax wrote that the East India Company and the Board of Trade
differ. Thomas Whitcombe and Wm. Ransley send their respects.

I am, Sir, your most obedient humble servant,

Josiah Hartwell.

P.S. Pray remember me to Mr. Greaves at Boston.

Addressed: To Mr. Samuel Pennock / Merchant / Boston
"""


@pytest.fixture(scope="module")
def letter() -> etree._ElementTree:
    return convert(LETTER, source_name="letter.txt").tree


def texts(tree: etree._ElementTree, path: str) -> list[str]:
    return ["".join(e.itertext()) for e in tree.xpath(path, namespaces=NS)]


# --- layout -------------------------------------------------------------------------------


def test_letter_parts_are_recognised_without_a_profile(letter):
    div = letter.find(f".//{{{TEI_NS}}}div")
    assert [etree.QName(c).localname for c in div] == [
        "head", "opener", "p", "closer", "postscript", "note",
    ]  # fmt: skip
    assert texts(letter, "//t:opener/t:dateline") == ["Bristol, 14th March, 1763."]
    assert texts(letter, "//t:opener/t:salute")[-1] == "Honoured Sir,"
    assert texts(letter, "//t:closer/t:signed") == ["Josiah Hartwell."]
    assert letter.xpath("//t:note/@type", namespaces=NS) == ["address"]


def test_signature_keeps_the_whole_name(letter):
    assert texts(letter, "//t:closer/t:signed/t:persName") == ["Josiah Hartwell"]


def test_debate_speakers_and_calendar_entries_are_recognised():
    debate = "Debate on the Bill\n\nThe Earl of Ashby\n\nsaid, that he would not oppose it.\n"
    tree = convert(debate).tree
    assert texts(tree, "//t:sp/t:speaker") == ["The Earl of Ashby"]
    assert texts(tree, "//t:sp/t:p") == ["said, that he would not oppose it."]
    entries = "Entries of May 1692\n\nMay 1.\n\nWarrant to pay.\n\nMay 2.\n\nPass for two men.\n"
    tree = convert(entries, profile="generic").tree
    assert tree.xpath("count(//t:div[@type='entry'])", namespaces=NS) == 2


def test_unrecognised_text_stays_a_paragraph_word_for_word():
    text = "Some notes\n\nlower-case prose, with no parts a letter has.\n"
    tree = convert(text).tree
    assert texts(tree, "//t:body//t:p") == ["lower-case prose, with no parts a letter has."]


# --- names --------------------------------------------------------------------------------


def marked(tree: etree._ElementTree, tag: str) -> list[str]:
    return texts(tree, f"//t:body//t:{tag}")


def test_forms_of_address_and_ships_are_not_persons(letter):
    persons = marked(letter, "persName")
    assert not {"Honoured Sir", "Sir", "Endeavour", "Prudent Mary", "Merchant"} & set(persons)


def test_titles_peerages_and_given_names_make_whole_persons(letter):
    persons = marked(letter, "persName")
    for name in ("Governor Bernard", "Earl of Halifax", "Thomas Whitcombe", "Wm. Ransley"):
        assert name in persons


def test_a_possessive_stays_outside_the_name(letter):
    assert "Mr. Tolland" in marked(letter, "persName")
    assert not any(name.endswith(("'s", "’s")) for name in marked(letter, "persName"))


def test_bodies_are_found_with_the_place_inside(letter):
    bodies = marked(letter, "orgName")
    assert {"House of Commons", "Assembly of Massachusetts", "East India Company"} <= set(bodies)
    assert "Board of Trade" in bodies
    inner = texts(letter, "//t:orgName/t:placeName")
    assert "Massachusetts" in inner and "East India" in inner  # the East Indies, not India


def test_gazetteer_towns_are_places(letter):
    places = marked(letter, "placeName")
    assert {"Cork", "Philadelphia", "Boston"} <= set(places)


def test_a_common_surname_that_is_a_town_needs_a_word_of_place():
    tree = convert("A note\n\nLincoln signed the order. The troops went to Lincoln.\n").tree
    assert marked(tree, "placeName") == ["Lincoln"]


def test_no_name_found_by_the_vocabularies_links_to_a_register(letter):
    for element in letter.xpath("//t:body//t:*[@cert='low']", namespaces=NS):
        assert element.get("ref") is None


# --- calendars ----------------------------------------------------------------------------


def test_english_old_style_year_begins_on_lady_day():
    [found] = find_dates("March 10, 1649", default_calendar="great-britain")
    assert found.attrs["when"] == "1650-03-20"
    assert found.attrs["when-custom"] == "1650-03-10"
    [after] = find_dates("March 30, 1650", default_calendar="great-britain")
    assert after.attrs["when"] == "1650-04-09"


def test_a_journal_entry_without_a_year_takes_the_journal_s_year_not_a_year_the_prose_names():
    text = (
        "Journal, 10 to 12 May 1714\n\nMay 10. Rode to Newbury.\n\n"
        "Saw the stone: Robert Smith died Augt. 30. 1706.\n\nMay 12. Came home.\n"
    )
    tree = convert(text, profile="generic").tree
    whens = tree.xpath("//t:body//t:date/@when", namespaces=NS)
    assert whens[0] == "1714-05-21" and whens[-1] == "1714-05-23"  # Old Style, +11 days
    assert "1706-09-10" in whens  # the date the prose names keeps its own year


def test_dates_after_the_reform_are_gregorian():
    [found] = find_dates("14 September 1752", default_calendar="great-britain")
    assert found.attrs == {"when": "1752-09-14"}


def test_an_explicit_style_beats_the_convention():
    [found] = find_dates("on 10 March 1649 N.S.", default_calendar="great-britain")
    assert found.attrs["when"] == "1649-03-10"


def test_dual_years_with_hyphen_or_slash_and_month_first():
    for text in ("February 3, 1709/10", "Feb. 3d, 1709-10", "3 Feb. 1709/10"):
        [found] = find_dates(text)
        assert found.attrs["when"] == "1710-02-14", text


def test_archaic_month_contractions_are_read():
    assert [m.attrs["when"] for m in find_dates("Decr 12th 1777 and 8ber 5, 1740")] == [
        "1777-12-12",
        "1740-10-05",
    ]


def test_every_reform_in_the_table_has_a_source_and_a_one_day_step():
    import datetime as dt

    from tei_tools.calendars import julian_to_gregorian, reforms

    assert len(reforms()) >= 10
    for name, reform in reforms().items():
        assert reform.source, name
        assert reform.last_julian is not None and reform.first_gregorian is not None
        # The day after the last Julian day is the table's first Gregorian one: the two
        # columns, typed in by hand, agree with the calendar arithmetic.
        following = julian_to_gregorian(reform.last_julian) + dt.timedelta(days=1)
        assert following == dt.date(*reform.first_gregorian), name


def test_russian_convention_reads_1917_dates_old_style():
    [found] = find_dates("26 October 1917", default_calendar=convention("russia"))
    assert found.attrs["when"] == "1917-11-08"


# --- collection settings ------------------------------------------------------------------


def test_init_makes_a_collection_with_commented_settings(tmp_path):
    made = init_collection(tmp_path / "letters", title='Letters "of" a merchant')
    root = tmp_path / "letters"
    assert (root / "source").is_dir() and (root / "tei").is_dir()
    settings = read_settings(root)
    assert settings.profile == "generic"
    assert json.loads(settings.collection_info)["title"] == 'Letters "of" a merchant'
    assert root / "tei-tools.toml" in made.created
    with pytest.raises(UsageError, match="exists already"):
        init_collection(root)


def test_init_cli_prints_the_next_step(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tei_tools", "init", str(tmp_path / "c"), "--calendar", "russia"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "tei-tools build" in result.stdout
    assert 'convention = "russia"' in (tmp_path / "c" / "tei-tools.toml").read_text()


def test_unknown_setting_is_one_line_with_file_and_line(tmp_path):
    (tmp_path / "tei-tools.toml").write_text('title = "A"\n\ncolour = "red"\n')
    with pytest.raises(ProfileError) as raised:
        read_settings(tmp_path)
    assert str(raised.value).startswith(f"{tmp_path / 'tei-tools.toml'}:3:")
    assert "colour" in str(raised.value) and "\n" not in str(raised.value)


def test_bad_calendar_convention_names_the_known_ones(tmp_path):
    (tmp_path / "tei-tools.toml").write_text('[calendar]\nconvention = "mars"\n')
    with pytest.raises(ProfileError, match="great-britain") as raised:
        read_settings(tmp_path)
    assert raised.value.line == 2


def test_wrongly_typed_setting_is_refused(tmp_path):
    (tmp_path / "tei-tools.toml").write_text("title = 3\n")
    with pytest.raises(ProfileError, match="must be a string"):
        read_settings(tmp_path)


def collection_with(tmp_path: Path, settings: str) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "tei-tools.toml").write_text(settings, encoding="utf-8")
    source = tmp_path / "source" / "letter.txt"
    source.write_text(LETTER, encoding="utf-8")
    return source


def test_header_comes_from_the_collection_settings(tmp_path):
    source = collection_with(
        tmp_path,
        'title = "Hartwell Letters"\npublisher = "A Society"\nlicence = "CC BY 4.0"\n'
        '[[editors]]\nname = "A. Editor"\nrole = "transcription"\n'
        '[source]\ntitle = "Letter-book of Josiah Hartwell"\n'
        '[calendar]\nconvention = "great-britain"\n',
    )
    tree = convert_file(source).tree
    header = etree.tostring(tree.find(f"{{{TEI_NS}}}teiHeader"), encoding=str)
    assert "Hartwell Letters" in header and "A Society" in header and "CC BY 4.0" in header
    assert "A. Editor" in header and "Letter-book of Josiah Hartwell" in header
    assert "Calendar (New Style) Act" in header
    assert "Degras" not in etree.tostring(tree, encoding=str)


def test_a_document_outside_any_collection_claims_no_collection():
    tree = convert(LETTER).tree
    assert tree.find(f".//{{{TEI_NS}}}seriesStmt") is None
    assert "Degras" not in etree.tostring(tree, encoding=str)


def test_given_profile_replaces_the_layout_not_the_collection(tmp_path):
    source = collection_with(tmp_path, 'title = "Hartwell Letters"\nprofile = "generic"\n')
    tree = convert_file(source, profile="degras").tree
    assert tree.xpath("string(//t:seriesStmt/t:title)", namespaces=NS) == "Hartwell Letters"


def test_bundled_corpus_keeps_its_collection_through_its_settings():
    corpus = Path(__file__).parents[1] / "corpus" / "source"
    source = sorted(corpus.glob("*.txt"))[0]
    tree = convert_file(source).tree
    assert "Documents on Soviet Foreign Policy" in tree.xpath(
        "string(//t:seriesStmt/t:title)", namespaces=NS
    )


# --- the development sets: valid, and nothing lost ------------------------------------------


def development_texts() -> list[Path]:
    return sorted(COLLECTIONS.glob("*/*.txt"))


@pytest.mark.parametrize("source", development_texts(), ids=lambda p: p.stem)
def test_other_collections_convert_to_valid_tei_keeping_every_word(source, tei_all, project_schema):
    import re

    text = source.read_text(encoding="utf-8")
    tree = convert(text, source_name=source.name).tree
    assert tei_all.validate(tree), tei_all.error_log.last_error
    assert project_schema.validate(tree), project_schema.error_log.last_error
    assert re.findall(r"\w+", export_text(tree)) == re.findall(r"\w+", text)


# --- places over time ---------------------------------------------------------------------


def test_a_renamed_place_is_shown_by_the_name_of_its_time():
    from tei_tools.corpus.entities import entity_info
    from tei_tools.markup.registers import load_registry

    registry = load_registry()
    oslo = registry.lookup("pla:christiania")
    assert (entity_info(oslo, on="1905-06-07").name, entity_info(oslo, on="1905-06-07").modern) == (
        "Christiania",
        "Oslo",
    )
    assert entity_info(oslo, on="1930-01-01").name == "Oslo"
    konigsberg = registry.lookup("pla:koenigsberg")
    assert entity_info(konigsberg, on="1920-01-01").name == "Königsberg"
    assert entity_info(konigsberg, on="1950-01-01").name == "Kaliningrad"


def test_a_renamed_place_links_whichever_name_the_document_uses():
    for text, year in (("Christiania", 1905), ("Oslo", 1930), ("Königsberg", 1900)):
        tree = convert(f"A letter\n\n1 May {year}\n\nWe arrived at {text} today.\n").tree
        [place] = tree.xpath("//t:body//t:placeName[@ref]", namespaces=NS)
        assert place.text == text
        assert place.get("ref") in ("pla:christiania", "pla:koenigsberg")


def test_a_document_without_a_date_is_ordered_by_its_file_name(tmp_path):
    from tei_tools.corpus.build import build

    root = tmp_path / "letters"
    init_collection(root, title="Letters")
    (root / "source" / "1764-03-10_note.txt").write_text(
        "A note\n\nno date is written in this one.\n", encoding="utf-8"
    )
    build(root, tmp_path / "site", jobs=1, search="none")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Undated" not in home and "1764" in home


def test_notes_after_a_notes_heading_go_to_the_back_one_per_number():
    text = (
        "A despatch\n\nWashington, May 7, 1898.\n\nThe squadron arrived.\n\n"
        "John Long\n\nNotes:\n1. Not printed.\n2. See the telegram of\nMay 1.\n"
    )
    tree = convert(text).tree
    assert texts(tree, "//t:back/t:div[@type='notes']/t:head") == ["Notes:"]
    assert tree.xpath("//t:back//t:note/@n", namespaces=NS) == ["1", "2"]
    assert texts(tree, "//t:back//t:note")[1] == "2. See the telegram of May 1."
    # Dates are marked in the notes as in the text: "May 1" of the document's year.
    assert tree.xpath("//t:back//t:date/@when", namespaces=NS) == ["1898-05-01"]


def test_a_note_called_in_the_text_goes_where_it_is_called_and_an_uncalled_one_stays_at_the_foot():
    text = (
        "A despatch\n\nWashington, May 7, 1898.\n\nThe squadron arrived.[1] It sailed on\n"
        "May 2.² Not [3] nor [9].\n\nJohn Long\n\nNotes:\n1. Not printed.\n"
        "2. See the telegram of May 1.\n3. Not found.\n"
    )
    tree = convert(text).tree
    [first, second] = tree.xpath("//t:body//t:p/t:note", namespaces=NS)
    assert (first.get("n"), first.get("place"), first.text) == ("1", "foot", "Not printed.")
    assert first.getprevious() is None and first.getparent().text == "The squadron arrived."
    assert second.get("n") == "2" and second.xpath("t:date/@when", namespaces=NS) == ["1898-05-01"]
    assert second.tail == " Not [3] nor [9]."  # after a space, or no such note: text
    assert tree.xpath("//t:back//t:note/@n", namespaces=NS) == ["3"]
    assert texts(tree, "//t:back/t:div[@type='notes']/t:head") == ["Notes:"]


def test_when_every_note_is_called_the_text_has_no_notes_at_the_foot():
    text = "A despatch\n\nThe squadron arrived.¹\n\nNotes:\n1. Not printed.\n"
    tree = convert(text).tree
    assert tree.xpath("//t:back", namespaces=NS) == []
    assert texts(tree, "//t:p/t:note") == ["Not printed."]


def test_a_surname_alone_is_the_person_the_document_named_in_full():
    tree = convert(
        "A report\n\nThe troops of Nathaniel Quarrington crossed at dawn. "
        "Later Quarrington wrote that the river rose.\n"
    ).tree
    assert marked(tree, "persName") == ["Nathaniel Quarrington", "Quarrington"]


# --- names in the prose of other periods (the tune4 set's kinds of error) -----------------


def names_of(text: str, tag: str) -> list[str]:
    return marked(convert(text, profile="generic").tree, tag)


def test_a_capitalised_noun_after_an_article_is_no_person():
    # 18th-century prose capitalises nouns; "Sean", "Channell" and "Mullet" are also in
    # the census name lists, but English gives a person no article.
    text = "Title\n\nWe cast the Sean twice, found a Channell, and took some Mullet for the Men.\n"
    assert names_of(text, "persName") == []


def test_a_bearing_in_letters_is_no_place():
    text = "Log\n\nWinds at ESE, then at NbW, and we stood in at Plymouth.\n"
    assert names_of(text, "placeName") == ["Plymouth"]


def test_geographical_words_alone_are_no_place_name():
    text = "Log\n\nWe ran along the Sea Coast and anchored under Cape Farewell.\n"
    assert names_of(text, "placeName") == ["Cape Farewell"]


def test_the_names_a_calendar_lists_as_signatories_are_persons():
    text = "Calendar\n\nWarrant for a grant of land. Signed, Ashburnham, Dorset, J. Pollard.\n"
    assert names_of(text, "persName") == ["Ashburnham", "Dorset", "J. Pollard"]


def test_a_title_with_a_particle_makes_a_person():
    persons = names_of("Minutes\n\nThe complaint of Count de Valbelle was read.\n", "persName")
    assert any(name.endswith("Valbelle") for name in persons)


def test_saint_county_and_side_names_are_whole_places():
    text = (
        "Minutes\n\nThe sloop sailed for St. Kitts and Lower Canada, and the tax was levied in "
        "Stafford County.\n"
    )
    places = names_of(text, "placeName")
    assert {"St. Kitts", "Lower Canada", "Stafford County"} <= set(places)
    assert "Canada" not in places


def test_a_body_named_by_what_it_is_of_keeps_its_place():
    text = (
        "Minutes\n\nA petition from the Trustees of Georgia and the Legislature of Upper Canada.\n"
    )
    tree = convert(text, profile="generic").tree
    assert {"Trustees of Georgia", "Legislature of Upper Canada"} <= set(marked(tree, "orgName"))
    assert {"Georgia", "Upper Canada"} <= set(texts(tree, "//t:orgName/t:placeName"))


def test_a_register_place_after_a_given_name_is_a_surname():
    tree = convert("Memoir\n\nA letter from George Washington arrived.\n", profile="generic").tree
    assert "George Washington" in marked(tree, "persName")
    assert "Washington" not in marked(tree, "placeName")


def test_no_register_person_is_linked_before_their_birth():
    # per:francis (an ambassador born in 1850) must not take the "Francis" of a letter of
    # 1583; the capitals of the signature show a given name before a surname.
    text = "Letter\n\nFrom the Court the 11. of March. 1582.\n\nSir,\n\nI am well.\n\nYour Friend,\n\nFRANCIS WALSINGHAM.\n"
    tree = convert(text, profile="generic").tree
    assert marked(tree, "persName") == ["FRANCIS WALSINGHAM"]
    assert not tree.xpath("//t:persName[@ref]", namespaces=NS)


def test_a_date_in_the_title_keeps_later_people_of_the_registers_out():
    # per:churchill (born 1874) must not take the "Churchill" of a log of 1789 that has no
    # date line: the title's date dates it.
    text = "Bligh's log of the Bounty, 28 April 1789\n\nMr. Christian and Chas. Churchill came.\n"
    tree = convert(text, profile="generic").tree
    assert not tree.xpath("//t:persName[@ref]", namespaces=NS)
    assert "Chas. Churchill" in marked(tree, "persName")


def test_a_contracted_given_name_in_capitals_opens_a_name():
    text = "Orders\n\nMove at once.\n\nJNO. A. RAWLINS,\nBrigadier-General.\n\nCHS. THOMAS,\nQuartermaster.\n"
    tree = convert(text, profile="generic").tree
    assert {"JNO. A. RAWLINS", "CHS. THOMAS"} <= set(marked(tree, "persName"))
    assert marked(tree, "placeName") == []


def test_a_name_in_capitals_with_initials_is_whole_in_the_middle_of_a_document():
    text = (
        "Telegrams\n\nMove the cavalry at once.\n\nJNO. A. RAWLINS,\n\nChief of Staff.\n\n"
        "Steamers will be ready.\n\nCHS. THOMAS,\n\nQuartermaster.\n\nWASHINGTON, May 19, 1865.\n\n"
        "Order the corps to report.\n\nU. S. GRANT,\n\nLieutenant-General.\n"
    )
    tree = convert(text, profile="generic").tree
    assert {"JNO. A. RAWLINS", "CHS. THOMAS", "U. S. GRANT"} <= set(marked(tree, "persName"))


def test_a_calling_written_with_a_capital_is_no_person_and_stays_outside_a_name():
    text = (
        "Log\n\nThe Fore Hatchway was guarded by Centinels, the Boatswain and the Mate were "
        "ordered on deck, and Mr. Peckover Gunner was secured in his Cabbin.\n"
    )
    assert names_of(text, "persName") == ["Mr. Peckover"]


def test_a_half_abbreviated_rank_or_a_brigadier_makes_a_person():
    text = (
        "Despatch\n\nBrigadier Inglis held the Residency; Lieut.-General Clery was at the river.\n"
    )
    assert names_of(text, "persName") == ["Brigadier Inglis", "Lieut.-General Clery"]


def test_given_names_and_the_peerage_after_them_are_one_person():
    text = (
        "Notice\n\nThe King has approved the appointment of Peter Robert Lord Gwydir, "
        "and of Georgina Charlotte Marchioness of Cholmondeley.\n"
    )
    assert names_of(text, "persName") == [
        "Peter Robert Lord Gwydir",
        "Georgina Charlotte Marchioness of Cholmondeley",
    ]


def test_a_ruler_s_number_and_realm_belong_to_the_name_and_a_number_unlinks_a_namesake():
    text = (
        "Letter\n\nA letter of Queen Elizabeth I. He wrote to Mary Queen of Scots, "
        "to King George III and to Henry VIII; I wrote nothing.\n"
    )
    tree = convert(text, profile="generic").tree
    assert marked(tree, "persName") == [
        "Queen Elizabeth I",
        "Mary Queen of Scots",
        "King George III",
        "Henry VIII",
    ]
    assert not tree.xpath("//t:persName[@ref]", namespaces=NS)  # not the register's George V


def test_the_sovereign_s_government_a_besieged_town_and_a_country_after_an_office():
    text = (
        "Despatch\n\nArmy Head-Quarters, South Africa.\n\nI report to Her Majesty’s Government "
        "on the relief of Kimberley.\n"
    )
    assert names_of(text, "orgName") == ["Her Majesty’s Government"]
    assert names_of(text, "placeName") == ["South Africa", "Kimberley"]
    assert names_of(text, "persName") == []


def test_a_place_named_with_a_word_before_a_known_place_is_that_other_place():
    text = "Despatch\n\nThe troops went by sea from Port Elizabeth and from East London.\n"
    tree = convert(text, profile="generic").tree
    assert marked(tree, "placeName") == ["Port Elizabeth", "East London"]
    assert not tree.xpath("//t:placeName[@ref='pla:london']", namespaces=NS)


def test_a_numbered_unit_of_an_army_is_a_body_and_a_fraction_is_not():
    text = "Orders\n\nHe served in the 95th regiment and the Sixth Corps; he paid the 95th part.\n"
    assert names_of(text, "orgName") == ["95th regiment", "Sixth Corps"]


def test_a_title_with_words_before_its_date_is_a_title_and_the_place_line_a_dateline():
    text = "George Washington, letter of 23 September 1788\n\nMount Vernon, September 23, 1788\n\nMy Dear Sir:\n\nI received it.\n"
    doc = read_document(text, load_profile("generic"))
    assert [b.kind for b in doc.blocks[:3]] == ["head", "dateline", "salute"]


def test_a_town_named_like_a_given_name_or_a_surname_is_a_place_after_from_or_at():
    text = "Letter\n\nI writ to her from Chester, and he lodged at Washington.\n"
    assert names_of(text, "placeName") == ["Chester", "Washington"]
    assert names_of(text, "persName") == []


def test_a_titled_person_s_surname_alone_is_that_person_not_a_town_of_the_name():
    text = "Letter\n\nThe house of Mr. Pakenham was sold; Pakenham said no.\n"
    assert names_of(text, "persName") == ["Mr. Pakenham", "Pakenham"]
    assert names_of(text, "placeName") == []


def test_a_place_shown_by_its_context_once_is_a_place_where_weaker_evidence_says_person():
    text = (
        "Despatch\n\nHe will return by Katanga to the houses of Rua, ten days northeast of "
        "Katanga, and go by Marungu; he was at Marungu in May.\n"
    )
    assert names_of(text, "persName") == []
    assert names_of(text, "placeName") == ["Katanga", "Katanga", "Marungu", "Marungu"]


def test_historical_regions_and_oceans_are_places():
    text = "Journal\n\nThe ships sailed from New South Wales for Java, and he sought the Frozen Ocean.\n"
    assert names_of(text, "placeName") == ["New South Wales", "Java", "Frozen Ocean"]


def test_the_writer_of_a_journal_is_a_person():
    text = "Zebulon Pike's journal, 9 August 1806\n\nWe embarked early.\n"
    assert names_of(text, "persName") == ["Zebulon Pike"]


def test_the_stages_of_a_route_are_places():
    text = "Despatch\n\nHe will leave Unyanyembe for Ufipa, thence to Liemba, as far as Urori.\n"
    assert names_of(text, "placeName") == ["Unyanyembe", "Liemba", "Urori"]


def test_a_list_that_names_a_member_with_an_article_is_no_list_of_persons():
    text = "Tour\n\nWe went round by the sea to Lynn, Wisbech, and the Wash.\n"
    assert "Wisbech" not in names_of(text, "persName")
    assert "Wash" not in names_of(text, "persName")


def test_a_city_s_former_english_name_is_that_city():
    # "Calcutta" is also a South African village of 36,000: the former name of Kolkata wins.
    from tei_tools.markup.vocabulary import gazetteer_place

    assert gazetteer_place("Calcutta").population > 1_000_000
    text = "Despatch\n\nThe news reached Calcutta and Tien-tsin; the Oude Field Force marched.\n"
    assert names_of(text, "placeName") == ["Calcutta", "Tien-tsin", "Oude"]
    assert names_of(text, "orgName") == ["Oude Field Force"]


def test_a_heading_in_capitals_after_the_title_is_no_signature_and_a_boat_no_person():
    text = (
        "Flinders on the colony\n\nPRELIMINARY INFORMATION.\n\nThe Pinnace was hoisted out "
        "and the Catechist went ashore.\n"
    )
    assert names_of(text, "persName") == []


def test_a_rare_name_before_a_surname_that_is_also_a_word_is_a_person():
    text = (
        "Travels\n\nIt was there that Mungo Park met Dolley Madison; the Warrant Book lay open.\n"
    )
    assert names_of(text, "persName") == ["Mungo Park", "Dolley Madison"]


def test_a_titled_person_s_surname_after_to_or_of_is_the_person_not_a_town():
    # Livingstone is also a town of 136,000 in Zambia.
    text = (
        "Despatch\n\nDoctor Livingstone is well. Letters addressed to Livingstone were opened, "
        "to the neglect of Livingstone's supplies; the caravan waited at Zanzibar.\n"
    )
    assert names_of(text, "persName") == ["Doctor Livingstone", "Livingstone", "Livingstone"]
    assert names_of(text, "placeName") == ["Zanzibar"]


def test_continents_and_old_kingdoms_are_places_over_small_towns_of_the_name():
    # "Asia" is also a town of 23,000 in the Philippines.
    from tei_tools.markup.vocabulary import gazetteer_place

    assert gazetteer_place("Asia").kind == "region"
    text = "Journal\n\nOn his arrival in Africa he heard of the wars of Dahomey and of Asia.\n"
    assert names_of(text, "placeName") == ["Africa", "Dahomey", "Asia"]


def test_a_feature_named_in_lower_case_keeps_its_name_and_its_side():
    text = "Journal\n\nWe came up the Upper Gravel river to the Slave river and the Dvina front.\n"
    assert names_of(text, "placeName") == ["Upper Gravel river", "Slave river", "Dvina"]


def test_a_senate_named_without_its_article_is_a_body():
    text = "Telegram\n\nHe will mediate for peace, on basis of his appeal to Senate.\n"
    assert names_of(text, "orgName") == ["Senate"]


def test_the_person_one_sees_or_asks_in_the_present_tense_is_a_person():
    text = "Journal\n\nShe will write again after she sees Peel this morning, and asks Tredgold.\n"
    assert names_of(text, "persName") == ["Peel", "Tredgold"]


def test_a_rare_given_name_does_not_make_a_town_a_person():
    text = "Letter\n\nVenice, March 25th, 1817.\n\nYour letter came to me at Venice. Venice is quiet.\n"
    assert names_of(text, "persName") == []
    assert names_of(text, "placeName") == ["Venice", "Venice", "Venice"]


def test_a_journey_from_one_place_to_another_names_two_places():
    text = "Journal\n\nThe army marched from Tawcester to Burrowbridge and lay three miles short of Wellfleete.\n"
    assert names_of(text, "placeName") == ["Tawcester", "Burrowbridge", "Wellfleete"]


def test_the_dead_and_their_kin_are_persons():
    text = "Letter\n\nAll was quiet after the execution of Delaunoy and Vernier, and the widow of Prescote.\n"
    assert names_of(text, "persName") == ["Delaunoy", "Vernier", "Prescote"]


def test_a_title_in_lower_case_makes_a_person():
    text = "Letter\n\nI spoke with sir Humfrey Langley about the voyage.\n"
    assert names_of(text, "persName") == ["Humfrey Langley"]


def test_a_given_name_opening_a_sentence_takes_its_neighbours_type():
    text = "Letter\n\nWe came from Bath. Edward and Frank are both gone out.\n"
    assert names_of(text, "persName") == ["Edward", "Frank"]


def test_a_place_named_after_a_bridge_or_a_wharf_is_whole():
    text = "Letter\n\nI came all the way from Kingston Bridge in the chaise.\n"
    assert names_of(text, "placeName") == ["Kingston Bridge"]


def test_a_place_named_after_a_point_a_creek_or_falls_is_whole():
    text = "Letter\n\nThe boats lay at City Point, and the wagons crossed at Rock Creek above Great Falls.\n"
    assert names_of(text, "placeName") == ["City Point", "Rock Creek", "Great Falls"]


def test_a_body_at_a_place_is_found_in_running_text_and_in_capitals():
    text = "Cromwell to the Committee at Lancaster\n\nFOR THE HONOURABLE THE COMMITTEE AT LANCASTER: THESE\n\nGentlemen,\n\nWe marched.\n"
    assert names_of(text, "orgName") == ["Committee at Lancaster", "COMMITTEE AT LANCASTER"]


def test_an_ordinal_day_with_its_own_comma_is_one_date():
    tree = convert(
        "Journal\n\nTuesday, 14th, March 1775\n\nFair weather.\n", profile="generic"
    ).tree
    assert tree.xpath("//t:body//t:date/@when", namespaces=NS) == ["1775-03-14"]


def test_a_ruler_named_by_a_given_name_is_not_linked_by_surname():
    # "George" ends a register person's name (Lloyd George); after "Prince" it is a given name.
    tree = convert(
        "Memoir\n\nPrince George and Queen Anne came to Windsor.\n", profile="generic"
    ).tree
    assert "Prince George" in marked(tree, "persName")
    assert not tree.xpath("//t:persName[@ref]", namespaces=NS)


def test_a_capitalised_noun_after_the_early_modern_the_or_a_possessive_is_no_person():
    text = (
        "Title\n\nThe Clerk to have three pounds, and y^e Sexton ten, for every grave; "
        "my Oxen were in his Cornfield.\n"
    )
    assert names_of(text, "persName") == []


def test_a_body_of_a_fort_named_for_a_saint_keeps_the_whole_name():
    text = "Letter\n\nWe write to our President and Council of Fort St. George by this ship.\n"
    assert names_of(text, "orgName") == ["Council of Fort St. George"]
    assert names_of(text, "placeName") == ["Fort St. George"]


def test_a_title_case_heading_opening_with_a_common_word_signs_nothing():
    text = "Ancient vestry orders\n\nSome Ancient Vestry Orders\n\nThe vestry met and ordered.\n"
    assert names_of(text, "persName") == []


def test_the_heading_of_a_printed_letter_extract_is_its_place_and_date_not_a_source():
    text = (
        "The London Chronicle: extract of a letter from Dublin, 3 January 1800\n\n"
        "Extract of a Letter from Dublin, Jan. 3\n\nReligious persecution still continues.\n"
    )
    tree = convert(text, profile="generic").tree
    assert not tree.xpath("//t:text//t:bibl", namespaces=NS)
    (dateline,) = tree.xpath("//t:opener/t:dateline", namespaces=NS)
    assert dateline.xpath("t:placeName/text()", namespaces=NS) == ["Dublin"]
    assert dateline.xpath("t:date/@when", namespaces=NS) == ["1800-01-03"]
