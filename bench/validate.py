"""Benchmark ``tei-tools validate`` against Jing on the shared samples (medians, ratios, peak RSS).

Run: ``python bench/validate.py [--runs 5]``.  Needs ../shared/tei-samples and
``jing`` on PATH (Debian: ``apt-get install jing``).  Each run is a fresh
process on both sides, so start-up and schema compilation are included, as in
an editor's one-shot use.  tei-tools runs with its default settings (pointer
and date checks on).  The on-disk grammar cache is emptied before the "cold"
runs and kept for the "warm" ones; "warm, 1 process" adds ``--jobs 1``.
Runs of the two tools alternate, so load from other processes on a shared
machine hits both alike; the CPU seconds (user + system) are printed too,
since they depend far less on that load.  The speed-ups are Jing's median over
tei-tools' median (above 1: tei-tools is faster), for the cold run (a one-shot
CI job, nothing cached) and the warm one; the ratios are their inverse
(tei-tools' time as a share of Jing's, from the same run: the issue 21 goals
are 0.5 cold and 0.33 warm).  The load average is printed at the start and
the end: on a shared machine, compare runs made under similar load.  ``--case batch`` runs only the
73-document batch (the issue 13 goal: 3x Jing).

The package is byte-compiled first (``compileall``), as ``pip install`` of a
wheel does: with ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines) an
editable install would otherwise compile every module again in each run
(about 0.1 s), which no installed user pays and which is not validation.
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
from dataclasses import dataclass, field
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


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process tree (rusage via wait4).

    A forked validation worker is a grandchild; its CPU time reaches the
    child's rusage when the child reaps it, so the figures cover the workers.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = 0  # reaped by wait4 above
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


@dataclass
class Samples:
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float, peak: float) -> None:
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.peaks.append(peak)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls) if self.walls else float("nan")

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus) if self.cpus else float("nan")

    def cell(self) -> str:
        if not self.walls:
            return "n/a"
        return f"{self.wall:.2f} / {self.cpu:.2f} ({max(self.peaks):.0f})"


def speed_up(jing: Samples, ours: Samples) -> str:
    """How many times faster tei-tools is than Jing, by median wall and by median CPU time."""
    if not jing.walls or not ours.walls:
        return "n/a"
    return f"{jing.wall / ours.wall:.2f}x / {jing.cpu / ours.cpu:.2f}x"


def ratio(jing: Samples, ours: Samples) -> str:
    """tei-tools' median time as a share of Jing's, by wall and by CPU time."""
    if not jing.walls or not ours.walls:
        return "n/a"
    return f"{ours.wall / jing.wall:.2f} / {ours.cpu / jing.cpu:.2f}"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--case", default="", help="run only the cases whose name contains this (e.g. batch)"
    )
    args = parser.parse_args()
    if not SAMPLES.is_dir():
        sys.exit(f"needs the shared samples at {SAMPLES}")
    jing = shutil.which("jing")
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "tei_tools")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    cache = Path(tempfile.mkdtemp(prefix="tei-tools-bench-"))
    env = {**os.environ, "TEI_TOOLS_CACHE_DIR": str(cache)}

    def cold() -> None:
        for entry in cache.glob("*.rng"):
            entry.unlink()

    ours = [sys.executable, "-m", "tei_tools", "validate", "--schema", str(SCHEMA)]
    batch = [str(p) for p in sorted(SAMPLES.glob("*.xml")) if p.name not in FATAL]
    cases = {
        "small doc (personography, 2.5 KB)": [str(SAMPLES / "scdh-seed__personography.xml")],
        "73 readable docs, one command (batch)": batch,
        "3.2 MB doc, 1,162 Jing errors": [
            str(SAMPLES / "quixotei__QuiXoTEI-Texto_marcado_XML-TEI-01.xml")
        ],
        "2.8 MB valid doc": [str(SAMPLES / "sarit__susrutasamhita.xml")],
    }
    print(f"{args.runs} runs each; cells: median wall s / median CPU s (peak RSS MB)")
    print(f"load average at start (1, 5, 15 min): {load()}; {os.cpu_count()} CPUs")
    print()
    print(
        "| case | Jing | tei-tools cold | warm | warm, 1 process "
        "| speed-up cold (wall / CPU) | speed-up warm (wall / CPU) "
        "| ratio to Jing cold (wall / CPU) | ratio warm (wall / CPU) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, files in cases.items():
        if args.case not in name:
            continue
        jing_s, cold_s, warm_s, single_s = Samples(), Samples(), Samples(), Samples()
        for _ in range(args.runs):  # interleaved, so that load elsewhere hits every column alike
            if jing:
                jing_s.add(*timed([jing, str(SCHEMA), *files], env))
            cold()
            cold_s.add(*timed([*ours, *files], env))
            warm_s.add(*timed([*ours, *files], env))
            single_s.add(*timed([*ours, "--jobs", "1", *files], env))
        print(
            f"| {name} | {jing_s.cell()} | {cold_s.cell()} | {warm_s.cell()} | {single_s.cell()} "
            f"| {speed_up(jing_s, cold_s)} | {speed_up(jing_s, warm_s)} "
            f"| {ratio(jing_s, cold_s)} | {ratio(jing_s, warm_s)} |"
        )
    print()
    print(f"load average at the end: {load()}")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
