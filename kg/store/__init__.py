"""Storage: make, load and save graphs; keep them in Oxigraph, a SPARQL endpoint or an rdflib dataset.

Every store answers :class:`kg.store.base.Store`; :func:`as_store` turns an rdflib graph into one.
"""

from .base import Store
from .corpus import document_graphs
from .dataset import DatasetStore
from .documents import remove_documents
from .formats import FORMATS, QUAD_FORMATS
from .graph import load_graph, new_graph, union, write_atomic
from .open import as_store, is_store_location, open_store
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
    "is_store_location",
    "new_graph",
    "load_graph",
    "save_graph",
    "serialize",
    "union",
    "write_atomic",
    "FORMATS",
    "QUAD_FORMATS",
    "document_graphs",
    "remove_documents",
]
