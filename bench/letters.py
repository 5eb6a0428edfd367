"""Letters in German, French, Latin, Italian and Spanish: names, dates and correspDesc against
the span gold.

    python bench/letters.py [--set tune|tune3|tune4|tune5|report|report2] [--errors]

Not a speed benchmark.  The letters are under bench/letters/{tune,tune3,tune4,tune5,report,
report2}/{de,fr,la,it,es}; each language folder is a collection whose ``tei-tools.toml`` names
its language, so the run converts them as ``convert`` would.  Rules are tuned on ``tune``,
``tune3``, ``tune4`` and ``tune5`` (later batches from other sources and layouts) only;
``report`` and ``report2`` (gathered after the rules, by someone who did not write them) are
held out and printed only as totals (``--errors`` never lists their mistakes).  correspDesc is
scored per letter and field: the sender's and addressee's persName, the place and the date of
sending are right when they are one of the forms the gold accepts, or absent where the gold has
none.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from lxml import etree

from tei_tools.convert import convert
from tei_tools.markup.evaluate import Scores, score
from tei_tools.reading.profiles import collection_profile
from tei_tools.xml import TEI_NS

HERE = Path(__file__).resolve().parent / "letters"
FIELDS = ("sender", "addressee", "place", "date")
#: The sets read only as totals: their mistakes are never listed.
HELD_OUT = frozenset({"report", "report2"})
NS = {"t": TEI_NS}


def _text(element: etree._Element | None) -> str | None:
    return " ".join("".join(element.itertext()).split()) if element is not None else None


def corresp_of(tree: etree._ElementTree) -> dict[str, str | None]:
    """What the header's correspDesc says: sender, addressee, place and date (@when)."""
    sent = tree.find(".//t:correspDesc/t:correspAction[@type='sent']", NS)
    received = tree.find(".//t:correspDesc/t:correspAction[@type='received']", NS)
    date = sent.find("t:date", NS) if sent is not None else None
    return {
        "sender": _text(sent.find("t:persName", NS)) if sent is not None else None,
        "place": _text(sent.find("t:placeName", NS)) if sent is not None else None,
        "date": (date.get("when") or date.get("from")) if date is not None else None,
        "addressee": _text(received.find("t:persName", NS)) if received is not None else None,
    }


def corresp_right(ours: dict[str, str | None], gold: dict) -> dict[str, bool]:
    wanted = {
        "sender": gold["sent"]["persName"],
        "place": gold["sent"]["placeName"],
        "date": gold["sent"]["date"],
        "addressee": gold["received"]["persName"],
    }
    right = {}
    for name in FIELDS:
        accepted, found = wanted[name], ours[name]
        if accepted is None:
            right[name] = found is None
        elif name == "date":
            right[name] = found == accepted
        else:
            right[name] = found in accepted
    return right


def run(folder: Path) -> tuple[Scores, Counter[str], int, list[str]]:
    total, fields, letters, errors = Scores(), Counter[str](), 0, []
    profile = collection_profile(folder / "tei-tools.toml")
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold["source"])
        result = convert(
            source.read_text(encoding="utf-8"), source_name=str(source), profile=profile
        )
        scores = score(result.tree, gold)
        errors += [f"{source.name}: {e}" for e in scores.errors]
        scores.errors = []
        total += scores
        ours = corresp_of(result.tree)
        right = corresp_right(ours, gold["corresp"])
        letters += 1
        for name, ok in right.items():
            fields[name] += ok
            if not ok:
                errors.append(
                    f"{source.name}: CORRESP {name}: ours {ours[name]!r}, gold {gold['corresp']}"
                )
        fields["all four"] += all(right.values())
    return total, fields, letters, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--set", choices=("tune", "tune3", "tune4", "tune5", "report", "report2"), action="append"
    )
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}\n")
    for name in args.set or ("tune", "tune3", "tune4", "tune5", "report", "report2"):
        german_french, gf_fields, gf_letters = Scores(), Counter[str](), 0
        for language in ("de", "fr", "la", "it", "es"):
            folder = HERE / name / language
            if not folder.is_dir():
                continue
            total, fields, letters, errors = run(folder)
            if language in ("de", "fr"):
                german_french += total
                gf_fields += fields
                gf_letters += letters
            held_out = name in HELD_OUT
            title = (
                f"letters {name}{' (held out)' if held_out else ''}: {language}, {letters} letters"
            )
            print(total.table(title))
            shares = ", ".join(f"{f} {fields[f]}/{letters}" for f in (*FIELDS, "all four"))
            print(f"correspDesc right: {shares}")
            if args.errors and not held_out:
                for error in errors:
                    print("   ", error)
            elif args.errors:
                print("    (errors of the held-out set are not listed)")
            print()
        if not gf_letters:
            continue
        german_french.errors = []
        print(
            german_french.table(f"letters {name}: German and French together, {gf_letters} letters")
        )
        shares = ", ".join(f"{f} {gf_fields[f]}/{gf_letters}" for f in (*FIELDS, "all four"))
        print(f"correspDesc right: {shares}\n")


if __name__ == "__main__":
    main()
