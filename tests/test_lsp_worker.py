"""The language server's validation worker: checks run in a process of their own."""

from __future__ import annotations

import os
import signal

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from tei_tools.lsp.worker import ValidationProcess

BAD = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><bad/></TEI>'


@pytest.fixture
def worker():
    process = ValidationProcess()
    yield process
    process.shutdown()


def check(worker: ValidationProcess, text: str, path, cancelled=lambda: False):
    return worker.check(
        text, path, schema=None, registers=(), extra_checks=True, cancelled=cancelled
    )


def test_the_worker_gives_the_diagnostics_of_an_in_process_check(worker, tmp_path):
    from tei_tools.lsp.diagnostics import check_text

    here = check_text(BAD, tmp_path / "a.xml")
    there = check(worker, BAD, tmp_path / "a.xml")
    assert there is not None and there.well_formed
    assert [d.message for d in there.diagnostics] == [d.message for d in here.diagnostics]
    assert [d.range for d in there.diagnostics] == [d.range for d in here.diagnostics]


def test_the_check_runs_in_another_process(worker, tmp_path):
    check(worker, BAD, tmp_path / "a.xml")
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    assert pid != os.getpid()


def test_a_check_no_longer_wanted_gives_none(worker, tmp_path):
    assert check(worker, BAD, tmp_path / "a.xml", cancelled=lambda: True) is None


def test_a_dead_worker_is_replaced_and_the_check_still_answers(worker, tmp_path):
    check(worker, BAD, tmp_path / "a.xml")
    (pid,) = worker._pool._processes  # type: ignore[union-attr]
    os.kill(pid, signal.SIGKILL)
    answers = [check(worker, BAD, tmp_path / "a.xml") for _ in range(2)]
    assert all(a is not None and a.diagnostics for a in answers)
