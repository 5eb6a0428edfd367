"""Compare tei-tools' RELAX NG problems with Jing's, file by file, on the shared samples.

Run: ``python bench/jing_parity.py [--set samples|invalid|all] [--show N]``.  Needs
../shared/tei-samples and ``jing`` on PATH (Debian: ``apt-get install jing``).
Both tools validate every readable file against ``schemas/tei_all.rng``
(tei-tools with ``--schema``, so that only the schema speaks).  A Jing error
counts as covered when tei-tools reports a problem on the same element: Jing
names the line where an element's start tag ends, tei-tools the line where it
starts, so a tei-tools line up to ``--slack`` lines before Jing's counts.
Jing's repetitions (one message for many siblings of one parent) count once.

Printed: per set, the files whose every Jing element is covered, the Jing
errors covered and left out, tei-tools problems on lines Jing has no error
near (extra), and how often the first error is on Jing's line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_TOOLS_SHARED", REPO.parent / "shared"))
SAMPLES = SHARED / "tei-samples"
SCHEMA = REPO / "schemas" / "tei_all.rng"
_JING_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<kind>error|fatal): (?P<msg>.*)$"
)


#: How long one Jing run may take.
JING_SECONDS = 120


def jing_errors(files: list[Path]) -> dict[str, list[tuple[int, str]]]:
    """Jing's errors per file, one process per file: a fatal error (a DTD on the network) ends Jing."""
    from concurrent.futures import ThreadPoolExecutor

    def one(file: Path) -> list[tuple[int, str]]:
        try:
            run = subprocess.run(
                ["jing", str(SCHEMA), str(file)],
                capture_output=True,
                text=True,
                check=False,
                timeout=JING_SECONDS,
            )
        except subprocess.TimeoutExpired:
            # Jing expands a billion laughs for many minutes on a loaded machine; tei-tools
            # refuses the file at once.  Counted as Jing giving no error.
            print(f"  {file.name}: Jing still running after {JING_SECONDS} s, stopped")
            return []
        return [
            (int(m["line"]), m["msg"])
            for line in run.stdout.splitlines()
            if (m := _JING_LINE.match(line)) and m["kind"] == "error"
        ]

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(map(str, files), pool.map(one, files)))


def ours(files: list[Path]) -> tuple[dict[str, list[tuple[int, str]]], set[str]]:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tei_tools",
            "validate",
            "--schema",
            str(SCHEMA),
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
        # The tree this script lies in, so that an older checkout can be measured alike.
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    data = json.loads(run.stdout)
    found: dict[str, list[tuple[int, str]]] = {}
    unreadable: set[str] = set()
    for report in data["files"]:
        if report["status"] == "unreadable":
            unreadable.add(report["file"])
        found[report["file"]] = [
            (p["line"] or 0, p["message"]) for p in report["problems"] if p["severity"] == "error"
        ]
    return found, unreadable


def _faults(errors: list[tuple[int, str]]) -> list[int]:
    """Jing's error lines, one per fault: a message Jing repeats (for each child of an
    unknown element, each sibling) counts once, and "first occurrence of ID" belongs to
    the duplicate it follows."""
    seen: set[str] = set()
    lines: set[int] = set()
    for line, message in errors:
        if message.startswith("first occurrence of ID") or message in seen:
            continue
        seen.add(message)
        lines.add(line)
    return sorted(lines)


def compare(name: str, files: list[Path], slack: int, show: int) -> None:
    theirs = jing_errors(files)
    mine, unreadable = ours(files)
    complete = covered = missed = extra = first_same = invalid = 0
    shown = 0
    for file in files:
        key = str(file)
        if key in unreadable:
            continue
        jing = _faults(theirs.get(key, []))
        tt = sorted({line for line, _ in mine.get(key, [])})
        if not jing and not tt:
            complete += 1
            continue
        if jing:
            invalid += 1
            if tt and jing[0] - slack <= tt[0] <= jing[0]:
                first_same += 1
        left = [j for j in jing if not any(j - slack <= t <= j for t in tt)]
        every = {line for line, _ in theirs.get(key, [])}
        spare = [t for t in tt if not any(j - slack <= t <= j for j in every)]
        covered += len(jing) - len(left)
        missed += len(left)
        extra += len(spare)
        complete += not left and not spare
        if (left or spare) and shown < show:
            shown += 1
            print(f"  {file.name}: Jing lines left out {left[:8]}, extra lines {spare[:8]}")
    readable = len(files) - len(unreadable & {str(f) for f in files})
    print(
        f"{name}: {readable} readable files; {complete} agree with Jing element for element; "
        f"Jing error lines covered {covered}, left out {missed}; extra lines {extra}; "
        f"first error on Jing's line {first_same}/{invalid}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("samples", "invalid", "all"), default="all")
    parser.add_argument("--slack", type=int, default=3)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    if not SAMPLES.is_dir():
        print(f"needs {SAMPLES}", file=sys.stderr)
        return 2
    if args.set in ("samples", "all"):
        compare("samples", sorted(SAMPLES.glob("*.xml")), args.slack, args.show)
    if args.set in ("invalid", "all"):
        compare("invalid", sorted((SAMPLES / "invalid").glob("*.xml")), args.slack, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
