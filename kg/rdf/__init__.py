"""RDF: IRIs, and the mapping from extracted records to quads (the vocabulary is :mod:`kg.vocab`)."""

from .iri import DEFAULT_BASE
from .mapping import to_graph

__all__ = ["DEFAULT_BASE", "to_graph"]
