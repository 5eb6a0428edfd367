#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the fourth TUNING set (tune4). A copy of ../tune3/make_gold.py (same Gold
class, same conventions: see ../tune3/make_gold.py and ../tune/README.md); only the documents differ.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).parent


def jdn_julian(y, m, d):
    a = (14 - m) // 12
    y2, m2 = y + 4800 - a, m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - 32083


def gregorian_from_jdn(j):
    a = j + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def julian_to_gregorian(iso):
    y, m, d = map(int, iso.split("-"))
    g = gregorian_from_jdn(jdn_julian(y, m, d))
    try:
        from convertdate import julian  # optional cross-check

        assert julian.to_gregorian(y, m, d) == g, (iso, g)
    except ImportError:
        pass
    return "{:04d}-{:02d}-{:02d}".format(*g)


class Gold:
    def __init__(self, name):
        self.src = HERE / name
        raw = self.src.read_text(encoding="utf-8").replace("\u00a0", " ")
        self.text = re.sub(r"\s+", " ", raw).strip()
        self.spans = []

    def occ(self, s):
        return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", self.text)]

    def _inside(self, t, a, b):
        """Whether [a, b) lies within a non-optional span of type t already listed."""
        return any(
            g["type"] == t
            and not g.get("optional")
            and g["start"] <= a
            and b <= g["end"]
            and (g["start"], g["end"]) != (a, b)
            for g in self.spans
        )

    def add(self, t, s, keep=lambda a: True, n=None, **kw):
        """Every occurrence of s (not already inside a longer span of type t) as a span of type t.
        n, when given, asserts how many occurrences were marked."""
        found = [a for a in self.occ(s) if keep(a) and not self._inside(t, a, a + len(s))]
        assert found, (self.src.name, s)
        assert n is None or len(found) == n, (self.src.name, s, len(found), n)
        for a in found:
            self.spans.append({"type": t, "start": a, "end": a + len(s), "text": s, **kw})

    def pers(self, s, core=None, **kw):
        """A person; with core, s is "Title Name" and the bare name is also accepted."""
        if core is None:
            self.add("persName", s, **kw)
        else:
            assert core in s, (s, core)
            self.add("persName", s, loose=True, core=core, **kw)

    def org(self, s, **kw):
        self.add("orgName", s, **kw)

    def town(self, *names, **kw):
        for s in names:
            self.add("placeName", s, **kw)

    def place(self, *names, **kw):
        """States and countries: placeName scored, orgName accepted."""
        for s in names:
            self.add("placeName", s, **kw)
            self.optional(s, ("orgName",))

    def date(self, s, iso, julian=False, dual=False, **kw):
        """iso is the date as written (Old Style year begun on 1 January); julian=True converts it."""
        if julian:
            kw.update(when=julian_to_gregorian(iso), calendar="julian", julian_iso=iso)
        elif dual:
            # "May 1/11": each half is a date, as in the shared FRUS gold ("both halves of a
            # dual date are listed"): "May 1" Old Style, "11" its New Style day.
            old, _, new = s.partition("/")
            for a in self.occ(s):
                self.spans.append(
                    {
                        "type": "date",
                        "start": a,
                        "end": a + len(old),
                        "text": old,
                        "when": dual,
                        "calendar": "julian",
                        "julian_iso": iso,
                        **kw,
                    }
                )
                b = a + len(old) + 1
                self.spans.append(
                    {
                        "type": "date",
                        "start": b,
                        "end": b + len(new),
                        "text": new,
                        "when": dual,
                        **kw,
                    }
                )
            return
        else:
            kw.update(when=iso)
        self.add("date", s, **kw)

    def optional(self, s, types=("orgName", "persName", "placeName"), keep=lambda a: True):
        assert self.occ(s), (self.src.name, s)
        for a in self.occ(s):
            if not keep(a):
                continue
            for t in types:
                if not any(
                    g["start"] == a and g["end"] == a + len(s) and g["type"] == t
                    for g in self.spans
                ):
                    self.spans.append(
                        {"type": t, "start": a, "end": a + len(s), "text": s, "optional": True}
                    )

    def write(self):
        self.spans.sort(key=lambda g: (g["start"], g["type"], g["end"]))
        for g in self.spans:
            assert self.text[g["start"] : g["end"]] == g["text"], g
        out = self.src.with_name(self.src.name.replace(".txt", ".gold.json"))
        out.write_text(
            json.dumps(
                {"source": self.src.name, "text": self.text, "spans": self.spans},
                indent=1,
                ensure_ascii=False,
            )
            + "\n"
        )
        n = {}
        for g in self.spans:
            if not g.get("optional"):
                n[g["type"]] = n.get(g["type"], 0) + 1
        print(self.src.name, n)
        return n


TOTAL = {}


def done(g):
    for k, v in g.write().items():
        TOTAL[k] = TOTAL.get(k, 0) + v


# ---------------------------------------------------------------- Hansard (House of Commons, 1831 and 1836)

g = Gold("hansard_1831-07-08_canadian-revenue-bill.txt")
g.date("8 July 1831", "1831-07-08")
g.date("08 July 1831", "1831-07-08")
g.org("House of Commons")
g.optional("HC", ("orgName",))
g.pers("Lord Howick", "Howick", n=2)
g.pers("Mr. Goulburn", "Goulburn", n=2)
g.pers("Mr. Labouchere", "Labouchere")
g.optional("the noble Lord", ("persName",))
g.optional("his Majesty", ("persName",))
g.optional("House", ("orgName",))
g.optional("Committee", ("orgName",))
g.optional("Colonial Legislature", ("orgName",))
g.optional("Government", ("orgName",))
g.org("Legislature of Lower Canada")
g.org("House of Assembly")
g.town("Lower Canada", n=2)
g.place("Canada")
done(g)

g = Gold("hansard_1836-08-15_borough-justices-bill.txt")
g.date("15 August 1836", "1836-08-15", n=2)
g.org("House of Commons")
g.optional("HC", ("orgName",))
g.optional("The Solicitor-General", ("persName",))
g.pers("Earl of Lincoln", n=2)
g.optional("Lincoln", ("placeName",))
g.optional("The Speaker", ("persName",))
g.pers("Mr. Charles Ross", "Charles Ross")
g.optional("House", ("orgName",))
g.optional("Saturday", ("date",))
done(g)

# ---------------------------------------------------------------- Cook's journal of the Endeavour (1769-70)

g = Gold("cook_1769-11-05_cook-bay.txt")
g.date("5 November 1769", "1769-11-05")
g.date("Sunday, 5th, November 1769", "1769-11-05", optional=True)
g.date("5th, November 1769", "1769-11-05")
g.pers("Captain Cook", "Cook")
done(g)

g = Gold("cook_1770-07-17_endeavour-river.txt")
g.date("17 and 18 July 1770", "1770-07-17", optional=True)
g.date("17th - 18th July 1770", "1770-07-17", optional=True)
g.optional("18 July 1770", ("date",))
g.optional("17", ("date",), keep=lambda a: a < 40)
g.optional("18th July 1770", ("date",))
g.pers("Captain Cook", "Cook")
g.town("Endeavour River")
g.optional("Jupiter", ("placeName", "persName"))
g.town("Greenwich", n=2)
g.pers("Mr Banks", "Banks", n=2)
g.pers("Dr Solander", "Solander")
g.date("17th.", "1770-07-17", optional=True)
g.date("18th.", "1770-07-18", optional=True)
g.date("the 29th of last Month", "1770-06-29", optional=True)
done(g)

# ---------------------------------------------------------------- Calendar of State Papers Colonial (1686, Old Style)

g = Gold("csp-colonial_1686-11-01_minutes-of-councils.txt")
g.optional("November 1686", ("date",))
g.date("Nov. 1", "1686-11-01", julian=True)
g.date("Nov. 2", "1686-11-02", julian=True, n=3)
g.optional("25 March", ("date",))
g.optional("October 6", ("date",))
g.optional("from 25 March to October 6", ("date",))  # one range (year from the context)
g.place("America")
g.town("West Indies")
g.org("Council of New York")
g.town("New York")
g.optional("the King", ("persName",))
g.pers("Mr. Santen", "Santen", n=2)
g.pers("James Lorkan")
g.pers("Captain Palmer", "Palmer")
g.town("Pemaquid")
g.optional("Col. Entry Bk.", ("orgName",))
g.org("Lords Proprietors of Carolina")
g.place("Carolina")
g.pers("Maurice Matthews")
g.pers("Craven")
g.pers("Albemarle")
g.pers("P. Colleton")
g.pers("Tho. Amy")
g.org("Council of Barbados")
g.place("Barbados")
g.optional("Lieutenant-Governor", ("persName",))
g.optional("Council", ("orgName",))
g.pers("Count de Blenac", "Blenac")
g.pers("Captain Temple", "Temple", n=3)
g.town("St. Lucia", n=2)
g.optional("Francis", ("persName", "placeName", "orgName"))
g.org("Assembly of Virginia")
g.place("Virginia")
g.optional("Governor", ("persName",))
g.optional("Colony", ("orgName", "placeName"))
g.pers("Colonel Fitzhugh", "Fitzhugh")
g.town("Stafford County")
done(g)

# ---------------------------------------------------------------- Washington (1788)

g = Gold("washington_1788-09-23_mount-vernon.txt")
g.pers("George Washington")
g.date("23 September 1788", "1788-09-23")
g.town("Mount Vernon")
g.date("September 23, 1788", "1788-09-23")
g.date("the 24th of last Month", "1788-08-24", optional=True)
g.date("the 14th instant", "1788-09-14", optional=True)
g.date("14th instant", "1788-09-14", optional=True)
g.org("Congress", n=2)
g.town("Philadelphia")
g.optional("Minority", ("orgName",))
g.optional("Junto", ("orgName",))
g.optional("New government", ("orgName",))
done(g)

print("total (non-optional):", TOTAL)
