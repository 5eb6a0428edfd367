"""Pieces shared by the CLI commands: output targets and batch summaries."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tei_tools.errors import TeiToolsError

if TYPE_CHECKING:
    from tei_tools.convert import Conversion


def local_file_options(*, xinclude: bool):
    """``--allow-local-dtd`` and ``--base-dir``, the same on every command that reads TEI.

    The base folder bounds what a document may pull in from disk: XIncludes
    (where the command resolves them) and, with ``--allow-local-dtd``, its DTD
    and parameter-entity files.
    """
    bounded = (
        "XIncludes and (with --allow-local-dtd) DTD files"
        if xinclude
        else ("DTD files (with --allow-local-dtd)")
    )

    def decorate(command):
        command = click.option(
            "--base-dir",
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help=f"Folder that {bounded} must lie in [default: each document's own folder].",
        )(command)
        return _allow_local_dtd(command)

    return decorate


def _allow_local_dtd(command):
    return click.option(
        "--allow-local-dtd",
        is_flag=True,
        help="Let documents load their external DTD and parameter-entity files "
        '(<!ENTITY % e SYSTEM "../schema/e.dtd">), from inside --base-dir only; '
        "never from the network.",
    )(command)


def write_output(target: str, data: bytes | str) -> None:
    """Write to a file atomically, or to stdout when ``target`` is ``-``."""
    from tei_tools.xml import write_atomic

    if target == "-":
        payload = data.encode("utf-8") if isinstance(data, str) else data
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_atomic(target, data)


def write_conversion_output(target: str, conversion: Conversion) -> None:
    """Serialise a converted document into a file atomically, or to stdout for ``-``.

    Straight into the file, without a copy of the document in memory.
    """
    from tei_tools.xml import atomic_output

    if target == "-":
        conversion.write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with atomic_output(target) as handle:
            conversion.write(handle)


def print_batch_summary(
    done: int, failed: list[tuple[str, str]], verb: str, *, status: int = 1
) -> int:
    """Say how a batch went; return the exit status (``status`` if any file failed).

    ``status`` is the highest exit code among the failures: 2 when an entry
    could not be read at all (see :class:`tei_tools.errors.UnreadableEntryError`).
    """
    if failed:
        click.echo(
            f"tei-tools: {verb} {done} file(s); {len(failed)} failed: "
            + ", ".join(name for name, _ in failed),
            err=True,
        )
        return status
    click.echo(f"tei-tools: {verb} {done} file(s)", err=True)
    return 0


def plan_jobs(
    inputs: tuple[Path, ...],
    output: str | None,
    out_dir: Path | None,
    *,
    pattern: str,
    suffix: str,
    also_read: tuple[str | Path | None, ...] = (),
    also_written: tuple[str | None, ...] = (),
) -> list[tuple[Path | str | TeiToolsError, str]]:
    """Pair every input with where its output goes, or say why the options cannot work.

    Folders contribute their files matching ``pattern``; ``-`` is stdin.  A
    folder entry that cannot be read is paired as its error, so the batch
    reports it (and :func:`read_source` raises it) instead of skipping it.
    Without ``-o`` or ``--out-dir`` one input goes to stdout, like any filter,
    and never next to (or over) the input.  No output (nor ``also_written``,
    e.g. a report) may be an input or a file in ``also_read`` (registers, a
    stylesheet), however it is spelt: that is refused before anything is read.
    """
    from tei_tools.errors import InputError
    from tei_tools.folders import walk_files
    from tei_tools.xml import input_identities, refuse_writing_over_input

    sources: list[Path | str | TeiToolsError] = []
    for item in inputs:
        if str(item) == "-":
            sources.append("-")
        elif item.is_dir():
            found = walk_files(item, pattern, recursive=False)
            if not found:
                raise InputError(f"folder holds no {pattern} files", file=str(item))
            sources.extend(found)
        elif not item.exists():
            raise InputError("no such file or folder", file=str(item))
        else:
            sources.append(item)
    jobs = _pair_outputs(sources, output, out_dir, suffix)
    readable = [s for s in sources if not isinstance(s, TeiToolsError)]
    read = input_identities([*readable, *(path for path in also_read if path)])
    for target in [*(target for _, target in jobs), *(path for path in also_written if path)]:
        refuse_writing_over_input(target, read)
    return jobs


def _pair_outputs(
    sources: list[Path | str | TeiToolsError], output: str | None, out_dir: Path | None, suffix: str
) -> list[tuple[Path | str | TeiToolsError, str]]:
    from tei_tools.errors import UsageError

    if output and out_dir:
        raise UsageError("give either -o/--output or --out-dir, not both")
    if output:
        if len(sources) != 1:
            raise UsageError("-o/--output takes one input; use --out-dir for several")
        return [(sources[0], output)]
    if out_dir:
        return [(src, _target_in(out_dir, src, suffix)) for src in sources]
    if len(sources) == 1:
        return [(sources[0], "-")]
    raise UsageError("several inputs need --out-dir")


def _target_in(out_dir: Path, source: Path | str | TeiToolsError, suffix: str) -> str:
    if source == "-":
        return "-"
    name = source.file or "" if isinstance(source, TeiToolsError) else str(source)
    return str(out_dir / (Path(name).stem + suffix))


def read_source(source: Path | str | TeiToolsError) -> bytes:
    """The bytes of one planned input: stdin for ``-``; a folder entry's error is raised here."""
    from tei_tools.xml import read_input_bytes

    if isinstance(source, TeiToolsError):
        raise source
    if source == "-":
        return sys.stdin.buffer.read()
    return read_input_bytes(source)


def source_name(source: Path | str | TeiToolsError) -> str:
    """How an input is named in messages."""
    if isinstance(source, TeiToolsError):
        return source.file or ""
    return "<stdin>" if source == "-" else str(source)
