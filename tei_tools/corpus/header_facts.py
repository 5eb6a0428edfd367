"""What a document's TEI header says of its making: who did what, what changed, how it is encoded.

The front-matter pages (:mod:`tei_tools.corpus.front_matter`) are built from
document summaries alone, like every collection page, so the worker reads
these facts once per document, here, and the summary carries them as plain
lists (JSON-able, for the build cache):

* ``resp``: each ``respStmt`` of ``titleStmt`` and ``editionStmt`` as
  ``[resp, name, xml:id]`` (one row per name), and each ``editor`` there as
  ``["editor", name, ""]``;
* ``changes``: each ``revisionDesc`` ``change`` as ``[when, who, text]``, its
  ``@who`` resolved to the name of the ``respStmt`` it points to;
* ``editorial``: the parts of ``encodingDesc`` (``projectDesc``,
  ``samplingDecl``, each child of ``editorialDecl``, the applications of
  ``appInfo``, each ``prefixDef``) and the calendars of ``calendarDesc``, as
  ``[part, text]``;
* ``availability``: each ``licence`` (``[text, url]``) and paragraph
  (``[text, ""]``) of ``publicationStmt/availability``.

>>> from lxml import etree
>>> root = etree.fromstring(
...     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
...     '<respStmt xml:id="r1"><resp>review</resp><persName>Ann Lee</persName></respStmt>'
...     '</titleStmt></fileDesc><revisionDesc><change when="2026-01-02" who="#r1">Checked.'
...     '</change></revisionDesc></teiHeader></TEI>')
>>> facts = header_facts(root)
>>> facts["resp"], facts["changes"]
([['review', 'Ann Lee', 'r1']], [['2026-01-02', 'Ann Lee', 'Checked.']])
"""

from __future__ import annotations

from lxml import etree

from tei_tools.xml import TEI_NS

_T = f"{{{TEI_NS}}}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: The elements of a respStmt that name who is responsible.
_NAMES = frozenset({"persName", "name", "orgName"})


def header_facts(root: etree._Element) -> dict[str, list[list[str]]]:
    """The four lists of the module docstring, from ``root``'s ``teiHeader``."""
    header = root.find(f"{_T}teiHeader")
    facts: dict[str, list[list[str]]] = {
        "resp": [],
        "changes": [],
        "editorial": [],
        "availability": [],
    }
    if header is None:
        return facts
    facts["resp"] = _responsibilities(header)
    names = {ident: name for _, name, ident in facts["resp"] if ident}
    facts["changes"] = _changes(header, names)
    facts["editorial"] = _encoding(header)
    for availability in header.iterfind(f"{_T}fileDesc/{_T}publicationStmt/{_T}availability"):
        for child in availability:
            if child.tag == f"{_T}licence":
                facts["availability"].append([_text(child), child.get("target") or ""])
            elif child.tag == f"{_T}p":
                facts["availability"].append([_text(child), ""])
    return facts


def _responsibilities(header: etree._Element) -> list[list[str]]:
    rows = []
    for stmt in (f"{_T}fileDesc/{_T}titleStmt", f"{_T}fileDesc/{_T}editionStmt"):
        for parent in header.iterfind(stmt):
            for child in parent:
                if child.tag == f"{_T}editor":
                    rows.append(["editor", _text(child), child.get(_XML_ID) or ""])
                if child.tag != f"{_T}respStmt":
                    continue
                resp = "; ".join(_text(r) for r in child.iterfind(f"{_T}resp"))
                for name in child:
                    if isinstance(name.tag, str) and etree.QName(name).localname in _NAMES:
                        rows.append([resp, _text(name), child.get(_XML_ID) or ""])
    return [row for row in rows if row[1]]


def _changes(header: etree._Element, names: dict[str, str]) -> list[list[str]]:
    rows = []
    for change in header.iterfind(f"{_T}revisionDesc//{_T}change"):
        when = change.get("when") or change.get("notBefore") or change.get("from") or ""
        who = ", ".join(
            names.get(pointer.removeprefix("#"), pointer.removeprefix("#"))
            for pointer in (change.get("who") or "").split()
        )
        rows.append([when, who, _text(change)])
    return rows


def _encoding(header: etree._Element) -> list[list[str]]:
    rows = []
    encoding = header.find(f"{_T}encodingDesc")
    if encoding is not None:
        for part in ("projectDesc", "samplingDecl"):
            for element in encoding.iterfind(f"{_T}{part}"):
                rows.append([part, _text(element)])
        for decl in encoding.iterfind(f"{_T}editorialDecl"):
            for child in decl:
                if isinstance(child.tag, str):
                    rows.append([f"editorialDecl/{etree.QName(child).localname}", _text(child)])
        for application in encoding.iterfind(f"{_T}appInfo/{_T}application"):
            label = _text(application.find(f"{_T}label")) or application.get("ident") or ""
            version = application.get("version")
            rows.append(["application", f"{label} {version}" if version else label])
        for prefix in encoding.iterfind(f"{_T}listPrefixDef/{_T}prefixDef"):
            rows.append(["prefixDef", f"{prefix.get('ident')}: {_text(prefix)}"])
    for calendar in header.iterfind(f"{_T}profileDesc/{_T}calendarDesc/{_T}calendar"):
        rows.append(["calendar", _text(calendar)])
    return [row for row in rows if row[1]]


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
