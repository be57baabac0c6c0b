"""Storage: make, load and save graphs."""

from .graph import FORMATS, load_graph, new_graph, save_graph, serialize, write_atomic

__all__ = ["new_graph", "load_graph", "save_graph", "serialize", "write_atomic", "FORMATS"]
