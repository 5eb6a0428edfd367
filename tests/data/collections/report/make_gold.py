#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the held-out REPORT set: hand-judged spans over the
whitespace-normalised text.

Same format and conventions as /work/shared/corpus-dev/make_gold.py and the seeds (see README.md here):
persName over every named person, a title before a name in a "loose" span whose "core" is the bare
name; orgName over named bodies (a leading "the" in a loose span, core without it); placeName over
places, countries also accepted as orgName; dates carry "when" in the proleptic Gregorian calendar,
Old Style dates also "calendar": "julian" and "julian_iso" (the date as written). Anything
debatable is optional. Run:  python3 make_gold.py
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).parent


class Gold:
    def __init__(self, name):
        self.src = HERE / name
        raw = self.src.read_text(encoding="utf-8").replace("\u00a0", " ")
        self.text = re.sub(r"\s+", " ", raw).strip()
        self.spans = []

    def occ(self, s):
        return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", self.text)]

    def add(self, t, s, keep=lambda a: True, **kw):
        found = [a for a in self.occ(s) if keep(a)]
        assert found, (self.src.name, s)
        for a in found:
            span = {"type": t, "start": a, "end": a + len(s), "text": s, **kw}
            if "core" in kw:
                assert kw["core"] in s, (s, kw["core"])
                span["loose"] = True
            self.spans.append(span)

    def pers(self, s, core=None, **kw):
        """A person; with core: a title + name span that also accepts the bare name."""
        if core:
            kw["core"] = core
        self.add("persName", s, **kw)

    def org(self, s, core=None, **kw):
        if core:
            kw["core"] = core
        self.add("orgName", s, **kw)

    def place(self, *names, core=None):
        """Places: placeName scored, orgName accepted."""
        for s in names:
            if core:
                self.add("placeName", s, core=core)
            else:
                self.add("placeName", s)
            self.optional(s, ("orgName",))

    def date(self, s, when, julian=None, **kw):
        """julian: the date as written (ISO) when it is Old Style; when is always Gregorian."""
        if julian:
            kw.update(calendar="julian", julian_iso=julian)
        self.add("date", s, when=when, **kw)

    def optional(self, s, types=("orgName", "persName", "placeName"), keep=lambda a: True):
        found = [a for a in self.occ(s) if keep(a)]
        assert found, (self.src.name, s)
        for a in found:
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


# ---------------------------------------------------------------- Winthrop (England, Old Style)
# Julian -> Gregorian: +10 days in the 1600s (checked with convertdate). None of these dates falls
# between 1 January and 24 March, so the Old Style year needs no shifting.

g = Gold("winthrop_1624-11-26_to-margaret-winthrop.txt")
g.pers("John Winthrop")
g.pers("Margaret Winthrop")
g.place("London")
g.pers("Jo: Winthrop")
g.date("Nou: 26. 1624", when="1624-12-06", julian="1624-11-26")  # "Nou:" = November
done(g)

g = Gold("winthrop_1627-06-15_to-margaret-winthrop.txt")
g.pers("John Winthrop")
g.pers("Margaret Winthrop")
g.pers("Jo")  # "my sonne Jo:" (John Winthrop the younger), abbreviated but a name
g.place("Portesmouth")
g.optional("the Duke", ("persName",))  # a title without a name (Buckingham)
g.optional("Duke", ("persName",))
g.optional("J: W.", ("persName",))  # signature by initials only
g.optional("J: W", ("persName",))
g.place("London")
g.date("June 15. 1627", when="1627-06-25", julian="1627-06-15")
g.optional("London June 15. 1627", ("date",))
done(g)

g = Gold("winthrop_1629-10-09_to-his-son-john.txt")
g.pers("John Winthrop")  # both in the title
g.pers("John", keep=lambda a: not g.text.startswith("John Winthrop", a))  # "let John come with you"
g.place("New England")
g.pers("Forth")  # Forth Winthrop, the writer's son
g.pers("Mr. Mott", core="Mott")
g.optional("G.", ("persName",))  # "your uncle G." (Gostlin?): an initial only
g.optional("uncle G.", ("persName",))
g.pers("JO. WINTHROP")
g.date("October 9, 1629", when="1629-10-19", julian="1629-10-09")
g.pers("JOHN WINTHROP")
g.place("Groton", "Suffolk")
done(g)

# ---------------------------------------------------------------- Nelson (1798, Gregorian)

g = Gold("nelson_1798-08-08_to-sir-william-hamilton.txt")
g.pers("Horatio Nelson")
g.pers("Sir William Hamilton", core="William Hamilton")
g.optional("Vanguard", ("placeName",))  # the flagship, standing as the place of writing
g.place("Mouth of the Nile", core="Nile")
g.date("August 8th, 1798", when="1798-08-08")
g.place("Europe", "Italy", "England", "Naples", "Gibraltar", "France")
g.pers("Captain Capel", core="Capel")
g.optional("the Emperor", ("persName",))
g.optional("Emperor", ("persName",))
g.pers("HORATIO NELSON")
g.date("9th August", when="1798-08-09")  # postscript; year from the dateline
g.pers("Buonaparte")
done(g)

g = Gold("nelson_1798-08-27_to-francis-jackson.txt")
g.pers("Horatio Nelson")  # title and signature
g.pers("Francis J. Jackson")
g.optional("Vanguard", ("placeName",))
g.place("Isle of Rhodes", core="Rhodes")
g.date("27th August 1798", when="1798-08-27")
g.place("Mouth of the Nile", core="Nile")
for s in ("the 1st inst.", "1st inst.", "1st inst", "the 1st inst"):
    g.date(s, when="1798-08-01", optional=True)
for s in ("the 14th", "14th"):
    g.date(s, when="1798-08-14", optional=True)
g.place("Alexandria", "Aboukir", "Rosetta", "Damietta", "Syria")
g.place("Grand Cairo", core="Cairo")
g.optional("the Grand Signior", ("persName",))
g.optional("Grand Signior", ("persName",))
g.pers("General Bonaparte", core="Bonaparte")
done(g)

# ---------------------------------------------------------------- American congresses (minutes, debate)

g = Gold("congress_1776-07-15_journals-continental-congress.txt")
g.org(
    "the Continental Congress", core="Continental Congress"
)  # in the journal's title and the resolution
g.date("Monday, July 15, 1776", when="1776-07-15", core="July 15, 1776")
g.org("Congress", keep=lambda a: not g.text.endswith("Continental ", 0, a))
g.pers("Mr. J. Jay", core="J. Jay")
for s in ("the 6th", "6th"):
    g.date(s, when="1776-07-06", optional=True)
g.pers("Samuel Tredwell Pell")
g.place("Pelham")
g.optional("the manor of Pelham", ("placeName",))
g.place("Lancaster", "Reading", "New York", "White Plains", "Westchester")
for s in (
    "the committee of Lancaster",
    "committee of Lancaster",
    "the committee of Reading",
    "committee of Reading",
    "the convention of New York",
    "convention of New York",
    "the committee of the county of Westchester",
    "committee of the county of Westchester",
):
    g.optional(s, ("orgName",))
for s in ("the 11", "11"):
    g.date(
        s,
        when="1776-07-11",
        optional=True,
        keep=lambda a: g.text.startswith("11:", a) or g.text.startswith("the 11:", a),
    )
for s in ("the 13th", "13th"):
    g.date(s, when="1776-07-13", optional=True)
for s in ("the 11th", "11th"):
    g.date(s, when="1776-07-11", optional=True)
g.optional("the state of New York", ("placeName", "orgName"))
g.optional("state of New York", ("placeName", "orgName"))
g.date("July 9, 1776", when="1776-07-09")
g.optional("the United Colonies", ("placeName", "orgName"))
g.optional("United Colonies", ("placeName", "orgName"))
g.optional("the county of Westchester", ("placeName",))
g.optional("county of Westchester", ("placeName",))
done(g)

g = Gold("congress_1796-12-14_reporting-of-the-debates.txt")
g.org("House of Representatives")
g.date("1796", when="1796", optional=True)  # a bare year in the title
g.date("Wednesday, December 14", when="1796-12-14", core="December 14")  # no year: the document's
g.pers("Thomas Henderson")
g.pers("Thomas Hartley")
g.place("New Jersey", "Pennsylvania")
for s in ("the House", "House", "this House", "a Committee of the Whole", "Committee of the Whole"):
    g.optional(s, ("orgName",), keep=lambda a: not g.text.startswith("House of Representatives", a))
g.pers("Mr. W. Smith", core="W. Smith")
g.pers("Thomas Lloyd")
g.pers("Thomas Carpenter")
g.pers("Mr. Macon", core="Macon")
g.place("the United States", core="United States")
g.optional("United States", ("orgName",))
g.pers("Mr. Smith", core="Smith")
g.pers("Mr. Lloyd", core="Lloyd")
done(g)

# ---------------------------------------------------------------- Lincoln (1863)

g = Gold("lincoln_1863-01-26_to-general-hooker.txt")
g.pers("Abraham Lincoln")
g.pers("General Hooker", core="Hooker", keep=lambda a: not g.text.endswith("Major-", 0, a))
g.pers("Major-General Hooker", core="Hooker")
g.optional("Executive Mansion", ("placeName", "orgName"))
g.place("Washington")
g.optional("D. C.", ("placeName",))
g.optional("Washington, D. C.", ("placeName",))
g.date("January 26, 1863", when="1863-01-26")
g.org("the Army of the Potomac", core="Army of the Potomac")
g.place("Potomac")
g.pers("General Burnside", core="Burnside")
for s in ("the government", "The government", "government"):
    g.optional(s, ("orgName",))
g.pers("Napoleon")
g.pers("A. Lincoln")
done(g)

g = Gold("lincoln_1863-08-27_telegrams.txt")
g.pers("Abraham Lincoln")
g.date("August 1863", when="1863-08")
g.place("Washington", "Chicago", "Fort Monroe", "Rappahannock Station", "San Francisco")
g.date("August 27, 1863", when="1863-08-27")
g.pers("F. C. Sherman")
g.pers("J. S. Haves")  # sic in the edition (J. S. Hayes)
for s in ("Ill.", "Ill", "Va.", "Va", "Cal.", "Cal", "D. C.", "Washington, D. C."):
    g.optional(s, ("placeName",))
for s in ("the 24th", "24th"):
    g.date(s, when="1863-08-24", optional=True)
for s in ("the Government", "Government"):
    g.optional(s, ("orgName",))
g.pers("A. Lincoln")
g.pers("GENERAL FOSTER", core="FOSTER")
g.org("War department")
g.date("August 28, 1863", when="1863-08-28")
g.pers("Major-general Foster", core="Foster")
g.pers("Senator Bowden", core="Bowden")
g.pers("Mr. Segar", core="Segar")
g.pers("Mr. Chandler", core="Chandler")
g.pers("Dr. Wright", core="Wright")
g.pers("GENERAL CRAWFORD", core="CRAWFORD")
g.optional("Executive Mansion", ("placeName", "orgName"))
g.pers("General Crawford", core="Crawford")
g.org("Pennsylvania Reserve Corps")
g.optional("the gallant Pennsylvania Reserve Corps", ("orgName",))
g.place("Pennsylvania")
g.pers("General Meade", core="Meade")
g.pers("L. SWETT")
g.date("August 29, 1863", when="1863-08-29")
g.pers("Hon. L. Swett", core="L. Swett")
done(g)

print("TOTAL (non-optional)", TOTAL)
