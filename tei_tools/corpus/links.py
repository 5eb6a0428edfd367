"""A link checker for a built site: every internal link must reach a file, and its anchor.

Each page is parsed once and its ids kept in a dictionary, so checking a
site costs one pass over its pages plus one look-up per link.

>>> check_links("site")  # doctest: +SKIP
[]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

#: Attributes that point at another resource, by element.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass(frozen=True)
class BrokenLink:
    page: str
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


def internal_links(page: Path) -> tuple[set[str], list[str]]:
    """The ids a page defines and the internal links it makes (URLs with no scheme)."""
    tree = html.parse(str(page))
    ids = {
        element.get("id")
        for element in tree.iter()
        if isinstance(element.tag, str) and element.get("id")
    }
    links = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in tree.iter(tag):
            value = element.get(attribute)
            if value is None:
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                continue
            links.append(value)
    return ids, links


def site_pages(site: Path) -> list[Path]:
    """The HTML pages of a site, not counting hidden folders or Pagefind's bundle."""
    pages: list[Path] = []
    for folder, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "pagefind")
        pages.extend(Path(folder) / name for name in sorted(files) if name.endswith(".html"))
    return pages


def check_links(site: str | os.PathLike[str]) -> list[BrokenLink]:
    """Every internal link of the site that leads nowhere, or to a missing anchor."""
    root = Path(site).resolve()
    pages = site_pages(root)
    parsed = {page: internal_links(page) for page in pages}
    broken = []
    for page, (_ids, links) in parsed.items():
        shown = page.relative_to(root).as_posix()
        for href in links:
            parts = urlsplit(href)
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if root != target and root not in target.parents:
                broken.append(BrokenLink(shown, href, "leads outside the site"))
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(BrokenLink(shown, href, "no such file"))
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target][0] if target in parsed else internal_links(target)[0]
                if unquote(parts.fragment) not in ids:
                    broken.append(BrokenLink(shown, href, "no such anchor"))
    return broken
