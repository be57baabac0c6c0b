"""Typed relations only when they are right (issue 18): the classifier's guesses are statements, not
facts; argument-class constraints veto impossible pairs, for the rules and the classifier alike."""

from pathlib import Path

import pytest

from kg.model import Argument, Document, Extraction, Mention, Relation
from kg.rdf import iri
from kg.rdf.mapping import quad_batches
from kg.rdf.record import decode_extraction, encode_extraction
from kg.resolve import link_entities
from kg.vocab import KG, KGR, typed_relation, typing_rules

BASE = "https://example.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

TEXT = "Peter Hale, a lawyer from Leeds, joined Barclays."
HALE = Mention("d1", 0, 10, "Peter Hale", "PERSON", 0)
LEEDS = Mention("d1", 26, 31, "Leeds", "GPE", 0)
BARCLAYS = Mention("d1", 40, 48, "Barclays", "ORG", 0)


def classified(predicate: str, head: Mention, tail: Mention, reading: str, confidence: float) -> Relation:
    """A relation as the pair classifier reads it between two names of TEXT."""
    return Relation(
        doc_id="d1",
        subject=Argument(head.text, head.text, head.start, head.end, mention=head),
        predicate=predicate,
        object=Argument(tail.text, tail.text, tail.start, tail.end, mention=tail),
        sentence=TEXT,
        start=0,
        end=len(TEXT),
        pattern="classifier",
        confidence=confidence,
        relation_text=predicate,
        reading=reading,  # type: ignore[arg-type]
    )


def document_triples(*relations: Relation) -> set[tuple[str, str, str]]:
    extraction = Extraction(Document("d1", TEXT), (HALE, LEEDS, BARCLAYS), relations)
    for graph, quads in quad_batches([extraction], link_entities([extraction]), base=BASE):
        if graph == str(iri.document_graph_iri(BASE, "d1")):
            return {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    raise AssertionError("no document graph")


def node(mention: Mention, cls: str) -> str:
    return str(iri.entity_iri(BASE, cls, mention.text))


def statement_about(triples, subject: str) -> dict[str, str]:
    (statement,) = {s for s, p, o in triples if p == RDF + "subject" and o == subject}
    return {p: o for s, p, o in triples if s == statement}


def test_an_inferred_reading_is_a_fact_with_its_type_and_confidence():
    triples = document_triples(classified("live in", HALE, LEEDS, "inferred", 0.91))
    hale, leeds = node(HALE, "Person"), node(LEEDS, "GeopoliticalEntity")
    assert (hale, str(KGR["live-in"]), leeds) in triples
    assert (hale, str(KG.livesIn), leeds) in triples
    about = statement_about(triples, hale)
    assert about[str(KG.asserted)] == "true"
    assert about[str(KG.relationType)] == str(KG.livesIn)
    assert about[str(KG.confidence)] == "0.91"


def test_a_guess_below_the_threshold_is_a_statement_with_its_confidence_but_no_fact():
    triples = document_triples(classified("live in", HALE, LEEDS, "guess", 0.55))
    hale = node(HALE, "Person")
    assert not {(s, o) for s, p, o in triples if p in (str(KGR["live-in"]), str(KG.livesIn))}
    about = statement_about(triples, hale)
    assert str(KG.asserted) not in about
    assert about[str(KG.relationType)] == str(KG.livesIn)  # readers can still ask for it, with its confidence
    assert about[str(KG.confidence)] == "0.55"
    assert about[str(KG.pattern)] == "classifier"


def test_an_inferred_reading_whose_classes_a_constraint_vetoes_is_not_asserted():
    # The classifier said "based in", but the object is an organisation: no fact at all.
    triples = document_triples(classified("based in", BARCLAYS, HALE, "inferred", 0.9))
    barclays = node(BARCLAYS, "Organization")
    assert not {(s, p) for s, p, o in triples if s == barclays and p in (str(KGR["based-in"]), str(KG.basedIn))}
    about = statement_about(triples, barclays)
    assert str(KG.asserted) not in about and str(KG.relationType) not in about


def test_a_stated_relation_whose_typed_reading_is_vetoed_keeps_its_plain_triple():
    stated = classified("based in", BARCLAYS, HALE, "stated", 0.7)
    triples = document_triples(stated)
    barclays, hale = node(BARCLAYS, "Organization"), node(HALE, "Person")
    assert (barclays, str(KGR["based-in"]), hale) in triples  # the sentence's own words
    assert (barclays, str(KG.basedIn), hale) not in triples


def test_the_reading_survives_the_extraction_record():
    relation = classified("live in", HALE, LEEDS, "guess", 0.55)
    record = encode_extraction(Extraction(Document("d1", TEXT), (HALE, LEEDS, BARCLAYS), (relation,)))
    decoded = decode_extraction(record)
    assert decoded is not None and decoded.relations[0].reading == "guess"
    assert not decoded.relations[0].is_factual


@pytest.mark.parametrize(
    ("lemma", "subject", "obj", "typed"),
    [
        ("based in", "Organization", "GeopoliticalEntity", KG.basedIn),
        ("based in", "Organization", "Organization", None),  # an organisation is not based in an organisation
        ("work for", "Person", "Organization", KG.worksFor),
        ("work for", "Person", "Concept", None),  # works for needs an organisation
        ("work for", "Person", "Entity", None),  # an untyped name passes no class
        ("live in", "Person", "Location", KG.livesIn),
        ("live in", "Organization", "Location", None),  # lives in needs a person ...
        ("live in", "Person", "Organization", None),  # ... and a place
        ("kill", "Person", "Person", KG.kills),
        ("kill", "Concept", "Concept", KG.kills),  # "the blast killed 20 people"
        ("kill", "Person", "GeopoliticalEntity", None),  # kills needs a person (or people) object
        ("reject", "Organization", "Concept", KG.rejects),
        ("reject", "Entity", "Concept", None),  # an untyped name is no actor
        ("reject", "Facility", "Concept", None),
        ("leader of", "Person", "GeopoliticalEntity", KG.leaderOf),
        ("minister of", "Person", "Concept", None),  # "minister of finance" works for no finance
        ("tell", "Person", "Organization", None),  # "told Reuters": the one told is nothing said
        ("tell", "Person", "Proposition", KG.says),
    ],
)
def test_argument_class_constraints(lemma, subject, obj, typed):
    assert typed_relation(lemma, subject, obj) == typed


def test_every_typed_relation_rule_has_a_constraint():
    # A rule with * on both sides would make every reading of its verb typed, whatever its arguments.
    assert [rule.lemma for rule in typing_rules() if rule.subject == "*" and rule.object == "*"] == []


#: One class of each kind an argument's node can have (the untyped name is kg:Entity).
NODE_CLASSES = (
    "Person",
    "Organization",
    "GeopoliticalEntity",
    "Location",
    "Facility",
    "Group",
    "Concept",
    "Entity",
    "Event",
    "Proposition",
)


def test_the_shapes_state_the_constraints_of_relations_tsv():
    """For each typed relation, a triple whose subject (or object) is of each class of node: kg
    validate reports exactly the ones relations.tsv would not type."""
    from rdflib import RDF as RDF_NS
    from rdflib import Graph, URIRef

    from kg.validate import validate

    graph = Graph()
    expected = set()
    from kg.vocab import relation_constraints

    for name, found in relation_constraints().items():
        relation = KG[name]
        allowed = {side: found[side] or set(NODE_CLASSES) for side in ("subject", "object")}
        fine = {side: sorted(allowed[side])[0] for side in allowed}
        for side in ("subject", "object"):
            for cls in NODE_CLASSES:
                subject = URIRef(f"{BASE}{name}/{side}/{cls}")
                obj = URIRef(f"{BASE}{name}/{side}/{cls}/object")
                graph.add((subject, RDF_NS.type, KG[cls if side == "subject" else fine["subject"]]))
                graph.add((obj, RDF_NS.type, KG[cls if side == "object" else fine["object"]]))
                graph.add((subject, relation, obj))
                if cls not in allowed[side]:
                    expected.add((str(subject), side))
    found_violations = {
        (v.focus, v.message.split()[1]) for v in validate(graph) if v.message.endswith("relations.tsv allows")
    }
    assert found_violations == expected
    assert (f"{BASE}livesIn/subject/Organization", "subject") in expected
    assert (f"{BASE}worksFor/object/Entity", "object") in expected


def test_the_shapes_file_holds_the_constraints_generated_from_relations_tsv():
    # shapes.ttl is read by any SHACL tool, so the generated shapes are written into it; after an
    # edit of relations.tsv the file must be regenerated (kg.vocab.constraint_shapes says how).
    from kg.vocab import constraint_shapes

    text = (Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    assert text.endswith(constraint_shapes())
    assert "kg:BidsForShape" in text and "kg:LivesInShape" in text


def test_a_relation_of_an_entity_to_itself_is_no_fact():
    # "Peter Hale ... Hale": both arguments name one entity; "Peter Hale is Hale" tells a reader nothing. It stays
    # a statement (so a removal of its document undoes exactly what the build wrote), never asserted or typed.
    hale_again = Mention("d1", 0, 10, "Peter Hale", "PERSON", 0)
    relation = Relation(
        doc_id="d1",
        subject=Argument(HALE.text, HALE.text, HALE.start, HALE.end, mention=HALE),
        predicate="be",
        object=Argument(hale_again.text, hale_again.text, hale_again.start, hale_again.end, mention=hale_again),
        sentence=TEXT,
        start=0,
        end=len(TEXT),
        pattern="apposition",
        relation_text="is",
    )
    triples = document_triples(relation, classified("join", HALE, BARCLAYS, "stated", 0.9))
    hale = node(HALE, "Person")
    assert (hale, str(KGR["be"]), hale) not in triples
    asserted = {s for s, p, o in triples if p == str(KG.asserted)}
    statements = {s for s, p, o in triples if p == f"{RDF}type" and o.endswith("#Statement")}
    assert len(statements) == 2 and len(asserted) == 1  # the joining only is a fact


def test_a_guess_is_drawn_apart_from_facts_as_uncertain():
    # the views read kg:asserted: a classifier's guess is an edge of its own, not asserted, dashed
    import pyoxigraph as ox

    from kg.render.nx import to_networkx

    extraction = Extraction(
        Document("d1", TEXT),
        (HALE, LEEDS, BARCLAYS),
        (
            classified("live in", HALE, LEEDS, "guess", 0.55),
            classified("work for", HALE, BARCLAYS, "inferred", 0.9),
        ),
    )
    store = ox.Store()
    for _graph, quads in quad_batches([extraction], link_entities([extraction]), base=BASE):
        store.extend(quads)
    edges = {data["relation"]: data["asserted"] for _, _, data in to_networkx(store).edges(data=True)}
    assert edges == {"live in": False, "work for": True}
