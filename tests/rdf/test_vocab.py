"""The closed KG namespace and the ontology file agree."""

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import KG, ONTOLOGY_IRI, class_for_label, ontology_graph


def test_every_vocab_term_is_declared_in_the_ontology_and_vice_versa():
    ontology = ontology_graph()
    declared = {
        s for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(KG._NS)) and s != ONTOLOGY_IRI
    }
    in_vocab = {KG[name] for name in KG.__annotations__}
    assert declared == in_vocab


def test_every_entity_class_is_aligned_with_schema_org_or_explains_why_not():
    ontology = ontology_graph()
    for cls in ontology.transitive_subjects(RDFS.subClassOf, KG.Entity):
        if cls == KG.Entity:
            continue
        aligned = [o for p in (OWL.equivalentClass, RDFS.subClassOf) for o in ontology.objects(cls, p)
                   if str(o).startswith("https://schema.org/")]
        assert aligned or ontology.value(cls, RDFS.comment), cls


def test_spacy_labels_map_to_classes():
    assert class_for_label("PERSON") == KG.Person
    assert class_for_label("GPE") == KG.GeopoliticalEntity
    assert class_for_label("NORP") == KG.Group
    assert class_for_label("NO_SUCH_LABEL") == KG.Entity
