"""Dates in running text: forms, dual dating, calendars, years not written."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_tools.calendars import is_real_date, julian_to_gregorian
from tei_tools.markup.dates import find_dates, parse_date

JANUARY_1918 = dt.date(1918, 1, 3)
ISO_VALUE = re.compile(
    r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|--\d\d(?:-\d\d)?)$"  # xsd date, gYearMonth, gYear, gMonth(Day)
)


def dates(text: str, **options) -> list[tuple[str, dict[str, str]]]:
    return [(m.text, m.attrs) for m in find_dates(text, **options)]


def julian(when: str, written: str, **extra: str) -> dict[str, str]:
    return {
        "calendar": "#julian",
        "when": when,
        "when-custom": written,
        "datingMethod": "#julian",
        **extra,
    }


# --- calendar arithmetic -----------------------------------------------------------------


def date_vectors() -> list[dict[str, str]]:
    data = json.loads(shared_path("dates", "date_vectors.json").read_text(encoding="utf-8"))
    return data["historical"] + data["boundary"]


def test_julian_to_gregorian_matches_every_checked_pair():
    vectors = date_vectors()
    assert len(vectors) >= 40
    for vector in vectors:
        written = tuple(int(part) for part in vector["julian"].split("-"))
        assert julian_to_gregorian(written).isoformat() == vector["gregorian"], vector


def test_checked_pairs_written_old_style_get_the_gregorian_when():
    names = "January February March April May June July August September October November December"
    months = names.split()
    for vector in date_vectors():
        year, month, day = (int(part) for part in vector["julian"].split("-"))
        text = f"on {day} {months[month - 1]} {year} O.S."
        [match] = find_dates(text)
        assert match.attrs == julian(vector["gregorian"], vector["julian"]), text


def test_julian_leap_day_in_1900_exists_only_in_the_julian_calendar():
    assert is_real_date((1900, 2, 29), "julian")
    assert not is_real_date((1900, 2, 29), "gregorian")
    assert julian_to_gregorian((1900, 2, 29)) == dt.date(1900, 3, 13)


# --- single dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "when"),
    [
        ("dated 30 November 1917.", "30 November 1917", "1917-11-30"),
        ("dated November 30, 1917.", "November 30, 1917", "1917-11-30"),
        ("dated 30th of November, 1917.", "30th of November, 1917", "1917-11-30"),
        ("dated 30.XI.1917.", "30.XI.1917", "1917-11-30"),
        ("dated 30.11.1917.", "30.11.1917", "1917-11-30"),
        ("dated 5 Sept. 1918.", "5 Sept. 1918", "1918-09-05"),
        ("THE NOTE OF 30 NOVEMBER 1917", "30 NOVEMBER 1917", "1917-11-30"),
    ],
)
def test_full_date_forms_get_an_iso_when(text, written, when):
    assert dates(text) == [(written, {"when": when})]


def test_month_and_year_give_a_year_month():
    assert dates("in November 1917 the") == [("November 1917", {"when": "1917-11"})]


def test_year_alone_is_a_date_only_after_a_cue():
    assert dates("the Treaty of 1918 was signed") == [("1918", {"when": "1918"})]
    assert dates("since 1905, the party") == [("1905", {"when": "1905"})]
    assert dates("1918 was a hard year") == []
    assert dates("a force of 1500 men") == []
    assert dates("Trotsky, iii, 2, p. 183") == []


def test_a_number_called_a_year_is_a_date_whatever_word_follows():
    assert dates("The year 1788 will ever be memorable") == [("1788", {"when": "1788"})]
    assert dates("in the year 1631 were") == [("1631", {"when": "1631"})]
    assert dates("a force of 1788 men") == []


def test_month_alone_is_a_date_only_after_a_cue():
    assert dates("in May the talks", document_date=JANUARY_1918) == [("May", {"when": "1918-05"})]
    assert dates("May I ask", document_date=JANUARY_1918) == []


def test_day_month_without_year_takes_the_year_of_the_document():
    found = dates("The murder took place on 4 April, and", document_date=dt.date(1918, 4, 5))
    assert found == [("4 April", {"when": "1918-04-04"})]


def test_december_date_in_a_january_document_belongs_to_the_year_before():
    assert dates("on 28 December", document_date=JANUARY_1918) == [
        ("28 December", {"when": "1917-12-28"})
    ]


def test_january_date_in_a_december_document_belongs_to_the_next_year():
    found = dates("by 5 January", document_date=dt.date(1917, 12, 20))
    assert found == [("5 January", {"when": "1918-01-05"})]


def test_day_month_without_any_year_is_an_xsd_month_day():
    assert dates("on 4 April") == [("4 April", {"when": "--04-04"})]


def test_bare_ordinal_day_is_not_marked():
    assert dates("and on the 5th the Admiral", document_date=dt.date(1918, 4, 5)) == []


def test_impossible_day_is_kept_with_low_certainty_and_a_problem():
    [match] = find_dates("on 31 November 1917")
    assert (match.text, match.attrs) == ("31 November 1917", {"cert": "low"})
    assert "not a day" in match.problem


def test_single_date_is_read_in_the_default_calendar():
    found = dates("on 26 October 1917", default_calendar="julian")
    assert found == [("26 October 1917", julian("1917-11-08", "1917-10-26"))]


def test_new_style_marker_overrides_a_julian_default():
    found = dates("on 8 November 1917 (N.S.)", default_calendar="julian")
    assert found == [("8 November 1917", {"when": "1917-11-08"})]


def test_julian_month_gets_gregorian_bounds():
    [(_text, attrs)] = dates("in October 1917", default_calendar="julian")
    assert attrs == {
        "calendar": "#julian",
        "notBefore": "1917-10-14",
        "notAfter": "1917-11-13",
        "when-custom": "1917-10",
        "datingMethod": "#julian",
    }


def test_unknown_calendar_is_refused():
    with pytest.raises(ValueError, match="unknown calendar"):
        find_dates("30 November 1917", default_calendar="mayan")


# --- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "attrs"),
    [
        ("from 10 to 14 December", "from 10 to 14 December", ("1917-12-10", "1917-12-14")),
        ("held 10-14 December 1917.", "10-14 December 1917", ("1917-12-10", "1917-12-14")),
        ("held December 10-14, 1917.", "December 10-14, 1917", ("1917-12-10", "1917-12-14")),
        (
            "from 30 December to 2 January 1918",
            "from 30 December to 2 January 1918",
            ("1917-12-30", "1918-01-02"),
        ),
        (
            "between November 1917 and March 1918",
            "between November 1917 and March 1918",
            ("1917-11", "1918-03"),
        ),
        ("from 1914 to 1918", "from 1914 to 1918", ("1914", "1918")),
        ("in 1917-18 the", "1917-18", ("1917", "1918")),
    ],
)
def test_ranges_get_from_and_to(text, written, attrs):
    found = dates(text, document_date=dt.date(1917, 12, 20))
    assert found == [(written, {"from": attrs[0], "to": attrs[1]})]


def test_page_range_is_not_a_date_range():
    assert dates("Kluchnikov & Sabanin, ii, pp. 64-6") == []


# --- dual dates -------------------------------------------------------------------------------


def test_dual_date_in_brackets_marks_both_halves():
    text = "by the Second All-Russian Congress of Soviets on 26 October [8 November]. Thus"
    found = find_dates(text, document_date=dt.date(1917, 11, 30))
    assert [(m.text, m.attrs) for m in found] == [
        ("26 October", julian("1917-11-08", "1917-10-26")),
        ("8 November", {"when": "1917-11-08"}),
    ]
    assert [text[m.start : m.end] for m in found] == ["26 October", "8 November"]


@pytest.mark.parametrize(
    ("text", "old", "new", "when", "written"),
    [
        ("26 October (8 November) 1917", "26 October", "8 November", "1917-11-08", "1917-10-26"),
        ("13/26 October 1917", "13", "26 October 1917", "1917-10-26", "1917-10-13"),
        (
            "October 26/November 8, 1917",
            "October 26",
            "November 8, 1917",
            "1917-11-08",
            "1917-10-26",
        ),
        ("1/14 February 1918", "1", "14 February 1918", "1918-02-14", "1918-02-01"),
        ("October 13/26, 1917", "October 13", "26, 1917", "1917-10-26", "1917-10-13"),
        ("13 (26) October 1917", "13", "26", "1917-10-26", "1917-10-13"),
        (
            "31 December 1917/13 January 1918",
            "31 December 1917",
            "13 January 1918",
            "1918-01-13",
            "1917-12-31",
        ),
        ("31 December [13 January] 1918", "31 December", "13 January", "1918-01-13", "1917-12-31"),
    ],
)
def test_dual_date_forms_mark_old_and_new_style(text, old, new, when, written):
    assert dates(f"on {text}, the") == [(old, julian(when, written)), (new, {"when": when})]


def test_dual_date_without_year_uses_the_document_year():
    found = dates("October 26/November 8", document_date=dt.date(1917, 11, 30))
    assert found == [
        ("October 26", julian("1917-11-08", "1917-10-26")),
        ("November 8", {"when": "1917-11-08"}),
    ]


def test_dual_date_written_new_style_first_is_recognised_by_arithmetic():
    found = dates("on 8 November (26 October) 1917")
    assert found == [
        ("8 November", {"when": "1917-11-08"}),
        ("26 October", julian("1917-11-08", "1917-10-26")),
    ]


def test_dual_date_with_a_wrong_gap_is_kept_and_reported():
    text = "on 26 October [9 November] 1917"
    found = find_dates(text)
    assert [(m.text, m.attrs) for m in found] == [
        ("26 October", julian("1917-11-08", "1917-10-26", cert="low")),
        ("9 November", {"when": "1917-11-09", "cert": "low"}),
    ]
    assert found[0].problem == (
        "Julian 26 October 1917 is 8 November 1917 Gregorian, not 9 November 1917"
    )
    assert found[1].problem == found[0].problem


def test_dual_date_gap_follows_the_century():
    # The gap reaches 13 days only after the Julian leap day of 1900: 1/13 January 1900.
    assert dates("1/13 January 1900")[1] == ("13 January 1900", {"when": "1900-01-13"})
    assert dates("1/14 March 1900")[1] == ("14 March 1900", {"when": "1900-03-14"})
    [old, new] = find_dates("1/14 January 1900")
    assert old.attrs["cert"] == new.attrs["cert"] == "low"


# --- datelines ---------------------------------------------------------------------------


def test_dateline_parses_as_one_date():
    match = parse_date("30 November 1917")
    assert (match.start, match.end, match.attrs) == (0, 16, {"when": "1917-11-30"})


def test_dateline_with_a_place_gives_the_date_span():
    match = parse_date("Moscow, 5 March 1918")
    assert (match.text, match.start) == ("5 March 1918", 8)


def test_dual_dateline_is_one_date_with_both_readings():
    match = parse_date("26 October [8 November] 1917")
    assert match.text == "26 October [8 November] 1917"
    assert match.attrs == {
        "calendar": "#julian #gregorian",
        "when": "1917-11-08",
        "when-custom": "1917-10-26",
        "datingMethod": "#julian",
    }


def test_dateline_with_two_dates_or_other_numbers_is_not_a_date():
    assert parse_date("5 March 1918 and 6 March 1918") is None
    assert parse_date("No. 27, 5 March 1918") is None
    assert parse_date("Moscow") is None


# --- properties ----------------------------------------------------------------------------

DATE_LIKE = st.lists(
    st.sampled_from(
        [
            *list("0123456789 /-.,[]()"),
            " and ",
            "October",
            "February",
            "XI",
            "from ",
            " to ",
            "in ",
            "1917",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=60), DATE_LIKE), year=st.integers(1600, 2050))
def test_find_dates_never_crashes_and_spans_are_disjoint_and_inside(text, year):
    for calendar in ("gregorian", "julian"):
        found = find_dates(text, document_date=dt.date(year, 6, 1), default_calendar=calendar)
        parse_date(text, document_date=dt.date(year, 6, 1), default_calendar=calendar)
        previous_end = 0
        for match in found:
            assert previous_end <= match.start < match.end <= len(text)
            assert text[match.start : match.end] == match.text
            for name in ("when", "from", "to", "notBefore", "notAfter"):
                if name in match.attrs:
                    assert ISO_VALUE.match(match.attrs[name]), match
            previous_end = match.end


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1700, 3, 1), max_value=dt.date(2050, 12, 31)))
def test_any_new_style_date_written_with_its_old_style_day_is_consistent(day):
    from tei_tools.calendars import gregorian_to_julian

    months = "January February March April May June July August September October November December"
    name = months.split()
    year, month, old = gregorian_to_julian(day)
    text = f"{old} {name[month - 1]} {year} [{day.day} {name[day.month - 1]} {day.year}]"
    old_match, new_match = find_dates(text)
    assert old_match.problem is None
    assert old_match.attrs["when"] == new_match.attrs["when"] == day.isoformat()


def test_dates_far_apart_in_a_long_text_are_all_found_at_their_offsets():
    filler = "The Soviet Government has no information whatever. " * 200
    text = f"{filler}on 26 October [8 November] 1917 {filler}and from 10 to 14 December. {filler}"
    found = find_dates(text, document_date=dt.date(1917, 11, 30))
    assert [m.text for m in found] == ["26 October", "8 November", "from 10 to 14 December"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_bare_year_at_a_window_edge_is_not_cut_from_a_longer_number():
    text = "x" * 200 + " in 19170 cases, and in 1918 the"
    assert dates(text) == [("1918", {"when": "1918"})]


def test_range_with_a_comma_before_to_spans_both_full_dates():
    found = dates("from November 7, 1917, to November 7, 1919.")
    assert found == [
        ("from November 7, 1917, to November 7, 1919", {"from": "1917-11-07", "to": "1919-11-07"})
    ]


def test_two_dates_joined_by_and_without_between_are_two_dates():
    assert [text for text, _ in dates("on 5 March and 6 March 1918")] == ["5 March", "6 March 1918"]


def test_julian_range_keeps_the_written_ends_in_custom_attributes():
    [(_, attrs)] = dates("from 10 to 14 December 1917", default_calendar="julian")
    assert attrs == {
        "calendar": "#julian",
        "from": "1917-12-23",
        "to": "1917-12-27",
        "from-custom": "1917-12-10",
        "to-custom": "1917-12-14",
        "datingMethod": "#julian",
    }


def test_style_markers_inside_a_dual_date_stay_outside_both_spans():
    found = dates("on 26 October O.S. (8 November N.S.) 1917")
    assert found == [
        ("26 October", julian("1917-11-08", "1917-10-26")),
        ("8 November", {"when": "1917-11-08"}),
    ]


def test_dual_dateline_whose_halves_disagree_spans_both_readings():
    match = parse_date("26 October [9 November] 1917")
    assert match.attrs == {
        "calendar": "#julian #gregorian",
        "notBefore": "1917-11-08",
        "notAfter": "1917-11-09",
        "when-custom": "1917-10-26",
        "datingMethod": "#julian",
        "cert": "low",
    }
    assert "not 9 November" in match.problem


DATE_SAMPLES = [
    ("on 26 October [8 November] 1917, ", "gregorian"),
    ("13/26 October 1917 and 31 December [13 January] 1918", "gregorian"),
    ("in October 1917, in 1918 and from 10 to 14 December", "julian"),
    ("on 4 April and 26 October [9 November] 1917", "gregorian"),
    ("from November 1917 to March 1918, 30.XI.1917", "gregorian"),
]


@pytest.mark.parametrize(("text", "calendar"), DATE_SAMPLES)
def test_date_attributes_are_valid_tei_and_pass_the_date_checks(tei_all, text, calendar):
    from lxml import etree

    from tei_tools.validate.dates import check_dates

    tei = "http://www.tei-c.org/ns/1.0"
    document = etree.fromstring(
        f'<TEI xmlns="{tei}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
        '<profileDesc><calendarDesc><calendar xml:id="julian"><p>Julian</p></calendar>'
        '<calendar xml:id="gregorian"><p>Gregorian</p></calendar></calendarDesc></profileDesc>'
        "</teiHeader><text><body><p/></body></text></TEI>"
    )
    paragraph = document.find(f"{{{tei}}}text//{{{tei}}}p")
    found = find_dates(text, document_date=dt.date(1918, 1, 3), default_calendar=calendar)
    assert found
    for match in found:
        etree.SubElement(paragraph, f"{{{tei}}}date", match.attrs).text = match.text
    whole = parse_date("26 October [8 November] 1917")
    etree.SubElement(paragraph, f"{{{tei}}}date", whole.attrs).text = whole.text
    tree = etree.ElementTree(document)
    assert tei_all.validate(tree), tei_all.error_log
    assert list(check_dates(tree, "sample.xml")) == []


def test_years_listed_after_one_cue_are_each_a_date():
    assert dates("in 1916 and 1917, the") == [
        ("1916", {"when": "1916"}),
        ("1917", {"when": "1917"}),
    ]
    assert dates("of 1500 and 2000 men") == []


def test_days_listed_before_one_month_are_each_a_date():
    assert dates("on 5, 6 and 7 March 1918.") == [
        ("5", {"when": "1918-03-05"}),
        ("6", {"when": "1918-03-06"}),
        ("7 March 1918", {"when": "1918-03-07"}),
    ]
    assert dates("between 5 and 7 March 1918") == [
        ("between 5 and 7 March 1918", {"from": "1918-03-05", "to": "1918-03-07"})
    ]


def test_dateline_listing_two_days_is_not_one_date():
    assert parse_date("5 and 6 March 1918") is None
    assert dates("No. 27, 5 March 1918") == [("5 March 1918", {"when": "1918-03-05"})]


def test_a_double_year_is_read_in_the_calendar_of_the_collections_convention():
    # England counted from 25 March in the Julian calendar; Italy had the Gregorian
    # calendar from 1582, whatever day its cities began the year on.
    english = find_dates("dated 11 February 1731/2", default_calendar="great-britain")
    italian = find_dates("dated 11 February 1731/2", default_calendar="italy")
    assert english[0].attrs["when"] == "1732-02-22"
    assert english[0].attrs["when-custom"] == "1732-02-11"
    assert italian[0].attrs == {"when": "1732-02-11"}


def test_a_month_written_with_its_year_places_a_later_day_from_the_months_middle():
    from tei_tools.markup.dates import find_dates_in_sequence

    _, anchor = find_dates_in_sequence("In March, 1918, the office moved.", anchor=None)
    assert anchor == dt.date(1918, 3, 15)
    found, after = find_dates_in_sequence("It reopened on March 14.", anchor=anchor)
    assert [m.attrs["when"] for m in found] == ["1918-03-14"]
    # A year mentioned in passing is no anchor for what follows.
    assert find_dates_in_sequence("as it had since 1905", anchor=after)[1] == after


@pytest.mark.parametrize(
    ("text", "written", "when"),
    [
        ("April Ye 18th, 1674, The Honourable", "April Ye 18th, 1674", "1674-04-18"),
        ("November y^e 29th 1683.", "November y^e 29th 1683", "1683-11-29"),
        ("1780 October 1 (Sunday). Did not read.", "1780 October 1", "1780-10-01"),
        ("the one and twentieth of May 1765", "one and twentieth of May 1765", "1765-05-21"),
    ],
)
def test_early_modern_and_journal_forms_of_a_date_are_read(text, written, when):
    found = find_dates(text)
    assert [(d.text, d.attrs.get("when")) for d in found] == [(written, when)]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("on the Sixth of January next", "1746-01-06"),
        ("the 5th of May next", "1746-05-05"),
        ("since 13 June last", "1745-06-13"),
        ("since the Second of August last", "1744-08-02"),
    ],
)
def test_last_and_next_place_a_yearless_day_before_or_after_the_documents_date(text, when):
    found = find_dates(text, document_date=dt.date(1745, 7, 31))
    assert [d.attrs.get("when") for d in found] == [when]
    assert not found[0].text.endswith(("last", "next"))  # the word stays outside the date


def test_next_reaches_into_the_following_year_where_the_nearest_day_would_not():
    # 20 December next, written on 1 June: nearer in the past (163 days) than ahead (202)
    found = find_dates("on the 20th of December next", document_date=dt.date(1745, 6, 1))
    assert [d.attrs.get("when") for d in found] == ["1745-12-20"]
    found = find_dates("on the 20th of December last", document_date=dt.date(1745, 6, 1))
    assert [d.attrs.get("when") for d in found] == ["1744-12-20"]


def test_next_in_an_old_style_year_is_counted_from_january_as_the_documents_date_is():
    from tei_tools.calendars import convention

    found = find_dates(
        "on the Sixth of January next",
        document_date=dt.date(1683, 12, 9),
        default_calendar=convention("great-britain"),
    )
    # 6 January 1683/4 Old Style: Gregorian 16 January 1684, not a year later
    assert [d.attrs.get("when") for d in found] == ["1684-01-16"]
