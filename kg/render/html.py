"""An interactive HTML page of a graph, with vis-network (as shipped in pyvis), offline.

The page inlines pyvis's copy of vis-network's JavaScript and CSS, so it loads
nothing from the network. All text from the documents reaches the page as
JSON inside a script (HTML-escaped by Jinja's ``tojson``) and is shown by
vis-network as text (tooltips use ``innerText``), so names like
``<img src=x onerror=alert(1)>`` are displayed, never run.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

__all__ = ["render_html", "write_html", "CLASS_COLOURS"]

#: Node colour of each class (by class label); colour-blind-safe Tableau 10.
CLASS_COLOURS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Geopolitical entity": "#59a14f",
    "Location": "#8cd17d",
    "Facility": "#b07aa1",
    "Group": "#f28e2b",
    "Event": "#edc948",
    "Work": "#76b7b2",
    "Law": "#9c755f",
    "Product": "#ff9da7",
    "Language": "#9c755f",
    "Entity": "#79706e",
    "Concept": "#bab0ac",
    "Proposition": "#d4d4d4",
}

#: A proposition (a reported clause) is drawn with at most this many characters.
PROPOSITION_LABEL_CHARS = 48

#: Above this many nodes, positions are computed with networkx and physics is off
#: (vis-network's physics needs minutes to settle past ~1,500 nodes).
PHYSICS_NODE_LIMIT = 500

_MAX_SOURCES_SHOWN = 5


def _templates():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("kg.render", "templates"), autoescape=True)


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as shipped in pyvis (read as text, never as a template)."""
    import pyvis

    folder = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # Inline <script> content must not close the element early.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _node_title(data: dict) -> str:
    lines = [data["label"], f"Type: {data['type']}"]
    if data.get("alt_labels"):
        lines.append("Also: " + ", ".join(data["alt_labels"]))
    if data.get("mentions"):
        lines.append(f"Mentions: {data['mentions']}")
    return "\n".join(lines)


def _edge_title(data: dict, source: str, target: str) -> str:
    relation = ("NOT " if data["negated"] else "") + data["relation"]
    if data.get("modality"):
        relation = f"{data['modality']} {relation}"
    lines = [f"{source} – {relation} – {target}"]
    for title, sentence in data["sources"][:_MAX_SOURCES_SHOWN]:
        lines.append(f"\n[{title}]\n{sentence}")
    if len(data["sources"]) > _MAX_SOURCES_SHOWN:
        lines.append(f"\n… and {len(data['sources']) - _MAX_SOURCES_SHOWN} more sentences")
    return "\n".join(lines)


def vis_data(nxgraph) -> tuple[list[dict], list[dict]]:
    """The vis-network node and edge lists for a graph from :func:`kg.render.to_networkx`."""
    degree = dict(nxgraph.degree())
    nodes = []
    for node, data in nxgraph.nodes(data=True):
        label = data["label"]
        if data["type"] == "Proposition" and len(label) > PROPOSITION_LABEL_CHARS:
            label = label[:PROPOSITION_LABEL_CHARS].rsplit(" ", 1)[0] + " …"
        nodes.append({
            "id": node,
            "label": label,
            "title": _node_title(data),
            "group": data["type"],
            "color": CLASS_COLOURS.get(data["type"], CLASS_COLOURS["Entity"]),
            "size": round(10 + 6 * math.sqrt(degree.get(node, 0)), 1),
            "shape": {"Concept": "box", "Proposition": "box"}.get(data["type"], "dot"),
            "rank": 1 if data["type"] == "Proposition" else 0,
            "searchText": " | ".join([data["label"], *data.get("alt_labels", [])]).lower(),
        })
    edges = []
    for u, v, data in nxgraph.edges(data=True):
        label = ("not " if data["negated"] else "") + data["relation"]
        edges.append({
            "from": u,
            "to": v,
            "label": label,
            "title": _edge_title(data, nxgraph.nodes[u]["label"], nxgraph.nodes[v]["label"]),
            "dashes": bool(data["negated"] or data.get("modality") not in (None, "will", "shall")),
            "color": {"color": "#d62728" if data["negated"] else "#8a8a8a"},
            "width": 1 + min(data["count"], 5) * 0.5,
            "arrows": "to",
        })
    return nodes, edges


def _layout(nxgraph) -> dict:
    """Positions for a large graph: a spring layout of the connected part, a grid for the rest.

    News graphs have many isolated or paired nodes (entities mentioned without a
    relation); laying those out with forces costs most of the time and shows
    nothing, so they go on a grid beneath the connected part.
    """
    import networkx as nx

    undirected = nx.Graph(nxgraph)
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
    connected = [node for c in components if len(c) > 3 for node in sorted(c)]
    loose = [node for c in components if len(c) <= 3 for node in sorted(c)]
    positions = {}
    width = 60 * math.sqrt(max(len(connected), 1))
    if connected:
        core = undirected.subgraph(connected)
        iterations = 30 if len(connected) < 800 else 15 if len(connected) < 2000 else 8
        # method="force": networkx 3.5+ otherwise picks its scipy energy solver for big graphs, 5x slower here
        for node, (x, y) in nx.spring_layout(core, seed=1, iterations=iterations, method="force").items():
            positions[node] = (float(x) * width, float(y) * width)
    columns = max(1, int(math.sqrt(len(loose) * 3)))
    top = width + 150
    for i, node in enumerate(loose):
        positions[node] = (-width + (i % columns) * 2 * width / columns, top + (i // columns) * 60)
    return positions


def render_html(nxgraph, *, title: str = "kg graph") -> str:
    """The HTML page (a string) showing ``nxgraph`` (from :func:`kg.render.to_networkx`).

    Below :data:`PHYSICS_NODE_LIMIT` nodes the layout is vis-network's physics,
    which stops once settled; above it positions are computed with networkx
    and physics is off.
    """
    nodes, edges = vis_data(nxgraph)
    physics = len(nodes) <= PHYSICS_NODE_LIMIT
    if not physics:
        positions = _layout(nxgraph)
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
    present = {node["group"] for node in nodes}
    legend = [(name, colour) for name, colour in CLASS_COLOURS.items() if name in present]
    options = {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#555"},
                  "smooth": {"type": "continuous"}},
    }
    template = _templates().get_template("graph.html")
    vis_js, vis_css = _vis_assets()
    return template.render(
        vis_js=vis_js,
        vis_css=vis_css,
        title=title,
        nodes=nodes,
        edges=edges,
        options=options,
        legend=legend,
        node_count=len(nodes),
        edge_count=len(edges),
    )


def write_html(nxgraph, path: str | Path, *, title: str = "kg graph") -> Path:
    """Write the page of :func:`render_html` to ``path`` (atomically)."""
    from ..store import write_atomic

    return write_atomic(path, render_html(nxgraph, title=title).encode("utf-8"))
