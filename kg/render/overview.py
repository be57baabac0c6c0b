"""The entity overview: who the main actors are, how they group, and what joins them.

From the graph :func:`kg.render.to_networkx` makes (one edge per relation), :func:`entity_graph`
keeps the entities and joins each pair of them by one edge that aggregates every statement between
them; :func:`communities` groups them (Louvain, seeded: the same graph gives the same page) and
names each group by its most central members; :func:`overview_layout` places the groups apart,
the biggest in the middle, each laid out on its own with its hubs at its centre.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass

__all__ = [
    "CONCEPT_TYPES",
    "Community",
    "entity_graph",
    "communities",
    "overview_layout",
    "place_around",
    "ordered_subgraph",
    "uncertain",
]

#: Node types that are not entities: drawn in the overview only when asked ("Show concepts").
CONCEPT_TYPES = frozenset({"Concept", "Proposition"})

#: A community smaller than this is not drawn as a group (no hull, no name, not in the legend).
MIN_COMMUNITY = 3

#: A community's most connected members, at most this many, get a spring layout; the others are
#: placed around them (a spring layout's cost grows with the square of its nodes).
SPRING_LIMIT = 120

#: Louvain runs on the most related entities, at most this many (networkx's Louvain takes seconds
#: past a few thousand nodes); each of the others then joins the community it is most related to.
COMMUNITY_CORE = 1200

#: The biggest groups, at most this many, are packed tightly (a search on a spiral, quadratic in the
#: groups); the others follow on a spiral around them.
PACKED_GROUPS = 120

#: The sentences an aggregated edge keeps for its tooltip and details.
SOURCES_KEPT = 5


def uncertain(data: dict) -> bool:
    """Whether an edge of :func:`kg.render.to_networkx` is no plain fact: negated, hypothetical
    (a modality other than the future) or not asserted by kg."""
    return bool(
        data["negated"] or data.get("modality") not in (None, "will", "shall") or not data.get("asserted", True)
    )


def entity_graph(nxgraph):
    """A ``networkx.Graph`` of the entities of ``nxgraph`` that are related to another entity, one
    edge a pair aggregating every statement between them (in either direction).

    Each edge carries ``count`` (statements), ``relations`` (a Counter of (subject, relation, object)
    readings, by name; "not" before a negated relation), ``labels`` (a Counter of relation labels) and
    ``label_families`` (each label's family), ``families`` (a Counter of relation families),
    ``family`` (the dominant typed family: "other" only when no statement is typed), ``uncertain``
    (every statement negated, hypothetical or unasserted), ``sources`` (the first
    :data:`SOURCES_KEPT` ``(title, sentence)``) and ``documents`` (document IRIs). Nodes keep the
    data of ``nxgraph``; the graph keeps its ``documents``.
    """
    import networkx as nx  # lazily, as in kg.render.nx

    result = nx.Graph(**nxgraph.graph)
    for u, v, data in sorted(nxgraph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])):
        if u == v or nxgraph.nodes[u]["type"] in CONCEPT_TYPES or nxgraph.nodes[v]["type"] in CONCEPT_TYPES:
            continue
        for node in (u, v):
            if node not in result:
                result.add_node(node, **nxgraph.nodes[node])
        if not result.has_edge(u, v):
            result.add_edge(
                u,
                v,
                count=0,
                relations=Counter(),
                labels=Counter(),
                label_families={},
                families=Counter(),
                uncertain=True,
                sources=[],
                documents=[],
            )
        edge = result.edges[u, v]
        reading = (
            nxgraph.nodes[u]["label"],
            ("not " if data["negated"] else "") + data["relation"],
            nxgraph.nodes[v]["label"],
        )
        edge["count"] += data["count"]
        edge["relations"][reading] += data["count"]
        edge["families"][data.get("family", "other")] += data["count"]
        edge["labels"][data["relation"]] += data["count"]
        edge["label_families"].setdefault(data["relation"], data.get("family", "other"))
        edge["uncertain"] = edge["uncertain"] and uncertain(data)
        for source in data["sources"]:
            if len(edge["sources"]) < SOURCES_KEPT and source not in edge["sources"]:
                edge["sources"].append(source)
        edge["documents"].extend(d for d in data.get("documents", ()) if d not in edge["documents"])
    for _, _, edge in result.edges(data=True):
        typed = [(count, family) for family, count in edge["families"].items() if family != "other"]
        edge["family"] = max(typed, key=lambda item: (item[0], item[1]))[1] if typed else "other"
    return result


@dataclass(frozen=True)
class Community:
    """A group of entities more related to each other than to the rest, named by its most central members."""

    members: tuple[str, ...]  # most central first
    names: tuple[str, ...]  # the labels of the two or three members it is named by

    @property
    def name(self) -> str:
        """The community's name: its most central members' labels ("David Blunkett, Home Office")."""
        return ", ".join(self.names)


def communities(graph, *, seed: int = 1) -> list[Community]:
    """The communities of an entity graph (:func:`entity_graph`) by Louvain modularity, weighted by
    statement count and seeded (the same graph always gives the same groups), biggest first.

    Groups smaller than :data:`MIN_COMMUNITY` are left out. Each is named by its two most central
    members (three from six members on): weighted degree within the group, then mentions.
    """
    import networkx as nx  # lazily, as in kg.render.nx

    if graph.number_of_edges() == 0:
        return []
    strength = dict(graph.degree(weight="count"))
    core = sorted(graph.nodes, key=lambda n: (-strength[n], n))[:COMMUNITY_CORE]
    chosen = set(core)
    plain = nx.Graph()  # a bare weighted copy: Louvain walks it many times, faster than a subgraph view
    plain.add_nodes_from(core)
    plain.add_weighted_edges_from(
        ((u, v, data.get("count", 1)) for u, v, data in graph.edges(core, data=True) if v in chosen), weight="count"
    )
    found = nx.community.louvain_communities(plain, weight="count", seed=seed)
    if len(core) < graph.number_of_nodes():
        found = _spread(graph, [set(c) for c in found], core)
    result = []
    for members in found:
        if len(members) < MIN_COMMUNITY:
            continue
        inner = {n: sum(data.get("count", 1) for other, data in graph[n].items() if other in members) for n in members}
        ranked = sorted(members, key=lambda n: (-inner[n], -graph.nodes[n].get("mentions", 0), n))
        # named by entities where it has them: "position" or "claim" says little of a group
        names = [n for n in ranked if graph.nodes[n].get("type") not in CONCEPT_TYPES] or ranked
        named = names[: 3 if len(members) >= 6 else 2]
        result.append(Community(tuple(ranked), tuple(graph.nodes[n]["label"] for n in named)))
    result.sort(key=lambda c: (-len(c.members), c.members[0]))
    return result


def _spread(graph, found: list[set], core: list[str]) -> list[set]:
    """Every node outside ``core`` joins the community it is most related to, reached breadth first
    from the core (a node related to no community starts its own)."""
    membership = {node: i for i, members in enumerate(found) for node in members}
    queue = deque(core)
    while queue:
        node = queue.popleft()
        for other in sorted(graph.neighbors(node)):
            if other in membership:
                continue
            votes: Counter = Counter()
            for neighbour, data in graph[other].items():
                if neighbour in membership:
                    votes[membership[neighbour]] += data.get("count", 1)
            membership[other] = min(votes, key=lambda i: (-votes[i], i))
            found[membership[other]].add(other)
            queue.append(other)
    for node in sorted(graph.nodes):
        if node not in membership:
            membership[node] = len(found)
            found.append({node})
    return found


def overview_layout(graph, groups: list[Community], *, spacing: float = 70.0) -> dict[str, tuple[float, float]]:
    """Positions for an entity graph: each community (and each small connected group outside one)
    laid out on its own, hubs at its centre, then the groups packed on a spiral, biggest in the
    middle, each next to a group it is most related to where it can be.
    """
    import networkx as nx  # lazily, as in kg.render.nx

    membership = {node: i for i, group in enumerate(groups) for node in group.members}
    blocks = [list(group.members) for group in groups]
    rest = graph.subgraph([n for n in graph.nodes if n not in membership])
    for component in sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c))):
        for node in component:
            membership[node] = len(blocks)
        blocks.append(sorted(component))
    local = [_block_layout(graph, block, spacing) for block in blocks]
    radii = [max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + spacing / 2 for pos in local]
    order = _block_order(graph, membership, len(blocks))
    # The biggest groups are packed (blocks are numbered biggest first); the many small ones of a graph of
    # many concepts or short stories need no search: they follow on a spiral around the rest.
    big = [block for block in order if block < PACKED_GROUPS]
    centres = _pack(big, radii, spacing)
    outside = max((math.hypot(*centres[b]) + radii[b] for b in big), default=0.0) + spacing
    centres.update(_spiral([block for block in order if block not in centres], radii, outside, spacing))
    positions = {}
    for i, pos in enumerate(local):
        cx, cy = centres[i]
        for node, (x, y) in pos.items():
            positions[node] = (round(cx + x, 1), round(cy + y, 1))
    return positions


def _block_layout(graph, block: list[str], spacing: float) -> dict[str, tuple[float, float]]:
    """One group's positions around (0, 0): a spring layout, its best-connected node in the middle."""
    import networkx as nx  # lazily, as in kg.render.nx

    if len(block) == 1:
        return {block[0]: (0.0, 0.0)}
    if len(block) == 2:
        return {block[0]: (-spacing / 2, 0.0), block[1]: (spacing / 2, 0.0)}
    sub = ordered_subgraph(graph, block)
    ranked = sorted(block, key=lambda n: (-sub.degree(n, weight="count"), n))
    core = ranked[:SPRING_LIMIT]
    scale = spacing * math.sqrt(len(core)) * 2.0
    # Start from a circle with the hub at the centre: the spring keeps hubs central and is stable.
    start = {ranked[0]: (0.0, 0.0)}
    for k, node in enumerate(core[1:], start=1):
        angle = k * 2.399963
        start[node] = (math.sqrt(k) * math.cos(angle), math.sqrt(k) * math.sin(angle))
    spring = nx.spring_layout(
        ordered_subgraph(sub, core), pos=start, seed=1, iterations=50, method="force", scale=scale
    )
    hub = spring[ranked[0]]
    positions = {node: (float(x - hub[0]), float(y - hub[1])) for node, (x, y) in spring.items()}
    place_around(sub, positions, core)
    # A piece of the group that no core member reaches (Louvain's groups need not be connected) goes on
    # a ring around the hub, then its own neighbours around it.
    missing = [node for node in ranked if node not in positions]
    while missing:
        angle = len(positions) * 2.399963
        positions[missing[0]] = (scale * math.cos(angle), scale * math.sin(angle))
        place_around(sub, positions, [missing[0]])
        missing = [node for node in missing if node not in positions]
    return positions


def ordered_subgraph(graph, nodes):
    """The subgraph of ``nodes`` as a new graph whose nodes are in the order given: networkx's subgraph
    views iterate a set, whose order changes from one process to the next (hash seeds), and with it the
    layout's floating-point sums; the same graph must give the same page."""
    import networkx as nx  # lazily, as in kg.render.nx

    keep = set(nodes)
    result = nx.Graph()
    result.add_nodes_from((node, graph.nodes[node]) for node in nodes)
    result.add_edges_from((u, v, data) for u in nodes for v, data in graph[u].items() if v in keep)
    return result


def place_around(graph, positions: dict, roots, *, allowed=None) -> None:
    """Place the unplaced nodes reachable from ``roots`` (breadth first) on rings around the
    neighbour that reached them first (the golden angle fills the rings evenly); ``allowed`` limits
    which nodes may be placed. Changes ``positions`` in place."""
    queue = deque(roots)
    placed_around: dict = {}
    while queue:
        parent = queue.popleft()
        for child in sorted(graph.neighbors(parent)):
            if child in positions or (allowed is not None and child not in allowed):
                continue
            k = placed_around.get(parent, 0)
            placed_around[parent] = k + 1
            radius = 40 + 14 * math.sqrt(k)
            angle = k * 2.399963
            px, py = positions[parent]
            positions[child] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
            queue.append(child)


def _block_order(graph, membership: dict[str, int], count: int) -> list[int]:
    """The groups in the order they are packed: the biggest first, then breadth first along the
    strongest links between groups, so that related groups end up side by side."""
    links: dict[int, Counter] = {i: Counter() for i in range(count)}
    for u, v, data in graph.edges(data=True):
        a, b = membership[u], membership[v]
        if a != b:
            links[a][b] += data.get("count", 1)
            links[b][a] += data.get("count", 1)
    order, seen = [], set()
    for start in range(count):  # groups are numbered biggest first
        if start in seen:
            continue
        queue = deque([start])
        seen.add(start)
        while queue:
            block = queue.popleft()
            order.append(block)
            for other, _ in sorted(links[block].items(), key=lambda item: (-item[1], item[0])):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    return order


def _pack(order: list[int], radii: list[float], gap: float) -> dict[int, tuple[float, float]]:
    """Centres for circles of ``radii``, placed in ``order`` along an outward spiral at the first
    point where a circle overlaps none placed before (a word-cloud packing, vectorised: the spiral's
    points are tried a few thousand at a time against every placed circle)."""
    import numpy as np

    b = gap / (2 * math.pi)  # the spiral's turns are ``gap`` apart: distance = b * angle
    chunk = 2048
    centres: dict[int, tuple[float, float]] = {}
    xs, ys, rs = np.empty(len(order)), np.empty(len(order)), np.empty(len(order))
    found = 0.0  # how far along the spiral the last circle went: the next search starts halfway (holes fill)
    for placed, block in enumerate(order):
        r = radii[block]
        step = max(gap / 2, r / 3)  # between two points tried: finer for small circles
        start = found / 2
        while True:
            # the spiral's length to angle t is about b * t**2 / 2
            arc = start + step * np.arange(chunk)
            angle = np.sqrt(2 * arc / b)
            x, y = b * angle * np.cos(angle), b * angle * np.sin(angle)
            if not placed:
                i = 0
                break
            clear = np.hypot(x[:, None] - xs[:placed], y[:, None] - ys[:placed]) >= rs[:placed] + r + gap
            fits = np.flatnonzero(clear.all(axis=1))
            if len(fits):
                i = int(fits[0])
                break
            start += step * chunk
        found = float(arc[i])
        xs[placed], ys[placed], rs[placed] = x[i], y[i], r
        centres[block] = (float(x[i]), float(y[i]))
    return centres


def _spiral(order: list[int], radii: list[float], inner: float, gap: float) -> dict[int, tuple[float, float]]:
    """Centres for small circles one after another on a spiral that starts at distance ``inner``,
    its turns far enough apart that no two circles overlap."""
    if not order:
        return {}
    widest = 2 * max(radii[block] for block in order) + gap
    centres, angle = {}, 0.0
    for block in order:
        distance = inner + widest * angle / (2 * math.pi)
        centres[block] = (distance * math.cos(angle), distance * math.sin(angle))
        angle += widest / distance
    return centres
