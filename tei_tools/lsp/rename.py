"""Renaming an ``xml:id`` together with every pointer in the buffer that leads to it.

A pointer is any item of a pointer attribute (``@ref``, ``@target``,
``@corresp``, ``@who``, ...: :data:`tei_tools.validate.pointers.POINTER_ATTRIBUTES`)
that resolves to ``#old`` as the pointer check resolves it, through the
document's ``prefixDef``s.  ``#old`` becomes ``#new``.  A prefixed pointer keeps
its prefix form: in ``x:old`` only the id part is replaced, and only when it
is written literally at the end of the pointer and the pointer so changed
resolves to ``#new``; any other pointer that resolves to ``#old`` (a
``prefixDef`` that rewrites the id) is left as it is and reported back as
skipped, so that the server can say so.

This is the rename of one buffer, for a buffer not saved as a file (it has
no place that other files could point to); a saved file's ids are renamed
across the workspace by :mod:`tei_tools.lsp.workspace_rename`, which tells
files of the same name apart by resolving each pointer from its own folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.navigation import pointer_tokens, resolve_pointer
from tei_tools.validate.pointers import POINTER_ATTRIBUTES


class RenameRefused(ValueError):
    """A rename that cannot be done; the message says why, for the editor to show."""


@dataclass(frozen=True)
class Renamable:
    """The ``xml:id`` a rename at the cursor would change, and the span to show the user."""

    xml_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Rename:
    """The edits of a rename (``(start, end, new text)``) and the pointers left as they were."""

    edits: list[tuple[int, int, str]]
    skipped: list[tuple[int, int, str]]


def renamable(view: DocumentView, offset: int) -> Renamable | None:
    """The ``xml:id`` under the cursor: an ``xml:id`` value or a pointer that leads to one.

    On a pointer the span is the id part as written (``p1`` in ``#p1``); a
    pointer whose id part is not written literally is not a place to rename from.

    >>> view = DocumentView('<p xml:id="p1"/><ref target="#p1"/>')
    >>> renamable(view, 12), renamable(view, 31)
    (Renamable(xml_id='p1', start=11, end=13), Renamable(xml_id='p1', start=30, end=32))
    """
    token = view.token_at(offset)
    if token is None or not token.text:
        return None
    if token.attribute.name == "xml:id":
        return Renamable(token.text, token.start, token.end)
    if token.attribute.local not in POINTER_ATTRIBUTES:
        return None
    target = resolve_pointer(token.text, view.prefixes)
    if not target or not target.startswith("#") or len(target) < 2:
        return None
    xml_id = target[1:]
    if not token.text.endswith(xml_id):
        return None
    return Renamable(xml_id, token.end - len(xml_id), token.end)


def rename(view: DocumentView, offset: int, new_name: str) -> Rename:
    """The edits that rename the ``xml:id`` under the cursor to ``new_name``.

    Refused (:class:`RenameRefused`) when the cursor is on no id or pointer to
    one, when ``new_name`` is not an NCName (what ``xml:id`` must be), or when
    another element already has that id.

    >>> view = DocumentView('<p xml:id="a"/><ref target="#a #b"/>')
    >>> rename(view, 11, "c").edits
    [(11, 12, 'c'), (29, 30, 'c')]
    """
    found = renamable(view, offset)
    if found is None:
        raise RenameRefused("Only an xml:id, or a pointer to one, can be renamed here.")
    check_id_name(new_name)
    old = found.xml_id
    if new_name == old:
        return Rename([], [])
    if new_name in view.ids:
        tag = view.ids[new_name]
        line = view.lines.position(tag.start)[0] + 1
        raise RenameRefused(f'xml:id "{new_name}" is already used (<{tag.local}> on line {line}).')
    edits: list[tuple[int, int, str]] = []
    for tag in view.tags.element_tags():
        holder = tag.attribute("xml:id")
        if holder is not None and holder.value == old:
            edits.append((holder.value_start, holder.value_end, new_name))
    skipped: list[tuple[int, int, str]] = []
    for token in pointer_tokens(view):
        if resolve_pointer(token.text, view.prefixes) != f"#{old}":
            continue
        renamed = token.text[: -len(old)] + new_name if token.text.endswith(old) else None
        if renamed is not None and resolve_pointer(renamed, view.prefixes) == f"#{new_name}":
            edits.append((token.end - len(old), token.end, new_name))
        else:
            skipped.append((token.start, token.end, token.text))
    edits.sort()
    return Rename(edits, skipped)


def check_id_name(name: str) -> None:
    """Refuse a name that is not an NCName, with libxml2's own test of names.

    >>> check_id_name("p-2.x")
    >>> try:
    ...     check_id_name("2p")
    ... except RenameRefused as refused:
    ...     print(refused)
    "2p" is not a valid xml:id (an XML name without a colon).
    """
    from lxml import etree

    try:
        # Raises for an empty name, a colon, a leading digit, white space; "{" is
        # refused first, as QName would read "{ns}local" as a namespaced name.
        if "{" in name or "}" in name:
            raise ValueError(name)
        etree.QName(name)
    except ValueError:
        raise RenameRefused(
            f'"{name}" is not a valid xml:id (an XML name without a colon).'
        ) from None
