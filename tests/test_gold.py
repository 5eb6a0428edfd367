"""The converter's markup scored against hand-checked gold (precision, recall, F1 per type)."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from tei_tools.convert import convert_text
from tei_tools.markup.evaluate import SCORED_TYPES, Scores, score


def score_files(pattern_dir: str) -> tuple[Scores, dict[str, Scores]]:
    total, per_file = Scores(), {}
    for gold_path in sorted(shared_path(pattern_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold["source"])
        tree = convert_text(source.read_text(encoding="utf-8"), source_name=source.name)
        per_file[gold_path.name] = score(tree, gold)
        total += per_file[gold_path.name]
    return total, per_file


def show(title: str, scores: Scores, capsys) -> None:
    with capsys.disabled():
        print("\n" + scores.table(title))
        for error in scores.errors:
            print("   ", error)


def test_seed_markup_is_exact(capsys):
    scores, _ = score_files("seeds")
    show("seed", scores, capsys)
    for kind in ("persName", "orgName", "date"):
        assert scores.f1(kind) == 1.0, kind
    assert scores.when_right == scores.when_total > 0


def test_development_corpus_markup_reaches_f1_095(capsys):
    scores, _ = score_files("corpus-dev")
    show("corpus-dev", scores, capsys)
    low = {kind: round(scores.f1(kind), 3) for kind in SCORED_TYPES if scores.f1(kind) < 0.95}
    assert not low
    assert scores.when_right == scores.when_total


def test_scorer_counts_a_missed_and_an_invented_name():
    text = "Trotsky met Lenin in Moscow."
    gold = {
        "text": text,
        "spans": [
            {"type": "persName", "start": 0, "end": 7, "text": "Trotsky"},
            {"type": "persName", "start": 12, "end": 17, "text": "Lenin"},
        ],
    }
    from lxml import etree

    tree = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName>Trotsky</persName> met '
        "Lenin in <persName>Moscow</persName>.</p></body></text></TEI>"
    )
    scores = score(etree.ElementTree(tree), gold)
    assert (scores.tp["persName"], scores.fp["persName"], scores.fn["persName"]) == (1, 1, 1)
    assert scores.f1("persName") == pytest.approx(0.5)


def score_frus(profile: str, *, complete_only: bool) -> Scores:
    total = Scores()
    for gold_path in sorted(shared_path("corpus-dev-frus").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold["source"])
        tree = convert_text(
            source.read_text(encoding="utf-8"), source_name=source.name, profile=profile
        )
        total += score(tree, gold, complete_only=complete_only)
    return total


@pytest.mark.parametrize("profile", ["frus", "generic"])
def test_frus_heads_datelines_and_signatures_are_exact(profile, capsys):
    """FRUS gold is complete in heads, datelines and signatures: score there, F1 1.0."""
    scores = score_frus(profile, complete_only=True)
    show(f"corpus-dev-frus ({profile}, complete regions)", scores, capsys)
    for kind in ("persName", "placeName", "date"):
        assert scores.f1(kind) == 1.0, kind
    assert scores.when_right == scores.when_total > 0


def test_frus_names_listed_in_the_body_are_found():
    scores = score_frus("frus", complete_only=False)
    for kind in ("persName", "placeName"):
        assert scores.recall(kind) == 1.0, (kind, scores.errors)
    assert scores.precision("persName") == 1.0


def test_every_frus_date_has_a_year():
    for source in sorted(shared_path("corpus-dev-frus").glob("*.txt")):
        tree = convert_text(source.read_text(encoding="utf-8"), profile="frus")
        whens = [e.get("when") for e in tree.iter("{http://www.tei-c.org/ns/1.0}date")]
        assert whens and not [w for w in whens if w and w.startswith("-")], (source.name, whens)
