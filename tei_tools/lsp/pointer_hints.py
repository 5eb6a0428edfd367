"""A did-you-mean for a pointer into a register, from the entries' ids and their names.

The validator suggests a close ``xml:id`` for a dangling ``#id`` of the
document itself; a pointer into a register file (``per:chicherine``) gets no
suggestion there.  The language server holds the workspace's registry, so it
adds one: the entry of that kind whose id is close to the pointer's id part,
or whose name or alias, written as an id is (``Georgy Chicherin`` as
``georgy-chicherin``), is the id part or close to it.  The suggestion goes
into the diagnostic's message and data, so that the quick fix offers it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lsprotocol import types

from tei_tools.validate.suggest import did_you_mean


def name_as_id(name: str) -> str:
    """A name written as an id is: letters and digits, lower case, joined by hyphens.

    >>> name_as_id("Georgy Vasilyevich Chicherin"), name_as_id("Trotskiĭ, L.")
    ('georgy-vasilyevich-chicherin', 'trotskii-l')
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def register_suggestion(pointer: str, registry) -> str | None:
    """The pointer most likely meant by ``pointer`` (``per:x``), from ``registry``'s entries.

    >>> from tei_tools.markup.registers import load_registry
    >>> register_suggestion("per:leon-trotsky", load_registry())
    'per:trotsky'
    """
    prefix, colon, wanted = pointer.partition(":")
    if not colon or not wanted:
        return None
    ids: list[str] = []
    by_name: dict[str, str] = {}
    for entry in registry.entries.values():
        if entry.prefix != prefix:
            continue
        ids.append(entry.xml_id)
        for name in entry.names:
            by_name.setdefault(name_as_id(name), entry.xml_id)
    if wanted in by_name and by_name[wanted] != wanted:
        return f"{prefix}:{by_name[wanted]}"
    close = did_you_mean(wanted, ids, cutoff=0.8)
    if close is None:
        named = did_you_mean(wanted, by_name, cutoff=0.85)
        close = by_name[named] if named is not None else None
    return f"{prefix}:{close}" if close and close != wanted else None


def with_register_suggestions(
    diagnostics: Iterable[types.Diagnostic], registry
) -> list[types.Diagnostic]:
    """``diagnostics``, each dangling register pointer without a suggestion given one."""
    found = []
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else None
        pointer = data.get("value") if data else None
        if (
            data is None
            or diagnostic.code != "pointer-dangling"
            or data.get("suggestion")
            or not isinstance(pointer, str)
            or pointer.startswith("#")
        ):
            found.append(diagnostic)
            continue
        suggestion = register_suggestion(pointer, registry)
        if suggestion is None:
            found.append(diagnostic)
            continue
        found.append(
            types.Diagnostic(
                range=diagnostic.range,
                message=f'{diagnostic.message} (did you mean "{suggestion}"?)',
                severity=diagnostic.severity,
                source=diagnostic.source,
                code=diagnostic.code,
                data={**data, "suggestion": suggestion},
            )
        )
    return found
