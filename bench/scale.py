"""Benchmark: how convert and HTML export grow with the size of one document (issue 11).

Each point runs in a fresh process (so that its peak memory is its own) on an
input generated under ``$TMPDIR`` (never in the repository), and prints the
median CPU time, the peak resident memory, and the ratios the goals are stated
in, against the smallest point measured in the same run as the peer:

* convert (text → TEI, full markup): 1, 5 and 50 MB; 50 MB in at most 60× the
  1 MB time, memory growth at most 10× the input.  ``--shape one-block`` puts
  the whole text in one paragraph (the shape that was quadratic).
* export to HTML: 20 and 200 MB of TEI (a note, a name and a date every
  270 bytes); goal: 200 MB in under 60 s and 1.5 GB.

    python bench/scale.py [--convert-mb 1 5 50] [--export-mb 20 200] [--runs 3]
                          [--shape paragraphs|one-block] [--only convert|export]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent

#: Run in a child: time one step with this process's CPU clock and report its peak memory.
CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [{repo!r}, {bench!r}]
kind, path = sys.argv[1], sys.argv[2]

def high_water():
    # VmHWM belongs to this process's address space; ru_maxrss survives exec and
    # would report the parent's peak (the one that generated a big input).
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

baseline = high_water()
if kind == "convert":
    from tei_tools.convert import convert_text
    from tei_tools.xml import serialize
    convert_text("WARM UP\n\n5 March 1918\n\n    Trotsky.\n")
    baseline = high_water()
    text = open(path, encoding="utf-8").read()
    start, wall = time.process_time(), time.perf_counter()
    serialize(convert_text(text))
else:
    from tei_tools.export.html import export_html
    from tei_tools.export.links import registry_entries
    from tei_tools.xml import parse_xml_file
    entries = registry_entries(())
    baseline = high_water()
    start, wall = time.process_time(), time.perf_counter()
    export_html(parse_xml_file(path), registers=entries).encode()
cpu, wall = time.process_time() - start, time.perf_counter() - wall
peak = high_water()
print(json.dumps({{"cpu": cpu, "wall": wall, "peak": peak * 1024, "baseline": baseline * 1024}}))
"""


def make_convert_input(megabytes: float, shape: str, folder: Path) -> Path:
    from convert import make_text

    path = folder / f"tei-tools-bench-convert-{shape}-{megabytes:g}mb.txt"
    if not path.exists():
        text = make_text(int(megabytes * 1_000_000))
        if shape == "one-block":
            first, _, body = text.partition("\n\n\u00a0")  # the preamble ends here
            text = first + "\n\n\u00a0 \u00a0 " + " ".join(body.split())
        path.write_text(text, encoding="utf-8")
    return path


def make_export_input(megabytes: float, folder: Path) -> Path:
    from export import make_document

    from tei_tools.xml import serialize

    path = folder / f"tei-tools-bench-export-{megabytes:g}mb.xml"
    if not path.exists():
        notes = int(megabytes * 1_000_000 / 270)  # make_document writes ~270 bytes a note
        path.write_bytes(serialize(make_document(notes)))
    return path


def measure(kind: str, path: Path, runs: int) -> dict[str, float]:
    """Median CPU and wall time and the largest peak memory over ``runs`` fresh processes."""
    script = CHILD.format(repo=str(REPO), bench=str(BENCH))
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", script, kind, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(json.loads(done.stdout))
    return {
        "cpu": statistics.median(s["cpu"] for s in samples),
        "wall": statistics.median(s["wall"] for s in samples),
        "growth": max(s["peak"] - s["baseline"] for s in samples),
        "peak": max(s["peak"] for s in samples),
        "size": path.stat().st_size,
    }


def report(kind: str, points: list[tuple[float, dict[str, float]]]) -> None:
    first_mb, first = points[0]
    for megabytes, m in points:
        ratio = m["cpu"] / first["cpu"] if first["cpu"] else float("nan")
        print(
            f"{kind} {megabytes:>5g} MB: median {m['cpu']:7.2f} s CPU ({m['wall']:.2f} s wall), "
            f"{m['cpu'] / (m['size'] / 1e6):.3f} s/MB; peak {m['peak'] / 2**20:,.0f} MiB, "
            f"growth {m['growth'] / m['size']:.1f}x the input; "
            f"time {ratio:.1f}x the {first_mb:g} MB point (size {megabytes / first_mb:g}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--convert-mb", type=float, nargs="+", default=[1, 5, 50])
    parser.add_argument("--export-mb", type=float, nargs="+", default=[20, 200])
    parser.add_argument("--shape", choices=["paragraphs", "one-block"], default="paragraphs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["convert", "export"])
    args = parser.parse_args()
    sys.path[:0] = [str(REPO), str(BENCH)]
    folder = Path(os.environ.get("TMPDIR", tempfile.gettempdir()))
    print(f"inputs in {folder}; {args.runs} run(s) a point; CPU time of this step only")
    if args.only in (None, "convert"):
        points = [
            (mb, measure("convert", make_convert_input(mb, args.shape, folder), args.runs))
            for mb in args.convert_mb
        ]
        report(f"convert ({args.shape})", points)
    if args.only in (None, "export"):
        points = [
            (mb, measure("export", make_export_input(mb, folder), args.runs))
            for mb in args.export_mb
        ]
        report("export html", points)


if __name__ == "__main__":
    main()
