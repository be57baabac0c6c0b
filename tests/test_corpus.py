"""A real batch: 20 BBC articles from ../shared (skipped where ../shared is missing)."""

import pytest

import kg
from tests.conftest import shared_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def bbc_graph():
    folder = shared_path("data", "corpus", "bbc")
    files = sorted(folder.glob("politics_*.txt"))[:20]
    return files, kg.build(files)


def test_twenty_articles_build_without_errors(bbc_graph):
    files, graph = bbc_graph
    assert graph.errors == []
    stats = graph.stats()
    assert stats["documents"] == 20
    assert stats["entities"] > 100 and stats["statements"] > 200


def test_each_document_keeps_its_headline_as_title(bbc_graph):
    files, graph = bbc_graph
    titles = {str(row.title) for row in graph.query("SELECT ?title WHERE { ?d a kg:Document ; dcterms:title ?title }")}
    expected = {f.read_text(encoding="utf-8").strip().split("\n", 1)[0].strip() for f in files}
    assert titles == expected


def test_every_entity_still_has_exactly_one_label(bbc_graph):
    _, graph = bbc_graph
    rows = list(
        graph.query("""
        SELECT ?e (COUNT(?label) AS ?n) WHERE { ?e kg:mentionCount ?m ; rdfs:label ?label }
        GROUP BY ?e HAVING (COUNT(?label) != 1)""")
    )
    assert rows == []


def test_same_graph_whatever_the_order_of_the_articles(bbc_graph):
    """Issue 4: the example article with 20 BBC articles, forwards and backwards: same N-Triples."""
    from kg.store import serialize
    from tests.conftest import EXAMPLE

    files, _ = bbc_graph
    forward = kg.build([EXAMPLE, *files])
    backward = kg.build([*reversed(files), EXAMPLE])
    assert serialize(forward.graph, "nt") == serialize(backward.graph, "nt")


def test_people_named_in_several_articles_are_one_node(bbc_graph):
    _, graph = bbc_graph
    rows = graph.query(
        """
        SELECT ?label (COUNT(DISTINCT ?d) AS ?documents) WHERE {
          ?e a kg:Person ; rdfs:label ?label ; kg:mentionedIn ?d .
        } GROUP BY ?label HAVING (COUNT(DISTINCT ?d) > 1) ORDER BY DESC(?documents)""",
        dataframe=True,
    )
    labels = set(rows["label"])
    # Blair, Brown and Howard are in many of these politics articles, under full name and surname
    assert {"Tony Blair", "Gordon Brown", "Michael Howard"} <= labels
    surnames = graph.query('SELECT ?e WHERE { ?e a kg:Person ; rdfs:label "Blair" }')
    assert len(list(surnames)) == 0  # "Blair" is an alternative name of Tony Blair, not a node


def test_twenty_articles_conform_to_the_shapes(bbc_graph):
    from kg.validate import validate

    _, graph = bbc_graph
    assert validate(graph.graph) == []


def test_same_nquads_whatever_the_order(bbc_graph):
    from kg.store import serialize

    files, graph = bbc_graph
    assert serialize(kg.build(list(reversed(files))).graph, "nq") == serialize(graph.graph, "nq")
