"""``tei-tools convert``: plain text to TEI, one file, a folder, or stdin."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tei_tools.cli.common import (
    plan_jobs,
    print_batch_summary,
    read_source,
    source_name,
    write_output,
    write_tree_output,
)

if TYPE_CHECKING:
    from tei_tools.reading.profiles import Profile


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
    from tei_tools.convert import convert_bytes
    from tei_tools.errors import TeiToolsError, UsageError
    from tei_tools.reading.page_images import find_page_images
    from tei_tools.reading.profiles import load_profile
    from tei_tools.review.registers import review_for_source

    jobs = plan_jobs(
        inputs,
        output,
        out_dir,
        pattern="*.txt",
        suffix=".xml",
        also_read=(*registers, *([profile] if profile else [])),
        also_written=(report_path,),
    )
    given_profile = load_profile(profile) if profile else None
    registry = None
    if registers and not no_markup:
        from tei_tools.markup.registers import load_registry

        registry = load_registry(list(registers))

    findings = []
    failed: list[tuple[str, str]] = []
    status = 1  # the exit status if some file fails: 2 if one could not be read at all
    for source, target in jobs:
        name = source_name(source)
        try:
            data = read_source(source)
            review = None
            if isinstance(source, Path) and not no_markup:
                review = review_for_source(source, registers)
            result = convert_bytes(
                data,
                encoding=encoding,
                source_name=name,
                profile=profile_of(source, given_profile),
                registry=review[0] if review else registry,
                markup=not no_markup,
                decisions=review[1] if review else None,
                page_images=find_page_images(source) if isinstance(source, Path) else None,
            )
            write_tree_output(target, result.tree)
            findings.extend(result.findings)
            for line in result.review.messages(name) if result.review else ():
                click.echo(f"tei-tools: warning: {line}", err=True)
        except TeiToolsError as error:
            if len(jobs) == 1:
                raise
            click.echo(f"tei-tools: error: {error}", err=True)
            failed.append((name, error.message))
            status = max(status, error.exit_code)
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    if report_path:
        from tei_tools.findings import dump_report

        write_output(report_path, dump_report(findings, failed=dict(failed)))
    if len(jobs) > 1:
        return print_batch_summary(len(jobs) - len(failed), failed, "converted", status=status)
    return 0


def profile_of(source: object, given: Profile | None) -> Profile:
    """The profile a file is converted with: its collection's, with ``--profile`` over the layout."""
    from tei_tools.reading.profiles import load_profile, profile_for_file

    found = profile_for_file(source, given) if isinstance(source, Path) else None
    return found or given or load_profile("generic")
