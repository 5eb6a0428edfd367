"""Validate TEI documents: schema verdicts identical to Jing's, checks no schema makes.

>>> from tei_tools.validate import validate
>>> report = validate("letter.xml")                      # doctest: +SKIP
>>> report.exit_code, [str(p) for p in report.problems]  # doctest: +SKIP
(1, ['letter.xml:12: error: element "persname" not allowed here ...'])

:func:`iter_problems` yields the same :class:`Problem` objects one by one;
:func:`validate` collects them into a :class:`Report` with an exit code.
A batch never stops: an unreadable or hostile file becomes a ``fatal``
problem for that file and the next file is validated.

The checks no schema makes (dangling pointers, impossible dates) are errors
when tei-tools chooses the schema, and warnings when the caller names one: a
named schema's verdict stays that schema's (and Jing's), while tei-tools' own
check of a document is the whole check.  ``strict=True`` or ``False`` decides
it either way.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tei_tools.errors import UnreadableEntryError
from tei_tools.validate.columns import fill_columns
from tei_tools.validate.problems import (
    ERROR,
    FATAL,
    WARNING,
    FileReport,
    Problem,
    Report,
    merge_one_fault,
)

if TYPE_CHECKING:
    from lxml import etree

    from tei_tools.validate.corpus_scope import CorpusScope
    from tei_tools.validate.pointers import PointerTargets
    from tei_tools.validate.specialise import Vocabulary

__all__ = [
    "ERROR",
    "FATAL",
    "WARNING",
    "FileReport",
    "Problem",
    "Report",
    "Settings",
    "iter_files",
    "iter_problems",
    "validate",
    "validate_bytes",
    "validate_file",
]

PathLike = str | os.PathLike[str]
Source = PathLike | Iterable[PathLike]


@dataclass(frozen=True)
class Settings:
    """What to check and how hard; one object so that every layer gets the same choices."""

    #: A ``.rng``, ``.xsd`` or ``.sch`` file; None: ``<?xml-model?>``, own schema, tei_all.
    schema: Path | None = None
    #: Pointer and date checks (no schema makes them).
    extra_checks: bool = True
    #: Extra-check findings are errors (fail the run) instead of warnings.
    strict: bool = True
    #: Register files added to the shipped registers when resolving ``per:``-style pointers.
    registers: tuple[Path, ...] = ()
    #: Processes for a batch; None chooses by batch size and cores, 1 never forks.
    workers: int | None = None
    #: Local files a document names (XIncludes; DTD files with ``allow_local_dtd``) are read
    #: only inside this folder; None: each document's own folder.
    base_dir: Path | None = None
    #: Load a document's external DTD subset and parameter-entity files (inside ``base_dir``).
    allow_local_dtd: bool = False
    #: The ``teiCorpus`` whose ids every document's bare ``#id`` pointers may name; None: each
    #: document's root is the ``teiCorpus`` beside it (or one folder up) that XIncludes it.
    corpus_root: Path | None = None

    @property
    def extra_severity(self) -> str:
        return ERROR if self.strict else WARNING


def validate(
    source: Source,
    *,
    schema: PathLike | None = None,
    extra_checks: bool = True,
    strict: bool | None = None,
    registers: Iterable[PathLike] = (),
    workers: int | None = None,
    base_dir: PathLike | None = None,
    allow_local_dtd: bool = False,
    corpus_root: PathLike | None = None,
) -> Report:
    """Validate files and folders (``*.xml`` recursively) and report on each.

    ``schema`` is a ``.rng``, ``.xsd`` or ``.sch`` file; without it each
    document's ``<?xml-model?>`` is followed (locally only), then tei-tools'
    own schema for documents it wrote, then tei_all.  The extra checks'
    findings are errors unless a schema is named (``strict`` decides explicitly).
    XIncludes (and, with ``allow_local_dtd``, DTD and parameter-entity files)
    are read only inside ``base_dir``, by default each document's own folder.
    A component's bare ``#id`` may name an id of its ``teiCorpus`` root:
    ``corpus_root``, or else the corpus file beside it that XIncludes it
    (see :mod:`tei_tools.validate.corpus_scope`).
    """
    settings = _settings(
        schema, extra_checks, strict, registers, workers, base_dir, allow_local_dtd, corpus_root
    )
    return Report(list(_iter_reports(source, settings)))


def iter_problems(
    source: Source,
    *,
    schema: PathLike | None = None,
    extra_checks: bool = True,
    strict: bool | None = None,
    registers: Iterable[PathLike] = (),
    workers: int | None = None,
    base_dir: PathLike | None = None,
    allow_local_dtd: bool = False,
    corpus_root: PathLike | None = None,
) -> Iterator[Problem]:
    """Yield every problem of every file, file by file (options as for :func:`validate`)."""
    settings = _settings(
        schema, extra_checks, strict, registers, workers, base_dir, allow_local_dtd, corpus_root
    )
    for report in _iter_reports(source, settings):
        yield from report.problems


def validate_file(
    path: PathLike,
    *,
    schema: PathLike | None = None,
    extra_checks: bool = True,
    strict: bool | None = None,
    registers: Iterable[PathLike] = (),
    base_dir: PathLike | None = None,
    allow_local_dtd: bool = False,
    corpus_root: PathLike | None = None,
) -> FileReport:
    """Validate one file; every failure, even an unreadable file, ends up in the report.

    Options as for :func:`validate`.
    """
    from tei_tools.validate.pointers import PointerTargets

    settings = _settings(
        schema, extra_checks, strict, registers, 1, base_dir, allow_local_dtd, corpus_root
    )
    corpus = _corpus_roots(settings)
    loaded = _load(Path(path), settings)
    if loaded.tree is not None:
        _check_into(loaded, settings, None, PointerTargets(settings.registers, corpus))
    return loaded.report


def validate_bytes(
    data: bytes,
    path: PathLike,
    *,
    schema: PathLike | None = None,
    extra_checks: bool = True,
    strict: bool | None = None,
    registers: Iterable[PathLike] = (),
    targets: PointerTargets | None = None,
) -> FileReport:
    """Validate a document held in memory as if it were the file ``path``.

    An editor's buffer differs from the file on disk, yet its relative
    ``<?xml-model?>``, XIncludes and sibling pointers must resolve from where
    the file lives; so ``path`` places the document and ``data`` is its text.
    ``targets`` (a :class:`~tei_tools.validate.pointers.PointerTargets`) lets a
    long-running caller read the registers once for many validations.
    """
    from tei_tools.validate.pointers import PointerTargets

    settings = _settings(schema, extra_checks, strict, registers, 1)
    loaded = _load(Path(path), settings, data)
    if loaded.tree is not None:
        _check_into(loaded, settings, None, targets or PointerTargets(settings.registers))
    return loaded.report


def _settings(
    schema,
    extra_checks,
    strict,
    registers,
    workers,
    base_dir=None,
    allow_local_dtd=False,
    corpus_root=None,
) -> Settings:
    if strict is None:
        # A named schema is the judge (as in Jing); without one, tei-tools' full check is.
        strict = schema is None
    if schema is not None:
        _require_schema_extra(Path(schema))
    return Settings(
        Path(schema) if schema is not None else None,
        extra_checks,
        strict,
        tuple(Path(r) for r in registers),
        workers,
        Path(base_dir) if base_dir is not None else None,
        allow_local_dtd,
        Path(corpus_root) if corpus_root is not None else None,
    )


#: The optional package a named schema's syntax needs: (module, feature, extra).
_SCHEMA_EXTRAS = {
    ".sch": ("saxonche", "Schematron with XPath 2", "schematron"),
    ".rnc": ("rnc2rng", "RELAX NG compact syntax (.rnc)", "rnc"),
}


def _require_schema_extra(schema: Path) -> None:
    """A schema whose syntax needs a missing extra stops the run before any document is read."""
    from tei_tools.errors import MissingExtraError

    needed = _SCHEMA_EXTRAS.get(schema.suffix.lower())
    if needed is not None:
        MissingExtraError.unless_importable(*needed)


def _corpus_roots(settings: Settings) -> CorpusScope:
    """The corpus roots of one run, read as ``settings`` reads documents.

    Raises :class:`~tei_tools.errors.UsageError` when ``settings.corpus_root``
    is not a readable ``teiCorpus``: a root the user named is not a document's fault.
    """
    from tei_tools.validate.corpus_scope import CorpusScope

    corpus = CorpusScope(
        settings.corpus_root, base_dir=settings.base_dir, allow_local_dtd=settings.allow_local_dtd
    )
    corpus.check_named_root()
    return corpus


def iter_files(source: Source) -> Iterator[Path | UnreadableEntryError]:
    """Files named, and ``*.xml`` files under folders named, in a stable order.

    An entry of a folder that cannot be read (a symbolic link loop, a dangling
    link, a folder without permission) comes as an :class:`UnreadableEntryError`
    in its place, so that a batch reports it instead of skipping it.
    """
    from tei_tools.folders import walk_files

    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    for item in items:
        path = Path(item)
        if path.is_dir():
            yield from walk_files(path, "*.xml", recursive=True)
        else:
            yield path


#: Files read together; their vocabularies are merged so that one specialised
#: grammar is compiled per chunk instead of one per file.  The byte limit
#: bounds the memory the chunk's parsed trees take.
CHUNK_FILES = 256
CHUNK_BYTES = 48_000_000


def _iter_reports(source: Source, settings: Settings) -> Iterator[FileReport]:
    corpus = _corpus_roots(settings)
    # A corpus header's fragments (its listPerson, taxonomies) are checked inside the root;
    # whether a file is one is decided from the file and its neighbours on disk, never the batch.
    paths = [p for p in iter_files(source) if not (isinstance(p, Path) and corpus.is_fragment(p))]
    if settings.extra_checks:
        # Each document's corpus root is found (and read) before any worker forks, so that the
        # workers inherit it and every root is read once per run.
        for path in paths:
            if isinstance(path, Path):
                corpus.corpus_of(path)
    chunk: list[Path] = []
    size = 0
    for path in paths:
        if isinstance(path, UnreadableEntryError):
            if chunk:  # keep the reports in listing order
                yield from _validate_chunk(chunk, settings, corpus)
                chunk, size = [], 0
            yield _unreadable_entry_report(path)
            continue
        chunk.append(path)
        size += _size(path)
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield from _validate_chunk(chunk, settings, corpus)
            chunk, size = [], 0
    if chunk:
        yield from _validate_chunk(chunk, settings, corpus)


def _unreadable_entry_report(error: UnreadableEntryError) -> FileReport:
    name = error.file or ""
    return FileReport(name, [Problem(name, None, None, FATAL, error.message, rule="input")])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when it is read


@dataclass
class _Loaded:
    """A document as read: its tree (None if unreadable), names and the report so far."""

    path: Path
    tree: etree._ElementTree | None
    vocabulary: Vocabulary | None
    report: FileReport
    #: Bytes read, to spread groups evenly over processes.
    size: int = 0
    #: The text validated, when it is not the file's (an editor's buffer).
    data: bytes | None = None
    #: XIncludes not read, whose ``xi:fallback`` stands in their place.
    fallbacks: tuple = ()


def _validate_chunk(paths: list[Path], settings: Settings, corpus=None) -> list[FileReport]:
    """Read and check a chunk, its files spread over processes by size.

    The processes fork before any file is read, so that reading and parsing
    are spread too and the fork copies little; each reads its own share,
    groups it by vocabulary and checks the groups.  A verdict and its
    problems never depend on the groups (nor so on the shares), and each
    share keeps the files' listing order, so one project's files still sit
    together.  Only the small reports come back from a worker.
    """
    from tei_tools.validate.parallel import default_workers, map_forked, split_in_order
    from tei_tools.validate.pointers import PointerTargets

    targets = PointerTargets(settings.registers, corpus)  # files and registers read once per chunk
    sizes = [_size(path) for path in paths]
    workers = settings.workers or default_workers(sum(sizes))
    if workers <= 1 or len(paths) < 2:
        return _validate_share(paths, settings, targets)
    # Runs of files in listing order, so that each project's files stay in one share and
    # share a grammar there, as they do in one process (each grammar a share's groups
    # need costs its specialising and compiling once per process that needs it).
    shares = split_in_order(sizes, workers)
    _before_fork(settings)
    checked = map_forked(
        lambda share: _validate_share([paths[i] for i in share], settings, targets),
        shares,
        [sum(sizes[i] for i in share) for share in shares],
        len(shares),
        on_failure=lambda share, error: _failed_share([paths[i] for i in share], settings, error),
    )
    reports: list[FileReport | None] = [None] * len(paths)
    for share, share_reports in zip(shares, checked, strict=True):
        for index, report in zip(share, share_reports, strict=True):
            reports[index] = report
    return reports  # type: ignore[return-value]


def _before_fork(settings: Settings) -> None:
    """Load once, in the parent, what every worker would otherwise load for itself.

    A forked worker inherits the modules the checks import and the index of
    what the grammar allows where (read from tei_all, about 0.15 s): each
    worker spared them starts validating that much sooner.
    """
    from tei_tools.errors import TeiToolsError
    from tei_tools.validate import dates, facs, pointers, rng  # noqa: F401  (inherited)
    from tei_tools.validate.schema_select import tei_all_path

    schema = settings.schema
    if schema is None or schema.suffix.lower() == ".rng":
        # An unusable schema is reported by the worker that uses it, as without forking.
        with contextlib.suppress(TeiToolsError):
            rng.schema_index(schema or tei_all_path())


def _validate_share(paths: list[Path], settings: Settings, targets) -> list[FileReport]:
    """Read files, group them by vocabulary, and check each group with one grammar."""
    loaded = [_load(path, settings) for path in paths]
    for group in _vocabulary_groups([item for item in loaded if item.tree is not None]):
        _check_group(group, settings, targets)
    return [item.report for item in loaded]


def _failed_share(paths: list[Path], settings: Settings, error: BaseException) -> list[FileReport]:
    """Reports for a share whose worker process failed: each readable document gets the
    failure at its root (read again here), an unreadable one its own problem."""
    from tei_tools.errors import MissingExtraError, SchemaError

    if isinstance(error, (SchemaError, MissingExtraError)):
        raise error  # the schema is unusable: the same usage error as without workers
    loaded = [_load(path, settings) for path in paths]
    _failed_group([item for item in loaded if item.tree is not None], error)
    return [item.report for item in loaded]


def _failed_group(group: list[_Loaded], error: BaseException) -> list[FileReport]:
    """Reports for a group whose worker process failed: each document gets the failure."""
    from tei_tools.errors import MissingExtraError, SchemaError

    if isinstance(error, (SchemaError, MissingExtraError)):
        raise error  # the schema is unusable: the same usage error as without workers
    for item in group:
        root = item.tree.getroot() if item.tree is not None else None
        message = f"the validation worker failed ({type(error).__name__}: {error})"
        item.report.problems.append(
            Problem(
                item.report.file,
                root.sourceline if root is not None else None,
                None,
                ERROR,
                message,
                rule="internal",
            )
        )
    return [item.report for item in group]


def _check_group(group: list[_Loaded], settings: Settings, targets) -> list[FileReport]:
    """Check documents against one grammar specialised to all of their names."""
    from tei_tools.validate.specialise import merge_vocabularies

    shared = (
        merge_vocabularies(i.vocabulary for i in group if i.vocabulary is not None)
        if len(group) > 1
        else None
    )
    for item in group:
        _check_into(item, settings, shared, targets)
    return [item.report for item in group]


#: How many distinct element names one shared grammar may cover.  libxml2's
#: compile time grows much faster than linearly with the names a grammar
#: keeps (its content-model automata), while each grammar costs a fixed
#: specialising step when not yet cached: a few dozen documents of one
#: project share one grammar, unrelated documents get their own.
GROUP_ELEMENTS = 128


def _vocabulary_groups(items: list[_Loaded]) -> list[list[_Loaded]]:
    """Consecutive documents (in path order, so one project's files sit together) grouped
    while the union of their element names stays within :data:`GROUP_ELEMENTS`."""
    groups: list[list[_Loaded]] = []
    names: set = set()
    for item in items:
        elements = item.vocabulary.elements if item.vocabulary is not None else frozenset()
        merged = names | elements
        if groups and len(merged) <= GROUP_ELEMENTS:
            groups[-1].append(item)
            names = merged
        else:
            groups.append([item])
            names = set(elements)
    return groups


def _load(path: Path, settings: Settings, data: bytes | None = None) -> _Loaded:
    """Parse a file (or ``data`` in its place) and apply what Jing applies before
    validating (DTD, XInclude)."""
    from tei_tools.errors import HostileXMLError, TeiToolsError
    from tei_tools.validate.external_dtd import check_external_dtd
    from tei_tools.validate.specialise import document_vocabulary
    from tei_tools.validate.xinclude import expand_xincludes
    from tei_tools.xml import parse_xml_bytes, parse_xml_file

    started = time.perf_counter()
    name = str(path)
    report = FileReport(name)
    try:
        if data is None:
            tree = parse_xml_file(
                path, allow_local_dtd=settings.allow_local_dtd, base_dir=settings.base_dir
            )
        else:
            tree = parse_xml_bytes(
                data,
                source=name,
                location=path,
                allow_local_dtd=settings.allow_local_dtd,
                base_dir=settings.base_dir,
            )
    except TeiToolsError as exc:
        rule = "hostile" if isinstance(exc, HostileXMLError) else "xml"
        report.problems.append(Problem(name, exc.line, exc.column, FATAL, exc.message, rule=rule))
        report.seconds = time.perf_counter() - started
        return _Loaded(path, None, None, report)
    fallbacks: list = []
    try:
        if not settings.allow_local_dtd:  # with it, the parser has loaded the DTD or failed
            report.problems.extend(check_external_dtd(tree, path, name, base_dir=settings.base_dir))
        report.problems.extend(
            expand_xincludes(
                tree,
                path,
                name,
                base_dir=settings.base_dir,
                allow_local_dtd=settings.allow_local_dtd,
                fallbacks=fallbacks,
            )
        )
    except Exception as exc:  # one document's failure is its own, never the batch's
        message = f"could not prepare the document ({type(exc).__name__}: {exc})"
        report.problems.append(Problem(name, None, None, FATAL, message, rule="input"))
    report.seconds = time.perf_counter() - started
    if any(p.severity == FATAL for p in report.problems):
        return _Loaded(path, None, None, report)
    size = _size(path) if data is None else len(data)
    vocabulary = document_vocabulary(tree.getroot())
    return _Loaded(path, tree, vocabulary, report, size, data, tuple(fallbacks))


def _check_into(item: _Loaded, settings: Settings, shared, targets) -> None:
    from tei_tools.errors import MissingExtraError, SchemaError
    from tei_tools.validate.schema_select import (
        SchemaChoice,
        choose_schemas_noting,
        language_of,
    )

    started = time.perf_counter()
    report, tree = item.report, item.tree
    name = report.file
    if settings.schema is not None:
        chosen = [SchemaChoice(settings.schema, language_of(settings.schema), "--schema")]
    else:
        chosen, notes = choose_schemas_noting(tree, item.path)
        report.problems.extend(
            Problem(name, line, None, WARNING, note, rule="schema", code="schema-fallback")
            for line, note in notes
        )
    report.schema = ", ".join(str(c.path) for c in chosen)
    for choice in chosen:
        try:
            report.problems.extend(
                _guarded(
                    item,
                    "schema",
                    lambda c=choice: _run_schema(tree, c, name, shared, item.vocabulary),
                )
            )
        except (SchemaError, MissingExtraError) as exc:
            if choice.reason == "--schema":
                raise  # the schema the user named is unusable: a usage error, not a document's
            report.problems.append(
                Problem(
                    name,
                    None,
                    None,
                    WARNING,
                    f"schema {choice.path} skipped: {exc}",
                    rule="schema",
                    code="schema-skipped",
                )
            )
    if settings.extra_checks:
        report.problems.extend(
            _guarded(item, "pointer", lambda: _pointer_problems(item, settings, targets))
        )
        report.problems.extend(_guarded(item, "date", lambda: _date_problems(item, settings)))
    report.problems = sort_problems(
        one_schema_error_per_place(
            fill_columns(merge_one_fault(report.problems), item.path, data=item.data)
        )
    )
    report.seconds += time.perf_counter() - started


def _guarded(item: _Loaded, check: str, run) -> list[Problem]:
    """Run one check of one document; whatever goes wrong is that document's problem.

    A batch must never stop for one document: a check that fails with one of
    our errors reports it at the error's place, and any other failure (a bug)
    is reported at the document's root element, saying which check failed.
    A schema that cannot be used (not compilable, or its package missing) is not
    the document's fault and goes on up.
    """
    from tei_tools.errors import MissingExtraError, SchemaError, TeiToolsError

    name = item.report.file
    try:
        return list(run())
    except (SchemaError, MissingExtraError):
        raise
    except TeiToolsError as exc:
        return [Problem(name, exc.line, exc.column, ERROR, exc.message, rule=check)]
    except Exception as exc:  # a bug in one check must not cost the batch its other files
        root = item.tree.getroot() if item.tree is not None else None
        line = root.sourceline if root is not None else None
        message = (
            f"the {check} check failed ({type(exc).__name__}: {exc}); this is a bug in tei-tools"
        )
        return [Problem(name, line, None, ERROR, message, rule="internal")]


def one_schema_error_per_place(problems: list[Problem]) -> list[Problem]:
    """One schema error per place: the element's complaint over the text's.

    After the first error libxml2's log depends on the grammar compiled for
    the batch, and at one place it may add "text not allowed here" beside
    "element ... not allowed here".  Jing reports one error per place; so do we,
    and the verdict and the messages stay the same whatever the batch.
    """
    kept: dict[tuple[int | None, int | None], Problem] = {}
    chosen: set[int] = set()
    for problem in problems:
        if problem.rule != "rng" or problem.attribute is not None or problem.line is None:
            chosen.add(id(problem))
            continue
        place = (problem.line, problem.column)
        current = kept.get(place)
        if current is None or (_text_complaint(current) and not _text_complaint(problem)):
            kept[place] = problem
    chosen.update(map(id, kept.values()))
    return [p for p in problems if id(p) in chosen]


def _text_complaint(problem: Problem) -> bool:
    return problem.code == "text-not-allowed"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """A file's problems in document order (by line, then column); the first found first on ties."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _pointer_problems(item: _Loaded, settings: Settings, targets) -> Iterator[Problem]:
    from itertools import chain

    from tei_tools.validate.facs import check_facs
    from tei_tools.validate.pointers import check_pointers

    return chain(
        check_pointers(
            item.tree,
            item.report.file,
            severity=settings.extra_severity,
            document=item.path,
            targets=targets,
            fallbacks=item.fallbacks,
        ),
        check_facs(
            item.tree, item.report.file, severity=settings.extra_severity, document=item.path
        ),
    )


def _date_problems(item: _Loaded, settings: Settings) -> Iterator[Problem]:
    from tei_tools.validate.dates import check_dates

    return check_dates(item.tree, item.report.file, severity=settings.extra_severity)


def _run_schema(tree, choice, name: str, shared=None, own=None) -> list[Problem]:
    if choice.language == "xsd":
        from tei_tools.validate.xsd import validate_xsd

        return validate_xsd(tree, choice.path, name)
    if choice.language == "sch":
        from tei_tools.validate.schematron import validate_schematron

        return validate_schematron(tree, choice.path, name)
    from tei_tools.validate.rng import validate_rng

    path = choice.path
    if path.suffix.lower() == ".rnc":
        from tei_tools.validate.rnc import rng_from_rnc

        path = rng_from_rnc(path)
    return validate_rng(tree, path, name, vocabulary=shared or own, own_vocabulary=own)
