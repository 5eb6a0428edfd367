"""The site's page images without a browser: IIIF manifests, IIIF services, no needless image work."""

from __future__ import annotations

import json

import pytest
from facsimile_corpus import make_collection, page_image

from tei_tools.corpus import build, check_links

pytest.importorskip("PIL", reason="the facsimile extra (Pillow) is not installed")
BASE = "https://example.org/scans/"

SERVICE_TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>A folio served by IIIF</title></titleStmt>
    <publicationStmt><p>Test material.</p></publicationStmt>
    <sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc></teiHeader>
  <facsimile><surface xml:id="s1">
    <graphic url="https://iiif.example.org/iiif/3/folio-1/info.json" width="4000px" height="5000px"/>
  </surface></facsimile>
  <text><body><div><pb n="1" facs="#s1"/><p>Text of the folio.</p></div></body></text>
</TEI>
"""


@pytest.fixture()
def collection(tmp_path):
    root = make_collection(tmp_path / "corpus")
    settings = root / "tei-tools.toml"
    settings.write_text(f'base_url = "{BASE}"\n' + settings.read_text(encoding="utf-8"))
    (root / "tei" / "served.xml").write_text(SERVICE_TEI, encoding="utf-8")
    return root


def _build(collection, site, **options):
    return build(collection, site, jobs=1, pdf=False, search="none", quiet=True, **options)


def test_each_document_with_images_has_a_manifest_the_iiif_models_accept(collection, tmp_path):
    from iiif_prezi3 import Collection, Manifest

    site = tmp_path / "site"
    _build(collection, site)
    assert check_links(site) == []
    data = json.loads((site / "iiif" / "letter" / "manifest.json").read_text(encoding="utf-8"))
    Manifest(**data)  # raises on a manifest the Presentation 3 models refuse
    assert data["id"] == BASE + "iiif/letter/manifest.json"
    assert [c["label"] for c in data["items"]] == [
        {"none": ["1"]},
        {"none": ["2"]},
        {"none": ["3"]},
    ]
    bodies = [c["items"][0]["items"][0]["body"] for c in data["items"]]
    for canvas, body in zip(data["items"], bodies):
        assert (canvas["width"], canvas["height"]) == (1800, 2600)  # the original's size
        assert (body["width"], body["height"]) == (1108, 1600)  # the web copy painted on it
        assert body["id"].startswith(BASE + "facsimile/letter/")
        assert (site / body["id"][len(BASE) :]).is_file()
    assert data["homepage"][0]["id"] == BASE + "documents/letter.html"
    assert {m["label"]["en"][0]: m["value"] for m in data["metadata"]}["Date"]
    listing = json.loads((site / "iiif" / "collection.json").read_text(encoding="utf-8"))
    Collection(**listing)
    assert sorted(item["id"] for item in listing["items"]) == [
        BASE + f"iiif/{stem}/manifest.json" for stem in ("letter", "served", "zoned")
    ]
    for stem in ("served", "zoned"):
        Manifest(**json.loads((site / "iiif" / stem / "manifest.json").read_text("utf-8")))
    assert not (site / "iiif" / "plain").exists()
    page = (site / "documents" / "letter.html").read_text(encoding="utf-8")
    assert 'href="../iiif/letter/manifest.json"' in page


def test_a_iiif_image_service_is_referenced_not_copied(collection, tmp_path):
    site = tmp_path / "site"
    _build(collection, site)
    assert not (site / "facsimile" / "served").exists()
    data = json.loads((site / "iiif" / "served" / "manifest.json").read_text(encoding="utf-8"))
    body = data["items"][0]["items"][0]["items"][0]["body"]
    assert body["service"] == [
        {
            "id": "https://iiif.example.org/iiif/3/folio-1",
            "type": "ImageService3",
            "profile": "level0",
        }
    ]
    page = (site / "documents" / "served.html").read_text(encoding="utf-8")
    assert 'data-service="https://iiif.example.org/iiif/3/folio-1/info.json"' in page
    assert 'src="https://iiif.example.org/iiif/3/folio-1/full/!1600,1600/0/default.jpg"' in page


def test_without_base_url_no_manifest_is_written(tmp_path):
    site = tmp_path / "site"
    _build(make_collection(tmp_path / "corpus"), site)
    assert (site / "facsimile" / "letter").is_dir()
    assert not (site / "iiif").exists()


def test_a_rebuild_reduces_only_the_images_that_changed(collection, tmp_path, monkeypatch):
    import tei_tools.corpus.facsimile as facsimile

    site = tmp_path / "site"
    _build(collection, site)
    reduced: list[str] = []
    real = facsimile.reduce_image

    def counting(source: str) -> tuple[bytes, bytes]:
        reduced.append(source)
        return real(source)

    monkeypatch.setattr(facsimile, "reduce_image", counting)
    again = _build(collection, site)
    assert (again.built, reduced) == (0, [])
    # The text changes, its images do not: the document is rebuilt, no image is reduced.
    letter = collection / "source" / "letter.txt"
    letter.write_text(letter.read_text(encoding="utf-8") + "\nA postscript.\n", encoding="utf-8")
    again = _build(collection, site)
    assert (again.built, reduced) == (1, [])
    # One page image changes: its web copy and thumbnail are made again, nothing else.
    old = sorted(p.name for p in (site / "facsimile" / "letter").iterdir())
    page_image(collection / "images" / "letter" / "p2.png", (1700, 2600), "page 2, rescanned")
    again = _build(collection, site)
    assert again.built == 1
    assert [source.rsplit("/", 1)[-1] for source in reduced] == ["p2.png"]
    new = sorted(p.name for p in (site / "facsimile" / "letter").iterdir())
    assert len(new) == len(old) == 6 and len(set(new) - set(old)) == 2


def test_an_image_pillow_cannot_read_leaves_its_page_text_only(tmp_path):
    root = make_collection(tmp_path / "corpus")
    broken = root / "images" / "zoned" / "f1.png"
    broken.write_bytes(b"not an image at all")
    site = tmp_path / "site"
    result = _build(root, site)
    assert {d.stem: d.status for d in result.documents}["zoned"] == "valid"
    page = (site / "documents" / "zoned.html").read_text(encoding="utf-8")
    assert "aside" not in page and "The first line" in page
    assert check_links(site) == []


def test_many_page_images_are_reduced_in_worker_processes_with_the_same_result(tmp_path):
    from PIL import Image

    root = make_collection(tmp_path / "corpus")
    folder = root / "images" / "letter"
    for number in range(4, 21):  # 20 pages: several batches for two workers
        page_image(folder / f"p{number}.png", (400, 600), f"page {number}")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build(root, serial, jobs=1, pdf=False, search="none", quiet=True)
    build(root, parallel, jobs=2, pdf=False, search="none", quiet=True)
    names = sorted(p.name for p in (serial / "facsimile" / "letter").iterdir())
    assert len(names) == 40
    assert names == sorted(p.name for p in (parallel / "facsimile" / "letter").iterdir())
    for name in names:
        one, two = serial / "facsimile" / "letter" / name, parallel / "facsimile" / "letter" / name
        assert one.read_bytes() == two.read_bytes()
        surface = int(name.split("-")[1])  # surface-N-SIGNATURE[-thumb].jpg
        # Pages 1-3 are 1800 x 2600 scans, the others 400 x 600: reduced, never enlarged.
        expected = 240 if name.endswith("-thumb.jpg") else 1600 if surface <= 3 else 600
        with Image.open(one) as image:
            assert max(image.size) == expected, name


def test_without_pillow_convert_and_build_name_the_extra_in_one_line(tmp_path):
    from test_missing_extras import assert_one_line_naming, run_without

    root = make_collection(tmp_path / "corpus")
    target = tmp_path / "letter.xml"
    result = run_without(["PIL"], "convert", str(root / "source" / "letter.txt"), "-o", str(target))
    assert_one_line_naming(result, "facsimile")
    assert not target.exists()
    site = tmp_path / "site"
    result = run_without(["PIL"], "build", str(root), "-o", str(site))
    assert_one_line_naming(result, "facsimile")
    assert not site.exists()


def test_an_image_outside_the_collection_is_not_published(tmp_path):
    root = make_collection(tmp_path / "corpus")
    outside = tmp_path / "private.png"
    page_image(outside, (300, 400), "not for the site")
    (root / "images" / "zoned" / "f1.png").unlink()
    (root / "images" / "zoned" / "f1.png").symlink_to(outside)
    tei = root / "tei" / "zoned.xml"
    tei.write_text(
        tei.read_text(encoding="utf-8").replace(
            "</facsimile>",
            '<surface xml:id="f2"><graphic url="../../private.png"/></surface></facsimile>',
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    _build(root, site)
    assert not (site / "facsimile" / "zoned").exists()
    assert "aside" not in (site / "documents" / "zoned.html").read_text(encoding="utf-8")
