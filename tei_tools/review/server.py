"""Running the review application: a socket on 127.0.0.1, a token, uvicorn.

The socket is bound here, before uvicorn starts, so that the URL printed
(with its port, possibly one the system chose) is the one that answers.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tei_tools.errors import UsageError

HOST = "127.0.0.1"


def bind_local(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: a free port the system picks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as error:
        sock.close()
        raise UsageError(f"cannot listen on {HOST}:{port}: {error.strerror or error}") from None
    sock.listen(64)
    return sock


def serve(
    corpus: str | Path,
    *,
    editor: str,
    port: int = 0,
    open_browser: bool = False,
    announce: Callable[[str], None] = lambda line: None,
) -> None:
    """Serve the review of ``corpus`` until interrupted; ``announce`` gets the URL to open."""
    import uvicorn

    from tei_tools.review.app import create_app, new_token
    from tei_tools.review.session import ReviewSession

    session = ReviewSession(corpus, editor=editor)
    # Convert and draw the documents while the editor opens the browser.
    threading.Thread(target=session.prepare, daemon=True).start()
    token = new_token()
    sock = bind_local(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/?token={token}"
    announce(url)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(create_app(session, token), log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


@contextlib.contextmanager
def serving_in_thread(session, token: str) -> Iterator[str]:
    """Serve a session from a background thread; yields the base URL (tests, benchmarks)."""
    import uvicorn

    from tei_tools.review.app import create_app

    sock = bind_local(0)
    config = uvicorn.Config(create_app(session, token), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.01)
    try:
        yield f"http://{HOST}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
