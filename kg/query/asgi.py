"""The HTTP side of ``kg serve``: an ASGI app (Starlette) that reads the SPARQL 1.1 Protocol's
requests within their limits, hands queries and updates to the worker pool, and logs a line per
request. Why Starlette under uvicorn: see :mod:`kg.query.endpoint`.
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.parse

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .protocol import service_description

__all__ = ["make_app", "MAX_QUERY_BODY", "MAX_UPDATE_BODY", "BODY_TIMEOUT"]

#: The access log (kg serve writes it on stderr).
logger = logging.getLogger("kg.query.endpoint")

#: Bytes of a query (or form) body; of an update body (INSERT DATA of a document is larger).
MAX_QUERY_BODY = 1 * 2**20
MAX_UPDATE_BODY = 16 * 2**20
#: Seconds a client has to send a request's body once its headers came.
BODY_TIMEOUT = 10.0


def _plain(status: int, message: str) -> Response:
    """An error (or a short answer) as one line of text."""
    return Response(" ".join(message.split())[:500] + "\n", status_code=status, media_type="text/plain")


def make_app(endpoint, cors: str | None) -> Starlette:
    """The Starlette app of an :class:`kg.query.endpoint.Endpoint`: its routes answer from its pool
    (queries, updates), its ``writable``, ``source`` and ``quads`` (the service description)."""
    pool = endpoint.pool

    async def sparql(request: Request) -> Response:
        """A query or an update, by GET or POST, as the protocol allows them."""
        path = request.url.path
        try:
            fields, body = await _fields(request)
        except _Refused as refused:
            return _plain(refused.status, refused.message)
        queries, updates = fields.get("query", []), fields.get("update", [])
        if body is not None:
            (queries if body[0] == "query" else updates).append(body[1])
        if len(queries) + len(updates) > 1:
            return _plain(400, "give one query or one update per request")
        if queries and path != "/update":
            request.state.kind = "query"
            status, media, data, rows = await pool.query(
                queries[0],
                request.headers.get("accept", ""),
                fields.get("default-graph-uri", []),
                fields.get("named-graph-uri", []),
            )
            request.state.rows = rows
            return Response(data if status < 300 else data + b"\n", status_code=status, media_type=media)
        if updates and path != "/query":
            if request.method != "POST":
                return _plain(400, "an update must be POSTed")
            if not endpoint.writable:
                return _plain(403, "this endpoint is read-only (kg serve --writable)")
            if fields.get("using-graph-uri") or fields.get("using-named-graph-uri"):
                return _plain(400, "using-graph-uri and using-named-graph-uri are not supported; use USING")
            status, media, data, _ = await pool.update(updates[0])
            return Response(data if status < 300 else data + b"\n", status_code=status, media_type=media)
        if request.method == "GET" and not fields:
            return _description(request)
        what = "an update (POST, application/sparql-update or a form)" if path == "/update" else "a query"
        return _plain(400, f"no query or update here: send {what}")

    def _description(request: Request) -> Response:
        base = str(request.base_url).rstrip("/")
        about = f"kg SPARQL endpoint on {endpoint.source} ({endpoint.quads:,} quads): GET or POST {base}/query" + (
            f" and POST {base}/update" if endpoint.writable else " (read-only)"
        )
        text = service_description(f"{base}/query", writable=endpoint.writable, about=about)
        return Response(text, media_type="text/turtle")

    async def health(request: Request) -> Response:
        """Whether the endpoint answers, and its workers (pid, busy)."""
        workers = pool.describe()
        ready = sum(not w["writer"] for w in workers) > 0
        return JSONResponse(
            {"status": "ok" if ready else "starting", "workers": workers, "generation": pool.generation},
            status_code=200 if ready else 503,
        )

    async def not_found(request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        if status == 404:
            return _plain(404, f"no such endpoint {request.url.path}; use /query, /update or /health")
        if status == 405:
            return _plain(405, f"{request.method} is not answered here; use GET or POST")
        return _plain(status, getattr(error, "detail", "") or "error")

    middleware = [Middleware(_AccessLog)]
    if cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[cors],
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept"],
            )
        )
    routes = [Route(path, sparql, methods=["GET", "POST"]) for path in ("/", "/query", "/sparql", "/update")]
    routes.append(Route("/health", health, methods=["GET"]))
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: not_found})


class _Refused(Exception):
    """A request refused before any query runs: its status and one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


_KINDS = {
    "application/sparql-query": ("query", MAX_QUERY_BODY),
    "application/sparql-update": ("update", MAX_UPDATE_BODY),
    "application/x-www-form-urlencoded": ("form", MAX_UPDATE_BODY),
}


def _parsed_fields(text: str) -> dict[str, list[str]]:
    """The fields of a query string or form, at most 1,000 (more is a client's error, a 400)."""
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, max_num_fields=1000)
    except ValueError:
        raise _Refused(400, "more than 1,000 fields in the request") from None


async def _fields(request: Request) -> tuple[dict[str, list[str]], tuple[str, str] | None]:
    """The protocol's fields of a request (from its URL, and a form body), and a direct body
    (``("query", text)`` or ``("update", text)``), read within the body limits."""
    fields = _parsed_fields(request.url.query)
    if request.method != "POST":
        return fields, None
    kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if kind not in _KINDS:
        raise _Refused(
            415,
            f"cannot read a {kind or 'body without a Content-Type'}; POST "
            "application/sparql-query, application/sparql-update or a form",
        )
    what, limit = _KINDS[kind]
    body = await _body(request, limit)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _Refused(400, "the body is not UTF-8") from None
    if what != "form":
        return fields, (what, text)
    form = _parsed_fields(text)
    if form.get("query") and len(text) > MAX_QUERY_BODY:
        raise _Refused(413, f"a query may be at most {MAX_QUERY_BODY:,} bytes")
    for name, values in form.items():
        fields.setdefault(name, []).extend(values)
    return fields, None


async def _body(request: Request, limit: int) -> bytes:
    """The body, refused past ``limit`` bytes (before reading, by its Content-Length, and while it
    streams) or when it has not all come within :data:`BODY_TIMEOUT` seconds."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise _Refused(413, f"the body would be {int(length):,} bytes; at most {limit:,} are read")
    chunks, size = [], 0
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _Refused(413, f"the body is over {limit:,} bytes, the most read")
                chunks.append(chunk)
    except TimeoutError:
        raise _Refused(408, f"the body did not come within {BODY_TIMEOUT:g} s") from None
    return b"".join(chunks)


class _AccessLog:
    """One log line per request: client, method and path, status, duration, result rows."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        """Pass the request on, noting the status it is answered with."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), [0]

        async def sending(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            rows = scope.get("state", {}).get("rows")
            client = scope.get("client") or ("-", 0)
            logger.info(
                "%s %s %s %d %.1f ms%s",
                client[0],
                scope["method"],
                scope["path"],
                status[0],
                (time.perf_counter() - started) * 1000,
                "" if rows is None else f" {rows} rows",
            )
