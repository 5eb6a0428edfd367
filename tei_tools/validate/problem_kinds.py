"""The kinds of problem, read from ``tei_tools/data/problems/kinds.toml``.

A problem's ``code`` is its kind, stable across releases; readers of the
JSON, SARIF and language-server output act on it and on the problem's other
fields (path, attribute, value, expected), never on the wording of its message.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class ProblemKind:
    code: str
    check: str
    summary: str
    example: str


@cache
def problem_kinds() -> dict[str, ProblemKind]:
    """Every kind, by code, in the order the data file lists them."""
    text = resources.files("tei_tools").joinpath("data/problems/kinds.toml").read_text("utf-8")
    return {
        code: ProblemKind(code, entry["check"], entry["summary"], entry["example"])
        for code, entry in tomllib.loads(text).items()
    }
