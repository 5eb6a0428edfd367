"""Applying an editor's decisions to a freshly converted TEI tree.

This is a step of its own after conversion, so that the converter never needs
to know about reviews and a decision is applied the same way by ``convert``,
``build`` and the review application.  Each decision's anchor is found again
in the tree's reading stream (:mod:`tei_tools.markup.decisions.anchors`); a decision
whose anchor is lost or ambiguous is reported in the :class:`ApplyReport` and
left out, never applied to another place.

An applied decision leaves the mark with ``@resp`` pointing at the editor,
who is declared in the header (a ``respStmt`` in the ``titleStmt``) with one
``change`` per editor in ``revisionDesc``.  An accepted or linked mark loses
``cert="low"``, the converter's "found, not linked" flag.

>>> from tei_tools.convert import convert_text
>>> from tei_tools.markup.decisions.store import Decision
>>> tree = convert_text("A TITLE\\n\\n5 March 1918\\n\\n    Mr. Smith wrote.\\n")
>>> report = apply_decisions(tree, [Decision("d-1", "reject", "Mr. Smith", editor="Ed", when="2026-01-02T03:04:05Z")])
>>> len(report.applied), tree.getroot().find(".//{*}p/{*}persName") is None
(1, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from tei_tools.markup.decisions.anchors import Marked, Slot, TextStream, raw_offset
from tei_tools.markup.decisions.store import Decision, DecisionFile
from tei_tools.xml import TEI_NS, XML_NS, local_name

_T = f"{{{TEI_NS}}}"

#: The elements an editor decides about.
MARK_TAGS = ("persName", "orgName", "placeName", "date")

#: The element a pointer of each register prefix makes.
TAG_OF_PREFIX = {"per": "persName", "org": "orgName", "pla": "placeName"}

#: Attributes of a date that say what it means; a new value replaces them all.
DATE_VALUE_ATTRS = (
    "when", "when-custom", "notBefore", "notAfter", "from", "to", "from-custom", "to-custom",
    "notBefore-custom", "notAfter-custom", "datingMethod", "calendar", "cert",
)  # fmt: skip

_ISO_DATE = re.compile(r"^-?\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass
class ApplyReport:
    """What became of each decision: applied, or not applied and why."""

    applied: list[Decision] = field(default_factory=list)
    not_applied: list[tuple[Decision, str]] = field(default_factory=list)

    def messages(self, document: str) -> list[str]:
        """One line per decision that was not applied, for a terminal or a log."""
        return [
            f"{document}: review decision {d.id} ({d.action} {d.text!r}) not applied: {why}"
            for d, why in self.not_applied
        ]


class NotApplicable(ValueError):
    """A decision whose anchor was found but that cannot be carried out there."""


def apply_decisions(
    tree: etree._ElementTree,
    decisions: DecisionFile | Iterable[Decision],
    *,
    header: bool = True,
) -> ApplyReport:
    """Carry out ``decisions`` (oldest first) on ``tree`` in place; say what was not done.

    ``header=False`` leaves the teiHeader alone (the review application
    shows the body only and declares the editors when the document is built).
    """
    items = decisions.decisions if isinstance(decisions, DecisionFile) else list(decisions)
    report = ApplyReport()
    if not items:
        return report
    stream = TextStream.of_tree(tree)
    for decision in items:
        try:
            apply_one(stream, decision)
        except NotApplicable as why:
            report.not_applied.append((decision, str(why)))
        else:
            report.applied.append(decision)
    if header and report.applied:
        declare_editors(tree.getroot(), report.applied)
    return report


def apply_one(stream: TextStream, decision: Decision) -> int:
    """Apply one decision to the tree ``stream`` was read from; return the block it changed.

    Raises :class:`NotApplicable` when it cannot apply; -1 means no block changed.
    """
    if decision.type == "dropped-line":
        return -1  # an acknowledged dropped line: nothing in the text to change
    found = stream.resolve(decision.anchor)
    if found.status == "ambiguous":
        raise NotApplicable(f"the quoted text occurs {found.places} times; anchor it again")
    if not found.found:
        raise NotApplicable("the quoted text is no longer in the document")
    block = stream.block_at(found.start, found.end)
    if block is None:
        raise NotApplicable("the quoted text spans several blocks")
    _, marked = stream.inside(block)
    mark = find_mark(marked, found.start, found.end)
    if mark is None:
        raise NotApplicable("no mark covers the quoted text")
    resp = f"#{editor_id(decision.editor)}"
    action = decision.action
    if action == "reject":
        unwrap(mark)
    elif action == "accept":
        _accept(mark, resp)
    elif action == "retype":
        retype(mark, decision.new_type)
        mark.set("resp", resp)
    elif action == "link":
        link(mark, decision.ref)
        mark.set("resp", resp)
    elif action == "date":
        set_date(mark, decision.value, decision.calendar)
        mark.set("resp", resp)
    elif action == "extent":
        change_extent(stream, block, mark, found.start, found.end, decision.extent, resp)
    else:
        raise NotApplicable(f"unknown action {action!r}")
    return stream.block_index(block.start)


def find_mark(marked: list[Marked], start: int, end: int) -> etree._Element | None:
    """The outermost mark (name or date) whose content is exactly ``[start, end)``."""
    hits = [m.element for m in marked if m.start == start and m.end == end]
    hits = [element for element in hits if local_name(element) in MARK_TAGS]
    return hits[-1] if hits else None  # children come before their parent


def _accept(mark: etree._Element, resp: str) -> None:
    if mark.get("cert") == "low":
        del mark.attrib["cert"]
    mark.set("resp", resp)


def retype(mark: etree._Element, new_type: str) -> None:
    """Make a name another kind of name; a pointer into the wrong register is dropped."""
    if new_type not in TAG_OF_PREFIX.values():
        raise NotApplicable(f"cannot retype to {new_type!r}")
    mark.tag = f"{_T}{new_type}"
    ref = mark.get("ref", "")
    if ref and TAG_OF_PREFIX.get(ref.partition(":")[0]) != new_type:
        del mark.attrib["ref"]
        mark.set("cert", "low")
    if new_type != "persName":
        for role in mark.findall(f"{_T}roleName"):
            unwrap(role)


def link(mark: etree._Element, ref: str) -> None:
    """Point a name at a register entry; the entry's kind decides the element."""
    tag = TAG_OF_PREFIX.get(ref.partition(":")[0])
    if tag is None or not ref.partition(":")[2]:
        raise NotApplicable(f"{ref!r} is not a pointer into a names register")
    if local_name(mark) == "date":
        raise NotApplicable("a date cannot be linked to a register entry")
    if local_name(mark) != tag:
        retype(mark, tag)
    mark.set("ref", ref)
    if mark.get("cert") == "low":
        del mark.attrib["cert"]


def set_date(mark: etree._Element, value: str, calendar: str) -> None:
    """Give a date the editor's ISO value, read in ``calendar`` (``gregorian`` or ``julian``).

    ``@when`` is always Gregorian; a Julian day keeps its Old Style reading in
    ``@when-custom`` with ``@datingMethod``, as the converter writes it.
    """
    from tei_tools.calendars import to_gregorian

    if local_name(mark) != "date":
        raise NotApplicable("only a date has a value")
    check_date_value(value, calendar)
    for name in DATE_VALUE_ATTRS:
        mark.attrib.pop(name, None)
    mark.set("calendar", f"#{calendar}")
    parts = value.split("-")
    if calendar == "julian":
        mark.set("when-custom", value)
        mark.set("datingMethod", "#julian")
        if len(parts) == 3:
            ymd = (int(parts[0]), int(parts[1]), int(parts[2]))
            mark.set("when", to_gregorian(ymd, "julian").isoformat())
    else:
        mark.set("when", value)


def check_date_value(value: str, calendar: str) -> None:
    """Refuse what is not an ISO date (``1918``, ``1918-03``, ``1918-03-05``) of that calendar."""
    from tei_tools.calendars import CALENDARS, is_real_date

    if calendar not in CALENDARS:
        raise NotApplicable(f"unknown calendar {calendar!r} (gregorian or julian)")
    if not _ISO_DATE.match(value or ""):
        raise NotApplicable(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3 and not is_real_date((parts[0], parts[1], parts[2]), calendar):
        raise NotApplicable(f"{value} is not a day of the {calendar} calendar")


def change_extent(
    stream: TextStream, block, mark: etree._Element, start: int, end: int, extent: str, resp: str
) -> None:
    """Move a mark to the occurrence of ``extent`` that overlaps where it was."""
    if not extent:
        raise NotApplicable("no new extent given")
    candidates = []
    position = stream.text.find(extent, max(block.start, start - len(extent)))
    while 0 <= position < end and position + len(extent) <= block.end:
        if position < end and position + len(extent) > start:
            candidates.append(position)
        position = stream.text.find(extent, position + 1)
    if len(candidates) != 1:
        raise NotApplicable(f"the new extent {extent!r} does not overlap the mark once")
    attrs = dict(mark.attrib)
    tag = local_name(mark)
    unwrap(mark)
    slots, _ = stream.inside(block)
    new = wrap(slots, candidates[0], candidates[0] + len(extent), tag)
    for name, value in attrs.items():
        new.set(name, value)
    new.set("resp", resp)


def unwrap(element: etree._Element) -> None:
    """Replace an element by its text (markup inside it goes too); the text is unchanged."""
    parent = element.getparent()
    text = "".join(element.itertext()) + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def wrap(slots: list[Slot], start: int, end: int, tag: str) -> etree._Element:
    """Wrap the stream range ``[start, end)`` of a block in a new element, if it nests."""
    firsts = [s for s in slots if s.start <= start <= s.end and s.start < s.end]
    lasts = [s for s in slots if s.start <= end <= s.end and s.start < s.end]
    for first in firsts:
        for last in lasts:
            if _owner(first) is _owner(last) and _order(first) <= _order(last):
                return _wrap_between(first, last, start, end, tag)
    raise NotApplicable("the new extent would cross other markup")


def _owner(slot: Slot) -> etree._Element:
    return slot.element.getparent() if slot.is_tail else slot.element


def _order(slot: Slot) -> int:
    return _owner(slot).index(slot.element) + 1 if slot.is_tail else 0


def _set_raw(slot: Slot, value: str) -> None:
    if slot.is_tail:
        slot.element.tail = value
    else:
        slot.element.text = value


def _wrap_between(first: Slot, last: Slot, start: int, end: int, tag: str) -> etree._Element:
    parent = _owner(first)
    cut_first = raw_offset(first.raw, start - first.start, first.space_before)
    cut_last = raw_offset(last.raw, end - last.start, last.space_before)
    new = etree.Element(f"{_T}{tag}")
    first_raw, last_raw = first.raw, last.raw
    position = _order(first)
    if first is last:
        new.text = first_raw[cut_first:cut_last]
        new.tail = first_raw[cut_last:]
        _set_raw(first, first_raw[:cut_first])
    else:
        new.text = first_raw[cut_first:]
        moved = list(parent)[_order(first) : _order(last)]
        new.tail = last_raw[cut_last:]
        _set_raw(first, first_raw[:cut_first])
        for child in moved:
            new.append(child)  # lxml moves the child, tail included
        moved[-1].tail = last_raw[:cut_last]
    parent.insert(position, new)
    return new


# --------------------------------------------------------------------------- header


def editor_id(name: str) -> str:
    """The ``xml:id`` of an editor's ``respStmt``: ``review-jane-doe`` for "Jane Doe"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return f"review-{slug or 'editor'}"


def declare_editors(root: etree._Element, applied: list[Decision]) -> None:
    """A ``respStmt`` per editor and a ``change`` per editor in ``revisionDesc``.

    The change's date is the editor's last decision, not the clock, so the same
    decisions always give the same bytes.
    """
    header = root.find(f"{_T}teiHeader")
    title_stmt = header.find(f"{_T}fileDesc/{_T}titleStmt") if header is not None else None
    if header is None or title_stmt is None:
        return
    by_editor: dict[str, list[Decision]] = {}
    names: dict[str, str] = {}
    for decision in applied:
        ident = editor_id(decision.editor)
        names.setdefault(ident, decision.editor or "editor")
        by_editor.setdefault(ident, []).append(decision)
    revision = header.find(f"{_T}revisionDesc")
    if revision is None:
        revision = etree.SubElement(header, f"{_T}revisionDesc")
    for ident, decisions in by_editor.items():
        name = names[ident]
        resp_stmt = etree.SubElement(title_stmt, f"{_T}respStmt")
        resp_stmt.set(f"{{{XML_NS}}}id", ident)
        etree.SubElement(resp_stmt, f"{_T}resp").text = "review of the automatic markup"
        etree.SubElement(resp_stmt, f"{_T}persName").text = name
        change = etree.SubElement(revision, f"{_T}change")
        last = max((d.when for d in decisions if d.when), default="")
        if last:
            change.set("when", last[:10])
        change.set("who", f"#{ident}")
        tally = Counter(d.action for d in decisions)
        summary = ", ".join(f"{action} {count}" for action, count in sorted(tally.items()))
        change.text = f"Editorial review: {len(decisions)} decision(s) applied ({summary})."
