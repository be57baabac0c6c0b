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
import json
import math
import unicodedata
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

from markupsafe import Markup

from ..errors import ConfigError
from .overview import (
    CONCEPT_TYPES,
    communities,
    entity_graph,
    ordered_subgraph,
    overview_layout,
    place_around,
    uncertain,
)
from .views import importance

__all__ = [
    "render_page",
    "drawn_counts",
    "render_html",
    "page_data",
    "vis_data",
    "default_title",
    "isolated",
    "CLASS_COLOURS",
    "FAMILY_COLOURS",
    "VIEWS",
]

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

#: Up to this many nodes, every edge of the full view is labelled with its relation; in bigger
#: graphs relations are in the tooltips and the side panel.
LABELLED_NODE_LIMIT = 150

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


#: Edge colour of each relation family (kg.vocab.relation_families); "other" is an untyped relation.
FAMILY_COLOURS = {
    "conflict": "#c0392b",
    "stance": "#e67e22",
    "affiliation": "#2e86c1",
    "business": "#8e44ad",
    "location": "#27ae60",
    "communication": "#16a5a5",
    "other": "#9a9a9a",
}

#: Halo colours of communities, light enough to sit behind the class colours of the nodes.
COMMUNITY_COLOURS = [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
]

#: The views a page can show: the entity overview, or every node and relation.
VIEWS = ("entities", "full")


def _node_title(data: dict, community: str | None = None) -> str:
    lines = [isolated(data["label"]), f"Type: {data['type']}"]
    if data.get("alt_labels"):
        lines.append("Also: " + ", ".join(map(isolated, data["alt_labels"])))
    if data.get("mentions"):
        lines.append(f"Mentions: {data['mentions']}")
    for link in data.get("same_as", ()):  # a place's GeoNames link (kg.resolve.places)
        lines.append(f"Same as: {isolated(link)}")
    if community:
        lines.append(f"Group: {community}")  # made of isolated names (_group_name)
    return "\n".join(lines)


def _edge_title(data: dict, source: str, target: str) -> str:
    relation = ("NOT " if data["negated"] else "") + isolated(data["relation"])
    if data.get("modality"):
        relation = f"{data['modality']} {relation}"
    lines = [f"{isolated(source)} – {relation} – {isolated(target)}"]
    lines.extend(_source_lines(data["sources"]))
    return "\n".join(lines)


def _source_lines(sources: list) -> list[str]:
    lines = [f"\n[{isolated(title)}]\n{isolated(sentence)}" for title, sentence in sources[:_MAX_SOURCES_SHOWN]]
    if len(sources) > _MAX_SOURCES_SHOWN:
        lines.append(f"\n… and {len(sources) - _MAX_SOURCES_SHOWN} more sentences")
    return lines


def _most_first(counts: Counter) -> list:
    """A Counter's items, most first (ties in insertion order): ``most_common`` without its heap, which
    costs more than the sort on the one- or two-item counters of an edge, 40,000 times a page."""
    return sorted(counts.items(), key=lambda item: -item[1])


def _aggregate_title(data: dict) -> str:
    lines = [
        " – ".join(map(isolated, reading)) + (f" ({count})" if count > 1 else "")
        for reading, count in _most_first(data["relations"])[:8]
    ]
    if len(data["relations"]) > 8:
        lines.append(f"… and {len(data['relations']) - 8} more relations")
    lines.extend(_source_lines(data["sources"]))
    if data["count"] > len(data["sources"]):
        lines.append(f"\n{data['count']} statements in all")
    return "\n".join(lines)


def _node(
    node: str,
    data: dict,
    *,
    size: float,
    importance: float,
    layer: str,
    community: int,
    community_name: str | None,
    font: dict | None = None,
) -> dict:
    label = data["label"]
    if data["type"] == "Proposition" and len(label) > PROPOSITION_LABEL_CHARS:
        label = label[:PROPOSITION_LABEL_CHARS].rsplit(" ", 1)[0] + " …"
    return {
        "id": node,
        "label": isolated(label),
        "title": _node_title(data, community_name),
        "group": data["type"],
        "color": CLASS_COLOURS.get(data["type"], CLASS_COLOURS["Entity"]),
        "size": round(size, 1),
        "shape": "box" if data["type"] in CONCEPT_TYPES else "dot",
        "rank": 1 if data["type"] == "Proposition" else 0,
        "community": community,
        "importance": round(importance, 2),
        "mentions": data.get("mentions", 0),
        "layer": layer,
        "searchText": " | ".join([data["label"], *data.get("alt_labels", [])]).lower(),
        **({"font": font} if font else {}),
    }


def vis_data(nxgraph) -> tuple[list[dict], list[dict]]:
    """The vis-network node and edge lists of the full view of a graph from :func:`kg.render.to_networkx`
    (one node per entity, concept and proposition; one edge per relation).

    Edges are labelled with their relation in graphs small enough to read them
    (up to :data:`LABELLED_NODE_LIMIT` nodes); in bigger ones the relation is in the
    edge's tooltip only.
    """
    data = page_data(nxgraph, view="full")
    return data["nodes"], data["edges"]


def _documents_of(nxgraph) -> tuple[list[dict], dict[str, int]]:
    documents = nxgraph.graph.get("documents", {})
    listed = [
        {
            "id": d.get("identifier") or iri,
            "title": d.get("title") or d.get("identifier") or iri,
            "date": _day(d.get("date")),
        }
        for iri, d in documents.items()
    ]
    return listed, {iri: i for i, iri in enumerate(documents)}


def _group_name(group) -> str:
    """A community's name for the page: each member's name a bidi isolate of its own, so that one
    right-to-left name cannot reorder the others."""
    return ", ".join(isolated(name) for name in group.names)


def _day(value: str | None) -> str | None:
    """A document's day (YYYY-MM-DD) from its date, or None: a graph kg did not write may hold a date-time
    ("2005-01-05T10:00:00Z"), a year or free text, and the timeline counts days."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    return None


def _subtitle(nxgraph, documents: list[dict]) -> str:
    """What the page is of: how many articles, from when to when, and the most mentioned names."""
    parts = []
    if documents:
        parts.append(f"{len(documents):,} article{'s' if len(documents) != 1 else ''}")
    dates = sorted(d["date"] for d in documents if d["date"])
    if dates:
        parts.append(dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}")
    entities = [d for _, d in nxgraph.nodes(data=True) if d["type"] not in CONCEPT_TYPES]
    top = sorted(entities, key=lambda d: (-d.get("mentions", 0), d["label"]))[:4]
    if top:
        parts.append("most mentioned: " + ", ".join(isolated(d["label"]) for d in top))
    return " · ".join(parts)


def default_title(nxgraph) -> str:
    """A page title from the graph: its one article's title, or how many articles it holds."""
    documents = list(nxgraph.graph.get("documents", {}).values())
    if len(documents) == 1 and documents[0].get("title"):
        return documents[0]["title"]
    if documents:
        return f"News graph of {len(documents):,} articles"
    return "kg graph"


def page_data(nxgraph, *, view: str = "entities", note: str | None = None, max_hidden: int = DEFAULT_MAX_NODES) -> dict:
    """Everything the page shows of ``nxgraph`` (from :func:`kg.render.to_networkx`), as plain data:
    the nodes and edges (with positions), communities, relation families, the relations, the entities
    related to no other entity (``entities`` view), the documents, and the header.

    ``view`` is "entities" (the overview: entities only, one edge per related pair aggregating its
    statements; concepts and propositions form a hidden layer of at most ``max_hidden`` nodes, the best
    connected) or "full" (every node and relation).
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    documents, document_index = _documents_of(nxgraph)
    if view == "entities":
        nodes, edges, groups, unconnected = _entity_view(nxgraph, document_index, max_hidden)
    else:
        nodes, edges, groups = _full_view(nxgraph, document_index)
        unconnected = []
    if len(groups) < 2:  # one group (a focused view) is no grouping: no halo around everything
        groups = []
        for node in nodes:
            node["community"] = -1
            node["title"] = node["title"].split("\nGroup: ")[0]
    families: Counter[str] = Counter()
    relations: Counter[tuple[str, str]] = Counter()
    for edge in edges:
        if edge["layer"] != "entity":
            continue
        for relation, count in edge["relations"]:
            family = edge["family"] if view == "full" else _family_of(edge, relation)
            relations[(family, relation)] += count
            families[family] += count
    present = {node["group"] for node in nodes}
    return {
        "view": view,
        "subtitle": _subtitle(nxgraph, documents),
        "note": note,
        "nodes": nodes,
        "edges": edges,
        "communities": [
            {
                "id": i,
                "name": _group_name(group),
                "colour": COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)],
                "size": len(group.members),
            }
            for i, group in enumerate(groups)
        ],
        "families": [
            {"name": name, "colour": colour, "count": families[name]}
            for name, colour in FAMILY_COLOURS.items()
            if families[name]
        ],
        "relations": [
            {"family": family, "label": label, "count": count}
            for (family, label), count in sorted(relations.items(), key=lambda item: (-item[1], item[0]))
        ],
        "unconnected": unconnected,
        "documents": documents,
        "legend": [[name, colour] for name, colour in CLASS_COLOURS.items() if name in present],
        "options": _options(),
    }


def _family_of(edge: dict, relation: str) -> str:
    return edge["relation_families"].get(relation, "other")


def _entity_view(nxgraph, document_index: dict[str, int], max_hidden: int = DEFAULT_MAX_NODES):
    """The overview's nodes and edges: entities joined by aggregated edges, communities around them,
    and the concepts and propositions of their statements as a hidden layer."""
    graph = entity_graph(nxgraph)
    strength = dict(graph.degree(weight="count"))
    groups, positions, nodes = _grouped_nodes(
        graph,
        size=lambda node: min(8 + 5 * math.sqrt(strength[node]), 48),
        weight=lambda node: strength[node] + 0.1 * graph.nodes[node].get("mentions", 0),
    )
    edges: list[dict] = []
    for u, v, data in graph.edges(data=True):
        edges.append(
            {
                "id": f"e{len(edges)}",
                "from": u,
                "to": v,
                "width": round(min(1 + 1.5 * math.sqrt(data["count"] - 1) * 2, 14), 1),
                "color": {"color": FAMILY_COLOURS[data["family"]]},
                "dashes": data["uncertain"],
                "title": _aggregate_title(data),
                "layer": "entity",
                "family": data["family"],
                "count": data["count"],
                "relations": [[relation, count] for relation, count in _most_first(data["labels"])],
                "relation_families": data["label_families"],
                "sentences": [[title, sentence] for title, sentence in data["sources"]],
                "docs": sorted(document_index[d] for d in data["documents"] if d in document_index),
            }
        )
    # The concept layer: what the drawn entities' statements say of concepts and propositions.
    concept_nodes = {n for n in nxgraph.nodes if nxgraph.nodes[n]["type"] in CONCEPT_TYPES}
    concept_positions = dict(positions)
    if concept_nodes:
        import networkx as nx  # lazily, as in kg.render.nx

        # only the edges that reach a concept: walking every entity's edges costs seconds in a big graph
        around = nx.Graph((u, v) for u, v in nxgraph.edges() if u in concept_nodes or v in concept_nodes)
        roots = sorted(n for n in positions if n in around)
        # an entity related to no other entity is drawn with its concepts too
        place_around(around, concept_positions, roots, allowed=set(around) - set(graph))
        # What no drawn entity reaches, but an entity related only to concepts does, goes to the right of the
        # picture; concepts no entity is related to are left out (the full view draws them).
        unplaced = ordered_subgraph(around, sorted(n for n in around if n not in concept_positions))
        apart = ordered_subgraph(
            unplaced,
            sorted(
                node
                for component in nx.connected_components(unplaced)
                if any(nxgraph.nodes[n]["type"] not in CONCEPT_TYPES for n in component)
                for node in component
            ),
        )
        if apart.number_of_nodes():
            islands = overview_layout(apart, [])
            right = max((x for x, _ in concept_positions.values()), default=0.0) + 200
            left = min(x for x, _ in islands.values())
            concept_positions.update({n: (x - left + right, y) for n, (x, y) in islands.items()})
    layer = {n for n in concept_positions if n not in positions}
    if len(layer) > max_hidden:  # the layer keeps its best-connected nodes: the page stays within its limits
        layer = set(sorted(layer, key=lambda n: (-nxgraph.degree(n), n))[:max_hidden])
    for node in sorted(layer):
        data = nxgraph.nodes[node]
        nodes.append(
            _node(
                node,
                data,
                size=10,
                importance=0.5 * nxgraph.degree(node) + (0 if data["type"] in CONCEPT_TYPES else 5),
                layer="concept",
                community=-1,
                community_name=None,
            )
        )
        positions[node] = concept_positions[node]
    drawn = set(graph.nodes) | layer
    for u, v, data in nxgraph.edges(data=True):
        if (u in layer or v in layer) and u in drawn and v in drawn:
            edge = _relation_edge(nxgraph, u, v, data, document_index, labelled=False)
            edge.update(id=f"c{len(edges)}", layer="concept")
            edges.append(edge)
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    unconnected = sorted(
        (
            {"id": n, "label": isolated(d["label"]), "group": d["type"], "mentions": d.get("mentions", 0)}
            for n, d in nxgraph.nodes(data=True)
            if d["type"] not in CONCEPT_TYPES and n not in graph
        ),
        key=lambda item: (-item["mentions"], item["label"]),
    )
    return nodes, edges, groups, unconnected


def _grouped_nodes(graph, *, size, weight) -> tuple[list, dict, list[dict]]:
    """The communities of ``graph``, its positions, and its nodes for the page, each sized by
    ``size(node)`` and ranked for its name by ``weight(node)``."""
    groups = communities(graph)
    positions = overview_layout(graph, groups)
    community_of = {node: i for i, group in enumerate(groups) for node in group.members}
    nodes = []
    for node, data in graph.nodes(data=True):
        community = community_of.get(node, -1)
        nodes.append(
            _node(
                node,
                data,
                size=size(node),
                importance=weight(node),
                layer="entity",
                community=community,
                community_name=_group_name(groups[community]) if community >= 0 else None,
            )
        )
    return groups, positions, nodes


def _relation_edge(nxgraph, u: str, v: str, data: dict, document_index: dict[str, int], *, labelled: bool) -> dict:
    """One relation's edge, as the full view draws it."""
    label = ("not " if data["negated"] else "") + isolated(data["relation"])
    edge = {
        "from": u,
        "to": v,
        "title": _edge_title(data, nxgraph.nodes[u]["label"], nxgraph.nodes[v]["label"]),
        "dashes": uncertain(data),
        "color": {"color": FAMILY_COLOURS[data.get("family", "other")]},
        "width": 1 + min(data["count"], 5) * 0.5,
        "arrows": "to",
        "relation": data["relation"],
        "family": data.get("family", "other"),
        "count": data["count"],
        "relations": [[data["relation"], data["count"]]],
        "sentences": [[title, sentence] for title, sentence in data["sources"][:_MAX_SOURCES_SHOWN]],
        "docs": sorted(document_index[d] for d in data.get("documents", ()) if d in document_index),
    }
    if labelled:
        edge["label"] = label
    return edge


def _full_view(nxgraph, document_index: dict[str, int]):
    """Every node and relation of the graph, with communities computed over all of them."""
    import networkx as nx  # lazily, as in kg.render.nx

    simple = nx.Graph()
    simple.add_nodes_from(nxgraph.nodes(data=True))
    for u, v, data in nxgraph.edges(data=True):
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple.edges[u, v]["count"] += data["count"]
        else:
            simple.add_edge(u, v, count=data["count"])
    groups, positions, nodes = _grouped_nodes(
        simple,
        size=lambda node: 10 + 6 * math.sqrt(nxgraph.degree(node)),
        weight=lambda node: importance(nxgraph, node),
    )
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    labelled = nxgraph.number_of_nodes() <= LABELLED_NODE_LIMIT
    edges: list[dict] = []
    for u, v, data in nxgraph.edges(data=True):
        edge = _relation_edge(nxgraph, u, v, data, document_index, labelled=labelled)
        edge.update(id=f"e{len(edges)}", layer="entity")
        edges.append(edge)
    return nodes, edges, groups


def _options() -> dict:
    return {
        # Positions come from Python (kg.render.overview): the same graph gives the same picture at once.
        "physics": {"enabled": False},
        # Each class is a vis group with its colour: vis-network otherwise paints grouped nodes
        # with its own palette when they are shown through a DataView (the class filters).
        "groups": {name: {"color": colour} for name, colour in CLASS_COLOURS.items()},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#555"}, "smooth": False},
        "layout": {"improvedLayout": False},
    }


def render_html(nxgraph, *, title: str | None = None, note: str | None = None, view: str = "entities") -> str:
    """The HTML page (a string) showing ``nxgraph`` (from :func:`kg.render.to_networkx`) in ``view``
    ("entities", the overview, or "full"; see :func:`page_data`). ``title`` defaults to one made from
    the graph (:func:`default_title`); ``note`` is shown at the top (what was left out).
    """
    return render_page(page_data(nxgraph, view=view, note=note), title=title or default_title(nxgraph))


def render_page(data: dict, *, title: str) -> str:
    """The HTML page of what :func:`page_data` gives (packed: see :func:`packed`)."""
    template = _templates().get_template("graph.html")
    vis_js, vis_css = _vis_assets()
    return template.render(vis_js=vis_js, vis_css=vis_css, title=title, data_json=script_json(packed(data)))


def script_json(data) -> Markup:
    """``data`` as JSON safe inside a ``<script>`` element: compact, and with ``<``, ``>``, ``&`` and ``'``
    escaped as Jinja's ``tojson`` does (no ``</script>`` can close the element, no entity is read), but
    without sorting every key of 45,000 dicts (a fifth of a second on a big page)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    # U+2028/U+2029 end a line in older JavaScript: escaped, a name holding them cannot break the script
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def packed(data: dict) -> dict:
    """``data`` as the page carries it, a third lighter on a big graph: each (title, sentence) once in
    ``sources`` (edges keep indexes), an edge's tooltip without its sentences (``tip``; the page adds
    them back), its ends as indexes into ``nodes``, no colour (the page takes it from ``familyColours``
    by the edge's family) and no ``layer``, ``dashes`` or ``arrows`` at their usual value."""
    sources: dict[tuple[str, str], int] = {}
    index = {node["id"]: i for i, node in enumerate(data["nodes"])}
    edges = []
    for edge in data["edges"]:
        # the tooltip's lines before its first blank line say what the edge is; the rest are its sources
        tip = edge.get("title", "").split("\n\n", 1)[0]
        edge = {key: value for key, value in edge.items() if key not in ("relation_families", "color", "title")}
        if "relations" in edge:
            edge.pop("relation", None)  # the page reads ``relations``
        edge["tip"] = tip
        # ends as node indexes, and no field at its usual value: IRIs and flags repeated 20,000 times weigh megabytes
        edge["from"], edge["to"] = index[edge["from"]], index[edge["to"]]
        for key, usual in (("layer", "entity"), ("dashes", False), ("arrows", None)):
            if edge.get(key, usual) == usual:
                edge.pop(key, None)
        edge["sentences"] = [
            sources.setdefault((isolated(t or ""), isolated(sentence or "")), len(sources))
            for t, sentence in edge["sentences"]
        ]
        edges.append(edge)
    return {**data, "edges": edges, "sources": list(sources), "familyColours": FAMILY_COLOURS}


def drawn_counts(data: dict) -> str:
    """What a page of :func:`page_data` draws, in words ("12 related entities, 9 edges ...")."""
    nodes = sum(node["layer"] == "entity" for node in data["nodes"])
    edges = sum(edge["layer"] == "entity" for edge in data["edges"])
    if data["view"] == "full":
        return f"{_count(nodes, 'node')}, {_count(edges, 'edge')}"
    hidden = len(data["nodes"]) - nodes
    return (
        f"{_count(nodes, 'related entity', 'related entities')}, {_count(edges, 'edge')}, "
        f"{_count(len(data['communities']), 'group')}; "
        f"{_count(len(data['unconnected']), 'entity', 'entities')} listed apart, "
        f"{_count(hidden, 'more node')} behind 'Show concepts'"
    )


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else many or one + 's'}"
