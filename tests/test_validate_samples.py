"""Verdicts on real TEI and broken variants must equal Jing's (../shared/tei-samples manifests)."""

from __future__ import annotations

import csv

import pytest
from conftest import REPO, shared_path

TEI_ALL = REPO / "schemas" / "tei_all.rng"


def _manifest(*parts: str) -> list[dict[str, str]]:
    with shared_path(*parts).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _jing_line(first_error: str) -> int | None:
    head = first_error.split(":", 1)[0]
    return int(head) if head.isdigit() and head != "0" else None


@pytest.fixture(scope="module")
def real_reports():
    """All 80 real samples validated in one batch against tei_all, schema checks only."""
    from tei_tools.validate import validate

    rows = _manifest("tei-samples", "MANIFEST.tsv")
    files = [shared_path("tei-samples", row["file"]) for row in rows]
    report = validate(files, schema=TEI_ALL, extra_checks=False)
    return rows, {r.file: r for r in report.files}


@pytest.fixture(scope="module")
def invalid_reports():
    from tei_tools.validate import validate

    rows = _manifest("tei-samples", "invalid", "MANIFEST.tsv")
    files = [shared_path("tei-samples", "invalid", row["file"]) for row in rows]
    report = validate(files, schema=TEI_ALL)
    return rows, {r.file: r for r in report.files}


def test_every_real_sample_gets_jings_verdict(real_reports):
    rows, reports = real_reports
    wrong = []
    for row in rows:
        report = reports[str(shared_path("tei-samples", row["file"]))]
        if report.valid != (row["jing_valid"] == "yes"):
            wrong.append((row["file"], row["jing_valid"], report.status))
    assert wrong == []
    assert sum(r.valid for r in reports.values()) == 49


def test_first_error_is_on_jings_line_for_most_real_invalid_samples(real_reports):
    rows, reports = real_reports
    compared = matched = 0
    for row in rows:
        report = reports[str(shared_path("tei-samples", row["file"]))]
        line = _jing_line(row["jing_first_error"])
        if line is None or report.status != "invalid" or "fatal" in row["jing_first_error"]:
            continue
        compared += 1
        matched += report.problems[0].line == line
    assert compared >= 20
    # Known misses (documented in the closing note): idp HGV1_1, prakrit duplicate ID, testrdf.
    assert matched >= compared - 3


@pytest.mark.parametrize("kind", ["invalid", "not-wellformed", "hostile"])
def test_broken_variants_are_reported_as_their_manifest_says(invalid_reports, kind):
    rows, reports = invalid_reports
    for row in (r for r in rows if r["expected"] == kind):
        report = reports[str(shared_path("tei-samples", "invalid", row["file"]))]
        first = report.problems[0]
        if kind == "invalid":
            assert report.status == "invalid", row["file"]
        else:
            assert report.status == "unreadable", row["file"]
            assert (first.rule == "hostile") == (kind == "hostile"), (row["file"], first)


def test_broken_variants_first_error_is_on_jings_line(invalid_reports):
    rows, reports = invalid_reports
    misses = []
    for row in rows:
        line = _jing_line(row["jing_first_error"])
        if row["expected"] != "invalid" or line is None:
            continue
        report = reports[str(shared_path("tei-samples", "invalid", row["file"]))]
        if report.problems[0].line != line:
            misses.append((row["file"], line, str(report.problems[0])))
    # wrong-place-head-after-p: libxml2 blames the preceding <p>; documented.
    assert [m[0] for m in misses] in ([], ["wrong-place-head-after-p.xml"])


def test_dangling_pointer_and_reversed_range_are_caught_by_extra_checks(invalid_reports):
    _, reports = invalid_reports
    dangling = reports[str(shared_path("tei-samples", "invalid", "dangling-ref-pointer.xml"))]
    reversed_range = reports[
        str(shared_path("tei-samples", "invalid", "notbefore-after-notafter.xml"))
    ]
    assert [p.rule for p in dangling.problems] == ["pointer"]
    assert [p.rule for p in reversed_range.problems] == ["date"]
