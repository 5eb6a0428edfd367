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


# --- Kalends, Nones and Ides -------------------------------------------------------------
#
# Each value worked out by hand with the rule of data/calendars/roman.toml (Grotefend):
# count back to the reference day, both ends included; the Nones on the 7th of March, May,
# July and October and the 5th otherwise, the Ides eight days later.


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Pragae, Kal. Mart. 1610", "1610-03-01"),  # the Kalends are the 1st
        ("Idibus Martiis MDCX", "1610-03-15"),  # Ides of March: the 15th; the year in numerals
        ("Nonis Aprilibus 1610", "1610-04-05"),  # Nones of April: the 5th
        ("III Non. Oct. 1610", "1610-10-05"),  # 7, 6, 5 October
        ("a.d. VI Id. Nov. 1610", "1610-11-08"),  # Ides of November the 13th: 13 ... 8
        ("ante diem tertium Nonas Octobres anno 1610", "1610-10-05"),
        ("a. d. IV Non. Ian. 1611", "1611-01-02"),  # 5, 4, 3, 2 January
        ("postridie Idus Martias 1610", "1610-03-16"),
        ("iij Non. Maii 1610", "1610-05-05"),  # a printer's final j; Nones of May the 7th
    ],
)
def test_a_latin_day_counted_back_to_kalends_nones_or_ides_is_read(text, when):
    [found] = find_dates(text, language="la")
    assert found.attrs == {"when": when} and found.problem is None


def test_days_before_the_kalends_belong_to_the_month_before():
    # pridie Kal. Ian.: the day before 1 January, counted in the year the letter gives.
    [found] = find_dates("pridie Kalendas Ianuarias anno 1610", language="la")
    assert found.attrs["when"] == "1610-12-31"
    # a.d. XVII Kal. Ian.: 1 January (1), 31 December (2), ... 16 December (17).
    assert find_dates("a.d. XVII Kal. Ian. 1698", language="la")[0].attrs["when"] == "1698-12-16"
    # a.d. XVI Kal. Mart. 1601 is 14 February, the day after the Ides of February.
    assert find_dates("a.d. XVI Kal. Mart. 1601", language="la")[0].attrs["when"] == "1601-02-14"


def test_the_sixth_day_before_the_kalends_of_march_is_doubled_in_a_leap_year():
    def when(text: str) -> str | None:
        return find_dates(text, language="la")[0].attrs.get("when")

    assert when("a.d. VI Kal. Mart. 1601") == "1601-02-24"  # common year: 1 Mar, 28 ... 24
    assert when("a.d. VI Kal. Mart. 1600") == "1600-02-25"  # leap year: 1 Mar, 29 ... 25
    assert when("a.d. bis VI Kal. Mart. 1600") == "1600-02-24"  # the bissextile day
    assert when("pridie Kal. Mart. 1600") == "1600-02-29"
    # From the seventh day back both years name the same days again.
    assert when("a.d. X Kal. Mart. 1600") == "1600-02-20"  # 1 Mar, 29, 28, ..., 21, 20 (bis)
    assert when("a.d. X Kal. Mart. 1601") == "1601-02-20"  # 1 Mar, 28, ..., 20
    [doubled] = find_dates("a.d. bis VI Kal. Mart. 1601", language="la")
    assert doubled.problem and "leap year" in doubled.problem and doubled.attrs == {"cert": "low"}


def test_the_leap_year_is_the_one_of_the_collections_calendar():
    # 1700 is a leap year only in the Julian calendar: a.d. VI Kal. Mart. is Julian
    # 25 February, ten days behind the Gregorian reckoning: 7 March 1700 New Style.
    [found] = find_dates("a.d. VI Kal. Mart. 1700", language="la", default_calendar="julian")
    assert found.attrs["when"] == "1700-03-07" and found.attrs["when-custom"] == "1700-02-25"
    [found] = find_dates("a.d. VI Kal. Mart. 1700", language="la")
    assert found.attrs["when"] == "1700-02-24"


def test_a_count_past_the_reference_day_before_is_a_problem_not_a_date():
    [found] = find_dates("VIII Non. Oct. 1610", language="la")  # the Nones reach back to the 2nd
    assert found.problem and "when" not in found.attrs


def test_a_roman_date_without_a_year_takes_the_year_of_the_letter():
    [found] = find_dates("III Non. Oct.", language="la", document_date=dt.date(1610, 9, 1))
    assert found.attrs["when"] == "1610-10-05"
    assert find_dates("III Non. Oct.", language="la")[0].attrs["when"] == "--10-05"


def test_kalends_nones_and_ides_are_latin_only():
    for code in ("en", "de", "fr"):
        assert all("Non." not in m.text for m in find_dates("III Non. Oct. 1610", language=code))


def test_a_line_dated_by_the_kalends_is_the_letters_dateline():
    from dataclasses import replace

    from tei_tools.convert import convert
    from tei_tools.reading.profiles import load_profile
    from tei_tools.xml import TEI_NS

    text = "Keplerus ad amicum\n\nPragae, a.d. VI Id. Nov. 1610.\n\nSalve. Literas tuas accepi.\n"
    profile = replace(load_profile("generic"), language="la", calendar="gregorian")
    tree = convert(text, profile=profile).tree
    dateline = tree.find(f".//{{{TEI_NS}}}dateline/{{{TEI_NS}}}date")
    assert dateline is not None and dateline.get("when") == "1610-11-08"


# --- a document in another language than its collection's ----------------------------------

LATIN_LETTER = """Ioannes ad amicum

Pragae, a.d. VI Id. Nov. 1610.

Salve. Literas tuas, quas ad me dedisti, accepi, et ex eis intellexi te valere, quod mihi
gratissimum fuit. Sed de libro, quem mihi promisisti, nihil adhuc audivi; itaque te rogo ut
eum quam primum ad me mittas, cum nunc apud nos nemo sit qui eum habeat. Ego vero tibi omnia
quae hic aguntur brevi scribam, nam et de rebus publicis et de studiis nostris multa sunt
quae te scire velim. Vale, et me ama.

Tuus Ioannes
"""


def _read_in(collection: str, text: str):
    from dataclasses import replace

    from tei_tools.convert import convert
    from tei_tools.reading.profiles import load_profile

    profile = replace(load_profile("generic"), language=collection, calendar="gregorian")
    return convert(text, profile=profile)


def test_a_document_evidently_in_another_language_is_read_in_it():
    from tei_tools.xml import TEI_NS, XML_NS

    result = _read_in("de", LATIN_LETTER)
    root = result.tree.getroot()
    text = root.find(f"{{{TEI_NS}}}text")
    assert root.get(f"{{{XML_NS}}}lang") == "de"  # the collection's, for the header
    assert text.get(f"{{{XML_NS}}}lang") == "la"  # the letter's own
    # Read with the Latin words: the Roman date of its dateline is a date.
    dateline = text.find(f".//{{{TEI_NS}}}dateline/{{{TEI_NS}}}date")
    assert dateline is not None and dateline.get("when") == "1610-11-08"
    idents = [
        e.get("ident") for e in root.iterfind(f".//{{{TEI_NS}}}langUsage/{{{TEI_NS}}}language")
    ]
    assert idents == ["la", "de"]
    [finding] = [f for f in result.findings if f.kind == "document-language"]
    assert "'la'" in finding.message and "la " in finding.message


def test_a_document_in_its_collections_language_gets_no_language_of_its_own():
    from tei_tools.xml import TEI_NS, XML_NS

    result = _read_in("la", LATIN_LETTER)
    assert result.tree.getroot().find(f"{{{TEI_NS}}}text").get(f"{{{XML_NS}}}lang") is None
    assert not [f for f in result.findings if f.kind == "document-language"]


def test_the_guess_counts_each_languages_own_function_words():
    from tei_tools.reading.language_guess import guess_language

    guess = guess_language("Ich habe den Brief, und er ist sehr schön; je vous remercie.")
    # ich, habe, den, und, ist, sehr: German; je, vous: French; "er" and "schön" are no
    # function words of any list.
    assert guess.hits("de") == 6 and guess.hits("fr") == 2
    assert guess.evident() is None  # too few words to tell


def test_a_short_or_mixed_text_keeps_the_collections_language():
    from tei_tools.reading.language_guess import document_language

    assert document_language("Vale. Tuus Ioannes", "de") == ("de", None)
    half = LATIN_LETTER + " Ich habe den Brief, und er ist sehr schön, aber ich kann nicht "
    half += "mit dir über das sprechen, was wir noch nicht wissen; doch wenn du mir schreibst, "
    half += "werde ich dir auch alles sagen, was ich von ihm und von ihr gehört habe."
    assert document_language(half, "de")[0] == "de"


def test_a_collection_in_a_language_without_a_word_list_keeps_it():
    from tei_tools.reading.language_guess import document_language

    assert document_language(LATIN_LETTER, "cy") == ("cy", None)


# --- letters' parts in French and German ------------------------------------------------------


def _corresp(result) -> dict[str, str | None]:
    from tei_tools.xml import TEI_NS

    t = f"{{{TEI_NS}}}"
    sent = result.tree.find(f".//{t}correspDesc/{t}correspAction[@type='sent']")
    received = result.tree.find(f".//{t}correspDesc/{t}correspAction[@type='received']")

    def text(parent, tag):
        found = parent.find(f"{t}{tag}") if parent is not None else None
        return " ".join("".join(found.itertext()).split()) if found is not None else None

    date = sent.find(f"{t}date") if sent is not None else None
    return {
        "sender": text(sent, "persName"),
        "place": text(sent, "placeName"),
        "date": date.get("when") if date is not None else None,
        "addressee": text(received, "persName"),
    }


FRENCH_LETTER = """Une lettre

A Jean-Pierre Dumont, comte de La Roche
à Lyon

12è mars 1765 au château de Ferney

Je vous remercie, monsieur, de votre lettre ; je suis bien fâché que ma santé ne me permette
pas de vous écrire plus longuement, mais vous savez combien je vous suis attaché .

Votre très humble et très obéissant serviteur

V.
"""


def test_a_date_line_may_give_its_place_after_the_date():
    facts = _corresp(_read_in("fr", FRENCH_LETTER))
    assert (facts["place"], facts["date"]) == ("Ferney", "1765-03-12")


def test_a_signature_by_an_initial_keeps_its_point():
    assert _corresp(_read_in("fr", FRENCH_LETTER))["sender"] == "V."


def test_a_surname_keeps_its_article_after_its_particle():
    # "de La Roche": a capitalised article after the particle is the surname's own.
    assert _corresp(_read_in("fr", FRENCH_LETTER))["addressee"] == "comte de La Roche"
    assert ("comte de La Guiche", "persName") in names_in("auprès du comte de La Guiche ;", "fr")
    assert ("Claude-Philippe Fyot de La Marche", "persName") in names_in(
        "A Claude-Philippe Fyot de La Marche", "fr"
    )
    # In lower case it is a noun's article: "Mr Trudaine de la Lettre".
    assert ("Mr Trudaine", "persName") in names_in("à Mr Trudaine de la Lettre", "fr")


def test_a_signature_with_its_point_set_apart_is_a_signature():
    text = FRENCH_LETTER.replace("\nV.\n", "\nVoltaire .\n")
    assert _corresp(_read_in("fr", text))["sender"] == "Voltaire"


def test_an_editors_year_in_brackets_completes_a_date():
    [found] = find_dates("22 décembre [1760]", language="fr")
    assert (found.text, found.attrs["when"]) == ("22 décembre [1760]", "1760-12-22")
    [found] = find_dates("Vien am 29ten. Juni [1801] .", language="de")
    assert found.attrs["when"] == "1801-06-29"


def test_a_numbered_title_names_sender_and_addressee_with_particles():
    text = "12. Arnim an Ulrike von Stein in Bonn\n\nWeimar, den 3. März 1805\n\n"
    text += "Ich habe Deinen Brief erhalten und danke Dir sehr dafür, liebe Schwester.\n"
    facts = _corresp(_read_in("de", text))
    assert (facts["sender"], facts["addressee"]) == ("Arnim", "Ulrike von Stein")


GERMAN_BODY = (
    "Lieber Freund!\n\nIch habe Ihren Brief mit großer Freude erhalten und danke Ihnen herzlich "
    "dafür; es ist mir sehr lieb, daß Sie mit allem zufrieden sind.\n\n"
)
FRENCH_BODY = (
    "Monsieur,\n\nJ'ai reçu votre lettre avec beaucoup de plaisir, et je vous en remercie de tout "
    "mon cœur ; je suis bien aise que vous soyez content de ce que je vous ai envoyé.\n\n"
)


def test_a_date_line_written_with_the_signature_in_one_block_is_the_date_line():
    for end in (
        "Weimar am 2. Jan. 1799.\nG.\n",
        "Ihr ergebenster\nGoethe\nWeimar den 2. Januar 1799\n",
    ):
        facts = _corresp(_read_in("de", "An Schiller\n\n" + GERMAN_BODY + end))
        assert (facts["place"], facts["date"], facts["addressee"]) == (
            "Weimar",
            "1799-01-02",
            "Schiller",
        )
        assert facts["sender"] in ("G.", "Goethe")


def test_a_date_line_above_the_signature_is_no_part_of_it():
    text = "Une lettre\n\n" + FRENCH_BODY + "À Paris le 9 avril 1778\n\n"
    text += "Votre très humble et très obéissant serviteur\n\nDurand\n"
    facts = _corresp(_read_in("fr", text))
    assert (facts["sender"], facts["place"], facts["date"]) == ("Durand", "Paris", "1778-04-09")


def test_a_signature_run_into_the_last_paragraph_after_the_closing_formula():
    text = "Lettre à M. Franklin\n\nA Paris le 9 avril 1778\n\n" + FRENCH_BODY.rstrip()
    text += (
        " J'ai l'honneur d'être, Monsieur, votre très humble et très obéissant serviteur, Durand.\n"
    )
    facts = _corresp(_read_in("fr", text))
    # "Lettre" is what the title calls the letter, not its sender.
    assert (facts["sender"], facts["addressee"]) == ("Durand", "M. Franklin")


def test_a_month_cut_short_with_its_point_makes_a_date_line():
    text = "Une lettre\n\nParis 2. Novembr. 1675.\n\n" + FRENCH_BODY + "Durand\n"
    facts = _corresp(_read_in("fr", text))
    assert (facts["place"], facts["date"]) == ("Paris", "1675-11-02")
    facts = _corresp(
        _read_in("de", "An Schiller\n\nPotsdam, 28. Xbr. 1775.\n\n" + GERMAN_BODY + "G.\n")
    )
    assert facts["date"] == "1775-12-28"


def test_a_title_naming_both_parties_and_a_date_is_no_date_line():
    text = (
        "Schiller an Goethe, 22. August 1795\n\nJena den 22. Aug.\n\n" + GERMAN_BODY + "Schiller\n"
    )
    facts = _corresp(_read_in("de", text))
    # The title's year completes the date line's day; the place is the date line's.
    assert (facts["place"], facts["date"], facts["addressee"]) == ("Jena", "1795-08-22", "Goethe")
    facts = _corresp(
        _read_in("de", "Goethe an Schiller, Weimar, 5. Januar 1799\n\n" + GERMAN_BODY + "G.\n")
    )
    assert (facts["place"], facts["date"]) == ("Weimar", "1799-01-05")


def test_a_weekday_or_the_word_before_the_day_is_no_place():
    for line in ("Sonnabend, den 22. Aug. 1795.", "Den 22. Aug. 1795."):
        facts = _corresp(_read_in("de", f"An Schiller\n\n{line}\n\n" + GERMAN_BODY + "G.\n"))
        assert (facts["place"], facts["date"]) == (None, "1795-08-22")


LATIN_BODY = (
    "Vir Clarissime,\n\nLiteras tuas, quas ad me dedisti, accepi, et ex eis intellexi te valere, "
    "quod mihi gratissimum fuit. Sed de libro nihil adhuc audivi; itaque te rogo ut eum quam "
    "primum ad me mittas.\n\n"
)


def test_a_latin_valediction_is_no_signature_and_dabam_no_place():
    text = (
        "Ioannes ad amicum\n\n"
        + LATIN_BODY
        + "Dabam Hanoverae 27 Decembr. 1698.\n\nVale.\n\nIoannes Keplerus\n"
    )
    facts = _corresp(_read_in("la", text))
    # "Decembr." is cut from the genitive "Decembris"; "Dabam" is "I gave (this)".
    assert (facts["sender"], facts["place"], facts["date"]) == (
        "Ioannes Keplerus",
        "Hanoverae",
        "1698-12-27",
    )


def test_a_date_formula_above_the_valediction_stays_the_date_line():
    text = (
        "Ioannes ad amicum\n\n" + LATIN_BODY + "Datae Pragae IX. Aug. 1610.\n\nVale.\n\nIoannes\n"
    )
    facts = _corresp(_read_in("la", text))
    assert (facts["sender"], facts["place"], facts["date"]) == ("Ioannes", "Pragae", "1610-08-09")


def test_a_date_line_may_end_with_the_time_of_day():
    text = "An Schiller\n\nJena, 22. August 1795. Abends.\n\n" + GERMAN_BODY + "Goethe\n"
    facts = _corresp(_read_in("de", text))
    assert (facts["place"], facts["date"]) == ("Jena", "1795-08-22")


def test_a_closing_formula_over_several_lines_ends_with_the_signer():
    text = "Au prince de Prusse\n\n" + FRENCH_BODY
    text += "Je suis avec toute l'amitié possible,\nmon très-cher frère,\n"
    text += "votre fidèle frère et serviteur\nFederic.\n"
    assert _corresp(_read_in("fr", text))["sender"] == "Federic"
    text = "An den Prinzen Heinrich\n\n" + GERMAN_BODY
    text += "Ich bin mit der vollkommensten Hochachtung\nIhr treuer Bruder\nFriderich\n"
    assert _corresp(_read_in("de", text))["sender"] == "Friderich"


def test_a_closing_on_one_line_may_end_with_the_signers_name():
    text = (
        "An den Prinzen Heinrich\n\n"
        + GERMAN_BODY
        + "Ihr treuer Bruder Friderich\n\nPotsdam, den 5. März 1778.\n"
    )
    facts = _corresp(_read_in("de", text))
    assert (facts["sender"], facts["place"], facts["date"]) == (
        "Friderich",
        "Potsdam",
        "1778-03-05",
    )
    # Above a signature the same line is the closing formula only.
    text = "An Grün\n\n" + GERMAN_BODY + "In Erwartung deiner Antwort\n\nDein\nBauernfeld.\n"
    assert _corresp(_read_in("de", text))["sender"] == "Bauernfeld"


def test_a_signature_cut_short_keeps_its_point_and_a_rank_its_name():
    assert _corresp(_read_in("de", "An Goethe\n\n" + GERMAN_BODY + "Sch.\n"))["sender"] == "Sch."
    text = "A Monsieur Franklin\n\n" + FRENCH_BODY
    text += "Votre très humble et très obéissant serviteur\n\nLe Chevalier d'Espagne\n"
    assert _corresp(_read_in("fr", text))["sender"] == "Chevalier d'Espagne"


def test_an_older_french_date_with_de_between_day_and_month():
    [found] = find_dates("Potsdam, ce 19 de juillet 1749.", language="fr")
    assert (found.text, found.attrs["when"]) == ("19 de juillet 1749", "1749-07-19")


# --- the third tuning batch's layouts (issue 28), written afresh ---------------------------

LATIN_BODY = (
    "Vir clarissime,\n\nLiteras tuas accepi, quibus me certiorem fecisti de rebus tuis; gaudeo "
    "te valere et studia tua feliciter procedere.\n\n"
)


def test_a_date_line_broken_over_short_lines_is_one_date_line():
    text = (
        "Brief an den Bruder\n\n"
        + GERMAN_BODY
        + "Dein Bruder\nKarl\n\nLeipzig\nden 3ten Mai\n1790\n"
    )
    facts = _corresp(_read_in("de", text))
    assert (facts["sender"], facts["place"], facts["date"]) == ("Karl", "Leipzig", "1790-05-03")


def test_a_place_after_a_whole_date_is_the_place_of_sending():
    for line, place in (("4 juin 1788, — [de Rouen].", "Rouen"), ("4 juin 1788. Rouen.", "Rouen")):
        facts = _corresp(_read_in("fr", "Une lettre à M. Durand\n\n" + line + "\n\n" + FRENCH_BODY))
        assert (facts["place"], facts["date"]) == (place, "1788-06-04")


def test_a_cut_month_after_a_date_is_no_place():
    facts = _corresp(
        _read_in(
            "la",
            "Epistola ad amicum\n\nRomae, III Kal. April.\n\n" + LATIN_BODY + "Tuus\n\nMarcus\n",
        )
    )
    assert facts["place"] == "Romae"


def test_the_place_between_date_and_signature_goes_with_the_date():
    text = "À Madame de Lorme\n\n" + FRENCH_BODY + "Ce 5e juillet.\n\nDe Rouen.\n\nPierre.\n"
    facts = _corresp(_read_in("fr", text))
    assert (facts["sender"], facts["place"]) == ("Pierre", "Rouen")


def test_a_latin_town_is_read_in_its_cases():
    from tei_tools.reading.languages import place_case_forms

    forms = place_case_forms("Lovanium", language("la").case_endings)
    assert {"Lovanii", "Lovanio"} <= set(forms)
    places = language("la").places
    assert {"Upsaliam", "Bruxellis", "Parisios", "Hafniae"} <= places


def test_a_latin_year_may_be_written_in_roman_figures():
    found = find_dates("Datae Lovanii 14 Iunii MDCXXV.", language="la")
    assert [(m.text, m.attrs["when"]) for m in found] == [("14 Iunii MDCXXV", "1625-06-14")]


def test_a_latin_count_may_be_an_ablative_ordinal():
    found = find_dates("sexto Kal. Mart. 1630", language="la")
    assert [m.attrs["when"] for m in found] == ["1630-02-24"]


def test_a_title_in_capitals_names_sender_and_addressee():
    facts = _corresp(_read_in("fr", "DE MONSIEUR DE LORME À L'ABBÉ LE NOIR.\n\n" + FRENCH_BODY))
    assert facts["sender"] == "LORME"
    assert facts["addressee"] in ("L'ABBÉ LE NOIR", "ABBÉ LE NOIR", "LE NOIR")


def test_an_unmarked_postscript_after_the_signature_leaves_the_signature_in_the_closer():
    text = "Une lettre\n\nLyon, le 2 mai 1780.\n\n" + FRENCH_BODY
    text += "Adieu, mon ami; je pars demain.\n\nPierre Durand.\n\n"
    text += "Je joins à cette lettre le mémoire que vous m'avez demandé la semaine passée.\n"
    result = _read_in("fr", text)
    assert _corresp(result)["sender"] == "Pierre Durand"
    t = "{http://www.tei-c.org/ns/1.0}"
    assert result.tree.find(f".//{t}postscript") is not None


@pytest.mark.parametrize(
    ("text", "when", "custom"),
    [
        ("18 Ventôse an VIII", "1800-03-09", "VIII-06-18"),
        ("le 4 frimaire an II de la République française", "1793-11-24", "II-03-04"),
        ("1er vendémiaire de l'an III", "1794-09-22", "III-01-01"),
        ("10 nivôse an XIV", "1805-12-31", "XIV-04-10"),
        ("le 1er jour complémentaire an IV", "1796-09-17", "IV-13-01"),
        ("deuxième sans-culottide de l'an II", "1794-09-18", "II-13-02"),
    ],
)
def test_a_french_republican_date_gets_its_gregorian_day(text, when, custom):
    (found,) = find_dates(text, language="fr")
    assert (found.attrs["when"], found.attrs["when-custom"], found.attrs["datingMethod"]) == (
        when,
        custom,
        "#republican",
    )


@pytest.mark.parametrize(
    "text",
    ["4 frimaire an XX", "6e jour complémentaire an IV"],  # ended in XIV; IV not sextile
)
def test_a_republican_day_that_does_not_exist_is_a_problem(text):
    (found,) = find_dates(text, language="fr")
    assert found.problem and "when" not in found.attrs


def test_the_header_declares_the_republican_calendar_only_where_used(tei_all):
    from lxml import etree

    t = "{http://www.tei-c.org/ns/1.0}"
    dated = _read_in("fr", "Une lettre\n\nParis, 18 ventôse an VIII.\n\n" + FRENCH_BODY)
    plain = _read_in("fr", "Une lettre\n\nParis, 9 mars 1800.\n\n" + FRENCH_BODY)
    ids = [
        c.get("{http://www.w3.org/XML/1998/namespace}id") for c in dated.tree.iter(f"{t}calendar")
    ]
    assert "republican" in ids
    assert "republican" not in [
        c.get("{http://www.w3.org/XML/1998/namespace}id") for c in plain.tree.iter(f"{t}calendar")
    ]
    assert tei_all.validate(etree.ElementTree(dated.tree.getroot())), tei_all.error_log


def test_untyped_names_in_a_list_take_the_lists_type():
    from tei_tools.markup.language_names import find_language_candidates

    text = "Ich lese jetzt Batteux, Webb, Sulzer und Wood mit großem Vergnügen."
    found = {c.text: c.tag for c in find_language_candidates(text, [], "de")}
    assert found.get("Webb") == found.get("Wood") == "persName"


def test_a_place_and_a_person_after_its_comma_are_no_list():
    from tei_tools.markup.language_names import find_language_candidates

    text = "Le maire de la ville de Gex, M. Fabry, est député."
    found = {c.text: c.tag for c in find_language_candidates(text, [], "fr")}
    assert found.get("Gex") != "persName"


@pytest.mark.parametrize("word", ["Gnädigster", "Verehrungswürdigste", "Liebster"])
def test_a_german_superlative_of_address_is_no_person(word):
    from tei_tools.markup.language_names import find_language_candidates

    found = find_language_candidates(f"{word} Herr!", [], "de", in_salute=True)
    assert word not in {c.text for c in found if c.tag == "persName"}


@pytest.mark.parametrize("name", ["Karsten", "Münster"])
def test_a_name_that_ends_like_a_superlative_stays_a_name(name):
    from tei_tools.markup.language_names import _address_adjective

    assert not _address_adjective(name, language("de").address_adjectives, "de")


def test_an_editions_note_above_the_date_line_leaves_the_date_line_the_letters(tei_all):
    from lxml import etree

    text = "Durand à Martin\n\nCette lettre fut écrite peu après le retour de l'auteur.\n\n"
    text += "À Lyon, ce 3 mai 1702.\n\n" + FRENCH_BODY
    result = _read_in("fr", text)
    facts = _corresp(result)
    assert (facts["place"], facts["date"]) == ("Lyon", "1702-05-03")
    t = "{http://www.tei-c.org/ns/1.0}"
    assert result.tree.find(f".//{t}opener/{t}note[@type='editorial']") is not None
    assert tei_all.validate(etree.ElementTree(result.tree.getroot())), tei_all.error_log


def test_a_day_of_this_month_takes_the_letters_month():
    found = find_dates(
        "Ihren Brief vom 24ten dies. erhielt ich", language="de", document_date=dt.date(1778, 1, 26)
    )
    assert [(m.text, m.attrs["when"]) for m in found] == [("24ten dies.", "1778-01-24")]
    assert find_dates("votre lettre du 12 courant", language="fr") == []  # no letter's date


def test_a_second_title_and_a_two_word_particle_belong_to_the_name():
    from tei_tools.markup.language_names import find_language_candidates

    text = "Er kam mit dem Herrn Kammerherrn von der Recke zurück."
    assert "Herrn Kammerherrn von der Recke" in {
        c.text for c in find_language_candidates(text, [], "de")
    }


def test_a_common_word_before_a_dateline_place_is_left_out():
    from tei_tools.markup.language_names import find_language_candidates

    found = find_language_candidates("Schönes Wien, den 3. Mai 1820.", [], "de", in_dateline=True)
    assert [c.text for c in found if c.tag == "placeName"] == ["Wien"]


def test_a_closing_date_line_run_into_the_form_of_address_is_split_from_it():
    text = "Brief an den Herzog\n\n" + GERMAN_BODY
    text += "Gotha d. 3 Mai 1805 Ihrer Durchlaucht\n\nunterthänigster\n\nJ. G. Müller\n"
    facts = _corresp(_read_in("de", text))
    assert (facts["sender"], facts["place"], facts["date"]) == (
        "J. G. Müller",
        "Gotha",
        "1805-05-03",
    )


def test_a_form_of_address_among_the_signature_lines_is_no_signer():
    text = "Brief\n\n" + GERMAN_BODY + "Ich bin mit Hochachtung\n\nEw. Hochwohlgeb.\n\n"
    text += "ergebenster Diener\nKarl Friedrich Weber\n"
    assert _corresp(_read_in("de", text))["sender"] == "Karl Friedrich Weber"


def test_a_title_to_a_person_with_a_date_is_no_date_line():
    text = "À Louise de Mercy 3 mai 1702\n\n" + FRENCH_BODY + "Pierre.\n"
    facts = _corresp(_read_in("fr", text))
    assert facts["addressee"] == "Louise de Mercy"
    assert facts["place"] is None


def test_a_street_address_with_the_closing_date_line_is_the_date_lines():
    text = "Brief an Frau Weber\n\n" + GERMAN_BODY + "Ihr ganz ergebenster\n\nKarl Braun\n\n"
    text += "Dresden Schloßstraße No 12.\n\nDen 4 Novbr: 1812\n"
    facts = _corresp(_read_in("de", text))
    assert (facts["sender"], facts["place"], facts["date"]) == (
        "Karl Braun",
        "Dresden",
        "1812-11-04",
    )


def test_a_compound_naming_a_body_is_no_addressee():
    facts = _corresp(_read_in("de", "Braun an die Landesregierung\n\n" + GERMAN_BODY))
    assert facts["addressee"] is None


def test_an_initial_opens_a_titles_addressee():
    facts = _corresp(_read_in("de", "276. Kerner an L. Uhland\n\n" + GERMAN_BODY))
    assert facts["addressee"] == "L. Uhland"


def test_a_season_and_its_year_date_the_letter_by_the_year():
    found = find_dates("Wandsbeck im Spätjahr 1771.", language="de")
    assert [(m.text, m.attrs["when"]) for m in found] == [("Spätjahr 1771", "1771")]


def test_an_editors_date_line_in_brackets_is_the_letters_date_line():
    text = "Claudius an Herder\n\n(Wandsbeck im Spätjahr 1771.)\n\n" + GERMAN_BODY
    facts = _corresp(_read_in("de", text))
    assert (facts["place"], facts["date"]) == ("Wandsbeck", "1771")


def test_a_name_after_an_inflected_word_of_affection_is_a_person():
    from tei_tools.markup.language_names import find_language_candidates

    found = find_language_candidates("Grüßen Sie den lieben Victor von mir.", [], "de")
    assert ("Victor", "persName") in {(c.text, c.tag) for c in found}


def test_a_surnames_article_opening_a_name_is_the_names():
    facts = _corresp(
        _read_in("fr", "Lettre de La Fontaine à sa femme\n\n" + FRENCH_BODY + "La Fontaine.\n")
    )
    assert facts["sender"] == "La Fontaine"


@pytest.mark.parametrize(
    ("code", "title", "sender", "addressee"),
    [
        ("it", "Giuseppe Verdi a Tito Ricordi", "Giuseppe Verdi", "Tito Ricordi"),
        ("it", "Lettera di Pietro Giordani al Leopardi", "Pietro Giordani", "Leopardi"),
        ("es", "Simón Bolívar a Maxwell Hyslop", "Simón Bolívar", "Maxwell Hyslop"),
        # the editor's title in another language than the letter's
        ("fr", "Friedrich an Voltaire", "Friedrich", "Voltaire"),
    ],
)
def test_a_title_naming_writer_and_addressee_gives_both_in_any_known_language(
    code, title, sender, addressee
):
    body = {
        "it": "Roma, 3 marzo 1850.\n\nCaro amico,\n\nVi scrivo per dirvi che sto bene.\n",
        "es": "Madrid, 12 de marzo de 1799.\n\nQuerido amigo:\n\nLe escribo para decirle que estoy bien.\n",
        "fr": "Potsdam, 3 mars 1750.\n\nMonsieur,\n\nJe vous écris pour vous dire que je vais bien.\n",
    }[code]
    facts = _corresp(_read_in(code, f"{title}\n\n{body}"))
    assert (facts["sender"], facts["addressee"]) == (sender, addressee)


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("es", "Escribí al padre Domingo Báñez sobre ello.", "padre Domingo Báñez"),
        ("it", "Ho veduto la marchesa Roberti ieri sera.", "marchesa Roberti"),
    ],
)
def test_a_title_in_lower_case_keeps_the_whole_name_after_it(code, text, name):
    from tei_tools.markup.language_names import find_language_candidates

    found = find_language_candidates(text, [], code)
    assert name in {c.text for c in found if c.tag == "persName"}


def test_a_spanish_closing_adjective_is_no_signer():
    text = (
        "Carta a Sancho Dávila\n\nMadrid, 10 de octubre de 1580.\n\nMuy bien ha hecho.\n\n"
        "Indigna sierva de vuestra merced.\n\nTeresa de Jesús.\n"
    )
    facts = _corresp(_read_in("es", text))
    assert facts["sender"] == "Teresa de Jesús"


def test_a_title_opening_with_the_word_for_from_names_the_writer_without_it():
    facts = _corresp(
        _read_in("es", "De Jovellanos al obispo\n\nMi muy estimado amigo:\n\nLe escribo.\n")
    )
    assert facts["sender"] == "Jovellanos"


@pytest.mark.parametrize(
    ("code", "text", "when"),
    [
        ("it", "Ho ricevuto la vostra del 29 scorso.", "1860-11-29"),
        ("es", "Recibí su carta del 3 del pasado.", "1860-11-03"),
        ("fr", "Votre lettre du 12 dernier m'a fait plaisir.", "1860-11-12"),
        ("it", "la vostra del 3 corrente", "1860-12-03"),
    ],
)
def test_a_day_of_last_month_or_this_month_is_dated_from_the_letters_date(code, text, when):
    found = find_dates(text, document_date=dt.date(1860, 12, 1), language=code)
    assert [d.attrs.get("when") for d in found] == [when]
