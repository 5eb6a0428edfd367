"""Reading and diplomatic views of a manuscript's source lines, in HTML (and so in PDF)."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree, html

from tei_tools.cli import cli
from tei_tools.export.html import export_html
from tei_tools.xml import TEI_NS

LETTER = (
    f'<TEI xmlns="{TEI_NS}"><text><body><p>Ich glaube an<lb/>nehmen zu dürfen, daß er Be'
    '<lb break="no"/>scheid erhält,\n<lb/>und damit wäre die Sache<lb n="9"/>in Zug.</p>'
    "</body></text></TEI>"
)


def paragraph(view: str) -> html.HtmlElement:
    page = html.fromstring(export_html(etree.fromstring(LETTER), view=view))
    return page.xpath("//div[@class='tei-text']//p")[0]


def test_reading_view_is_the_default_and_runs_source_lines_into_prose():
    p = paragraph("reading")
    assert p.text_content() == (
        "Ich glaube an nehmen zu dürfen, daß er Bescheid erhält, und damit wäre die Sache in Zug."
    )
    assert not p.xpath(".//br")
    default = html.fromstring(export_html(etree.fromstring(LETTER)))
    assert default.xpath("//div[@class='tei-text']//p")[0].text_content() == p.text_content()


def test_diplomatic_view_keeps_each_source_line_and_numbers_it():
    p = paragraph("diplomatic")
    assert len(p.xpath(".//br")) == 4
    numbers = [n.text for n in p.xpath(".//span[@class='tei-line-number']")]
    assert numbers == ["1", "2", "3", "9"]  # @n wins where the source gives it
    assert "Be2scheid" in p.text_content()  # the word is split where the line is


def test_cli_export_html_takes_a_view(tmp_path):
    source = tmp_path / "letter.xml"
    source.write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["export", "html", str(source), "-o", str(tmp_path / "out.html"), "--view", "diplomatic"],
    )
    assert result.exit_code == 0, result.output
    assert "tei-line-number" in (tmp_path / "out.html").read_text(encoding="utf-8")
