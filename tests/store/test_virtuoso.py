"""``--store URL`` on a real Virtuoso Open Source server (started by tests/store/conftest.py).

The graph a build, an incremental add and a removal leave in Virtuoso is compared with the
embedded build of the same documents (sorted N-Quads, graph names included), and the README's
queries, ``kg render`` and ``kg stats`` answer on it as on the build's TriG file.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.store import RemoteStore, serialize
from kg.store.remote import SERVERS
from tests.conftest import EXAMPLE, shared_path
from tests.store.conftest import LDP, SERVICE
from tests.store.test_stores import oxigraph_server  # noqa: F401 (a fixture)
from tests.test_readme import RUN

pytestmark = pytest.mark.model

#: The README's queries on the example graph (`kg query out/graph.ttl ...`), shown with their output.
#: The node and edge lists of a rendered page (one line each).
DATASET = re.compile(r"^var DATA = (.*);$", re.MULTILINE)
README_QUERIES = [block for block in RUN if block.language == "bash" and block.text.startswith("kg query out/")]


def nquads(store) -> bytes:
    return serialize(store, "nq")


def drawn(page: Path) -> tuple[str, str]:
    """A rendered page: its text without its data, and the data's nodes and edges sorted (the server
    answers in its own order), each edge with its ends and sentences resolved."""
    text = page.read_text(encoding="utf-8")
    found = DATASET.search(text)
    assert found is not None
    data = json.loads(found.group(1))
    ids = [node["id"] for node in data["nodes"]]
    edges = [
        {
            **edge,
            "from": ids[edge["from"]],
            "to": ids[edge["to"]],
            "sentences": [data["sources"][i] for i in edge["sentences"]],
        }
        for edge in data["edges"]
    ]
    items = sorted(json.dumps(item, sort_keys=True) for item in [*data["nodes"], *edges])
    return DATASET.sub("", text), "\n".join(items)


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def empty_virtuoso(virtuoso):
    """The session's Virtuoso with every graph dropped but its own."""
    store = RemoteStore(virtuoso)
    store.drop_graphs({str(quad.graph_name.value) for quad in store.quads()})  # Virtuoso's own graphs stay
    assert store.is_empty() and len(store) == 0
    every = {row["g"] for row in store.rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert {LDP, SERVICE} <= every  # there, but not kg's
    return virtuoso


def test_virtuoso_is_recognised(virtuoso):
    store = RemoteStore(virtuoso)
    assert store.server == SERVERS["virtuoso"]
    assert store.query_url == store.update_url == virtuoso and store.store_url == ""  # SPARQL Update alone


def test_a_build_an_add_and_a_removal_through_virtuoso_give_the_embedded_graph(empty_virtuoso, example_graph):
    second = shared_path("data", "corpus", "bbc", "politics_001.txt")
    remote = RemoteStore(empty_virtuoso)
    run("build", EXAMPLE, "--store", empty_virtuoso)
    assert nquads(remote) == nquads(example_graph.store)
    run("build", second, "--store", empty_virtuoso)  # incremental: the example's names are read back from Virtuoso
    both = kg.build([second], into=kg.build([EXAMPLE]))
    assert nquads(remote) == nquads(both.store)
    assert len(remote) == len(both.store)
    assert "removed politics_001" in run("remove", empty_virtuoso, "politics_001")
    assert nquads(remote) == nquads(example_graph.store)


def test_the_readme_queries_render_and_stats_answer_on_virtuoso_as_on_the_file(empty_virtuoso, example_build, tmp_path):
    out, _ = example_build
    trig = out / "graph.trig"
    run("build", EXAMPLE, "--store", empty_virtuoso)
    assert len(README_QUERIES) >= 4
    for block in README_QUERIES:
        command = shlex.split(block.text)
        assert command[:2] == ["kg", "query"] and command[2].startswith("out/"), block.name
        on_file = run("query", trig, *command[3:])
        on_virtuoso = run("query", empty_virtuoso, *command[3:])
        assert len(on_file.splitlines()) > 2, block.name  # rows, not just a header
        assert on_virtuoso == on_file, block.name
    # A CONSTRUCT (Virtuoso answers one asked for JSON first with ?s ?p ?o rows), with booleans.
    construct = "CONSTRUCT { ?st kg:passive ?p ; rdf:subject ?s } WHERE { ?st kg:passive ?p ; rdf:subject ?s }"
    on_file = run("query", trig, construct)
    assert "true" in on_file and run("query", empty_virtuoso, construct) == on_file
    (tmp_path / "haftar.rq").write_text(
        'CONSTRUCT { ?s ?p ?o } WHERE { ?s rdfs:label "Khalifa Haftar" ; ?p ?o FILTER(isIRI(?o)) }', encoding="utf-8"
    )
    for source, page in ((trig, "query-file.html"), (empty_virtuoso, "query-virtuoso.html")):
        run("render", source, "-o", tmp_path / page, "--query", tmp_path / "haftar.rq", "--title", "Haftar")
    assert drawn(tmp_path / "query-virtuoso.html") == drawn(tmp_path / "query-file.html")
    for source, page in ((trig, "file.html"), (empty_virtuoso, "virtuoso.html")):
        run("render", source, "-o", tmp_path / page, "--focus", "Khalifa Haftar", "--title", "Haftar")
    assert drawn(tmp_path / "virtuoso.html") == drawn(tmp_path / "file.html")
    assert "Khalifa Haftar" in drawn(tmp_path / "file.html")[1]
    # Every line, the count of triples too: the graphs Virtuoso keeps for itself are not counted.
    on_file, on_virtuoso = (run("stats", source).splitlines() for source in (trig, empty_virtuoso))
    assert on_virtuoso == on_file and len(on_file) > 4 and any("triples" in line for line in on_file)


def test_terms_read_back_from_virtuoso_as_written(empty_virtuoso):
    # Virtuoso stores true as "1"^^xsd:boolean, refuses blank nodes in INSERT DATA, and kg writes a
    # long literal per document (its extraction record): all come back as they were written.
    graph = ox.NamedNode("https://example.org/kg/id/graph/document/terms")
    subject, node = ox.NamedNode("https://example.org/kg/id/entity/Misrātah_é"), ox.BlankNode()
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        ox.Literal('He said: "no truce"\n\ttab \\ backslash, 😀 emoji, é, 中文 ' * 4000),  # ~260 kB
        ox.Literal("Tripoli", language="en"),
        ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
        ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean")),
        ox.Literal("1", datatype=ox.NamedNode(xsd + "integer")),
        ox.Literal("-42", datatype=ox.NamedNode(xsd + "integer")),
        ox.Literal("0.75", datatype=ox.NamedNode(xsd + "decimal")),
        ox.Literal("2020-04-30", datatype=ox.NamedNode(xsd + "date")),
        ox.Literal("2020", datatype=ox.NamedNode(xsd + "gYear")),
        node,
    ]
    quads = [ox.Quad(subject, ox.NamedNode(f"https://example.org/p{n}"), o, graph) for n, o in enumerate(objects)]
    quads.append(ox.Quad(node, ox.NamedNode("https://example.org/q"), ox.Literal("in a blank node"), graph))
    remote = RemoteStore(empty_virtuoso)
    remote.add(quads)
    back = list(remote.quads())
    blank = [quad for quad in back if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)]
    assert set(back) - set(blank) == set(quads[:-2])  # all but the two with the blank node, as written
    (link,) = [quad for quad in blank if quad.subject == subject]
    assert [(quad.predicate, quad.object) for quad in blank if quad.subject == link.object] == [
        (quads[-1].predicate, quads[-1].object)
    ]
    rows = list(remote.rows("SELECT ?o WHERE { ?s <https://example.org/p2> ?o }"))
    assert rows == [{"o": "true"}]


def test_sparql_update_alone_on_oxigraph(oxigraph_server, example_graph):  # noqa: F811 (the imported fixture)
    # `store=` (empty) in the URL: no Graph Store Protocol, one INSERT DATA per document.
    url = f"{oxigraph_server}/query?store="
    assert RemoteStore(url).store_url == "" and RemoteStore(oxigraph_server).server == SERVERS["oxigraph"]
    run("build", EXAMPLE, "--store", url)
    assert nquads(RemoteStore(oxigraph_server)) == nquads(example_graph.store)
