"""``tei-tools validate``: check TEI files and folders; exit 0 valid, 1 invalid, 2 unreadable."""

from __future__ import annotations

from pathlib import Path

import click

from tei_tools.cli.common import local_file_options


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--schema",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A RELAX NG (.rng, or .rnc with the rnc extra), XML Schema (.xsd) or "
    "ISO Schematron (.sch) file. "
    "Default: the document's <?xml-model?>, then tei-tools' own schema, then tei_all.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "sarif"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--no-extra-checks", is_flag=True, help="Skip the pointer and date checks no schema makes."
)
@click.option(
    "--strict/--lenient",
    default=None,
    help="Pointer and date findings as errors that fail the run, or as warnings "
    "[default: errors, but warnings when --schema names the schema].",
)
@click.option(
    "--register",
    "registers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TEI register file (listPerson, listPlace ...) that pointers such as "
    "per:x may name, besides the shipped registers. Repeatable.",
)
@click.option(
    "--corpus-root",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The teiCorpus file whose ids (its header and the files it XIncludes) every "
    "document's bare #id pointers may name [default: for each document, the teiCorpus "
    "beside it or one folder up that XIncludes it].",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for a batch (default: by batch size and cores).",
)
@click.option(
    "--max-errors",
    default=20,
    show_default=True,
    help="Problems shown per file in text output (0 for all); the rest are counted.",
)
@local_file_options(xinclude=True)
@click.option("-o", "--output", default="-", help="Write the report to a file instead of stdout.")
def validate(
    paths: tuple[Path, ...],
    schema: Path | None,
    fmt: str,
    no_extra_checks: bool,
    strict: bool | None,
    registers: tuple[Path, ...],
    corpus_root: Path | None,
    jobs: int | None,
    max_errors: int,
    allow_local_dtd: bool,
    base_dir: Path | None,
    output: str,
) -> int:
    """Validate TEI documents (PATHS: files, or folders searched for *.xml)."""
    from tei_tools.cli.common import write_output
    from tei_tools.errors import UsageError
    from tei_tools.markup.decisions.store import registers_for_paths
    from tei_tools.validate import validate as run_validation
    from tei_tools.validate.formats import render

    if schema is not None and not schema.is_file():
        raise UsageError(f"no such schema file: {schema}")
    report = run_validation(
        list(paths),
        schema=schema,
        extra_checks=not no_extra_checks,
        strict=strict,
        registers=(*registers, *registers_for_paths(list(paths))),
        workers=jobs,
        base_dir=base_dir,
        allow_local_dtd=allow_local_dtd,
        corpus_root=corpus_root,
    )
    if not report.files:
        raise UsageError(
            "no XML files found in the paths given (a corpus root's header fragments "
            "are checked when the root is validated)"
        )
    from tei_tools.xml import input_identities, refuse_writing_over_input

    # The one input-is-output check of every command: any spelling of a file read
    # (./x.xml, a symbolic or hard link) is refused as the report's target.
    read = [f.file for f in report.files] + [*registers] + ([schema] if schema else [])
    read += [corpus_root] if corpus_root else []
    refuse_writing_over_input(output, input_identities(read))
    write_output(output, render(report, fmt, max_per_file=max_errors))
    return report.exit_code
