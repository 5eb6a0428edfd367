"""``tei-tools convert``: plain text to TEI, one file, a folder, or stdin."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tei_tools.cli.common import (
    plan_jobs,
    print_batch_summary,
    write_output,
    write_tree_output,
)


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", help="Output file for one input ('-' for stdout).")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder for several inputs or a folder of *.txt files.",
)
@click.option(
    "--profile",
    default="degras",
    show_default=True,
    help="Collection layout: 'degras', 'generic', or a PATH.toml of your own.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input text.")
@click.option(
    "--register",
    "registers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An extra register (TEI listPerson/listOrg/listPlace/listBibl); repeatable.",
)
@click.option("--no-markup", is_flag=True, help="Structure only: no names, dates or citations.")
@click.option(
    "--report",
    "report_path",
    help="Write a JSON review report (unknown names, uncertain dates, unknown sources).",
)
def convert(
    inputs: tuple[Path, ...],
    output: str | None,
    out_dir: Path | None,
    profile: str,
    encoding: str,
    registers: tuple[Path, ...],
    no_markup: bool,
    report_path: str | None,
) -> int:
    """Convert plain-text transcriptions (INPUTS: files, folders of *.txt, or '-') into TEI P5."""
    from tei_tools.convert import convert_bytes
    from tei_tools.errors import TeiToolsError, UsageError
    from tei_tools.reading.profiles import load_profile
    from tei_tools.xml import read_input_bytes

    jobs = plan_jobs(
        inputs,
        output,
        out_dir,
        pattern="*.txt",
        suffix=".xml",
        also_read=(*registers, profile),
        also_written=(report_path,),
    )
    loaded_profile = load_profile(profile)
    registry = None
    if registers and not no_markup:
        from tei_tools.markup.registers import load_registry

        registry = load_registry(list(registers))

    findings = []
    failed: list[tuple[str, str]] = []
    for source, target in jobs:
        name = "<stdin>" if source == "-" else str(source)
        try:
            data = sys.stdin.buffer.read() if source == "-" else read_input_bytes(source)
            result = convert_bytes(
                data,
                encoding=encoding,
                source_name=name,
                profile=loaded_profile,
                registry=registry,
                markup=not no_markup,
            )
            write_tree_output(target, result.tree)
            findings.extend(result.findings)
        except TeiToolsError as error:
            if len(jobs) == 1:
                raise
            click.echo(f"tei-tools: error: {error}", err=True)
            failed.append((name, error.message))
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    if report_path:
        from tei_tools.findings import dump_report

        write_output(report_path, dump_report(findings, failed=dict(failed)))
    if len(jobs) > 1:
        return print_batch_summary(len(jobs) - len(failed), failed, "converted")
    return 0
