"""Costs that must grow linearly with the input (issue 11: a 50 MB text took 295 s).

Timing ratios, not absolute times, so that a slow or shared machine does not
fail them: a linear step gives a ratio near the size ratio, a quadratic one
its square.
"""

from __future__ import annotations

import time

from tei_tools.tei.inline import Span, fill_inline, tei


def _fill_seconds(spans: int) -> float:
    text = "Trotsky and " * spans
    marks = [Span(i * 12, i * 12 + 7, "persName") for i in range(spans)]
    best = float("inf")
    for _ in range(3):
        paragraph = tei("p")
        start = time.process_time()
        fill_inline(paragraph, text, marks)
        best = min(best, time.process_time() - start)
    return best


def test_paragraph_with_many_names_is_filled_in_linear_time():
    # Before the fix each piece of text looked for the last child with len(),
    # which lxml answers by walking every child: 8x the names took ~60x the time.
    small, large = _fill_seconds(5_000), _fill_seconds(40_000)
    assert large / small < 24, f"8x the spans took {large / small:.0f}x the time"


def test_filled_paragraph_keeps_its_text_exactly():
    text = "Trotsky and Lenin met Chicherin."
    paragraph = tei("p")
    fill_inline(paragraph, text, [Span(0, 7, "persName"), Span(12, 17, "persName")])
    assert "".join(paragraph.itertext()) == text
    assert [child.text for child in paragraph] == ["Trotsky", "Lenin"]
