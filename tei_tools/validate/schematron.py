"""ISO Schematron with XPath 2/3 (as TEI ODDs use it), through saxonche when installed.

lxml's own Schematron knows only XPath 1, which TEI's constraints outgrow, so
Schematron runs on Saxon (``pip install 'tei-tools[schematron]'``).  The ISO
skeleton XSLT is not available offline in an XPath 2 version, so the rules are
evaluated directly with Saxon's XPath 3.1 processor.  This covers the core that
TEI's embedded constraints and project schemas use: ``ns``, ``pattern``,
``rule`` (first matching rule per pattern wins, as the standard says), rule and
schema ``let`` variables, ``assert``/``report`` with ``@role``, and ``value-of``
and ``name`` in messages; includes, abstract patterns and rules, and phases are
resolved first (:mod:`tei_tools.validate.schematron_schema`).  A rule's
``context`` is an XSLT match pattern; it is evaluated as ``//(context)`` from the
document node (``/`` and absolute patterns as they are), which selects exactly
the nodes an XSLT 2 pattern made of path expressions matches.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from tei_tools.validate.problems import ERROR, WARNING, Problem
from tei_tools.validate.schematron_schema import SCH_NS, assemble

TEI_NS = "http://www.tei-c.org/ns/1.0"
_STEP = re.compile(r"Q\{(?P<ns>[^}]*)\}(?P<local>[^\[/]+)\[(?P<n>\d+)\]")


def validate_schematron(
    tree: etree._ElementTree, schema_path: Path, file: str, *, phase: str | None = None
) -> list[Problem]:
    """Run the Schematron rules of ``schema_path`` (a ``.sch``, or an ``.rng`` with embedded
    rules), in ``phase`` (default: the schema's ``defaultPhase``, else every pattern)."""
    try:
        from saxonche import PySaxonApiError, PySaxonProcessor
    except ImportError:
        from tei_tools.errors import MissingExtraError

        raise MissingExtraError("Schematron with XPath 2", "schematron", "saxonche") from None
    from tei_tools.xml import parse_xml_file, serialize

    assembled = assemble(parse_xml_file(schema_path).getroot(), schema_path, phase=phase)
    schema = assembled.root
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(f"{{{SCH_NS}}}ns")}
    namespaces.setdefault("tei", TEI_NS)
    global_lets = [(let.get("name"), let.get("value", "()")) for let in assembled.lets]
    problems: list[Problem] = []
    with PySaxonProcessor(license=False) as processor:
        document = processor.parse_xml(xml_text=serialize(tree).decode("utf-8"))
        xpath = processor.new_xpath_processor()
        for prefix, uri in namespaces.items():
            xpath.declare_namespace(prefix, uri)
        xpath.declare_namespace("xs", "http://www.w3.org/2001/XMLSchema")
        runner = _RuleRunner(xpath, document, tree, file, PySaxonApiError)
        for pattern in assembled.patterns:
            fired: set[str] = (
                set()
            )  # a node is checked by the first rule of a pattern that matches it
            for rule in pattern.iter(f"{{{SCH_NS}}}rule"):
                if rule.get("abstract") != "true":
                    lets = global_lets + _lets(pattern, direct_only=True) + _lets(rule)
                    problems += runner.run(rule, lets, fired)
    return problems


def _lets(element: etree._Element, *, direct_only: bool = False) -> list[tuple[str, str]]:
    lets = element.findall(f"{{{SCH_NS}}}let") if direct_only else element.iter(f"{{{SCH_NS}}}let")
    return [(let.get("name"), let.get("value", "()")) for let in lets if let.get("name")]


class _RuleRunner:
    """Evaluates rules against one document, mapping Saxon nodes back to source lines."""

    def __init__(
        self, xpath, document, tree: etree._ElementTree, file: str, api_error: type[Exception]
    ):
        self.xpath, self.document, self.tree, self.file = xpath, document, tree, file
        self.api_error = api_error

    def run(
        self, rule: etree._Element, lets: list[tuple[str, str]], fired: set[str]
    ) -> list[Problem]:
        context = rule.get("context")
        if not context:
            return []
        self.xpath.set_context(xdm_item=self.document)
        try:
            selected = self.xpath.evaluate(context if context.startswith("/") else f"//({context})")
        except self.api_error as error:
            return [self._broken(rule, f"context {context!r}", error)]
        problems: list[Problem] = []
        for index in range(selected.size if selected is not None else 0):
            node = selected.item_at(index)
            self.xpath.set_context(xdm_item=node)
            path = self.xpath.evaluate_single("path(.)").string_value
            if path in fired:
                continue
            fired.add(path)
            for check in rule:
                if isinstance(check.tag, str) and etree.QName(check).localname in (
                    "assert",
                    "report",
                ):
                    problem = self._check(check, lets, path)
                    if problem is not None:
                        problems.append(problem)
        return problems

    def _check(
        self, check: etree._Element, lets: list[tuple[str, str]], path: str
    ) -> Problem | None:
        kind = etree.QName(check).localname
        test = check.get("test", "true()")
        try:
            holds = bool(self.xpath.effective_boolean_value(_with_lets(lets, test)))
            message = self._message(check, lets)
        except self.api_error as error:
            return self._broken(check, f"test {test!r}", error, path)
        if (kind == "assert" and holds) or (kind == "report" and not holds):
            return None
        role = (check.get("role") or "error").lower()
        severity = WARNING if role in ("warning", "warn", "info", "information") else ERROR
        line = self._line_of(path)
        return Problem(
            self.file,
            line,
            None,
            severity,
            message,
            path=_readable(path),
            rule="schematron",
            code="schematron-report" if kind == "report" else "schematron-assertion",
        )

    def _message(self, check: etree._Element, lets: list[tuple[str, str]]) -> str:
        parts = [check.text or ""]
        for child in check:
            if isinstance(child.tag, str):
                local = etree.QName(child).localname
                if local == "value-of":
                    parts.append(self._string(lets, child.get("select", "''")))
                elif local == "name":
                    parts.append(self._string(lets, f"name({child.get('path', '.')})"))
                else:
                    parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    def _string(self, lets: list[tuple[str, str]], expression: str) -> str:
        value = self.xpath.evaluate(
            _with_lets(lets, f"string-join(({expression}) ! string(), ' ')")
        )
        return value.item_at(0).string_value if value is not None and value.size else ""

    def _broken(
        self, where: etree._Element, what: str, error: Exception, path: str | None = None
    ) -> Problem:
        message = " ".join(str(error).split())
        return Problem(
            self.file,
            self._line_of(path) if path else None,
            None,
            ERROR,
            f"Schematron {what} (schema line {where.sourceline}) raised an XPath error: {message}",
            path=_readable(path) if path else None,
            rule="schematron",
            code="schematron-broken",
        )

    def _line_of(self, path: str) -> int | None:
        """The source line of the element a Saxon ``path()`` names (its parent for an attribute)."""
        element = self.tree.getroot()
        steps = _STEP.findall(path)
        if not steps:
            return None
        ns, local, _ = steps[0]
        if etree.QName(element).localname != local:
            return None
        for ns, local, n in steps[1:]:
            tag = f"{{{ns}}}{local}" if ns else local
            matches = [child for child in element if child.tag == tag]
            if len(matches) < int(n):
                break
            element = matches[int(n) - 1]
        return element.sourceline


def _with_lets(lets: list[tuple[str, str]], expression: str) -> str:
    if not lets:
        return expression
    bindings = ", ".join(f"${name} := ({value})" for name, value in lets)
    return f"let {bindings} return ({expression})"


def _readable(path: str) -> str:
    """``/Q{uri}TEI[1]/Q{uri}text[1]`` → ``/TEI[1]/text[1]``."""
    return re.sub(r"Q\{[^}]*\}", "", path)
