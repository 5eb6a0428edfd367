"""A local HTTP preview of a built site: ``tei-tools serve SITE``.

Opening ``index.html`` from disk works (search falls back to the built-in
index), but some browsers restrict ``file://`` pages and Pagefind needs
HTTP.  This is Python's own static file server, bound to the loopback
address only: a preview for the editor, not a public web server.

>>> server = make_server("site", port=0)   # doctest: +SKIP
>>> server.url                              # doctest: +SKIP
'http://127.0.0.1:40123/'
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from tei_tools.errors import InputError

#: Loopback only: the preview is never reachable from another machine.
HOST = "127.0.0.1"


class PreviewServer(http.server.ThreadingHTTPServer):
    """The preview server; ``url`` is where the site's home page is."""

    daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the right type for Pagefind's WebAssembly and no per-request log."""

    extensions_map = {  # noqa: RUF012 - overrides the base class's instance attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
    }

    def log_message(self, format: str, *args) -> None:
        pass


def make_server(site: str | Path, *, port: int = 8000) -> PreviewServer:
    """A server for ``site`` on ``127.0.0.1:port`` (``port=0``: any free port); not yet serving.

    Raises :class:`~tei_tools.errors.InputError` when ``site`` has no ``index.html``.
    """
    folder = Path(site)
    if not (folder / "index.html").is_file():
        raise InputError(
            "not a built site (no index.html); run tei-tools build first", file=str(site)
        )
    handler = functools.partial(_QuietHandler, directory=str(folder.resolve()))
    return PreviewServer((HOST, port), handler)
