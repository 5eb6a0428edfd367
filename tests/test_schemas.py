"""Everything tei-tools writes is TEI P5 (tei_all) and passes the project's stricter schema."""

from __future__ import annotations

import pytest
from conftest import corpus_sources

from tei_tools.convert import convert_text

DOCUMENTS = {path.name: path for path in corpus_sources()}


def error_lines(schema) -> str:
    return "\n".join(f"{e.line}: {e.message}" for e in schema.error_log)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_bundled_documents_are_valid_tei_all_and_project_schema(name, tei_all, project_schema):
    tree = convert_text(DOCUMENTS[name].read_text(encoding="utf-8"), source_name=name)
    assert tei_all.validate(tree), error_lines(tei_all)
    assert project_schema.validate(tree), error_lines(project_schema)


GENERIC_TEXTS = {
    "diary": "My Diary\nSunday was fine.\n\nMonday, 3 March 1919, too.\n",
    "one-line": "Only a title",
    "numbered": "LIST\n\n  1. One.\n\n  2. Two.\n\nSigned\n",
    "place-dateline": "NOTE TO BERLIN\nMoscow, 5 March 1918\nIzvestia, 6 March 1918\n\n  Text.\n\nG. Chicherin\n",
    "dual-dateline": "NOTE\n\n26 October [8 November] 1917\n\n  Text.\n",
    "old-style-range-dateline": "A JOURNEY\n\nBoston, 10 to 12 May 1714\n\nWent towards Kittery.\n",
}


@pytest.mark.parametrize("profile", ["degras", "generic"])
@pytest.mark.parametrize("name", sorted(GENERIC_TEXTS))
def test_other_layouts_are_valid_tei_all_and_project_schema(name, profile, tei_all, project_schema):
    tree = convert_text(GENERIC_TEXTS[name], profile=profile)
    assert tei_all.validate(tree), error_lines(tei_all)
    assert project_schema.validate(tree), error_lines(project_schema)


def test_project_schema_is_stricter_than_tei_all(tei_all, project_schema):
    from lxml import etree

    tree = convert_text("TITLE\n\n5 March 1918\n\n    Text.\n")
    date = tree.find(".//{http://www.tei-c.org/ns/1.0}dateline/{http://www.tei-c.org/ns/1.0}date")
    del date.attrib["when"]
    assert tei_all.validate(tree)
    assert not project_schema.validate(tree)
    assert "date" in error_lines(project_schema)
    corpus = etree.fromstring(b'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>')
    assert not project_schema.validate(corpus)
