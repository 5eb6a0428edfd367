"""A document's page images: where they are found beside its source, and their sizes.

A collection keeps the scans of ``source/STEM.txt`` in ``images/STEM/`` (the
folder beside ``source/``); a lone file ``STEM.txt`` keeps them in
``images/STEM/`` beside it.  The images are the document's pages in the order
of their names, compared as people number pages ("p2" before "p10").

The sizes are read with Pillow (the ``facsimile`` extra), which reads only a
file's header to learn them, not its pixels.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei_tools.errors import InputError, MissingExtraError

#: The file endings read as page images (the formats browsers show and Pillow reads).
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".gif"})
#: The folder, beside ``source/`` or beside a lone file, holding one folder of images per document.
IMAGES_DIR = "images"


@dataclass(frozen=True)
class PageImage:
    """One page image: its address relative to the source's folder, and its size in pixels."""

    url: str
    width: int
    height: int


def page_image_folder(source: str | os.PathLike[str]) -> Path | None:
    """The folder holding the page images of ``source``, or None when it has none.

    >>> page_image_folder("/nonexistent/source/letter.txt") is None
    True
    """
    path = Path(source)
    for root in (path.parent, path.parent.parent):
        folder = root / IMAGES_DIR / path.stem
        if folder.is_dir():
            return folder
    return None


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key ordering names as page numbers are read: "p2" before "p10".

    >>> sorted(["p10.png", "p2.png", "p1.png"], key=natural_key)
    ['p1.png', 'p2.png', 'p10.png']
    """
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )


def find_page_images(source: str | os.PathLike[str]) -> list[Path]:
    """The page image files of ``source`` in page order (empty when it has none)."""
    folder = page_image_folder(source)
    if folder is None:
        return []
    files = [p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]
    return sorted(files, key=lambda p: natural_key(p.name))


def image_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels, read from the file's header by Pillow."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:
        raise MissingExtraError("reading page images", "facsimile", "Pillow") from None
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError) as exc:
        raise InputError(f"not a readable image: {exc}", file=str(path)) from None


def measure_page_images(source: str | os.PathLike[str], files: list[Path]) -> list[PageImage]:
    """Each file as a :class:`PageImage` whose url is relative to the source's folder."""
    base = Path(source).resolve().parent
    images = []
    for path in files:
        width, height = image_size(path)
        url = PurePosixPath(Path(os.path.relpath(path.resolve(), base))).as_posix()
        images.append(PageImage(url, width, height))
    return images


def page_images_signature(source: str | os.PathLike[str]) -> str:
    """What the page images of ``source`` are, as far as a rebuild must know: names, sizes, times.

    Read from the folder listing and ``stat`` alone (no image is opened), so
    that a rebuild with no image changed does no image work.
    """
    parts = []
    for path in find_page_images(source):
        stat = path.stat()
        parts.append(f"{path.name}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return "\n".join(parts)
