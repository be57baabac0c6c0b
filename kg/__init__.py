"""kg: build a queryable RDF knowledge graph, and a picture of it, from news articles.

>>> import kg
>>> graph = kg.build("examples/libya-gna-rejects-haftar-truce.txt")   # doctest: +SKIP
>>> graph.query("SELECT ?label WHERE { ?e rdfs:label ?label }", dataframe=True)  # doctest: +SKIP

Heavy libraries (spaCy, rdflib, pandas, pyvis) load on first use, not on import.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from .model import VERSION as __version__  # plain records: no heavy import

__all__ = [
    "build",
    "build_text",
    "load",
    "KnowledgeGraph",
    "document",
    "KgError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

# The public API loads on first use, on purpose: `import kg` stays fast, while kg.pipeline and
# kg.graph bring in rdflib and pyoxigraph (and a build spaCy).
_LAZY = {
    "build": ("kg.pipeline", "build"),
    "build_text": ("kg.pipeline", "build_text"),
    "load": ("kg.graph", "load"),
    "KnowledgeGraph": ("kg.graph", "KnowledgeGraph"),
    "document": ("kg.read.text", "document_from_text"),
    "KgError": ("kg.errors", "KgError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    if name in ("store", "query", "render", "rdf", "read", "extract", "resolve", "analyse", "errors", "model"):
        return importlib.import_module(f"kg.{name}")
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
