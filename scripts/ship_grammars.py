"""Prepare the bundled schemas before install: write tei_tools/data/grammars.

    python scripts/ship_grammars.py          # rewrite the files
    python scripts/ship_grammars.py --check  # exit 1 when they are not up to date

Each bundled schema (schemas/tei_all.rng, schemas/tei-tools.rng) is read as
``validate`` reads it (includes applied, annotations dropped, patterns made
context-free, :func:`tei_tools.validate.specialise.prepare_grammar`) and the
result written with a manifest of the SHA-256 of every source file, so that a
run uses it only for exactly these bytes (see
:mod:`tei_tools.validate.grammar_store`).  The output depends only on the
schemas and the code, so regenerating is byte for byte the same;
tests/test_grammar_store.py runs ``--check``.  It also writes elementpath's
translations of the ``prefixDef`` patterns in :data:`PATTERNS`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from lxml import etree

from tei_tools.validate.grammar_store import MANIFEST, PATTERNS, STORE_DIR
from tei_tools.validate.rng_names import RNG_PREFIX
from tei_tools.validate.schema_select import schemas_dir
from tei_tools.validate.specialise import SPECIALISER_VERSION, prepare_grammar, read_schema

BUNDLED = ("tei_all.rng", "tei-tools.rng")
#: prefixDef patterns translated before install: the one tei-tools writes
#: (tei_tools/tei/header.py), and the TEI Guidelines' usual ones.
XSD_PATTERNS = (
    "([a-z0-9_.-]+)",
    "(.+)",
    "(.*)",
    "([0-9]+)",
    "([a-z]+)",
    "([A-Za-z]+)",
    "([A-Za-z0-9_.-]+)",
    "([^/]+)",
    "([^#]+)",
    "(\\S+)",
    "([a-z]+)([0-9]+)",
    "([0-9]+)-([0-9]+)",
    "([0-9\\-]+):([0-9IVX]+)",
)


def included_files(schema: Path) -> list[Path]:
    """The local files a schema includes, directly or through an included file."""
    found: list[Path] = []
    todo = [schema]
    while todo:
        root = etree.fromstring(todo.pop().read_bytes())
        for node in root.iter(RNG_PREFIX + "include", RNG_PREFIX + "externalRef"):
            path = (schema.parent / node.get("href", "")).resolve()
            if path not in found:
                found.append(path)
                todo.append(path)
    return found


def prepared_files() -> dict[str, bytes]:
    """File name -> contents of every file the store should hold, the manifest included."""
    files: dict[str, bytes] = {}
    grammars: dict[str, dict] = {}
    for name in BUNDLED:
        schema = schemas_dir() / name
        data = read_schema(schema)
        root = prepare_grammar(schema, data)
        stored = name.removesuffix(".rng") + ".prepared.rng"
        files[stored] = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
        grammars[hashlib.sha256(data).hexdigest()] = {
            "schema": name,
            "file": stored,
            "version": SPECIALISER_VERSION,
            "includes": {
                str(path.relative_to(schema.parent.resolve())): hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
                for path in included_files(schema)
            },
        }
    manifest = {"grammars": grammars}
    files[MANIFEST] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    from elementpath.regex import translate_pattern

    patterns = {"patterns": {p: translate_pattern(p) for p in XSD_PATTERNS}}
    files[PATTERNS] = (
        json.dumps(patterns, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    ).encode()
    return files


def stale_files() -> list[str]:
    """Names of the files in the store that differ from what would be written now."""
    wanted = prepared_files()
    present = {p.name for p in STORE_DIR.glob("*")}
    stale = [n for n, b in wanted.items() if not (STORE_DIR / n).is_file()
             or (STORE_DIR / n).read_bytes() != b]  # fmt: skip
    return sorted([*stale, *(present - set(wanted))])


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_files()
        for name in stale:
            print(f"stale: {STORE_DIR / name} (run python scripts/ship_grammars.py)")
        return 1 if stale else 0
    STORE_DIR.mkdir(parents=True, exist_ok=True)
    wanted = prepared_files()
    for old in STORE_DIR.glob("*"):
        if old.name not in wanted:
            old.unlink()
    for name, payload in wanted.items():
        (STORE_DIR / name).write_bytes(payload)
        print(f"wrote {STORE_DIR / name} ({len(payload):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
