"""The review web application: Starlette routes over a :class:`ReviewSession`.

Why Starlette (with uvicorn): it is small (no ORM, no admin, no forms layer
we would not use), its ``TestClient`` drives the real application in-process
for the API tests, and uvicorn serves it from one process with a socket we
bind ourselves to 127.0.0.1.  Flask would have done as well; Starlette's
explicit middleware made the security checks below one short class.

Security, on a machine other users share:

- the server binds 127.0.0.1 only, and refuses a ``Host`` other than
  ``127.0.0.1`` or ``localhost`` (no DNS rebinding);
- a random token is in the URL printed at start, as Jupyter does; opening it
  sets an HttpOnly, SameSite=Strict cookie, and every request needs it;
- every write needs the token again in a header (which a page of another
  origin cannot set) and a JSON body, and a request whose ``Origin`` is not
  this server is refused;
- document text reaches the page only through lxml's serialiser and Jinja's
  autoescaping, and the Content-Security-Policy allows only our own script;
- every write quotes the version of the decisions file it was based on; a
  stale one gets 409 and a message, never a silent overwrite.
"""

from __future__ import annotations

import json
import secrets
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from tei_tools.errors import TeiToolsError
from tei_tools.markup.decisions.store import ConflictError
from tei_tools.review.registers import EntryError, NewEntry
from tei_tools.review.render import render_block, render_document
from tei_tools.review.session import ActionError, ReviewSession

COOKIE = "tei_tools_review"
TOKEN_HEADER = "x-review-token"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
STATIC_FILES = {"review.js": "text/javascript", "review.css": "text/css"}
#: The largest request body read: a decision is a few hundred bytes.
MAX_BODY = 1024 * 1024


class BadRequest(Exception):
    """A request the application cannot read: answered 4xx with its message."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard(BaseHTTPMiddleware):
    """Host check, token cookie, and the extra checks on writes (see the module docstring)."""

    def __init__(self, app, token: str) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0]
        if host not in LOCAL_HOSTS:
            return PlainTextResponse("refused: this server answers on 127.0.0.1 only", 400)
        given = request.query_params.get("token")
        if request.method == "GET" and given is not None:
            if not secrets.compare_digest(given, self.token):
                return PlainTextResponse("refused: wrong token", 403)
            rest = {k: v for k, v in request.query_params.items() if k != "token"}
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            response = RedirectResponse(target, 303)
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict", path="/")
            return response
        if not secrets.compare_digest(request.cookies.get(COOKIE, ""), self.token):
            return PlainTextResponse(
                "refused: open the URL that `tei-tools review` printed (it carries the token)", 403
            )
        if request.method not in ("GET", "HEAD"):
            refusal = self._refuse_write(request)
            if refusal is not None:
                return JSONResponse({"error": refusal}, 403)
            length = request.headers.get("content-length", "")
            if length and (not length.isdigit() or int(length) > MAX_BODY):
                return JSONResponse({"error": f"refused: a body over {MAX_BODY} bytes"}, 413)
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _refuse_write(self, request: Request) -> str | None:
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host')}":
            return "refused: a write from another origin"
        if not secrets.compare_digest(request.headers.get(TOKEN_HEADER, ""), self.token):
            return "refused: a write without the review token"
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return "refused: writes are JSON"
        return None


def create_app(session: ReviewSession, token: str) -> Starlette:
    """The application for one review session, guarded by ``token``."""
    templates = Environment(
        loader=PackageLoader("tei_tools.review", "templates"),
        autoescape=select_autoescape(default=True),
    )

    def page(template: str, **context: Any) -> HTMLResponse:
        context.update(
            token=token,
            editor=session.editor,
            corpus=session.root.resolve().name,
            unreadable=session.unreadable,
        )
        return HTMLResponse(templates.get_template(template).render(**context))

    def queue_page(request: Request) -> Response:
        params = request.query_params
        kind, document, name = (
            params.get("kind", ""),
            params.get("document", ""),
            params.get("name", ""),
        )
        return page(
            "queue.html",
            groups=session.queue(kind=kind, document=document, name=name),
            progress=session.progress(),
            kinds=session.kinds(),
            documents=sorted(session.sources),
            kind=kind,
            document=document,
            name=name,
        )

    def document_page(request: Request) -> Response:
        stem = request.path_params["stem"]
        if stem not in session.sources:
            return PlainTextResponse("no such document", 404)
        try:
            state = session.document(stem)
        except TeiToolsError as error:
            return PlainTextResponse(f"this document cannot be reviewed: {error}", 422)
        reviewed, total = state.progress
        return page(
            "document.html",
            stem=stem,
            title=_title(state),
            text=render_document(state, session.registry),
            version=state.decisions.version,
            reviewed=reviewed,
            total=total,
            not_applied=state.not_applied,
            dropped=[i.finding.text for i in state.located if i.start < 0 and not i.reviewed],
        )

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_FILES:
            return PlainTextResponse("not found", 404)
        data = (resources.files("tei_tools.review") / "static" / name).read_bytes()
        return Response(data, media_type=STATIC_FILES[name])

    def search_registers(request: Request) -> Response:
        query = request.query_params.get("q", "")
        kind = request.query_params.get("kind", "")
        refs = [r for r in request.query_params.get("refs", "").split(",") if r]
        hits = session.index.entries(refs) if refs else session.index.search(query, kind=kind)
        return JSONResponse({"hits": [hit.as_dict() for hit in hits]})

    def document_state(request: Request) -> Response:
        stem = request.path_params["stem"]
        if stem not in session.sources:
            return JSONResponse({"error": f"no document {stem!r}"}, 404)
        try:
            state = session.document(stem)
        except TeiToolsError as error:
            return JSONResponse({"error": str(error)}, 422)
        reviewed, total = state.progress
        return JSONResponse(
            {
                "version": state.decisions.version,
                "reviewed": reviewed,
                "total": total,
                "decisions": [d.__dict__ for d in state.decisions.decisions],
                "not_applied": [
                    {"id": d.id, "text": d.text, "why": why} for d, why in state.not_applied
                ],
            }
        )

    async def decide(request: Request) -> Response:
        stem, body = request.path_params["stem"], await _json(request)
        fields = {
            key: str(body.get(key, ""))
            for key in ("new_type", "extent", "ref", "value", "calendar", "text")
        }
        return await _act(
            session,
            stem,
            body,
            lambda: session.decide(
                stem,
                version=str(body.get("version", "")),
                start=_int(body.get("start")),
                end=_int(body.get("end")),
                action=str(body.get("action", "")),
                everywhere=bool(body.get("everywhere")),
                **fields,
            ),
        )

    async def create_entry(request: Request) -> Response:
        stem, body = request.path_params["stem"], await _json(request)
        names = body.get("names") or []
        entry = NewEntry(
            str(body.get("type", "")),
            tuple(str(n) for n in names) if isinstance(names, list) else (),
            str(body.get("birth", "")),
            str(body.get("death", "")),
            str(body.get("wikidata", "")),
        )
        return await _act(
            session,
            stem,
            body,
            lambda: session.create_entry(
                stem,
                version=str(body.get("version", "")),
                start=_int(body.get("start")),
                end=_int(body.get("end")),
                entry=entry,
                everywhere=bool(body.get("everywhere")),
            ),
        )

    async def undo(request: Request) -> Response:
        stem, body = request.path_params["stem"], await _json(request)
        return await _act(
            session,
            stem,
            body,
            lambda: session.undo(
                stem, version=str(body.get("version", "")), group=str(body.get("group", ""))
            ),
            redraw=False,
        )

    routes = [
        Route("/", queue_page),
        Route("/doc/{stem}", document_page),
        Route("/static/{name}", static),
        Route("/api/registers", search_registers),
        Route("/api/doc/{stem}", document_state),
        Route("/api/doc/{stem}/decide", decide, methods=["POST"]),
        Route("/api/doc/{stem}/entry", create_entry, methods=["POST"]),
        Route("/api/doc/{stem}/undo", undo, methods=["POST"]),
    ]

    async def bad_request(request: Request, error: Exception) -> Response:
        assert isinstance(error, BadRequest)
        return JSONResponse({"error": error.message}, error.status)

    return Starlette(
        routes=routes,
        middleware=[Middleware(Guard, token=token)],
        exception_handlers={BadRequest: bad_request},
    )


async def _act(
    session: ReviewSession, stem: str, body: dict, action, *, redraw: bool = True
) -> Response:
    """Run an action off the event loop, then answer (see :func:`answer_action`)."""
    return await run_in_threadpool(answer_action, session, stem, body, action, redraw)


def answer_action(session: ReviewSession, stem: str, body: dict, action, redraw: bool) -> Response:
    """Run an action and answer with its result, the new version and the redrawn block."""
    if stem not in session.sources:
        return JSONResponse({"error": f"no document {stem!r}"}, 404)
    try:
        result = action()
    except ConflictError as conflict:
        return JSONResponse({"error": conflict.message, "conflict": True}, 409)
    except (ActionError, EntryError) as refused:
        return JSONResponse({"error": getattr(refused, "message", str(refused))}, 422)
    except TeiToolsError as error:
        return JSONResponse({"error": str(error)}, 422)
    state = session.document(stem)
    reviewed, total = state.progress
    answer = {**result, "version": state.decisions.version, "reviewed": reviewed, "total": total}
    start = _int(body.get("start"))
    block = state.current_stream.block_at(start, start + 1) if start >= 0 else None
    if (
        redraw
        and block is not None
        and len(result.get("documents", [])) <= 1
        and "ref" not in result
    ):
        index = state.current_stream.blocks.index(block)
        answer["blocks"] = {str(index): render_block(state, index, session.registry)}
    else:
        answer["reload"] = True
    return JSONResponse(answer)


async def _json(request: Request) -> dict:
    """The request's JSON object, read up to :data:`MAX_BODY` bytes; BadRequest otherwise."""
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise BadRequest(f"refused: a body over {MAX_BODY} bytes", 413)
    try:
        body = json.loads((data or b"{}").decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8") from None
    except RecursionError:
        raise BadRequest("the body's JSON is nested too deeply") from None
    except ValueError as exc:
        raise BadRequest(f"the body is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    return body


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: 1e999 is infinity
        return -1


def _title(state) -> str:
    head = state.current.getroot().find(".//{*}titleStmt/{*}title")
    return "".join(head.itertext()) if head is not None else state.stem
