"""tei-tools build: a collection folder becomes a complete, linked, incremental site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from lxml import etree, html

from tei_tools.cli import cli
from tei_tools.corpus import build, check_links
from tei_tools.corpus.cache import DEFAULT_CACHE_DIR
from tei_tools.xml import TEI_NS

T = f"{{{TEI_NS}}}"


def tei_document(
    title: str, when: str, body: str, *, source: str = "Izvestiya, 1 Dec 1917"
) -> bytes:
    """A small valid TEI document, built as a tree (titles, a creation date, names, a source)."""
    body_xml = f'<div xmlns="{TEI_NS}"><head>{title}</head><p>{body}</p></div>'
    root = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(root, f"{T}teiHeader")
    file_desc = etree.SubElement(header, f"{T}fileDesc")
    etree.SubElement(etree.SubElement(file_desc, f"{T}titleStmt"), f"{T}title").text = title
    etree.SubElement(etree.SubElement(file_desc, f"{T}publicationStmt"), f"{T}p").text = "Test."
    bibl = etree.SubElement(etree.SubElement(file_desc, f"{T}sourceDesc"), f"{T}bibl")
    bibl.text = source
    encoding = etree.SubElement(header, f"{T}encodingDesc")
    prefixes = etree.SubElement(encoding, f"{T}listPrefixDef")
    for ident, register in (("per", "persons"), ("org", "orgs"), ("pla", "places")):
        definition = etree.SubElement(prefixes, f"{T}prefixDef")
        definition.attrib.update(
            {"ident": ident, "matchPattern": "(.+)", "replacementPattern": f"r/{register}.xml#$1"}
        )
    creation = etree.SubElement(etree.SubElement(header, f"{T}profileDesc"), f"{T}creation")
    etree.SubElement(creation, f"{T}date", when=when).text = when
    text = etree.SubElement(etree.SubElement(root, f"{T}text"), f"{T}body")
    text.append(etree.fromstring(body_xml))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


TROTSKY = '<persName ref="per:trotsky">Trotsky</persName>'
LENIN = '<persName ref="per:lenin">Lenin</persName>'


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "tei").mkdir(parents=True)
    docs = {
        "1917-11-30_reply": tei_document("Reply", "1917-11-30", f"From {TROTSKY} to the embassy."),
        "1918-03-05_note": tei_document("Note", "1918-03-05", f"{LENIN} and {TROTSKY} agree."),
        "1918-04-05_statement": tei_document(
            "Statement", "1918-04-05", "Vladivostok landing.", source="Pravda, 6 Apr 1918"
        ),
    }
    for stem, data in docs.items():
        (folder / "tei" / f"{stem}.xml").write_bytes(data)
    # Russia's calendar change: the site shows dates before 14 February 1918 in both styles.
    (folder / "tei-tools.toml").write_text('[calendar]\nconvention = "russia"\n', encoding="utf-8")
    return folder


def site_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and DEFAULT_CACHE_DIR not in p.parts
    }


@pytest.mark.slow
def test_site_has_every_page_and_no_broken_links(collection, tmp_path):
    site = tmp_path / "site"
    result = build(collection, site, jobs=1, search="builtin")
    assert result.exit_code == 0, [d.problems for d in result.failed]
    for page in (
        "index.html",
        "chronology.html",
        "persons.html",
        "orgs.html",
        "places.html",
        "bibliography.html",
        "validation.html",
        "search.html",
        "search-index.js",
    ):
        assert (site / page).is_file(), page
    for stem in ("1917-11-30_reply", "1918-03-05_note", "1918-04-05_statement"):
        assert (site / "documents" / f"{stem}.html").is_file()
        assert (site / "tei" / f"{stem}.xml").is_file()
        assert (site / "text" / f"{stem}.txt").is_file()
    assert check_links(site) == []


def test_person_index_lists_the_documents_naming_each_person(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    page = etree.parse(str(site / "persons.html"), etree.HTMLParser())
    entry = page.find(".//dt[@id='per-trotsky']")
    assert entry is not None
    links = [a.get("href") for a in entry.getnext().iter("a")]
    assert links == ["documents/1917-11-30_reply.html", "documents/1918-03-05_note.html"]
    lenin = page.find(".//dt[@id='per-lenin']").getnext()
    assert [a.get("href") for a in lenin.iter("a")] == ["documents/1918-03-05_note.html"]


def test_document_page_links_names_to_the_site_index(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    page = (site / "documents" / "1917-11-30_reply.html").read_text(encoding="utf-8")
    assert 'href="../persons.html#per-trotsky"' in page
    assert "registers/persons.xml" not in page


def test_home_page_lists_documents_by_date(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    page = etree.parse(str(site / "index.html"), etree.HTMLParser())
    hrefs = [a.get("href") for a in page.iterfind(".//ol[@class='documents']//a")]
    assert hrefs == [
        "documents/1917-11-30_reply.html",
        "documents/1918-03-05_note.html",
        "documents/1918-04-05_statement.html",
    ]


def test_chronology_shows_dates_before_the_calendar_change_in_both_styles(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    page = (site / "chronology.html").read_text(encoding="utf-8")
    # New Style first, the Old Style reading beside it, labelled; no label after 1918.
    assert '<time datetime="1917-11-30">30 November 1917</time>' in page
    assert '(17 November 1917 <abbr title="Old Style (Julian calendar)">O.S.</abbr>)' in page
    assert "5 April 1918</time></span>" in page
    assert 'id="y1917-11"' in page and 'id="y1918-04"' in page


def test_bibliography_lists_each_source_with_its_documents(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    page = etree.parse(str(site / "bibliography.html"), etree.HTMLParser())
    terms = {
        " ".join("".join(item.find("p").itertext()).split()): [
            a.get("href") for a in item.iter("a")
        ]
        for item in page.xpath("//ol[@class='bibliography']/li")
    }
    assert terms["Pravda, 6 Apr 1918"] == ["documents/1918-04-05_statement.html"]
    assert len(terms["Izvestiya, 1 Dec 1917"]) == 2


def test_bibliography_shows_the_collection_from_its_register_record(tmp_path):
    # The degras profile names bib:degras-documents: the bundled corpus's headers point
    # to it, and the entry reads as the record, not as "Documents ..., edited by ...".
    folder = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", folder)
    site = tmp_path / "site"
    build(folder, site, jobs=1, search="none", pdf=False)
    page = html.fromstring((site / "bibliography.html").read_bytes())
    entry = page.get_element_by_id("bib-degras-documents")
    record = " ".join(entry.find_class("bibl-record")[0].text_content().split())
    assert record == (
        "Degras, Jane, ed. Soviet Documents on Foreign Policy. London: Oxford University Press "
        "for the Royal Institute of International Affairs, 1951–1953."
    )
    assert entry.find_class("bibl-cited")[0].text == "Cited in 4 documents:"
    records = [" ".join(p.text_content().split()) for p in page.find_class("bibl-record")]
    assert not any("edited by Jane Degras" in r for r in records)
    # The document page's "Printed in" line links the entry.
    doc = html.fromstring((site / "documents" / "1918-03-05_note-to-robins.html").read_bytes())
    assert doc.xpath("//a[contains(@href, 'bibliography.html#bib-degras-documents')]")


def test_bad_files_are_reported_and_every_other_document_is_built(collection, tmp_path):
    (collection / "tei" / "broken.xml").write_bytes(b"<TEI><unclosed></TEI>")
    (collection / "tei" / "binary.xml").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    invalid = tei_document("Invalid", "1918-01-01", "text").replace(b"<p>text</p>", b"<bogus/>")
    (collection / "tei" / "invalid.xml").write_bytes(invalid)
    site = tmp_path / "site"
    result = build(collection, site, jobs=1, search="builtin")
    assert result.exit_code == 1
    statuses = {d.stem: d.status for d in result.documents}
    assert statuses["broken"] == "unreadable"
    assert statuses["binary"] == "unreadable"
    assert statuses["invalid"] == "invalid"
    assert statuses["1918-03-05_note"] == "valid"
    assert (site / "documents" / "1918-03-05_note.html").is_file()
    assert (site / "documents" / "invalid.html").is_file()  # invalid, but readable: still shown
    assert not (site / "documents" / "broken.html").exists()
    report = (site / "validation.html").read_text(encoding="utf-8")
    assert "not well-formed" in report and "broken.xml" in report and "binary" in report
    assert check_links(site) == []


def test_no_change_rebuild_builds_and_writes_nothing(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="builtin")
    before = site_files(site)
    again = build(collection, site, jobs=1, search="builtin")
    assert (again.built, again.reused, again.written, again.pages_rebuilt) == (0, 3, 0, False)
    assert site_files(site) == before


def test_one_changed_file_rebuilds_its_page_and_the_indexes_only(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="builtin")
    other = site / "documents" / "1918-03-05_note.html"
    other_stat = other.stat().st_mtime_ns
    changed = tei_document("Statement", "1918-04-05", f"{TROTSKY} on the landing.")
    (collection / "tei" / "1918-04-05_statement.xml").write_bytes(changed)
    again = build(collection, site, jobs=1, search="builtin")
    assert (again.built, again.reused, again.pages_rebuilt) == (1, 2, True)
    assert other.stat().st_mtime_ns == other_stat
    persons = (site / "persons.html").read_text(encoding="utf-8")
    assert persons.count("documents/1918-04-05_statement.html") == 1


def test_removed_document_disappears_from_the_site(collection, tmp_path):
    site = tmp_path / "site"
    build(collection, site, jobs=1, search="none")
    (site / "notes.txt").write_text("the editor's own file")
    (collection / "tei" / "1918-03-05_note.xml").unlink()
    again = build(collection, site, jobs=1, search="none")
    assert not (site / "documents" / "1918-03-05_note.html").exists()
    assert not (site / "tei" / "1918-03-05_note.xml").exists()
    assert (site / "notes.txt").read_text() == "the editor's own file"
    assert not [p for p in site.rglob("1918-03-05_note.*")]
    assert again.removed == (4 if (site / "pdf").is_dir() else 3)  # page, TEI, text (+ PDF)
    assert check_links(site) == []


def test_same_collection_gives_the_same_site_bytes(collection, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(collection, first, jobs=1, search="builtin")
    build(collection, second, jobs=2, search="builtin")
    assert site_files(first) == site_files(second)


def test_source_text_wins_over_the_committed_tei_of_the_same_stem(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "source").mkdir(parents=True)
    (folder / "tei").mkdir()
    (folder / "source" / "1918-01-01_a.txt").write_text(
        "A NOTE\n\n1 January 1918\n\n    Some text.\n", encoding="utf-8"
    )
    (folder / "tei" / "1918-01-01_a.xml").write_bytes(b"<not-used/>")
    result = build(folder, tmp_path / "site", jobs=1, search="none")
    assert [(d.stem, d.kind) for d in result.documents] == [("1918-01-01_a", "source")]
    assert result.shadowed == [folder / "tei" / "1918-01-01_a.xml"]


def test_settings_file_with_an_unknown_key_is_refused(collection, tmp_path):
    from tei_tools.errors import ProfileError

    (collection / "tei-tools.toml").write_text('profile = "generic"\ntitel = "typo"\n')
    with pytest.raises(ProfileError, match="titel"):
        build(collection, tmp_path / "site", jobs=1, search="none")


def test_settings_file_sets_the_site_title(collection, tmp_path):
    (collection / "tei-tools.toml").write_text('title = "Soviet notes"\n')
    build(collection, tmp_path / "site", jobs=1, search="none")
    assert "<title>Soviet notes</title>" in (tmp_path / "site" / "index.html").read_text()


def test_cli_prints_a_line_per_document_and_exits_1_on_a_bad_file(collection, tmp_path):
    (collection / "tei" / "broken.xml").write_bytes(b"<TEI>")
    site = tmp_path / "site"
    result = CliRunner().invoke(
        cli,
        ["build", str(collection), "-o", str(site), "--jobs", "1", "--search", "none"],
        standalone_mode=False,
    )
    assert result.exception is None, result.output
    assert result.return_value == 1
    assert re.search(r"\[\d/4\] .*broken\.xml: unreadable", result.output)
    assert "broken.xml:1" in result.output
    assert "1 unreadable" in result.output


def test_cli_quiet_prints_only_failures_and_the_summary(collection, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(collection),
            "-o",
            str(tmp_path / "site"),
            "-j",
            "1",
            "--search",
            "none",
            "-q",
        ],
        standalone_mode=False,
    )
    assert result.return_value == 0
    assert "[1/3]" not in result.output
    assert result.output.count("\n") == 1 and "3 valid" in result.output


def test_scheduler_without_dask_executor_is_a_usage_error(collection, tmp_path):
    from tei_tools.errors import UsageError

    with pytest.raises(UsageError, match="--executor dask"):
        build(collection, tmp_path / "site", scheduler="tcp://127.0.0.1:1", search="none")


@pytest.mark.slow
def test_dask_executor_builds_on_a_local_cluster(collection, tmp_path):
    distributed = pytest.importorskip(
        "distributed", reason="needs the 'dask' extra: pip install 'tei-tools[dask]'"
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = build(
            collection,
            tmp_path / "dask-site",
            executor="dask",
            scheduler=cluster.scheduler_address,
            search="builtin",
        )
    assert result.exit_code == 0 and result.built == 3
    build(collection, tmp_path / "local-site", jobs=1, search="builtin")
    assert site_files(tmp_path / "dask-site") == site_files(tmp_path / "local-site")


def test_missing_dask_is_reported_with_the_extra_to_install(collection, tmp_path, monkeypatch):
    import sys

    from tei_tools.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"tei-tools\[dask\]"):
        build(collection, tmp_path / "site", executor="dask", search="none")


def test_pagefind_indexes_the_document_pages(collection, tmp_path):
    from tei_tools.corpus.search import pagefind_available

    if not pagefind_available():
        pytest.skip("needs the 'search' extra: pip install 'tei-tools[search]'")
    site = tmp_path / "site"
    result = build(collection, site, jobs=1, search="pagefind")
    assert result.search == "pagefind"
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert len(list((site / "pagefind" / "fragment").iterdir())) == 3
    assert check_links(site) == []


def test_link_checker_finds_missing_files_and_anchors(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#there">x</a><a href="b.html#gone">y</a><a href="c.html">z</a>'
        '<a href="https://example.org/">ext</a><p id="here"><a href="#here">self</a></p>'
    )
    (tmp_path / "b.html").write_text('<p id="there">b</p>')
    broken = {(b.href, b.reason) for b in check_links(tmp_path)}
    assert broken == {("b.html#gone", "no such anchor"), ("c.html", "no such file")}
