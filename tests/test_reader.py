"""The collection-layout reader: which line becomes which part of the document."""

from __future__ import annotations

import pytest

from tei_tools.errors import EncodingError, InputError, ProfileError
from tei_tools.reading.layout import read_document
from tei_tools.reading.profiles import load_profile
from tei_tools.reading.source import decode_text

NBSP = "\u00a0"

SEED_LIKE = (
    "REPLY FROM TROTSKY TO THE BRITISH EMBASSY\n\n\n\n"
    "30 November 1917\nTrotsky, iii, 2, p. 183\n\n"
    f"{NBSP} {NBSP} We consider it necessary.\n\n"
    f"{NBSP} {NBSP} A second paragraph.\n\n\n\n\n"
    "Documents on Soviet Foreign Policy\n\n[Subject] [Author] [Date]"
)


def kinds(text: str, profile: str = "degras") -> list[tuple[str, str]]:
    doc = read_document(text, load_profile(profile))
    return [(block.kind, block.text) for block in doc.blocks]


def test_seed_layout_gives_title_date_source_paragraphs_and_footer():
    assert kinds(SEED_LIKE) == [
        ("head", "REPLY FROM TROTSKY TO THE BRITISH EMBASSY"),
        ("dateline", "30 November 1917"),
        ("source", "Trotsky, iii, 2, p. 183"),
        ("p", "We consider it necessary."),
        ("p", "A second paragraph."),
        ("trailer", "Documents on Soviet Foreign Policy"),
    ]


def test_navigation_line_is_dropped_and_recorded_with_its_line():
    doc = read_document(SEED_LIKE, load_profile("degras"))
    assert doc.dropped == [(17, "[Subject] [Author] [Date]", "marxists.org navigation line")]


def test_title_in_parentheses_and_source_line_with_capital_p_and_comma():
    text = "(NOTE FROM TROTSKY) TO COLONEL ROBINS\n\n5 March 1918\nRussian-American Relations, P. 81,\n\n  In case.\n"
    assert kinds(text)[:3] == [
        ("head", "(NOTE FROM TROTSKY) TO COLONEL ROBINS"),
        ("dateline", "5 March 1918"),
        ("source", "Russian-American Relations, P. 81,"),
    ]


def test_numbered_paragraphs_become_items_keeping_their_marker():
    text = "TITLE\n\n5 March 1918\n\n    1 . Can the Soviet government rely?\n\n    2. What kind?\n"
    doc = read_document(text, load_profile())
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [(b.number, b.marker, b.text) for b in items] == [
        ("1", "1 .", "Can the Soviet government rely?"),
        ("2", "2.", "What kind?"),
    ]


def test_crlf_and_byte_order_mark_are_normalised():
    data = ("\ufeff" + SEED_LIKE.replace("\n", "\r\n")).encode("utf-8")
    assert kinds(decode_text(data)) == kinds(SEED_LIKE)


def test_several_source_lines_and_a_newspaper_with_its_date():
    text = "TITLE\n\n8 April 1918\nIzvestia, 9 April 1918\nKluchnikov & Sabanin, ii, p. 137\n\n    Text.\n"
    assert [k for k, _ in kinds(text)] == ["head", "dateline", "source", "source", "p"]


@pytest.mark.parametrize("date", ["November 1917", "10-14 December 1917", "30.XI.1917", "1918"])
def test_month_only_and_range_date_lines_are_datelines(date):
    text = f"TITLE\n\n{date}\nTrotsky, iii, p. 2\n\n    Text.\n"
    assert kinds(text)[1] == ("dateline", date)


def test_missing_footer_keeps_last_paragraph_as_paragraph():
    text = "TITLE\n\n5 April 1918\n\n    First.\n\n    Second and last paragraph of the text.\n"
    assert kinds(text)[-1] == ("p", "Second and last paragraph of the text.")


def test_addressee_and_signature_lines_are_recognised():
    text = (
        "NOTE TO THE AMERICAN AMBASSADOR\n\n5 March 1918\nTo the American Ambassador\n\n"
        "    We have the honour to inform you.\n\nPeople's Commissar for Foreign Affairs\nL. Trotsky\n"
    )
    assert kinds(text) == [
        ("head", "NOTE TO THE AMERICAN AMBASSADOR"),
        ("dateline", "5 March 1918"),
        ("salute", "To the American Ambassador"),
        ("p", "We have the honour to inform you."),
        ("signed", "People's Commissar for Foreign Affairs"),
        ("signed", "L. Trotsky"),
    ]


def test_lower_case_first_block_is_not_taken_for_a_title():
    text = "5 April 1918\n\n    A text that starts with its date.\n"
    assert kinds(text) == [("dateline", "5 April 1918"), ("p", "A text that starts with its date.")]


def test_indented_lines_without_blank_lines_are_separate_paragraphs():
    text = "TITLE\n\n    First paragraph\ncontinues here.\n    Second paragraph.\n"
    assert kinds(text)[1:] == [("p", "First paragraph continues here."), ("p", "Second paragraph.")]


def test_generic_profile_takes_first_line_as_title_and_blank_line_paragraphs():
    text = "My Diary\nSunday was fine.\n\nMonday too.\n"
    assert kinds(text, "generic") == [
        ("head", "My Diary"),
        ("p", "Sunday was fine."),
        ("p", "Monday too."),
    ]


def test_user_profile_from_toml_file(tmp_path):
    profile = tmp_path / "letters.toml"
    profile.write_text(
        'name = "letters"\ncalendar = "julian"\n[collection]\ntitle = "Letters"\nfooter = ["Letters"]\n'
        '[layout]\ntitle = "first-block"\n[[layout.drop]]\npattern = "^-- page \\\\d+ --$"\n',
        encoding="utf-8",
    )
    loaded = load_profile(str(profile))
    assert loaded.calendar == "julian"
    doc = read_document("Dear friend\n\n-- page 2 --\n\nText.\n\nLetters\n", loaded)
    assert [b.kind for b in doc.blocks] == ["head", "p", "trailer"]
    assert doc.dropped[0][1] == "-- page 2 --"


def test_broken_profile_is_a_profile_error_naming_the_file(tmp_path):
    profile = tmp_path / "bad.toml"
    profile.write_text("calendar = 'mayan'\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="calendar must be one of") as info:
        load_profile(str(profile))
    assert info.value.file == str(profile)


def test_a_profiles_collection_record_is_a_bibliography_pointer_kept_only_with_its_title():
    from tei_tools.reading.collection_info import CollectionInfo
    from tei_tools.reading.profiles import profile_from_mapping, with_collection_facts

    degras = load_profile("degras")
    assert degras.collection_record == "bib:degras-documents"
    same = with_collection_facts(degras, CollectionInfo(title=degras.collection_title))
    assert same.collection_record == "bib:degras-documents"
    # Another collection in the same layout is not Degras's printed collection.
    other = with_collection_facts(degras, CollectionInfo(title="Soviet notes"))
    assert other.collection_record == "" and other.collection_editor == ""
    with pytest.raises(ProfileError, match=r"collection.record must name .*bib:ID"):
        profile_from_mapping({"collection": {"record": "degras-documents"}})


def test_unknown_profile_name_lists_the_built_ins():
    with pytest.raises(ProfileError, match="degras, generic"):
        load_profile("no-such-profile")


def test_non_utf8_input_names_line_and_suggests_encoding():
    with pytest.raises(EncodingError, match="--encoding") as info:
        decode_text("TITLE\n\ncaf\u00e9\n".encode("latin-1"), source="a.txt")
    assert (info.value.file, info.value.line, info.value.column) == ("a.txt", 3, 4)


def test_other_encodings_are_read_when_named():
    assert "café" in decode_text("TITLE\n\ncafé\n".encode("cp1252"), encoding="cp1252")


@pytest.mark.parametrize("data", [b"", b"  \n\n \t\n"])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="empty file"):
        decode_text(data)


def test_binary_input_is_refused():
    with pytest.raises(InputError, match="binary file"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_date_and_source_written_straight_under_the_title_are_separated():
    text = "NOTE FROM CHICHERIN\nMoscow, 5 March 1918\nIzvestia, 6 March 1918\n\n    Text.\n"
    assert kinds(text)[:3] == [
        ("head", "NOTE FROM CHICHERIN"),
        ("dateline", "Moscow, 5 March 1918"),
        ("source", "Izvestia, 6 March 1918"),
    ]


def test_place_before_the_date_is_a_dateline_but_after_it_a_newspaper_source():
    text = "TITLE\n\nBrest-Litovsk, 10 February 1918\nPravda, 12 February 1918\n\n    Text.\n"
    assert [k for k, _ in kinds(text)][:3] == ["head", "dateline", "source"]
