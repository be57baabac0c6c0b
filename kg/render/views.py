"""Cut a readable part out of a big graph: an ego network, the most important nodes,
or what a SPARQL CONSTRUCT returns."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from ..errors import GraphFileError, KgError
from ..query import run_query
from ..store import OxigraphStore, Store
from ..store.foreign import read_quads
from ..store.formats import by_suffix
from ..store.graph import graph_file
from ..terms import value_of
from ..vocab import KG

__all__ = [
    "focus",
    "most_important",
    "construct_nodes",
    "load_for_view",
    "importance",
    "facts_from_store",
    "facts_from_file",
]


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
    import networkx as nx  # lazily: importing kg (for a query, a build) never pays for it

    wanted = " ".join(name.split()).casefold()
    exact = [n for n, d in nxgraph.nodes(data=True) if d["label"].casefold() == wanted]
    other = [n for n, d in nxgraph.nodes(data=True) if wanted in (a.casefold() for a in d.get("alt_labels", []))]
    candidates = exact or other
    if not candidates:
        raise KgError(f"no node named {name!r} in the graph (try kg entities GRAPH)")
    centre = max(candidates, key=lambda n: (importance(nxgraph, n), n))
    keep = nx.ego_graph(nxgraph.to_undirected(as_view=True), centre, radius=max(0, hops)).nodes
    subgraph = nxgraph.subgraph(keep).copy()
    subgraph.graph["centre"] = centre
    return subgraph


def most_important(nxgraph, max_nodes: int):
    """The ``max_nodes`` most important nodes (see :func:`importance`) and their edges,
    and how many nodes were left out."""
    if nxgraph.number_of_nodes() <= max_nodes:
        return nxgraph, 0
    ranked = sorted(nxgraph.nodes, key=lambda n: (-importance(nxgraph, n), n))
    return nxgraph.subgraph(ranked[:max_nodes]).copy(), nxgraph.number_of_nodes() - max_nodes


def construct_nodes(graph, query: str) -> set[str]:
    """The IRIs a SPARQL CONSTRUCT (or DESCRIBE) over ``graph`` (a :class:`kg.store.Store`, or
    anything :func:`kg.store.as_store` takes) returns, as subjects or objects."""
    result = run_query(graph, query)
    if result.type not in ("CONSTRUCT", "DESCRIBE") or result.graph is None:
        raise KgError("--query needs a CONSTRUCT (or DESCRIBE) query: its triples name the nodes to draw")
    return {str(term) for triple in result.graph for term in (triple[0], triple[2])}


def load_for_view(path: str | Path, *, whole: bool = False) -> OxigraphStore:
    """A graph file (or a build folder's) read for drawing into an in-memory store: only the quads of
    the predicates the picture reads, or, with ``whole``, every quad (a ``--query`` may read any).

    One streaming pass by pyoxigraph, within what a graph file may cost (RDF/XML without a DTD):
    on a 720,000-quad file it takes about half the time of loading every quad into Oxigraph,
    and a tenth of reading it with rdflib.
    """
    path = graph_file(path)
    rdf_format = by_suffix(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    quads = read_quads(path, rdf_format)
    store = OxigraphStore()
    store.add(quads if whole else (quad for quad in quads if quad.predicate in _DRAWN_NODES))
    return store


def facts_from_file(path: str | Path) -> DrawingFacts:
    """The facts the picture reads, straight from a graph file (or a build folder's): one streaming
    pass by pyoxigraph that keeps only the drawn predicates' quads, with no store in between (on the
    656,000-quad graph of ``bench/render.py`` this saves a third of the time of :func:`load_for_view`
    followed by :func:`facts_from_store`)."""
    path = graph_file(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    facts = DrawingFacts()
    values = facts.values
    for quad in read_quads(path, by_suffix(path)):
        predicate = quad.predicate
        if predicate in _DRAWN_NODES:
            try:  # DrawingFacts.add, inlined: this loop runs once a drawn quad (300,000 in the benchmark)
                objects = values[predicate.value].setdefault(quad.subject.value, [])  # type: ignore[union-attr]
                obj = quad.object.value  # type: ignore[union-attr]
            except AttributeError:  # a quoted triple (RDF-star, from another tool) is not drawn
                continue
            if obj not in objects:
                objects.append(obj)
    return facts.sorted()


def facts_from_store(store: Store) -> DrawingFacts:
    """The facts the picture reads, fetched from a store one drawn predicate at a time."""
    facts = DrawingFacts()
    for predicate in sorted(_DRAWN_PREDICATES):
        for quad in store.quads(predicate):
            facts.add(value_of(quad.subject), predicate, value_of(quad.object))
    return facts.sorted()


_STATEMENT_PROPERTIES = {
    name: str(getattr(KG, name))
    for name in ("negated", "modality", "confidence", "sentence", "asserted", "relationType")
}
#: What a statement's sentence node holds: the text shown on hover, and its document.
_SENTENCE_PROPERTIES = {name: str(getattr(KG, name)) for name in ("text", "document")}
_DOCUMENT_PROPERTIES = {
    "title": str(DCTERMS.title),
    "identifier": str(DCTERMS.identifier),
    "date": str(DCTERMS.date),
}
_DRAWN_PREDICATES = frozenset(
    {
        str(RDF.type),
        str(RDFS.label),
        str(SKOS.altLabel),
        str(KG.mentionCount),
        str(OWL.sameAs),  # a place's GeoNames link (kg.resolve.places), shown on hover
        str(RDF.subject),
        str(RDF.predicate),
        str(RDF.object),
        *_STATEMENT_PROPERTIES.values(),
        *_SENTENCE_PROPERTIES.values(),
        *_DOCUMENT_PROPERTIES.values(),
    }
)
_DRAWN_NODES = frozenset(ox.NamedNode(iri) for iri in _DRAWN_PREDICATES)
_TYPE, _LABEL, _ALT_LABEL, _MENTION_COUNT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(KG.mentionCount)
_STATEMENT, _SENTENCE, _DOCUMENT = str(KG.Statement), str(KG.Sentence), str(KG.Document)


class DrawingFacts:
    """What :func:`kg.render.to_networkx` reads of a store (:func:`facts_from_store`), indexed by
    predicate: one pass over the drawn predicates' triples, faster than SPARQL for one drawing.
    ``rows(name)`` gives what :mod:`kg.render.nx` asks for by name ("nodes", "alt_labels", "same_as",
    "statements", "statement negated" ...), as rows of plain strings."""

    def __init__(self) -> None:
        self.values: dict[str, dict[str, list[str]]] = {iri: {} for iri in _DRAWN_PREDICATES}

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Record one triple (duplicates across named graphs are kept once)."""
        objects = self.values[predicate].setdefault(subject, [])
        if obj not in objects:
            objects.append(obj)

    def sorted(self) -> DrawingFacts:
        """These facts with each subject's values in order, so that a graph read from any source,
        in any order, is drawn the same way (the first label is the smallest); returns ``self``."""
        for values in self.values.values():
            for objects in values.values():
                if len(objects) > 1:
                    objects.sort()
        return self

    def _one(self, predicate: str, subject: str):
        found = self.values[predicate].get(subject)
        return found[0] if found else None

    def rows(self, name: str):
        """The rows of one named part of the drawing (see the class docstring)."""
        types = self.values[_TYPE]
        if name == "nodes":
            for node, classes in types.items():
                for cls in classes:
                    yield {
                        "node": node,
                        "class": cls,
                        "label": self._one(_LABEL, node),
                        "mentions": self._one(_MENTION_COUNT, node),
                    }
        elif name == "alt_labels":
            for node, alts in self.values[_ALT_LABEL].items():
                for alt in alts:
                    yield {"node": node, "alt": alt}
        elif name == "same_as":
            for node, targets in self.values[str(OWL.sameAs)].items():
                for target in targets:
                    yield {"node": node, "target": target}
        elif name == "statements":
            for statement, classes in types.items():
                if _STATEMENT not in classes:
                    continue
                s, p, o = (self._one(str(RDF[part]), statement) for part in ("subject", "predicate", "object"))
                if s is not None and p is not None and o is not None:
                    yield {"statement": statement, "s": s, "p": p, "o": o}
        elif name.startswith("statement "):
            for statement, values in self.values[_STATEMENT_PROPERTIES[name.split()[1]]].items():
                if _STATEMENT in types.get(statement, ()):
                    yield {"statement": statement, "value": values[0]}
        elif name.startswith("sentence "):
            for sentence, values in self.values[_SENTENCE_PROPERTIES[name.split()[1]]].items():
                if _SENTENCE in types.get(sentence, ()):
                    yield {"sentence": sentence, "value": values[0]}
        elif name.startswith("document "):
            for document, values in self.values[_DOCUMENT_PROPERTIES[name.split()[1]]].items():
                if _DOCUMENT in types.get(document, ()):
                    yield {"document": document, "value": values[0]}
        elif name == "documents":
            for document, classes in types.items():
                if _DOCUMENT in classes:
                    yield {"document": document}
        elif name == "relation labels":
            used = {values[0] for values in self.values[str(RDF.predicate)].values()}
            for predicate in used:
                label = self._one(_LABEL, predicate)
                if label is not None:
                    yield {"p": predicate, "label": label}
