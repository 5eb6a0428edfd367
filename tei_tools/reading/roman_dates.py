"""Days counted the Roman way: Kalends, Nones and Ides ("III Non. Oct.", "pridie Kal. Ian.").

Latin letters into the eighteenth century date a day by counting back, both
ends included, to the next of three reference days of the month: the
Kalends (the 1st), the Nones (the 7th of March, May, July and October, the
5th of the others) and the Ides (eight days after the Nones, the 15th or the
13th).  So "a.d. III Non. Oct." is 5 October (7, 6, 5), "pridie Idus Martias"
14 March, and a day after the Ides is counted to the Kalends of the *next*
month: "a.d. XVII Kal. Ian." is 16 December.  In a leap year the sixth day
before the Kalends of March is doubled: "a.d. bis VI Kal. Mart." is
24 February and "a.d. VI Kal. Mart." 25 February; the days from the seventh
back are one day earlier than the same count in a common year would give if
February had 29 days (Grotefend's table; sources and words in
``data/calendars/roman.toml``).

A year written with such a date is the year the day is in: "a.d. IV Kal. Ian.
1610" is 29 December 1610 (the writer counts towards the next year's Kalends
but dates his letter in his own year).  The Roman reckoning is a way of
numbering days, not a calendar: the day it gives is read in the collection's
calendar (Julian or Gregorian) like any other, and only the leap year of that
calendar decides the bissextile day.

This module reads the words and does the arithmetic (below the markup, because the layout
reader asks it whether a line is a date line); :mod:`tei_tools.markup.dates`
turns the day into TEI attributes with every other form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from tei_tools.calendars import Calendar, calendar_table, month_length

__all__ = [
    "ROMAN_YEAR",
    "RomanDay",
    "ides_day",
    "nones_day",
    "read_roman",
    "reference_words",
    "roman_day_pattern",
    "roman_month_words",
    "roman_to_date",
    "roman_words",
    "roman_year",
]

Reference = Literal["kalends", "nones", "ides"]


@dataclass(frozen=True)
class RomanDay:
    """A day as written in the Roman reckoning.

    ``count`` is the inclusive count back to the reference day: 1 is the day
    itself ("Idibus Martiis"), 2 the day before ("pridie"), 3 "a.d. III".
    ``after`` is the day after the reference day ("postridie Kalendas").
    """

    reference: Reference
    month: int
    count: int = 1
    bissextile: bool = False
    after: bool = False


def _table() -> dict:
    return calendar_table("roman")


def nones_day(month: int) -> int:
    """The day of the Nones: the 7th in March, May, July and October, else the 5th.

    >>> nones_day(3), nones_day(4)
    (7, 5)
    """
    return 7 if month in _table()["days"]["late_nones"] else 5


def ides_day(month: int) -> int:
    """The day of the Ides, eight days after the Nones: the 15th or the 13th.

    >>> ides_day(3), ides_day(11)
    (15, 13)
    """
    return nones_day(month) + int(_table()["days"]["nones_to_ides"])


def roman_to_date(day: RomanDay, year: int, calendar: Calendar) -> tuple[int, int, int]:
    """The (year, month, day) a Roman date stands for, ``year`` being the day's own year.

    Raises :class:`ValueError` for a count that reaches past the reference day
    before (the Nones counted back beyond the 2nd, the Ides beyond the day after
    the Nones, the Kalends beyond the day after the last month's Ides), and for
    a doubled sixth day outside February of a leap year.

    >>> roman_to_date(RomanDay("nones", 10, 3), 1610, "julian")  # a.d. III Non. Oct.
    (1610, 10, 5)
    >>> roman_to_date(RomanDay("kalends", 1, 2), 1610, "gregorian")  # pridie Kal. Ian.
    (1610, 12, 31)
    >>> roman_to_date(RomanDay("kalends", 3, 6), 1600, "julian")  # a.d. VI Kal. Mart., leap
    (1600, 2, 25)
    """
    if day.after:
        reference = roman_to_date(RomanDay(day.reference, day.month), year, calendar)
        month_days = month_length(year, reference[1], calendar)
        if reference[2] == month_days:
            raise ValueError("postridie of a month's last day")  # pragma: no cover - no such day
        return reference[0], reference[1], reference[2] + 1
    if day.count < 1:
        raise ValueError(f"a count of {day.count} days")
    if day.bissextile and not (day.reference == "kalends" and day.month == 3 and day.count == 6):
        raise ValueError("only the sixth day before the Kalends of March is doubled")
    if day.reference == "kalends":
        if day.count == 1:
            return year, day.month, 1
        month = day.month - 1 or 12
        days = month_length(year, month, calendar)
        if day.bissextile and days != 29:
            raise ValueError(f"{year} is no leap year: it has no doubled sixth day")
        shift = 1 if days == 29 and month == 2 and (day.count > 6 or day.bissextile) else 0
        value = days + 2 - day.count - shift
        if value <= ides_day(month):
            raise ValueError("the Kalends are counted back only to the day after the Ides")
        return year, month, value
    first = nones_day(day.month) if day.reference == "nones" else ides_day(day.month)
    value = first + 1 - day.count
    lowest = 2 if day.reference == "nones" else nones_day(day.month) + 1
    if value < lowest:
        raise ValueError(
            f"the {day.reference.capitalize()} are counted back only to day {lowest} of the month"
        )
    return year, day.month, value


# --- reading the words -----------------------------------------------------------------


def _cased(words: Iterable[str]) -> set[str]:
    forms = set()
    for word in words:
        forms |= {word, word.lower(), word.upper(), word[:1].upper() + word[1:]}
    return forms


def _alternation(words: Iterable[str]) -> str:
    """Longest first; a word not ending in a point must end at a word boundary."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s*")
        parts.append(escaped if word.endswith(".") else escaped + r"(?!\w)")
    return "(?:" + "|".join(parts) + ")"


_ROMAN_COUNT = r"[IVXivx]{1,5}j?"
_ROMAN_YEAR = r"M{1,2}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w])"
#: A year in Roman numerals, from M ("MDCXXIII"), points between the letters allowed ("M.D.XVII").
ROMAN_YEAR = _ROMAN_YEAR


def roman_year(numeral: str) -> int | None:
    """The year a Roman numeral writes ("MDCXXIII", or a year of the Republic: "VIII").

    >>> roman_year("MDCXXIII"), roman_year("VIII")
    (1623, 8)
    """
    return _roman_number(numeral)


_NUMERALS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _as_roman(number: int) -> str:
    parts = []
    for value, numeral in _NUMERALS:
        times, number = divmod(number, value)
        parts.append(numeral * times)
    return "".join(parts)


def _roman_number(numeral: str) -> int | None:
    """The value of a Roman numeral ("XIX", "iij", "MDCX"), None if it is not written right.

    A final j stands for i, as printers wrote it ("iij").  Only the usual forms
    count, so a word that is made of the same letters ("vix") is no number.

    >>> _roman_number("iij"), _roman_number("MDCX"), _roman_number("vix")
    (3, 1610, None)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = numeral.upper()
    if text.endswith("J"):
        text = text[:-1] + "I"
    if not text or any(char not in values for char in text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 and _as_roman(total) == text else None


@functools.cache
def _references() -> dict[str, Reference]:
    """Every written form of the three reference days, to the day it names."""
    words = _table()["words"]
    keys: tuple[Reference, ...] = ("kalends", "nones", "ides")
    return {form: key for key in keys for form in _cased(words[key])}


@functools.cache
def _ordinals() -> dict[str, int]:
    return {form: int(n) for word, n in _table()["ordinals"].items() for form in _cased([word])}


@functools.cache
def _adjectives() -> dict[str, int]:
    """The months as adjectives ("Martias", "Novembribus"), to their numbers."""
    return {form: int(n) for n, words in _table()["months"].items() for form in _cased(words)}


def roman_words() -> frozenset[str]:
    """Every word of a Roman date in lower case, without its point (for a dateline's test)."""
    table = _table()["words"]
    words: set[str] = set()
    for key in ("kalends", "nones", "ides", "before_count", "day_before", "day_after",
                "bissextile", "before_year"):  # fmt: skip
        for entry in table[key]:
            words |= {part.lower().rstrip(".") for part in entry.split()}
    words |= {part for word in _table()["ordinals"] for part in word.split()}
    words |= {w.lower() for forms in _table()["months"].values() for w in forms}
    return frozenset(words)


def roman_month_words() -> frozenset[str]:
    """The months as adjectives in lower case ("martias", "novembribus")."""
    return frozenset(w.lower() for forms in _table()["months"].values() for w in forms)


def reference_words() -> frozenset[str]:
    """The words of the three reference days in lower case, without their point."""
    table = _table()["words"]
    return frozenset(
        w.lower().rstrip(".") for key in ("kalends", "nones", "ides") for w in table[key]
    )


@functools.cache
def roman_day_pattern(month_forms: tuple[tuple[str, int], ...]) -> re.Pattern[str]:
    """The pattern of a Roman date, with ``month_forms`` (the language's month words).

    Groups: ``before`` (pridie), ``after`` (postridie), ``bis``, ``count``, ``ref``,
    ``m`` (the month), ``y`` (a year in figures) or ``ry`` (in Roman numerals).
    """
    words = _table()["words"]
    months = {**dict(month_forms), **_adjectives()}
    count = rf"(?:{_alternation(_ordinals())}|{_ROMAN_COUNT}\.?(?!\w)|(?:[12]\d|0?[1-9])\.?(?!\w))"
    lead = (
        rf"(?:(?P<before>{_alternation(_cased(words['day_before']))})\s*"
        rf"|(?P<after>{_alternation(_cased(words['day_after']))})\s*"
        rf"|(?:{_alternation(_cased(words['before_count']))}\s*)?"
        rf"(?P<bis>{_alternation(_cased(words['bissextile']))}\s*)?(?P<count>{count})\s*)?"
    )
    ref = rf"(?P<ref>{_alternation(_references())})"
    month = rf"(?P<m>{_alternation(months)})"
    before_year = rf"(?:{_alternation(_cased(words['before_year']))}\s*)?"
    year = rf"(?:[.,]?\s*{before_year}(?:(?P<y>[12]\d{{3}})(?!\w)|(?P<ry>{_ROMAN_YEAR})))?"
    return re.compile(rf"(?<![\w.]){lead}{ref}\s*{month}{year}")


def read_roman(
    m: re.Match[str], month_forms: Mapping[str, int]
) -> tuple[RomanDay, int | None] | None:
    """The Roman day and the year (None if unwritten) a match of :func:`roman_day_pattern` holds.

    None when the count is not a number (a word that only looks like a numeral).
    """
    reference = _references()[m.group("ref")]
    month_word = m.group("m")
    month = _adjectives().get(month_word) or month_forms.get(month_word)
    if month is None:
        return None
    count = 1
    if m.group("before"):
        count = 2
    elif m.group("count"):
        written = m.group("count").rstrip(".")
        if written in _ordinals():
            count = _ordinals()[written]
        elif written.isdigit():
            count = int(written)
        else:
            value = _roman_number(written)
            if value is None:
                return None
            count = value
    year: int | None = None
    if m.group("y"):
        year = int(m.group("y"))
    elif m.group("ry"):
        year = _roman_number(m.group("ry"))
    day = RomanDay(
        reference,
        month,
        count,
        bissextile=bool(m.group("bis")),
        after=bool(m.group("after")),
    )
    return day, year
