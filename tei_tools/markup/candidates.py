"""Names that no register knows: found from their form and typed from their context.

The register matcher (:mod:`tei_tools.markup.names`) finds only what the
registers hold.  On documents nobody has seen, the names that matter most are
often the ones missing there: a general on a minor front, a village taken in
the intervention, a consul signing a telegram.  This module finds proper-name
candidates among the capitalised words that the matcher left alone, and types
them from what surrounds them, the way a reader does:

* a person: after a title or in a salutation (handled by the matcher), in a
  signature, in brackets after an office ("The Consul General at Moscow
  (Simmers)"), in apposition to an office ("the Commander-in-Chief on the
  Rumanian front, Shcherbachev"), with initials or a patronymic ("Ivan
  Petrovich Zaitsev"), before a verb of speech ("Zaitsev declared");
* a body: capitalised words ending in a head word ("German General Staff",
  "Rumanian Embassy", "Diplomatic Corps") or a head word with what it is "of";
* a place: after a preposition or verb of place ("at Kem", "taken Soroki",
  "the road to Onega"), or before a geographical head word ("the Moon
  Islands", "the Crimean Peninsula", "the Dvina front");
* and in a list or a pair ("Kem and Soroki", "Kursk, Voronezh, the Crimean
  Peninsula", "Wright, Armour, Ruggles, Johnston"), the type of its neighbours.

Context beats word frequency: "Page" and "Wright" are common words, but not in
a signature or in brackets after an office.  Without such context a
capitalised word is a candidate only when it is rare as a word (``wordfreq``),
and then it is reported for review, not marked: a wrong mark costs the reader
more than a missing one, and the review report lists it either way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from tei_tools.calendars import month_names
from tei_tools.markup.vocabulary import (
    evidence_alternatives as _any_of,
)
from tei_tools.markup.vocabulary import (
    evidence_words as _words,
)
from tei_tools.markup.vocabulary import (
    gazetteer_place,
    given_name_contractions,
    given_name_rank,
    is_given_name,
    not_names,
    place_sides,
    state_abbreviations,
    surname_rank,
    word_frequency,
)

#: How a candidate was typed, for the review report.
PERSON, ORG, PLACE = "persName", "orgName", "placeName"

#: Words that end the name of a body ("Rumanian Embassy", "Central Rada").
ORG_HEADS = _words("org_heads")
#: Plural heads name several bodies ("the Allied Governments"): not one name to mark.
PLURAL_ORG_HEADS = _words("plural_org_heads")
#: Head words that make a name of a body on their own after "the" ("the Rada").
SELF_NAMING_HEADS = _words("self_naming_heads")
#: Bodies named by their head word alone, with or without "the" ("in Parliament").
BARE_NAMING_HEADS = _words("bare_naming_heads")
#: Heads that name a body only with what it is of ("House of Commons", "Court of Directors").
OF_ONLY_HEADS = _words("of_only_heads")

#: Geographical head words written as part of a place's name ("the Moon Islands").
PLACE_HEADS = _words("place_heads")
#: Lower-case words after a place ("the Dvina front", "Archangel province").
PLACE_AFTER = _words("place_after")
#: Words before a place ("at Kem", "taken Soroki", "the road to Onega").
PLACE_BEFORE = re.compile(rf"(?:\b(?:{_any_of('place_before')})(?:\s+the)?\s+)$", re.IGNORECASE)
#: Words after a person ("Zaitsev declared").
SPEECH_AFTER = re.compile(rf"^\s+(?:has\s+|had\s+)?(?:{_any_of('speech_verbs')})\b")
#: Verbs whose object is a person: "I wired Huntington", "sending Webster".
MESSAGE_BEFORE = re.compile(rf"\b(?:{_any_of('message_verbs')})\s+$")
#: An office after a name: "Hicks, British officer", "Riggs, military attaché".
OFFICE_AFTER = re.compile(
    rf"^,\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:{_any_of('offices_after')})\b", re.IGNORECASE
)
#: A kind of place after a name: "Björneborg, Finnish port".
PLACE_APPOSITION = re.compile(
    rf"^,\s+(?:an?\s+|the\s+)?(?:[A-Z][a-z]+\s+)?(?:{_any_of('place_kinds_after')})\b"
)
#: Offices: the words that make a following bracketed or appositive name a person.
OFFICES = re.compile(rf"\b(?:{_any_of('offices')})\b")
#: Capitalised words that are not names: function words, offices, forms of address,
#: calendar words, and words of the documents' own apparatus.
NOT_NAMES = _words("not_names") | frozenset((*month_names().names, *month_names().abbreviations))
#: Single words that are never a name by themselves (a body's head word needs more).
_NEVER_ALONE = (NOT_NAMES | ORG_HEADS | PLACE_HEADS | PLURAL_ORG_HEADS) - (
    SELF_NAMING_HEADS | BARE_NAMING_HEADS
)
#: Particles inside a person's name ("Ludwig von Mises", "Charles de Gaulle").
PARTICLES = _words("particles")
#: Endings of Russian patronymics: a word with one makes a three-word person's name.
PATRONYMIC = re.compile(r"(?:ovich|evich|ovitch|evitch|ich|ovna|evna|ichna)$")
#: Endings of demonyms and other adjectives of peoples ("Rumanian", "Japanese").
_DEMONYM_ENDINGS = re.compile(r"(?:ian|ean|ese|ish|ic)$")
#: Adjectives of peoples whose ending is also a surname's ("Moran", "Macgowan", "French").
_DEMONYM_WORDS = _words("demonyms")


@functools.lru_cache(maxsize=8192)
def is_demonym(word: str) -> bool:
    """An adjective of a people or a party ("Rumanian", "German", "Czech")."""
    bare = word.lower().strip(".,;:'’")
    bare = bare.rsplit("-", 1)[-1]  # "Eastern-Siberian", "German-Austrian"
    return bare in _DEMONYM_WORDS or bool(_DEMONYM_ENDINGS.search(bare))


#: Contracted given names keep their point or colon inside a name: "Wm. West", "Jereah: Warder".
#: "St. Lucia", "Mt. Vernon", "Ft. Pitt": the contracted word keeps its point inside the name.
_SAINT = "St|Ste|Mt|Ft"
_CONTRACTED = "|".join(
    sorted(
        {re.escape(form) for c in given_name_contractions() for form in (c, c.upper())},
        key=len,
        reverse=True,
    )
)  # "Jno." and, in a signature in capitals, "JNO."
_WORD = rf"(?:[A-Z]\.(?:-[A-Z]\.)?|(?:{_CONTRACTED}|{_SAINT})[.:](?=\s+[A-Z])|[A-ZÀ-ÞА-Я][\w'’]*(?:-[A-ZÀ-Þ\w][\w'’]*)*)"
# The first capital comes first in the pattern, and the look-behind after it, so that
# the regular-expression engine can skip to capitals instead of trying every position.
_CONTRACTED_RESTS = "|".join(
    sorted(
        {
            f"(?<={re.escape(form[0])}){re.escape(form[1:])}"
            for c in given_name_contractions()
            for form in (c, c.upper())
        },
        key=len,
        reverse=True,
    )
)  # each rest after its own first letter: "Nath." is a contraction, "Bath." is not
_FIRST_WORD = (
    r"[A-ZÀ-ÞА-Я](?<![\w.'’-].)"
    rf"(?:\.(?:-[A-Z]\.)?|(?:{_CONTRACTED_RESTS}|(?<=S)te?|(?<=[MF])t)[.:](?=\s+[A-Z])|[\w'’]*(?:-[A-ZÀ-Þ\w][\w'’]*)*)"
)
#: A run of capitalised words, initials and particles (never a particle first or last).
_CAPITALISED = re.compile(
    rf"{_FIRST_WORD}(?:(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))})\s+)?){_WORD})*"
)
_SPLIT_WORDS = re.compile(r"\S+")

#: Below this Zipf frequency a capitalised surname of the census list is no common noun
#: of the period's capitalised prose ("Sherman", not "Book" or "Snow").
SURNAME_NOT_A_WORD = 3.6
#: The same for a given name alone ("Cassandra", "Henry"; not "Will", "Grant" or "May").
GIVEN_NAME_NOT_A_WORD = 4.9
#: Zipf frequency at or above which a capitalised word is more likely a word than a name.
COMMON_MID_SENTENCE = 4.6
COMMON_AT_SENTENCE_START = 2.9


@dataclass(frozen=True, slots=True)  # slots: one per name, many per document (memory)
class Candidate:
    """A name-like span that no register knows, with its type and why."""

    start: int
    end: int
    text: str
    tag: str | None  # None: a possible name whose type the context does not tell
    reason: str
    marked: bool  # whether the converter marks it (False: only reported)
    #: Names inside this one (start, end, tag): the place a body is "of".
    inner: tuple[tuple[int, int, str], ...] = ()


def find_candidates(
    text: str,
    taken: Sequence[tuple[int, int, str]],
    *,
    in_signature: bool = False,
    in_salute: bool = False,
    in_dateline: bool = False,
    is_surname: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Name candidates in ``text`` outside the ``taken`` spans (start, end, tag).

    ``is_surname`` tells the surnames of the registers' people: such a word is
    a person's name whatever its frequency as a word ("Wright", "Page").
    """
    if _mostly_capitals(text):
        # A title in capitals: every word looks like a name.  Read it as an editor would
        # have written it (common words in lower case), then keep the original letters.
        # A signature or an address in capitals ("U. S. GRANT, Lieutenant-General.") is
        # names and ranks: every word keeps its capital.
        signed = in_signature or in_salute or in_dateline
        shadow = name_case(text) if signed else sentence_case(text, is_surname)
        if shadow is None:
            return []
        found = _candidates_in(shadow, taken, in_signature or in_salute, is_surname)
        if signed:
            # "PRELIMINARY INFORMATION." under a title: common words with no initial and no
            # given name are a heading's, not a signature's
            found = [c for c in found if not _common_words_only(c.text)]
        if in_dateline:
            found = [_dateline_place(shadow, c) for c in found]
        return [replace(c, text=text[c.start : c.end]) for c in found if c.tag is not None]
    found = _candidates_in(text, taken, in_signature or in_salute, is_surname)
    return [_dateline_place(text, c) for c in found] if in_dateline else found


def _common_words_only(name: str) -> bool:
    words = [w.strip(".,;:") for w in name.split()]
    return len(words) > 1 and all(
        len(w) > 1
        and not is_given_name(w)
        and surname_rank(w) is None
        and word_frequency(w) >= _COMMON_IN_A_HEADING
        for w in words
    )


#: A word this common, neither a given name nor a surname, is a heading's, not a signature's.
_COMMON_IN_A_HEADING = 3.5


def _dateline_place(text: str, candidate: Candidate) -> Candidate:
    """The name a dateline opens with, before a comma: where the letter was written."""
    if (
        candidate.tag in (None, PLACE)
        and not text[: candidate.start].strip()
        and re.match(r"^[.,]?\s", text[candidate.end :])
    ):
        return replace(candidate, tag=PLACE, reason="opens a dateline", marked=True)
    return candidate


def _candidates_in(
    text: str,
    taken: Sequence[tuple[int, int, str]],
    signature: bool,
    is_surname: Callable[[str], bool] | None,
) -> list[Candidate]:
    found: list[Candidate] = []
    states = _state_abbreviations_in(text)
    units = [u for u in _units_in(text) if not any(u.start < e and b < u.end for b, e, _ in taken)]
    fixed = [*states, *units]
    covered = 0  # the end of a body's name that took in the next run ("Council of Barbados")
    for start, end in _free_runs(text, [*taken, *((s.start, s.end, s.tag or ORG) for s in fixed)]):
        if start < covered:
            continue
        for candidate in _candidates_in_run(text, start, end, signature, is_surname):
            found.append(candidate)
            covered = max(covered, candidate.end)
    found.extend(s for s in states if not any(s.start < e and b < s.end for b, e, _ in taken))
    found.extend(units)
    return type_by_neighbours(text, found, taken) + bodies_around_places(text, taken)


@functools.lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    ordinal = rf"(?:\d{{1,3}}(?:st|nd|rd|th|d)|{_any_of('ordinal_words')})"
    unit = _any_of("military_units")
    return re.compile(
        rf"(?<![\w-]){ordinal}\s+(?:[A-Z][a-z]+\s+)?(?i:{unit})(?![\w-])"
        r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
    )


def _units_in(text: str) -> list[Candidate]:
    """Numbered units of an army: "the 95th regiment", "Sixth Corps", "2d Battalion of Foot"."""
    return [
        Candidate(m.start(), m.end(), m.group(), ORG, "a numbered military unit", True)
        for m in _unit_pattern().finditer(text)
    ]


@functools.lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(f).replace(r"\ ", r"\s?") for f in state_abbreviations())
    # After a place and its comma ("Richmond, Va."), in capitals too ("CITY POINT, VA.").
    return re.compile(rf"(?<=[A-Za-z.], )(?i:{forms})(?![\w])")


def _state_abbreviations_in(text: str) -> list[Candidate]:
    """US states written short after a place's name: "Richmond, Va.", "Washington, D. C."."""
    if ", " not in text:
        return []
    return [
        Candidate(
            m.start(), m.end(), m.group(), PLACE, "a state's abbreviation after a place", True
        )
        for m in _state_pattern().finditer(text)
        if _PLACE_BEFORE_COMMA.search(text, 0, m.start())
    ]


#: A capitalised word (a place's name) right before the comma: "Richmond, ".
_PLACE_BEFORE_COMMA = re.compile(r"[A-Z][\w'’.-]*, $")


def name_case(text: str) -> str | None:
    """A line in capitals with each word capitalised ("JNO. A. RAWLINS" → "Jno. A. Rawlins")."""
    shadow = re.sub(r"[^\W\d_][\w'’]*", lambda m: _capitalise(m.group().lower()), text)
    return shadow if len(shadow) == len(text) else None


def sentence_case(text: str, is_surname: Callable[[str], bool] | None = None) -> str | None:
    """A text in capitals as it would be written in running text, of the same length.

    Common words go to lower case, rare ones ("SHCHERBACHEV", "KEM") and the
    adjectives of peoples keep a capital; None when case mapping would change
    the length (then offsets could not be carried back).
    """
    pieces = []
    after_initial = False
    for index, m in enumerate(re.finditer(r"\S+|\s+", text)):
        word = m.group()
        if word.isspace():
            pieces.append(word)
            continue
        bare = word.strip(".,;:!?()[]\"“”'’")
        if not bare or not bare[:1].isalpha():
            pieces.append(word)
            after_initial = False
            continue
        lower = word.lower()
        # "A." in capitals is an initial ("JNO. A. RAWLINS"): the article takes no full stop;
        # the word after an initial or a contracted given name ("CHS. THOMAS") is a name.
        pointed = word.rstrip(",;:").endswith(".")
        initial = pointed and (len(bare) == 1 or bare.capitalize() in _contractions())
        keep = (
            initial
            or (after_initial and bare.lower() not in _LOWER_IN_TITLES)
            or _kept_capital(bare)
            or (
                is_surname is not None
                and bare.lower() not in _LOWER_IN_TITLES
                and is_surname(bare.capitalize())
            )
        )
        first = index == 0
        pieces.append(_capitalise(lower) if keep or first else lower)
        after_initial = initial and not word.endswith((",", ";", ":"))
    shadow = "".join(pieces)
    return shadow if len(shadow) == len(text) else None


@functools.lru_cache(maxsize=1)
def _contractions() -> frozenset[str]:
    return frozenset(given_name_contractions())


@functools.lru_cache(maxsize=8192)
def _kept_capital(bare: str) -> bool:
    """Whether a word of a title in capitals keeps its capital in sentence case."""
    if bare.lower() in _LOWER_IN_TITLES:
        return False
    place = gazetteer_place(bare.capitalize())
    return (
        is_demonym(bare)
        or bare.capitalize() in _TITLE_CAPITALS
        or word_frequency(bare) < COMMON_MID_SENTENCE
        or (place is not None and place.kind != "city-word")  # "YORK", "PARIS"
    )


def _capitalise(word: str) -> str:
    at = next((i for i, c in enumerate(word) if c.isalpha()), 0)
    return word[:at] + word[at:].capitalize()


#: Titles before a person's name (the register matcher's list, plus abbreviations).
_PERSON_TITLES = _words("person_titles")
#: Words that keep a capital in a title read in sentence case.
_TITLE_CAPITALS = ORG_HEADS | PLACE_HEADS | _PERSON_TITLES
#: Words of titles never part of a name ("NOTE FROM ... TO THE ... ON ...").
_LOWER_IN_TITLES = _words("lower_in_titles")


def _mostly_capitals(text: str) -> bool:
    if len(text) > 400:
        return False  # a title in capitals is short
    sample = text
    lower = sum(map(str.islower, sample))
    upper = sum(map(str.isupper, sample))
    return upper > 1.5 * lower


def _free_runs(text: str, taken: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Runs of capitalised words in the gaps between the names already found."""
    runs = []
    position = 0
    for start, end in [*sorted((s, e) for s, e, _ in taken), (len(text), len(text))]:
        if start > position:
            for m in _CAPITALISED.finditer(text, position, start):
                a, b = _trim(text, m.start(), m.end())
                if a < b:
                    runs.append((a, b))
        position = max(position, end)
    return runs


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not (text[end - 1].isalpha() or text[end - 1] == "."):
        end -= 1
    return start, end


#: A block that is nothing but a name: a signature in a layout that does not mark them.
#: An initial, or the two of a hyphenated given name ("J.-J. Rousseau", "J.-B. Say").
_INITIAL = re.compile(r"[A-Z]\.(?:-[A-Z]\.)?")
_OF_AFTER = re.compile(r"\s+(?:of|for|at)\s")
LONE_NAME = re.compile(
    r"^(?:[A-Z][a-z]{0,3}\.(?:-[A-Z]\.)?\s?|[A-Z]\.\s?){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}[.,]?$"
)


def _candidates_in_run(
    text: str,
    start: int,
    end: int,
    in_signature: bool,
    is_surname: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    run = text[start:end]
    if (run in _NEVER_ALONE and not _OF_AFTER.match(text, end)) or (
        " " not in run and _adjective(text, end, run)
    ):
        return []  # the commonest runs by far: "The", "It", "Governments", "German troops"
    words = [(m.start() + start, m.end() + start) for m in _SPLIT_WORDS.finditer(text[start:end])]
    if not words:
        return []
    org = _org_candidate(text, words)
    if org:
        return [org]
    place = _place_with_head(text, words)
    if place:
        return [place]
    if len(words) > 1 and _sentence_start(text, words[0][0]):
        first = text[words[0][0] : words[0][1]]
        if (
            word_frequency(first) >= COMMON_MID_SENTENCE
            and not _INITIAL.fullmatch(first)
            and not is_given_name(first)
            and gazetteer_place(first.rstrip(".,")) is None
            and gazetteer_place(text[words[0][0] : words[-1][1]].rstrip(".,")) is None
        ):
            words = words[1:]  # "Later Summers left": a capitalised word opening the sentence
    core = _core(text, words)
    if not core:
        return []
    a, b = core[0][0], core[-1][1]
    if core[-1] != words[-1] and " " not in text[a:b] and is_demonym(text[a:b]):
        return []  # "Eastern-Siberian Railway", "Rumanian Front": an adjective of the noun
    # A trailing full stop belongs to the name only when it ends an initial.
    if text[b - 1] == "." and not re.search(r"(?:^|\s)[A-Z]\.$", text[a:b]):
        b -= 1
    while " " in text[a:b] and text[a:b].rsplit(" ", 1)[1].rstrip(".") in _AFTER_NAME_WORDS:
        b = a + text[a:b].rindex(" ")
    # A possessive stays outside the name: "Mr. Penn's" marks "Mr. Penn".
    if text[a:b].endswith(("'s", "’s")) and b - a > 3:
        b -= 2
    name = text[a:b]
    if not _name_like(text, a, name) or _adjective(text, b, name) or _NUMBER_WORD.match(name):
        return []
    if " " not in name and (name in not_names() or _after_ship_word(text, a)):
        return []  # "Dear Brother"; "by the Friendship", "the sloop Betsey": not persons
    if all(word.strip(".,:;") in not_names() or word in NOT_NAMES for word in name.split()):
        return []  # "Esteemed Friend", "Honoured Sir": a form of address
    tag, reason = _type_from_context(text, a, b, name, in_signature, is_surname)
    if tag == PERSON and not in_signature and " " not in name and _people(name):
        return []  # "with the Japanese", "by Czechs": a people, not a person
    if tag == PERSON and reason in WEAK_PERSON_REASONS and _a_known_place(name):
        tag, reason = PLACE, GAZETTEER_NO_SURNAME
    if tag is None:
        tag, reason = _type_from_vocabulary(text, a, b, name)
    elif tag == PLACE and reason == "after a word of place" and not _place_word(name):
        return []  # "in Time", "in the Spring": a capitalised noun, not a place
    if tag is None and core[0] != words[0]:
        before_core = words.index(core[0]) - 1
        while before_core > 0 and text[slice(*words[before_core])].lower() in PARTICLES:
            before_core -= 1  # "Count de Blenac"
        title = text[words[before_core][0] : words[before_core][1]].strip()
        if title in _PERSON_TITLES:
            tag, reason = PERSON, "after a title"
    if (
        tag is None
        and is_surname is not None
        and is_surname(name.split()[-1])
        and _rare(name, sentence_start=False)
    ):
        # A surname that is also a common word ("Reading", "Page") needs more context.
        tag, reason = PERSON, "a surname of the registers"
    if tag is None and _rare_before_surname(name) and not _after_the(text, a):
        # "Mungo Park", "Dolley Madison": a rare name before a surname that is also a word
        tag, reason = PERSON, "a rare name before a surname (US Census list)"
    if tag is None and not _rare(name, sentence_start=_sentence_start(text, a)):
        if " " not in name and is_given_name(name) and word_frequency(name) < GIVEN_NAME_NOT_A_WORD:
            # "Edward and Frank are both gone out": a given name opening a sentence is
            # left untyped, for a typed neighbour ("and Frank") to type.
            return [Candidate(a, b, name, None, "a given name opening a sentence", False)]
        return []
    if tag == PLACE:
        feature = _FEATURE_AFTER.match(text, b)
        if feature is not None and feature.group(1) in _FEATURES_IN_NAME:
            b = feature.end()  # "Slave river", "Hudson's bay": the feature's own name
            side = _SIDE_BEFORE.search(text, 0, a)
            if side is not None and side.group(1) in place_sides():
                a = side.start(1)  # "the Upper Gravel river"
            name = text[a:b]
    return [Candidate(a, b, name, tag, reason, tag is not None)]


#: Lower-case words after a place that belong to a feature's name ("the Slave river"), unlike
#: "front" or "province" (a part of the place: "the Dvina front").
_FEATURES_IN_NAME = _words("features_in_name")
_FEATURE_AFTER = re.compile(r" ([a-z]+)\b")
_SIDE_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")


def _org_candidate(text: str, words: list[tuple[int, int]]) -> Candidate | None:
    """Capitalised words ending in a body's head word, and what it is "of"."""
    for index in range(len(words) - 1, -1, -1):
        head = text[words[index][0] : words[index][1]].strip(".,;:'’")
        if head not in ORG_HEADS:
            continue
        first = 0
        while first < index and text[words[first][0] : words[first][1]] in _LEADING_WORDS:
            first += 1
        qualifiers = [text[s:e] for s, e in words[first:index]]
        start = words[index - len(qualifiers)][0] if qualifiers else words[index][0]
        if qualifiers and _MAJESTY.match(qualifiers[0]):
            # "Her Majesty's Government": the possessive is the sovereign's, part of the name
            # (the free run may begin after "Her", or at it).
            owner = _OWNER_BEFORE.search(text, 0, start)
            if owner is not None:
                start = owner.start()
            elif first > 0 and text[slice(*words[first - 1])] in ("His", "Her", "Their"):
                start = words[first - 1][0]
        end = words[index][1]
        tail = _OF_WHAT.match(text, end)
        if tail and qualifiers:
            end = tail.end()
        if (
            head in OF_ONLY_HEADS
            and not tail
            and head not in ("Commons", "Lords")
            and (not qualifiers or qualifiers[-1] in _LEADING_WORDS)
        ):
            return None
        if not qualifiers and tail:
            end = tail.end()  # "the Legislature of Lower Canada", "Council of Barbados"
        elif (
            not qualifiers
            and not (head in SELF_NAMING_HEADS and _after_the(text, start))
            and head not in BARE_NAMING_HEADS
        ):
            return None
        end = _trim(text, start, end)[1]
        inner = _place_of(text, tail, end) if tail and tail.end() <= end else ()
        return Candidate(
            start, end, text[start:end], ORG, "a body's head word", True,
            (*_place_before_head(text, words[index - len(qualifiers) : index]), *inner),
        )  # fmt: skip
    return None


_MAJESTY = re.compile(r"Majest(?:y|ie|ies)['’]s?$|Majesties['’]$")
_OWNER_BEFORE = re.compile(r"\b(?:His|Her|Their) $")


def _place_before_head(
    text: str, qualifiers: list[tuple[int, int]]
) -> tuple[tuple[int, int, str], ...]:
    """The place a body is named after, before its head word ("East India Company", "Virginia
    Company"), when the gazetteer has the words before the head as a place."""
    for last in range(len(qualifiers), 0, -1):  # the longest run of words that is a place
        start, end = qualifiers[0][0], qualifiers[last - 1][1]
        place = gazetteer_place(text[start:end])
        if place is not None and place.kind != "city-word":
            return ((start, end, PLACE),)  # "Oude Field Force": Oude
    return ()


def _place_of(text: str, tail: re.Match[str], end: int) -> tuple[tuple[int, int, str], ...]:
    """The place a body is of or at ("Assembly of South Carolina"), when the gazetteer has it."""
    what = re.match(r"\s+(?:of|for|at)\s+(?:the\s+)?", text[tail.start() : end])
    if what is None:
        return ()
    start = tail.start() + what.end()
    place = text[start:end]
    if gazetteer_place(place) is not None or (
        # "Council of Fort St. George": a fort, port, cape or lake by its head word
        " " in place and place.split()[0] in _HEADS_BEFORE_NAMES
    ):
        return ((start, end, PLACE),)
    return ()


_COMPASS = _words("compass")
#: A body named around a place the registers know: "East India Company", "Council of Virginia".
_HEAD_AFTER = re.compile(r"^((?:\s+[A-Z][\w'’-]*){0,2})\s+(?P<head>[A-Z][\w'’-]*)")
_HEAD_BEFORE = re.compile(
    r"(?P<body>(?:[A-Z][\w'’-]*\s+){0,3}(?P<head>[A-Z][\w'’-]*))\s+(?:of|for|at)\s+(?:the\s+)?$"
)
_LEFT_WORDS = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,2}$")


def bodies_around_places(text: str, taken: Sequence[tuple[int, int, str]]) -> list[Candidate]:
    """Bodies whose name holds a place already found: the place stays marked inside."""
    found = []
    for start, end, tag in taken:
        if tag != PLACE:
            continue
        after = _HEAD_AFTER.match(text[end : end + 60])
        if after and after.group("head") in ORG_HEADS - OF_ONLY_HEADS:
            left = _LEFT_WORDS.search(text[max(0, start - 30) : start])
            body_start = start
            if left:
                words = left.group().split()
                while words and (words[0] in _LEADING_WORDS or words[0] in NOT_NAMES - _COMPASS):
                    words.pop(0)
                body_start = start - len(" ".join(words)) - 1 if words else start
            body_end = end + after.end()
            found.append(_body(text, body_start, body_end, (start, end)))
            continue
        before = _HEAD_BEFORE.search(text[max(0, start - 60) : start])
        if before and before.group("head") in ORG_HEADS:
            words = before.group("body").split()
            while words and words[0] in _LEADING_WORDS:
                words.pop(0)
            if not words:
                continue
            body_text = " ".join(words)
            body_start = start - len(before.group()) + before.group().index(body_text)
            found.append(_body(text, body_start, end, (start, end)))
    return found


def _body(text: str, start: int, end: int, place: tuple[int, int]) -> Candidate:
    return Candidate(
        start, end, text[start:end], ORG, "a body's head word around a place", True,
        ((place[0], place[1], PLACE),),
    )  # fmt: skip


#: A word of what a body is "of", a contracted saint's or fort's name with its point
#: ("Council of Fort St. George").
_OF_WORD = rf"(?:(?:{_SAINT})\.\s+)?[A-Z][\w'’-]*"
_OF_WHAT = re.compile(
    rf"\s+(?:of|for|at)\s+(?:the\s+)?"
    rf"(?:{_OF_WORD}(?:\s+|,\s+(?=and\b))(?:(?:and(?!\s+the\b)|of|for)\s+)?){{0,5}}"
    rf"{_OF_WORD}"
)
#: Words that open a run of capitals without belonging to the name ("The Rumanian Embassy").
_LEADING_WORDS = _words("leading_words")
#: Words after a capitalised word that show it is a noun, not an adjective ("Japan has").
_NOT_A_NOUN_AFTER = _words("not_a_noun_after")


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start].lower() == "the "


#: Geographical words named "of" a place: "the Isle of Ely", "the Bay of Biscay".
_HEAD_FIRST = _words("head_first")
#: Geographical words written before a place's own name ("Lake Ladoga", "Port Elizabeth").
_HEADS_BEFORE_NAMES = _words("heads_before_names")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


def _place_with_head(text: str, words: list[tuple[int, int]]) -> Candidate | None:
    """ "Moon Islands", "Crimean Peninsula", "Lake Ladoga"; "Dvina front"."""
    names = [text[s:e].strip(".,;:") for s, e in words]
    if len(names) == 1 and names[0] in _HEAD_FIRST:
        tail = _OF_PLACE.match(text, words[0][1])
        if tail:
            end = _trim(text, words[0][0], tail.end())[1]
            return Candidate(words[0][0], end, text[words[0][0] : end], PLACE, "Isle of ...", True)
    if all(name in PLACE_HEADS for name in names):
        return None  # "the Sea Coast", "River Bank": geographical words, no name among them
    if len(names) >= 2 and (names[-1] in PLACE_HEADS or names[0] in _HEADS_BEFORE_NAMES):
        start = words[1][0] if names[0] == "The" else words[0][0]
        end = _trim(text, start, words[-1][1])[1]
        return Candidate(start, end, text[start:end], PLACE, "a geographical head word", True)
    return None


def _core(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of a run without the function words, offices and adjectives around it."""
    kept = list(words)
    if len(kept) > 1 and gazetteer_place(text[kept[0][0] : kept[-1][1]].rstrip(".,;:")):
        return kept  # "Lower Canada", "New England": the whole is a place
    while kept and (
        _not_name_word(text[kept[0][0] : kept[0][1]])
        or (len(kept) > 1 and text[kept[0][0] : kept[0][1]].strip(".,:;") in not_names())
    ):
        kept.pop(0)  # "our Friend Thomas Wharton", "Cousin Mecom": the address is no name
    while (
        kept
        and (
            _not_name_word(text[kept[-1][0] : kept[-1][1]])
            # "Mr Nelson Botanist", "John Mills Gunner": a calling after the name
            or (len(kept) > 1 and text[kept[-1][0] : kept[-1][1]].strip(".,:;") in not_names())
        )
        and not _after_given_name(text, kept)
    ):
        kept.pop()
    if any(
        _not_name_word(text[s:e]) and not _after_given_name(text, kept[: i + 1])
        for i, (s, e) in enumerate(kept)
    ):
        return []  # "Secretary of State Lansing" and the like: leave to the titles
    return kept


def _after_given_name(text: str, words: list[tuple[int, int]]) -> bool:
    """The last word follows a given name: a surname, whatever it means as a word ("Wm. West")."""
    if len(words) < 2:
        return False
    last = text[words[-1][0] : words[-1][1]].strip(".,;:")
    return last[:1].isupper() and is_given_name(text[words[-2][0] : words[-2][1]])


def _not_name_word(word: str) -> bool:
    bare = word.strip(".,;:!?()[]\"“”'’")
    bare = bare[:-2] if bare.endswith(("'s", "’s")) else bare
    return (
        bare in NOT_NAMES
        or bare in ORG_HEADS
        or bare in PLURAL_ORG_HEADS
        or bare in PLACE_HEADS
        or bare.lower() in PARTICLES
        or not bare[:1].isupper()
    )


def _adjective(text: str, end: int, name: str) -> bool:
    """A people's adjective before a common noun: "Russian territory", "Siberian railway"."""
    if " " in name or not is_demonym(name):
        return False
    if re.match(r"^-[A-Z]", text[end : end + 2]):
        return True  # "Eastern-Siberian Railway"
    following = re.match(r"^[\s-]+([a-z]+)", text[end : end + 30])
    return following is not None and following.group(1) not in _NOT_A_NOUN_AFTER


#: A bearing written in letters: "NE", "SSW", "NbE" (north by east).
_COMPASS_POINT = re.compile(r"[NSEW]{1,3}|[NSEW]{1,2}b[NSEW]")


def _name_like(text: str, start: int, name: str) -> bool:
    words = name.split()
    if all(_INITIAL.fullmatch(w) for w in words):
        return False  # initials alone: "V." of a list, "U.S."
    if len(words) == 1 and len(name.strip(".")) < 2:
        return False
    if _COMPASS_POINT.fullmatch(name.strip(".")):
        return False  # "Winds at ESE", "bearing NbW": a bearing, not a place
    return not any(ch.isdigit() for ch in name)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;"“([—–-' or before.endswith("...")


_SAINT_WORD = re.compile(rf"(?:{_SAINT})\.")


def _rare_before_surname(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 3
        and surname_rank(words[-1]) is not None
        and gazetteer_place(name) is None
        and all(
            w[:1].isupper() and len(w) > 2 and word_frequency(w) < SURNAME_NOT_A_WORD
            for w in words[:-1]
        )
    )


def _rare(name: str, sentence_start: bool) -> bool:
    limit = COMMON_AT_SENTENCE_START if sentence_start else COMMON_MID_SENTENCE
    return all(
        word_frequency(w) < limit
        for w in name.split()
        if not _INITIAL.fullmatch(w) and not _SAINT_WORD.fullmatch(w)
    )


def _type_from_context(
    text: str,
    start: int,
    end: int,
    name: str,
    in_signature: bool,
    is_surname: Callable[[str], bool] | None = None,
) -> tuple[str | None, str]:
    words = name.split()
    if in_signature:
        return PERSON, "a signature or salutation"
    if len(words) >= 2 and any(_INITIAL.fullmatch(w) for w in words[:-1]):
        return PERSON, "initials before a surname"
    if len(words) >= 3 and any(PATRONYMIC.search(w) for w in words[1:-1]):
        return PERSON, "a patronymic"
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    if before.endswith("(") and after.startswith(")") and OFFICES.search(before):
        return PERSON, "in brackets after an office"
    if (
        re.search(r",\s*$", before)
        and OFFICES.search(_clause(before))
        and re.match(r"^\s*(?:[,.;:)]|$|\s+(?:has|had|is|was|who|and)\b)", after)
    ):
        return PERSON, "in apposition to an office"
    if _SIGNED_BEFORE.search(before):
        return PERSON, "signed the document"
    if _WRITER_OF.match(after) and not gazetteer_place(name):
        return PERSON, "the writer of a journal, letter or account"
    if _LOWER_TITLE_BEFORE.search(before):
        return PERSON, "after a title in lower case"
    if _KIN_BEFORE.search(before):
        return PERSON, "after a word of kinship or of a person's fate"
    if SPEECH_AFTER.match(after):
        return PERSON, SPEECH
    if MESSAGE_BEFORE.search(before):
        return PERSON, "after a verb of sending or telling"
    if OFFICE_AFTER.match(after):
        return PERSON, "followed by an office"
    if PLACE_APPOSITION.match(after):
        return PLACE, "followed by a kind of place"
    registered = is_surname is not None and is_surname(words[-1])
    if PLACE_BEFORE.search(before) and not _person_like(name) and not registered:
        return PLACE, "after a word of place"
    if (
        not _person_like(name)
        and not registered
        and not is_given_name(words[0])
        and (
            (_FROM_BEFORE.search(before) and _TO_AFTER.match(after))
            or _FROM_TO_BEFORE.search(before)
        )
    ):
        return PLACE, "from one place to another"
    first_after = re.match(r"^\s+([a-z]+)", after)
    if first_after and first_after.group(1) in PLACE_AFTER and not is_demonym(name):
        return PLACE, f"before '{first_after.group(1)}'"
    return None, "capitalised and rare as a word"


#: Titles the older prints set in lower case: "sir Humfrey Gilbert", "doctor Franklin".
_LOWER_TITLE_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_any_of('lower_case_titles')})\s+$")
#: "the death of Foulon", "the widow of Barlow": what only a person has.
_KIN_BEFORE = re.compile(rf"\b(?:{_any_of('kin_of')})\s+of\s+$")
#: "Mungo Park's Travels", "Zebulon Pike's journal": what only a person writes.
_WRITER_OF = re.compile(rf"^['’]s\s+(?:own\s+)?(?i:{_any_of('writings')})\b")
#: "from Daventree to Haverbrowe": a journey between two places.
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_TO_AFTER = re.compile(r"^\s+to\s+[A-Z]")
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+[A-Z][\w'’-]+\s+to\s+$")
#: "Signed, Craven, Albemarle, P. Colleton": the names a calendar lists as signatories.
_SIGNED_BEFORE = re.compile(r"\b(?:Signed|Sd|Sgd)\.?(?:,|:)?\s+(?:(?:[A-Z][\w'’.-]*\s?)+,\s+)*$")


#: Words written after a name that are not part of it ("Benjamin Franklin Esqr.").
_AFTER_NAME_WORDS = _words("after_name_words")
_NUMBER_WORD = re.compile(rf"^(?:{_any_of('number_words')})(?:[- ]|$)", re.IGNORECASE)
#: Reasons the enricher weighs (it compares them, so each is written once, here).
SPEECH = "before a verb of speech"
GAZETTEER = "in the gazetteer (GeoNames)"
GAZETTEER_AFTER_PREPOSITION = "in the gazetteer (GeoNames), after a preposition"
GAZETTEER_NO_SURNAME = "in the gazetteer (GeoNames), a town no surname shares"
TOWN_AND_SURNAME = "a town's name that is also a common surname"
LISTED = "listed with a "
#: Reasons for a place that rest on the gazetteer alone, with nothing around the name.
GAZETTEER_ALONE = frozenset({GAZETTEER, GAZETTEER_NO_SURNAME, TOWN_AND_SURNAME})
#: Person evidence that a town's name can also have ("by Zaragoza", "Bengal has").
#: A capitalised word after "de", "von", "van" in a language's prose ("Monsieur de Laleu", but
#: also "la bataille de Friedland"): a person unless the document shows a place.
PARTICLE_NAME = "a name with its particle"
#: A capitalised word the language does not have ("Friedland"): a person unless the document
#: shows a place.
RARE_CAPITALISED = "capitalised, no word of the language"

WEAK_PERSON_REASONS = frozenset(
    {
        SPEECH,
        PARTICLE_NAME,
        RARE_CAPITALISED,
        "after a verb of sending or telling",
        "followed by an office",
        "in apposition to an office",  # "Army Head-Quarters, South Africa"
    }
)


def _a_known_place(name: str) -> bool:
    """A gazetteer place whose name is no common given name or surname."""
    place = gazetteer_place(name)
    if place is None or place.kind == "city-word" or is_given_name(name.split()[0]):
        return False
    rank = surname_rank(name) if " " not in name else None
    return rank is None or rank > _SURNAME_RANK_NEEDS_CONTEXT


def _people(word: str) -> bool:
    """A people or its members: "Japanese", "Czechs", "Americans", "Bolsheviks"."""
    bare = word.strip(".,;:'’")
    return is_demonym(bare) or (bare.endswith("s") and is_demonym(bare[:-1]))


#: Words after which a capitalised name is a ship's ("by the Friendship", "the sloop Betsey").
_SHIP_BEFORE = re.compile(rf"\b(?:{_any_of('ship_words')})\s+$", re.IGNORECASE)


def _after_ship_word(text: str, start: int) -> bool:
    return _SHIP_BEFORE.search(text[max(0, start - 30) : start]) is not None


def _place_word(name: str) -> bool:
    """A name that may be a place: in the gazetteer, or rare as a word."""
    if gazetteer_place(name) is not None:
        return True
    if " " not in name and name.endswith("s") and word_frequency(name[:-1]) >= _COMMON_SINGULAR:
        return False  # "Justice in Boroughs": a plural common noun
    return _rare(name, sentence_start=False)


#: A singular this common makes its capitalised plural a noun ("Boroughs", "Colonies").
_COMMON_SINGULAR = 3.5


#: A town whose name is one of the commonest surnames is a person without a word of
#: place before it ("Lincoln", "Hamilton"); a large city is a place on its own.
_SURNAME_RANK_NEEDS_CONTEXT = 3000
_CITY_ON_ITS_OWN = 200_000
#: A given name rarer than this (its Census rank) is no evidence against a town of that name
#: ("Venice" is rank 2,497 of the women's names).
_GIVEN_NAME_BEATS_A_TOWN = 1000


def _type_from_vocabulary(text: str, start: int, end: int, name: str) -> tuple[str | None, str]:
    """A person by a given name before a surname; a place by the gazetteer."""
    words = name.split()
    if (
        len(words) >= 2
        and is_given_name(words[0])
        and words[-1][:1].isupper()
        and not _not_name_word(words[-1])
        and gazetteer_place(name) is None
    ):
        return PERSON, "a given name before a surname"
    place = gazetteer_place(name)
    # "haul the Sean", "a few Mullet", "a Channell": English gives a person no article, so
    # a word that is only in the name lists is a capitalised noun there.
    article = " " not in name and _ARTICLE_BEFORE.search(text[max(0, start - 12) : start])
    if (
        " " not in name
        and not article
        and is_given_name(name)
        and not _sentence_start(text, start)
        and word_frequency(name) < GIVEN_NAME_NOT_A_WORD
        and (
            place is None
            or (
                place.kind == "city"
                and place.population < _CITY_ON_ITS_OWN
                and (given_name_rank(name) or 0) <= _GIVEN_NAME_BEATS_A_TOWN
                # "I writ to her from Chester": a town's name after a word of being somewhere
                and not _NEAR_PREPOSITION.search(text[max(0, start - 12) : start])
            )
        )
    ):
        return PERSON, "a given name (US Census list), capitalised mid-sentence"
    if place is None:
        if (
            " " not in name
            and not article
            and surname_rank(name) is not None
            and word_frequency(name) < SURNAME_NOT_A_WORD
            and not is_demonym(name)
            and not _sentence_start(text, start)
        ):
            return PERSON, "a surname (US Census list), capitalised mid-sentence"
        return None, "capitalised and rare as a word"
    before_words = text[max(0, start - 40) : start]
    if place.kind == "city-word":
        if _NEAR_PREPOSITION.search(before_words) and not _sentence_start(text, start):
            return PLACE, GAZETTEER_AFTER_PREPOSITION
        return None, "a town named like a common word, with no word of place"
    if text.strip(" .,;:") == name:
        return PLACE, "a line that is only a place in the gazetteer (GeoNames)"
    if (
        " " not in name
        and is_given_name(name)
        and not _PLACE_PREPOSITION.search(text[max(0, start - 40) : start])
    ):
        return None, "a town named like a given name, with no word of place"
    if place.kind != "city" or place.population >= _CITY_ON_ITS_OWN:
        rank = surname_rank(name) if " " not in name else None
        if place.kind != "city" or rank is None or rank > 200:
            return PLACE, GAZETTEER
    rank = surname_rank(name) if " " not in name else None
    if rank is not None and rank <= _SURNAME_RANK_NEEDS_CONTEXT:
        if _NEAR_PREPOSITION.search(before_words) and not _sentence_start(text, start):
            return PLACE, GAZETTEER_AFTER_PREPOSITION
        return None, TOWN_AND_SURNAME
    before = text[max(0, start - 40) : start]
    if _PLACE_PREPOSITION.search(before) or re.match(r"^,\s*(?:[A-Z]|\d)", text[end : end + 4]):
        return PLACE, GAZETTEER_AFTER_PREPOSITION
    if place.population >= 50_000:
        return PLACE, GAZETTEER
    return None, "a small town's name in the gazetteer"


#: Articles and quantifiers that a common noun takes and a person's name does not.
_ARTICLE_BEFORE = re.compile(rf"\b(?:{_any_of('articles')})\s+$", re.I)
#: Prepositions of being somewhere ("at Cork"), not of purpose ("for Sale", "to Hire").
_NEAR_PREPOSITION = re.compile(rf"\b(?:{_any_of('near_prepositions')})\s+$", re.I)
_PLACE_PREPOSITION = re.compile(rf"\b(?:{_any_of('place_prepositions')})\s+$", re.I)


def _clause(before: str) -> str:
    """The text back to the start of the sentence or the previous bracket."""
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind("("), before.rfind(": "))
    return before[cut + 1 :] if cut >= 0 else before


def _person_like(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and bool(_INITIAL.fullmatch(words[0]))


_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")


_ARTICLE_GAP = re.compile(r"^[,;]?\s*(?:and\s+|or\s+|&\s+)?the\s+$", re.IGNORECASE)


def type_by_neighbours(
    text: str,
    found: list[Candidate],
    taken: Sequence[tuple[int, int, str]],
    *,
    join: re.Pattern[str] = _JOIN,
    article_gap: re.Pattern[str] | None = _ARTICLE_GAP,
) -> list[Candidate]:
    """Untyped candidates in a list or pair take the type of a typed neighbour.

    ``join`` is what may stand between two items (English: a comma, "and", "or");
    ``article_gap`` a gap that ends in an article, after which no person follows.

    Only persons and places: bodies are named by their head words.  The pass
    runs twice so that a type travels along a list ("Kursk, Voronezh, the
    Crimean Peninsula").
    """
    items = sorted(
        [(c.start, c.end, c.tag, i) for i, c in enumerate(found)]
        + [(s, e, tag, -1) for s, e, tag in taken],
    )
    result = list(found)
    for _ in range(2):
        for position, (start, end, _tag, index) in enumerate(items):
            if index < 0 or result[index].tag is not None:
                continue
            for neighbour in (position - 1, position + 1):
                if not 0 <= neighbour < len(items):
                    continue
                n_start, n_end, _t, n_index = items[neighbour]
                n_tag = result[n_index].tag if n_index >= 0 else _t
                gap = text[n_end:start] if neighbour < position else text[end:n_start]
                other = position + 1 if neighbour < position else position - 1
                if (
                    n_tag == PERSON
                    and article_gap is not None
                    and 0 <= other < len(items)
                    and article_gap.search(
                        text[end : items[other][0]]
                        if other > position
                        else text[items[other][1] : start]
                    )
                ):
                    continue  # "to Lynn, Wisbech, and the Wash": an article is no person's
                if n_tag in (PERSON, PLACE) and join.match(gap):
                    old = result[index]
                    result[index] = Candidate(
                        old.start, old.end, old.text, n_tag, LISTED + n_tag, True
                    )
                    items[position] = (start, end, n_tag, index)
                    break
    return result


__all__ = [
    "LONE_NAME",
    "ORG",
    "PERSON",
    "PLACE",
    "Candidate",
    "find_candidates",
    "type_by_neighbours",
    "word_frequency",
]
