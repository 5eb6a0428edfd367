"""Plain-text export: reading text of any TEI, wrapped, headings set off, notes at the end."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.export.text import export_text
from tei_tools.xml import TEI_NS, parse_xml_file

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"\w+")


def tei(body: str) -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body>{body}</body></text></TEI>')


def test_heading_is_set_off_with_an_underline():
    text = export_text(tei("<div><head>A TITLE</head><p>Body.</p></div>"))
    assert text.startswith("A TITLE\n=======\n\nBody.")


def test_paragraphs_are_wrapped_at_the_width_without_splitting_words():
    long = " ".join(["word"] * 60)
    text = export_text(tei(f"<p>{long}</p>"), width=30)
    lines = text.strip().splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert WORD.findall(text) == ["word"] * 60


def test_xml_indentation_is_not_content():
    text = export_text(tei("<p>one\n        two\t three</p>"))
    assert text == "one two three\n"


def test_notes_are_numbered_in_the_text_and_listed_at_the_end():
    text = export_text(tei("<p>First<note>Alpha.</note> and second<note>Beta.</note>.</p>"))
    main, notes = text.split("Notes\n-----\n")
    assert "First[1] and second[2]." in main
    assert notes.strip().splitlines() == ["[1] Alpha.", "", "[2] Beta."]


def test_end_notes_standing_between_paragraphs_stay_in_place():
    text = export_text(tei("<div><p>Text.</p><note n='1'>Gathered note.</note></div>"))
    assert text == "Text.\n\nGathered note.\n"


def test_choice_shows_the_corrected_expanded_or_regularised_reading():
    body = (
        "<p><choice><sic>teh</sic><corr>the</corr></choice> "
        "<choice><abbr>Govt.</abbr><expan>Government</expan></choice> "
        "<choice><orig>vertue</orig><reg>virtue</reg></choice></p>"
    )
    assert export_text(tei(body)) == "the Government virtue\n"


def test_apparatus_shows_the_lemma_and_no_variant():
    body = "<p>A <app><lem>good</lem><rdg wit='#B'>bad</rdg></app> reading.</p>"
    assert export_text(tei(body)) == "A good reading.\n"


def test_dual_date_is_kept_exactly_as_written():
    body = (
        '<p>on <date calendar="#julian" when="1917-11-08" when-custom="1917-10-26"'
        ' datingMethod="#julian">26 October</date> [<date when="1917-11-08">8 November</date>].</p>'
    )
    assert export_text(tei(body)) == "on 26 October [8 November].\n"


def test_list_items_keep_their_own_labels_and_others_get_a_bullet():
    body = (
        "<list><item><label>1 .</label> First.</item><item><label>2 .</label> Second.</item></list>"
        "<list><item>Plain</item></list>"
    )
    assert export_text(tei(body)) == "1 . First.\n2 . Second.\n\n- Plain\n"


def test_closer_signed_dateline_bibl_and_trailer_are_their_own_blocks():
    body = (
        "<div><dateline>Moscow</dateline><bibl>Izvestia, 9 April 1918</bibl><p>Text.</p>"
        "<closer><signed>Chicherin</signed></closer><trailer>End</trailer></div>"
    )
    blocks = export_text(tei(body)).strip().split("\n\n")
    assert blocks == ["Moscow", "Izvestia, 9 April 1918", "Text.", "Chicherin", "End"]


def test_unknown_and_foreign_elements_still_contribute_their_text():
    body = '<p>An <madeUp>invented</madeUp> <x:y xmlns:x="urn:x">foreign</x:y> element.</p>'
    assert export_text(tei(body)) == "An invented foreign element.\n"


def test_line_break_without_word_break_joins_the_word():
    assert export_text(tei('<p>memo\n   <lb break="no"/>riam and <lb/>more</p>')) == (
        "memoriam and more\n"
    )


def test_verse_lines_stay_on_their_own_lines():
    body = "<lg><l>First line</l><l>Second line</l></lg><lg><l>Third</l></lg>"
    assert export_text(tei(body)) == "First line\nSecond line\n\nThird\n"


def test_header_is_not_repeated_in_the_text():
    tree = parse_xml_file(DATA / "seed-like.xml")
    text = export_text(tree)
    assert text.count("REPLY FROM TROTSKY") == 1
    assert "TEI encoding" not in text


def test_seed_like_document_reads_in_order_with_its_notes():
    text = export_text(parse_xml_file(DATA / "seed-like.xml"))
    assert "26 October [8 November].[1]" in text.replace("\n", " ")
    assert "1 . Can the Soviet government receive the note?[2]" in text
    assert text.rstrip().endswith("[2] A second note.")


def test_document_without_text_element_is_read_from_its_root():
    root = etree.fromstring(
        f'<surface xmlns="{TEI_NS}"><line>A line</line><line>B</line></surface>'
    )
    assert export_text(root) == "A line\nB\n"


words = st.lists(
    st.text(alphabet="abcxyzÄöéßжбЖΩω", min_size=1, max_size=8), min_size=1, max_size=8
)
INLINE = ["hi", "persName", "placeName", "date", "unknownThing", "seg"]
BLOCKS = ["p", "ab", "head", "dateline", "trailer", "closer"]


@st.composite
def bodies(draw) -> tuple[etree._Element, list[str]]:
    """A random body of blocks with nested inline elements, and its words in order."""
    root = etree.Element(f"{{{TEI_NS}}}TEI")
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    expected: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        block = etree.SubElement(body, f"{{{TEI_NS}}}{draw(st.sampled_from(BLOCKS))}")
        first = draw(words)
        block.text = "\n   " + " ".join(first) + " "
        expected += first
        for _ in range(draw(st.integers(0, 3))):
            inline = etree.SubElement(block, f"{{{TEI_NS}}}{draw(st.sampled_from(INLINE))}")
            inner, tail = draw(words), draw(words)
            inline.text = " ".join(inner)
            inline.tail = "\t " + " ".join(tail) + "\n"
            expected += inner + tail
    return root, expected


@settings(max_examples=80, deadline=None)
@given(bodies(), st.integers(20, 100))
def test_every_word_comes_out_once_in_document_order(case, width):
    root, expected = case
    assert WORD.findall(export_text(root, width=width)) == expected
