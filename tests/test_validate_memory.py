"""The validators' in-memory state: bounded, resettable, and the grammar algebra's edits exact."""

from __future__ import annotations

from lxml import etree

from tei_tools.validate import rng, specialise
from tei_tools.validate.rng import validate_rng

RNG = "http://relaxng.org/ns/structure/1.0"
#: More schemas than any of the memory caches keeps.
SCHEMAS = 40


def test_removing_a_pattern_keeps_its_tail_text_after_the_previous_sibling():
    group = etree.fromstring(f'<group xmlns="{RNG}">a<text/>b<empty/>c<text/>d</group>')
    specialise._remove_keeping_tail(group[1])
    assert etree.tostring(group) == f'<group xmlns="{RNG}">a<text/>bc<text/>d</group>'.encode()


def test_removing_a_first_pattern_moves_its_tail_text_into_the_parent():
    group = etree.fromstring(f'<group xmlns="{RNG}">a<empty/>b<text/></group>')
    specialise._remove_keeping_tail(group[0])
    assert etree.tostring(group) == f'<group xmlns="{RNG}">ab<text/></group>'.encode()


def test_validating_against_many_schemas_keeps_every_memory_cache_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    specialise.clear_cache(disk=False)
    try:
        tree = etree.ElementTree(etree.fromstring('<a n="1"><b/></a>'))
        for number in range(SCHEMAS):
            schema = tmp_path / f"s{number}.rng"
            schema.write_text(
                f'<grammar xmlns="{RNG}"><start><element name="a"><element name="c{number}">'
                "<empty/></element></element></start></grammar>",
                encoding="utf-8",
            )
            assert validate_rng(tree, schema, "a.xml")  # invalid: every cache is filled
        caches = {
            "compiled": specialise._compiled,
            "grammars": specialise._grammars,
            "digests": specialise._digests,
            "schema bytes": specialise._schema_bytes,
            "schema indexes": rng._indexes,
        }
        sizes = {name: len(cache) for name, cache in caches.items()}
        assert all(size <= 16 for size in sizes.values()), sizes
    finally:
        specialise.clear_cache(disk=False)
