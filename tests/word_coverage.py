"""Counting how many words of a TEI document's ``text`` an export keeps, in order.

The reference sequence is read from the TEI independently of the exporters:
every text node under the outermost ``text`` elements, with words separated
where a block starts or a line/page break falls (unless ``@break="no"``).
Notes are the one documented move: both exporters list them after the main
text in the order their markers appear, so the reference does the same.

The match is greedy and in order: each reference word is looked for in the
export from just after the previous match, at most ``WINDOW`` words ahead, so
words an export adds (note numbers, calendar labels, hidden alternative
readings) are skipped, while a word that is missing or out of order is counted
as lost.  Comments and processing instructions are not text.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections import defaultdict

from lxml import etree
from lxml import html as lxml_html

from tei_tools.export.elements import (
    SILENT,
    WORD_BREAKS,
    is_block,
    is_footnote,
    local_name,
    shown_apparatus_reading,
    shown_reading,
    text_roots,
)


def _combining_marks() -> str:
    """A character-class body of every combining mark (vowel signs, accents, viramas).

    ``\\w`` leaves them out, which would cut a Devanagari or decomposed Greek
    word into fragments too short to follow in order.
    """
    ranges: list[str] = []
    start = None
    for code in range(sys.maxunicode + 2):
        mark = code <= sys.maxunicode and unicodedata.category(chr(code)).startswith("M")
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return "".join(ranges)


WORD = re.compile(r"[\w" + _combining_marks() + "]+")
WINDOW = 40
HTML_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "ol", "p", "section",
    "table", "td", "th", "tr", "ul",
}  # fmt: skip


def tei_reading_words(
    tree: etree._ElementTree | etree._Element, *, shown_only: bool = False
) -> list[str]:
    """The words of the document's ``text``: main flow first, then notes in marker order.

    ``shown_only`` leaves out what a single reading text rightly does not
    show: the other alternatives of a ``choice``, the readings of an ``app``
    beside its lemma, and apparatus details such as ``witDetail`` (plain text
    has nowhere to keep them; HTML keeps them hidden in the page).
    """
    notes: list[etree._Element] = []
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            parts.append(element.text)
        alternatives = shown_only and local_name(element) in {"choice", "app"}
        shown = None
        if alternatives:
            choose = shown_reading if local_name(element) == "choice" else shown_apparatus_reading
            shown = choose(element)
        for child in element:
            if alternatives and child is not shown and local_name(child) != "note":
                pass  # an alternative reading: kept in HTML, not in plain text
            elif isinstance(child.tag, str):
                name = local_name(child)
                if name == "note" and is_footnote(child):
                    notes.append(child)  # no space: the text may run on ("x<note/>y" is one word)
                elif name in WORD_BREAKS:
                    if child.get("break") == "no":
                        join_across_break(parts)
                        parts.append(lstrip_marker)
                    else:
                        parts.append(" ")
                elif name != "teiHeader" and not (shown_only and name in SILENT):
                    block = is_block(child)
                    parts.append(" " if block else "")
                    walk(child)
                    parts.append(" " if block else "")
            if child.tail:
                parts.append(child.tail)

    for root in text_roots(tree):
        walk(root)
        parts.append(" ")
    index = 0
    while index < len(notes):
        parts.append(" ")
        walk(notes[index])
        index += 1
    return WORD.findall(glue(parts))


lstrip_marker = "\x00"


def join_across_break(parts: list[str]) -> None:
    """``memo <lb break="no"/>riam`` is one word: drop the whitespace before the break."""
    while parts and not parts[-1].strip():
        parts.pop()
    if parts:
        parts[-1] = parts[-1].rstrip()


def glue(parts: list[str]) -> str:
    """Join text parts, dropping whitespace right after a no-break marker."""
    text = "".join(parts)
    return re.sub("\x00\\s*", "", text)


def html_reading_words(page: str) -> list[str]:
    """The words a reader sees in an exported page's main text and notes, block by block."""
    document = lxml_html.document_fromstring(page)
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        block = element.tag in HTML_BLOCKS
        if block:
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str) and "tei-noteref" not in child.get("class", ""):
                walk(child)  # a note's call number is the exporter's, not the document's
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(" ")

    for section in document.xpath(
        # The exporter's text (its outermost div.tei-text; <main> also holds the title block).
        '//article/div[@class="tei-text"]'
        ' | //section[contains(concat(" ", @class, " "), " tei-notes ")]'
    ):
        walk(section)
    return WORD.findall("".join(parts))


def match_in_order(reference: list[str], exported: list[str], window: int = WINDOW) -> list[int]:
    """Indexes of the reference words found in ``exported`` in order.

    A word found further ahead than the next position counts only if one of
    the two reference words after it follows it closely too; otherwise a
    missing common word ("u", "the") would jump the cursor over a stretch of
    text and count all of it as lost.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(exported):
        positions[word].append(position)

    def next_at(word: str, start: int) -> int | None:
        found = positions.get(word)
        if not found:
            return None
        at = bisect.bisect_left(found, start)
        return found[at] if at < len(found) else None

    cursor, kept = 0, []
    for index, word in enumerate(reference):
        hit = next_at(word, cursor)
        if hit is None or hit - cursor > window:
            continue
        if hit > cursor:
            following = reference[index + 1 : index + 3]
            confirmed = not following or any(
                (after := next_at(other, hit + 1)) is not None and after - hit <= 4
                for other in following
            )
            if not confirmed:
                continue
        kept.append(index)
        cursor = hit + 1
    return kept


def in_order_coverage(reference: list[str], exported: list[str], window: int = WINDOW) -> float:
    """Share of ``reference`` words found in ``exported`` in the same order (1.0 when empty)."""
    if not reference:
        return 1.0
    return len(match_in_order(reference, exported, window)) / len(reference)


def lost_words(reference: list[str], exported: list[str], limit: int = 5) -> list[str]:
    """A few reference words that were not matched, with context, for failure messages."""
    kept = set(match_in_order(reference, exported))
    lost = [i for i in range(len(reference)) if i not in kept][:limit]
    return [" ".join(reference[max(0, i - 3) : i + 4]) + f"  <{reference[i]}>" for i in lost]
