"""The page images of a document on its site page: the viewer beside the text, web sizes.

A document's ``<facsimile>`` (see :mod:`tei_tools.tei.facsimile`) lists its
surfaces; a page break's ``@facs`` names the one it begins.  The site page gets:

* an ``<aside>`` beside the text with one ``<figure>`` per page: the image at
  web size (:data:`WEB_SIZE` px on its long side) inside a link to itself, a
  caption naming the page.  Without JavaScript every page is shown, one under
  another; ``facsimile.js`` shows the current page only, in OpenSeadragon
  (deep zoom), with labelled buttons to turn pages and zoom;
* a link on each page break of the text to its page's figure;
* for each line or note whose ``@facs`` names a ``zone``, the zone's box, drawn
  on the image while the reader's focus or pointer is on it.

The images are reduced after the documents (:func:`reduce_image`, in worker
processes when there are several batches), not by the document workers: an
image's web file is named after the original's path, size and modification
time, so a page already in the site is kept without opening the original
(:func:`queue_page_images`), and a rebuild where no image changed does no
image work at all.  Originals are never changed; the site
holds only the reduced copies.  An image that is already a IIIF Image
service (``graphic/@url`` ending in ``info.json``, or a service address
without a file ending) is shown from the service and never copied.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlparse

from lxml import etree
from lxml.html import builder as E

from tei_tools.reading.page_images import IMAGE_SUFFIXES
from tei_tools.xml import TEI_NS

#: The long side of the web copy, in pixels: sharp on a large screen, a few hundred kB.
WEB_SIZE = 1600
#: The long side of the thumbnail (the page strip, the IIIF thumbnail).
THUMB_SIZE = 240
#: Where the reduced copies go in the site.
FACSIMILE_DIR = "facsimile"
#: The vendored viewer (tei_tools/corpus/vendor/openseadragon, its README gives version
#: and licence) and the site's own viewer script and styles.
VIEWER_FILES = (
    "vendor/openseadragon/openseadragon.min.js",
    "vendor/openseadragon/LICENSE.txt",
    "facsimile.js",
    "facsimile.css",
)

_T = f"{{{TEI_NS}}}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class Zone:
    """A region of a page image, in the image's own pixels."""

    id: str
    box: tuple[int, int, int, int]  # ulx, uly, lrx, lry


@dataclass
class FacsimilePage:
    """One page image of a document as the site shows it."""

    surface: str  # the surface's xml:id
    label: str  # "1", "3r": the page break's @n, else the page's number
    width: int  # the original's size, which zone coordinates refer to
    height: int
    #: The original file (absolute), or "" for a IIIF Image service.
    source: str = ""
    #: The IIIF Image service's base address (without /info.json), or "".
    service: str = ""
    web: str = ""  # site-relative names of the reduced copies
    thumb: str = ""
    zones: list[Zone] = field(default_factory=list)
    #: The surface's own coordinates (ulx, uly, lrx, lry), which its zones use; the
    #: image's pixels when the surface gives none.
    extent: tuple[int, int, int, int] = (0, 0, 0, 0)

    def zone_fractions(self, zone: Zone) -> tuple[float, float, float, float]:
        """The zone's corners as fractions of the surface's width and height.

        >>> page = FacsimilePage("s", "1", 1000, 2000, extent=(0, 0, 500, 1000))
        >>> page.zone_fractions(Zone("z", (50, 100, 250, 200)))
        (0.1, 0.1, 0.5, 0.2)
        """
        ulx, uly, lrx, lry = self.extent
        if lrx <= ulx or lry <= uly:
            ulx, uly, lrx, lry = 0, 0, self.width, self.height
        w, h = lrx - ulx, lry - uly
        x0, y0, x1, y1 = zone.box
        return ((x0 - ulx) / w, (y0 - uly) / h, (x1 - ulx) / w, (y1 - uly) / h)

    @property
    def web_size(self) -> tuple[int, int]:
        return fitted(self.width, self.height, WEB_SIZE)


def fitted(width: int, height: int, long_side: int) -> tuple[int, int]:
    """The size of an image reduced to ``long_side`` (never enlarged).

    >>> fitted(3000, 2000, 1600), fitted(800, 600, 1600)
    ((1600, 1067), (800, 600))
    """
    scale = min(1.0, long_side / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def iiif_service(url: str) -> str | None:
    """The base address of a IIIF Image service ``url`` names, or None for an image file.

    >>> iiif_service("https://iiif.example.org/iiif/3/f1r/info.json")
    'https://iiif.example.org/iiif/3/f1r'
    >>> iiif_service("https://iiif.example.org/iiif/3/f1r"), iiif_service("../images/a/p1.png")
    ('https://iiif.example.org/iiif/3/f1r', None)
    """
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        return None
    if parsed.path.endswith("/info.json"):
        return url[: -len("/info.json")]
    if PurePosixPath(parsed.path).suffix.lower() in IMAGE_SUFFIXES:
        return None
    return url.rstrip("/")


def facsimile_pages(root: etree._Element, document: str, stem: str) -> list[FacsimilePage]:
    """The document's page images in page order, with their zones and web copies' names.

    Page order is the order of the page breaks that point at surfaces, then
    the surfaces no page break names.  An image file that does not exist
    (relative to ``document``, the TEI or source file) is left out: the page
    shows its text alone, and ``validate`` reports the pointer.  So is a file
    outside the collection (the folder above ``source/`` and ``tei/``), however
    the address or a symbolic link gets there: a document must not publish
    the editor's other files.
    """
    surfaces = {s.get(_XML_ID): s for s in root.iter(f"{_T}surface") if s.get(_XML_ID)}
    if not surfaces:
        return []
    labels: dict[str, str] = {}
    for pb in root.iter(f"{_T}pb"):
        target = (pb.get("facs") or "").removeprefix("#")
        if target in surfaces and target not in labels:
            labels[target] = pb.get("n") or ""
    order = [*labels, *(s for s in surfaces if s not in labels)]
    base = Path(document).resolve().parent
    pages = []
    for number, surface_id in enumerate(order, start=1):
        label = labels.get(surface_id) or str(number)
        page = _page(surfaces[surface_id], surface_id, label, base, base.parent)
        if page is not None:
            pages.append(_named(page, stem))
    return pages


def _page(
    surface: etree._Element, surface_id: str, label: str, base: Path, inside: Path
) -> FacsimilePage | None:
    graphic = surface.find(f".//{_T}graphic")
    url = graphic.get("url", "") if graphic is not None else ""
    if not url:
        return None
    width = _pixels(graphic.get("width")) or _pixels(surface.get("lrx"))
    height = _pixels(graphic.get("height")) or _pixels(surface.get("lry"))
    service = iiif_service(url)
    page = FacsimilePage(surface_id, label, width, height)
    if service is not None:
        page.service = service
    else:
        if urlparse(url).scheme:
            return None  # an image on another server, not a IIIF service: not copied
        path = (base / unquote(url)).resolve()
        if not path.is_relative_to(inside) or not path.is_file():
            return None
        from tei_tools.errors import InputError
        from tei_tools.reading.page_images import image_size

        try:
            # The header alone: the size zones refer to, and a file Pillow can read.
            page.width, page.height = image_size(path)
        except InputError:
            return None
        page.source = str(path)
    if not (page.width and page.height):
        return None
    page.extent = _box(surface) or (0, 0, page.width, page.height)
    page.zones = [
        Zone(zone.get(_XML_ID), box)
        for zone in surface.iter(f"{_T}zone")
        if zone.get(_XML_ID) and (box := _box(zone)) is not None
    ]
    return page


def _box(zone: etree._Element) -> tuple[int, int, int, int] | None:
    """The zone's box: its corners, or the bounding box of its ``@points`` (a polygon).

    >>> from tei_tools.tei.inline import tei
    >>> _box(tei("zone", {"points": "100,700 800,650 850,800 120,820"}))
    (100, 650, 850, 820)
    """
    if all(zone.get(k) for k in ("ulx", "uly", "lrx", "lry")):
        ulx, uly, lrx, lry = (_pixels(zone.get(k)) for k in ("ulx", "uly", "lrx", "lry"))
        return ulx, uly, lrx, lry
    try:
        points = [
            tuple(float(v) for v in pair.split(",")) for pair in (zone.get("points") or "").split()
        ]
    except ValueError:
        return None
    if len(points) < 2 or any(len(point) != 2 for point in points):
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


def _pixels(value: str | None) -> int:
    """``"1200px"`` or ``"1200"`` as 1200; anything else (``"12cm"``) as 0 (unknown)."""
    text = (value or "").strip().removesuffix("px")
    try:
        return round(float(text))
    except ValueError:
        return 0


def source_signature(path: str) -> str:
    """A short digest of an original's path, size and modification time (``stat`` only)."""
    stat = Path(path).stat()
    return hashlib.sha256(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:12]


def _named(page: FacsimilePage, stem: str) -> FacsimilePage:
    if page.source:
        signature = source_signature(page.source)
        folder = f"{FACSIMILE_DIR}/{stem}"
        page.web = f"{folder}/{page.surface}-{signature}.jpg"
        page.thumb = f"{folder}/{page.surface}-{signature}-thumb.jpg"
    return page


def image_jobs(pages: list[FacsimilePage]) -> list[list[str]]:
    """What the build's main process must make: [original, web copy, thumbnail] per page."""
    return [[page.source, page.web, page.thumb] for page in pages if page.source]


def jobs_current(jobs: list[list[str]]) -> bool:
    """Whether every original of a cached document is unchanged (its copies' names still hold)."""
    for source, web, _thumb in jobs:
        try:
            if source_signature(source) not in PurePosixPath(web).name:
                return False
        except OSError:
            return False
    return True


def reduce_image(source: str) -> tuple[bytes, bytes]:
    """The original as JPEG web copy (:data:`WEB_SIZE`) and thumbnail (:data:`THUMB_SIZE`).

    The original is decoded once, at the smallest scale the JPEG decoder
    offers that is still at least the web size (``draft``), turned upright
    (EXIF orientation), and the thumbnail is made from the web copy.
    """
    try:
        from PIL import Image, ImageOps
    except ImportError:
        from tei_tools.errors import MissingExtraError

        raise MissingExtraError("page images on the site", "facsimile", "Pillow") from None
    with Image.open(source) as image:
        width, height = image.size
        image.draft("RGB", fitted(width, height, WEB_SIZE))
        upright = ImageOps.exif_transpose(image)
        if upright.mode != "RGB":
            upright = upright.convert("RGB")
        upright.thumbnail((WEB_SIZE, WEB_SIZE), Image.Resampling.LANCZOS)
        web = _jpeg(upright)
        upright.thumbnail((THUMB_SIZE, THUMB_SIZE), Image.Resampling.LANCZOS)
        return web, _jpeg(upright)


def _jpeg(image) -> bytes:
    # Baseline, not progressive: progressive encoding took five times as long here
    # (26 against 5.6 ms for a 1200 x 1600 page) for a file a fifth smaller.
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def href(name: str, depth: int = 1) -> str:
    return "../" * depth + quote(name)


def image_address(page: FacsimilePage, *, thumb: bool = False, depth: int = 1) -> str:
    """Where the page's image is fetched from a page ``depth`` folders down."""
    if page.service:
        size = THUMB_SIZE if thumb else WEB_SIZE
        return f"{page.service}/full/!{size},{size}/0/default.jpg"
    return href(page.thumb if thumb else page.web, depth)


def add_viewer(
    article: etree._Element,
    pages: list[FacsimilePage],
    title: str,
    *,
    manifest: str | None = None,
) -> None:
    """Put the page images beside the article's text and link the page breaks to them.

    ``manifest`` is the site path of the document's IIIF manifest, linked below the images.
    """
    text = article.find(".//div[@class='tei-text']")
    if text is None or not pages:
        return
    by_surface = {page.surface: page for page in pages}
    for marker in list(text.iter("span")):
        target = (marker.get("data-facs") or "").removeprefix("#")
        if "tei-pb" in (marker.get("class") or "").split() and target in by_surface:
            page = by_surface[target]
            # Beside the marker, not in it: a separator's content is not interactive.
            link = E.A(
                E.CLASS("facs-link"),
                f"page image {page.label}",
                href=f"#facs-{target}",
                **{"data-surface": target},
            )
            link.tail, marker.tail = marker.tail, None
            marker.addnext(link)
    zones = {zone.id: page.surface for page in pages for zone in page.zones}
    # Lines and phrases in the text, notes where the article gathers them.
    for element in article.iter():
        target = (element.get("data-facs") or "").removeprefix("#")
        if isinstance(element.tag, str) and target in zones:
            element.set("data-zone-surface", zones[target])
            if element.get("tabindex") is None and element.tag != "a":
                # A line or note with a region on the image: reachable by keyboard to show it.
                element.set("tabindex", "0")
    aside = E.ASIDE(
        E.CLASS("facsimile"),
        E.H2("Page images", id="facsimile-heading", **{"class": "facs-heading"}),
        **{
            "aria-labelledby": "facsimile-heading",
            "data-pages": str(len(pages)),
            "data-pagefind-ignore": "all",
        },
    )
    for number, page in enumerate(pages, start=1):
        width, height = (
            page.web_size if not page.service else fitted(page.width, page.height, WEB_SIZE)
        )
        figure = E.FIGURE(
            E.A(
                E.IMG(
                    src=image_address(page),
                    alt=f"Page {page.label} of {title}: image of the original",
                    width=str(width),
                    height=str(height),
                    loading="lazy" if number > 1 else "eager",
                ),
                href=image_address(page),
            ),
            E.FIGCAPTION(f"Page {page.label} ({number} of {len(pages)})"),
            id=f"facs-{page.surface}",
            **{
                "class": "facs-page",
                "data-surface": page.surface,
                "data-label": page.label,
                "data-width": str(page.width),
                "data-height": str(page.height),
                "data-full": image_address(page),
                **({"data-service": page.service + "/info.json"} if page.service else {}),
                # Each zone as fractions of the page: "z1:0.1,0.14,0.9,0.21;z2:...".
                "data-zones": ";".join(
                    f"{z.id}:{','.join(f'{v:.5g}' for v in page.zone_fractions(z))}"
                    for z in page.zones
                ),
            },
        )
        aside.append(figure)
    if manifest:
        aside.append(
            E.P(
                E.CLASS("facs-iiif"),
                E.A("IIIF manifest", href=href(manifest), type="application/ld+json"),
                " (for IIIF viewers such as Mirador or the Universal Viewer)",
            )
        )
    aside.append(E.LINK(rel="stylesheet", href=href("facsimile.css")))
    aside.append(E.SCRIPT(src=href(VIEWER_FILES[0]), defer="defer"))
    aside.append(E.SCRIPT(src=href("facsimile.js"), defer="defer"))
    layout = E.DIV(E.CLASS("facs-layout"))
    text.addprevious(layout)
    layout.append(text)
    layout.append(aside)
    article.set("class", (article.get("class", "") + " has-facsimile").strip())


def viewer_file(name: str) -> bytes:
    """The bytes of a viewer file shipped with tei-tools (see :data:`VIEWER_FILES`)."""
    from importlib import resources

    return resources.files("tei_tools.corpus").joinpath(name).read_bytes()


def queue_page_images(writer, jobs: list[list[str]], pending: list[list[str]]) -> list[str]:
    """Keep the copies of each page image the site already has; queue the others in ``pending``.

    A copy written by an earlier build under the same name (which holds the
    original's path, size and time) is kept without opening the original.
    Returns the site-relative names, for the document's cache record.
    """
    names = []
    for source, web, thumb in jobs:
        names += [web, thumb]
        if all(name in writer.previous and (writer.site / name).is_file() for name in (web, thumb)):
            writer.keep(web)
            writer.keep(thumb)
        else:
            pending.append([source, web, thumb])
    return names


#: Page images reduced per batch sent to a worker process.
REDUCE_BATCH = 8


def reduce_batch(batch: list[list[str]]) -> list[tuple[str, str, bytes, bytes, str]]:
    """(web name, thumb name, web bytes, thumb bytes, error) per job: run in a worker."""
    done = []
    for source, web, thumb in batch:
        try:
            web_bytes, thumb_bytes = reduce_image(source)
        except (OSError, ValueError) as exc:  # Pillow's errors for a file it cannot decode
            done.append((web, thumb, b"", b"", f"{source}: not a readable image: {exc}"))
        else:
            done.append((web, thumb, web_bytes, thumb_bytes, ""))
    return done


def write_reduced(writer, pending: list[list[str]], jobs: int) -> list[str]:
    """Reduce the queued page images (in ``jobs`` processes when there are several) and write them.

    Returns a message for each original that could not be decoded; its page
    then shows the text alone.
    """
    if not pending:
        return []
    batches = [pending[i : i + REDUCE_BATCH] for i in range(0, len(pending), REDUCE_BATCH)]
    if jobs > 1 and len(batches) > 1:
        from tei_tools.corpus.executors import ProcessExecutor

        runner = ProcessExecutor(min(jobs, len(batches)))
        results = runner.map_unordered(reduce_batch, batches)
    else:
        runner, results = None, map(reduce_batch, batches)
    errors = []
    try:
        for batch in results:
            for web, thumb, web_bytes, thumb_bytes, error in batch:
                if error:
                    errors.append(error)
                    continue
                writer.write(web, web_bytes)
                writer.write(thumb, thumb_bytes)
    finally:
        if runner is not None:
            runner.close()
    return errors


def require_pillow_for(collection: Path) -> None:
    """Stop before any work, with one line naming the extra, when the collection has page
    images (an ``images/`` folder) and Pillow is missing."""
    if not (collection / "images").is_dir():
        return
    try:
        import PIL  # noqa: F401
    except ImportError:
        from tei_tools.errors import MissingExtraError

        raise MissingExtraError("page images (images/)", "facsimile", "Pillow") from None


def write_viewer_files(writer, documents) -> None:
    """The viewer's scripts, styles and licence, when some document shows page images."""
    if any(d.summary is not None and d.summary.facsimile_pages for d in documents):
        for name in VIEWER_FILES:
            writer.write(name, viewer_file(name))
