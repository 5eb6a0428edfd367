"""Streaming HTML and plain-text export: a document read block by block, in bounded memory.

The in-memory writers (:func:`tei_tools.export.html.export_html`,
:func:`tei_tools.export.text.export_text`) hold the parsed TEI, the whole
output tree and the output string at once: about 40 times the input for HTML.
The writers here produce the same bytes from two passes over the file with
the pull parser of :func:`tei_tools.xml.make_pull_parser` (no entity
expanded, no file or network opened):

1. A survey (:func:`survey`) collects what the page needs before the text:
   every ``xml:id`` and ``prefixDef`` (for links), the plain text of the
   ``bibl``s in the texts (the title block leaves out a source the text
   prints), the first heading and the first ``text``'s language.
2. The writing pass renders the header when it ends, then each child of
   ``text``/``front``/``body``/``back``/``group``/``div`` as a whole block
   with the in-memory renderer itself, writes it, and frees it.  Those
   divisions are opened at their start tag and closed at their end tag; what
   a block's rendering looks at (its parent, the next sibling's start tag for
   a dual date, the previous sibling) is still in the tree when it is rendered.
   Footnotes are spooled to a temporary file and copied where the page has
   them, after the text.

Memory is the largest block (a ``p``, a ``list``, an ``entry``) plus the header
and one chunk of parsed input, not the document.  A document
with a DOCTYPE (whose entities only the in-memory parser checks), with no
``text``, or whose ``teiHeader`` does not come before its first ``text`` is
exported by the in-memory writers instead: same output, same checks.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, Protocol

from lxml import etree

from tei_tools.errors import InputError
from tei_tools.export.html import (
    html_page,
    plain,
    render_header_lists,
    render_register_index,
    render_title_block,
    section_with_heading,
)
from tei_tools.export.html_render import (
    BLOCK_TAGS,
    EDITORIAL_DESCRIPTION_ID,
    XML_LANG,
    HtmlRenderer,
)
from tei_tools.export.links import LinkResolver, PrefixDef, parse_prefix_def
from tei_tools.export.text import TIGHT as TIGHT_KINDS
from tei_tools.export.text import Block, TextWriter, format_block
from tei_tools.export.urls import make_urls_safe
from tei_tools.xml import TEI_NS, XML_NS, local_part, make_parser, make_pull_parser, syntax_error

#: Inputs at least this large are streamed by ``tei-tools export`` (``--streaming auto``).
STREAM_THRESHOLD = 4 * 1024 * 1024

#: How much of the file is fed to the parser at a time.
CHUNK = 1 << 20

#: How many rendered blocks are written at once (fewer, larger serialisations).
BATCH = 128

#: Divisions opened at their start tag and closed at their end tag; every other
#: element is rendered whole once it is complete.  All are blocks whose HTML
#: wrapper depends only on their own attributes.
STREAMED = frozenset(
    {"text", "front", "body", "back", "group", "div", *(f"div{n}" for n in range(1, 8))}
)

XML_ID = f"{{{XML_NS}}}id"
_TEI_PREFIX = f"{{{TEI_NS}}}"
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_EDITORIAL = etree.XPath(
    "boolean(descendant-or-self::*[contains(concat(' ', @class, ' '), ' editorial ')])"
)
_HEAD_BYTES = 65536


class _Fallback(Exception):
    """The document needs the in-memory writer (nothing has been written yet)."""


def _tei_or_plain(tag: str) -> bool:
    return tag.startswith(_TEI_PREFIX) or not tag.startswith("{")


def _is_text_root(element: etree._Element) -> bool:
    """A ``text`` that :func:`tei_tools.export.elements.text_roots` returns: no text or header above."""
    tag = element.tag
    if not isinstance(tag, str) or local_part(tag) != "text" or not _tei_or_plain(tag):
        return False
    return not any(
        isinstance(a.tag, str) and local_part(a.tag) in {"text", "teiHeader"}
        for a in element.iterancestors()
    )


def _in_text_root(element: etree._Element) -> bool:
    """Whether ``element`` lies inside one of the document's text roots."""
    return any(_is_text_root(a) for a in element.iterancestors())


#: The event a chunk's end is reported by: every child of the innermost division but
#: its last is complete then.
CHUNK_END = "chunk"


def _events(
    path: Path, source: str, events: tuple[str, ...], tag: Sequence[str] | None = None
) -> Iterator[tuple[str, etree._Element | None]]:
    """The parser's events over the file, read a chunk at a time; parse errors as InputError.

    After each chunk's events comes ``(CHUNK_END, None)``.
    """
    parser = make_pull_parser(events, tag)
    head = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if not head:
                    head = chunk[:_HEAD_BYTES]
                parser.feed(chunk)
                yield from parser.read_events()
                yield CHUNK_END, None
            root = parser.close()
            yield from parser.read_events()
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, head, source) from None
    if root.getroottree().docinfo.doctype:
        raise _Fallback  # a DOCTYPE beyond the first 64 KB: let the in-memory checks see it


@dataclass
class Survey:
    """What the first pass learns: everything the page needs before its text."""

    ids: set[str] = field(default_factory=set)
    prefixes: dict[str, PrefixDef] = field(default_factory=dict)
    printed: set[str] = field(default_factory=set)
    first_head: tuple[str, str | None] | None = None
    first_text_lang: str | None = None
    has_text_root: bool = False
    has_header: bool = False


#: The elements pass 1 hears of; every other element is read by XPath, a block at a time.
_SURVEY_TAGS = [
    f"{{*}}{name}"
    for name in sorted(STREAMED | {"TEI", "teiHeader", "standOff", "prefixDef", "bibl", "head"})
]
# One axis step each: libxml2 merges the node sets of a multi-step path (``a/b``) at a
# cost that made ``descendant-or-self::*/@xml:id`` 200 times slower than these.
_WITH_ID = etree.XPath("descendant-or-self::*[@xml:id]")
_WITH_ID_BELOW = etree.XPath("descendant::*[@xml:id]")


def _ids(elements: list[etree._Element]) -> Iterator[str]:
    return (element.get(XML_ID) for element in elements)


def survey(path: Path, source: str) -> Survey:
    """Pass 1: ids, prefixDefs, printed citations, first heading; blocks freed as they end.

    As in pass 2, the parser reports only divisions and the few elements looked
    at here; the ``xml:id``s of the blocks between are read by libxml2 (XPath)
    before the blocks are freed.
    """
    found = Survey()
    first_text_seen = False
    first_head: etree._Element | None = None
    stack: list[etree._Element] = []
    root: etree._Element | None = None
    ids = found.ids
    for event, element in _events(path, source, ("start", "end"), _SURVEY_TAGS):
        if element is None:  # a chunk's end: all but the last child of the division are whole
            if stack:
                frame = stack[-1]
                count = len(frame)
                if count > 1:
                    # The last child's ids so far are read too (and again later): they are ids.
                    ids.update(_ids(_WITH_ID_BELOW(frame)))
                    del frame[: count - 1]
            continue
        if root is None:
            root = element.getroottree().getroot()
        tag = element.tag
        name = local_part(tag)
        if event == "start":
            if name not in STREAMED:
                continue
            if stack:
                frame = stack[-1]
                if element.getparent() is frame and _tei_or_plain(tag):
                    before = 0
                    for child in frame:
                        if child is element:
                            break
                        if isinstance(child.tag, str):
                            ids.update(_ids(_WITH_ID(child)))
                        before += 1
                    del frame[:before]
                    stack.append(element)
            elif _is_text_root(element):
                stack.append(element)
            continue
        if stack and element is stack[-1]:
            ids.update(_ids(_WITH_ID_BELOW(element)))
            del element[:]
            stack.pop()
        if name == "prefixDef":
            definition = parse_prefix_def(element)
            if definition is not None:
                found.prefixes.setdefault(definition.ident, definition)
        elif name == "bibl":
            if _tei_or_plain(tag) and _in_text_root(element):
                found.printed.add(plain(element))
        elif name == "head":
            in_text = any(
                isinstance(a.tag, str) and local_part(a.tag) == "text"
                for a in element.iterancestors()
            )
            if in_text and (first_head is None or first_head in element.iterdescendants()):
                first_head = element
                found.first_head = (plain(element), element.get("type"))
        elif name == "text":
            if not first_text_seen:
                # The first text in document order is the outermost text around the first to end.
                first_text_seen = True
                outer = element
                for ancestor in element.iterancestors():
                    if isinstance(ancestor.tag, str) and local_part(ancestor.tag) == "text":
                        outer = ancestor
                found.first_text_lang = outer.get(XML_LANG)
            if _is_text_root(element):
                found.has_text_root = True
        elif name == "teiHeader":
            found.has_header = True
        if not stack and element.getparent() is root and root is not None:
            ids.update(_ids(_WITH_ID(element)))  # a child of the root (a corpus's TEI): all seen
            element.clear(keep_tail=True)
    if root is not None:
        ids.update(_ids(_WITH_ID(root)))  # what is left: the headers, the divisions' own ids
    return found


@dataclass
class _Frame:
    """A division being written: its element, where its content is rendered, its closing."""

    element: etree._Element
    out: etree._Element
    state: object = None
    text_done: bool = False
    closed_child: etree._Element | None = None  # a streamed division whose tail is still due
    done: etree._Element | None = None  # the last child rendered, kept for getprevious()
    pending: int = 0  # children rendered since the output was last written


class _Writer(Protocol):
    """What a format does at the walk's steps; the walk itself is :func:`_walk`."""

    survey: Survey

    def start(self, root: etree._Element, header: etree._Element | None) -> None: ...

    def open(self, element: etree._Element, parent: _Frame | None) -> _Frame: ...

    def close(self, frame: _Frame) -> None: ...

    def text(self, frame: _Frame, text: str | None) -> None: ...

    def child(self, frame: _Frame, element: etree._Element) -> None: ...

    def emitted(self, frame: _Frame) -> None: ...

    def finish(self, header: etree._Element | None, stand_offs: list[etree._Element]) -> None: ...


def _flush(writer: _Writer, frame: _Frame, upto: etree._Element | None) -> None:
    """Render the children of ``frame`` before ``upto`` (all, for None), each with its tail."""
    element = frame.element
    if not frame.text_done:
        frame.text_done = True
        writer.text(frame, element.text)
    node = frame.done.getnext() if frame.done is not None else _first_child(element)
    while node is not None and node is not upto:
        if node is frame.closed_child:
            frame.closed_child = None
        else:
            writer.child(frame, node)
        writer.text(frame, node.tail)
        if frame.done is not None:
            element.remove(frame.done)
        frame.done = node
        frame.pending += 1
        if frame.pending >= BATCH:
            frame.pending = 0
            writer.emitted(frame)
        node = node.getnext()


def _first_child(element: etree._Element) -> etree._Element | None:
    for child in element:
        return child
    return None


#: The elements pass 2 hears of: the divisions it streams, and what lies around the texts.
_WALK_TAGS = [f"{{*}}{name}" for name in sorted(STREAMED | {"TEI", "teiHeader", "standOff"})]


def _walk(path: Path, source: str, writer: _Writer) -> None:
    """Pass 2: the text roots streamed division by division, the rest as the page needs it.

    The parser reports only divisions and the elements around the texts; the
    blocks between are rendered when the next division starts, when their
    division ends, and at the end of each chunk (all but the last child of the
    innermost division are complete then), so no Python runs per element.
    """
    found = writer.survey
    stack: list[_Frame] = []
    root: etree._Element | None = None
    header: etree._Element | None = None
    stand_offs: list[etree._Element] = []
    started = False
    for event, element in _events(path, source, ("start", "end"), _WALK_TAGS):
        if element is None:  # a chunk's end
            if stack:
                frame = stack[-1]
                last = next(frame.element.iterchildren(reversed=True), None)
                if last is not None:
                    _flush(writer, frame, last)
            continue
        if root is None:
            root = element.getroottree().getroot()
        if stack:
            frame = stack[-1]
            if event == "start":
                tag = element.tag
                if (
                    element.getparent() is not frame.element
                    or local_part(tag) not in STREAMED
                    or not _tei_or_plain(tag)
                ):
                    continue  # inside a block: rendered with it
                _flush(writer, frame, element)
                stack.append(writer.open(element, frame))
            elif element is frame.element:
                _flush(writer, frame, None)
                writer.close(frame)
                stack.pop()
                if stack:
                    stack[-1].closed_child = element
                else:
                    element.clear(keep_tail=True)
            continue
        if event == "start":
            if _is_text_root(element):
                if not started:
                    if header is None and found.has_header:
                        raise _Fallback  # the header comes after the text
                    writer.start(root, header)
                    started = True
                stack.append(writer.open(element, None))
            continue
        name = local_part(element.tag)
        parent = element.getparent()
        if name == "teiHeader" and header is None:
            header = element
        elif parent is root and parent is not None:
            if name == "standOff":
                stand_offs.append(element)
            elif header is None or element not in header.iterancestors():
                element.clear(keep_tail=True)
    writer.finish(header, stand_offs)


# --- HTML ----------------------------------------------------------------------------------


class _HtmlWriter(_Writer):
    def __init__(
        self,
        found: Survey,
        out: IO[str],
        *,
        css: str | None,
        registers: Mapping[str, Mapping[str, str]] | None,
        styles: bool,
        depth: int,
        view: str,
    ) -> None:
        self.survey = found
        self.out = out
        self.css = css
        self.styles = styles
        self.depth = depth
        self.view = view
        resolver = LinkResolver(found.ids, found.prefixes, registers or {})
        self.renderer = HtmlRenderer(resolver, notes="end", view=view)
        # Closed by finish(), which copies it into the page.
        self.notes = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=8 << 20, mode="w+", encoding="utf-8"
        )
        self.editorial = False
        self.note_items = 0
        self.page_end = ""
        self.root: etree._Element | None = None

    def start(self, root: etree._Element, header: etree._Element | None) -> None:
        self.root = root
        article = etree.Element("article", {"class": f"tei-document view-{self.view}"})
        if header is not None:
            render_title_block(self.renderer, header, article, printed=self.survey.printed)
        etree.SubElement(article, "div", {"class": "tei-text"}).text = "MARK"
        self._check_editorial(article)
        make_urls_safe(article, depth=self.depth)
        page = html_page(article, self._title(header), self._language(root), self.css, self.styles)
        serialised = etree.tostring(
            page, method="html", encoding="unicode", doctype="<!DOCTYPE html>"
        )
        # The page is the in-memory page's serialisation cut where the text goes (the
        # last such division: any earlier one is the title block's).
        before, _, after = serialised.rpartition('<div class="tei-text">MARK</div>')
        self.out.write(before + '<div class="tei-text">')
        self.page_end = after
        self._spool_notes()

    def _title(self, header: etree._Element | None) -> str:
        candidates: list[tuple[str, str | None]] = []
        if header is not None:
            candidates = [
                (plain(t), t.get("type"))
                for t in header.findall("{*}fileDesc/{*}titleStmt/{*}title")
            ]
        if not candidates and self.survey.first_head is not None:
            candidates = [self.survey.first_head]
        titles = [text for text, kind in candidates if kind not in {"sub", "alt"}]
        return " · ".join(t for t in titles if t) or "TEI document"

    def _language(self, root: etree._Element) -> str | None:
        return root.get(XML_LANG) or self.survey.first_text_lang

    def open(self, element: etree._Element, parent: _Frame | None) -> _Frame:
        if parent is not None:
            self._emit(parent.out, hold=False)
        name = local_part(element.tag)
        if name.startswith("div") and name in BLOCK_TAGS:
            self.renderer._div_depth += 1
        tag = BLOCK_TAGS.get(name, "div")
        holder = etree.Element("div")
        new = self.renderer.open(element, holder, tag, name)
        make_urls_safe(holder, depth=self.depth)
        opened = etree.tostring(new, method="html", encoding="unicode")
        self.out.write(opened[: -len(f"</{tag}>")])
        return _Frame(element, etree.Element("div"), state=tag)

    def close(self, frame: _Frame) -> None:
        self._emit(frame.out, hold=False)
        self.out.write(f"</{frame.state}>")
        name = local_part(frame.element.tag)
        if name.startswith("div") and name in BLOCK_TAGS:
            self.renderer._div_depth -= 1
        self._spool_notes()

    def text(self, frame: _Frame, text: str | None) -> None:
        self.renderer.add_text(frame.out, text)

    def child(self, frame: _Frame, element: etree._Element) -> None:
        self.renderer.render(element, frame.out)

    def emitted(self, frame: _Frame) -> None:
        self._emit(frame.out, hold=True)
        self._spool_notes()

    def _emit(self, out: etree._Element, *, hold: bool) -> None:
        """Write what was rendered into ``out``; with ``hold``, keep the text at its end.

        The renderer looks back at the last text of its output (to drop a space
        before a word-joining break): that text stays until an element follows it.
        """
        last = next(out.iterchildren(reversed=True), None)
        if last is None:
            if hold or not out.text:
                return
            held = None
        else:
            held = last.tail if hold else None
            if hold:
                last.tail = None
        make_urls_safe(out, depth=self.depth)
        serialised = etree.tostring(out, method="html", encoding="unicode")
        if "editorial" in serialised:  # only then can a class say so
            self._check_editorial(out)
        self.out.write(serialised[len("<div>") : -len("</div>")])
        out.clear()
        out.text = held

    def _check_editorial(self, element: etree._Element) -> None:
        if not self.editorial and len(element):
            self.editorial = bool(_EDITORIAL(element))

    def _spool_notes(self) -> None:
        footnotes = self.renderer.footnotes
        if not len(footnotes):
            return
        make_urls_safe(footnotes, depth=self.depth)
        items = [etree.tostring(item, method="html", encoding="unicode") for item in footnotes]
        serialised = "".join(items)
        if "editorial" in serialised:
            self._check_editorial(footnotes)
        self.notes.write(serialised)
        self.note_items += len(items)
        self.renderer.footnotes = etree.Element("ol", {"class": "tei-footnotes"})

    def finish(self, header: etree._Element | None, stand_offs: list[etree._Element]) -> None:
        renderer = self.renderer
        self._spool_notes()
        with_notes = bool(renderer.note_count and self.note_items)
        article = etree.Element("article")
        if with_notes:
            section = section_with_heading(article, "tei-notes", "Notes")
            section.set("role", "doc-endnotes")
            etree.SubElement(section, "ol", {"class": "tei-footnotes"}).text = "MARK"
        if header is not None:
            render_header_lists(renderer, header, article)
        for stand_off in stand_offs:
            section = section_with_heading(article, "tei-standoff", "Annotations")
            renderer.render(stand_off, section)
        render_register_index(renderer, article)
        if with_notes:
            self._spool_notes()  # notes in the header's lists join the same list
        self._check_editorial(article)
        if self.editorial:
            description = etree.SubElement(
                article, "p", {"id": EDITORIAL_DESCRIPTION_ID, "hidden": "hidden"}
            )
            description.text = "An editorial addition: not in the source."
        make_urls_safe(article, depth=self.depth)
        serialised = etree.tostring(article, method="html", encoding="unicode")
        inner = serialised[len("<article>") : -len("</article>")]
        self.out.write("</div>")
        if with_notes:
            before, _, after = inner.partition('<ol class="tei-footnotes">MARK</ol>')
            self.out.write(before + '<ol class="tei-footnotes">')
            self.notes.seek(0)
            shutil.copyfileobj(self.notes, self.out)
            self.out.write("</ol>" + after)
        else:
            self.out.write(inner)
        self.out.write(self.page_end.removeprefix("</div>"))
        self.notes.close()


# --- plain text ---------------------------------------------------------------------------


class _SpoolingTextWriter(TextWriter):
    """A :class:`TextWriter` that spools each note's XML instead of keeping its element.

    A kept element would keep the whole block around it alive; the note is
    parsed back from the spool when the notes are written.
    """

    def __init__(self, width: int) -> None:
        super().__init__(width=width)
        self.spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 (closed after the notes)
        self.spooled = 0
        self.collecting = True

    def queue_note(self, note: etree._Element) -> int:
        if not self.collecting:
            return super().queue_note(note) + self.spooled
        data = etree.tostring(note, with_tail=False)
        self.spool.write(struct.pack("<Q", len(data)) + data)
        self.spooled += 1
        return self.spooled

    def spooled_notes(self) -> Iterator[etree._Element]:
        self.spool.seek(0)
        parser = make_parser()
        for _ in range(self.spooled):
            (size,) = struct.unpack("<Q", self.spool.read(8))
            yield etree.fromstring(self.spool.read(size), parser)
        self.spool.close()


class _TextStreamWriter(_Writer):
    def __init__(self, found: Survey, out: IO[str], width: int) -> None:
        self.survey = found
        self.out = out
        self.width = width
        self.writer = _SpoolingTextWriter(width)
        self.previous: Block | None = None
        self.written = False

    def start(self, root: etree._Element, header: etree._Element | None) -> None:
        pass

    def open(self, element: etree._Element, parent: _Frame | None) -> _Frame:
        name = local_part(element.tag)
        saved = self.writer.begin_block(element, name)
        return _Frame(element, element, state=(name, saved, parent is None))

    def close(self, frame: _Frame) -> None:
        state = frame.state
        assert isinstance(state, tuple)
        name, saved, outermost = state
        self.writer.end_block(name, saved)
        if outermost:
            self.writer.flush()
        self._write_blocks()

    def text(self, frame: _Frame, text: str | None) -> None:
        self.writer.add_text(text)

    def child(self, frame: _Frame, element: etree._Element) -> None:
        self.writer.walk(element)

    def emitted(self, frame: _Frame) -> None:
        self._write_blocks()

    def _write_blocks(self) -> None:
        blocks = self.writer.blocks
        for block in blocks:
            self._write_block(block)
        blocks.clear()

    def _write_block(self, block: Block) -> None:
        previous = self.previous
        if previous is not None:
            tight = (
                block.kind in TIGHT_KINDS
                and previous.kind in TIGHT_KINDS
                and block.group == previous.group
                and block.kind != "speaker"
            )
            self.out.write("\n" if tight else "\n\n")
        self.out.write(format_block(block, self.width))
        self.previous = block
        self.written = True

    def finish(self, header: etree._Element | None, stand_offs: list[etree._Element]) -> None:
        writer = self.writer
        writer.collecting = False
        self.previous = None
        started = False

        def notes() -> Iterator[etree._Element]:
            yield from writer.spooled_notes()
            index = 0
            while index < len(writer.notes):  # notes inside notes, queued as they were met
                yield writer.notes[index]
                index += 1

        for number, note in enumerate(notes(), start=1):
            writer.blocks = []
            writer._kinds = ["note"]
            writer._indent = 0
            writer._prefix = f"[{number}] "
            writer.walk_content(note)
            writer.flush()
            if writer.blocks and not started:
                self.out.write("\n\nNotes\n-----\n\n")
                started = True
            self._write_blocks()
        if self.written:
            self.out.write("\n")


# --- entry points -------------------------------------------------------------------------


def _check_file(path: Path, source: str) -> bytes:
    """The file's first bytes, with the errors :func:`tei_tools.xml.read_input_bytes` gives."""
    if path.is_dir():
        raise InputError("is a directory, not a file", file=source)
    if path.exists() and not path.is_file():
        raise InputError("not a regular file (a pipe, socket or device)", file=source)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", file=source) from None
    except PermissionError:
        raise InputError("permission denied", file=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=source) from None
    return head


def _stream(
    path: str | Path,
    output: BinaryIO,
    make_writer: Callable[[Survey, IO[str]], _Writer],
    in_memory: Callable[[etree._ElementTree], str],
    source: str | None,
) -> bool:
    """Write the export of ``path`` to ``output``; True if streamed, False if in memory."""
    from tei_tools.xml import parse_xml_file

    path = Path(path)
    name = source or str(path)
    head = _check_file(path, name)
    streamed = bool(head.strip()) and not _DOCTYPE.search(head)
    if streamed:
        try:
            found = survey(path, name)
            if not found.has_text_root:
                raise _Fallback
            text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=False)
            try:
                _walk(path, name, make_writer(found, text))
                text.flush()
            finally:
                text.detach()
        except _Fallback:
            streamed = False
    if not streamed:
        output.write(in_memory(parse_xml_file(path)).encode("utf-8"))
    return streamed


def stream_html(
    path: str | Path,
    output: BinaryIO,
    *,
    css: str | None = None,
    registers: Mapping[str, Mapping[str, str]] | None = None,
    styles: bool = True,
    depth: int = 0,
    view: str = "reading",
    source: str | None = None,
) -> bool:
    """Write the HTML page of the TEI file ``path`` to ``output``, as :func:`export_html` would.

    The same bytes as ``export_html(parse_xml_file(path), ...)`` encoded as
    UTF-8, in memory bounded by the largest block (a ``p``, a ``list``, a
    division's heading) rather than the document.  Returns whether the file
    was streamed (False: it needed the in-memory writer, see the module's notes).
    """
    from tei_tools.export.html import export_html

    if view not in ("reading", "diplomatic"):
        raise ValueError(f"unknown view {view!r}; use one of reading, diplomatic")
    options = {"css": css, "registers": registers, "styles": styles, "depth": depth, "view": view}
    return _stream(
        path,
        output,
        lambda found, out: _HtmlWriter(found, out, **options),  # type: ignore[arg-type]
        lambda tree: export_html(tree, **options),  # type: ignore[arg-type]
        source,
    )


def stream_text(
    path: str | Path, output: BinaryIO, *, width: int = 72, source: str | None = None
) -> bool:
    """Write the plain text of the TEI file ``path`` to ``output``, as :func:`export_text` would."""
    from tei_tools.export.text import export_text

    return _stream(
        path,
        output,
        lambda found, out: _TextStreamWriter(found, out, width),
        lambda tree: export_text(tree, width=width),
        source,
    )


__all__ = ["STREAM_THRESHOLD", "Survey", "stream_html", "stream_text", "survey"]
