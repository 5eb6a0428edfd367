"""The data behind the name cards: one script file for the whole site.

A card shows what the index knows about an entry (full name, life dates,
role, present-day name, Wikidata) and the other documents naming it.  That
last part depends on the whole collection, so it cannot live in a document's
page without rewriting every page that names Trotsky whenever one document
changes.  It lives in ``cards.js`` instead, written with the collection
pages; a ``<script>`` file, because a page opened from disk (``file://``)
may load scripts but not fetch data.

>>> import json
>>> text = cards_script([], registry=None).decode()
>>> text.startswith("window.TEI_TOOLS_CARDS=")
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tei_tools.corpus.document import DocumentSummary
from tei_tools.corpus.entities import entity_info, unknown_info
from tei_tools.corpus.pages import by_date, document_href, index_href
from tei_tools.corpus.site_urls import site_href

#: Documents listed on a card; the index entry lists them all.
CARD_DOCUMENTS = 12


def cards_data(
    summaries: Iterable[DocumentSummary], registry, *, show_sources: bool = False
) -> dict[str, dict]:
    """Per register pointer: what its card shows (short keys keep the file small).

    The register's source notes are added (``s``) only for an editors' build.
    """
    naming: dict[str, list[DocumentSummary]] = {}
    for summary in by_date(summaries):
        for ref in summary.refs:
            if not ref.startswith("bib:"):
                naming.setdefault(ref, []).append(summary)
    cards = {}
    for ref in sorted(naming):
        entry = registry.lookup(ref) if registry is not None else None
        documents = naming[ref]
        first = next((s.when for s in documents if s.when), None)
        if entry is not None:
            info = entity_info(entry, on=first, sources=show_sources)
        else:
            info = unknown_info(ref)
        card: dict[str, object] = {
            "n": info.name,
            "i": site_href(index_href(ref)),
            "c": len(documents),
            "d": [
                [document_href(s.stem), s.title, s.date_label] for s in documents[:CARD_DOCUMENTS]
            ],
        }
        for key, value in (
            ("l", info.life),
            ("lf", info.life_full),
            ("r", info.role),
            ("m", info.modern),
            ("w", info.wikidata),
            ("s", info.source),
        ):
            if value:
                card[key] = value
        cards[ref] = card
    # A page's old pointer to a merged entry opens the card of the entry it was merged into.
    for alias, ref in registry.aliases.items() if registry is not None else ():
        if ref in cards:
            cards[alias] = cards[ref]
    return cards


def cards_script(
    summaries: Iterable[DocumentSummary], registry, *, show_sources: bool = False
) -> bytes:
    """``cards.js``: the card data as one assignment, loaded with a ``<script>`` tag."""
    data = cards_data(summaries, registry, show_sources=show_sources)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end the script early when the file is ever inlined.
    text = text.replace("</", "<\\/")
    return f"window.TEI_TOOLS_CARDS={text};\n".encode()
