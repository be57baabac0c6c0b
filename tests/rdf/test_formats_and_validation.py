"""Named graphs, formats, conversions and the SHACL contract (issue 5)."""

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

import kg
from kg.store import FORMATS, load_graph, serialize, union
from kg.validate import validate
from kg.vocab import KG, KGR
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def test_each_document_has_its_own_named_graph(example_graph):
    names = {str(g.identifier) for g in example_graph.graph.graphs() if len(g)}
    assert "https://example.org/kg/id/graph/corpus" in names
    assert "https://example.org/kg/id/graph/document/libya-gna-rejects-haftar-truce" in names


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_loads_back_isomorphic(example_graph, tmp_path, fmt):
    path = tmp_path / f"graph{FORMATS[fmt][1]}"
    path.write_bytes(serialize(example_graph.graph, fmt))
    loaded = load_graph(path)
    assert isomorphic(union(loaded), union(example_graph.graph))
    if fmt in ("trig", "nq"):  # the named graphs survive too
        assert {g.identifier for g in loaded.graphs() if len(g)} == {
            g.identifier for g in example_graph.graph.graphs() if len(g)
        }
    if fmt == "jsonld":
        assert b'"@context": {' in path.read_bytes()  # inline, nothing to fetch


def test_same_inputs_give_byte_identical_nquads(example_graph):
    assert serialize(kg.build(EXAMPLE).graph, "nq") == serialize(example_graph.graph, "nq")


def test_the_example_graph_conforms(example_graph):
    assert validate(example_graph.graph) == []


def test_a_broken_graph_is_reported():
    broken = kg.build(EXAMPLE).graph
    haftar = URIRef("https://example.org/kg/id/entity/person/khalifa-haftar")
    broken.add((haftar, RDFS.label, Literal("Second label")))
    broken.add((haftar, KGR["undeclared"], URIRef("https://example.org/kg/id/entity/geopoliticalentity/libya")))
    statement = next(broken.subjects(KG.negated, Literal(True)))
    broken.remove((statement, KG.sentence, None))
    messages = {(v.focus.rsplit("/", 1)[-1], v.path) for v in validate(broken)}
    assert ("khalifa-haftar", "rdfs:label") in messages
    assert ("kgr:undeclared", None) in messages or ("kgr:undeclared", "rdf:type") in messages
    assert (statement.rsplit("/", 1)[-1], "kg:sentence") in messages


def test_statements_asserted_against_their_negation_and_undeclared_relations_are_reported():
    """The two SPARQL constraints, which run only on the nodes their targets' one query finds."""
    broken = kg.build(EXAMPLE).graph
    negated = next(broken.subjects(KG.negated, Literal(True)))
    broken.set((negated, KG.asserted, Literal(True)))  # a denial written as a plain fact
    fact = next(broken.subjects(KG.asserted, Literal(True)))
    triple = (broken.value(fact, RDF.subject), broken.value(fact, RDF.predicate), broken.value(fact, RDF.object))
    broken.remove(triple)  # an asserted statement whose triple is gone
    haftar = URIRef("https://example.org/kg/id/entity/person/khalifa-haftar")
    broken.add((haftar, KGR["undeclared"], haftar))
    found = {(v.focus.rsplit("/", 1)[-1], v.message.split(" ")[0]) for v in validate(broken)}
    assert {(negated.rsplit("/", 1)[-1], "a"), (fact.rsplit("/", 1)[-1], "a")} <= found
    assert ("kgr:undeclared", "relation") in found


def test_typed_relations_can_be_queried_at_both_levels(example_graph):
    rows = example_graph.query("""
        SELECT ?s ?o WHERE { ?s kg:rejects ?o }""")
    assert len(list(rows)) >= 1
    stances = example_graph.query(
        """
        SELECT DISTINCT ?type WHERE {
          ?st kg:relationType ?type . ?type rdfs:subPropertyOf* kg:stance }""",
        dataframe=True,
    )
    assert "https://example.org/kg/ontology#rejects" in set(stances["type"])


def test_the_old_statement_shape_and_a_proposition_without_its_sentence_are_reported(example_graph):
    """kg:document belongs to the sentence node now: a statement or mention still carrying it is
    the model before issue 16, and a proposition must say which sentence it was read from."""
    broken = kg.build(EXAMPLE).graph
    statement = next(broken.subjects(RDF.type, KG.Statement))
    mention = next(broken.subjects(RDF.type, KG.Mention))
    document = next(broken.subjects(RDF.type, KG.Document))
    broken.add((statement, KG.document, document))
    broken.add((mention, KG.document, document))
    proposition = next(broken.subjects(RDF.type, KG.Proposition))
    broken.remove((proposition, KG.sentence, None))
    messages = {(v.focus.rsplit("/", 1)[-1], v.path) for v in validate(broken)}
    for node, path in ((statement, "kg:document"), (mention, "kg:document"), (proposition, "kg:sentence")):
        assert (node.rsplit("/", 1)[-1], path) in messages
