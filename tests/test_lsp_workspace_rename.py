"""Rename across the workspace: a register entry's xml:id and every pointer to it in every file.

The workspace is the language-server tests' project (``tests/lsp_workspace.py``:
a letter pointing at ``per:shcherbachev`` through its ``prefixDef``), with a
second letter in the same project and an unrelated project in a sub-folder
that has its own ``registers/persons.xml`` with the same id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from lsp_harness import ServerSession
from lsp_workspace import DOCUMENT, REGISTER, make_workspace, position_of
from lsprotocol import types

from tei_tools.lsp.document import DocumentView
from tei_tools.lsp.rename import RenameRefused
from tei_tools.lsp.workspace_rename import (
    rename_target,
    workspace_documents,
    workspace_references,
    workspace_rename,
)

SECOND = DOCUMENT.replace("Письмо", "Second letter").replace(
    'ref="per:nobody">X', 'ref="per:shcherbachev">Shcherbachev'
)


def _project(root: Path) -> dict[str, Path]:
    letter = make_workspace(root)
    second = root / "second.xml"
    second.write_text(SECOND, encoding="utf-8")
    other = root / "other-project"
    make_workspace(other)  # the same file names and the same id, another project
    return {
        "letter": letter,
        "second": second,
        "register": root / "registers" / "persons.xml",
        "other letter": other / "letter.xml",
        "other register": other / "registers" / "persons.xml",
    }


def _rename_from_pointer(root: Path, new_name: str):
    files = _project(root)
    view = DocumentView(DOCUMENT, files["letter"])
    offset = DOCUMENT.index("per:shcherbachev") + 6
    target = rename_target(view, offset)
    assert target is not None and target.xml_id == "shcherbachev"
    assert target.path == files["register"].resolve()
    changed = workspace_rename(target, new_name, workspace_documents([root], {}))
    return files, {file.path.resolve(): file for file in changed}


def test_renaming_a_pointer_renames_the_register_entry_and_its_pointers_in_every_file(tmp_path):
    files, changed = _rename_from_pointer(tmp_path, "shcherbachev-dmitry")
    assert set(changed) == {files[k].resolve() for k in ("letter", "second", "register")}
    register = changed[files["register"].resolve()]
    ((start, end, new),) = register.edits
    assert REGISTER[start:end] == "shcherbachev" and REGISTER[start - 8 : start] == 'xml:id="'
    assert new == "shcherbachev-dmitry"
    for name in ("letter", "second"):
        file = changed[files[name].resolve()]
        assert file.edits and all(
            file.view.text[s:e] == "shcherbachev" and t == "shcherbachev-dmitry"
            for s, e, t in file.edits
        )
        # The prefix form is kept: per:shcherbachev becomes per:shcherbachev-dmitry.
        assert all(file.view.text[s - 4 : s] == "per:" for s, _, _ in file.edits)


def test_a_file_of_the_same_name_in_another_project_is_left_alone(tmp_path):
    files, changed = _rename_from_pointer(tmp_path, "shcherbachev-dmitry")
    assert files["other letter"].resolve() not in changed
    assert files["other register"].resolve() not in changed


def test_a_name_the_register_already_has_is_refused(tmp_path):
    register = REGISTER.replace("</listPerson>", '<person xml:id="taken"/></listPerson>')
    files = _project(tmp_path)
    files["register"].write_text(register, encoding="utf-8")
    view = DocumentView(DOCUMENT, files["letter"])
    target = rename_target(view, DOCUMENT.index("per:shcherbachev") + 6)
    with pytest.raises(RenameRefused, match=r'"taken" is already used in persons\.xml'):
        workspace_rename(target, "taken", workspace_documents([tmp_path], {}))


def test_an_id_declared_outside_the_workspace_is_not_renamed(tmp_path):
    files = _project(tmp_path)
    view = DocumentView(DOCUMENT, files["letter"])
    target = rename_target(view, DOCUMENT.index("per:shcherbachev") + 6)
    only_letters = [(files["letter"], DOCUMENT), (files["second"], SECOND)]
    with pytest.raises(RenameRefused, match="not in the workspace"):
        workspace_rename(target, "x", only_letters)


def test_a_pointer_into_a_sibling_file_is_renamed_with_the_id(tmp_path):
    files = _project(tmp_path)
    notes = tmp_path / "notes.xml"
    notes.write_text('<TEI><text><body><ref target="letter.xml#p1 #p1"/></body></text></TEI>')
    view = DocumentView(DOCUMENT, files["letter"])
    target = rename_target(view, DOCUMENT.index('xml:id="p1"') + 9)
    changed = workspace_rename(target, "intro", workspace_documents([tmp_path], {}))
    by_file = {file.path.resolve(): file for file in changed}
    (edit,) = by_file[notes.resolve()].edits  # letter.xml#p1; its own #p1 is another id
    assert notes.read_text()[edit[0] - 11 : edit[1]] == "letter.xml#p1"


def test_an_open_buffer_is_renamed_as_the_editor_holds_it(tmp_path):
    files = _project(tmp_path)
    unsaved = SECOND.replace("<p>Δ", '<p>Δ <persName ref="per:shcherbachev">new</persName>')
    view = DocumentView(DOCUMENT, files["letter"])
    target = rename_target(view, DOCUMENT.index("per:shcherbachev") + 6)
    changed = workspace_rename(
        target, "s2", workspace_documents([tmp_path], {files["second"]: unsaved})
    )
    (second,) = [f for f in changed if f.path == files["second"]]
    assert len(second.edits) == SECOND.count("per:shcherbachev") + 1


def test_references_to_a_register_entry_are_found_in_every_file_of_its_project(tmp_path):
    files = _project(tmp_path)
    register = files["register"]
    view = DocumentView(REGISTER, register)
    target = rename_target(view, REGISTER.index('xml:id="shcherbachev"') + 9)
    found = workspace_references(target, workspace_documents([tmp_path], {}), True)
    where = {f.path.resolve(): [t for _, _, t in f.edits] for f in found}
    assert where == {
        register.resolve(): ["shcherbachev"],  # the declaration, asked for
        files["letter"].resolve(): ["per:shcherbachev"],
        files["second"].resolve(): ["per:shcherbachev", "per:shcherbachev"],
    }
    without = workspace_references(target, workspace_documents([tmp_path], {}), False)
    assert register.resolve() not in {f.path.resolve() for f in without}


def test_the_server_renames_across_files_in_one_workspace_edit(tmp_path):
    files = _project(tmp_path)
    session = ServerSession(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
                ),
            ),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(tmp_path.as_uri(), "test")],
            initialization_options={"debounce": 0.02},
        )
    )
    try:

        async def drive(client):
            uri = files["letter"].as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "xml", 3, DOCUMENT))
            )
            place = types.Position(*position_of(DOCUMENT, "per:shcherbachev", 6))
            document = types.TextDocumentIdentifier(uri)
            refs = await client.text_document_references_async(
                types.ReferenceParams(
                    context=types.ReferenceContext(True), text_document=document, position=place
                )
            )
            edit = await client.text_document_rename_async(
                types.RenameParams(document, place, "shcherbachev-d")
            )
            return refs, edit

        refs, edit = session.run(drive(session.client))
    finally:
        session.close()
    assert sorted(r.uri for r in refs) == sorted(
        [
            files["letter"].as_uri(),
            files["register"].resolve().as_uri(),
            *[files["second"].resolve().as_uri()] * 2,
        ]
    )
    versions = {c.text_document.uri: c.text_document.version for c in edit.document_changes}
    assert versions == {
        files["letter"].as_uri(): 3,  # open: versioned
        files["second"].resolve().as_uri(): None,  # on disk only
        files["register"].resolve().as_uri(): None,
    }
