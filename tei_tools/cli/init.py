"""``tei-tools init``: start a new collection."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", default="", help="The collection's title (default: the folder's name).")
@click.option(
    "--calendar",
    default="gregorian",
    show_default=True,
    help="How dates written once are read: gregorian, julian, or a country "
    "(great-britain, russia, ...).",
)
def init(folder: Path, title: str, calendar: str) -> int:
    """Create FOLDER with source/, tei/ and a commented tei-tools.toml."""
    from tei_tools.corpus.init import init_collection

    made = init_collection(folder, title=title, calendar=calendar)
    for path in made.created:
        click.echo(f"created {path}{'/' if path.is_dir() else ''}")
    click.echo(
        f"next: put plain-text transcriptions in {folder / 'source'}/, check "
        f"{folder / 'tei-tools.toml'}, then run: tei-tools build {folder} -o site"
    )
    return 0
