"""The convert batch in the library: one error policy, and a collection's decisions found as build finds them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from review_corpus import make_corpus, place

from tei_tools.batch import ConvertBatch
from tei_tools.errors import InputError, UsageError
from tei_tools.markup.decisions.store import decisions_bytes, decisions_for, decisions_from_bytes
from tei_tools.xml import serialize

GOOD = b"A TITLE\n\n5 March 1918\n\n    Some text.\n"


def _run(batch, sources, write=None):
    written = {}
    outcomes = list(
        batch.run(
            [(name, name + ".xml") for name in sources],
            read=lambda name: sources[name],
            write=write or (lambda target, tree: written.setdefault(target, tree)),
        )
    )
    return outcomes, written


def test_a_failing_file_of_several_is_kept_with_its_message_and_the_batch_goes_on():
    batch = ConvertBatch()
    outcomes, written = _run(batch, {"a": GOOD, "b": b"\x00\x01binary", "c": GOOD})
    assert sorted(written) == ["a.xml", "c.xml"]
    assert [o.name for o in outcomes if o.error] == ["b"]
    assert batch.summary.converted == 2 and [n for n, _ in batch.summary.failed] == ["b"]
    assert batch.summary.status == 1  # a file that is not text is an input error


def test_the_error_of_a_single_file_is_raised():
    with pytest.raises(InputError, match="empty file"):
        _run(ConvertBatch(), {"only": b""})


def test_an_output_that_cannot_be_written_stops_the_batch_naming_it():
    def refuse(target, tree):
        raise PermissionError(13, "Permission denied")

    with pytest.raises(UsageError, match=r"cannot write a\.xml: Permission denied"):
        _run(ConvertBatch(), {"a": GOOD, "b": GOOD}, write=refuse)


def test_a_batch_without_failures_has_status_zero_and_the_findings_of_every_file():
    batch = ConvertBatch()
    _run(batch, {"a": GOOD, "b": b"A TITLE\n\n    Mr. Zabolotny wrote.\n"})
    assert batch.summary.status == 0 and batch.summary.failed == []
    assert [(f.document, f.text) for f in batch.summary.findings] == [("b", "Mr. Zabolotny")]


def test_convert_and_build_apply_the_same_decisions_to_a_reviewed_document(tmp_path):
    from tei_tools.corpus import build
    from tei_tools.review.session import ReviewSession

    corpus = make_corpus(tmp_path)
    session = ReviewSession(corpus, editor="Jane Doe")
    state = session.document("1917-12-03_telegram")
    start, end = place(state.stream.text, "Mr. Jones")
    session.decide(
        state.stem, version=state.decisions.version, start=start, end=end, action="reject"
    )
    source = corpus / "source" / "1917-12-03_telegram.txt"
    found = decisions_for(corpus, source.stem)
    assert found is not None and [d.action for d in found.decisions] == ["reject"]
    assert decisions_from_bytes(decisions_bytes(corpus, source.stem), source.stem) == found

    conversion = ConvertBatch().convert(source.read_bytes(), str(source), source)
    assert conversion.review is not None and conversion.review.not_applied == []
    build(corpus, tmp_path / "site", jobs=1, search="none", pdf=False)
    built = (tmp_path / "site" / "tei" / "1917-12-03_telegram.xml").read_bytes()
    assert serialize(conversion.tree) == built


def test_the_convert_command_imports_nothing_of_the_review_application():
    import tei_tools.cli.convert as command

    tree = ast.parse(Path(command.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [name for name in imported if name.startswith("tei_tools.review")]
    assert "tei_tools.batch" in imported
