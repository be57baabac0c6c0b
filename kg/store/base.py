"""The one interface every kg store answers: :class:`Store`.

Modelled on rdflib's ``rdflib.store.Store`` (a small set of operations that every
backend implements, so that graphs do not care where their triples live), but cut
to what kg does with a graph: SPARQL queries (as rows, or as an rdflib ``Result``),
SPARQL Update, adding quads, reading quads by predicate or named graph, dropping
named graphs, and turning the whole into an rdflib dataset or RDF bytes.

Three classes implement it: :class:`kg.store.OxigraphStore` (in memory or on disk),
:class:`kg.store.RemoteStore` (a SPARQL 1.1 endpoint) and
:class:`kg.store.DatasetStore` (an rdflib dataset the API is handed).
Queries, ``kg remove``, ``to_networkx`` and the picture take any of them
(:func:`kg.store.as_store` turns an rdflib graph into one), so none of them asks
which kind it was given.

Every query sees the union of the named graphs (one per document, the corpus
graph, the names graph, the ontology), as the files kg writes do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.query import Result

__all__ = ["Store", "Row", "bound"]

#: One solution of a SELECT: variable name -> the value as a plain string (an IRI, a
#: literal's lexical form, a blank node's id), or None when the variable is unbound.
Row = dict[str, str | None]


def bound(row: Row, name: str) -> str:
    """The value of ``name`` in ``row``, a variable that every solution binds (not OPTIONAL).

    >>> bound({"e": "http://x/a"}, "e")
    'http://x/a'
    """
    value = row[name]
    if value is None:
        raise ValueError(f"?{name} is unbound in a solution that must bind it: {row}")
    return value


@runtime_checkable
class Store(Protocol):
    """A place that holds a kg graph as quads, and answers SPARQL over their union.

    Classes that name ``Store`` as a base get the context manager (``with store:``
    closes it) and a :meth:`loading` that does nothing.
    """

    #: Where the store is (a folder, a URL), or None (in memory).
    location: str | None
    #: For a store read while a build adds to it, that build's process ("pid N"); None when no
    #: build is known to be writing (always, for stores that cannot tell, such as an endpoint).
    being_written: str | None = None

    def rows(self, sparql: str) -> Iterator[Row]:
        """The solutions of a SELECT as :data:`Row` dicts (the fast way to read many)."""
        ...

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Result:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); an rdflib ``Result``.

        ``bindings`` gives variables values (rdflib terms); ``prefixes`` may be used
        undeclared. Raises :class:`kg.errors.KgError` ("query failed: ...") if it fails.
        """
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update, as one transaction."""
        ...

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads, all of them or none (within :meth:`loading`, see there)."""
        ...

    def quads(self, predicate: str | None = None, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads (of one predicate IRI, of one named graph IRI, when given)."""
        ...

    def drop_graphs(self, names: Iterable[str]) -> None:
        """Remove the named graphs ``names`` (IRIs) and everything in them."""
        ...

    def is_empty(self) -> bool:
        """Whether the store holds no quad."""
        ...

    def prefixes(self) -> dict[str, str]:
        """The prefixes a query on this store may use undeclared (prefix -> namespace IRI)."""
        ...

    def to_dataset(self) -> Dataset | Graph:
        """The content as an rdflib dataset (for the Python API; slow on big stores)."""
        ...

    def dump(self, fmt: str = "nq") -> bytes:
        """The content as N-Quads or TriG (named graphs kept), Turtle or N-Triples (their union):
        ``fmt`` is one of :data:`kg.store.formats.DUMP_FORMATS`; any other raises ``ValueError``
        (:func:`kg.store.serialize` writes JSON-LD and RDF/XML)."""
        ...

    def flush(self) -> None:
        """Make what was written durable."""
        ...

    def close(self) -> None:
        """Write everything out and release the store."""
        ...

    def __len__(self) -> int:
        """The number of quads."""
        ...

    def triple_count(self) -> int:
        """The number of distinct triples over all graphs: what a Turtle or N-Triples file of the
        store holds (a fact two documents state is one triple, in two documents' graphs)."""
        query = (
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }"
        )
        count = next(iter(self.rows(query)), {}).get("n")
        return int(count) if count is not None else 0

    def loading(self) -> contextlib.AbstractContextManager[None]:
        """A block within which only :meth:`add` is called, many times: a store may load faster
        there (Oxigraph bulk-loads a new on-disk store). Others simply add."""
        return contextlib.nullcontext()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
