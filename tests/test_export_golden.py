"""Golden exports of the seed-like fixture, reviewed in the diff like code.

These tests only compare.  Regenerate on purpose, then read the diff:

    python scripts/regenerate_golden.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _regenerate_golden():
    spec = importlib.util.spec_from_file_location(
        "regenerate_golden", REPO / "scripts" / "regenerate_golden.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _regenerate_golden()
GOLDEN = SCRIPT.GOLDEN


@pytest.mark.parametrize("name", sorted(SCRIPT.EXPORTS))
def test_seed_like_export_matches_its_golden_file(name):
    # On a deliberate change to an export: python scripts/regenerate_golden.py
    assert SCRIPT.produce(name) == (GOLDEN / name).read_text(encoding="utf-8")


def test_a_stale_golden_file_fails_even_with_the_old_regenerate_variable_set(tmp_path, monkeypatch):
    stale = tmp_path / "seed-like.txt"
    stale.write_text("not the export\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "GOLDEN", tmp_path)
    monkeypatch.setenv("TEI_TOOLS_REGENERATE_GOLDEN", "1")
    with pytest.raises(AssertionError):
        test_seed_like_export_matches_its_golden_file("seed-like.txt")
    assert stale.read_text(encoding="utf-8") == "not the export\n"


def test_the_regeneration_script_finds_the_committed_golden_files_current():
    assert SCRIPT.stale_files() == []
