"""Shared fixtures.

Tests that need the project's shared material (``../shared``: the seed, the
development corpus, real TEI samples) skip with a reason when it is absent, as
on a user's clone; everything else must pass without it.  Set
``TEI_TOOLS_SHARED`` to point at another copy.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (set HYPOTHESIS_PROFILE=explore for fresh
# ones): a CI run, or a newcomer's first run, must not pass or fail by the luck of the draw.
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_TOOLS_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or a skip when the shared material is not here."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared test material at {path} (absent on a user's clone)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def tei_all():
    """tei_all compiled once per session (compiling takes seconds)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(REPO / "schemas" / "tei_all.rng")))


@pytest.fixture(scope="session")
def project_schema():
    """The project's own schema (a stricter customisation of tei_all), compiled once."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(REPO / "schemas" / "tei-tools.rng")))


#: Session fixtures that cost seconds to set up (compiling tei_all, launching Chromium): every
#: test that uses one is marked ``slow``, so that ``pytest -m "not slow"`` is a quick loop.
SLOW_FIXTURES = frozenset({"tei_all", "project_schema", "browser"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def corpus_sources() -> list[Path]:
    """The bundled collection's plain texts (part of the repository, always present)."""
    return sorted((REPO / "corpus" / "source").glob("*.txt"))


#: Debian's Chromium, launched by Playwright; flags keep it off this machine's closed network.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright, or a skip saying what to install."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
