"""A graph file read for drawing is a store like any other: one way to read a graph for the picture.

No language model: the graph is the hand-made TriG of tests/store/test_base.py.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.render import load_for_view, to_networkx, view_graph
from kg.store import Store, load_graph, save_graph

from ..store.test_base import TRIG

#: The nodes the relation joins: a CONSTRUCT that names both people.
QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"


@pytest.fixture
def trig(tmp_path):
    path = tmp_path / "graph.trig"
    # and one triple the picture does not read
    path.write_text(TRIG + '<https://example.org/kg/id/haftar> <http://x/rank> "field marshal" .\n', encoding="utf-8")
    return path


def _drawing(nxgraph) -> tuple[list[str], list[tuple[str, str, str]]]:
    labels = {node: data["label"] for node, data in nxgraph.nodes(data=True)}
    edges = sorted((labels[s], data["relation"], labels[o]) for s, o, data in nxgraph.edges(data=True))
    return sorted(labels.values()), edges


def test_a_file_read_for_drawing_is_a_store_with_what_the_picture_reads(trig):
    """Only the drawn predicates are kept (a big file draws faster), unless the whole graph is asked for;
    either way the drawing is the one of the file read in full by rdflib."""
    drawn, whole = load_for_view(trig), load_for_view(trig, whole=True)
    assert isinstance(drawn, Store) and isinstance(whole, Store)
    assert len(whole) == 21 and len(drawn) == 20
    assert not list(drawn.quads("http://x/rank")) and len(list(whole.quads("http://x/rank"))) == 1
    expected = _drawing(to_networkx(load_graph(trig)))
    assert expected == (["Fayez al-Sarraj", "Khalifa Haftar"], [("Fayez al-Sarraj", "reject", "Khalifa Haftar")])
    assert _drawing(to_networkx(drawn)) == _drawing(to_networkx(whole)) == expected


def test_every_format_is_read_for_drawing_the_same_way(trig, tmp_path):
    """JSON-LD and RDF/XML were read by rdflib, the others straight into the drawing's facts: now one reader."""
    expected = _drawing(to_networkx(load_for_view(trig)))
    for suffix in ("ttl", "nt", "nq", "jsonld", "rdf"):
        path = save_graph(load_graph(trig), tmp_path / f"graph.{suffix}")
        assert _drawing(to_networkx(load_for_view(path))) == expected, suffix


def test_a_query_runs_on_a_file_read_for_drawing(trig):
    """`--query` on a file once needed a second reader (rdflib's): the drawing's facts could not answer it."""
    nxgraph, note = view_graph(load_for_view(trig, whole=True), query=QUERY)
    assert _drawing(nxgraph)[1] == [("Fayez al-Sarraj", "reject", "Khalifa Haftar")]
    assert note == "Showing the 2 nodes the query names — of 2 nodes in the graph."


def test_kg_render_query_reports_a_badly_encoded_query_file(trig, tmp_path):
    """`kg render --query` reads the file as `kg query -f` does: a file that is not UTF-8 is one error line."""
    query = tmp_path / "bad.rq"
    query.write_bytes("# caf\xe9\n".encode("latin-1") + QUERY.encode("utf-8"))
    result = CliRunner().invoke(main, ["render", str(trig), "--query", str(query), "-o", str(tmp_path / "q.html")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {query}: cannot read query ('utf-8' codec can't decode byte 0xe9")
    good = tmp_path / "good.rq"
    good.write_text(QUERY, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(trig), "--query", str(good), "-o", str(tmp_path / "q.html")])
    assert result.exit_code == 0, result.output
    assert "(2 nodes, 1 edge;" in result.output
