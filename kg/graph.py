"""``KnowledgeGraph``: the object the API returns, wrapping an rdflib graph."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import ConfigError, KgError, QueryError
from .query import named_query, result_to_dataframe, run_query
from .render import to_networkx, view_html
from .store import FORMATS, DatasetStore, OxigraphStore, Store, save_graph, serialize, write_atomic

__all__ = ["KnowledgeGraph", "load"]


class KnowledgeGraph:
    """A knowledge graph: where its triples are kept, and what to do with them.

    A build keeps the graph in an Oxigraph store (in memory, on disk or behind a
    SPARQL endpoint; ``.store``), and :func:`load` reads a graph file into an
    in-memory one; an rdflib graph may also be wrapped as it is (``KnowledgeGraph(graph)``).
    Either way ``.graph`` is an rdflib graph (made from the store on first use)
    and the methods below work the same.

    Attributes
    ----------
    graph : rdflib.Dataset
        The triples (entities, concepts, relations, statements, documents), one
        named graph per document.
    store : kg.store.OxigraphStore or kg.store.RemoteStore or None
        The store the graph is kept in (None for an rdflib graph wrapped as it is).
    errors : list of KgError
        Inputs that could not be read or built, and were skipped (empty for a loaded graph).
    warnings : list of kg.errors.InputWarning
        Inputs built with a guess: an encoding that was not UTF-8, a text split in pieces.
    report : kg.pipeline.BuildReport or None
        Counts and time of the build that made the graph (None for a loaded graph).
    """

    def __init__(
        self,
        graph: Graph | None = None,
        *,
        store=None,
        errors: list[KgError] | None = None,
        warnings: list | None = None,
        report: object = None,
    ):
        if graph is None and store is None:
            raise TypeError("KnowledgeGraph needs a graph or a store")
        self._graph = graph
        self.store = store
        self.errors = list(errors or [])
        self.warnings = list(warnings or [])
        self.report = report

    def __repr__(self) -> str:
        where = repr(self.store) if self.store is not None else "rdflib"
        return f"<KnowledgeGraph {len(self)} triples in {where}>"

    @property
    def graph(self) -> Graph:
        """The rdflib dataset (for a store-backed graph, converted on first use and kept)."""
        if self._graph is None:
            self._graph = self.store.to_dataset()
        return self._graph

    @property
    def _source(self) -> Store:
        """What queries, pictures and copies read: the store, or the rdflib graph seen as one."""
        return self.store if self.store is not None else DatasetStore(self.graph)  # without a store: _graph

    def copy_to(self, store: Store) -> None:
        """Add every quad of this graph to ``store``."""
        store.add(self._source.quads())

    def __len__(self) -> int:
        """The number of distinct triples, over all named graphs: what a Turtle or N-Triples
        file of the graph holds, and what ``kg stats`` of any of its files says. A fact that
        two documents state is one triple (in two documents' graphs)."""
        if self.store is None:
            return len(self.graph)  # _graph; an rdflib Dataset counts distinct triples
        return self.store.triple_count()

    def query(self, sparql: str, *, dataframe: bool = False, bindings: dict | None = None, allow_network: bool = False):
        """Run a SPARQL query.

        Returns the rdflib result (iterate it for rows), or, with
        ``dataframe=True``, a pandas DataFrame of a SELECT result.

        ``bindings`` gives variables values (rdflib terms, as ``initBindings``). Oxigraph binds
        only the variables a SELECT projects; for others, a graph held in memory is queried
        through its rdflib view (``.graph``), as rdflib binds any variable.

        Raises
        ------
        kg.errors.QueryError
            If the query is malformed or would reach the network.
        """
        try:
            result = run_query(self._source, sparql, bindings=bindings, allow_network=allow_network)
        except QueryError as error:
            in_memory = isinstance(self.store, OxigraphStore) and self.store.location is None
            if not (bindings and in_memory and "in its SELECT projection" in str(error)):
                raise
            result = run_query(DatasetStore(self.graph), sparql, bindings=bindings, allow_network=allow_network)
        return result_to_dataframe(result) if dataframe else result

    def prefixes(self) -> dict[str, str]:
        """The prefixes its queries may use undeclared, and result tables shorten IRIs with: kg's
        (:data:`kg.vocab.PREFIXES`), and for a graph read from a file, those the file declares."""
        return self._source.prefixes()

    def to_networkx(self):
        """The entities, concepts and relations as a ``networkx.MultiDiGraph``."""
        return to_networkx(self._source)

    def to_html(
        self,
        path: str | Path | None = None,
        *,
        title: str | None = None,
        focus: str | None = None,
        hops: int = 1,
        max_nodes: int | None = None,
        query: str | None = None,
        view: str | None = None,
    ) -> str:
        """The interactive HTML page; also written to ``path`` when given.

        ``view`` is "entities" (the overview: people, organisations, places and groups, one
        edge a related pair, colour = relation family, communities; the default) or "full"
        (concepts and propositions drawn too; the default with ``focus`` or ``query``).
        ``focus`` draws the ego network of the node with that name (``hops``
        relations out); ``query`` (a SPARQL CONSTRUCT) draws the nodes its triples
        name; ``max_nodes`` (default :data:`kg.render.html.DEFAULT_MAX_NODES`) keeps
        the most connected nodes and says on the page what was left out. ``title``
        defaults to the one article's title, or how many articles the graph holds.
        """
        page = view_html(self._source, title=title, focus=focus, hops=hops, max_nodes=max_nodes, query=query, view=view)
        if path is not None:
            write_atomic(path, page.encode("utf-8"))
        return page

    def show(self, *, height: int = 600, title: str | None = None, **view) -> InlineView:
        """The interactive view, for Jupyter: the whole offline page in a sandboxed iframe.

        ``view`` takes :meth:`to_html`'s ``view``, ``focus``, ``hops``, ``max_nodes`` and ``query``.
        """
        return InlineView(self.to_html(title=title, **view), height=height)

    def save(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the graph to ``path`` (format from ``fmt`` or the suffix), atomically."""
        return save_graph(self._source, path, fmt)

    #: What :meth:`write` (and ``kg build``) writes when no formats are named.
    WRITE_FORMATS = ("ttl", "trig")

    def write(
        self,
        folder: str | Path,
        formats: Iterable[str] = WRITE_FORMATS,
        *,
        html: bool = True,
        title: str | None = None,
    ) -> list[Path]:
        """Write the graph into ``folder``: ``graph.<suffix>`` in each of ``formats`` (keys of
        :data:`kg.store.FORMATS`), and the picture ``graph.html`` unless ``html=False``.

        Everything is made before anything is written, and each file is replaced
        atomically, so a failure leaves the earlier files as they were.

        Returns
        -------
        list of Path
            The files written, in the order of ``formats``, ``graph.html`` last.

        Raises
        ------
        kg.errors.ConfigError
            If a format is not one of :data:`kg.store.FORMATS`.
        """
        formats = list(formats)
        unknown = [fmt for fmt in formats if fmt not in FORMATS]
        if unknown:
            raise ConfigError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
        folder = Path(folder)
        outputs = {folder / f"graph{FORMATS[fmt][1]}": serialize(self._source, fmt) for fmt in formats}
        if html:
            outputs[folder / "graph.html"] = self.to_html(title=title).encode("utf-8")
        for path, data in outputs.items():
            write_atomic(path, data)
        return list(outputs)

    def stats(self) -> dict:
        """Counts: documents, entities, concepts, relation predicates, statements, triples."""
        counts = self.query(
            """
            SELECT
              (COUNT(DISTINCT ?doc) AS ?documents)
              (COUNT(DISTINCT ?entity) AS ?entities)
              (COUNT(DISTINCT ?concept) AS ?concepts)
              (COUNT(DISTINCT ?predicate) AS ?relation_types)
              (COUNT(DISTINCT ?statement) AS ?statements)
            WHERE {
              { ?doc a kg:Document } UNION { ?entity kg:mentionCount ?n }
              UNION { ?concept a kg:Concept } UNION { ?statement2 rdf:predicate ?predicate }
              UNION { ?statement a kg:Statement }
            }
            """
        )
        row = next(iter(counts))
        result = {str(name): int(row[i]) for i, name in enumerate(counts.vars)}
        result["triples"] = len(self)
        return result

    def documents(self, *, dataframe: bool = True):
        """The documents of the graph, by date (the undated last), then id: a pandas DataFrame with the
        columns ``id`` (what :func:`kg.store.remove_documents` and ``kg remove`` take), ``title``,
        ``date`` (a ``datetime.date``), ``source`` (the URL the document was read from; missing for a
        document read from a file: the graph keeps no file paths) and ``statements`` (how many were read
        from it); one SPARQL query (``kg/query/queries/documents.rq``). With ``dataframe=False``, the
        query's result rows instead.

        Examples
        --------
        >>> import kg
        >>> graph = kg.build_text("Truce rejected\\nThe GNA rejected the truce.", doc_id="d1")
        >>> graph.documents()[["id", "title", "statements"]].to_dict("records")
        [{'id': 'd1', 'title': 'Truce rejected', 'statements': 2}]
        """
        return self.query(named_query("documents"), dataframe=dataframe)

    def _repr_html_(self):
        return self.show()._repr_html_()


@dataclass(frozen=True)
class InlineView:
    """An HTML page shown inline by Jupyter (through ``_repr_html_``)."""

    page: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;" '
            'sandbox="allow-scripts"></iframe>'
        )


def load(path: str | Path) -> KnowledgeGraph:
    """Read a saved graph (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``, ...) back, into an in-memory
    Oxigraph store: its queries run there (10-100x faster than rdflib's, PERFORMANCE.md), and
    ``.graph`` is made from it on first use. Its prefixes are kg's and those the file declares.
    Oxigraph keeps a typed literal's value: one written in another form than its canonical one
    (``"0.50"^^xsd:decimal``, ``"5"^^xsd:int``) reads back canonical (``"0.5"``, ``"5"^^xsd:integer``),
    as in a build's store; the files kg writes hold canonical forms only.

    Raises
    ------
    kg.errors.GraphFileError
        If the file is missing, too big, or does not parse.
    """
    return KnowledgeGraph(store=OxigraphStore.from_file(path))
