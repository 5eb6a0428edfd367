"""The enricher: what it marks in a block depends on the document, never on the order of asking."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from tei_tools.markup.dates import parse_date
from tei_tools.markup.enrich import Enricher, document_date_of
from tei_tools.reading.layout import read_document
from tei_tools.reading.profiles import load_profile

# Dates without a year in the second and third paragraphs take their year from the
# first paragraph's "28 February 1917", not from the document's date (1918).
LETTER = """A LETTER ON THE COMMITTEE

Petrograd, 5 March 1918

    The committee first met on 28 February 1917, with Josiah Hartwell in the chair.

    It met again on 4 April, when Hartwell read the report of 2 March.

    On 10 May it was dissolved.
"""


@pytest.fixture(scope="module")
def profile():
    return load_profile("generic")


def _enricher(profile):
    doc = read_document(LETTER, profile, source_name="letter.txt")
    return doc, Enricher(doc, profile)


def test_annotate_gives_the_same_spans_in_any_order_and_any_number_of_times(profile):
    doc, in_order = _enricher(profile)
    expected = [in_order.annotate(block) for block in doc.blocks]
    assert any(span.attrs.get("when") == "1917-04-04" for spans in expected for span in spans)

    _, shuffled = _enricher(profile)
    backwards = {block: shuffled.annotate(block) for block in reversed(doc.blocks)}
    again = [shuffled.annotate(block) for block in doc.blocks]
    assert [backwards[block] for block in doc.blocks] == expected
    assert again == expected
    assert [f.as_dict() for f in shuffled.findings] == [f.as_dict() for f in in_order.findings]


def test_a_yearless_date_takes_the_year_of_the_last_dated_paragraph(profile):
    doc, enricher = _enricher(profile)
    whens = [
        s.attrs.get("when") for b in doc.blocks for s in enricher.annotate(b) if s.tag == "date"
    ]
    assert "1917-04-04" in whens and "1917-05-10" in whens


def test_a_block_of_another_document_is_refused(profile):
    _, enricher = _enricher(profile)
    other = read_document("OTHER\n\n    A paragraph on 4 April.\n", profile, source_name="o.txt")
    block = next(b for b in other.blocks if b.kind == "p")
    with pytest.raises(ValueError, match=r"not a block of letter\.txt"):
        enricher.annotate(block)


@pytest.mark.parametrize(
    ("dateline", "day"),
    [("March 1918", dt.date(1918, 3, 15)), ("5 March 1918", dt.date(1918, 3, 5))],
)
def test_a_document_dated_by_a_month_is_dated_from_its_middle(dateline, day):
    # The same rule as a month written in the text: a later "March 14" is of that year.
    assert document_date_of(parse_date(dateline)) == day


def test_the_review_report_and_the_quick_fix_propose_the_same_id_for_a_cyrillic_name(tmp_path):
    pytest.importorskip("lsprotocol", reason="the language server's types (lsp extra) are absent")
    from tei_tools.convert import convert_bytes
    from tei_tools.lsp.actions import register_entry_actions
    from tei_tools.lsp.document import DocumentView
    from tei_tools.lsp.registers import WorkspaceRegisters
    from tei_tools.review.registers import new_xml_id

    converted = convert_bytes(
        "A TITLE\n\n    Yesterday General Щербачёв arrived at the front.\n".encode(),
        source_name="letter.txt",
    )
    (finding,) = [f for f in converted.findings if f.text == "Щербачёв"]
    reported = finding.suggestion["entry"]
    # Transliterated, and clear of the shipped register's per:shcherbachev (General
    # Shcherbachev, whose entry has no Cyrillic form).
    xml_id = etree.fromstring(reported).get("{http://www.w3.org/XML/1998/namespace}id")
    assert xml_id == "shcherbachev-2"

    document = tmp_path / "letter.xml"
    text = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>General '
        "<persName>Щербачёв</persName></p></body></text></TEI>"
    )
    document.write_text(text, encoding="utf-8")
    actions = register_entry_actions(
        DocumentView(text, document),
        document.as_uri(),
        text.index("Щербачёв") + 1,
        registers=WorkspaceRegisters([]),
        can_create_files=True,
    )
    assert [a.title for a in actions][-1] == f'Add register entry "per:{xml_id}" for "Щербачёв"'
    edits = [
        e.new_text for c in actions[0].edit.document_changes if hasattr(c, "edits") for e in c.edits
    ]
    assert any(reported in edit for edit in edits[1:])
    # The review application names the entry it creates by the same rule.
    assert new_xml_id(("Щербачёв",), {"shcherbachev"}) == xml_id


def test_a_place_marked_inside_a_bodys_name_is_in_the_review_report_too():
    from tei_tools.convert import convert_bytes

    converted = convert_bytes(
        b"Letter\n\nWe write to our President and Council of Fort St. George by this ship.\n",
        source_name="letter.txt",
    )
    reported = {(f.kind, f.text, f.type) for f in converted.findings}
    assert ("unlinked-name", "Council of Fort St. George", "orgName") in reported
    assert ("unlinked-name", "Fort St. George", "placeName") in reported
