"""The trained name-type model: shipped weights, features that never name a name, and its use by mentions()."""

import pytest

from kg.extract import mentions
from kg.extract.name_model import MODEL_TYPES, type_probabilities
from kg.lang import lexicon

#: The kinds of features name_features writes: how a name is written and where it stands.
KINDS = (
    "label=",
    "len=",
    "shape=",
    "suffix=",
    "prev",
    "next",
    "dep=",
    "head=",
    "first-name",
    "organisation-word",
    "place-word",
    "facility-word",
    "particle",
    "gazetteer=",
    "owns=",
)


def test_the_shipped_model_is_trained_and_names_no_name():
    model = lexicon().type_model
    assert set(model["labels"]) == set(MODEL_TYPES) and 0.5 <= model["threshold"] <= 1.0
    assert "train.jsonl" in model["source"]  # trained on CoNLL04's training split only
    features = {f for weights in model["weights"].values() for f in weights}
    assert features and all(f.startswith(KINDS) for f in features)


def test_probabilities_sum_to_one():
    model = lexicon().type_model
    scores = type_probabilities(model, {"label=ORG": 1.0, "shape=title": 1.0, "len=1": 1.0})
    assert set(scores) == set(model["labels"]) and abs(sum(scores.values()) - 1.0) < 1e-9


@pytest.mark.model
def test_a_surname_spacy_calls_an_organisation_is_a_person(nlp):
    doc = nlp("Lincoln was shot by an actor in Washington.")
    assert [e.label_ for e in doc.ents if e.text == "Lincoln"] == ["ORG"]  # spaCy's guess
    found = {m.text: m for m in mentions(doc, doc_id="t")}
    assert (found["Lincoln"].label, found["Lincoln"].typed_by) == ("PERSON", "classifier")
    assert {m.text: m.label for m in mentions(doc, doc_id="t", retype=False)}["Lincoln"] == "ORG"


@pytest.mark.model
def test_a_company_that_owns_its_sales_stays_a_company(nlp):
    # the model alone would call it a person (CoNLL04's subjects of "said" mostly are); "its" says otherwise
    found = {m.text: m for m in mentions(nlp("Boston Scientific said on Monday its sales rose."), doc_id="t")}
    assert (found["Boston Scientific"].label, found["Boston Scientific"].typed_by) == ("ORG", "pronoun")


def test_a_names_features_say_what_it_owns_and_what_the_gazetteer_knows_it_as(nlp):
    from kg.extract.name_model import name_features

    doc = nlp("Wigan's new players arrived in Bolton on Monday.")
    wigan = name_features(doc[0:1], "PERSON")
    assert wigan["owns=player"] == 1.0
    bolton = name_features(doc[6:7], "GPE")
    assert bolton["gazetteer=city"] == bolton["label=GPE|gazetteer=city"] == 1.0
    assert not any(f.startswith("owns=") for f in bolton)
