"""Dates for readers: the machine value for ``<time datetime>``, both readings of a Julian date.

TEI keeps ``@when`` in the Gregorian calendar whatever the text says; a
date written in the Julian calendar (Old Style, as in Russia until 1918)
says so with ``@calendar="#julian"`` or ``@datingMethod="#julian"`` plus
``@when-custom``.  A reader needs to see both days, and which is which.

>>> from lxml import etree
>>> date = etree.fromstring(
...     '<date xmlns="http://www.tei-c.org/ns/1.0" calendar="#julian" when="1917-11-08"'
...     ' when-custom="1917-10-26" datingMethod="#julian">26 October</date>'
... )
>>> reading = read_date(date)
>>> reading.datetime, reading.julian, reading.gregorian
('1917-11-08', '1917-10-26', '1917-11-08')
>>> format_iso_date("1917-11-08")
'8 November 1917'
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from lxml import etree

from tei_tools import calendars

MONTHS = calendars.month_names().names

# HTML's valid date, month, year and date-time strings (no negative or 5-digit years:
# browsers reject them, so such dates keep their value in a data attribute instead).
_HTML_DATETIME = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?"
    r"|--\d{2}-\d{2}|\d{2}:\d{2}(:\d{2})?"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class DateReading:
    """What a ``date``/``time`` element means, ready to render."""

    datetime: str | None  # a value HTML's <time datetime> accepts
    julian: str | None = None  # ISO day of the Old Style reading, for Julian dates
    gregorian: str | None = None  # ISO day of the New Style reading
    description: str | None = None  # for a title: ranges and uncertain dates

    @property
    def is_julian(self) -> bool:
        return self.julian is not None


def html_datetime(value: str | None) -> str | None:
    """``value`` if a browser accepts it in ``<time datetime>``, else None."""
    if value and _HTML_DATETIME.fullmatch(value) and not value.startswith("0000"):
        return value
    return None


def names_julian(pointer: str | None) -> bool:
    """Whether a ``@calendar``/``@datingMethod`` pointer names the Julian calendar."""
    if not pointer:
        return False
    return pointer.rsplit("#", 1)[-1].lower() in {"julian", "os", "old-style"}


def read_date(element: etree._Element) -> DateReading:
    """The readings of one TEI ``date``; never raises on odd values (they are shown as written)."""
    when = element.get("when") or element.get("when-iso")
    custom = element.get("when-custom")
    julian_method = names_julian(element.get("datingMethod"))
    if julian_method and custom:
        gregorian = when or julian_to_gregorian_iso(custom)
        return DateReading(html_datetime(gregorian), custom, gregorian)
    if names_julian(element.get("calendar")) and when:
        return DateReading(html_datetime(when), gregorian_to_julian_iso(when), when)
    return DateReading(html_datetime(when), description=describe_range(element))


def describe_range(element: etree._Element) -> str | None:
    """A phrase for ``@from``/``@to``/``@notBefore``/``@notAfter`` (shown as a title)."""
    get = element.get
    start, end = get("from") or get("from-iso"), get("to") or get("to-iso")
    earliest, latest = (
        get("notBefore") or get("notBefore-iso"),
        get("notAfter") or get("notAfter-iso"),
    )
    if start or end:
        return f"from {start or '?'} to {end or '?'}"
    if earliest and latest:
        return f"between {earliest} and {latest}"
    if earliest:
        return f"not before {earliest}"
    if latest:
        return f"not after {latest}"
    return None


def format_iso_date(value: str) -> str:
    """``1917-11-08`` → ``8 November 1917``; other values are returned as they are."""
    found = _ISO_DAY.fullmatch(value)
    if not found or not 1 <= int(found.group(2)) <= 12:
        return value
    year, month, day = found.groups()
    return f"{int(day)} {MONTHS[int(month) - 1]} {int(year)}"


def julian_to_gregorian_iso(value: str) -> str | None:
    """The Gregorian ISO day for a Julian ISO day, or None if ``value`` is not a day."""
    return _convert_day(value, to_gregorian=True)


def gregorian_to_julian_iso(value: str) -> str | None:
    """The Julian ISO day for a Gregorian ISO day, or None if ``value`` is not a day."""
    return _convert_day(value, to_gregorian=False)


def _convert_day(value: str, *, to_gregorian: bool) -> str | None:
    found = _ISO_DAY.fullmatch(value)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    calendar: calendars.Calendar = "julian" if to_gregorian else "gregorian"
    if not calendars.is_real_date((year, month, day), calendar):
        return None
    try:
        if to_gregorian:
            result = calendars.julian_to_gregorian((year, month, day))
            return result.isoformat()
        julian = calendars.gregorian_to_julian(datetime.date(year, month, day))
    except ValueError:  # the other reading falls outside the years datetime knows
        return None
    return "{:04d}-{:02d}-{:02d}".format(*julian)
