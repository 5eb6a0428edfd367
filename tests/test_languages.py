"""Letters in the languages of TEI editions: dates and vocabularies chosen by the language."""

from __future__ import annotations

import datetime as dt

import pytest

from tei_tools.markup.dates import find_dates, parse_date
from tei_tools.reading.languages import is_known, known_languages, language


@pytest.mark.parametrize(
    ("code", "text", "written", "when"),
    [
        ("de", "Wien, den 3. März 1848", "3. März 1848", "1848-03-03"),
        ("de", "Koenigsberg den 5ten August 1809.", "5ten August 1809", "1809-08-05"),
        ("de", "Wien, am 17. Jänner 1847", "17. Jänner 1847", "1847-01-17"),
        ("fr", "Paris, le 14 juillet 1790", "14 juillet 1790", "1790-07-14"),
        ("fr", "à Paris Le 19 9bre 1776", "19 9bre 1776", "1776-11-19"),
        ("fr", "Paris 2. Novembr. 1675.", "2. Novembr. 1675", "1675-11-02"),
        ("la", "datum die 3 mensis Martii 1620", "3 mensis Martii 1620", "1620-03-03"),
        ("la", "Vale. IX. Aug. 1610.", "IX. Aug. 1610", "1610-08-09"),
        ("it", "Roma, li 5 Maggio 1700", "5 Maggio 1700", "1700-05-05"),
        ("es", "Madrid, 3 de marzo de 1820", "3 de marzo de 1820", "1820-03-03"),
    ],
)
def test_a_date_of_the_collections_language_is_read_day_first(code, text, written, when):
    [found] = find_dates(text, language=code)
    assert (found.text, found.attrs["when"]) == (written, when)


def test_the_same_words_are_no_date_in_english():
    assert find_dates("Wien, den 3. März 1848") == []
    assert find_dates("Paris, le 14 juillet 1790") == []


def test_a_short_year_is_completed_from_the_letters_own_date_and_only_then():
    anchor = dt.date(1847, 1, 17)
    assert [
        m.attrs["when"] for m in find_dates("17/1 47.", language="de", document_date=anchor)
    ] == ["1847-01-17"]
    assert find_dates("17/1 47.", language="de") == []
    [found] = find_dates("Wien 1. April 849.", language="de", document_date=dt.date(1849, 4, 1))
    assert (found.text, found.attrs["when"]) == ("1. April 849", "1849-04-01")


def test_a_yearless_day_takes_the_year_of_the_letter():
    [found] = find_dates("bis 15. Mai zu", language="de", document_date=dt.date(1832, 7, 1))
    assert found.attrs["when"] == "1832-05-15"


def test_a_dateline_with_a_place_and_a_year_alone_is_dated_by_the_year():
    assert parse_date("Wien, 1832").attrs == {"when": "1832"}
    assert parse_date("Wien, 1832 und 1833") is None


def test_every_language_has_its_months_weekdays_and_name_words():
    assert known_languages()[0] == "en"
    for code in ("de", "fr", "la", "it", "es"):
        words = language(code)
        assert words is not None and len(words.months.names) == 12
        assert words.weekdays and words.titles and words.body_heads
    assert is_known("de-AT") and not is_known("cy")
    assert language("cy") is None


def names_in(text: str, code: str) -> list[tuple[str, str | None]]:
    from tei_tools.markup.language_names import find_language_candidates

    return [(c.text, c.tag) for c in find_language_candidates(text, [], code) if c.marked]


def test_a_form_of_address_is_no_person():
    assert names_in("Ich bitte Eure Excellenz um Nachsicht.", "de") == []
    assert names_in("Je suis, Monsieur, votre serviteur.", "fr") == []


def test_titles_and_ranks_are_part_of_a_persons_name():
    assert ("Herrn Grafen Alexander v. Auersperg", "persName") in names_in(
        "Dem Hochgeboren Herrn Grafen Alexander v. Auersperg Thurm am Hart", "de"
    )
    assert names_in("M. le marquis de Villette m'a assuré", "fr") == [
        ("M. le marquis de Villette", "persName")
    ]
    assert ("Graf von Stadion", "persName") in names_in("Der Graf von Stadion sprach.", "de")


def test_head_nouns_make_bodies_in_each_language():
    assert ("Hofkanzlei", "orgName") in names_in("Die Sache liegt bei der Hofkanzlei.", "de")
    assert ("Reichstag", "orgName") in names_in("Der Reichstag tritt zusammen.", "de")
    assert ("Akademie der Wissenschaften", "orgName") in names_in(
        "der Akademie der Wissenschaften", "de"
    )
    assert ("Assemblée nationale", "orgName") in names_in(
        "un décret de l’Assemblée nationale", "fr"
    )
    assert ("Ministère des affaires étrangères", "orgName") in names_in(
        "au Ministère des affaires étrangères", "fr"
    )


def test_places_by_their_names_in_the_language():
    assert ("Wien", "placeName") in names_in("daß Wien unendlich langweilig ist", "de")
    assert ("Londres", "placeName") in names_in("il est parti pour Londres hier", "fr")


def test_a_language_without_words_gets_only_the_evidence_of_any_language():
    from tei_tools.markup.language_names import find_language_candidates

    found = find_language_candidates("Gruffydd", [], "cy", in_signature=True)
    assert [(c.text, c.tag) for c in found] == [("Gruffydd", "persName")]
    assert find_language_candidates("Annwyl Syr, mae Gruffydd yma.", [], "cy") == []
