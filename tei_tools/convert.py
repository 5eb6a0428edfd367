"""Plain text to TEI: the converter's public entry points.

The pipeline is ``decode → read (profile) → mark up (registers, dates,
citations) → build TEI``.  :func:`convert_text` is what most callers want;
:func:`convert` also returns the review findings (unknown names, uncertain
dates, unknown sources, dropped chrome) that an editor should look at.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO

from lxml import etree

from tei_tools.errors import InputError
from tei_tools.findings import Finding
from tei_tools.reading.layout import read_document
from tei_tools.reading.model import Document
from tei_tools.reading.profiles import Profile, load_profile, profile_for_file
from tei_tools.reading.source import decode_text, refuse_unrepresentable
from tei_tools.tei.body import build_text, no_annotations
from tei_tools.tei.correspondence import correspondence_description
from tei_tools.tei.header import build_header, header_title
from tei_tools.tei.inline import tei
from tei_tools.xml import TEI_NS, XML_NS, read_input_bytes

if TYPE_CHECKING:
    from tei_tools.markup.decisions import ApplyReport, DecisionFile
    from tei_tools.markup.registers import Registry
    from tei_tools.tei.spool import ParagraphSpool


@dataclass
class Conversion:
    """A converted document and what the editor should review in it."""

    tree: etree._ElementTree
    findings: list[Finding] = field(default_factory=list)
    #: What became of the editor's review decisions, when some were given.
    review: ApplyReport | None = None
    #: The paragraphs set aside as they were made (``convert(..., set_aside=True)``):
    #: then ``tree`` holds an empty placeholder for each, and :meth:`write` puts them back.
    spool: ParagraphSpool | None = None

    def write(self, target: BinaryIO) -> None:
        """The TEI document into ``target``, the bytes :func:`~tei_tools.xml.serialize` gives."""
        if self.spool is not None:
            self.spool.write(self.tree, target)
        else:
            self.tree.write(target, encoding="UTF-8", xml_declaration=True, pretty_print=True)

    def close(self) -> None:
        """Let the set-aside paragraphs go (their temporary file); :meth:`write` cannot follow."""
        if self.spool is not None:
            self.spool.close()


def convert(
    text: str,
    *,
    profile: Profile | str | os.PathLike[str] = "generic",
    source_name: str = "<input>",
    registry: Registry | None = None,
    markup: bool = True,
    decisions: DecisionFile | None = None,
    page_images: Sequence[Path] | None = None,
    set_aside: bool = False,
) -> Conversion:
    """Convert decoded text to TEI and collect review findings.

    ``registry`` defaults to the registers shipped with tei-tools; pass
    ``markup=False`` for structure only (no names, dates or citations).
    ``decisions`` (an editor's review, :mod:`tei_tools.review`) are applied
    to the finished tree as a last, separate step.  ``page_images`` (the
    document's scans in page order, :func:`~tei_tools.reading.page_images.find_page_images`)
    become its ``<facsimile>``, with the page breaks pointing at them; a page
    marker's image name is looked up among them, then beside the source
    (``source_name``'s folder).  Without ``page_images`` no image is read.

    ``set_aside``, for a large document that is to be written once, serialises
    each paragraph as it is made and keeps a placeholder for it in the tree
    (:mod:`tei_tools.tei.spool`): the whole tree costs some 8.6 times the input,
    the rest a fraction of it, and :meth:`Conversion.write` writes the same
    bytes.  Decisions and page images change the finished tree, so with them
    the tree is kept whole.
    """
    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    refuse_unrepresentable(text, source_name)
    if not text or text.isspace():  # not strip(): that copies the whole text
        raise InputError("empty file: there is no text to convert", file=source_name)
    doc = read_document(text, profile, source_name=source_name)
    findings = [
        dropped_line_finding(text, number, line_text, reason, source_name)
        for number, line_text, reason in doc.dropped
    ]
    if markup:
        from tei_tools.markup.enrich import Enricher

        enricher = Enricher(doc, profile, registry=registry)
        annotate, source_element = enricher.hand_over, enricher.source_element
        creation_date = enricher.creation_date()
        source_bibls = [enricher.source_element(b) for b in doc.blocks if b.kind == "source"]
    else:
        annotate, source_element, creation_date = no_annotations, None, None
        source_bibls = [tei("bibl", {"type": "source"}, line) for line in doc.source_lines]

    spool = None
    if set_aside and decisions is None and not page_images and not any(p.image for p in doc.pages):
        from tei_tools.tei.spool import ParagraphSpool
        from tei_tools.tei.title_case import ProperWords, mostly_capitals

        spool = ParagraphSpool(ProperWords() if doc.title and mostly_capitals(doc.title) else None)
    root = tei("TEI", {"xml:lang": doc.collection_language or doc.language})
    text_element = build_text(
        doc,
        annotate=annotate,
        source_element=source_element,
        set_aside=spool.set_aside if spool is not None else None,
    )
    if doc.collection_language:  # the document's own language, where it is not the collection's
        text_element.set(f"{{{XML_NS}}}lang", doc.language)
    title = header_title(
        doc,
        text_element,
        enricher.registry if markup else None,
        spool.evidence if spool is not None else None,
    )
    correspondence = (
        correspondence_description(text_element, language=doc.language)
        if profile.correspondence
        else None
    )
    root.append(
        build_header(
            doc,
            profile,
            creation_date=creation_date,
            source_bibls=source_bibls,
            title=title,
            correspondence=correspondence,
            dating_methods=enricher.dating_methods if markup else frozenset(),
        )
    )
    root.append(text_element)
    if page_images is not None:
        _add_page_images(root, doc, source_name, page_images)
    if markup:
        findings.extend(enricher.findings)
    tree, review = etree.ElementTree(root), None
    if decisions is not None:
        from tei_tools.markup.decisions.apply import apply_decisions

        review = apply_decisions(tree, decisions)
    return Conversion(tree, findings, review, spool)


def _add_page_images(
    root: etree._Element, doc: Document, source_name: str, files: Sequence[Path]
) -> None:
    """The facsimile of the document: its folder's images, and those its page markers name.

    A name that is no file among the images or beside the source (or that
    would climb out of the source's folder) stays on its page break, where
    ``validate`` reports it as a page image that does not exist.
    """
    from tei_tools.reading.page_images import measure_page_images
    from tei_tools.tei.facsimile import add_facsimile

    by_name = {path.name: path for path in files}
    named: dict[str, Path] = {}
    for page in doc.pages:
        if not page.image or page.image in named:
            continue
        path = by_name.get(page.image)
        relative = PurePosixPath(page.image)
        if path is None and not relative.is_absolute() and ".." not in relative.parts:
            candidate = Path(source_name).parent / relative
            path = candidate if candidate.is_file() else None
        if path is not None:
            named[page.image] = path
    if not files and not named:
        return
    measured = dict(
        zip([*files, *named.values()], measure_page_images(source_name, [*files, *named.values()]))
    )
    add_facsimile(
        root,
        [measured[path] for path in files],
        {name: measured[path] for name, path in named.items()},
    )


def dropped_line_finding(
    text: str, number: int, line_text: str, reason: str, source_name: str
) -> Finding:
    """A line the profile dropped as page chrome, placed in the source for the review."""
    lines = text.split("\n")
    line_start = sum(len(line) + 1 for line in lines[: number - 1])
    column = lines[number - 1].find(line_text) + 1 if line_text else 1
    start = line_start + max(column - 1, 0)
    return Finding(
        "dropped-line",
        line_text,
        f"dropped as {reason}",
        source_name,
        line=number,
        column=max(column, 1),
        start=start,
        end=start + len(line_text),
        context=line_text,
    )


def convert_text(
    text: str,
    *,
    profile: Profile | str | os.PathLike[str] = "generic",
    source_name: str = "<input>",
    registry: Registry | None = None,
    markup: bool = True,
) -> etree._ElementTree:
    """Convert a plain-text transcription to a TEI P5 tree.

    >>> tree = convert_text("A TITLE\\n\\n5 March 1918\\n\\n    Some text.\\n")
    >>> tree.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    True
    """
    return convert(
        text, profile=profile, source_name=source_name, registry=registry, markup=markup
    ).tree


def convert_bytes(
    data: bytes,
    *,
    encoding: str = "utf-8",
    source_name: str = "<input>",
    profile: Profile | str | os.PathLike[str] = "generic",
    registry: Registry | None = None,
    markup: bool = True,
    decisions: DecisionFile | None = None,
    page_images: Sequence[Path] | None = None,
) -> Conversion:
    """Decode bytes (refusing empty, binary and mis-encoded input) and convert them."""
    text = decode_text(data, encoding=encoding, source=source_name)
    return convert(
        text,
        profile=profile,
        source_name=source_name,
        registry=registry,
        markup=markup,
        decisions=decisions,
        page_images=page_images,
    )


def convert_file(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    profile: Profile | str | os.PathLike[str] | None = None,
    registry: Registry | None = None,
    markup: bool = True,
    decisions: DecisionFile | None = None,
) -> Conversion:
    """Read and convert one file; the file itself is only ever read.

    Without ``profile``, a file in a collection (``tei-tools.toml`` in its
    folder or the one above) is read with the collection's profile and
    settings, any other with ``generic``.  A given profile replaces the
    collection's layout, not its header facts.  The file's page images
    (``images/STEM/`` beside it or beside its folder) become its facsimile.
    """
    from tei_tools.reading.page_images import find_page_images

    given = profile if isinstance(profile, Profile) or profile is None else load_profile(profile)
    profile = profile_for_file(path, given) or given or load_profile("generic")
    data = read_input_bytes(path)
    return convert_bytes(
        data,
        encoding=encoding,
        source_name=str(path),
        profile=profile,
        registry=registry,
        markup=markup,
        decisions=decisions,
        page_images=find_page_images(path),
    )


def is_tei(tree: etree._ElementTree) -> bool:
    return tree.getroot().tag == f"{{{TEI_NS}}}TEI"


__all__ = ["Conversion", "Finding", "convert", "convert_bytes", "convert_file", "convert_text"]
