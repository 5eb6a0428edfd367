"""Names no register knows, in letters written in German, French, Latin, Italian or Spanish.

The English candidate finder (:mod:`tei_tools.markup.candidates`) reads English
evidence: its titles, its head nouns, its word frequencies.  German writes every
noun with a capital and French writes "le marquis de Villette", so a letter in
another language is read here with that language's words (data/languages/*.toml):

* a person after a title or rank ("Herrn Grafen Alexander v. Auersperg", "Mr
  Trudaine", "M. le marquis de Villette", "Magister KEPLERE"), a peerage ("comte
  de Saxe", "Grafen von Auersperg"), the name of a signature or a salutation, and
  a capitalised word that the language's word list does not know (``wordfreq``)
  in the middle of a sentence ("Grillparzer", "Eichendorff");
* a body by its head noun and what it is of ("Akademie der Wissenschaften",
  "Académie des sciences", "Assemblée nationale"), a German compound ending in
  one ("Hofkanzlei", "Staatsministerium"), or a head that names one body by
  itself ("Reichstag", "le sénat");
* a place by the language's names of countries and towns, the gazetteer, the
  opening of a dateline, or a word of place before it ("nach Gratz", "à Paris");
* never a form of address ("Eure Excellenz", "Lieber Freund", "Monsieur", "Sire").

A language without a table (:func:`tei_tools.reading.languages.language` is None)
gets only what holds in any language: the names of signatures and the places of
datelines and of the gazetteer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from tei_tools.markup.candidates import (
    ORG,
    PARTICLE_NAME,
    PERSON,
    PLACE,
    RARE_CAPITALISED,
    Candidate,
    type_by_neighbours,
)
from tei_tools.markup.vocabulary import gazetteer_place, is_given_name
from tei_tools.reading.languages import (
    AddressAdjectives,
    Language,
    alternation,
    language,
    title_patterns,
)

#: Below this Zipf frequency (wordfreq) a capitalised word is no word of the language.
RARE = 2.0
#: At or above this, a word after a title is a common word, not a name ("Monsieur Remettre").
COMMON = 3.5
#: Endings a German compound noun's last part has ("…stein" aside, which is also a name's).
_NAME_ENDINGS = ("stein", "müller", "berg", "burg", "dorf", "dorff", "hoff", "hofer", "mann")

_CAP = r"[A-ZÀ-ÞĀ-Ž][\w'’-]*"
#: A word of a name: a short cut ("Chr."), a capitalised word, an initial or the two initials
#: of a hyphenated given name ("J.-J.").
_NAME_WORD = rf"(?:[A-Z]\.-[A-Z]\.|[A-Z][a-z]{{1,4}}\.(?=\s+[A-Z])|{_CAP}(?![<_\w'’-])|[A-Z]\.)"


@functools.lru_cache(maxsize=65536)
def _zipf(word: str, code: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # an install without wordfreq: every word counts as rare
        return 0.0
    if code in _WITHOUT_FREQUENCIES:
        return 0.0  # wordfreq has no Latin list: frequency says nothing
    return zipf_frequency(word, code)


@functools.cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    words = language(code)
    assert words is not None
    particles = alternation([p for p in words.particles if p])
    surname_articles = alternation(words.surname_articles) or "la"
    titles = alternation(words.titles)
    peerage = alternation(words.peerage)
    heads = alternation(
        {*words.body_heads, *(h.upper() for h in words.body_heads), *words.self_naming_heads}
    )
    links = alternation({*words.body_links, *(w.upper() for w in words.body_links)})
    name = rf"{_NAME_WORD}(?:\s+(?:(?:{particles})\s*)?{_NAME_WORD}){{0,4}}"
    articles = r"(?:(?:der|die|das|den|dem|le|la|les|l'|l’|il|lo|el|los|las)\s+)?"
    link_word = rf"(?:{_CAP}|[a-zà-ÿ][\w'’-]+)"
    return {
        "titled": re.compile(
            rf"(?<![\w.])(?P<title>(?:{titles})(?:\s+(?:und\s+|et\s+)?(?:{titles}))*)\s+"
            rf"(?P<name>(?:(?:{particles})\s*)?{name})"
        ),
        "peer": re.compile(
            rf"(?<![\w])(?P<title>(?:{titles})\s+)?(?:(?:le|la|l'|l’|Le|La|L'|L’)\s+)?(?P<peer>{peerage})\s+"
            rf"(?:{particles})\s*(?:(?:la|{surname_articles})\s+)?(?P<name>{_CAP}(?:\s+{_CAP})?)"
        ),
        "body": re.compile(
            rf"(?<![\w])(?P<before>(?:[A-ZÀ-Þ][\w'’]*-\s+(?:und|et)\s+)?(?:{_CAP}\s+){{0,2}})?"
            rf"(?P<head>{heads})(?![\w])"
            rf"(?P<of>(?:\s+(?:{links})(?:\s+{articles}(?:[a-zäöüà-ÿ]+\s+)?{link_word})?"
            rf"|\s+d[aeiouh][a-zà-ÿ]+){{0,3}})"
        ),
        "capitalised": re.compile(rf"(?<![\w'’.-]){_CAP}"),
    }


def find_language_candidates(
    text: str,
    taken: Sequence[tuple[int, int, str]],
    code: str,
    *,
    in_signature: bool = False,
    in_salute: bool = False,
    in_dateline: bool = False,
    in_title: bool = False,
) -> list[Candidate]:
    """Name candidates in ``text`` of language ``code`` outside the ``taken`` spans."""
    words = language(code)
    view = _in_small_letters(text, words) if words is not None else None
    if view is not None:
        # A title or an address set in capitals ("DE MADAME DE SÉVIGNÉ AU COMTE DE BUSSY",
        # "A L'ABBÉ LE BLANC."): read as if written in small letters, marked as written.
        found_in_view = find_language_candidates(
            view,
            taken,
            code,
            in_signature=in_signature,
            in_salute=in_salute,
            in_dateline=in_dateline,
            in_title=in_title,
        )
        return [replace(c, text=text[c.start : c.end]) for c in found_in_view]
    found: list[Candidate] = []
    blocked = [(s, e) for s, e, _ in taken]
    if words is not None:
        blocked += _address_spans(text, words)
    if in_signature:
        found += _signature(text, blocked, words)
    elif in_dateline:
        found += _dateline_place(text, blocked, words)
    if words is None:
        return _without_overlaps(found + _gazetteer_places(text, blocked, None))
    if in_salute:
        found += _salute_person(text, blocked, words)
    if in_title:
        found += _title_parties(text, blocked, words)
    found += _titled_persons(text, blocked, words)
    found += _particle_names(text, blocked, words)
    found += _regnal_names(text, blocked, words)
    found += _bodies(text, blocked, words)
    found += _names_in_capitals(text, [*blocked, *((c.start, c.end) for c in found)], words)
    found += _capitalised_words(text, [*blocked, *((c.start, c.end) for c in found)], words)
    found = _without_overlaps(found)
    if words.and_words:  # "Burke, Sulzer, Webb, Mengs": a list's untyped names take its type
        listed = _listed(text, found, _join(words), words)
        typed = type_by_neighbours(text, found, taken, join=_join(words), article_gap=None)
        found = [new if i in listed else old for i, (old, new) in enumerate(zip(found, typed))]
    return found


def _listed(text: str, found: list[Candidate], join: re.Pattern[str], words: Language) -> set[int]:
    """The candidates that stand in a list: three or more names joined by commas, or two
    joined by "und"/"et" ("Gex, M. Fabry" is a place and a person, no list)."""
    ands = re.compile(rf"\b(?:{alternation(words.and_words)})\s+$")
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    listed: set[int] = set()
    run = [order[0]] if order else []
    for previous, current in zip(order, order[1:]):
        gap = text[found[previous].end : found[current].start]
        if join.match(gap):
            run.append(current)
            continue
        _keep_run(run, found, text, ands, listed)
        run = [current]
    _keep_run(run, found, text, ands, listed)
    return listed


def _keep_run(
    run: list[int], found: list[Candidate], text: str, ands: re.Pattern[str], listed: set[int]
) -> None:
    if len(run) >= 3 or (
        len(run) == 2 and ands.search(text[found[run[0]].end : found[run[1]].start])
    ):
        listed.update(run)


@functools.cache
def _join_of(and_words: tuple[str, ...]) -> re.Pattern[str]:
    ands = alternation(and_words)
    return re.compile(rf"^(?:\s*,\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+)$")


def _join(words: Language) -> re.Pattern[str]:
    """What stands between two items of a list in the language: a comma, "und", "et"."""
    return _join_of(tuple(words.and_words))


def _in_small_letters(text: str, words: Language) -> str | None:
    """``text`` set in capitals, as written in small letters with capital initials; else None.

    Each word keeps its place and length (so that spans carry over): particles,
    articles and prepositions small ("de", "au", "l'"), the article of a surname
    capitalised ("LE BLANC" is "Le Blanc", but "LA MARQUISE" is "la Marquise").
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return None
    titles = {t.lower().split()[-1].split("'")[-1].split("’")[-1] for t in words.titles}
    small_titles = {t for t in words.titles if t.islower()}  # "abbé", "comte", "sieur"
    parts = re.split(r"([\w]+)", text)
    out: list[str] = []
    tokens = [i for i, part in enumerate(parts) if part and part[0].isalnum()]
    for position, index in enumerate(tokens):
        word = parts[index]
        lower = word.lower()
        following = parts[tokens[position + 1]].lower() if position + 1 < len(tokens) else ""
        small = lower in words.small_in_capitals and not (
            lower in ("le", "la", "les") and following and following not in titles
        )
        capital = word[:1] + word[1:].lower()
        if lower in small_titles and capital not in words.titles:
            small = True  # a title written small in the language: "l'abbé Le Blanc"
        parts[index] = lower if small else capital
    out = parts
    view = "".join(out)
    return view if len(view) == len(text) else None


def _names_in_capitals(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """A name set in capitals in running text ("Magister KEPLERE", "a meo domestico DANIELE FELS")."""
    if sum(map(str.isupper, text)) * 3 > sum(map(str.islower, text)):
        return []  # a title or a line in capitals: every word would look like a name
    found: list[Candidate] = []
    for m in re.finditer(r"(?<![\w.])[A-ZÀ-Þ]{3,}(?:\s+[A-ZÀ-Þ]{3,}){0,2}(?![\w])", text):
        a, b = m.start(), m.end()
        if not text[:a].strip(' "“„«('):
            continue  # the opening word of a text set in capitals ("TEMPUS est, ...")
        if not _free(a, b, blocked) or any(_not_a_name(w, words) for w in m.group().split()):
            continue
        if any(_zipf(w.lower(), words.code) >= 4.0 for w in m.group().split()):
            continue
        found.append(Candidate(a, b, m.group(), PERSON, "a name in capitals", True))
    return found


def _free(start: int, end: int, blocked: Sequence[tuple[int, int]]) -> bool:
    return not any(s < end and start < e for s, e in blocked)


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if _free(candidate.start, candidate.end, [(k.start, k.end) for k in kept]):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _address_spans(text: str, words: Language) -> list[tuple[int, int]]:
    """Where a form of address stands: no name is read inside it."""
    spans = []
    for phrase in words.address:
        for m in re.finditer(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text):
            after = re.match(rf"\s+(?:(?:le|la|l['’])\s*)?({_CAP})", text[m.end() :])
            if after and not _not_a_name(after.group(1), words) and " " not in phrase:
                continue  # "Monsieur Euler": a title before a name, not a form of address
            spans.append((m.start(), m.end()))
    return spans


def _surname_words(name: str, words: Language) -> list[str]:
    """The words of a name less a surname's article, after its particle ("de La Marche") or
    opening the name ("La Fontaine")."""
    parts = name.split()
    return [
        w
        for i, w in enumerate(parts)
        if not (
            w in words.surname_articles
            and i + 1 < len(parts)
            and (i == 0 or parts[i - 1] in words.particles)
        )
    ]


def _not_a_name(word: str, words: Language | None) -> bool:
    bare = word.strip(".,;:!?'’")
    if words is None:
        return False
    months = words.months
    return (
        word in words.not_names
        or bare in words.not_names
        or (bare.isupper() and bare.capitalize() in words.not_names)
        or bare in words.titles
        or "_" in bare
        or bare in words.weekdays
        or bare.lower() in {w.lower() for w in words.weekdays}
        or bare in months.names
        or bare in months.contractions
        or bare in months.abbreviations
        # Superlatives of address and praise: "Nobilissimo", "Clarissime", "devotissimus"
        or (words.superlative is not None and words.superlative.search(bare) is not None)
        or (
            words.address_adjectives is not None
            and _address_adjective(bare, words.address_adjectives, words.code)
        )
    )


def _address_adjective(word: str, shapes: AddressAdjectives, code: str) -> bool:
    """A capitalised adjective of address that is no town and no given name: the words
    before a name ("Gnädigster Herr", "Liebster Freund"), by the language's ``shapes``.

    Either of an adjective's suffix ("gnädig", "würdig") or a superlative whose stem is
    itself a common word ("best", "liebst"), so that "Karsten" or "Münster" stay names.
    """
    if not word[:1].isupper() or len(word) < shapes.shortest:
        return False
    if shapes.compound.match(word):
        return True
    adjective = shapes.adjective.search(word) is not None
    if adjective and len(word) < shapes.short:
        return False
    superlative = shapes.superlative.search(word)
    if not adjective and not (
        superlative is not None and _zipf(superlative.group("stem").lower(), code) >= 3.0
    ):
        return False
    return not is_given_name(word) and gazetteer_place(word) is None


def _trim_name(text: str, start: int, end: int, words: Language | None) -> tuple[int, int]:
    """A name without a possessive, a trailing point and trailing words that are no names."""
    while True:
        name = text[start:end]
        if name.endswith(("’s", "'s")):
            end -= 2
            continue
        if name.endswith(("’", "'")):
            end -= 1
            continue
        if name.endswith((".", ",", ";", ":")) and not re.search(
            r"(?:^|\s)[A-Z]\.$|^[A-ZÀ-Þ][a-zà-ÿ]{1,2}\.$", name
        ):
            end -= 1
            continue
        last = name.rsplit(" ", 1)
        if len(last) == 2 and _not_a_name(last[1], words):
            end = start + len(last[0])
            continue
        return start, end


def _signature(
    text: str, blocked: Sequence[tuple[int, int]], words: Language | None
) -> list[Candidate]:
    """The name of a signature: its capitalised words after any closing formula."""
    start = 0
    bare = text
    if words is not None:
        for opening in sorted(words.valedictions, key=len, reverse=True):
            m = re.match(rf"[<\[]?{re.escape(opening)}[>\]]?\s+", text)
            if m:
                start = m.end()
                break
    m = re.search(
        rf"(?:[A-Z]\.\s?){{0,3}}{_NAME_WORD}(?:\s+(?:[a-z]{{1,3}}\.?\s+)?{_NAME_WORD}){{0,4}}",
        bare[start:],
    )
    if m is None:
        return []
    end = start + m.end()
    if text.startswith(".", end) and re.search(r"(?:^|\s)[A-ZÀ-Þ][a-zà-ÿ]{0,2}$", m.group()):
        end += 1  # a signature by an initial or a short cut keeps its point: "V.", "Sch."
    a = start + m.start()
    while words is not None:  # "Bruder Friderich": a kinship word before the name is no name
        first = re.match(r"(\S+)\s+(?=\S)", text[a:end])
        if first is None or not _not_a_name(first.group(1), words):
            break
        if first.group(1) in words.surname_articles:
            break  # "La Fontaine.": the article is the surname's
        a += first.end()
    a, b = _trim_name(text, a, end, words)
    if a >= b or not _free(a, b, blocked) or _not_a_name(text[a:b], words):
        return []
    return [Candidate(a, b, text[a:b], PERSON, "signs the letter", True)]


def _dateline_place(
    text: str, blocked: Sequence[tuple[int, int]], words: Language | None
) -> list[Candidate]:
    """The place a dateline opens with: "Wien, am 17. Jänner", "Koenigsberg den 5ten".

    Or the one it ends with, after the date: "3è novembre 1763 au château de Ferney".
    """
    m = re.match(
        rf"\s*[(\[]?(?:(?:à|a|À|A|in|zu|aus|Aus|de|De|von|Von)\s+)?(?P<place>{_CAP}(?:\s+{_CAP}){{0,3}})",
        text,
    )
    if m is None and words is not None and words.place_after_date:
        after = re.search(
            rf"\d\S*\s+(?:{alternation(words.place_after_date)})\s+(?:[a-zà-ÿ][\w'’]*\s+){{0,3}}"
            rf"(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})[\s.,]*$",
            text,
        )
        if after is not None:
            a, b = _trim_name(text, after.start("place"), after.end("place"), words)
            if a < b and _free(a, b, blocked) and not _not_a_name(text[a:b], words):
                return [Candidate(a, b, text[a:b], PLACE, "ends a dateline", True)]
    opening = _opening_place(text, m, blocked, words) if m is not None else []
    return opening or _place_after_date(text, blocked, words)


def _opening_place(
    text: str, m: re.Match[str], blocked: Sequence[tuple[int, int]], words: Language | None
) -> list[Candidate]:
    a, b = m.start("place"), m.end("place")
    if words is not None and words.street_words:
        # "Berlin Taubenstraße No 31. Den 10 Septbr": the town, before its street
        for part in re.finditer(r"\S+", text[a:b]):
            if part.start() and any(w in part.group() for w in words.street_words):
                b = a + part.start()
                break
    if words is not None:
        first = re.match(r"\S+\s+", text[a:b])
        if first and first.group().strip() in words.dated_at:
            a += first.end()  # "Dabam Pragae ...": "I gave (this) at Prague"
    a, b = _trim_name(text, a, b, words)
    if words is not None and words.code not in _WITHOUT_FREQUENCIES:
        # "Verdammtes Hamburg, den 14. Dezember": a common word before the place is no name's
        while (
            (first := re.match(r"(\S+)\s+", text[a:b]))
            and _zipf(first.group(1).lower(), words.code) >= 3.0
            and _is_place(text[a + first.end() : b], words)
        ):
            a += first.end()
    name = text[a:b]
    if a >= b or not _free(a, b, blocked) or _not_a_name(name, words) or name.isupper():
        return []
    if words is not None and name.lower() in {w.lower() for w in words.before_day}:
        return []  # "Den 28. Dezember 1775.": the word before the day, capitalised
    rest = text[b:].lstrip(" .")
    seasons = (*words.before_season, *words.seasons) if words is not None else ()
    if not re.match(r"[,\d]|[a-zà-ÿ]+\.?\s+\d|[IVXLCDMƆ]+\.", rest) and not (  # "d. 16 Aug."
        seasons and re.match(rf"(?:{alternation(seasons)})\s", rest)  # "im Spätjahr 1771"
    ):
        return []
    return [Candidate(a, b, name, PLACE, "opens a dateline", True)]


#: The place a dateline ends with, set off from the date before it: "16 avril 1790, — [de
#: Lyon].", "11 Iunii MDCXXIII. Balagniaci", "Ce 22e octobre. D'Amiens.".
_PLACE_AFTER_DATE = re.compile(
    rf"[\w.][.,;]\s*(?:[—–-]+\s*)?\[?(?:(?:[Dd]e|[Vv]on|[Aa]us|[Ee]x|e)\s+|[Dd]['’])?"
    rf"(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})\]?[.,]?\s*$"
)


def _place_after_date(
    text: str, blocked: Sequence[tuple[int, int]], words: Language | None
) -> list[Candidate]:
    after = _PLACE_AFTER_DATE.search(text)
    if after is None or not re.search(r"\d|\b[MDCLXVI]{3,}\b", text[: after.start("place")]):
        return []
    a, b = _trim_name(text, after.start("place"), after.end("place"), words)
    if a >= b or not _free(a, b, blocked) or _not_a_name(text[a:b], words):
        return []
    if words is not None and _month_cut(text[a:b], words):
        return []  # "IIII Kal. April.": the month, cut short
    return [Candidate(a, b, text[a:b], PLACE, "ends a dateline", True)]


def _month_cut(word: str, words: Language) -> bool:
    """A month's name cut short after its third letter or later ("April" of "Aprilis")."""
    return len(word) >= 3 and any(
        name.lower().startswith(word.lower())
        for name in (*words.months.names, *words.months.contractions)
    )


def _salute_person(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """The person a salutation names: "Mon cher Voltaire,"."""
    found: list[Candidate] = []
    for m in re.finditer(rf"{_CAP}(?:\s+{_CAP})*", text):
        start = m.start()
        # The words of address before the name: "Clarissime Doctissimeque Groti", "Cher Ami".
        for word in re.finditer(r"\S+", m.group()):
            if not _addressing_word(word.group(), words) or word.end() == len(m.group()):
                break
            start = m.start() + word.end() + 1
        a, b = _trim_name(text, start, m.end(), words)
        name = text[a:b]
        if (
            b - a > 2
            and _free(a, b, blocked)
            and not any(_not_a_name(w, words) for w in name.split())
            and not any(name.startswith(s) for s in words.salutations)
            # "lieber, gebenedeiter Mensch!": a common noun of the language, no name
            and not (
                len(name.split()) == 1
                and _zipf(name.lower(), words.code) >= COMMON
                and not is_given_name(name)
            )
        ):
            found.append(Candidate(a, b, name, PERSON, "named in the salutation", True))
    return found


def _addressing_word(word: str, words: Language) -> bool:
    """A word of a salutation that is no name: the language's words of address."""
    return word in words.salutations or word in words.address or _not_a_name(word, words)


def _titled_persons(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    found: list[Candidate] = []
    patterns = _patterns(words.code)
    for m in patterns["peer"].finditer(text):
        first = m.start() if m.group("title") else m.start("peer")
        # "comte de La Touraille Gentilhomme de ...": the house's name ends at a common word.
        end = m.start("name") + _name_extent(m.group("name"), words)
        a, b = _trim_name(text, first, end, words)
        if _free(a, b, blocked):
            found.append(Candidate(a, b, text[a:b], PERSON, "a rank and its house", True))
    for m in patterns["titled"].finditer(text):
        a, b = _trim_name(text, m.start(), m.end("name"), words)
        name_start = m.start("name")
        name = text[name_start:b]
        if b <= name_start or not _free(a, b, blocked):
            continue
        parts = name.split()
        while len(parts) > 1 and parts[0] in words.titles:
            parts = parts[1:]  # "Herrn Cammerherrn von der Lühe": a second title
        if len(parts) > 1 and parts[0] in words.surname_articles:
            parts = parts[1:]  # "l'abbé Le Blanc": the surname's article is no word to judge
        while len(parts) > 1 and parts[0] in words.particles:
            parts = parts[1:]
        given_weekday = len(parts) > 1 and parts[0].lower() in {
            d.lower() for d in words.weekdays
        }  # "fray Domingo Báñez"
        if not parts or (_not_a_name(parts[0], words) and not given_weekday):
            continue
        title = m.group("title")
        if (
            title in words.address
            and len(parts) == 1
            and _zipf(parts[0].lower(), words.code) >= COMMON
        ):
            continue  # "je vais Monsieur Remettre": a word of address, then a verb
        article = re.match(r"(?:le|la|l['’])\s*", title)
        if article and title[article.end() :] in words.titles:
            a += article.end()  # "le sieur de Voltaire": the article is not the name's
        b = name_start + _name_extent(name, words)
        kept = text[name_start:b].split()
        if all(w in words.particles or w in words.surname_articles for w in kept):
            continue  # "M. le Président": an article and an office, no name
        found.append(Candidate(a, b, text[a:b], PERSON, "after a title", True))
    return found


def _name_extent(name: str, words: Language) -> int:
    """How much of the words after a title is the name: up to a common word of the language.

    "Alexander Grafen v. Auersperg Thurm am Hart" is the name to "Auersperg": "Thurm" is a
    word (the old spelling of "Turm"), and the address goes on with the place.
    """
    threshold = _RARE_IN.get(words.code, 0.0)
    multiword = [p for p in words.particles if " " in p]  # "von der", "de la"
    end = 0
    for index, m in enumerate(re.finditer(r"\S+", name)):
        word = m.group()
        in_particle = any(
            name.startswith(p + " ", m.start())
            or re.search(rf"(?:^|\s){re.escape(p)}$", name[: m.end()])
            for p in multiword
        )
        if (
            index == 0
            or in_particle
            or word in words.particles
            or word in words.titles
            or word in words.peerage
        ):
            end = m.end()
            continue
        if (
            re.fullmatch(r"[A-Z][a-z]{0,4}\.", word)
            or _rare(word.strip(".,"), words.code, threshold)
            # Latin has no frequency list: a capitalised word after a title is the name's
            # ("Domino Hughoni Grotio"), a word of the language's own lists aside
            or (
                words.code in _WITHOUT_FREQUENCIES
                and word[:1].isupper()
                and not _not_a_name(word.strip(".,"), words)
                and word.strip(".,") not in words.places
            )
            or is_given_name(word)
            or re.match(rf"\s+(?:{alternation(words.particles)})\s", name[m.end() :] + " ")
        ):
            end = m.end()
            continue
        previous = name[:end].split()[-1] if end else ""
        # after "von der" as after "von"
        after_particle = previous in words.particles or any(
            re.search(rf"(?:^|\s){re.escape(p)}$", name[:end]) for p in multiword
        )
        if index >= 1 and previous in words.surname_articles and word[:1].isupper():
            end = m.end()  # "l'abbé Le Blanc": the word after a surname's article is the name's
            continue
        if (
            index >= 1
            and word[:1].isupper()
            and len(previous.rstrip(".,")) > 2  # not an initial, "Le" or "La"
            and previous not in words.surname_articles
            and _given_name(previous.rstrip(".,"))
            and not _not_a_name(word.strip(".,"), words)
            and word.strip(".,") not in words.places
        ):
            end = m.end()  # "D. Sancho Dávila": a capitalised word after a given name is a surname
            continue
        if index >= 1 and after_particle and _zipf(word.lower(), words.code) < 4.0:
            end = m.end()  # "von Auersperg": the word after a particle is the name's
            continue
        break
    kept = name[:end].rstrip(".,;:") if end else name
    while " " in kept and kept.rsplit(" ", 1)[1] in words.particles:
        kept = kept.rsplit(" ", 1)[0]  # "Mr Trudaine de la Lettre": no particle at the end
    return len(kept)


def _compound_body(word: str, words: Language) -> bool:
    """A compound that names a body by its last part: "Hofkanzlei", "Landes=Regierung"."""
    lower = word.lower().replace("=", "").replace("-", "")
    return any(
        lower.endswith(h.lower()) and len(lower) > len(h) + 2
        for h in (*words.self_naming_heads, *words.compound_body_ends)
    )


def _bodies(text: str, blocked: Sequence[tuple[int, int]], words: Language) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _patterns(words.code)["body"].finditer(text):
        head = m.group("head")
        start = m.start("before") if m.group("before") else m.start("head")
        end = m.end("of") if m.group("of") else m.end("head")
        before = (m.group("before") or "").split()
        if before and _not_a_name(before[0], words):
            start = m.start("head")
        end = _trim_name(text, start, end, words)[1]
        named = (
            bool(m.group("of").strip())
            or bool(m.group("before"))
            or head in (words.self_naming_heads)
        )
        if named and _free(start, end, blocked):
            found.append(Candidate(start, end, text[start:end], ORG, "a body's head word", True))
    # German compounds ending in a head ("Hofkanzlei") and bodies in lower case ("le sénat").
    for m in re.finditer(rf"(?<![\w-]){_CAP}", text):
        word = m.group()
        if _compound_body(word, words) and _free(m.start(), m.end(), blocked):
            found.append(Candidate(m.start(), m.end(), word, ORG, "a body's head word", True))
    for phrase in words.lower_body_heads:
        pattern = rf"\b(?:le|la|du|au|les|des)\s+(?P<body>{re.escape(phrase)})(?![\w])"
        for m in re.finditer(pattern, text):
            a, b = m.start("body"), m.end("body")
            if _free(a, b, blocked):
                found.append(Candidate(a, b, m.group("body"), ORG, "names a body", True))
    return found


#: Abbreviations a sentence goes on after: "Grillparzer u. Zedlitz", "Jos. Doblhoff".
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|\s)(?:[A-Z][a-z]{0,4}|u|v|d|z|s|bzw|etc|usw|vgl|resp|sc|ca|cf|gr|fl)\.$"
)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(' «»"“„(')
    return not before or (before[-1] in ".!?" and not _ABBREVIATION_BEFORE.search(before))


def _is_place(word: str, words: Language | None) -> bool:
    if words is not None and word in words.places:
        return True
    place = gazetteer_place(word)
    # The gazetteer's names are English: a small town of that name is more often a name.
    return place is not None and (place.kind == "country" or place.population >= 100_000)


def _gazetteer_places(
    text: str, blocked: Sequence[tuple[int, int]], words: Language | None
) -> list[Candidate]:
    found: list[Candidate] = []
    for m in re.finditer(rf"(?<![\w'’.-]){_CAP}", text):
        a, b = _trim_name(text, m.start(), m.end(), words)
        if a < b and _free(a, b, blocked) and _is_place(text[a:b], words):
            found.append(Candidate(a, b, text[a:b], PLACE, "a place's name", True))
    return found


def _compound(word: str, code: str) -> bool:
    """A German compound noun: its last part is a common noun ("Liedertempel")."""
    if code != "de" or len(word) < 9 or word.lower().endswith(_NAME_ENDINGS):
        return False
    lower = word.lower()
    return any(_zipf(lower[cut:].capitalize(), code) >= 3.0 for cut in range(3, len(lower) - 3))


#: Older spellings and their modern forms, to look a word up in today's word lists
#: ("Theilnahme", "Partheien", "seyn"; "remercierois", "luy").
_OLD_SPELLINGS = {
    "de": (
        ("th", "t"),
        ("ey", "ei"),
        ("ë", "e"),
        ("ß", "ss"),
        ("niß", "nis"),
        ("ck", "k"),
        ("c", "k"),
        ("c", "z"),
        ("irt", "iert"),
        ("äh", "ä"),
        ("öh", "ö"),
        ("iren", "ieren"),
    ),
    "fr": (("oi", "ai"), ("y", "i"), ("és", "ez"), ("sç", "s"), ("st", "t")),
}
#: What stands before a German common noun: an article, a determiner, an inflected adjective.
_BEFORE_NOUN_DE = re.compile(
    r"(?:\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|mein|"
    r"meine|meinen|meinem|meiner|dein|deine|deinen|sein|seine|seinen|seinem|ihr|ihre|ihren|"
    r"unser|unsere|euer|eure|dieser|diese|diesen|dieses|jeder|jede|jedes|welche|welcher|alle|"
    r"viele|zwei|drei|beiden|zum|zur|im|am|vom|beim|ins|aufs|auf|unter|durch|ohne|gegen|um|"
    r"wegen|Euer|Eure|Ew\.)"
    r"|\b(?!(?:über|aber|oder|wieder|hinter|nieder|weder|immer|nimmer|neben|zwischen|"
    r"wegen|gegen|binnen|ohne|seit|nachdem|indem|wenn|denn|dann|wann)\b)"
    r"[a-zäöüß]{2,}(?:e|en|er|em|es))\s+$"
)


#: What stands before a French common noun or verb: an article, a determiner, a pronoun.
_BEFORE_NOUN_FR = re.compile(
    r"\b(?:le|la|les|l['’]|un|une|des|du|au|aux|mon|ma|mes|ton|ta|ses|son|sa|notre|votre|"
    r"nos|vos|leur|leurs|ce|cet|cette|ces|quel|quelle|je|tu|il|elle|nous|vous|ils|on|me|te|se|"
    r"lui|luy|en|ne|y)\s+(?:(?:[a-zé]+|[A-Z][a-zé]+)\s+)?$"
)


#: Words a letter calls its addressee by, before the name: "mon cher Voltaire", "lieber Schwind".
_ADDRESSED = re.compile(
    r"(?:\b(?:[Mm]on|[Mm]a)\s+(?:très\s+)?(?:cher|chère)|\b[Cc]her|\b[Cc]hère|\b[Ll]ieber|"
    r"\b[Ll]iebe[nms]?|\b[Tt]h?eure[rnms]?|\b[Cc]aro|\b[Cc]ara|\b[Qq]uerido|\b[Qq]uerida|"
    r"\b[Cc]arissime)\s+$"
)


def _noun_before(text: str, at: int, code: str) -> bool:
    """Whether the word at ``at`` is a noun or a verb by what is written before it."""
    before = text[max(0, at - 30) : at]
    if code == "de":
        return bool(_BEFORE_NOUN_DE.search(before))
    if code == "fr":
        return bool(_BEFORE_NOUN_FR.search(before))
    return False


def _rare(word: str, code: str, threshold: float) -> bool:
    variants = {word, word.lower()}
    if code == "de" and len(word) > 4 and word.endswith("s"):
        variants.add(word[:-1])  # a genitive: "Muths" is "Mut(h)"
    for old, new in _OLD_SPELLINGS.get(code, ()):
        variants |= {v.replace(old, new) for v in variants}
    return all(_zipf(v, code) < threshold for v in variants)


#: The languages whose word lists tell a loanword from a name ("Astrologie", "Curiosa").
_OTHER_LISTS = ("en", "fr", "de", "it", "es")


def _loanword(word: str, code: str) -> bool:
    """A word rare in the document's language but a common word of a neighbour's.

    A name is rare in every list ("Grillparzer", "Doblhoff"); a borrowed noun
    or a Latin tag ("Astrologie", "Difficile") is common in the language it
    came from.
    """
    lower = word.lower()
    return any(_zipf(lower, other) >= 3.3 for other in _OTHER_LISTS if other != code)


#: How rare a capitalised word must be, in the language's word list, to be a name.
_RARE_IN = {"de": 3.3, "fr": 2.6, "it": 2.6, "es": 2.6}
#: Languages wordfreq has no list for (see :func:`_zipf`).
_WITHOUT_FREQUENCIES = frozenset({"la"})


def _capitalised_words(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """Places by their name or a word before them; persons by being no word of the language.

    A person's name takes in the capitalised words right before it ("François Marie
    Arouet") and one right after it ("Anastasius Grün"); a capitalised word of no other
    kind, rare enough to be a name, is a candidate without a type, which the document's
    other mentions of it may type ("Voltaire" after "Mon cher Voltaire,").
    """
    found: list[Candidate] = []
    blocked = [
        *blocked,
        *(
            (m.start(), m.end())
            for m in re.finditer(r"\[([^\]]*)\]", text)
            if not all(w[:1].isupper() for w in m.group(1).split())  # "[Einschub: ien]"
        ),
    ]
    before_place = alternation(words.place_before) if words.place_before else None
    threshold = _RARE_IN.get(words.code)
    tokens = list(re.finditer(rf"(?:(?<=\b[dDlL]['’])|(?<![\w'’.<_-])){_CAP}(?![<_\w])", text))
    for index, m in enumerate(tokens):
        a, b = _trim_name(text, m.start(), m.end(), words)
        if a >= b or not _free(a, b, blocked):
            continue
        name = text[a:b]
        if _not_a_name(name, words) or "-" in name or re.search(r"['’][a-zà-ÿ]", name):
            continue
        abbreviation = re.match(r"\.\s+[A-Z]", text[b : b + 3]) and len(name) <= 5
        if not abbreviation and (
            name in words.places
            or (_is_place(name, words) and _zipf(name.lower(), words.code) < 4.0)
            or re.search(r"\bof\s+$", text[max(0, a - 4) : a])
        ):
            found.append(Candidate(a, b, name, PLACE, "a place's name", True))
            continue
        if threshold is None:
            continue
        if _ADDRESSED.search(text[max(0, a - 25) : a]) and _rare(name, words.code, 4.5):
            found.append(Candidate(a, b, name, PERSON, "addressed as a friend", True))
            continue
        rare = _rare(name, words.code, threshold) and not _loanword(name, words.code)
        very_rare = rare and _rare(name, words.code, 2.0)
        if (
            _noun_before(text, a, words.code)
            or _compound(name, words.code)
            or (len(name) >= 6 and name.lower().endswith(words.noun_endings))
        ):
            continue  # a noun: "das Vorspiel", "Liedertempel"
        # German writes every noun with a capital, so a sentence's first word is read as
        # any other; in French, Italian and Spanish it is capitalised whatever it is.
        if (
            # "in Coburg": a rare word, or a town the gazetteer knows that is no common word
            (rare or (gazetteer_place(name) is not None and _rare(name, words.code, 4.5)))
            and before_place
            and re.search(rf"(?<![\w])(?:{before_place})\s+$", text[max(0, a - 8) : a])
        ):
            found.append(Candidate(a, b, name, PLACE, "after a word of place", True))
            continue
        opens = _sentence_start(text, a) and not (words.code == "de" and very_rare)
        if not rare or len(name) <= 2 or opens:
            if len(name) > 2 and not _sentence_start(text, a) and _rare(name, words.code, 4.5):
                found.append(Candidate(a, b, name, None, "capitalised mid-sentence", False))
            continue
        a = _given_names_before(text, a, found, words)
        if a < 0:
            continue
        b = _name_after(text, b, tokens[index + 1 : index + 2], blocked, words)
        found = [c for c in found if c.end <= a or c.start >= b]
        found.append(Candidate(a, b, text[a:b], PERSON, RARE_CAPITALISED, True))
    return found


def _given_names_before(text: str, start: int, found: list[Candidate], words: Language) -> int:
    """The start of a name with the capitalised words (given names) written before it."""
    for _ in range(2):
        m = re.search(rf"(?<![\w'’.-])({_CAP}|[A-Z][a-z]{{1,4}}\.)\s+$", text[:start])
        if m is None or _sentence_start(text, m.start(1)) or _not_a_name(m.group(1), words):
            break
        word = m.group(1).rstrip(".")
        if (
            words.code == "de"  # German capitalises its nouns; French given names are words
            and _zipf(word.lower(), words.code) >= COMMON
            and not is_given_name(word)
        ):
            break  # "in dieser Stadt. Manche Buden": a noun of the language, no given name
        given = re.fullmatch(r"[A-Z][a-z]{1,4}\.", m.group(1)) or is_given_name(m.group(1))
        if not given and _noun_before(text, m.start(1), words.code):
            return -1  # "des Naturalien Kabinets": a noun and its noun, no name
        if m.group(1) in words.places or any(
            c.tag == PLACE and c.start == m.start(1) for c in found
        ):
            break
        start = m.start(1)
    return start


def _name_after(
    text: str,
    end: int,
    following: list[re.Match[str]],
    blocked: Sequence[tuple[int, int]],
    words: Language,
) -> int:
    """The end of a name with one capitalised word right after it ("Anastasius Grün")."""
    if not following:
        return end
    m = following[0]
    if text[end : m.start()] != " " or not _free(m.start(), m.end(), blocked):
        return end
    a, b = _trim_name(text, m.start(), m.end(), words)
    if _not_a_name(text[a:b], words) or text[a:b] in words.places:
        return end
    return b


def _regnal_names(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """A given name and a ruler's number: "Frederick II", "Charles 12", "Louis XIV"."""
    found: list[Candidate] = []
    for m in re.finditer(rf"(?<![\w'’.-])(?P<name>{_CAP})\s+(?:[IVX]{{1,5}}|1?\d)(?![\w])", text):
        if is_given_name(m.group("name")) and _free(m.start(), m.end(), blocked):
            found.append(Candidate(m.start(), m.end(), m.group(), PERSON, "a ruler's number", True))
    return found


def _given_name(word: str) -> bool:
    """A given name, or capitalised names joined by a hyphen, one of them a given name.

    "Claude-Philippe", "Jean-Robert", "Jean-Chrysostome"; not "Saint-Esprit".
    """
    parts = word.split("-")
    return is_given_name(word) or (
        len(parts) > 1
        and all(p[:1].isupper() for p in parts)
        and any(is_given_name(p) for p in parts)
    )


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, and after each one the match starting at its next word.

    "An Ulrike von Kleist": the match from "An" is refused ("An" is no name), and the one
    from "Ulrike" must still be tried, which ``finditer`` would skip.
    """
    position = 0
    while (m := pattern.search(text, position)) is not None:
        yield m
        following = re.compile(r"\s+").search(text, m.start(), m.end())
        position = following.end() if following else m.end()


def _particle_names(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """A given name, a particle and a surname: "Eduard von Bauernfeld", "Saboureux de Fontenay"."""
    particles = [
        p for p in ("von", "v.", "zu", "de", "d'", "d’", "van", "di", "da") if p in words.particles
    ]
    if not particles:
        return []
    found: list[Candidate] = []
    article = (
        rf"(?:(?:{alternation(words.surname_articles)})\s+)?" if words.surname_articles else ""
    )
    pattern = (
        rf"(?<![\w'’.-])(?P<first>{_CAP}(?:\s+{_CAP})?)\s+(?:{alternation(particles)})\s*"
        rf"{article}(?P<last>{_CAP})"
    )
    accepted_end = 0
    for m in _overlapping(re.compile(pattern), text):
        if m.start() < accepted_end:
            continue  # inside a name already taken
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and (before[-1] in words.particles or before[-1] in words.surname_articles):
            continue  # "comte de La Touraille Gentilhomme de ...": a surname, not a given name
        if len(m.group("last")) == 1 and text.startswith(".", m.end()):
            continue  # "... de S.A.S": an abbreviation, not a surname
        firsts = m.group("first").split()
        if (
            any(_not_a_name(w, words) or w in words.places or w in words.body_heads for w in firsts)
            or m.group("last") in words.places
            or any(_zipf(w.lower(), words.code) >= 4.0 and not _given_name(w) for w in firsts)
        ):
            continue
        if _noun_before(text, m.start(), words.code):
            continue
        a, b = _trim_name(text, m.start(), m.end(), words)
        if _free(a, b, blocked):
            found.append(Candidate(a, b, text[a:b], PERSON, PARTICLE_NAME, True))
            accepted_end = b
    return found


@functools.cache
def _lower_titles(code: str) -> frozenset[str]:
    words = language(code)
    return frozenset(t.lower() for t in words.titles) if words is not None else frozenset()


def _without_titles(parts: list[str], words: Language) -> list[str]:
    """A name's words less the titles before it, of one word or two ("Madame la Marquise du
    Deffand" is "du Deffand"; "Comte de Bussy" is "de Bussy")."""
    while len(parts) > 1:
        if parts[0] in words.titles:
            parts = parts[1:]
            continue
        pair = f"{parts[0]} {parts[1]}"
        articled = (  # "la Marquise"
            parts[0].capitalize() in words.surname_articles
            and parts[1].lower() in _lower_titles(words.code)
        )
        if len(parts) > 2 and (pair in words.titles or articled):
            parts = parts[2:]
        else:
            break
    return parts


def _title_parties(
    text: str, blocked: Sequence[tuple[int, int]], words: Language
) -> list[Candidate]:
    """In a letter's title, the names around its "an"/"à"/"ad": "Tycho Brahe ad Keplerum"."""
    found: list[Candidate] = []
    patterns = title_patterns()
    to = patterns.to.search(text)
    if to is None:
        letter = patterns.letter_of.match(text)
        if letter is not None and _free(letter.start("n"), letter.end("n"), blocked):
            a, b = _trim_name(text, letter.start("n"), letter.end("n"), words)
            found.append(Candidate(a, b, text[a:b], PERSON, "a letter's sender", True))
        return found
    spans = []
    head = text[: to.start()]
    before = patterns.sender.search(head)
    if before is None:
        # "Tycho Brahe ad ...", and under an edition's number: "65. Beethoven an ...".
        before = re.match(
            rf"(?:\d{{1,4}}[a-z]?[.)]?\s+)?(?P<n>(?:[A-Z]\.\s?){{0,3}}{_CAP}(?:\s+{_CAP}){{0,3}})\s*$",
            head,
        )
    if before:
        spans.append((before.start("n"), before.end("n")))
    # The addressee's name runs on over its particles: "An Ulrike von Kleist".
    particles = alternation([p for p in words.particles if p])
    after = re.match(
        rf"(?:{'|'.join(re.escape(t) for t in sorted(words.titles, key=len, reverse=True))}\s+)?"
        # an initial may open it: "An L. Uhland"
        rf"(?P<n>(?:[A-Z]\.\s?){{0,3}}{_CAP}(?:\s+(?:(?:{particles})\s*)?{_CAP}){{0,3}})",
        text[to.end() :],
    )
    if after:
        spans.append((to.end() + after.start("n"), to.end() + after.end("n")))
    for a, b in spans:
        a, b = _trim_name(text, a, b, words)
        name = text[a:b]
        # "Madame de Sévigné", "Comte de Bussy": the title before the name is the name's
        bare = _without_titles(name.split(), words)
        if not _free(a, b, blocked):  # the title is a form of address: the name after it
            # "de" goes with the title ("Madame de Sévigné" is "Sévigné"); "du" and "des"
            # stay with the surname ("du Deffand"), as French usage writes them.
            while (
                len(bare) > 1
                and bare[0] in words.particles
                and bare[0] not in words.surname_particles
            ):
                bare = bare[1:]
            a = b - len(" ".join(bare)) if text[a:b].endswith(" ".join(bare)) else a
            name = text[a:b]
        if (
            a < b
            and _free(a, b, blocked)
            and not any(_not_a_name(w, words) for w in _surname_words(" ".join(bare), words))
            and name.split()[0] not in words.letter_words
            and not (
                name.isupper() and any(_zipf(w.lower(), words.code) >= 4.0 for w in name.split())
            )
            and name not in words.places
            and not _is_place(name, words)
            and not _compound_body(name.split()[-1], words)  # "an die Landesregierung"
        ):
            found.append(Candidate(a, b, name, PERSON, "a letter's sender or addressee", True))
    return found
