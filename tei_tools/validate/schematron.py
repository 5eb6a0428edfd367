"""ISO Schematron with XPath 2 (as TEI ODDs use it), through saxonche when installed.

lxml's own Schematron knows only XPath 1, which TEI's constraints outgrow, so
Schematron runs on Saxon (``pip install 'tei-tools[schematron]'``).  The ISO
skeleton is not vendored; instead each rule's context and assertions are
evaluated directly with Saxon's XPath 2/3 processor, which covers the
``pattern/rule/assert|report`` core (with ``let`` variables and ``ns``
declarations) that TEI's embedded constraints use.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_tools.validate.problems import ERROR, WARNING, Problem

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def validate_schematron(tree: etree._ElementTree, schema_path: Path, file: str) -> list[Problem]:
    """Run the Schematron rules of ``schema_path`` (a ``.sch``, or an ``.rng`` with embedded rules)."""
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        from tei_tools.errors import MissingExtraError

        raise MissingExtraError("Schematron with XPath 2", "schematron", "saxonche") from None
    from tei_tools.xml import parse_xml_file, serialize

    schema = parse_xml_file(schema_path).getroot()
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(f"{{{SCH_NS}}}ns")}
    namespaces.setdefault("tei", TEI_NS)
    problems: list[Problem] = []
    with PySaxonProcessor(license=False) as processor:
        document = processor.parse_xml(xml_text=serialize(tree).decode("utf-8"))
        xpath = processor.new_xpath_processor()
        for prefix, uri in namespaces.items():
            xpath.declare_namespace(prefix, uri)
        xpath.set_context(xdm_item=document)
        for rule in schema.iter(f"{{{SCH_NS}}}rule"):
            problems += _run_rule(xpath, rule, file)
    return problems


def _run_rule(xpath, rule: etree._Element, file: str) -> list[Problem]:
    context = rule.get("context")
    if not context:
        return []
    selected = xpath.evaluate(f"//({context})" if not context.startswith("/") else context)
    if selected is None:
        return []
    problems = []
    for index in range(selected.size):
        node = selected.item_at(index)
        xpath.set_context(xdm_item=node)
        where = xpath.evaluate_single("path(.)")
        path = where.string_value if where is not None else None
        for check in rule:
            kind = etree.QName(check).localname if isinstance(check.tag, str) else ""
            if kind not in ("assert", "report"):
                continue
            test = check.get("test", "true()")
            fired = bool(xpath.effective_boolean_value(test))
            if (kind == "assert" and not fired) or (kind == "report" and fired):
                role = (check.get("role") or "error").lower()
                severity = WARNING if role in ("warning", "warn", "info", "information") else ERROR
                message = " ".join("".join(check.itertext()).split())
                problems.append(
                    Problem(file, None, None, severity, message, path=path, rule="schematron")
                )
    return problems
