"""The streaming exporter writes the same bytes as the in-memory one (issue 26, item 1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED
from lxml import etree

from tei_tools.cli import cli
from tei_tools.convert import convert_text
from tei_tools.errors import TeiToolsError
from tei_tools.export.html import export_html
from tei_tools.export.links import registry_entries
from tei_tools.export.stream import stream_html, stream_text
from tei_tools.export.text import export_text
from tei_tools.xml import parse_xml_file, serialize

REPO = Path(__file__).resolve().parent.parent
REGISTERS = registry_entries(())
OWN_FILES = sorted((REPO / "corpus" / "tei").glob("*.xml")) + sorted(
    (REPO / "tests" / "data").rglob("*.xml")
)


def same_exports(path: Path) -> list[bool]:
    """Compare both formats and views on ``path``; return whether each was streamed."""
    tree = parse_xml_file(path)
    streamed = []
    for view in ("reading", "diplomatic"):
        out = io.BytesIO()
        streamed.append(stream_html(path, out, registers=REGISTERS, view=view))
        assert out.getvalue() == export_html(tree, registers=REGISTERS, view=view).encode(), (
            f"{path.name}: HTML ({view}) differs"
        )
    out = io.BytesIO()
    streamed.append(stream_text(path, out, width=60))
    assert out.getvalue() == export_text(tree, width=60).encode(), f"{path.name}: text differs"
    return streamed


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.name)
def test_bundled_corpus_and_test_documents_stream_to_the_same_bytes(path):
    same_exports(path)


def test_every_shared_sample_streams_to_the_same_bytes():
    folder = SHARED / "tei-samples"
    if not folder.is_dir():
        pytest.skip(f"needs the shared samples at {folder} (absent on a user's clone)")
    compared = streamed = 0
    for path in sorted(folder.glob("*.xml")):
        try:
            parse_xml_file(path)
        except TeiToolsError:  # samples the parser refuses have no export to compare
            continue
        streamed += all(same_exports(path))
        compared += 1
    assert compared > 50
    assert streamed > compared * 3 // 4  # most are streamed, not handed to the in-memory writer


def test_converted_seeds_stream_to_the_same_bytes(tmp_path):
    for source in sorted((REPO / "corpus" / "source").glob("*.txt")):
        path = tmp_path / (source.stem + ".xml")
        path.write_bytes(serialize(convert_text(source.read_text(encoding="utf-8"))))
        assert all(same_exports(path))


EDGE_CASES = """<?xml version="1.0"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
 <teiHeader><fileDesc><titleStmt><title>Corpus<note>on the title</note></title></titleStmt>
  <sourceDesc><bibl>Printed in the text</bibl><bibl>Only here</bibl></sourceDesc></fileDesc>
  <profileDesc><particDesc><listPerson><person xml:id="p1"><persName>Ann</persName>
   <note>about Ann</note></person></listPerson></particDesc></profileDesc>
  <encodingDesc><listPrefixDef><prefixDef ident="x" matchPattern="(.+)"
   replacementPattern="https://example.org/$1"/></listPrefixDef></encodingDesc></teiHeader>
 <TEI><teiHeader><fileDesc><titleStmt><title>One</title></titleStmt></fileDesc></teiHeader>
  <text><body><!-- a comment --> before <div type="a" xml:id="d1"><head>First</head>
   <p>A <persName ref="#p1">name</persName> and <ref target="#late">a late id</ref>
   <ref target="x:y">prefixed</ref><note>one</note>.</p><pb n="2"/><!-- c -->
   <date when="1918-01-31" calendar="#julian" when-custom="1918-01-18">18 January</date>
   <date when="1918-01-31">31 January</date>
   <lb break="no"/><div><head>Inner</head><p>deep<note>two<note>nested</note></note></p></div>
   <bibl>Printed in the text</bibl> tail text <supplied>added</supplied>
  </div> after</body></text></TEI>
 <TEI><teiHeader><fileDesc><titleStmt><title>Two</title></titleStmt></fileDesc></teiHeader>
  <text xml:lang="de"><front><p>Front<note>three</note></p></front><body>
   <div1><p xml:id="late">Late</p><list><label>1</label><item>a</item></list></div1>
   <l>a line</l><l>another</l></body><back><div><p>Back</p></div></back></text>
  <standOff><listAnnotation><note>stand-off</note></listAnnotation></standOff></TEI>
</teiCorpus>
"""


def test_the_walk_keeps_what_blocks_look_at_across_divisions(tmp_path):
    # Comments and text between divisions, a dual date and a break between blocks,
    # notes in the title, in notes and in the header's lists, ids defined after use.
    path = tmp_path / "edge.xml"
    path.write_text(EDGE_CASES, encoding="utf-8")
    assert all(same_exports(path))


def test_a_document_with_a_doctype_is_exported_in_memory_with_the_same_output(tmp_path):
    path = tmp_path / "doctype.xml"
    path.write_text(
        '<!DOCTYPE TEI><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body>'
        "</text></TEI>",
        encoding="utf-8",
    )
    assert same_exports(path) == [False, False, False]


def test_a_broken_file_is_reported_with_its_line_before_anything_is_written(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>\n<p></text>', "utf-8")
    out = io.BytesIO()
    with pytest.raises(TeiToolsError) as caught:
        stream_html(path, out)
    assert caught.value.line == 2
    assert out.getvalue() == b""


def test_the_export_command_streams_on_request_with_the_same_output(tmp_path):
    path = tmp_path / "edge.xml"
    path.write_text(EDGE_CASES, encoding="utf-8")
    runner = CliRunner()
    for fmt in ("html", "text"):
        outputs = []
        for mode in ("always", "never"):
            target = tmp_path / f"{mode}.{fmt}"
            done = runner.invoke(
                cli, ["export", fmt, str(path), "-o", str(target), "--streaming", mode]
            )
            assert done.exit_code == 0, done.output
            outputs.append(target.read_bytes())
        assert outputs[0] == outputs[1]


def test_streaming_memory_does_not_follow_the_document(tmp_path, monkeypatch):
    # 4,000 paragraphs with a note each: the tree the walk keeps is what one chunk holds.
    t = "{http://www.tei-c.org/ns/1.0}"
    root = etree.Element(f"{t}TEI")
    div = etree.SubElement(
        etree.SubElement(etree.SubElement(root, f"{t}text"), f"{t}body"), f"{t}div"
    )
    for number in range(4000):
        p = etree.SubElement(div, f"{t}p")
        p.text = f"Paragraph {number}"
        etree.SubElement(p, f"{t}note").text = "a note"
    path = tmp_path / "long.xml"
    path.write_bytes(serialize(root))
    from tei_tools.export import stream

    sizes = []
    original = stream._flush

    def measuring(writer, frame, upto):
        original(writer, frame, upto)
        sizes.append(sum(1 for _ in frame.element.getroottree().getroot().iter()))

    monkeypatch.setattr(stream, "_flush", measuring)
    monkeypatch.setattr(stream, "CHUNK", 4096)  # the parser reads ahead one chunk
    out = io.BytesIO()
    assert stream_html(path, out)
    assert len(sizes) > 50  # a flush at each chunk's end
    assert max(sizes) < 400  # of 8,000 elements
    assert out.getvalue().count(b'class="tei-note"') == 4000
