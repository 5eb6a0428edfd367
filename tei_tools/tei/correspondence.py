"""A letter's correspondence facts for the header: who wrote to whom, from where, when.

``correspDesc`` is read from the text the converter marked up: the sender is
the person of the signature (else the one a title such as "Brief von X an Y"
or "de X à Y" names before its "an"/"à"/"to"/"ad"), the addressee the person of
the address (else the one the title names after that word, else the one the
salutation names), the place and date those of the letter's dateline (else a
date in its title).  A name keeps the register entry it links to (``@ref``);
nothing the text does not say is added.  correspSearch reads these facts from
CMIF (:mod:`tei_tools.export.cmif`).
"""

from __future__ import annotations

import re

from lxml import etree

from tei_tools.reading.languages import language as language_words
from tei_tools.reading.languages import title_patterns
from tei_tools.tei.inline import tei
from tei_tools.xml import TEI_NS

_T = f"{{{TEI_NS}}}"
#: Attributes of a date that carry over to the correspondence action.
_DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to", "cert", "calendar")


def correspondence_description(
    text: etree._Element, *, language: str = "en"
) -> etree._Element | None:
    """``correspDesc`` for a letter's ``text``, or None when it names neither sender nor addressee.

    ``language`` is the letter's: its weekdays and the words before a day are no place
    ("Sonnabend, den 22. Aug. 1795").
    """
    div = text.find(f"{_T}body/{_T}div")
    if div is None:
        return None
    head = div.find(f"{_T}head")
    head_sender, head_addressee = _title_parties(head)
    sender = _first(_signature_person(div), head_sender)
    addressee = _first(_address_person(div), head_addressee, _salute_person(div))
    if sender is None and addressee is None:
        return None
    place, date = _dateline_facts(div, _day_words(language))
    if head is not None:
        place, date = _with_title_facts(head, place, date)
    desc = tei("correspDesc")
    sent = etree.SubElement(desc, f"{_T}correspAction", type="sent")
    for element in (sender, place):
        if element is not None:
            sent.append(_name_copy(element))
    if date is not None and any(date.get(a) for a in _DATE_ATTRIBUTES):
        attrs = {a: date.get(a) for a in _DATE_ATTRIBUTES if date.get(a)}
        sent.append(tei("date", attrs, _words(date)))
    if not len(sent):
        desc.remove(sent)
    if addressee is not None:
        received = etree.SubElement(desc, f"{_T}correspAction", type="received")
        received.append(_name_copy(addressee))
    return desc


def _first(*elements: etree._Element | None) -> etree._Element | None:
    return next((e for e in elements if e is not None), None)


def _words(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _name_copy(element: etree._Element) -> etree._Element:
    """The name as the header gives it: its words and its register link, nothing else."""
    tag = etree.QName(element).localname
    if tag not in ("persName", "placeName", "orgName"):
        tag = "persName"
    attrs = {"ref": element.get("ref")} if element.get("ref") else {}
    return tei(tag, attrs, _bare_name(_words(element)))


def _bare_name(words: str) -> str:
    """A name without the punctuation around it, but an initial keeps its point ("V.", "G.").

    >>> _bare_name("Defourqueux ."), _bare_name("V."), _bare_name("J. W. v. Goethe.")
    ('Defourqueux', 'V.', 'J. W. v. Goethe')
    """
    name = words.strip(" ,;:").rstrip()
    if re.search(r"(?:^|\s)[A-ZÀ-Þ]\.$|^[A-ZÀ-Þ][a-zà-ÿ]{1,2}\.$", name):
        return name  # an initial, or a name cut short: "Sch."
    return name.strip(" ,.;:")


def _persons(element: etree._Element | None) -> list[etree._Element]:
    if element is None:
        return []
    return [e for e in element.iter(f"{_T}persName") if e.getparent() is None or
            etree.QName(e.getparent()).localname != "persName"]  # fmt: skip


def _signature_person(div: etree._Element) -> etree._Element | None:
    """The person who signs: the first name in the closer's signature lines.

    Only where no line names a person is a line's words taken as the signer ("G."):
    "Eur. Hochwohlgeb. / ergebenster Diener / Friedrich Christian Rudorf" is signed by Rudorf.
    """
    signed_lines = list(div.iter(f"{_T}signed"))
    for signed in signed_lines:
        persons = _persons(signed)
        if persons:
            return persons[0]
    for signed in reversed(signed_lines):  # the name stands last, under the formula
        words = _bare_name(_words(signed))
        if words and len(words.split()) <= 4 and words[:1].isupper():
            return tei("persName", text=words)  # a signature no name was found in ("G.")
    return None


def _address_person(div: etree._Element) -> etree._Element | None:
    for note in div.iter(f"{_T}note"):
        if note.get("type") == "address":
            persons = _persons(note)
            if persons:
                return persons[0]
    return None


def _salute_person(div: etree._Element) -> etree._Element | None:
    opener = div.find(f"{_T}opener")
    salute = opener.find(f"{_T}salute") if opener is not None else None
    persons = _persons(salute)
    return persons[0] if persons else None


def _title_parties(
    head: etree._Element | None,
) -> tuple[etree._Element | None, etree._Element | None]:
    """The sender and addressee a title names: "Brief von X an Y", "X à Y", "An Y"."""
    if head is None:
        return None, None
    plain = _words(head)
    patterns = title_patterns()
    found = patterns.to.search(plain)
    if found is None:
        if patterns.letter_by.match(plain):  # "Lettre de Voltaire": the writer only
            persons = _persons(head)
            return (persons[0] if persons else None), None
        return None, None
    split = found.start() if found.start() == 0 else found.start() + 1
    before: list[etree._Element] = []
    after: list[etree._Element] = []
    position = 0
    for person in _persons(head):
        words = _words(person)
        at = plain.find(words, position)
        if at < 0:
            continue
        position = at + len(words)
        (before if at < split else after).append(person)
    return (before[0] if before else None), (after[0] if after else None)


def _with_title_facts(
    head: etree._Element, place: etree._Element | None, date: etree._Element | None
) -> tuple[etree._Element | None, etree._Element | None]:
    """The place and date a title gives where the date lines give none, or no year.

    "Goethe an Schiller, Weimar, 5. Januar 1799" with no date line: the title's
    date and the place just before it.  "Jena den 22. Aug." under the title
    "Schiller an Goethe, 22. August 1795": the same day, with the title's year.
    """
    titled = head.find(f".//{_T}date")
    if titled is None:
        return place, date
    when = titled.get("when") or ""
    yearless = (date.get("when") or "") if date is not None else ""
    if date is None or (yearless.startswith("--") and when[5:] == yearless[2:]):
        date = titled
        before = titled.getprevious()
        if (
            place is None
            and before is not None
            and etree.QName(before).localname == "placeName"
            and not (before.tail or "").strip(" ,")
        ):
            place = before
    return place, date


def _day_words(code: str) -> frozenset[str]:
    """The weekdays of a language and the words before a day, in lower case."""
    words = language_words(code)
    if words is None:
        return frozenset()
    return frozenset(w.lower().rstrip(".") for w in (*words.weekdays, *words.before_day))


def _dateline_facts(
    div: etree._Element, day_words: frozenset[str] = frozenset()
) -> tuple[etree._Element | None, etree._Element | None]:
    """The place and the date of the letter's first dateline that has them."""
    place: etree._Element | None = None
    date: etree._Element | None = None
    for dateline in div.iter(f"{_T}dateline"):
        if place is None:
            place = dateline.find(f".//{_T}placeName")
            if place is None:
                place = _leading_place(dateline, day_words)
        if date is None:
            date = dateline.find(f".//{_T}date")
        if place is not None and date is not None:
            break
    return place, date


#: Words around a dateline's place that are not its name: "à Paris Le", "Koenigsberg den".
_NOT_PLACE_WORDS = re.compile(
    r"^(?:à|a|À|A|in|zu|aus|Aus|De|Von|La|Le|Les|Der|Die|Das|Den|Am|Ce)(?:\s+|$)"
    r"|\s+(?:le|Le|ce|den|am|die|du|el|il|li|,)+$"
)


def _leading_place(
    dateline: etree._Element, day_words: frozenset[str] = frozenset()
) -> etree._Element | None:
    """The words before a dateline's date, when they read as a place's name."""
    date = dateline.find(f".//{_T}date")
    if date is None or date.getparent() is not dateline:
        return None
    name = " ".join((dateline.text or "").replace(",", " ").split())
    for _ in range(3):
        name = _NOT_PLACE_WORDS.sub("", name).strip()
    words = name.split()
    while words and words[-1].lower().rstrip(".") in day_words:
        words.pop()  # "Jena, Sonnabend den 22. Aug.": the weekday is no part of the place
    if not words or len(words) > 5 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    return tei("placeName", text=" ".join(words))
