"""The facsimile of a converted document: one ``surface`` per page image, ``pb/@facs`` at it.

TEI keeps the images of a text in ``<facsimile>`` (after the header, before
the text): a ``<surface>`` per page, its coordinates those of the image's
pixels (``ulx="0" uly="0" lrx=WIDTH lry=HEIGHT``, so that a ``zone`` drawn on
it is in pixels too), holding a ``<graphic>`` with the image's address and
size.  Each page break of the text points at its page (``pb facs="#surface-3"``).

Page breaks take the images in order; a page marker that names its image
(``pb facs="f3r.jpg"`` from the reader) takes that one.  A document without
page markers gets one page break, for its first image, at the start of its
text; its other images still get surfaces, and are returned as unplaced so
that the editor hears of them.
"""

from __future__ import annotations

from lxml import etree

from tei_tools.reading.page_images import PageImage
from tei_tools.tei.inline import tei
from tei_tools.xml import TEI_NS

_PB = f"{{{TEI_NS}}}pb"


def surface_id(number: int) -> str:
    """The xml:id of the surface of the ``number``-th image (from 1)."""
    return f"surface-{number}"


def add_facsimile(
    root: etree._Element, images: list[PageImage], named: dict[str, PageImage] | None = None
) -> list[PageImage]:
    """Add ``<facsimile>`` to the TEI ``root`` and point its page breaks at the surfaces.

    ``images`` are the document's page images in page order; ``named`` maps a
    name a page marker gave (``pb/@facs`` as the reader wrote it) to its image.
    Returns the images no page break points at.

    >>> from tei_tools.tei.inline import tei
    >>> root = tei("TEI"); root.append(tei("teiHeader")); text = tei("text"); root.append(text)
    >>> text.append(tei("pb", {"n": "1"}))
    >>> add_facsimile(root, [PageImage("images/a/p1.png", 600, 800)])
    []
    >>> text[0].get("facs"), root[1][0][0].get("url"), root[1][0][0].get("width")
    ('#surface-1', 'images/a/p1.png', '600px')
    """
    named = named or {}
    ordered = list(images) + [image for image in named.values() if image not in images]
    if not ordered:
        return []
    text = root.find(f"{{{TEI_NS}}}text")
    breaks = list(text.iter(_PB)) if text is not None else []
    if not breaks and text is not None:
        breaks = [_first_page_break(text)]
    numbers = {image: number for number, image in enumerate(ordered, start=1)}
    used: set[PageImage] = set()
    following = iter(images)
    for pb in breaks:
        image = named.get(pb.get("facs") or "")
        if image is None:
            image = next((i for i in following if i not in used and i not in named.values()), None)
        if image is None:
            continue
        used.add(image)
        pb.set("facs", f"#{surface_id(numbers[image])}")
    facsimile = tei("facsimile")
    for image, number in numbers.items():
        surface = tei(
            "surface",
            {
                "xml:id": surface_id(number),
                "ulx": "0",
                "uly": "0",
                "lrx": str(image.width),
                "lry": str(image.height),
            },
        )
        surface.append(
            tei(
                "graphic",
                {"url": image.url, "width": f"{image.width}px", "height": f"{image.height}px"},
            )
        )
        facsimile.append(surface)
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        header.addnext(facsimile)
    else:
        root.insert(0, facsimile)
    return [image for image in ordered if image not in used]


def _first_page_break(text: etree._Element) -> etree._Element:
    """A page break at the start of the text's first division (or of its body)."""
    body = text.find(f"{{{TEI_NS}}}body")
    holder = body if body is not None else text
    first = holder.find(f"{{{TEI_NS}}}div")
    holder = first if first is not None else holder
    pb = tei("pb")
    holder.insert(0, pb)
    return pb
