"""Date checks no schema makes: real calendar dates, ordered ranges, Julian arithmetic.

The schema checks the *form* of ``@when`` and friends; it cannot know that
``@notBefore`` must not come after ``@notAfter``, or that a Julian
``@when-custom`` and its Gregorian ``@when`` must be the right number of days
apart (10 days in the 16th/17th century, 11 in the 18th, ...).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from lxml import etree

from tei_tools import calendars
from tei_tools.calendars import gregorian_month_length
from tei_tools.validate.problems import WARNING, Problem, element_path

_ISO = re.compile(r"^(-?\d{4,})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
_JULIAN = re.compile(r"julian", re.IGNORECASE)


def iso_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The earliest and latest day an ISO date (year, year-month or full date) covers.

    >>> iso_bounds("1917-02")
    ((1917, 2, 1), (1917, 2, 28))
    """
    match = _ISO.match(value.strip())
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None:
        return (year, 1, 1), (year, 12, 31)
    if not 1 <= month <= 12:
        return None
    last = gregorian_month_length(year, month)
    if day is None:
        return (year, month, 1), (year, month, last)
    if not 1 <= day <= last:
        return None
    return (year, month, day), (year, month, day)


def check_dates(
    tree: etree._ElementTree, file: str, *, severity: str = WARNING
) -> Iterator[Problem]:
    """Yield problems for impossible dates, reversed ranges and wrong Julian conversions.

    They are warnings unless ``severity`` says otherwise (``--strict``), so
    they never change the schema's verdict.
    """
    for node in tree.getroot().iter(etree.Element):
        # Most elements carry no date: one set test in C per element skips them.
        keys = node.keys()
        if keys and not _DATED.isdisjoint(keys) and not node.tag.startswith(_EXAMPLE):
            yield from _check_node(node, file, severity)


_DATED = frozenset((*DATE_ATTRIBUTES, "when-custom"))
#: Dates inside ``<egXML>`` are examples of encoding, not the document's dates.
_EXAMPLE = "{http://www.tei-c.org/ns/Examples}"


def _check_node(node: etree._Element, file: str, severity: str) -> Iterator[Problem]:
    def problem(message: str, attribute: str, code: str) -> Problem:
        return Problem(
            file,
            node.sourceline,
            None,
            severity,
            message,
            path=element_path(node),
            rule="date",
            attribute=attribute,
            code=code,
            value=node.get(attribute),
        )

    bounds = {}
    for name in DATE_ATTRIBUTES:
        value = node.get(name)
        if value is None or not _ISO.match(value.strip()):
            continue  # not an ISO calendar date; the schema judges the form
        found = iso_bounds(value)
        if found is None:
            yield problem(f'@{name}="{value}" is not a real calendar date', name, "date-not-real")
        else:
            bounds[name] = found
    for low, high in (("notBefore", "notAfter"), ("from", "to")):
        if low in bounds and high in bounds and bounds[low][0] > bounds[high][1]:
            yield problem(
                f'@{low}="{node.get(low)}" is after @{high}="{node.get(high)}"; the range is reversed',
                low,
                "date-range-reversed",
            )
    custom = node.get("when-custom")
    if custom and "when" in bounds and _is_julian(node):
        expected = julian_to_gregorian(custom)
        if expected is not None and bounds["when"][0] == bounds["when"][1]:
            got = _dt.date(*bounds["when"][0]) if bounds["when"][0][0] > 0 else None
            if got is not None and got != expected:
                yield problem(
                    f'Julian @when-custom="{custom}" is {expected.isoformat()} in the Gregorian '
                    f'calendar, but @when="{node.get("when")}"',
                    "when",
                    "date-julian-mismatch",
                )


def _is_julian(node: etree._Element) -> bool:
    for name in ("datingMethod", "calendar"):
        value = node.get(name)
        if value and _JULIAN.search(value):
            return True
    return False


def julian_to_gregorian(value: str) -> _dt.date | None:
    """Convert a full Julian ISO date to the Gregorian date of the same day.

    >>> julian_to_gregorian("1582-10-05")
    datetime.date(1582, 10, 15)
    """
    match = re.match(r"^(\d{4})-(\d\d)-(\d\d)$", value.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not calendars.is_real_date((year, month, day), "julian"):
        return None
    return calendars.julian_to_gregorian((year, month, day))
