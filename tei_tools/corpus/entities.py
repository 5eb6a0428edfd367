"""How a register entry is shown in the site: full name, index form, life dates, role.

The registers list name *forms* ("Trotsky", "Leon Trotsky", "Lev Davidovich
Trotsky") and a note; an index and a card need one full name, an inverted
form to sort by ("Trotsky, Leon"), life dates in one style ("1879–1940",
with the full days on hover), a role, and for places the present-day name.
All of it is derived here, once, from :class:`~tei_tools.markup.registers.Entry`.

>>> from tei_tools.markup.registers import load_registry
>>> info = entity_info(load_registry().lookup("per:trotsky"))
>>> info.name, info.sort_name, info.life, info.life_full
('Leon Trotsky', 'Trotsky, Leon', '1879–1940', '7 November 1879 – 21 August 1940')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_tools.corpus.site_urls import viaf_url, wikidata_url
from tei_tools.export.dates import format_iso_date

#: Words in a note that mark the part about provenance, not the person's role.
_PROVENANCE = re.compile(
    r"\b(checked|Wikidata|Life dates|VIAF|GeoNames|seen in|Wikipedia|FRUS|stored cop\w*|"
    r"issue \d+|measured|moved (?:here|to))\b"
)
#: A parenthesis that cites where a fact comes from ("(FRUS 1918 Russia III, ...)").
_CITATION = re.compile(r"\s*\([^()]*\)")
_YEAR = re.compile(r"-?\d{4}")


@dataclass(frozen=True)
class EntityInfo:
    """What a card or index entry shows for one register entry."""

    ref: str
    name: str  # "Leon Trotsky"
    sort_name: str  # "Trotsky, Leon"
    life: str = ""  # "1879–1940"
    life_full: str = ""  # "7 November 1879 – 21 August 1940"
    role: str = ""
    wikidata: str | None = None  # a URL, already through site_href
    viaf: str | None = None
    #: Authorities the register names whose URL the URL policy refused (shown inert).
    refused: tuple[str, ...] = ()
    modern: str = ""  # a place's present-day name, when it differs
    #: Where the register's facts come from: shown only when the settings ask
    #: (``[site] show_register_sources``), as the notes are for editors.
    source: str = ""


def entity_info(entry, on: str | None = None, *, sources: bool = False) -> EntityInfo:
    """The display form of a register entry (see the module docstring).

    ``on`` (an ISO date: the document's, or the earliest naming the entry) picks
    a place's name of that time ("Königsberg" in 1900, "Kaliningrad" after 1946),
    with the present-day name beside it when that differs.  ``sources`` adds the
    entry's source note (for an editors' build).
    """
    label = entry.name_on(on) if entry.prefix == "pla" else entry.label
    name = full_name(entry.label, entry.names) if entry.prefix == "per" else label
    sort_name = inverted_name(entry.label, name) if entry.prefix == "per" else label
    modern = entry.modern if entry.modern and entry.modern != label else ""
    return EntityInfo(
        ref=entry.ref,
        name=name,
        sort_name=sort_name,
        life=life_span(entry.birth, entry.death),
        life_full=life_span_full(entry.birth, entry.death),
        role=role_of(entry.note),
        wikidata=wikidata_url(entry.wikidata),
        viaf=viaf_url(entry.viaf),
        refused=tuple(
            label
            for label, value, url in (
                ("Wikidata", entry.wikidata, wikidata_url(entry.wikidata)),
                ("VIAF", entry.viaf, viaf_url(entry.viaf)),
            )
            if value and url is None
        ),
        modern=modern,
        source=(entry.source or "") if sources else "",
    )


def unknown_info(ref: str) -> EntityInfo:
    """A pointer no register knows: shown under its id, so no mention is lost."""
    label = ref.partition(":")[2] or ref
    return EntityInfo(ref=ref, name=label, sort_name=label)


def full_name(label: str, forms: list[str]) -> str:
    """The first form that adds given names to the label ("Trotsky" → "Leon Trotsky").

    The registers list the usual form first and fuller forms after it; a
    form ending in the label's last word with more words is the full name.
    """
    words = label.split()
    for form in forms:
        parts = form.split()
        if len(parts) > len(words) and parts[-len(words) :] == words:
            return form
    return label


def inverted_name(label: str, name: str) -> str:
    """The index form: surname first ("Trotsky, Leon"); the label alone when no more is known."""
    if name == label or not name.endswith(label):
        return label
    given = name[: -len(label)].strip()
    return f"{label}, {given}" if given else label


def life_span(birth: str | None, death: str | None) -> str:
    """Life dates as years, one style for all entries: "1879–1940", "?–1917", "1876–?"."""
    if not birth and not death:
        return ""
    return f"{_year(birth) or '?'}–{_year(death) or '?'}"


def life_span_full(birth: str | None, death: str | None) -> str:
    """Life dates as days where known, for a title: "7 November 1879 – 21 August 1940"."""
    if not birth and not death:
        return ""
    first = format_iso_date(birth) if birth else "?"
    last = format_iso_date(death) if death else "?"
    return f"{first} – {last}"


def role_of(note: str | None) -> str:
    """The register note's first sentence, unless it is about where the data was checked.

    A parenthesis citing a source is left out: where a fact comes from is for editors.

    >>> role_of("Soviet power from November 8, 1917 (FRUS 1918 Russia III, List of Principal Persons).")
    'Soviet power from November 8, 1917'
    >>> role_of("Village named in a Degras text measured in issue 10.")
    ''
    """
    if not note:
        return ""
    note = _without_citations(note)
    first = re.split(r"(?<=[a-z0-9)]{2})\.\s+(?=[A-Z\"\u201c])", note, maxsplit=1)[0].rstrip(".")
    return "" if _PROVENANCE.search(first) else first.strip()


def _without_citations(text: str) -> str:
    """``text`` without the parentheses that cite a source, nested ones included."""
    # Innermost first; a kept parenthesis is masked so that the one around it is seen next.
    while True:
        found = _CITATION.sub(
            lambda m: "" if _PROVENANCE.search(m.group()) else m.group().translate(_MASK), text
        )
        if found == text:
            return found.translate(_UNMASK)
        text = found


_MASK = str.maketrans("()", "\x02\x03")
_UNMASK = str.maketrans("\x02\x03", "()")


def _year(value: str | None) -> str:
    found = _YEAR.match(value or "")
    return found.group().lstrip("0") or "0" if found else ""
