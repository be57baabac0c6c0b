"""One store interface: the same hand-made graph in each kind of store answers alike.

No language model here: the graph is a few quads written by hand, as kg's mapping writes
them (a document's named graph, the corpus graph), so each test runs in milliseconds.
"""

from __future__ import annotations

import json
import os

import pyoxigraph as ox
import pytest
from rdflib import Literal

from kg.errors import GraphFileError, KgError
from kg.rdf.iri import (
    corpus_graph_base,
    corpus_graph_iri,
    document_graph_base,
    document_graph_iri,
)
from kg.render import to_networkx
from kg.store import (
    FORMATS,
    QUAD_FORMATS,
    DatasetStore,
    OxigraphStore,
    RemoteStore,
    Store,
    as_store,
    document_graphs,
    load_graph,
    new_graph,
    remove_documents,
    save_graph,
    serialize,
)
from kg.store.formats import BUILD_FILES, DUMP_FORMATS, by_key, by_suffix, keeps_graphs
from kg.store.sparql import PREFIX_LINES
from kg.vocab import PREFIXES, new_dataset, sparql_prefixes

BASE = "https://example.org/kg/id/"
#: Two people, a relation between them stated in one document, in the named graphs kg writes.
TRIG = """
@prefix kg: <https://example.org/kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/kg/id/> .

<https://example.org/kg/id/graph/corpus> {
  id:haftar a kg:Person ; rdfs:label "Khalifa Haftar" ; skos:altLabel "Haftar" ; kg:mentionCount 2 .
  id:sarraj a kg:Person ; rdfs:label "Fayez al-Sarraj" ; kg:mentionCount 1 .
  <https://example.org/kg/relation/reject> rdfs:label "reject" .
}
<https://example.org/kg/id/graph/document/a> {
  id:document-a a kg:Document ; dcterms:identifier "a" ; dcterms:title "Truce rejected" .
  id:st1 a kg:Statement ; rdf:subject id:sarraj ; rdf:predicate <https://example.org/kg/relation/reject> ;
      rdf:object id:haftar ; kg:confidence "0.6"^^xsd:decimal ; kg:sentence id:sentence-a1 .
  id:sentence-a1 a kg:Sentence ; kg:text "Sarraj rejected Haftar." ; kg:document id:document-a .
}
"""


def _stores(tmp_path) -> dict[str, Store]:
    """The graph in each local kind of store: rdflib (as kg.load reads it), Oxigraph, a bare pyoxigraph Store."""
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    oxigraph = OxigraphStore()
    oxigraph.load_file(path)
    bare = ox.Store()
    bare.load(path=str(path), format=ox.RdfFormat.TRIG)
    return {"rdflib": as_store(load_graph(path)), "oxigraph": oxigraph, "pyoxigraph": as_store(bare)}


@pytest.fixture
def stores(tmp_path):
    return _stores(tmp_path)


def test_every_kind_of_store_is_a_store():
    assert isinstance(OxigraphStore(), Store)
    assert isinstance(DatasetStore(new_graph()), Store)
    assert isinstance(RemoteStore("http://127.0.0.1:9/"), Store)  # nothing is contacted to make it
    assert isinstance(as_store(ox.Store()), OxigraphStore)
    with pytest.raises(TypeError, match="not a graph or a store: dict"):
        as_store({})


def test_every_store_says_whether_a_build_is_writing_it(tmp_path, stores):
    """kg query/render note a build adding to a store through the protocol's being_written, which every
    store answers (None: no build known to write it), not by probing for OxigraphStore's attribute."""
    for store in [*stores.values(), RemoteStore("http://127.0.0.1:9/")]:
        assert store.being_written is None, store
    folder = tmp_path / "store"
    with OxigraphStore(folder) as writing, writing.loading():
        writing.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("b")) for _ in [0])
    with OxigraphStore(folder) as writing, writing.loading():  # a build adding to a store that holds data
        assert OxigraphStore(folder, read_only=True).being_written == f"pid {os.getpid()}"


def test_each_store_reads_the_same_rows_quads_and_bytes(stores):
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?label WHERE { ?e rdfs:label ?label } ORDER BY ?label"
    )
    expected = [{"label": "Fayez al-Sarraj"}, {"label": "Khalifa Haftar"}, {"label": "reject"}]
    nquads = serialize(stores["oxigraph"], "nq")
    assert nquads.count(b"\n") == 20
    for name, store in stores.items():
        assert list(store.rows(query)) == expected, name
        assert len(store) == 20 and not store.is_empty(), name
        labels = sorted(q.object.value for q in store.quads("http://www.w3.org/2000/01/rdf-schema#label"))
        assert labels == ["Fayez al-Sarraj", "Khalifa Haftar", "reject"], name
        assert len(list(store.quads(graph=f"{BASE}graph/document/a"))) == 12, name
        assert serialize(store, "nq") == nquads, name


def test_each_store_dumps_every_format_the_protocol_names(stores):
    """Store.dump promises N-Quads, TriG, Turtle and N-Triples; the rdflib-backed store once wrote N-Quads only."""
    for fmt in DUMP_FORMATS:
        rdf_format = by_key(fmt)
        read = {name: set(ox.parse(store.dump(fmt), rdf_format.oxigraph)) for name, store in stores.items()}
        assert len(read["oxigraph"]) == 20, fmt
        graphs = {quad.graph_name for quad in read["oxigraph"]}
        assert len(graphs) == (2 if rdf_format.keeps_graphs else 1), fmt  # else their union, in the default graph
        assert read["rdflib"] == read["oxigraph"] == read["pyoxigraph"], fmt
    for store in stores.values():
        with pytest.raises(ValueError, match="a store dumps nq, trig, ttl, nt, not 'jsonld'"):
            store.dump("jsonld")


def test_each_store_answers_select_ask_and_construct_as_rdflib_results(stores):
    for name, store in stores.items():
        rows = list(
            store.query(
                "SELECT ?n WHERE { ?e kg:mentionCount ?n } ORDER BY ?n",
                prefixes=store.prefixes() | {"kg": "https://example.org/kg/ontology#"},
            )
        )
        assert [row[0].toPython() for row in rows] == [1, 2], name
        bound = store.query(
            "ASK { ?e rdfs:label ?l }",
            bindings={"l": Literal("Khalifa Haftar")},
            prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        )
        assert bound.askAnswer is True, name
        built = store.query(
            "CONSTRUCT { ?s <http://x/named> ?o } WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?o }"
        )
        assert [str(o) for _, _, o in built.graph] == ["Haftar"], name
    with pytest.raises(KgError, match="query failed: missing \\), unterminated subpattern"):
        stores["rdflib"].query('SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(?o, "(")) }')
    # Oxigraph follows SPARQL: an error in a FILTER leaves the solution out.
    assert not list(stores["oxigraph"].rows('SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(?o, "(")) }'))
    with pytest.raises(KgError, match="query failed"):
        stores["oxigraph"].query("SELECT ?s WHERE { ?s ?p }")


def test_updates_drops_and_closing_work_alike(stores):
    """An update writes what a build's Oxigraph store holds, whichever store runs it: Oxigraph keeps
    decimals in canonical form ("1.50" as "1.5"), where rdflib's own SPARQL Update keeps "1.50", so
    `kg remove` on an rdflib dataset would map documents again unlike a build."""
    written = {}
    for name, store in stores.items():
        store.update(
            'INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/p> "1.50"^^'
            "<http://www.w3.org/2001/XMLSchema#decimal> } }"
        )
        written[name] = serialize(store, "nq")
        store.drop_graphs([f"{BASE}graph/document/a", "http://x/g", "http://x/never-there"])
        assert len(store) == 8, name
        with store:
            pass  # the context manager closes the store (a no-op for those in memory)
    assert b'<http://x/p> "1.5"^^' in written["oxigraph"]
    assert written["rdflib"] == written["oxigraph"] == written["pyoxigraph"]


def test_to_networkx_reads_every_kind_of_store(stores):
    """to_networkx(OxigraphStore()) once failed with "query failed: error at 1:6": kg's own store's
    rows() took SPARQL where the drawing asked for its named rows."""
    assert to_networkx(OxigraphStore()).number_of_nodes() == 0
    drawn = {name: to_networkx(store) for name, store in stores.items()}
    for name, nxgraph in drawn.items():
        labels = {node: data["label"] for node, data in nxgraph.nodes(data=True)}
        assert sorted(labels.values()) == ["Fayez al-Sarraj", "Khalifa Haftar"], name
        [(subject, obj, data)] = list(nxgraph.edges(data=True))
        assert (labels[subject], data["relation"], labels[obj]) == ("Fayez al-Sarraj", "reject", "Khalifa Haftar")
        assert data["sources"] == [("Truce rejected", "Sarraj rejected Haftar.")] and data["confidence"] == 0.6
        assert nxgraph.nodes[obj]["alt_labels"] == ["Haftar"] and nxgraph.nodes[obj]["mentions"] == 2


def test_documents_are_found_in_named_graphs_only(tmp_path, stores):
    """A document read from a Turtle file sits in the default graph with every other triple: it has no
    graph of its own to remove. (The rdflib `document_graphs` that kg.store exported before issue 15
    named the default graph, ``urn:x-rdflib:default``, as its graph; `kg remove` never used it.)"""
    for name, store in stores.items():
        assert document_graphs(store) == {"a": f"{BASE}graph/document/a"}, name
        assert document_graphs(store, ["a", "b"]) == {"a": f"{BASE}graph/document/a"}, name
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(serialize(stores["oxigraph"], "ttl"))
    dataset = load_graph(turtle)
    assert document_graphs(dataset) == {}
    before = serialize(dataset, "nq")
    assert remove_documents(dataset, ["a"]) == []
    assert serialize(dataset, "nq") == before


def test_named_graph_iris_are_parsed_by_their_inverse_helpers():
    for doc_id in ("a", "folder/b c", "../up", "😀/x"):
        for base in (BASE, "http://x.org/graph/", "urn:kg:"):
            assert document_graph_base(str(document_graph_iri(base, doc_id)), doc_id) == base
    assert corpus_graph_base(str(corpus_graph_iri(BASE))) == BASE
    with pytest.raises(ValueError, match="not the IRI of the graph of document 'b'"):
        document_graph_base(str(document_graph_iri(BASE, "a")), "b")
    with pytest.raises(ValueError, match="not the IRI of a kg corpus graph"):
        corpus_graph_base(f"{BASE}graph/names")


def test_one_format_table_names_each_format_by_key_and_suffix(tmp_path, stores):
    """Suffixes, rdflib's and pyoxigraph's names come from one table: a file written as `.json` or `.xml`
    is JSON-LD or RDF/XML (save_graph once knew only the first suffix of each, and wrote Turtle)."""
    assert FORMATS == {
        "ttl": ("turtle", ".ttl"),
        "nt": ("nt", ".nt"),
        "jsonld": ("json-ld", ".jsonld"),
        "xml": ("xml", ".rdf"),
        "trig": ("trig", ".trig"),
        "nq": ("nquads", ".nq"),
    }
    assert {"trig", "nq"} == QUAD_FORMATS and BUILD_FILES[:2] == ("graph.trig", "graph.nq")
    assert keeps_graphs("a/graph.TRIG") and not keeps_graphs("graph.ttl") and not keeps_graphs("graph")
    with pytest.raises(GraphFileError, match="graph.txt: unknown graph format '.txt'"):
        by_suffix("graph.txt")
    for name, key in (("g.json", "jsonld"), ("g.xml", "xml"), ("g.turtle", "ttl")):
        written = save_graph(stores["oxigraph"], tmp_path / name)
        assert written.read_bytes() == serialize(stores["oxigraph"], key), name


def test_one_prefix_map_for_json_ld_sparql_and_new_graphs(stores):
    """kg.vocab.PREFIXES is the one prefix map: the JSON-LD context (once a file of its own, with a
    schema: that no other output declared), the PREFIX lines of kg's own queries, new datasets."""
    expected = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    assert json.loads(serialize(stores["oxigraph"], "jsonld"))["@context"] == expected
    assert sparql_prefixes() == PREFIX_LINES == sparql_prefixes(expected)
    assert new_graph is new_dataset
