"""Noun-phrase patterns, on hand-built parses (no trained model needed)."""

import spacy
from spacy.tokens import Doc

from kg.extract.nominal import load_patterns, nominal_matches


def parsed(words, heads, deps, pos, ents=()):
    """A Doc with the given parse; ``ents`` are (start, end, label) token spans."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in ents]
    return doc


def facts(doc):
    return [(m.pattern, m.subject.text, m.predicate, m.object.text, m.text) for m in nominal_matches(doc)]


def test_every_pattern_is_valid_and_named():
    entries = load_patterns()
    assert len({e["name"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["comment"] and entry["pattern"][0]["RIGHT_ID"]
        assert "build" in entry or {"predicate", "text"} <= set(entry)
    # loading them into a matcher validates them (spaCy raises MatchPatternError otherwise)
    assert nominal_matches(parsed(["x"], [0], ["ROOT"], ["NOUN"])) == []


def test_based_in():
    # the Tripoli - based GNA said
    doc = parsed(
        ["the", "Tripoli", "-", "based", "GNA", "said"],
        [4, 3, 3, 4, 5, 5],
        ["det", "npadvmod", "punct", "amod", "nsubj", "ROOT"],
        ["DET", "PROPN", "PUNCT", "VERB", "PROPN", "VERB"],
    )
    assert facts(doc) == [("name-adjective", "GNA", "based in", "Tripoli", "is based in")]


def test_a_name_adjective_whose_name_is_the_subject():
    # Libya's UN - recognised government: the parser hangs "UN" on the noun, not on the participle
    doc = parsed(
        ["Libya", "'s", "UN", "-", "recognised", "government", "said"],
        [5, 0, 5, 5, 5, 6, 6],
        ["poss", "case", "compound", "amod", "amod", "nsubj", "ROOT"],
        ["PROPN", "PART", "PROPN", "ADJ", "VERB", "NOUN", "VERB"],
        ents=[(0, 1, "GPE"), (2, 3, "ORG")],
    )
    assert facts(doc) == [("name-adjective", "UN", "recognise", "government", "recognises")]


def test_a_name_adjective_needs_a_name_before_its_hyphen():
    # the state - owned bank said: "state" names nothing
    doc = parsed(
        ["the", "state", "-", "owned", "bank", "said"],
        [4, 3, 3, 4, 5, 5],
        ["det", "npadvmod", "punct", "amod", "nsubj", "ROOT"],
        ["DET", "NOUN", "PUNCT", "VERB", "NOUN", "VERB"],
    )
    assert facts(doc) == []


def test_adjective_with_preposition_after_its_noun():
    # militias loyal to Haftar
    doc = parsed(
        ["militias", "loyal", "to", "Haftar"],
        [0, 0, 1, 2],
        ["ROOT", "amod", "prep", "pobj"],
        ["NOUN", "ADJ", "ADP", "PROPN"],
    )
    assert facts(doc) == [("adjective-prep", "militias", "be loyal to", "Haftar", "is loyal to")]


def test_apposition_role_and_alias():
    # Mesmari , a spokesman for Haftar
    doc = parsed(
        ["Mesmari", ",", "a", "spokesman", "for", "Haftar"],
        [0, 0, 3, 0, 3, 4],
        ["ROOT", "punct", "det", "appos", "prep", "pobj"],
        ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN"],
    )
    assert facts(doc) == [("apposition", "Mesmari", "spokesman for", "Haftar", "is a spokesman for")]
    # Government ( GNA ): an alias, not a fact
    doc = parsed(
        ["Government", "(", "GNA", ")"],
        [0, 0, 0, 0],
        ["ROOT", "punct", "appos", "punct"],
        ["PROPN", "PUNCT", "PROPN", "PUNCT"],
    )
    assert facts(doc) == []


def test_title_only_before_a_person_and_in_lower_case_or_a_title():
    words, heads = ["warlord", "Khalifa", "Haftar"], [2, 2, 2]
    deps, pos = ["compound", "compound", "ROOT"], ["NOUN", "PROPN", "PROPN"]
    assert facts(parsed(words, heads, deps, pos, ents=[(1, 3, "PERSON")])) == [
        ("title", "Haftar", "be", "warlord", "is")
    ]
    # "Ahmad" before "Mesmari" is a first name outside the entity, not a title
    assert (
        facts(parsed(["Ahmad", "Mesmari"], [1, 1], ["compound", "ROOT"], ["PROPN", "PROPN"], ents=[(1, 2, "PERSON")]))
        == []
    )


def test_act_nouns():
    # Haftar 's truce offer
    doc = parsed(
        ["Haftar", "'s", "truce", "offer"],
        [3, 0, 3, 3],
        ["poss", "case", "compound", "ROOT"],
        ["PROPN", "PART", "NOUN", "NOUN"],
    )
    assert facts(doc) == [("possessive-act", "Haftar", "offer", "truce", "offer")]


def test_act_noun_with_its_object_preposition_and_its_doer():
    # the takeover of Abbey by Santander (issue 18)
    words = ["the", "takeover", "of", "Abbey", "by", "Santander"]
    heads, deps = [1, 1, 1, 2, 1, 4], ["det", "ROOT", "prep", "pobj", "prep", "pobj"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN"]
    assert facts(parsed(words, heads, deps, pos)) == [("act-by", "Santander", "take over", "Abbey", "takeover of")]
    # the takeover at noon by Santander: "at" introduces no object of a takeover
    words[2:4] = ["at", "noon"]
    assert facts(parsed(words, heads, deps, ["DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN"])) == []
    # Santander 's bid for Abbey: the possessive is the bidder
    words, heads = ["Santander", "'s", "bid", "for", "Abbey"], [2, 0, 2, 2, 3]
    deps, pos = ["poss", "case", "ROOT", "prep", "pobj"], ["PROPN", "PART", "NOUN", "ADP", "PROPN"]
    assert facts(parsed(words, heads, deps, pos)) == [("act-object", "Santander", "bid for", "Abbey", "bid for")]
