"""``tei-tools export text|html|pdf``: one file to a file or stdout, many to a folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tei_tools.cli.common import (
    local_file_options,
    plan_jobs,
    print_batch_summary,
    read_source,
    source_name,
    write_output,
)

SUFFIXES = {"text": ".txt", "html": ".html", "pdf": ".pdf", "cmif": ".xml"}


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(SUFFIXES)))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", help="Output file for one input ('-' for stdout).")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder for several inputs or folders of *.xml files.",
)
@click.option(
    "--width", default=72, show_default=True, type=click.IntRange(20), help="Line width of text."
)
@click.option(
    "--css",
    help="HTML: link this stylesheet URL instead of inlining the default CSS. "
    "PDF: a CSS file added after the print stylesheet.",
)
@click.option(
    "--register",
    "registers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An extra register file (TEI listPerson/listOrg/listPlace/listBibl); repeatable.",
)
@click.option(
    "--no-registers",
    is_flag=True,
    help="Do not index names against the registers; link them through prefixDef only.",
)
@local_file_options(xinclude=False)
@click.option(
    "--view",
    type=click.Choice(["reading", "diplomatic"]),
    default="reading",
    show_default=True,
    help="HTML/PDF: run source lines (lb) together, or keep them numbered in the margin.",
)
@click.option(
    "--streaming",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="HTML/text: read the file block by block in bounded memory (same output); "
    "auto streams files of 4 MB and more.",
)
def export(
    fmt: str,
    inputs: tuple[Path, ...],
    output: str | None,
    out_dir: Path | None,
    width: int,
    css: str | None,
    registers: tuple[Path, ...],
    no_registers: bool,
    allow_local_dtd: bool,
    base_dir: Path | None,
    view: str,
    streaming: str,
) -> int:
    """Export TEI documents (INPUTS: files, folders of *.xml, or '-') as FORMAT.

    ``cmif`` takes one collection folder and writes the CMIF file of its letters.
    """
    from tei_tools.errors import TeiToolsError, UsageError
    from tei_tools.xml import parse_xml_bytes

    if fmt == "cmif":
        return export_cmif(inputs, output)

    jobs = plan_jobs(
        inputs,
        output,
        out_dir,
        pattern="*.xml",
        suffix=SUFFIXES[fmt],
        also_read=(*registers, css if fmt == "pdf" else None),
    )
    if fmt == "pdf" and any(target == "-" for _, target in jobs) and sys.stdout.isatty():
        raise UsageError("refusing to write PDF to a terminal; use -o FILE")
    entries = None
    if fmt != "text" and not no_registers:
        from tei_tools.export.links import registry_entries

        entries = registry_entries(registers)
    render = renderer(fmt, width=width, css=css, registers=entries, view=view)
    failed: list[tuple[str, str]] = []
    status = 1  # the exit status if some file fails: 2 if one could not be read at all
    for source, target in jobs:
        name = source_name(source)
        try:
            if should_stream(fmt, source, streaming, allow_local_dtd):
                assert isinstance(source, Path)
                stream_to(
                    target, fmt, source, name, width=width, css=css, registers=entries, view=view
                )
                continue
            data = read_source(source)
            tree = parse_xml_bytes(
                data,
                source=name,
                location=source if isinstance(source, Path) else None,
                allow_local_dtd=allow_local_dtd,
                base_dir=base_dir,
            )
            write_output(target, render(tree))
        except TeiToolsError as error:
            if len(jobs) == 1:
                raise
            click.echo(f"tei-tools: error: {error}", err=True)
            failed.append((name, error.message))
            status = max(status, error.exit_code)
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    if len(jobs) > 1:
        return print_batch_summary(len(jobs) - len(failed), failed, "exported", status=status)
    return 0


def export_cmif(inputs: tuple[Path, ...], output: str | None) -> int:
    """``tei-tools export cmif COLLECTION -o letters.xml``: the collection's letters as CMIF."""
    from tei_tools.corpus.cmif import collection_cmif, letters_of
    from tei_tools.corpus.collection import read_collection
    from tei_tools.errors import UsageError
    from tei_tools.xml import serialize

    if len(inputs) != 1 or str(inputs[0]) == "-":
        raise UsageError("export cmif takes one collection folder")
    collection = read_collection(inputs[0])
    target = output or "-"
    tree = collection_cmif(
        collection, letters_of(collection), fallback_url=Path(target).name if output else "cmif.xml"
    )
    write_output(target, serialize(tree))
    return 0


def should_stream(fmt: str, source, streaming: str, allow_local_dtd: bool) -> bool:
    """Whether to export ``source`` with the streaming writer (same bytes, bounded memory).

    Only regular files are streamed (the writer reads them twice); ``--allow-local-dtd``
    needs the in-memory parser, which loads the DTD's entities.
    """
    from tei_tools.export.stream import STREAM_THRESHOLD

    if fmt not in ("html", "text") or streaming == "never" or allow_local_dtd:
        return False
    if not isinstance(source, Path) or not source.is_file():
        return False
    return streaming == "always" or source.stat().st_size >= STREAM_THRESHOLD


def stream_to(target: str, fmt: str, source: Path, name: str, *, width, css, registers, view):
    """Stream the export of one file into ``target`` (a file written atomically, or stdout)."""
    from contextlib import nullcontext

    from tei_tools.export.stream import stream_html, stream_text
    from tei_tools.xml import atomic_output

    handle = nullcontext(sys.stdout.buffer) if target == "-" else atomic_output(target)
    with handle as out:
        if fmt == "text":
            stream_text(source, out, width=width, source=name)
        else:
            stream_html(source, out, css=css, registers=registers, view=view, source=name)
        out.flush()


def renderer(fmt: str, *, width: int, css: str | None, registers=None, view: str = "reading"):
    """The library call for ``fmt``, with the options bound; imported only when needed."""
    if fmt == "text":
        from tei_tools.export.text import export_text

        return lambda tree: export_text(tree, width=width)
    if fmt == "html":
        from tei_tools.export.html import export_html

        return lambda tree: export_html(tree, css=css, registers=registers, view=view)
    from tei_tools.export.pdf import export_pdf, require_weasyprint

    require_weasyprint()  # fail once, before reading any input
    extra_css = Path(css).read_text(encoding="utf-8") if css else None
    return lambda tree: export_pdf(tree, css=extra_css, registers=registers, view=view)
