"""Renaming an ``xml:id`` across the workspace, and finding every pointer to it there.

A pointer leads to a file and an id: ``#p1`` to its own file, ``per:trotsky``
through its document's ``prefixDef`` to ``registers/persons.xml#trotsky``,
``letter.xml#p1`` to the sibling file.  Two pointers lead to the same id when
they resolve, each from its own file's folder, to the same file (compared by
resolved path) and the same id, so a ``letter.xml`` in another folder, or
another project's ``registers/persons.xml``, is not touched.

The rename starts from the cursor: on an ``xml:id``, or on a pointer whose id
part is written as is.  Every ``*.xml`` file under the workspace folders is
read (open buffers as the editor holds them), but only a file whose text
contains the old id at all is scanned (so, outside the declaring file, a
pointer that reaches the id only through a ``prefixDef`` rewriting it out of
sight is not found).  As in the one-buffer rename
(:mod:`tei_tools.lsp.rename`), a pointer whose ``prefixDef`` does not keep the
id as written is left unchanged and reported back.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tei_tools.lsp.document import DocumentView, look_every
from tei_tools.lsp.navigation import pointer_tokens, resolve_pointer
from tei_tools.lsp.rename import RenameRefused, check_id_name
from tei_tools.validate.pointers import POINTER_ATTRIBUTES

#: Files read at most for one rename, and the largest read (a rename must not stall on a dump).
MAX_FILES = 5000
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class RenameTarget:
    """The id a rename at the cursor changes: its file, its name, and the span to show."""

    path: Path
    xml_id: str
    start: int
    end: int


@dataclass
class FileEdits:
    """The edits in one file (``(start, end, new text)``), with the view their offsets belong to."""

    path: Path
    view: DocumentView
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    skipped: list[tuple[int, int, str]] = field(default_factory=list)


def rename_target(view: DocumentView, offset: int) -> RenameTarget | None:
    """The id under the cursor (an ``xml:id`` value, or a pointer to one) and its file.

    >>> view = DocumentView('<ref target="notes.xml#n1"/>', Path("/w/letter.xml"))
    >>> rename_target(view, 24)
    RenameTarget(path=PosixPath('/w/notes.xml'), xml_id='n1', start=23, end=25)
    """
    if view.path is None:
        return None
    token = view.token_at(offset)
    if token is None or not token.text:
        return None
    if token.attribute.name == "xml:id":
        return RenameTarget(_resolved(view.path), token.text, token.start, token.end)
    if token.attribute.local not in POINTER_ATTRIBUTES:
        return None
    place = _place(resolve_pointer(token.text, view.prefixes), view.path)
    if place is None or not token.text.endswith(place[1]):
        return None
    return RenameTarget(place[0], place[1], token.end - len(place[1]), token.end)


def workspace_rename(
    target: RenameTarget,
    new_name: str,
    documents: Iterable[tuple[Path, str]],
    cancelled: Callable[[], bool] | None = None,
) -> list[FileEdits]:
    """The edits, file by file, that rename ``target`` to ``new_name`` in ``documents``.

    Refused (:class:`RenameRefused`) when ``new_name`` is not an NCName, when
    the file declaring the id already has ``new_name``, or when that file is
    not among ``documents`` (not in the workspace).  ``cancelled`` is asked
    before each file and every few hundred pointers; when it says so the
    rename stops with :class:`~tei_tools.lsp.document.Superseded`.
    """
    check_id_name(new_name)
    old = target.xml_id
    changed: list[FileEdits] = []
    declared = False
    for path, text in documents:
        look_every(cancelled, 0)
        here = _resolved(path)
        is_target = here == target.path
        if old not in text and not is_target:
            continue
        view = DocumentView(text, path)
        found = FileEdits(path, view)
        if is_target:
            declared = True
            if new_name in view.ids and new_name != old:
                tag = view.ids[new_name]
                line = view.lines.position(tag.start)[0] + 1
                raise RenameRefused(
                    f'xml:id "{new_name}" is already used in {path.name} '
                    f"(<{tag.local}> on line {line})."
                )
            for tag in view.tags.element_tags():
                holder = tag.attribute("xml:id")
                if holder is not None and holder.value == old:
                    found.edits.append((holder.value_start, holder.value_end, new_name))
        for count, token in enumerate(pointer_tokens(view), 1):
            look_every(cancelled, count)
            if old not in token.text:
                continue
            if _place(resolve_pointer(token.text, view.prefixes), path) != (target.path, old):
                continue
            renamed = token.text[: -len(old)] + new_name if token.text.endswith(old) else None
            if renamed is not None and _place(resolve_pointer(renamed, view.prefixes), path) == (
                target.path,
                new_name,
            ):
                found.edits.append((token.end - len(old), token.end, new_name))
            else:
                found.skipped.append((token.start, token.end, token.text))
        if found.edits or found.skipped:
            found.edits.sort()
            changed.append(found)
    if not declared:
        raise RenameRefused(
            f'xml:id "{old}" is declared in {target.path}, which is not in the workspace.'
        )
    if new_name == old:
        return []
    return changed


def workspace_references(
    target: RenameTarget,
    documents: Iterable[tuple[Path, str]],
    include_declaration: bool,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileEdits]:
    """Every pointer to ``target`` in ``documents`` (and its ``xml:id``, if asked), file by file.

    The spans come as edits that would write nothing new (``text`` is the
    pointer as written), so that a caller turns both into locations alike.
    ``cancelled`` is asked as by :func:`workspace_rename`.
    """
    old = target.xml_id
    found: list[FileEdits] = []
    for path, text in documents:
        look_every(cancelled, 0)
        is_target = _resolved(path) == target.path
        if old not in text:
            continue
        view = DocumentView(text, path)
        spans = FileEdits(path, view)
        if is_target and include_declaration:
            tag = view.ids.get(old)
            holder = tag.attribute("xml:id") if tag is not None else None
            if holder is not None:
                spans.edits.append((holder.value_start, holder.value_end, old))
        for count, token in enumerate(pointer_tokens(view), 1):
            look_every(cancelled, count)
            if old in token.text and _place(resolve_pointer(token.text, view.prefixes), path) == (
                target.path,
                old,
            ):
                spans.edits.append((token.start, token.end, token.text))
        if spans.edits:
            spans.edits.sort()
            found.append(spans)
    return found


def workspace_documents(
    roots: Iterable[Path], buffers: dict[Path, str], also: Iterable[Path] = ()
) -> Iterator[tuple[Path, str]]:
    """Every ``*.xml`` file under ``roots`` (hidden folders skipped), and ``also``, with its text.

    A file open in the editor comes with the buffer's text (``buffers``), not
    the text on disk; an open buffer outside the roots comes too.
    """
    seen: set[Path] = set()
    for path, text in buffers.items():
        seen.add(_resolved(path))
        yield path, text
    count = 0
    for path in [*_xml_files(roots), *also]:
        resolved = _resolved(path)
        if resolved in seen:
            continue
        seen.add(resolved)
        count += 1
        if count > MAX_FILES:
            return
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not a file the rename can edit
        yield path, text


def _xml_files(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        for folder, folders, files in os.walk(root):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if name.endswith(".xml"):
                    yield Path(folder) / name


def _place(resolved: str | None, path: Path) -> tuple[Path, str] | None:
    """(file, id) a resolved pointer leads to, reading a relative file from ``path``'s folder."""
    if not resolved:
        return None
    location, _, fragment = resolved.partition("#")
    if not fragment or "://" in location or location.startswith(("http:", "https:", "urn:")):
        return None
    if not location:
        return _resolved(path), fragment
    return _resolved(path.parent / location), fragment


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a loop of links: compare as written
        return path
