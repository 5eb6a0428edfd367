"""The bundled schemas are shipped prepared (flattened, context-free), and never stale."""

from __future__ import annotations

import importlib.util
import shutil

from conftest import REPO
from lxml import etree

from tei_tools.validate.grammar_store import shipped_grammar
from tei_tools.validate.specialise import (
    SPECIALISER_VERSION,
    parse_grammar,
    prepare_grammar,
    read_schema,
)

SCHEMAS = REPO / "schemas"


def _ship_grammars():
    spec = importlib.util.spec_from_file_location(
        "ship_grammars", REPO / "scripts" / "ship_grammars.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_grammars_are_what_the_script_writes_from_the_schemas_now():
    # After editing a bundled schema or the preparing code: python scripts/ship_grammars.py
    assert _ship_grammars().stale_files() == []


def test_regenerating_the_shipped_grammars_is_deterministic():
    script = _ship_grammars()
    assert script.prepared_files() == script.prepared_files()


def test_a_shipped_grammar_is_the_schema_prepared_afresh():
    for name in ("tei_all.rng", "tei-tools.rng"):
        schema = SCHEMAS / name
        data = read_schema(schema)
        shipped = shipped_grammar(schema, data, SPECIALISER_VERSION)
        assert shipped is not None, name
        fresh = prepare_grammar(schema, data)
        read = etree.fromstring(shipped)
        assert etree.tostring(read) == etree.tostring(fresh)
        assert [n.nsmap for n in read.iter()] == [n.nsmap for n in fresh.iter()]


def test_a_schema_whose_included_file_changed_is_prepared_afresh(tmp_path):
    for name in ("tei_all.rng", "tei-tools.rng"):
        shutil.copy(SCHEMAS / name, tmp_path / name)
    project = tmp_path / "tei-tools.rng"
    data = project.read_bytes()
    assert shipped_grammar(project, data, SPECIALISER_VERSION) is not None
    included = tmp_path / "tei_all.rng"
    included.write_bytes(included.read_bytes().replace(b'name="abbr"', b'name="abbrev"', 1))
    assert shipped_grammar(project, data, SPECIALISER_VERSION) is None
    assert shipped_grammar(included, included.read_bytes(), SPECIALISER_VERSION) is None
    # ... and validating against it sees the edit.
    root = parse_grammar(project, data, "edited-copy").getroot()
    names = {e.get("name") for e in root.iter("{http://relaxng.org/ns/structure/1.0}element")}
    assert "abbrev" in names


def test_a_shipped_grammar_is_not_used_by_other_preparing_code():
    schema = SCHEMAS / "tei_all.rng"
    assert shipped_grammar(schema, read_schema(schema), SPECIALISER_VERSION + 1) is None
