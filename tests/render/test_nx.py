"""The networkx view is built from the RDF alone."""

import pytest

from kg import load

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nxgraph(example_build):
    out, _ = example_build
    return load(out / "graph.ttl").to_networkx()


def test_every_node_is_a_typed_node_of_the_graph(nxgraph):
    assert nxgraph.number_of_nodes() >= 30
    for node, data in nxgraph.nodes(data=True):
        assert node.startswith("https://example.org/kg/id/"), node  # never "None" or a literal
        assert data["label"] and data["type"] in {
            "Person",
            "Organization",
            "Geopolitical entity",
            "Location",
            "Group",
            "Facility",
            "Event",
            "Work",
            "Law",
            "Product",
            "Language",
            "Concept",
            "Proposition",
        }


def test_edges_carry_relation_polarity_and_sources(nxgraph):
    labels = {node: data["label"] for node, data in nxgraph.nodes(data=True)}
    edges = {(labels[u], d["relation"], labels[v]): d for u, v, d in nxgraph.edges(data=True)}
    reject = edges[("Government of National Accord", "reject", "truce")]
    assert not reject["negated"] and reject["count"] == 1
    assert reject["sources"][0][1].startswith("Libya's UN-recognised government on Thursday rejected")
    assert edges[("Government of National Accord", "trust", "announcement")]["negated"]
    called_for = [key for key in edges if key[:2] == ("UN", "call for")]
    assert (
        called_for
        and nxgraph.nodes[next(u for u, d in nxgraph.nodes(data=True) if d["label"] == called_for[0][2])]["type"]
        == "Proposition"
    )


@pytest.mark.parametrize("suffix", ["trig", "ttl"])
def test_the_fast_file_reader_gives_the_same_graph(example_build, suffix):
    from kg.render import load_for_view, to_networkx

    out, _ = example_build
    expected = load(out / "graph.trig").to_networkx()
    drawn = to_networkx(load_for_view(out / f"graph.{suffix}"))
    assert sorted(drawn.nodes(data=True)) == sorted(expected.nodes(data=True))
    assert sorted(drawn.edges(data=True, keys=True)) == sorted(expected.edges(data=True, keys=True))


def test_kg_stores_and_pyoxigraph_stores_give_the_file_s_graph(example_build, example_graph):
    """`to_networkx` of kg's own store (empty, or the one a build keeps) and of a pyoxigraph Store
    holding the TriG file (named graphs only) give the file's graph."""
    import pyoxigraph

    from kg.render import to_networkx
    from kg.store import OxigraphStore

    assert to_networkx(OxigraphStore()).number_of_nodes() == 0
    assert to_networkx(pyoxigraph.Store()).number_of_nodes() == 0
    out, _ = example_build
    expected = load(out / "graph.trig").to_networkx()
    plain = pyoxigraph.Store()
    plain.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    stored = OxigraphStore()
    stored.load_file(out / "graph.trig")
    assert isinstance(example_graph.store, OxigraphStore)
    for drawn in (to_networkx(stored), to_networkx(example_graph.store), to_networkx(plain)):
        assert expected.number_of_nodes() > 30
        assert sorted(drawn.nodes(data=True)) == sorted(expected.nodes(data=True))
        assert sorted(drawn.edges(data=True, keys=True)) == sorted(expected.edges(data=True, keys=True))
