"""Unseen documents: names no register has are found, typed, marked for review and reported.

The texts here are written for these tests (in the manner of the collections,
not copied from their documents): every name in them is either linked, or
marked with ``cert="low"`` and listed in the review report.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tei_tools.convert import convert
from tei_tools.findings import REPORT_VERSION, dump_report, load_report
from tei_tools.markup.dates import find_dates
from tei_tools.xml import TEI_NS

NAME_TAGS = ("persName", "orgName", "placeName")

LETTER = """NOTE FROM CHICHERIN TO THE RUMANIAN GOVERNMENT

5 March 1918

Trotsky, iii, 2, pp. 183, 190

Comrade Chicherin,

    The Commander-in-Chief on the Rumanian front, Shcherbotkin, has refused. Having taken
Kovdozero and Sorokino the troops are on the road to Onezhets. The enemy holds Kurslav,
Voronets, the Tavrinsky Peninsula and the Moonrake Islands. Near Zhebrino and the Danubets
the fleet waits.

    Ivan Petrovich Zaitsevsky declared that the Ruritanian General Staff, the Borduvian
Embassy and the Consular Commission agree. Dear Mr. Counsellor, Earl Q. Johnstonbury came.
Summers said so. The Government of the Ruritanian Republic and the Ukranian Central Rada
were informed.

With communist greetings,

V. Ulyanov (Lenin)
"""


@pytest.fixture(scope="module")
def letter():
    return convert(LETTER, source_name="letter.txt")


def marked(conversion, tag: str) -> dict[str, dict[str, str]]:
    root = conversion.tree.getroot()
    return {
        " ".join("".join(e.itertext()).split()): dict(e.attrib)
        for e in root.iter(f"{{{TEI_NS}}}{tag}")
    }


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("persName", "Shcherbotkin"),  # in apposition to an office
        ("persName", "Ivan Petrovich Zaitsevsky"),  # a patronymic
        ("persName", "Earl Q. Johnstonbury"),  # initials
        ("placeName", "Kovdozero"),  # "taken Kovdozero"
        ("placeName", "Sorokino"),  # "Kovdozero and Sorokino"
        ("placeName", "Onezhets"),  # "the road to Onezhets"
        ("placeName", "Kurslav"),  # a list ending in a place
        ("placeName", "Voronets"),
        ("placeName", "Tavrinsky Peninsula"),  # a geographical head word
        ("placeName", "Moonrake Islands"),
        ("placeName", "Zhebrino"),  # "near Zhebrino"
        ("placeName", "Danubets"),  # "Zhebrino and the Danubets"
        ("orgName", "Ruritanian General Staff"),  # a body's head word
        ("orgName", "Borduvian Embassy"),
        ("orgName", "Consular Commission"),
        ("orgName", "Government of the Ruritanian Republic"),  # what it is "of"
    ],
)
def test_names_no_register_has_are_marked_with_their_type_and_low_certainty(letter, tag, name):
    found = marked(letter, tag)
    assert name in found, sorted(found)
    assert found[name].get("cert") == "low" and "ref" not in found[name]


def test_every_name_the_output_does_not_link_is_in_the_report(letter):
    reported = {(f.text, f.type) for f in letter.findings}
    unlinked = [
        (text, tag)
        for tag in NAME_TAGS
        for text, attrs in marked(letter, tag).items()
        if "ref" not in attrs
    ]
    assert unlinked
    for text, tag in unlinked:
        bare = text.removeprefix("Mr. ").removeprefix("Comrade ")
        assert (text, tag) in reported or (bare, tag) in reported, (text, tag)


def test_report_gives_type_context_position_and_a_register_entry_to_paste(letter):
    finding = next(f for f in letter.findings if f.text == "Shcherbotkin")
    assert finding.kind == "unlinked-name" and finding.type == "persName"
    assert LETTER[finding.start : finding.end] == "Shcherbotkin"
    line = LETTER.split("\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith("Shcherbotkin")
    assert "[Shcherbotkin]" in finding.context and "Rumanian front" in finding.context
    assert finding.suggestion["entry"] == (
        '<person xml:id="shcherbotkin"><persName>Shcherbotkin</persName></person>'
    )


def test_every_finding_points_at_its_text_in_the_source(letter):
    for finding in letter.findings:
        written = " ".join(LETTER[finding.start : finding.end].split())
        assert written == " ".join(finding.text.split()), finding


def test_a_surname_alone_links_to_the_register_person_and_is_reported_for_checking(letter):
    assert marked(letter, "persName")["Summers"] == {"ref": "per:summers"}
    kinds = {f.text: f.kind for f in letter.findings}
    assert kinds["Summers"] == "linked-by-surname"


def test_a_surname_the_document_names_in_full_links_without_a_report():
    text = "NOTE\n\n5 March 1918\n\n    Maddin Summers wrote. Later Summers left.\n"
    result = convert(text)
    persons = [e for e in result.tree.iter(f"{{{TEI_NS}}}persName")]
    assert [e.get("ref") for e in persons] == ["per:summers", "per:summers"]
    assert not [f for f in result.findings if f.text == "Summers"]


@pytest.mark.parametrize(
    ("tag", "name", "ref"),
    [
        ("persName", "Shcherbachev", "per:shcherbachev"),
        ("placeName", "Kem", "pla:kem"),
        ("placeName", "Moon Islands", "pla:moon-islands"),
        ("orgName", "Diplomatic Corps", "org:diplomatic-corps"),
        ("orgName", "German General Staff", "org:german-general-staff"),
    ],
)
def test_the_registers_know_the_people_bodies_and_places_of_the_period(tag, name, ref):
    text = (
        "NOTE\n\n5 March 1918\n\n    The Commander-in-Chief, Shcherbachev, wrote from Kem "
        "about the Moon Islands to the Diplomatic Corps and the German General Staff.\n"
    )
    assert marked(convert(text), tag)[name] == {"ref": ref}


def test_a_surname_of_two_register_people_is_marked_and_reported_as_ambiguous():
    result = convert("NOTE\n\n5 March 1918\n\n    I saw Ambassador Page today.\n")
    finding = next(f for f in result.findings if f.kind == "ambiguous-name")
    assert finding.text == "Page" and len(finding.suggestion["candidates"]) >= 2
    persons = marked(result, "persName")
    assert all("ref" not in attrs for attrs in persons.values())


def test_the_late_government_is_the_one_that_had_ended():
    text = "NOTE\n\n5 March 1918\n\n    The late Russian Government contracted the loans.\n"
    assert marked(convert(text), "orgName")["Russian Government"] == {
        "ref": "org:provisional-government"
    }


def test_a_misspelt_adjective_still_links_and_keeps_the_source_spelling(letter):
    assert marked(letter, "orgName")["Ukranian Central Rada"] == {"ref": "org:ukrainian-rada"}


def test_an_office_after_a_form_of_address_is_not_a_person(letter):
    assert "Mr. Counsellor" not in marked(letter, "persName")
    assert "Counsellor" not in marked(letter, "persName")


def test_common_words_at_a_sentence_start_are_not_names():
    result = convert(
        "NOTE\n\n5 March 1918\n\n    Having seen the note, May I add that all is well.\n"
    )
    assert not any(marked(result, tag) for tag in NAME_TAGS)
    assert not [f for f in result.findings if f.kind.endswith("name")]


def test_a_closing_formula_and_initials_in_a_signature_make_a_closer(letter):
    root = letter.tree.getroot()
    closer = root.find(f".//{{{TEI_NS}}}closer")
    assert closer is not None
    assert [etree_local(c) for c in closer] == ["salute", "signed"]
    assert "".join(closer[0].itertext()) == "With communist greetings,"
    assert root.find(f".//{{{TEI_NS}}}list") is None  # "V." is an initial, not item V


def test_a_salutation_is_marked_as_one(letter):
    salutes = [
        e
        for e in letter.tree.getroot().iter(f"{{{TEI_NS}}}p", f"{{{TEI_NS}}}salute")
        if "".join(e.itertext()) == "Comrade Chicherin,"
    ]
    assert salutes
    assert salutes[0].tag.endswith("salute") or salutes[0].get("rend") == "salute"


def test_the_letter_is_valid_tei_all_and_project_schema(letter, tei_all, project_schema):
    assert tei_all.validate(letter.tree), tei_all.error_log
    assert project_schema.validate(letter.tree), project_schema.error_log


def test_the_report_is_versioned_and_reads_back(letter):
    text = dump_report(letter.findings)
    data = json.loads(text)
    assert data["format"] == "tei-tools-review-report" and data["version"] == REPORT_VERSION
    findings, failed = load_report(text)
    assert findings == sorted(findings, key=lambda f: (f.document, f.line or 0, f.column or 0))
    assert {f.text for f in findings} == {f.text for f in letter.findings} and failed == {}


def test_a_report_of_another_version_is_refused():
    from tei_tools.findings import ReportFormatError

    with pytest.raises(ReportFormatError, match="version"):
        load_report(json.dumps({"format": "tei-tools-review-report", "version": 99}))


def test_a_body_is_linked_by_the_document_date(tmp_path):
    from tei_tools.markup.registers import load_registry

    register = tmp_path / "orgs.xml"
    register.write_text(
        f"""<listOrg xmlns="{TEI_NS}">
  <org xml:id="old-govt"><orgName to="1917-11-07">Ruritanian Government</orgName></org>
  <org xml:id="new-govt"><orgName from="1917-11-08">Ruritanian Government</orgName></org>
</listOrg>""",
        encoding="utf-8",
    )
    registry = load_registry([register])

    def ref_in(text: str) -> str | None:
        tree = convert(text, registry=registry).tree
        return next(tree.getroot().iter(f"{{{TEI_NS}}}orgName")).get("ref")

    assert (
        ref_in("NOTE\n\n5 March 1917\n\n    The Ruritanian Government spoke.\n") == "org:old-govt"
    )
    assert (
        ref_in("NOTE\n\n5 March 1918\n\n    The Ruritanian Government spoke.\n") == "org:new-govt"
    )
    late = "NOTE\n\n5 March 1918\n\n    The late Ruritanian Government spoke.\n"
    assert ref_in(late) == "org:old-govt"


def etree_local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


# --- dates ------------------------------------------------------------------------------


def test_a_date_without_a_year_takes_the_year_of_the_nearest_date_before_it():
    text = "A TELEGRAM\n\nPetrograd, November 24, 1917.\n[Received November 26]\n\n    Text.\n"
    for profile in ("degras", "generic", "frus"):
        dates = [
            e.get("when") for e in convert(text, profile=profile).tree.iter(f"{{{TEI_NS}}}date")
        ]
        assert "1917-11-26" in dates, (profile, dates)


def test_the_year_turns_with_the_nearest_date():
    text = "A TELEGRAM\n\nPetrograd, December 30, 1917.\n\n    [Received January 2.] Text.\n"
    dates = [e.get("when") for e in convert(text, profile="frus").tree.iter(f"{{{TEI_NS}}}date")]
    assert dates[-1] == "1918-01-02"


DOC = dt.date(1918, 3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the 12th instant we", [("12th instant", {"when": "1918-03-12"})]),
        ("the 3rd ultimo", [("3rd ultimo", {"when": "1918-02-03"})]),
        ("August the 5th 1918", [("August the 5th 1918", {"when": "1918-08-05"})]),
        (
            "on January 12th and 17th, 1919,",
            [("January 12th", {"when": "1919-01-12"}), ("17th, 1919", {"when": "1919-01-17"})],
        ),
        ("dated 1918-04-25 here", [("1918-04-25", {"when": "1918-04-25"})]),
        ("on [25?] April 1918", [("[25?] April 1918", {"when": "1918-04-25", "cert": "low"})]),
    ],
)
def test_more_date_forms_get_their_iso_value(text, expected):
    found = [(m.text, m.attrs) for m in find_dates(text, document_date=DOC)]
    assert found == expected


JULIAN = {"calendar": "#julian", "datingMethod": "#julian"}


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "December 29, 1917 [/January 11, 1918]",
            ("December 29, 1917", {"when": "1918-01-11", "when-custom": "1917-12-29"}),
            ("January 11, 1918", {"when": "1918-01-11"}),
        ),
        (
            "the 11th (24th) of December, 1917",
            ("11th", {"when": "1917-12-24", "when-custom": "1917-12-11"}),
            ("24th", {"when": "1917-12-24"}),
        ),
        (
            "Apr. 18 (5), 1918",
            ("5", {"when": "1918-04-18", "when-custom": "1918-04-05"}),
            ("Apr. 18", {"when": "1918-04-18"}),
        ),
        (
            "31 December [13 January] 1918",
            ("31 December", {"when": "1918-01-13", "when-custom": "1917-12-31"}),
            ("13 January", {"when": "1918-01-13"}),
        ),
    ],
)
def test_dual_dates_in_any_order_get_both_readings_and_both_years(text, old, new):
    found = {m.text: m.attrs for m in find_dates(text, document_date=DOC)}
    assert found[old[0]] == {**JULIAN, **old[1]}
    assert found[new[0]] == new[1]


def test_a_dual_range_gives_an_old_style_and_a_new_style_range():
    found = [
        (m.text, m.attrs) for m in find_dates("from 10-14 [23-27] December", document_date=DOC)
    ]
    assert found == [
        ("10-14", {**JULIAN, "from": "1917-12-23", "to": "1917-12-27",
                   "from-custom": "1917-12-10", "to-custom": "1917-12-14"}),
        ("23-27", {"from": "1917-12-23", "to": "1917-12-27"}),
    ]  # fmt: skip


def test_a_dual_year_is_old_style_with_the_year_beginning_in_march():
    found = [(m.text, m.attrs) for m in find_dates("born 11 February 1731/2")]
    assert found == [
        ("11 February 1731/2", {**JULIAN, "when": "1732-02-22", "when-custom": "1732-02-11"})
    ]


def test_a_dual_year_after_march_is_not_read_as_one():
    assert [m.text for m in find_dates("on 11 May 1731/2")] == ["11 May 1731"]


def test_the_generic_profile_marks_a_dual_dateline_as_one_date():
    text = "A LETTER\n\nPetrograd, December 29, 1917 [January 11, 1918].\n\nText.\n"
    body = convert(text, profile="generic").tree.find(f".//{{{TEI_NS}}}body")
    dates = list(body.iter(f"{{{TEI_NS}}}date"))
    assert len(dates) == 1
    assert dates[0].get("calendar") == "#julian #gregorian"
    assert dates[0].get("when") == "1918-01-11"


# --- citations --------------------------------------------------------------------------


def scopes(line: str) -> list[tuple[str, dict[str, str]]]:
    from tei_tools.markup.citations import parse_citation

    element = parse_citation(line).element
    return [("".join(e.itertext()), dict(e.attrib)) for e in element.iter(f"{{{TEI_NS}}}biblScope")]


def test_two_page_references_are_two_scopes():
    assert scopes("Trotsky, iii, 2, pp. 183, 190")[2:] == [
        ("pp. 183", {"unit": "page", "from": "183", "to": "183"}),
        ("190", {"unit": "page", "from": "190", "to": "190"}),
    ]


def test_pages_without_p_after_a_volume_are_pages():
    assert scopes("Lenin, xxii, 8-9")[1] == ("8-9", {"unit": "page", "from": "8", "to": "9"})


def test_an_open_page_range_is_kept_as_written_without_an_end():
    assert scopes("Trotsky, iii, 2, pp. 183 ff.")[2] == (
        "pp. 183 ff.",
        {"unit": "page", "from": "183"},
    )


def test_names_in_a_title_in_capitals_are_found_by_reading_it_in_sentence_case():
    text = "TELEGRAM FROM THE BORDUVIAN EMBASSY TO GENERAL ZHURBAN AT ZHEBRINO\n\n5 March 1918\n\n    Text.\n"
    head = convert(text).tree.find(f".//{{{TEI_NS}}}head")
    names = {" ".join("".join(e.itertext()).split()): etree_local(e) for e in head}
    assert names == {
        "BORDUVIAN EMBASSY": "orgName",
        "ZHURBAN": "persName",
        "ZHEBRINO": "placeName",
    }
