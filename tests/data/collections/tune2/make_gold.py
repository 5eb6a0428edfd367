#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the second TUNING set (tune2): hand-judged spans over the whitespace-normalised text.

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

This file is a copy of ../tune/make_gold.py with the same Gold class and conventions; only the documents differ.

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
        elif dual:  # "May 1/11": one span, when = the Gregorian half
            kw.update(when=dual, julian_iso=iso)
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


# ---------------------------------------------------------------- Pepys's diary (17th century, Old Style)

g = Gold("pepys_1660-10-03_lords-day-at-westminster.txt")
g.pers("Samuel Pepys")
g.date("23 September 1660", "1660-09-23", julian=True)  # England, Old Style: Gregorian 3 October
g.add(
    "date",
    "Sunday 23 September 1660",
    optional=True,
    when=julian_to_gregorian("1660-09-23"),
    calendar="julian",
    julian_iso="1660-09-23",
)  # the heading with its weekday
g.pers("Sir W. Batten", "W. Batten")
g.pers("Mr. Mills", "Mills")
g.town("Westminster")
g.town("Whitehall", n=3)
g.optional("Whitehall chapel", ("placeName",))
g.pers("Mr. Pierce", "Pierce", n=3)
g.pers("Duke of Gloucester")
g.optional("Gloucester", ("placeName",))
g.pers("Mr. Child", "Child")
g.optional("Abbey", ("placeName", "orgName"))  # Westminster Abbey, twice
g.optional("the Abbey", ("placeName", "orgName"))
g.pers("Mr. Baxter", "Baxter")
g.pers("Mr. Rowe", "Rowe", n=2)
g.pers("Mr. Symons", "Symons")  # "Mr. Symons’s pew": the possessive is outside
g.optional("God", ("persName",))
g.optional("my Lord", ("persName",))  # Montagu, by his title only
g.optional("Lord", ("persName",), keep=lambda a: g.text.startswith("Lord, but", a))
g.pers("Diana")
g.optional("the King", ("persName",))
g.optional("King", ("persName",))
g.optional("the Princess", ("persName",))
g.optional("Princess", ("persName",))
g.town("Margate")
g.pers("Duke of York")
g.optional("York", ("placeName",))
done(g)

g = Gold("pepys_1665-01-11_new-years-day-accounts.txt")
g.pers("Samuel Pepys")
g.date("January 1664-1665", "1665-01", optional=True, calendar="julian")  # month in the title
g.date(
    "JANUARY 1664-1665", "1665-01", optional=True, calendar="julian"
)  # month heading, Old Style year 1664/5
g.date(
    "January 1st", "1665-01-01", julian=True
)  # the year from the heading, counted from 1 January
done(g)

# ---------------------------------------------------------------- Virginia Company court book (17th century, Old Style)

g = Gold("virginia-company_1621-08-03_court-of-24-july.txt")
g.org("Virginia Company of London")
g.place("Virginia", n=3)  # in the body's name and twice in the minutes
g.town("London")
g.date("24 July 1621", "1621-07-24", julian=True)  # the title
g.date("24 Iulij 1621", "1621-07-24", julian=True)
g.optional("Court", ("orgName",))
g.optional("the Court", ("orgName",))
g.optional("Company", ("orgName",), keep=lambda a: not g.text.startswith("Company of London", a))
g.optional("the Company", ("orgName",))
g.pers("Sr Iohn Dauers", "Iohn Dauers")
g.pers("mr Nicho: Ferrar", "Nicho: Ferrar")
g.pers("mr Wyddowes", "Wyddowes")
g.optional("mr Deputie", ("persName",))  # the Deputy (John Ferrar), by his office
g.optional("Deputie", ("persName",))
g.pers("mr Shepparde", "Shepparde")
g.pers("mrBaynam", "Baynam")  # printed without a space
g.pers("mr Wroth", "Wroth")
g.pers("Capt Bargraue", "Bargraue")
g.pers("mr Couell", "Couell")
g.pers("mr Gibbs", "Gibbs")
g.pers("Capt Martin", "Martin")
g.pers("mr Edwardℯ", "Edwardℯ")
g.pers("mr Wrote", "Wrote")
g.pers("Mr Wrote", "Wrote")
g.pers("mr Barbor", "Barbor")
g.pers("mr Harte", "Harte")
g.pers("mr George Sandys", "George Sandys")
g.pers("mr Blande", "Blande")
g.pers("mr Moorewood", "Moorewood")
g.pers("Doctor Gulstone", "Gulstone")
g.pers("mr Bull", "Bull")
g.pers("mr Taylor", "Taylor")
g.pers("Doctor Winstone", "Winstone")
g.pers("mr Swinhoe", "Swinhoe")
g.pers("mr Georg Smith", "Georg Smith")
g.pers("Doctor Anthony", "Anthony", keep=lambda a: g.text.startswith("Doctor Anthony.", a))
g.pers("mr Casewell", "Casewell")
g.pers("mr Martin", "Martin")
g.pers("mr Keightley", "Keightley")
g.pers("mr Darnelly", "Darnelly")
g.town("Countie of Norfolke")
g.optional("Norfolke", ("placeName",))
g.pers("mr Doctor Ieggon", "Ieggon")
g.optional("Bp: of Norwich", ("persName",))  # an office in apposition
g.optional("Bp:", ("persName",))
g.optional("Norwich", ("placeName",))
g.optional("Secretary for the Company", ("persName",))
g.optional("Secretary", ("persName",))
g.org("Prerogative Office")
g.pers("mr Anthony Wythers", "Anthony Wythers")
g.town("Low Countries")
done(g)

# ---------------------------------------------------------------- Adams family correspondence (18th century)

g = Gold("adams_1776-08-14_abigail-to-john.txt")
g.pers("Abigail Adams")
g.pers("John Adams")
g.town("Boston")
g.date("August 14 1776", "1776-08-14")
g.pers("Mr. Smith", "Smith")
g.town("Philadelphia")
g.optional("New Government", ("orgName",))
g.optional("House", ("orgName",))  # the Massachusetts House and Council
g.optional("Counsel", ("orgName",))
g.add("orgName", "provincial Congress", loose=True, core="Congress")
g.optional("Declaration of Independance", ("orgName",))  # a document: not marked, accepted
g.optional("The Dr.", ("persName",))
g.place("united States of America", n=2)
g.optional("States of America", ("placeName", "orgName"))
g.pers(
    "Dr. Chancys", "Chancys"
)  # "Dr. Chancys Chauncy’s": the edition's reading and its correction
g.optional("Chauncy", ("persName",))
g.optional("Dr. Chancys Chauncy", ("persName",))
g.optional("God", ("persName",))
g.pers("Portia")  # Abigail Adams's signature name
done(g)

# ---------------------------------------------------------------- Jefferson Papers (18th century)

g = Gold("jefferson_1789-07-29_to-madison.txt")
g.pers("Thomas Jefferson")
g.pers("James Madison", n=2)
g.date("29 July 1789", "1789-07-29")
g.town("Paris")
g.date("July 29. 1789", "1789-07-29")
g.date("22d", "1789-07-22", optional=True)  # "I wrote you on the 22d." (this month)
g.date("23d. of May", "1789-05-23")
g.optional("president", ("persName",))  # Washington, by his office
g.org("senate")
g.pers("Doctr. Franklin", "Franklin")
g.pers("Foulon")
g.pers("Bertier")
g.pers("Th: Jefferson")
done(g)

# ---------------------------------------------------------------- Letters of Queen Victoria (19th century)

g = Gold("victoria_1839-05-09_melbourne-and-palmerston.txt")
g.pers("Queen Victoria", "Victoria", n=4)
g.pers("Viscount Melbourne", "Melbourne", n=2)
g.pers("Viscount Palmerston", "Palmerston", n=4)
g.town("BUCKINGHAM PALACE")
g.town("STANHOPE STREET")
g.date("9th May 1839", "1839-05-09", n=2)
g.optional("The Queen", ("persName",))
g.optional("the Queen", ("persName",))
g.optional("Queen", ("persName",), keep=lambda a: not g.text.startswith("Queen Victoria", a))
g.pers("Lord Melbourne", "Melbourne", n=4)
g.pers("Peel")
g.pers("Lord Liverpool", "Liverpool")
g.optional("your Majesty", ("persName",))
g.optional("Majesty", ("persName",))
g.optional("Crown", ("orgName",))
done(g)

g = Gold("victoria_1839-05-11_after-the-ball.txt")
g.pers("Queen Victoria", "Victoria", n=2)
g.pers("Viscount Melbourne", "Melbourne", n=2)
g.town("BUCKINGHAM PALACE")
g.date("11th May 1839", "1839-05-11")
g.optional("The Queen", ("persName",))
g.optional("the Queen", ("persName",))
g.pers("Lord Melbourne", "Melbourne")
g.pers("Lady Cowper", "Cowper")
g.optional("Lord and Lady Minto", ("persName",))  # two people; "Lord" alone is only optional
g.optional("Lord", ("persName",), keep=lambda a: g.text.startswith("Lord and", a))
g.pers("Lady Minto", "Minto")
g.pers("Duchess of Somerset")
g.optional("Somerset", ("placeName",))
g.pers("Lord Anglesey", "Anglesey")
g.pers("Duchess of Gloucester")
g.optional("Gloucester", ("placeName",))
g.optional("Judge Advocate", ("persName",))
g.org("Cabinet")
g.optional("Grand Duke", ("persName",))  # the Tsarevich, by his title only
done(g)

# ---------------------------------------------------------------- Wellington's dispatches (19th century)

g = Gold("wellington_1814-05-01_to-clinton.txt")
g.pers("Duke of Wellington")
g.optional("Wellington", ("placeName",), keep=lambda a: g.text[a - 8 : a] == "Duke of ")
g.pers("Lieut. General W. Clinton", "W. Clinton", n=2)
g.town("Cahors")
g.date("1st May, 1814", "1814-05-01")
g.date("4th", "1814-03-04", optional=True)  # "my orders of the 4th and the 8th of March"
g.date("8th of March", "1814-03-08")
g.town("Gibraltar")
g.place("Sicily")
g.town("Zaragoza")
g.town("Tudela", n=2)
g.optional("Commissariat", ("orgName",))
g.optional("Commissariat of this army", ("orgName",))
g.pers("Lieut. Gen. W. Clinton", "W. Clinton")
g.pers("WELLINGTON")
g.pers("Hill")
g.pers("Sir Robert Kennedy", "Robert Kennedy")
g.optional("10th", ("orgName",))  # "the 10th and 67th regiments": elliptic regiment names
g.optional("67th regiments", ("orgName",))
g.town("Narbonne")
g.town("Catalonia")
g.town("Tarragona")
g.town("Roncesvalles")
g.pers("General W. Clinton", "W. Clinton")
g.optional("W.", ("persName",), keep=lambda a: g.text.startswith("W.'", a))  # initial as signature
done(g)

g = Gold("wellington_1814-06-26_to-dalhousie.txt")
g.pers("Duke of Wellington")
g.optional("Wellington", ("placeName",), keep=lambda a: g.text[a - 8 : a] == "Duke of ")
g.pers("Earl of Dalhousie", n=3)
g.optional("Dalhousie", ("placeName",))
g.optional("Lieut. General the Earl of Dalhousie", ("persName",))
g.town("London", n=2)
g.date("26th June, 1814", "1814-06-26")
g.pers("Sir Lowry Cole", "Lowry Cole")
g.optional("General Court Martial", ("orgName",))
g.town("Tarragona")
g.org("95th regiment")
g.org("King's German Legion", n=2)
g.place("England")
g.place("Ireland")
g.town("Bayonne")
g.town("Bordeaux")
g.pers("Colonel Arentschildt", "Arentschildt")
g.pers("Pakenham")
g.date("26th of January", "1814-01-26")  # "from the 26th of January last"
g.pers("WELLINGTON")
done(g)

# ---------------------------------------------------------------- Dewey's telegrams, Spanish-American war (19th century)

g = Gold("dewey_1898-05-07_manila-and-cavite-telegrams.txt")
g.pers("Commodore Dewey", "Dewey")
g.optional("Secretary of the Navy", ("persName",))
g.optional("SECRETARY OF THE NAVY", ("persName",))
g.town("Manila", n=4)
g.town("Cavite", n=5)
g.town("HONGKONG", n=2)
g.town("Hongkong")
g.date("May 7, 1898", "1898-05-07", n=2)
g.date("May 1", "1898-05-01")
g.date("May 4", "1898-05-04")
g.town("Washington", n=2)
for s in (
    "Reina Christina",
    "Reina Cristina",
    "Don Antonio de Biloa",
    "Don Juan de Austria",
    "General Lezo",
    "Marquis del Duaro",
    "Velasco",
):
    g.optional(s, ("persName",))  # ships' names: not marked, accepted
for s in ("Castilla", "Isla de Luzon", "Isla de Cuba", "Isla de Mandano", "Luzon", "Cuba"):
    g.optional(s, ("placeName",))
g.optional("Department", ("orgName",))
g.town("San Francisco")
g.optional("American consul", ("persName",))
g.pers("DEWEY", n=2)
g.town("Philippine Islands")
done(g)

# ---------------------------------------------------------------- British and Foreign State Papers, China 1900 (20th century)

g = Gold("bfsp_1900-07-06_salisbury-to-macdonald.txt")
g.pers("Marquess of Salisbury", n=2)
g.optional("Salisbury", ("placeName",))
g.pers("Sir C. MacDonald", "C. MacDonald", n=3)
g.org("Foreign Office")
g.optional("Foreign Office", ("placeName",))  # used as the dateline
g.date("July 6, 1900", "1900-07-06")
g.optional("Chinese Minister", ("persName",))
g.optional("The Minister", ("persName",))
g.pers("Li Hung-chang")
g.optional("Legations", ("orgName",))
g.optional("Legations at Peking", ("orgName",))
g.town("Peking")
g.optional("Treaty Powers", ("orgName",))
g.place("China")
g.place("Russia", n=2)
g.place("Chinese Empire")
g.pers("SALISBURY")
done(g)

g = Gold("bfsp_1900-09-02_macdonald-reports-from-peking.txt")
g.pers("Sir C. MacDonald", "C. MacDonald", n=3)
g.pers("Sir C. Mac Donald", "C. Mac Donald")
g.pers("Marquess of Salisbury", n=4)
g.optional("Salisbury", ("placeName",))
g.date("September 1900", "1900-09", optional=True)  # the title's month
g.date("September 10", "1900-09-10", n=3)
g.town("Peking", n=6)
g.date("September 2, 1900", "1900-09-02")
g.date("September 3, 1900", "1900-09-03")
g.date("September 4, 1900", "1900-09-04")
for s in (
    "Russian General",
    "German General",
    "Japanese General",
    "Russian Minister",
    "the Emperor",
    "Emperor",
):
    g.optional(s, ("persName",))
g.pers("PRINCE CHING", "CHING")
g.pers("Prince Ching", "Ching")
g.optional("Tartar city", ("placeName",))
g.optional("Bengal", ("placeName",))  # "Bengal and Japanese cavalry"
g.optional("Japanese quarter", ("placeName",))
g.town("Tien-tsin")
done(g)

print("total (non-optional):", TOTAL)
