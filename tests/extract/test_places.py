"""Place typing from the gazetteer: a known country is never a person (needs the English model)."""

import pytest

from kg.extract import mentions
from kg.extract.places import place_types

pytestmark = pytest.mark.model


def types(nlp, text):
    return {m.text: (m.label, m.typed_by) for m in mentions(nlp(text), doc_id="t")}


@pytest.mark.parametrize(
    "text, name",
    [
        # spaCy calls the country a person in the first sentence, an organisation in the second
        ("Jordan said it would not attend the summit. King Abdullah of Jordan flew to Washington.", "Jordan"),
        ("Cameroon were held to a draw by Ghana in Kumasi on Sunday.", "Cameroon"),
    ],
)
def test_a_known_country_is_never_a_person_or_an_organisation(nlp, text, name):
    assert types(nlp, text)[name] == ("GPE", "gazetteer")


def test_a_first_name_of_a_person_keeps_its_type(nlp):
    """ "Chad" is a country, but here the first name of Chad Hurley."""
    found = types(nlp, "Chad Hurley founded the video site in 2005. Chad said the site would keep growing.")
    assert found["Chad"][0] == "PERSON"


def test_evidence_from_the_text_outweighs_the_gazetteer():
    consolidated = {
        "Ecuador": ("PERSON", None),
        "Maria Lopez": ("PERSON", None),
        "Georgia": ("PERSON", "honorific"),
        "Santos": ("ORG", None),  # a club named after a city of 400,000
        "Barcelona": ("ORG", None),  # a big city, but organisations are named after cities
        "Lagos": ("PERSON", None),  # a city of millions
        "Tyneside": ("PERSON", None),  # not in the gazetteer
    }
    assert place_types(consolidated, ["Maria Lopez"]) == {
        "Ecuador": ("GPE", "gazetteer"),
        "Lagos": ("GPE", "gazetteer"),
    }
