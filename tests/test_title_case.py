"""The header's title in sentence case; the body's heading keeps the source's capitals."""

from __future__ import annotations

from lxml import etree

from tei_tools.convert import convert_text
from tei_tools.tei.title_case import mostly_capitals, proper_words, sentence_case_title

T = "{http://www.tei-c.org/ns/1.0}"


def test_title_in_capitals_gets_sentence_case_with_names_and_proper_words_kept():
    text = (
        "REPLY FROM TROTSKY TO THE STATEMENT OF THE BRITISH EMBASSY ON THE SOVIET PEACE\n\n"
        "30 November 1917\n\n"
        "    The Soviet Government received the statement. The peace is near.\n"
    )
    root = convert_text(text).getroot()
    title = root.find(f".//{T}titleStmt/{T}title").text
    assert title == (
        "Reply from Trotsky to the statement of the British Embassy on the Soviet peace"
    )
    head = root.find(f".//{T}body//{T}head")
    assert "".join(head.itertext()).startswith("REPLY FROM TROTSKY")


def test_title_in_mixed_case_is_left_as_written():
    root = convert_text("A Note on Peace\n\nSome text.\n", profile="generic").getroot()
    assert root.find(f".//{T}titleStmt/{T}title").text == "A Note on Peace"


def test_word_capitalised_only_at_sentence_start_is_not_proper():
    assert proper_words(["The peace. Peace came with the Allies."]) == {"Allies"}


def test_name_takes_the_register_form_and_bracket_does_not_hide_the_first_capital():
    head = etree.fromstring(
        f'<head xmlns="{T[1:-1]}">(NOTE TO <persName ref="per:x">MACDONALD</persName>)</head>'
    )
    title = sentence_case_title(
        head, proper_words=set(), register_form=lambda element, text: "MacDonald"
    )
    assert title == "(Note to MacDonald)"
    assert mostly_capitals("NOTE TO MACDONALD") and not mostly_capitals("Note to MacDonald")
