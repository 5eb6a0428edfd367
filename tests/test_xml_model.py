"""Reading ``<?xml-model?>`` processing instructions (the document's own schema references)."""

from __future__ import annotations

from lxml import etree

from tei_tools.validate.schema_select import xml_model_pis

RNG = "http://relaxng.org/ns/structure/1.0"


def models(prolog: str, after: str = "") -> list[dict[str, str]]:
    return xml_model_pis(etree.fromstring(f"{prolog}<TEI/>{after}".encode()).getroottree())


def test_pseudo_attributes_in_either_quotes_in_document_order():
    found = models(
        f'<?xml-model href="tei.rng" schematypens="{RNG}"?>'
        "<?xml-model href='rules.sch' type='application/xml' phase='strict'?>"
    )
    assert found == [
        {"href": "tei.rng", "schematypens": RNG},
        {"href": "rules.sch", "type": "application/xml", "phase": "strict"},
    ]


def test_references_in_values_are_decoded():
    assert models('<?xml-model href="a&amp;b.rng" title="&#x41;&quot;"?>') == [
        {"href": "a&b.rng", "title": 'A"'}
    ]


def test_only_xml_model_before_the_root_counts():
    found = models(
        '<?xml-stylesheet href="view.xsl"?><?xml-model href="a.rng"?>',
        after='<?xml-model href="late.rng"?>',
    )
    assert found == [{"href": "a.rng"}]
