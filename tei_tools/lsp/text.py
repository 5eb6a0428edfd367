"""Positions in an editor's buffer: offsets into the text versus LSP line/character pairs.

The Language Server Protocol counts characters in UTF-16 code units, Python
strings count code points, and libxml2 counts characters from 1.  A letter
outside the Basic Multilingual Plane (a Gothic or Old Italic letter, an emoji)
is one code point but two code units; Cyrillic and Greek are one of each.
:class:`LineIndex` converts between the three once per version of a document.

>>> index = LineIndex("Ἀθῆναι\\n𐌰𐌱 x")
>>> index.position(index.offset(1, 4))
(1, 4)
>>> index.offset(1, 4) - index.line_start(1)
2
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ASTRAL = 0xFFFF
_ASTRAL_CHAR = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class LineIndex:
    """Line starts of one text, for conversions in O(log lines)."""

    text: str

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        object.__setattr__(self, "_starts", starts)
        # Offsets of the letters that take two UTF-16 units: a position on a long line is
        # then two bisections, not a count over the line (a 3 MB file of long lines).
        astral = (
            [] if self.text.isascii() else [m.start() for m in _ASTRAL_CHAR.finditer(self.text)]
        )
        object.__setattr__(self, "_astral", astral)

    @property
    def line_count(self) -> int:
        return len(self._starts)  # type: ignore[attr-defined]

    def line_start(self, line: int) -> int:
        """Offset of a 0-based line's first character (the end of the text past the last line)."""
        starts = self._starts  # type: ignore[attr-defined]
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        return starts[line]

    def line_end(self, line: int) -> int:
        """Offset of a 0-based line's end, before its newline."""
        starts = self._starts  # type: ignore[attr-defined]
        if line + 1 < len(starts):
            return starts[line + 1] - 1
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """(0-based line, UTF-16 character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        starts = self._starts  # type: ignore[attr-defined]
        line = bisect.bisect_right(starts, offset) - 1
        astral = self._astral  # type: ignore[attr-defined]
        wide = bisect.bisect_left(astral, offset) - bisect.bisect_left(astral, starts[line])
        return line, offset - starts[line] + wide

    def offset(self, line: int, character: int) -> int:
        """Code-point offset of an LSP position; a character past the line's end clamps to it."""
        start, end = self.line_start(line), self.line_end(line)
        if line >= self.line_count:
            return len(self.text)
        units = 0
        for at in range(start, end):
            if units >= character:
                return at
            units += 2 if ord(self.text[at]) > _ASTRAL else 1
        return end

    def from_libxml(self, line: int | None, column: int | None) -> int:
        """Offset of libxml2's (1-based line, 1-based character column) place."""
        if not line:
            return 0
        start = self.line_start(line - 1)
        return min(start + max((column or 1) - 1, 0), self.line_end(line - 1))


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units.

    >>> utf16_length("Жук"), utf16_length("𐌰")
    (3, 2)
    """
    if text.isascii():
        return len(text)
    # Encoding runs in C; a loop over the characters took seconds on a 3 MB outline.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
