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
@click.option(
    "--log-level",
    type=click.Choice(["warning", "info", "debug"]),
    default="info",
    show_default=True,
    help="info: one line per message with its time; debug adds the payloads.",
)
def lsp(stdio: bool, log_file: str | None, log_level: str) -> int:
    """Run the TEI language server for an editor (needs: pip install 'tei-tools[lsp]')."""
    import logging

    from tei_tools.errors import MissingExtraError

    try:
        import pygls  # noqa: F401
    except ImportError:
        raise MissingExtraError("the language server", "lsp", "pygls") from None
    if log_file:
        level = getattr(logging, log_level.upper())
        logging.basicConfig(
            filename=log_file,
            level=level,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        # pygls writes every payload at INFO; only at debug do they belong in the log.
        logging.getLogger("pygls").setLevel(
            logging.DEBUG if level == logging.DEBUG else logging.WARNING
        )
    from tei_tools.lsp import serve

    return serve()
