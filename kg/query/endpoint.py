"""``kg serve``: a graph or store as a local SPARQL 1.1 endpoint, for other tools.

The endpoint speaks the SPARQL 1.1 Protocol on ``/query`` (GET ``?query=``, or
POST of ``application/sparql-query`` or a form) and, only when started
writable, on ``/update``. Oxigraph answers; queries see the union of the
graphs, as ``kg query`` does. As everywhere in kg, ``SERVICE``, ``FROM <url>``
and ``LOAD`` are refused unless the network is allowed, so a query sent by
another program cannot make this machine fetch anything.

The server is the standard library's HTTP server, answering one request at a
time: meant for a workstation or a trusted network, bound to 127.0.0.1 unless
told otherwise.
"""

from __future__ import annotations

import logging
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import cast

import pyoxigraph as ox
from rdflib.plugins.sparql import prepareUpdate

from ..errors import KgError, QueryError
from ..store import OxigraphStore
from .guard import canonical, network_words
from .sparql import _network_use, checked_query

__all__ = ["make_server", "serve"]

logger = logging.getLogger(__name__)

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_MAX_BODY = 10 * 2**20


def check_update(sparql: str, *, allow_network: bool = False) -> str:
    """Parse a SPARQL Update and refuse ``LOAD`` and ``SERVICE`` (which fetch URLs) unless the network
    is allowed; the text to run, which is the text checked (see :mod:`kg.query.guard`)."""
    text = canonical(sparql)
    try:
        update = prepareUpdate(text)
    except Exception as error:
        raise QueryError(f"invalid SPARQL Update: {' '.join(str(error).split())[:300]}") from None
    if not allow_network:
        loads = any(getattr(op, "name", "") == "Load" for op in update.algebra)
        reason = "LOAD" if loads else _network_use(update.algebra) or network_words(text, update=True)
        if reason:
            raise QueryError(
                f"refused: {reason} would fetch data over the network (start kg serve with --allow-network)"
            )
    return text


def _answer(store, sparql: str, namespaces: dict, accept: str) -> tuple[str, bytes]:
    """Run a query and serialise its result in the media type ``accept`` asks for.

    Only bytes leave this function: pyoxigraph's result objects must be freed in
    the thread that made them.
    """
    result = store.raw_query(sparql, prefixes=namespaces)
    if isinstance(result, ox.QueryTriples):
        media = next((m for m in _GRAPH_TYPES if m in accept), "application/n-triples")
        # Without an output file, serialize returns the bytes.
        return media, cast(bytes, result.serialize(format=_GRAPH_TYPES[media]))
    media = next((m for m in _RESULT_TYPES if m in accept), "application/sparql-results+json")
    return media, cast(bytes, result.serialize(format=_RESULT_TYPES[media]))


def make_server(
    store: OxigraphStore,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    allow_network: bool = False,
) -> HTTPServer:
    """An HTTP server answering SPARQL on ``store`` (an :class:`kg.store.OxigraphStore`); not started."""
    # One request at a time: pyoxigraph's objects belong to the thread that made them,
    # and a local endpoint for one user's tools needs no more.
    server = _Server((host, port), _Handler)
    server.store, server.writable, server.allow_network = store, writable, allow_network
    server.namespaces = store.prefixes()
    return server


class _Server(HTTPServer):
    """The HTTP server, holding what its handlers answer from."""

    store: OxigraphStore
    writable: bool
    allow_network: bool
    namespaces: dict[str, str]


class _Handler(BaseHTTPRequestHandler):
    """One request to the endpoint: ``/query`` (GET or POST) and, when writable, ``/update``."""

    server: _Server
    server_version = "kg-sparql"

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        """Log requests through logging (at -v), not on stderr."""
        logger.info("%s %s", self.address_string(), format % args)

    def do_GET(self):
        """A query as ``?query=``; the root without one says what the endpoint is."""
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "") and "query" not in params:
            self._send(
                HTTPStatus.OK,
                "text/plain; charset=utf-8",
                f"kg SPARQL endpoint on {self.server.store}: GET or POST /query"
                f"{' and POST /update' if self.server.writable else ' (read-only)'}\n".encode(),
            )
        elif url.path in ("/query", "/sparql", "/") and "query" in params:
            self._query(params["query"][0])
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such endpoint {url.path}; use /query")

    def do_POST(self):
        """A query (``application/sparql-query`` or a form) or, when writable, an update."""
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        form = urllib.parse.parse_qs(body) if kind == "application/x-www-form-urlencoded" else {}
        if url.path in ("/query", "/sparql", "/") and (kind == "application/sparql-query" or "query" in form):
            return self._query(form["query"][0] if "query" in form else body)
        if url.path in ("/update", "/") and (kind == "application/sparql-update" or "update" in form):
            if not self.server.writable:
                return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only (kg serve --writable)")
            return self._update(form["update"][0] if "update" in form else body)
        self._error(HTTPStatus.BAD_REQUEST, "POST a query to /query (application/sparql-query or a form)")

    def _query(self, sparql: str):
        namespaces = self.server.namespaces
        try:
            text, _ = checked_query(sparql, namespaces, allow_network=self.server.allow_network)
            media, body = _answer(self.server.store, text, namespaces, self.headers.get("Accept") or "")
        except KgError as error:
            return self._error(HTTPStatus.BAD_REQUEST, str(error))
        except (OSError, SyntaxError, ValueError) as error:  # Oxigraph reads results lazily: run-time errors
            return self._error(HTTPStatus.BAD_REQUEST, f"query failed: {' '.join(str(error).split())[:300]}")
        self._send(HTTPStatus.OK, media, body)

    def _update(self, sparql: str):
        try:
            self.server.store.update(check_update(sparql, allow_network=self.server.allow_network))
        except (KgError, SyntaxError, OSError) as error:
            return self._error(HTTPStatus.BAD_REQUEST, " ".join(str(error).split())[:300])
        self._send(HTTPStatus.NO_CONTENT, "text/plain", b"")

    def _error(self, status, message: str):
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status, media: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def serve(store: OxigraphStore, **options) -> None:
    """Serve ``store`` until interrupted (see :func:`make_server` for the options)."""
    server = make_server(store, **options)
    try:
        server.serve_forever()
    finally:
        server.server_close()
