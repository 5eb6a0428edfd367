"""``tei-tools review``: the editorial review application for a corpus."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--editor", help="Who decides [default: git's user.name, else the login name].")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, show_default=True, help="0: a free port."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the review in the browser.")
def review(corpus: Path, editor: str | None, port: int, open_browser: bool) -> None:
    """Review the automatic markup of CORPUS in the browser (on 127.0.0.1 only).

    Decisions are kept in CORPUS/review/ and new register entries in
    CORPUS/registers/; `convert` and `build` apply them.  Needs the 'review'
    extra: pip install 'tei-tools[review]'.
    """
    import importlib

    from tei_tools.errors import MissingExtraError
    from tei_tools.markup.decisions.store import default_editor

    # Every package of the extra, before any work: the server imports uvicorn only
    # when it starts, after the session has begun converting the corpus.
    for package in ("starlette", "jinja2", "uvicorn"):
        try:
            importlib.import_module(package)
        except ImportError:
            raise MissingExtraError("tei-tools review", "review", package) from None
    from tei_tools.review.server import serve

    def announce(url: str) -> None:
        click.echo(f"tei-tools review: serving {corpus} for {who}; open\n    {url}", err=True)

    who = editor or default_editor()
    serve(corpus, editor=who, port=port, open_browser=open_browser, announce=announce)
