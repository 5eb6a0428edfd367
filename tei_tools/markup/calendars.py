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
from typing import Literal

from convertdate import julian

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
