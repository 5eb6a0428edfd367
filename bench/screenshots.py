"""Regenerate the README's screenshots: the edition site, and the seed as HTML and PDF.

Builds the bundled corpus into a site and photographs five of its pages at a
laptop's width (``docs/site-home.png``, ``docs/site-document.png`` with a
name's card open, ``docs/site-persons.png``, ``docs/site-search.png``,
``docs/site-about.png``) and the seed's page on a phone in dark mode
(``docs/site-dark-phone.png``).
Converts the seed (``../shared/seeds/*.txt``, else the test fixture
``tests/data/seed-like.xml``), exports it to HTML and PDF, and writes
``docs/seed-html.png`` (headless Chromium through Playwright) and
``docs/seed-pdf.png`` (page 1 of the PDF rendered by pypdfium2).

Needs the development tools: ``pip install playwright pypdfium2 'tei-tools[pdf]'``
and Debian's ``chromium``.

    python bench/screenshots.py [--out-dir docs]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tei_tools.export.html import export_html  # noqa: E402
from tei_tools.export.links import registry_entries  # noqa: E402
from tei_tools.export.pdf import export_pdf  # noqa: E402
from tei_tools.xml import parse_xml_file  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def seed_tree():
    seeds = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        return parse_xml_file(REPO / "tests" / "data" / "seed-like.xml")
    from tei_tools.convert import convert_text

    return convert_text(seeds[0].read_text(encoding="utf-8"))


def screenshot_html(html: str, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "seed.html"
        page_path.write_text(html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto(page_path.as_uri())
            page.hover('main a[data-ref="per:trotsky"]')
            page.screenshot(path=str(target), full_page=True)
            browser.close()


SEED_PAGE = "documents/1917-11-30_reply-from-trotsky-to-british-embassy.html"

#: File name: (page, what to hover first, colour scheme, width).
SITE_SHOTS = {
    "site-home.png": ("index.html", None, "light", 1280),
    "site-document.png": (SEED_PAGE, '.tei-text a.entity[data-ref="per:trotsky"]', "light", 1280),
    "site-persons.png": ("persons.html", None, "light", 1280),
    "site-search.png": ("search.html?q=vladivostok", None, "light", 1280),
    "site-about.png": ("about.html", None, "light", 1280),
    "site-dark-phone.png": (SEED_PAGE, None, "dark", 390),
}


def screenshot_site(out_dir: Path) -> list[str]:
    """Build the bundled corpus and photograph one page of each main kind."""
    from playwright.sync_api import sync_playwright

    from tei_tools.corpus import build

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(REPO / "corpus", site, jobs=2, pdf=False, quiet=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for name, (path, hover, scheme, width) in SITE_SHOTS.items():
                page = browser.new_page(
                    viewport={"width": width, "height": 860}, color_scheme=scheme
                )
                page.goto((site / path.split("?")[0]).as_uri() + path[len(path.split("?")[0]) :])
                if hover:
                    page.hover(hover)
                    page.locator(".popup:visible").wait_for()
                if "?q=" in path:
                    page.locator("#search-results a").first.wait_for()
                page.screenshot(path=str(out_dir / name))
                page.close()
            browser.close()
    return list(SITE_SHOTS)


def screenshot_pdf(pdf: bytes, target: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    document[0].render(scale=1.5).to_pil().save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    names = screenshot_site(args.out_dir)
    tree = seed_tree()
    registers = registry_entries()
    screenshot_html(export_html(tree, registers=registers), args.out_dir / "seed-html.png")
    screenshot_pdf(export_pdf(tree, registers=registers), args.out_dir / "seed-pdf.png")
    for name in (*names, "seed-html.png", "seed-pdf.png"):
        path = args.out_dir / name
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
