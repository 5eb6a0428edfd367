"""The document view's HTML: the text of each block, every mark a focusable span.

Built with lxml elements and serialised by lxml, so every character of the
document is escaped by construction; no document text ever passes through a
template or string concatenation.  Marks carry their stream offsets (the
handle every action uses) and what the side panel shows about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree, html

from tei_tools.markup.decisions.anchors import Block
from tei_tools.markup.decisions.apply import MARK_TAGS
from tei_tools.markup.registers import Registry
from tei_tools.review.state import DocumentState
from tei_tools.xml import TEI_NS, local_name


def render_document(state: DocumentState, registry: Registry) -> str:
    """Every block of the document's current tree, as HTML."""
    if len(state.html) == len(state.current_stream.blocks):
        return "".join(state.html[i] for i in range(len(state.html)))
    pending = pending_ranges(state)
    parts = [
        render_block(state, index, registry, pending)
        for index in range(len(state.current_stream.blocks))
    ]
    return "".join(parts)


@dataclass
class Pending:
    """What the report says about a mark not yet reviewed: messages and suggestions."""

    messages: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # name forms of a suggested entry
    candidates: list[str] = field(default_factory=list)  # refs an ambiguous name may mean


def pending_ranges(
    state: DocumentState, within: tuple[int, int] | None = None
) -> dict[tuple[int, int], Pending]:
    """Stream ranges of findings not yet reviewed (``within`` a range) -> what the report says."""
    pending: dict[tuple[int, int], Pending] = {}
    low, high = within or (0, len(state.stream.text))
    for item in state.located:
        if item.start < low or item.end > high or item.reviewed:
            continue
        about = pending.setdefault((item.start, item.end), Pending())
        about.messages.append(f"{item.kind}: {item.finding.message}")
        suggestion = item.finding.suggestion or {}
        about.candidates.extend(str(ref) for ref in suggestion.get("candidates", ()) or ())
        if suggestion.get("ref"):
            about.candidates.append(str(suggestion["ref"]))
        if suggestion.get("entry"):
            about.names.extend(entry_names(str(suggestion["entry"])))
    return pending


def entry_names(entry: str) -> list[str]:
    """The name forms of a suggested register entry (a snippet of TEI, parsed safely)."""
    from tei_tools.errors import TeiToolsError
    from tei_tools.xml import parse_xml_bytes

    wrapped = f'<list xmlns="{TEI_NS}">{entry}</list>'.encode()
    try:
        root = parse_xml_bytes(wrapped, source="suggestion").getroot()
    except TeiToolsError:
        return []
    forms = root.iter(*(f"{{{TEI_NS}}}{t}" for t in ("persName", "orgName", "placeName")))
    return [" ".join("".join(f.itertext()).split()) for f in forms]


def render_block(
    state: DocumentState,
    index: int,
    registry: Registry,
    pending: dict[tuple[int, int], Pending] | None = None,
) -> str:
    """One block as ``<div class="blk">`` with its marks as spans (kept in ``state.html``)."""
    if index in state.html:
        return state.html[index]
    block: Block = state.current_stream.blocks[index]
    if pending is None:
        pending = pending_ranges(state, (block.start, block.end))
    _, marked = state.current_stream.inside(block)
    spans = {id(m.element): (m.start, m.end) for m in marked}
    div = etree.Element("div")
    div.set("class", f"blk k-{local_name(block.element)}")
    div.set("data-b", str(index))
    _fill(div, block.element, spans, registry, pending)
    state.html[index] = html.tostring(div, encoding="unicode")
    return state.html[index]


def _fill(target, source, spans, registry, pending) -> None:
    """Copy ``source``'s text and children into ``target`` as HTML."""
    _append_text(target, source.text)
    for child in source:
        if not isinstance(child.tag, str):
            _append_text(target, child.tail)
            continue
        span = etree.SubElement(target, "span")
        name = local_name(child)
        if name in MARK_TAGS:
            start, end = spans[id(child)]
            _describe_mark(span, child, name, start, end, registry, pending.get((start, end)))
        else:
            span.set("class", f"tei-{name}")
        _fill(span, child, spans, registry, pending)
        span.tail = child.tail


def _append_text(target, text: str | None) -> None:
    if not text:
        return
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _describe_mark(span, element, name, start, end, registry, about: Pending | None) -> None:
    """The mark's classes and data; register details are fetched when it is selected."""
    ref = element.get("ref", "")
    if name == "date":
        dated = any(element.get(a) for a in ("when", "when-custom", "from", "notBefore"))
        status = "dated" if dated and element.get("cert") != "low" else "undated"
    else:
        status = "linked" if ref else "unlinked"
    classes = f"mark t-{name} {status}"
    if about is not None:
        classes += " pending"
    if element.get("resp"):
        classes += " decided"
    span.set("class", classes)
    span.set("tabindex", "-1")
    span.set("data-s", str(start))
    span.set("data-e", str(end))
    span.set("data-type", name)
    for attribute in ("ref", "when", "when-custom", "calendar", "resp"):
        value = element.get(attribute)
        if value:
            span.set(f"data-{attribute}", value)
    if about is not None:
        span.set("data-findings", " | ".join(about.messages))
        if about.names:
            span.set("data-suggest", "\n".join(dict.fromkeys(about.names)))
        if about.candidates:
            span.set("data-candidates", " ".join(dict.fromkeys(about.candidates)))
