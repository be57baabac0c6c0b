"""The entity overview: aggregated edges, communities, their layout and the page data."""

import math

import networkx as nx
import pytest

from kg.render import default_view, page_data, to_networkx
from kg.render.html import FAMILY_COLOURS, default_title
from kg.render.overview import communities, entity_graph, overview_layout

E = "https://example.org/kg/id/entity/"


def node(graph, key, label, kind="Person", mentions=1, alt=()):
    graph.add_node(E + key, label=label, type=kind, alt_labels=list(alt), mentions=mentions)


def relate(graph, u, v, relation, *, family="other", negated=False, modality=None, count=1, doc="d1"):
    graph.add_edge(
        E + u,
        E + v,
        key=f"{relation}|{negated}|{modality}",
        relation=relation,
        predicate="https://example.org/kg/relation/" + relation.replace(" ", "-"),
        negated=negated,
        modality=modality,
        asserted=True,
        confidence=0.9,
        count=count,
        sources=[(f"Title {doc}", f"{u} {relation} {v}.")],
        documents=["https://example.org/kg/id/document/" + doc],
        relation_type=None,
        family=family,
    )


def two_camps():
    """Two groups of four people, each group tightly related, joined by one rivalry; a concept; a loner."""
    graph = nx.MultiDiGraph(
        documents={
            "https://example.org/kg/id/document/d1": {"title": "One", "identifier": "d1", "date": "2005-01-03"},
            "https://example.org/kg/id/document/d2": {"title": "Two", "identifier": "d2", "date": "2005-02-09"},
        }
    )
    for key in "abcd":
        node(graph, key, f"Red {key.upper()}", mentions=5 if key == "a" else 1)
    for key in "wxyz":
        node(graph, key, f"Blue {key.upper()}", kind="Organization", mentions=3 if key == "w" else 1)
    node(graph, "loner", "Lone Wolf", mentions=9)
    node(graph, "truce", "truce", kind="Concept")
    for u, v in ["ab", "ac", "ad", "bc", "cd"]:
        relate(graph, u, v, "support", family="stance", count=3)
    for u, v in ["wx", "wy", "wz", "xy"]:
        relate(graph, u, v, "work for", family="affiliation", doc="d2", count=3)
    relate(graph, "a", "w", "criticise", family="stance", count=2)
    relate(graph, "w", "a", "attack", family="conflict")
    relate(graph, "w", "a", "meet", negated=True)
    relate(graph, "a", "truce", "reject", family="stance")
    relate(graph, "loner", "truce", "back")
    return graph


def test_an_edge_joins_two_entities_and_aggregates_every_statement_between_them():
    overview = entity_graph(two_camps())
    assert set(overview.nodes) == {E + k for k in "abcdwxyz"}  # no concept, no entity related to none
    edge = overview.edges[E + "a", E + "w"]
    assert edge["count"] == 4  # criticise (twice), attack and the negated meeting, both directions
    assert edge["relations"][("Red A", "criticise", "Blue W")] == 2
    assert edge["relations"][("Blue W", "not meet", "Red A")] == 1
    assert edge["family"] == "stance"  # the most statements of a typed family; "other" never wins over a typed one
    assert not edge["uncertain"]
    assert {title for title, _ in edge["sources"]} == {"Title d1"}


def test_an_edge_is_uncertain_only_when_all_its_statements_are():
    graph = two_camps()
    relate(graph, "b", "z", "meet", negated=True)
    relate(graph, "b", "z", "buy", modality="may")
    assert entity_graph(graph).edges[E + "b", E + "z"]["uncertain"]
    assert not entity_graph(graph).edges[E + "a", E + "b"]["uncertain"]


def test_communities_are_the_two_camps_named_by_their_most_central_members_every_time():
    overview = entity_graph(two_camps())
    groups = communities(overview)
    assert [set(g.members) for g in groups] == [{E + k for k in "abcd"}, {E + k for k in "wxyz"}]
    assert groups[0].name.startswith("Red A, Red C") and groups[1].name.startswith("Blue W")
    assert communities(entity_graph(two_camps())) == groups  # seeded: the same graph, the same groups


def test_the_layout_puts_camps_apart_and_each_hub_at_its_camps_centre():
    overview = entity_graph(two_camps())
    groups = communities(overview)
    positions = overview_layout(overview, groups)
    assert set(positions) == set(overview.nodes)
    camps = [[positions[n] for n in g.members] for g in groups]
    centres = [(sum(x for x, _ in c) / len(c), sum(y for _, y in c) / len(c)) for c in camps]
    radii = [max(math.dist(p, centre) for p in camp) for camp, centre in zip(camps, centres, strict=True)]
    assert math.dist(*centres) > radii[0] + radii[1]  # the two camps' circles do not overlap
    for group, centre in zip(groups, centres, strict=True):
        hub = positions[group.members[0]]
        others = [math.dist(positions[n], centre) for n in group.members[1:]]
        assert math.dist(hub, centre) < sum(others) / len(others)
    assert overview_layout(overview, groups) == positions


def test_a_big_graph_is_laid_out_without_overlapping_groups():
    graph = nx.MultiDiGraph()
    for i in range(600):
        node(graph, f"n{i}", f"Name {i}")
    for i in range(1, 600):  # 60 stars of 10, their centres linked in a ring, and 0-9 a clique
        relate(graph, f"n{i - i % 10}", f"n{i}", "meet") if i % 10 else relate(graph, f"n{i - 10}", f"n{i}", "meet")
    overview = entity_graph(graph)
    groups = communities(overview)
    positions = overview_layout(overview, groups)
    assert len(positions) == 600 and len(set(positions.values())) == 600


def test_the_entity_page_data_hides_concepts_and_lists_the_unrelated_apart():
    data = page_data(two_camps())
    shown = [n for n in data["nodes"] if n["layer"] == "entity"]
    assert {n["group"] for n in shown} == {"Person", "Organization"}
    # behind "Show concepts": the concept, and Lone Wolf, related to nothing but that concept
    assert sorted(n["label"] for n in data["nodes"] if n["layer"] == "concept") == ["Lone Wolf", "truce"]
    assert [u["label"] for u in data["unconnected"]] == ["Lone Wolf"]
    assert all("x" in n and "y" in n for n in data["nodes"])
    busiest = max(data["edges"], key=lambda e: e["count"])
    assert busiest["count"] == 4 and busiest["color"]["color"] == FAMILY_COLOURS["stance"]
    assert dict(busiest["relations"]) == {"criticise": 2, "attack": 1, "meet": 1}
    assert busiest["docs"] == [0] and data["documents"][0]["date"] == "2005-01-03"
    assert {f["name"] for f in data["families"]} == {"stance", "affiliation", "conflict", "other"}
    assert {(r["family"], r["label"]) for r in data["relations"]} >= {("conflict", "attack"), ("other", "meet")}
    assert [c["size"] for c in data["communities"]] == [4, 4]
    assert data["subtitle"].startswith("2 articles · 2005-01-03 – 2005-02-09 · most mentioned: Lone Wolf, Red A")


def test_the_full_page_data_draws_every_node_and_relation():
    data = page_data(two_camps(), view="full")
    assert len(data["nodes"]) == 10 and all(n["layer"] == "entity" for n in data["nodes"])
    assert len(data["edges"]) == two_camps().number_of_edges() and data["unconnected"] == []
    with pytest.raises(ValueError, match="unknown view"):
        page_data(two_camps(), view="hairball")


def test_the_view_defaults_to_the_overview_and_to_everything_around_a_focus():
    assert default_view(None) == "entities"
    assert default_view(None, focus="Haftar") == "full"
    assert default_view("entities", focus="Haftar") == "entities"


def test_the_title_comes_from_the_documents():
    assert default_title(two_camps()) == "News graph of 2 articles"
    one = nx.MultiDiGraph(documents={"d": {"title": "GNA rejects truce", "identifier": "d", "date": None}})
    assert default_title(one) == "GNA rejects truce"
    assert default_title(nx.MultiDiGraph()) == "kg graph"


@pytest.mark.model
def test_the_example_articles_overview(example_graph):
    nxgraph = to_networkx(example_graph.graph)
    data = page_data(nxgraph)
    labels = {n["label"] for n in data["nodes"] if n["layer"] == "entity"}
    assert {"Khalifa Haftar", "Government of National Accord"} <= labels
    assert not {n["group"] for n in data["nodes"] if n["layer"] == "entity"} & {"Concept", "Proposition"}
    assert default_title(nxgraph).startswith("Libya")


def test_the_page_carries_each_sentence_once_and_edge_ends_as_indexes():
    from kg.render.html import packed

    graph = two_camps()
    said = ("Title d1", "Red B and Red D met Blue Y.")  # one sentence behind two edges
    relate(graph, "b", "y", "meet")
    relate(graph, "d", "y", "meet")
    for u, v in (("b", "y"), ("d", "y")):
        for key in graph[E + u][E + v]:
            graph[E + u][E + v][key]["sources"] = [said]
    data = page_data(graph)
    page = packed(data)
    assert len(page["sources"]) == len(set(map(tuple, page["sources"])))
    assert page["sources"].count(list(said)) + page["sources"].count(said) == 1
    busiest = max(page["edges"], key=lambda e: e["count"])
    ends = {page["nodes"][busiest["from"]]["id"], page["nodes"][busiest["to"]]["id"]}
    assert ends == {E + "a", E + "w"}
    assert {page["sources"][i][1] for i in busiest["sentences"]} == {"a criticise w.", "w attack a.", "w meet a."}
    assert busiest["tip"].splitlines()[0] == "Red A – criticise – Blue W (2)"
    assert "color" not in busiest and "title" not in busiest
    assert page["familyColours"]["stance"] == FAMILY_COLOURS["stance"]
    assert "title" in data["edges"][0]  # page_data itself is left as it was


def camps(count: int, size: int = 5):
    """``count`` camps of ``size`` people, each camp a star around its first member, the stars' hubs in a ring."""
    graph = nx.MultiDiGraph()
    for c in range(count):
        for i in range(size):
            node(graph, f"c{c}p{i}", f"Person {c}-{i}")
            if i:
                relate(graph, f"c{c}p0", f"c{c}p{i}", "meet", count=3)
        if c:
            relate(graph, f"c{c - 1}p0", f"c{c}p0", "call")
    return graph


def test_many_groups_are_packed_without_overlapping():
    overview = entity_graph(camps(60))
    groups = communities(overview)
    positions = overview_layout(overview, groups)
    circles = []
    for group in groups:
        points = [positions[n] for n in group.members]
        centre = (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
        circles.append((centre, max(math.dist(p, centre) for p in points)))
    assert len(circles) >= 20
    for i, (a, ra) in enumerate(circles):
        for b, rb in circles[i + 1 :]:
            assert math.dist(a, b) > ra + rb, (a, ra, b, rb)


def test_the_same_graph_gives_the_same_page_in_another_process():
    import json
    import subprocess
    import sys

    script = (
        "import json, sys; sys.path.insert(0, '.');"
        "from tests.render.test_overview import camps; from kg.render import page_data;"
        "data = page_data(camps(30));"
        "print(json.dumps([[n['id'], n['x'], n['y'], n['community']] for n in data['nodes']]))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert json.loads(runs[0]) == json.loads(runs[1])


def test_dates_that_are_not_days_are_read_as_days_or_left_out():
    graph = two_camps()
    documents = graph.graph["documents"]
    documents["https://example.org/kg/id/document/d1"]["date"] = "2005-01-05T10:00:00Z"
    documents["https://example.org/kg/id/document/d2"]["date"] = "Jan 2005"
    assert [d["date"] for d in page_data(graph)["documents"]] == ["2005-01-05", None]


def test_a_right_to_left_name_cannot_reorder_the_other_names_of_its_group():
    graph = two_camps()
    graph.nodes[E + "a"]["label"] = "evil\u202eabc"
    names = [c["name"] for c in page_data(graph)["communities"]]
    parts = next(name.split(", ") for name in names if "evil" in name)
    assert "\u2068evil\u202eabc\u2069" in parts and all(p.isascii() for p in parts if "evil" not in p)


def test_the_hidden_layer_keeps_its_best_connected_nodes_within_the_limit():
    graph = two_camps()
    for i in range(30):
        node(graph, f"idea{i}", f"idea {i}", kind="Concept")
        relate(graph, "b", f"idea{i}", "propose")
    relate(graph, "c", "idea0", "back")
    data = page_data(graph, max_hidden=5)
    hidden = [n["label"] for n in data["nodes"] if n["layer"] == "concept"]
    assert len(hidden) == 5 and "idea 0" in hidden  # the concept two entities speak of stays
    assert all(n["layer"] == "entity" or n["id"] in {h["id"] for h in data["nodes"]} for n in data["nodes"])
