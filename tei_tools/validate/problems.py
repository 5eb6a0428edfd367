"""What a validator reports: one :class:`Problem` per finding, grouped per file.

Every checker (RELAX NG, XSD, Schematron, pointers, dates) yields the same
objects, and every output format renders them, so a new checker or format
never needs to know about the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from tei_tools.errors import format_problem

ERROR = "error"
WARNING = "warning"
#: The file could not be read as XML at all (not well-formed, hostile, unreadable).
FATAL = "fatal"


#: The code of a problem whose checker names none: each rule's commonest kind.
DEFAULT_CODES = {
    "rng": "schema-other",
    "xsd": "xsd-invalid",
    "schematron": "schematron-assertion",
    "pointer": "pointer-dangling",
    "date": "date-invalid",
    "xinclude": "xinclude-failed",
    "dtd": "dtd-not-read",
    "xml": "xml-not-well-formed",
    "hostile": "xml-refused",
    "input": "input-unreadable",
    "schema": "schema-note",
    "internal": "internal-error",
}


@dataclass(frozen=True)
class Problem:
    """One finding, placed so that an editor can jump to it.

    >>> str(Problem("a.xml", 3, 7, "error", 'element "x" not allowed here'))
    'a.xml:3:7: error: element "x" not allowed here'
    """

    file: str
    line: int | None
    column: int | None
    severity: str
    message: str
    path: str | None = None
    expected: tuple[str, ...] = ()
    suggestion: str | None = None
    #: which check found it: rng, xsd, schematron, pointer, date, xinclude, xml, hostile, input
    rule: str = "rng"
    #: The attribute the problem is about, when it is about one (to merge one fault's reports).
    attribute: str | None = None
    #: The kind of problem, a stable code listed in ``tei_tools/data/problem-kinds.toml``.
    code: str | None = None
    #: The value at fault (an attribute's value, an ID), when there is one.
    value: str | None = None

    def __post_init__(self) -> None:
        if self.code is None:
            # A checker with one kind of problem need not name it each time.
            object.__setattr__(self, "code", DEFAULT_CODES.get(self.rule, "schema-other"))

    def __str__(self) -> str:
        return format_problem(self.file, self.line, self.column, self.severity, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "expected": list(self.expected),
            "suggestion": self.suggestion,
            "rule": self.rule,
            "code": self.code,
            "attribute": self.attribute,
            "value": self.value,
        }


@dataclass
class FileReport:
    """The outcome for one file: ``valid``, ``invalid`` or ``unreadable``."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    schema: str | None = None
    seconds: float = 0.0

    @property
    def status(self) -> str:
        if any(p.severity == FATAL for p in self.problems):
            return "unreadable"
        if any(p.severity == ERROR for p in self.problems):
            return "invalid"
        return "valid"

    @property
    def valid(self) -> bool:
        return self.status == "valid"


@dataclass
class Report:
    """The outcome for a batch.  ``exit_code``: 0 valid, 1 invalid, 2 unreadable input."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def exit_code(self) -> int:
        statuses = {f.status for f in self.files}
        if "unreadable" in statuses:
            return 2
        return 1 if "invalid" in statuses else 0

    def counts(self) -> dict[str, int]:
        tally = {"valid": 0, "invalid": 0, "unreadable": 0}
        for report in self.files:
            tally[report.status] += 1
        return tally


def element_path(node: etree._Element) -> str:
    """A readable path such as ``/TEI/text/body/div[2]/p[3]``."""
    steps = []
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is None:
            steps.append(name)
            break
        # Sibling scans run in C (itersiblings with a tag); a body of 10,000
        # paragraphs must not make each error's path cost a Python loop.
        before = sum(1 for _ in node.itersiblings(node.tag, preceding=True))
        alone = before == 0 and next(node.itersiblings(node.tag), None) is None
        steps.append(name if alone else f"{name}[{before + 1}]")
        node = parent
    return "/" + "/".join(reversed(steps))


class ElementPaths:
    """:func:`element_path` for many elements of one tree that does not change meanwhile.

    Each parent's children are counted once (one pass in C) instead of once
    per element asked about: a ``div`` of 2,500 entries with hundreds of
    faults would otherwise cost hundreds of sibling scans.  Elements are keys
    (lxml keeps one proxy per node while it is referenced, as here).
    """

    def __init__(self) -> None:
        self._steps: dict[etree._Element, str] = {}
        self._paths: dict[etree._Element, str] = {}

    def __call__(self, node: etree._Element) -> str:
        found = self._paths.get(node)
        if found is not None:
            return found
        parent = node.getparent()
        if parent is None:
            path = "/" + etree.QName(node).localname
        else:
            step = self._steps.get(node)
            if step is None:
                self._count_children(parent)
                step = self._steps[node]
            path = f"{self(parent)}/{step}"
        self._paths[node] = path
        return path

    def _count_children(self, parent: etree._Element) -> None:
        children = list(parent.iterchildren(etree.Element))
        totals: dict[str, int] = {}
        for child in children:
            totals[child.tag] = totals.get(child.tag, 0) + 1
        seen: dict[str, int] = {}
        for child in children:
            tag = child.tag
            name = etree.QName(child).localname
            if totals[tag] == 1:
                self._steps[child] = name
            else:
                seen[tag] = position = seen.get(tag, 0) + 1
                self._steps[child] = f"{name}[{position}]"


def end_line(node: etree._Element) -> int | None:
    """The line of an element's end tag, from the last thing inside it (lxml keeps no end lines)."""
    line = node.sourceline
    if line is None:
        return None
    children = list(node)
    if not children:
        return line + (node.text or "").count("\n")
    last = children[-1]
    inner = end_line(last) if isinstance(last.tag, str) else last.sourceline
    return (inner or line) + (last.tail or "").count("\n")


def merge_one_fault(problems: list[Problem]) -> list[Problem]:
    """One problem per fault: the schema and a date or pointer check may both reject one value.

    ``@when="1779-02-30"`` fails the schema's date type and the calendar check;
    the calendar check says why, so its message is kept, at the more severe of
    the two severities (a schema error stays an error under ``--lenient``),
    with the schema's element path.
    """
    by_place: dict[tuple, Problem] = {}
    merged: list[Problem] = []
    for problem in problems:
        if problem.attribute is None or problem.line is None:
            merged.append(problem)
            continue
        key = (problem.line, problem.attribute)
        earlier = by_place.get(key)
        if (
            earlier is None
            or earlier.rule == problem.rule
            or "rng" not in (earlier.rule, problem.rule)
        ):
            by_place[key] = problem
            merged.append(problem)
            continue
        schema, specific = (earlier, problem) if earlier.rule == "rng" else (problem, earlier)
        severity = ERROR if ERROR in (earlier.severity, problem.severity) else specific.severity
        combined = replace(specific, severity=severity, path=specific.path or schema.path)
        merged[merged.index(earlier)] = combined
        by_place[key] = combined
    return merged
