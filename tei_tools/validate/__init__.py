"""Validate TEI documents: schema verdicts identical to Jing's, checks no schema makes.

>>> from tei_tools.validate import validate
>>> report = validate("letter.xml")                      # doctest: +SKIP
>>> report.exit_code, [str(p) for p in report.problems]  # doctest: +SKIP
(1, ['letter.xml:12:0: error: element "persname" not allowed here ...'])

:func:`iter_problems` yields the same :class:`Problem` objects one by one;
:func:`validate` collects them into a :class:`Report` with an exit code.
A batch never stops: an unreadable or hostile file becomes a ``fatal``
problem for that file and the next file is validated.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from tei_tools.validate.problems import ERROR, FATAL, WARNING, FileReport, Problem, Report

__all__ = [
    "ERROR",
    "FATAL",
    "WARNING",
    "FileReport",
    "Problem",
    "Report",
    "iter_files",
    "iter_problems",
    "validate",
    "validate_file",
]

Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def validate(
    source: Source, *, schema: str | os.PathLike[str] | None = None, extra_checks: bool = True
) -> Report:
    """Validate files and folders (``*.xml`` recursively) and report on each.

    ``schema`` is a ``.rng``, ``.xsd`` or ``.sch`` file; without it each
    document's ``<?xml-model?>`` is followed (locally only), then tei-tools'
    own schema for documents it wrote, then tei_all.
    """
    return Report(list(_iter_reports(source, schema, extra_checks)))


def iter_problems(
    source: Source, *, schema: str | os.PathLike[str] | None = None, extra_checks: bool = True
) -> Iterator[Problem]:
    """Yield every problem of every file, file by file."""
    for report in _iter_reports(source, schema, extra_checks):
        yield from report.problems


def iter_files(source: Source) -> Iterator[Path]:
    """Files named, and ``*.xml`` files under folders named, in a stable order."""
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    for item in items:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


#: Files read together; their vocabularies are merged so that one specialised
#: grammar is compiled per chunk instead of one per file.
CHUNK = 64


def _iter_reports(source: Source, schema, extra_checks: bool) -> Iterator[FileReport]:
    chunk: list[Path] = []
    for path in iter_files(source):
        chunk.append(path)
        if len(chunk) == CHUNK:
            yield from _validate_chunk(chunk, schema, extra_checks)
            chunk = []
    if chunk:
        yield from _validate_chunk(chunk, schema, extra_checks)


def _validate_chunk(paths: list[Path], schema, extra_checks: bool) -> list[FileReport]:
    from tei_tools.validate.specialise import merge_vocabularies

    loaded = [_load(path) for path in paths]
    trees = [tree for tree, _ in loaded if tree is not None]
    shared = merge_vocabularies(trees) if len(trees) > 1 else None
    reports = []
    for (tree, report), path in zip(loaded, paths, strict=True):
        if tree is not None:
            _check_into(report, tree, path, schema, extra_checks, shared)
        reports.append(report)
    return reports


def validate_file(
    path: str | os.PathLike[str],
    *,
    schema: str | os.PathLike[str] | None = None,
    extra_checks: bool = True,
) -> FileReport:
    """Validate one file; every failure, even an unreadable file, ends up in the report."""
    tree, report = _load(Path(path))
    if tree is not None:
        _check_into(report, tree, Path(path), schema, extra_checks, None)
    return report


def _load(path: Path):
    """Parse a file and apply what Jing applies before validating (DTD, XInclude)."""
    from tei_tools.errors import HostileXMLError, TeiToolsError
    from tei_tools.validate.external_dtd import check_external_dtd
    from tei_tools.validate.xinclude import expand_xincludes
    from tei_tools.xml import parse_xml_file

    started = time.perf_counter()
    name = str(path)
    report = FileReport(name)
    try:
        tree = parse_xml_file(path)
    except TeiToolsError as exc:
        rule = "hostile" if isinstance(exc, HostileXMLError) else "xml"
        report.problems.append(Problem(name, exc.line, exc.column, FATAL, exc.message, rule=rule))
        report.seconds = time.perf_counter() - started
        return None, report
    report.problems.extend(check_external_dtd(tree, path, name))
    report.problems.extend(expand_xincludes(tree, path, name))
    report.seconds = time.perf_counter() - started
    if any(p.severity == FATAL for p in report.problems):
        return None, report
    return tree, report


def _check_into(
    report: FileReport, tree, document: Path, schema, extra_checks: bool, vocabulary
) -> None:
    from tei_tools.errors import TeiToolsError
    from tei_tools.validate.schema_select import SchemaChoice, choose_schemas, language_of

    started = time.perf_counter()
    name = report.file
    if schema is not None:
        chosen = [SchemaChoice(Path(schema), language_of(Path(schema)), "--schema")]
    else:
        chosen = choose_schemas(tree, document)
    report.schema = ", ".join(str(c.path) for c in chosen)
    for choice in chosen:
        try:
            report.problems.extend(_run_schema(tree, choice, name, vocabulary))
        except TeiToolsError as exc:
            if choice.reason == "--schema":
                raise
            report.problems.append(
                Problem(
                    name, None, None, WARNING, f"schema {choice.path} skipped: {exc}", rule="schema"
                )
            )
    if extra_checks:
        from tei_tools.validate.dates import check_dates
        from tei_tools.validate.pointers import check_pointers

        report.problems.extend(check_pointers(tree, name))
        report.problems.extend(check_dates(tree, name))
    report.seconds += time.perf_counter() - started


def _run_schema(tree, choice, name: str, vocabulary=None) -> list[Problem]:
    if choice.language == "xsd":
        from tei_tools.validate.xsd import validate_xsd

        return validate_xsd(tree, choice.path, name)
    if choice.language == "sch":
        from tei_tools.validate.schematron import validate_schematron

        return validate_schematron(tree, choice.path, name)
    if choice.path.suffix.lower() == ".rnc":
        from tei_tools.errors import SchemaError

        raise SchemaError(
            "RELAX NG compact syntax (.rnc) is not supported; use the .rng form",
            file=str(choice.path),
        )
    from tei_tools.validate.rng import validate_rng

    return validate_rng(tree, choice.path, name, vocabulary=vocabulary)
