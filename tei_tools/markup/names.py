"""Finding the names of people, bodies and places in a string.

One Aho–Corasick automaton (pyahocorasick) holds every name form of every
register entry, folded to lower case without diacritics, so a text is scanned
once whatever the size of the registers.  Each raw hit is then checked where
the automaton cannot look: word boundaries (``Trotsky's`` marks ``Trotsky``,
``Don't`` marks nothing), capitalisation (``Soviet government`` and
``BRITISH EMBASSY`` are names, ``rome`` is not), and overlaps (the longest
name wins).  A person's name takes in the titles and initials written before
it (``General Dukhonin``, ``G. V. Chicherin``), the title as a ``roleName``;
a title followed by capitalised words that no register knows (``Mr. Smith``)
is reported as an unknown name (``ref=None``) for the editor to review.

Everything here works on plain strings; :mod:`tei_tools.markup.enrich` turns
the matches into elements.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

import ahocorasick

from tei_tools.markup.folding import collapse_space, fold
from tei_tools.markup.registers import Registry
from tei_tools.markup.vocabulary import (
    evidence_titles,
    gazetteer_place,
    given_name_contractions,
    is_given_name,
    not_names,
    place_sides,
    word_frequency,
)

#: Register kind -> the TEI element a name of that kind becomes.
TAG_OF_KIND = {"person": "persName", "org": "orgName", "place": "placeName"}

#: Titles that may stand before a person's name and become its ``roleName`` (data:
#: ``[titles]`` of ``data/vocab/evidence-en.toml``, with the peerages and abbreviations).
TITLES = evidence_titles("before_names")
#: Peerages and sees named "of" a place: "the Earl of Chatham", "Bishop of London".
PEERAGES = evidence_titles("peerages")
#: Abbreviated titles, written with or without their full stop.
ABBREVIATED_TITLES = evidence_titles("abbreviated")
#: Capitalised words that follow a title without being a name ("General Staff").
NOT_NAMES = frozenset(evidence_titles("not_names_after"))

_NOT_NAME_WORDS = (
    NOT_NAMES
    | {t.lower() for t in TITLES + ABBREVIATED_TITLES}
    | {"your", "my", "our", "his", "her", "its", "their", "yours", "sir", "madam", "lord"}
)
#: Short titles written in lower case before a name in early modern records.
_LOWER_CASE_TITLES = frozenset({"mr", "mrs", "mris", "dr", "sr"})

_TITLE_ALTERNATIVES = "|".join(
    [re.escape(t) for t in sorted(TITLES, key=len, reverse=True)]
    + [re.escape(t) + r"\.?" for t in sorted(ABBREVIATED_TITLES, key=len, reverse=True)]
)
#: One or more titles, ending right before a name (searched in the text before a match).
_TITLES_BEFORE = re.compile(rf"(?<![\w.-])((?:(?i:{_TITLE_ALTERNATIVES})[ ]+)+)$")
#: Titles at the start of a span.
_TITLES_AT = re.compile(rf"((?:(?i:{_TITLE_ALTERNATIVES})[ ]+)+)")
#: Initials before a surname: "G. V. " in "G. V. Chicherin".
_INITIALS_BEFORE = re.compile(r"(?<![\w.-])((?:[A-Z]\.[ ]?){1,3}[ ]?)$")
#: A title and up to three capitalised words: a name-like span no register may know.
#: Contracted given names, with their point or colon inside a titled name ("Mr. Robt. Cobb").
_CONTRACTED_GIVEN = "|".join(
    re.escape(c) for c in sorted(given_name_contractions(), key=len, reverse=True)
)
_TITLED_NAME = re.compile(
    rf"(?<![\w.-])((?:(?i:{_TITLE_ALTERNATIVES})[ ]+)+)"
    rf"((?:[A-Z]\.[ ]?|(?:{_CONTRACTED_GIVEN})[.:][ ]+(?=[A-Z]))*"
    r"[A-Z][\w'’-]*(?:[ ]+(?:(?:de|von|van|der|la|le)[ ]+)?(?:St[.][ ]+)?[A-Z][\w'’-]*){0,2})"
)
#: The delegates a Soviet or a congress of Soviets is "of": "of Workers' and Soldiers' Deputies".
_OF_DEPUTIES = re.compile(
    r"[ ]+of[ ]+(?:the[ ]+)?(?:(?:and[ ]+)?[A-Z][\w-]*['’]?,?[ ]+){1,8}Deputies", re.IGNORECASE
)

#: How far back a title or initials may begin before a name.
_LOOKBEHIND = 80


@dataclass(frozen=True, slots=True)  # slots: one per name, many per document (memory)
class NameMatch:
    """A name found in a string; offsets index that string."""

    start: int
    end: int
    tag: str  # "persName" | "orgName" | "placeName"
    ref: str | None  # "per:trotsky", or None for a name-like span no register knows
    role: tuple[int, int] | None  # a title inside the span ("General"), absolute offsets
    text: str


@dataclass(frozen=True)
class _Form:
    """One name form as registered: what it points at and how it is written."""

    written: str
    ref: str
    tag: str
    valid_from: str | None = None
    valid_to: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None or not (self.valid_from or self.valid_to):
            return True
        iso = day.isoformat()
        low = (self.valid_from or "0000") + "-01-01"[: 10 - len(self.valid_from or "0000")]
        high = (self.valid_to or "9999") + "-12-31"[: 10 - len(self.valid_to or "9999")]
        return low <= iso <= high

    def ended_before(self, day: dt.date) -> bool:
        if not self.valid_to:
            return False
        return self.valid_to + "-12-31"[: 10 - len(self.valid_to)] < day.isoformat()


class NameMatcher:
    """The automaton over all name forms of a registry (see :func:`compile_matcher`)."""

    def __init__(self, forms: list[_Form]):
        self.automaton = ahocorasick.Automaton()
        by_key: dict[str, list[_Form]] = {}
        for form in forms:
            key = fold(form.written)
            if key.strip():
                by_key.setdefault(key, []).append(form)
        for key, same in by_key.items():
            # One written form may name several entries (a body that changed, a name two
            # registers share): all are kept and the document's date chooses.
            # A single form without dates needs no choosing: stored as the choice itself.
            plain = len(same) == 1 and not (same[0].valid_from or same[0].valid_to)
            self.automaton.add_word(key, (len(key), same[0] if plain else tuple(same)))
        if len(self.automaton):
            self.automaton.make_automaton()
        # Titles get their own small automaton: a regex tried at every position of
        # a long text costs more than the whole name scan.
        self.titles = ahocorasick.Automaton()
        for key in _title_keys():
            self.titles.add_word(key, len(key))
        self.titles.make_automaton()

    def find(self, text: str, on: dt.date | None = None) -> list[NameMatch]:
        """Known names (longest first, no overlaps), then titled unknown names between them.

        ``on`` is the document's date: a form that named different entries at
        different times links to the one that existed then.
        """
        if not text:
            return []
        folded, to_original = collapse_space(fold(text))
        known = self._known(text, folded, to_original, on) if len(self.automaton) else []
        return _merge(known, self._unknown(text, folded, to_original))

    def _unknown(self, text: str, folded: str, to_original) -> list[NameMatch]:
        """Titles followed by capitalised words: people to review if no register knows them."""
        found: list[NameMatch] = []
        starts = sorted({to_original(end + 1 - length) for end, length in self.titles.iter(folded)})
        for start in starts:
            if found and start < found[-1].end:
                continue  # a later title of a chain already taken in ("General Baron ...")
            match = _TITLED_NAME.match(text, start)
            if match is not None and _initial_not_title(text, start, match.group(1)):
                continue  # "Earl M. Johnston": M. is an initial after a given name
            if match is not None:
                end = _name_end(text, match.start(2), match.end(2))
                name = text[match.start(2) : end]
                if end > match.start(2) and _looks_like_a_name(match.group(1), name):
                    role = (start, start + len(match.group(1).rstrip()))
                    found.append(NameMatch(start, end, "persName", None, role, text[start:end]))
        found.extend(_peerages(text, found))
        return sorted(found, key=lambda m: m.start)

    def _known(self, text: str, folded: str, to_original, on: dt.date | None) -> list[NameMatch]:
        candidates = []
        for end_folded, (length, forms) in self.automaton.iter(folded):
            start = to_original(end_folded + 1 - length)
            end = to_original(end_folded) + 1
            if not _bounded(text, start, end):
                continue
            form = forms if isinstance(forms, _Form) else self._choose(forms, text, start, on)
            if form is not None and _case_fits(text[start:end], form.written):
                if form.tag == "persName" and _given_name_of_another(text, start, end):
                    continue  # "Sir Francis Walsingham" is not the register's Francis
                if form.tag == "placeName" and _part_of_a_longer_name(text, start, end):
                    continue  # "George Washington", "Lower Canada": not the register's place
                candidates.append((start, end, form))
        chosen = _longest_without_overlap(candidates)
        matches = []
        floor = 0
        for index, (start, end, form) in enumerate(chosen):
            if form.tag == "orgName" and form.written.lower().endswith(("soviet", "soviets")):
                ceiling = chosen[index + 1][0] if index + 1 < len(chosen) else len(text)
                extended = _extend_deputies(text, end)
                end = extended if extended <= ceiling else end
            match = _with_title(text, start, end, form, floor)
            matches.append(match)
            floor = match.end
        return matches

    @staticmethod
    def _choose(forms: tuple[_Form, ...], text: str, start: int, on: dt.date | None):
        """The form a hit stands for: the last registered, unless dates or "the late" decide.

        "The late Russian Government" in 1918 is the body that had ended by
        then, not the one in office.
        """
        if len(forms) == 1 and forms[0].valid_on(on):
            return forms[0]
        former = _FORMER.search(text[max(0, start - 30) : start]) is not None
        if former and on is not None:
            ended = [f for f in forms if f.ended_before(on)]
            if ended:
                return ended[-1]
        current = [f for f in forms if f.valid_on(on)]
        return current[-1] if current else None


#: Words before a body's name that mean it no longer exists.
_FORMER = re.compile(r"\b(?:late|former|old|previous|ex-|overthrown|deposed)\s+$", re.IGNORECASE)


def compile_matcher(registry: Registry) -> NameMatcher:
    """The matcher for a registry's people, bodies and places (bibliography excluded)."""
    forms = []
    for entry in registry.of_kind(*TAG_OF_KIND):
        # A form dated on its own ("Finland" of the Grand Duchy, to 5 December 1917)
        # keeps its dates; the others take the entry's.
        own = {name: (start, end) for name, start, end in entry.dated_names}
        since = entry.valid_from
        if entry.kind == "person" and since is None and entry.birth and entry.birth[:4].isdigit():
            # No document names a person before their birth: a letter of 1583 signed
            # "Francis" is not the register's ambassador of 1916.
            since = entry.birth[:4]
        for name in entry.names:
            start, end = own.get(name, (since, entry.valid_to))
            forms.append(_Form(name, entry.ref, TAG_OF_KIND[entry.kind], start, end))
    return NameMatcher(forms)


def find_names(text: str, registry: Registry, on: dt.date | None = None) -> list[NameMatch]:
    """The names in ``text``, in order: register names with ``ref``, unknown ones without.

    >>> from tei_tools.markup.registers import load_registry
    >>> [(m.text, m.ref) for m in find_names("General Dukhonin and Mr. Smith", load_registry())]
    [('General Dukhonin', 'per:dukhonin'), ('Mr. Smith', None)]
    """
    return registry.derived(compile_matcher).find(text, on)


def unknown_names(text: str, registry: Registry) -> list[NameMatch]:
    """The name-like spans of ``text`` that no register knows (for the review report)."""
    return [match for match in find_names(text, registry) if match.ref is None]


# --- the checks the automaton cannot make ---------------------------------------------------


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words (a possessive or a dash may follow)."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before == "-" and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum():
            return False
        if after in "'’":
            rest = text[end + 1 : end + 3]
            # "Trotsky's" and "Governments'" end a name; "Don't" does not.
            return not rest[:1].isalpha() or (rest[:1] in "sS" and not rest[1:2].isalpha())
        if after == "-":
            # "Brest-Litovsk" continues a word; "Japan-in consequence" is a dash.
            following = text[end + 1 : end + 2]
            return not (following.isupper() or following.isdigit())
    return True


def _case_fits(found: str, written: str) -> bool:
    """Whether a case-insensitive hit is written as a name.

    Accepted: the form as registered, all capitals (titles), or a first word
    capitalised as the form's (later words may be lower case, as in "Soviet
    government"; "all-Russian congress" counts by its capital R).
    """
    if found == written or not any(c.islower() for c in found):
        return True
    first_written, first_found = written.split(" ", 1)[0], found.split(" ", 1)[0]
    written_caps = [part[:1].isupper() for part in first_written.split("-")]
    found_caps = [part[:1].isupper() for part in first_found.split("-")]
    if not any(written_caps):
        return True  # a form that begins in lower case ("de Gaulle") takes any case
    if " " not in written and "-" not in written:
        return found[:1].isupper()
    return any(w and f for w, f in zip(written_caps, found_caps))


def _longest_without_overlap(candidates):
    """The longest candidates first, each kept only where nothing kept overlaps it.

    The characters already taken are marked in one bytearray, so each test
    costs the candidate's length: inserting into a sorted list (as before) moved
    every later entry and made one long paragraph with many names quadratic.
    """
    if not candidates:
        return []
    taken = bytearray(max(end for _, end, _ in candidates))
    kept: list[tuple[int, int, _Form]] = []
    for start, end, form in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, form))
    kept.sort(key=lambda c: c[0])
    return kept


def _extend_deputies(text: str, end: int) -> int:
    """A Soviet's name runs on over whose deputies it is: "... of Workers' and Soldiers' Deputies"."""
    tail = _OF_DEPUTIES.match(text, end)
    return tail.end() if tail else end


def _with_title(text: str, start: int, end: int, form: _Form, floor: int) -> NameMatch:
    """The match, for a person widened over the titles and initials written before it."""
    role = None
    if form.tag == "persName":
        window_start = max(floor, start - _LOOKBEHIND)
        before = text[window_start:start]
        initials = _INITIALS_BEFORE.search(before)
        if initials and (start - len(initials.group(1))) >= floor:
            start -= len(initials.group(1))
            before = text[window_start:start]
        titles = _TITLES_BEFORE.search(before)
        if titles and _is_title_case(titles.group(1), text[start:end]):
            role_start = start - len(titles.group(1))
            role = (role_start, role_start + len(titles.group(1).rstrip()))
            start = role_start
        else:
            role = _title_inside(text, start, end)
    return NameMatch(start, end, form.tag, form.ref, role, text[start:end])


def _title_inside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A register form that itself begins with a title ("Colonel House")."""
    titles = _TITLES_AT.match(text, start, end)
    if titles and titles.end() < end and _is_title_case(titles.group(1), text[titles.end() : end]):
        return (start, start + len(titles.group(1).rstrip()))
    return None


def _is_title_case(titles: str, name: str) -> bool:
    """Titles are capitalised, or in capitals when the name is ("COLONEL ROBINS").

    Early modern clerks wrote the short titles in lower case before a
    capitalised name ("mr Wroth", "mrs Hart"): those count too.
    """
    words = titles.split()
    if all(word[:1].isupper() and not word[1:].isupper() for word in words):
        return True
    if all(word.rstrip(".") in _LOWER_CASE_TITLES for word in words) and name[:1].isupper():
        return True
    return all(word.isupper() for word in words) and name.isupper()


def _title_keys() -> set[str]:
    """How titles look to the title automaton: folded, with the space that must follow."""
    keys = {fold(title) + " " for title in TITLES}
    for title in ABBREVIATED_TITLES:
        keys.add(fold(title) + ". ")
        if len(title) > 1:  # a bare "M" is an initial far more often than Monsieur
            keys.add(fold(title) + " ")
    return keys


def _initial_not_title(text: str, start: int, titles: str) -> bool:
    """A one-letter "title" (M. for Monsieur) right after a capitalised word is an initial."""
    if not re.fullmatch(r"[A-Z]\.?\s*", titles):
        return False
    window = text[max(0, start - 30) : start]
    if re.search(r"(?<![\w.])[A-Z]\.\s+$", window):
        return True  # "E. M. Stanton": one initial after another
    before = re.search(r"([A-Z][A-Za-z]+)\s+$", window)
    return before is not None and before.group(1).lower() not in _NOT_NAME_WORDS


def _looks_like_a_name(titles: str, name: str) -> bool:
    """Capitalised words after capitalised titles, none of them a common noun or a title."""
    words = name.replace(".", ". ").split()
    return (
        _is_title_case(titles, name)
        and all(word[:1].isupper() for word in words)
        and not any(word.lower().strip("'’.") in _NOT_NAME_WORDS for word in words)
    )


_NEXT_NAME = re.compile(r"[ ]+([A-Z][A-Za-z][\w'’-]*)")


def _given_name_of_another(text: str, start: int, end: int) -> bool:
    """A one-word register surname that is written as the given name of a longer name.

    "Francis" is an ambassador's surname in the registers, but in "Sir Francis
    Walsingham" the capitalised word after it shows it is someone's given name.
    """
    word = text[start:end]
    if " " in word or not is_given_name(word):
        return False
    following = _NEXT_NAME.match(text, end)
    return following is not None and following.group(1).lower() not in _NOT_NAME_WORDS


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[ ]+$")


def _part_of_a_longer_name(text: str, start: int, end: int) -> bool:
    """A one-word register place that is the surname of a person or the end of a region's name.

    After a given name ("George Washington") the place's name is someone's surname; after
    "Upper" or "Lower" it names a part of the place, and with the word before it a place the
    gazetteer knows ("East London") another place: both left to the candidates.
    """
    if " " in text[start:end]:
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    if before is None:
        return False
    word = before.group(1)
    if gazetteer_place(f"{word} {text[start:end]}") is not None:
        return True  # "East London", "South Africa", "East India": a place of its own
    return word in place_sides(compass=False) or (
        is_given_name(word) and not _after_a_preposition(text, start)
    )


def _after_a_preposition(text: str, start: int) -> bool:
    """ "at Charles Town": the given name opens a place's name, after a word of place."""
    return re.search(r"\b(?:in|at|near)\s+\S+\s+$", text[max(0, start - 30) : start]) is not None


def _name_end(text: str, start: int, end: int) -> int:
    """Where a titled name ends: before a possessive, and before words that are no name.

    "Mr. Penn's" ends before "'s"; "Mr. Foxcroft Sent" and "Benjamin Franklin
    Esqr" end before the common word (a capital after a name is not always one).
    """
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 1:
        word = text[words[-1][0] : words[-1][1]].rstrip(".:,")
        after_given = (
            is_given_name(text[words[-2][0] : words[-2][1]])
            and len(word) > 1
            and word.lower() not in _NOT_NAME_WORDS
        )
        if (
            word in not_names()
            or word in _AFTER_NAMES
            # a surname after a given name, whatever it means as a word ("Mr. John Page")
            or (word_frequency(word) >= 5.0 and not after_given)
        ):
            words.pop()
            continue
        break
    end = words[-1][1] if words else start
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            return end - len(suffix)
    return end


#: Words written after a name that are not part of it.
_AFTER_NAMES = frozenset({"Esq", "Esqr", "Esqre", "Esquire", "Junr", "Senr", "Jr", "Sr"})

_PEERAGE = re.compile(
    rf"(?<![\w.-])(?P<title>{'|'.join(PEERAGES)})[ ]+of[ ]+"
    r"(?P<place>[A-Z][\w'’-]+(?:[ ]+(?:and[ ]+)?[A-Z][\w'’-]+){0,2})"
)


def _peerages(text: str, taken: list[NameMatch]) -> list[NameMatch]:
    """ "The Earl of Chatham", "Marquess of Salisbury": a person named by a title and a place."""
    found = []
    for m in _PEERAGE.finditer(text):
        start, end = m.start(), _name_end(text, m.start("place"), m.end("place"))
        if any(t.start < end and start < t.end for t in taken):
            continue
        role = (start, m.end("title"))
        found.append(NameMatch(start, end, "persName", None, role, text[start:end]))
    return found


def _merge(known: list[NameMatch], unknown: list[NameMatch]) -> list[NameMatch]:
    """All known names, and the unknown ones that overlap none of them, in text order."""
    if not unknown:
        return known
    starts = [m.start for m in known]
    merged = list(known)
    for candidate in unknown:
        at = bisect.bisect_left(starts, candidate.start)
        if at < len(known) and known[at].start < candidate.end:
            continue
        if at > 0 and known[at - 1].end > candidate.start:
            continue
        merged.append(candidate)
    return sorted(merged, key=lambda m: m.start)
