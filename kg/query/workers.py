"""The processes that answer ``kg serve``'s queries: each query runs in a worker of a small pool,
where it can be stopped, limited and lost without the server.

Why processes of our own, and not ``concurrent.futures``: Oxigraph cannot be interrupted once a
query runs, and a query can crash it (10,000 nested braces overflow its parser's stack, SIGSEGV).
A process can be killed at the time limit and can die alone; a ``ProcessPoolExecutor`` breaks as a
whole when one of its processes dies, so the pool here is a list of forked ``multiprocessing``
processes, each with its own pipe: the server sends a job, waits (on the event loop) for the
answer at most ``timeout`` seconds, and a worker that runs past it, or dies, is killed and replaced
by a fresh one while the others go on.

Each worker, once forked: limits its address space (``RLIMIT_AS``, ``--memory``) so that a query
that would take the machine's memory fails alone; leaves the network (:func:`kg.query.offline.cut_network`)
unless it is allowed; opens the store read-only once; then for each job checks the text
(:func:`kg.query.sparql.checked_query`: the one network check, on the text that then runs),
runs it and writes its result, counting rows up to ``--max-rows``.

With ``--writable``, one more worker holds the store open for writing: updates go to it, one at a
time, in the order they came. A read worker sees the data committed when it opened the store (a
RocksDB read-only view is a snapshot): after each update the pool's *generation* grows, and a
read worker whose view is older re-opens the store before its next query (~ms), so it sees all
committed updates and nothing half-done. (Oxigraph's secondary mode, which would follow the
writer by itself, is gone from pyoxigraph 0.5.)
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import multiprocessing
import os
import resource
import signal
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from ..errors import KgError, QueryError
from ..store import OxigraphStore
from .offline import cut_network
from .protocol import BOOLEAN_TYPES, GRAPH_TYPES, SOLUTION_TYPES, negotiate, write_solutions
from .sparql import check_update, checked_query

__all__ = ["Limits", "Reply", "WorkerPool"]

logger = logging.getLogger(__name__)

#: A worker's answer: HTTP status, media type, body, rows (None when not a result).
Reply = tuple[int, str, bytes, int | None]


@dataclass(frozen=True)
class Limits:
    """What one query may take: seconds (checking and parsing included), result rows (or triples),
    bytes of address space of its worker (None: no limit)."""

    timeout: float = 30.0
    max_rows: int = 100_000
    memory: int | None = 4 * 2**30


@dataclass
class _Spec:
    """What a worker opens and how (it is forked with it)."""

    location: str | OxigraphStore
    namespaces: dict[str, str]
    limits: Limits
    allow_network: bool
    writable: bool = False
    #: Say "ready" once the store is open (the first workers; a replacement reads its first job instead).
    hello: bool = True


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (its context's class)
    connection: Connection
    writer: bool = False
    busy: bool = field(default=False)

    @property
    def pid(self) -> int:
        return self.process.pid


def _text(error: BaseException) -> str:
    return " ".join(str(error).split())[:300]


def _worker_main(connection: Connection, spec: _Spec, inherited: list[int]) -> None:
    """A worker's life: set its limits, open the store, answer jobs until its pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle: it ends the pool
    _die_with_parent()
    for descriptor in inherited:
        # The server's ends of the pipes and its listening socket: held here, they would keep a
        # pipe from closing when the server ends, and the port bound.
        with contextlib.suppress(OSError):
            os.close(descriptor)
    if spec.limits.memory:
        resource.setrlimit(resource.RLIMIT_AS, (spec.limits.memory, spec.limits.memory))
    if not spec.allow_network:
        cut_network()  # a fresh fork has one thread, which unshare needs
    try:
        if isinstance(spec.location, OxigraphStore):
            store = spec.location  # a store in memory, shared with the server process by the fork
        else:
            store = OxigraphStore(spec.location, read_only=not spec.writable)
    except (KgError, OSError) as error:
        if spec.hello:
            connection.send(("failed", _text(error)))
        return  # a replacement's pipe closes: its request is answered 500
    if spec.hello:
        connection.send(("ready", os.getpid()))
    generation = 0
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:  # the server is closing
            return
        if not spec.writable and job.get("generation", 0) != generation and isinstance(spec.location, str):
            store = OxigraphStore(spec.location, read_only=True)  # a view with the updates committed since
            generation = job["generation"]
        try:
            reply = _update(store, job, spec) if job["kind"] == "update" else _query(store, job, spec)
        except MemoryError:
            reply = (503, "text/plain", b"the query ran out of memory (kg serve --memory)", None)
        except Exception as error:  # noqa: BLE001 - a Python error answers its request; the worker lives on
            reply = (500, "text/plain", f"the query failed: {type(error).__name__}: {error}".encode(), None)
        connection.send(reply)


def _die_with_parent() -> None:
    """Have Linux kill this worker when the server dies (even by SIGKILL); elsewhere the closed pipe ends it."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the server died before prctl: nobody to answer
            os._exit(0)


def _query(store: OxigraphStore, job: dict, spec: _Spec) -> Reply:
    """Check and run one query; its result in the media type the client accepts, or an error."""
    try:
        _shallow(job["text"])
        text, _ = checked_query(job["text"], spec.namespaces, allow_network=spec.allow_network)
    except KgError as error:
        return 400, "text/plain", str(error).encode(), None
    options: dict[str, Any] = {"prefixes": spec.namespaces}
    if job.get("default") or job.get("named"):
        # The protocol's dataset, from the local graphs only: a name is a graph of the store, never a URL to fetch.
        try:
            options["default_graph"] = [ox.NamedNode(name) for name in job.get("default") or []] or None
            options["named_graphs"] = [ox.NamedNode(name) for name in job.get("named") or []]
        except ValueError as error:  # not an IRI: the client's error, not a reason for the worker to die
            return 400, "text/plain", f"default-graph-uri/named-graph-uri: {error}".encode(), None
        if options["default_graph"] is None:
            options["use_default_graph_as_union"] = True
            del options["default_graph"]
    else:
        options["use_default_graph_as_union"] = True
    assert store.store is not None
    limit = spec.limits.max_rows
    try:
        result = store.store.query(text, **options)
        if isinstance(result, ox.QueryBoolean):
            media = negotiate(job["accept"], list(BOOLEAN_TYPES))
            if media is None:
                return _not_acceptable(job["accept"], list(BOOLEAN_TYPES))
            return 200, media, bytes(result.serialize(format=BOOLEAN_TYPES[media]) or b""), 1
        if isinstance(result, ox.QueryTriples):
            media = negotiate(job["accept"], list(GRAPH_TYPES))
            if media is None:
                return _not_acceptable(job["accept"], list(GRAPH_TYPES))
            triples = _at_most(result, limit)
            body = ox.serialize(triples, format=GRAPH_TYPES[media], prefixes=_used(spec.namespaces, media))
            return 200, media, bytes(body or b""), len(triples)
        media = negotiate(job["accept"], SOLUTION_TYPES)
        if media is None:
            return _not_acceptable(job["accept"], list(SOLUTION_TYPES))
        variables = result.variables
        rows = _at_most(result, limit)
        return 200, media, write_solutions(variables, rows, media), len(rows)
    except _TooMany:
        message = f"the result has more than {limit:,} rows (kg serve --max-rows); add a LIMIT or narrow the query"
        return 503, "text/plain", message.encode(), None
    except (SyntaxError, ValueError, OSError, RuntimeError, TypeError) as error:
        # Oxigraph evaluates as the solutions are read: its errors (an unknown function ...) come here.
        return 400, "text/plain", f"query failed: {_text(error)}".encode(), None


#: Groups (braces, parentheses, brackets) a query may nest: Oxigraph's recursive parser overflows its
#: stack (SIGSEGV) somewhere below 10,000; no real query nests more than a few dozen.
MAX_NESTING = 200
_OPEN = dict.fromkeys(map(ord, "{(["), "{")
_CLOSE = dict.fromkeys(map(ord, "})]"), "}")


def _shallow(text: str) -> None:
    """Refuse a query nesting more than :data:`MAX_NESTING` groups (a crash spared, not the only
    defence: a worker that crashes anyway is replaced)."""
    marks = text.translate(_OPEN).translate(_CLOSE)
    if marks.count("{") <= MAX_NESTING:
        return
    depth = deepest = 0
    for char in marks:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}":
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryError(f"the query nests {deepest:,} groups; at most {MAX_NESTING} are read")


class _TooMany(Exception):
    """More rows than ``--max-rows``."""


def _at_most(items, limit: int) -> list:
    out: list = []
    for item in items:
        if len(out) >= limit:
            raise _TooMany
        out.append(item)
    return out


def _used(namespaces: dict[str, str], media: str) -> dict[str, str] | None:
    """The prefixes to write into Turtle and RDF/XML (N-Triples and JSON-LD have none)."""
    return namespaces if media in ("text/turtle", "application/rdf+xml") else None


def _not_acceptable(accept: str, offered: list[str]) -> Reply:
    message = f"cannot answer in {accept!r}; this result can be given as {', '.join(offered)}"
    return 406, "text/plain", message.encode(), None


def _update(store: OxigraphStore, job: dict, spec: _Spec) -> Reply:
    """Check and run one update (one transaction), and make it durable before answering."""
    try:
        text = check_update(job["text"], allow_network=spec.allow_network)
        store.update(text)
        store.flush()
    except (KgError, SyntaxError, OSError) as error:
        return 400, "text/plain", _text(error).encode(), None
    return 204, "text/plain", b"", None


def _settle(future: asyncio.Future[bool]) -> None:
    """The worker's pipe has something to read (an answer, or its end)."""
    if not future.done():
        future.set_result(True)


class WorkerPool:
    """Forked workers answering queries (and, when writable, one writer), replaced when they die.

    Parameters
    ----------
    location : str or OxigraphStore
        Folder of the Oxigraph store the workers open (read-only; the writer for writing), or a
        store in memory that the forked workers share (copy-on-write; read-only only).
    namespaces : dict
        Prefixes queries may use undeclared.
    size : int
        Read workers (queries running at once).
    limits : Limits
    allow_network : bool
        Whether queries may use ``SERVICE``/``FROM <url>``/``LOAD`` (else refused, and the workers
        have no network).
    writable : bool
        Start a writer for updates.
    """

    def __init__(
        self,
        location: str | OxigraphStore,
        namespaces: dict[str, str],
        *,
        size: int,
        limits: Limits,
        allow_network: bool = False,
        writable: bool = False,
    ):
        self.size = size
        self.limits = limits
        self.writable = writable
        self._spec = _Spec(location, namespaces, limits, allow_network)
        self._context = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._writer_idle: asyncio.Queue[_Worker] | None = None
        #: Grows with each committed update; read workers re-open the store when theirs is older.
        self.generation = 0
        self.closed = False
        #: Descriptors of the server's own that workers must not keep (its listening socket).
        self.close_in_workers: list[int] = []

    # --- life of the workers ------------------------------------------------------

    def start(self) -> None:
        """Fork the workers and wait until each has opened the store (before any request is taken).

        Raises
        ------
        KgError
            If a worker cannot open the store (the reason it gave).
        """
        if self.writable:  # first, so that the store is whole before the readers look
            self._workers.append(self._fork(writer=True, wait=True))
        for _ in range(self.size):
            self._workers.append(self._fork(writer=False, wait=True))

    def _fork(self, *, writer: bool, wait: bool) -> _Worker:
        # Readers are forked: a fresh one in ~10 ms, keeping what the server process set. The writer
        # is spawned (a new interpreter, ~1 s): RocksDB flushes in background threads made once per
        # process, which a fork does not copy, so a writer forked from a process that has opened a
        # store (a test run, a notebook) would wait for ever on its first flush.
        context = multiprocessing.get_context("spawn") if writer else self._context
        ours, theirs = context.Pipe(duplex=True)
        spec = _Spec(**{**self._spec.__dict__, "writable": writer, "hello": wait})
        inherited = [] if writer else self._inherited()  # a spawned process inherits no descriptor
        process = context.Process(target=_worker_main, args=(theirs, spec, inherited), daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours, writer=writer)
        if wait:
            message = ours.recv() if ours.poll(60) else ("failed", "the worker did not start within 60 s")
            if message[0] != "ready":
                self._end(worker)
                self.close()
                raise KgError(f"cannot open the store for queries: {message[1]}")
        return worker

    def _inherited(self) -> list[int]:
        """Descriptors a new worker must close: the other workers' pipes, and :attr:`close_in_workers`."""
        pipes = [w.connection.fileno() for w in self._workers if not w.connection.closed]
        return pipes + list(self.close_in_workers)

    def _queues(self) -> tuple[asyncio.Queue[_Worker], asyncio.Queue[_Worker]]:
        """The idle workers (made on first use, in the running loop)."""
        if self._idle is None or self._writer_idle is None:
            self._idle, self._writer_idle = asyncio.Queue(), asyncio.Queue()
            for worker in self._workers:
                (self._writer_idle if worker.writer else self._idle).put_nowait(worker)
        return self._idle, self._writer_idle

    def _end(self, worker: _Worker) -> int | None:
        """Kill a worker (if alive) and reap it; its exit code (minus a signal number when killed)."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        with contextlib.suppress(OSError):
            worker.connection.close()
        return worker.process.exitcode

    def _replace(self, worker: _Worker) -> int | None:
        """End ``worker`` and put a fresh one in its place (idle: it reads its first job once it has
        opened the store); the ended one's exit code."""
        code = self._end(worker)
        if worker in self._workers:
            self._workers.remove(worker)
        if not self.closed:
            fresh = self._fork(writer=worker.writer, wait=False)
            self._workers.append(fresh)
            idle, writer_idle = self._queues()
            (writer_idle if fresh.writer else idle).put_nowait(fresh)
        return code

    def close(self) -> None:
        """End every worker (their pipes close: an idle worker exits by itself)."""
        self.closed = True
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                if not worker.busy:
                    worker.connection.send(None)
            with contextlib.suppress(OSError):
                worker.connection.close()
        for worker in self._workers:
            worker.process.join(2)
            self._end(worker)
        self._workers.clear()

    def describe(self) -> list[dict]:
        """The workers, for the health endpoint: pid, whether writer, whether busy."""
        return [{"pid": w.pid, "writer": w.writer, "busy": w.busy} for w in self._workers]

    # --- jobs -------------------------------------------------------------------------

    async def query(self, text: str, accept: str, default: list[str], named: list[str]) -> Reply:
        """Answer a query in a read worker within the time limit."""
        idle, _ = self._queues()
        job = {"kind": "query", "text": text, "accept": accept, "default": default, "named": named}
        return await self._run(idle, job, "query")

    async def update(self, text: str) -> Reply:
        """Run an update in the writer, after those sent before it; read workers see it once committed."""
        _, writer_idle = self._queues()
        reply = await self._run(writer_idle, {"kind": "update", "text": text}, "update")
        if reply[0] < 300:
            self.generation += 1
        return reply

    async def _run(self, idle: asyncio.Queue[_Worker], job: dict, what: str) -> Reply:
        timeout = self.limits.timeout
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            worker = await asyncio.wait_for(idle.get(), timeout)
        except TimeoutError:
            return 503, "text/plain", f"every worker stayed busy for {timeout:g} s (kg serve --timeout)".encode(), None
        job["generation"] = self.generation
        worker.busy = True
        answered: asyncio.Future[bool] = loop.create_future()
        fd = worker.connection.fileno()
        loop.add_reader(fd, _settle, answered)
        try:
            worker.connection.send(job)
            # The time limit counts from the request's turn: waiting for a worker is part of it.
            await asyncio.wait_for(answered, max(0.01, timeout - (loop.time() - started)))
            reply = worker.connection.recv()
        except TimeoutError:
            loop.remove_reader(fd)
            self._replace(worker)
            message = f"the {what} was stopped after {timeout:g} s (kg serve --timeout); narrow it or add a LIMIT"
            return 503, "text/plain", message.encode(), None
        except (EOFError, OSError, asyncio.CancelledError) as error:
            loop.remove_reader(fd)
            code = self._replace(worker)
            if isinstance(error, asyncio.CancelledError):
                raise
            name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
            logger.warning("a worker died (%s) running a %s; replaced", name, what)
            message = f"the {what} crashed its worker ({name}); the server goes on with a fresh one"
            return 500, "text/plain", message.encode(), None
        loop.remove_reader(fd)
        worker.busy = False
        idle.put_nowait(worker)
        return reply
