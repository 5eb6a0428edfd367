"""Benchmark: page images on the site — the reduction step per image, and a no-change rebuild.

1. The reduction step (``tei_tools.corpus.facsimile.reduce_image``: web copy at
   1600 px and thumbnail at 240 px from one decoding, as the build makes them) per page image, for
   JPEG scans and PNG scans, against two peers run here on the same files:
   copying the original (``shutil.copyfile``, what a site without reduction
   would do) and a plain Pillow loop (open, ``resize`` with LANCZOS to each of the
   two sizes from the original, save as JPEG; no ``draft``).
2. A collection of ``--docs`` documents with one page image each (copies of a
   few generated scans): the full build, then a rebuild with nothing changed,
   counting the images reduced and opened in the build's process; peer: the
   no-change rebuild of the same collection without images.

Medians of ``--repeat`` runs; the machine's load average is printed, since
the machine is shared.

    python bench/facsimile.py [--images 12] [--docs 1000] [--repeat 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PIL import Image, ImageDraw  # noqa: E402

from tei_tools.corpus import build, facsimile  # noqa: E402
from tei_tools.corpus.facsimile import THUMB_SIZE, WEB_SIZE, fitted, reduce_image  # noqa: E402

SETTINGS = """title = "Bench"
[profile]
name = "bench"
[profile.layout]
title = "auto"
page_marker = '\\[page (?P<n>\\w+)\\]'
"""


def scan(path: Path, size: tuple[int, int], seed: int) -> None:
    """A page-like image: paper, a frame, lines of 'writing', some noise so JPEG has work."""
    image = Image.effect_noise(size, 18 + seed).convert("RGB")
    paper = Image.new("RGB", size, (236, 226, 205))
    image = Image.blend(paper, image, 0.25)
    draw = ImageDraw.Draw(image)
    for y in range(300, size[1] - 300, 90):
        draw.line((250, y, size[0] - 250 - (y * seed) % 400, y), fill=(60, 45, 30), width=6)
    image.save(path, quality=92) if path.suffix == ".jpg" else image.save(path)


def plain_pillow(source: Path, long_side: int) -> bytes:
    import io

    with Image.open(source) as image:
        rgb = image.convert("RGB")
        resized = rgb.resize(fitted(*rgb.size, long_side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "JPEG", quality=85)
        return out.getvalue()


def per_image(files: list[Path], work, repeat: int) -> float:
    """Median over runs of the mean seconds per image of ``work(file)``."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for path in files:
            work(path)
        runs.append((time.perf_counter() - started) / len(files))
    return statistics.median(runs)


def reduction(folder: Path, count: int, repeat: int) -> None:
    for suffix, label in ((".jpg", "JPEG 3000x4000"), (".png", "PNG 3000x4000")):
        files = []
        for number in range(count):
            path = folder / f"scan-{number}{suffix}"
            scan(path, (3000, 4000), number % 5)
            files.append(path)
        copies = folder / "copies"
        copies.mkdir(exist_ok=True)
        ours = per_image(
            files,
            lambda p: reduce_image(str(p)),
            repeat,
        )
        plain = per_image(
            files, lambda p: (plain_pillow(p, WEB_SIZE), plain_pillow(p, THUMB_SIZE)), repeat
        )
        copied = per_image(files, lambda p, to=copies: shutil.copyfile(p, to / p.name), repeat)
        size = statistics.median(p.stat().st_size for p in files) / 1e6
        web = len(reduce_image(str(files[0]))[0]) / 1e3
        print(
            f"{label} ({size:.1f} MB each, web copy {web:.0f} kB): reduce_image "
            f"{ours * 1000:.0f} ms/image; plain Pillow resize {plain * 1000:.0f} ms "
            f"(ratio {plain / ours:.2f}); copying the original {copied * 1000:.1f} ms "
            f"(ratio {copied / ours:.3f})"
        )


class Counter:
    """Counts calls of a function in this process while it is installed."""

    def __init__(self, owner, name: str) -> None:
        self.owner, self.name, self.calls = owner, name, 0
        self.real = getattr(owner, name)

    def __enter__(self) -> Counter:
        def counted(*args, **kwargs):
            self.calls += 1
            return self.real(*args, **kwargs)

        setattr(self.owner, self.name, counted)
        return self

    def __exit__(self, *exc) -> None:
        setattr(self.owner, self.name, self.real)


def collection(folder: Path, docs: int, with_images: bool) -> Path:
    (folder / "source").mkdir(parents=True)
    (folder / "tei-tools.toml").write_text(SETTINGS, encoding="utf-8")
    scans = []
    if with_images:
        for number in range(4):
            path = folder / f"scan-{number}.jpg"
            scan(path, (1200, 1600), number)
            scans.append(path)
    for number in range(docs):
        stem = f"doc-{number:05d}"
        (folder / "source" / f"{stem}.txt").write_text(
            f"LETTER NUMBER {number}\n\n5 March 1918\n\n[page 1]\n\nThe text of the letter.\n",
            encoding="utf-8",
        )
        if with_images:
            pages = folder / "images" / stem
            pages.mkdir(parents=True)
            shutil.copyfile(scans[number % 4], pages / "p1.jpg")
    return folder


def rebuilds(folder: Path, docs: int, repeat: int, jobs: int) -> None:
    timings = {}
    for with_images in (True, False):
        corpus = collection(folder / f"corpus-{with_images}", docs, with_images)
        site = folder / f"site-{with_images}"
        started = time.perf_counter()
        first = build(corpus, site, jobs=jobs, pdf=False, search="none", quiet=True)
        full = time.perf_counter() - started
        runs = []
        for _ in range(repeat):
            with Counter(facsimile, "reduce_image") as reduced, Counter(Image, "open") as opened:
                started = time.perf_counter()
                again = build(corpus, site, jobs=jobs, pdf=False, search="none", quiet=True)
                runs.append(time.perf_counter() - started)
            assert again.built == 0, again.built
        timings[with_images] = statistics.median(runs)
        images = sum(1 for _ in (site / "facsimile").rglob("*.jpg")) if with_images else 0
        print(
            f"{docs} documents {'with one page image each' if with_images else 'without images'}: "
            f"full build {full:.1f} s ({first.built} built, {images} image files); no-change "
            f"rebuild {timings[with_images]:.2f} s"
            + (
                f", images reduced {reduced.calls}, images opened {opened.calls}"
                if with_images
                else ""
            )
        )
    print(f"no-change rebuild with images / without: {timings[True] / timings[False]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=12)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="bench-facsimile-") as work:
        folder = Path(work)
        (folder / "reduce").mkdir()
        reduction(folder / "reduce", args.images, args.repeat)
        rebuilds(folder, args.docs, args.repeat, args.jobs)
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
