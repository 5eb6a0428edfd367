"""PDF through WeasyPrint: the print stylesheet, running heads, page numbers, footnotes.

WeasyPrint is an optional extra (``pip install 'tei-tools[pdf]'``) because it
pulls in Pango and friends; everything else in tei-tools works without it.
The HTML given to it keeps each note at its place (``notes="inline"``) so
that CSS Paged Media's ``float: footnote`` sets it at the foot of its page.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

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
    Returns the PDF bytes either way.
    """
    weasyprint = require_weasyprint()
    from tei_tools.export.html import export_html, stylesheet
    from tei_tools.xml import write_atomic

    page = export_html(tree, registers=registers, notes="inline", styles=False, view=view)
    sheets = [
        weasyprint.CSS(string=stylesheet("screen.css")),
        weasyprint.CSS(string=stylesheet("print.css")),
    ]
    if css:
        sheets.append(weasyprint.CSS(string=css))
    # WeasyPrint logs every CSS property it ignores; that is noise for a user.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=page, base_url=".")
    data = document.write_pdf(stylesheets=sheets)
    if out_path is not None:
        write_atomic(out_path, data)
    return data
