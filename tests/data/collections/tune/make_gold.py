#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the TUNING set: hand-judged spans over the whitespace-normalised text.

Format and conventions as /work/shared/corpus-dev/make_gold.py and ../../../../../shared/seeds/*.gold.json, with the
choices spelled out in README.md here:

- persName: every named person, signatures included. "Title Name" ("Sir Henry Cholmely", "Mr. Wilson", "Lord
  Wynford") is one span with loose=True and core=<name without the title>. A possessive 's is outside. Offices and
  titles standing alone ("the King", "The President", "the Lord Chancellor") are optional. Peerages ("Earl of
  Manchester") are persName, without the article.
- orgName: named bodies, without the article ("House of Commons", "Senate", "State Department"). Generic, collective
  or archival labels ("H.O.", "the House", "Petitioners") are optional.
- placeName: towns, countries, regions, forests, streets. Countries and states go through place(), which also
  accepts an orgName reading (optional). Places inside a peerage title ("Earl of Manchester") are optional.
- date: `when` is Gregorian. A date written Old Style (England before 1752) has calendar="julian", when=<Gregorian
  equivalent>, julian_iso=<as written, with the year begun on 1 January>. A slash date ("May 1/11") is ONE span,
  when=<the Gregorian day>, julian_iso=<the Julian day>, no calendar attribute. A date without a year takes the
  document's year. A month alone or a heading "May 1692" (month of an Old Style calendar) is optional.

Run with any python3; if `convertdate` is importable (e.g. /tmp/gold-venv/bin/python) every Julian conversion is
also checked against it.
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


# ---------------------------------------------------------------- Cromwell (17th century, Old Style)

g = Gold("cromwell_1645-01-27_sequestrators-of-ely.txt")
g.pers("Oliver Cromwell")
g.pers("OLIVER CROMWELL")
g.town("Isle of Ely", n=2)
g.optional(
    "Sequestrators of the Isle of Ely", ("orgName",)
)  # a local committee, not quite a named body
g.optional("Sequestrators", ("orgName", "persName"))
g.town("London")
g.date(
    "January 17, 1644[-5]", "1645-01-17", julian=True
)  # Old Style year 1644, i.e. 1645 from 1 January
g.optional("January 17, 1644", ("date",))  # the date without the editor's bracketed year
g.pers("Dr. Wells", "Wells")
g.pers("Mr. William Sedgwick", "William Sedgwick")
g.pers("Earl of Manchester")
g.optional("Manchester", ("placeName",))
done(g)

g = Gold("cromwell_1645-06-24_naseby.txt")
g.pers("Oliver Cromwell")
g.pers("William Lenthall")
g.org("House of Commons")
g.optional("Speaker of the House of Commons", ("persName", "orgName"))
g.optional("Speaker", ("persName",))
g.date("June 14, 1645", "1645-06-14", julian=True)  # the title's date; England, Old Style
g.optional("Kinge", ("persName",))
g.optional("the Kinge", ("persName",))
g.town("Daventree")
g.town("Haverbrowe", n=2)
g.town("Leicester")
g.optional("The Generall", ("persName",))  # Fairfax, by his office only
g.optional("Generall", ("persName",))
g.optional("Armies", ("orgName",))
g.pers("OLIVER CROMWELL")
done(g)

g = Gold("cromwell_1648-08-30_committee-at-york.txt")
g.pers("Oliver Cromwell")
g.org("Committee at York")
g.org("COMMITTEE AT YORK")
g.town("York")
g.town("YORK")
g.optional("HONOURABLE THE COMMITTEE AT YORK", ("orgName",))
g.town("Warrington", n=2)
g.date("20th Aug. 1648", "1648-08-20", julian=True)
g.optional("the Duke", ("persName",))  # Hamilton, by his title only
g.optional("Duke", ("persName",), keep=lambda a: not g.text.startswith("Duke Hamilton", a))
g.town("Delamere Forest")
g.optional("Country Forces", ("orgName",))
g.pers("Sir Henry Cholmely", "Henry Cholmely")
g.pers("Sir Edward Rhodes", "Edward Rhodes")
g.pers("Colonel Hatcher", "Hatcher")
g.pers("Colonel White", "White")
g.town("Preston")
g.town("Winwick Pass")
g.place("England")
g.pers("OLIVER CROMWELL")
g.place("Scotland")
g.optional("Nobility of Scotland", ("orgName",))
g.pers("Duke Hamilton", "Hamilton")
done(g)

# ---------------------------------------------------------------- Calendar of State Papers Domestic (Old Style)

g = Gold("cspd_1692-05-11_warrants-and-van-almonde.txt")
g.optional("Calendar of State Papers Domestic", ("orgName",))
for s in ("William", "Mary"):
    g.optional(s, ("persName",), keep=lambda a: a < 60)  # the reign in the title
g.optional("William and Mary", ("persName",))
g.date("1 May 1692", "1692-05-01", julian=True)
g.date(
    "May 1692", "1692-05", keep=lambda a: a > 60, optional=True, calendar="julian"
)  # month heading
g.date("May 1", "1692-05-01", julian=True, n=4, keep=lambda a: g.text[a + 5] != "/" and a > 60)
g.date("May 1/11", "1692-05-01", dual="1692-05-11", n=2)
g.town("Whitehall", n=3)
g.pers("Sir Henry Goodrick", "Henry Goodrick")
g.town("Chelsea")
g.town("Windsor Castle")
g.optional("Chelsey College", ("orgName", "placeName"))
g.optional("H.O.", ("orgName",))
g.optional("S.P. Dom.", ("orgName",))
g.pers("Capt. Hamden Coy", "Hamden Coy")
g.pers("Hamden Coy")
g.pers("Sir William Russell", "William Russell")
g.pers("Col. John Coy", "John Coy", n=2)
g.pers("Francis Mainge")
g.pers("Captain George Fletcher", "George Fletcher")
g.pers("Thomas Ovington")
g.pers("Sir Thomas Levingston", "Thomas Levingston")
g.pers("Lieut.Colonel Hill", "Hill")
g.town("Edinburgh")
g.pers("Jonathan Fisher")
g.town("Harwich")
g.place("Holland")
g.place("Hanover", n=2)  # the dateline and "Elector of Hanover"
g.pers("George Louis")
g.optional("George Louis, Elector of Hanover", ("persName",))
g.optional("Elector of Hanover", ("persName",))
g.optional("the King", ("persName",))
g.optional("King", ("persName",), keep=lambda a: not g.text.startswith("King William", a))
g.pers("Baron Geuritz", "Geuritz")
g.optional("the Baron Geuritz", ("persName",))
g.optional("King William", ("persName",))  # inside the archival reference "King William's Chest"
g.optional("the Downs", ("placeName",))
g.optional("Downs", ("placeName",))
g.pers("Admiral Van Almonde", "Van Almonde")
g.pers("Lord Nottingham", "Nottingham")
g.optional("her Majesty", ("persName",))
g.pers("Sir Ralph Delaval", "Ralph Delaval")
g.pers("Delaval")
g.town("South Foreland")
done(g)

g = Gold("cspd_1690-12-11_nottingham-to-ginckle.txt")
for s in ("William", "Mary"):
    g.optional(s, ("persName",), keep=lambda a: a < 60)
g.optional("William and Mary", ("persName",))
g.optional("Calendar of State Papers Domestic", ("orgName",))
g.date("1 December 1690", "1690-12-01", julian=True)
g.date("December 1690", "1690-12", keep=lambda a: a > 60, optional=True, calendar="julian")
g.date("Dec. 1", "1690-12-01", julian=True, n=3)
g.town("Whitehall", n=3)
g.pers("Earl of Nottingham")
g.optional("Nottingham", ("placeName",))
g.pers("Lieutenant-General Ginckle", "Ginckle")
g.pers("Mr. Edward Vaughan", "Edward Vaughan")
g.pers("Capt. John Lloyd", "John Lloyd", n=2)
g.pers("Capt. Lloyd", "Lloyd", n=2)
g.pers("Col. Villiers", "Villiers")
g.pers("William Hanmer")
g.optional("Paymaster", ("persName",))
g.optional("his Majesty", ("persName",))
g.optional("H.O.", ("orgName",))
g.optional("S.P. Dom.", ("orgName",))
g.pers("Isaac Foxcroft")
g.town("Southampton")
g.pers("James Banfield")
g.town("Aylesbury")
g.optional("Aylesbury assizes", ("orgName",))
g.pers("Robert Crouch")
g.optional("Norfolk", ("placeName",))  # "the Norfolk circuit"
g.optional("Norfolk circuit", ("orgName", "placeName"))
done(g)

# ---------------------------------------------------------------- Franklin Papers (18th century)

g = Gold("franklin_1748-02-07_to-colden.txt")
g.pers("Benjamin Franklin")
g.pers("Cadwallader Colden")
g.town("Philada.")
g.date("Jany. 27. 1747[/48]", "1748-01-27", julian=True)  # Pennsylvania, Old Style: 1747/8
g.optional("Jany. 27. 1747", ("date",))
g.optional("Proprietors", ("persName", "orgName"))  # the Penns, by their office
g.town("London", n=2)
g.optional("Government", ("orgName",))
g.town("New York")
g.pers("Mr. Read", "Read")
g.pers("Osborne")
g.town("Europe")
done(g)

g = Gold("franklin_1765-02-21_peter-franklin.txt")
g.pers("Peter Franklin", n=2)  # title and signature
g.pers("Benjamin Franklin")
g.town("Philada.")
g.date("Feb. 21st 1765", "1765-02-21")
g.date("Jany.", "1765-01", optional=True)  # a month alone
g.pers("Salley", n=2)
g.town("Falmouth", n=2)
g.town("London")
g.pers("Mr. Foxcroft", "Foxcroft")
g.town("Philadelphia")
g.place("England")
g.pers("Ephe Frann Brown")
g.pers("Ephe F Brown")
g.pers("Ephe")  # "Let Ephe Leave us"
g.optional("Mr. Parkers", ("persName",))  # possessive without apostrophe: doubtful, so optional
g.optional("Parkers", ("persName",))
g.pers("Mr. Parker", "Parker")  # "Write to Mr. Parker"
g.pers("Cousen Benja Mecom", "Benja Mecom")
g.pers("Cousen Billey", "Billey")
g.optional("PF", ("persName",))  # initials after the postscript
g.pers("Binjin Franklin")
g.optional("Binjin Franklin Esqr", ("persName",))
g.pers("Bro Peter F.", "Peter F.")
done(g)

g = Gold("franklin_1768-11-10_philadelphia-merchants.txt")
g.optional("Philadelphia Merchants", ("orgName",))
g.optional("The Philadelphia Merchants", ("orgName",))
g.town("Philadelphia", n=2)
g.pers("Benjamin Franklin", n=3)
g.optional("Benjamin Franklin Esqr.", ("persName",))
g.date("November 10th. 1768", "1768-11-10")
g.optional("Merchants of this City", ("orgName",))
g.optional("Merchants and Manufacturers of Great Britain", ("orgName",))
g.org("Court of Great Britain")
g.place("Great Britain", n=3)
g.pers("Captain Falconer", "Falconer")
g.pers("Thomas Wharton")
g.place("England")
g.place("North America")
g.place("America")
for s in (
    "Joseph Swift",
    "John Reynell",
    "Jereah: Warder",
    "Danl. Rundle",
    "Thomas: Fisher",
    "Henry Drinker",
    "John Head",
    "Wm. West",
):
    g.pers(s)
g.optional("Province of Pennsylvania", ("orgName", "placeName"))
g.place("Pennsylvania")
g.town("Craven Street")
g.town("London")
done(g)

# ---------------------------------------------------------------- Hansard (19th century debates)

g = Gold("hansard_1830-02-23_representation-of-manchester.txt")
g.town("Manchester", n=2)
g.town("Birmingham", n=2)
g.town("Leeds", n=2)
g.optional("HC", ("orgName",))
g.date("23 February 1830", "1830-02-23")
g.pers("Lord John Russell", "John Russell")
g.optional("House", ("orgName",))
g.optional("the House", ("orgName",))
g.town("Sheffield", n=4)
g.optional("Petitioners", ("orgName", "persName"))
g.pers("Mr. Marshall", "Marshall")
g.pers("Mr. Stuart Wortley", "Stuart Wortley")
g.org("Parliament")
g.optional("Legislature", ("orgName",))
done(g)

g = Gold("hansard_1832-05-24_reform-bill-lords.txt")
g.optional("England", ("placeName",))  # inside the Bill's name, twice
g.optional("HL", ("orgName",))
g.date("24 May 1832", "1832-05-24")
g.pers("Earl Grey", "Grey")
g.optional("House", ("orgName",))
g.optional("Committee", ("orgName",))
g.optional("Parliament", ("orgName",))  # inside "Reform of Parliament (England) Bill"
g.pers("Marquess of Salisbury")
g.optional("The Marquess of Salisbury", ("persName",))
g.optional("Salisbury", ("placeName",))
g.optional("Lord Chancellor", ("persName",))
g.optional("The Lord Chancellor", ("persName",))
g.pers("Lord Wynford", "Wynford")
done(g)

# ---------------------------------------------------------------- Bernstorff telegrams (20th century)

g = Gold("bernstorff_1916-10-11_telegram-on-wilson.txt")
g.pers("Count Bernstorff", "Bernstorff")
g.add("orgName", "German Foreign Office", loose=True, core="Foreign Office")
g.town("Washington")
g.date("11th October, 1916", "1916-10-11")
g.pers("Mr. Wilson", "Wilson", n=2)
g.pers("Wilson", n=1)
g.optional("Emperor", ("persName",))
g.optional("The President", ("persName",))
g.optional("President", ("persName",))
g.place("United States", n=2)
done(g)

g = Gold("bernstorff_1917-01-27_telegrams-after-house-interview.txt")
g.pers("Count Bernstorff", "Bernstorff")
g.place("Berlin", n=2)  # the seat of the government addressed
g.pers("Colonel House", "House")
g.optional("the President", ("persName",))
g.optional("President", ("persName",))
g.org("Senate", n=2)
g.pers("Mr. House", "House", n=2)
g.town("New York")
g.optional("the Colonel", ("persName",))
g.optional("Colonel", ("persName",), keep=lambda a: not g.text.startswith("Colonel House", a))
g.pers("Mr. Wilson", "Wilson", n=2)
g.pers("Wilson", n=3)
g.town("Washington", n=2)
g.date("27th January, 1917", "1917-01-27")
g.date("26th January, 1917", "1917-01-26")
g.org("State Department")
done(g)

print("total (non-optional):", TOTAL)
