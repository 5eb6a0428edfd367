"""Rewrite the golden exports in tests/golden/export/ from tests/data/seed-like.xml.

    python scripts/regenerate_golden.py          # rewrite the files, then read the diff
    python scripts/regenerate_golden.py --check  # exit 1 when one is not what the code exports

Regenerate only on purpose (after a deliberate change to an export) and review
the diff like code.  tests/test_export_golden.py only compares against these
files: a test that rewrote its expectation could not fail.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from tei_tools.export.html import export_html
from tei_tools.export.text import export_text
from tei_tools.xml import parse_xml_file, write_atomic

TESTS = Path(__file__).resolve().parent.parent / "tests"
SOURCE = TESTS / "data" / "seed-like.xml"
GOLDEN = TESTS / "golden" / "export"
REGISTERS = {"per:trotsky": {"label": "Trotsky", "wikidata": "Q33391", "dates": "1879–1940"}}

#: Golden file name -> the export that produces it.
EXPORTS: dict[str, Callable[[etree._ElementTree], str]] = {
    "seed-like.txt": lambda tree: export_text(tree),
    "seed-like.article.html": lambda tree: export_html(tree, registers=REGISTERS, standalone=False),
}


def produce(name: str) -> str:
    """What the code exports now for the golden file ``name``."""
    return EXPORTS[name](parse_xml_file(SOURCE))


def stale_files() -> list[str]:
    """Names of golden files missing or different from what the code exports now."""
    return [
        name
        for name in sorted(EXPORTS)
        if not (GOLDEN / name).is_file()
        or (GOLDEN / name).read_text(encoding="utf-8") != produce(name)
    ]


def main(argv: list[str]) -> int:
    stale = stale_files()
    if "--check" in argv:
        for name in stale:
            print(f"stale: {GOLDEN / name}", file=sys.stderr)
        return 1 if stale else 0
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in stale:
        write_atomic(GOLDEN / name, produce(name))
        print(f"rewrote {GOLDEN / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
