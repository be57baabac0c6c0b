"""RDF: the vocabulary, IRIs, and the mapping from extracted records to triples."""

from .iri import DEFAULT_BASE
from .mapping import to_graph
from .vocab import KG, KGR, ontology_graph, class_for_label

__all__ = ["KG", "KGR", "DEFAULT_BASE", "to_graph", "ontology_graph", "class_for_label"]
