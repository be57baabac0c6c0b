"""Storage: make, load and save graphs; keep them in Oxigraph, a SPARQL endpoint or an rdflib dataset.

Every store answers :class:`kg.store.base.Store`; :func:`as_store` turns an rdflib graph into one.
"""

from .base import Store
from .corpus import document_graphs
from .dataset import DatasetStore
from .documents import remove_documents
from .graph import FORMATS, QUAD_FORMATS, jsonld_context, load_graph, new_graph, union, write_atomic
from .open import as_store, open_store
from .output import save_graph, serialize
from .oxigraph import OxigraphStore, is_store_path
from .remote import RemoteStore, is_store_url

__all__ = [
    "Store",
    "as_store",
    "open_store",
    "OxigraphStore",
    "RemoteStore",
    "DatasetStore",
    "is_store_path",
    "is_store_url",
    "new_graph",
    "load_graph",
    "save_graph",
    "serialize",
    "union",
    "write_atomic",
    "jsonld_context",
    "FORMATS",
    "QUAD_FORMATS",
    "document_graphs",
    "remove_documents",
]
