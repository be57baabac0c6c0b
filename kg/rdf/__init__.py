"""RDF: the vocabulary, IRIs, and the mapping from extracted records to triples."""

from .iri import DEFAULT_BASE
from .vocab import KG, KGR, class_for_label, ontology_graph

__all__ = ["KG", "KGR", "DEFAULT_BASE", "to_graph", "ontology_graph", "class_for_label"]


def __getattr__(name: str):
    # The mapping needs the extraction records (and so spaCy): imported only when used,
    # so that reading and drawing a saved graph stay light.
    if name == "to_graph":
        from .mapping import to_graph

        return to_graph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
