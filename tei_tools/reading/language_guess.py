"""Which language a document is written in, told by counting its function words.

A collection names one ``language`` (``tei-tools.toml``), but letter editions
mix them: a German edition holds a letter in French, a French one a Latin
letter.  :func:`document_language` keeps the collection's language unless the
text is *evidently* in another language tei-tools has words for, and then the
document is read in that language (its dates, its names, its letter
formulas) and its ``text`` gets that ``xml:lang``.

The evidence is a count: for each language, how many of the document's words
are among its commonest function words (``data/function-words.toml``: articles,
pronouns, prepositions, conjunctions and auxiliaries that no other listed
language shares, so each hit tells one language).  A language is evident when
it has at least :data:`MIN_HITS` hits and at least :data:`MARGIN` times as many
as the next language and as the collection's.  A short or mixed text (a note of
three lines, a letter half in French and half in German) keeps the
collection's language.

Why counts and not a language-identification library: none is installed with
tei-tools, and the ones on the package index either leave out Latin
(langdetect) or ship a statistical model trained on modern web text (langid,
lingua, fastText's), whose verdict on an 18th-century letter in old spelling
cannot be explained to an editor.  The question here is narrower than theirs
-- which of six languages with word lists of their own, in texts of hundreds of
words -- and a count answers it with evidence a finding can show ("la 41,
de 3").
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources

from tei_tools.reading.languages import base_code

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["MARGIN", "MIN_HITS", "LanguageGuess", "document_language", "guess_language"]

#: The fewest function words of one language that make it evident: below that a text is
#: too short to tell (a title and a signature).
MIN_HITS = 12
#: How many times the next language's hits (and the collection's) the evident one must have.
MARGIN = 3

_WORD = re.compile(r"[^\W\d_]+")
#: How much of a text is read for its language (characters).
SAMPLE = 50_000


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    text = (resources.files("tei_tools") / "data" / "function-words.toml").read_text(
        encoding="utf-8"
    )
    return {code: frozenset(entry["words"]) for code, entry in tomllib.loads(text).items()}


@dataclass(frozen=True)
class LanguageGuess:
    """The function-word hits of each language in a text, most first."""

    counts: tuple[tuple[str, int], ...]

    @property
    def best(self) -> str | None:
        return self.counts[0][0] if self.counts and self.counts[0][1] else None

    def hits(self, code: str) -> int:
        return dict(self.counts).get(base_code(code), 0)

    def evident(self) -> str | None:
        """The language the counts make evident, or None (too few words, or mixed)."""
        if not self.counts or self.counts[0][1] < MIN_HITS:
            return None
        runner_up = self.counts[1][1] if len(self.counts) > 1 else 0
        return self.counts[0][0] if self.counts[0][1] >= MARGIN * runner_up else None

    def describe(self) -> str:
        """The counts as an editor reads them: "la 41, de 3, fr 1"."""
        return ", ".join(f"{code} {n}" for code, n in self.counts if n)


def guess_language(text: str) -> LanguageGuess:
    """Count the function words of each language in ``text``.

    >>> guess_language("Quod prioribus tuis ad me datis nihil antea responderim").best
    'la'
    >>> guess_language("Ich habe Ihren Brief mit großer Freude gelesen").best
    'de'
    """
    counts = dict.fromkeys(_function_words(), 0)
    languages_of = _languages_of_words()
    # The first SAMPLE characters: a document's language is evident from its first pages,
    # and counting a whole large document would cost a quarter of its conversion.
    for token in _WORD.findall(text[:SAMPLE].lower()):
        for code in languages_of.get(token, ()):
            counts[code] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return LanguageGuess(tuple(ranked))


@functools.cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each function word with the languages that list it (one lookup per word of a text)."""
    found: dict[str, list[str]] = {}
    for code, listed in _function_words().items():
        for word in listed:
            found.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in found.items()}


def document_language(text: str, collection: str) -> tuple[str, LanguageGuess | None]:
    """The language to read ``text`` in, and the guess when it is not the collection's.

    The collection's ``language`` stands unless the text is evidently in another
    language with a word list, by :data:`MARGIN` over the collection's own hits
    too.  A collection in a language without a word list keeps it: there is
    nothing to weigh its words against.

    >>> document_language("Der Brief ist angekommen.", "de")
    ('de', None)
    """
    declared = base_code(collection)
    if declared not in _function_words():
        return collection, None
    guess = guess_language(text)
    found = guess.evident()
    if found is None or found == declared or guess.hits(found) < MARGIN * guess.hits(declared):
        return collection, None
    return found, guess
