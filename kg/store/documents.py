"""Documents as units: replace or remove everything one document says.

Each document's statements, mentions and facts live in its own named graph
(:func:`kg.rdf.iri.document_graph_iri`); the corpus graph
(:func:`kg.rdf.iri.corpus_graph_iri`) describes entities, concepts and relation
predicates. Removing a document drops its graph, then brings the corpus graph up
to date: mention counts and alternative names are counted again from the
mentions that remain, and entities, concepts and predicates that nothing refers
to any more are removed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..rdf.vocab import KG, KGR

__all__ = ["document_graphs", "remove_documents", "refresh_corpus", "graph_base"]


def document_graphs(dataset: Dataset) -> dict[str, URIRef]:
    """Document id → the IRI of its named graph, for the documents of ``dataset``."""
    found = {}
    for graph in dataset.graphs():
        for document in graph.subjects(RDF.type, KG.Document):
            identifier = graph.value(document, DCTERMS.identifier)
            if identifier is not None:
                found[str(identifier)] = graph.identifier
    return found


def remove_documents(dataset: Dataset, doc_ids: Iterable[str]) -> list[str]:
    """Remove the documents ``doc_ids`` (and what only they mention) from ``dataset``.

    Returns the ids that were found and removed; unknown ids are ignored (the
    caller reports them).
    """
    graphs = document_graphs(dataset)
    removed = []
    for doc_id in doc_ids:
        if doc_id in graphs:
            dataset.remove_graph(dataset.graph(graphs[doc_id]))
            removed.append(doc_id)
    if removed:
        refresh_corpus(dataset)
    return removed


def _corpus_graph_of(dataset: Dataset) -> URIRef | None:
    for graph in dataset.graphs():
        if str(graph.identifier).endswith("graph/corpus"):
            return graph.identifier
    return None


def refresh_corpus(dataset: Dataset) -> None:
    """Recount the corpus graph from the documents that remain (see the module docstring)."""
    name = _corpus_graph_of(dataset)
    if name is None:
        return
    corpus = dataset.graph(name)
    names = dataset.graph(URIRef(str(name)[: -len("corpus")] + "names"))
    documents = [g for g in dataset.graphs() if g.identifier != name]

    mentions: dict = {}
    for graph in documents:
        for mention in graph.subjects(RDF.type, KG.Mention):
            entity = graph.value(mention, KG.mentionOf)
            mentions.setdefault(entity, []).append(str(graph.value(mention, KG.surfaceForm)))
    entities = set(corpus.subjects(KG.mentionCount, None)) | {e for e in mentions if (e, RDF.type, None) in corpus}
    for entity in entities:
        surfaces = mentions.get(entity)
        if not surfaces:
            corpus.remove((entity, None, None))
            names.remove((entity, None, None))  # its keys in the names index
            continue
        corpus.set((entity, KG.mentionCount, Literal(len(surfaces), datatype=XSD.integer)))
        label = str(corpus.value(entity, RDFS.label))
        corpus.remove((entity, SKOS.altLabel, None))
        for surface in sorted(set(surfaces) - {label}):
            corpus.add((entity, SKOS.altLabel, Literal(surface)))

    used_nodes, used_predicates = set(), set()
    for graph in documents:
        for statement in graph.subjects(RDF.type, KG.Statement):
            used_nodes.update(graph.objects(statement, RDF.subject))
            used_nodes.update(graph.objects(statement, RDF.object))
            used_predicates.update(graph.objects(statement, RDF.predicate))
    for concept in set(corpus.subjects(RDF.type, KG.Concept)):
        if concept not in used_nodes:
            corpus.remove((concept, None, None))
    for predicate in set(corpus.subjects(RDF.type, OWL.ObjectProperty)):
        if str(predicate).startswith(str(KGR)) and predicate not in used_predicates:
            corpus.remove((predicate, None, None))
    if len(corpus) == 0:
        dataset.remove_graph(corpus)


def graph_base(dataset: Dataset) -> str | None:
    """The instance base IRI a kg dataset was built with (from its corpus graph's IRI)."""
    name = _corpus_graph_of(dataset)
    return str(name)[: -len("graph/corpus")] if name is not None else None

