"""Storage: make, load and save graphs."""

from .graph import FORMATS, QUAD_FORMATS, jsonld_context, load_graph, new_graph, save_graph, serialize, union, write_atomic

__all__ = ["new_graph", "load_graph", "save_graph", "serialize", "union", "write_atomic", "jsonld_context", "FORMATS",
           "QUAD_FORMATS"]
from .documents import add_documents, document_graphs, graph_base, refresh_corpus, remove_documents

__all__ += ["add_documents", "document_graphs", "graph_base", "refresh_corpus", "remove_documents"]
