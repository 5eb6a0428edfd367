"""Folding text into the name matcher's alphabet: one character in, one character out.

Below both the registers (which index surnames by their folded form) and the name matcher,
so that neither imports the other for it.

>>> fold("Kühlmann’s  TROTSKY")
"kuhlmann's  trotsky"
"""

from __future__ import annotations

import bisect
import re
import unicodedata


def _fold_table() -> dict[int, str]:
    """Lower case without diacritics for Latin letters, and one apostrophe and space."""
    table = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if base.isascii() and base.isalpha() and len(base) == 1:
            table[code] = base
    for char in "’‘ʼ`´":
        table[ord(char)] = "'"
    for char in "\u2010\u2011":
        table[ord(char)] = "-"
    for char in "\t\n\r\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003":
        table[ord(char)] = " "
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """``text`` in the matcher's alphabet, of exactly the same length.

    >>> fold("Kühlmann’s  TROTSKY")
    "kuhlmann's  trotsky"
    """
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters (İ) grow when lowered: lower the others one by one.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def collapse_space(folded: str):
    """Runs of spaces made single, and a function taking offsets back to ``folded``."""
    if "  " not in folded:
        return folded, _identity
    pieces, starts, shifts = [], [0], [0]
    last = removed = 0
    for run in re.finditer(r" {2,}", folded):
        pieces.append(folded[last : run.start() + 1])
        # What follows the run now starts here, shifted by every space dropped so far.
        starts.append(run.start() + 1 - removed)
        removed += len(run.group()) - 1
        shifts.append(removed)
        last = run.end()
    pieces.append(folded[last:])

    def to_original(index: int) -> int:
        return index + shifts[bisect.bisect_right(starts, index) - 1]

    return "".join(pieces), to_original


def _identity(index: int) -> int:
    return index
