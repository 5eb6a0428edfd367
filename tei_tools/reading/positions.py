"""Where a stretch of a block's text stands in the source file.

A block's text is its source lines with indentation and line wraps folded into
single spaces (and, for a numbered item, without its marker).  The review
report must point at the source itself (line, column, character offsets) so
that an editor's decision can be anchored there; this module walks a block's
text and the source side by side to map one onto the other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tei_tools.reading.model import Block


@dataclass(frozen=True)
class Place:
    """A stretch of the source: 1-based line and column of its start, character offsets."""

    line: int
    column: int
    start: int
    end: int


class SourceLocator:
    """Maps offsets in a block's text to offsets in the decoded source text."""

    def __init__(self, source: str):
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._cache: dict[int, tuple[Block, tuple[int, list[int], list[int]]]] = {}

    def locate(self, block: Block, start: int, end: int) -> Place | None:
        """The source stretch of ``block.text[start:end]``, or None if it cannot be found."""
        shifts = self._shifts(block)
        if shifts is None:
            return None
        begin = self._source_offset(shifts, start)
        finish = self._source_offset(shifts, max(start, end - 1)) + 1 if end > start else begin
        line = bisect.bisect_right(self.line_starts, begin)
        return Place(line, begin - self.line_starts[line - 1] + 1, begin, finish)

    def _shifts(self, block: Block) -> tuple[int, list[int], list[int]] | None:
        """The block's origin in the source and where its white space runs grow (once per block).

        The block's text is the source with each run of white space made one
        space, so text offset ``t`` is source offset ``origin + t`` plus what
        the longer runs before it added.  Only those runs (line breaks with
        indentation, mostly) are collected, by one regular expression.
        """
        key = id(block)
        cached = self._cache.get(key)
        if cached is not None and cached[0] is block:
            return cached[1]
        origin = self._block_origin(block)
        if origin is None:
            return None
        at_text: list[int] = []
        added: list[int] = []
        total = 0
        for run in _LONG_SPACE.finditer(self.source, origin):
            position = run.start() - origin - total
            if position >= len(block.text):
                break
            total += len(run.group()) - 1
            at_text.append(position)
            added.append(total)
        result = (origin, at_text, added)
        self._cache[key] = (block, result)
        return result

    @staticmethod
    def _source_offset(shifts: tuple[int, list[int], list[int]], offset: int) -> int:
        origin, at_text, added = shifts
        index = bisect.bisect_right(at_text, offset - 1) - 1
        return origin + offset + (added[index] if index >= 0 else 0)

    def _block_origin(self, block: Block) -> int | None:
        """Where the block's text begins in the source (after indentation or a list marker)."""
        if not block.text or block.line < 1 or block.line > len(self.line_starts):
            return None
        first_word = block.text.split(" ", 1)[0]
        found = self.source.find(first_word, self.line_starts[block.line - 1])
        return found if found >= 0 else None


_LONG_SPACE = re.compile(r"\s{2,}")


__all__ = ["Place", "SourceLocator"]
