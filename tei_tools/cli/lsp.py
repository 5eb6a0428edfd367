"""``tei-tools lsp``: the TEI language server on standard input and output."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak LSP on stdin/stdout (the default; for clients that pass it).",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the server's log here (stdout carries the protocol).",
)
def lsp(stdio: bool, log_file: str | None) -> int:
    """Run the TEI language server for an editor (needs: pip install 'tei-tools[lsp]')."""
    import logging

    from tei_tools.errors import MissingExtraError

    try:
        import pygls  # noqa: F401
    except ImportError:
        raise MissingExtraError("the language server", "lsp", "pygls") from None
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO)
    from tei_tools.lsp import serve

    return serve()
