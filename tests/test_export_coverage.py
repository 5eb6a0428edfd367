"""Every shared real-world TEI sample exports to HTML and plain text without losing its words.

The reference is the words of the document's ``text`` (see ``word_coverage``):
HTML must keep at least 99.5% of them in order (alternative readings stay in
the page, hidden), plain text at least 97% of the words a single reading text
shows (a ``choice``'s other alternative and an ``app``'s variants are rightly
not shown in plain text, so they are left out of its reference).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED
from word_coverage import (
    WORD,
    html_reading_words,
    in_order_coverage,
    lost_words,
    tei_reading_words,
)

from tei_tools.errors import TeiToolsError
from tei_tools.export.html import export_html
from tei_tools.export.text import export_text
from tei_tools.xml import parse_xml_file

SAMPLES = sorted((SHARED / "tei-samples").glob("*.xml"))


def parse_or_skip(path: Path):
    """The parsed sample, or a skip naming why tei-tools refuses it (not well-formed, hostile DTD)."""
    try:
        return parse_xml_file(path)
    except TeiToolsError as error:
        pytest.skip(f"not exported because it cannot be read safely: {error}")


@pytest.fixture(params=SAMPLES or [None], ids=lambda p: p.name if p else "no-samples")
def sample(request):
    if request.param is None:
        pytest.skip(f"needs the shared TEI samples at {SHARED / 'tei-samples'}")
    return parse_or_skip(request.param)


def test_html_keeps_the_words_of_every_sample_in_order(sample):
    reference = tei_reading_words(sample)
    exported = html_reading_words(export_html(sample))
    coverage = in_order_coverage(reference, exported)
    assert coverage >= 0.995, (coverage, lost_words(reference, exported))


def test_plain_text_keeps_the_shown_words_of_every_sample_in_order(sample):
    reference = tei_reading_words(sample, shown_only=True)
    exported = WORD.findall(export_text(sample))
    coverage = in_order_coverage(reference, exported)
    assert coverage >= 0.97, (coverage, lost_words(reference, exported))


def test_coverage_measure_notices_a_lost_and_a_reordered_passage():
    reference = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert in_order_coverage(reference, reference) == 1.0
    assert in_order_coverage(reference, reference[:5]) == 0.5
    moved = reference[5:] + reference[:5]
    assert in_order_coverage(reference, moved) <= 0.5
