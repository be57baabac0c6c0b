"""Storage: make, load and save graphs; keep them in Oxigraph or a SPARQL endpoint."""

from .graph import FORMATS, QUAD_FORMATS, jsonld_context, load_graph, new_graph, save_graph, serialize, union, write_atomic

__all__ = ["new_graph", "load_graph", "save_graph", "serialize", "union", "write_atomic", "jsonld_context", "FORMATS",
           "QUAD_FORMATS"]
from .documents import document_graphs, graph_base, remove_documents
from .oxigraph import OxigraphStore, is_store_path
from .remote import RemoteStore, is_store_url

__all__ += ["document_graphs", "graph_base", "remove_documents",
            "OxigraphStore", "RemoteStore", "open_store", "is_store", "is_store_path", "is_store_url"]


def open_store(location=None, *, read_only: bool = False):
    """The store at ``location``: an http(s) URL (a SPARQL endpoint), a folder (an
    on-disk Oxigraph store, created if missing unless ``read_only``), or, for None,
    a new in-memory Oxigraph store."""
    if location is not None and is_store_url(str(location)):
        return RemoteStore(str(location))
    return OxigraphStore(location, read_only=read_only)


def is_store(obj) -> bool:
    """Whether ``obj`` is one of kg's stores (rather than an rdflib graph)."""
    return isinstance(obj, (OxigraphStore, RemoteStore))
