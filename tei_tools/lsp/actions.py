"""Quick fixes: the did-you-mean of a diagnostic, and a register entry for an unknown name.

The converter marks a name it found but no register knows without ``@ref``
(and lists it in the review report, :mod:`tei_tools.findings`).  "Add register
entry" writes the entry into the register file the document's ``prefixDef``
points at (``registers/persons.xml`` next to the document; created when it is
missing) and links the name to it, in one workspace edit the editor can undo.
When a review report is known, its suggested entry is used as written, once the
one safe parser (:func:`tei_tools.xml.parse_xml_bytes`) has read it.  The edits
come as versioned ``documentChanges`` only to a client that declared it takes
them (``workspace.workspaceEdit.documentChanges``), else as plain ``changes``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from tei_tools.findings import Finding
from tei_tools.lsp.diagnostics import span_range
from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.text import LineIndex
from tei_tools.markup.registers import ENTRY_FOR_NAME, PREFIX_OF_KIND, entry_id, entry_xml
from tei_tools.register_prefixes import REGISTER_BASE, REGISTER_PREFIXES

log = logging.getLogger(__name__)

REGISTER_FILE_FOR_PREFIX = {
    prefix: file_name for prefix, (file_name, _) in REGISTER_PREFIXES.items()
}


def quick_fixes(
    view: DocumentView, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """A "change to ..." action for each diagnostic that carries a suggestion."""
    actions = []
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        suggestion = data.get("suggestion")
        if not suggestion:
            continue
        edits = _rename_edits(view, diagnostic, data, suggestion)
        if not edits:
            continue
        actions.append(
            types.CodeAction(
                title=f'Change to "{suggestion}"',
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: edits}),
            )
        )
    return actions


def _rename_edits(view, diagnostic, data, suggestion: str) -> list[types.TextEdit]:
    start = view.lines.offset(diagnostic.range.start.line, diagnostic.range.start.character)
    subject = data.get("subject")
    if subject == "attribute":
        return [types.TextEdit(diagnostic.range, suggestion)]
    if subject == "value" and data.get("rule") == "pointer":
        return [types.TextEdit(diagnostic.range, suggestion)]
    if subject != "element":
        return []
    tag = view.tags.at(start + 1)
    if tag is None or tag.kind == "end":
        return []
    edits = [types.TextEdit(span_range(view.lines, tag.name_start, tag.name_end), suggestion)]
    end = view.tags.matching_end(tag)
    if end is not None:
        edits.append(
            types.TextEdit(span_range(view.lines, end.name_start, end.name_end), suggestion)
        )
    return edits


def register_entry_actions(
    view: DocumentView,
    uri: str,
    offset: int,
    *,
    registers=None,
    workspace_roots: tuple[Path, ...] = (),
    findings: Sequence[Finding] = (),
    can_create_files: bool = False,
    document_changes: bool = True,
) -> list[types.CodeAction]:
    """For a name element without ``@ref`` at the cursor: link it, or add a register entry.

    An entry that already has the name (as its label or an alias) is offered
    first, as "Link to ..."; "Add register entry" comes after it.  A new entry
    goes into the register file the document's prefix names; when that file
    does not exist it is created only for a client that declared it can
    create files (``workspace.workspaceEdit.resourceOperations``) and takes
    ``documentChanges`` (where a file creation goes), else nothing is
    offered: an edit the client cannot apply would be lost.  Without
    ``document_changes`` the edits are plain ``changes``.
    """
    tag = view.enclosing(offset, frozenset(ENTRY_FOR_NAME))
    if tag is None or tag.kind != "start" or tag.attribute("ref") is not None or view.path is None:
        return []
    name = view.content_text(tag)
    if not name:
        return []
    entry_tag, list_tag = ENTRY_FOR_NAME[tag.local]
    prefix = PREFIX_OF_KIND["bibl" if entry_tag == "bibl" else entry_tag]
    links = [
        types.CodeAction(
            title=f'Link "{name}" to {entry.ref} ({entry.label})',
            kind=types.CodeActionKind.QuickFix,
            is_preferred=True,
            edit=_workspace_edit([_link_edit(view, uri, tag, entry.ref)], document_changes),
        )
        for entry in _entries_named(registers, entry_tag, name)
    ]
    taken = registers.registry.taken_ids(prefix) if registers is not None else set()
    xml_id = entry_id(name, taken)
    suggested = _suggested_entry(findings, tag.local, name)
    suggested_id = _safe_entry_id(suggested) if suggested is not None else None
    if suggested is not None and suggested_id is not None:
        entry, xml_id = suggested, suggested_id or xml_id
    else:  # none suggested, or one the safe parser refused: built from the name
        entry = entry_xml(tag.local, name, xml_id)
    register = _register_file(view.path, prefix, workspace_roots)
    if not register.is_file() and not (can_create_files and document_changes):
        return links
    entry_edits = _entry_edits(register, entry, list_tag)
    if not entry_edits:
        return links
    changes = [_link_edit(view, uri, tag, f"{prefix}:{xml_id}"), *entry_edits]
    return [
        *links,
        types.CodeAction(
            title=f'Add register entry "{prefix}:{xml_id}" for "{name}"',
            kind=types.CodeActionKind.QuickFix,
            edit=_workspace_edit(changes, document_changes),
        ),
    ]


def _workspace_edit(
    parts: Sequence[types.TextDocumentEdit | types.CreateFile], document_changes: bool
) -> types.WorkspaceEdit:
    """The edit in the form the client declared: versioned ``documentChanges``, else ``changes``.

    A file creation has no plain form: the caller offers none without ``documentChanges``.
    """
    if document_changes:
        return types.WorkspaceEdit(document_changes=list(parts))
    changes: dict[str, list[types.TextEdit]] = {}
    for part in parts:
        if isinstance(part, types.TextDocumentEdit):
            edits = changes.setdefault(part.text_document.uri, [])
            edits += [e for e in part.edits if isinstance(e, types.TextEdit)]
    return types.WorkspaceEdit(changes=changes)


def _entries_named(registers, kind: str, name: str) -> list:
    """Register entries of ``kind`` with ``name`` among their names (case and accents aside)."""
    if registers is None:
        return []
    from tei_tools.markup.names import fold

    wanted = fold(" ".join(name.split()))
    return [
        entry
        for entry in registers.registry.of_kind(kind)
        if any(fold(" ".join(form.split())) == wanted for form in (entry.label, *entry.names))
    ]


def _suggested_entry(findings, name_tag: str, name: str) -> str | None:
    """The entry the review report suggests for this name, if it lists one."""
    wanted = " ".join(name.split())
    for finding in findings:
        entry = finding.suggestion.get("entry") if finding.suggestion else None
        if entry and " ".join(finding.text.split()) == wanted and finding.type in (None, name_tag):
            return entry
    return None


def _safe_entry_id(entry: str) -> str | None:
    """The ``xml:id`` of a suggested entry ("" when it has none), or None when it is refused.

    Read by the one safe parser: an entry from a review report is another
    program's text, and one with a DOCTYPE (entities naming files, pipes,
    devices) is refused, not inserted into a register.
    """
    from tei_tools.errors import InputError
    from tei_tools.xml import XML_NS, parse_xml_bytes

    try:
        tree = parse_xml_bytes(entry.encode("utf-8"), source="the review report's entry")
    except InputError as refused:
        log.warning("suggested register entry not used: %s", refused)
        return None
    if tree.docinfo.doctype:
        log.warning("suggested register entry not used: it has a DOCTYPE")
        return None
    return tree.getroot().get(f"{{{XML_NS}}}id") or ""


def _register_file(document: Path, prefix: str, roots: tuple[Path, ...]) -> Path:
    """The register the document's ``prefixDef`` points at: next to it, else in the workspace."""
    name = REGISTER_FILE_FOR_PREFIX[prefix]
    nearby = document.parent / REGISTER_BASE / name
    if nearby.is_file():
        return nearby
    for root in roots:
        candidate = root / REGISTER_BASE / name
        if candidate.is_file():
            return candidate
    return nearby


def _link_edit(view: DocumentView, uri: str, tag, ref: str) -> types.TextDocumentEdit:
    insert_at = tag.name_end
    position = span_range(view.lines, insert_at, insert_at)
    return types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
        edits=[types.TextEdit(position, f' ref="{ref}"')],
    )


def _entry_edits(register: Path, entry: str, list_tag: str) -> list:
    uri = register.resolve().as_uri()
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None)
    if not register.is_file():
        text = _new_register(entry, list_tag)
        return [
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
            types.TextDocumentEdit(
                text_document=document,
                edits=[
                    types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), text)
                ],
            ),
        ]
    text = register.read_text(encoding="utf-8")
    view = DocumentView(text, register)
    closing = next(
        (t for t in reversed(view.tags.tags) if t.kind == "end" and t.local == list_tag), None
    )
    lines = LineIndex(text)
    if closing is None:
        return []
    line, _ = lines.position(closing.start)
    indent = text[lines.line_start(line) : closing.start]
    at = span_range(lines, lines.line_start(line), lines.line_start(line))
    inner = indent + "  " if not indent.strip() else "  "
    return [
        types.TextDocumentEdit(
            text_document=document, edits=[types.TextEdit(at, f"{inner}{entry}\n")]
        )
    ]


def _new_register(entry: str, list_tag: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
        "  <teiHeader>\n    <fileDesc>\n"
        f"      <titleStmt><title>Register ({list_tag})</title></titleStmt>\n"
        "      <publicationStmt><p>Written by the tei-tools language server.</p></publicationStmt>\n"
        "      <sourceDesc><p>Entries added while editing.</p></sourceDesc>\n"
        "    </fileDesc>\n  </teiHeader>\n"
        f"  <text>\n    <body>\n      <{list_tag}>\n        {entry}\n      </{list_tag}>\n"
        "    </body>\n  </text>\n</TEI>\n"
    )
