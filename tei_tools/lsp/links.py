"""Document links: the schema of ``<?xml-model?>``, files and pages named by attributes, registers.

Linked are the ``href`` of ``<?xml-model?>`` and ``<?xml-stylesheet?>``; each
item of ``@facs``, ``@target``, ``@url`` (and XInclude's ``@href``) that is a
web address or a relative path to a file that exists next to the document; and
the file part of a ``prefixDef``'s ``replacementPattern`` (``registers/persons.xml``
in ``registers/persons.xml#$1``) when that file exists.  A pointer such as
``#p1`` or ``per:x`` is not a link: go to definition follows it, into the
register entry itself.  A link to a file carries no fragment (``#p1``): clients
do not agree on what one means for an XML file; the tooltip names it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.scanner import pseudo_attributes

#: Attributes (local names) whose items may name a file or a web page.
LINKED_ATTRIBUTES = frozenset({"facs", "target", "url", "href"})
#: Processing instructions whose ``href`` names a schema or a style sheet.
LINKED_INSTRUCTIONS = ("<?xml-model", "<?xml-stylesheet")
WEB_SCHEMES = frozenset({"http", "https"})


def document_links(view: DocumentView) -> list[types.DocumentLink]:
    """Every link of the buffer, in document order.

    >>> links = document_links(DocumentView('<?xml-model href="https://x.org/a.rng"?><a/>'))
    >>> [(link.target, link.range.start.character) for link in links]
    [('https://x.org/a.rng', 18)]
    """
    folder = view.path.parent if view.path is not None else None
    links: list[types.DocumentLink] = []
    for skipped in view.tags.skipped:
        if skipped.kind != "pi" or not view.text.startswith(LINKED_INSTRUCTIONS, skipped.start):
            continue
        for attribute in pseudo_attributes(view.text, skipped):
            if attribute.name == "href" and attribute.value:
                link = _link(view, folder, attribute.value, attribute.value_start)
                links += [link] if link is not None else []
    for tag in view.tags.element_tags():
        for attribute in tag.attributes:
            if not attribute.value:
                continue
            if attribute.local in LINKED_ATTRIBUTES:
                position = 0
                for item in attribute.value.split():
                    position = attribute.value.index(item, position)
                    link = _link(view, folder, item, attribute.value_start + position)
                    links += [link] if link is not None else []
                    position += len(item)
            elif tag.local == "prefixDef" and attribute.name == "replacementPattern":
                location = attribute.value.partition("#")[0]
                if location and "$" not in location:
                    link = _link(view, folder, location, attribute.value_start, web=False)
                    links += [link] if link is not None else []
    return links


def _link(
    view: DocumentView, folder: Path | None, value: str, start: int, web: bool = True
) -> types.DocumentLink | None:
    """A link for ``value`` written at ``start``: a web address, or an existing file next to us."""
    end = start + len(value)
    parsed = urlparse(value)
    if parsed.scheme in WEB_SCHEMES and parsed.netloc:
        if not web:
            return None
        return types.DocumentLink(span_range(view.lines, start, end), target=value)
    if parsed.scheme or folder is None or value.startswith("#"):
        return None  # a pointer (per:x, #id), another scheme, or nothing to be relative to
    location, _, fragment = value.partition("#")
    if not location or Path(unquote(location)).is_absolute():
        return None
    path = folder / unquote(location)
    try:
        if not path.is_file():
            return None
    except OSError:  # a name too long for the file system is no file
        return None
    tooltip = f"{location} (at #{fragment})" if fragment else location
    return types.DocumentLink(
        span_range(view.lines, start, end), target=path.resolve().as_uri(), tooltip=tooltip
    )
