"""Writing span gold for the letters: the format of tests/data/collections/*/make_gold.py.

``{"source", "text", "spans", "corresp"}``: ``text`` is the source's whitespace-normalised
text, ``spans`` typed character spans over it (``optional`` spans neither reward nor
penalise, ``loose`` spans also accept their ``core``), and ``corresp`` the letter's
correspondence facts as the text gives them: ``sent`` (``persName``, ``placeName``, ``date``)
and ``received`` (``persName``).  A name field is the list of forms accepted (the first is
the fullest the text gives); a field the text does not give is ``null``, and then the right
answer is to give none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


class Gold:
    def __init__(self, folder: Path, name: str) -> None:
        self.src = folder / name
        raw = self.src.read_text(encoding="utf-8").replace("\u00a0", " ")
        self.text = re.sub(r"\s+", " ", raw).strip()
        self.spans: list[dict] = []
        self.corresp_facts: dict | None = None

    def occ(self, s: str) -> list[int]:
        return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", self.text)]

    def _inside(self, t: str, a: int, b: int) -> bool:
        return any(
            g["type"] == t
            and not g.get("optional")
            and g["start"] <= a
            and b <= g["end"]
            and (g["start"], g["end"]) != (a, b)
            for g in self.spans
        )

    def add(self, t: str, s: str, keep=lambda a: True, n: int | None = None, **kw) -> None:
        found = [a for a in self.occ(s) if keep(a) and not self._inside(t, a, a + len(s))]
        assert found, (self.src.name, s)
        assert n is None or len(found) == n, (self.src.name, s, len(found), n)
        for a in found:
            self.spans.append({"type": t, "start": a, "end": a + len(s), "text": s, **kw})

    def pers(self, s: str, core: str | None = None, **kw) -> None:
        if core is None:
            self.add("persName", s, **kw)
        else:
            assert core in s, (s, core)
            self.add("persName", s, loose=True, core=core, **kw)

    def org(self, s: str, core: str | None = None, **kw) -> None:
        if core is None:
            self.add("orgName", s, **kw)
        else:
            self.add("orgName", s, loose=True, core=core, **kw)

    def town(self, *names: str, **kw) -> None:
        for s in names:
            self.add("placeName", s, **kw)

    def place(self, *names: str, **kw) -> None:
        """States and countries: placeName scored, orgName accepted."""
        for s in names:
            self.add("placeName", s, **kw)
            self.optional(s, ("orgName",))

    def date(self, s: str, iso: str, **kw) -> None:
        self.add("date", s, when=iso, **kw)

    def optional(
        self, s: str, types=("orgName", "persName", "placeName"), keep=lambda a: True
    ) -> None:
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

    def corresp(
        self,
        sender: list[str] | None,
        place: list[str] | None,
        date: str | None,
        addressee: list[str] | None,
    ) -> None:
        for forms in (sender, place, addressee):
            for form in forms or ():
                assert form in self.text, (self.src.name, form)
        self.corresp_facts = {
            "sent": {"persName": sender, "placeName": place, "date": date},
            "received": {"persName": addressee},
        }

    def write(self) -> dict[str, int]:
        self.spans.sort(key=lambda g: (g["start"], g["type"], g["end"]))
        for g in self.spans:
            assert self.text[g["start"] : g["end"]] == g["text"], g
        assert self.corresp_facts is not None, self.src.name
        out = self.src.with_name(self.src.name.replace(".txt", ".gold.json"))
        body = {
            "source": self.src.name,
            "text": self.text,
            "spans": self.spans,
            "corresp": self.corresp_facts,
        }
        out.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        counts: dict[str, int] = {}
        for g in self.spans:
            if not g.get("optional"):
                counts[g["type"]] = counts.get(g["type"], 0) + 1
        print(self.src.name, counts)
        return counts


#: Non-optional spans of each type over every letter a gold script has written.
TOTAL: dict[str, int] = {}


def done(g: Gold) -> None:
    """Write ``g``'s gold and add its spans to :data:`TOTAL`."""
    for kind, count in g.write().items():
        TOTAL[kind] = TOTAL.get(kind, 0) + count
