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
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tei_tools.errors import InputError

#: Loopback only: the preview is never reachable from another machine.
HOST = "127.0.0.1"
#: The names a request may give in its Host header (as the review app accepts).
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})


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

    def do_GET(self) -> None:
        if self._refused():
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        if self._refused():
            return
        super().do_HEAD()

    def _refused(self) -> bool:
        """Answer the requests a preview must not serve; True when one was answered.

        A ``Host`` other than the loopback names is refused (a page of another
        site that rebinds its name to 127.0.0.1 cannot read the preview), a
        path that cannot name a file is a 400, and hidden entries (the build's
        ``.tei-tools-cache/`` with its manifest and lock) are not found.
        """
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        if host not in LOCAL_HOSTS:
            self.send_error(HTTPStatus.FORBIDDEN, "preview answers only 127.0.0.1 and localhost")
            return True
        path = unquote(urlsplit(self.path).path, errors="strict")
        if "\x00" in path or "\\" in path or any(ord(c) < 32 for c in path):
            self.send_error(HTTPStatus.BAD_REQUEST, "not a path of the site")
            return True
        if any(part.startswith(".") for part in path.split("/") if part):
            self.send_error(HTTPStatus.NOT_FOUND)
            return True
        return False

    def list_directory(self, path):
        """No folder listings: a folder without index.html is not found."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except UnicodeDecodeError:
            self.send_error(HTTPStatus.BAD_REQUEST, "not a path of the site")


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
