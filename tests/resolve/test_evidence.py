"""One node per thing from what the text around the names says (kg.resolve.evidence, kg.resolve.groups)."""

from kg.model import Document, Extraction, Mention, Sentence
from kg.resolve import link_entities
from kg.resolve.evidence import text_evidence


def extraction(text, *names, doc_id="d"):
    """The extraction of ``text`` with the mentions ``names`` ((surface, label) or (surface, label, typed_by),
    found in order in the text) and each line as one sentence."""
    mentions, position = [], 0
    for name, label, *typed_by in names:
        start = text.index(name, position)
        mentions.append(Mention(doc_id, start, start + len(name), name, label, 0, *typed_by))
        position = start + len(name)
    sentences, start = [], 0
    for index, line in enumerate(text.split("\n")):
        sentences.append(Sentence(index, start, start + len(line), line))
        start += len(line) + 1
    return Extraction(Document(id=doc_id, text=text), mentions=tuple(mentions), sentences=tuple(sentences))


def labels(found):
    """Each surface form → the label of its entity."""
    table = link_entities([found])
    return {m.text: table.entities[table.key_of(m)].label for m in found.mentions}


def test_a_short_form_in_brackets_is_the_name_whatever_its_letters():
    found = extraction(
        "The Slovak Rowing Union (SVZ) banned two crews. SVZ said the ban would stand.",
        ("Slovak Rowing Union", "ORG"),
        ("SVZ", "ORG"),
        ("SVZ", "GPE"),
    )
    assert set(labels(found).values()) == {"Slovak Rowing Union"}
    assert ("slovak rowing union", "svz") in text_evidence(found).brackets


def test_a_place_in_brackets_after_a_company_is_where_it_is_not_its_short_form():
    found = extraction(
        "Profits at Harwood Retail (UK) fell, while sales in the UK rose.",
        ("Harwood Retail", "ORG"),
        ("UK", "GPE"),
        ("UK", "GPE"),
    )
    assert labels(found)["UK"] == "UK"


def test_a_dateline_place_never_joins_the_club_named_after_it():
    found = extraction(
        "Rennes (AFP) - Stade Rennes beat Lille 2-0. Rennes coach Paul Abel said Rennes had played well.",
        ("Rennes", "GPE", "dateline"),
        ("Stade Rennes", "PERSON"),
        ("Lille", "ORG"),
        ("Rennes", "PERSON"),
        ("Paul Abel", "PERSON"),
        ("Rennes", "PERSON"),
    )
    table = link_entities([found])
    place = table.entities[table.key_of(found.mentions[0])]
    assert place.label == "Rennes" and place.type == "GPE"
    assert table.key_of(found.mentions[1]) != table.key_of(found.mentions[0])


def test_a_name_and_its_plural_are_one_whatever_their_labels():
    found = extraction(
        "Registrars sell Open Source Licences. An Open Source Licence costs little.",
        ("Open Source Licences", "ORG"),
        ("Open Source Licence", "PRODUCT", "name words"),
    )
    assert len(set(labels(found).values())) == 1


def test_the_pieces_of_a_name_written_whole_are_that_name():
    found = extraction(
        "Racing Genk won again. The coach of Racing Genk left, and Racing Genk fans were angry.",
        ("Racing Genk", "ORG"),
        ("Racing", "GPE"),
        ("Genk", "ORG"),
        ("Racing", "GPE"),
        ("Genk", "ORG"),
    )
    assert set(labels(found).values()) == {"Racing Genk"}


def test_a_product_split_from_its_maker_is_no_piece_of_a_name():
    # "Sony" is named on its own: "Sony Walkman" is a thing Sony makes, and Sony stays itself
    found = extraction(
        "Sony launched the Walkman player. Sony Walkman sales grew. Sony said it was pleased.",
        ("Sony", "ORG"),
        ("Walkman", "PRODUCT"),
        ("Sony Walkman", "PRODUCT"),
        ("Sony", "ORG"),
    )
    assert labels(found)["Sony"] == "Sony"


def test_a_first_name_with_a_possessive_joins_the_one_person_it_begins():
    found = extraction(
        "Helena Moreau opened the show. Helena's former singing career was recalled.",
        ("Helena Moreau", "PERSON"),
        ("Helena", "GPE"),
    )
    assert labels(found)["Helena"] == "Helena Moreau"


def test_a_country_with_a_possessive_is_no_first_name():
    found = extraction(
        "Georgia Lane spoke first. Georgia's government disagreed.",
        ("Georgia Lane", "PERSON"),
        ("Georgia", "GPE"),
    )
    assert labels(found)["Georgia"] == "Georgia"


def test_a_company_first_word_joins_its_only_full_name_ending_in_an_organisation_word():
    found = extraction(
        "Brantley said profits rose. Brantley Foods Group Inc. makes soups.",
        ("Brantley", "PERSON"),
        ("Brantley Foods Group Inc.", "ORG"),
    )
    assert labels(found)["Brantley"] == "Brantley Foods Group Inc."
    shortened = extraction(
        "Brantley said profits rose. Brantley Foods Group Inc. makes soups; Brantley Foods is old.",
        ("Brantley", "PERSON"),
        ("Brantley Foods Group Inc.", "ORG"),
        ("Brantley Foods", "ORG"),
    )
    assert set(labels(shortened).values()) == {"Brantley Foods Group Inc."}


def test_a_common_word_a_place_or_a_product_maker_stays_apart_from_the_name_it_begins():
    common = extraction(
        "Digital Media Group bought a digital radio firm. Digital sales rose.",
        ("Digital Media Group", "ORG"),
        ("Digital", "ORG"),
    )
    assert labels(common)["Digital"] == "Digital"
    place = extraction(
        "Oxford University Press said Oxford was growing. Oxford University grew.",
        ("Oxford", "GPE"),
        ("Oxford University", "ORG"),
    )
    assert labels(place)["Oxford"] == "Oxford"
    maker = extraction(
        "Zentrix launched the Zentrix Slate. Zentrix Slate sales were strong, Zentrix said.",
        ("Zentrix", "ORG"),
        ("Zentrix Slate", "ORG"),
        ("Zentrix Slate", "ORG"),
        ("Zentrix", "ORG"),
    )
    assert labels(maker)["Zentrix"] == "Zentrix"


def test_a_thing_written_after_a_or_an_keeps_its_maker_apart():
    found = extraction(
        "She bought a Zentrix Slate last year. Zentrix said sales rose.",
        ("Zentrix Slate", "ORG"),
        ("Zentrix", "ORG"),
    )
    assert labels(found)["Zentrix"] == "Zentrix"
    firm = extraction(
        "Shares in Zentrix Partners fell. Zentrix said sales rose.",
        ("Zentrix Partners", "ORG"),
        ("Zentrix", "ORG"),
    )
    assert labels(firm)["Zentrix"] == "Zentrix Partners"


def test_the_text_evidence_merges_do_not_depend_on_the_order_of_documents_or_mentions():
    from dataclasses import replace
    from itertools import permutations

    documents = [
        extraction(
            "The Slovak Rowing Union (SVZ) met. Brantley said Brantley Foods Group Inc. grew.",
            ("Slovak Rowing Union", "ORG"),
            ("SVZ", "ORG"),
            ("Brantley", "PERSON"),
            ("Brantley Foods Group Inc.", "ORG"),
            doc_id="a",
        ),
        extraction(
            "Racing Genk won. Fans of Racing Genk cheered; SVZ and Brantley were not there.",
            ("Racing Genk", "ORG"),
            ("Racing", "GPE"),
            ("Genk", "ORG"),
            ("SVZ", "ORG"),
            ("Brantley", "ORG"),
            doc_id="b",
        ),
    ]

    def entities(found):
        return sorted((e.label, e.type, e.alt_labels, e.merges) for e in link_entities(found))

    expected = entities(documents)
    backwards = [replace(d, mentions=tuple(reversed(d.mentions))) for d in documents]
    assert any(("SVZ", "acronym") in merges for *_, merges in expected)
    for order in permutations(documents):
        assert entities(list(order)) == expected
    for order in permutations(backwards):
        assert entities(list(order)) == expected


def test_a_country_written_only_inside_a_name_does_not_join_that_name_to_the_country_elsewhere():
    club = extraction(
        "Athletics Kenya named its team. Officials of Athletics Kenya met.",
        ("Athletics Kenya", "ORG"),
        ("Athletics", "ORG"),
        ("Kenya", "GPE"),
        doc_id="a",
    )
    country = extraction("Kenya held elections.", ("Kenya", "GPE"), doc_id="b")
    table = link_entities([club, country])
    assert table.entities[table.key_of(club.mentions[2])].label == "Athletics Kenya"
    assert table.entities[table.key_of(country.mentions[0])].label == "Kenya"


def test_a_name_cut_short_before_its_acronym_does_not_join_another_thing_cut_the_same_way():
    # the name finder cut "US" and "World" off: the acronyms in brackets say the agencies differ
    national = extraction(
        "The US Rowing Agency (USRA) banned him. USRA said so.",
        ("Rowing Agency", "ORG"),
        ("USRA", "ORG"),
        ("USRA", "ORG"),
        doc_id="a",
    )
    world = extraction("The World Rowing Agency (WRA) disagreed.", ("Rowing Agency", "ORG"), ("WRA", "ORG"), doc_id="b")
    table = link_entities([national, world])
    usra, wra = table.entities[table.key_of(national.mentions[0])], table.entities[table.key_of(world.mentions[0])]
    assert usra.key != wra.key
    assert (usra.label, wra.label) == ("USRA", "WRA")
    assert ("Rowing Agency", "acronym") in usra.merges


def test_a_company_named_before_a_division_of_its_name_is_its_parent():
    parent = extraction(
        "Zanotti said profits rose. Its film studio, Zanotti Pictures Entertainment, had two hits.",
        ("Zanotti", "ORG"),
        ("Zanotti Pictures Entertainment", "ORG"),
    )
    assert labels(parent)["Zanotti"] == "Zanotti"
    foundation = extraction(
        "Korvel said downloads passed a million. The Korvel Foundation runs the project.",
        ("Korvel", "ORG"),
        ("Korvel Foundation", "ORG"),
    )
    assert labels(foundation)["Korvel"] == "Korvel Foundation"


def test_a_body_without_its_country_joins_it_only_when_no_other_body_ends_so():
    one = extraction(
        "The US Federal Reserve raised rates. The Federal Reserve said inflation was low.",
        ("US Federal Reserve", "ORG"),
        ("Federal Reserve", "ORG"),
    )
    assert labels(one)["Federal Reserve"] == "US Federal Reserve"
    two = extraction(
        "The Japanese Stock Exchange and the London Stock Exchange rose. The Stock Exchange said trade was brisk.",
        ("Japanese Stock Exchange", "ORG"),
        ("London Stock Exchange", "ORG"),
        ("Stock Exchange", "ORG"),
    )
    assert labels(two)["Stock Exchange"] == "Stock Exchange"
