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
        "Teesside": ("PERSON", None),  # not in the gazetteer
    }
    assert place_types(consolidated, ["Maria Lopez"]) == {
        "Ecuador": ("GPE", "gazetteer"),
        "Lagos": ("GPE", "gazetteer"),
    }


@pytest.mark.parametrize(
    "text, place, source",
    [
        ("OW1203101194 Tokyo KYODO in English 0950 GMT 12 Mar 94", "Tokyo", "KYODO"),
        ("Nairobi Radio Kenya Network in Swahili 1800 GMT 2 May 94", "Nairobi", "Radio Kenya Network"),
        ("Lima Panamericana Television in Spanish 0300 GMT 4 Apr 94", "Lima", "Panamericana Television"),
    ],
)
def test_a_wire_service_header_is_a_place_and_a_source(nlp, text, place, source):
    found = types(nlp, text)
    assert found[place][0] == "GPE" and found[source][0] == "ORG"
    assert not any(name.startswith(place + " ") for name in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("London Metal Exchange prices fell on Monday.", "London Metal Exchange"),
        ("Boston Scientific said on Monday its sales rose.", "Boston Scientific"),
        ("Palestine Liberation Organization chairman Yasser Arafat arrived.", "Palestine Liberation Organization"),
    ],
)
def test_an_organisation_named_after_a_place_stays_whole(nlp, text, name):
    assert types(nlp, text)[name][0] == "ORG"
