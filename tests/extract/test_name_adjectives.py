"""Adjectives made of a name and a participle ("the Tripoli-based GNA", "the UN-recognised government",
"Saudi-backed forces") read the right way round, and keep the pair classifier off their name."""

import pytest

from kg.extract import extract
from kg.lang import lexicon
from kg.model import Document
from kg.vocab import KG, typed_relation

pytestmark = pytest.mark.model


def read(nlp, text):
    relations = extract(Document(id="d", text=text), nlp(text)).relations
    return {(r.subject.text, r.predicate, r.object.text if r.object else None, r.pattern) for r in relations}


def test_based_gives_the_noun_based_in_the_name(nlp):
    found = read(nlp, "The Geneva-based charity said it had lost two workers.")
    assert ("The Geneva-based charity", "based in", "Geneva", "name-adjective") in found


def test_recognised_makes_the_name_the_subject_and_never_based_in(nlp):
    found = read(nlp, "The UN-recognised government in Tripoli said Libya would not sign the deal.")
    assert ("UN", "recognise", "The UN-recognised government in Tripoli", "name-adjective") in found
    assert not [f for f in found if f[0] == "UN" and f[1] != "recognise"]


def test_backed_and_owned(nlp):
    found = read(nlp, "The Iranian-backed rebels seized the Kremlin-owned tanker near the coast.")
    assert ("Iranian", "back", "The Iranian-backed rebels", "name-adjective") in found
    assert ("Kremlin", "own", "the Kremlin-owned tanker", "name-adjective") in found


def test_a_person_near_a_based_adjective_does_not_live_in_its_place(nlp):
    found = read(nlp, "John Smith of the Paris-based OECD said growth would slow next year.")
    assert ("John Smith", "work for", "OECD", "classifier") in found
    assert not [f for f in found if f[0] == "John Smith" and f[1] == "live in"]


def test_the_company_the_adjective_modifies_is_based_there(nlp):
    # "the Tokyo-based carmaker" refers to Toyota (its apposition), so the adjective's own reading links
    # Toyota; the classifier's reading of the same pair is not needed beside it.
    text = "The Tokyo-based carmaker Toyota said sales rose in March."
    relations = extract(Document(id="d", text=text), nlp(text)).relations
    based = [r for r in relations if r.predicate == "based in" and r.object and r.object.text == "Tokyo"]
    assert [(r.subject.mention.text if r.subject.mention else None, r.reading) for r in based] == [("Toyota", "stated")]


def test_the_table_is_data_and_its_relations_are_typed_where_the_ontology_has_them():
    table = lexicon().name_adjectives
    assert table["based"] == ("based in", "is based in", "noun")
    assert table["recognised"][2] == "name"
    assert typed_relation(table["based"][0], "Organization", "GeopoliticalEntity") == KG.basedIn
    assert typed_relation(table["backed"][0], "Group", "Concept") == KG.supports


def test_a_name_made_an_adjective_by_a_prefix_is_paired_with_nothing(nlp):
    # "anti-EU UK Independence Party": the "EU UK" of "anti-EU" is no employer (hyphen_prefixes.txt)
    found = read(nlp, "Nigel Farage of the anti-EU UK Independence Party said the vote was a triumph.")
    employer = ("Nigel Farage", "work for", "Independence Party", "classifier")
    assert [f for f in found if f[3] == "classifier"] == [employer]


def test_a_name_in_any_hyphenated_adjective_modifies_its_noun_only(nlp):
    # "listed" is in no table: the name still only describes the shares, so the company that owns
    # them is not based in Singapore (nor the person near it living there).
    text = "The holding company, owned by the Dutch state, holds most of Keppel Marine's Singapore-listed shares."
    found = read(nlp, text)
    assert not [f for f in found if f[3] == "classifier" and "Singapore" in (f[0], f[2])]


def test_a_place_in_a_fronted_phrase_is_where_the_clause_happens(nlp):
    # "In London, ..." sets the scene of the clause: nobody in it is said to be based or live there.
    found = read(nlp, "In London, Keppel Marine said its profit rose.")
    assert not [f for f in found if f[3] == "classifier" and "London" in (f[0], f[2])]


def test_a_country_owning_a_person_is_no_place_she_lives(nlp):
    # "India's Sania Mirza": whose she is (a nationality), not where she lives
    found = read(nlp, "India's Sania Mirza beat Kim Clijsters in the second round.")
    assert not [f for f in found if f[3] == "classifier" and f[1] == "live in" and f[2] == "India"]
