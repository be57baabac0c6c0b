"""Cut a readable part out of a big graph: an ego network, the most important nodes,
or what a SPARQL CONSTRUCT returns."""

from __future__ import annotations

from pathlib import Path

from ..errors import KgError

__all__ = ["focus", "most_important", "construct_nodes", "load_for_view", "importance"]


def importance(nxgraph, node) -> float:
    """How much a node matters to the picture: its degree, then how often it is mentioned."""
    return nxgraph.degree(node) + 0.1 * nxgraph.nodes[node].get("mentions", 0)


def focus(nxgraph, name: str, hops: int = 1):
    """The nodes within ``hops`` relations of the node named ``name`` (its label or any
    other name, case-insensitive; a full label match wins), as a subgraph.

    Raises
    ------
    kg.errors.KgError
        If no node has that name.
    """
    import networkx as nx

    wanted = " ".join(name.split()).casefold()
    exact = [n for n, d in nxgraph.nodes(data=True) if d["label"].casefold() == wanted]
    other = [n for n, d in nxgraph.nodes(data=True) if wanted in (a.casefold() for a in d.get("alt_labels", []))]
    candidates = exact or other
    if not candidates:
        raise KgError(f"no node named {name!r} in the graph (try kg entities GRAPH)")
    centre = max(candidates, key=lambda n: (importance(nxgraph, n), n))
    keep = nx.ego_graph(nxgraph.to_undirected(as_view=True), centre, radius=max(0, hops)).nodes
    return nxgraph.subgraph(keep).copy()


def most_important(nxgraph, max_nodes: int):
    """The ``max_nodes`` most important nodes (see :func:`importance`) and their edges,
    and how many nodes were left out."""
    if nxgraph.number_of_nodes() <= max_nodes:
        return nxgraph, 0
    ranked = sorted(nxgraph.nodes, key=lambda n: (-importance(nxgraph, n), n))
    return nxgraph.subgraph(ranked[:max_nodes]).copy(), nxgraph.number_of_nodes() - max_nodes


def construct_nodes(graph, query: str) -> set[str]:
    """The IRIs a SPARQL CONSTRUCT (or DESCRIBE) over ``graph`` returns, as subjects or objects."""
    from ..query import run_query

    result = run_query(graph, query)
    if result.type not in ("CONSTRUCT", "DESCRIBE"):
        raise KgError("--query needs a CONSTRUCT (or DESCRIBE) query: its triples name the nodes to draw")
    return {str(term) for triple in result.graph for term in (triple[0], triple[2])}


def load_for_view(path: str | Path):
    """A graph file loaded for drawing: into a pyoxigraph store when pyoxigraph reads its
    format (much faster than rdflib on big files), else into rdflib."""
    import pyoxigraph

    from ..errors import GraphFileError
    from ..store import load_graph

    formats = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
               ".nq": pyoxigraph.RdfFormat.N_QUADS, ".trig": pyoxigraph.RdfFormat.TRIG,
               ".rdf": pyoxigraph.RdfFormat.RDF_XML}
    path = Path(path)
    rdf_format = formats.get(path.suffix.lower())
    if rdf_format is None:
        return load_graph(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    store = pyoxigraph.Store()
    try:
        # Only what the picture reads is loaded: mention and provenance details are skipped.
        quads = pyoxigraph.parse(path=str(path), format=rdf_format)
        store.bulk_extend(q for q in quads if q.predicate.value in _DRAWN_PREDICATES)
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphFileError(f"{path}: not valid RDF: {' '.join(str(error).split())[:300]}") from None
    return _UnionStore(store)


_DRAWN_PREDICATES = frozenset({
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel", "https://example.org/kg/ontology#mentionCount",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", "https://example.org/kg/ontology#document",
    "https://example.org/kg/ontology#negated", "https://example.org/kg/ontology#modality",
    "https://example.org/kg/ontology#confidence", "https://example.org/kg/ontology#sentence",
    "http://purl.org/dc/terms/title", "http://purl.org/dc/terms/identifier",
})


class _UnionStore:
    """A pyoxigraph store whose SPARQL queries read the union of its named graphs."""

    def __init__(self, store):
        self.store = store

    def query(self, sparql: str):
        return self.store.query(sparql, use_default_graph_as_union=True)
