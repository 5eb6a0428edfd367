"""Titles as an editor prints them: sentence case for titles set in capitals.

Printed collections often set a document's heading in capitals
("REPLY FROM TROTSKY, COMMISSAR FOR FOREIGN AFFAIRS, ..."). The TEI body keeps
that source form; the ``teiHeader`` title, shown by catalogues and the edition
site, reads better in sentence case.  Which words keep a capital is decided by
evidence, not by a word list:

* a name marked up in the heading (``persName``, ``orgName``, ...) takes the
  form its register gives, else each of its words is capitalised;
* any other word keeps a capital when the document's own text writes it
  capitalised in the middle of a sentence ("the Soviet Government") and never
  in lower case.

>>> from lxml import etree
>>> head = etree.fromstring(
...     '<head xmlns="http://www.tei-c.org/ns/1.0">NOTE TO <persName>ROBINS</persName></head>'
... )
>>> sentence_case_title(head, proper_words={"Note"})
'Note to Robins'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

#: Elements whose text is a name: its case comes from the register or is capitalised.
NAME_TAGS = frozenset({"persName", "orgName", "placeName", "roleName", "name", "geogName", "rs"})

#: Short words left in lower case inside a name ("Council of People's Commissars").
NAME_PARTICLES = frozenset({"of", "the", "for", "and", "de", "von", "van", "der", "in", "on"})

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: The end of a sentence before a word: a capital after it proves nothing.
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def mostly_capitals(text: str) -> bool:
    """Whether a title is set in capitals (at least 80 % of its letters upper case)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def proper_words(paragraphs: Iterable[str]) -> set[str]:
    """Words the text writes with a capital mid-sentence and never in lower case.

    A word right after a full stop, or first in a paragraph, proves nothing
    and is skipped.

    >>> sorted(proper_words(["The Soviet Government met.", "Then the government fell."]))
    ['Soviet']
    """
    evidence = ProperWords()
    for paragraph in paragraphs:
        evidence.add(paragraph)
    return evidence.words()


class ProperWords:
    """The evidence of :func:`proper_words`, read one paragraph at a time, in any order.

    For a builder that lets each paragraph go once it is written
    (:mod:`tei_tools.tei.spool`): the words are the same whatever the order.
    """

    def __init__(self) -> None:
        self._capital: set[str] = set()
        self._lower: set[str] = set()

    def add(self, paragraph: str) -> None:
        # Every word of every paragraph passes here: the sets' methods are looked up once.
        add_lower, add_capital = self._lower.add, self._capital.add
        previous_end = 0
        for found in _WORD.finditer(paragraph):
            word = found.group()
            before = paragraph[previous_end : found.start()]
            previous_end = found.end()
            if word[0].islower():
                add_lower(word.casefold())
            elif found.start() > 0 and not _SENTENCE_END.search(before) and not word.isupper():
                add_capital(word)

    def words(self) -> set[str]:
        return {word for word in self._capital if word.casefold() not in self._lower}


def sentence_case_title(
    head: etree._Element,
    *,
    proper_words: set[str],
    register_form: Callable[[etree._Element, str], str | None] = lambda element, text: None,
) -> str:
    """The plain text of ``head`` in sentence case, names in their own case.

    ``register_form(element, text)`` returns the register's spelling of a
    name element's text (or None); see :func:`sentence_case` for plain strings.
    """
    known = {word.casefold(): word for word in proper_words}
    pieces: list[str] = []

    def walk(element: etree._Element, in_name: bool) -> None:
        name = isinstance(element.tag, str) and etree.QName(element).localname in NAME_TAGS
        if name and not in_name:
            text = " ".join("".join(element.itertext()).split())
            pieces.append(register_form(element, text) or _capitalise_name(text))
        else:
            pieces.append(_lower_words(element.text or "", known))
            for child in element:
                if isinstance(child.tag, str):
                    walk(child, in_name or name)
                pieces.append(_lower_words(child.tail or "", known))

    walk(head, False)
    return _first_letter_upper(" ".join("".join(pieces).split()))


def sentence_case(title: str, *, proper_words: set[str]) -> str:
    """A plain title in sentence case (no markup to say where the names are)."""
    return _first_letter_upper(_lower_words(title, {w.casefold(): w for w in proper_words}))


def _first_letter_upper(text: str) -> str:
    """Capitalise the first letter, even after an opening bracket or quote."""
    for position, char in enumerate(text):
        if char.isalpha():
            return text[:position] + char.upper() + text[position + 1 :]
    return text


def _lower_words(text: str, known: dict[str, str]) -> str:
    return _WORD.sub(lambda m: known.get(m.group().casefold(), m.group().lower()), text)


def _capitalise_name(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group().lower()
        return word if word in NAME_PARTICLES else word[:1].upper() + word[1:]

    result = _WORD.sub(one, text)
    return result[:1].upper() + result[1:]


def normalise_title(
    title: str, text: etree._Element, registry=None, evidence: ProperWords | None = None
) -> str:
    """``title`` as an editor prints it, using the document's ``text`` as evidence.

    Unchanged unless set in capitals.  Then the first ``head`` of ``text``,
    when it reads the same, gives the names (in the case ``registry`` gives
    them); the paragraphs give the words that keep a capital: those in
    ``text`` and those ``evidence`` read before they left it.
    """
    if not mostly_capitals(title):
        return title
    ns = "{http://www.tei-c.org/ns/1.0}"
    evidence = evidence if evidence is not None else ProperWords()
    for paragraph in text.iter(f"{ns}p"):  # one at a time: all at once is a copy (issue 26)
        evidence.add(" ".join("".join(paragraph.itertext()).split()))
    proper = evidence.words()
    head = text.find(f".//{ns}head")
    if head is None or " ".join("".join(head.itertext()).split()) != " ".join(title.split()):
        return sentence_case(title, proper_words=proper)

    def register_form(element: etree._Element, written: str) -> str | None:
        entry = registry.lookup(element.get("ref") or "") if registry is not None else None
        if entry is None:
            return None
        return next((n for n in entry.names if n.casefold() == written.casefold()), None)

    return sentence_case_title(head, proper_words=proper, register_form=register_form)
