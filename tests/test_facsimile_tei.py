"""Page images in TEI: convert writes the facsimile, validate checks every @facs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.convert import convert_file
from tei_tools.validate import validate_file
from tei_tools.xml import TEI_NS, serialize

Image = pytest.importorskip("PIL.Image", reason="the facsimile extra (Pillow) is not installed")

T = f"{{{TEI_NS}}}"
SETTINGS = """title = "Scans"
[profile]
name = "scans"
[profile.layout]
title = "auto"
page_marker = '\\[page (?P<n>\\w+)(?: (?P<image>\\S+))?\\]'
"""


def _collection(tmp_path: Path, text: str, sizes: list[tuple[int, int]]) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "tei-tools.toml").write_text(SETTINGS, encoding="utf-8")
    source = tmp_path / "source" / "letter.txt"
    source.write_text(text, encoding="utf-8")
    if sizes:
        folder = tmp_path / "images" / "letter"
        folder.mkdir(parents=True)
        # Named so that only a numeric sort puts them in page order.
        for number, size in enumerate(sizes, start=1):
            Image.new("RGB", size, (200, 190, 170)).save(folder / f"p{number * 5}.png")
    return source


LETTER = (
    "A LETTER\n\n5 March 1918\n\n[page 1]\n\nDear Sir,\n\nFirst page.\n\n"
    "[page 2]\n\nSecond page.\n\n[page 3]\n\nThird page.\n"
)


def test_each_page_marker_points_at_the_surface_of_its_image_in_page_order(tmp_path):
    source = _collection(tmp_path, LETTER, [(600, 900), (610, 900), (620, 900)])
    root = convert_file(source, markup=False).tree.getroot()
    surfaces = root.findall(f"{T}facsimile/{T}surface")
    graphics = [s.find(f"{T}graphic") for s in surfaces]
    assert [g.get("url") for g in graphics] == [
        "../images/letter/p5.png",
        "../images/letter/p10.png",
        "../images/letter/p15.png",
    ]
    assert [(g.get("width"), g.get("height")) for g in graphics] == [
        ("600px", "900px"),
        ("610px", "900px"),
        ("620px", "900px"),
    ]
    breaks = list(root.iter(f"{T}pb"))
    assert [pb.get("n") for pb in breaks] == ["1", "2", "3"]
    ids = ["#" + s.get("{http://www.w3.org/XML/1998/namespace}id") for s in surfaces]
    assert [pb.get("facs") for pb in breaks] == ids
    # The page begins before the text written on it.
    assert breaks[1].getnext().text == "Second page."


def test_a_marker_naming_its_image_takes_that_image(tmp_path):
    text = "A LETTER\n\n[page 1r p10.png]\n\nOne.\n\n[page 1v p5.png]\n\nTwo.\n"
    source = _collection(tmp_path, text, [(300, 400), (320, 400)])
    root = convert_file(source, markup=False).tree.getroot()
    by_id = {
        "#" + s.get("{http://www.w3.org/XML/1998/namespace}id"): s.find(f"{T}graphic").get("url")
        for s in root.iter(f"{T}surface")
    }
    assert [by_id[pb.get("facs")] for pb in root.iter(f"{T}pb")] == [
        "../images/letter/p10.png",
        "../images/letter/p5.png",
    ]


def test_without_images_no_facsimile_is_written(tmp_path):
    source = _collection(tmp_path, LETTER, [])
    root = convert_file(source, markup=False).tree.getroot()
    assert root.find(f"{T}facsimile") is None
    assert all(pb.get("facs") is None for pb in root.iter(f"{T}pb"))


def test_converted_facsimile_is_valid_and_every_facs_resolves(tmp_path):
    source = _collection(tmp_path, LETTER, [(600, 900), (610, 900), (620, 900)])
    target = tmp_path / "tei" / "letter.xml"
    target.parent.mkdir()
    target.write_bytes(serialize(convert_file(source, markup=False).tree))
    report = validate_file(target)
    assert report.status == "valid", [str(p) for p in report.problems]
    assert not [p for p in report.problems if (p.code or "").startswith("facs-")]


def _tei(body: str, facsimile: str = "") -> bytes:
    return (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
        f"</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
        f"</sourceDesc></fileDesc></teiHeader>{facsimile}<text><body>{body}</body></text></TEI>"
    ).encode()


def test_a_facs_naming_a_missing_file_is_reported_and_an_existing_one_is_not(tmp_path):
    (tmp_path / "scans").mkdir()
    Image.new("RGB", (10, 10)).save(tmp_path / "scans" / "f1r.png")
    path = tmp_path / "doc.xml"
    path.write_bytes(_tei('<pb facs="scans/f1r.png"/><p>a</p><pb facs="scans/f1v.png"/><p>b</p>'))
    problems = [p for p in validate_file(path).problems if p.rule == "pointer"]
    assert [(p.code, p.value) for p in problems] == [("facs-file-missing", "scans/f1v.png")]


def test_a_facs_pointing_at_a_paragraph_is_reported_but_one_at_a_zone_is_not(tmp_path):
    facsimile = (
        '<facsimile><surface xml:id="s1" ulx="0" uly="0" lrx="10" lry="10">'
        '<graphic url="https://example.org/a.jpg"/><zone xml:id="z1" ulx="1" uly="1" lrx="5" '
        'lry="5"/></surface></facsimile>'
    )
    path = tmp_path / "doc.xml"
    path.write_bytes(
        _tei('<pb facs="#s1"/><p xml:id="p1" facs="#z1">a</p><p facs="#p1">b</p>', facsimile)
    )
    problems = [p for p in validate_file(path).problems if p.rule == "pointer"]
    assert [(p.code, p.value) for p in problems] == [("facs-not-image", "#p1")]


def test_a_page_break_inside_a_paragraph_stands_in_it_between_the_words(tmp_path):
    text = (
        "A LETTER\n\n[page 1]\n\nThe first page runs on\n[page 2]\nto the second page, and\n"
        "[page 3]\nends on the third.\n\nAnother paragraph.\n"
    )
    source = _collection(tmp_path, text, [(300, 400)] * 3)
    root = convert_file(source, markup=False).tree.getroot()
    first = root.find(f"{T}text//{T}p")
    assert "".join(first.itertext()) == (
        "The first page runs on to the second page, and ends on the third."
    )
    assert [(pb.get("n"), pb.tail) for pb in first.iter(f"{T}pb")] == [
        ("2", "to the second page, and "),
        ("3", "ends on the third."),
    ]
    assert [pb.get("n") for pb in root.iter(f"{T}pb")] == ["1", "2", "3"]
    assert [pb.get("facs") for pb in root.iter(f"{T}pb")] == [
        "#surface-1",
        "#surface-2",
        "#surface-3",
    ]
