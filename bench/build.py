"""Benchmark: building a 10,000-document collection into a site.

Generates varied copies of the bundled corpus (other dates, paragraphs
dropped or repeated, a serial number in each title) and measures, in a fresh
process each: a full build with 2 jobs, a rebuild with nothing changed, and a
rebuild after one file changed; then peak memory (this process and its
workers).  Goals (issue 7): full build under 5 minutes on 2 cores, no-change
rebuild under 5% of the full build.  PDFs are left out (``--no-pdf``): WeasyPrint
adds about 175 ms per document per core.

    python bench/build.py [--docs 10000] [--jobs 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_collection(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` plain-text documents in the bundled corpus's layout, each a little different."""
    rng = random.Random(seed)
    sources = [
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "source").glob("*.txt"))
    ]
    (folder / "source").mkdir(parents=True)
    start = dt.date(1917, 1, 1)
    for number in range(count):
        text = sources[number % len(sources)]
        blocks = text.split("\n\n")
        title, rest = blocks[0], blocks[1:]
        body = [b for b in rest if len(b) > 200]
        if len(body) > 1 and rng.random() < 0.5:
            rest.remove(rng.choice(body))
        elif body and rng.random() < 0.5:
            rest.insert(rest.index(body[-1]) + 1, rng.choice(body))
        day = start + dt.timedelta(days=rng.randrange(0, 5 * 365))
        text = f"{title} (NO. {number})\n\n" + "\n\n".join(rest)
        for original in ("30 November 1917", "5 March 1918", "5 April 1918", "8 April 1918"):
            text = text.replace(original, f"{day.day} {day.strftime('%B')} {day.year}", 1)
        stem = f"{day.isoformat()}_doc-{number:05d}"
        (folder / "source" / f"{stem}.txt").write_text(text, encoding="utf-8")


def timed_build(corpus: Path, site: Path, jobs: int) -> tuple[float, str]:
    """Run ``tei-tools build`` in a fresh process; its wall time and last line of output.

    The line ends with the CPU time (user + system) of the build and its
    workers: on a machine shared with other work the wall time says more
    about the neighbours than about the build.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [
        sys.executable,
        "-m",
        "tei_tools",
        "build",
        str(corpus),
        "-o",
        str(site),
        "-j",
        str(jobs),
        "-q",
        "--no-pdf",
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stderr.strip().splitlines()
    return seconds, (lines[-1] if lines else f"exit {done.returncode}") + f" [cpu {cpu:.1f} s]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Build here and keep the collection and site.")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="tei-tools-bench-"))
    corpus, site = work / "corpus", work / "site"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    make_collection(corpus, args.docs)
    print(f"collection: {args.docs} documents in {corpus}")

    full, line = timed_build(corpus, site, args.jobs)
    print(
        f"full build, {args.jobs} jobs:     {full:8.1f} s  ({full / args.docs * 1000:.1f} ms/doc)  {line}"
    )
    again, line = timed_build(corpus, site, args.jobs)
    print(
        f"no-change rebuild:        {again:8.2f} s  ({again / full:.1%} of full; goal < 5%)  {line}"
    )
    victim = sorted((corpus / "source").glob("*.txt"))[args.docs // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8").replace(" the ", " the changed ", 1), encoding="utf-8"
    )
    one, line = timed_build(corpus, site, args.jobs)
    print(f"one-file change rebuild:  {one:8.2f} s  ({one / full:.1%} of full)  {line}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory (largest single process, build or worker): {children:.0f} MiB")
    files = sum(1 for p in site.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    print(f"site: {files} files, {size:.0f} MiB")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
