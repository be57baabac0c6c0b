"""Read back what a kg graph already holds, so that new documents can be added to it."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..resolve import KnownEntity
from .vocab import KG, ontology_graph

__all__ = ["known_entities", "document_ids", "label_for_class"]


def label_for_class(cls: URIRef) -> str | None:
    """The spaCy label an ontology class stands for ("PERSON" for kg:Person), or None."""
    label = ontology_graph().value(cls, KG.spacyLabel)
    return str(label) if label is not None else None


def known_entities(graph: Graph) -> list[KnownEntity]:
    """The entity nodes of ``graph`` (those with a class of the ontology and a label), with their names.

    >>> known_entities(Graph())
    []
    """
    found = []
    for node, cls in graph.subject_objects(RDF.type):
        label_type = label_for_class(cls) if isinstance(cls, URIRef) else None
        label = graph.value(node, RDFS.label)
        if label_type is None or label is None or not isinstance(node, URIRef):
            continue
        names = [str(label), *sorted(str(n) for n in graph.objects(node, SKOS.altLabel))]
        count = graph.value(node, KG.mentionCount)
        found.append(KnownEntity(iri=str(node), label=str(label), type=label_type, names=tuple(names),
                                 mention_count=int(count.toPython()) if isinstance(count, Literal) else 0))
    return sorted(found, key=lambda entity: entity.iri)


def document_ids(graph: Graph) -> set[str]:
    """The identifiers of the documents ``graph`` was built from."""
    return {str(identifier) for document in graph.subjects(RDF.type, KG.Document)
            for identifier in graph.objects(document, DCTERMS.identifier)}
