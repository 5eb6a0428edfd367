"""Validation of a buffer, and its problems as LSP diagnostics with exact ranges.

The verdict and the messages are ``tei-tools validate``'s own
(:func:`tei_tools.validate.validate_bytes`: the same safe parser, XInclude
and DTD policy, schema choice, pointer and date checks).  What the editor
adds is a range: validators place a problem by line (and the end of a start
tag); here the tag on that line is found in the buffer, and narrowed to the
attribute or attribute value the message names, in UTF-16 units.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from tei_tools.lsp.scanner import Tag, TagIndex
from tei_tools.lsp.text import LineIndex
from tei_tools.validate.problems import ERROR, FATAL, WARNING, Problem

SOURCE = "tei-tools"
_SEVERITY = {
    FATAL: types.DiagnosticSeverity.Error,
    ERROR: types.DiagnosticSeverity.Error,
    WARNING: types.DiagnosticSeverity.Warning,
}
#: Problems about one token of an attribute's value (a pointer, a date), not the whole value.
_TOKEN_RULES = frozenset(("pointer", "date"))


@dataclass(frozen=True)
class Checked:
    """The outcome of validating one version of a buffer."""

    diagnostics: list[types.Diagnostic]
    #: False when the buffer is not well-formed: ``diagnostics`` is then that one error.
    well_formed: bool
    #: The grammar the document was checked against (None: not known, e.g. not well-formed).
    schema: Path | None = None


#: How many problems are placed between two looks at whether the check is still wanted.
_PLACED_BETWEEN_LOOKS = 200


def check_text(
    text: str,
    path: Path,
    *,
    schema: Path | None = None,
    registers: tuple[Path, ...] = (),
    targets=None,
    extra_checks: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
) -> Checked | None:
    """Validate ``text`` as the file ``path`` and turn its problems into diagnostics.

    ``cancelled`` is asked before validating, after it and while the problems
    are placed (every few hundred): once it answers True the check stops and
    returns None. The server asks "has the document changed since?", so a long
    check of an outdated version gives way to the newest one. (A thread cannot
    be stopped from outside; the libxml2 validation itself runs to its end.)
    """
    from tei_tools.validate import validate_bytes

    if cancelled():
        return None
    report = validate_bytes(
        encode_buffer(text),
        path,
        schema=schema,
        registers=registers,
        targets=targets,
        extra_checks=extra_checks,
    )
    if not report.problems:  # the common case while typing: no scan of the buffer needed
        chosen = report.schema.split(", ")[0] if report.schema else None
        return Checked([], True, Path(chosen) if chosen else None)
    if cancelled():
        return None
    tags, lines = TagIndex(text), LineIndex(text)
    fatal = [p for p in report.problems if p.severity == FATAL]
    if fatal:
        return Checked([to_diagnostic(fatal[0], tags, lines)], False)
    chosen = report.schema.split(", ")[0] if report.schema else None
    placed = to_diagnostics(report.problems, tags, lines, cancelled)
    if placed is None:
        return None
    return Checked(placed, True, Path(chosen) if chosen else None)


_DECLARED = re.compile(r"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def encode_buffer(text: str) -> bytes:
    """The buffer's bytes in the encoding its XML declaration names (UTF-8 by default).

    The parser decodes by the declaration, so a Latin-1 document must be
    handed over in Latin-1; characters that encoding lacks become character
    references, which parse to the same text.
    """
    found = _DECLARED.match(text[:200])
    if found:
        try:
            return text.encode(found.group(1), errors="xmlcharrefreplace")
        except LookupError:
            pass
    return text.encode("utf-8")


def to_diagnostics(
    problems: list[Problem],
    tags: TagIndex,
    lines: LineIndex,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[types.Diagnostic] | None:
    """Problems as diagnostics; the same message twice on a line goes to its next tag each time.

    None when ``cancelled`` answers True (asked every few hundred problems).
    """
    seen: dict[tuple[int | None, str], int] = {}
    found = []
    for count, problem in enumerate(problems, 1):
        if count % _PLACED_BETWEEN_LOOKS == 0 and cancelled():
            return None
        key = (problem.line, problem.message)
        found.append(to_diagnostic(problem, tags, lines, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return found


def to_diagnostic(
    problem: Problem, tags: TagIndex, lines: LineIndex, occurrence: int = 0
) -> types.Diagnostic:
    """One problem as a diagnostic; ``data`` keeps what a quick fix needs."""
    start, end, subject, name = problem_span(problem, tags, lines, occurrence)
    data = {"rule": problem.rule, "code": problem.code, "subject": subject, "name": name}
    if problem.value is not None:
        data["value"] = problem.value
    if problem.suggestion:
        data["suggestion"] = problem.suggestion
    return types.Diagnostic(
        range=span_range(lines, start, end),
        message=problem.message,
        severity=_SEVERITY.get(problem.severity, types.DiagnosticSeverity.Error),
        source=SOURCE,
        code=problem.code,
        data=data,
    )


def span_range(lines: LineIndex, start: int, end: int) -> types.Range:
    (sl, sc), (el, ec) = lines.position(start), lines.position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def problem_span(
    problem: Problem, tags: TagIndex, lines: LineIndex, occurrence: int = 0
) -> tuple[int, int, str, str]:
    """(start, end, subject, name): the offsets a problem is about, and what lies there.

    ``subject`` is ``element``, ``attribute``, ``value`` or ``document``.
    """
    if problem.severity == FATAL or problem.rule in ("xml", "hostile"):
        return _syntax_span(problem, tags, lines)
    if not problem.line:
        first = next(iter(tags.element_tags()), None)
        if first is None:
            return 0, 0, "document", ""
        return first.start, first.end, "document", first.local
    tag = _tag_for(problem, tags, lines, occurrence)
    if tag is None:
        line = problem.line - 1
        start, end = lines.line_start(line), lines.line_end(line)
        text = lines.text[start:end]
        indent = len(text) - len(text.lstrip())
        return start + indent, end, "element", ""
    return _narrow(problem, tag)


def _syntax_span(problem: Problem, tags: TagIndex, lines: LineIndex) -> tuple[int, int, str, str]:
    offset = lines.from_libxml(problem.line, problem.column)
    tag = next(iter(tags.ending_between(offset, offset)), None)
    if tag is not None:
        return tag.start, tag.end, "document", tag.local
    end_of_line = lines.line_end(lines.position(offset)[0])
    if offset < end_of_line:
        return offset, offset + 1, "document", ""
    return max(offset - 1, lines.line_start(lines.position(offset)[0])), offset, "document", ""


def _tag_for(problem: Problem, tags: TagIndex, lines: LineIndex, occurrence: int) -> Tag | None:
    """The tag on the problem's line that the problem is about.

    lxml's line of an element is that of its start tag's ``>``.  Among several
    tags on the line the one the message names wins (the element, the
    attribute and its value); the column comes after that, since for pointer
    and date problems it is only a guess at the line's first tag.
    """
    line = (problem.line or 1) - 1
    low, high = lines.line_start(line), lines.line_end(line)
    on_line = tags.ending_between(low, high + 1)
    element = problem.path.rsplit("/", 1)[-1].split("[", 1)[0] if problem.path else None
    starts = [t for t in on_line if t.kind != "end"]
    if problem.code == "element-incomplete":
        ends = [t for t in on_line if t.kind == "end" and t.local == element]
        if ends:
            return ends[-1]
    attribute = problem.attribute
    if attribute and problem.rule in _TOKEN_RULES and problem.value is not None:
        holder = [t for t in starts if _has(t, attribute, problem.value)]
        if holder:
            return holder[min(occurrence, len(holder) - 1)]
    if problem.column:
        exact = lines.from_libxml(problem.line, problem.column)
        hit = [t for t in starts if t.end == exact]
        if hit:
            return hit[0]
    hit = [t for t in starts if t.local == element]
    if attribute and hit:
        hit = [t for t in hit if t.attribute(attribute) or _by_local(t, attribute)] or hit
    if hit:
        return hit[0]
    return starts[0] if starts else (on_line[0] if on_line else None)


def _has(tag: Tag, name: str, token: str) -> bool:
    attribute = tag.attribute(name)
    return attribute is not None and token in (attribute.value or "").split()


def _narrow(problem: Problem, tag: Tag) -> tuple[int, int, str, str]:
    code, name = problem.code, problem.attribute
    if code == "attribute-not-allowed" and name:
        attribute = tag.attribute(name) or _by_local(tag, name)
        if attribute is not None:
            return attribute.name_start, attribute.name_end, "attribute", attribute.name
    if code in ("attribute-value-invalid", "duplicate-id") and name:
        attribute = tag.attribute(name)
        if attribute is not None and attribute.value_start >= 0:
            return attribute.value_start, attribute.value_end, "value", attribute.name
    if problem.rule in _TOKEN_RULES and name:
        attribute = tag.attribute(name)
        if attribute is not None and attribute.value_start >= 0:
            token = problem.value or ""
            at = _token_at(attribute.value or "", token) if token else -1
            if at >= 0:
                start = attribute.value_start + at
                return start, start + len(token), "value", attribute.name
            return attribute.value_start, attribute.value_end, "value", attribute.name
    if tag.kind == "end" or code == "attribute-missing":
        return tag.name_start, tag.name_end, "element", tag.local
    return tag.start, tag.end, "element", tag.local


def _by_local(tag: Tag, name: str):
    return next((a for a in tag.attributes if a.local == name.rsplit(":", 1)[-1]), None)


def _token_at(value: str, token: str) -> int:
    """Where ``token`` stands as a whole white-space-separated item of ``value``."""
    for found in re.finditer(r"\S+", value):
        if found.group() == token:
            return found.start()
    return -1


def shift_diagnostics(
    diagnostics: list[types.Diagnostic], change: types.TextDocumentContentChangePartial
) -> list[types.Diagnostic]:
    """Diagnostics moved along an edit, so that old schema errors stay on their text.

    While the buffer is not well-formed the last schema diagnostics are kept;
    without moving them, a line inserted above would leave each one pointing
    at its neighbour's text.  A diagnostic whose own text the edit changes
    (replaced, deleted, or typed into) is dropped, not moved: the fault may
    be fixed, and the next validation of a well-formed buffer says whether it
    is.  An edit that only touches its edge (typing right before or after it)
    moves it.
    """
    edit = change.range
    lines = change.text.split("\n")
    added_lines = len(lines) - 1
    last_width = _utf16(lines[-1])
    edit_start = (edit.start.line, edit.start.character)
    edit_end = (edit.end.line, edit.end.character)

    def touched(diagnostic: types.Diagnostic) -> bool:
        start = (diagnostic.range.start.line, diagnostic.range.start.character)
        end = (diagnostic.range.end.line, diagnostic.range.end.character)
        if edit_start == edit_end:  # typed in: inside its text, not at its edge
            return start < edit_start < end
        return (
            edit_start < end and start < edit_end if start < end else edit_start < start < edit_end
        )

    def move(position: types.Position) -> types.Position:
        if (position.line, position.character) <= edit_start:
            return position
        line = position.line - (edit.end.line - edit.start.line) + added_lines
        if position.line == edit.end.line:
            base = last_width if added_lines else edit.start.character + last_width
            return types.Position(line, base + position.character - edit.end.character)
        return types.Position(line, position.character)

    return [
        types.Diagnostic(
            range=types.Range(move(d.range.start), move(d.range.end)),
            message=d.message,
            severity=d.severity,
            source=d.source,
            code=d.code,
            data=d.data,
        )
        for d in diagnostics
        if not touched(d)
    ]


def _utf16(text: str) -> int:
    from tei_tools.lsp.text import utf16_length

    return utf16_length(text)
