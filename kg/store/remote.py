"""kg's graph in a remote SPARQL 1.1 store: ``--store http://HOST:PORT/...``.

Reads use the SPARQL 1.1 Protocol (a form POST to the query endpoint, JSON results);
writes use the Graph Store Protocol (one POST of N-Triples per named graph, so a
document's graph arrives in one request) and SPARQL 1.1 Update (dropping a
document's graph, recounting the corpus graph), or SPARQL Update alone (one
``INSERT DATA`` per document) on a server without the Graph Store Protocol.

kg asks the server what it is (the ``Server`` header of its answer to ``ASK {}``, once)
and takes its defaults from :data:`SERVERS`: Oxigraph's layout (``/query``, ``/update``,
``/store``, the union of the named graphs asked for with ``union-default-graph``),
or Virtuoso's (``/sparql`` for queries and updates, SPARQL Update alone, a default
graph that is already the union, its own graphs left out of kg's counts and dumps).
Any server's endpoints are named in the URL's query string, relative to the base:
``query``, ``update``, ``store`` (empty: SPARQL Update alone) and ``union`` (the parameter
that asks for the union default graph; empty: none needed), e.g. Fuseki's
``http://host:3030/ds?query=sparql&update=update&store=data&union=``
with ``tdb2:unionDefaultGraph true``.

Nothing else is ever fetched: only the URL the user gave is contacted.
"""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal
from rdflib.query import Result

from ..errors import KgError
from ..vocab import sparql_prefixes
from .base import Row, Store
from .graph import prefixes
from .oxigraph import OxigraphStore
from .results import json_rows
from .sparql import insert_data

__all__ = ["RemoteStore", "Server", "SERVERS", "is_store_url"]

#: Seconds to wait for the endpoint before giving up on a request.
TIMEOUT = 300
#: Seconds to wait for the server's answer to ``ASK {}`` that says what it is.
PROBE_TIMEOUT = 20
#: Last path segments that name a query endpoint rather than the service's base URL.
QUERY_ENDPOINTS = ("query", "sparql")
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
#: The form of a query (SELECT, ASK, CONSTRUCT, DESCRIBE): its first word after the prologue.
QUERY_FORM = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(\w+)", re.IGNORECASE)
SD_SERVICE = "http://www.w3.org/ns/sparql-service-description#Service"


@dataclass(frozen=True)
class Server:
    """What kg needs to know of a kind of SPARQL server: its endpoints' names (relative to the
    base URL), how to ask for the union default graph, and the graphs it keeps for itself."""

    query: str = "query"
    update: str = "update"
    #: The Graph Store Protocol endpoint; empty: write with SPARQL Update alone.
    store: str = "store"
    #: The query-string parameter that makes the default graph the union of the named graphs
    #: (empty: the server's default graph is already that union).
    union: str = "union-default-graph"
    #: Graphs the server keeps for itself (not kg's: left out of counts and dumps).
    own_graphs: tuple[str, ...] = ()
    #: Whether graphs describing the service itself (an ``sd:Service``) are the server's own
    #: (Virtuoso names its service description after its host).
    own_service_description: bool = False


#: Servers by the first word of their ``Server`` header; any other gets Oxigraph's layout.
SERVERS: dict[str, Server] = {
    "oxigraph": Server(),
    # Virtuoso: one endpoint for queries and updates; its Graph Store Protocol endpoint
    # (/sparql-graph-crud) rejects a graph holding a literal of some tens of kilobytes
    # (it guesses the body is text/plain), and kg writes one per document (kg:extraction),
    # so it is written with SPARQL Update alone. Its default graph is the union of all graphs,
    # its own included: the quad-map schema, the LDP vocabulary and the service description.
    "virtuoso": Server(
        query="sparql",
        update="sparql",
        store="",
        union="",
        own_graphs=("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#"),
        own_service_description=True,
    ),
}


def is_store_url(location: str) -> bool:
    """Whether ``location`` names a remote store (an http or https URL)."""
    return str(location).startswith(("http://", "https://"))


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint holding a kg graph (a :class:`kg.store.base.Store`).

    Parameters
    ----------
    url : str
        The service's base URL, or its query endpoint's (``.../query`` or ``.../sparql``,
        as ``kg serve`` prints it); the query string may name the endpoints (``query``,
        ``update``, ``store``) relative to the base, and the ``union`` parameter (see the module).
    """

    def __init__(self, url: str):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise KgError(f"{url}: not an http(s) URL of a SPARQL store")
        names = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        path = parsed.path.rstrip("/")
        head, _, last = path.rpartition("/")
        if last in QUERY_ENDPOINTS and "query" not in names:
            # The URL of the query endpoint itself, as `kg serve` prints it:
            # the other endpoints are its siblings.
            path, names = head, {"query": last, **names}
        self.location = url
        self._base = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path + "/", "", ""))
        self._names = names
        self._server: Server | None = None
        self._hidden: str | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    def __len__(self) -> int:
        rows = list(self.rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._kg_graphs()} }}"))
        count = rows[0]["n"] if rows else None  # COUNT is always bound; no row from an odd endpoint
        return int(count) if count is not None else 0

    def triple_count(self) -> int:
        """Distinct triples over kg's graphs: a server's own graphs (Virtuoso's) are not counted,
        and its default graph is the union of the named ones, so only those are read."""
        query = (
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            f"GRAPH ?g {{ ?s ?p ?o }} {self._kg_graphs()} }} }}"
        )
        count = next(iter(self.rows(query)), {}).get("n")
        return int(count) if count is not None else 0

    # --- the server ---------------------------------------------------------------------

    @property
    def server(self) -> Server:
        """The kind of server (asked once, from the ``Server`` header of its answer to ``ASK {}``)."""
        if self._server is None:
            query = self._names.get("query", "query")
            probe = urllib.parse.urljoin(self._base, query) + "?" + urllib.parse.urlencode({"query": "ASK {}"})
            try:
                headers = self._send(urllib.request.Request(probe), errors=False, timeout=PROBE_TIMEOUT)[1]
            except KgError:  # unreachable: the request that needs it says so, in its own words
                return SERVERS["oxigraph"]
            product = (headers.get("Server") or "").split("/")[0].strip().lower()
            self._server = SERVERS.get(product, SERVERS["oxigraph"])
        return self._server

    def _endpoint(self, name: str) -> str:
        """The URL of an endpoint (``query``, ``update``, ``store``); empty when the server has none."""
        relative = self._names.get(name, getattr(self.server, name))
        return urllib.parse.urljoin(self._base, relative) if relative else ""

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return self._endpoint("query")

    @property
    def update_url(self) -> str:
        """The SPARQL 1.1 Update endpoint."""
        return self._endpoint("update")

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint (empty: kg writes with SPARQL Update alone)."""
        return self._endpoint("store")

    def _kg_graphs(self) -> str:
        """A FILTER on ``?g`` leaving out the graphs the server keeps for itself (empty when it keeps none).

        Virtuoso's pragmas that would hide them from every query (``DEFINE input:named-graph-exclude``)
        also empty every ``GRAPH <iri>`` pattern, so kg leaves them out of its own counts and dumps only.
        """
        if self._hidden is None:
            hidden = list(self.server.own_graphs)
            if self.server.own_service_description:
                found = self._select_json(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s a <{SD_SERVICE}> }} }}")
                hidden += [row["g"] for row in json_rows(found) if row["g"]]
            self._hidden = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in hidden)}))" if hidden else ""
        return self._hidden

    # --- HTTP ---------------------------------------------------------------------------

    def _send(
        self, request: urllib.request.Request, errors: bool = True, timeout: float = TIMEOUT
    ) -> tuple[bytes, Message]:
        """The body and headers of the answer; an HTTP error is a KgError (or, with ``errors=False``,
        an answer like any other)."""
        url = request.full_url.split("?")[0]
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read(), response.headers
        except urllib.error.HTTPError as error:
            if not errors:
                return b"", error.headers
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
            raise KgError(f"{url}: the store answered {error.code} {error.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise KgError(f"{url}: cannot reach the store ({reason})") from None

    def _request(
        self, url: str, data: bytes, content_type: str, accept: str | None = None, method: str = "POST"
    ) -> bytes:
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        body, answer = self._send(urllib.request.Request(url, data=data, headers=headers, method=method))
        cut = answer.get("X-SPARQL-MaxRows")
        if cut:  # Virtuoso's ResultSetMaxRows: the answer is silently cut there
            raise KgError(
                f"{url}: the store cut the answer at {cut} rows; raise its limit "
                "(Virtuoso: ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)"
            )
        return body

    def _post_query(self, sparql: str, accept: str) -> bytes:
        """POST a query as a form (the one way every server takes: Virtuoso never answers a
        body of ``application/sparql-query``), asking for the union default graph."""
        union = self._names.get("union", self.server.union)
        url = f"{self.query_url}?{urllib.parse.quote(union)}" if union else self.query_url
        form = urllib.parse.urlencode({"query": sparql}).encode("ascii")
        return self._request(url, form, "application/x-www-form-urlencoded", accept)

    def is_empty(self) -> bool:
        """Whether the store holds no quad in a named graph (the server's own graphs aside)."""
        answer = self._select_json(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} {self._kg_graphs()} }}")
        return not answer.get("boolean", False)

    # --- writing ------------------------------------------------------------------------

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one request, so all of them or none: a Graph Store Protocol POST of
        N-Triples when they are in one graph and the server has the protocol, else one SPARQL
        ``INSERT DATA``."""
        quads = list(quads)
        by_graph: dict[object, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            by_graph[quad.graph_name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if len(by_graph) > 1 or not self.store_url:
            update = insert_data(quads)
            if any(isinstance(term, ox.BlankNode) for quad in quads for term in (quad.subject, quad.object)):
                # Blank nodes are fresh in INSERT DATA as in a template, but Virtuoso refuses
                # them in INSERT DATA: an INSERT with an empty WHERE says the same everywhere.
                update = "INSERT {" + update.removeprefix("INSERT DATA {") + " WHERE {}"
            if quads:
                self.update(update)
            return
        for name, triples in by_graph.items():
            target = (
                f"{self.store_url}?graph={urllib.parse.quote(name.value, safe='')}"
                if isinstance(name, ox.NamedNode)
                else f"{self.store_url}?default"
            )
            body = cast(bytes, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))  # no output file: the bytes
            self._request(target, body, "application/n-triples")

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update."""
        self._request(self.update_url, sparql.encode("utf-8"), "application/sparql-update")

    def drop_graphs(self, names: Iterable[str]) -> None:
        """Remove named graphs and everything in them."""
        names = list(names)
        if names:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names))

    def flush(self) -> None:
        """Nothing to do: the server makes each request durable."""

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""

    # --- reading ------------------------------------------------------------------------

    def _select_json(self, sparql: str) -> dict:
        return _canonical_booleans(json.loads(self._post_query(sparql, "application/sparql-results+json")))

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Result:
        """Run a SPARQL query; an rdflib ``Result``. ``prefixes`` may be used undeclared."""
        if bindings:
            raise KgError("query bindings are not supported on a remote store; put the values in the query")
        sparql = sparql_prefixes(prefixes or {}) + sparql
        form = QUERY_FORM.match(sparql)
        # Ask for triples only when the query makes them: Virtuoso answers a CONSTRUCT asked for
        # JSON results first with ?s ?p ?o solutions.
        triples = form is not None and form.group(1).upper() in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if triples else "application/sparql-results+json, application/n-triples;q=0.9"
        body = self._post_query(sparql, accept)
        if body.lstrip().startswith(b"{"):
            answer = json.dumps(_canonical_booleans(json.loads(body))).encode("utf-8")
            return Result.parse(io.BytesIO(answer), format="json")
        converted = Result("CONSTRUCT")
        graph = Graph().parse(data=body.decode("utf-8"), format="nt")
        for s, p, o in list(graph):
            if isinstance(o, Literal) and str(o.datatype) == XSD_BOOLEAN and str(o) in ("1", "0"):
                graph.remove((s, p, o))  # see _canonical_booleans
                graph.add((s, p, Literal(str(o) == "1")))
        converted.graph = graph
        return converted

    def rows(self, sparql: str) -> Iterator[Row]:
        """The solutions of a SELECT as dicts of plain strings (None when unbound)."""
        return json_rows(self._select_json(sparql))

    def prefixes(self) -> dict[str, str]:
        """kg's prefixes (declared in each query sent: the endpoint may not know them)."""
        return prefixes()

    def quads(self, predicate: str | None = None, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads (of one predicate, of one named graph, when given)."""
        p = f"<{predicate}>" if predicate else "?p"
        g = f"<{graph}>" if graph else "?g"
        hidden = "" if graph else self._kg_graphs()
        result = self._select_json(f"SELECT * WHERE {{ GRAPH {g} {{ ?s {p} ?o }} {hidden} }}")
        for binding in result["results"]["bindings"]:
            yield ox.Quad(
                _term(binding["s"]),
                ox.NamedNode(predicate) if predicate else _term(binding["p"]),
                _term(binding["o"]),
                ox.NamedNode(graph) if graph else _term(binding["g"]),
            )

    def to_dataset(self) -> Dataset:
        """The store's content as an rdflib dataset (everything is fetched)."""
        copy = OxigraphStore()
        copy.add(self.quads())
        return copy.to_dataset()

    def dump(self, fmt: str = "nq") -> bytes:
        """The store's content (see :meth:`OxigraphStore.dump`)."""
        copy = OxigraphStore()
        copy.add(self.quads())
        return copy.dump(fmt)


def _term(binding: dict):
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        try:
            return ox.BlankNode(value)
        except ValueError:  # Virtuoso labels them "nodeID://b10000": the same label, spelt as N-Triples allows
            return ox.BlankNode("b" + value.encode("utf-8").hex())
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def _canonical_booleans(answer: dict) -> dict:
    """SPARQL JSON results with every xsd:boolean in its canonical form: Virtuoso stores
    ``true`` as ``"1"^^xsd:boolean`` (the same value, another spelling), and the
    graph must read back as it was written."""
    for binding in answer.get("results", {}).get("bindings", ()):
        for term in binding.values():
            if term.get("datatype") == XSD_BOOLEAN and term["value"] in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return answer
