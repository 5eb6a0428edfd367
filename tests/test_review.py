"""Review decisions as data: anchors, the decisions file, applying them, and convert/build/validate."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree
from review_corpus import make_corpus, place

from tei_tools.cli import cli
from tei_tools.convert import convert_file, convert_text
from tei_tools.errors import InputError
from tei_tools.markup.decisions import Decision, DecisionFile, apply_decisions, load_decisions
from tei_tools.markup.decisions.anchors import Anchor, TextStream
from tei_tools.review.registers import NewEntry
from tei_tools.review.session import ReviewSession
from tei_tools.xml import TEI_NS, parse_xml_file

T = f"{{{TEI_NS}}}"
WHEN = "2026-11-28T12:00:00Z"


def decision_at(stream: TextStream, text: str, action: str, occurrence: int = 0, **fields):
    start, end = place(stream.text, text, occurrence)
    anchor = stream.anchor(start, end)
    return Decision(
        f"d-{action}-{occurrence}",
        action,
        anchor.text,
        anchor.before,
        anchor.after,
        editor="Jane Doe",
        when=WHEN,
        **fields,
    )


def names_in(tree, tag: str = "persName") -> list[etree._Element]:
    return list(tree.getroot().find(f"{T}text").iter(f"{T}{tag}"))


def test_anchor_with_unique_context_is_found_exactly():
    stream = TextStream.of_text("Lenin met Trotsky. Later Trotsky met Lenin.")
    anchor = stream.anchor(*place(stream.text, "Trotsky", 1), width=8)
    found = stream.resolve(anchor)
    assert (found.status, found.start) == ("exact", place(stream.text, "Trotsky", 1)[0])


def test_anchor_survives_an_edit_near_it():
    original = TextStream.of_text(
        "The front commander, General Barsukevich, refused to obey the order."
    )
    anchor = original.anchor(*place(original.text, "General Barsukevich"))
    edited = TextStream.of_text(
        "The front's commander, General Barsukevich, refused to obey the orders."
    )
    found = edited.resolve(anchor)
    assert found.status == "moved"
    assert edited.text[found.start : found.end] == "General Barsukevich"


def test_anchor_that_matches_twice_is_reported_not_guessed():
    stream = TextStream.of_text("Mr. Smith came. Mr. Smith came. Mr. Smith came.")
    assert stream.resolve(Anchor("Mr. Smith", "", " came.")).status == "ambiguous"


def test_anchor_whose_text_is_gone_is_lost():
    stream = TextStream.of_text("Mr. Jones came.")
    assert stream.resolve(Anchor("Mr. Smith", "", " came.")).status == "lost"


def test_decisions_file_round_trips_and_is_diff_friendly(tmp_path):
    decisions = DecisionFile(
        "doc",
        [
            Decision(
                "d-1", "link", 'Mr. "Smith"', "before\n", "after", ref="per:smith", editor="Zoë"
            )
        ],
    )
    path = tmp_path / "doc.toml"
    path.write_text(decisions.dumps(), encoding="utf-8")
    loaded = load_decisions(path)
    assert loaded.decisions == decisions.decisions
    assert 'text = "Mr. \\"Smith\\""' in path.read_text(encoding="utf-8")
    assert "version = 1" in path.read_text(encoding="utf-8")


def test_decisions_file_of_unknown_version_is_refused(tmp_path):
    path = tmp_path / "doc.toml"
    path.write_text('format = "tei-tools-review-decisions"\nversion = 99\n', encoding="utf-8")
    with pytest.raises(InputError, match="version 99"):
        load_decisions(path)


def test_accepted_name_loses_low_certainty_and_points_at_its_editor(tmp_path):
    corpus = make_corpus(tmp_path)
    tree = convert_file(corpus / "source" / "1917-12-03_telegram.txt").tree
    mark = next(n for n in names_in(tree) if "Barsukevich" in "".join(n.itertext()))
    mark.set("cert", "low")  # the converter's "found, not linked" flag
    stream = TextStream.of_tree(tree)
    report = apply_decisions(tree, [decision_at(stream, "General Barsukevich", "accept")])
    assert not report.not_applied
    assert mark.get("cert") is None and mark.get("resp") == "#review-jane-doe"
    header = tree.getroot().find(f"{T}teiHeader")
    resp = header.find(
        f".//{T}respStmt[@{{http://www.w3.org/XML/1998/namespace}}id='review-jane-doe']"
    )
    assert resp is not None and resp.findtext(f"{T}persName") == "Jane Doe"
    change = header.find(f"{T}revisionDesc/{T}change")
    assert change.get("who") == "#review-jane-doe" and change.get("when") == "2026-11-28"


def test_reviewed_document_stays_valid_tei(tmp_path, project_schema):
    corpus = make_corpus(tmp_path)
    tree = convert_file(corpus / "source" / "1917-12-03_telegram.txt").tree
    stream = TextStream.of_tree(tree)
    decisions = [
        decision_at(stream, "Mr. Jones", "reject"),
        decision_at(stream, "Mr. Smith", "link", ref="per:lenin"),
        decision_at(stream, "31 February 1918", "date", value="1918-02-28", calendar="julian"),
        decision_at(stream, "General Barsukevich", "extent", extent="Barsukevich"),
        decision_at(stream, "Mr. Smith", "retype", 1, new_type="orgName"),
    ]
    report = apply_decisions(tree, decisions)
    assert report.not_applied == []
    assert project_schema.validate(tree), project_schema.error_log
    body = etree.tostring(tree.getroot().find(f"{T}text"), encoding="unicode")
    assert "Mr. Jones</persName>" not in body.split("stayed")[0]
    assert (
        '<date calendar="#julian" when-custom="1918-02-28" datingMethod="#julian" when="1918-03-13"'
        in body
    )
    assert 'General <persName cert="low" resp="#review-jane-doe">Barsukevich</persName>' in body


def test_reject_keeps_the_text_exactly():
    tree = convert_text("A TITLE\n\n5 March 1918\n\n    Yes, Mr. Smith wrote.\n")
    before = "".join(tree.getroot().find(f"{T}text").itertext())
    stream = TextStream.of_tree(tree)
    apply_decisions(tree, [decision_at(stream, "Mr. Smith", "reject")])
    assert "".join(tree.getroot().find(f"{T}text").itertext()) == before
    assert not [n for n in names_in(tree) if "Smith" in "".join(n.itertext())]


def test_decision_whose_anchor_is_lost_is_reported_and_applied_nowhere(tmp_path):
    tree = convert_text("A TITLE\n\n5 March 1918\n\n    Mr. Smith wrote to Mr. Brown.\n")
    lost = Decision("d-1", "reject", "Mr. Jones", "", " wrote", editor="E", when=WHEN)
    report = apply_decisions(tree, [lost])
    assert [d.id for d, _ in report.not_applied] == ["d-1"]
    assert len(names_in(tree)) == 2
    assert "no longer in the document" in report.messages("doc")[0]


def session_with_decisions(corpus, editor="Jane Doe") -> ReviewSession:
    session = ReviewSession(corpus, editor=editor)
    state = session.document("1917-12-03_telegram")
    text = state.stream.text
    version = state.decisions.version
    for action, name, fields in (
        ("reject", "Mr. Jones", {}),
        ("link", "Mr. Smith", {"ref": "per:lenin"}),
        ("date", "31 February 1918", {"value": "1918-02-28", "calendar": "julian"}),
    ):
        start, end = place(text, name)
        version = session.decide(
            state.stem, version=version, start=start, end=end, action=action, **fields
        )["version"]
    start, end = place(text, "General Barsukevich")
    session.create_entry(
        state.stem,
        version=version,
        start=start,
        end=end,
        entry=NewEntry(
            "persName", ("Barsukevich", "Pavel Barsukevich"), "1857", "1932", "Q4200017"
        ),
    )
    return session


def test_convert_applies_the_corpus_decisions_and_registers(tmp_path):
    corpus = make_corpus(tmp_path)
    session_with_decisions(corpus)
    source = corpus / "source" / "1917-12-03_telegram.txt"
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = etree.tostring(parse_xml_file(out).getroot().find(f"{T}text"), encoding="unicode")
    assert '<persName ref="per:barsukevich"' in body
    assert (
        '<persName ref="per:lenin" resp="#review-jane-doe"><roleName>Mr.</roleName> Smith' in body
    )
    assert "Mr. Jones was present" in body
    # The other document links the new entry by itself, from the collection's register.
    other = convert_file(corpus / "source" / "1917-12-05_note.txt")
    assert "per:barsukevich" not in etree.tostring(other.tree, encoding="unicode")
    result = CliRunner().invoke(
        cli, ["convert", str(corpus / "source" / "1917-12-05_note.txt"), "-o", str(out)]
    )
    assert 'ref="per:barsukevich"' in out.read_text(encoding="utf-8")


def test_convert_warns_about_a_decision_that_no_longer_matches(tmp_path):
    corpus = make_corpus(tmp_path)
    session_with_decisions(corpus)
    source = corpus / "source" / "1917-12-03_telegram.txt"
    source.write_text(source.read_text().replace("Mr. Jones was present", "Mr. Brown was present"))
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == 0
    assert "review decision" in result.output and "not applied" in result.output


def test_small_edit_of_the_source_keeps_every_decision(tmp_path):
    corpus = make_corpus(tmp_path)
    session_with_decisions(corpus)
    source = corpus / "source" / "1917-12-03_telegram.txt"
    edited = source.read_text().replace("has refused to obey", "has flatly refused to obey")
    source.write_text(edited.replace("met Lenin in", "met  Lenin\n    in"))
    decisions = load_decisions(corpus / "review" / "1917-12-03_telegram.toml")
    result = convert_file(source, decisions=decisions)
    assert result.review.not_applied == []
    assert len(result.review.applied) == 4


def test_build_applies_decisions_and_validates_against_the_collection_registers(tmp_path):
    from tei_tools.corpus import build

    corpus = make_corpus(tmp_path)
    session_with_decisions(corpus)
    result = build(corpus, tmp_path / "site", jobs=1, search="none", pdf=False)
    assert result.exit_code == 0, [d.problems for d in result.documents]
    tei = (tmp_path / "site" / "tei" / "1917-12-03_telegram.xml").read_text(encoding="utf-8")
    assert 'ref="per:barsukevich"' in tei and "<revisionDesc>" in tei
    note = (tmp_path / "site" / "tei" / "1917-12-05_note.xml").read_text(encoding="utf-8")
    assert 'ref="per:barsukevich"' in note
    # A new decision rebuilds that document only.
    session = ReviewSession(corpus, editor="Jane Doe")
    state = session.document("1917-12-05_note")
    start, end = place(state.stream.text, "Mr. Smith")
    session.decide(
        state.stem, version=state.decisions.version, start=start, end=end, action="reject"
    )
    again = build(corpus, tmp_path / "site", jobs=1, search="none", pdf=False)
    assert (again.built, again.reused) == (1, 1)


def test_validate_reads_the_collection_registers_by_itself(tmp_path):
    corpus = make_corpus(tmp_path)
    session_with_decisions(corpus)
    (corpus / "tei").mkdir()
    source = corpus / "source" / "1917-12-03_telegram.txt"
    target = corpus / "tei" / "1917-12-03_telegram.xml"
    assert CliRunner().invoke(cli, ["convert", str(source), "-o", str(target)]).exit_code == 0
    result = CliRunner().invoke(cli, ["validate", str(target)])
    assert result.exit_code == 0, result.output
