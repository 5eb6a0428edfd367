"""``tei-tools convert``: plain text to TEI, one file, a folder, or stdin."""

from __future__ import annotations

from pathlib import Path

import click

from tei_tools.cli.common import (
    plan_jobs,
    print_batch_summary,
    read_source,
    source_name,
    write_conversion_output,
    write_output,
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
    default=None,
    help="Collection layout: 'generic', 'degras', 'frus', or a PATH.toml of your own. "
    "Default: the profile of the collection the file is in (its tei-tools.toml), else 'generic'.",
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
    profile: str | None,
    encoding: str,
    registers: tuple[Path, ...],
    no_markup: bool,
    report_path: str | None,
) -> int:
    """Convert plain-text transcriptions (INPUTS: files, folders of *.txt, or '-') into TEI P5."""
    from tei_tools.batch import ConvertBatch
    from tei_tools.reading.profiles import load_profile

    jobs = plan_jobs(
        inputs,
        output,
        out_dir,
        pattern="*.txt",
        suffix=".xml",
        also_read=(*registers, *([profile] if profile else [])),
        also_written=(report_path,),
    )
    batch: ConvertBatch = ConvertBatch(
        encoding=encoding,
        profile=load_profile(profile) if profile else None,
        registers=registers,
        markup=not no_markup,
    )
    for outcome in batch.run(
        jobs, read=read_source, write=write_conversion_output, name=source_name
    ):
        for line in outcome.warnings():
            click.echo(f"tei-tools: warning: {line}", err=True)
        if outcome.error is not None:
            click.echo(f"tei-tools: error: {outcome.error}", err=True)
    summary = batch.summary
    if report_path:
        from tei_tools.findings import dump_report

        write_output(report_path, dump_report(summary.findings, failed=dict(summary.failed)))
    if len(jobs) > 1:
        return print_batch_summary(
            summary.converted, summary.failed, "converted", status=summary.worst
        )
    return 0
