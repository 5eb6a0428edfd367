"""The languages tei-tools reads: the words of their dates, names and letters, as data.

A collection's ``language`` (``tei-tools.toml``) or a document's ``xml:lang``
selects one table of ``data/languages/<code>.toml`` (German, French, Latin,
Italian, Spanish) and one of ``data/calendars/months.toml``.  English is the
language the rest of the markup was written for; its words stay where they
are.  A language with no table gets structure and the evidence that holds in
any language (registers, the gazetteer, datelines with figures, signatures),
and :func:`unknown_language_note` says so in a finding.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from tei_tools.calendars import MonthNames, month_names

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: The language the markup's built-in words are English for.
ENGLISH = "en"


@dataclass(frozen=True)
class AddressAdjectives:
    """The shapes of a language's adjectives of address ("Gnädigster", "Hochgebohrne"), from
    its ``address_adjectives`` table: an adjective's suffix, a compound of rank, a superlative."""

    adjective: re.Pattern[str]
    compound: re.Pattern[str]
    superlative: re.Pattern[str]
    #: Shorter words are never adjectives of address; words shorter than ``short`` with an
    #: adjective's suffix are too short to tell.
    shortest: int
    short: int


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternative of ``words``, the longest first (so that "al"
    is tried before "a"); empty for no words."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _address_adjectives(table: dict | None) -> AddressAdjectives | None:
    if not table:
        return None
    inflections = alternation(table["inflections"])
    mark = re.escape(table["superlative"])
    return AddressAdjectives(
        adjective=re.compile(rf"(?:{alternation(table['suffixes'])})(?:{mark})?(?:{inflections})$"),
        compound=re.compile(
            rf"^(?:{alternation(table['compounds'])})[^\W\d_]+"
            rf"(?:{alternation(table['compound_endings'])})$"
        ),
        superlative=re.compile(rf"(?P<stem>\w+?e?{mark})(?:{inflections})$"),
        shortest=int(table.get("shortest", 5)),
        short=int(table.get("short", 7)),
    )


def _superlative(table: dict | None) -> re.Pattern[str] | None:
    """The pattern of a superlative's ending ("-issimus", "-issimeque"), from ``superlatives``."""
    if not table:
        return None
    enclitics = alternation(table.get("enclitics", ()))
    return re.compile(
        rf"(?:{alternation(table['stems'])})(?:{alternation(table['endings'])})"
        + (rf"(?:{enclitics})?$" if enclitics else "$")
    )


@dataclass(frozen=True)
class Language:
    """The words of one language a letter's dates and names are written with."""

    code: str
    months: MonthNames
    #: The order a date is written in: "dmy" ("3. März 1848") or "mdy" ("March 3, 1848").
    date_order: str = "dmy"
    #: Endings a day's number may take ("5ten", "1er").
    day_endings: tuple[str, ...] = ()
    #: Words before a day that stay outside the date ("den", "le", "die").
    before_day: tuple[str, ...] = ()
    between_day_and_month: tuple[str, ...] = ()
    between_month_and_year: tuple[str, ...] = ()
    #: Whether "17/1 47" (day/month, a two-figure year) is a date.
    day_slash_month_short_year: bool = False
    #: Whether a day may be a Roman numeral ("IX. Aug. 1610").
    roman_days: bool = False
    #: Whether days are counted to the Kalends, Nones and Ides ("III Non. Oct.").
    roman_calendar: bool = False
    #: Dates of the French Republican calendar ("18 Ventôse an VIII"), data/calendars/republican.toml.
    republican_calendar: bool = False
    #: Seasons written before a year ("im Spätjahr 1771"): a date of that year.
    seasons: tuple[str, ...] = ()
    before_season: tuple[str, ...] = ()
    #: Words after a day that mean the letter's own month ("den 24ten dies.", "le 12 courant").
    this_month: tuple[str, ...] = ()
    #: Words after a day that mean the month before the letter's ("il 29 scorso", "le 3 dernier").
    last_month: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    #: Times of day a date line may end with ("Abends", "au soir").
    times_of_day: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    peerage: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    #: A surname's own article after its particle ("de La Guiche").
    surname_articles: tuple[str, ...] = ()
    small_in_capitals: frozenset[str] = frozenset()
    #: Particles that stay with a surname written alone ("du Deffand").
    surname_particles: tuple[str, ...] = ()
    #: The last parts of compounds that name a body ("Hofkanzlei", "Landesregierung").
    compound_body_ends: tuple[str, ...] = ()
    #: Words before the place a letter was sent from ("D'Amiens.", "de Lyon", "Aus Jena.").
    sent_from: tuple[str, ...] = ()
    #: Words of a street address ("Taubenstraße", "rue"), which goes with a closing date line.
    street_words: tuple[str, ...] = ()
    #: The words for "and" that join the items of a list ("Burke, Webb und Wood").
    and_words: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()
    lower_body_heads: tuple[str, ...] = ()
    body_links: tuple[str, ...] = ()
    self_naming_heads: frozenset[str] = frozenset()
    place_before: tuple[str, ...] = ()
    places: frozenset[str] = frozenset()
    #: Endings of common nouns ("-ung", "-tion"): a capitalised word with one is no name.
    noun_endings: tuple[str, ...] = ()
    salutations: tuple[str, ...] = ()
    valedictions: tuple[str, ...] = ()
    #: The first word of a letter's address ("Se.", "Dem", "An", "A", "Au").
    address_openers: tuple[str, ...] = ()
    #: Words that bring in a date line's place written after its date ("... au château de Ferney").
    place_after_date: tuple[str, ...] = ()
    #: Words a date line's place may follow, "done at" ("Fait à Paris", "Gegeben zu Wien").
    dated_at: frozenset[str] = frozenset()
    #: What a letter's title calls it ("Lettre", "Brief"): no sender's name.
    letter_words: frozenset[str] = frozenset()
    #: The last words of a closing formula run into the last paragraph ("serviteur", "Diener").
    closing_ends: tuple[str, ...] = ()
    #: Superlatives of address and praise, which are no names ("Clarissime", "Illustrissimo").
    superlative: re.Pattern[str] | None = None
    #: Adjectives of address, which are no names ("Gnädigster", "Hochgebohrne").
    address_adjectives: AddressAdjectives | None = None
    #: The endings of a place name's cases by its nominative's (``[places] case_endings``).
    case_endings: tuple[dict, ...] = ()
    #: The words of an editor's title for "to" and "from" and the articles after "to"
    #: ("Schiller an Goethe", "Carta de Cortés al Emperador"); :func:`title_patterns` reads
    #: every language's, with those of vocab/title-words.toml.
    title_to: tuple[str, ...] = ()
    title_from: tuple[str, ...] = ()
    title_articles: tuple[str, ...] = ()


def base_code(language: str) -> str:
    """The language of a tag without its region or script: ``de-AT`` → ``de``."""
    return language.replace("_", "-").split("-", 1)[0].lower()


@functools.cache
def _table() -> dict[str, dict]:
    folder = resources.files("tei_tools") / "data" / "languages"
    return {
        entry.name.removesuffix(".toml"): tomllib.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


def known_languages() -> tuple[str, ...]:
    """The languages with words of their own, English first."""
    return (ENGLISH, *sorted(_table()))


def is_known(language: str) -> bool:
    """Whether tei-tools has the words of ``language`` (``en``, ``de-AT`` and ``la`` are)."""
    return base_code(language) in known_languages()


def place_case_forms(nominative: str, case_endings: Sequence[dict]) -> tuple[str, ...]:
    """The case forms a place name takes in a letter, by the first of ``case_endings``
    (a language's ``[places] case_endings``) whose nominative ending it has.

    >>> latin = language("la").case_endings
    >>> place_case_forms("Praga", latin)
    ('Praga', 'Pragae', 'Pragam')
    >>> place_case_forms("Parisii", latin)
    ('Parisii', 'Parisiorum', 'Parisiis', 'Parisios')
    """
    for row in case_endings:
        ending = row["nominative"]
        if nominative.endswith(ending):
            stem = nominative[: len(nominative) - len(ending)]
            return tuple(stem + case for case in row["cases"])
    return (nominative,)


@functools.cache
def language(code: str) -> Language | None:
    """The words of ``code`` (``de``, ``fr``, ``la``, ``it``, ``es``); None for English or unknown.

    >>> language("de-AT").months.name(1), language("en") is None
    ('Januar', True)
    """
    code = base_code(code)
    data = _table().get(code)
    if data is None:
        return None
    dates, names, letters = (data.get(key, {}) for key in ("dates", "names", "letters"))
    return Language(
        code=code,
        months=month_names(code),
        date_order=str(dates.get("order", "dmy")),
        day_endings=tuple(dates.get("day_endings", ())),
        before_day=tuple(dates.get("before_day", ())),
        between_day_and_month=tuple(dates.get("between_day_and_month", ())),
        between_month_and_year=tuple(dates.get("between_month_and_year", ())),
        day_slash_month_short_year=bool(dates.get("day_slash_month_short_year", False)),
        roman_days=bool(dates.get("roman_days", False)),
        roman_calendar=bool(dates.get("roman_calendar", False)),
        republican_calendar=bool(dates.get("republican_calendar", False)),
        this_month=tuple(dates.get("this_month", ())),
        last_month=tuple(dates.get("last_month", ())),
        seasons=tuple(dates.get("seasons", ())),
        before_season=tuple(dates.get("before_season", ())),
        weekdays=tuple(dates.get("weekdays", ())),
        times_of_day=tuple(dates.get("times_of_day", ())),
        titles=tuple(names.get("titles", ())),
        peerage=tuple(names.get("peerage", ())),
        particles=tuple(names.get("particles", ())),
        surname_articles=tuple(names.get("surname_articles", ())),
        small_in_capitals=frozenset(names.get("small_in_capitals", ())),
        surname_particles=tuple(names.get("surname_particles", ())),
        and_words=tuple(names.get("and_words", ())),
        address=tuple(names.get("address", ())),
        not_names=frozenset(names.get("not_names", ())),
        body_heads=frozenset(names.get("body_heads", ())),
        lower_body_heads=tuple(names.get("lower_body_heads", ())),
        body_links=tuple(names.get("body_links", ())),
        self_naming_heads=frozenset(names.get("self_naming_heads", ())),
        compound_body_ends=tuple(names.get("compound_body_ends", ())),
        place_before=tuple(names.get("place_before", ())),
        places=frozenset(data.get("places", {}).get("names", ()))
        | frozenset(data.get("places", {}).get("regions", ()))
        | frozenset(
            form
            for name in data.get("places", {}).get("latin_nominatives", ())
            for form in place_case_forms(name, data["places"].get("case_endings", []))
        ),
        noun_endings=tuple(names.get("noun_endings", ())),
        salutations=tuple(letters.get("salutations", ())),
        valedictions=tuple(letters.get("valedictions", ())),
        address_openers=tuple(letters.get("address_openers", ())),
        place_after_date=tuple(letters.get("place_after_date", ())),
        street_words=tuple(letters.get("street_words", ())),
        sent_from=tuple(letters.get("sent_from", ())),
        letter_words=frozenset(letters.get("letter_words", ())),
        dated_at=frozenset(letters.get("dated_at", ())),
        closing_ends=tuple(letters.get("closing_ends", ())),
        superlative=_superlative(names.get("superlatives")),
        address_adjectives=_address_adjectives(names.get("address_adjectives")),
        case_endings=tuple(data.get("places", {}).get("case_endings", ())),
        title_to=tuple(letters.get("title_to", ())),
        title_from=tuple(letters.get("title_from", ())),
        title_articles=tuple(letters.get("title_articles", ())),
    )


@functools.cache
def _title_words() -> dict[str, list[str]]:
    """The title words of languages without a table (data/vocab/title-words.toml)."""
    text = (resources.files("tei_tools") / "data" / "vocab" / "title-words.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class TitlePatterns:
    """How a language's editors title a letter by its parties, as patterns of its words."""

    #: The word between the writer and the addressee, with an article after it.
    to: re.Pattern[str]
    #: A title that is "X to Y" from its start ("Brahe ad Keplerum"; not "Frankfurt an der Oder").
    parties: re.Pattern[str]
    #: A title naming a writer after "from" and an addressee after "to".
    from_and_to: re.Pattern[str]
    #: A title naming only the writer: "Lettre de Voltaire", "Brief von Goethe".
    letter_of: re.Pattern[str]
    #: The opening of such a title, whatever follows the name ("Lettre de Voltaire, 1760").
    letter_by: re.Pattern[str]
    #: The writer's name after "from" before the word for "to" ("Lettera di Giuseppe Verdi").
    sender: re.Pattern[str]
    #: "Extract of a Letter from Dublin, Jan. 3": a printed letter's place, then its date.
    letter_from_place: re.Pattern[str]


#: A capitalised word of a name in a title.
_TITLE_CAP = r"[A-ZÀ-ÞĀ-Ž][\w'’-]*"


@functools.cache
def title_patterns() -> TitlePatterns:
    """How editors title a letter by its parties, in every language tei-tools knows.

    The title is the editor's, in the edition's language, which need not be the letter's
    ("Friedrich II. an Voltaire" over a letter in French), so every language's words count.
    """
    known = [w for w in map(language, sorted(_table())) if w is not None]
    other = _title_words()
    to = alternation([*other["title_to"], *(t for w in known for t in w.title_to)])
    frm = alternation([*other["title_from"], *(t for w in known for t in w.title_from)])
    articles = [t for w in known for t in w.title_articles]
    spaced = alternation(t for t in articles if not t.endswith(("'", "’")))
    elided = alternation(t for t in articles if t.endswith(("'", "’")))
    # an article before the name, "l'" run into it ("à l'Abbé"), any other with a space
    article = rf"(?:(?:{spaced})\s+|(?:{elided}))?" if articles else ""
    letters = alternation([*other["letter_words"], *(t for w in known for t in w.letter_words)])
    capital = "[A-ZÀ-Þ]"
    return TitlePatterns(
        to=re.compile(rf"(?:^|\s)(?:{to})\s+{article}", re.IGNORECASE),
        parties=re.compile(
            rf"^{capital}[\w'’.-]*(?:\s+{capital}[\w'’.-]*)*\s+(?:{to})\s+{article}{capital}"
        ),
        from_and_to=re.compile(
            rf"\b(?:{frm})\s+{capital}[\w'’-]+.*\s(?:{to})\s+{article}{capital}"
        ),
        letter_of=re.compile(
            rf"^(?:{letters})\s+(?:{frm})\s+(?P<n>{_TITLE_CAP}(?:\s+{_TITLE_CAP}){{0,3}})[.,]?$"
        ),
        letter_by=re.compile(rf"^(?:{letters})\s+(?:{frm})\s"),
        # "De Jovellanos al obispo": the word for "from" may open the title, capitalised
        letter_from_place=re.compile(
            rf"\b(?i:{letters})\s+(?:{alternation(other['letter_from_place'])})\s+"
            rf"{capital}[\w'’-]+(?:\s+{capital}[\w'’-]+)*\s*,\s*(?=\S)"
        ),
        sender=re.compile(
            rf"\b(?i:{frm})\s*(?P<n>{_TITLE_CAP}(?:\s+(?:(?:{frm})\s*)?{_TITLE_CAP}){{0,3}})"
        ),
    )


def document_language_note(code: str, collection: str, evidence: str) -> str:
    """What a finding says of a document read in another language than its collection's."""
    return (
        f"read as {code!r}, not the collection's {collection!r}: its function words "
        f"({evidence}) are evidently of that language; xml:lang on its text says so"
    )


def unknown_language_note(code: str) -> str:
    """What a finding says of a document in a language tei-tools has no words for."""
    return (
        f"no dates or name evidence for language {code!r} (known: "
        f"{', '.join(known_languages())}): structure, registers and the gazetteer only"
    )
