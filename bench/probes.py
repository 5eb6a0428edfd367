"""Probes of issue 20: hostile documents, careless commands, killed processes.

Each probe runs ``tei-tools`` as a user would, in a subprocess of its own
session with a time-out (a probe that does not finish is killed with its whole
process group and shows as ``hang``), in a scratch folder under a temporary
directory; named pipes are made with :func:`os.mkfifo`.  The first fourteen are
the issue's failures, the last five a few of the probes that passed before it
(entity bomb, XXE, XInclude escape, script links, path traversal).

    python bench/probes.py [--only NAME ...] [--json FILE]
    python bench/probes.py --compare BEFORE.json AFTER.json   # a before/after table

To probe another tree, put it first on the path: the subprocesses run
``python -m tei_tools`` with this interpreter and inherit ``PYTHONPATH``::

    git worktree add /tmp/probe-before 5848d81~1
    PYTHONPATH=/tmp/probe-before python bench/probes.py --json before.json

Needs a POSIX system (named pipes, process groups).  The language-server probes
speak minimal JSON-RPC over stdio; the review probe needs the ``review`` extra.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

TEI = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>\n"
)
LETTER = "Letter {i}\n\nPhiladelphia, 3 March 1765.\n\nDear Brother,\n\nNews of Boston, {i}.\n"


@dataclass
class Step:
    """One command run: its exit code (None: killed after the time-out), stderr, seconds."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float

    @property
    def hung(self) -> bool:
        return self.returncode is None

    def summary(self) -> str:
        """``exit 2, 0.4 s, `first line of stderr``` (of stdout, marked, when stderr is empty)."""
        first = next((line.strip() for line in self.stderr.splitlines() if line.strip()), "")
        if not first:
            first = next((line.strip() for line in self.stdout.splitlines() if line.strip()), "")
            first = first and f"stdout: {first}"
        code = "hang" if self.hung else f"exit {self.returncode}"
        return f"{code}, {self.seconds:.1f} s" + (f", `{shorten(first, 200)}`" if first else "")


@dataclass
class Result:
    name: str
    command: str
    expected: str
    observed: str = ""
    passed: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def shorten(text: str, width: int = 90) -> str:
    text = text.replace("|", "\\|").replace("`", "'")
    return text if len(text) <= width else text[: width - 1] + "…"


def kill_group(process: subprocess.Popen) -> None:
    """End ``process`` and everything it started (its session's process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True


def popen(args: list[str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tei_tools", *args], start_new_session=True, **kwargs
    )


def run(args: list[str], timeout: float, cwd: Path | None = None) -> Step:
    """``tei-tools ARGS`` with a time-out; on time-out the whole group is killed."""
    started = time.monotonic()
    process = popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd
    )
    try:
        out, err = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        kill_group(process)
        out, err = process.communicate()
        code = None
    kill_group(process)  # workers a command left behind would hold the next probe up
    return Step(
        code,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def document(folder: Path, doctype: str, name: str = "doc.xml", body: str = TEI) -> Path:
    path = folder / name
    path.write_text(f'<?xml version="1.0"?>\n{doctype}\n{body}', encoding="utf-8")
    return path


def pe(target: Path | str) -> str:
    return f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{target}"> %p;]>'


# --- the probes: each takes a scratch folder and the time-out, fills in a Result --------------

Probe = Callable[[Path, float, Result], None]
PROBES: list[tuple[Probe, str, str, str]] = []


def probe(command: str, expected: str) -> Callable[[Probe], Probe]:
    def register(function: Probe) -> Probe:
        PROBES.append((function, function.__name__.replace("_", "-"), command, expected))
        return function

    return register


def fifo(folder: Path) -> Path:
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def refused(step: Step, result: Result) -> None:
    result.observed = step.summary()
    result.passed = (
        not step.hung and step.returncode != 0 and "refused" in step.stderr + step.stdout
    )


@probe('validate doc.xml  (%p SYSTEM "/dev/zero")', "refused, exit ≠ 0, no hang")
def validate_pe_dev_zero(tmp: Path, timeout: float, result: Result) -> None:
    refused(run(["validate", str(document(tmp, pe("/dev/zero")))], timeout), result)


@probe('validate doc.xml  (%p SYSTEM "FIFO")', "refused, exit ≠ 0, no hang")
def validate_pe_fifo(tmp: Path, timeout: float, result: Result) -> None:
    refused(run(["validate", str(document(tmp, pe(fifo(tmp))))], timeout), result)


@probe(
    'export text a.xml  (%p → FIFO), export text b.xml  (<!DOCTYPE TEI SYSTEM "FIFO">)',
    "a refused, exit ≠ 0; b: the pipe never opened (no hang)",
)
def export_fifo(tmp: Path, timeout: float, result: Result) -> None:
    pipe = fifo(tmp)
    a = document(tmp, pe(pipe), "a.xml")
    b = document(tmp, f'<!DOCTYPE TEI SYSTEM "{pipe}">', "b.xml")
    first = run(["export", "text", str(a), "-o", str(tmp / "a.txt")], timeout)
    second = run(["export", "text", str(b), "-o", str(tmp / "b.txt")], timeout)
    result.observed = f"a: {first.summary()}; b: {second.summary()}"
    result.passed = (
        not first.hung and first.returncode != 0 and "refused" in first.stderr and not second.hung
    )


@probe(
    "build c -o site  (tei/bad.xml: %p → FIFO, tei/zero.xml: %p → /dev/zero)",
    "one line per bad file, exit ≠ 0, good.html built",
)
def build_pe_fifo(tmp: Path, timeout: float, result: Result) -> None:
    corpus = tmp / "c"
    (corpus / "source").mkdir(parents=True)
    (corpus / "tei").mkdir()
    (corpus / "source" / "good.txt").write_text("A note\n\nSome text.\n", encoding="utf-8")
    document(corpus / "tei", pe(fifo(tmp)), "bad.xml")
    document(corpus / "tei", pe("/dev/zero"), "zero.xml")
    step = run(["build", str(corpus), "-o", str(tmp / "site"), "--search", "none"], timeout)
    built = (tmp / "site" / "documents" / "good.html").is_file()
    named = [
        n for n in ("bad.xml", "zero.xml") if any(n in line for line in step.stderr.splitlines())
    ]
    result.observed = (
        f"{step.summary()}; named {named or 'none'}; good.html {'built' if built else 'missing'}"
    )
    result.passed = not step.hung and step.returncode != 0 and built and len(named) == 2


@probe(
    "convert c/source/a.txt  (c/registers/persons.xml: %p → FIFO)",
    "refused naming the register, exit ≠ 0",
)
def convert_register_fifo(tmp: Path, timeout: float, result: Result) -> None:
    corpus = tmp / "c"
    (corpus / "source").mkdir(parents=True)
    (corpus / "registers").mkdir()
    (corpus / "tei-tools.toml").write_text('title = "C"\n', encoding="utf-8")
    register = corpus / "registers" / "persons.xml"
    register.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE listPerson [<!ENTITY % p SYSTEM "{fifo(tmp)}"> %p;]>\n'
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="js">'
        "<persName>John Smith</persName></person></listPerson>\n",
        encoding="utf-8",
    )
    source = corpus / "source" / "a.txt"
    source.write_text("A note\n\nJohn Smith wrote.\n", encoding="utf-8")
    step = run(["convert", str(source), "-o", str(tmp / "a.xml")], timeout)
    result.observed = step.summary()
    result.passed = not step.hung and step.returncode != 0 and "persons.xml" in step.stderr


@probe(
    "validate doc.xml  (%p → /etc/passwd, then → a missing file)",
    "same refusal for both, no content shown",
)
def validate_pe_passwd_oracle(tmp: Path, timeout: float, result: Result) -> None:
    present = Path("/etc/passwd")
    absent = tmp / "no-such-file"
    steps = [
        run(["validate", str(document(tmp, pe(t), f"{i}.xml"))], timeout)
        for i, t in enumerate((present, absent))
    ]
    messages = [
        (s.stdout + s.stderr).replace(str(t), "FILE").replace(f"{i}.xml", "DOC.xml")
        for i, (s, t) in enumerate(zip(steps, (present, absent), strict=True))
    ]
    same = messages[0] == messages[1]
    leaked = "root:" in steps[0].stdout + steps[0].stderr
    result.observed = (
        f"passwd: {steps[0].summary()}; missing: {steps[1].summary()}; "
        f"{'same' if same else 'different'} messages{'; content leaked' if leaked else ''}"
    )
    result.passed = same and not leaked and all(not s.hung and s.returncode != 0 for s in steps)


@probe(
    "validate in.xml --format json -o {in.xml, ./in.xml, hard link, symlink}",
    "exit 2 each, input unchanged",
)
def validate_output_over_input(tmp: Path, timeout: float, result: Result) -> None:
    doc = document(tmp, "", "in.xml")
    original = doc.read_bytes()
    os.link(doc, tmp / "hard.xml")
    (tmp / "soft.xml").symlink_to(doc)
    seen, ok = [], True
    for label, target in (
        ("same", doc),
        ("./", tmp / "." / "in.xml"),
        ("hard", tmp / "hard.xml"),
        ("symlink", tmp / "soft.xml"),
    ):
        step = run(["validate", str(doc), "--format", "json", "-o", str(target)], timeout)
        kept = doc.read_bytes() == original
        seen.append(
            f"{label}: {'hang' if step.hung else step.returncode}{'' if kept else ' OVERWRITTEN'}"
        )
        ok = ok and step.returncode == 2 and kept
        doc.write_bytes(original)  # hard.xml shares the inode: restored too
    result.observed = "; ".join(seen)
    result.passed = ok


@probe(
    "build c -o site -j 2 (80 letters), SIGKILL mid-way, then build again",
    "no process left; next build exit 0, lock taken over, no 'not written'",
)
def build_killed(tmp: Path, timeout: float, result: Result) -> None:
    source = tmp / "c" / "source"
    source.mkdir(parents=True)
    for i in range(80):
        stem = f"1765-{1 + i % 12:02d}-{1 + i % 28:02d}_letter-{i:03d}"
        (source / f"{stem}.txt").write_text(LETTER.format(i=i), encoding="utf-8")
    site = tmp / "site"
    args = ["build", str(tmp / "c"), "-o", str(site), "-j", "2", "--search", "builtin", "-q"]
    first = popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while len(list((site / "documents").glob("*.html"))) < 15 and time.monotonic() < deadline:
        if first.poll() is not None:
            break
        time.sleep(0.05)
    if first.poll() is not None:
        result.observed = "the first build ended before it could be killed"
        return
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    time.sleep(3)  # a worker that watches its parent notices within a second
    survivors = group_alive(first.pid)
    try:
        again = run(args, timeout)
    finally:
        kill_group(first)  # the workers that outlived it, if any
    foreign = sum("not written by tei-tools" in line for line in again.stderr.splitlines())
    took_over = "took over the lock" in again.stderr
    result.observed = (
        f"workers {'ALIVE' if survivors else 'gone'} after 3 s; again: {again.summary()}"
        f"; 'not written' lines: {foreign}; took over: {'yes' if took_over else 'no'}"
    )
    result.passed = not survivors and again.returncode == 0 and not foreign and took_over


@probe(
    "build c -o site  (source/: a FIFO, a dangling link, a link loop, good.txt)",
    "each entry reported, exit 2, good.html built",
)
def build_unreadable_entries(tmp: Path, timeout: float, result: Result) -> None:
    source = tmp / "c" / "source"
    source.mkdir(parents=True)
    (source / "good.txt").write_text("A note\n\nSome text.\n", encoding="utf-8")
    os.mkfifo(source / "pipe.txt")
    (source / "dangling.txt").symlink_to(tmp / "nowhere.txt")
    (source / "loop.txt").symlink_to(source / "loop.txt")
    step = run(["build", str(tmp / "c"), "-o", str(tmp / "site"), "--search", "none"], timeout)
    named = [n for n in ("pipe", "dangling", "loop") if f"{n}.txt" in step.stderr]
    built = (tmp / "site" / "documents" / "good.html").is_file()
    result.observed = (
        f"{step.summary()}; reported {named or 'none'}; good.html {'built' if built else 'missing'}"
    )
    result.passed = step.returncode == 2 and len(named) == 3 and built


class Lines(threading.Thread):
    """Collects a pipe's lines on a daemon thread, so that reading never blocks a probe."""

    def __init__(self, stream) -> None:
        super().__init__(daemon=True)
        self.stream, self.lines = stream, queue.Queue()
        self.start()

    def run(self) -> None:
        for line in iter(self.stream.readline, b""):
            self.lines.put(line.decode("utf-8", "replace"))

    def wait_for(self, pattern: str, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if re.search(pattern, line):
                return line
        return None


def request(
    url: str, path: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None
) -> tuple[int | str, dict, bytes]:
    """One HTTP request; a dropped connection is ``"dropped"``."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=20)
    try:
        connection.putrequest(method, path, skip_host="Host" in (headers or {}))
        for name, value in {"Content-Length": str(len(body or b"")), **(headers or {})}.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    except (ConnectionError, http.client.HTTPException, TimeoutError) as error:
        return f"dropped ({type(error).__name__})", {}, b""
    finally:
        connection.close()


@probe(
    "review c  (one decisions file corrupt); POST 1e999, deep nesting, 2 MB; GET unknown doc",
    "queue 200; each bad request 4xx",
)
def review_bad_input(tmp: Path, timeout: float, result: Result) -> None:
    corpus = tmp / "c"
    (corpus / "source").mkdir(parents=True)
    (corpus / "review").mkdir()
    for stem in ("1917-12-03_telegram", "1917-12-05_note"):
        (corpus / "source" / f"{stem}.txt").write_text(
            f"NOTE {stem}\n\n5 December 1917\n\nMr. Smith met General Barsukevich in Kiev.\n",
            encoding="utf-8",
        )
    (corpus / "review" / "1917-12-05_note.toml").write_bytes(b"this is [not toml\x00")
    started = time.monotonic()
    process = popen(["review", str(corpus), "--editor", "Probe"], stderr=subprocess.PIPE)
    try:
        line = Lines(process.stderr).wait_for(r"token=", timeout)
        if line is None:
            code = process.poll()
            result.observed = f"no URL printed ({'hang' if code is None else f'exit {code}'})"
            return
        url = line.strip()
        token = url.split("token=")[1]
        _, headers, _ = request(url, "/?token=" + token)
        cookie = headers.get("set-cookie", "").split(";")[0]
        queue_status, _, _ = request(url, "/", headers={"Cookie": cookie})
        write = {
            "Cookie": cookie,
            "x-review-token": token,
            "Content-Type": "application/json",
        }
        answers = {"queue": queue_status}
        for label, body in (
            ("1e999", b'{"start": 1e999}'),
            ("nested", b"[" * 100_000 + b"]" * 100_000),
            ("2 MB", b'{"text": "' + b"x" * 2_000_000 + b'"}'),
        ):
            answers[label] = request(
                url, "/api/doc/1917-12-03_telegram/decide", "POST", body, write
            )[0]
        answers["unknown"] = request(url, "/api/doc/no-such-document", headers={"Cookie": cookie})[
            0
        ]
        result.observed = ", ".join(f"{k} {v}" for k, v in answers.items())
        result.passed = queue_status == 200 and all(
            isinstance(v, int) and 400 <= v < 500 for k, v in answers.items() if k != "queue"
        )
    finally:
        kill_group(process)
        process.wait()
        result.observed += f"; {time.monotonic() - started:.1f} s"


@probe(
    'validate redos.xml  (2,000 ptr against prefixDef matchPattern="(a|aa)+")',
    "under 20 s, one timing warning",
)
def prefixdef_time_budget(tmp: Path, timeout: float, result: Result) -> None:
    pointers = " ".join(f'<ptr target="bad:{"a" * 28}!"/>' for _ in range(2000))
    body = TEI.replace(
        "</fileDesc></teiHeader>",
        '</fileDesc><encodingDesc><listPrefixDef><prefixDef ident="bad" matchPattern="(a|aa)+" '
        'replacementPattern="#$1"/></listPrefixDef></encodingDesc></teiHeader>',
    ).replace("<p>x</p>", f"<p>{pointers}</p>")
    step = run(["validate", str(document(tmp, "", "redos.xml", body))], timeout)
    warnings = (step.stdout + step.stderr).count("took more than")
    result.observed = f"{step.summary()}; timing warnings: {warnings}"
    result.passed = not step.hung and step.seconds < 20 and warnings == 1


def lsp_frame(payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


class LanguageClient:
    """``tei-tools lsp`` over stdio with the least JSON-RPC framing that works."""

    def __init__(self, cwd: Path) -> None:
        self.process = popen(
            ["lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
        )
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, payload: dict | bytes) -> None:
        data = payload if isinstance(payload, bytes) else lsp_frame(payload)
        try:
            self.process.stdin.write(data)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def wait_for(self, match: Callable[[dict], bool], timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if match(message):
                return message
        return None

    def initialize(self, root: Path, timeout: float) -> bool:
        self.send(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}},
            }
        )
        answered = self.wait_for(lambda m: m.get("id") == 1, timeout) is not None
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return answered

    def open(self, path: Path, text: str) -> None:
        item = {"uri": path.as_uri(), "languageId": "xml", "version": 1, "text": text}
        self.send(
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}}
        )

    def diagnostics(self, path: Path, timeout: float) -> dict | None:
        uri = path.as_uri()
        return self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            ),
            timeout,
        )

    def close(self, timeout: float) -> int | None:
        """shutdown and exit; the exit code, or None when the server outlived ``timeout``."""
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.wait_for(lambda m: m.get("id") == 99, timeout)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        finally:
            kill_group(self.process)
            self.process.wait()


@probe(
    "lsp: initialize, didOpen a.xml (%p → FIFO), didOpen b.xml, shutdown, exit",
    "diagnostics for both, exit 0",
)
def lsp_pe_fifo(tmp: Path, timeout: float, result: Result) -> None:
    started = time.monotonic()
    client = LanguageClient(tmp)
    if not client.initialize(tmp, timeout):
        result.observed = "no answer to initialize"
        client.close(5)
        return
    bad, good = tmp / "a.xml", tmp / "b.xml"
    client.open(bad, f'<?xml version="1.0"?>\n{pe(fifo(tmp))}\n{TEI}')
    first = client.diagnostics(bad, timeout)
    client.open(good, TEI.replace("<p>x</p>", "<p><bogus/></p>"))
    second = client.diagnostics(good, timeout)
    code = client.close(10)
    said = first and " / ".join(
        d["message"].replace(str(tmp), "…") for d in first["params"]["diagnostics"][:1]
    )
    result.observed = (
        f"a.xml: {'diagnostics' if first else 'none'}{f' (`{shorten(said, 60)}`)' if said else ''}; "
        f"b.xml: {'diagnostics' if second else 'none'}; exit: "
        f"{'hang' if code is None else code}; {time.monotonic() - started:.1f} s"
    )
    result.passed = bool(first and second) and code == 0


@probe(
    "lsp: initialize with Content-Length missing / 'abc' / 100000 (stdin kept open)",
    "the server exits (1) each time, never deaf",
)
def lsp_bad_framing(tmp: Path, timeout: float, result: Result) -> None:
    initialize = json.dumps(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
    ).encode()
    seen, ok = [], True
    for label, header in (
        ("missing", b"Content-Type: application/json\r\n\r\n"),
        ("abc", b"Content-Length: abc\r\n\r\n"),
        ("too long", b"Content-Length: 100000\r\n\r\n"),
    ):
        client = LanguageClient(tmp)
        client.send(header + initialize)
        try:
            code: int | None = client.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        kill_group(client.process)
        client.process.wait()
        seen.append(f"{label}: {'hang' if code is None else f'exit {code}'}")
        ok = ok and code is not None and code != 0
    result.observed = "; ".join(seen)
    result.passed = ok


@probe(
    "serve site: GET /documents/, /.tei-tools-cache/manifest.json, /%00; Host: evil.example",
    "no listing, cache 404, 400, Host refused",
)
def serve_site(tmp: Path, timeout: float, result: Result) -> None:
    site = tmp / "site"
    (site / "documents").mkdir(parents=True)
    (site / ".tei-tools-cache").mkdir()
    (site / "index.html").write_text("<html>home</html>", encoding="utf-8")
    (site / "documents" / "a.html").write_text("<html>a</html>", encoding="utf-8")
    (site / ".tei-tools-cache" / "manifest.json").write_text("{}", encoding="utf-8")
    process = popen(["serve", str(site), "-p", "0"], stderr=subprocess.PIPE)
    try:
        line = Lines(process.stderr).wait_for(r"http://", timeout)
        if line is None:
            result.observed = "no URL printed"
            return
        url = re.search(r"http://[\d.]+:\d+", line).group(0)
        listing = request(url, "/documents/")
        cache = request(url, "/.tei-tools-cache/manifest.json")[0]
        nul = request(url, "/%00")[0]
        host = request(url, "/index.html", headers={"Host": "evil.example"})[0]
        listed = listing[0] == 200 and b"a.html" in listing[2]
        result.observed = (
            f"/documents/ {listing[0]}{' (listing)' if listed else ''}, cache {cache}, "
            f"/%00 {nul}, Host evil {host}"
        )
        result.passed = not listed and cache == 404 and nul == 400 and host in (400, 403, 421)
    finally:
        kill_group(process)
        process.wait()


# --- a few that passed before issue 20 -------------------------------------------------------


@probe("validate bomb.xml  (billion laughs, 10 levels)", "refused, exit ≠ 0, under 10 s")
def entity_bomb(tmp: Path, timeout: float, result: Result) -> None:
    levels = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 11)
    ]
    doc = document(
        tmp, f"<!DOCTYPE TEI [{''.join(levels)}]>", "bomb.xml", TEI.replace(">x<", ">&e10;<")
    )
    step = run(["validate", str(doc)], timeout)
    result.observed = step.summary()
    result.passed = not step.hung and step.returncode != 0 and step.seconds < 10


@probe(
    'export text xxe.xml  (<!ENTITY x SYSTEM "file:///etc/passwd"> &x;)',
    "refused, no passwd content",
)
def xxe(tmp: Path, timeout: float, result: Result) -> None:
    doc = document(
        tmp,
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        "xxe.xml",
        TEI.replace(">x<", ">&x;<"),
    )
    step = run(["export", "text", str(doc), "-o", "-"], timeout)
    leaked = "root:" in step.stdout + step.stderr
    result.observed = step.summary() + ("; passwd LEAKED" if leaked else "")
    result.passed = not step.hung and step.returncode != 0 and not leaked


@probe('export text xi.xml  (<xi:include href="/etc/passwd" parse="text"/>)', "no passwd content")
def xinclude_escape(tmp: Path, timeout: float, result: Result) -> None:
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>'
    )
    doc = document(tmp, "", "xi.xml", TEI.replace(">x<", f">{include}<"))
    step = run(["export", "text", str(doc), "-o", "-"], timeout)
    leaked = "root:" in step.stdout + step.stderr
    result.observed = step.summary() + ("; passwd LEAKED" if leaked else "")
    result.passed = not step.hung and not leaked


@probe(
    'export html js.xml  (<ref target="javascript:alert(1)">)', "no javascript: link in the page"
)
def script_link(tmp: Path, timeout: float, result: Result) -> None:
    doc = document(
        tmp, "", "js.xml", TEI.replace(">x<", '><ref target="javascript:alert(1)">x</ref><')
    )
    out = tmp / "js.html"
    step = run(["export", "html", str(doc), "-o", str(out)], timeout)
    page = out.read_text(encoding="utf-8") if out.is_file() else ""
    linked = re.search(r"href=[\"']\s*javascript:", page, re.I) is not None
    result.observed = step.summary() + ("; javascript: LINKED" if linked else "; plain text")
    result.passed = step.returncode == 0 and not linked


@probe("serve site: GET /../../../etc/passwd, /%2e%2e/%2e%2e/etc/passwd", "no passwd content")
def serve_traversal(tmp: Path, timeout: float, result: Result) -> None:
    site = tmp / "site"
    site.mkdir()
    (site / "index.html").write_text("<html>home</html>", encoding="utf-8")
    process = popen(["serve", str(site), "-p", "0"], stderr=subprocess.PIPE)
    try:
        line = Lines(process.stderr).wait_for(r"http://", timeout)
        if line is None:
            result.observed = "no URL printed"
            return
        url = re.search(r"http://[\d.]+:\d+", line).group(0)
        answers = [request(url, p) for p in ("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd")]
        leaked = any(b"root:" in a[2] for a in answers)
        result.observed = ", ".join(str(a[0]) for a in answers) + (
            "; passwd LEAKED" if leaked else ""
        )
        result.passed = not leaked
    finally:
        kill_group(process)
        process.wait()


# --- running and the table -------------------------------------------------------------------

TIMEOUTS = {"build-killed": 300, "prefixdef-time-budget": 60, "review-bad-input": 120}


def run_probes(names: list[str], timeout: float) -> list[Result]:
    results = []
    for function, name, command, expected in PROBES:
        if names and name not in names:
            continue
        result = Result(name, command, expected)
        started = time.monotonic()
        home = os.getcwd()
        with tempfile.TemporaryDirectory(prefix=f"probe-{name}-") as scratch:
            # Commands run in the scratch folder: ``python -m`` puts the working folder
            # first on the path, and a checkout there would shadow PYTHONPATH's tree.
            os.chdir(scratch)
            try:
                function(Path(scratch), TIMEOUTS.get(name, timeout), result)
            except Exception as error:  # a probe's own failure is a row, not the end of the run
                result.observed = f"probe error: {type(error).__name__}: {error}"
                result.passed = False
            finally:
                os.chdir(home)
        result.seconds = time.monotonic() - started
        result.observed = result.observed.replace(scratch, "…")
        print(f"{name}: {'pass' if result.passed else 'FAIL'} ({result.observed})", file=sys.stderr)
        results.append(result)
    return results


def table(results: list[Result]) -> str:
    lines = ["| probe | command | expected | observed | result |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r.name} | `{shorten(r.command, 200)}` | {r.expected} | {shorten(r.observed, 400)} | "
            f"{'pass' if r.passed else '**fail**'} |"
        )
    return "\n".join(lines)


def compare(before: list[dict], after: list[dict]) -> str:
    earlier = {r["name"]: r for r in before}
    lines = ["| probe | command | expected | before | after |", "|---|---|---|---|---|"]
    for r in after:
        b = earlier.get(r["name"])
        then = (
            f"{'pass' if b['passed'] else '**fail**'}: {shorten(b['observed'], 300)}" if b else "—"
        )
        now = f"{'pass' if r['passed'] else '**fail**'}: {shorten(r['observed'], 300)}"
        command = shorten(r["command"], 200)
        lines.append(f"| {r['name']} | `{command}` | {r['expected']} | {then} | {now} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME", help="probes to run")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per command")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare(before, after))
        return 0
    results = run_probes(args.only, args.timeout)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
    print(f"\n{sum(r.passed for r in results)} of {len(results)} probes pass", file=sys.stderr)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
