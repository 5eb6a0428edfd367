"""Benchmark: how export, convert, validate and a corpus build grow with their input (issue 26).

Every measurement runs the real command line (``python -m tei_tools ...``) in a
fresh process on an input generated in a temporary folder (never in the
repository) and prints wall time, CPU time (user + system of the process and
all its children, from ``os.wait4``), and two peaks of memory: the largest
single process (``ru_maxrss`` from ``wait4``) and the whole process tree (the
resident sizes of the process and all its descendants, summed, polled every
20 ms with psutil, which matters for the Dask build's scheduler and workers).
Each point is also run through a peer in the same run, the floor of any tool
on that file: lxml's plain parse and serialise of the same file (export,
validate), or reading the text and writing one TEI paragraph per block
(convert).  Growth is the large point against the small one, in time and in
memory, next to the growth of the input.

* export (HTML, streaming): 2, 20, 200 MB of TEI (a note, a name and a date every
  270 bytes); goal: 200 MB under 60 s and 1.5 GB, 20 -> 200 MB at most 11x in
  time and memory.  The in-memory writer is measured at the two small points.
* convert (text -> TEI, full markup): 1, 5, 50 MB; goal: 50 MB in at most 60x
  the 1 MB time, peak at most 10x the input.
* validate (RELAX NG and the rules; needs the whole tree): 1, 5, 50, 200 MB.
* build (``--build-docs N``): a corpus of N documents (bench/build.py's
  generator) with the default executor and with ``--executor dask`` on a
  LocalCluster with two workers; the two sites are compared byte for byte.

    python bench/scale.py [--only export convert validate build] [--runs 3]
                          [--big-runs 1] [--export-mb 2 20 200] [--convert-mb 1 5 50]
                          [--validate-mb 1 5 50 200] [--build-docs 10000] [--keep DIR]

``--big-runs`` is the number of runs of points of 100 MB and more (default 1:
each takes minutes).  Medians over the runs; the largest peaks.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable

#: The peers, run as ``python -c PEER[kind] INPUT OUTPUT``.
PEERS = {
    "xml": "import sys\nfrom lxml import etree\n"
    "etree.parse(sys.argv[1]).write(sys.argv[2], encoding='UTF-8', xml_declaration=True)",
    "text": "import sys\nfrom lxml import etree\n"
    "root = etree.Element('{http://www.tei-c.org/ns/1.0}TEI')\n"
    "body = etree.SubElement(etree.SubElement(root, 'text'), 'body')\n"
    "for block in open(sys.argv[1], encoding='utf-8').read().split('\\n\\n'):\n"
    "    etree.SubElement(body, 'p').text = block\n"
    "etree.ElementTree(root).write(sys.argv[2], encoding='UTF-8', xml_declaration=True)",
}


def run_measured(command: list[str], *, cwd: Path | None = None) -> dict[str, float]:
    """Run ``command``; its wall and CPU time, largest process and whole-tree peak memory."""
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=bench_env()
    )
    watched = psutil.Process(process.pid)
    tree_peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        total = 0
        with contextlib.suppress(psutil.Error):
            for member in [watched, *watched.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a worker may end between the calls
                    total += member.memory_info().rss
        tree_peak = max(tree_peak, total)
        time.sleep(0.02)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode not in (0, 1):  # 1: validate found problems, build found invalid files
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors[-2000:]}")
    largest = usage.ru_maxrss * 1024
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "largest": largest,
        "tree": max(tree_peak, largest),
    }


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return env


def measure(command: list[str], runs: int) -> dict[str, float]:
    samples = [run_measured(command) for _ in range(runs)]
    return {
        "wall": statistics.median(s["wall"] for s in samples),
        "cpu": statistics.median(s["cpu"] for s in samples),
        "largest": max(s["largest"] for s in samples),
        "tree": max(s["tree"] for s in samples),
        "runs": runs,
    }


# --- inputs -----------------------------------------------------------------------------


# Inputs are generated in a child process: a child's ru_maxrss starts from its parent's
# peak at fork time, so a bench process that had built a 200 MB tree would lend it to
# every measurement after.


def make_export_input(megabytes: float, folder: Path) -> Path:
    path = folder / f"tei-{megabytes:g}mb.xml"
    if not path.exists():
        subprocess.run(
            [PYTHON, __file__, "--make-input", "tei", str(megabytes), str(path)], check=True
        )
    return path


def make_convert_input(megabytes: float, folder: Path) -> Path:
    path = folder / f"text-{megabytes:g}mb.txt"
    if not path.exists():
        subprocess.run(
            [PYTHON, __file__, "--make-input", "text", str(megabytes), str(path)], check=True
        )
    return path


def make_valid_input(megabytes: float, folder: Path) -> Path:
    path = folder / f"valid-tei-{megabytes:g}mb.xml"
    if not path.exists():
        subprocess.run(
            [PYTHON, __file__, "--make-input", "valid-tei", str(megabytes), str(path)], check=True
        )
    return path


def make_input(kind: str, megabytes: float, path: Path) -> None:
    sys.path[:0] = [str(REPO), str(BENCH)]
    if kind in ("tei", "valid-tei"):
        from export import make_document

        from tei_tools.xml import TEI_NS, write_tree_atomic

        notes = int(megabytes * 1_000_000 / 270)  # make_document writes ~270 bytes a note
        tree = make_document(notes)
        if kind == "valid-tei":
            # What tei_all requires of the header, and the person the names point to, so
            # that validate measures a valid document's checks, not the reporting of faults.
            from lxml import etree

            t = f"{{{TEI_NS}}}"
            header = tree.getroot().find(f"{t}teiHeader")
            file_desc = header.find(f"{t}fileDesc")
            etree.SubElement(
                etree.SubElement(file_desc, f"{t}publicationStmt"), f"{t}p"
            ).text = "Generated by bench/scale.py."
            etree.SubElement(
                etree.SubElement(file_desc, f"{t}sourceDesc"), f"{t}p"
            ).text = "No source: a benchmark input."
            persons = etree.SubElement(
                etree.SubElement(etree.SubElement(header, f"{t}profileDesc"), f"{t}particDesc"),
                f"{t}listPerson",
            )
            person = etree.SubElement(persons, f"{t}person")
            person.set("{http://www.w3.org/XML/1998/namespace}id", "p1")
            etree.SubElement(person, f"{t}persName").text = "Chicherin"
        write_tree_atomic(path, tree)
    else:
        from convert import make_text

        path.write_text(make_text(int(megabytes * 1_000_000)), encoding="utf-8")


# --- report -------------------------------------------------------------------------------


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def line(
    label: str,
    size: int,
    m: dict[str, float],
    peer: dict[str, float] | None,
    baseline: dict[str, float] | None = None,
) -> str:
    above = ""
    if baseline is not None:
        above = f", {(m['largest'] - baseline['largest']) / size:5.1f}x above the tiny run's"
    text = (
        f"{label:<28} {size / 1e6:7.1f} MB  wall {m['wall']:7.2f} s  cpu {m['cpu']:7.2f} s  "
        f"largest {mib(m['largest']):>10} ({m['largest'] / size:5.1f}x input{above})  "
        f"tree {mib(m['tree']):>10}  runs {m['runs']}"
    )
    if peer is not None:
        text += (
            f"\n{'  peer (floor)':<28} {'':>10}  wall {peer['wall']:7.2f} s  cpu {peer['cpu']:7.2f} s  "
            f"largest {mib(peer['largest']):>10}; tool/peer cpu {m['cpu'] / peer['cpu']:.1f}x"
        )
    return text


def growth(label: str, points: list[tuple[int, dict[str, float]]]) -> None:
    if len(points) < 2:
        return
    (small_size, small), (large_size, large) = points[0], points[-1]
    print(
        f"{label}: {small_size / 1e6:g} -> {large_size / 1e6:g} MB (input {large_size / small_size:.1f}x): "
        f"cpu {large['cpu'] / small['cpu']:.1f}x, wall {large['wall'] / small['wall']:.1f}x, "
        f"largest process {large['largest'] / small['largest']:.1f}x, tree {large['tree'] / small['tree']:.1f}x"
    )
    if len(points) > 2:
        (mid_size, mid) = points[-2]
        print(
            f"{label}: {mid_size / 1e6:g} -> {large_size / 1e6:g} MB (input {large_size / mid_size:.1f}x): "
            f"cpu {large['cpu'] / mid['cpu']:.1f}x, wall {large['wall'] / mid['wall']:.1f}x, "
            f"largest process {large['largest'] / mid['largest']:.1f}x"
        )


def runs_for(megabytes: float, args: argparse.Namespace) -> int:
    return args.big_runs if megabytes >= 100 else args.runs


def tei_tools(*args: str) -> list[str]:
    return [PYTHON, "-m", "tei_tools", *args]


def peer(kind: str, source: Path, target: Path) -> list[str]:
    return [PYTHON, "-c", PEERS[kind], str(source), str(target)]


# --- the steps ------------------------------------------------------------------------------


def bench_export(args, folder: Path) -> None:
    tiny = make_export_input(0.01, folder)
    baseline = measure(
        tei_tools(
            "export", "html", str(tiny), "-o", str(folder / "out.html"), "--streaming", "always"
        ),
        1,
    )
    print(line("export html, tiny (baseline)", tiny.stat().st_size, baseline, None), flush=True)
    points = []
    for mb in args.export_mb:
        source = make_export_input(mb, folder)
        out = folder / "out.html"
        runs = runs_for(mb, args)
        m = measure(
            tei_tools("export", "html", str(source), "-o", str(out), "--streaming", "always"), runs
        )
        p = measure(peer("xml", source, folder / "peer.xml"), runs)
        size = source.stat().st_size
        print(line("export html (streaming)", size, m, p, baseline), flush=True)
        if mb <= 20:
            memory = measure(
                tei_tools("export", "html", str(source), "-o", str(out), "--streaming", "never"),
                runs,
            )
            print(line("export html (in memory)", size, memory, None), flush=True)
        points.append((size, m))
    growth("export html (streaming)", points)


def bench_convert(args, folder: Path) -> None:
    tiny = make_convert_input(0.01, folder)
    baseline = measure(tei_tools("convert", str(tiny), "-o", str(folder / "out.xml")), 1)
    print(line("convert, tiny (baseline)", tiny.stat().st_size, baseline, None), flush=True)
    points = []
    for mb in args.convert_mb:
        source = make_convert_input(mb, folder)
        runs = runs_for(mb, args)
        m = measure(tei_tools("convert", str(source), "-o", str(folder / "out.xml")), runs)
        p = measure(peer("text", source, folder / "peer.xml"), runs)
        size = source.stat().st_size
        print(line("convert", size, m, p, baseline), flush=True)
        points.append((size, m))
    growth("convert", points)


def bench_validate(args, folder: Path) -> None:
    tiny = make_valid_input(0.01, folder)
    baseline = measure(tei_tools("validate", str(tiny)), 1)
    print(line("validate, tiny (baseline)", tiny.stat().st_size, baseline, None), flush=True)
    points = []
    for mb in args.validate_mb:
        source = make_valid_input(mb, folder)
        runs = runs_for(mb, args)
        m = measure(tei_tools("validate", str(source)), runs)
        p = measure(peer("xml", source, folder / "peer.xml"), runs)
        size = source.stat().st_size
        print(line("validate", size, m, p, baseline), flush=True)
        points.append((size, m))
    growth("validate", points)


def bench_build(args, folder: Path) -> None:
    corpus = folder / f"corpus-{args.build_docs}"
    if not corpus.exists():
        subprocess.run(
            [PYTHON, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import build; "
             "build.make_collection(__import__('pathlib').Path(sys.argv[2]), int(sys.argv[3]))",
             str(BENCH), str(corpus), str(args.build_docs)],
            check=True, env=bench_env(),
        )  # fmt: skip
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
    sites = {}
    for executor in ("process", "dask"):
        site = folder / f"site-{executor}"
        shutil.rmtree(site, ignore_errors=True)
        command = tei_tools(
            "build", str(corpus), "-o", str(site), "-j", "2", "-q", "--no-pdf",
            "--search", "builtin", "--executor", executor,
        )  # fmt: skip
        m = measure(command, 1)
        print(line(f"build {args.build_docs} docs ({executor})", size, m, None), flush=True)
        sites[executor] = site
    different = compare_trees(sites["process"], sites["dask"])
    if different:
        print(f"sites differ in {len(different)} files, e.g. {different[:5]}")
    else:
        print("the two sites are byte-identical")


def compare_trees(left: Path, right: Path) -> list[str]:
    """Files that differ or are missing on one side (build caches excluded)."""
    from tei_tools.corpus.cache import DEFAULT_CACHE_DIR

    def files(root: Path) -> set[str]:
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and DEFAULT_CACHE_DIR not in p.parts
        }

    names_left, names_right = files(left), files(right)
    different = sorted(names_left ^ names_right)
    for name in sorted(names_left & names_right):
        if not filecmp.cmp(left / name, right / name, shallow=False):
            different.append(name)
    return different


def main() -> None:
    if sys.argv[1:2] == ["--make-input"]:
        make_input(sys.argv[2], float(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=["export", "convert", "validate", "build"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-runs", type=int, default=1)
    parser.add_argument("--export-mb", type=float, nargs="+", default=[2, 20, 200])
    parser.add_argument("--convert-mb", type=float, nargs="+", default=[1, 5, 50])
    parser.add_argument("--validate-mb", type=float, nargs="+", default=[1, 5, 50, 200])
    parser.add_argument("--build-docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="Keep the generated inputs in this folder.")
    args = parser.parse_args()
    sys.path[:0] = [str(REPO), str(BENCH)]
    steps = args.only or ["export", "convert", "validate", "build"]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tei-tools-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(
        f"{os.cpu_count()} cores, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the start; "
        f"inputs in {folder}; {args.runs} run(s) a point, {args.big_runs} at 100 MB and more"
    )
    try:
        for step in steps:
            globals()[f"bench_{step}"](args, folder)
            load = os.getloadavg()
            print(f"  (load after {step}: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
