"""Views of a graph: networkx, and an interactive HTML page."""

from . import views
from .html import DEFAULT_MAX_NODES, render_html
from .nx import to_networkx
from .views import construct_nodes, focus, load_for_view, most_important

__all__ = [
    "to_networkx",
    "render_html",
    "view_html",
    "view_graph",
    "focus",
    "most_important",
    "construct_nodes",
    "load_for_view",
    "DEFAULT_MAX_NODES",
]


def view_html(
    graph,
    *,
    title: str = "kg graph",
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
    query: str | None = None,
) -> str:
    """The page for ``graph`` (a :class:`kg.store.Store`, such as a file read by :func:`load_for_view`,
    or an rdflib graph), cut to a readable part.

    ``query`` keeps the nodes a SPARQL CONSTRUCT names;
    ``focus``/``hops`` keeps an ego network; ``max_nodes`` keeps the most important
    nodes. What was left out is said on the page.
    """
    nxgraph, note = view_graph(graph, focus=focus, hops=hops, max_nodes=max_nodes, query=query)
    return render_html(nxgraph, title=title, note=note)


def view_graph(
    graph, *, focus: str | None = None, hops: int = 1, max_nodes: int | None = None, query: str | None = None
):
    """The networkx graph :func:`view_html` draws, and its note (what was left out, or None)."""
    nxgraph = to_networkx(graph)
    total = nxgraph.number_of_nodes()
    notes = []
    if query is not None:
        keep = views.construct_nodes(graph, query) & set(nxgraph.nodes)
        nxgraph = nxgraph.subgraph(keep).copy()
        notes.append(f"the {nxgraph.number_of_nodes()} nodes the query names")
    if focus is not None:
        nxgraph = views.focus(nxgraph, focus, hops)
        centre = nxgraph.nodes[nxgraph.graph["centre"]]["label"]
        notes.append(f"{centre} and its neighbours up to {hops} relation{'s' if hops != 1 else ''} away")
    nxgraph, dropped = views.most_important(nxgraph, max_nodes or DEFAULT_MAX_NODES)
    if dropped:
        notes.append(
            f"the {nxgraph.number_of_nodes():,} most connected nodes; {dropped:,} less connected "
            "ones are left out (use --focus, --query or --max-nodes)"
        )
    note = None
    if notes:
        note = f"Showing {'; '.join(notes)} — of {total:,} nodes in the graph."
    return nxgraph, note
