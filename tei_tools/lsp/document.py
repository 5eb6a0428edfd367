"""One version of a buffer as the editor features read it: tags, ids, prefixes, tokens.

Everything here comes from the tolerant scanner, not from a parse, so
completion, hover and navigation keep working while the document is not
well-formed.  A view is built once per version and shared by the requests
that arrive for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tei_tools.lsp.scanner import Attribute, Tag, TagIndex
from tei_tools.lsp.text import LineIndex
from tei_tools.validate.prefixdef import PrefixRule

_TOKEN = re.compile(r"\S+")

#: How much of a large buffer a partial view reads: the header, and around the cursor.
HEADER_WINDOW = 256 * 1024
CURSOR_WINDOW = 4096


class Superseded(Exception):
    """The buffer changed while a request's work on an older version ran: that work is dropped.

    Raised by the long readings (the outlines, workspace references and rename)
    when the ``cancelled`` test they are given says so; the server answers the
    request with the protocol's ``ContentModified``.
    """


def look_every(cancelled: Callable[[], bool] | None, count: int, every: int = 512) -> None:
    """Raise :class:`Superseded` when ``cancelled()`` says so, asking once per ``every`` items.

    >>> look_every(lambda: True, 1)
    >>> look_every(lambda: True, 512)
    Traceback (most recent call last):
    ...
    tei_tools.lsp.document.Superseded
    """
    if cancelled is not None and count % every == 0 and cancelled():
        raise Superseded


@dataclass(frozen=True)
class ValueToken:
    """The white-space-separated item of an attribute value under the cursor."""

    tag: Tag
    attribute: Attribute
    text: str
    start: int
    end: int


class DocumentView:
    """The parts of a buffer's text that editor requests ask about."""

    def __init__(
        self,
        text: str,
        path: Path | None = None,
        windows: tuple[tuple[int, int], ...] | None = None,
        lines: LineIndex | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.lines = lines if lines is not None else LineIndex(text)
        self.tags = TagIndex(text, windows)
        #: True for a view of parts of the buffer only (:meth:`around`): its ids are not all.
        self.partial = windows is not None

    @classmethod
    def around(cls, text: str, path: Path | None, line: int, character: int) -> DocumentView:
        """A partial view, quick to build on a large buffer: its header and the cursor's lines.

        Enough for a hover: the tag under the cursor, and the ``prefixDef``s
        of the ``teiHeader``.  Each part begins at a line start, where markup
        is rarely open (a comment running over it would be read as text).
        """
        lines = LineIndex(text)
        offset = lines.offset(line, character)
        header_end = text.find("</teiHeader>", 0, HEADER_WINDOW)
        header = (0, header_end if header_end >= 0 else min(len(text), HEADER_WINDOW))
        start = text.rfind("\n", 0, max(0, offset - CURSOR_WINDOW)) + 1
        end = text.find("\n", min(len(text), offset + CURSOR_WINDOW))
        cursor = (max(start, header[1]), len(text) if end < 0 else end)
        windows = (header, cursor) if cursor[0] < cursor[1] else (header,)
        return cls(text, path, windows, lines)

    @functools.cached_property
    def ids(self) -> dict[str, Tag]:
        """Each ``xml:id`` and the tag that carries it (the first, when repeated)."""
        found: dict[str, Tag] = {}
        for tag in self.tags.element_tags():
            attribute = tag.attribute("xml:id")
            if attribute is not None and attribute.value:
                found.setdefault(attribute.value, tag)
        return found

    @functools.cached_property
    def prefixes(self) -> dict[str, list[PrefixRule]]:
        """``prefixDef`` rules, read as :func:`tei_tools.validate.pointers.prefix_definitions` reads them."""
        from lxml import etree

        from tei_tools.validate.prefixdef import PrefixPatternError, read_prefix_rule

        found: dict[str, list[PrefixRule]] = {}
        for tag in self.tags.element_tags():
            if tag.local != "prefixDef":
                continue
            values = {a.name: a.value for a in tag.attributes}
            wanted = ("ident", "matchPattern", "replacementPattern")
            node = etree.Element("prefixDef", {k: v for k, v in values.items() if k in wanted})
            try:
                rule = read_prefix_rule(node)
            except PrefixPatternError:
                continue  # the validator reports it; navigation just cannot follow it
            if rule is not None:
                found.setdefault(rule.ident, []).append(rule)
        return found

    def attribute_at(self, offset: int) -> tuple[Tag, Attribute] | None:
        """The attribute whose value holds ``offset`` (quotes excluded, both ends included)."""
        tag = self.tags.at(offset)
        if tag is None or tag.kind == "end":
            return None
        for attribute in tag.attributes:
            if (
                attribute.value_start >= 0
                and attribute.value_start <= offset <= attribute.value_end
            ):
                return tag, attribute
        return None

    def token_at(self, offset: int) -> ValueToken | None:
        """The item of an attribute value under the cursor (empty between items)."""
        found = self.attribute_at(offset)
        if found is None:
            return None
        tag, attribute = found
        relative = offset - attribute.value_start
        for match in _TOKEN.finditer(attribute.value or ""):
            if match.start() <= relative <= match.end():
                start = attribute.value_start + match.start()
                return ValueToken(tag, attribute, match.group(), start, start + len(match.group()))
        return ValueToken(tag, attribute, "", offset, offset)

    def content_text(self, tag: Tag) -> str:
        """The text inside an element, its inner tags left out, white space collapsed."""
        end = self.tags.matching_end(tag)
        if end is None:
            return ""
        pieces, at = [], tag.end
        tags = self.tags.tags
        for position in range(self.tags.position(tag) + 1, len(tags)):
            inner = tags[position]
            if inner.start >= end.start:
                break
            pieces.append(self.text[at : inner.start])
            at = inner.end
        pieces.append(self.text[at : end.start])
        return " ".join("".join(pieces).split())

    def enclosing(self, offset: int, names: frozenset[str]) -> Tag | None:
        """The innermost element named in ``names`` whose start tag or content holds ``offset``."""
        tag = self.tags.at(offset)
        if tag is not None and tag.kind != "end" and tag.local in names:
            return tag
        for open_tag in reversed(self.tags.open_elements(offset)):
            if open_tag.local in names:
                return open_tag
        return None
