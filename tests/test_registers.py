"""The shipped registers and the loading of user register files."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from importlib import resources

import pytest
from lxml import etree

from tei_tools.errors import RegisterError
from tei_tools.markup.names import compile_matcher, find_names
from tei_tools.markup.registers import (
    Registry,
    clear_registry_cache,
    load_registry,
)

REGISTER_DIR = resources.files("tei_tools") / "data" / "registers"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SHIPPED = ("persons.xml", "orgs.xml", "places.xml")


def write_register(tmp_path, body: str, name: str = "mine.xml"):
    path = tmp_path / name
    path.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">' + body + "</listPerson>",
        encoding="utf-8",
    )
    return path


def test_builtin_registry_resolves_pointers_and_bare_ids():
    registry = load_registry()
    trotsky = registry.lookup("per:trotsky")
    assert trotsky is not None
    assert (trotsky.kind, trotsky.prefix, trotsky.ref) == ("person", "per", "per:trotsky")
    assert registry.lookup("trotsky") is trotsky
    assert registry.lookup("org:soviet-government").kind == "org"
    assert registry.lookup("pla:vladivostok").kind == "place"
    assert registry.lookup("per:nobody") is None


@pytest.mark.parametrize("xml_id", ["trotsky", "robins", "kato", "dukhonin"])
def test_people_the_gold_points_at_are_registered(xml_id):
    assert load_registry().lookup(f"per:{xml_id}") is not None


def test_spelling_variants_and_transliterations_are_name_forms():
    registry = load_registry()
    assert {"Trotsky", "Trotski", "Trotzky", "Trotskii"} <= set(registry.lookup("trotsky").names)
    assert {"Chicherin", "Tchitcherin", "Tschitscherin"} <= set(registry.lookup("chicherin").names)


def test_register_covers_the_bodies_and_places_of_soviet_foreign_relations():
    registry = load_registry()
    for ref in [
        "per:lenin", "per:chicherin", "per:karakhan", "per:joffe", "per:litvinov",
        "per:lockhart", "per:kuhlmann", "per:czernin", "per:mirbach", "per:kolchak",
        "org:sovnarkom", "org:narkomindel", "org:vtsik", "org:congress-of-soviets-2",
        "org:british-embassy", "org:entente", "org:comintern", "org:izvestia",
        "pla:soviet-russia", "pla:brest-litovsk", "pla:pacific-ocean", "pla:tokyo",
    ]:  # fmt: skip
        assert registry.lookup(ref) is not None, ref
    assert sum(1 for _ in registry.of_kind("person")) >= 100
    assert sum(1 for _ in registry.of_kind("org")) >= 100
    assert sum(1 for _ in registry.of_kind("place")) >= 120


def test_ids_are_short_lowercase_ascii_and_unique_per_kind():
    seen = set()
    for entry in load_registry().entries.values():
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", entry.xml_id), entry.xml_id
        assert entry.ref not in seen
        seen.add(entry.ref)


def _dated_forms() -> dict[tuple[str, str], tuple[str, str]]:
    """(pointer, folded name) -> (@from, @to) of every name form that carries a date."""
    tei = "{http://www.tei-c.org/ns/1.0}"
    prefixes = {"person": "per", "org": "org", "place": "pla"}
    dated = {}
    for name in SHIPPED:
        tree = etree.fromstring((REGISTER_DIR / name).read_bytes())
        for entry in tree.iter(*(tei + kind for kind in prefixes)):
            ref = prefixes[etree.QName(entry).localname] + ":" + entry.get(XML_ID)
            for form in entry:
                if form.get("from") or form.get("to"):
                    key = " ".join("".join(form.itertext()).split()).casefold()
                    dated[ref, key] = (form.get("from") or "0000", form.get("to") or "9999")
    return dated


def test_no_name_form_points_at_two_entries():
    """A form names one entry, unless every entry sharing it dates it and the periods are apart.

    "Russian Government" is the Provisional Government until 7 November 1917 and the Soviet
    government after it: the linker tells them apart by the document's date.
    """
    owners: dict[str, set[str]] = {}
    for entry in load_registry().of_kind("person", "org", "place"):
        for name in entry.names:
            owners.setdefault(name.casefold(), set()).add(entry.ref)
    dated = _dated_forms()
    for key, refs in owners.items():
        if len(refs) == 1:
            continue
        periods = sorted(dated.get((ref, key), ("", "")) for ref in refs)
        assert all(start for start, _ in periods), (key, refs)  # every sharer dates the form
        for (_, end), (start, _) in zip(periods, periods[1:]):
            assert end < start, (key, refs, periods)


def test_life_dates_are_iso_and_in_order():
    people = list(load_registry().of_kind("person"))
    assert any(p.birth and p.death for p in people)
    for person in people:
        for value in (person.birth, person.death):
            if value:
                assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", value), (person.xml_id, value)
                if len(value) == 10:
                    dt.date.fromisoformat(value)
        if person.birth and person.death:
            assert person.birth[:4] < person.death[:4], person.xml_id


def test_every_authority_identifier_says_where_it_was_verified():
    for name in SHIPPED:
        tree = etree.fromstring((REGISTER_DIR / name).read_bytes())
        for idno in tree.iter("{http://www.tei-c.org/ns/1.0}idno"):
            entry = idno.getparent()
            notes = " ".join(n.text or "" for n in entry.iter("{http://www.tei-c.org/ns/1.0}note"))
            assert idno.text in notes, etree.tostring(entry)
            assert idno.get("type") in {"wikidata", "VIAF", "GeoNames"}
            if idno.get("type") == "wikidata":
                assert re.fullmatch(r"Q\d+", idno.text)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_registers_are_valid_tei(name, tei_all):
    tree = etree.parse(str(REGISTER_DIR / name))
    assert tei_all.validate(tree), tei_all.error_log


def test_user_register_adds_entries_that_names_then_find(tmp_path):
    path = write_register(
        tmp_path,
        '<person xml:id="avanesov"><persName>Avanesov</persName>'
        '<persName>Varlam Avanesov</persName><birth when="1884"/></person>',
    )
    registry = load_registry([path])
    entry = registry.lookup("per:avanesov")
    assert entry.names == ["Avanesov", "Varlam Avanesov"]
    assert entry.birth == "1884"
    assert [m.ref for m in find_names("Secretary: Avanesov.", registry)] == ["per:avanesov"]
    assert load_registry().lookup("per:avanesov") is None  # the default is untouched


def test_user_register_overrides_a_builtin_entry(tmp_path):
    path = write_register(
        tmp_path, '<person xml:id="kato"><persName>Kato Kanji</persName></person>'
    )
    registry = load_registry([path])
    assert registry.lookup("per:kato").names == ["Kato Kanji"]
    assert [m.ref for m in find_names("Admiral Kato", registry)] == [None]  # no longer known


def test_user_bibliography_entries_are_registered_but_not_matched_as_names(tmp_path):
    path = tmp_path / "books.xml"
    path.write_text(
        '<listBibl xmlns="http://www.tei-c.org/ns/1.0"><bibl xml:id="sochineniya">'
        "<title>Sochineniya</title><author>Trotsky</author></bibl></listBibl>",
        encoding="utf-8",
    )
    registry = load_registry([path])
    entry = registry.lookup("bib:sochineniya")
    assert (entry.kind, entry.names) == ("bibl", ["Sochineniya"])
    assert find_names("Sochineniya", registry) == []


def test_register_without_entries_is_refused_with_its_file(tmp_path):
    path = write_register(tmp_path, "")
    with pytest.raises(RegisterError) as caught:
        load_registry([path])
    assert str(path) in str(caught.value)


def test_entry_without_xml_id_is_refused_with_its_line(tmp_path):
    path = write_register(tmp_path, "\n\n<person><persName>Nobody</persName></person>")
    with pytest.raises(RegisterError) as caught:
        load_registry([path])
    assert caught.value.line == 3


def test_default_registry_is_read_once_and_can_be_forgotten():
    first = load_registry()
    assert load_registry() is first
    clear_registry_cache()
    assert load_registry() is not first


def test_matcher_is_compiled_once_per_registry_and_again_after_a_change():
    registry = Registry(dict(load_registry().entries))
    matcher = registry.derived(compile_matcher)
    assert registry.derived(compile_matcher) is matcher
    registry.add(load_registry().lookup("per:trotsky"))
    assert registry.derived(compile_matcher) is not matcher


def test_registry_travels_to_worker_processes_without_its_automaton():
    registry = load_registry()
    registry.derived(compile_matcher)
    copy = pickle.loads(pickle.dumps(registry))
    assert copy._derived == {}
    assert copy.entries == registry.entries
    assert [m.ref for m in find_names("Trotsky", copy)] == ["per:trotsky"]
