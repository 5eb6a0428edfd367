"""A customisation that includes tei_all is specialised like tei_all, with the same verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree

from tei_tools.convert import convert_text
from tei_tools.validate import specialise

PROJECT = REPO / "schemas" / "tei-tools.rng"
TEXTS = [
    "A NOTE\n\n5 March 1918\nTrotsky, iii, 2, p. 183\n\n    1 . Trotsky wrote on 26 October [8 November].\n",
    "A NOTE\n\n5 March 1918\n\n    Text.\n\nL. Trotsky\n",
]


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    specialise.clear_cache()
    yield
    specialise.clear_cache()


def grammar_of(path: Path) -> etree._Element:
    return specialise.parse_grammar(
        path, path.read_bytes(), specialise.grammar_digest(path.read_bytes())
    ).getroot()


def test_project_schema_is_flattened_and_specialisable(fresh_cache):
    assert specialise.can_specialise(grammar_of(PROJECT))


@pytest.mark.parametrize("text", TEXTS)
def test_specialised_project_schema_gives_the_full_schemas_verdict(
    text, project_schema, fresh_cache
):
    tree = convert_text(text)
    date = tree.find(".//{http://www.tei-c.org/ns/1.0}dateline/{http://www.tei-c.org/ns/1.0}date")
    for broken in (False, True):
        if broken:
            del date.attrib["when"]
        vocabulary = specialise.document_vocabulary(tree.getroot())
        pruned = specialise.compiled_schema(PROJECT, vocabulary)
        assert pruned.validate(tree) == project_schema.validate(tree) == (not broken)
