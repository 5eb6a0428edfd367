"""Render a :class:`Report` as text, JSON, JUnit XML or SARIF 2.1.0.

Every format renders the same Problem objects; none knows which checker
found them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lxml import etree

from tei_tools.validate.problems import ERROR, FATAL, Report

FORMATS = ("text", "json", "junit", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The SARIF ``uriBaseId`` that file locations are relative to (the folder validate ran in).
SARIF_BASE_ID = "SRCROOT"


def render(report: Report, fmt: str, *, max_per_file: int = 20) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    return {"text": render_text, "json": render_json, "junit": render_junit, "sarif": render_sarif}[
        fmt
    ](report, max_per_file=max_per_file)


def render_text(report: Report, *, max_per_file: int = 20) -> str:
    """``FILE:LINE:COL: severity: message`` lines, the first errors of each file, then a count."""
    lines = []
    for file_report in report.files:
        shown = file_report.problems[:max_per_file] if max_per_file else file_report.problems
        for problem in shown:
            lines.append(str(problem))
            if problem.path:
                lines.append(f"    at {problem.path}")
        hidden = len(file_report.problems) - len(shown)
        if hidden > 0:
            lines.append(f"{file_report.file}: note: {hidden} more problem(s) not shown")
    counts = report.counts()
    lines.append(
        f"{len(report.files)} file(s): {counts['valid']} valid, {counts['invalid']} invalid, "
        f"{counts['unreadable']} unreadable"
    )
    return "\n".join(lines) + "\n"


def render_json(report: Report, *, max_per_file: int = 0) -> str:
    data = {
        "valid": report.valid,
        "exit_code": report.exit_code,
        "counts": report.counts(),
        "files": [
            {
                "file": f.file,
                "status": f.status,
                "schema": f.schema,
                "problems": [p.as_dict() for p in f.problems],
            }
            for f in report.files
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: Report, *, max_per_file: int = 0) -> str:
    """One test case per file; errors become ``<failure>``, unreadable files ``<error>``."""
    counts = report.counts()
    suites = etree.Element("testsuites")
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="tei-tools validate",
        tests=str(len(report.files)),
        failures=str(counts["invalid"]),
        errors=str(counts["unreadable"]),
        skipped="0",
        time=f"{sum(f.seconds for f in report.files):.3f}",
    )
    for f in report.files:
        case = etree.SubElement(
            suite, "testcase", classname="validate", name=f.file, time=f"{f.seconds:.3f}"
        )
        if f.status == "valid":
            continue
        kind = "error" if f.status == "unreadable" else "failure"
        bad = [p for p in f.problems if p.severity in (ERROR, FATAL)]
        node = etree.SubElement(
            case,
            kind,
            message=bad[0].message if bad else f.status,
            type=(bad[0].code or f.status) if bad else f.status,
        )
        node.text = "\n".join(str(p) for p in f.problems)
    return etree.tostring(
        suites, encoding="UTF-8", xml_declaration=True, pretty_print=True
    ).decode()


def render_sarif(
    report: Report, *, max_per_file: int = 0, base: str | os.PathLike[str] | None = None
) -> str:
    """A SARIF 2.1.0 log with one run; rules are the problem kinds (their stable codes).

    File locations are percent-encoded URIs relative to the ``uriBaseId``
    :data:`SARIF_BASE_ID`, which ``originalUriBaseIds`` defines as ``base``
    (default: the current folder), so that code-scanning tools can place
    them in a checkout; a file outside ``base`` gets an absolute ``file:`` URI.
    """
    from tei_tools.version import __version__

    root = Path(base if base is not None else Path.cwd()).absolute()
    from tei_tools.validate.problem_kinds import problem_kinds

    kinds = problem_kinds()
    rules = sorted({p.code or p.rule for p in report.problems})
    results = []
    for p in report.problems:
        region: dict[str, int] = {}
        if p.line:
            region["startLine"] = p.line
            if p.column:
                region["startColumn"] = p.column
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": artifact_location(p.file, root)}
        }
        if region:
            location["physicalLocation"]["region"] = region
        result: dict[str, Any] = {
            "ruleId": p.code or p.rule,
            "ruleIndex": rules.index(p.code or p.rule),
            "level": {"error": "error", "fatal": "error", "warning": "warning"}.get(
                p.severity, "note"
            ),
            "message": {"text": p.message},
            "locations": [location],
            "properties": _fields(p),
        }
        if p.path:
            result["locations"][0]["logicalLocations"] = [
                {"fullyQualifiedName": p.path, "kind": "element"}
            ]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tei-tools",
                        "version": __version__,
                        "rules": [_sarif_rule(r, kinds) for r in rules],
                    }
                },
                "originalUriBaseIds": {SARIF_BASE_ID: {"uri": _folder_uri(root)}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _fields(problem) -> dict[str, Any]:
    """What a problem says besides its message, for tools that act on it."""
    fields: dict[str, Any] = {"check": problem.rule}
    for name in ("attribute", "value", "suggestion"):
        if getattr(problem, name) is not None:
            fields[name] = getattr(problem, name)
    if problem.expected:
        fields["expected"] = list(problem.expected)
    return fields


def _sarif_rule(code: str, kinds) -> dict[str, Any]:
    kind = kinds.get(code)
    rule: dict[str, Any] = {"id": code}
    if kind is not None:
        rule["shortDescription"] = {"text": kind.summary}
        rule["properties"] = {"check": kind.check}
    return rule


def artifact_location(file: str, root: Path) -> dict[str, str]:
    """A SARIF ``artifactLocation``: relative to ``root`` when the file is inside it.

    >>> artifact_location("tei/with space.xml", Path("/work/project"))
    {'uri': 'tei/with%20space.xml', 'uriBaseId': 'SRCROOT'}
    """
    path = Path(file)
    absolute = path if path.is_absolute() else root / path
    absolute = Path(os.path.normpath(absolute))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SARIF_BASE_ID}


def _folder_uri(folder: Path) -> str:
    """An absolute ``file:`` URI of a folder, ending in ``/`` as SARIF requires of a base."""
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"
