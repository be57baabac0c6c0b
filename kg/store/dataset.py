"""A kg graph held in an rdflib dataset (one the API is handed, such as ``KnowledgeGraph(graph)``
or ``run_query(graph, ...)``), as a :class:`Store`. (:func:`kg.load` reads a graph file into
Oxigraph instead: :meth:`kg.store.OxigraphStore.from_file`.)

rdflib answers :meth:`DatasetStore.query` (the user's queries: the dataset's bound prefixes may
be used undeclared, and results are what rdflib's SPARQL engine gives); everything else
kg does with a graph (drawing it, removing documents, writing it) goes through the same
:class:`kg.store.base.Store` methods as on Oxigraph and remote stores.

kg's own reads (:meth:`DatasetStore.rows`) and updates run in Oxigraph, on a copy of the
dataset made on first use and kept in step with what is written through the store:
``kg remove`` reads a few hundred small queries, which rdflib answers ~200 times slower
(3.5 s against 0.02 s on 12,000 quads), and rdflib's SPARQL Update would write literals
unlike a build's store (see :meth:`DatasetStore.update`). Change the dataset itself only
while no ``DatasetStore`` of it is in use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from ..errors import KgError
from ..terms import quad_to_rdflib, to_oxigraph
from .base import Row, Store
from .formats import dump_store
from .results import solution_rows

__all__ = ["DatasetStore", "rdflib_quads", "parsed_query"]


class DatasetStore(Store):
    """An rdflib dataset (or plain graph) seen as a :class:`~kg.store.base.Store`; changes go to it.

    Examples
    --------
    >>> from kg.store import new_graph
    >>> store = DatasetStore(new_graph())
    >>> store.add([ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("b"),
    ...                    ox.NamedNode("http://x/g"))])
    >>> [row["o"] for row in store.rows("SELECT ?o WHERE { ?s ?p ?o }")]
    ['b']
    """

    def __init__(self, dataset: Graph, location: str | None = None):
        self.dataset = dataset
        self.location = location
        self._copy: ox.Store | None = None  # Oxigraph's copy of the dataset, made on first use

    def _oxigraph(self) -> ox.Store:
        """The Oxigraph copy of the dataset (see the module docstring)."""
        if self._copy is None:
            self._copy = ox.Store()
            self._copy.extend(self.quads())
        return self._copy

    def __repr__(self) -> str:
        return f"DatasetStore({self.location!r})" if self.location else "DatasetStore(in memory)"

    def __len__(self) -> int:
        return sum(1 for _ in rdflib_quads(self.dataset))

    def rows(self, sparql: str) -> Iterator[Row]:
        """The solutions of a SELECT as dicts of plain strings (None when unbound), from Oxigraph."""
        try:
            return solution_rows(self._oxigraph().query(sparql, use_default_graph_as_union=True))
        except (SyntaxError, ValueError, OSError, RuntimeError) as error:
            raise KgError(f"query failed: {' '.join(str(error).split())[:300]}") from None

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Result:
        """Run a SPARQL query with rdflib; its ``Result``, evaluated (so that errors surface here)."""
        namespaces = tuple(sorted((prefixes or self.prefixes()).items()))
        try:
            result = self.dataset.query(parsed_query(sparql, namespaces), initBindings=dict(bindings or {}))
            if result.type == "SELECT":
                len(result.bindings)  # evaluated now: rdflib evaluates lazily
            elif result.type in ("CONSTRUCT", "DESCRIBE") and result.graph is not None:
                len(result.graph)
        except Exception as error:  # rdflib's evaluator raises many unrelated types
            raise KgError(f"query failed: {' '.join(str(error).split())[:300] or type(error).__name__}") from None
        return result

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update, in Oxigraph on a copy of the dataset, which then takes the result.

        So the update writes what it would write in a build's store: Oxigraph keeps some literals
        in canonical form (``"0.60"^^xsd:decimal`` as ``"0.6"``) where rdflib's own SPARQL Update
        keeps them as written, and ``kg remove`` on a dataset would otherwise differ from a build.
        """
        copy = self._oxigraph()
        try:
            copy.update(sparql)
        except (SyntaxError, ValueError, OSError, RuntimeError) as error:
            raise KgError(f"update failed: {' '.join(str(error).split())[:300]}") from None
        if isinstance(self.dataset, Dataset):
            for graph in list(self.dataset.graphs()):
                self.dataset.remove_graph(graph)
        self.dataset.remove((None, None, None))
        self._add_to_dataset(copy)

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (a quad in the default graph becomes a triple of the dataset's default graph)."""
        quads = list(quads)
        self._add_to_dataset(quads)
        if self._copy is not None:
            self._copy.extend(quads)

    def _add_to_dataset(self, quads: Iterable[ox.Quad]) -> None:
        converted = [quad_to_rdflib(quad) for quad in quads]  # all converted first: a bad term adds nothing
        for subject, predicate, obj, name in converted:
            if name is None or not isinstance(self.dataset, Dataset):
                self.dataset.add((subject, predicate, obj))
            else:
                self.dataset.add((subject, predicate, obj, self.dataset.graph(name)))

    def quads(self, predicate: str | None = None, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads (of one predicate, of one named graph, when given)."""
        wanted = URIRef(predicate) if predicate else None
        for s, p, o, name in rdflib_quads(self.dataset, wanted):
            if graph is None or (name is not None and str(name) == graph):
                yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(name))

    def drop_graphs(self, names: Iterable[str]) -> None:
        """Remove named graphs and everything in them."""
        if isinstance(self.dataset, Dataset):
            for name in names:
                self.dataset.remove_graph(self.dataset.graph(URIRef(name)))
                if self._copy is not None:
                    self._copy.remove_graph(ox.NamedNode(name))

    def is_empty(self) -> bool:
        """Whether the dataset holds no triple."""
        return next(iter(self.dataset.triples((None, None, None))), None) is None

    def prefixes(self) -> dict[str, str]:
        """The prefixes bound in the dataset (those its file declared, and kg's)."""
        return {str(prefix): str(namespace) for prefix, namespace in self.dataset.namespaces()}

    def to_dataset(self) -> Graph:
        """The dataset itself."""
        return self.dataset

    def dump(self, fmt: str = "nq") -> bytes:
        """The content as N-Quads (a plain graph: N-Triples, written by rdflib, unsorted), or TriG,
        Turtle or N-Triples (written by Oxigraph from its copy, as :meth:`OxigraphStore.dump` does).

        Raises
        ------
        ValueError
            For any other format (see :meth:`kg.store.base.Store.dump`).
        """
        if fmt != "nq":
            return dump_store(self._oxigraph(), fmt)
        if isinstance(self.dataset, Dataset):
            return self.dataset.serialize(format="nquads", encoding="utf-8")
        return self.dataset.serialize(format="nt", encoding="utf-8")

    def flush(self) -> None:
        """Nothing to do: the dataset is in memory."""

    def close(self) -> None:
        """Nothing to release."""


def rdflib_quads(dataset: Graph, predicate: URIRef | None = None) -> Iterator[tuple]:
    """``(s, p, o, graph name or None)`` of an rdflib graph or dataset; None is the default graph."""
    if not isinstance(dataset, Dataset):
        for s, p, o in dataset.triples((None, predicate, None)):
            yield s, p, o, None
        return
    for s, p, o, graph in dataset.quads((None, predicate, None, None)):
        name = getattr(graph, "identifier", graph)
        yield s, p, o, (None if name is None or name == DATASET_DEFAULT_GRAPH_ID else name)


@functools.lru_cache(maxsize=8)
def parsed_query(text: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    """rdflib's parse of a SPARQL query, with ``namespaces`` (prefix, IRI) usable undeclared.

    Cached: ``kg query`` checks a query (:func:`kg.query.checked_query`) before it loads the
    graph, then runs the same text, and rdflib takes seconds to parse a long query.
    """
    return prepareQuery(text, initNs=dict(namespaces))
