"""Benchmark: converting a 1 MB transcription, and the CLI's start-up time.

Prints medians over repeated runs, and ratios against peers measured in the same
run: structure-only conversion (``markup=False``) for the converter, and a bare
``python -c pass`` for start-up.  Goal (issue 3): under 1 s for 1 MB, and
``tei-tools --help`` under 0.3 s.

    python bench/convert.py [--size-mb 1.0] [--runs 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tei_tools.convert import convert_text  # noqa: E402
from tei_tools.xml import serialize  # noqa: E402


def make_text(size: int) -> str:
    """A document in the collection's layout, its paragraphs taken from the bundled corpus."""
    paragraphs: list[str] = []
    for source in sorted((REPO / "corpus" / "source").glob("*.txt")):
        blocks = source.read_text(encoding="utf-8").split("\n\n")
        paragraphs += [b.strip() for b in blocks if len(b.strip()) > 200]
    head = "A LONG DOCUMENT ON SOVIET FOREIGN POLICY\n\n\n30 November 1917\nTrotsky, iii, 2, p. 183\n\n"
    body, i, length = [], 0, len(head)
    while length < size:  # a running total: summing the body each time was quadratic
        body.append("\u00a0 \u00a0 " + paragraphs[i % len(paragraphs)])
        length += len(body[-1]) + 2
        i += 1
    return (
        head
        + "\n\n".join(body)
        + "\n\nDocuments on Soviet Foreign Policy\n\n[Subject] [Author] [Date]\n"
    )


from timing import median_seconds  # noqa: E402  (bench/ is on sys.path when run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = make_text(int(args.size_mb * 1_000_000))
    print(f"input: {len(text.encode()):,} bytes, {text.count(chr(10) * 2):,} blocks")

    convert_text("WARM UP\n\n5 March 1918\n\n    Trotsky.\n")  # registers, automaton
    full = median_seconds(lambda: serialize(convert_text(text)), args.runs)
    bare = median_seconds(lambda: serialize(convert_text(text, markup=False)), args.runs)
    print(f"convert 1 MB, full markup:     median {full:.3f} s  (goal < 1 s)")
    print(f"convert 1 MB, structure only:  median {bare:.3f} s  (markup costs {full / bare:.1f}x)")

    cli = [sys.executable, "-m", "tei_tools", "--help"]
    peer = [sys.executable, "-c", "pass"]
    run = lambda cmd: subprocess.run(cmd, capture_output=True, check=True)  # noqa: E731
    startup = median_seconds(lambda: run(cli), 10)
    python = median_seconds(lambda: run(peer), 10)
    print(f"tei-tools --help start-up:     median {startup:.3f} s  (goal < 0.3 s)")
    print(f"python -c pass (peer):         median {python:.3f} s  (ratio {startup / python:.1f}x)")


if __name__ == "__main__":
    main()
