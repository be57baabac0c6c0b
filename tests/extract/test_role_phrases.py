"""Facts stated by the shape of a noun phrase (issue 18): a person's role in a named body, by apposition,
possessive or title, typed by the role; and the maker of a named product, inferred from a possessive
(needs the model). The sentences are written for these tests, in the style of wire copy."""

import pytest

from kg.extract import extract
from kg.read import document_from_text
from kg.vocab import typed_relation

pytestmark = pytest.mark.model


def relations_of(nlp, text):
    document = document_from_text("Headline\n" + text, doc_id="t")
    return extract(document, nlp(document.text)).relations


def read(relations):
    """(subject, predicate, object, pattern) of each relation with an object."""
    return {(r.subject.label, r.predicate, r.object.label, r.pattern) for r in relations if r.object is not None}


def test_a_role_in_apposition_keeps_its_narrowing_words_and_hyphenated_parts(nlp):
    facts = read(relations_of(nlp, "Steve Ballmer, chief executive of Microsoft, said sales had risen."))
    assert ("Steve Ballmer", "chief executive of", "Microsoft", "apposition") in facts
    facts = read(relations_of(nlp, "Larry Page, co-founder of Google, spoke at the conference on Monday."))
    assert ("Larry Page", "co-founder of", "Google", "apposition") in facts
    # a hyphenated modifier is written whole, never a part of it alone ("ex", "wide")
    facts = read(relations_of(nlp, "John Smith, Labour's ex-economic adviser to the chancellor, spoke."))
    assert ("John Smith", "ex-economic adviser to", "chancellor", "apposition") in facts


def test_a_possessive_role_names_the_body_whose_role_it_is(nlp):
    facts = read(relations_of(nlp, "Howard Stringer, Sony's chief executive, said the firm would cut jobs."))
    assert ("Howard Stringer", "chief executive of", "Sony", "apposition") in facts
    facts = read(relations_of(nlp, "Microsoft's chairman Bill Gates unveiled the new software on Thursday."))
    assert ("Bill Gates", "chairman of", "Microsoft", "apposition") in facts


def test_a_body_named_before_a_title_is_the_body_whose_role_it_is(nlp):
    facts = read(relations_of(nlp, "Microsoft chairman Bill Gates unveiled the new software on Thursday."))
    assert ("Bill Gates", "chairman of", "Microsoft", "title") in facts
    facts = read(relations_of(nlp, "Labour Party chairman Ian McCartney spoke on Sunday."))
    assert ("Ian McCartney", "chairman of", "Labour Party", "title") in facts
    facts = read(relations_of(nlp, "France coach Bernard Laporte has made four changes to his side."))
    assert ("Bernard Laporte", "coach of", "France", "title") in facts
    # a country before a role it does not hold says where the person is from, not whose role it is
    facts = read(relations_of(nlp, "US actor Jamie Foxx has been given two nominations for Golden Globe awards."))
    assert not any(p.endswith(" of") for _, p, _, _ in facts)
    # a nationality or a plain word before the title is no body: the title stays what the person is
    facts = read(relations_of(nlp, "Former chairman John Smith said the deal was a mistake."))
    assert not any(p.endswith(" of") for _, p, _, _ in facts)


def test_roles_are_typed_by_what_the_role_is():
    assert str(typed_relation("chief executive of", "Person", "Organization")).endswith("#leaderOf")
    assert str(typed_relation("chairman of", "Person", "Organization")).endswith("#leaderOf")
    assert str(typed_relation("director of", "Person", "Organization")).endswith("#worksFor")
    assert str(typed_relation("captain of", "Person", "Organization")).endswith("#memberOf")
    assert typed_relation("co-founder of", "Person", "Organization") is None  # founding is not leading
    assert typed_relation("former chairman of", "Person", "Organization") is None


def test_a_named_product_of_a_named_company_is_inferred_to_be_its_making(nlp):
    [made] = [
        r for r in relations_of(nlp, "Sony's PlayStation sold more than 50 million units.") if r.pattern == "maker"
    ]
    assert (made.subject.label, made.predicate, made.object.label) == ("Sony", "make", "PlayStation")
    assert made.reading == "inferred" and made.confidence <= 0.6  # a statement, not a plain fact
    # a title holding a possessive, a person's work, and a person a club's name owns are no products
    assert not [r for r in relations_of(nlp, "Ocean's Twelve went straight to number one.") if r.pattern == "maker"]
    text = "She starred in Jean-Pierre Jeunet's A Very Long Engagement."
    assert not [r for r in relations_of(nlp, text) if r.pattern == "maker"]
    text = "Manchester United's Wayne Rooney scored twice against Arsenal."
    assert not [r for r in relations_of(nlp, text) if r.pattern == "maker"]


def test_sport_idioms_say_who_scored_for_whom(nlp):
    facts = read(relations_of(nlp, "Chelsea took the lead through Frank Lampard after ten minutes."))
    assert ("Frank Lampard", "score for", "Chelsea", "score-idiom") in facts
    facts = read(relations_of(nlp, "Henrik Larsson fired Celtic ahead in the first half."))
    assert ("Henrik Larsson", "score for", "Celtic", "score-idiom") in facts
    # the scorer named as the goal's owner or maker
    facts = read(relations_of(nlp, "Wayne Rooney's goal gave Manchester United the lead."))
    assert ("Wayne Rooney", "score for", "Manchester United", "score-idiom") in facts
    facts = read(relations_of(nlp, "Leeds drew level through a penalty from Mark Viduka."))
    assert ("Mark Viduka", "score for", "Leeds", "score-idiom") in facts
    # a clause joined to the verb's is not its idiom's: the lead was restored by someone else
    text = "Richie Byrne's header gave Aberdeen hope, but Stevie Crawford restored United's lead."
    assert not [r for r in relations_of(nlp, text) if r.pattern == "score-idiom"]
    # the clause's polarity is the fact's; without names on both sides there is no idiom
    [denied] = [
        r for r in relations_of(nlp, "Chelsea did not take the lead through Lampard.") if r.pattern == "score-idiom"
    ]
    assert denied.negated
    assert not [
        r for r in relations_of(nlp, "The company took the lead through its new chip.") if r.pattern == "score-idiom"
    ]
    assert not [
        r for r in relations_of(nlp, "The deal put the firm ahead of its rivals.") if r.pattern == "score-idiom"
    ]


def test_a_win_with_its_score_says_who_beat_whom(nlp):
    facts = read(relations_of(nlp, "Arsenal won 3-1 against Everton on Saturday."))
    assert ("Arsenal", "beat", "Everton", "score-idiom") in facts
    # no score, no match: a contract won against competition is no game
    facts = read(relations_of(nlp, "Sony won the contract against stiff competition."))
    assert not any(p == "beat" for _, p, _, _ in facts)


def test_two_names_side_by_side_state_no_identity(nlp):
    # a list the parser reads as an apposition: Henin is not Clijsters (the role apposition stays)
    document = document_from_text(
        "Headline\nBelgium's top players, Justine Henin, Kim Clijsters, withdrew.", doc_id="t"
    )
    found = extract(document, nlp(document.text)).relations
    appositions = [(r.subject.label, r.object.label) for r in found if r.pattern == "apposition" and r.object]
    assert ("Justine Henin", "Kim Clijsters") not in appositions
    assert ("Justine Henin", "top player") in appositions
