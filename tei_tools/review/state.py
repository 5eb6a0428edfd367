"""What the review holds of one document: its conversion, stream, decisions and current tree.

Below both the session (which changes it) and the renderer (which draws it), so that
neither imports the other for it.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.convert import Conversion
from tei_tools.findings import Finding
from tei_tools.markup.decisions.anchors import TextStream
from tei_tools.markup.decisions.apply import apply_decisions
from tei_tools.markup.decisions.store import Decision, DecisionFile


@dataclass
class Located:
    """A finding and where it is in its document's reading stream (``start`` -1: nowhere)."""

    finding: Finding
    kind: str
    start: int = -1
    end: int = -1
    reviewed: bool = False


@dataclass
class DocumentState:
    """One source document under review: its conversion, stream, decisions and current tree."""

    stem: str
    path: Path
    source: str
    base: Conversion
    stream: TextStream
    decisions: DecisionFile
    current: etree._ElementTree = None
    current_stream: TextStream = None  # type: ignore[assignment]
    not_applied: list[tuple[Decision, str]] = field(default_factory=list)
    located: list[Located] = field(default_factory=list)
    #: The review page's HTML of each block, drawn once and again only when it changes.
    html: dict[int, str] = field(default_factory=dict)
    #: Where each decision (by id) was found in the stream; None: not found.
    ranges: dict[str, tuple[int, int] | None] = field(default_factory=dict)

    def rebuild(self) -> None:
        """The current tree from the base conversion and every decision."""
        self.html.clear()
        self.current = copy.deepcopy(self.base.tree)
        report = apply_decisions(self.current, self.decisions, header=False)
        self.not_applied = report.not_applied
        self.current_stream = TextStream.of_tree(self.current)
        self.mark_reviewed()

    def mark_reviewed(self) -> None:
        """Flag the findings some decision covers (an overlap of stream ranges).

        Each decision is found in the stream once and remembered by its id, so
        recording a decision does not search the document for all the others.
        """
        texts = set()
        for decision in self.decisions.decisions:
            if decision.type == "dropped-line":
                texts.add(decision.text)
            elif decision.id not in self.ranges:
                found = self.stream.resolve(decision.anchor)
                self.ranges[decision.id] = (found.start, found.end) if found.found else None
        ranges = sorted(
            r for d in self.decisions.decisions if (r := self.ranges.get(d.id)) is not None
        )
        starts = [start for start, _ in ranges]
        for item in self.located:
            if item.start < 0:
                item.reviewed = item.finding.text in texts
                continue
            # Decisions are on marks: a covering range starts shortly before, never far.
            index = bisect.bisect_left(starts, item.end)
            item.reviewed = any(ranges[i][1] > item.start for i in range(max(0, index - 8), index))

    @property
    def progress(self) -> tuple[int, int]:
        return sum(1 for item in self.located if item.reviewed), len(self.located)
