"""Julian and Gregorian calendar arithmetic, through convertdate.

Russia kept the Julian calendar (Old Style) until 1 (14) February 1918, and the
documents of the period often give both readings.  The gap between the two
calendars is not a constant 13 days: it grows by one day in every century year
that is not a multiple of 400 (10 days before 1700, 13 days from 1 March 1900
Julian), so all conversions go through convertdate's day-number arithmetic
rather than a fixed offset.

A date here is a plain ``(year, month, day)`` tuple, because a Julian date such
as 29 February 1900 has no :class:`datetime.date` of its own.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import functools
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from convertdate import julian

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

Calendar = Literal["gregorian", "julian"]
YMD = tuple[int, int, int]

#: The calendars a date can be read in; the values name a ``calendar`` element in the header.
CALENDARS: tuple[Calendar, ...] = ("gregorian", "julian")


def is_real_date(ymd: YMD, calendar: Calendar) -> bool:
    """Whether the day exists in that calendar (29 February 1900 is Julian only).

    >>> is_real_date((1900, 2, 29), "julian"), is_real_date((1900, 2, 29), "gregorian")
    (True, False)
    """
    year, month, day = ymd
    if not (1 <= month <= 12 and day >= 1 and 1 <= year <= 9999):
        return False
    if calendar == "julian":
        return day <= julian.month_length(year, month)
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def julian_to_gregorian(ymd: YMD) -> dt.date:
    """The Gregorian (proleptic) date of the day written ``ymd`` Old Style.

    >>> julian_to_gregorian((1917, 10, 26))
    datetime.date(1917, 11, 8)
    """
    return dt.date(*julian.to_gregorian(*ymd))


def gregorian_to_julian(day: dt.date) -> YMD:
    """The Julian reading of a Gregorian day, as a tuple (it may be a Julian-only leap day).

    >>> gregorian_to_julian(dt.date(1918, 2, 14))
    (1918, 2, 1)
    """
    year, month, date = julian.from_gregorian(day.year, day.month, day.day)
    return int(year), int(month), int(date)


def to_gregorian(ymd: YMD, calendar: Calendar) -> dt.date:
    """The Gregorian day a date written in ``calendar`` stands for.

    Raises :class:`ValueError` for a day that does not exist in that calendar.
    """
    if not is_real_date(ymd, calendar):
        raise ValueError(f"{ymd[2]} {ymd[1]}/{ymd[0]} is not a day of the {calendar} calendar")
    if calendar == "julian":
        return julian_to_gregorian(ymd)
    return dt.date(*ymd)


def month_length(year: int, month: int, calendar: Calendar) -> int:
    """Days in a month of that calendar (February 1900 has 29 Julian days, 28 Gregorian)."""
    if calendar == "julian":
        return int(julian.month_length(year, month))
    return gregorian_month_length(year, month)


def gregorian_month_length(year: int, month: int) -> int:
    """Days in a month of the (proleptic) Gregorian calendar, for any year.

    >>> gregorian_month_length(1900, 2), gregorian_month_length(2000, 2)
    (28, 29)
    """
    # monthrange() needs a year datetime knows (1-9999); the Gregorian leap cycle is 400
    # years, so the same year of the cycle in 2000-2399 has the same month lengths.
    return stdlib_calendar.monthrange(2000 + year % 400, month)[1]


# --- calendar conventions -------------------------------------------------------------------


@dataclass(frozen=True)
class Convention:
    """How a collection's dates written once (no O.S./N.S. mark) are read.

    Julian until ``last_julian`` (a Julian day, as written), Gregorian after;
    while Julian, the numbered year may begin on ``year_start`` (Lady Day,
    25 March, in England until 1752), so "10 March 1649" is the modern
    (Gregorian) 20 March 1650.  ``gregorian`` and ``julian`` are the two
    conventions without a change.
    """

    name: str
    label: str = ""
    last_julian: YMD | None = None  # None with julian_always False: always Gregorian
    first_gregorian: YMD | None = None  # the day after it, New Style, as the table gives it
    julian_always: bool = False
    year_start: tuple[int, int] = (1, 1)
    year_start_until: int | None = None
    source: str = ""

    def calendar_for(self, ymd: YMD) -> Calendar:
        """The calendar a date written once, as ``ymd`` (year as written), is in."""
        if self.julian_always:
            return "julian"
        if self.last_julian is None:
            return "gregorian"
        return "julian" if self.modern_year(ymd) <= self.last_julian else "gregorian"

    def modern_year(self, ymd: YMD) -> YMD:
        """The date with its year counted from 1 January (as the modern reckoning does)."""
        year, month, day = ymd
        if self.year_start == (1, 1) or (
            self.year_start_until is not None and year >= self.year_start_until
        ):
            return ymd
        if (month, day) < self.year_start:
            return year + 1, month, day
        return ymd

    def describe(self) -> str:
        """One sentence for the header's calendarDesc."""
        if self.julian_always:
            return "Dates written once are read in the Julian calendar (Old Style)."
        if self.last_julian is None:
            return "Dates written once are read in the Gregorian calendar (New Style)."
        year, month, day = self.last_julian
        text = (
            f"{self.label}: dates written once are read in the Julian calendar (Old Style) "
            f"to {day} {month_names().name(month)} {year} and in the Gregorian "
            "calendar after it"
        )
        if self.year_start != (1, 1):
            month, day = self.year_start
            text += (
                f"; before {self.year_start_until} the Old Style year began on "
                f"{day} {month_names().name(month)}"
            )
        return text + (f" ({self.source})." if self.source else ".")


GREGORIAN = Convention("gregorian")
JULIAN = Convention("julian", julian_always=True)


@functools.cache
def calendar_table(name: str) -> dict:
    """``data/calendars/<name>.toml``, read once (do not change what it returns)."""
    text = (resources.files("tei_tools") / "data" / "calendars" / f"{name}.toml").read_text(
        encoding="utf-8"
    )
    return tomllib.loads(text)


@functools.cache
def reforms() -> dict[str, Convention]:
    """The conventions of ``data/calendars/reforms.toml``, by key."""
    table = calendar_table("reforms")
    found = {}
    for key, entry in table.items():
        start = entry.get("year_start")
        found[key] = Convention(
            key,
            label=entry.get("label", key),
            last_julian=_ymd(entry["last_julian"]),
            first_gregorian=_ymd(entry["first_gregorian"]),
            year_start=tuple(int(part) for part in start.split("-")) if start else (1, 1),  # type: ignore[arg-type]
            year_start_until=entry.get("year_start_until"),
            source=entry.get("source", ""),
        )
    return found


def convention_names() -> tuple[str, ...]:
    """Every name a profile or collection may give as its calendar."""
    return ("gregorian", "julian", *reforms())


def convention(name: str | Convention) -> Convention:
    """The convention called ``name``: 'gregorian', 'julian' or a country key of the table.

    >>> convention("great-britain").calendar_for((1649, 3, 10))
    'julian'
    >>> convention("great-britain").modern_year((1649, 3, 10))
    (1650, 3, 10)
    """
    if isinstance(name, Convention):
        return name
    key = name.lstrip("#").lower()
    if key == "gregorian":
        return GREGORIAN
    if key == "julian":
        return JULIAN
    try:
        return reforms()[key]
    except KeyError:
        raise ValueError(
            f"unknown calendar {name!r}: expected one of {', '.join(convention_names())}"
        ) from None


@dataclass(frozen=True)
class MonthNames:
    """The month names of one language (``data/calendars/months.toml``)."""

    #: The twelve names, January first.
    names: tuple[str, ...]
    #: Short forms written with a point ("Sept."), without it: month numbers.
    abbreviations: dict[str, int]
    #: Letter-writers' contractions ("Decr", "7ber"), with or without a point.
    contractions: dict[str, int]
    #: The twelve names as a citation abbreviates them ("Sept."); empty when not given.
    citation: tuple[str, ...] = ()

    def name(self, month: int) -> str:
        """The name of month ``month`` (1 is January).

        >>> month_names().name(3)
        'March'
        """
        return self.names[month - 1]


@functools.cache
def month_names(language: str = "en") -> MonthNames:
    """The month names of ``language``, read once from ``data/calendars/months.toml``."""
    table = calendar_table("months")
    if language not in table:
        raise ValueError(f"no month names for {language!r}: expected one of {', '.join(table)}")
    entry = table[language]
    if len(entry["names"]) != 12:
        raise ValueError(f"months.toml: [{language}] names must list twelve months")
    return MonthNames(
        tuple(entry["names"]),
        dict(entry.get("abbreviations", {})),
        dict(entry.get("contractions", {})),
        tuple(entry.get("citation", ())),
    )


def _ymd(value: object) -> YMD:
    year, month, day = (int(part) for part in str(value).split("-"))
    return year, month, day


# --- the French Republican calendar ---------------------------------------------------------


def _republican() -> dict:
    return calendar_table("republican")


def republican_month_words() -> dict[str, int]:
    """The Republican months' names (lower case, with and without accents), by number."""
    return {
        name: int(number) for number, names in _republican()["months"].items() for name in names
    }


def republican_complementary_words() -> tuple[tuple[str, ...], dict[str, int]]:
    """The words for the complementary days, and the ordinal words of their count."""
    table = _republican()
    return tuple(table["complementary"]), {k: int(v) for k, v in table["ordinals"].items()}


def republican_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day of a Republican date; month 13 is the complementary days.

    The arithmetic is convertdate's (its default method gives the years as the calendar
    was kept, I to XIV); a date that does not exist (31 Ventôse, a sixth complementary day
    of a common year) is a ValueError.

    >>> republican_to_gregorian(8, 6, 18)  # 18 Ventôse an VIII
    datetime.date(1800, 3, 9)
    >>> republican_to_gregorian(2, 3, 4)  # 4 Frimaire an II, the decree's day
    datetime.date(1793, 11, 24)
    """
    from convertdate import french_republican

    last_year = int(_republican()["last_year"])
    if not 1 <= year <= last_year or not 1 <= month <= 13 or not 1 <= day <= 30:
        raise ValueError(f"an {year}, month {month}, day {day} is no Republican date")
    gregorian = dt.date(*french_republican.to_gregorian(year, month, day))
    if tuple(french_republican.from_gregorian(*gregorian.timetuple()[:3])) != (year, month, day):
        raise ValueError(f"day {day} of month {month} an {year} does not exist")
    return gregorian
