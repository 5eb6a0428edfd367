"""The language server: editor requests in, library calls out.

Validation runs off the event loop, in a worker process driven from one
thread (:mod:`.worker`), so requests (completion, hover) are answered while a
document is being checked.  A change starts a short timer (the debounce); a
newer change cancels the timer and any validation of the older text not yet
started; a validation under way is given up at once and, if it runs on past a
short grace, its worker process is ended so that the newer version's check
does not wait behind it; a result for an older version is never published.  While the buffer is not well-formed the one
syntax error is shown together with the last schema diagnostics, moved along
with the edits made since.

No request waits on the event loop for a large buffer's view (its tags, about
half a second for 3 MB): it is built in the view thread as the version arrives
and awaited there (:meth:`TeiLanguageServer.current_view`), while a hover is
answered from a partial view; the outlines, references and rename read in a
thread that stops once the buffer has a newer version (``ContentModified``).

Compiled grammars are shared by every open document (cached by
:mod:`tei_tools.validate.specialise`, least recently used evicted); so are the
schema models for completion and hover (:class:`SchemaModels`), re-read when
the schema file changes on disk.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from tei_tools.lsp.actions import quick_fixes, register_entry_actions
from tei_tools.lsp.completion import as_plain_text, complete
from tei_tools.lsp.diagnostics import Checked, shift_diagnostics, span_range
from tei_tools.lsp.document import DocumentView, Superseded
from tei_tools.lsp.element_outline import element_outline
from tei_tools.lsp.formatting import format_document
from tei_tools.lsp.links import document_links
from tei_tools.lsp.navigation import definition, hover, outline, references
from tei_tools.lsp.pointer_hints import with_register_suggestions
from tei_tools.lsp.registers import WorkspaceRegisters, workspace_register_files
from tei_tools.lsp.rename import RenameRefused, renamable, rename
from tei_tools.lsp.schema_model import SchemaModel, SchemaModels
from tei_tools.lsp.structure import folding_ranges, linked_editing_ranges, selection_ranges
from tei_tools.lsp.text import LineIndex
from tei_tools.lsp.worker import ValidationProcess
from tei_tools.lsp.workspace_rename import (
    FileEdits,
    rename_target,
    workspace_documents,
    workspace_references,
    workspace_rename,
)
from tei_tools.version import __version__

log = logging.getLogger(__name__)

#: Seconds between the last keystroke and the validation it triggers.
DEFAULT_DEBOUNCE = 0.08
#: A buffer this long (characters) has its views built in the view thread as versions arrive.
LARGE_BUFFER = 200_000


@dataclass
class Options:
    """What the client may set (``initializationOptions`` or ``workspace/didChangeConfiguration``).

    ``{"schema": "path.rng", "registers": ["my-persons.xml"], "debounce": 0.08,
    "extraChecks": true, "reviewReports": ["review.json"], "outline": "elements"}``;
    relative paths are taken from the first workspace folder.  ``outline`` is
    ``"divisions"`` (the default: the ``div``s named by their heads) or
    ``"elements"`` (the whole element tree, as lemminx shows it).
    """

    schema: Path | None = None
    registers: tuple[Path, ...] = ()
    debounce: float = DEFAULT_DEBOUNCE
    extra_checks: bool = True
    review_reports: tuple[Path, ...] = ()
    outline: str = "divisions"

    @classmethod
    def read(cls, raw: object, root: Path | None) -> Options:
        settings = raw if isinstance(raw, dict) else {}
        settings = settings.get("teiTools", settings)

        def place(value: str) -> Path:
            path = Path(value).expanduser()
            return path if path.is_absolute() or root is None else root / path

        schema = settings.get("schema")
        return cls(
            schema=place(schema) if schema else None,
            registers=tuple(place(p) for p in settings.get("registers", ()) or ()),
            debounce=float(settings.get("debounce", DEFAULT_DEBOUNCE)),
            extra_checks=bool(settings.get("extraChecks", True)),
            review_reports=tuple(place(p) for p in settings.get("reviewReports", ()) or ()),
            outline="elements" if settings.get("outline") == "elements" else "divisions",
        )


@dataclass
class DocumentState:
    """What the server keeps per open document."""

    uri: str
    path: Path
    version: int = 0
    schema_diagnostics: list[types.Diagnostic] = field(default_factory=list)
    schema: Path | None = None
    pending: asyncio.Task | None = None
    view: DocumentView | None = None
    view_version: int = -1
    #: The view of a large buffer's newest version, being built in the view thread.
    view_building: Future | None = None
    view_building_version: int = -1


class _Utf16Protocol(LanguageServerProtocol):
    """Always speaks UTF-16 positions, the protocol's one mandatory encoding.

    pygls would otherwise pick the first encoding a client offers; every
    range here is computed in UTF-16 code units.
    """

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams):
        if params.capabilities.general is not None:
            params.capabilities.general.position_encodings = None
        return (yield from super().lsp_initialize(params))


class TeiLanguageServer(LanguageServer):
    """A pygls server holding the open documents, the registers and the schema models."""

    def __init__(self) -> None:
        super().__init__("tei-tools", __version__, protocol_cls=_Utf16Protocol)
        self.options = Options()
        self.states: dict[str, DocumentState] = {}
        self.models = SchemaModels()
        self.validator = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tei-validate")
        #: The process the validation thread hands each check to (see lsp/worker.py).
        self.worker = ValidationProcess()
        self.viewer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tei-view")
        self._registers: WorkspaceRegisters | None = None
        self._register_key: tuple | None = None
        self._findings: list | None = None

    # ------------------------------------------------------------------ workspace

    def roots(self) -> tuple[Path, ...]:
        folders = [uri_path(f.uri) for f in (self.workspace.folders or {}).values()]
        if not folders and self.workspace.root_uri:
            folders = [uri_path(self.workspace.root_uri)]
        return tuple(p for p in folders if p is not None)

    def registers(self) -> WorkspaceRegisters:
        """The registry of the workspace, rebuilt when a register file appears or changes."""
        files = [*workspace_register_files(list(self.roots())), *self.options.registers]
        key = tuple((str(p), _mtime(p)) for p in files)
        if self._registers is None or key != self._register_key:
            self._registers = WorkspaceRegisters(files)
            self._register_key = key
            self.worker.generation += 1  # the worker reads the changed registers again
        return self._registers

    def files_changed(self) -> None:
        """Something on disk changed: sibling ids and registers are read again on next use."""
        self._register_key = None
        self._findings = None
        self.worker.generation += 1

    def findings(self) -> list:
        """Findings of the review reports named in the options (for "add register entry")."""
        if self._findings is None:
            from tei_tools.findings import ReportFormatError, load_report

            found = []
            for path in self.options.review_reports:
                try:
                    found += load_report(path.read_text(encoding="utf-8"))[0]
                except (OSError, ReportFormatError) as error:
                    log.warning("review report %s skipped: %s", path, error)
            self._findings = found
        return self._findings

    def prepare_workspace(self) -> None:
        """Read what the first requests need (the default schema model, the registers)."""
        try:
            self.model_for(DocumentState("", Path()))
            self.registers()
        except Exception:  # a request will meet the same problem and report it
            log.exception("reading the workspace ahead failed")

    def model_for(self, state: DocumentState) -> SchemaModel | None:
        """The schema model for completion and hover: the grammar the document was validated with."""
        from tei_tools.validate.schema_select import tei_all_path

        for candidate in (state.schema, self.options.schema, tei_all_path()):
            if candidate is not None and candidate.suffix.lower() == ".rng" and candidate.is_file():
                try:
                    return self.models.get(candidate)
                except Exception as error:  # a broken schema must not take the editor down
                    log.warning("schema %s not readable: %s", candidate, error)
        return None

    def view(self, uri: str) -> tuple[DocumentState, DocumentView]:
        """The view of the buffer's newest version, built here if it is not ready.

        For a hover's full view, once it is known to be ready, and for small
        buffers; every other request awaits :meth:`current_view`.
        """
        state = self.state(uri)
        if state.view is None or state.view_version != state.version:
            building = state.view_building
            if building is not None and state.view_building_version == state.version:
                state.view = building.result()  # begun when the version arrived
            else:
                text = self.workspace.get_text_document(uri).source
                state.view = DocumentView(text, state.path)
            state.view_version = state.version
            state.view_building = None
        return state, state.view

    async def current_view(self, uri: str) -> tuple[DocumentState, DocumentView]:
        """The view of the version the request was sent for, awaited off the event loop.

        A large buffer's view is built in the view thread (begun when its
        version arrived, :meth:`prepare_view`); the request waits for it there,
        so that a hover sent meanwhile is answered at once from a partial view.
        When a newer version came before this one's view was begun, there is
        nothing left to read: the request gets ``ContentModified``.
        """
        state = self.state(uri)
        version = state.version
        if state.view is not None and state.view_version == version:
            return state, state.view
        building = state.view_building if state.view_building_version == version else None
        if building is None:
            building = self.prepare_view(state)
            if building is None:  # a small buffer: built in a few milliseconds
                return self.view(uri)
        try:
            view = await asyncio.wrap_future(building)
        except asyncio.CancelledError:
            if building.cancelled():  # dropped for a newer version before it began
                raise content_modified() from None
            raise
        if state.view_version < version:
            state.view, state.view_version = view, version
        if state.view_building is building:
            state.view_building = None
        return state, view

    def prepare_view(self, state: DocumentState) -> Future | None:
        """Begin the view of a large buffer's new version in the view thread.

        Reading every tag of a 3 MB buffer takes most of a second: begun when
        the version arrives, it is often ready when a request comes, and a
        hover meanwhile reads a partial view (:meth:`view_for_hover`).
        """
        text = self.workspace.get_text_document(state.uri).source
        if len(text) < LARGE_BUFFER:
            return None
        if state.view_building is not None:
            state.view_building.cancel()  # not begun yet: an older version's
        state.view_building = self.viewer.submit(DocumentView, text, state.path)
        state.view_building_version = state.version
        return state.view_building

    def changed_since(self, uris: Iterable[str]) -> Callable[[], bool]:
        """A test of whether any of these open buffers has a newer version than now.

        Given to a request's work in a thread (outline, references, rename), which
        asks it as it goes and stops once the answer would be about older text.
        """
        seen = {uri: (self.states[uri], self.states[uri].version) for uri in uris}

        def changed() -> bool:  # read across threads: dict lookups and ints
            return any(
                self.states.get(uri) is not state or state.version != version
                for uri, (state, version) in seen.items()
            )

        return changed

    def view_for_hover(
        self, uri: str, line: int, character: int
    ) -> tuple[DocumentState, DocumentView]:
        """The full view when it is ready, else (a large buffer) a partial one around the cursor."""
        state = self.state(uri)
        building = state.view_building
        ready = state.view is not None and state.view_version == state.version
        if ready or building is None or building.done():
            return self.view(uri)
        text = self.workspace.get_text_document(uri).source
        return state, DocumentView.around(text, state.path, line, character)

    def state(self, uri: str) -> DocumentState:
        state = self.states.get(uri)
        if state is None:
            state = self.states[uri] = DocumentState(uri, uri_path(uri) or Path(unquote(uri)))
        return state

    def client_reads_markdown(self, feature: str) -> bool:
        """Whether the client declared Markdown for completion documentation or hovers."""
        capabilities = self.client_capabilities.text_document
        if capabilities is None:
            return False
        if feature == "hover":
            formats = capabilities.hover.content_format if capabilities.hover else None
        else:
            item = capabilities.completion.completion_item if capabilities.completion else None
            formats = item.documentation_format if item else None
        return formats is not None and types.MarkupKind.Markdown in formats

    def client_creates_files(self) -> bool:
        """Whether the client declared it applies ``CreateFile`` in a workspace edit."""
        workspace = self.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace else None
        operations = edit.resource_operations if edit else None
        return bool(operations and types.ResourceOperationKind.Create in operations)

    def client_takes_document_changes(self) -> bool:
        """Whether the client declared versioned ``documentChanges`` in a workspace edit."""
        workspace = self.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace else None
        return bool(edit and edit.document_changes)

    def client_takes_snippets(self) -> bool:
        capabilities = self.client_capabilities.text_document
        completion = capabilities.completion if capabilities else None
        item = completion.completion_item if completion else None
        return bool(item and item.snippet_support)

    # ----------------------------------------------------------------- validation

    def schedule(self, uri: str, delay: float) -> None:
        """Validate the document after ``delay``, cancelling what an older version started."""
        state = self.state(uri)
        if state.pending is not None:
            state.pending.cancel()
        state.pending = asyncio.get_running_loop().create_task(
            self._validate_later(state, state.version, delay)
        )

    async def _validate_later(self, state: DocumentState, version: int, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        text = self.workspace.get_text_document(state.uri).source
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(self.validator, self._check, state, version, text)
        if checked is None or state.version != version or state.uri not in self.states:
            return  # a newer version arrived: its own validation publishes
        if checked.well_formed:
            state.schema_diagnostics = checked.diagnostics
            state.schema = checked.schema or state.schema
            shown = checked.diagnostics
        else:
            shown = [*checked.diagnostics, *state.schema_diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=state.uri, diagnostics=shown, version=version)
        )

    def _check(self, state: DocumentState, version: int, text: str) -> Checked | None:
        """Runs in the validation thread; a version superseded while queued is skipped."""
        if state.version != version:
            return None
        started = time.perf_counter()

        def superseded() -> bool:  # read across threads: an int and a dict lookup
            return state.version != version or state.uri not in self.states

        try:
            checked = self.worker.check(
                text,
                state.path,
                schema=self.options.schema,
                registers=tuple(self.registers().files),
                extra_checks=self.options.extra_checks,
                cancelled=superseded,
            )
            if checked is not None and checked.diagnostics:
                # Register pointers get their did-you-mean from the workspace's registry.
                checked = replace(
                    checked,
                    diagnostics=with_register_suggestions(
                        checked.diagnostics, self.registers().registry
                    ),
                )
            log.info(
                "%s %s version %d in %.0f ms",
                "validated" if checked is not None else "stopped validating (superseded)",
                state.uri,
                version,
                (time.perf_counter() - started) * 1000,
            )
            return checked
        except Exception as error:  # the server must outlive any document
            log.exception("validation failed for %s", state.uri)
            diagnostic = types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=f"tei-tools could not validate this document: {error}",
                severity=types.DiagnosticSeverity.Warning,
                source="tei-tools",
            )
            return Checked([diagnostic], True)


def content_modified() -> Exception:
    """The protocol's answer to a request whose document changed while it was worked on."""
    from pygls.exceptions import JsonRpcContentModified

    return JsonRpcContentModified("the document changed; ask again")


def uri_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def create_server() -> TeiLanguageServer:
    """A server with every feature registered (started by :func:`serve`, or driven by tests)."""
    server = TeiLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: TeiLanguageServer, params: types.InitializeParams) -> None:
        roots = ls.roots()
        ls.options = Options.read(params.initialization_options, roots[0] if roots else None)
        # The schema's element documentation and the workspace's registers are read once,
        # in the view thread, before the first hover or completion needs them.
        ls.viewer.submit(ls.prepare_workspace)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: TeiLanguageServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings:
            roots = ls.roots()
            ls.options = Options.read(params.settings, roots[0] if roots else None)
            ls.files_changed()
            for uri in ls.states:
                ls.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: TeiLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.files_changed()
        for uri in ls.states:
            ls.schedule(uri, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TeiLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        state = ls.state(params.text_document.uri)
        state.version = params.text_document.version
        ls.prepare_view(state)
        ls.schedule(state.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TeiLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        state = ls.state(params.text_document.uri)
        state.version = params.text_document.version
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                state.schema_diagnostics = shift_diagnostics(state.schema_diagnostics, change)
        ls.prepare_view(state)
        ls.schedule(state.uri, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TeiLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.files_changed()  # a saved document may be another's pointer target or a register
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TeiLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        state = ls.states.pop(params.text_document.uri, None)
        if state is not None and state.pending is not None:
            state.pending.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        # Not space, ":" or quotes alone: in running text they would pop up element names.
        types.CompletionOptions(trigger_characters=["<", "/", '"', "'", "#"]),
    )
    async def completion(
        ls: TeiLanguageServer, params: types.CompletionParams
    ) -> types.CompletionList:
        state, view = await ls.current_view(params.text_document.uri)
        model = ls.model_for(state)
        if model is None:
            return types.CompletionList(is_incomplete=False, items=[])
        offset = view.lines.offset(params.position.line, params.position.character)
        context = params.context
        trigger = (
            context.trigger_character
            if context is not None
            and context.trigger_kind == types.CompletionTriggerKind.TriggerCharacter
            else None
        )
        items = complete(
            view,
            offset,
            model,
            ls.registers().registry,
            snippets=ls.client_takes_snippets(),
            trigger=trigger,
        )
        if not ls.client_reads_markdown("completion"):
            items = as_plain_text(items)
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: TeiLanguageServer, params: types.HoverParams) -> types.Hover | None:
        position = params.position
        state, view = ls.view_for_hover(params.text_document.uri, position.line, position.character)
        offset = view.lines.offset(params.position.line, params.position.character)
        found = hover(view, offset, ls.model_for(state), ls.registers())
        if (
            found is not None
            and isinstance(found.contents, types.MarkupContent)
            and not ls.client_reads_markdown("hover")
        ):
            found.contents = types.MarkupContent(types.MarkupKind.PlainText, found.contents.value)
        return found

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def on_definition(
        ls: TeiLanguageServer, params: types.DefinitionParams
    ) -> types.Location | None:
        _, view = await ls.current_view(params.text_document.uri)
        offset = view.lines.offset(params.position.line, params.position.character)
        target = definition(view, offset, ls.registers())
        if target is None:
            return None
        if target.path is None:
            return types.Location(
                params.text_document.uri, span_range(view.lines, target.start, target.end)
            )
        text = target.text if target.text is not None else target.path.read_text(encoding="utf-8")
        lines = LineIndex(text)
        return types.Location(
            target.path.resolve().as_uri(), span_range(lines, target.start, target.end)
        )

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def on_references(
        ls: TeiLanguageServer, params: types.ReferenceParams
    ) -> list[types.Location]:
        superseded = ls.changed_since(ls.states)
        _, view = await ls.current_view(params.text_document.uri)
        offset = view.lines.offset(params.position.line, params.position.character)
        target = rename_target(view, offset)
        if target is None:  # an unsaved buffer: its own pointers
            spans = references(view, offset, params.context.include_declaration)
            return [
                types.Location(params.text_document.uri, span_range(view.lines, s, e))
                for s, e in spans
            ]
        buffers = {s.path: ls.workspace.get_text_document(u).source for u, s in ls.states.items()}
        try:
            found = await asyncio.to_thread(
                lambda: workspace_references(
                    target,
                    workspace_documents(ls.roots(), buffers, also=ls.options.registers),
                    params.context.include_declaration,
                    cancelled=superseded,
                )
            )
        except Superseded:
            raise content_modified() from None
        if superseded():
            raise content_modified()
        open_uris = {s.path: u for u, s in ls.states.items()}
        return [
            types.Location(
                open_uris.get(file.path) or file.path.resolve().as_uri(),
                span_range(file.view.lines, start, end),
            )
            for file in found
            for start, end, _ in file.edits
        ]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def on_code_action(
        ls: TeiLanguageServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        uri = params.text_document.uri
        _, view = await ls.current_view(uri)
        actions = quick_fixes(view, uri, list(params.context.diagnostics))
        offset = view.lines.offset(params.range.start.line, params.range.start.character)
        actions += register_entry_actions(
            view,
            uri,
            offset,
            registers=ls.registers(),
            workspace_roots=ls.roots(),
            findings=ls.findings(),
            can_create_files=ls.client_creates_files(),
            document_changes=ls.client_takes_document_changes(),
        )
        return actions

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def on_symbols(
        ls: TeiLanguageServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        uri = params.text_document.uri
        changed = ls.changed_since([uri])
        _, view = await ls.current_view(uri)
        # A view is one immutable version of the buffer: read in a thread, so that a
        # hover sent meanwhile is answered from the event loop, and dropped once the
        # buffer has a newer version (VS Code asks for the outline after every edit).
        read = element_outline if ls.options.outline == "elements" else outline
        try:
            return await asyncio.to_thread(read, view, cancelled=changed)
        except Superseded:
            raise content_modified() from None

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    async def on_folding_range(
        ls: TeiLanguageServer, params: types.FoldingRangeParams
    ) -> list[types.FoldingRange]:
        _, view = await ls.current_view(params.text_document.uri)
        capabilities = ls.client_capabilities.text_document
        folding = capabilities.folding_range if capabilities else None
        limit = folding.range_limit if folding else None
        return await asyncio.to_thread(folding_ranges, view, limit)

    @server.feature(types.TEXT_DOCUMENT_SELECTION_RANGE)
    async def on_selection_range(
        ls: TeiLanguageServer, params: types.SelectionRangeParams
    ) -> list[types.SelectionRange]:
        _, view = await ls.current_view(params.text_document.uri)
        offsets = [view.lines.offset(p.line, p.character) for p in params.positions]
        return selection_ranges(view, offsets)

    @server.feature(types.TEXT_DOCUMENT_LINKED_EDITING_RANGE)
    async def on_linked_editing_range(
        ls: TeiLanguageServer, params: types.LinkedEditingRangeParams
    ) -> types.LinkedEditingRanges | None:
        _, view = await ls.current_view(params.text_document.uri)
        offset = view.lines.offset(params.position.line, params.position.character)
        return linked_editing_ranges(view, offset)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)
    async def on_document_link(
        ls: TeiLanguageServer, params: types.DocumentLinkParams
    ) -> list[types.DocumentLink]:
        _, view = await ls.current_view(params.text_document.uri)
        return await asyncio.to_thread(document_links, view)  # one stat per relative path

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    async def on_formatting(
        ls: TeiLanguageServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit]:
        _, view = await ls.current_view(params.text_document.uri)
        options = params.options
        indent = " " * options.tab_size if options.insert_spaces else "\t"
        edits = await asyncio.to_thread(format_document, view.text, indent)
        return [
            types.TextEdit(span_range(view.lines, start, end), new) for start, end, new in edits
        ]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    async def on_prepare_rename(
        ls: TeiLanguageServer, params: types.PrepareRenameParams
    ) -> types.PrepareRenamePlaceholder | None:
        _, view = await ls.current_view(params.text_document.uri)
        offset = view.lines.offset(params.position.line, params.position.character)
        found = rename_target(view, offset) or renamable(view, offset)
        if found is None:
            return None  # the client says there is nothing to rename here
        return types.PrepareRenamePlaceholder(
            range=span_range(view.lines, found.start, found.end), placeholder=found.xml_id
        )

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    async def on_rename(ls: TeiLanguageServer, params: types.RenameParams) -> types.WorkspaceEdit:
        from pygls.exceptions import JsonRpcException

        uri = params.text_document.uri
        superseded = ls.changed_since(ls.states)
        # The versions the edits are for: a client drops an edit of a buffer changed since.
        opened = {u: s.version for u, s in ls.states.items()}
        state, view = await ls.current_view(uri)
        offset = view.lines.offset(params.position.line, params.position.character)
        target = rename_target(view, offset)
        try:
            if target is None:  # an unsaved buffer, or no id here: the buffer alone
                result = rename(view, offset, params.new_name)
                edited = [FileEdits(state.path, view, result.edits, result.skipped)]
            else:  # every file of the workspace that points at the id, read off the loop
                buffers = {
                    s.path: ls.workspace.get_text_document(u).source for u, s in ls.states.items()
                }
                edited = await asyncio.to_thread(
                    lambda: workspace_rename(
                        target,
                        params.new_name,
                        # The register files the settings name count as the workspace's.
                        workspace_documents(ls.roots(), buffers, also=ls.options.registers),
                        cancelled=superseded,
                    )
                )
        except RenameRefused as refused:
            # The protocol's way to refuse: an error response the client shows as is.
            raise JsonRpcException(str(refused), code=types.LSPErrorCodes.RequestFailed) from None
        except Superseded:
            raise content_modified() from None
        if superseded():
            raise content_modified()
        skipped = [text for file in edited for _, _, text in file.skipped]
        if skipped:
            listed = ", ".join(f'"{text}"' for text in skipped[:5])
            ls.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Warning,
                    f"{len(skipped)} pointer(s) resolve to this id through a prefixDef "
                    f"that does not keep the id as written, and were left unchanged: {listed}",
                )
            )
        open_uris = {s.path: u for u, s in ls.states.items()}
        by_uri = {
            open_uris.get(file.path) or file.path.resolve().as_uri(): [
                types.TextEdit(span_range(file.view.lines, start, end), text)
                for start, end, text in file.edits
            ]
            for file in edited
            if file.edits
        }
        if not ls.client_takes_document_changes():
            return types.WorkspaceEdit(changes=by_uri)
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    types.OptionalVersionedTextDocumentIdentifier(u, opened.get(u)), edits
                )
                for u, edits in by_uri.items()
            ]
        )

    @server.feature(types.SHUTDOWN)
    def on_shutdown(ls: TeiLanguageServer, params: None) -> None:
        ls.validator.shutdown(wait=False, cancel_futures=True)
        ls.worker.shutdown()
        ls.viewer.shutdown(wait=False, cancel_futures=True)

    return server


def serve() -> int:
    """Run the server on standard input and output until the client says exit.

    The exit status is pygls's for ``exit`` (0 after ``shutdown``, else 1), 0
    at the end of input, and 1 after a framing error (see :mod:`.framing`).
    """
    import asyncio
    import threading

    from pygls.io_ import StdoutWriter

    from tei_tools.lsp.framing import serve_messages

    server = create_server()
    server._stop_event = stop = threading.Event()
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        error = asyncio.run(
            serve_messages(
                sys.stdin.buffer,
                server.protocol.handle_message,
                server.protocol.structure_message,
                stop,
            )
        )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except BrokenPipeError:
        return 1
    finally:
        server.shutdown()
    return 1 if error else 0
