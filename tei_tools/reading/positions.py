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

    def locate(self, block: Block, start: int, end: int) -> Place | None:
        """The source stretch of ``block.text[start:end]``, or None if it cannot be found."""
        origin = self._block_origin(block)
        if origin is None:
            return None
        begin = self._walk(block.text, origin, start)
        finish = self._walk(block.text, origin, end) if end > start else begin
        if begin is None or finish is None:
            return None
        line = bisect.bisect_right(self.line_starts, begin)
        return Place(line, begin - self.line_starts[line - 1] + 1, begin, finish)

    def _block_origin(self, block: Block) -> int | None:
        """Where the block's text begins in the source (after indentation or a list marker)."""
        if not block.text or block.line < 1 or block.line > len(self.line_starts):
            return None
        words = block.text.split()[:3]
        pattern = r"\s+".join(re.escape(word) for word in words)
        found = re.compile(pattern).search(self.source, self.line_starts[block.line - 1])
        return found.start() if found else None

    def _walk(self, text: str, origin: int, offset: int) -> int | None:
        """The source offset of ``text[offset]``: spaces in ``text`` match any white space run."""
        position = origin
        source = self.source
        for index in range(offset):
            char = text[index]
            if char == " ":
                while position < len(source) and source[position].isspace():
                    position += 1
                continue
            while position < len(source) and source[position].isspace():
                position += 1
            if position >= len(source) or source[position] != char:
                return None
            position += 1
        if offset < len(text) and text[offset] != " ":
            while position < len(source) and source[position].isspace():
                position += 1
        return position


__all__ = ["Place", "SourceLocator"]
