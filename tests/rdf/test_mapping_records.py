"""The mapping from hand-made records to quads (no model needed): records in, specific quads out."""

from kg.model import EXTRACTOR, Argument, Document, Extraction, Mention, Qualifier, Relation, TimeValue
from kg.rdf import iri
from kg.rdf.mapping import quad_batches
from kg.resolve import link_entities
from kg.vocab import KG, KGR

BASE = "https://example.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"

TEXT = "The GNA rejected the truce on Thursday in Tripoli."
GNA = Mention("d1", 4, 7, "GNA", "ORG", 0)
TRIPOLI = Mention("d1", 43, 50, "Tripoli", "GPE", 0)


def relation(**changes) -> Relation:
    """ "The GNA rejected the truce on Thursday in Tripoli", as extraction would read it."""
    fields = {
        "doc_id": "d1",
        "subject": Argument("The GNA", "GNA", 0, 7, mention=GNA),
        "predicate": "reject",
        "object": Argument("the truce", "truce", 17, 26),
        "sentence": TEXT,
        "start": 0,
        "end": len(TEXT),
        "relation_text": "rejected",
        "pattern": "svo",
        "confidence": 0.8,
        "qualifiers": (
            Qualifier("time", "on Thursday", 27, 38, time=TimeValue("2020-04-30", "date")),
            Qualifier("place", "in Tripoli", 40, 50, mention=TRIPOLI),
        ),
    }
    fields.update(changes)
    return Relation(**fields)


def mapped(*relations: Relation, mentions=(GNA, TRIPOLI)) -> dict[str, set[tuple[str, str, str]]]:
    """Graph IRI → its triples, as (subject, predicate, object) strings (literals by value)."""
    extraction = Extraction(Document("d1", TEXT, title="Truce", date="2020-04-30"), tuple(mentions), relations)
    graphs = {}
    for graph, quads in quad_batches([extraction], link_entities([extraction]), base=BASE):
        graphs[graph] = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    return graphs


def document_graph(graphs):
    return graphs[str(iri.document_graph_iri(BASE, "d1"))]


def statements(triples):
    return {s for s, p, o in triples if p == RDF + "type" and o == str(KG.Statement)}


GNA_NODE = str(iri.entity_iri(BASE, "Organization", "GNA"))
TRUCE_NODE = str(iri.concept_iri(BASE, "truce"))


def test_a_factual_relation_is_a_plain_triple_a_typed_one_and_a_statement():
    triples = document_graph(mapped(relation()))
    assert (GNA_NODE, str(KGR.reject), TRUCE_NODE) in triples
    assert (GNA_NODE, str(KG.rejects), TRUCE_NODE) in triples  # relations.tsv: reject -> kg:rejects
    (statement,) = statements(triples)
    about = {(p, o) for s, p, o in triples if s == statement}
    assert {
        (RDF + "subject", GNA_NODE),
        (RDF + "predicate", str(KGR.reject)),
        (RDF + "object", TRUCE_NODE),
        (str(KG.relationType), str(KG.rejects)),
        (str(KG.asserted), "true"),
        (str(KG.pattern), "svo"),
        (str(KG.confidence), "0.80"),
        (str(KG.relationText), "rejected"),
        (str(KG.subjectText), "The GNA"),
        (str(KG.objectText), "the truce"),
    } <= about
    # What the sentence or the build says is not repeated on the statement; false flags are not written.
    for prop in (KG.document, KG.startChar, KG.endChar, KG.extractor, KG.negated, KG.passive):
        assert not any(p == str(prop) for p, _ in about), prop
    (sentence,) = {o for p, o in about if p == str(KG.sentence)}
    assert {
        (sentence, str(KG.text), TEXT),
        (sentence, str(KG.startChar), "0"),
        (sentence, str(KG.endChar), str(len(TEXT))),
        (sentence, str(KG.document), str(iri.document_iri(BASE, "d1"))),
    } <= triples
    (build,) = {o for s, p, o in triples if p == "http://www.w3.org/ns/prov#wasGeneratedBy"}
    corpus = mapped(relation())[str(iri.corpus_graph_iri(BASE))]
    assert (build, str(KG.extractor), EXTRACTOR) in corpus


def test_qualifiers_give_the_time_on_the_calendar_and_the_place_node():
    triples = document_graph(mapped(relation()))
    (statement,) = statements(triples)
    about = {(p, o) for s, p, o in triples if s == statement}
    assert (str(KG.time), "on Thursday") in about and (str(KG.date), "2020-04-30") in about
    assert (str(KG.place), str(iri.entity_iri(BASE, "GeopoliticalEntity", "Tripoli"))) in about
    # A time is written once, as kg:time (a sub-property of kg:qualifier).
    assert {o for p, o in about if p == str(KG.qualifier)} == {"in Tripoli"}


def test_a_negated_or_hypothetical_relation_is_only_a_statement():
    for changes in ({"negated": True}, {"modality": "would"}):
        triples = document_graph(mapped(relation(**changes)))
        assert not any(p in (str(KGR.reject), str(KG.rejects)) for _, p, _ in triples), changes
        (statement,) = statements(triples)
        assert not any(s == statement and p == str(KG.asserted) for s, p, _ in triples), changes
    assert (next(iter(statements(triples))), str(KG.modality), "would") in triples


def test_a_reported_clause_is_a_proposition_of_its_document():
    clause = Argument("it will continue", "continue", 17, 33, clause=True)
    triples = document_graph(mapped(relation(predicate="say", object=clause, qualifiers=())))
    node = str(iri.proposition_iri(BASE, "d1", 17, 33))
    assert (GNA_NODE, str(KGR.say), node) in triples
    assert {
        (node, RDF + "type", str(KG.Proposition)),
        (node, RDFS + "label", "it will continue"),
    } <= triples
    (sentence,) = {o for s, p, o in triples if s == node and p == str(KG.sentence)}
    assert (sentence, str(KG.document), str(iri.document_iri(BASE, "d1"))) in triples


def test_the_corpus_graph_describes_entities_concepts_and_predicates():
    corpus = mapped(
        relation(),
        relation(object=Argument("the Truce", "Truce", 17, 26)),
        relation(object=Argument("the truce", "truce", 17, 26), start=1),
    )[str(iri.corpus_graph_iri(BASE))]
    assert {
        (GNA_NODE, RDF + "type", str(KG.Organization)),
        (GNA_NODE, RDFS + "label", "GNA"),
        (GNA_NODE, str(KG.mentionCount), "1"),
    } <= corpus
    # one concept for "truce" and "Truce": the label written most often, the other an alternative
    assert {(TRUCE_NODE, RDFS + "label", "truce"), (TRUCE_NODE, SKOS + "altLabel", "Truce")} <= corpus
    assert not any(s == str(iri.concept_iri(BASE, "Truce")) and s != TRUCE_NODE for s, _, _ in corpus)
    assert {
        # kg:rejects only for an actor's rejection (relations.tsv), so typed statement by statement
        (str(KGR.reject), RDFS + "subPropertyOf", str(KG.relatedTo)),
        (str(KGR.reject), RDF + "type", "http://www.w3.org/2002/07/owl#ObjectProperty"),
    } <= corpus


def test_batches_come_corpus_first_then_names_then_each_document():
    extraction = Extraction(Document("d1", TEXT), (GNA,), ())
    graphs = [graph for graph, _ in quad_batches([extraction], link_entities([extraction]), base=BASE)]
    assert graphs == [
        str(iri.corpus_graph_iri(BASE)),
        str(iri.names_graph_iri(BASE)),
        str(iri.document_graph_iri(BASE, "d1")),
    ]


def test_mentions_point_at_their_entity_and_say_how_they_joined_it():
    triples = document_graph(mapped(relation()))
    node = str(iri.mention_iri(BASE, "d1", 4, 7))
    assert {
        (node, str(KG.mentionOf), GNA_NODE),
        (node, str(KG.surfaceForm), "GNA"),
        (GNA_NODE, str(KG.mentionedIn), str(iri.document_iri(BASE, "d1"))),
    } <= triples
    # The name is the entity's label: the rule (canonical) goes without saying.
    assert not any(s == node and p == str(KG.mergedBy) for s, p, _ in triples)
    (sentence,) = {o for s, p, o in triples if s == node and p == str(KG.sentence)}
    assert (sentence, str(KG.text), TEXT) in triples


def test_control_characters_never_reach_a_literal():
    triples = document_graph(mapped(relation(sentence="The GNA\x00 rejected\ud800 the truce.")))
    assert any(o == "The GNA  rejected\ufffd the truce." for _, p, o in triples if p == str(KG.text))
