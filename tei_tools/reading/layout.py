"""Read a plain-text transcription into a :class:`Document`, following a profile.

The reader works on blocks (runs of non-blank lines).  It recognises, in
order: page chrome to drop (only what the profile names), the collection
footer, the title, a preamble of date / source / addressee lines, trailing
signature lines, and paragraphs, some of them numbered.  Every line of the
source ends up in exactly one block or in the list of dropped chrome, so
nothing is lost silently.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, replace

from tei_tools.calendars import month_names
from tei_tools.reading.language_guess import document_language
from tei_tools.reading.languages import Language, alternation, language, title_patterns
from tei_tools.reading.model import Block, Document, PageBreak
from tei_tools.reading.profiles import Profile
from tei_tools.reading.roman_dates import reference_words, roman_month_words, roman_words

#: The months' names and abbreviations, in lower case (data/calendars/months.toml).
MONTHS = [word.lower() for word in (*month_names().names, *month_names().abbreviations)]
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ROMAN_MONTH = r"(?:XII|XI|IX|X|VIII|VII|VI|V|IV|III|II|I)"
# A line that is nothing but a date or date range: words allowed around the numbers.
_DATE_WORDS = (
    r"(?:from|to|and|between|about|circa|c\.|early|late|mid|middle|end|beginning|of|the|"
    r"not|earlier|later|than|before|after|on|or|st|nd|rd|th|new|old|style|n\.s\.|o\.s\.)"
)
_DATE_TOKEN = rf"(?:{_MONTH})\.?|\d{{1,4}}(?:st|nd|rd|th)?|{_ROMAN_MONTH}|{_DATE_WORDS}"
_DATE_LINE = re.compile(
    rf"^[\s\[\(]*(?:(?:{_DATE_TOKEN})[\s,.\-–—/\[\]()]*)+$",
    re.IGNORECASE,
)
_HAS_DATE_ANCHOR = re.compile(rf"\b(?:{_MONTH})\b|\b1[5-9]\d\d\b|\d{{1,2}}\.{_ROMAN_MONTH}\.", re.I)
# "Trotsky, iii, 2, p. 183" / "Kluchnikov & Sabanin, ii, pp. 64-6" / "Izvestia, 9 April 1918"
_SOURCE_LINE = re.compile(
    r"^[^\s,][^,]{0,120},.*(?:\b[pP]{1,2}\.\s*\d|,\s*[ivxlcdm]+\s*(?:,|$)|\b1[5-9]\d\d\b|\d)",
)
# "Moscow, " / "Brest-Litovsk, " before a dateline's date.
_PLACE_PREFIX = re.compile(r"^[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3},\s+(?=\S)")
#: What a dateline's date opens with after its place: a month, a number, "the".
_DATE_FIRST = re.compile(rf"[\s\[(]*(?:(?:{_MONTH})\b|\d|the\b)", re.I)
#: A place before a date without the comma: "Philadelphia November 10th. 1768,".
_BARE_PLACE_PREFIX = re.compile(
    rf"^(?!(?:{_MONTH}|on|the|from|to|of)\b)(?-i:[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){{0,2}})\s+"
    rf"(?=(?:{_MONTH})\b|\d)",
    re.I,
)
_SALUTE_LINE = re.compile(
    r"^(?:(?:to|TO|To)\s+\S"
    r"|(?:(?:My\s+)?Dear|Comrades?|Citizens?|Sirs?|Gentlemen|Madam|Monsieur|Messieurs|"
    r"(?:Your\s+)?Excellency|Mr\.?|Mrs\.?|Herr|Genossen?)\b[^.!?]{0,60}[,:!]$"
    # Letters of the seventeenth to nineteenth centuries: "Honoured Sir,", "Esteemed Friend,",
    # "My Lord," "Loving Brother," "Worthy Sir" (quotation marks around it kept as written).
    r"|[“\"]?(?:(?:My|Dear|Honou?red|Esteemed|Respected|Worthy|Loving|Kind|Beloved|Most|Right|"
    r"Very|Good|Reverend|Noble)\s+)+(?:Sirs?|Madam|Friends?|Brother|Sister|Father|Mother|Cousin|"
    r"Son|Daughter|Lords?|Lady|Gentlemen|Uncle|Aunt|Wife|Husband|Child|Children)\b"
    r"[^.!?]{0,30}[,:!.]?[”\"]?[,:!—–-]*$"
    r"|[“\"]?(?:Gentlemen|Sirs?|Madam|My\s+Lord)[,:!.][”\"]?[—–-]*$)"
)
#: A closing formula before the signature: "With communist greetings,", "Yours faithfully,".
_VALEDICTION_LINE = re.compile(
    r"^(?:With\b.{0,50}\b(?:greetings?|regards|respect|esteem|salutations?)"
    r"|Yours\b.{0,30}|Your\s+(?:most|very|ever|affectionate|loving|obedient|humble|faithful|"
    r"sincere|dutiful|obliged|assured|devoted|Excellency's|Lordship's|obt)\b.{0,60}"
    r"|I\s+remain\b.{0,70}|(?:And\s+)?(?:I\s+am|Am),?\s.{0,70}|(?:Very\s+)?(?:Respectfully|Sincerely|Faithfully|Truly|Cordially|"
    r"Fraternally|Comradely)(?:\s+yours)?|I\s+(?:have|am)\b.{0,60}|Accept\b.{0,60}"
    r"|Believe\s+me\b.{0,40}|(?:Long\s+live|Greetings)\b.{0,60})[,.!]?$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?P<marker>\(?(?P<n>\d{1,3}|[a-z]|[IVX]{1,4})\s?[.)])\s+(?=\S)")
_SIGNED_PREFIX = re.compile(r"^\(?signed\)?\b", re.IGNORECASE)
_INDENT = re.compile(r"^[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass(frozen=True)
class RawBlock:
    """A run of non-blank source lines, with the number of its first line."""

    line: int
    lines: tuple[str, ...]
    #: Page breaks between its lines: (index of the line the new page begins with, the break).
    breaks: tuple[tuple[int, PageBreak], ...] = ()

    @property
    def text(self) -> str:
        return normalise_space(" ".join(self.lines))


def normalise_space(text: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space."""
    return " ".join(text.split())


def read_document(text: str, profile: Profile, *, source_name: str = "<input>") -> Document:
    """Read decoded text into a document model following ``profile``.

    >>> from tei_tools.reading.profiles import load_profile
    >>> doc = read_document("A TITLE\\n\\n5 March 1918\\n\\n  Text.\\n", load_profile())
    >>> [b.kind for b in doc.blocks]
    ['head', 'dateline', 'p']
    """
    code, guess = document_language(text, profile.language)
    doc = Document(source_name=source_name, language=code, text=text)
    if guess is not None:  # a letter in Latin in a German collection is read in Latin
        doc.collection_language, doc.language_evidence = profile.language, guess.describe()
    doc.collection = profile.collection_title
    token = _LANGUAGE.set(language(code))
    try:
        _read_into(doc, text, profile)
    finally:
        _LANGUAGE.reset(token)
    return doc


def _read_into(doc: Document, text: str, profile: Profile) -> None:
    blocks = split_blocks(text, profile, doc)
    footer = take_footer(blocks, profile)
    head = take_title(blocks, profile)
    join_broken_date_lines(blocks)
    preamble = take_preamble(blocks) if profile.preamble else take_dateline(blocks)
    notes = take_notes(blocks) if profile.letter_parts else []
    endorsements = take_endorsements(blocks) if profile.letter_parts else []
    postscript = take_postscript(blocks) if profile.letter_parts else []
    signatures = take_signatures(blocks) if profile.signatures else []
    doc.blocks.extend(head)
    body = [block for raw in blocks for block in paragraphs_of(raw)]
    if profile.letter_parts:
        preamble, body = _first_entry_back(preamble, body)
        body = mark_speakers_and_entries(body)
    body = place_note_calls(body, notes)
    doc.blocks.extend(preamble)
    doc.blocks.extend(body)
    doc.blocks.extend(signatures)
    doc.blocks.extend(postscript)
    doc.blocks.extend(endorsements)
    doc.blocks.extend(notes)
    doc.blocks.extend(footer)


def split_blocks(text: str, profile: Profile, doc: Document) -> list[RawBlock]:
    """Split into blocks of non-blank lines, setting aside the chrome the profile drops."""
    blocks: list[RawBlock] = []
    current: list[str] = []
    inner: list[tuple[int, PageBreak]] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        reason = profile.drop_reason(line)
        if reason is not None:
            doc.dropped.append((number, line.strip(), reason))
            line = ""
        page = profile.page_marker.fullmatch(line.strip()) if profile.page_marker else None
        if page is not None:
            groups = page.groupdict()
            doc.pages.append(PageBreak(number, groups.get("n"), groups.get("image")))
            if current:  # inside a block, when a line follows: the block goes on
                inner.append((len(current), doc.pages[-1]))
            continue
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(_raw_block(start, current, inner))
            current, inner = [], []
    if current:
        blocks.append(_raw_block(start, current, inner))
    return blocks


def _raw_block(start: int, lines: list[str], inner: list[tuple[int, PageBreak]]) -> RawBlock:
    """A block with the page breaks that fell between its lines (not those after its last)."""
    return RawBlock(start, tuple(lines), tuple(b for b in inner if b[0] < len(lines)))


def take_footer(blocks: list[RawBlock], profile: Profile) -> list[Block]:
    """Remove trailing blocks that name the collection; they become trailers."""
    names = [normalise_space(name).casefold() for name in profile.footer]
    footer: list[Block] = []
    while len(blocks) > 1 and _names_the_collection(blocks[-1].text, names):
        raw = blocks.pop()
        footer.insert(0, Block("trailer", raw.text, raw.line))
    return footer


def _names_the_collection(text: str, names: list[str]) -> bool:
    """A footer line naming the collection, as written or garbled by the transcription.

    Web copies run the name into navigation words or the editor's name
    ("Documents on Soviet Foreign Policy Edited by Jane Degras"), drop a word,
    or misspell one; a short line holding the name, or nearly it, is the footer.
    """
    line = normalise_space(text).casefold()
    if not names or len(line) > 160:
        return False
    for name in names:
        if line == name or (name in line and len(line) <= len(name) + 80):
            return True
        if difflib.SequenceMatcher(None, line, name).ratio() >= 0.85:
            return True
    return False


def take_title(blocks: list[RawBlock], profile: Profile) -> list[Block]:
    """Remove the title from the front of ``blocks`` and return it as a head block."""
    if not blocks or profile.title_mode == "none":
        return []
    first = blocks[0]
    if profile.title_mode == "first-line":
        blocks[0] = RawBlock(first.line + 1, first.lines[1:])
        if not blocks[0].lines:
            blocks.pop(0)
        return [Block("head", normalise_space(first.lines[0]), first.line)]
    if profile.preamble:
        first = split_preamble_from_title(blocks)
    if profile.title_mode == "auto":
        return _title_by_form(blocks, first)
    if profile.title_mode == "upper-case-first-block" and not (
        is_upper_case(first.text) and not is_date_line(first.text)
    ):
        return []
    blocks.pop(0)
    return [Block("head", first.text, first.line)]


#: A source line cites a page or a volume ("Trotsky, iii, 2, p. 183"); a title does not.
_CITES_A_PAGE = re.compile(r"\b[pP]{1,2}\.\s*\d|,\s*[ivxlcdm]+\s*(?:,|$)|\b(?:vol|no)\.\s*\d", re.I)


def _title_by_form(blocks: list[RawBlock], first: RawBlock) -> list[Block]:
    """A title recognised by its form, for documents of any layout.

    A block in capitals is a title; so is a short first line that is no date,
    salutation, source line or sentence ("Henry Laurens to Richard Oswald").
    A letter that opens with its dateline or salutation has no title.
    """
    line = first.lines[0]
    kind = classify_preamble_line(line)
    if kind == "source" and not _CITES_A_PAGE.search(line):
        kind = None  # "Oliver Cromwell to William Lenthall, Speaker ... (June 14, 1645)"
    if is_date_line(line) or kind or is_valediction(line):
        return []
    if is_upper_case(first.text) and len(first.text) <= 400:
        blocks.pop(0)
        return [Block("head", first.text, first.line)]
    text = normalise_space(line)
    words = _LANGUAGE.get()
    letter_title = (
        words is not None and len(text) <= 200 and title_patterns().from_and_to.search(text)
    )
    if not letter_title and (
        len(text) > 150
        or text.endswith((",", ";", ":"))
        or (text.endswith(".") and len(text.split()) > 12)
    ):
        return []
    if len(blocks) == 1 and len(first.lines) == 1:
        return []  # a one-line document is its own text
    rest = first.lines[1:]
    if rest:
        blocks[0] = RawBlock(first.line + 1, rest)
    else:
        blocks.pop(0)
    return [Block("head", text, first.line)]


def split_preamble_from_title(blocks: list[RawBlock]) -> RawBlock:
    """Separate date and source lines written straight under the title, without a blank line."""
    first = blocks[0]
    if is_date_line(first.lines[0]):
        return first
    for split in range(1, len(first.lines)):
        rest = first.lines[split:]
        if all(classify_preamble_line(line) for line in rest):
            title = RawBlock(first.line, first.lines[:split])
            blocks[0:1] = [title, RawBlock(first.line + split, rest)]
            return title
    return first


def is_upper_case(text: str) -> bool:
    """True when nearly all cased letters are capitals ("(NOTE FROM TROTSKY) ...")."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if not letters:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.8


def is_date_line(line: str) -> bool:
    """A line that is a date or a date range, possibly after a place ("Moscow, 5 March 1918")."""
    words = _LANGUAGE.get()
    if (
        words is not None
        and (
            _language_date_line(line, words)
            # the editor's, in brackets: "(Wandsbeck im Spätjahr 1771.)", "[Paris, 3 mai 1790]"
            or (
                re.fullmatch(r"\s*[(\[].*[)\]]\s*", line)
                and _language_date_line(line.strip()[1:-1], words)
            )
        )
    ):
        return True
    line = _PLACE_PREFIX.sub("", line.strip()).rstrip(".,")
    line = _BARE_PLACE_PREFIX.sub("", line)
    return len(line) <= 80 and bool(_DATE_LINE.match(line)) and bool(_HAS_DATE_ANCHOR.search(line))


#: The language of the document being read (data/languages), None for English.  Set by
#: :func:`read_document` for the whole reading, so that every test of a line knows it.
_LANGUAGE: ContextVar[Language | None] = ContextVar("language", default=None)


def _language_line_words(words: Language) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Month forms, other words of a date line, and the words of an address, in lower case."""
    return _line_words_of(words.code)


@functools.cache
def _line_words_of(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = language(code)
    assert words is not None
    months = {
        form.lower().rstrip(".")
        for name in (*words.months.names, *words.months.abbreviations, *words.months.contractions)
        for form in (name, _unaccented(name))
    }
    other = {w.lower().rstrip(".") for w in (*words.before_day, *words.weekdays)}
    other |= {part.lower() for w in words.times_of_day for part in w.split()}
    other |= {w.lower() for w in (*words.seasons, *words.before_season)}
    other |= {w.lower() for w in (*words.between_day_and_month, *words.between_month_and_year)}
    if words.roman_calendar:  # "a.d. III Non. Oct. anno MDCX": the month's adjective is a month
        months |= roman_month_words()
        other |= roman_words()
    return frozenset(months), frozenset(other), frozenset(w.lower() for w in words.address_openers)


@functools.cache
def _cut_month_names(code: str) -> frozenset[str]:
    """Month names cut after their third letter or later, in lower case ("novembr", "febr").

    With its point such a word is an abbreviation of the month, as the date
    reader takes it (markup.dates.language_month_forms): "Paris 2. Novembr. 1675."
    """
    words = language(code)
    assert words is not None
    cut: set[str] = set()
    for name in _cut_bases(words):
        for form in {name.lower(), _unaccented(name).lower()}:
            cut |= {form[:end] for end in range(3, len(form)) if form[end - 1].isalpha()}
    return frozenset(cut)


def _cut_bases(words: Language) -> list[str]:
    """The month words an abbreviation is cut from: the names and the inflected forms.

    "Decembr." is cut from the Latin genitive "Decembris", "Octob." from "October".
    """
    forms = [w for w in words.months.contractions if w.isalpha() and len(w) >= 6]
    return [*words.months.names, *forms]


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_DAY_TOKEN = re.compile(
    r"^(?:\d{1,4}[a-zèé]{0,4}|\d{1,2}/\d{1,2}|[IVX]{1,6}|[ivx]{1,5}j?|M{1,2}[DCLXVI]{1,10})$"
)


def _language_date_line(line: str, words: Language) -> bool:
    """A date line of the document's language: up to five words of place, then only a date.

    "Wien, am 17. Jänner 1847", "à Paris Le 19 9bre 1776", "Weimar am 2. Jan. 1799.",
    "17/1 47.", "IX. Aug. 1610.": after the place, every word is a day, a month, a year,
    a weekday or a word that stands before a day, and there is a figure.
    """
    text = normalise_space(line)
    months, other, _ = _language_line_words(words)
    # A month name cut short counts only with its point ("Novembr."), as abbreviations are written.
    pointed = {t.strip(",;:()[]").lower() for t in text.split() if t.strip(",;:()[]").endswith(".")}
    cut = {t.rstrip(".") for t in pointed} & _cut_month_names(words.code)
    months = months | cut
    split = text.split()
    if words.roman_calendar:  # "Kal.Febr.": two words run together at a point
        split = [part for token in split for part in re.split(r"(?<=\.)(?=\w)", token)]
    tokens = [t.strip(".,;:()[]") for t in split]
    tokens = [t for t in tokens if t]
    counted_back = words.roman_calendar and any(t.lower() in reference_words() for t in tokens)
    if len(text) > 90 or not (re.search(r"\d", text) or counted_back):
        return False
    if title_patterns().parties.match(text) and not any(t in words.dated_at for t in tokens[:1]):
        return False  # "Schiller an Goethe, 22. August 1795": a title naming both, not a place
    if _patterns_of(words.code).title_to_a_person.match(text):
        return False  # "À Gabrielle d'Estrées 22 octobre 1597": to whom, not from where
    for start in range(min(6, len(tokens))):
        rest = _before_trailing_place(tokens[start:], words, text)
        if (
            start
            and "," not in text
            and not any(_DAY_TOKEN.match(t) or t.lower() in other for t in rest[:1])
        ):
            continue
        dated = [t for t in rest if _DAY_TOKEN.match(t) or t.lower() in months]
        if rest and len(dated) + sum(t.lower() in other for t in rest) == len(rest):
            has_month = any(t.lower() in months for t in rest)
            numeric = any("/" in t for t in rest) and words.day_slash_month_short_year
            seasons = {w.lower() for w in words.seasons}
            season = any(t.lower() in seasons for t in rest) and any(
                _WITH_YEAR.fullmatch(t) for t in rest
            )
            if has_month or numeric or season:
                return True
    return False


def _before_trailing_place(tokens: list[str], words: Language, text: str = "") -> list[str]:
    """A date line's words less a place written after the date ("... au château de Ferney").

    The place is brought in by one of the language's words for it and holds a
    capitalised word within five words.
    """
    brought_in = {w.lower() for w in words.place_after_date}
    for index in range(1, len(tokens)):
        tail = tokens[index + 1 :]
        if (
            tokens[index].lower() in brought_in
            and 1 <= len(tail) <= 5
            and any(t[:1].isupper() for t in tail)
        ):
            return tokens[:index]
    # A place after a whole date, in one to three capitalised words, perhaps brought in by
    # "de" or a dash: "16 avril 1790, — [de Lyon]", "11 Iunii MDCXXIII. Balagniaci";
    # after a day and month only with an elided "d'": "Ce 22e octobre. D'Amiens".
    months = _language_line_words(words)[0]
    for index in range(2, len(tokens)):
        before, tail = tokens[index - 1], [t for t in tokens[index:] if t not in _DASHES]
        patterns = _patterns_of(words.code)
        if tail and tail[0].lower() in patterns.sent_from:
            tail = tail[1:]
        if not 1 <= len(tail) <= 3 or not all(t[:1].isupper() for t in tail):
            continue
        set_off = re.search(rf"{re.escape(before)}(?:[.,;:]|\s*[—–\[(])", text)
        if set_off and (
            _YEAR_WORD.fullmatch(before)
            or (before.lower() in months and patterns.elided_from.match(tokens[index]))
        ):
            return tokens[:index]
    return tokens


_DASHES = frozenset({"—", "–", "-", "--"})


@dataclass(frozen=True)
class _LetterPatterns:
    """Patterns of a language's letters made from its words (data/languages/<code>.toml)."""

    #: Words before the place of sending, in lower case ("de", "d'", "von").
    sent_from: frozenset[str]
    #: A line that is only that place: "D'Amiens.", "Aus Jena.".
    place_from: re.Pattern[str]
    #: An elided word before it, run into the place: "D'Amiens".
    elided_from: re.Pattern[str]
    #: A title naming only the addressee, by a name with its particle and no comma before
    #: the date: "À Gabrielle d'Estrées 22 octobre 1597", "An Ulrike von Kleist 14. August
    #: 1800" ("À Paris, le 3 mai" names a place, with its comma).
    title_to_a_person: re.Pattern[str]


def _any_of(words: Iterable[str]) -> str:
    """``alternation`` of ``words``, or a pattern that matches nothing when there are none."""
    return alternation(words) or "(?!)"


@functools.cache
def _patterns_of(code: str) -> _LetterPatterns:
    words = language(code)
    assert words is not None
    capital = "[A-ZÀ-Þ]"
    name = rf"{capital}[\w'’-]+"
    sent = _word_before(words.sent_from, cased=True)
    particle = _word_before([p for p in words.particles if " " not in p], cased=False)
    return _LetterPatterns(
        sent_from=frozenset(w.lower() for w in words.sent_from),
        place_from=re.compile(rf"^{sent}{name}(?:\s+{name})?\.?$"),
        elided_from=re.compile(
            rf"^(?:{_any_of(_cased(w for w in words.sent_from if _elided(w)))}){capital}"
        ),
        title_to_a_person=re.compile(
            rf"^(?:{_any_of(words.address_openers)})\s+{name}\s+{particle}"
            rf"{name}(?:\s+{name})?\s+\d"
        ),
    )


def _elided(word: str) -> bool:
    return word.endswith(("'", "’"))


def _cased(words: Iterable[str]) -> list[str]:
    listed = list(words)
    return [*listed, *(w.capitalize() for w in listed)]


def _word_before(words: Iterable[str], *, cased: bool) -> str:
    """A pattern for one of ``words`` before a name: an elided one run into it ("d'"),
    any other followed by a space."""
    listed = _cased(words) if cased else list(words)
    elided = _any_of(w for w in listed if _elided(w))
    spaced = _any_of(w for w in listed if not _elided(w))
    return rf"(?:(?:{elided})|(?:{spaced})\s+)"


#: A year in figures or in Roman numerals.
_YEAR_WORD = re.compile(r"[12]\d{3}|M{1,2}[CDLXVI]{0,12}")


def classify_preamble_line(line: str, *, after_date: bool = False) -> str | None:
    """'dateline', 'source' or 'salute' for a line between title and text, else None.

    After the document's date, "Izvestia, 9 April 1918" is a newspaper source,
    not a second "place, date" dateline.
    """
    text = normalise_space(line)
    if len(text) > 200 or (_INDENT.match(line) and len(text) > 80):
        return None
    if is_date_line(text) and not (after_date and _PLACE_PREFIX.match(text)):
        return "dateline"
    if (_SOURCE_LINE.match(text) and not text.endswith((".", ":", ";"))) or _ends_with_page(text):
        # "Extract of a Letter from Dublin, Jan. 3": a printed letter's place and date (its
        # heading opens with the words for it; a title naming a newspaper first does not)
        letter = title_patterns().letter_from_place.search(text)
        if (
            letter is not None
            and len(text[: letter.start()].split()) <= 3
            and ":" not in text[: letter.start()]
            and is_date_line(text[letter.end() :])
        ):
            return "dateline"
        prefix = _PLACE_PREFIX.match(text)
        if (
            not after_date
            and not _CITES_A_PAGE.search(text)
            and _HAS_DATE_ANCHOR.search(text)
            and prefix
            and _DATE_FIRST.match(text, prefix.end())
        ):
            # "HONGKONG, May 7, 1898. (Manila, May 1.)": a place and a date; but "Diary of
            # Samuel Sewall, 10 to 12 May 1714" names no place before its comma, and
            # "George Washington, letter of 23 September 1788" has words before its date:
            # titles.
            return "dateline"
        return "source"
    if _SALUTE_LINE.match(text) and len(text) <= 120:
        return "salute"
    words = _LANGUAGE.get()
    if words is not None and _language_salute(text, words):
        return "salute"
    return None


def _language_salute(text: str, words: Language) -> bool:
    """A salutation of the document's language: "Lieber Freund!", "Mon cher Voltaire,", "Sire,"."""
    if len(text) > 60 or len(text.split()) > 6:
        return False
    return any(
        text == opening
        or text.startswith(opening + " ")
        or re.match(re.escape(opening) + r"[,!:.]*$", text)
        for opening in words.salutations
    ) and (text.endswith((",", "!", ":", ".")) or len(text.split()) <= 3)


def _language_address(lines: tuple[str, ...], words: Language) -> bool:
    """A letter's address written as a block: "Se. / Hrn. Anton Alexander Grafen / ...".

    Its first word is one an address opens with, and every line is short.
    """
    _, _, openers = _language_line_words(words)
    first = normalise_space(lines[0]).lstrip("[(").split()  # an editor's: "[À BOSC, À PARIS.]"
    # An address set as one line runs longer than each line of one set line by line.
    longest = ADDRESS_LINE_CHARS if len(lines) == 1 else 60
    return (
        bool(first)
        and first[0].lower() in openers
        and len(lines) <= 10
        and all(len(normalise_space(line)) <= longest for line in lines)
        and not normalise_space(lines[-1]).endswith((",", ";"))
    )


#: The longest address written as one line ("Viro excellentissimo domino Hugoni Grotio,
#: Suecorum penes christianissimum regem legato, Parisios.").
ADDRESS_LINE_CHARS = 160


def _ends_with_page(text: str) -> bool:
    return bool(re.search(r",\s*[pP]{1,2}\.\s*\d+(?:\s*[-–]\s*\d+)?[.,]?$", text))


#: A date line broken over at most this many lines, each at most this long.
BROKEN_DATE_LINES = 4
BROKEN_DATE_LINE_CHARS = 40


_BARE_YEAR = re.compile(r"[12]\d{3}\.?")
_WITH_YEAR = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")


def join_broken_date_lines(blocks: list[RawBlock]) -> None:
    """A date line written over a few short lines, as one line: at the top or the end.

    "Steinau den 7 8br / 1793.", "Gotha / den 10den Dezembr. / 1783": where the lines
    together are a date line, and none of them is a whole date with its year (a year
    alone aside), the block is that date line.
    Only the first block and the last three (a closing dateline comes after the
    signature or the address) are looked at.
    """
    for index in {0, *range(max(0, len(blocks) - 3), len(blocks))}:
        if index >= len(blocks):
            continue
        raw = blocks[index]
        if not 2 <= len(raw.lines) <= BROKEN_DATE_LINES or raw.breaks:
            continue
        parts = [normalise_space(line) for line in raw.lines]
        if any(len(part) > BROKEN_DATE_LINE_CHARS for part in parts):
            continue
        dated = [part for part in parts if is_date_line(part) and not _BARE_YEAR.fullmatch(part)]
        if len(dated) > 1 or any(_WITH_YEAR.search(part) for part in dated):
            continue  # a whole date on a line of its own (and a signature): read line by line
        joined = " ".join(parts)
        if is_date_line(joined):
            blocks[index] = RawBlock(raw.line, (joined,))


def take_preamble(blocks: list[RawBlock]) -> list[Block]:
    """Remove the leading blocks made only of date, source and addressee lines."""
    preamble: list[Block] = []
    after_date = False
    words = _LANGUAGE.get()
    if words is not None and _note_before_dateline(blocks, words):
        # "Trois semaines après avoir écrit cette lettre, je reçus celle-ci." above the date
        # line: the edition's note on the letter, then the letter's own opening.
        raw = blocks.pop(0)
        preamble.append(Block("endorsement", raw.text, raw.line, note_type="editorial"))
    while blocks:
        if (
            words is not None
            and len(blocks) > 1
            and _language_address(blocks[0].lines, words)
            and not all(classify_preamble_line(line) for line in blocks[0].lines)
        ):
            raw = blocks.pop(0)
            text = normalise_space(" ".join(raw.lines))
            preamble.append(Block("endorsement", text, raw.line, note_type="address"))
            continue
        kinds = []
        for line in blocks[0].lines:
            kinds.append(classify_preamble_line(line, after_date=after_date))
            after_date = after_date or kinds[-1] == "dateline"
        if not all(kinds):
            break
        raw = blocks.pop(0)
        for offset, (line, kind) in enumerate(zip(raw.lines, kinds)):
            preamble.append(Block(kind, normalise_space(line), raw.line + offset))  # type: ignore[arg-type]
    return preamble


#: The longest note of an edition above a letter's date line.
NOTE_BEFORE_DATELINE_CHARS = 200


def _note_before_dateline(blocks: list[RawBlock], words: Language) -> bool:
    """A short sentence between the title and the date line, with the letter after them."""
    if len(blocks) < 3:
        return False
    note, dateline = blocks[0], blocks[1]
    return (
        not _language_address(note.lines, words)
        and len(note.text) <= NOTE_BEFORE_DATELINE_CHARS
        and note.text.endswith(".")
        and len(note.text.split()) >= 5
        and not any(classify_preamble_line(line) for line in note.lines)
        and len(dateline.lines) == 1
        and is_date_line(dateline.lines[0])
    )


def take_dateline(blocks: list[RawBlock]) -> list[Block]:
    """Without a preamble, still a date line right under the title: the document's date.

    Any layout dates a letter or a telegram on a line of its own ("Petrograd,
    December 29, 1917 [January 11, 1918]."); read as a dateline it is one
    date, both readings of a dual date included.
    """
    if blocks and len(blocks[0].lines) == 1 and is_date_line(blocks[0].lines[0]):
        raw = blocks.pop(0)
        return [Block("dateline", normalise_space(raw.lines[0]), raw.line)]
    return []


def take_signatures(blocks: list[RawBlock]) -> list[Block]:
    """Remove trailing short lines that sign the document ("(Signed) Trotsky").

    A closing formula right before them ("With communist greetings,") goes with
    them, as the closer's salutation; so does one written as the signature
    block's first line.
    """
    signatures: list[Block] = []
    words = _LANGUAGE.get()
    trailing: list[Block] = []
    if words is not None:
        _split_date_from_address(blocks, words)
        _split_date_from_signature(blocks)
        trailing = _closing_parts(blocks, words)
    # At least one paragraph must remain: a document is not all signature.  A date line
    # above the signature is no part of it ("À Paris le 9 avril 1778" is short and
    # capitalised too): it is the closing date line, taken below.
    while (
        len(blocks) > 1
        and not (len(blocks[-1].lines) == 1 and is_date_line(blocks[-1].lines[0]))
        # "D'Amiens.": the date line's place (in English "De Lancey." signs)
        and not (words is not None and _patterns_of(words.code).place_from.match(blocks[-1].text))
        and (
            all(
                is_signature_line(line) or (i == 0 and is_valediction(line))
                for i, line in enumerate(blocks[-1].lines)
            )
            or (words is not None and _closing_block(blocks[-1].lines))
        )
    ):
        raw = blocks.pop()
        closing = words is not None and _closing_block(raw.lines)
        lines = [
            Block(
                "valediction"
                if (
                    i == 0
                    and is_valediction(line)
                    # the last block may end with the name; one above a signature does not
                    and (signatures or not _names_its_signer(raw.lines, words))
                )
                or (closing and i < len(raw.lines) - 1)
                else "signed",
                normalise_space(line),
                raw.line + i,
            )
            for i, line in enumerate(raw.lines)
        ]
        signatures[:0] = lines
    if (
        signatures
        and len(blocks) > 1
        and len(blocks[-1].lines) == 1
        and is_valediction(blocks[-1].lines[0])
        and not is_date_line(blocks[-1].lines[0])  # "Datae Pragae IX. Aug. 1610."
    ):
        raw = blocks.pop()
        signatures.insert(0, Block("valediction", normalise_space(raw.lines[0]), raw.line))
    if words is not None and not signatures and len(blocks) > 1:
        signatures = _signed_after_valediction(blocks, words)
    if words is not None and not signatures and blocks:  # the paragraph stays, less its end
        signatures = _signed_in_last_paragraph(blocks, words)
    if words is not None and signatures:
        signatures = _before_signature(blocks) + signatures
    return signatures + trailing


def _names_its_signer(lines: tuple[str, ...], words: Language | None) -> bool:
    """A one-line closing that ends with the signer's name: "Ihr treuer Bruder Friderich".

    "Ihr treuer Bruder" and "Ihr Freund" end with a word that is no name.
    """
    if words is None or len(lines) != 1:
        return False
    parts = normalise_space(lines[0]).rstrip(".").split()
    last = parts[-1] if len(parts) > 1 else ""
    return (
        last[:1].isupper() and last not in words.not_names and not lines[0].rstrip().endswith(",")
    )


def _closing_block(lines: tuple[str, ...]) -> bool:
    """A closing formula over several lines and the name under it, as one block.

    "Je suis avec toute l'amitié possible, / mon très-cher frère, / votre fidèle frère
    et serviteur / Federic.", "Ich bin mit der vollkommensten Hochachtung / Ihr treuer
    Bruder / Friderich": the first line opens a closing formula, the last is a name.
    """
    return (
        2 <= len(lines) <= 6
        and is_valediction(lines[0])
        and is_signature_line(lines[-1])
        and all(len(normalise_space(line)) <= 80 for line in lines)
        and not normalise_space(lines[-1]).endswith(",")
    )


def _split_date_from_address(blocks: list[RawBlock], words: Language) -> None:
    """A closing date line run into the form of address that opens the closing formula.

    "Bayreuth d. 16 Aug. 1804 Ihrer Durchlaucht / unterthänigster / J. P. F. Richter":
    the date line ends at its year, and what follows it begins the closing.
    """
    _, _, openers = _language_line_words(words)
    for index in range(max(1, len(blocks) - 4), len(blocks)):
        raw = blocks[index]
        if len(raw.lines) != 1:
            continue
        line = normalise_space(raw.lines[0])
        for year in reversed(list(_WITH_YEAR.finditer(line))):
            head, rest = line[: year.end()], line[year.end() :].strip(" .,")
            first = rest.split()[0] if rest else ""
            if rest and len(rest.split()) <= 4 and first.lower() in openers and is_date_line(head):
                blocks[index : index + 1] = [
                    RawBlock(raw.line, (head,)),
                    RawBlock(raw.line, (rest,)),
                ]
                return


def _split_date_from_signature(blocks: list[RawBlock]) -> None:
    """The last block as two when it holds a date line and the signature without a blank line.

    "Weimar am 2. Jan. 1799. / G." and "Ihr ergebenster / Goethe / Weimar den 2. Januar
    1799": the date line is a block of its own, so that it is read as the letter's date
    line (above or below the signature) and the rest as the signature.
    """
    if len(blocks) < 2 or len(blocks[-1].lines) < 2:
        return
    last = blocks[-1]
    lines = last.lines

    def signing(part: tuple[str, ...]) -> bool:
        return all(
            is_signature_line(line) or (i == 0 and is_valediction(line))
            for i, line in enumerate(part)
        )

    if is_date_line(lines[0]) and signing(lines[1:]):
        blocks[-1:] = [RawBlock(last.line, lines[:1]), RawBlock(last.line + 1, lines[1:])]
    elif is_date_line(lines[-1]) and signing(lines[:-1]):
        end = len(lines) - 1
        blocks[-1:] = [RawBlock(last.line, lines[:end]), RawBlock(last.line + end, lines[end:])]


def _before_signature(blocks: list[RawBlock]) -> list[Block]:
    """A date line above the signature, and the signer's office between them.

    "Koenigsberg den 5ten August 1809. / Sektion im Ministerio des Innern ... / Humboldt".
    """
    office: list[Block] = []
    if (
        len(blocks) > 2
        and len(blocks[-1].lines) == 1
        and len(blocks[-1].text) <= 90
        and len(blocks[-2].lines) == 1
        and is_date_line(blocks[-2].lines[0])
    ):
        raw = blocks.pop()
        words = _LANGUAGE.get()
        if words is not None and _patterns_of(words.code).place_from.match(
            normalise_space(raw.lines[0])
        ):
            # "Ce 22e octobre. / D'Amiens. / Henry.": the place is the date line's
            date = blocks.pop()
            text = f"{normalise_space(date.lines[0])} {normalise_space(raw.lines[0])}"
            return [Block("closing_dateline", text, date.line)]
        office = [Block("signed", normalise_space(raw.lines[0]), raw.line)]
    if len(blocks) > 1 and len(blocks[-1].lines) == 1 and is_date_line(blocks[-1].lines[0]):
        raw = blocks.pop()
        return [Block("closing_dateline", normalise_space(raw.lines[0]), raw.line), *office]
    blocks.extend(RawBlock(b.line, (b.text,)) for b in office)
    return []


def _closing_parts(blocks: list[RawBlock], words: Language) -> list[Block]:
    """A letter's last blocks after its signature: its date line and its address.

    "Wien 20/8 43.", "Koenigsberg den 5ten August 1809.", "An / den Herrn Bibliothekar
    Henry / ... / Berlin": a date line is a closing dateline, an address a note of type
    address.  The signature before them is then looked for as usual.
    """
    taken: list[Block] = []
    while len(blocks) > 2:
        last = blocks[-1]
        if len(last.lines) == 1 and is_date_line(last.lines[0]):
            blocks.pop()
            text = normalise_space(last.lines[0])
            if len(blocks) > 2 and _street_address(blocks[-1], words):
                # "Berlin Taubenstraße No 31. / Den 10 Septbr: 1816": where it was written
                street = blocks.pop()
                text = f"{street.text} {text}"
                last = street
            taken.insert(0, Block("closing_dateline", text, last.line))
        elif _language_address(last.lines, words) and not taken:
            blocks.pop()
            text = normalise_space(" ".join(last.lines))
            taken.insert(0, Block("endorsement", text, last.line, note_type="address"))
        else:
            break
    # A closing dateline between the signature and an office's line: "Sektion im Ministerio ...".
    return taken


def _street_address(raw: RawBlock, words: Language) -> bool:
    """A short line of a street address: "Berlin Taubenstraße No 31.", "Rue de Grenelle, n. 82"."""
    if len(raw.lines) != 1 or len(raw.text) > 80 or not words.street_words:
        return False
    return any(
        re.search(rf"(?:\b|\w){re.escape(word)}\b", raw.text) for word in words.street_words
    ) and bool(re.search(r"\d", raw.text))


def _signed_in_last_paragraph(blocks: list[RawBlock], words: Language) -> list[Block]:
    """A signature run into the last paragraph after its closing formula.

    "... votre très humble et très obéissant serviteur, D'Espagne.": when the
    paragraph's last words before a comma end a closing formula of the language
    (data: ``closing_ends``) and what follows is a signature, that is the signature.
    """
    last = blocks[-1]
    line = last.lines[-1]
    ends = alternation(words.closing_ends)
    if not ends:
        return []
    found = re.search(rf"(?<![\w])(?:{ends}),?\s+(?P<name>[^,;:]{{1,60}})$", line)
    if found is None:
        return []
    name = found.group("name").strip()
    if not is_signature_line(name) or not re.search(r"[,]\s", line[: found.end()] + " "):
        return []
    kept = line[: found.start("name")].rstrip()
    blocks[-1] = RawBlock(last.line, (*last.lines[:-1], kept), last.breaks)
    return [Block("signed", name, last.line + len(last.lines) - 1)]


def _signed_after_valediction(blocks: list[RawBlock], words: Language) -> list[Block]:
    """A closing formula and the name on one line: "<Dein> Bauernfeld.", "Euer Bauernfeld"."""
    last = blocks[-1]
    text = normalise_space(" ".join(last.lines))
    bare = re.sub(r"[<>\[\]]", "", text)
    if len(text) > 60:
        return []
    for opening in sorted(words.valedictions, key=len, reverse=True):
        if not bare.startswith(opening + " "):
            continue
        rest = bare[len(opening) :].strip()
        # "Ihr treuer Bruder Friderich": words of the formula, then the name.
        if is_signature_line(rest) or (
            len(rest.split()) <= 4 and rest.split()[-1][:1].isupper() and not rest.endswith(",")
        ):
            blocks.pop()
            return [Block("signed", text, last.line)]
    return []


#: A postscript's opening: "P.S.", "PS.", "P. S.", "Postscript", "N.B." at a block's start.
_POSTSCRIPT = re.compile(r"^(?:P\.\s?S\.|PS\b|P\.\s?P\.\s?S\.|Postscript\b|N\.\s?B\.)")


#: What a letter's outside says, written after the text: "Addressed: To ...", "Endorsed: ...".
_ENDORSEMENT = re.compile(
    r"^\[?(?P<word>Addressed|Address|Superscribed|Superscription|Endorsed|Endorsement|"
    r"Docketed|Docket|Enclosure|Enclosed|Inclosure|Inclosed)\b\]?\s*[:.—–-]",
    re.IGNORECASE,
)
_NOTE_TYPES = {
    "addressed": "address", "address": "address", "superscribed": "address",
    "superscription": "address", "endorsed": "endorsement", "endorsement": "endorsement",
    "docketed": "docket", "docket": "docket", "enclosure": "enclosure", "enclosed": "enclosure",
    "inclosure": "enclosure", "inclosed": "enclosure",
}  # fmt: skip


#: The heading of the notes at the foot of a document: "Notes:", "FOOTNOTES".
_NOTES_HEADING = re.compile(r"^\s*(?:Notes?|Footnotes?|NOTES?|FOOTNOTES?)\s*:?\s*$")
#: A note's number at the start of its line: "1.", "[2]", "(3)", "4)", "*".
_NOTE_MARKER = re.compile(
    r"^\s*(?P<marker>\[(?P<a>\d{1,3})\]|(?P<b>\d{1,3})[.)]|\((?P<c>\d{1,3})\)|\*+|†|‡)\s+"
)


def take_notes(blocks: list[RawBlock]) -> list[Block]:
    """Remove the notes after a "Notes:" heading at the foot: one block per numbered note.

    Lines that do not open with a number continue the note before them; a
    heading with nothing numbered after it is left in the text as it stands.
    """
    for index in range(len(blocks) - 1, 0, -1):
        if not _NOTES_HEADING.match(blocks[index].lines[0]):
            continue
        lines = [
            (raw.line + offset, line)
            for raw in blocks[index:]
            for offset, line in enumerate(raw.lines)
        ]
        heading_line, heading = lines[0]
        notes: list[Block] = []
        for number, line in lines[1:]:
            match = _NOTE_MARKER.match(line)
            if match is not None:
                n = match.group("a") or match.group("b") or match.group("c")
                notes.append(
                    Block(
                        "note",
                        normalise_space(line[match.end() :]),
                        number,
                        number=n,
                        marker=match.group("marker"),
                    )
                )
            elif notes:
                last = notes[-1]
                notes[-1] = replace(last, text=normalise_space(f"{last.text} {line}"))
            else:
                break  # text before the first number: not a list of notes
        else:
            if notes:
                del blocks[index:]
                return [Block("notes", normalise_space(heading), heading_line), *notes]
    return []


#: A note's call in the running text, right after a word or its punctuation: "Greece.[1]",
#: "Greece.¹" (superscript digits).  A bracketed number after a space ("see [1]") is not one.
_NOTE_CALL = re.compile(
    r"(?<=\S)(?:\[(?P<bracketed>\d{1,3})\]|(?P<raised>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}))"
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def place_note_calls(body: list[Block], notes: list[Block]) -> list[Block]:
    """Paragraphs with their notes' calls taken out of the text and recorded (``note_calls``).

    A call is the first "[n]" or superscript n after a word whose n is the
    number of a note at the foot; later marks of the same number, and numbers
    no note has, stay text.  Page breaks after a call move back with the text.

    >>> notes = [Block("note", "Not printed.", 9, number="1", marker="1.")]
    >>> [p] = place_note_calls([Block("p", "The enclosure.[1] Sent.", 3)], notes)
    >>> p.text, p.note_calls
    ('The enclosure. Sent.', ((14, '1'),))
    """
    waiting = {note.number for note in notes if note.number}
    if not waiting:
        return body
    placed = []
    for block in body:
        if block.kind != "p" or not _NOTE_CALL.search(block.text):
            placed.append(block)
            continue
        text, calls, removed, at = [], [], [], 0
        for match in _NOTE_CALL.finditer(block.text):
            number = match.group("bracketed") or match.group("raised").translate(
                _SUPERSCRIPT_DIGITS
            )
            if number not in waiting:
                continue
            waiting.discard(number)
            text.append(block.text[at : match.start()])
            at = match.end()
            calls.append((sum(map(len, text)), number))
            removed.append((match.start(), match.end() - match.start()))
        if not calls:
            placed.append(block)
            continue
        text.append(block.text[at:])
        breaks = tuple(
            (offset - sum(length for start, length in removed if start < offset), page)
            for offset, page in block.page_breaks
        )
        placed.append(
            replace(block, text="".join(text), note_calls=tuple(calls), page_breaks=breaks)
        )
    return placed


def take_endorsements(blocks: list[RawBlock]) -> list[Block]:
    """Remove the trailing blocks that describe the letter's outside (address, endorsement)."""
    taken: list[Block] = []
    while len(blocks) > 1:
        match = _ENDORSEMENT.match(blocks[-1].text)
        if match is None:
            break
        raw = blocks.pop()
        kind = _NOTE_TYPES[match.group("word").lower()]
        taken.insert(0, Block("endorsement", raw.text, raw.line, note_type=kind))
    return taken


#: Words that open what a speaker said, on the line after the speaker's name (Hansard).
_SPEECH_OPENING = re.compile(
    r"^(?:said|rose|moved|replied|observed|begged|presented|wished|thought|asked|"
    r"explained|remarked|stated|contended|answered|concurred|spoke|declared|complained)\b"
)
#: A calendar entry's date, alone on its line: "May 1.", "Dec. 1.", "1 May."
_ENTRY_DATE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th|d)?|\d{1,2}(?:st|nd|rd|th|d)?\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:\s*/\s*\d{1,2})?\.?$"
)


def _first_entry_back(preamble: list[Block], body: list[Block]) -> tuple[list[Block], list[Block]]:
    """A calendar's first entry date, read as the dateline, goes back to the entries."""
    if not any(b.kind == "p" and _ENTRY_DATE.match(b.text) for b in body):
        return preamble, body
    for index, block in enumerate(preamble):
        if block.kind == "dateline" and _ENTRY_DATE.match(block.text):
            moved = [Block("p", b.text, b.line) for b in preamble[index:]]
            return preamble[:index], moved + body
    return preamble, body


def mark_speakers_and_entries(body: list[Block]) -> list[Block]:
    """Speakers of a debate and the dates that open calendar entries, by their form.

    A speaker is a short line of capitalised words with the speech on the next
    block, opening with its verb in lower case ("The Marquess of Salisbury" /
    "said, that ...").  An entry date is a day and month alone on a line,
    written so at least twice: each opens an entry of a calendar of papers.
    """
    result = list(body)
    for index, block in enumerate(body[:-1]):
        following = body[index + 1]
        if (
            block.kind == "p"
            and len(block.text.split()) <= 10
            and block.text[:1].isupper()
            and not block.text.endswith((".", ",", ";", ":", "?", "!"))
            and following.kind == "p"
            and (_SPEECH_OPENING.match(following.text) or following.text[:1].islower())
        ):
            result[index] = Block("speaker", block.text, block.line)
    dates = [i for i, b in enumerate(result) if b.kind == "p" and _ENTRY_DATE.match(b.text)]
    dates = [i for i in dates if is_date_line(result[i].text)]
    if len(dates) >= 2:
        for i in dates:
            result[i] = Block("entry", result[i].text, result[i].line)
    # The dateline of a second telegram or letter in one document ("RICHMOND, April 22,
    # 1865-7 p. m."): a dateline where it stands.
    for i, block in enumerate(result):
        if block.kind == "p" and len(block.text) <= 100 and is_date_line(block.text):
            result[i] = Block("dateline", block.text, block.line)
    return result


def take_postscript(blocks: list[RawBlock]) -> list[Block]:
    """Remove a postscript after the signature: the last blocks, from one opening "P.S.".

    Looked for among the last three blocks only, and never the first: a
    document is not all postscript.
    """
    for index in range(len(blocks) - 1, max(len(blocks) - 4, 0), -1):
        if _POSTSCRIPT.match(blocks[index].text):
            return _postscript_from(blocks, index)
    if _unmarked_postscript(blocks):
        return _postscript_from(blocks, len(blocks) - 1)
    return []


def _postscript_from(blocks: list[RawBlock], index: int) -> list[Block]:
    taken = blocks[index:]
    del blocks[index:]
    return [
        block
        for raw in taken
        for block in (Block("postscript", b.text, b.line) for b in paragraphs_of(raw))
    ]


def _unmarked_postscript(blocks: list[RawBlock]) -> bool:
    """A paragraph after the signature with no "P.S.": "Adieu, mon amie. / Napoléon. / L'on peut ...".

    Only where a closing formula, then a name signed with its full stop, each a
    line of its own, stand right before the last block, and that block is prose.
    """
    if len(blocks) < 4 or _LANGUAGE.get() is None:
        return False  # the letters of other languages; English ones mark theirs "P.S."
    closing, signed, last = blocks[-3], blocks[-2], blocks[-1]
    return (
        len(closing.lines) == 1
        and is_valediction(closing.lines[0])
        and len(signed.lines) == 1
        and _SIGNED_NAME.match(normalise_space(signed.lines[0])) is not None
        and not is_date_line(last.text)
        and not all(is_signature_line(line) for line in last.lines)
        and len(last.text.split()) >= 8
    )


def is_valediction(line: str) -> bool:
    """A closing formula: short, and worded as letters close."""
    text = normalise_space(line)
    if len(text) > 80:
        return False
    words = _LANGUAGE.get()
    if words is not None:
        bare = re.sub(r"[<>\[\]]", "", text)
        bare = bare[:1].upper() + bare[1:]  # "unterthänigster" under "Ihrer Durchlaucht"
        if any(
            bare.rstrip(".,!") == v.rstrip(".") or bare.startswith((v + " ", v + ", ", v + "; "))
            for v in words.valedictions
        ):  # "Vale.", "Adieu!", "Adieu, mon amie; ..."
            return True
    return bool(_VALEDICTION_LINE.match(text))


def is_signature_line(line: str) -> bool:
    """Short, capitalised, not a sentence: a name or an office under a document."""
    # A point set off by a space, as some editions print a signature's: "Voltaire .".
    text = re.sub(r"\s+([.,])$", r"\1", normalise_space(line))
    if _SIGNED_PREFIX.match(text):
        return True
    words = text.split()
    return (
        (
            0 < len(words) <= 8
            and len(text) <= 70
            and text[0].isupper()
            and not text.endswith((".", "!", "?", ":", ";", ",", "]"))
            and (not _NUMBERED.match(text) or starts_with_initials(text))
            and sum(w[:1].isupper() or not w[:1].isalpha() for w in words) * 2 >= len(words)
        )
        or (is_upper_case(text) and len(words) <= 6 and text.endswith("."))
        or _SIGNED_NAME.match(text) is not None
    )


#: A name signed with a full stop ("Henry Laurens.", "G. Washington.", "Jno. Hancock.",
#: "J.-J. Rousseau.", with the initials of a hyphenated given name).
_SIGNED_NAME = re.compile(
    r"^(?:[A-Z][a-z]{0,3}\.(?:-[A-Z]\.)?\s?|[A-Z]\.\s?){0,3}"
    r"(?:(?:[A-Z][\w'’-]+|de|van|von|la|du)\s){0,3}[A-Z][\w'’-]+[.,]$"
)


#: Initials before a name ("V. Ulyanov (Lenin)", "I. Sverdlov"): not a list number.
_INITIALS_NAME = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z][a-z][\w'’-]*(?:\s+\([^)]*\))?$")


def starts_with_initials(text: str) -> bool:
    return bool(_INITIALS_NAME.match(text))


def paragraphs_of(raw: RawBlock) -> list[Block]:
    """Paragraph or numbered-item blocks of one raw block.

    Lines inside a block are soft wraps, unless several of them are indented:
    then each indented line starts a new paragraph (texts without blank lines).
    """
    starts = [i for i, line in enumerate(raw.lines) if _INDENT.match(line)]
    if len(starts) <= 1 or starts[0] != 0:
        starts = [0]
    if len(raw.lines) >= 2 and all(_is_name_line(line) for line in raw.lines):
        # A list of names, one per line (the signatures of a memorial): not soft wraps.
        starts = list(range(len(raw.lines)))
    bounds = [*starts, len(raw.lines)]
    blocks = []
    for begin, end in zip(bounds, bounds[1:]):
        text = normalise_space(" ".join(raw.lines[begin:end]))
        block = paragraph_block(text, raw.line + begin)
        inner = [(index, page) for index, page in raw.breaks if begin < index < end]
        if inner and text.endswith(block.text):
            # Where each break falls in the paragraph's text: after the space that joins
            # the line before it to the line it begins (less a numbered item's marker).
            shift = len(text) - len(block.text)
            offsets = tuple(
                (len(normalise_space(" ".join(raw.lines[begin:index]))) + 1 - shift, page)
                for index, page in inner
            )
            if all(offset > 0 for offset, _ in offsets):
                block = replace(block, page_breaks=offsets)
        blocks.append(block)
    return blocks


def _is_name_line(line: str) -> bool:
    text = normalise_space(line)
    words = text.split()
    return (
        0 < len(words) <= 5
        and all(word[:1].isupper() for word in words)
        and not text.endswith((",", ";", ":"))
        and len(text) <= 50
    )


def paragraph_block(text: str, line: int) -> Block:
    """A paragraph, or a numbered item when it opens with a number ("1 ." / "(a)")."""
    match = _NUMBERED.match(text)
    if match and not starts_with_initials(text):
        return Block(
            "item",
            text[match.end() :],
            line,
            number=match.group("n"),
            marker=match.group("marker"),
        )
    return Block("p", text, line)
