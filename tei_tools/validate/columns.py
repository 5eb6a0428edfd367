"""Columns for problems that checkers place by line only.

libxml2's RELAX NG and most of our own checks know an element's line but not
its column, yet ``FILE:LINE:COL`` is what lets an editor jump to the exact
place.  Like Jing, we point at the end of the element's start tag: the spot
where a validator has read the element's name and attributes.  The source is
scanned once, only for files that have such problems.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import Path

from tei_tools.validate.problems import Problem

# Markup that can hold a "<" that is not a start tag comes first in the alternation.
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rb"""|<(?P<name>[^\s/>!?]+)(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.DOTALL,
)
_END_TAG = re.compile(r"</(?:[\w.-]+:)?([\w.-]+)\s*>")


def fill_columns(
    problems: list[Problem], path: Path, *, data: bytes | None = None
) -> list[Problem]:
    """The same problems, with a column wherever a line is known and a start tag ends on it.

    ``data`` is the text that was validated when it is not the file's own.
    """
    lines = {p.line for p in problems if p.line and not p.column}
    if not lines:
        return problems
    if data is None:
        try:
            from tei_tools.folders import read_regular_file
            from tei_tools.xml import MAX_SCHEMA_BYTES

            data = read_regular_file(path, MAX_SCHEMA_BYTES)
        except OSError:
            return problems
    ends = start_tag_ends(data, lines)
    texts = _line_texts(data, {p.line for p in problems if p.line and _placed_in_line(p)})
    return [_with_column(problem, ends, texts) for problem in problems]


def _placed_in_line(problem: Problem) -> bool:
    """Problems Jing places inside a line rather than at a start tag's end."""
    return problem.code in ("element-incomplete", "text-not-allowed") and not problem.column


def _line_texts(data: bytes, lines: set[int]) -> dict[int, str]:
    """The text of each of ``lines`` (1-based), decoded."""
    if not lines:
        return {}
    found: dict[int, str] = {}
    for number, raw in enumerate(data.split(b"\n", max(lines))[: max(lines)], start=1):
        if number in lines:
            found[number] = raw.decode("utf-8", "replace")
    return found


def _in_line_column(problem: Problem, text: str) -> int | None:
    """Where Jing points: after an incomplete element's end tag, or after the stray text."""
    if problem.code == "element-incomplete" and problem.path:
        local = problem.path.rsplit("/", 1)[-1].partition("[")[0]
        for match in _END_TAG.finditer(text):
            if match.group(1) == local:
                return match.end() + 1
        return None
    if problem.code == "text-not-allowed" and problem.value:
        word = problem.value.split()[0].rstrip("…")
        start = text.find(word)
        if start < 0:
            return None
        stop = text.find("<", start)
        run = text[start:] if stop < 0 else text[start:stop]
        return start + len(run.rstrip()) + 1
    return None


def start_tag_ends(data: bytes, lines: set[int] | None = None) -> dict[int, list[tuple[str, int]]]:
    """For each line (of ``lines``, or all), the start tags that end on it.

    Each tag is (local name, 1-based column just after its ``>``).  Line
    counting stays in C (``bytes.count``); names and columns are decoded only
    for the lines asked about, so a large file with one error costs one scan.
    """
    ends: dict[int, list[tuple[str, int]]] = defaultdict(list)
    last = max(lines) if lines else None
    line, scanned = 1, 0
    for match in _MARKUP.finditer(data):
        name = match.group("name")
        if name is None:
            continue
        end = match.end()
        line += data.count(b"\n", scanned, end)
        scanned = end
        if last is not None and line > last:
            break
        if lines is None or line in lines:
            line_start = data.rfind(b"\n", 0, end) + 1
            local = name.split(b":")[-1].decode("utf-8", "replace")
            column = len(data[line_start:end].decode("utf-8", "replace")) + 1
            ends[line].append((local, column))
    return ends


def _with_column(
    problem: Problem, ends: dict[int, list[tuple[str, int]]], texts: dict[int, str]
) -> Problem:
    if not problem.line or problem.column:
        return problem
    if problem.line in texts and (column := _in_line_column(problem, texts[problem.line])):
        return dataclasses.replace(problem, column=column)
    candidates = ends.get(problem.line)
    if not candidates:
        return problem
    if problem.path:
        # The element the path names: its k-th sibling of that name is, when
        # siblings share a line (inline markup), the k-th such tag on the line.
        step = problem.path.rsplit("/", 1)[-1]
        local, _, index = step.partition("[")
        same = [col for name, col in candidates if name == local]
        if same:
            nth = int(index.rstrip("]")) if index.rstrip("]").isdigit() else 1
            column = same[min(nth, len(same)) - 1]
            return dataclasses.replace(problem, column=column)
    return dataclasses.replace(problem, column=candidates[0][1])
