"""A review session over one corpus: documents, findings, the queue and every action.

Everything the web application shows or changes goes through
:class:`ReviewSession`, so the application itself only maps HTTP to these
calls, and the tests and the benchmark can drive a review without a server.

Each source document is converted once (without decisions) and kept with its
reading stream; the decisions are applied to a copy, and a new decision is
applied to that copy in place, so recording one costs a file write and a
search in one document, not a re-conversion.  Creating a register entry
re-reads the registers; documents are converted again when next opened.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from tei_tools.convert import convert
from tei_tools.corpus.collection import read_collection
from tei_tools.corpus.document import profile_for
from tei_tools.errors import TeiToolsError
from tei_tools.findings import Finding
from tei_tools.markup.decisions.anchors import (
    Anchor,
    TextStream,
    adjacent_context,
    collapse,
)
from tei_tools.markup.decisions.apply import (
    MARK_TAGS,
    NotApplicable,
    apply_one,
    check_date_value,
    find_mark,
)
from tei_tools.markup.decisions.store import (
    ACTIONS,
    Decision,
    DecisionFile,
    corpus_lock,
    decisions_path,
    load_decisions,
    new_id,
    now_utc,
    save_decisions,
)
from tei_tools.reading.source import decode_text
from tei_tools.review.registers import (
    NewEntry,
    RegisterIndex,
    add_entry,
    corpus_registry,
    remove_entry,
)
from tei_tools.review.render import render_document
from tei_tools.review.state import DocumentState, Located
from tei_tools.xml import local_name, read_input_bytes

#: Older converters called an unlinked name an "unknown-name"; the report calls it this.
KIND_ALIASES = {"unknown-name": "unlinked-name"}

#: Characters of source text taken on either side of a finding to find it in the stream.
FINDING_CONTEXT = 40


class ActionError(ValueError):
    """A request the review cannot carry out as asked (shown to the editor as it is)."""


class ReviewSession:
    """The review of one corpus by one editor."""

    def __init__(self, corpus: str | Path, *, editor: str) -> None:
        self.root = Path(corpus)
        self.editor = editor
        self.collection = read_collection(self.root)
        self.sources = {d.stem: d.path for d in self.collection.documents if d.kind == "source"}
        self._lock = threading.RLock()
        self._documents: dict[str, DocumentState] = {}
        #: Documents that cannot be reviewed (a decisions file that cannot be read), and why.
        self.unreadable: dict[str, str] = {}
        self._remove_leftovers()
        self._load_registers()

    def _remove_leftovers(self) -> None:
        """Temporary files of a save that was killed mid-way (``*.tei-tools-tmp``)."""
        from tei_tools.corpus.build import remove_temporaries
        from tei_tools.markup.decisions.store import REGISTERS_DIR, REVIEW_DIR

        for folder in (self.root / REVIEW_DIR, self.root / REGISTERS_DIR):
            remove_temporaries(folder)

    # ------------------------------------------------------------------ reading

    def _load_registers(self) -> None:
        """The registers as they are on disk now (after an entry was created or undone)."""
        extra = tuple(
            Path(p)
            for p in self.collection.settings.registers
            if Path(p).parent.name != "registers"
        )
        self.registry = corpus_registry(self.root, extra)
        self.index = RegisterIndex(self.registry)
        self.profile = profile_for(self.collection.settings)

    def document(self, stem: str) -> DocumentState:
        """A document's state, converted on first use."""
        with self._lock:
            if stem not in self.sources:
                raise KeyError(stem)
            state = self._documents.get(stem)
            if state is None:
                state = self._convert(stem)
                self._documents[stem] = state
            return state

    def _convert(self, stem: str) -> DocumentState:
        path = self.sources[stem]
        source = decode_text(
            read_input_bytes(path), encoding=self.collection.settings.encoding, source=str(path)
        )
        base = convert(source, profile=self.profile, source_name=str(path), registry=self.registry)
        stream = TextStream.of_tree(base.tree)
        decisions = load_decisions(decisions_path(self.root, stem), stem)
        state = DocumentState(stem, path, source, base, stream, decisions)
        dropped = sum(len(f.text) + 1 for f in base.findings if f.kind == "dropped-line")
        places = SourcePlaces(source, dropped)
        state.located = [locate(f, source, stream, places) for f in base.findings]
        state.rebuild()
        return state

    def prepare(self) -> None:
        """Convert and draw every document ahead of the editor (run in a background thread)."""
        for stem in self.sources:
            state = self.document(stem)
            with self._lock:
                render_document(state, self.registry)

    def all_documents(self) -> list[DocumentState]:
        """Every document that can be reviewed; the others are noted in :attr:`unreadable`."""
        states = []
        for stem in self.sources:
            try:
                states.append(self.document(stem))
            except TeiToolsError as error:
                self.unreadable[stem] = str(error)
        return states

    def queue(self, *, kind: str = "", document: str = "", name: str = "") -> list[dict]:
        """Findings grouped by kind and text, most frequent first, with the filters applied."""
        wanted = collapse(name).strip().casefold()
        groups: dict[tuple[str, str], dict] = {}
        for state in self.all_documents():
            if document and state.stem != document:
                continue
            for item in state.located:
                if kind and item.kind != kind:
                    continue
                text = collapse(item.finding.text).strip()
                if wanted and wanted not in text.casefold():
                    continue
                # "Mr. Smith" in the text and "MR. SMITH" in a title are one name to decide.
                group = groups.setdefault(
                    (item.kind, text.casefold()),
                    {"kind": item.kind, "text": text, "count": 0, "reviewed": 0, "places": []},
                )
                group["count"] += 1
                group["reviewed"] += item.reviewed
                group["places"].append(
                    {
                        "document": state.stem,
                        "start": item.start,
                        "end": item.end,
                        "line": item.finding.line,
                        "message": item.finding.message,
                        "reviewed": item.reviewed,
                    }
                )
        for stem, why in sorted(self.unreadable.items()):
            if document and stem != document:
                continue
            place = {"document": stem, "start": -1, "end": -1, "line": None, "message": why}
            groups[("unreadable", stem)] = {
                "kind": "unreadable",
                "text": why,
                "count": 1,
                "reviewed": 0,
                "places": [{**place, "reviewed": False}],
            }
        return sorted(groups.values(), key=lambda g: (-g["count"], g["kind"], g["text"]))

    def progress(self) -> dict:
        """Reviewed and total findings, per document and for the corpus."""
        per_document = {state.stem: state.progress for state in self.all_documents()}
        done = sum(d for d, _ in per_document.values())
        total = sum(t for _, t in per_document.values())
        return {"documents": per_document, "reviewed": done, "total": total}

    def kinds(self) -> list[str]:
        return sorted({item.kind for state in self.all_documents() for item in state.located})

    # ------------------------------------------------------------------ deciding

    def decide(
        self, stem: str, *, version: str, start: int, end: int, action: str, **fields
    ) -> dict:
        """Record one decision on the mark at ``[start, end)`` (or everywhere its text is marked).

        ``fields`` are the action's own (``new_type``, ``extent``, ``ref``,
        ``value``, ``calendar``), ``everywhere`` and, for a dropped line,
        ``text``.  Raises :class:`ActionError` for a request that cannot
        apply and :class:`~tei_tools.markup.decisions.store.ConflictError` when
        ``version`` is not the decisions file's current version.
        """
        with self._lock, corpus_lock(self.root):
            return self._decide(
                stem, version=version, start=start, end=end, action=action, **fields
            )

    def _decide(
        self,
        stem: str,
        *,
        version: str,
        start: int,
        end: int,
        action: str,
        new_type: str = "",
        extent: str = "",
        ref: str = "",
        value: str = "",
        calendar: str = "",
        everywhere: bool = False,
        created: str = "",
        text: str = "",
    ) -> dict:
        if action not in ACTIONS:
            raise ActionError(f"unknown action {action!r}")
        state = self.document(stem)
        if state.decisions.version != version:
            raise_conflict(state)
        template = replace(
            self._template(state, start, end, action, text),
            new_type=new_type,
            extent=extent,
            ref=ref,
            value=value,
            calendar=calendar,
            created=created,
        )
        self._check(template)
        group = new_id("g")
        if everywhere and template.type != "dropped-line":
            targets = self._occurrences(template.text, template.type)
        else:
            targets = {stem: [template]}
        for target_stem, anchors in targets.items():
            target = self.document(target_stem)
            stamped = [
                replace(
                    template, id=new_id(), group=group, text=a.text, before=a.before, after=a.after
                )
                for a in anchors
            ]
            self._write(target, [*target.decisions.decisions, *stamped], target.decisions.version)
            for decision in stamped:
                try:
                    target.html.pop(apply_one(target.current_stream, decision), None)
                except NotApplicable as why:
                    target.not_applied.append((decision, str(why)))
            target.mark_reviewed()
        return {"group": group, "documents": sorted(targets), "version": state.decisions.version}

    def _template(
        self, state: DocumentState, start: int, end: int, action: str, text: str
    ) -> Decision:
        """A decision (without id) anchored at the mark the editor chose."""
        if start < 0:
            # A finding outside the text (a dropped line): acknowledged by its text alone.
            located = [i for i in state.located if i.start < 0 and i.finding.text == text]
            if action != "accept" or not located:
                raise ActionError("only a dropped line can be decided on without a place")
            return Decision(
                "", "accept", text, type="dropped-line", editor=self.editor, when=now_utc()
            )
        if not 0 <= start < end <= len(state.stream.text):
            raise ActionError("no such place in the document")
        block = state.current_stream.block_at(start, end)
        mark = None
        if block is not None:
            _, marked = state.current_stream.inside(block)
            mark = find_mark(marked, start, end)
        if mark is None:
            raise ActionError("there is no mark at that place (reload the page)")
        anchor = unique_anchor(state.stream, start, end)
        return Decision(
            "",
            action,
            anchor.text,
            anchor.before,
            anchor.after,
            type=local_name(mark),
            editor=self.editor,
            when=now_utc(),
        )

    def _check(self, decision: Decision) -> None:
        """Refuse a decision that could never apply, before anything is written."""
        if decision.action == "link":
            if self.registry.lookup(decision.ref) is None or ":" not in decision.ref:
                raise ActionError(f"no register entry {decision.ref!r}")
            if decision.type == "date":
                raise ActionError("a date cannot be linked to a register entry")
        if decision.action == "retype" and decision.new_type not in (
            "persName",
            "orgName",
            "placeName",
        ):
            raise ActionError("a name can become a persName, orgName or placeName")
        if decision.action == "date":
            try:
                check_date_value(decision.value, decision.calendar)
            except NotApplicable as why:
                raise ActionError(str(why)) from None
        if decision.action == "extent" and not decision.extent.strip():
            raise ActionError("give the new extent of the mark")

    def _occurrences(self, text: str, tag: str) -> dict[str, list[Decision]]:
        """Template decisions for every mark of the corpus with this text (any case) and element."""
        wanted = text.casefold()
        found: dict[str, list[Decision]] = {}
        for state in self.all_documents():
            for block in state.current_stream.blocks:
                _, marked = state.current_stream.inside(block)
                for item in marked:
                    element = item.element
                    if local_name(element) != tag or local_name(element) not in MARK_TAGS:
                        continue
                    if state.current_stream.text[item.start : item.end].casefold() != wanted:
                        continue
                    anchor = unique_anchor(state.stream, item.start, item.end)
                    found.setdefault(state.stem, []).append(
                        Decision("", "", anchor.text, anchor.before, anchor.after, type=tag)
                    )
        return found

    def _write(self, state: DocumentState, decisions: list[Decision], expected: str) -> None:
        saved = save_decisions(
            self.root,
            DecisionFile(state.stem, decisions, state.decisions.version),
            expected_version=expected,
        )
        state.decisions = saved

    def create_entry(
        self,
        stem: str,
        *,
        version: str,
        start: int,
        end: int,
        entry: NewEntry,
        everywhere: bool = False,
    ) -> dict:
        """Create a register entry in ``CORPUS/registers/`` and link the mark (or all its kind) to it."""
        with self._lock, corpus_lock(self.root):
            state = self.document(stem)
            if state.decisions.version != version:
                # Checked before the register is touched, so a conflict leaves nothing behind.
                raise_conflict(state)
            self._template(state, start, end, "link", "")
            note = f"Added in editorial review by {self.editor}, {now_utc()[:10]}."
            ref = add_entry(self.root, entry, self.registry, note=note)
            self._load_registers()
            try:
                result = self._decide(
                    stem,
                    version=version,
                    start=start,
                    end=end,
                    action="link",
                    ref=ref,
                    everywhere=everywhere,
                    created=ref,
                )
            except Exception:
                remove_entry(self.root, ref)
                self._load_registers()
                raise
            self._forget_conversions(keep=())
            return {**result, "ref": ref}

    def undo(self, stem: str, *, version: str, group: str = "") -> dict:
        """Take back one action (the latest of the document when ``group`` is empty)."""
        with self._lock, corpus_lock(self.root):
            state = self.document(stem)
            if state.decisions.version != version:
                raise_conflict(state)
            if not group:
                if not state.decisions.decisions:
                    raise ActionError("nothing to undo")
                group = state.decisions.decisions[-1].group or state.decisions.decisions[-1].id
            created = set()
            touched = []
            for other in self.all_documents():
                keep = [d for d in other.decisions.decisions if group not in (d.group, d.id)]
                if len(keep) == len(other.decisions.decisions):
                    continue
                created |= {
                    d.created for d in other.decisions.decisions if d.created and d not in keep
                }
                self._write(other, keep, other.decisions.version if other is not state else version)
                touched.append(other.stem)
            if not touched:
                raise ActionError(f"no decision {group!r} to undo")
            for ref in created:
                remove_entry(self.root, ref)
            if created:
                self._load_registers()
                self._forget_conversions(keep=())
            else:
                for other_stem in touched:
                    self.document(other_stem).rebuild()
            return {
                "group": group,
                "documents": touched,
                "version": self.document(stem).decisions.version,
            }

    def _forget_conversions(self, keep: Iterable[str]) -> None:
        """Convert again on next use: the registers changed, so the automatic links may have."""
        kept = set(keep)
        self._documents = {stem: s for stem, s in self._documents.items() if stem in kept}


def raise_conflict(state: DocumentState) -> None:
    from tei_tools.markup.decisions.store import ConflictError

    raise ConflictError(
        f"the decisions of {state.stem} changed since this page was loaded "
        "(another tab or editor); reload to see them, then decide again",
        file=str(decisions_path(Path(state.path).parent.parent, state.stem)),
    )


def unique_anchor(stream: TextStream, start: int, end: int) -> Anchor:
    """An anchor with as much context as it takes to be found once (up to a paragraph)."""
    width = 40
    while True:
        anchor = stream.anchor(start, end, width)
        found = stream.resolve(anchor)
        if found.status == "exact" or width >= 640:
            return anchor
        width *= 2


class SourcePlaces:
    """Where a source offset lies in the reading stream, near enough to find a finding there.

    The stream is the source with white space runs collapsed and the dropped
    lines left out, in the same order; so a finding's stream position is its
    source offset less the white space collapsed before it, less at most the
    dropped lines.  One pass over the source, then a bisection per finding:
    locating the findings of a large document stays linear.
    """

    def __init__(self, source: str, dropped_chars: int) -> None:
        self.ends: list[int] = []
        self.removed: list[int] = []
        total = 0
        for run in re.finditer(r"\s{2,}", source):
            total += len(run.group()) - 1
            self.ends.append(run.end())
            self.removed.append(total)
        self.slack = 100 + dropped_chars

    def estimate(self, offset: int) -> int:
        index = bisect.bisect_right(self.ends, offset)
        return offset - (self.removed[index - 1] if index else 0)


def locate(finding: Finding, source: str, stream: TextStream, places: SourcePlaces) -> Located:
    """Where a finding of the report is in the stream: its text, near its source offset."""
    kind = KIND_ALIASES.get(finding.kind, finding.kind)
    if kind == "dropped-line":
        return Located(finding, kind)
    start, end = finding.start, finding.end
    if start is None or end is None:
        start, end = _find_in_line(source, finding.text, finding.line)
    if start is None or end is None:
        return Located(finding, kind)
    text = collapse(source[start:end]).strip()
    context = Anchor(
        text,
        collapse(source[max(0, start - FINDING_CONTEXT) : start]).lstrip(),
        collapse(source[end : end + FINDING_CONTEXT]).rstrip(),
    )
    estimate = places.estimate(start)
    low = max(0, estimate - places.slack)
    candidates = []
    position = stream.text.find(text, low)
    while 0 <= position <= estimate + 100:
        candidates.append(position)
        position = stream.text.find(text, position + 1)
    if not candidates:
        return Located(finding, kind)
    best = max(
        candidates, key=lambda p: (adjacent_context(stream.text, p, context), -abs(estimate - p))
    )
    return Located(finding, kind, best, best + len(text))


def _find_in_line(source: str, text: str, line: int | None) -> tuple[int | None, int | None]:
    """The offsets of ``text`` at or after the start of ``line`` (line wraps allowed in it)."""
    words = text.split()
    if not words:
        return None, None
    offset = 0
    for _ in range((line or 1) - 1):
        offset = source.find("\n", offset) + 1
        if offset == 0:
            return None, None
    match = re.compile(r"\s+".join(re.escape(w) for w in words)).search(source, offset)
    return (match.start(), match.end()) if match else (None, None)
