"""The Gold class the gold scripts of tune3, tune4 and report2 share: hand-judged spans over the
whitespace-normalised text of each document (conventions in tune3/make_gold.py and tune/README.md).

A script calls ``Gold(HERE, name)`` for each document and ``done(g)`` when its spans are listed.
If `convertdate` is importable every Julian conversion is also checked against it.
"""

import json
import re
from pathlib import Path


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
    def __init__(self, here, name):
        self.src = Path(here) / name
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
