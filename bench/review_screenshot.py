"""Regenerate the README's screenshot of the review application: ``docs/review.png``.

Serves the review tests' small corpus (``tests/review_corpus.py``), rejects
one name, opens the link search for another in headless Chromium, and saves
the page.  Needs Playwright and Debian's ``chromium``.

    python bench/review_screenshot.py [--out docs/review.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from review_corpus import make_corpus  # noqa: E402

from tei_tools.review.server import serving_in_thread  # noqa: E402
from tei_tools.review.session import ReviewSession  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "review.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tei-tools-review-shot-") as folder:
        session = ReviewSession(make_corpus(Path(folder)), editor="Jane Doe")
        with serving_in_thread(session, "screenshot") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"{base}/?token=screenshot")
            page.get_by_role("link", name="1917-12-03_telegram").first.click()
            text = page.locator("#text")
            text.locator(".mark", has_text="Mr. Jones").first.click()
            page.keyboard.press("r")
            page.wait_for_timeout(300)
            text.locator(".mark", has_text="Mr. Smith").first.click()
            page.keyboard.press("l")
            page.keyboard.type("Buchan")
            page.locator("#link-hits li").first.wait_for()
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
