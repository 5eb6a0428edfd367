"""Grammars prepared before install: the bundled schemas, already flattened and simplified.

Every run that specialises a grammar first reads the full schema, applies its
``include``s, drops the annotations and makes every pattern context-free
(:func:`tei_tools.validate.specialise.parse_grammar`).  None of that depends on
the document, so for the schemas tei-tools ships (``schemas/tei_all.rng``,
``schemas/tei-tools.rng``) its result is shipped too, in ``tei_tools/data/grammars``,
written by ``scripts/ship_grammars.py``.

Likewise the translations into Python's ``regex`` dialect of the XML Schema
patterns that ``prefixDef``s use most (the one tei-tools writes among them),
so that checking pointers need not import elementpath to translate them.

A shipped grammar is used only when the bytes of the schema *and* of every
file it includes are those it was made from (their SHA-256 is in the
manifest), so an edited or updated schema is never read through a stale
copy; it is then prepared as any user's schema is, and cached on disk.
``tests/test_grammar_store.py`` fails when a shipped file is not what the
script would write now.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

#: Where the prepared grammars and their manifest live in the package.
STORE_DIR = Path(__file__).resolve().parent.parent / "data" / "grammars"
MANIFEST = "manifest.json"
PATTERNS = "xsd-patterns.json"


def shipped_grammar(schema_path: Path, data: bytes, version: int) -> bytes | None:
    """The prepared grammar for a schema with these bytes, or None when none matches.

    ``version`` is the preparing code's version (the specialiser's): a file
    prepared by other code is not used.  Included files are looked up next to
    ``schema_path``, as the schema's own ``include`` would find them.
    """
    entry = _manifest().get(hashlib.sha256(data).hexdigest())
    if entry is None or entry.get("version") != version:
        return None
    for name, digest in entry["includes"].items():
        try:
            included = (schema_path.parent / name).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(included).hexdigest() != digest:
            return None
    try:
        return (STORE_DIR / entry["file"]).read_bytes()
    except OSError:
        return None  # a package without its data: prepare the schema as any other


def _manifest() -> dict[str, dict]:
    try:
        text = (STORE_DIR / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return {}
    return json.loads(text)["grammars"]


def translated_pattern(pattern: str) -> str | None:
    """The ``regex`` form of an XML Schema pattern translated before install, if it was.

    >>> translated_pattern("([0-9]+)")
    '([0-9]+)'
    """
    return _patterns().get(pattern)


def _patterns() -> dict[str, str]:
    try:
        text = (STORE_DIR / PATTERNS).read_text(encoding="utf-8")
    except OSError:
        return {}
    return json.loads(text)["patterns"]
