"""Benchmark: exporting documents with many notes, and a 93 KB real document, to HTML.

Prints medians over repeated runs for synthetic documents with 5,000, 10,000
and 20,000 notes (the time per note should stay flat: linear scaling), and for
the 93 KB sample ``prakrit__Dhutt.xml`` from ``../shared/tei-samples`` when it
is there.  Goal (issue 6): 20,000 notes in under 3 s.

The peer is the TEI Stylesheets' ``html/html.xsl`` run by Saxon (saxonche),
measured only when both are installed: set ``TEI_STYLESHEETS`` to a checkout of
the TEI Stylesheets (github.com/TEIC/Stylesheets; ``html/``, ``common/`` and
``i18n.xml`` are what html.xsl needs) and ``pip install saxonche``.  They are not
on PyPI or in Debian, so without them the script says so and prints the
linear-scaling ratios only.  It also times a one-shot run of each (a fresh
process that compiles, reads, transforms) on the 93 KB sample.

    python bench/export.py [--runs 5] [--notes 5000 10000 20000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lxml import etree  # noqa: E402

from tei_tools.export.html import export_html  # noqa: E402
from tei_tools.export.text import export_text  # noqa: E402
from tei_tools.xml import TEI_NS, parse_xml_file, serialize  # noqa: E402

SAMPLE = REPO.parent / "shared" / "tei-samples" / "prakrit__Dhutt.xml"


def make_document(notes: int) -> etree._ElementTree:
    """A TEI document with ``notes`` footnotes, one per paragraph, with names and dates."""
    t = f"{{{TEI_NS}}}"
    root = etree.Element(f"{t}TEI")
    header = etree.SubElement(root, f"{t}teiHeader")
    statement = etree.SubElement(etree.SubElement(header, f"{t}fileDesc"), f"{t}titleStmt")
    etree.SubElement(statement, f"{t}title").text = f"A document with {notes:,} notes"
    body = etree.SubElement(etree.SubElement(root, f"{t}text"), f"{t}body")
    div = etree.SubElement(body, f"{t}div")
    etree.SubElement(div, f"{t}head").text = "Notes on peace"
    for number in range(notes):
        p = etree.SubElement(div, f"{t}p")
        p.text = f"Paragraph {number}: the People's Commissar wrote to "
        name = etree.SubElement(p, f"{t}persName", ref="#p1")
        name.text = "Chicherin"
        name.tail = " on "
        date = etree.SubElement(p, f"{t}date", when="1918-03-03")
        date.text = "3 March 1918"
        date.tail = " about the treaty"
        note = etree.SubElement(p, f"{t}note")
        note.text = f"Note {number}: see the minutes of the Council, item {number}."
        note.tail = "."
    return etree.ElementTree(root)


def stylesheets_peer():
    """A callable running the TEI Stylesheets' html.xsl with Saxon, or None with the reason."""
    folder = os.environ.get("TEI_STYLESHEETS")
    if not folder or not (Path(folder) / "html" / "html.xsl").exists():
        return None, (
            "TEI Stylesheets not found (set TEI_STYLESHEETS; they are not on PyPI or in Debian)"
        )
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        return None, "saxonche is not installed (pip install saxonche)"
    processor = PySaxonProcessor(license=False)
    xslt = processor.new_xslt30_processor()
    compiled = xslt.compile_stylesheet(stylesheet_file=str(Path(folder) / "html" / "html.xsl"))

    def run(path: Path) -> None:
        compiled.transform_to_string(source_file=str(path))

    return run, "TEI Stylesheets html.xsl via saxonche"


def print_one_shot(runs: int) -> None:
    """What a user waits for: a fresh process that reads, exports and writes one document."""
    ours = [sys.executable, "-m", "tei_tools", "export", "html", str(SAMPLE), "-o", os.devnull]
    run = lambda command: subprocess.run(command, capture_output=True, check=True)  # noqa: E731
    line = f"one-shot CLI, {SAMPLE.name}: tei-tools {median_seconds(lambda: run(ours), runs):.2f} s"
    folder = os.environ.get("TEI_STYLESHEETS")
    if folder and (Path(folder) / "html" / "html.xsl").exists():
        script = (
            "from saxonche import PySaxonProcessor as P; p=P(license=False); "
            "x=p.new_xslt30_processor().compile_stylesheet(stylesheet_file={!r}); "
            "x.transform_to_string(source_file={!r})"
        ).format(str(Path(folder) / "html" / "html.xsl"), str(SAMPLE))
        peer = median_seconds(lambda: run([sys.executable, "-c", script]), runs)
        line += f"; TEI Stylesheets (saxonche, compile + transform) {peer:.2f} s"
    print(line)


from timing import median_seconds  # noqa: E402  (bench/ is on sys.path when run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--notes", type=int, nargs="+", default=[5000, 10000, 20000])
    args = parser.parse_args()
    peer, peer_name = stylesheets_peer()
    print(f"peer: {peer_name if peer else 'none: ' + peer_name}")

    per_note = []
    for notes in args.notes:
        tree = make_document(notes)
        size = len(serialize(tree))
        html = median_seconds(lambda tree=tree: export_html(tree), args.runs)
        cpu = median_seconds(lambda tree=tree: export_html(tree), args.runs, time.process_time)
        text = median_seconds(lambda tree=tree: export_text(tree), args.runs)
        per_note.append(cpu / notes)
        line = (
            f"{notes:>6,} notes ({size / 1e6:.1f} MB): HTML {html:.3f} s ({cpu:.3f} s CPU), "
            f"text {text:.3f} s, {cpu / notes * 1e6:.1f} µs CPU per note"
        )
        if peer:
            path = Path(os.environ.get("TMPDIR", "/tmp")) / f"tei-tools-bench-{notes}.xml"
            path.write_bytes(serialize(tree))
            line += f"; peer {median_seconds(lambda path=path: peer(path), 1):.2f} s"
        print(line)
    if len(per_note) > 1:
        ratios = ", ".join(f"{later / per_note[0]:.2f}" for later in per_note[1:])
        print(f"CPU time per note relative to {args.notes[0]:,} notes: {ratios} (1.00 = linear)")

    if SAMPLE.exists():
        tree = parse_xml_file(SAMPLE)
        html = median_seconds(lambda: export_html(tree), args.runs)
        parse_and_export = median_seconds(lambda: export_html(parse_xml_file(SAMPLE)), args.runs)
        line = (
            f"{SAMPLE.name} ({SAMPLE.stat().st_size / 1000:.0f} KB): HTML {html:.3f} s, "
            f"parse + HTML {parse_and_export:.3f} s"
        )
        if peer:
            line += f"; peer {median_seconds(lambda: peer(SAMPLE), args.runs):.2f} s"
        print(line)
        print_one_shot(args.runs)
    else:
        print(f"{SAMPLE} not found: real-document figure skipped")


if __name__ == "__main__":
    main()
