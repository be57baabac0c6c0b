"""Names spaCy's small model never tagged (kg.extract.candidates): found, typed, and no junk (needs the model)."""

import pytest

from kg.extract import mentions

pytestmark = pytest.mark.model


def found(nlp, text):
    """(name, label) of every mention, in order."""
    return [(m.text, m.label) for m in mentions(nlp(text), doc_id="t")]


def test_a_town_the_text_names_again_and_again_is_a_place_each_time(nlp):
    text = (
        "Labour will hold its spring conference in Blackpool. Delegates said Blackpool had been good "
        "to the party, and hotels in Blackpool were full."
    )
    assert found(nlp, text).count(("Blackpool", "GPE")) == 3  # spaCy tags two of the three


def test_a_town_in_a_list_is_a_place_the_gazetteer_knows(nlp):
    text = "Towns such as Basingstoke, Shrewsbury, Dorset and Torbay were targeted."
    assert ("Shrewsbury", "GPE") in found(nlp, text)


def test_a_month_after_a_first_name_is_a_surname(nlp):
    text = 'The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced last year."'
    assert ("Theresa May", "PERSON") in found(nlp, text)


def test_an_honorific_and_a_surname_the_model_missed_are_a_person(nlp):
    text = "Mr Balls, who stepped down as adviser, said the Budget would be fair. Mr Balls refused to say more."
    assert found(nlp, text).count(("Mr Balls", "PERSON")) == 2


def test_a_company_in_its_context_is_an_organisation(nlp):
    names = found(nlp, "Shares in Gazprom fell. Gazprom's shares have fallen by a third this year.")
    assert names == [("Gazprom", "ORG"), ("Gazprom", "ORG")]


def test_a_name_nothing_types_is_a_plain_entity(nlp):
    # no word, context, gazetteer entry or short form says what it is: a kg:Entity, not a guess
    assert found(nlp, "An attempt to sell the Millennium Dome failed due to a lack of bids, the report said.") == [
        ("Millennium Dome", "ENTITY")
    ]
    assert ("Hard Rock Cafes", "ENTITY") in found(nlp, "The firm owns more than 100 Hard Rock Cafes in 38 countries.")


def test_a_value_next_to_a_name_does_not_make_it_a_piece_of_another(nlp):
    text = "The club plays in the FA Cup fifth round replay at Sheffield next week."
    assert ("FA Cup", "EVENT") in found(nlp, text)


@pytest.mark.parametrize(
    "text, junk",
    [
        # titles and roles are not names, nor the model's name's other end
        (
            "Foreign Secretary Jack Straw said the talks went well. Shadow Foreign Secretary Michael Ancram disagreed.",
            {"Foreign Secretary", "Shadow Foreign Secretary"},
        ),
        ("The Scottish Executive has insisted the plans were sound, a Labour MP said.", {"Executive", "Labour MP"}),
        # a one-word name needs evidence: "Act" is written once, before another name
        ("Mr Thomas said the new Act of Parliament makes it harder.", {"Act"}),
        # a model's trim after its code
        ("It said the Mini Cooper depreciates slower than the Audi A3 SE and the BMW 1 Series 116i SE.", {"SE"}),
        # a word capitalised only because it opens a sentence
        ("Broadband is booming. Many homes now have fast broadband, the report said.", {"Broadband"}),
    ],
)
def test_junk_is_no_name(nlp, text, junk):
    names = {name for name, _ in found(nlp, text)}
    assert not names & junk


def test_a_name_opening_a_sentence_takes_no_word_of_the_sentence_before(nlp):
    from spacy.tokens import Doc

    from kg.extract.candidates import _disjoint, _run
    from kg.lang import lexicon

    # A headline with no full stop ends in a capital word; the next sentence's name starts afresh.
    doc = Doc(nlp.vocab, words=["Data", "Storage", "Vexo", "Software", "said", "so"], sent_starts=[1, 0, 1, 0, 0, 0])
    assert _run(doc, 2, set(), lexicon()).text == "Vexo Software"
    runs = [doc[2:3], doc[2:4], doc[3:4]]
    assert [run.text for run in _disjoint(runs, set())] == ["Vexo Software"]
    assert _disjoint(runs, {3}) == [doc[2:3]]
