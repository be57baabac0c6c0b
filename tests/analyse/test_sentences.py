"""Sentence boundaries: a headline is its own sentence, and a line's first word is not."""

import pytest

pytestmark = pytest.mark.model


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_headline_is_its_own_sentence(nlp):
    assert sentences(nlp, "Rebels reject truce\nThe rebels rejected the truce on Monday.") == [
        "Rebels reject truce", "The rebels rejected the truce on Monday."]


@pytest.mark.parametrize("name", ["Haftar", "Mesmari"])
def test_a_name_starting_a_line_stays_in_its_sentence(nlp, name):
    # spaCy's small model alone splits "Haftar" | "attacked Tripoli in April."
    assert sentences(nlp, f"Headline\n{name} attacked Tripoli in April. He left.") == [
        "Headline", f"{name} attacked Tripoli in April.", "He left."]


def test_a_quote_starting_a_line_is_kept(nlp):
    assert sentences(nlp, 'Headline\n"Yes," he said.') == ["Headline", '"Yes," he said.']
