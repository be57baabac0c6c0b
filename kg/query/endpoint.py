"""``kg serve``: a graph or store as a SPARQL 1.1 endpoint that can be shared: concurrent, bounded,
crash-isolated.

The endpoint speaks the SPARQL 1.1 Protocol on ``/query`` (GET ``?query=``, POST of
``application/sparql-query`` or of a form, with ``default-graph-uri``/``named-graph-uri`` naming
graphs of the store, never fetched) and, only when started writable, on ``/update``. ``/`` takes
both and, without a query, gives the service description (Turtle); ``/health`` says whether the
workers are there. Queries see the union of the graphs, as ``kg query`` does. As everywhere in kg,
``SERVICE``, ``FROM <url>`` and ``LOAD`` are refused unless the network is allowed (the one check
of :mod:`kg.query.sparql`, run in the worker on the text that worker runs).

Why this stack. The standard library's ``http.server`` (kg serve until issue 21) answers one request
at a time: one slow query, one slow client or one crash stops every other user. What the field uses:
Fuseki (Jetty, a thread pool and a query timeout), Oxigraph's own server (a thread per request, no
isolation), ``rdflib-endpoint`` (FastAPI under uvicorn). kg's queries are CPU-bound in Oxigraph,
cannot be interrupted and can crash their process, so they need processes of their own
(:mod:`kg.query.workers`) whatever the HTTP server; the HTTP side then only waits, which an event loop
does best. So: an ASGI app (Starlette: routing, forms, CORS, a few hundred kB) under uvicorn with
its pure-Python h11 parser, on a socket kg binds itself (a backlog of 2048, not 5). uvicorn bounds
header size (``h11_max_incomplete_event_size``), concurrent connections (``limit_concurrency``:
503 past it) and idle keep-alive (5 s); what it does not bound, kg adds: a deadline for a request's
headers (:class:`_Protocol`, against slowloris), a deadline and a size limit for its body (checked
while it streams in), and every malformed request gets a 4xx with a one-line reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import KgError
from ..store import OxigraphStore, is_store_path
from .limits import run_limited
from .protocol import service_description
from .sparql import check_update
from .workers import Limits, WorkerPool

__all__ = ["Endpoint", "Limits", "check_update", "make_server", "serve", "DEFAULT_MEMORY", "DEFAULT_WORKERS"]

logger = logging.getLogger(__name__)

#: Bytes of a query (or form) body; of an update body (INSERT DATA of a document is larger).
MAX_QUERY_BODY = 1 * 2**20
MAX_UPDATE_BODY = 16 * 2**20
#: Seconds a client has to send a request's headers, then its body.
HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
#: Address space of one worker: 4 GiB, so that the default pool (one worker a core, two to eight)
#: stays within half of a 24 GB machine however many queries run at once.
DEFAULT_MEMORY = 4 * 2**30
#: Read workers by default: the cores, at least two (one long query leaves another worker free).
DEFAULT_WORKERS = max(2, min(os.cpu_count() or 2, 8))
_BACKLOG = 2048
_CONNECTIONS = 500


class _Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request's headers.

    uvicorn times out an idle keep-alive connection, but a client that sends its headers a byte
    at a time (slowloris) resets that timer with every byte and holds the connection for ever.
    """

    header_timeout = HEADER_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport):
        """Start the deadline for the first request's headers."""
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        """A new deadline for the next request's headers on this connection."""
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """No deadline for a closed connection."""
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(self.header_timeout, self._late)

    def _late(self) -> None:
        # Headers not complete in time (no request in hand, or only the last one, answered): close.
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            self.transport.write(
                b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain\r\nconnection: close\r\n"
                b"content-length: 37\r\n\r\nthe request headers came too slowly.\n"
            )
            self.transport.close()


class _Server(uvicorn.Server):
    """uvicorn's server, ending on SIGTERM or Ctrl-C as usual but without re-raising the signal
    afterwards (uvicorn does, which would skip closing the workers and removing the temporary store)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """Ask for a graceful stop on SIGINT/SIGTERM (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _plain(status: int, message: str) -> Response:
    """An error (or a short answer) as one line of text."""
    return Response(" ".join(message.split())[:500] + "\n", status_code=status, media_type="text/plain")


class Endpoint:
    """A SPARQL endpoint over a store folder, a graph file or an :class:`OxigraphStore`; bound but
    not started (:meth:`serve_forever`).

    A graph file, or a store in memory, is first written to a temporary store folder that every
    worker opens read-only (and the writer for writing, with ``writable``): one copy on disk, the
    operating system's page cache shared, updates to it lost on exit.

    Parameters
    ----------
    source : str, Path or OxigraphStore
    host, port : where to listen (port 0: any free port; see :attr:`server_address`).
    writable : bool
        Accept SPARQL Update (one writer, in order).
    allow_network : bool
        Let queries use ``SERVICE``, ``FROM <url>`` and ``LOAD``.
    workers : int
        Read workers (queries at once).
    limits : Limits
        Time, rows and memory of each query.
    cors : str, optional
        An origin whose web pages may query the endpoint (``*`` for any); none by default.
    """

    def __init__(
        self,
        source: str | Path | OxigraphStore,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        writable: bool = False,
        allow_network: bool = False,
        workers: int = DEFAULT_WORKERS,
        limits: Limits | None = None,
        cors: str | None = None,
    ):
        self.source = source
        self.writable = writable
        self.limits = limits or Limits(memory=DEFAULT_MEMORY)
        self._temporary: str | None = None
        location, namespaces, self.quads = self._location(source, writable)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((host, port))
            self.socket.listen(_BACKLOG)
        except OSError:
            self.socket.close()
            self._remove_temporary()
            raise
        self.server_address = self.socket.getsockname()[:2]
        self.pool = WorkerPool(
            location, namespaces, size=workers, limits=self.limits, allow_network=allow_network, writable=writable
        )
        self.pool.close_in_workers.append(self.socket.fileno())
        self.app = _app(self, cors)
        self._server: _Server | None = None
        self._stopped = threading.Event()

    @property
    def url(self) -> str:
        """The query endpoint's URL."""
        host, port = self.server_address
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/query"

    def _location(self, source, writable: bool) -> tuple[str | OxigraphStore, dict[str, str], int]:
        """The store folder the workers open (or the store in memory they share), the prefixes
        queries may use, the quads.

        Read-only, a graph file is loaded into memory here, once, and the forked workers share it
        (copy-on-write, nothing copied while nobody writes): Oxigraph answers from memory ~2x
        faster than from RocksDB, and a fresh worker needs no loading.

        Writable, a graph file (or a store in memory) is written to a temporary store, and a store folder
        counted, in a child process: this process never opens a store with RocksDB, whose
        background threads (flushes, compactions) a forked writer would then lack (it would wait
        for ever on its first flush).
        """
        if isinstance(source, OxigraphStore) and source.location is not None:
            return source.location, source.prefixes(), len(source)
        if not isinstance(source, OxigraphStore) and is_store_path(source):
            return str(source), *_described(lambda: OxigraphStore(source, read_only=True))
        if not writable:
            store = source if isinstance(source, OxigraphStore) else OxigraphStore.from_file(source)
            return store, store.prefixes(), len(store)
        self._temporary = tempfile.mkdtemp(prefix="kg-serve-")
        folder = os.path.join(self._temporary, "store")

        try:
            if isinstance(source, OxigraphStore):
                data = source._open_store.dump(format=ox.RdfFormat.N_QUADS)
                namespaces, quads = _in_fresh_process(_copy, folder, None, data)
            else:
                namespaces, quads = _in_fresh_process(_copy, folder, str(source), None)
            # A store given keeps the prefixes of the files loaded into it (the copy has none).
            return folder, source.prefixes() if isinstance(source, OxigraphStore) else namespaces, quads
        except BaseException:
            self._remove_temporary()
            raise

    def _remove_temporary(self) -> None:
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None

    def start_workers(self) -> None:
        """Fork the workers (each opens the store); a :class:`KgError` if they cannot."""
        if not self.pool._workers:
            self.pool.start()

    def serve_forever(self) -> None:
        """Answer requests until SIGTERM, Ctrl-C or :meth:`shutdown`; in-flight queries finish or are
        cut at the time limit, then the workers end."""
        try:
            self.start_workers()
            config = uvicorn.Config(
                self.app,
                http=_Protocol,
                lifespan="off",
                log_config=None,
                access_log=False,
                backlog=_BACKLOG,
                limit_concurrency=_CONNECTIONS,
                timeout_keep_alive=5,
                h11_max_incomplete_event_size=64 * 2**10,
                timeout_graceful_shutdown=int(self.limits.timeout) + 5,
                server_header=False,
            )
            self._server = _Server(config)
            self._server.run(sockets=[self.socket])
        finally:
            self.pool.close()
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` (from another thread) and wait until it has."""
        if self._server is not None:
            self._server.should_exit = True
            self._stopped.wait(60)

    def server_close(self) -> None:
        """Close the listening socket and remove the temporary store, if any."""
        self.socket.close()
        self.pool.close()
        self._remove_temporary()


def _described(opened) -> tuple[dict[str, str], int]:
    """The prefixes and quads of the store ``opened()`` opens (or makes), found in a child process."""

    def work() -> str:
        store = opened()
        answer = json.dumps([store.prefixes(), len(store)])
        store.close()
        return answer

    namespaces, quads = json.loads(run_limited(work, 24 * 3600.0))
    return namespaces, quads


def _copy(folder: str, path: str | None, nquads: bytes | None) -> tuple[dict[str, str], int]:
    """Write a graph file (or N-Quads) into a new store at ``folder``; its prefixes and quads."""
    store = OxigraphStore(folder)
    if path is not None:
        store.load_file(path)
    else:
        store._open_store.load(input=nquads, format=ox.RdfFormat.N_QUADS)
    answer = store.prefixes(), len(store)
    store.close()
    return answer


def _in_fresh_process(function, *args):
    """``function(*args)``, computed in a spawned process (a new interpreter); its errors as KgError."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_report, args=(sender, function, args), daemon=True)
    process.start()
    sender.close()
    try:
        kind, value = receiver.recv()
    except EOFError:
        raise KgError("the process preparing the store died") from None
    finally:
        process.join()
        receiver.close()
    if kind == "error":
        raise KgError(value)
    return value


def _report(sender, function, args) -> None:
    try:
        sender.send(("ok", function(*args)))
    except KgError as error:
        sender.send(("error", str(error)))
    except Exception as error:
        sender.send(("error", f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"))


def make_server(source, **options) -> Endpoint:
    """An :class:`Endpoint` on ``source`` (a store, store folder or graph file); bound, not started."""
    return Endpoint(source, **options)


def serve(source, **options) -> None:
    """Serve ``source`` until stopped (see :class:`Endpoint` for the options)."""
    endpoint = Endpoint(source, **options)
    try:
        endpoint.serve_forever()
    finally:
        endpoint.server_close()


# --- the ASGI app -------------------------------------------------------------------


def _app(endpoint: Endpoint, cors: str | None) -> Starlette:
    """The Starlette app: its routes answer from ``endpoint``'s pool."""
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


async def _fields(request: Request) -> tuple[dict[str, list[str]], tuple[str, str] | None]:
    """The protocol's fields of a request (from its URL, and a form body), and a direct body
    (``("query", text)`` or ``("update", text)``), read within the body limits."""
    fields = urllib.parse.parse_qs(request.url.query, keep_blank_values=True, max_num_fields=1000)
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
    form = urllib.parse.parse_qs(text, keep_blank_values=True, max_num_fields=1000)
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
