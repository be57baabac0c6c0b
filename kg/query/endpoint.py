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

This module holds the server (the socket, uvicorn, the store the workers open);
:mod:`kg.query.asgi` the app that reads requests, :mod:`kg.query.workers` the pool that runs
them, :mod:`kg.query.protocol` the media types and the service description.
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
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import KgError
from ..store import OxigraphStore, is_store_path
from .asgi import make_app
from .limits import run_limited
from .sparql import check_update
from .workers import Limits, WorkerPool

__all__ = ["Endpoint", "Limits", "check_update", "make_server", "serve", "DEFAULT_MEMORY", "DEFAULT_WORKERS"]

logger = logging.getLogger(__name__)

#: Seconds a client has to send a request's headers (its body: kg.query.asgi.BODY_TIMEOUT).
HEADER_TIMEOUT = 10.0
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
        self.app = make_app(self, cors)
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
