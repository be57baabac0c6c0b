"""Relation extraction on real sentences (needs the English model)."""

import pytest

from kg.extract import extract
from kg.read import document_from_text, read_text_file
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def triples_of(nlp, text):
    document = document_from_text(text, doc_id="t")
    extraction = extract(document, nlp(document.text))
    return {
        (r.subject.label, r.predicate, r.object.label): r for r in extraction.relations
    }


@pytest.fixture(scope="module")
def example(nlp):
    document = read_text_file(EXAMPLE)
    extraction = extract(document, nlp(document.text))
    return {(r.subject.label, r.predicate, r.object.label, r.negated): r for r in extraction.relations}


def test_relative_clause_subject_is_the_antecedent(example):
    # "... a spokesman for Haftar, who controls the east and swathes of southern Libya"
    assert ("Haftar", "control", "east", False) in example


def test_nominal_subject_resolves_to_the_named_entity(example):
    # "Libya's UN-recognised government on Thursday rejected a truce ..."
    relation = example[("Government of National Accord", "reject", "truce", False)]
    assert relation.subject.via == "nominal"
    assert relation.subject.text == "Libya's UN-recognised government"
    assert relation.sentence.startswith("Libya's UN-recognised government on Thursday rejected")


def test_negation_modality_and_attribution(example):
    # "... announced that it will not follow the truce ..."
    relation = example[("Government of National Accord", "follow", "truce", True)]
    assert relation.modality == "will"
    assert relation.subject.via == "pronoun"
    assert relation.attribution.label == "Government of National Accord"
    assert not relation.is_factual
    # "... saying it 'did not trust' the announcement"
    assert example[("Government of National Accord", "trust", "announcement", True)].negated


def test_reduced_relative_passive_has_the_agent_as_subject(example):
    # "the truce unilaterally called by warlord Khalifa Haftar"
    relation = example[("Khalifa Haftar", "call", "truce", False)]
    assert relation.pattern == "reduced-relative-passive"


def test_apposition_with_preposition(example):
    relation = example[("Ahmad al Mesmari", "spokesman for", "Haftar", False)]
    assert relation.pattern == "apposition"


def test_no_relation_from_a_relative_pronoun_alone(example):
    assert not any(key[0] in ("who", "which") or key[2] in ("who", "which") for key in example)


def test_passive_with_agent(nlp):
    found = triples_of(nlp, "Ceasefire collapses\nThe ceasefire was rejected by the rebels.")
    assert ("rebel", "reject", "ceasefire") in found
    assert found[("rebel", "reject", "ceasefire")].pattern == "passive"


def test_verb_particle_and_preposition(nlp):
    found = triples_of(nlp, "Talks\nThe rebels laid down their weapons. The council called for calm.")
    assert ("rebel", "lay down", "weapon") in found
    assert ("council", "call for", "calm") in found


def test_coordinated_objects_give_one_relation_each(nlp):
    found = triples_of(nlp, "Army moves\nThe army seized the airport and the harbour.")
    assert {("army", "seize", "airport"), ("army", "seize", "harbour")} <= set(found)


def test_hypothetical_is_not_factual(nlp):
    found = triples_of(nlp, "Talks\nThe rebels may reject the offer.")
    relation = found[("rebel", "reject", "offer")]
    assert relation.modality == "may" and not relation.is_factual


def test_headline_is_its_own_sentence(nlp):
    document = read_text_file(EXAMPLE)
    doc = nlp(document.text)
    first = next(iter(doc.sents))
    assert first.text.strip() == document.title


@pytest.mark.parametrize(
    "sentence, triple, modality",
    [
        ("The rebels did not attack or capture the city.", ("rebel", "capture", "city"), None),
        ("The army signed no agreement.", ("army", "sign", "agreement"), None),
        ("The GNA denied that the militia controls the port.", ("militia", "control", "port"), None),
        ("If the rebels attack the city, the army will respond.", ("rebel", "attack", "city"), "if"),
        ("Did the rebels reject the truce?", ("rebel", "reject", "truce"), "question"),
    ],
)
def test_denied_conditional_and_asked_are_not_facts(nlp, sentence, triple, modality):
    found = triples_of(nlp, "Headline\n" + sentence)
    relation = found[triple]
    assert not relation.is_factual
    assert relation.modality == modality
