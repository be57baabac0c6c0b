"""kg's graph in a remote SPARQL 1.1 store: ``--store http://HOST:PORT/...``.

Reads use the SPARQL 1.1 Protocol (POST to the query endpoint, JSON results);
writes use the Graph Store Protocol (one POST of N-Triples per named graph, so a
document's graph arrives in one request) and SPARQL 1.1 Update (dropping a
document's graph, recounting the corpus graph). The endpoints default to
Oxigraph's layout under the given URL (``/query``, ``/update``, ``/store``);
other servers name theirs in the URL's query string, e.g. Fuseki's
``http://host:3030/ds?query=sparql&update=update&store=data``.

Queries must see the union of the named graphs: kg asks with Oxigraph's
``union-default-graph`` parameter; configure other servers so that their
default graph is the union (Fuseki: ``tdb2:unionDefaultGraph true``).

Nothing else is ever fetched: only the URL the user gave is contacted.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.query import Result

from ..errors import KgError
from ..vocab import sparql_prefixes
from .base import Row, Store
from .graph import prefixes
from .oxigraph import OxigraphStore
from .results import json_rows
from .sparql import insert_data

__all__ = ["RemoteStore", "is_store_url"]

#: Seconds to wait for the endpoint before giving up on a request.
TIMEOUT = 300
#: Last path segments that name a query endpoint rather than the service's base URL.
QUERY_ENDPOINTS = ("query", "sparql")


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
        ``update``, ``store``) relative to the base.
    """

    def __init__(self, url: str):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise KgError(f"{url}: not an http(s) URL of a SPARQL store")
        names = dict(urllib.parse.parse_qsl(parsed.query))
        path = parsed.path.rstrip("/")
        head, _, last = path.rpartition("/")
        if last in QUERY_ENDPOINTS and "query" not in names:
            # The URL of the query endpoint itself, as `kg serve` prints it:
            # the other endpoints are its siblings.
            path, names = head, {"query": last, **names}
        base = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path + "/", "", ""))
        self.location = url
        self.query_url = urllib.parse.urljoin(base, names.get("query", "query"))
        self.update_url = urllib.parse.urljoin(base, names.get("update", "update"))
        self.store_url = urllib.parse.urljoin(base, names.get("store", "store"))

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    def __len__(self) -> int:
        rows = list(self.rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        count = rows[0]["n"] if rows else None  # COUNT is always bound; no row from an odd endpoint
        return int(count) if count is not None else 0

    # --- HTTP ---------------------------------------------------------------------------

    def _request(
        self, url: str, data: bytes, content_type: str, accept: str | None = None, method: str = "POST"
    ) -> bytes:
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
            raise KgError(f"{url}: the store answered {error.code} {error.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise KgError(f"{url}: cannot reach the store ({reason})") from None

    def is_empty(self) -> bool:
        """Whether the store holds no quad in a named graph."""
        return not self._select_json("ASK { GRAPH ?g { ?s ?p ?o } }").get("boolean", False)

    # --- writing ------------------------------------------------------------------------

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one request, so all of them or none: a Graph Store Protocol POST of
        N-Triples when they are in one graph, else one SPARQL ``INSERT DATA``."""
        quads = list(quads)
        by_graph: dict[object, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            by_graph[quad.graph_name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if len(by_graph) > 1:
            self.update(insert_data(quads))
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
        url = f"{self.query_url}?union-default-graph"
        body = self._request(url, sparql.encode("utf-8"), "application/sparql-query", "application/sparql-results+json")
        return json.loads(body)

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Result:
        """Run a SPARQL query; an rdflib ``Result``. ``prefixes`` may be used undeclared."""
        if bindings:
            raise KgError("query bindings are not supported on a remote store; put the values in the query")
        sparql = sparql_prefixes(prefixes or {}) + sparql
        url = f"{self.query_url}?union-default-graph"
        body = self._request(
            url,
            sparql.encode("utf-8"),
            "application/sparql-query",
            "application/sparql-results+json, application/n-triples;q=0.9",
        )
        if body.lstrip().startswith(b"{"):
            return Result.parse(io.BytesIO(body), format="json")
        converted = Result("CONSTRUCT")
        converted.graph = Graph().parse(data=body.decode("utf-8"), format="nt")
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
        result = self._select_json(f"SELECT * WHERE {{ GRAPH {g} {{ ?s {p} ?o }} }}")
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
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)
