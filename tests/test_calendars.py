"""One Julian-Gregorian implementation (markup/calendars.py) behind markup, validate and export."""

from __future__ import annotations

import calendar

from tei_tools.calendars import gregorian_month_length
from tei_tools.export.dates import gregorian_to_julian_iso, julian_to_gregorian_iso
from tei_tools.validate.dates import iso_bounds, julian_to_gregorian


def test_gregorian_month_lengths_are_the_stdlibs_and_work_outside_datetimes_years():
    assert all(
        gregorian_month_length(year, month) == calendar.monthrange(year, month)[1]
        for year in range(1, 2801)
        for month in range(1, 13)
    )
    # Year 0 (1 BC) and -400 are leap years in the proleptic Gregorian calendar; -100 is not.
    assert [gregorian_month_length(y, 2) for y in (0, -100, -400, 10000)] == [29, 28, 29, 29]
    assert iso_bounds("0000-02") == ((0, 2, 1), (0, 2, 29))


def test_validate_and_export_agree_on_the_julian_leap_day_of_1900():
    assert julian_to_gregorian("1900-02-29").isoformat() == "1900-03-13"
    assert julian_to_gregorian_iso("1900-02-29") == "1900-03-13"
    assert gregorian_to_julian_iso("1900-03-13") == "1900-02-29"


def test_days_that_do_not_exist_convert_to_nothing():
    assert julian_to_gregorian("1901-02-29") is None
    assert julian_to_gregorian_iso("1917-02-30") is None
    assert gregorian_to_julian_iso("1900-02-29") is None  # Julian only
    assert julian_to_gregorian_iso("9999-12-31") is None  # its Gregorian day is in year 10000


def test_month_names_are_written_only_in_their_data_file():
    import io
    import tokenize
    from pathlib import Path

    import tei_tools
    from tei_tools.calendars import month_names

    english = month_names("en")
    words = {*english.names, *english.abbreviations}
    spelled = []
    for path in Path(tei_tools.__file__).parent.rglob("*.py"):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            if token.type == tokenize.STRING and token.string.strip("\"'") in words:
                spelled.append(f"{path.name}:{token.start[0]}: {token.string}")
    for path in Path(tei_tools.__file__).parent.rglob("*.js"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(f'"{word}"' in line or f"'{word}'" in line for word in words):
                spelled.append(f"{path.name}:{number}: {line.strip()}")
    assert spelled == []
    assert english.name(9) == "September" and english.abbreviations["Sept"] == 9


def test_the_sites_citation_script_gets_its_month_names_from_the_data_file():
    from tei_tools.calendars import month_names
    from tei_tools.corpus.citation import cite_script

    script = cite_script().decode("utf-8")
    assert '"September"' in script and '"Sept."' in script
    assert "MONTH_" not in script
    assert len(month_names("en").citation) == 12
