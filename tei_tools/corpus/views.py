"""The reading and diplomatic views of a document's text on its site page.

The exporter renders a manuscript's source lines (``lb``) two ways: the
reading view runs them together into prose, the diplomatic view keeps each
line and numbers it (:data:`tei_tools.export.html_render.VIEWS`).  A page
whose text has source lines carries both: the reading text as the page's
text, and the diplomatic one in an inert ``<template>`` (not in the page's
DOM, so its ids and links do not clash with the reading text's, and neither
search index reads it).  ``site.js`` shows the switch and swaps the texts; a
reader's choice is kept for the next page.  Without JavaScript the reading
text is shown, and the switch stays hidden, since it could not work.

A text without source lines reads the same in both views and gets no switch.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import builder as E

from tei_tools.xml import TEI_NS

#: The id of the template holding the diplomatic text (``site.js`` looks for it).
DIPLOMATIC_TEMPLATE_ID = "tei-view-diplomatic"

#: The switch's buttons: (view, label).
VIEW_LABELS = (("reading", "Reading text"), ("diplomatic", "Source lines (diplomatic)"))


def has_source_lines(root: etree._Element) -> bool:
    """True when the document's text marks source line breaks, so the two views differ."""
    return root.find(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}lb") is not None


def add_diplomatic_view(article: etree._Element, diplomatic: etree._Element) -> None:
    """Give ``article`` (the reading view) the switch and ``diplomatic``'s text in a template.

    Both are the exporter's articles for one document; only their
    ``div.tei-text`` differs, so only that is kept from ``diplomatic``.
    """
    reading_text = article.find(".//div[@class='tei-text']")
    diplomatic_text = diplomatic.find(".//div[@class='tei-text']")
    if reading_text is None or diplomatic_text is None:
        return
    switch = E.DIV(
        {"class": "view-switch", "role": "group", "aria-label": "Text view", "hidden": "hidden"},
        *(
            E.BUTTON(
                label,
                {
                    "type": "button",
                    "data-view": view,
                    "aria-pressed": str(view == "reading").lower(),
                },
            )
            for view, label in VIEW_LABELS
        ),
    )
    template = etree.Element(
        "template", {"id": DIPLOMATIC_TEMPLATE_ID, "data-pagefind-ignore": "all"}
    )
    template.append(diplomatic_text)
    reading_text.addprevious(switch)
    reading_text.addnext(template)
