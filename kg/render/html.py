"""An interactive HTML page of a graph, with vis-network (as shipped in pyvis), offline.

The page inlines pyvis's copy of vis-network's JavaScript and CSS, so it loads
nothing from the network. All text from the documents reaches the page as
JSON inside a script (HTML-escaped by Jinja's ``tojson``) and is shown by
vis-network as text (tooltips use ``innerText``), so names like
``<img src=x onerror=alert(1)>`` are displayed, never run. Each name, relation and
sentence that could change the direction of the text around it (right-to-left letters,
bidi controls such as U+202E) is shown as a bidi isolate (:func:`isolated`), so that it
cannot reorder the rest of a label or tooltip.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import Counter, deque
from importlib.util import find_spec
from pathlib import Path

from ..errors import ConfigError
from .views import importance

__all__ = ["render_html", "isolated", "CLASS_COLOURS"]

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

#: At most this many nodes get a spring layout in a big graph (networkx's dense solver is
#: fast below 500 nodes); the others are placed around them.
LAYOUT_CORE = 450

#: Up to this many nodes, every edge is labelled with its relation and every name is drawn
#: at one size; in bigger graphs relations are in the tooltips and only hubs' names are large.
LABELLED_NODE_LIMIT = 150

#: In a big graph, the names of this many best-connected nodes are drawn large enough to read.
HUB_LABELS = 15

#: ``kg render`` draws at most this many nodes unless told otherwise (pre-computed positions,
#: physics off: a laptop browser stays responsive).
DEFAULT_MAX_NODES = 5000

_MAX_SOURCES_SHOWN = 5


def _templates():
    import jinja2  # lazily: 27 ms that only drawing needs, not kg --help or a query

    return jinja2.Environment(loader=jinja2.PackageLoader("kg.render", "templates"), autoescape=True)


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as shipped in pyvis (read as text, never as a template)."""
    # Located, not imported: importing pyvis costs half a second and nothing here needs it.
    spec = find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise ConfigError("the picture needs pyvis's vis-network files: pip install pyvis")
    folder = Path(spec.origin).parent / "templates" / "lib" / "vis-9.1.2"
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # Inline <script> content must not close the element early.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


_FSI, _PDI = "\u2068", "\u2069"
_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI: each is closed by a PDI
#: Bidi classes of characters that can reorder the text around them.
_DIRECTIONAL = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def isolated(text: str) -> str:
    """``text`` as a bidi isolate (U+2068 FSI … U+2069 PDI) if it could reorder what is
    around it; plain left-to-right text is returned as it is.

    Overrides and embeddings opened inside end at the closing PDI; a PDI of the text
    that has no opener in it is dropped (it would close the isolate early), and isolates
    it leaves open are closed.

    Examples
    --------
    >>> isolated("Khalifa Haftar")
    'Khalifa Haftar'
    >>> isolated("evil\u202eabc") == "\u2068evil\u202eabc\u2069"
    True
    >>> isolated("a\u2069\u202eb") == "\u2068a\u202eb\u2069"
    True
    """

    if text.isascii() or not any(unicodedata.bidirectional(ch) in _DIRECTIONAL for ch in text):
        return text
    kept, depth = [], 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch == _PDI:
            if not depth:
                continue
            depth -= 1
        kept.append(ch)
    return _FSI + "".join(kept) + _PDI * depth + _PDI


def _node_title(data: dict) -> str:
    lines = [isolated(data["label"]), f"Type: {data['type']}"]
    if data.get("alt_labels"):
        lines.append("Also: " + ", ".join(map(isolated, data["alt_labels"])))
    if data.get("mentions"):
        lines.append(f"Mentions: {data['mentions']}")
    for link in data.get("same_as", ()):  # a place's GeoNames link (kg.resolve.places)
        lines.append(f"Same as: {isolated(link)}")
    return "\n".join(lines)


def _edge_title(data: dict, source: str, target: str) -> str:
    relation = ("NOT " if data["negated"] else "") + isolated(data["relation"])
    if data.get("modality"):
        relation = f"{data['modality']} {relation}"
    lines = [f"{isolated(source)} – {relation} – {isolated(target)}"]
    for title, sentence in data["sources"][:_MAX_SOURCES_SHOWN]:
        lines.append(f"\n[{isolated(title)}]\n{isolated(sentence)}")
    if len(data["sources"]) > _MAX_SOURCES_SHOWN:
        lines.append(f"\n… and {len(data['sources']) - _MAX_SOURCES_SHOWN} more sentences")
    return "\n".join(lines)


def vis_data(nxgraph) -> tuple[list[dict], list[dict]]:
    """The vis-network node and edge lists for a graph from :func:`kg.render.to_networkx`.

    Edges are labelled with their relation in graphs small enough to read them
    (up to :data:`LABELLED_NODE_LIMIT` nodes); in bigger ones the relation is in the
    edge's tooltip only and the hubs' names are drawn large, which keeps the page
    light and the overview legible (vis-network hides labels drawn too small).
    """
    degree = dict(nxgraph.degree())
    labelled = nxgraph.number_of_nodes() <= LABELLED_NODE_LIMIT
    # In a big graph only the hubs' names are large enough to read when the whole graph is in
    # view; the others appear as one zooms in (vis-network hides labels drawn too small).
    named = [n for n, d in nxgraph.nodes(data=True) if d["type"] not in ("Concept", "Proposition")]
    hubs = set() if labelled else set(sorted(named, key=lambda n: (-degree[n], n))[:HUB_LABELS])
    nodes = []
    for node, data in nxgraph.nodes(data=True):
        label = data["label"]
        if data["type"] == "Proposition" and len(label) > PROPOSITION_LABEL_CHARS:
            label = label[:PROPOSITION_LABEL_CHARS].rsplit(" ", 1)[0] + " …"
        nodes.append(
            {
                "id": node,
                "label": isolated(label),
                "title": _node_title(data),
                "group": data["type"],
                "color": CLASS_COLOURS.get(data["type"], CLASS_COLOURS["Entity"]),
                "size": round(10 + 6 * math.sqrt(degree.get(node, 0)), 1),
                "shape": {"Concept": "box", "Proposition": "box"}.get(data["type"], "dot"),
                "rank": 1 if data["type"] == "Proposition" else 0,
                **({"font": {"size": 64, "strokeWidth": 6}} if node in hubs else {}),
                "searchText": " | ".join([data["label"], *data.get("alt_labels", [])]).lower(),
            }
        )
    edges = []
    for u, v, data in nxgraph.edges(data=True):
        label = ("not " if data["negated"] else "") + isolated(data["relation"])
        edges.append(
            {
                "from": u,
                "to": v,
                "label": label if labelled else None,
                "title": _edge_title(data, nxgraph.nodes[u]["label"], nxgraph.nodes[v]["label"]),
                "dashes": bool(
                    data["negated"]
                    or data.get("modality") not in (None, "will", "shall")
                    or not data.get("asserted", True)
                ),
                "color": {"color": "#d62728" if data["negated"] else "#8a8a8a"},
                "width": 1 + min(data["count"], 5) * 0.5,
                "arrows": "to",
                "relation": data["relation"],
            }
        )
        if edges[-1]["label"] is None:
            del edges[-1]["label"]
    return nodes, edges


def _layout(nxgraph) -> dict:
    """Positions for a large graph, computed in about a second whatever its size.

    The most important nodes of the connected part (at most :data:`LAYOUT_CORE`)
    get a spring layout; every other connected node is placed around the
    neighbour that reached it first, outwards from that core; small separate
    groups (news graphs have many names mentioned without a relation) go on a
    grid beneath.
    """
    import networkx as nx  # lazily, as in kg.render.nx

    undirected = nx.Graph(nxgraph)
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
    connected = {node for c in components if len(c) > 3 for node in c}
    ranked = sorted(connected, key=lambda n: (-importance(nxgraph, n), n))
    core = ranked[:LAYOUT_CORE]
    positions = {}
    width = 75 * math.sqrt(max(len(connected), 1))
    if core:
        spring = nx.spring_layout(undirected.subgraph(core), seed=1, iterations=50, method="force")
        positions = {node: (float(x) * width, float(y) * width) for node, (x, y) in spring.items()}
    # Outwards from the core: each node sits on a ring around the neighbour that reached it.
    queue = deque(sorted(core, key=lambda n: (-importance(nxgraph, n), n)))
    placed_around: dict = {}
    while queue:
        parent = queue.popleft()
        for child in sorted(undirected.neighbors(parent)):
            if child in positions or child not in connected:
                continue
            k = placed_around.get(parent, 0)
            placed_around[parent] = k + 1
            radius = 40 + 14 * math.sqrt(k)
            angle = k * 2.399963  # the golden angle: rings fill evenly
            px, py = positions[parent]
            positions[child] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
            queue.append(child)
    loose = sorted(node for node in nxgraph.nodes if node not in positions)
    columns = max(1, int(math.sqrt(len(loose) * 3)))
    top = width + 150
    for i, node in enumerate(loose):
        positions[node] = (-width + (i % columns) * 2 * width / columns, top + (i // columns) * 60)
    return positions


def render_html(nxgraph, *, title: str = "kg graph", note: str | None = None) -> str:
    """The HTML page (a string) showing ``nxgraph`` (from :func:`kg.render.to_networkx`).

    Below :data:`PHYSICS_NODE_LIMIT` nodes the layout is vis-network's physics,
    which stops once settled; above it positions are computed with networkx
    and physics is off. ``note`` is shown at the top (what was left out).
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
        # Each class is a vis group with its colour: vis-network otherwise paints grouped nodes
        # with its own palette when they are shown through a DataView (the class filters).
        "groups": {name: {"color": colour} for name, colour in CLASS_COLOURS.items()},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#555"}, "smooth": {"type": "continuous"}},
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
        relations=sorted(Counter(edge["relation"] for edge in edges).items(), key=lambda item: (-item[1], item[0])),
        node_count=len(nodes),
        edge_count=len(edges),
        note=note,
    )
