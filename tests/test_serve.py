"""``tei-tools serve``: a built site over HTTP on the loopback address."""

from __future__ import annotations

import threading
import urllib.request

import pytest

from tei_tools.corpus.serve import make_server
from tei_tools.errors import InputError


def test_preview_server_serves_the_site_on_loopback_only(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>home</title>", encoding="utf-8")
    (tmp_path / "wasm.en.pagefind").write_bytes(b"\0")
    server = make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        with urllib.request.urlopen(server.url) as response:
            assert b"<title>home</title>" in response.read()
        with urllib.request.urlopen(server.url + "wasm.en.pagefind") as response:
            assert response.headers["Content-Type"] == "application/octet-stream"
    finally:
        server.shutdown()
        server.server_close()


def test_serving_a_folder_that_is_not_a_site_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a built site"):
        make_server(tmp_path, port=0)


def test_the_serve_command_serves_the_site_until_interrupted(tmp_path):
    import os
    import re
    import signal
    import subprocess
    import sys

    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>home</title>", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "tei_tools", "serve", str(tmp_path), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        with urllib.request.urlopen(url.group(), timeout=10) as response:
            assert b"<title>home</title>" in response.read()
        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def test_the_serve_command_refuses_a_folder_that_is_not_a_site_in_one_line(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tei_tools", "serve", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == InputError.exit_code
    (line,) = result.stderr.strip().splitlines()
    assert "not a built site" in line and "tei-tools build" in line


@pytest.fixture
def served(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>home</title>", encoding="utf-8")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "a.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / ".tei-tools-cache").mkdir()
    (tmp_path / ".tei-tools-cache" / "manifest.json").write_text("{}", encoding="utf-8")
    server = make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def status(port: int, path: str, host: str = "127.0.0.1") -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    return connection.getresponse().status


def test_preview_lists_no_folder_and_hides_the_build_cache(served):
    assert status(served, "/documents/a.html") == 200
    assert status(served, "/documents/") == 404
    assert status(served, "/.tei-tools-cache/manifest.json") == 404
    assert status(served, "/.tei-tools-cache/") == 404


def test_preview_answers_a_bad_path_with_400_and_keeps_serving(served):
    assert status(served, "/%00") == 400
    assert status(served, "/%ff%fe") == 400
    assert status(served, "/") == 200


def test_preview_refuses_a_foreign_host_name(served):
    assert status(served, "/", host="attacker.example") == 403
    assert status(served, "/", host="localhost:8000") == 200
