"""One node per thing, second round (issue 17): names written another way in one article, and the namesakes
that must stay apart (a city and its university, a nationality and an assembly, a lake and a city)."""

import itertools
import random

from kg.resolve import link_entities
from kg.resolve.groups import is_namesake, synonym_key

from .test_groups import article


def entities(table):
    """Each entity's label → (type, sorted other names with the rule that joined each)."""
    return {e.label: (e.type, tuple(sorted(e.merges))) for e in table}


MOZILLA = (
    "Korvel said its Firefox browser had been downloaded 10 million times. The Korvel Foundation, "
    "a non-profit group, released it in November. Korvel plans a new version."
)


def mozilla_article(doc_id="mozilla"):
    return article(
        doc_id,
        MOZILLA,
        ("Korvel", "PERSON"),
        ("Firefox", "PRODUCT"),
        ("Korvel Foundation", "ORG", "name words"),
        ("Korvel", "ORG"),
    )


def test_an_organisations_first_word_joins_its_full_name_written_after_it():
    found = entities(link_entities([mozilla_article()]))
    assert found["Korvel Foundation"] == ("ORG", (("Korvel", "short name"),))
    assert "Korvel" not in found


def test_the_first_word_of_two_organisations_joins_neither():
    text = "Korvel grew. The Korvel Foundation and the Korvel Institute both said so."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Korvel", "ORG"),
                ("Korvel Foundation", "ORG"),
                ("Korvel Institute", "ORG"),
            )
        ]
    )
    assert {e.label for e in table} == {"Korvel", "Korvel Foundation", "Korvel Institute"}


OXFORD = (
    "Prof Green was a lecturer at Oxford University and studied at Oriel College, Oxford. "
    "The Welsh Assembly wants fewer Welsh MPs at Westminster. Cambridge Council said Cambridge was busy. "
    "Toyota Motor made a profit, and Toyota shares rose."
)


def test_a_city_or_a_nationality_is_no_short_name_of_what_is_named_after_it():
    table = link_entities(
        [
            article(
                "a",
                OXFORD,
                ("Green", "PERSON"),
                ("Oxford University", "ORG", "name words"),
                ("Oriel College", "ORG"),
                ("Oxford", "ORG"),
                ("Welsh Assembly", "ORG", "name words"),
                ("Welsh", "ORG"),
                ("Westminster", "GPE"),
                ("Cambridge Council", "ORG"),
                ("Cambridge", "ORG"),
                ("Toyota Motor", "ORG"),
                ("Toyota", "ORG"),
            )
        ]
    )
    labels = {e.label for e in table}
    assert {"Oxford University", "Oxford", "Welsh Assembly", "Welsh", "Cambridge Council", "Cambridge"} <= labels
    # a company named after its town is still written short ("Toyota" is a city of Japan too)
    assert entities(table)["Toyota Motor"] == ("ORG", (("Toyota", "short name"),))
    assert is_namesake("Oxford") and is_namesake("Welsh") and not is_namesake("Korvel")


LISBON = (
    "Varelas won gold at the Lisbon Olympics in 2000. Before the Lisbon Games he left Lisbon for Madeira. "
    "The Olympic Games are watched by millions, and the Commonwealth Games too. The Games went on."
)


def lisbon_article(doc_id="lisbon"):
    return article(
        doc_id,
        LISBON,
        ("Varelas", "PERSON"),
        ("Lisbon Olympics", "EVENT"),
        ("Lisbon Games", "EVENT"),
        ("Lisbon", "GPE"),
        ("Madeira", "GPE"),
        ("Olympic Games", "EVENT"),
        ("Commonwealth Games", "EVENT"),
        ("Games", "EVENT"),
    )


def test_another_name_of_an_event_joins_it_but_not_its_city_nor_another_event():
    found = entities(link_entities([lisbon_article()]))
    assert found["Lisbon Olympics"] == ("EVENT", (("Lisbon Games", "synonym"),))
    assert {"Lisbon", "Olympic Games", "Commonwealth Games", "Games"} <= set(found)
    assert synonym_key("games") is None and synonym_key("commonwealth games") == "commonwealth olympics"


def test_the_olympic_games_are_the_olympics():
    text = "The Olympics open in August. The Olympic Games will cost more than planned, the Olympic committee said."
    table = link_entities([article("a", text, ("Olympics", "EVENT"), ("Olympic Games", "EVENT"), ("Olympic", "ORG"))])
    assert entities(table)["Olympic Games"] == ("EVENT", (("Olympic", "short name"), ("Olympics", "synonym")))


OSCAR = (
    "Oscar hopes rose for the film. It is nominated for three Academy Awards, and its star won an Oscar in 2003. "
    "Oscar Pistorius did not comment."
)


def test_an_award_under_its_popular_name_joins_it_unless_a_person_is_called_so():
    award = article("a", OSCAR[:107], ("Oscar", "PERSON"), ("Academy Awards", "EVENT"), ("Oscar", "WORK_OF_ART"))
    assert entities(link_entities([award]))["Academy Awards"] == ("EVENT", (("Oscar", "synonym"),))
    person = article(
        "b",
        OSCAR,
        ("Oscar", "PERSON"),
        ("Academy Awards", "EVENT"),
        ("Oscar", "WORK_OF_ART"),
        ("Oscar Pistorius", "PERSON"),
    )
    found = entities(link_entities([person]))
    assert found["Academy Awards"] == ("EVENT", ())  # "Oscar" may be the man: no synonym is read
    assert "Oscar" in found


def test_a_name_written_with_and_without_a_space_or_a_dot_is_one_node():
    text = "Apple's PowerPage sold well. Power Page users complained. The site Torrentia.org shut; Torrentia is gone."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Apple", "ORG"),
                ("PowerPage", "PRODUCT"),
                ("Power Page", "PRODUCT"),
                ("Torrentia.org", "ORG"),
                ("Torrentia", "PERSON", "classifier"),
            )
        ]
    )
    found = entities(table)
    assert found["Power Page"] == ("PRODUCT", (("PowerPage", "exact"),))
    assert found["Torrentia.org"] == ("ORG", (("Torrentia", "short name"),))
    ifs = "The Institute for Fiscal Studies said so; the Institute of Fiscal Studies also warned."
    table = link_entities(
        [article("c", ifs, ("Institute for Fiscal Studies", "ORG"), ("Institute of Fiscal Studies", "ORG"))]
    )
    assert entities(table)["Institute for Fiscal Studies"] == ("ORG", (("Institute of Fiscal Studies", "exact"),))
    # capitals are an acronym's, not a spelling of another name: "RKS" is still Robert Kilroy-Silk's
    kilroy = "Robert Kilroy-Silk left. RK-S, as a poster had it, said RKS would stand."
    table = link_entities(
        [article("b", kilroy, ("Robert Kilroy-Silk", "PERSON", "pronoun"), ("RK-S", "ORG"), ("RKS", "ORG"))]
    )
    assert entities(table)["Robert Kilroy-Silk"] == ("PERSON", (("RKS", "acronym"),))


SEAS = (
    "Ferries crossed the Aegean Sea, and the Aegean was calm. The River Ouse flooded as the Ouse rose. "
    "The Irish Sea was rough for Irish sailors. Lake Victoria is far from Victoria. Mr Everest never climbed "
    "Mount Everest."
)


def test_a_natural_feature_without_its_kind_joins_it_but_not_a_place_or_nationality_of_that_name():
    table = link_entities(
        [
            article(
                "a",
                SEAS,
                ("Aegean Sea", "LOC"),
                ("Aegean", "NORP"),
                ("River Ouse", "LOC"),
                ("Ouse", "GPE"),
                ("Irish Sea", "LOC"),
                ("Irish", "NORP"),
                ("Lake Victoria", "LOC"),
                ("Victoria", "GPE"),
                ("Mr Everest", "PERSON"),
                ("Mount Everest", "LOC"),
            )
        ]
    )
    found = entities(table)
    assert found["Aegean Sea"] == ("LOC", (("Aegean", "short name"),))
    assert found["River Ouse"] == ("LOC", (("Ouse", "short name"),))
    assert {"Irish Sea", "Irish", "Lake Victoria", "Victoria", "Mr Everest", "Mount Everest"} <= set(found)


def test_the_new_rules_do_not_depend_on_the_order_of_the_documents():
    docs = [
        mozilla_article("a"),
        lisbon_article("b"),
        article("c", "The Lisbon Olympics were a success.", ("Lisbon Olympics", "EVENT")),
        article("d", "Korvel Foundation staff left.", ("Korvel Foundation", "ORG")),
        article("e", "PowerPage and Power Page.", ("PowerPage", "PRODUCT"), ("Power Page", "PRODUCT")),
        article("f", "The Aegean Sea and the Aegean.", ("Aegean Sea", "LOC"), ("Aegean", "NORP")),
        article("g", "Digby Jones spoke, and Sir Digby left.", ("Digby Jones", "PERSON"), ("Sir Digby", "PERSON")),
        article("h", "Opec met. Sir Digby agreed.", ("Opec", "ORG"), ("Sir Digby", "PERSON")),
        article(
            "i",
            "The Organisation of Petroleum Exporting Countries, Opec, met.",
            ("Organisation of Petroleum Exporting Countries", "ORG"),
            ("Opec", "ORG"),
        ),
    ]

    def result(order):
        return sorted((e.key, e.label, e.alt_labels, e.merges, e.documents) for e in link_entities(order))

    expected = result(docs)
    for order in random.Random(17).sample(list(itertools.permutations(docs)), 30):
        assert result(list(order)) == expected
    labels = {row[1]: row for row in expected}
    assert labels["Lisbon Olympics"][4] == ("b", "c")
    assert labels["Korvel Foundation"][4] == ("a", "d")
    assert labels["Organisation of Petroleum Exporting Countries"][4] == ("h", "i")


def test_the_words_before_a_public_bodys_kind_are_no_short_name_of_it():
    text = (
        "The Home Office said the Home Secretary would decide. Home officials declined to comment. "
        "Federated Department Stores is to buy May; Federated said sales rose."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Home Office", "ORG", "name words"),
                ("Home", "ORG"),
                ("Federated Department Stores", "ORG"),
                ("May", "DATE"),
                ("Federated", "ORG"),
            )
        ]
    )
    found = entities(table)
    assert {"Home Office", "Home"} <= set(found)
    assert found["Federated Department Stores"] == ("ORG", (("Federated", "short name"),))  # a company's name


def test_an_acronym_written_with_one_capital_joins_the_name_it_spells():
    text = (
        "The Organisation of Petroleum Exporting Countries met in Vienna. Opec said output would rise. "
        "The Scottish Environment Protection Agency agreed, Sepa said. Bush said nothing."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Organisation of Petroleum Exporting Countries", "ORG", "name words"),
                ("Vienna", "GPE"),
                ("Opec", "PERSON", "classifier"),
                ("Scottish Environment Protection Agency", "ORG"),
                ("Sepa", "ORG"),
                ("Bush", "PERSON"),
            )
        ]
    )
    found = entities(table)
    assert found["Organisation of Petroleum Exporting Countries"] == ("ORG", (("Opec", "acronym"),))
    assert found["Scottish Environment Protection Agency"] == ("ORG", (("Sepa", "acronym"),))
    assert found["Bush"] == ("PERSON", ())


def test_a_knights_first_name_joins_his_full_name_and_a_royals_joins_only_a_royal():
    text = (
        "Digby Jones, the CBI director, spoke. Sir Digby said rates would rise. Charles Kennedy met Prince "
        "Charles. Prince Saud al-Faisal arrived and Prince Saud said little. "
        "Hicham El Guerrouj won; El Guerrouj smiled."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Digby Jones", "PERSON"),
                ("CBI", "ORG"),
                ("Sir Digby", "PERSON"),
                ("Charles Kennedy", "PERSON"),
                ("Prince Charles", "PERSON", "title"),
                ("Prince Saud al-Faisal", "PERSON", "title"),
                ("Prince Saud", "PERSON"),
                ("Hicham El Guerrouj", "PERSON", "name words"),
                ("El Guerrouj", "ORG"),
            )
        ]
    )
    found = entities(table)
    assert found["Digby Jones"] == ("PERSON", (("Sir Digby", "first name"),))
    assert found["Charles Kennedy"] == ("PERSON", ())
    assert found["Prince Saud al-Faisal"] == ("PERSON", (("Prince Saud", "first name"),))
    assert found["Hicham El Guerrouj"] == ("PERSON", (("El Guerrouj", "surname"),))  # spaCy's ORG was a guess


def test_an_awards_name_alone_is_no_surname_of_a_person_in_another_article():
    table = link_entities(
        [
            article("a", "The actor Nigel Oscar spoke to reporters.", ("Nigel Oscar", "PERSON")),
            article("b", "She won an Oscar for the role, and Brown congratulated her.", ("Oscar", "PERSON")),
            article("c", "Gordon Brown agreed.", ("Gordon Brown", "PERSON")),
            article("d", "Brown said so.", ("Brown", "PERSON")),
        ]
    )
    found = {e.label: e.documents for e in table}
    assert found["Nigel Oscar"] == ("a",) and found["Oscar"] == ("b",)
    assert found["Gordon Brown"] == ("c", "d")  # a surname still joins the only full name elsewhere


def test_a_bodys_name_without_its_country_joins_it():
    text = (
        "The US Federal Reserve raised rates. The Federal Reserve said inflation was low. The Ugandan Media "
        "Council banned the play; the Media Council met."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("US Federal Reserve", "ORG"),
                ("Federal Reserve", "ORG"),
                ("Ugandan Media Council", "ORG"),
                ("Media Council", "ORG"),
            )
        ]
    )
    found = {e.label: e.alt_labels for e in table}
    assert found == {"US Federal Reserve": ("Federal Reserve",), "Ugandan Media Council": ("Media Council",)}
