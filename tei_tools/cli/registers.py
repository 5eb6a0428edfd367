"""``tei-tools registers``: the registers' counts and the rules an entry breaks."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def registers() -> None:
    """Check the registers of people, bodies, places and books."""


@registers.command()
@click.argument(
    "collection",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
def check(collection: Path | None) -> int:
    """Print counts and every broken rule of the bundled registers and COLLECTION's own.

    Exit status 1 when a rule is broken (the rules: tei_tools/data/register-rules.toml).
    """
    from tei_tools.markup.register_check import (
        bundled_register_trees,
        check_registers,
        format_counts,
        register_trees,
    )

    parts = [("bundled registers", bundled_register_trees())]
    if collection is not None:
        from tei_tools.corpus.collection import read_settings

        own = read_settings(collection).registers
        parts.append((f"registers of {collection}", register_trees(own)))
    broken = 0
    for title, trees in parts:
        report = check_registers(trees)
        click.echo(f"{title} ({len(trees)} files)")
        for line in format_counts(report.counts):
            click.echo(f"  {line}")
        for problem in report.problems:
            click.echo(str(problem))
        click.echo(f"  {len(report.problems)} rules broken")
        broken += len(report.problems)
    return 1 if broken else 0
