"""Views of a graph: networkx, and an interactive HTML page."""

from ..errors import KgError
from . import views
from .html import DEFAULT_MAX_NODES, VIEWS, page_data, render_html
from .nx import to_networkx
from .overview import communities, entity_graph
from .views import construct_nodes, focus, load_for_view, most_important

__all__ = [
    "to_networkx",
    "entity_graph",
    "communities",
    "render_html",
    "page_data",
    "VIEWS",
    "view_html",
    "view_graph",
    "default_view",
    "focus",
    "most_important",
    "construct_nodes",
    "load_for_view",
    "DEFAULT_MAX_NODES",
]


def view_html(
    graph,
    *,
    title: str | None = None,
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
    query: str | None = None,
    view: str | None = None,
) -> str:
    """The page for ``graph`` (a :class:`kg.store.Store`, such as a file read by :func:`load_for_view`,
    or an rdflib graph), cut to a readable part.

    ``view`` is "entities" (the overview: people, organisations, places and groups, one edge a related
    pair, communities; the default) or "full" (concepts and propositions too; the default of a
    ``focus`` or ``query``). ``query`` keeps the nodes a SPARQL CONSTRUCT names;
    ``focus``/``hops`` keeps an ego network; ``max_nodes`` keeps the most important
    nodes. What was left out is said on the page. ``title`` defaults to one made from the graph.
    """
    view = default_view(view, focus=focus, query=query)
    nxgraph, note = view_graph(graph, focus=focus, hops=hops, max_nodes=max_nodes, query=query, view=view)
    return render_html(nxgraph, title=title, note=note, view=view)


def default_view(view: str | None, *, focus: str | None = None, query: str | None = None) -> str:
    """The view to draw: ``view`` if given, else "full" for a focus or a query, else "entities"."""
    if view is None:
        return "full" if focus is not None or query is not None else "entities"
    if view not in VIEWS:
        raise KgError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    return view


def view_graph(
    graph,
    *,
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
    query: str | None = None,
    view: str = "full",
):
    """The networkx graph :func:`view_html` draws, and its note (what was left out, or None).

    In the "entities" view, ``max_nodes`` counts the entities related to another one: the
    others are listed beside the picture, not drawn.
    """
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
    if view == "entities":
        nxgraph, dropped = _most_related_entities(nxgraph, max_nodes or DEFAULT_MAX_NODES)
    else:
        nxgraph, dropped = views.most_important(nxgraph, max_nodes or DEFAULT_MAX_NODES)
    if dropped and view == "entities":
        notes.append(
            f"the {max_nodes or DEFAULT_MAX_NODES:,} most related entities; {dropped:,} less related "
            "ones are left out (use --focus, --query or --max-nodes)"
        )
    elif dropped:
        notes.append(
            f"the {nxgraph.number_of_nodes():,} most connected nodes; {dropped:,} less connected "
            "ones are left out (use --focus, --query or --max-nodes)"
        )
    note = None
    if notes:
        note = f"Showing {'; '.join(notes)} — of {total:,} nodes in the graph."
    return nxgraph, note


def _most_related_entities(nxgraph, max_nodes: int):
    """``nxgraph`` without the entities beyond the ``max_nodes`` most related of the overview, and how
    many entities were left out."""
    from .overview import CONCEPT_TYPES, entity_graph

    entities = sum(d["type"] not in CONCEPT_TYPES for _, d in nxgraph.nodes(data=True))
    if entities <= max_nodes:  # no need to know which are related
        return nxgraph, 0
    related = entity_graph(nxgraph)
    kept, dropped = views.most_important(related, max_nodes)
    if not dropped:
        return nxgraph, 0
    keep = [n for n, d in nxgraph.nodes(data=True) if n in kept or n not in related or d["type"] in CONCEPT_TYPES]
    return nxgraph.subgraph(keep).copy(), dropped
