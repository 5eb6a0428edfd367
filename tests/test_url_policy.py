"""One URL policy for every page: only http(s), mailto and in-site relative links stay live."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from lxml import html as lxml_html

from tei_tools.corpus.document import DocumentSummary
from tei_tools.corpus.pages import layout, register_index_page
from tei_tools.export.html import export_html
from tei_tools.export.urls import make_urls_safe, safe_css, safe_srcset, safe_url
from tei_tools.markup.registers import Entry, Registry
from tei_tools.xml import TEI_NS, parse_xml_bytes

#: Spellings of dangerous URLs as they may stand in a TEI attribute (XML-escaped).
HOSTILE_IN_XML = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "&#10;javascript:alert(1)",
    "java&#9;script:alert(1)",
    "java&#10;script:alert(1)",
    "&#106;avascript:alert(1)",  # decoded by the XML parser
    "&amp;#106;avascript:alert(1)",  # still an HTML reference after XML decoding
    "&amp;#x6A;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "../../etc/passwd",
    "%2e%2e/%2E%2E/etc/passwd",
    "..\\..\\etc\\passwd",
    "/etc/passwd",
    "//evil.example/x",
]

SAFE = [
    "https://example.org/a?b=1#c",
    "HTTP://example.org/",
    "mailto:editor@example.org",
    "#p1",
    "letters/letter2.html",
    "?page=2",
]

#: Every attribute of HTML that the browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "cite", "data")


def xml_value(value: str) -> str:
    """A Python string spelled as it would be inside a double-quoted XML attribute."""
    return value.replace('"', "&quot;")


def document(url: str) -> etree._ElementTree:
    """A TEI document that carries ``url`` in every place a URL can stand."""
    v = xml_value(url)
    xml = f"""<TEI xmlns="{TEI_NS}" rend="x" style="background:url({v})">
<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
<encodingDesc><listPrefixDef>
  <prefixDef ident="evil" matchPattern="(.+)" replacementPattern="javascript:$1"/>
  <prefixDef ident="val" matchPattern="(.+)" replacementPattern="{v}$1"/>
</listPrefixDef></encodingDesc></teiHeader>
<facsimile><surface><graphic url="{v}"/></surface></facsimile>
<text><body>
<p xml:id="p1">
  <ref target="{v}">ref-target</ref>
  <ptr target="{v}"/>
  <ref ref="{v}">ref-ref</ref>
  <persName ref="{v}">person</persName>
  <placeName ref="{v}">place</placeName>
  <title ref="{v}">work</title>
  <ref target="evil:alert(1)">via-evil-prefix</ref>
  <ref target="val:x">via-value-prefix</ref>
  <graphic url="{v}"><desc>picture</desc></graphic>
  <pb n="2" facs="{v}"/>
  <hi style="background-image:url({v})" rendition="{v}">styled</hi>
  <rs ref="{v}">rs</rs> <orgName ref="{v}">org</orgName> <name ref="{v}">name</name>
  <author ref="{v}">author</author> <ref corresp="{v}" source="{v}" sameAs="{v}">corresp</ref>
  <note place="foot" target="{v}">a note <ptr target="{v}"/></note>
  <figure facs="{v}"><graphic url="{v}"/><media url="{v}" mimeType="video/mp4"/></figure>
  <lb facs="{v}"/><anchor xml:id="a1" corresp="{v}"/>
  <bibl source="{v}"><ref target="{v}">inner</ref></bibl>
</p>
<linkGrp><link target="{v} #p1"/></linkGrp>
<div xml:base="{v}"><p><ref target="rel.html">based</ref></p></div>
</body></text></TEI>"""
    return parse_xml_bytes(xml.encode("utf-8"), source="test.xml")


def live_urls(page: etree._Element) -> list[str]:
    """Every URL a browser would follow or load from the page, with the CSS ``url()`` ones."""
    urls = []
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for name in URL_ATTRIBUTES:
            if element.get(name) is not None:
                urls.append(element.get(name))
        for css in (element.get("style") or "", element.text if element.tag == "style" else ""):
            urls.extend(m.group(1) for m in re.finditer(r"url\(([^)]*)\)", css or ""))
    return urls


def exported(url: str, **options) -> etree._Element:
    return lxml_html.document_fromstring(export_html(document(url), **options))


def looks_dangerous(url: str) -> bool:
    """Independently of the policy's code: what a browser would run, load locally or leave the site by."""
    import html

    plain = re.sub(r"[\t\n\r]", "", html.unescape(html.unescape(url))).strip().lower()
    plain = plain.replace("\\", "/")
    return (
        plain.startswith(("javascript:", "vbscript:", "data:", "file:", "/"))
        or plain.startswith(("../", "%2e%2e/"))
        or "/../" in plain
    )


@pytest.mark.parametrize("url", HOSTILE_IN_XML)
def test_no_hostile_url_is_live_anywhere_in_an_exported_page(url):
    page = exported(url)
    assert [u for u in live_urls(page) if looks_dangerous(u)] == []
    text = page.text_content()
    for visible in ("ref-target", "person", "via-evil-prefix", "via-value-prefix", "based"):
        assert visible in text


#: A pointer with a space inside is a list of pointers in TEI: its first one is a harmless relative path.
ONE_POINTER = [
    u for u in HOSTILE_IN_XML if u not in {"java&#9;script:alert(1)", "java&#10;script:alert(1)"}
]


@pytest.mark.parametrize("url", ONE_POINTER)
def test_a_refused_link_keeps_its_text_as_an_inert_span(url):
    page = exported(url)
    spans = page.xpath('//span[contains(@class, "tei-ref")][normalize-space()="ref-target"]')
    assert spans and spans[0].get("href") is None
    assert not page.xpath('//a[normalize-space()="ref-target"]')


def test_prefixdef_expanding_to_javascript_is_not_a_live_link():
    page = exported("https://example.org/")
    link = page.xpath('//*[normalize-space()="via-evil-prefix"]')[0]
    assert link.tag == "span" and link.get("href") is None
    assert link.get("data-ref") == "evil:alert(1)"


@pytest.mark.parametrize("url", SAFE)
def test_allowed_urls_stay_live_links(url):
    page = exported(url)
    link = page.xpath('//*[normalize-space()="ref-target"]')[0]
    assert link.tag == "a" and link.get("href") == url


def test_graphic_url_becomes_a_link_only_when_allowed():
    hrefs = exported("https://img.example/a.jpg").xpath('//a[@class="tei-graphic"]/@href')
    assert hrefs and set(hrefs) == {"https://img.example/a.jpg"}
    assert not exported("javascript:alert(1)").xpath('//a[contains(@class, "tei-graphic")]')


def test_relative_targets_resolve_against_xml_base_before_the_policy():
    page = exported("https://example.org/texts/")
    assert page.xpath('//a[normalize-space()="based"]/@href') == [
        "https://example.org/texts/rel.html"
    ]


def test_register_entry_urls_pass_the_policy():
    tree = parse_xml_bytes(
        f'<TEI xmlns="{TEI_NS}"><text><body><p><persName ref="per:x">X</persName>'
        f'<persName ref="per:y">Y</persName></p></body></text></TEI>'.encode()
    )
    registers = {
        "per:x": {"label": "X", "href": "javascript:alert(1)", "wikidata": "javascript:alert(2)"},
        "per:y": {"label": "Y", "href": "https://example.org/y", "wikidata": "Q42"},
    }
    page = lxml_html.document_fromstring(export_html(tree, registers=registers))
    assert not [u for u in live_urls(page) if "javascript" in u.lower()]
    assert "https://example.org/y" in live_urls(page)
    assert "https://www.wikidata.org/wiki/Q42" in live_urls(page)
    assert "register" in page.get_element_by_id("reg-per-x").text_content()


def test_a_page_one_folder_down_may_climb_once_and_no_further():
    assert exported("../persons.html", depth=1).xpath('//a[normalize-space()="ref-target"]')
    assert not exported("../persons.html").xpath('//a[normalize-space()="ref-target"]')
    assert not exported("../../persons.html", depth=1).xpath('//a[normalize-space()="ref-target"]')


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        " \x01javascript:alert(1)",
        "java\x00script:alert(1)",
        "jav\tascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6a;avascript:alert(1)",
        "&amp;#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "ftp://example.org/",
        "tel:+123",
    ],
)
def test_safe_url_refuses_other_schemes_however_spelled(value):
    assert safe_url(value) is None


def test_srcset_and_css_urls_are_checked_per_candidate():
    assert safe_srcset("a.jpg 1x, b.jpg 2x") == "a.jpg 1x, b.jpg 2x"
    assert safe_srcset("a.jpg 1x, javascript:alert(1) 2x") is None
    assert safe_css("background: url('img/a.png')") is not None
    assert safe_css("background: url( 'javascript:alert(1)' )") is None
    assert safe_css("background: url(\\6a avascript:alert(1))") is None


def test_make_urls_safe_covers_src_srcset_style_and_xml_base():
    page = lxml_html.fromstring(
        '<div><img src="javascript:a" srcset="x.png 1x, data:x 2x">'
        '<p style="background:url(javascript:b)">t</p><a href="vbscript:c">keep me</a>'
        '<form action="javascript:d"></form><section xml:base="javascript:e"></section></div>'
    )
    assert make_urls_safe(page) == 6
    assert live_urls(page) == []
    assert page.xpath('//span[@class="inert-link"]/text()') == ["keep me"]


def test_site_pages_make_hostile_links_inert():
    page = lxml_html.document_fromstring(
        layout("T", [etree.fromstring('<a href="javascript:alert(1)">x</a>')], site_title="S")
    )
    assert [u for u in live_urls(page) if "javascript" in u] == []
    assert "x" in page.text_content()


def test_site_index_does_not_link_a_register_entrys_hostile_authority_url():
    registry = Registry(
        {
            "per:x": Entry(
                "x", "person", "per", ["X"], "X", wikidata="javascript:alert(1)", viaf="httpx:y"
            ),
            "per:y": Entry("y", "person", "per", ["Y"], "Y", wikidata="Q42", viaf="123"),
        }
    )
    summary = DocumentSummary("d", "Doc", refs={"per:x": 1, "per:y": 1})
    page = lxml_html.document_fromstring(
        register_index_page("per", [summary], registry, site_title="S")
    )
    urls = live_urls(page)
    assert "https://www.wikidata.org/wiki/Q42" in urls and "https://viaf.org/viaf/123" in urls
    assert not [u for u in urls if "javascript" in u or u.startswith("httpx")]
    assert page.xpath('//dt[@id="per-x"]//span[contains(@class, "inert-link")]/text()') == [
        "Wikidata",
        "VIAF",
    ]


@pytest.mark.browser
def test_in_a_real_browser_no_link_or_resource_of_a_hostile_page_leaves_http_or_the_site(
    browser, tmp_path
):
    """Chromium's own URL parser judges every link: a policy that parsed URLs differently fails."""
    site = tmp_path / "site" / "documents"
    site.mkdir(parents=True)
    page = browser.new_page()
    for number, url in enumerate(HOSTILE_IN_XML):
        path = site / f"{number}.html"
        path.write_text(export_html(document(url), depth=1), encoding="utf-8")
        page.goto(path.as_uri())
        resolved = page.eval_on_selector_all(
            "[href], [src], [action], [formaction]",
            "els => els.map(e => e.href || e.src || e.action || e.formAction)",
        )
        root = (tmp_path / "site").as_uri() + "/"
        for link in resolved:
            assert link.startswith(("http://", "https://", "mailto:", root)), (url, link)
    page.close()


def test_a_built_site_has_no_live_hostile_link_on_any_page(tmp_path):
    """The whole path: a collection with a hostile document, built, every page scanned."""
    from tei_tools.corpus import build

    corpus = tmp_path / "corpus"
    (corpus / "tei").mkdir(parents=True)
    for number, url in enumerate(["javascript:alert(1)", "&#106;avascript:alert(1)", "../../x"]):
        (corpus / "tei" / f"doc{number}.xml").write_bytes(
            etree.tostring(document(url), xml_declaration=True, encoding="UTF-8")
        )
    site = tmp_path / "site"
    build(corpus, site, jobs=1, search="none", pdf=False, quiet=True)
    pages = sorted(site.rglob("*.html"))
    assert any(p.parent.name == "documents" for p in pages)
    for path in pages:
        page = lxml_html.document_fromstring(path.read_bytes())
        depth = len(path.relative_to(site).parts) - 1
        for url in live_urls(page):
            assert not looks_dangerous(url) or (
                depth and url.startswith("../") and "../.." not in url
            ), (
                path,
                url,
            )
        if path.parent.name == "documents":
            assert "via-evil-prefix" in page.text_content()
