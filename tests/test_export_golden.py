"""Golden exports of the seed-like fixture, reviewed in the diff like code.

Regenerate only on purpose, then read the diff:

    TEI_TOOLS_REGENERATE_GOLDEN=1 python -m pytest tests/test_export_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei_tools.export.html import export_html
from tei_tools.export.text import export_text
from tei_tools.xml import parse_xml_file

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "export"
REGISTERS = {"per:trotsky": {"label": "Trotsky", "wikidata": "Q33391", "dates": "1879–1940"}}

EXPORTS = {
    "seed-like.txt": lambda tree: export_text(tree),
    "seed-like.article.html": lambda tree: export_html(tree, registers=REGISTERS, standalone=False),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_seed_like_export_matches_its_golden_file(name):
    produced = EXPORTS[name](parse_xml_file(HERE / "data" / "seed-like.xml"))
    golden = GOLDEN / name
    if os.environ.get("TEI_TOOLS_REGENERATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")
