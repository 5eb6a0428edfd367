"""``tei-tools build``: a collection folder into a validated, indexed, searchable site."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from tei_tools.errors import format_problem_record


@click.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "site",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The site folder to write (created if needed; only files tei-tools wrote are replaced).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: the cores]."
)
@click.option(
    "--executor",
    type=click.Choice(["process", "dask"]),
    default="process",
    show_default=True,
    help="Where documents are built: local processes, or a Dask cluster (extra 'dask').",
)
@click.option(
    "--scheduler", metavar="ADDR", help="Address of a Dask scheduler, e.g. tcp://host:8786."
)
@click.option(
    "--search",
    type=click.Choice(["auto", "pagefind", "builtin", "none"]),
    default="auto",
    show_default=True,
    help="Search index: Pagefind (extra 'search') when installed, else tei-tools' own.",
)
@click.option(
    "--pdf/--no-pdf",
    default=None,
    help="A PDF of each document [default: when the 'pdf' extra is installed]; slow for big collections.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace files in the site folder that tei-tools did not write (else: exit 1, left alone).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
def build(
    corpus: Path,
    site: Path,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    search: str,
    pdf: bool | None,
    force: bool,
    quiet: bool,
) -> int:
    """Build CORPUS (source/*.txt and/or tei/*.xml) into a static edition site.

    Each document is converted, validated and exported; the site gets a home
    page, a chronology, indexes of persons, organisations and places, a
    bibliography, a validation report and full-text search.  Rebuilds redo
    only what changed.  The exit status is 1 when any document is invalid or
    unreadable, or a file in the site folder was not written by tei-tools (it
    is left alone; --force replaces it); every other document is still built.
    Only one build at a time may write a site folder.
    """
    from tei_tools.corpus.build import build as build_site

    if pdf:
        # Asked for explicitly: without WeasyPrint, one line naming the extra before
        # any work (else every document would fail and a partial site be left).
        from tei_tools.export.pdf import require_weasyprint

        require_weasyprint()
    run = functools.partial(
        build_site,
        corpus,
        site,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        search=search,
        pdf=pdf,
        force=force,
        quiet=True,
    )
    if sys.stderr.isatty() and not quiet:
        result = _build_with_bar(run)
    else:
        result = run(progress=_line_printer(quiet))
    for document in result.failed:
        for problem in document.problems[:5]:
            click.echo(format_problem_record(problem), err=True)
    for note in result.notes:
        click.echo(f"tei-tools: note: {note}", err=True)
    for conflict in result.conflicts:
        click.echo(f"tei-tools: error: {conflict}", err=True)
    for entry in result.unreadable:
        click.echo(f"tei-tools: error: {entry}", err=True)
    counts = result.counts()
    tally = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    click.echo(
        f"tei-tools: built {len(result.documents)} document(s) into {site} ({tally}); "
        f"{result.built} rebuilt, {result.reused} unchanged, {result.written} file(s) written, "
        f"search: {result.search}, {result.seconds:.1f}s"
        + (f"; removed {result.leftovers} leftover temporary file(s)" if result.leftovers else ""),
        err=True,
    )
    if result.conflicts:
        click.echo(
            f"tei-tools: {len(result.conflicts)} file(s) in {site} were not written by "
            "tei-tools and were left alone; --force replaces them",
            err=True,
        )
    if result.failed:
        click.echo(
            f"tei-tools: {len(result.failed)} document(s) failed; see {site / 'validation.html'}",
            err=True,
        )
    return result.exit_code


def _line_printer(quiet: bool):
    """One line per document for logs and CI; with --quiet, only for failures."""

    def report(done: int, total: int, document) -> None:
        if quiet and not document.failed:
            return
        click.echo(f"[{done}/{total}] {document.path}: {document.status}", err=True)

    return report


def _build_with_bar(run):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("building", total=None)

        def advance(done: int, total: int, document) -> None:
            bar.update(task, completed=done, total=total)
            if document.failed:
                bar.console.print(f"{document.path}: {document.status}")

        return run(progress=advance)
