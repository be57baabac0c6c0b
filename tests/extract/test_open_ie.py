"""Issue 18 (CaRB gaps): list items spaCy reads as appositions, a passive's predicative complement and
two-word prepositions (needs the English model). Sentences written for these tests."""

import pytest

from kg.extract import extract
from kg.read import document_from_text

pytestmark = pytest.mark.model


def written(nlp, text):
    document = document_from_text("Headline\n" + text, doc_id="t")
    return {r.as_written()[:3] for r in extract(document, nlp(document.text)).relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board includes the chairman of the bank, the head of sales, and the finance director.",
            {"the chairman of the bank", "the head of sales", "the finance director"},
        ),
        (
            "Guests included the president of the club, the captain of the team, and the coach.",
            {"the president of the club", "the captain of the team", "the coach"},
        ),
        (
            # the middle item hangs on the first one's prepositional object
            "These include any Adviser to the Governor, Deputy Adviser to the Governor, and Special Adviser to "
            "the Governor.",
            {"any Adviser to the Governor", "Deputy Adviser", "Special Adviser"},
        ),
    ],
)
def test_a_list_read_as_an_apposition_gives_each_item(nlp, text, expected):
    found = written(nlp, text)
    assert expected <= {o for _, r, o in found if r.startswith("includ")}, found


def test_a_true_apposition_is_not_a_list_item(nlp):
    found = written(nlp, "Police arrested John Smith, a builder, and his brother.")
    assert ("Police", "arrested", "a builder") not in found
    assert ("Police", "arrested", "John Smith") in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("In 1999, she was elected party leader.", ("she", "was elected", "party leader")),
        ("The company was renamed Northgate in 2004.", ("The company", "was renamed", "Northgate")),
        ("Mr Brown was appointed chief executive last year.", ("Mr Brown", "was appointed", "chief executive")),
    ],
)
def test_what_a_passive_subject_became_is_its_object(nlp, text, triple):
    assert triple in written(nlp, text)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "The striker was ruled out of the match with a knee injury.",
            ("The striker", "was ruled out of", "the match"),
        ),
        ("The bank pulled out of the deal in March.", ("The bank", "pulled out of", "the deal")),
    ],
)
def test_a_two_word_preposition_stays_whole(nlp, text, triple):
    assert triple in written(nlp, text)


def test_a_date_that_ends_an_object_is_a_time_of_the_clause(nlp):
    document = document_from_text("Headline\nThe Rovers were a touring football team in the 1920s.", doc_id="t")
    [relation] = [r for r in extract(document, nlp(document.text)).relations if r.as_written()[1] == "were"]
    assert relation.as_written()[2] == "a touring football team"
    assert [q.text for q in relation.qualifiers] == ["in the 1920s"]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "The new browser seems to be drawing users away from Netscape.",
            ("The new browser", "seems to be drawing users away from", "Netscape"),
        ),
        ("The club lured fans away from Rovers.", ("The club", "lured fans away from", "Rovers")),
    ],
)
def test_a_bare_noun_led_away_from_a_name_is_part_of_the_relation(nlp, text, triple):
    assert triple in written(nlp, text)


def test_a_particle_without_a_name_after_it_stays_a_particle(nlp):
    assert ("The coach", "pushed aside", "the plan") in written(nlp, "The coach pushed the plan aside.")


def subjects_of(nlp, text, predicate):
    document = document_from_text("Headline\n" + text, doc_id="t")
    return [r.subject.label for r in extract(document, nlp(document.text)).relations if r.predicate == predicate]


def test_a_relative_clause_on_an_apposition_is_said_of_the_name(nlp):
    text = "The album was mixed by John Hart, the former Oasis drummer who produced the band's first single."
    assert subjects_of(nlp, text, "produce") == ["John Hart"]
    assert subjects_of(nlp, "They met Anna Berg, a lawyer who represents the union.", "represent") == ["Anna Berg"]


def test_a_list_item_after_a_name_is_not_the_name(nlp):
    text = "The prize went to Tom Hale, his daughter who owns the farm, and his son."
    assert subjects_of(nlp, text, "own") == ["daughter"]


def test_a_win_hung_on_the_object_is_the_subjects(nlp):
    text = "Rovers set up an all Irish cup final with a 3-2 win over Cork City in Dublin on Sunday."
    assert subjects_of(nlp, text, "win over") == ["Rovers"]
    # an act with no other party ("a promise of talks") says nothing of the subject
    assert subjects_of(nlp, "The company signed a deal with a promise of talks with the union.", "promise") == []
