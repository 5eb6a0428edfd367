"""Finding names against the registers, and scoring the finder against the gold."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_tools.markup.names import NameMatch, find_names, fold, unknown_names
from tei_tools.markup.registers import load_registry, read_register
from tei_tools.xml import parse_xml_bytes

NAME_TYPES = ("persName", "orgName", "placeName")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def names(text: str, registry) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.tag, m.ref) for m in find_names(text, registry)]


def test_possessive_marks_the_name_without_its_ending(registry):
    assert names("Trotsky's reply and the Governments' notes", registry) == [
        ("Trotsky", "persName", "per:trotsky")
    ]


def test_upper_case_titles_are_matched(registry):
    assert names("REPLY FROM TROTSKY TO THE BRITISH EMBASSY", registry) == [
        ("TROTSKY", "persName", "per:trotsky"),
        ("BRITISH EMBASSY", "orgName", "org:british-embassy"),
    ]


def test_spelling_variants_point_at_one_entry(registry):
    refs = {m.ref for m in find_names("Trotzky, Trotski, Tchitcherin and Chicherin", registry)}
    assert refs == {"per:trotsky", "per:chicherin"}


def test_longest_name_wins_and_names_do_not_overlap(registry):
    found = names("the United States of North America and the United States", registry)
    assert found == [
        ("United States of North America", "placeName", "pla:united-states"),
        ("United States", "placeName", "pla:united-states"),
    ]


def test_a_government_is_an_org_but_its_country_a_place(registry):
    assert names("the German government and Germany", registry) == [
        ("German government", "orgName", "org:german-government"),
        ("Germany", "placeName", "pla:germany"),
    ]


def test_soviet_government_is_marked_but_soviet_power_and_adjectives_are_not(registry):
    text = "the Soviet government, the SOVIET GOVERNMENT, Soviet power, Soviet troops, the Japanese"
    assert names(text, registry) == [
        ("Soviet government", "orgName", "org:soviet-government"),
        ("SOVIET GOVERNMENT", "orgName", "org:soviet-government"),
    ]


def test_names_that_are_common_words_only_match_capitalised(registry):
    assert names("all roads lead to rome, and to Rome", registry) == [
        ("Rome", "placeName", "pla:rome")
    ]


def test_lower_case_generic_words_inside_a_body_name_are_accepted(registry):
    assert names("the all-Russian congress of the Soviets", registry) == [
        ("all-Russian congress of the Soviets", "orgName", "org:congress-of-soviets")
    ]


def test_a_name_must_be_whole_words(registry):
    assert names("Romeo, Parisian, Brest-Litovsk", registry) == [
        ("Brest-Litovsk", "placeName", "pla:brest-litovsk")
    ]


def test_a_contraction_is_not_a_possessive(registry):
    assert names("Don't go to the Don.", registry) == [("Don", "placeName", "pla:don")]


def test_a_hyphen_used_as_a_dash_ends_a_name(registry):
    assert names("Should Japan-in consequence of it", registry) == [
        ("Japan", "placeName", "pla:japan")
    ]


def test_title_before_a_known_person_becomes_a_role_inside_the_name(registry):
    text = "orders telegraphed to General Dukhonin and to COLONEL ROBINS"
    found = find_names(text, registry)
    assert [(m.text, m.ref) for m in found] == [
        ("General Dukhonin", "per:dukhonin"),
        ("COLONEL ROBINS", "per:robins"),
    ]
    assert [text[m.role[0] : m.role[1]] for m in found] == ["General", "COLONEL"]


def test_several_titles_and_initials_belong_to_the_name(registry):
    text = "General Baron Wrangel and G. V. Chicherin"
    found = find_names(text, registry)
    assert [m.text for m in found] == ["General Baron Wrangel", "G. V. Chicherin"]
    assert text[found[0].role[0] : found[0].role[1]] == "General Baron"
    assert found[1].role is None


def test_a_title_of_two_words_is_one_role(registry):
    text = "the British Rear Admiral Kemp and Field Marshal von Hindenburg"
    found = find_names(text, registry)
    assert [(m.text, m.ref) for m in found] == [
        ("Rear Admiral Kemp", None),
        ("Field Marshal von Hindenburg", "per:hindenburg"),
    ]
    assert [text[m.role[0] : m.role[1]] for m in found] == ["Rear Admiral", "Field Marshal"]


def test_a_lower_case_title_is_not_part_of_the_name(registry):
    assert [m.text for m in find_names("the general Dukhonin", registry)] == ["Dukhonin"]


def test_titled_unknown_name_is_marked_without_ref(registry):
    text = "a letter from Mr. Smith to General Dukhonin"
    found = find_names(text, registry)
    assert [(m.text, m.ref) for m in found] == [
        ("Mr. Smith", None),
        ("General Dukhonin", "per:dukhonin"),
    ]
    assert unknown_names(text, registry) == [found[0]]
    assert text[found[0].role[0] : found[0].role[1]] == "Mr."


def test_title_before_a_common_noun_is_not_an_unknown_name(registry):
    text = "The General Staff, the Consul General in Moscow, Mr. President, and the Ambassador."
    assert unknown_names(text, registry) == []


def test_soviet_of_deputies_takes_in_whose_deputies(registry):
    text = "the Second All-Russian Congress of Soviets of Workers' and Soldiers' Deputies on 26 October"
    assert names(text, registry) == [
        (
            "Second All-Russian Congress of Soviets of Workers' and Soldiers' Deputies",
            "orgName",
            "org:congress-of-soviets-2",
        )
    ]


def test_diacritics_and_curly_apostrophes_are_folded(registry):
    assert names("Kuhlmann, Kuehlmann, Kühlmann and the People’s Commissariat for Foreign Affairs",
                 registry) == [
        ("Kuhlmann", "persName", "per:kuhlmann"),
        ("Kuehlmann", "persName", "per:kuhlmann"),
        ("Kühlmann", "persName", "per:kuhlmann"),
        ("People’s Commissariat for Foreign Affairs", "orgName", "org:narkomindel"),
    ]  # fmt: skip


def test_offsets_stay_right_after_characters_that_change_length_when_folded(registry):
    text = "İstanbul Straße, then Trotsky"
    assert len(fold(text)) == len(text)
    (match,) = find_names(text, registry)
    assert text[match.start : match.end] == "Trotsky"


def test_a_name_broken_over_several_spaces_or_lines_is_found(registry):
    text = "the  Soviet\n   Government and  Moscow"
    assert [(m.text, m.ref) for m in find_names(text, registry)] == [
        ("Soviet\n   Government", "org:soviet-government"),
        ("Moscow", "pla:moscow"),
    ]


def test_a_user_form_with_sharp_s_is_found_in_its_own_spelling():
    registry = load_registry()
    extra = read_register(
        parse_xml_bytes(
            '<listOrg xmlns="http://www.tei-c.org/ns/1.0"><org xml:id="generalstab">'
            "<orgName>Großer Generalstab</orgName></org></listOrg>".encode(),
            source="test",
        ),
        source="test",
    )
    from tei_tools.markup.registers import Registry

    mine = Registry(dict(registry.entries))
    for entry in extra:
        mine.add(entry)
    text = "Ludendorff im Großen Hauptquartier und im Großer Generalstab"
    assert [(m.text, m.ref) for m in find_names(text, mine)] == [
        ("Ludendorff", "per:ludendorff"),
        ("Großer Generalstab", "org:generalstab"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Trotsky", "General", "Dukhonin", "Mr.", "Smith", "Soviet", "Government", "'s", "-",
             " ", "  ", "\n", ",", "İ", "ß", "ﬁ", "TROTSKY", "of", "Deputies", "Workers'", "é"]
        )
        | st.text(max_size=5),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_matches_are_ordered_disjoint_slices_of_the_text(text):
    found = find_names(text, load_registry())
    previous_end = 0
    for match in found:
        assert isinstance(match, NameMatch)
        assert previous_end <= match.start < match.end <= len(text)
        assert match.text == text[match.start : match.end]
        assert match.tag in NAME_TYPES
        if match.role is not None:
            assert match.start <= match.role[0] < match.role[1] < match.end
        previous_end = match.end


# --- scoring against the gold ---------------------------------------------------------------


def score_names(gold: dict, registry) -> tuple[Counter, list[str]]:
    """TP/FP/FN per type for ``find_names`` run over a gold file's whole text.

    ``optional`` gold spans neither reward nor penalise; ``loose`` spans accept
    their ``core``.  A name inside an optional span that holds a number is in a
    source line ("Trotsky, iii, 2, p. 183"), which the converter hands to the
    citation parser, not to the name finder: it is not scored either.
    """
    text = gold["text"]
    spans = [g for g in gold["spans"] if g["type"] in NAME_TYPES]
    source_lines = [
        (g["start"], g["end"])
        for g in gold["spans"]
        if g.get("optional") and any(c.isdigit() for c in g["text"])
    ]
    counts: Counter = Counter()
    errors: list[str] = []
    matched: set[int] = set()
    for match in find_names(text, registry):
        hits = []
        for index, span in enumerate(spans):
            if span["type"] != match.tag:
                continue
            bounds = {(span["start"], span["end"])}
            if span.get("loose"):
                core = text.find(span["core"], span["start"], span["end"])
                bounds.add((core, core + len(span["core"])))
            if (match.start, match.end) in bounds:
                hits.append((bool(span.get("optional")), index))
        if not hits:
            if not any(s <= match.start and match.end <= e for s, e in source_lines):
                counts[match.tag, "fp"] += 1
                errors.append(f"FP {match.tag} {match.text!r}")
            continue
        optional, index = min(hits)
        if not optional:
            matched.add(index)
            counts[match.tag, "tp"] += 1
    for index, span in enumerate(spans):
        if not span.get("optional") and index not in matched:
            counts[span["type"], "fn"] += 1
            errors.append(f"FN {span['type']} {span['text']!r}")
    return counts, errors


def f1(counts: Counter, kind: str) -> float:
    tp, fp, fn = counts[kind, "tp"], counts[kind, "fp"], counts[kind, "fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def score_files(pattern_dir: str, registry) -> tuple[Counter, list[str]]:
    folder = shared_path(pattern_dir)
    files = sorted(folder.glob("*.gold.json"))
    assert files, f"no gold files in {folder}"
    total: Counter = Counter()
    errors: list[str] = []
    for path in files:
        counts, file_errors = score_names(json.loads(path.read_text(encoding="utf-8")), registry)
        total += counts
        errors += [f"{path.name}: {e}" for e in file_errors]
    table = "\n".join(
        f"{kind:<10} TP {total[kind, 'tp']:>3} FP {total[kind, 'fp']:>3} "
        f"FN {total[kind, 'fn']:>3} F1 {f1(total, kind):.3f}"
        for kind in NAME_TYPES
    )
    print(f"\n{pattern_dir}\n{table}")
    return total, errors


def test_seed_names_score_perfectly(registry):
    counts, errors = score_files("seeds", registry)
    for kind in NAME_TYPES:
        assert f1(counts, kind) == 1.0, errors


def test_corpus_dev_names_score_at_least_095_per_type(registry):
    counts, errors = score_files("corpus-dev", registry)
    for kind in NAME_TYPES:
        assert counts[kind, "tp"] > 0
        assert f1(counts, kind) >= 0.95, errors


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Present, Mr. Robt. Cobb and others.", "Mr. Robt. Cobb"),
        ("Admitted Mrs. El. Adams to the church.", "Mrs. El. Adams"),
        ("I was at Mr. Phin. Hardy's house.", "Mr. Phin. Hardy"),
    ],
)
def test_a_titled_name_keeps_a_contracted_given_name_and_the_surname_after_it(registry, text, name):
    assert (name, "persName", None) in names(text, registry)


def test_a_surname_that_is_a_common_word_stays_after_a_given_name(registry):
    assert ("Mr. John Page", "persName", None) in names("Mr. John Page, Minister.", registry)
    # without a given name before it the common word still ends the name
    assert ("Mr. Foxcroft", "persName", None) in names("Mr. Foxcroft Sent the mail.", registry)


@pytest.mark.parametrize("title", ["Squire", "Commissary", "Bailie", "Widow", "Ald."])
def test_offices_of_towns_and_parishes_are_titles(registry, title):
    found = find_names(f"We met {title} Winthrop at the quay.", registry)
    assert [(m.text, m.role is not None) for m in found] == [(f"{title} Winthrop", True)]


def test_abbreviated_offices_of_minutes_are_no_names_and_stay_outside_them(registry):
    text = "Present, the Honble Lieut Govr, Mr De St. Poncy, and Otho Hamilton Secy."
    found = [m.text for m in find_names(text, registry)]
    assert found == ["Mr De St. Poncy"]
    from tei_tools.markup.candidates import find_candidates

    typed = [
        c.text
        for c in find_candidates(
            text, [(m.start, m.end, m.tag) for m in find_names(text, registry)]
        )
        if c.tag
    ]
    assert "Honble Lieut Govr" not in typed and "Otho Hamilton Secy" not in typed
