"""The RDF contract of DESIGN.md §3, checked on the example article's graph."""

import pytest
from rdflib import Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.store import serialize
from kg.vocab import KG, KGR, ontology_graph
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def test_every_entity_has_exactly_one_label_and_an_ontology_type(example_graph):
    g = example_graph.graph
    entities = set(g.subjects(KG.mentionCount, None))
    assert len(entities) >= 8
    for entity in entities:
        assert len(list(g.objects(entity, RDFS.label))) == 1, entity
        types = set(g.objects(entity, RDF.type))
        assert types and all(str(t).startswith(str(KG._NS)) for t in types), entity
    for concept in g.subjects(RDF.type, KG.Concept):
        assert len(list(g.objects(concept, RDFS.label))) == 1, concept


def test_surface_forms_are_alt_labels(example_graph):
    g = example_graph.graph
    (gna,) = g.subjects(RDFS.label, Literal("Government of National Accord"))
    assert Literal("GNA") in set(g.objects(gna, SKOS.altLabel))
    assert (gna, RDF.type, KG.Organization) in g


def test_relation_predicates_are_declared_under_the_top_relation(example_graph):
    g = example_graph.graph
    used = {p for _, p, _ in g.triples((None, None, None)) if str(p).startswith(str(KGR))}
    assert KGR.reject in used and KGR.control in used
    for predicate in used:
        assert (predicate, RDF.type, OWL.ObjectProperty) in g
        # directly under the top relation, or under a typed news relation that is under it
        parents = list(g.objects(predicate, RDFS.subPropertyOf))
        assert len(parents) == 1
        assert parents[0] == KG.relatedTo or KG.relatedTo in ontology_graph().transitive_objects(
            parents[0], RDFS.subPropertyOf
        )
        assert len(list(g.objects(predicate, RDFS.label))) == 1
    assert g.value(KGR["call"], RDFS.label) == Literal("call")
    # "reject" is kg:rejects only when its subject is an actor (relations.tsv): typed statement by statement
    assert g.value(KGR["reject"], RDFS.subPropertyOf) == KG.relatedTo
    assert (None, KG.rejects, None) in g


def test_every_statement_has_provenance(example_graph):
    g = example_graph.graph
    statements = list(g.subjects(RDF.type, KG.Statement))
    assert len(statements) >= 15
    text = EXAMPLE.read_text(encoding="utf-8")
    for statement in statements:
        for prop in (
            RDF.subject,
            RDF.predicate,
            KG.sentence,
            KG.confidence,
            KG.pattern,
            KG.subjectText,
            KG.relationText,
        ):
            assert g.value(statement, prop) is not None, (statement, prop)
        # An assertion with only a subject ("Ramadan began") has no object, and says so by lacking both.
        assert (g.value(statement, RDF.object) is None) == (g.value(statement, KG.objectText) is None)
        assert 0 <= g.value(statement, KG.confidence).toPython() <= 1
        sentence = g.value(statement, KG.sentence)
        start, end = g.value(sentence, KG.startChar).toPython(), g.value(sentence, KG.endChar).toPython()
        assert text[start:end] == str(g.value(sentence, KG.text))
        assert g.value(g.value(sentence, KG.document), RDF.type) == KG.Document


def test_statements_record_the_relation_as_written_with_time_and_place(example_graph):
    g = example_graph.graph
    # "Libya's UN-recognised government on Thursday rejected a truce ..."
    rejected = [
        s for s in g.subjects(KG.relationText, Literal("rejected")) if str(g.value(s, KG.objectText)) == "a truce"
    ]
    assert len(rejected) == 1
    assert str(g.value(rejected[0], KG.time)) == "on Thursday"
    assert str(g.value(rejected[0], KG.subjectText)) == "Libya's UN-recognised government"
    # "the fighting did not stop in Tripoli after Mesmari's announcement": place is the Tripoli node
    stopped = next(g.subjects(KG.relationText, Literal("did not stop in")))
    assert g.value(g.value(stopped, RDF.object), RDFS.label) == Literal("Tripoli")
    # "a truce unilaterally called by warlord Khalifa Haftar": passive, agent is the subject
    called = list(g.subjects(KG.relationText, Literal("unilaterally called by")))
    assert called and all(g.value(s, KG.passive) == Literal(True) for s in called)
    assert {str(g.value(g.value(s, RDF.subject), RDFS.label)) for s in called} == {"Khalifa Haftar"}


def test_reported_clauses_are_propositions(example_graph):
    g = example_graph.graph
    propositions = set(g.subjects(RDF.type, KG.Proposition))
    assert propositions
    said = [s for s in g.subjects(RDF.object, None) if g.value(s, RDF.object) in propositions]
    labels = {str(g.value(g.value(s, RDF.object), RDFS.label)) for s in said}
    assert "both sides to lay down their arms during the holy month" in labels
    for statement in said:  # the object text is the proposition's label
        assert g.value(statement, KG.objectText) == g.value(g.value(statement, RDF.object), RDFS.label)


def test_negated_facts_are_statements_but_never_plain_triples(example_graph):
    g = example_graph.graph
    negated = list(g.subjects(KG.negated, Literal(True)))
    assert negated
    not_asserted = set(g.subjects(RDF.type, KG.Statement)) - set(g.subjects(KG.asserted, Literal(True)))
    assert set(negated) <= not_asserted
    for statement in not_asserted:
        triple = (g.value(statement, RDF.subject), g.value(statement, RDF.predicate), g.value(statement, RDF.object))
        assert triple not in g, triple


def test_same_input_gives_byte_identical_sorted_ntriples(example_graph):
    import kg

    again = kg.build(EXAMPLE)
    assert serialize(again.graph, "nt") == serialize(example_graph.graph, "nt")


def test_no_blank_nodes_and_a_configurable_base(example_graph):
    from rdflib import BNode

    import kg
    from tests.conftest import EXAMPLE

    assert not any(isinstance(term, BNode) for quad in example_graph.graph.quads() for term in quad)
    other = kg.build(EXAMPLE, base="http://news.example.org/kg/")
    entities = set(other.graph.subjects(KG.mentionCount, None))
    assert entities and all(str(e).startswith("http://news.example.org/kg/entity/") for e in entities)
