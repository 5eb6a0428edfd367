"""Scoring markup against hand-checked gold spans.

Gold files (``*.gold.json``) give typed character spans over the source's
whitespace-normalised text.  ``optional`` spans neither reward nor penalise
a prediction; ``loose`` spans also accept their ``core`` (a name without its
title).  We map each marked element of a TEI tree back onto that text and
count true and false positives per element type, and how many dates have the
right ``@when`` and ``@calendar``.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from tei_tools.xml import TEI_NS

SCORED_TYPES = ("persName", "orgName", "placeName", "date")


@dataclass(frozen=True)
class MarkedSpan:
    """An element of the TEI mapped onto the normalised text."""

    type: str
    start: int
    end: int
    when: str | None = None
    calendar: str | None = None


@dataclass
class Scores:
    """Counts per element type, summable over documents."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    when_right: int = 0
    when_total: int = 0
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: Scores) -> Scores:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.when_right += other.when_right
        self.when_total += other.when_total
        self.errors += other.errors
        return self

    def precision(self, kind: str) -> float:
        found = self.tp[kind] + self.fp[kind]
        return self.tp[kind] / found if found else 1.0

    def recall(self, kind: str) -> float:
        wanted = self.tp[kind] + self.fn[kind]
        return self.tp[kind] / wanted if wanted else 1.0

    def f1(self, kind: str) -> float:
        p, r = self.precision(kind), self.recall(kind)
        return 2 * p * r / (p + r) if p + r else 0.0

    def when_share(self) -> float:
        return self.when_right / self.when_total if self.when_total else 1.0

    def table(self, title: str = "") -> str:
        """A plain-text table of precision, recall and F1 per type."""
        rows = [title] if title else []
        rows.append(f"{'type':<10} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for kind in SCORED_TYPES:
            rows.append(
                f"{kind:<10} {self.tp[kind]:>4} {self.fp[kind]:>4} {self.fn[kind]:>4} "
                f"{self.precision(kind):>6.3f} {self.recall(kind):>6.3f} {self.f1(kind):>6.3f}"
            )
        rows.append(f"@when and @calendar right: {self.when_right}/{self.when_total}")
        return "\n".join(rows)


def marked_spans(tree: etree._ElementTree | etree._Element) -> tuple[str, list[MarkedSpan]]:
    """The body's whitespace-normalised text and the scored elements within it."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    text_element = root.find(f"{{{TEI_NS}}}text")
    pieces: list[str] = []
    open_at: dict[etree._Element, int] = {}
    raw_spans: list[tuple[etree._Element, int, int]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    for event, element in etree.iterwalk(text_element, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            add(" ")  # block boundaries separate words; extra spaces collapse below
            open_at[element] = length
            add(element.text)
        else:
            raw_spans.append((element, open_at.pop(element), length))
            add(" ")
            add(element.tail)
    raw = "".join(pieces)
    normalised, mapping = _collapse_space(raw)
    spans = []
    for element, start, end in raw_spans:
        kind = etree.QName(element).localname
        if kind not in SCORED_TYPES:
            continue
        n_start, n_end = mapping[start], mapping[end]
        # Trim the separating spaces that fall inside the element's bounds.
        while n_start < n_end and normalised[n_start] == " ":
            n_start += 1
        while n_end > n_start and normalised[n_end - 1] == " ":
            n_end -= 1
        if n_start < n_end:
            calendar = element.get("calendar")
            spans.append(
                MarkedSpan(
                    kind,
                    n_start,
                    n_end,
                    element.get("when") or element.get("from"),
                    calendar.lstrip("#") if calendar else None,
                )
            )
    return normalised, spans


def _collapse_space(raw: str) -> tuple[str, list[int]]:
    """Collapse white space; ``mapping[i]`` is where raw offset ``i`` lands."""
    out: list[str] = []
    mapping: list[int] = []
    in_space = True  # also strips leading space
    for char in raw:
        mapping.append(len(out))
        if char.isspace():
            if not in_space:
                out.append(" ")
            in_space = True
        else:
            out.append(char)
            in_space = False
    mapping.append(len(out))
    if out and out[-1] == " ":
        out.pop()
        mapping = [min(m, len(out)) for m in mapping]
    return "".join(out), mapping


def align(spans: list[MarkedSpan], ours: str, gold_text: str) -> list[MarkedSpan]:
    """Move spans from our text's offsets onto the gold text's offsets."""
    if gold_text.startswith(ours):
        return spans
    offset_map: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, ours, gold_text, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size + 1):
            offset_map[a + i] = b + i
    moved = []
    for span in spans:
        if span.start in offset_map and span.end in offset_map:
            moved.append(
                MarkedSpan(
                    span.type,
                    offset_map[span.start],
                    offset_map[span.end],
                    span.when,
                    span.calendar,
                )
            )
    return moved


def score(tree: etree._ElementTree, gold: dict, *, complete_only: bool = False) -> Scores:
    """Score one converted document against one gold file's content.

    Gold that marks names exhaustively only in some regions (FRUS: head,
    dateline, signature) lists them as ``complete_regions``: a prediction
    outside them is not counted as false, since the gold is silent there.
    ``complete_only`` scores only inside those regions, recall included.
    """
    ours, spans = marked_spans(tree)
    predicted = align(spans, ours, gold["text"])
    scores = Scores()
    scored = [g for g in gold["spans"] if g["type"] in SCORED_TYPES]
    complete = complete_ranges(gold)
    if complete is not None and complete_only:
        predicted = [s for s in predicted if _inside(s.start, s.end, complete)]
        scored = [g for g in scored if _inside(g["start"], g["end"], complete)]
    matched: set[int] = set()
    for span in predicted:
        hit = _match(span, scored, gold["text"])
        if hit is None and complete is not None and not _inside(span.start, span.end, complete):
            continue  # the gold is silent outside its complete regions: not a false positive
        if hit is None:
            scores.fp[span.type] += 1
            scores.errors.append(
                f"FP {span.type} {gold['text'][span.start : span.end]!r} at {span.start}"
            )
            continue
        index, gold_span = hit
        if gold_span.get("optional"):
            continue
        if index in matched:
            scores.fp[span.type] += 1
            continue
        matched.add(index)
        scores.tp[span.type] += 1
        if span.type == "date" and "when" in gold_span:
            scores.when_total += 1
            right = span.when == gold_span["when"] and (
                span.calendar == gold_span.get("calendar")
                or (
                    span.calendar in (None, "gregorian")
                    and gold_span.get("calendar") in (None, "gregorian")
                )
            )
            scores.when_right += right
            if not right:
                scores.errors.append(
                    f"WHEN {gold_span['text']!r}: ours {span.when}/{span.calendar}, "
                    f"gold {gold_span['when']}/{gold_span.get('calendar')}"
                )
    for index, gold_span in enumerate(scored):
        if not gold_span.get("optional") and index not in matched:
            scores.fn[gold_span["type"]] += 1
            scores.errors.append(
                f"FN {gold_span['type']} {gold_span['text']!r} at {gold_span['start']}"
            )
    return scores


def complete_ranges(gold: dict) -> list[tuple[int, int]] | None:
    """Character ranges where the gold lists every name, or None when it is complete everywhere."""
    names = gold.get("complete_regions")
    if not names:
        return None
    return [(r["start"], r["end"]) for r in gold.get("regions", []) if r["region"] in names]


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in ranges)


def _match(span: MarkedSpan, gold_spans: list[dict], text: str) -> tuple[int, dict] | None:
    """The gold span this prediction matches: non-optional spans take precedence."""
    candidates = []
    for index, gold in enumerate(gold_spans):
        if gold["type"] != span.type:
            continue
        bounds = {(gold["start"], gold["end"])}
        if gold.get("loose") and gold.get("core"):
            core_at = text.find(gold["core"], gold["start"], gold["end"])
            if core_at >= 0:
                bounds.add((core_at, core_at + len(gold["core"])))
        if (span.start, span.end) in bounds:
            candidates.append((bool(gold.get("optional")), index, gold))
    if not candidates:
        return None
    _, index, gold = min(candidates, key=lambda c: (c[0], c[1]))
    return index, gold
