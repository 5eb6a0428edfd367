"""What a validator reports: one :class:`Problem` per finding, grouped per file.

Every checker (RELAX NG, XSD, Schematron, pointers, dates) yields the same
objects, and every output format renders them, so a new checker or format
never needs to know about the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei_tools.errors import format_problem

ERROR = "error"
WARNING = "warning"
#: The file could not be read as XML at all (not well-formed, hostile, unreadable).
FATAL = "fatal"


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
