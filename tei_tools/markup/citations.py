"""Source lines ("Trotsky, iii, 2, p. 183") as structured TEI ``bibl`` elements.

A source line names a source by a short title and then locates the document in
it: a volume (often a Roman numeral), a part, pages, an issue number, or, for
a newspaper, the date of the issue.  :func:`parse_citation` turns the line into
``<bibl type="source">`` whose text is exactly the line, with the short title
in a ``title`` pointing at the bibliography register (``bib:`` pointers) and
each locator in a ``biblScope`` or ``date``.  Nothing of the line is dropped or
rewritten: punctuation stays as text between the elements, and a part that is
not understood stays plain text.

Unlabelled numbers are read by position, as such source lines are written: the
first Roman or Arabic number is the volume, the next one the part
("Trotsky, iii, 2" is volume 3, part 2).  Abbreviated page ranges are expanded
as printed ("pp. 64-6" is 64 to 66; "pp. 183-4" is 183 to 184).  Several
sources in one line, separated by semicolons, each become a ``bibl`` inside
the outer one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from lxml import etree

from tei_tools.markup.dates import find_dates
from tei_tools.xml import TEI_NS, XML_NS, parse_xml_bytes, parse_xml_file

__all__ = ["BiblRegister", "CitationParse", "load_bibl_register", "parse_citation"]

BUILTIN_REGISTER = "bibl.xml"
POINTER_PREFIX = "bib"


@dataclass(frozen=True)
class CitationParse:
    """A parsed source line: the ``bibl`` element, whether its title is known, any problem."""

    element: etree._Element
    known: bool
    problem: str | None = None


@dataclass
class BiblRegister:
    """The short titles of a bibliography register, for finding them at the start of a line.

    A form is looked up case-insensitively; a form shared by two entries (the
    main title "Sochineniya" of several collected works) names neither and is
    not used.
    """

    forms: dict[str, str] = field(default_factory=dict)  # casefolded form -> xml:id
    _ambiguous: set[str] = field(default_factory=set)

    def add(self, form: str, xml_id: str, *, replace: bool = False) -> None:
        """Register one title form for an entry."""
        key = _normal(form)
        if not key or (key in self._ambiguous and not replace):
            return
        owner = self.forms.get(key)
        if owner in (None, xml_id) or replace:
            self.forms[key] = xml_id
            self._ambiguous.discard(key)
        else:
            self._ambiguous.add(key)
            del self.forms[key]

    def drop_entry(self, xml_id: str) -> None:
        """Forget every form of an entry (a user file is replacing it)."""
        for key in [key for key, owner in self.forms.items() if owner == xml_id]:
            del self.forms[key]

    def match_prefix(self, text: str) -> tuple[int, str] | None:
        """The longest registered title that begins ``text``: (its length, entry id).

        >>> load_bibl_register().match_prefix("Kluchnikov & Sabanin, ii, p. 91")
        (20, 'kluchnikov-sabanin')
        """
        best: tuple[int, str] | None = None
        for end in _title_ends(text):
            xml_id = self.forms.get(_normal(text[:end]))
            if xml_id is not None:
                best = (end, xml_id)
        return best


def _normal(form: str) -> str:
    return " ".join(form.split()).casefold()


TITLE_END = re.compile(r"(?=[,;:(\[]|\s|$)")


def _title_ends(text: str) -> Iterable[int]:
    """Candidate ends of a title at the start of ``text``: before each delimiter."""
    for m in TITLE_END.finditer(text):
        if m.start() > 0 and not text[m.start() - 1].isspace():
            yield m.start()


def read_bibl_entries(tree: etree._ElementTree) -> Iterable[tuple[str, list[str]]]:
    """(xml:id, title forms) of each ``bibl``/``biblStruct`` entry of a register document.

    The forms are the short titles and abbreviations first, then the main titles.
    """
    for entry in tree.getroot().iter(f"{{{TEI_NS}}}bibl", f"{{{TEI_NS}}}biblStruct"):
        xml_id = entry.get(f"{{{XML_NS}}}id")
        if not xml_id:
            continue
        short, main = [], []
        for element in entry.iter(f"{{{TEI_NS}}}title", f"{{{TEI_NS}}}abbr"):
            text = " ".join("".join(element.itertext()).split())
            kind = element.get("type")
            if element.tag == f"{{{TEI_NS}}}abbr" or kind == "short":
                short.append(text)
            elif kind in (None, "main"):
                main.append(text)
        yield xml_id, short + main


def load_bibl_register(paths: list[Path] | None = None) -> BiblRegister:
    """The built-in bibliography register plus the user's register files.

    An entry in a user file replaces the built-in entry with the same ``xml:id``.
    Files without any ``bibl`` entries (a user's list of persons) add nothing.
    """
    register = BiblRegister()
    resource = resources.files("tei_tools") / "data" / "registers" / BUILTIN_REGISTER
    builtin = parse_xml_bytes(
        resource.read_bytes(), source=f"tei_tools/data/registers/{BUILTIN_REGISTER}"
    )
    trees = [(builtin, False)] + [(parse_xml_file(path), True) for path in paths or ()]
    for tree, replaces in trees:
        for xml_id, forms in read_bibl_entries(tree):
            if replaces:
                register.drop_entry(xml_id)
            for form in forms:
                register.add(form, xml_id, replace=replaces)
    return register


# --- locators ---------------------------------------------------------------------------

ROMAN = r"(?:[ivxlc]+|[IVXLC]+)"
NUMBER = rf"(?:\d{{1,3}}|{ROMAN})"
LOCATOR = re.compile(
    rf"""
    (?P<page>(?:pp?\.|Pp?\.|pages?|Pages?)\s*(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?
        (?P<open>\s*(?:ff?\.|et\ seq\.))?)
    |(?P<pages>(?P<pages_first>\d+)\s*[-–]\s*(?P<pages_last>\d+)(?P<pages_open>\s*(?:ff?\.|et\ seq\.))?)
    |(?P<volume>(?:[Vv]ol(?:ume)?s?\.?|[Tt]\.)\s*(?P<volume_n>{NUMBER}))
    |(?P<part>(?:[Pp]t\.|[Pp]art)\s*(?P<part_n>{NUMBER}))
    |(?P<issue>(?:[Nn]os?\.|№)\s*(?P<issue_n>\d+))
    |(?P<entry>(?:[Aa]rt\.|[Aa]rticle)\s*(?P<entry_n>\d+))
    |(?P<column>(?:[Cc]ols?\.|[Cc]olumn)\s*(?P<column_n>\d+))
    |(?P<chapter>(?:[Cc]hap\.|[Cc]h\.|[Cc]hapter)\s*(?P<chapter_n>{NUMBER}))
    |(?P<year>1[5-9]\d\d|20\d\d)
    |(?P<bare>{NUMBER})
    """,
    re.VERBOSE,
)
#: "Ibid." (the same source as the one before) where a short title would stand.
IBID = re.compile(r"(?:[Ii]bid(?:em)?\.?|[Ii]b\.)(?=[\s,;]|$)")
#: Locators written with a label, each a ``biblScope/@unit`` (TEI's suggested values;
#: an article of a law collection is an ``entry``).
LABELLED_UNITS = ("volume", "part", "issue", "entry", "column", "chapter")
#: A locator is a whole comma-separated piece: this is what may follow it.
PIECE_END = re.compile(r"\s*(?:[,;(\[]|\.?\s*$)")
PIECE_GAP = re.compile(r"[\s,;]*")


def roman_to_int(numeral: str) -> int | None:
    """The value of a canonical Roman numeral, or ``None`` ("iiii" and "ic" are not).

    >>> roman_to_int("iii"), roman_to_int("XIV"), roman_to_int("iiii")
    (3, 14, None)
    """
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    text = numeral.lower()
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for ch, following in zip(text, text[1:] + " ", strict=True):
        value = values[ch]
        total += -value if following != " " and values[following] > value else value
    return total if _to_roman(total) == text else None


def _to_roman(number: int) -> str:
    parts = []
    for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                           (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def _number_value(token: str) -> int | None:
    return int(token) if token.isdigit() else roman_to_int(token)


def expand_page_range(first: str, last: str) -> int:
    """The last page of a range written with its shared leading digits left out.

    >>> expand_page_range("64", "6"), expand_page_range("183", "84"), expand_page_range("98", "102")
    (66, 184, 102)
    """
    if len(last) >= len(first):
        return int(last)
    return int(first[: len(first) - len(last)] + last)


# --- building the element ----------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """One element to place in the line: its span, tag and attributes."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(hash=False)


def _tei(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    return etree.Element(f"{{{TEI_NS}}}{tag}", attrs or {}, nsmap={None: TEI_NS})


def _fill(parent: etree._Element, text: str, pieces: list[_Piece], start: int, end: int) -> None:
    """Append ``text[start:end]`` to ``parent``, wrapping each piece in its element."""
    position = start
    last: etree._Element | None = None
    for piece in sorted(pieces, key=lambda p: p.start):
        _append_text(parent, last, text[position : piece.start])
        child = etree.SubElement(parent, f"{{{TEI_NS}}}{piece.tag}", piece.attrs)
        child.text = text[piece.start : piece.end]
        last, position = child, piece.end
    _append_text(parent, last, text[position:end])


def _append_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


class _SegmentReader:
    """Reads one source (title and locators) of a line into pieces."""

    def __init__(
        self,
        line: str,
        register: BiblRegister,
        document_date: dt.date | None,
        default_calendar: str = "gregorian",
        previous_ref: str | None = None,
    ):
        self.line = line
        self.last_ref = previous_ref
        self.register = register
        self.document_date = document_date
        self.default_calendar = default_calendar
        self.problems: list[str] = []
        self.known = True

    def read(self, start: int, end: int) -> list[_Piece]:
        segment = self.line[start:end]
        lead = len(segment) - len(segment.lstrip())
        pieces, body_start = self._title(start + lead, end)
        pieces += self._dates(body_start, end)
        pieces += self._locators(body_start, end, taken=pieces)
        return pieces

    def _title(self, start: int, end: int) -> tuple[list[_Piece], int]:
        text = self.line[start:end]
        ibid = IBID.match(text)
        if ibid is not None:
            return self._ibid(start, start + ibid.end())
        found = self.register.match_prefix(text)
        if found is not None:
            length, xml_id = found
            self.last_ref = f"{POINTER_PREFIX}:{xml_id}"
            attrs = {"type": "short", "ref": self.last_ref}
            return [_Piece(start, start + length, "title", attrs)], start + length
        self.known = False
        title_end = text.find(",")
        title = text[:title_end] if title_end > 0 else text.rstrip(" .;")
        if not title.strip() or LOCATOR.fullmatch(title.strip()):
            self.problems.append(f"no short title in source line {self.line!r}")
            return [], start
        self.problems.append(f"short title {title.strip()!r} is not in the bibliography register")
        return [
            _Piece(start, start + len(title.rstrip()), "title", {"type": "short"})
        ], start + len(title)

    def _ibid(self, start: int, end: int) -> tuple[list[_Piece], int]:
        """ "Ibid." points where the source before it points, if this reader has seen it."""
        attrs = {"type": "short"}
        if self.last_ref is None:
            self.known = False
            self.problems.append(f"{self.line[start:end]!r} without a preceding source to refer to")
        else:
            attrs["ref"] = self.last_ref
        return [_Piece(start, end, "title", attrs)], end

    def _dates(self, start: int, end: int) -> list[_Piece]:
        pieces = []
        for match in find_dates(
            self.line[start:end],
            document_date=self.document_date,
            default_calendar=self.default_calendar,
        ):
            if match.problem:
                self.problems.append(match.problem)
            pieces.append(_Piece(start + match.start, start + match.end, "date", match.attrs))
        return pieces

    def _locators(self, start: int, end: int, taken: list[_Piece]) -> list[_Piece]:
        pieces: list[_Piece] = []
        volume = part = pages = False
        for piece_start in self._piece_starts(start, end):
            if any(p.start <= piece_start < p.end for p in taken):
                continue
            m = LOCATOR.match(self.line, piece_start, end)
            if m is None or not PIECE_END.match(self.line, m.end(), end):
                continue
            found = self._scope(m, volume=volume, part=part, pages=pages)
            if found is None:
                continue
            tag, attrs = found
            volume = volume or attrs.get("unit") == "volume"
            part = part or attrs.get("unit") == "part"
            pages = pages or attrs.get("unit") == "page"
            pieces.append(_Piece(m.start(), m.end(), tag, attrs))
        return pieces

    def _piece_starts(self, start: int, end: int) -> Iterable[int]:
        """Where each comma-separated piece after the title begins (after its spaces)."""
        position = start
        while position < end:
            position = PIECE_GAP.match(self.line, position, end).end()  # type: ignore[union-attr]
            if position >= end:
                return
            yield position
            comma = self.line.find(",", position, end)
            if comma < 0:
                return
            position = comma + 1

    def _scope(
        self, m: re.Match[str], *, volume: bool, part: bool, pages: bool = False
    ) -> tuple[str, dict[str, str]] | None:
        """The element for one locator: a ``biblScope``, or a ``date`` for a bare year.

        After "pp." every further number is a page ("pp. 183, 190"); a range of
        numbers without "p." after the volume is pages too ("Lenin, xxii, 8-9");
        "ff." leaves the range open ("pp. 183 ff.": from 183, no end).
        """
        if m.group("page") or m.group("pages"):
            prefix = "" if m.group("page") else "pages_"
            first = m.group(f"{prefix}first")
            last = m.group(f"{prefix}last") or first
            if m.group(f"{prefix}open"):
                return "biblScope", {"unit": "page", "from": str(int(first))}
            to = expand_page_range(first, last)
            if to < int(first):
                self.problems.append(f"page range {m.group()!r} runs backwards")
                return "biblScope", {"unit": "page"}
            return "biblScope", {"unit": "page", "from": str(int(first)), "to": str(to)}
        if m.group("year"):
            return "date", {"when": m.group("year")}
        for unit in LABELLED_UNITS:
            if m.group(unit):
                value = _number_value(m.group(f"{unit}_n"))
                return "biblScope", {"unit": unit, "n": str(value)} if value else {"unit": unit}
        value = _number_value(m.group("bare"))
        if pages and m.group("bare").isdigit():
            return "biblScope", {"unit": "page", "from": m.group("bare"), "to": m.group("bare")}
        if value is None or part:
            return None
        return "biblScope", {"unit": "part" if volume else "volume", "n": str(value)}


def parse_citation(
    line: str,
    *,
    bibl_register: BiblRegister | None = None,
    document_date: dt.date | None = None,
    default_calendar: str = "gregorian",
    previous_ref: str | None = None,
) -> CitationParse:
    """A source line as ``<bibl type="source">``, its text content exactly ``line``.

    ``document_date`` supplies the year of a newspaper date written without one;
    ``default_calendar`` is the calendar such dates are read in (see :mod:`.dates`);
    ``previous_ref`` is the pointer of the source line before this one, which an
    "Ibid." refers to (within one line, "Ibid." refers to the source before it).

    >>> parsed = parse_citation("Trotsky, iii, 2, p. 183")
    >>> [(child.tag.split("}")[1], dict(child.attrib)) for child in parsed.element]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('title', {'type': 'short', 'ref': 'bib:trotsky-sochineniya'}),
     ('biblScope', {'unit': 'volume', 'n': '3'}), ('biblScope', {'unit': 'part', 'n': '2'}),
     ('biblScope', {'unit': 'page', 'from': '183', 'to': '183'})]
    """
    register = bibl_register if bibl_register is not None else load_bibl_register()
    reader = _SegmentReader(line, register, document_date, default_calendar, previous_ref)
    bibl = _tei("bibl", {"type": "source"})
    segments = _segments(line)
    if len(segments) == 1:
        _fill(bibl, line, reader.read(0, len(line)), 0, len(line))
    else:
        pieces = []
        for start, end in segments:
            inner = _tei("bibl")
            _fill(inner, line, reader.read(start, end), start, end)
            pieces.append((start, end, inner))
        _fill_children(bibl, line, pieces)
    problem = "; ".join(dict.fromkeys(reader.problems)) or None
    return CitationParse(bibl, reader.known, problem)


def _segments(line: str) -> list[tuple[int, int]]:
    """The sources of a line, split at semicolons (the separators stay outside)."""
    segments, start = [], 0
    for m in re.finditer(r";\s*", line):
        segments.append((start, m.start()))
        start = m.end()
    segments.append((start, len(line)))
    return [(s, e) for s, e in segments if line[s:e].strip()] or [(0, len(line))]


def _fill_children(
    parent: etree._Element, line: str, children: list[tuple[int, int, etree._Element]]
) -> None:
    position = 0
    last: etree._Element | None = None
    for start, end, child in children:
        _append_text(parent, last, line[position:start])
        parent.append(child)
        last, position = child, end
    _append_text(parent, last, line[position:])
