"""One exception hierarchy for tei-tools.

Every error a user can cause carries the place it happened (file, line,
column) so that the CLI can print it in the ``FILE:LINE:COL: message`` form
that editors and terminals turn into a jump-to-location.  The CLI turns these
into one line and an exit status in one place; anything else is a bug and
may show a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def format_place(file: str, line: int | None = None, column: int | None = None) -> str:
    """``FILE[:LINE[:COL]]``, the place as editors and compilers write it.

    >>> format_place("a.xml", 3, 7), format_place("a.xml", None, 7)
    ('a.xml:3:7', 'a.xml')
    """
    if not line:
        return file
    return f"{file}:{line}:{column}" if column else f"{file}:{line}"


def format_problem(
    file: str, line: int | None, column: int | None, severity: object, message: object
) -> str:
    """The one rendering of a finding: ``FILE:LINE:COL: severity: message``.

    >>> format_problem("a.xml", 3, 7, "error", 'element "x" not allowed here')
    'a.xml:3:7: error: element "x" not allowed here'
    """
    return f"{format_place(file, line, column)}: {severity}: {message}"


def format_problem_record(problem: Mapping[str, object]) -> str:
    """:func:`format_problem` for a problem stored as a mapping (a build's cached record)."""
    line, column = problem.get("line"), problem.get("column")
    return format_problem(
        str(problem.get("file") or ""),
        line if isinstance(line, int) else None,
        column if isinstance(column, int) else None,
        problem.get("severity"),
        problem.get("message"),
    )


@dataclass(frozen=True)
class Location:
    """Where in which file something happened; line and column are 1-based."""

    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if not self.file:
            return ""  # not about an input: no place to name
        return format_place(self.file, self.line, self.column)


class TeiToolsError(Exception):
    """Base of every error tei-tools reports to a user.

    >>> str(TeiToolsError("no title", file="a.txt", line=3))
    'a.txt:3: no title'
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = Location(file, line, column)

    @property
    def file(self) -> str | None:
        return self.location.file

    @property
    def line(self) -> int | None:
        return self.location.line

    @property
    def column(self) -> int | None:
        return self.location.column

    def with_file(self, file: str) -> TeiToolsError:
        """The same error, placed in ``file`` (for errors raised before the name was known)."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        Exception.__init__(clone, self.message)
        clone.location = Location(file, self.line, self.column)
        return clone

    def __str__(self) -> str:
        place = str(self.location)
        return f"{place}: {self.message}" if place else self.message


class InputError(TeiToolsError):
    """The input cannot be read at all: missing, empty, binary, or a directory."""


class UnreadableEntryError(InputError):
    """An entry of a folder cannot be read: a symbolic link loop, a dangling link, no permission.

    Exit status 2, as ``validate`` gives for an unreadable file: the batch
    did not see everything it was asked to see.
    """

    exit_code = 2


class EncodingError(InputError):
    """The input's bytes are not text in the expected encoding."""


class NotWellFormedError(InputError):
    """The input is not well-formed XML."""


class LimitExceededError(InputError):
    """The input is beyond a limit the parser keeps against resource exhaustion
    (nesting depth, length of a text node or a name)."""


class HostileXMLError(InputError):
    """The input asks for something we refuse on principle: external entities,
    entity expansion, network access."""


class ProfileError(TeiToolsError):
    """A collection profile (TOML) is missing, malformed, or inconsistent."""


class RegisterError(TeiToolsError):
    """A register file (listPerson, listOrg, ...) cannot be used."""


class SchemaError(TeiToolsError):
    """A schema cannot be read or compiled."""


class MissingExtraError(TeiToolsError):
    """An optional feature needs a package that is not installed.

    The message names the pip extra, e.g. ``pip install 'tei-tools[pdf]'``.
    """

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'tei-tools[{extra}]'"
        )
        self.extra = extra
        self.package = package

    @classmethod
    def unless_importable(
        cls, module: str, feature: str, extra: str, package: str | None = None
    ) -> None:
        """Raise for ``feature`` now, before any work, when ``module`` (of ``package``,
        by default of the same name) cannot be imported."""
        import importlib

        try:
            importlib.import_module(module)
        except ImportError:
            raise cls(feature, extra, package or module) from None


class UsageError(TeiToolsError):
    """The command was called in a way that cannot work (exit status 2)."""

    exit_code = 2


class OutputConflictError(TeiToolsError):
    """An output would replace or delete a file tei-tools did not write (``--force`` takes it over)."""


class BusyError(TeiToolsError):
    """Another tei-tools process holds the lock on the output (a second build into one site)."""
