"""The text/body of a converted document, built from the reader's blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from tei_tools.reading.model import Block, Document, PageBreak
from tei_tools.tei.inline import Span, fill_inline, tei

#: Given a block, the inline spans to mark in its text (names, dates, ...).
Annotator = Callable[[Block], list[Span]]
#: Given a finished paragraph and the element it goes into, what stands there in its place.
SetAside = Callable[[etree._Element, etree._Element], etree._Element]


def no_annotations(block: Block) -> list[Span]:
    return []


def build_text(
    doc: Document,
    *,
    annotate: Annotator = no_annotations,
    source_element: Callable[[Block], etree._Element] | None = None,
    set_aside: SetAside | None = None,
) -> etree._Element:
    """``<text><body><div type="document">`` with the blocks in reading order.

    TEI's content model puts ``head``/``opener`` first and ``closer``/``trailer``
    last in a div; the reader already yields blocks in that order.  A paragraph
    is finished once it is added (nothing is added to it later), so
    ``set_aside`` may take it out of the tree as it is made
    (:class:`~tei_tools.tei.spool.ParagraphSpool`).
    """
    text = tei("text")
    body = etree.SubElement(text, tei("body").tag)
    div = etree.SubElement(body, tei("div").tag, type="document")
    opener: etree._Element | None = None
    closer: etree._Element | None = None
    postscript: etree._Element | None = None
    notes: etree._Element | None = None
    current_list: etree._Element | None = None
    #: Where paragraphs go: the document's div, a calendar entry's div, or a speech.
    entry: etree._Element | None = None
    speech: etree._Element | None = None
    # A break inside a paragraph is placed in it (below); the others go between blocks.
    inline = {page for block in doc.blocks if block.kind == "p" for _, page in block.page_breaks}
    # Notes at the foot whose call the text has go where it is called; the others stay at the foot.
    called = {number for block in doc.blocks for _, number in block.note_calls}
    notes_called = {
        block.number: block
        for block in doc.blocks
        if block.kind == "note" and block.number in called
    }
    foot = [b for b in doc.blocks if b.kind == "note" and b.number not in notes_called]
    pages = sorted((p for p in doc.pages if p not in inline), key=lambda page: page.line)
    for block in doc.blocks:
        if block.kind != "item":
            current_list = None
        if block.kind not in ("p", "item"):
            speech = None
        if block.kind in (
            "valediction",
            "signed",
            "closing_dateline",
            "postscript",
            "endorsement",
            "notes",
            "note",
            "trailer",
        ):
            entry = None
        container = speech if speech is not None else entry if entry is not None else div
        while pages and pages[0].line < block.line:
            # In the opener or closer the block joins, so that the page begins before it.
            if block.kind in ("dateline", "salute") and opener is not None:
                holder = opener if not _has_content(div) else container
            elif block.kind in ("signed", "valediction") and closer is not None:
                holder = closer
            else:
                holder = container
            holder.append(page_break(pages.pop(0)))
        if block.kind == "entry":
            entry = etree.SubElement(div, tei("div").tag, type="entry")
            entry.append(inline_element("head", block, annotate))
        elif block.kind == "speaker":
            speech = etree.SubElement(entry if entry is not None else div, tei("sp").tag)
            speech.append(inline_element("speaker", block, annotate))
        elif block.kind == "notes" and not foot:
            pass  # every note is where it is called: no notes at the foot, and no heading
        elif block.kind == "note" and notes_called.get(block.number or "") is block:
            pass  # placed at its call
        elif block.kind == "notes":
            # Notes gathered at the foot of the source: the back matter of the text,
            # each note where the source has it, under the source's own heading.
            back = etree.SubElement(text, tei("back").tag)
            notes = etree.SubElement(back, tei("div").tag, type="notes")
            notes.append(inline_element("head", block, annotate))
        elif block.kind == "note":
            holder = notes if notes is not None else div
            note = tei("note", {"type": "footnote", "n": block.number or ""})
            note.append(tei("label", text=block.marker))
            note[-1].tail = " "
            fill_inline(note, block.text, annotate(block))
            holder.append(note)
        elif (
            block.kind == "endorsement"
            and block.note_type in ("address", "editorial")
            and not _has_content(div)
        ):
            # A letter's address, or the edition's note on it, written above its text: in
            # the opener, before the date line and the salutation.
            if opener is None:
                opener = etree.SubElement(div, tei("opener").tag)
            note = tei("note", {"type": block.note_type})
            note.append(inline_element("p", block, annotate))
            opener.append(note)
        elif block.kind == "closing_dateline":
            if closer is None:
                closer = etree.SubElement(div, tei("closer").tag)
            closer.append(inline_element("dateline", block, annotate))
        elif block.kind == "endorsement":
            note = tei("note", {"type": block.note_type or "endorsement"})
            note.append(inline_element("p", block, annotate))
            div.append(note)
        elif block.kind == "head":
            div.append(inline_element("head", block, annotate))
        elif block.kind in ("dateline", "salute") and not _has_content(div):
            if opener is None:
                opener = etree.SubElement(div, tei("opener").tag)
            opener.append(inline_element(block.kind, block, annotate))
        elif block.kind == "source":
            div.append(source_element(block) if source_element else source_bibl(block, annotate))
        elif block.kind == "item":
            if current_list is None:
                current_list = etree.SubElement(container, tei("list").tag, type="ordered")
            current_list.append(list_item(block, annotate))
        elif block.kind in ("signed", "valediction"):
            if closer is None:
                closer = etree.SubElement(div, tei("closer").tag)
            tag = "signed" if block.kind == "signed" else "salute"
            closer.append(inline_element(tag, block, annotate))
        elif block.kind == "postscript":
            if postscript is None:
                postscript = etree.SubElement(div, tei("postscript").tag)
            postscript.append(inline_element("p", block, annotate))
        elif block.kind == "trailer":
            div.append(inline_element("trailer", block, annotate, {"type": "collection"}))
        else:
            # Paragraphs, and preamble lines that arrive after the text began.  A speech
            # holds the paragraph after its speaker; the debate's narrative goes on outside.
            paragraph = inline_element("p", block, annotate, _rend(block))
            if block.kind == "p":
                # From the end back: a note inserted adds text that later offsets would count.
                inserts = [(offset, page_break(page)) for offset, page in block.page_breaks]
                inserts += [
                    (offset, called_note(notes_called[number], annotate))
                    for offset, number in block.note_calls
                ]
                for offset, new in sorted(inserts, key=lambda pair: pair[0], reverse=True):
                    insert_at_offset(paragraph, offset, new)
            container.append(set_aside(paragraph, container) if set_aside else paragraph)
            speech = None
    if not _has_content(div):
        # TEI requires some content in a div; an empty document is still a document.
        div.append(tei("p"))
    div.extend(page_break(page) for page in pages)
    return text


def called_note(block: Block, annotate: Annotator) -> etree._Element:
    """A note of the foot at its call: ``<note type="footnote" n="1" place="foot">``, no label.

    The call's number stands for the note's own ("1."), which the source wrote at the foot.
    """
    note = tei("note", {"type": "footnote", "n": block.number or "", "place": "foot"})
    fill_inline(note, block.text, annotate(block))
    return note


def insert_at_offset(element: etree._Element, offset: int, new: etree._Element) -> None:
    """Insert the empty ``new`` where character ``offset`` of ``element``'s text falls.

    At the end of a stretch of text rather than the start of the next, so that a break
    after a space stands before a name that begins the new page, not inside it.

    >>> from tei_tools.tei.inline import tei
    >>> p = tei("p", text="one ")
    >>> p.append(tei("name", text="two")); p[0].tail = " three"
    >>> insert_at_offset(p, 4, tei("pb"))
    >>> [(c.tag.split("}")[1], c.tail) for c in p], p.text
    ([('pb', None), ('name', ' three')], 'one ')
    """
    position = 0
    for node, slot in _text_slots(element):
        value = getattr(node, slot) or ""
        if position + len(value) >= offset:
            cut = offset - position
            setattr(node, slot, value[:cut] or None)
            new.tail = value[cut:] or None
            if slot == "text":
                node.insert(0, new)
            else:
                node.addnext(new)
            return
        position += len(value)
    element.append(new)


def _text_slots(element: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """(node, "text" | "tail") of every stretch of ``element``'s text, in reading order."""
    yield element, "text"
    for child in element:
        yield from _text_slots(child)
        yield child, "tail"


def page_break(page: PageBreak) -> etree._Element:
    """``<pb n="12"/>``; a marker that names its image points at it (``facs``) until the
    facsimile step (:mod:`tei_tools.tei.facsimile`) points it at the image's surface."""
    attributes = {"n": page.n} if page.n else {}
    if page.image:
        attributes["facs"] = page.image
    return tei("pb", attributes)


def _rend(block: Block) -> dict[str, str] | None:
    return None if block.kind == "p" else {"rend": block.kind}


def _has_content(div: etree._Element) -> bool:
    content = {
        tei(name).tag for name in ("p", "list", "bibl", "closer", "trailer", "sp", "div", "note")
    }
    return any(child.tag in content for child in div)


def inline_element(
    tag: str, block: Block, annotate: Annotator, attrs: dict[str, str] | None = None
) -> etree._Element:
    element = tei(tag, attrs)
    fill_inline(element, block.text, annotate(block))
    return element


def source_bibl(block: Block, annotate: Annotator) -> etree._Element:
    return inline_element("bibl", block, annotate, {"type": "source"})


def list_item(block: Block, annotate: Annotator) -> etree._Element:
    """A numbered paragraph: ``<item n="1"><label>1 .</label> text</item>``."""
    item = tei("item", {"n": block.number or ""})
    item.append(tei("label", text=block.marker))
    item[-1].tail = " "
    fill_inline(item, block.text, annotate(block))
    return item
