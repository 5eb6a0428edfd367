"""IIIF Presentation 3 for an edition with page images and a ``base_url``.

Each document with page images gets ``iiif/STEM/manifest.json``: one canvas
per page in page order (labelled with the page break's ``@n``), the page
image painted on it, the document's title, date and source as metadata, and
links to its page and its TEI.  ``iiif/collection.json`` lists the manifests.
Any IIIF viewer (Mirador, the Universal Viewer) or aggregator can then show
the pages.  IIIF wants absolute addresses, so nothing is written without
``base_url``.

The JSON is written here rather than with iiif-prezi3 (the tests validate
it with iiif-prezi3's models): a manifest is a few nested dicts, and the build
should not need pydantic.  An image that is a IIIF Image service is
referenced (the service and a ``full/max`` rendering), never copied; its
type is ``ImageService3`` when its address says ``/3/``, else
``ImageService2``, and its profile the least every service offers
(``level0``), since the build does not fetch ``info.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import quote

from tei_tools.corpus.citation import Edition
from tei_tools.corpus.facsimile import THUMB_SIZE, WEB_SIZE, FacsimilePage, fitted
from tei_tools.corpus.results import DOCUMENT_DIR, TEI_DIR, DocumentSummary

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
IIIF_DIR = "iiif"
COLLECTION = f"{IIIF_DIR}/collection.json"

#: Rights statements IIIF accepts in ``rights`` (others go in requiredStatement only).
_RIGHTS_HOSTS = (
    "http://creativecommons.org/",
    "https://creativecommons.org/",
    "http://rightsstatements.org/",
    "https://rightsstatements.org/",
)


def manifest_name(stem: str) -> str:
    return f"{IIIF_DIR}/{quote(stem)}/manifest.json"


def _label(text: str, language: str = "none") -> dict[str, list[str]]:
    return {language or "none": [text]}


def _service(page: FacsimilePage) -> dict[str, str]:
    if "/3/" in page.service:
        return {"id": page.service, "type": "ImageService3", "profile": "level0"}
    return {"@id": page.service, "@type": "ImageService2", "profile": "level0"}


def manifest(
    summary: DocumentSummary, pages: list[FacsimilePage], edition: Edition, *, language: str = ""
) -> dict:
    """The IIIF Presentation 3 manifest of one document (``edition.base_url`` must be set)."""
    base = edition.base_url
    stem = quote(summary.stem)
    own = f"{base}{IIIF_DIR}/{stem}"
    lang = language or "none"
    canvases = []
    for page in pages:
        canvas_id = f"{own}/canvas/{quote(page.surface)}"
        if page.service:
            body: dict = {
                "id": f"{page.service}/full/max/0/default.jpg",
                "type": "Image",
                "format": "image/jpeg",
                "width": page.width,
                "height": page.height,
                "service": [_service(page)],
            }
            thumb_id = f"{page.service}/full/!{THUMB_SIZE},{THUMB_SIZE}/0/default.jpg"
        else:
            width, height = fitted(page.width, page.height, WEB_SIZE)
            body = {
                "id": base + quote(page.web),
                "type": "Image",
                "format": "image/jpeg",
                "width": width,
                "height": height,
            }
            thumb_id = base + quote(page.thumb)
        tw, th = fitted(page.width, page.height, THUMB_SIZE)
        canvases.append(
            {
                "id": canvas_id,
                "type": "Canvas",
                "label": _label(page.label),
                "width": page.width,
                "height": page.height,
                "thumbnail": [
                    {
                        "id": thumb_id,
                        "type": "Image",
                        "format": "image/jpeg",
                        "width": tw,
                        "height": th,
                    }
                ],
                "items": [
                    {
                        "id": f"{canvas_id}/page",
                        "type": "AnnotationPage",
                        "items": [
                            {
                                "id": f"{canvas_id}/page/painting",
                                "type": "Annotation",
                                "motivation": "painting",
                                "body": body,
                                "target": canvas_id,
                            }
                        ],
                    }
                ],
            }
        )
    metadata = [{"label": _label("Title", "en"), "value": _label(summary.title, lang)}]
    if summary.date_label:
        metadata.append({"label": _label("Date", "en"), "value": _label(summary.date_label, lang)})
    metadata.append({"label": _label("Edition", "en"), "value": _label(edition.title, lang)})
    data: dict = {
        "@context": CONTEXT,
        "id": f"{own}/manifest.json",
        "type": "Manifest",
        "label": _label(summary.title, lang),
        "metadata": metadata,
        "homepage": [
            {
                "id": f"{base}{DOCUMENT_DIR}/{stem}.html",
                "type": "Text",
                "label": _label(summary.title, lang),
                "format": "text/html",
            }
        ],
        "seeAlso": [
            {
                "id": f"{base}{TEI_DIR}/{stem}.xml",
                "type": "Dataset",
                "label": _label("TEI XML", "en"),
                "format": "application/tei+xml",
                "profile": "https://tei-c.org/ns/1.0/",
            }
        ],
        "partOf": [{"id": base + COLLECTION, "type": "Collection"}],
        "items": canvases,
    }
    if edition.licence:
        data["requiredStatement"] = {
            "label": _label("Licence", "en"),
            "value": _label(edition.licence, lang),
        }
    if edition.licence_url.startswith(_RIGHTS_HOSTS):
        data["rights"] = edition.licence_url
    if canvases:
        data["thumbnail"] = canvases[0]["thumbnail"]
    return data


def collection(summaries: Iterable[DocumentSummary], edition: Edition) -> dict:
    """The IIIF Collection of every document that has a manifest, in the given order."""
    base = edition.base_url
    return {
        "@context": CONTEXT,
        "id": base + COLLECTION,
        "type": "Collection",
        "label": _label(edition.title),
        "items": [
            {"id": base + manifest_name(s.stem), "type": "Manifest", "label": _label(s.title)}
            for s in summaries
            if s.facsimile_pages
        ],
    }


def to_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def write_collection(writer, documents, edition: Edition) -> None:
    """``iiif/collection.json``, when the edition has an address and some page images."""
    summaries = [d.summary for d in documents if d.summary is not None]
    if edition.base_url and any(s.facsimile_pages for s in summaries):
        writer.write(COLLECTION, to_json(collection(summaries, edition)))
