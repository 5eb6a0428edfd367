"""Markup quality on the shared gold: precision, recall and F1 per type, per collection.

    python bench/quality.py [--profile NAME] [--errors] [--set TITLE-PART]

Not a speed benchmark: the table the unseen-documents issue asks for, on the
material we have (the seed, corpus-dev, corpus-dev-frus).  FRUS gold is
complete only in heads, datelines and signatures: its first table scores
inside those regions only, the second recall everywhere.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tei_tools.convert import convert
from tei_tools.markup.evaluate import Scores, score

NAME_TYPES = ("persName", "orgName", "placeName")


class Totals(Scores):
    """Scores, and how many gold names not linked to a register the review report lists."""

    reported: int = 0
    unreported: int = 0


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COLLECTIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "collections"


def scores_for(folder: Path, profile: str, *, complete_only: bool) -> tuple[Totals, list]:
    total = Totals()
    unreported = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold["source"])
        result = convert(
            source.read_text(encoding="utf-8"), source_name=source.name, profile=profile
        )
        scores = score(result.tree, gold, complete_only=complete_only)
        scores.errors = [f"{source.name}: {e}" for e in scores.errors]
        total += scores
        reported = {" ".join(f.text.split()) for f in result.findings}
        linked = {
            " ".join("".join(e.itertext()).split())
            for e in result.tree.iter()
            if isinstance(e.tag, str) and e.get("ref") and e.tag.endswith("Name")
        }
        for span in gold["spans"]:
            if span["type"] not in NAME_TYPES or span.get("optional") or span["text"] in linked:
                continue
            forms = {span["text"], span.get("core") or span["text"]}
            if forms & reported:
                total.reported += 1
            else:
                unreported.append((source.name, span["type"], span["text"]))
                total.unreported += 1
    return total, unreported


def review_line(total: Totals) -> str:
    wanted = total.reported + total.unreported
    share = total.reported / wanted if wanted else 1.0
    return f"gold names not linked to a register that the review report lists: {total.reported}/{wanted} ({share:.0%})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default=None)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--set", help="only the runs whose title contains this (e.g. 'tune')")
    args = parser.parse_args()
    runs = [
        ("seed", SHARED / "seeds", "degras", False),
        ("corpus-dev", SHARED / "corpus-dev", "degras", False),
        ("frus (complete regions)", SHARED / "corpus-dev-frus", "frus", True),
        ("frus (listed spans, recall)", SHARED / "corpus-dev-frus", "frus", False),
        # Other collections and centuries (tests/data/collections): rules are tuned on
        # "tune" only; "report" is held out and read only as these totals.
        ("other collections: tune", COLLECTIONS / "tune", "generic", False),
        ("other collections: tune2", COLLECTIONS / "tune2", "generic", False),
        ("other collections: tune3", COLLECTIONS / "tune3", "generic", False),
        ("other collections: tune4", COLLECTIONS / "tune4", "generic", False),
        ("other collections: tune5", COLLECTIONS / "tune5", "generic", False),
        ("other collections: tune6", COLLECTIONS / "tune6", "generic", False),
        ("other collections: tune7", COLLECTIONS / "tune7", "generic", False),
        ("other collections: report (held out)", COLLECTIONS / "report", "generic", False),
        ("other collections: report2 (held out)", COLLECTIONS / "report2", "generic", False),
        ("other collections: report3 (held out)", COLLECTIONS / "report3", "generic", False),
    ]
    if args.set:
        runs = [run for run in runs if args.set in run[0]]
    for title, folder, profile, complete_only in runs:
        if not folder.is_dir():
            print(f"{title}: {folder} not found, skipped\n")
            continue
        total, missing = scores_for(folder, args.profile or profile, complete_only=complete_only)
        if "held out" in title and args.errors:
            print(total.table(title))
            print(review_line(total))
            print("    (errors of the held-out set are not listed)\n")
            continue
        print(total.table(title))
        print(review_line(total))
        if args.errors:
            for error in total.errors:
                print("   ", error)
            for name, kind, text in missing:
                print(f"    NOT IN REPORT {name}: {kind} {text!r}")
        print()


if __name__ == "__main__":
    main()
