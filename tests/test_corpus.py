"""The bundled corpus: its TEI is what the converter writes today, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO, corpus_sources

from tei_tools.convert import convert_file
from tei_tools.xml import serialize

REGENERATE = "tei-tools convert corpus/source --out-dir corpus/tei"


@pytest.mark.parametrize("source", corpus_sources(), ids=lambda p: p.stem)
def test_corpus_tei_is_not_stale(source):
    committed = REPO / "corpus" / "tei" / f"{source.stem}.xml"
    assert committed.exists(), f"{committed} is missing; run: {REGENERATE}"
    fresh = serialize(convert_file(source).tree)
    assert committed.read_bytes() == fresh, f"{committed} is stale; run: {REGENERATE}"


def test_output_is_identical_across_processes_and_hash_seeds():
    source = corpus_sources()[0]
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "tei_tools", "convert", str(source)],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_the_bundled_editions_version_is_the_release_it_ships_with():
    from tei_tools.reading.collection_info import read_collection_info
    from tei_tools.version import __version__

    settings = REPO / "corpus" / "tei-tools.toml"
    info, _ = read_collection_info(settings.read_text(encoding="utf-8"), str(settings))
    assert info.version == __version__, f"set version = {__version__!r} in {settings}"
    assert info.licence and info.citation_style == "chicago"
