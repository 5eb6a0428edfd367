"""Robust: no file read that the user did not allow, no hang, no output over an input.

A hang is a test with a time-out: each probe runs the command in a subprocess
that must finish within seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tei_tools.errors import TeiToolsError
from tei_tools.xml import parse_xml_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>\n'


def run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """``tei-tools ARGS`` in a session of its own; past ``timeout`` it fails the test.

    On a time-out the whole process group is killed: a build's workers stuck on a
    pipe would otherwise outlive the test run.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "tei_tools", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def document(tmp_path: Path, doctype: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0"?>\n{doctype}\n{TEI}', encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "export"])
def test_a_parameter_entity_naming_a_pipe_is_refused_without_opening_it(tmp_path, fifo, command):
    doc = document(tmp_path, f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{fifo}"> %p;]>')
    args = [command, str(doc)] if command == "validate" else ["export", "text", str(doc)]
    result = run(*args, timeout=20)
    assert result.returncode != 0
    assert "refused" in (result.stdout + result.stderr)


def test_an_external_subset_naming_a_pipe_does_not_hang(tmp_path, fifo):
    doc = document(tmp_path, f'<!DOCTYPE TEI SYSTEM "{fifo}">')
    result = run("validate", str(doc), timeout=20)
    assert result.returncode in (1, 2)


def test_a_refusal_reads_the_same_whether_the_file_exists_or_not(tmp_path):
    present = tmp_path / "secret.txt"
    present.write_text("root:x:0:0\n", encoding="utf-8")
    messages = []
    for target in (present, tmp_path / "absent.txt"):
        data = f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{target}"> %p;]>\n{TEI}'.encode()
        with pytest.raises(TeiToolsError) as refused:
            parse_xml_bytes(data, source="doc.xml")
        messages.append(refused.value.message.replace(str(target), "FILE"))
    assert messages[0] == messages[1]
    assert "root:x" not in messages[0]


def test_a_pipe_given_as_an_input_is_refused(fifo):
    for args in (["validate", str(fifo)], ["export", "text", str(fifo)], ["convert", str(fifo)]):
        result = run(*args, timeout=20)
        assert result.returncode != 0, args
        assert "not a regular file" in result.stderr + result.stdout, args


def test_local_dtd_reads_only_regular_files_of_at_most_one_megabyte(tmp_path, fifo):
    big = tmp_path / "big.dtd"
    big.write_bytes(b"<!-- " + b"x" * (1024 * 1024) + b" -->")
    for target in (big.name, fifo.name):
        doc = document(tmp_path, f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{target}"> %p;]>')
        result = run("validate", "--allow-local-dtd", str(doc), timeout=20)
        assert result.returncode == 2, (target, result.stdout, result.stderr)


# --- outputs never over inputs ------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["same", "dot", "hard", "symbolic"])
def test_validate_refuses_a_report_over_its_input(tmp_path, spelling):
    doc = document(tmp_path, "")
    original = doc.read_bytes()
    target = {
        "same": doc,
        "dot": tmp_path / "." / doc.name,
        "hard": tmp_path / "hard.xml",
        "symbolic": tmp_path / "soft.xml",
    }[spelling]
    if spelling == "hard":
        os.link(doc, target)
    if spelling == "symbolic":
        target.symlink_to(doc)
    result = run("validate", str(doc), "--format", "json", "-o", str(target))
    assert result.returncode == 2
    assert "refusing to write over the input" in result.stderr
    assert doc.read_bytes() == original


# --- build reports what it cannot read ----------------------------------------------------


def test_build_reports_every_unreadable_entry_and_builds_the_rest(tmp_path, fifo):
    corpus = tmp_path / "corpus"
    (corpus / "source").mkdir(parents=True)
    (corpus / "source" / "good.txt").write_text("A note\n\nSome text.\n", encoding="utf-8")
    os.mkfifo(corpus / "source" / "pipe.txt")
    (corpus / "source" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "source" / "loop.txt").symlink_to(corpus / "source" / "loop.txt")
    result = run("build", str(corpus), "-o", str(tmp_path / "site"), "--search", "none", timeout=60)
    assert result.returncode == 2
    for name, reason in (
        ("pipe.txt", "not a regular file"),
        ("dangling.txt", "dangling symbolic link"),
        ("loop.txt", "symbolic link loop"),
    ):
        assert any(name in line and reason in line for line in result.stderr.splitlines()), name
    assert (tmp_path / "site" / "documents" / "good.html").is_file()


@pytest.mark.parametrize("target", ["pipe", "/dev/zero"])
def test_build_refuses_a_document_whose_subset_names_a_device_and_builds_the_rest(
    tmp_path, fifo, target
):
    corpus = tmp_path / "corpus"
    (corpus / "source").mkdir(parents=True)
    (corpus / "tei").mkdir()
    (corpus / "source" / "good.txt").write_text("A note\n\nSome text.\n", encoding="utf-8")
    named = fifo if target == "pipe" else Path(target)
    document(corpus / "tei", f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{named}"> %p;]>', "bad.xml")
    # A subprocess with a time-out: before the resolver, libxml2 opened the pipe or
    # /dev/zero and the build never ended.
    result = run("build", str(corpus), "-o", str(tmp_path / "site"), "--search", "none", timeout=60)
    assert result.returncode != 0
    refusals = [line for line in result.stderr.splitlines() if "refused" in line]
    assert len(refusals) == 1 and "bad.xml" in refusals[0] and str(named) in refusals[0]
    assert (tmp_path / "site" / "documents" / "good.html").is_file()


def collection_with_register(tmp_path: Path, named: Path, given: str) -> tuple[Path, Path]:
    """A collection of one text whose register's internal subset loads ``named``.

    ``given``: the register is in ``registers/`` (read by every command), named by
    the settings' ``registers`` list, or given with ``--register``.
    """
    corpus = tmp_path / "corpus"
    (corpus / "source").mkdir(parents=True)
    folder = corpus / ("registers" if given == "folder" else "extra")
    folder.mkdir()
    settings = 'title = "C"\n' + (
        'registers = ["extra/persons.xml"]\n' if given == "settings" else ""
    )
    (corpus / "tei-tools.toml").write_text(settings, encoding="utf-8")
    register = folder / "persons.xml"
    register.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE listPerson [<!ENTITY % p SYSTEM "{named}"> %p;]>\n'
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="js">'
        "<persName>John Smith</persName></person></listPerson>\n",
        encoding="utf-8",
    )
    (corpus / "source" / "a.txt").write_text("A note\n\nJohn Smith wrote.\n", encoding="utf-8")
    return corpus, register


@pytest.mark.parametrize("target", ["pipe", "/dev/zero"])
@pytest.mark.parametrize("given", ["folder", "option"])
def test_convert_refuses_a_register_whose_subset_names_a_device(tmp_path, fifo, target, given):
    corpus, register = collection_with_register(
        tmp_path, fifo if target == "pipe" else Path(target), given
    )
    source = corpus / "source" / "a.txt"
    extra = ["--register", str(register)] if given == "option" else []
    result = run("convert", str(source), "-o", str(tmp_path / "a.xml"), *extra, timeout=60)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tei-tools: error: {register}") and "refused" in line
    assert not (tmp_path / "a.xml").exists()


@pytest.mark.parametrize("target", ["pipe", "/dev/zero"])
@pytest.mark.parametrize("given", ["folder", "settings"])
def test_build_refuses_a_register_whose_subset_names_a_device(tmp_path, fifo, target, given):
    corpus, register = collection_with_register(
        tmp_path, fifo if target == "pipe" else Path(target), given
    )
    result = run("build", str(corpus), "-o", str(tmp_path / "site"), "--search", "none", timeout=60)
    assert result.returncode == 1
    refusals = [line for line in result.stderr.splitlines() if "refused" in line]
    assert len(refusals) == 1 and refusals[0].startswith(f"tei-tools: error: {register}")


# --- the language server's framing ----------------------------------------------------------


def lsp_message(payload: dict, length: int | None = None) -> bytes:
    import json

    body = json.dumps(payload).encode()
    return f"Content-Length: {len(body) if length is None else length}\r\n\r\n".encode() + body


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"processId": None, "rootUri": None, "capabilities": {}},
}


@pytest.mark.parametrize(
    "framing",
    [
        b"Content-Type: application/json\r\n\r\n",  # no Content-Length
        b"Content-Length: abc\r\n\r\n",
        b"Content-Length: -5\r\n\r\n",
        b"Content-Length: 10\r\n\r\n",  # too short: the body is not JSON
        b"Content-Length: 100000\r\n\r\n",  # too long: the body never completes
        b"",  # no header at all
    ],
    ids=["missing", "not-a-number", "negative", "too-short", "too-long", "no-header"],
)
def test_language_server_exits_on_bad_framing_instead_of_hanging(framing):
    pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
    import json

    process = subprocess.Popen(
        [sys.executable, "-m", "tei_tools", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(framing + json.dumps(INITIALIZE).encode())
    process.stdin.flush()  # and keep stdin open: a deaf server would wait for ever
    try:
        assert process.wait(timeout=40) == 1
    finally:
        process.kill()
        process.communicate()


def test_language_server_exits_with_zero_after_shutdown_and_exit():
    pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
    process = subprocess.Popen(
        [sys.executable, "-m", "tei_tools", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(
        lsp_message(INITIALIZE)
        + lsp_message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + lsp_message({"jsonrpc": "2.0", "method": "exit"})
    )
    process.stdin.flush()
    try:
        assert process.wait(timeout=40) == 0
    finally:
        process.kill()
        process.communicate()


# --- prefixDef patterns: one time budget per document -----------------------------------------


def test_a_catastrophic_prefix_pattern_costs_one_timeout_per_document(tmp_path):
    import time

    from tei_tools.validate import validate

    pointers = " ".join(f'<ptr target="bad:{"a" * 28}!"/>' for _ in range(2000))
    doc = tmp_path / "redos.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
        "</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
        '</sourceDesc></fileDesc><encodingDesc><listPrefixDef><prefixDef ident="bad" '
        'matchPattern="(a|aa)+" replacementPattern="#$1"/></listPrefixDef></encodingDesc>'
        f"</teiHeader><text><body><p>{pointers}</p></body></text></TEI>",
        encoding="utf-8",
    )
    started = time.perf_counter()
    report = validate([doc])
    assert time.perf_counter() - started < 20  # was 104 s: a 0.05 s timeout per pointer
    messages = [p.message for f in report.files for p in f.problems if p.rule == "pointer"]
    assert sum("took more than" in m for m in messages) == 1
    assert any("1999 more pointer(s)" in m for m in messages)


# --- a killed build -------------------------------------------------------------------------


def site_bytes(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and ".tei-tools-cache" not in p.parts
    }


@pytest.mark.slow
def test_a_killed_build_leaves_no_worker_and_the_next_build_finishes_the_site(tmp_path):
    import time

    source = tmp_path / "corpus" / "source"
    source.mkdir(parents=True)
    for i in range(80):
        source.joinpath(f"1765-{1 + i % 12:02d}-{1 + i % 28:02d}_letter-{i:03d}.txt").write_text(
            f"Letter {i}\n\nPhiladelphia, 3 March 1765.\n\nDear Brother,\n\nNews of Boston, {i}.\n",
            encoding="utf-8",
        )

    def build(site: Path) -> subprocess.Popen[bytes]:
        command = ["build", str(tmp_path / "corpus"), "-o", str(site), "-j", "2"]
        return subprocess.Popen(
            [sys.executable, "-m", "tei_tools", *command, "--search", "builtin"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    clean = build(tmp_path / "clean")
    assert clean.wait(timeout=300) == 0
    killed = build(tmp_path / "site")
    documents = tmp_path / "site" / "documents"
    deadline = time.monotonic() + 120
    while len(list(documents.glob("*.html"))) < 15 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(killed.pid, 0)  # still running: the kill below interrupts it
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    time.sleep(3)  # the workers notice within a second
    with pytest.raises(ProcessLookupError):
        os.killpg(killed.pid, 0)  # no process of the killed build's group is left
    again = build(tmp_path / "site")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert b"took over the lock" in err
    assert b"not written by tei-tools" not in err
    assert site_bytes(tmp_path / "site") == site_bytes(tmp_path / "clean")


# --- validate says what it did not use ------------------------------------------------------

MINIMAL = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"
)


def test_an_xml_model_that_cannot_be_used_is_a_warning_naming_the_fallback(tmp_path):
    from tei_tools.validate import validate

    doc = tmp_path / "model.xml"
    doc.write_text(
        '<?xml version="1.0"?>\n'
        '<?xml-model href="https://example.org/lite.rng" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<?xml-model href="missing.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        + MINIMAL,
        encoding="utf-8",
    )
    [report] = validate([doc]).files
    notes = [(p.line, p.message) for p in report.problems if p.rule == "schema"]
    assert [line for line, _ in notes] == [2, 3]
    assert "on the network" in notes[0][1] and "tei_all.rng instead" in notes[0][1]
    assert "was not found" in notes[1][1]
    assert report.status == "valid"  # warnings: the verdict is tei_all's


def test_a_pointer_into_a_missing_register_entry_names_the_options(tmp_path):
    from tei_tools.validate import validate

    doc = tmp_path / "p.xml"
    doc.write_text(
        MINIMAL.replace("<p>x</p>", '<p><persName ref="persons.xml#nobody">N</persName></p>'),
        encoding="utf-8",
    )
    (tmp_path / "persons.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p xml:id="somebody"/></body></text>'
        "</TEI>",
        encoding="utf-8",
    )
    [report] = validate([doc]).files
    [pointer] = [p for p in report.problems if p.rule == "pointer"]
    assert "--register" in pointer.message and "--lenient" in pointer.message


def test_a_tei_root_without_the_namespace_says_to_add_it(tmp_path):
    from tei_tools.validate import validate

    doc = tmp_path / "nons.xml"
    doc.write_text("<TEI><teiHeader/><text><body><p>x</p></body></text></TEI>", encoding="utf-8")
    [report] = validate([doc]).files
    assert 'add xmlns="http://www.tei-c.org/ns/1.0"' in report.problems[0].message


def test_a_bad_value_in_a_closed_list_names_the_allowed_values(tmp_path):
    from tei_tools.validate import validate

    doc = tmp_path / "part.xml"
    doc.write_text(MINIMAL.replace("<p>x</p>", '<p part="Q">x</p>'), encoding="utf-8")
    [report] = validate([doc]).files
    [problem] = [p for p in report.problems if p.rule == "rng"]
    assert problem.message.endswith('allowed: "F", "I", "M", "N", "Y"')
