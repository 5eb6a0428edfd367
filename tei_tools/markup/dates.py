"""Dates in running text, normalised to TEI attributes (``@when`` is always Gregorian).

:func:`find_dates` reads a plain string and returns :class:`DateMatch` objects
(character offsets plus TEI attributes); it never builds elements, so the
caller decides where they go.  :func:`parse_date` reads a string that *is* a
date, such as a dateline.

Forms recognised (each is one entry in :data:`FORMS`; the longest match wins
where two forms overlap):

* full dates: ``30 November 1917``, ``November 30, 1917``, ``30th of November``,
  ``30.XI.1917``, ``30.11.1917`` (dotted numbers are always day.month.year);
* day and month without a year (``4 April``): the year is the one that puts
  the date nearest the document's date, so a 28 December in a document of
  3 January is the previous year's; without a document date the value is an
  XSD month-day (``--04-04``);
* month and year (``November 1917`` → ``1917-11``); a month alone only after a
  cue (``in May``, ``end of March``), because "May" and "March" are also words;
* a year alone only after a cue (``in 1917``, ``since 1905``, ``of 1918``) and not
  when an ordinary word follows (``of 1500 men`` is a count, not a year);
* ranges: ``from 10 to 14 December``, ``10-14 December 1917``, ``December 10-14``,
  ``30 November to 2 December 1917``, ``from November 1917 to March 1918``,
  ``from 1914 to 1918``, ``in 1917-18`` (a ``from``/``between`` cue belongs to the span);
* dual dates, Old Style then New Style: ``26 October [8 November]``,
  ``26 October (8 November) 1917``, ``13/26 October 1917``, ``October 26/November 8``,
  ``1/14 February 1918``, ``31 December 1917/13 January 1918``.

Both halves of a dual date are marked, each over its own words, so the text is
never changed: in ``13/26 October 1917`` the Julian half is ``13`` and the
Gregorian half ``26 October 1917``; in ``October 13/26, 1917`` they are
``October 13`` and ``26, 1917``; a year written after a closing bracket is left
outside both spans (``26 October [8 November] 1917``), since a span cannot
cross the bracket.  Which half is Old Style is decided by arithmetic, not by
position: a Julian date as written is always the *earlier* reading of the same
day, so the half whose Julian conversion equals the other half is the Julian
one.  When neither conversion works, the source is wrong somewhere; the first
half is taken as Old Style (the convention of the period), both halves get
``cert="low"`` and a ``problem``, and the text is left as it is.

A date written once is read in ``default_calendar`` unless it carries its own
marker (``O.S.``, ``N.S.``, ``old style``, ``new style``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from tei_tools.calendars import (
    Calendar,
    Convention,
    calendar_table,
    convention,
    is_real_date,
    month_length,
    month_names,
    republican_complementary_words,
    republican_month_words,
    republican_to_gregorian,
    to_gregorian,
)
from tei_tools.reading.languages import Language, alternation, language
from tei_tools.reading.roman_dates import (
    ROMAN_YEAR,
    read_roman,
    roman_day_pattern,
    roman_to_date,
    roman_year,
)

__all__ = ["DateMatch", "find_dates", "find_dates_in_sequence", "parse_date", "reference_day"]


@dataclass(frozen=True)
class DateMatch:
    """One date in a string: its span, its TEI attributes, and a problem if uncertain."""

    start: int
    end: int
    attrs: dict[str, str] = field(hash=False)
    text: str
    problem: str | None = None


# --- vocabulary -------------------------------------------------------------------------

# The names, abbreviations ("Sept.") and contractions ("Decr", "7ber") of the months are
# data (tei_tools/data/calendars/months.toml), shared with every module that names a month.
MONTH_NAMES = list(month_names().names)
ABBREVIATIONS = month_names().abbreviations
CONTRACTIONS = month_names().contractions
ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _month_forms() -> dict[str, int]:
    # Capitalised and upper case only: "may" and "march" in lower case are words,
    # while titles of this kind of collection are set in capitals ("30 NOVEMBER 1917").
    forms: dict[str, int] = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        forms[name] = forms[name.upper()] = number
    for abbreviation, number in ABBREVIATIONS.items():
        forms[abbreviation + "."] = forms[abbreviation.upper() + "."] = number
    for contraction, number in CONTRACTIONS.items():
        forms[contraction] = forms[contraction + "."] = number
    return forms


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation grouped by first letter, which Python's engine scans much faster."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return "(?:" + "|".join(groups) + ")"


MONTH_FORMS = _month_forms()
MONTH_WORD = _alternation(MONTH_FORMS)
MONTH = rf"(?<![A-Za-z]){MONTH_WORD}(?![A-Za-z])"
ROMAN = r"(?:" + "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True)) + r")"
DAY = r"(?<![\w.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d)?(?![\w])"
YEAR_DIGITS = r"[12]\d{3}(?![\w])"
YEAR = r"(?<![\w.])" + YEAR_DIGITS
SEP = r"(?P<sep>\s*[-–—]\s*|,?\s+(?:to|till|until|and)\s+)"
RANGE_CUE = r"(?P<cue>\b(?:[Ff]rom|[Bb]etween|FROM|BETWEEN)\s+)"
STYLE_MARK = r"(?:,?\s*[(\[]?(?P<style>O\.\s?S\.|N\.\s?S\.|[Oo]ld [Ss]tyle|[Nn]ew [Ss]tyle)[)\]]?)"
#: Words after which a bare year (``in 1917``) or month (``in May``) is a date.
YEAR_CUES = [
    "in", "since", "until", "till", "by", "during", "before", "after", "of", "year",
    "early", "late", "spring", "summer", "autumn", "winter",
]  # fmt: skip
MONTH_CUES = ["in", "since", "until", "till", "by", "during", "before", "after", "early", "late"]
#: Words that may follow a cued bare year; any other lower-case word makes it a count.
FUNCTION_WORDS = frozenset(
    """a an and are as at but by for from had has have he in is it its of on or she that the
    their there they this to was we were when which while who with""".split()  # noqa: SIM905
)
#: Bare years outside this range are not taken for dates even after a cue.
BARE_YEARS = range(1500, 2100)


def _cue(words: list[str]) -> str:
    variants = {v for w in words for v in (w, w.capitalize(), w.upper())}
    return r"(?:" + "|".join(sorted(variants, key=len, reverse=True)) + r")"


def _half(p: str) -> str:
    """One written day and month (either order), optional year; groups prefixed ``p``."""
    # An ordinal day may have a comma of its own: "Sunday, 5th, November 1769".
    day_month = (
        rf"(?P<{p}d>{DAY})\.?(?:(?<=st|nd|rd|th),)?(?:\s+day)?(?:\s+of)?\s+(?P<{p}m>{MONTH})"
    )
    month_day = rf"(?P<{p}M>{MONTH})\s+(?P<{p}D>{DAY})"
    # A year may be the editor's, in brackets: "5 April [1918]".
    year = rf"(?:[,.]?\s+(?P<{p}y>{YEAR})|\s+\[(?P<{p}by>{YEAR_DIGITS})\])"
    return rf"(?P<{p}>(?:{day_month}|{month_day}){year}?)"


# --- parsed pieces ----------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """A date as written: any of year, month, day, and where it stands in the text.

    Frozen: a form handler reads a date, fills in what the text leaves out and
    hands on a new value (:func:`dataclasses.replace`), so no reading can change
    a date another reading (or a second pass with another anchor) still holds.
    """

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: Calendar | None = None  # set by an explicit O.S./N.S. marker

    def ymd(self) -> tuple[int, int, int]:
        assert self.year is not None and self.month is not None and self.day is not None
        return self.year, self.month, self.day


def _number(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _written(m: re.Match[str], p: str) -> Written:
    groups = m.groupdict()
    day = groups.get(p + "d") or groups.get(p + "D")
    month = groups.get(p + "m") or groups.get(p + "M")
    year = groups.get(p + "y") or groups.get(p + "by")
    return Written(
        m.start(p),
        m.end(p),
        year=int(year) if year else None,
        month=MONTH_FORMS[month] if month else None,
        day=_number(day) if day else None,
    )


# --- ISO values and attributes ------------------------------------------------------------


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _describe(w: Written) -> str:
    parts = [str(w.day) if w.day else "", MONTH_NAMES[w.month - 1] if w.month else ""]
    parts.append(str(w.year) if w.year else "")
    return " ".join(part for part in parts if part)


def _bounds(w: Written, calendar: Calendar) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian day of a (possibly partial) dated period."""
    assert w.year is not None
    first = (w.year, w.month or 1, w.day or 1)
    last_month = w.month or 12
    last = (w.year, last_month, w.day or month_length(w.year, last_month, calendar))
    return to_gregorian(first, calendar), to_gregorian(last, calendar)


def _impossible(w: Written, calendar: Calendar) -> str | None:
    if w.year is None or w.month is None or w.day is None:
        # Without a year, only a day that no year has (31 April) is impossible.
        if w.month and w.day and w.day > month_length(2000, w.month, "gregorian"):
            return f"{_describe(w)} is not a day of any year"
        return None
    if not is_real_date(w.ymd(), calendar):
        return f"{_describe(w)} is not a day of the {calendar} calendar"
    return None


def point_attributes(w: Written, calendar: Calendar) -> dict[str, str]:
    """TEI attributes of one date, Gregorian in ``@when``, Old Style kept in ``@when-custom``."""
    written = _iso(w.year, w.month, w.day)
    if calendar == "gregorian":
        return {"when": written}
    attrs = {"calendar": "#julian"}
    if w.year is not None and w.month is not None and w.day is not None:
        attrs["when"] = to_gregorian(w.ymd(), "julian").isoformat()
    elif w.year is not None:
        # A Julian month or year is not a Gregorian month or year: give its bounds.
        first, last = _bounds(w, "julian")
        attrs.update(notBefore=first.isoformat(), notAfter=last.isoformat())
    attrs.update({"when-custom": written, "datingMethod": "#julian"})
    return attrs


def range_attributes(a: Written, b: Written, calendar: Calendar) -> dict[str, str]:
    """``@from``/``@to`` (Gregorian), with the Julian values as written in ``-custom``."""
    if calendar == "gregorian" or a.year is None or b.year is None:
        attrs = {"from": _iso(a.year, a.month, a.day), "to": _iso(b.year, b.month, b.day)}
        if calendar == "julian":
            attrs = {"calendar": "#julian", "from-custom": attrs["from"],
                     "to-custom": attrs["to"], "datingMethod": "#julian"}  # fmt: skip
        return attrs
    start = _bounds(a, "julian")[0]
    end = _bounds(b, "julian")[1]
    return {
        "calendar": "#julian",
        "from": start.isoformat(),
        "to": end.isoformat(),
        "from-custom": _iso(a.year, a.month, a.day),
        "to-custom": _iso(b.year, b.month, b.day),
        "datingMethod": "#julian",
    }


# --- years not written --------------------------------------------------------------------


def nearest_year(w: Written, anchor: dt.date, calendar: Calendar) -> int | None:
    """The year that puts a yearless date nearest ``anchor`` (a Gregorian day).

    This is what gets the turn of the year right: in a document of 3 January 1918,
    "28 December" is 1917 and "5 January" is 1918.

    >>> nearest_year(Written(0, 0, month=12, day=28), dt.date(1918, 1, 3), "gregorian")
    1917
    """
    best: tuple[int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        ymd = (year, w.month or 1, w.day or 15)
        if not is_real_date(ymd, calendar):
            continue
        distance = abs((to_gregorian(ymd, calendar) - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _fill_year(w: Written, anchor: dt.date | None, calendar: Calendar) -> Written:
    """``w`` with the year nearest ``anchor`` when it has a month but no year."""
    if w.year is None and w.month is not None and anchor is not None:
        return replace(w, year=nearest_year(w, anchor, calendar))
    return w


# --- building matches ---------------------------------------------------------------------


def _match(text: str, w: Written, attrs: dict[str, str], problem: str | None) -> DateMatch:
    if problem:
        attrs = {**attrs, "cert": "low"}
    return DateMatch(w.start, w.end, attrs, text[w.start : w.end], problem)


#: How a date written once is read: a calendar, or a collection's convention that
#: picks the calendar (and the year's numbering) from the date itself.
Reading = Calendar | Convention


def settle(w: Written, reading: Reading, anchor: dt.date | None) -> tuple[Written, Calendar]:
    """The calendar of a date written once, and the date with its year filled and renumbered.

    An explicit O.S./N.S. marker wins over the convention.  Under a convention
    whose Old Style year began on 25 March, "10 March 1649" is renumbered to
    1650 (the year as counted from 1 January); a year taken from the document's
    date is already counted so.
    """
    if not isinstance(reading, Convention):
        calendar = w.calendar or reading
        return _fill_year(w, anchor, calendar), calendar
    if w.year is None:
        near = (anchor.year, anchor.month, anchor.day) if anchor is not None else None
        calendar = w.calendar or (reading.calendar_for(near) if near else "gregorian")
        return _fill_year(w, anchor, calendar), calendar
    written = (w.year, w.month or 12, w.day or 28)
    calendar = w.calendar or reading.calendar_for(written)
    start_month = reading.year_start[0]
    if calendar == "julian" and w.month is not None and (w.day or w.month != start_month):
        # A month without its day in the month the year began ("March 1649") may be of
        # either year: it keeps the year as written.
        w = replace(w, year=reading.modern_year((w.year, w.month, w.day or 1))[0])
    return w, calendar


def single_date(text: str, w: Written, calendar: Reading, anchor: dt.date | None) -> DateMatch:
    """One date written in one calendar (an explicit O.S./N.S. marker wins)."""
    w, calendar = settle(w, calendar, anchor)
    problem = _impossible(w, calendar)
    attrs = {} if problem else point_attributes(w, calendar)
    return _match(text, w, attrs, problem)


def date_range(
    text: str, a: Written, b: Written, reading: Reading, anchor: dt.date | None
) -> DateMatch:
    """A range; the start borrows the month and year it does not write from the end."""
    probe = Written(b.start, b.end, b.year or a.year, b.month, b.day)
    calendar = settle(probe, reading, anchor)[1] if isinstance(reading, Convention) else reading
    inherited = a.year is None
    if a.month is None and b.month is not None and a.day is not None:
        a = replace(a, month=b.month)
    if b.year is None and a.year is not None:
        later = b.month is not None and a.month is not None and b.month < a.month
        b = replace(b, year=a.year + later)
    b = _fill_year(b, anchor, calendar)
    if inherited:
        a = replace(a, year=b.year)
    span = Written(a.start, b.end)
    problem = _impossible(a, calendar) or _impossible(b, calendar)
    if problem is None and a.year is not None and b.year is not None:
        if inherited and _bounds(a, calendar)[0] > _bounds(b, calendar)[1]:
            a = replace(a, year=a.year - 1)  # "from 30 December to 2 January 1918" starts in 1917
        if _bounds(a, calendar)[0] > _bounds(b, calendar)[1]:
            problem = f"the range {text[a.start : b.end]!r} ends before it begins"
    attrs = {} if problem else range_attributes(a, b, calendar)
    return _match(text, span, attrs, problem)


def dual_date(text: str, a: Written, b: Written, anchor: dt.date | None) -> list[DateMatch]:
    """Both halves of an Old Style / New Style pair, checked against each other.

    ``a`` is the half written first.  A year written once belongs to the half it
    follows; the other half takes the year that makes the pair closest.
    """
    if b.year is None and a.year is not None:
        near = to_gregorian(a.ymd(), "julian") if _ok(a) else None
        b = replace(b, year=nearest_year(b, near, "gregorian") if near else a.year)
    b = _fill_year(b, anchor, "gregorian")
    if a.year is None and b.year is not None and _ok(b, "gregorian"):
        a = replace(a, year=nearest_year(a, dt.date(*b.ymd()), "julian"))
    problem = _impossible(a, "julian") or _impossible(b, "gregorian")
    if problem is None:
        if _same_day(a, b):
            return _dual_matches(text, julian=a, gregorian=b, problem=None)
        if _same_day(b, a):  # New Style written first, e.g. "8 November (26 October)"
            return _dual_matches(text, julian=b, gregorian=a, problem=None)
        problem = _disagreement(a, b)
    return _dual_matches(text, julian=a, gregorian=b, problem=problem)


def _ok(w: Written, calendar: Calendar = "julian") -> bool:
    return None not in (w.year, w.month, w.day) and is_real_date(w.ymd(), calendar)


#: Julian-Gregorian gaps of the years tried when a dual date has no year at all.
_REFERENCE_YEARS = (1650, 1750, 1850, 1901)


def _same_day(julian: Written, gregorian: Written) -> bool:
    if julian.year is not None and gregorian.year is not None:
        return to_gregorian(julian.ymd(), "julian") == dt.date(*gregorian.ymd())
    # No year anywhere: accept any gap the calendars have had (10 to 13 days).
    for year in _REFERENCE_YEARS:
        try:
            converted = to_gregorian((year, julian.month or 1, julian.day or 1), "julian")
        except ValueError:
            continue
        if (converted.month, converted.day) == (gregorian.month, gregorian.day):
            return True
    return False


def _disagreement(julian: Written, gregorian: Written) -> str:
    if julian.year is None or gregorian.year is None:
        return (
            f"Julian {_describe(julian)} and Gregorian {_describe(gregorian)} are not the same day"
        )
    converted = to_gregorian(julian.ymd(), "julian")
    shown = Written(0, 0, converted.year, converted.month, converted.day)
    return f"Julian {_describe(julian)} is {_describe(shown)} Gregorian, not {_describe(gregorian)}"


def _dual_matches(
    text: str, *, julian: Written, gregorian: Written, problem: str | None
) -> list[DateMatch]:
    if problem and _impossible(julian, "julian"):
        old: dict[str, str] = {"calendar": "#julian", "datingMethod": "#julian"}
    else:
        old = point_attributes(julian, "julian")
    new = {} if _impossible(gregorian, "gregorian") else point_attributes(gregorian, "gregorian")
    pair = [_match(text, julian, old, problem), _match(text, gregorian, new, problem)]
    return sorted(pair, key=lambda match: match.start)


# --- the forms ----------------------------------------------------------------------------

Found = list[DateMatch] | None
Handler = Callable[[str, re.Match[str], Reading, dt.date | None], Found]


def _style(m: re.Match[str]) -> Calendar | None:
    style = (m.groupdict().get("style") or "").lower().replace(" ", "")
    if style.startswith(("o.", "old")):
        return "julian"
    if style.startswith(("n.", "new")):
        return "gregorian"
    return None


def _single(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    w = replace(_written(m, "a"), calendar=_style(m))
    return [single_date(text, w, calendar, anchor)]


def _numeric(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    token = m.group("num")
    if token.isalpha() and token.upper() not in ROMAN_MONTHS:
        return None
    month = ROMAN_MONTHS.index(token.upper()) + 1 if token.isalpha() else int(token)
    if not 1 <= month <= 12:
        return None
    w = Written(m.start(), m.end(), int(m.group("y")), month, int(m.group("d")))
    return [single_date(text, w, calendar, anchor)]


def _month_year(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    year = int(m.group("ay")) if m.groupdict().get("ay") else None
    w = Written(m.start("date"), m.end("date"), year=year, month=MONTH_FORMS[m.group("am")])
    return [single_date(text, w, calendar, anchor)]


_FOLLOWING_WORD = re.compile(r"\s+([a-z]+)")


def _bare_years(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """Years after a cue, one date each: "in 1916 and 1917" marks both years."""
    following = _FOLLOWING_WORD.match(text, m.end())
    named_a_year = _YEAR_WORD_BEFORE.search(text, 0, m.start("years")) is not None
    if following and following.group(1) not in FUNCTION_WORDS and not named_a_year:
        return None  # "of 1500 men" is a count; "the year 1788 will ever be" is not
    found = []
    for year in _YEAR_TOKEN.finditer(text, m.start("years"), m.end("years")):
        if int(year.group()) not in BARE_YEARS:
            return None
        written = Written(year.start(), year.end(), int(year.group()))
        found.append(single_date(text, written, calendar, anchor))
    return found


_YEAR_TOKEN = re.compile(r"\d{4}")
#: "the year 1788": the number is called a year.
_YEAR_WORD_BEFORE = re.compile(r"\b(?:[Yy]ear|YEAR)\s+$")


def _day_list(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """Several days of one month: each day is a date; the last one carries the month."""
    days = list(_DAY_TOKEN.finditer(text, m.start("days"), m.end("days")))
    numbers = [_number(day.group()) for day in days]
    if numbers != sorted(set(numbers)):
        return None  # "27, 5 and 6 March" is not a list of days of March
    month = MONTH_FORMS[m.group("m")]
    year = int(m.group("y")) if m.group("y") else None
    found = []
    for number, day in enumerate(days):
        end = m.end() if number == len(days) - 1 else day.end()
        written = Written(day.start(), end, year, month, _number(day.group()))
        found.append(single_date(text, written, calendar, anchor))
    return found


_DAY_TOKEN = re.compile(r"\d+(?:st|nd|rd|th|d)?")


def _separator(m: re.Match[str]) -> str:
    """The word (or dash) between the ends of a range: "and" needs "between"."""
    return m.group("sep").strip(" \t\n,")


def _range(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    groups = m.groupdict()
    cue = (groups.get("cue") or "").strip().lower()
    if (_separator(m) == "and") != (cue == "between"):
        return None
    a, b = _written(m, "a"), _written(m, "b")
    # "December 10-14": the month is written once, before both days.
    b = replace(b, end=m.end("b"), month=b.month if b.month is not None else a.month)
    a = replace(a, start=m.start("cue") if cue in ("from", "between") else m.start("a"))
    return [date_range(text, a, b, calendar, anchor)]


def _year_range(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    first, last = int(m.group("ay")), m.group("by")
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    cue = m.group("cue").strip().lower()
    if (_separator(m) == "and") != (cue == "between") or end <= first:
        return None
    start = m.start("cue") if cue in ("from", "between") else m.start("ay")
    a, b = Written(start, m.end("ay"), first), Written(m.start("by"), m.end("by"), end)
    return [date_range(text, a, b, calendar, anchor)]


# The dual forms below write both calendars themselves (one half Old Style, one New
# Style, told apart by arithmetic): the collection's reading is not consulted.


def _dual(text: str, m: re.Match[str], _reading: Reading, anchor: dt.date | None) -> Found:
    a, b = _written(m, "a"), _written(m, "b")
    shared = m.groupdict().get("y")
    if shared and b.year is None:
        b = replace(b, year=int(shared))
    return dual_date(text, a, b, anchor)


def _dual_days(text: str, m: re.Match[str], _reading: Reading, anchor: dt.date | None) -> Found:
    """``13/26 October 1917`` or ``13 (26) October``: one month and year for two days."""
    bracketed = m.group("close") is not None
    # The Old Style half is the lone day; the New Style half runs on to the month and year,
    # unless a bracket closes after its day (a span cannot cross the bracket).
    return _days_pair(
        text,
        m,
        (m.start("ad"), m.end("ad")),
        (m.start("bd"), m.end("bd") if bracketed else m.end()),
        anchor,
    )


def _dual_days_month_first(
    text: str, m: re.Match[str], _reading: Reading, anchor: dt.date | None
) -> Found:
    """``October 13/26, 1917``: the halves are ``October 13`` and ``26, 1917``.

    In ``Apr. 18 (5), 1918`` the bracket closes after the second day, which is
    then all the second half holds (a span cannot cross the bracket).
    """
    second_end = m.end("bd") if m.group("close") else m.end()
    return _days_pair(text, m, (m.start("m"), m.end("ad")), (m.start("bd"), second_end), anchor)


def _days_pair(
    text: str,
    m: re.Match[str],
    old_span: tuple[int, int],
    new_span: tuple[int, int],
    anchor: dt.date | None,
) -> Found:
    month = MONTH_FORMS[m.group("m")]
    year = int(m.group("y")) if m.group("y") else None
    first_day, second_day = _number(m.group("ad")), _number(m.group("bd"))
    # Old Style first ("19/1 January": the Old Style day is in the month before) or,
    # failing that, New Style first ("Apr. 18 (5), 1918": the bracket holds Old Style).
    for old_first in (True, False):
        old_day, new_day = (first_day, second_day) if old_first else (second_day, first_day)
        old_month, old_year = month, year
        if old_day > new_day:
            old_month = month - 1 or 12
            old_year = year - 1 if year is not None and month == 1 else year
        old = Written(*(old_span if old_first else new_span), old_year, old_month, old_day)
        new = Written(*(new_span if old_first else old_span), year, month, new_day)
        if not _plausible_pair(old, new, anchor):
            continue
        a, b = (old, new) if old_first else (new, old)
        return dual_date(text, a, b, anchor)
    # Neither reading gives the century's gap ("10/21 March 1691" is 10 days apart in
    # 1691, not 11): both days stay in the month written, the pair is reported.
    old = Written(*old_span, year, month, first_day)
    new = Written(*new_span, year, month, second_day)
    return dual_date(text, old, new, anchor)


def _plausible_pair(old: Written, new: Written, anchor: dt.date | None) -> bool:
    """Whether Old Style ``old`` and New Style ``new`` can be one day (years filled in)."""
    new = _fill_year(new, anchor, "gregorian")
    if old.year is None and new.year is not None:
        old = replace(old, year=new.year - (1 if old.month == 12 and new.month == 1 else 0))
    return _same_day(old, new)


def _instant(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """ "The 12th instant" (this month), "ultimo" (last month), "proximo" (next month)."""
    if anchor is None:
        return None
    which = m.group("which").lower()
    shift = 0 if which.startswith("inst") else -1 if which.startswith("ult") else 1
    month_index = anchor.year * 12 + anchor.month - 1 + shift
    w = Written(
        m.start("d"), m.end(), month_index // 12, month_index % 12 + 1, _number(m.group("d"))
    )
    return [single_date(text, w, calendar, None)]


def _month_the_day(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """ "August the 5th 1918"."""
    year = int(m.group("y")) if m.group("y") else None
    w = Written(m.start(), m.end(), year, MONTH_FORMS[m.group("m")], _number(m.group("d")))
    return [single_date(text, w, calendar, anchor)]


def _month_day_list(
    text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None
) -> Found:
    """ "January 12th and 17th, 1919": two dates; the first carries the month, the last the year."""
    days = list(_DAY_TOKEN.finditer(text, m.start("days"), m.end("days")))
    numbers = [_number(day.group()) for day in days]
    if numbers != sorted(set(numbers)):
        return None
    month = MONTH_FORMS[m.group("m")]
    year = int(m.group("y")) if m.group("y") else None
    found = []
    for index, day in enumerate(days):
        start = m.start() if index == 0 else day.start()
        end = m.end() if index == len(days) - 1 else day.end()
        found.append(
            single_date(text, Written(start, end, year, month, numbers[index]), calendar, anchor)
        )
    return found


def _iso_date(text: str, m: re.Match[str], _reading: Reading, anchor: dt.date | None) -> Found:
    """An ISO 8601 day written in the text ("1918-04-25"): Gregorian by definition.

    ISO 8601 fixes the calendar, so the collection's reading is not consulted.
    """
    w = Written(m.start(), m.end(), int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if not 1 <= (w.month or 0) <= 12:
        return None
    return [single_date(text, w, "gregorian", anchor)]


def _uncertain_day(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """ "[25?] April 1918": the editor's doubtful day, asserted with low certainty."""
    year = int(m.group("y")) if m.group("y") else None
    w = Written(m.start(), m.end(), year, MONTH_FORMS[m.group("m")], _number(m.group("d")))
    found = single_date(text, w, calendar, anchor)
    if found.problem or not found.attrs:
        return [found]
    return [replace(found, attrs={**found.attrs, "cert": "low"})]


def _dual_year(text: str, m: re.Match[str], reading: Reading, anchor: dt.date | None) -> Found:
    """ "11 February 1731/2": Old Style, the year then beginning on 25 March.

    The date belongs to the year written second in the modern reckoning (1732),
    read in the Julian calendar and converted: Gregorian 22 February 1732.  A
    collection's convention decides the calendar of that day (Tuscany counted
    its years from 25 March in the Gregorian calendar until 1750); a plain
    reading does not, since the double year is itself the Old Style marker.
    """
    first = int(m.group("y"))
    tail = m.group("y2")
    second = int(str(first)[: 4 - len(tail)] + tail)
    if second != first + 1:
        return None
    month, day = MONTH_FORMS[m.group("m")], _number(m.group("d"))
    if month > 3 or (month == 3 and day >= 25):
        return None  # from 25 March both reckonings agree: not a dual year
    w = Written(m.start(), m.end(), second, month, day)
    calendar: Calendar = "julian"
    if isinstance(reading, Convention):
        calendar = reading.calendar_for((first, month, day))  # the year as written
    problem = _impossible(w, calendar)
    attrs = {} if problem else point_attributes(w, calendar)
    return [_match(text, w, attrs, problem)]


def _dual_ranges(text: str, m: re.Match[str], _reading: Reading, anchor: dt.date | None) -> Found:
    """ "10-14 [23-27] December": an Old Style range and its New Style reading.

    Both calendars are written, so the collection's reading is not consulted.
    """
    month = MONTH_FORMS[m.group("m")]
    year = int(m.group("y")) if m.group("y") else None
    numbers = [_number(m.group(g)) for g in ("ad", "ae", "bd", "be")]
    old = (
        Written(m.start("ad"), m.end("ad"), year, month, numbers[0]),
        Written(m.start("ae"), m.end("ae"), year, month, numbers[1]),
    )
    new = (
        Written(m.start("bd"), m.end("bd"), year, month, numbers[2]),
        Written(m.start("be"), m.end("be"), year, month, numbers[3]),
    )
    # Each half's year is the one nearest the anchor in its own calendar.
    old = (_fill_year(old[0], anchor, "julian"), _fill_year(old[1], anchor, "julian"))
    new = (_fill_year(new[0], anchor, "gregorian"), _fill_year(new[1], anchor, "gregorian"))
    if not (_ok(old[0]) and _ok(new[0], "gregorian") and _same_day(old[0], new[0])):
        return None
    julian = range_attributes(old[0], old[1], "julian")
    gregorian = range_attributes(new[0], new[1], "gregorian")
    start_old, end_old = m.start("ad"), m.end("ae")
    start_new, end_new = m.start("bd"), m.end("be")
    return [
        DateMatch(start_old, end_old, julian, text[start_old:end_old], None),
        DateMatch(start_new, end_new, gregorian, text[start_new:end_new], None),
    ]


_YEAR_TAIL = rf"(?:,?\s+(?P<y>{YEAR}))?"
#: The English words of a day besides its figures (data/calendars/day-words.toml).
_DAY_WORDS = calendar_table("day-words")
_THE = alternation(_DAY_WORDS["the"])
_ORDINALS: dict[str, int] = _DAY_WORDS["ordinals"]
_ORDINAL = alternation(_ORDINALS).replace(r"\ ", r"\s+")  # "one and twentieth"
_RELATIVE = alternation(_DAY_WORDS["relative"])


def _ordinal_day(word: str) -> int:
    return _ORDINALS[" ".join(word.lower().split())]


def _relative_year(month: int, day: int, anchor: dt.date | None, which: str | None) -> int | None:
    """The year that puts a yearless day "last" (on or before) or "next" (on or after) the
    document's date; None without a word or a date to count from."""
    if which is None or anchor is None:
        return None
    before = (month, day) <= (anchor.month, anchor.day)
    if _DAY_WORDS["relative"][which.lower()] < 0:
        return anchor.year if before else anchor.year - 1
    return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1


def _day_month_relative(
    text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None
) -> Found:
    """ "13 June last", "the Sixth of January next", "June 13 last": the year by the word,
    which stays outside the date's words (as the gold of every set has it)."""
    groups = m.groupdict()
    month = MONTH_FORMS[m.group("m")]
    day = _ordinal_day(groups["dw"]) if groups.get("dw") else _number(m.group("d"))
    year = int(groups["y"]) if groups.get("y") else None
    target = None if year is not None else _relative_year(month, day, anchor, groups.get("rel"))
    if target is not None:
        # The year is counted from 1 January, as the document's date is: handed on as the
        # date to be nearest to, so that an Old Style year beginning on 25 March does not
        # renumber it again ("the Sixth of January next" after 29 November 1683 is 1684).
        anchor = dt.date(target, month, min(day, 28))
    w = Written(m.start(), m.end(), year, month, day)
    return [single_date(text, w, calendar, anchor)]


def _year_first(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """ "1780 October 1": a journal's entry heading, year, month and day."""
    w = Written(
        m.start(), m.end(), int(m.group("y")), MONTH_FORMS[m.group("m")], _number(m.group("d"))
    )
    return [single_date(text, w, calendar, anchor)]


_MARK_ONLY = r"(?:[ON]\.\s?S\.|[Oo]ld [Ss]tyle|[Nn]ew [Ss]tyle)"

#: (form name, pattern, handler).  Order does not matter: overlaps go to the longest.
FORMS: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "instant",  # the 12th instant; the 5th ult.; the 3rd proximo
        re.compile(
            rf"(?:\bthe\s+)?(?P<d>{DAY})\s+(?P<which>instant|inst\.|ultimo|ult\.|proximo|prox\.)"
        ),
        _instant,
    ),
    (
        "month-the-day",  # August the 5th 1918; April ye 18th, 1674
        re.compile(rf"(?P<m>{MONTH})\s+(?:{_THE})\s+(?P<d>{DAY}){_YEAR_TAIL}"),
        _month_the_day,
    ),
    (
        "ordinal-day",  # the Sixth of January next; the one and twentieth of May 1765
        re.compile(
            rf"(?<![\w-])(?i:(?P<dw>{_ORDINAL}))(?:\s+day)?\s+of\s+(?P<m>{MONTH})"
            rf"(?:,?\s+(?P<y>{YEAR})|(?=\s+(?P<rel>{_RELATIVE})\b))?"
        ),
        _day_month_relative,
    ),
    (
        "day-month-relative",  # 13 June last; the 5th of May next
        re.compile(
            rf"(?P<d>{DAY})(?:\s+day)?(?:\s+of)?\s+(?P<m>{MONTH})(?=,?\s+(?P<rel>{_RELATIVE})\b)"
        ),
        _day_month_relative,
    ),
    (
        "month-day-relative",  # June 13 last
        re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY})(?=,?\s+(?P<rel>{_RELATIVE})\b)"),
        _day_month_relative,
    ),
    (
        "year-first",  # 1780 October 1 (a journal's entry heading)
        # on one line, and not the end of a span of years ("1664-1665 / January 1st")
        re.compile(rf"(?<![-–/])(?P<y>{YEAR}),?[ \t]+(?P<m>{MONTH})[ \t]+(?P<d>{DAY})(?![\d])"),
        _year_first,
    ),
    (
        "month-day-list",  # January 12th and 17th, 1919
        re.compile(rf"(?P<m>{MONTH})\s+(?P<days>{DAY}(?:,\s*{DAY})*,?\s+and\s+{DAY}){_YEAR_TAIL}"),
        _month_day_list,
    ),
    (
        "iso",  # 1918-04-25
        re.compile(r"(?<![\w-])(?P<y>[12]\d{3})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        _iso_date,
    ),
    (
        "uncertain-day",  # [25?] April 1918
        re.compile(rf"\[(?P<d>{DAY})\?\]\s+(?:of\s+)?(?P<m>{MONTH}){_YEAR_TAIL}"),
        _uncertain_day,
    ),
    (
        "dual-year",  # 11 February 1731/2; 11th Feb. 1731-2
        re.compile(
            rf"(?P<d>{DAY})(?:\s+day)?(?:\s+of)?\s+(?P<m>{MONTH}),?\s+(?P<y>{YEAR_DIGITS})"
            rf"\[?[/-](?P<y2>\d{{1,2}})\]?(?!\d)"
        ),
        _dual_year,
    ),
    (
        "dual-year-month-first",  # February 11, 1731/2; Feb. 3d, 1709-10; Jany. 27. 1747[/48]
        re.compile(
            rf"(?P<m>{MONTH})\s+(?P<d>{DAY})[,.]?\s+(?P<y>{YEAR_DIGITS})\[?[/-](?P<y2>\d{{1,2}})\]?(?!\d)"
        ),
        _dual_year,
    ),
    (
        "dual-ranges",  # 10-14 [23-27] December
        re.compile(
            rf"(?P<ad>{DAY})\s*[-–]\s*(?P<ae>{DAY})\s*[\[(]\s*(?P<bd>{DAY})\s*[-–]\s*(?P<be>{DAY})"
            rf"\s*[\])]\s+(?:of\s+)?(?P<m>{MONTH}){_YEAR_TAIL}"
        ),
        _dual_ranges,
    ),
    (
        "dual-bracket",  # 26 October [8 November] 1917; December 29, 1917 [/January 11, 1918]
        re.compile(
            rf"{_half('a')}(?:{STYLE_MARK})?\s*[\[(]\s*/?\s*{_half('b')}(?:,?\s*{_MARK_ONLY})?\s*[\])]"
            rf"{_YEAR_TAIL}"
        ),
        _dual,
    ),
    (
        "dual-slash",  # October 26/November 8, 1917; 31 December 1917/13 January 1918
        re.compile(rf"{_half('a')}\s*/\s*{_half('b')}"),
        _dual,
    ),
    (
        "dual-days",  # 13/26 October 1917; 13 (26) October
        re.compile(
            rf"(?P<ad>{DAY})\s*(?:/|[\[(](?=\s*\d+(?:st|nd|rd|th|d)?\s*[\])]))\s*(?P<bd>{DAY})"
            rf"(?P<close>\s*[\])])?"
            rf"(?:\s+of)?\s+(?P<m>{MONTH}){_YEAR_TAIL}"
        ),
        _dual_days,
    ),
    (
        "dual-days-month-first",  # October 13/26, 1917
        re.compile(
            rf"(?P<m>{MONTH})\s+(?P<ad>{DAY})\s*(?:/|[\[(](?=\s*\d+\s*[\])]))\s*(?P<bd>{DAY})"
            rf"(?P<close>\s*[\])])?{_YEAR_TAIL}"
        ),
        _dual_days_month_first,
    ),
    (
        "day-list",  # 5 and 6 March 1918; 5, 6 and 7 March
        re.compile(
            rf"(?P<days>{DAY}(?:,\s*{DAY})*,?\s+and\s+{DAY})(?:\s+of)?\s+(?P<m>{MONTH}){_YEAR_TAIL}"
        ),
        _day_list,
    ),
    (
        "range-days",  # from 10 to 14 December; 10-14 December 1917
        re.compile(
            rf"{RANGE_CUE}?(?P<a>(?P<ad>{DAY})){SEP}(?P<b>(?P<bd>{DAY})(?:\s+of)?\s+"
            rf"(?P<bm>{MONTH})(?:,?\s+(?P<by>{YEAR}))?)"
        ),
        _range,
    ),
    (
        "range-month-days",  # December 10-14, 1917
        re.compile(
            rf"{RANGE_CUE}?(?P<a>(?P<aM>{MONTH})\s+(?P<ad>{DAY})){SEP}"
            rf"(?P<b>(?P<bd>{DAY})(?:,?\s+(?P<by>{YEAR}))?)"
        ),
        _range,
    ),
    (
        "range-dates",  # 30 November to 2 December 1917
        re.compile(rf"{RANGE_CUE}?{_half('a')}{SEP}{_half('b')}"),
        _range,
    ),
    (
        "range-months",  # from November 1917 to March 1918; November-December 1917
        re.compile(
            rf"{RANGE_CUE}?(?P<a>(?P<am>{MONTH})(?:,?\s+(?P<ay>{YEAR}))?){SEP}"
            rf"(?P<b>(?P<bm>{MONTH}),?\s+(?P<by>{YEAR}))"
        ),
        _range,
    ),
    (
        "range-years",  # from 1914 to 1918; in 1917-18
        re.compile(
            rf"(?P<cue>\b(?:{_cue(['from', 'between', 'in', 'during', 'of', 'since'])})\s+)"
            rf"(?P<ay>{YEAR}){SEP}(?P<by>{YEAR}|\d\d(?![\w]))"
        ),
        _year_range,
    ),
    (
        "full",  # 30 November 1917; November 30, 1917; 4 April; 26 October (O.S.)
        re.compile(rf"{_half('a')}(?:{STYLE_MARK})?"),
        _single,
    ),
    (
        "numeric",  # 30.XI.1917; 30.11.1917
        re.compile(
            rf"(?<![\w.])(?P<d>[12]\d|3[01]|0?[1-9])\.\s?(?P<num>{ROMAN}|[ivx]+|\d\d?)\.\s?"
            rf"(?P<y>{YEAR_DIGITS})"
        ),
        _numeric,
    ),
    (
        "month-year",  # November 1917
        re.compile(rf"(?P<date>(?P<am>{MONTH}),?\s+(?P<ay>{YEAR}))"),
        _month_year,
    ),
    (
        "month-after-cue",  # in May; end of March
        re.compile(
            rf"(?:\b(?:{_cue(MONTH_CUES)})\s+|\b(?:[Ee]nd|[Bb]eginning|[Mm]iddle) of\s+"
            rf"|\b[Mm]id-)(?P<date>(?P<am>{MONTH}))(?!,?\s*\d)"
        ),
        _month_year,
    ),
    (
        "year-after-cue",  # in 1917; since 1905; in 1916 and 1917
        re.compile(
            rf"(?:\b(?:{_cue(YEAR_CUES)})\s+|\b[Mm]id-)"
            rf"(?P<years>{YEAR}(?:(?:,\s*|,?\s+(?:and|or)\s+){YEAR})*)(?!\s*[-–/]\s*\d)"
        ),
        _bare_years,
    ),
]


# --- dates in the other languages of letters --------------------------------------------
#
# German, French, Latin, Italian and Spanish write a date day first ("Wien, den 3. März 1848",
# "Paris, le 14 juillet 1790", "die 3 mensis Martii 1620", "IX. Aug. 1610"); the words are
# data (data/calendars/months.toml, data/languages/<code>.toml).  A word before the day
# ("den", "le", "die") stays outside the date, as "on" does in English.


def _roman(number: int) -> str:
    """A day's number in Roman numerals (1 to 39)."""
    tens, units = divmod(number, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


_ROMAN_DAYS = {_roman(day): day for day in range(1, 32)}


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def language_month_forms(lang: Language) -> dict[str, int]:
    """The written forms of the months of ``lang``, capitalised and in lower case.

    A name cut after its third letter or later and given a point is an
    abbreviation of it ("Febr.", "Novembr.", "déc."), as in Cappelli's lists.
    """
    forms: dict[str, int] = {}

    def add(word: str, number: int) -> None:
        for variant in {word, _unaccented(word)}:
            for cased in (variant, variant.lower(), variant[:1].upper() + variant[1:]):
                forms.setdefault(cased, number)

    for number, name in enumerate(lang.months.names, start=1):
        add(name, number)
        add(name.upper(), number)
    # Cut from the names and from the inflected forms ("Decembr." from "Decembris").
    inflected = [(w, n) for w, n in lang.months.contractions.items() if w.isalpha() and len(w) >= 6]
    for name, number in [*((n, i) for i, n in enumerate(lang.months.names, start=1)), *inflected]:
        for cut in range(3, len(name)):
            if name[cut - 1].isalpha():
                add(name[:cut] + ".", number)
    for word, number in lang.months.abbreviations.items():
        add(word + ".", number)
    for word, number in lang.months.contractions.items():
        add(word, number)
        add(word + ".", number)
    return forms


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _language_forms(code: str) -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The date forms of one language (none for English and unknown languages)."""
    lang = language(code)
    if lang is None:
        return ()
    months = language_month_forms(lang)
    month = rf"(?<![\w.])(?P<m>{_words(months)})(?![\w])"
    endings = rf"(?:{_words(lang.day_endings)})?" if lang.day_endings else ""
    day = rf"(?P<d>[12]\d|3[01]|0?[1-9]){endings}"
    if lang.roman_days:
        day = rf"(?:{day}|(?P<rd>{_words(_ROMAN_DAYS)}))"
    between = (
        rf"(?:(?:{_words(lang.between_day_and_month)})\s+)?" if lang.between_day_and_month else ""
    )
    before_year = (
        rf"(?:(?:{_words(lang.between_month_and_year)})\s+)?" if lang.between_month_and_year else ""
    )
    # A year may be the editor's, in brackets: "22 décembre [1760]", "29ten. Juni [1801]";
    # an editor's word in brackets may stand before it: "11. Jan. [Freitag] 1793"; a month cut
    # short may end in a colon, the older mark of an abbreviation: "10 Septbr: 1816".
    year = (
        rf"(?:[.:]?(?:\s*\[[^\[\]\d]{{1,20}}\])?\s*,?\s*{before_year}(?P<y>[12]\d{{3}}|[1-9]\d\d)(?![\w])"
        rf"|\.?\s+\[(?P<by>[12]\d{{3}})\]"
        # Latin writes the year in Roman numerals too: "11 Iunii MDCXXIII".
        + (rf"|\.?\s*,?\s*{before_year}(?P<ry>{ROMAN_YEAR})" if lang.roman_days else "")
        + ")?"
    )
    patterns = [
        re.compile(rf"(?<![\w.]){day}(?:\.\s*|\s+){between}{month}{year}"),
        re.compile(rf"{month}\.?\s*,?\s+(?P<y>[12]\d{{3}})(?![\w])"),
    ]
    if lang.date_order == "mdy":  # a month written first, then its day: "marzo 3 de 1820"
        patterns.append(re.compile(rf"{month}\.?\s+{day}(?![\w]){year}"))
    if lang.day_slash_month_short_year:
        patterns.append(
            re.compile(
                r"(?<![\w./])(?P<d>[12]\d|3[01]|0?[1-9])/(?P<nm>1[0-2]|0?[1-9])\s+"
                r"(?P<sy>\d\d)(?![\w/])"
            )
        )
    read = _with_months(_foreign, months)
    forms = [(pattern, read) for pattern in patterns]
    if lang.roman_calendar:
        roman = roman_day_pattern(tuple(sorted(months.items())))
        forms.append((roman, _with_months(_roman_date, months)))
    if lang.republican_calendar:
        forms.append((_republican_pattern(), _republican_date))
        forms.append((_complementary_pattern(), _republican_date))
    if lang.seasons:  # "im Spätjahr 1771": the year, with the season that narrows it
        seasons = {*lang.seasons, *(w.capitalize() for w in lang.seasons)}
        season = re.compile(
            rf"(?<![\w])(?:{_words(seasons)})\s+(?:(?:de|d['’]|anni|des\s+Jahres)\s+)?"
            rf"(?P<y>[12]\d{{3}})(?![\w])"
        )
        forms.append((season, _season_year))
    if lang.this_month:  # "den 24ten dies.": a day of the month the letter is dated in
        this_month = re.compile(
            rf"(?<![\w.])(?P<d>[12]\d|3[01]|0?[1-9]){endings}\.?\s+(?:{_words(lang.this_month)})"
            rf"(?![\w])"
        )
        forms.append((this_month, _this_month))
    if lang.last_month:  # "il 29 scorso": a day of the month before the letter's
        last_month = re.compile(
            rf"(?<![\w.])(?P<d>[12]\d|3[01]|0?[1-9]){endings}\.?\s+(?P<last>{_words(lang.last_month)})"
            rf"(?![\w])"
        )
        forms.append((last_month, _this_month))
    return tuple(forms)


def _season_year(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """ "im Spätjahr 1771": a date of the year (the season is not an ISO value)."""
    return [single_date(text, Written(m.start(), m.end(), int(m.group("y"))), calendar, None)]


def _this_month(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
    """A day of the month of the letter's date ("den 24ten dies."), as English "the 24th inst.",
    or of the month before ("il 29 scorso"), as "the 29th ult."."""
    if anchor is None:
        return None
    month_index = anchor.year * 12 + anchor.month - 1 - (1 if m.groupdict().get("last") else 0)
    w = Written(m.start(), m.end(), month_index // 12, month_index % 12 + 1, int(m.group("d")))
    return [single_date(text, w, calendar, None)]


#: The calendar a Republican date is written in, as the header declares it.
REPUBLICAN = "#republican"


@functools.cache
def _republican_pattern() -> re.Pattern[str]:
    """ "18 Ventôse an VIII", "1er vendémiaire de l'an III", "4 frimaire an 2"."""
    names = republican_month_words()
    months = _words({*names, *(n.capitalize() for n in names), *(n.upper() for n in names)})
    return re.compile(
        rf"(?<![\w.])(?P<d>30|[12]\d|0?[1-9])(?:er)?\s+(?P<m>{months})\s+"
        rf"(?:de\s+l['’])?an\s+(?P<ry>[IVX]{{1,5}}|1[0-4]|[1-9])(?![\w])"
        rf"(?:\s+de\s+la\s+[Rr]épublique(?:\s+française)?)?"
    )


@functools.cache
def _complementary_pattern() -> re.Pattern[str]:
    """ "le 1er jour complémentaire an IV", "deuxième sans-culottide de l'an II"."""
    names, ordinals = republican_complementary_words()
    days = _words({*ordinals, *(o.capitalize() for o in ordinals)})
    return re.compile(
        rf"(?<![\w.])(?P<cd>{days}|[1-6](?:e|ème)?)\s+(?P<cm>{_words(names)})\s+"
        rf"(?:de\s+l['’])?an\s+(?P<ry>[IVX]{{1,5}}|1[0-4]|[1-9])(?![\w])"
        rf"(?:\s+de\s+la\s+[Rr]épublique(?:\s+française)?)?"
    )


def _republican_date(
    text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None
) -> Found:
    """A day of the French Republican calendar: ``@when`` Gregorian, the date as written in
    ``@when-custom`` (year in Roman figures, month, day) with ``@datingMethod``."""
    written = m.group("ry")
    year = int(written) if written.isdigit() else roman_year(written.upper())
    groups = m.groupdict()
    if groups.get("cm"):  # a complementary day: the thirteenth "month"
        ordinals = republican_complementary_words()[1]
        count = groups["cd"].lower()
        month, day = 13, ordinals.get(count) or int(re.match(r"\d", count).group())  # type: ignore[union-attr]
    else:
        month = republican_month_words()[m.group("m").lower()]
        day = int(m.group("d"))
    w = Written(m.start(), m.end())
    try:
        gregorian = republican_to_gregorian(year or 0, month, day)
    except ValueError as error:
        return [_match(text, w, {}, f"{m.group()!r}: {error}")]
    custom = f"{_roman_numeral(year or 0)}-{month:02d}-{day:02d}"
    attrs = {"when": gregorian.isoformat(), "when-custom": custom, "datingMethod": REPUBLICAN}
    return [_match(text, w, attrs, None)]


def _roman_numeral(number: int) -> str:
    """A year of the Republic in Roman figures (1 to 39): "VIII"."""
    return _roman(number)


def _with_months(handler: Callable[..., Found], months: dict[str, int]) -> Handler:
    def read(text: str, m: re.Match[str], calendar: Reading, anchor: dt.date | None) -> Found:
        return handler(text, m, calendar, anchor, months)

    return read


def _completed_year(written: str, anchor: dt.date | None) -> int | None:
    """A year written with two or three figures ("47", "849"), completed from the anchor.

    Only a year within ten years of the document's date is taken: "849" in a
    letter of 1849 is 1849; without a date to complete it from it is no year.
    """
    if anchor is None:
        return None
    base = 10 ** len(written)
    value = int(written)
    year = min(
        (anchor.year - anchor.year % base + shift * base + value for shift in (-1, 0, 1)),
        key=lambda y: abs(y - anchor.year),
    )
    return year if abs(year - anchor.year) <= 10 else None


def _foreign(
    text: str,
    m: re.Match[str],
    calendar: Reading,
    anchor: dt.date | None,
    months: dict[str, int],
) -> Found:
    groups = m.groupdict()
    day = int(groups["d"]) if groups.get("d") else _ROMAN_DAYS.get(groups.get("rd") or "")
    month = months[groups["m"]] if groups.get("m") else int(groups["nm"])
    end = m.end()
    year: int | None = None
    if groups.get("sy"):
        year = _completed_year(groups["sy"], anchor)
        if year is None:
            return None
    elif groups.get("y"):
        year = int(groups["y"]) if len(groups["y"]) == 4 else _completed_year(groups["y"], anchor)
        if year is None:  # a three-figure number after the month is no year: leave it out
            end = m.end("m")
    elif groups.get("by"):
        year = int(groups["by"])
    elif groups.get("ry"):
        year = roman_year(groups["ry"])
    w = Written(m.start(), end, year=year, month=month, day=day)
    return [single_date(text, w, calendar, anchor)]


def _roman_date(
    text: str,
    m: re.Match[str],
    calendar: Reading,
    anchor: dt.date | None,
    months: dict[str, int],
) -> Found:
    """ "a.d. III Non. Oct. 1610", "pridie Kal. Ian.": counted back to the Kalends, Nones, Ides.

    The count gives the month and day; only February's leap day needs the year,
    so a date without one is counted in the anchor's year (or a common year) and
    then takes its year as any date without one does.
    """
    read = read_roman(m, months)
    if read is None:
        return None
    day, year = read
    counted_in = year if year is not None else (anchor.year if anchor else 1999)
    near: Calendar = calendar if isinstance(calendar, str) else "gregorian"
    if isinstance(calendar, Convention):
        near = calendar.calendar_for((counted_in, day.month, 1))
    try:
        _, month, number = roman_to_date(day, counted_in, near)
    except ValueError as error:
        return [_match(text, Written(m.start(), m.end()), {}, f"{m.group()!r}: {error}")]
    w = Written(m.start(), m.end(), year=year, month=month, day=number)
    return [single_date(text, w, calendar, anchor)]


# --- the public functions -------------------------------------------------------------------


#: A date expression: the extent of text it covers (cue words, brackets and markers
#: included) and its matches (two for a dual date).
Expression = tuple[int, int, list[DateMatch]]

#: A candidate expression and how to read it again with another anchor year.
_Candidate = tuple[int, int, list[DateMatch], Callable[[dt.date | None], Found]]


def _expressions(
    text: str,
    document_date: dt.date | None,
    default_calendar: str | Convention,
    language: str = "en",
) -> tuple[list[Expression], dt.date | None]:
    """Every date expression, left to right, none overlapping another; and the last anchor.

    A date written without a year takes its year from the nearest *preceding*
    date written with its year ("Petrograd, November 24, 1917. [Received
    November 26]"), and only before the first one from ``document_date``.
    """
    calendar = _calendar(default_calendar)
    candidates: list[_Candidate] = []
    for window_start, window_end in _windows(text):
        for _name, pattern, handler in FORMS:
            for m in pattern.finditer(text, window_start, window_end):
                found = handler(text, m, calendar, document_date)
                if found:
                    start, end = min(m.start(), found[0].start), max(m.end(), found[-1].end)
                    candidates.append((start, end, found, _reader(handler, text, m, calendar)))
    for pattern, handler in _language_forms(language):
        for m in pattern.finditer(text):
            found = handler(text, m, calendar, document_date)
            if found:
                start, end = found[0].start, found[-1].end
                candidates.append((start, end, found, _reader(handler, text, m, calendar)))
    kept = _longest_first(candidates)
    anchor = document_date
    expressions: list[Expression] = []
    for start, end, found, read_again in kept:
        if WRITTEN_YEAR.search(text, start, end):
            anchor = reference_day(found[-1].attrs, year_alone=False) or anchor
        elif anchor is not None and anchor != document_date:
            found = read_again(anchor) or found
        expressions.append((start, end, found))
    return expressions, anchor


def _reader(
    handler: Handler, text: str, m: re.Match[str], calendar: Reading
) -> Callable[[dt.date | None], Found]:
    def read_again(anchor: dt.date | None) -> Found:
        return handler(text, m, calendar, anchor)

    return read_again


#: A year written out (four digits), as opposed to a date that takes its year from context.
WRITTEN_YEAR = re.compile(r"(?<![\w.])[12]\d{3}(?![\w])")


def reference_day(
    attrs: dict[str, str], edge: str = "end", *, year_alone: bool = True
) -> dt.date | None:
    """The Gregorian day a date's attributes stand for, to place dates written without a year.

    ``edge`` is ``"end"`` for the anchor later dates take their year from (a
    range counts from its last day) and ``"start"`` for a document's own date
    (a document dated by a range is dated from its first day).

    One rule for a value without its day, wherever a reference day is taken:
    a month counts from its middle (the 15th), a year alone from its middle
    (1 July).  From the middle, the nearest year of a later "March 14" after
    "In March, 1918" is 1918, and a "28 December" in a document dated "1917"
    is of 1917; a first day would make it 1916.  ``year_alone=False`` gives no
    day for a year alone: a year mentioned in running text ("since 1905") says
    nothing of when the next sentence is.

    >>> reference_day({"when": "1918-03"}), reference_day({"from": "1917", "to": "1918"})
    (datetime.date(1918, 3, 15), datetime.date(1918, 7, 1))
    """
    keys = ("when", "to", "notAfter") if edge == "end" else ("when", "from", "notBefore")
    value = next((attrs[key] for key in keys if attrs.get(key)), "")
    if re.fullmatch(r"\d{4}", value):
        if not year_alone:
            return None
        value += "-07-01"
    elif re.fullmatch(r"\d{4}-\d\d", value):
        value += "-15"
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None  # a month-day without a year (--04-04), or no date at all
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def find_dates_in_sequence(
    text: str,
    *,
    anchor: dt.date | None,
    default_calendar: str | Convention = "gregorian",
    language: str = "en",
) -> tuple[list[DateMatch], dt.date | None]:
    """The dates of one of a sequence of texts (a document's blocks), and the next anchor.

    ``anchor`` is where a date without a year takes its year: the document's
    date before the first text, then the last date written with its year in
    the texts before.  The anchor returned is the one the next text starts
    from, so a caller that reads the texts in order gets what
    :func:`find_dates` gives for their concatenation.

    >>> found, anchor = find_dates_in_sequence("In March, 1918, ...", anchor=None)
    >>> anchor
    datetime.date(1918, 3, 15)
    >>> [m.attrs["when"] for m in find_dates_in_sequence("on March 14", anchor=anchor)[0]]
    ['1918-03-14']
    """
    expressions, after = _expressions(text, anchor, default_calendar, language)
    return [match for _, _, matches in expressions for match in matches], after


#: Every form holds a month name or a four-digit year; the forms run only near one.
ANCHOR = re.compile(
    rf"\b{MONTH_WORD}(?![A-Za-z])|\b[12]\d{{3}}\b|\b(?:instant|inst\.|ultimo|ult\.|proximo|prox\.)"
)
#: How far a date expression may reach before its first anchor ("between 10 and 14
#: December") and after its last one ("1917 (O.S.)"); anchors closer than that share a window.
REACH_BEFORE, REACH_AFTER = 30, 40


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around anchors, merged, ending at whitespace.

    Running the dozen form patterns over the whole text costs a scan each; most
    text holds no date, so they run only where a date can be.
    """
    windows: list[tuple[int, int]] = []
    for m in ANCHOR.finditer(text):
        start = max(0, m.start() - REACH_BEFORE)
        end = _next_space(text, min(len(text), m.end() + REACH_AFTER))
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _next_space(text: str, position: int) -> int:
    # A window must not end inside a token, or "19170" would read as "1917".
    found = _SPACE.search(text, position, position + 40)
    return found.start() if found else min(len(text), position + 40)


_SPACE = re.compile(r"\s")


def _calendar(name: str | Convention) -> Reading:
    """A plain calendar for 'gregorian'/'julian', else the named convention."""
    found = convention(name)
    if found.julian_always:
        return "julian"
    if found.last_julian is None:
        return "gregorian"
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping expressions, longer ones first (a dual date beats its halves)."""
    starts: list[int] = []  # kept extents, sorted and disjoint
    ends: list[int] = []
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        start, end = candidate[0], candidate[1]
        at = bisect.bisect_right(starts, start)
        if (at and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c[0])


def find_dates(
    text: str,
    *,
    document_date: dt.date | None = None,
    default_calendar: str | Convention = "gregorian",
    language: str = "en",
) -> list[DateMatch]:
    """All dates in ``text``, left to right, non-overlapping; both halves of a dual date.

    ``document_date`` supplies the year of dates written without one;
    ``default_calendar`` ("gregorian" or "julian") is how a date written once is read.

    >>> [(m.text, m.attrs["when"]) for m in find_dates("on 26 October [8 November] 1917")]
    [('26 October', '1917-11-08'), ('8 November', '1917-11-08')]
    """
    return find_dates_in_sequence(
        text, anchor=document_date, default_calendar=default_calendar, language=language
    )[0]


def parse_date(
    text: str,
    *,
    document_date: dt.date | None = None,
    default_calendar: str | Convention = "gregorian",
    language: str = "en",
) -> DateMatch | None:
    """The one date a string such as a dateline holds, or ``None``.

    The string may hold other words ("Moscow, 5 March 1918") but no second date
    and no other digits.  A dual date comes back as one match over the whole
    expression, with the Gregorian day in ``@when`` and the Julian one in
    ``@when-custom``.

    >>> parse_date("5 March 1918").attrs
    {'when': '1918-03-05'}
    """
    expressions = _expressions(text, document_date, default_calendar, language)[0]
    if not expressions:
        return _year_alone(text)
    if len(expressions) != 1:
        return None
    start, end, matches = expressions[0]
    if re.search(r"\d", text[:start] + text[end:]):
        return None
    if len(matches) == 1:
        return matches[0]
    julian = [m for m in matches if m.attrs.get("datingMethod") == "#julian"]
    if len(matches) != 2 or len(julian) != 1:
        return None  # a list of dates ("5 and 6 March"), not one date
    return _merge_dual(text, start, end, matches)


def _year_alone(text: str) -> DateMatch | None:
    """A date line whose only date is a year ("Wien, 1832"): the year, in any language."""
    years = list(WRITTEN_YEAR.finditer(text))
    if len(years) != 1 or re.search(r"\d", text[: years[0].start()] + text[years[0].end() :]):
        return None
    year = years[0]
    return DateMatch(year.start(), year.end(), {"when": year.group()}, year.group())


def _merge_dual(text: str, start: int, end: int, halves: list[DateMatch]) -> DateMatch:
    """One date for a whole dual expression (a dateline): Gregorian ``@when``, Julian custom.

    When the halves disagree, neither day is asserted: ``@notBefore``/``@notAfter``
    span both readings and the date is ``cert="low"``.
    """
    old = next(h for h in halves if h.attrs.get("datingMethod") == "#julian")
    new = next(h for h in halves if h is not old)
    attrs = {"calendar": "#julian #gregorian"}
    readings = sorted(v for v in (old.attrs.get("when"), new.attrs.get("when")) if v)
    if old.problem is None and readings:
        attrs["when"] = readings[0]
    elif readings:
        attrs.update(notBefore=readings[0], notAfter=readings[-1])
    if "when-custom" in old.attrs:
        attrs.update({"when-custom": old.attrs["when-custom"], "datingMethod": "#julian"})
    if old.problem:
        attrs["cert"] = "low"
    return DateMatch(start, end, attrs, text[start:end], old.problem)
