"""Messages carry FILE:LINE:COL, with the column where Jing puts it (the end of the start tag)."""

from __future__ import annotations

import csv

import pytest
from conftest import REPO, shared_path

from tei_tools.validate import validate_file
from tei_tools.validate.columns import start_tag_ends

TEI_ALL = REPO / "schemas" / "tei_all.rng"


def test_start_tag_ends_skip_comments_cdata_and_pis():
    data = b'<a>\n<!-- <b> -->\n<c x="1>2"\n   y="3"><![CDATA[<d>]]><?pi <e>?><f/></c></a>'
    assert start_tag_ends(data) == {1: [("a", 4)], 4: [("c", 10), ("f", 39)]}


@pytest.mark.slow
def test_first_errors_have_jings_line_always_and_its_column_on_nearly_every_broken_sample():
    base = shared_path("tei-samples", "invalid")
    with (base / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["expected"] == "invalid"]
    same, same_line, compared = 0, 0, 0
    for row in rows:
        place = row["jing_first_error"].split(" ")[0]
        if not place[:1].isdigit():
            continue  # Jing accepted it: no position to compare
        line, column = map(int, place.split(":"))
        report = validate_file(base / row["file"], schema=TEI_ALL)
        first = next(p for p in report.problems if p.severity == "error")
        compared += 1
        same += (first.line, first.column) == (line, column)
        same_line += first.line == line
    # Measured 2026-12-07: 35 compared, every first error on Jing's line, 34 at its column
    # (text-in-listperson.xml: Jing places text where no text may stand at the text,
    # tei-tools at the element the text is in).
    assert compared >= 30
    assert same_line == compared, f"{same_line}/{compared} first errors on Jing's line"
    assert same / compared >= 0.95, f"{same}/{compared} first errors at Jing's line:column"
