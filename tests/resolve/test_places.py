"""Places linked to GeoNames and one node per place (no model needed)."""

import itertools

from kg.resolve import link_entities
from kg.resolve.places import choose, document_context
from tests.resolve.test_link import extraction


def by_label(table):
    return {entity.label: entity for entity in table}


def test_us_america_and_united_states_are_one_node_linked_to_geonames():
    """ "The US economy ... America's exporters ... the United States Treasury": one country."""
    table = link_entities([extraction("d1", ("US", "GPE"), ("America", "GPE"), ("United States", "GPE"))])
    [us] = list(table)
    assert us.label == "United States" and us.alt_labels == ("America", "US")
    assert dict(us.merges) == {"America": "gazetteer", "US": "acronym"}  # the acronym rule comes first
    assert (us.geonames, us.country_code) == (6252001, "US")


def test_another_name_of_a_place_joins_it_across_documents_whatever_the_order():
    docs = [
        extraction("a", ("United States", "GPE"), ("Iraq", "GPE")),
        extraction("b", ("America", "GPE")),
        extraction("c", ("U.S.", "GPE"), ("Tony Blair", "PERSON")),
    ]
    tables = [link_entities(order) for order in itertools.permutations(docs)]
    assert all(table.entities == tables[0].entities for table in tables)
    us = by_label(tables[0])["United States"]
    assert set(us.alt_labels) == {"America", "U.S."}
    assert dict(us.merges) == {"America": "gazetteer", "U.S.": "gazetteer"}
    assert us.geonames == 6252001 and by_label(tables[0])["Iraq"].country_code == "IQ"


def test_a_person_named_like_a_place_is_not_linked():
    table = link_entities([extraction("d", ("Georgia Smith", "PERSON"), ("Jordan", "PERSON"))])
    assert all(entity.geonames is None for entity in table)


def test_paris_alone_is_paris_france():
    """Paris, France has 86 times the people of Paris, Texas: the dominant place without context."""
    paris = by_label(link_entities([extraction("d", ("Paris", "GPE"), ("Louvre", "FAC"))]))["Paris"]
    assert (paris.geonames, paris.country_code) == (2988507, "FR")


def test_paris_in_a_document_that_names_texas_is_paris_texas():
    """ "The rodeo in Paris drew thousands, the Texas tourism board said.\""""
    paris = by_label(link_entities([extraction("d", ("Paris", "GPE"), ("Texas", "GPE"))]))["Paris"]
    assert (paris.geonames, paris.country_code) == (4717560, "US")


def test_naming_the_us_alone_does_not_move_paris_to_texas():
    """US cities are supported by their state: the US is named in too many articles about Paris, France."""
    paris = by_label(link_entities([extraction("d", ("Paris", "GPE"), ("US", "GPE"))]))["Paris"]
    assert paris.geonames == 2988507


def test_paris_stays_unlinked_where_the_context_names_both():
    paris = by_label(link_entities([extraction("d", ("Paris", "GPE"), ("Texas", "GPE"), ("France", "GPE"))]))["Paris"]
    assert paris.geonames is None and paris.country_code is None


def test_one_paris_node_read_as_two_places_by_two_documents_stays_unlinked_in_any_order():
    texas = extraction("t", ("Paris", "GPE"), ("Texas", "GPE"))
    france = extraction("f", ("Paris", "GPE"), ("France", "GPE"))
    for order in ([texas, france], [france, texas]):
        assert by_label(link_entities(order))["Paris"].geonames is None
    assert by_label(link_entities([texas]))["Paris"].geonames == 4717560


def test_choose_by_the_documents_countries_and_states():
    assert choose("Georgia", frozenset()).kind == "country"
    assert choose("Georgia", document_context(["Atlanta", "Florida"])).kind == "state"
    assert choose("Birmingham", frozenset()) is None  # Birmingham, England is not ten times Birmingham, Alabama
    assert choose("Birmingham", document_context(["Britain"])).country == "GB"
    assert choose("Birmingham", document_context(["Alabama"])).region == "AL"
    assert choose("Teesside", frozenset()) is None


def test_a_state_that_a_city_shares_its_name_with_is_not_guessed():
    from kg.resolve.places import choose

    # "Washington" is the state and the capital (689,000 people): the text seldom says which, so no link
    assert choose("Washington", frozenset({"US", "US-VA"})) is None
    assert choose("Washington", frozenset()) is None
    # "New York" the city has 8.8 million people: the city, even where the state is named
    assert choose("New York", frozenset({"US", "US-NY"})).geonames == 5128581


def test_a_small_city_needs_its_country_or_state_in_the_text():
    from kg.resolve.places import choose

    assert choose("Mobile", frozenset()) is None  # a word before it is a town in Alabama
    assert choose("Mobile", frozenset({"US", "US-AL"})).region == "AL"
    assert choose("Leeds", frozenset({"GB"})).country == "GB"


def test_a_namesake_city_abroad_does_not_make_a_state_ambiguous():
    from kg.resolve.places import choose

    # a Virginia in South Africa has 122,000 people; the state is the only Virginia of the US
    assert choose("Virginia", frozenset({"US", "US-VA"})).region == "VA"
