"""Benchmark ``tei-tools validate`` against Jing on the shared samples (medians, ratios, peak RSS).

Run: ``python bench/validate.py [--runs 5]``.  Needs ../shared/tei-samples and
``jing`` on PATH (Debian: ``apt-get install jing``).  Each run is a fresh
process on both sides, so start-up and schema compilation are included, as in
an editor's one-shot use.  The tei-tools on-disk grammar cache is emptied
before the "cold" runs and kept for the "warm" ones.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_TOOLS_SHARED", REPO.parent / "shared"))
SAMPLES = SHARED / "tei-samples"
SCHEMA = REPO / "schemas" / "tei_all.rng"
FATAL = {
    "albin-chronik__transcript_tei.xml",
    "casebooks__CASE34424.xml",
    "casebooks__CASE3591.xml",
    "casebooks__occupations.xml",
    "freedict__eng-pol.xml",
    "scdh-seed__BAlam52.tei.xml",
    "sga__ox-frankenstein-volume_ii.xml",
}


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process (its own rusage, via wait4)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = 0  # reaped by wait4 above
    return wall, usage.ru_maxrss / 1024


def measure(
    command: list[str], runs: int, env: dict[str, str], before_each=None
) -> tuple[float, float]:
    walls, peaks = [], []
    for _ in range(runs):
        if before_each:
            before_each()
        wall, peak = timed(command, env)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not SAMPLES.is_dir():
        sys.exit(f"needs the shared samples at {SAMPLES}")
    jing = shutil.which("jing")
    cache = Path(tempfile.mkdtemp(prefix="tei-tools-bench-"))
    env = {**os.environ, "TEI_TOOLS_CACHE_DIR": str(cache)}

    def cold() -> None:
        for entry in cache.glob("*.rng"):
            entry.unlink()

    ours = [
        sys.executable,
        "-m",
        "tei_tools",
        "validate",
        "--schema",
        str(SCHEMA),
        "--no-extra-checks",
    ]
    batch = [str(p) for p in sorted(SAMPLES.glob("*.xml")) if p.name not in FATAL]
    cases = {
        "small doc (personography, 2.5 KB)": [str(SAMPLES / "scdh-seed__personography.xml")],
        "73 readable docs, one process": batch,
        "3.2 MB doc, 1,162 Jing errors": [
            str(SAMPLES / "quixotei__QuiXoTEI-Texto_marcado_XML-TEI-01.xml")
        ],
        "2.8 MB valid doc": [str(SAMPLES / "sarit__susrutasamhita.xml")],
    }
    print(
        "| case | Jing median s (RSS MB) | tei-tools cold s (RSS MB) | warm s (RSS MB) | warm/Jing |"
    )
    print("|---|---|---|---|---|")
    for name, files in cases.items():
        jing_time, jing_rss = (
            measure([jing, str(SCHEMA), *files], args.runs, env) if jing else (float("nan"), 0)
        )
        cold_time, cold_rss = measure([*ours, *files], args.runs, env, before_each=cold)
        warm_time, warm_rss = measure([*ours, *files], args.runs, env)
        print(
            f"| {name} | {jing_time:.2f} ({jing_rss:.0f}) | {cold_time:.2f} ({cold_rss:.0f}) "
            f"| {warm_time:.2f} ({warm_rss:.0f}) | {warm_time / jing_time:.2f} |"
        )
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
