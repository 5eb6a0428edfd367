"""A citable edition: permanent addresses, stable numbers, the cite line, meta tags and a sitemap.

The bundled corpus is built once per module with a ``base_url``, a version,
editors, a publisher, a licence and one assigned document number; smaller
collections check what changes without them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree, html
from test_build import TROTSKY, site_files, tei_document

from tei_tools.corpus import build, check_links
from tei_tools.errors import ProfileError

BASE = "https://editions.example.org/degras/"
SEED = "1917-11-30_reply-from-trotsky-to-british-embassy"
ROBINS = "1918-03-05_note-to-robins"

SETTINGS = f"""\
profile = "degras"
title = "Documents on Soviet Foreign Policy"
language = "en"
dual_dates_before = "1918-02-14"
publisher = "The Example Society"
licence = "CC BY 4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
base_url = "{BASE.rstrip("/")}"
version = "1.2"

[[editors]]
name = "Ann Editor"
role = "editor"

[[editors]]
name = "Ben Encoder"
role = "encoding"

[numbers]
{SEED} = 1
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("citable")
    collection = work / "corpus"
    shutil.copytree(REPO / "corpus" / "source", collection / "source")
    (collection / "tei-tools.toml").write_text(SETTINGS, encoding="utf-8")
    folder = work / "site"
    result = build(collection, folder, jobs=2, search="builtin", pdf=False)
    assert result.exit_code == 0, [d.problems for d in result.failed]
    return folder


def page(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def meta(document: html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in document.xpath("//head/meta[@name]"):
        found.setdefault(tag.get("name"), []).append(tag.get("content"))
    return found


def small_collection(tmp_path: Path, settings: str = "") -> Path:
    folder = tmp_path / "corpus"
    (folder / "tei").mkdir(parents=True)
    for stem, when in (("1918-03-05_note", "1918-03-05"), ("1918-04-05_statement", "1918-04-05")):
        (folder / "tei" / f"{stem}.xml").write_bytes(tei_document("Note", when, f"{TROTSKY}."))
    (folder / "tei-tools.toml").write_text(settings, encoding="utf-8")
    return folder


def test_document_head_has_highwire_and_dublin_core_tags(site):
    tags = meta(page(site / "documents" / f"{ROBINS}.html"))
    url = f"{BASE}documents/{ROBINS}.html"
    assert tags["citation_title"][0].startswith("(Note from Trotsky) commissar for war")
    assert tags["citation_editor"] == ["Ann Editor", "Ben Encoder"]
    assert tags["citation_date"] == ["1918/03/05"]
    assert tags["citation_publisher"] == ["The Example Society"]
    assert tags["citation_public_url"] == [url]
    assert tags["citation_collection_title"] == ["Documents on Soviet Foreign Policy"]
    assert tags["DC.title"] == tags["citation_title"] and tags["DC.date"] == ["1918-03-05"]
    assert tags["DC.creator"] == ["Ann Editor", "Ben Encoder"]
    assert tags["DC.publisher"] == ["The Example Society"]
    assert tags["DC.rights"] == ["CC BY 4.0 https://creativecommons.org/licenses/by/4.0/"]
    assert tags["DC.identifier"] == [url]
    canonical = page(site / "documents" / f"{ROBINS}.html").xpath("//link[@rel='canonical']")
    assert [link.get("href") for link in canonical] == [url]


def test_cite_line_gives_permanent_address_version_and_access_date_slot(site):
    line = page(site / "documents" / f"{SEED}.html").find_class("cite-line")[0]
    text = " ".join(line.text_content().split())
    assert text.startswith("Cite this page: “Reply from Trotsky, Commissar for Foreign Affairs")
    assert "30 November 1917 (17 November 1917 O.S.). Document 1. In Documents on Soviet" in text
    assert "edited by Ann Editor and Ben Encoder. Version 1.2. The Example Society." in text
    assert text.endswith(f"Accessed [date of access]. {BASE}n/1.html.")
    assert line.get("data-style") == "chicago"
    assert line.xpath(".//a[@class='cite-url']/@href") == [f"{BASE}n/1.html"]


def test_a_numbered_document_is_cited_at_its_number_and_its_page_stays_canonical(site):
    document = page(site / "documents" / f"{SEED}.html")
    tags = meta(document)
    assert tags["citation_public_url"] == tags["DC.identifier"] == [f"{BASE}n/1.html"]
    assert tags["citation_abstract_html_url"] == [f"{BASE}documents/{SEED}.html"]
    canonical = document.xpath("//link[@rel='canonical']/@href")
    assert canonical == [f"{BASE}documents/{SEED}.html"]


def test_the_number_address_leads_to_the_document_page_it_names_canonical(site):
    assert sorted(p.name for p in (site / "n").iterdir()) == ["1.html"]
    redirect = page(site / "n" / "1.html")
    assert redirect.xpath("//meta[@http-equiv='refresh']/@content") == [
        f"0; url=../documents/{SEED}.html"
    ]
    assert redirect.xpath("//link[@rel='canonical']/@href") == [f"{BASE}documents/{SEED}.html"]
    assert redirect.xpath("//main//a/@href") == [f"../documents/{SEED}.html"]
    assert redirect.find(".//title").text == "Document 1 · Documents on Soviet Foreign Policy"
    assert (site / "documents" / f"{SEED}.html").is_file()  # links made before still work


def test_document_number_is_shown_in_the_header_block(site):
    header = page(site / "documents" / f"{SEED}.html").find_class("doc-header")[0]
    terms = dict(zip(header.xpath(".//dt/text()"), header.xpath(".//dd"), strict=True))
    assert terms["Document"].text_content() == "1"
    robins = page(site / "documents" / f"{ROBINS}.html").find_class("doc-number")[0]
    assert robins.text == ROBINS  # no number in the settings: the file name's stem


def test_sitemap_lists_every_public_page_at_the_base_url(site):
    tree = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert BASE in locations and f"{BASE}about.html" in locations
    assert f"{BASE}documents/{SEED}.html" in locations and f"{BASE}bibliography.html" in locations
    assert f"{BASE}n/1.html" not in locations  # a sitemap names canonical pages, not redirects
    assert not [u for u in locations if u.endswith(("search.html", "validation.html"))]
    assert not tree.xpath("//s:lastmod", namespaces=ns)  # a build date would break rebuilds
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots
    assert check_links(site) == []


def test_without_base_url_the_cite_line_says_there_is_no_address_and_no_sitemap(tmp_path):
    site = tmp_path / "site"
    build(small_collection(tmp_path), site, jobs=1, search="none", pdf=False)
    document = page(site / "documents" / "1918-03-05_note.html")
    line = " ".join(document.find_class("cite-line")[0].text_content().split())
    assert line.endswith("This page has no permanent web address yet.")
    assert "documents/" not in line and "Built with tei-tools" in line
    assert "citation_public_url" not in meta(document)
    assert not (site / "sitemap.xml").exists() and not (site / "robots.txt").exists()


def test_mla_style_when_the_settings_name_it(tmp_path):
    settings = f'citation_style = "mla"\nbase_url = "{BASE}"\ntitle = "Notes"\n'
    site = tmp_path / "site"
    build(small_collection(tmp_path, settings), site, jobs=1, search="none", pdf=False)
    line = page(site / "documents" / "1918-03-05_note.html").find_class("cite-line")[0]
    text = " ".join(line.text_content().split())
    assert line.get("data-style") == "mla"
    assert text.startswith("Cite this page: “Note.” Notes, built with tei-tools")
    assert text.endswith(
        f"5 March 1918, {BASE}documents/1918-03-05_note.html. Accessed [date of access]."
    )


def test_document_numbers_stay_when_a_document_is_added(tmp_path):
    collection = small_collection(
        tmp_path, 'base_url = "https://x.org/"\n[numbers]\n1918-04-05_statement = 7\n'
    )
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none", pdf=False)

    def numbers() -> dict[str, str]:
        return {
            path.stem: page(path).find_class("doc-number")[0].text
            for path in sorted((site / "documents").glob("*.html"))
        }

    before = numbers()
    earlier = tei_document("Reply", "1917-11-30", f"{TROTSKY}.")
    (collection / "tei" / "1917-11-30_reply.xml").write_bytes(earlier)
    build(collection, site, jobs=1, search="none", pdf=False)
    after = numbers()
    assert before == {"1918-03-05_note": "1918-03-05_note", "1918-04-05_statement": "7"}
    assert {stem: after[stem] for stem in before} == before
    assert after["1917-11-30_reply"] == "1917-11-30_reply"
    assert [p.name for p in (site / "n").iterdir()] == ["7.html"]


def test_a_number_address_is_kept_by_a_build_with_nothing_to_do_and_goes_with_its_number(
    tmp_path,
):
    settings = 'base_url = "https://x.org/"\n[numbers]\n1918-04-05_statement = 7\n'
    collection = small_collection(tmp_path, settings)
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none", pdf=False)
    again = build(collection, site, jobs=1, search="none", pdf=False)
    assert not again.pages_rebuilt and (site / "n" / "7.html").is_file()
    assert check_links(site) == []
    (collection / "tei-tools.toml").write_text('base_url = "https://x.org/"\n', encoding="utf-8")
    build(collection, site, jobs=1, search="none", pdf=False)
    assert not (site / "n" / "7.html").exists()
    line = page(site / "documents" / "1918-04-05_statement.html").find_class("cite-line")[0]
    assert line.xpath(".//a/@href") == ["https://x.org/documents/1918-04-05_statement.html"]


def test_same_citable_collection_gives_the_same_site_bytes(tmp_path):
    collection = small_collection(tmp_path, f'base_url = "{BASE}"\nversion = "3"\n')
    first, second = tmp_path / "a", tmp_path / "b"
    build(collection, first, jobs=1, search="builtin", pdf=False)
    build(collection, second, jobs=2, search="builtin", pdf=False)
    assert site_files(first) == site_files(second)
    assert "sitemap.xml" in site_files(first)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('base_url = "editions.example.org"', "base_url must be an http"),
        ('citation_style = "apa"', "citation_style 'apa' is unknown"),
        ("[numbers]\na = true", r"\[numbers\] 'a' must be a number or a string"),
        ('[numbers]\na = "3/4"', r"\[numbers\] 'a': '3/4' must be letters, digits"),
        ('[numbers]\na = "A1"\nb = "a1"', r"\[numbers\] 'b': 'a1' is already the number of 'a'"),
    ],
)
def test_bad_citation_settings_are_refused_with_their_line(tmp_path, line, message):
    collection = small_collection(tmp_path, f'title = "Notes"\n{line}\n')
    with pytest.raises(ProfileError, match=message) as caught:
        build(collection, tmp_path / "site", jobs=1, search="none", pdf=False)
    assert caught.value.line is not None
