"""What a kg graph's classes stand for, read back from the ontology."""

from __future__ import annotations

import functools

from rdflib import URIRef

from .vocab import KG, ontology_graph

__all__ = ["label_for_class"]


@functools.lru_cache(maxsize=256)
def label_for_class(cls: URIRef) -> str | None:
    """The spaCy label an ontology class stands for ("PERSON" for kg:Person), or None."""
    label = ontology_graph().value(cls, KG.spacyLabel)
    return str(label) if label is not None else None
