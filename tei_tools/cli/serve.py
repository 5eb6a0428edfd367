"""``tei-tools serve``: preview a built site over HTTP on this machine."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("site", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-p",
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 (0: any free port).",
)
def serve(site: Path, port: int) -> int:
    """Serve the built SITE at http://127.0.0.1:PORT/ until interrupted (Ctrl-C)."""
    from tei_tools.corpus.serve import make_server
    from tei_tools.errors import UsageError

    try:
        server = make_server(site, port=port)
    except OSError as error:
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error}") from None
    click.echo(f"Serving {site} at {server.url} (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
