"""PDF through WeasyPrint: the print stylesheet, running heads, page numbers, footnotes.

WeasyPrint is an optional extra (``pip install 'tei-tools[pdf]'``) because it
pulls in Pango and friends; everything else in tei-tools works without it.
The HTML given to it keeps each note at its place (``notes="inline"``) so
that CSS Paged Media's ``float: footnote`` sets it at the foot of its page.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from lxml import etree

from tei_tools.errors import MissingExtraError


def require_weasyprint():
    """The ``weasyprint`` module, or a one-line error naming the extra that provides it."""
    try:
        import weasyprint
    except ImportError:
        raise MissingExtraError("PDF export", "pdf", "weasyprint") from None
    except OSError as error:  # the package is there but its system libraries are not
        raise MissingExtraError(
            f"PDF export (system libraries missing: {error})", "pdf", "weasyprint"
        ) from None
    return weasyprint


def export_pdf(
    tree: etree._ElementTree | etree._Element,
    out_path: str | os.PathLike[str] | None = None,
    *,
    css: str | None = None,
    registers: Mapping[str, Mapping[str, str]] | None = None,
    view: str = "reading",
) -> bytes:
    """Render a TEI document to PDF; write it to ``out_path`` (atomically) if given.

    ``css`` is extra CSS text applied after the shipped print stylesheet;
    ``view`` is ``reading`` (source lines run together) or ``diplomatic``
    (source lines kept and numbered), as for :func:`~tei_tools.export.html.export_html`.
    The PDF is tagged (PDF/UA-1: a structure tree, the document's language and
    its title).  Returns the PDF bytes either way.
    """
    from tei_tools.xml import write_atomic

    with fixed_font_timestamps():
        document = layout_pdf(tree, css=css, registers=registers, view=view)
        data = document.write_pdf(pdf_variant=PDF_VARIANT)
    if out_path is not None:
        write_atomic(out_path, data)
    return data


def layout_pdf(
    tree: etree._ElementTree | etree._Element,
    *,
    css: str | None = None,
    registers: Mapping[str, Mapping[str, str]] | None = None,
    view: str = "reading",
):
    """The pages of the PDF as WeasyPrint lays them out (a ``weasyprint.Document``).

    :func:`export_pdf` writes them; a test can read their lines and running heads.
    """
    weasyprint = require_weasyprint()
    from tei_tools.export.html import render_page, stylesheet

    html = render_page(tree, registers=registers, notes="inline", styles=False, view=view)
    spaces_after_boundaries(html)
    page = etree.tostring(html, method="html", encoding="unicode", doctype="<!DOCTYPE html>")
    sheets = [
        weasyprint.CSS(string=stylesheet("screen.css")),
        weasyprint.CSS(string=stylesheet("print.css")),
    ]
    if css:
        sheets.append(weasyprint.CSS(string=css))
    # WeasyPrint logs every CSS property it ignores; that is noise for a user.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # No base URL: a relative link stays relative in the PDF (a viewer resolves it
    # beside the PDF, as a browser does beside the HTML).  Resolving it against the
    # working directory made the bytes depend on where, and on which machine, the
    # PDF was made (file:///home/.../r/persons.xml), e.g. on a Dask worker.
    document = weasyprint.HTML(string=page, base_url=None)
    # PDF/UA-1 from the layout on: a structure tree from the HTML's elements, the
    # page's language (<html lang>) and its <title> as the document's title.
    return document.render(stylesheets=sheets, pdf_variant=PDF_VARIANT)


#: The PDF variant written: tagged, for screen readers and reflow (WeasyPrint 61 or later).
PDF_VARIANT = "pdf/ua-1"

#: Elements laid out inline, whose edges may carry a space between words.
INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "q", "s", "small",
     "span", "strong", "sub", "sup", "time", "u"}
)  # fmt: skip


def spaces_after_boundaries(page: etree._Element) -> None:
    """Move each space at the edge of an inline element to the text after that edge.

    WeasyPrint (70) misjudges a text that ends in a space just past the end
    of a line when an inline element follows: it keeps only the first word
    on the line ("An" / "open proposal ... by the" / "Second All-Russian
    ..."), since it counts the trailing space in the width and then breaks
    as if the text had no break opportunity.  A space moved into the text
    that follows is a line-start space instead, which it drops correctly;
    the words and the spaces between them are unchanged.

    >>> p = etree.fromstring("<p>by the <a>Second</a> on</p>")
    >>> spaces_after_boundaries(p)
    >>> etree.tostring(p, encoding="unicode")
    '<p>by the<a> Second</a> on</p>'
    """
    for element in page.iter(*INLINE_ELEMENTS):
        previous = element.getprevious()
        before = element.getparent() if previous is None else previous
        text = (before.text if previous is None else previous.tail) or ""
        if text.endswith(" ") and text.strip() and before is not None:
            if previous is None:
                before.text = text.rstrip(" ")
            else:
                previous.tail = text.rstrip(" ")
            element.text = " " + (element.text or "")


#: The font timestamp written when the caller did not set ``SOURCE_DATE_EPOCH``
#: (1 January 2000): any fixed value makes the bytes reproducible.
FONT_TIMESTAMP = "946684800"

_timestamp_lock = threading.Lock()
_timestamp_users = 0


@contextmanager
def fixed_font_timestamps() -> Iterator[None]:
    """Make WeasyPrint's embedded fonts carry a fixed timestamp while a PDF is written.

    When WeasyPrint rewrites a font with fontTools (a variable font made
    static, an emoji font, or every subset on systems without HarfBuzz-subset),
    fontTools stamps the font's ``head.modified`` with the current time, so
    two renderings a second apart differ by a few bytes: the "1 job vs 2 jobs"
    PDF flake of a slow first run.  fontTools honours the reproducible-builds
    variable ``SOURCE_DATE_EPOCH``; it is set for the duration of the
    rendering (a caller's own value wins) and removed again afterwards, with a
    count so that concurrent threads do not remove it under each other.

    >>> with fixed_font_timestamps():
    ...     bool(os.environ["SOURCE_DATE_EPOCH"])
    True
    """
    global _timestamp_users
    with _timestamp_lock:
        if _timestamp_users == 0 and "SOURCE_DATE_EPOCH" in os.environ:
            owned = False
        else:
            owned = True
            if _timestamp_users == 0:
                os.environ["SOURCE_DATE_EPOCH"] = FONT_TIMESTAMP
            _timestamp_users += 1
    try:
        yield
    finally:
        if owned:
            with _timestamp_lock:
                _timestamp_users -= 1
                if _timestamp_users == 0:
                    os.environ.pop("SOURCE_DATE_EPOCH", None)
