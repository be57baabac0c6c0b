"""Views of a graph: networkx, and an interactive HTML page."""

from .html import render_html, write_html
from .nx import to_networkx

__all__ = ["to_networkx", "render_html", "write_html"]
