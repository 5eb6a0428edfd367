"""One did-you-mean for every message that guesses what a name meant: element and attribute
names against what a schema allows, dangling ``xml:id`` pointers against a document's ids.

In order: the same name in another case; an alias the caller knows (``para`` for ``p``); the
closest candidate by :mod:`difflib`'s similarity ratio, if it reaches ``cutoff``.

>>> did_you_mean("persname", ["persName", "placeName"])
'persName'
>>> did_you_mean("titel", ["title", "term"])
'title'
>>> did_you_mean("para", ["p", "param"], aliases={"para": "p"})
'p'
>>> did_you_mean("zzqx", ["hi", "quote"]) is None
True
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def did_you_mean(
    word: str,
    candidates: Iterable[str],
    *,
    cutoff: float = 0.8,
    aliases: Mapping[str, str] | None = None,
) -> str | None:
    """The candidate ``word`` most likely meant, or None (never ``word`` itself)."""
    pool = set(candidates)
    pool.discard(word)
    lower = word.lower()
    same_case = sorted(c for c in pool if c.lower() == lower)
    if same_case:
        return same_case[0]
    alias = aliases.get(lower) if aliases else None
    if alias is not None and alias in pool:
        return alias
    # difflib's ratio is 2*matches/(len(a)+len(b)), so it cannot reach the cutoff when the
    # lengths differ by more than this factor: skip those candidates without comparing.
    factor = cutoff / (2 - cutoff) if cutoff < 2 else 1
    by_lower: dict[str, str] = {}
    for candidate in sorted(pool):
        shorter, longer = sorted((len(candidate), len(word)))
        if longer and shorter >= factor * longer:
            by_lower.setdefault(candidate.lower(), candidate)
    close = difflib.get_close_matches(lower, by_lower, n=1, cutoff=cutoff)
    return by_lower[close[0]] if close else None
