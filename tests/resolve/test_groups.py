"""One node per thing (issue 17): short names, surnames, first names and acronyms joining their full name."""

import itertools
import random

import pytest

from kg.model import Document, Extraction, Mention
from kg.resolve import link_entities
from kg.text.names import acronyms, suffix_free, without_domain, without_version


def article(doc_id, text, *names, title=None):
    """An extraction of ``text`` whose mentions are the given (name, label[, typed_by]) at their
    places in the text, in order (a name written twice is found twice, one after the other)."""
    mentions, position = [], 0
    for name, label, *typed_by in names:
        start = text.index(name, position)
        mentions.append(Mention(doc_id, start, start + len(name), name, label, 0, *typed_by))
        position = start + 1
    return Extraction(document=Document(id=doc_id, text=text, title=title), mentions=tuple(mentions))


def nodes(table):
    """Each entity as (label, sorted other names)."""
    return {(e.label, tuple(sorted(e.alt_labels))) for e in table}


def merges(table):
    """(surface form, rule) of every merged name."""
    return {merge for e in table for merge in e.merges}


ICAHN = (
    "Carl Icahn raised his bid for Trans World Airlines on Monday. TWA rejected it. "
    "Icahn, who owns 40% of TWA Inc, said Mr Icahn would not sell. USAir Group Inc was not "
    "involved, USAir said, and USAir Group shares rose."
)


def icahn_article(doc_id="icahn"):
    return article(
        doc_id,
        ICAHN,
        ("Carl Icahn", "PERSON"),
        ("Trans World Airlines", "ORG"),
        ("TWA", "ORG"),
        ("Icahn", "PERSON"),
        ("TWA Inc", "ORG"),
        ("Mr Icahn", "PERSON"),
        ("USAir Group Inc", "ORG"),
        ("USAir", "ORG"),
        ("USAir Group", "ORG"),
    )


def test_surname_acronym_and_company_short_forms_are_one_node_each():
    table = link_entities([icahn_article()])
    assert nodes(table) == {
        ("Carl Icahn", ("Icahn", "Mr Icahn")),
        ("Trans World Airlines", ("TWA", "TWA Inc")),
        ("USAir Group Inc", ("USAir", "USAir Group")),
    }
    assert {("Icahn", "surname"), ("Mr Icahn", "surname"), ("TWA", "acronym"), ("TWA Inc", "acronym")} <= merges(table)
    assert ("USAir", "short name") in merges(table)


def test_first_name_after_the_full_name_joins_it():
    text = "Freddie Ljungberg is fit, Arsene Wenger said. Freddie will start against Southampton."
    table = link_entities(
        [article("a", text, ("Freddie Ljungberg", "PERSON"), ("Arsene Wenger", "PERSON"), ("Freddie", "ORG"))]
    )
    assert ("Freddie Ljungberg", ("Freddie",)) in nodes(table)
    assert ("Freddie", "first name") in merges(table)
    assert next(e for e in table if e.label == "Freddie Ljungberg").type == "PERSON"


def test_a_first_name_two_people_share_or_written_before_or_with_a_title_stays_apart():
    two = "David Miliband and David Cameron spoke. David said no."
    table = link_entities(
        [article("a", two, ("David Miliband", "PERSON"), ("David Cameron", "PERSON"), ("David", "PERSON"))]
    )
    assert "David" in {e.label for e in table}
    before = "Robin was back. Robin Smith, the captain, scored."
    table = link_entities([article("b", before, ("Robin", "PERSON"), ("Robin Smith", "PERSON"))])
    assert {e.label for e in table} == {"Robin", "Robin Smith"}
    royal = "Charles Kennedy met Prince Charles at the palace. Crown Prince Frederik came. The Crown paid."
    table = link_entities(
        [
            article(
                "c",
                royal,
                ("Charles Kennedy", "PERSON"),
                ("Prince Charles", "PERSON", "title"),
                ("Crown Prince Frederik", "PERSON"),
                ("Crown", "ORG"),
            )
        ]
    )
    assert {e.label for e in table} == {"Charles Kennedy", "Prince Charles", "Crown Prince Frederik", "Crown"}


def test_a_surname_of_several_words_joins_the_full_name():
    text = "Robin van Persie was sent off. Van Persie apologised."
    table = link_entities([article("a", text, ("Robin van Persie", "PERSON"), ("Van Persie", "PERSON"))])
    assert nodes(table) == {("Robin van Persie", ("Van Persie",))}
    assert merges(table) == {("Van Persie", "surname")}


def test_two_people_sharing_a_surname_in_one_article_stay_apart():
    text = "Tony Blair and Cherie Blair arrived. Blair spoke first, then Mr Blair left."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Tony Blair", "PERSON"),
                ("Cherie Blair", "PERSON"),
                ("Blair", "PERSON"),
                ("Mr Blair", "PERSON"),
            )
        ]
    )
    assert {e.label for e in table} == {"Tony Blair", "Cherie Blair", "Blair"}


def test_a_place_never_joins_a_person_or_a_company_by_its_first_word():
    text = "Paris Hilton flew to Paris. Paris is cold. AOL said AOL Europe would grow. Jordan Henderson left Jordan."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Paris Hilton", "PERSON"),
                ("Paris", "GPE"),
                ("Paris", "GPE"),
                ("AOL", "ORG"),
                ("AOL Europe", "ORG"),
                ("Jordan Henderson", "PERSON"),
                ("Jordan", "GPE"),
            )
        ]
    )
    assert {e.label for e in table} == {"Paris Hilton", "Paris", "AOL", "AOL Europe", "Jordan Henderson", "Jordan"}


def test_company_first_words_join_only_after_the_full_name_and_when_the_rest_is_no_name():
    text = (
        "Kite Airways is to fly to London. Kite, India's largest private airline, said so. "
        "Microsoft Windows is used by millions of people; Windows crashed and Microsoft apologised."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Kite Airways", "ORG", "name words"),
                ("London", "GPE"),
                ("Kite", "PERSON"),
                ("India", "GPE"),
                ("Microsoft Windows", "ORG"),
                ("Windows", "PRODUCT"),
                ("Microsoft", "ORG"),
            )
        ]
    )
    labels = {e.label: e for e in table}
    assert labels["Kite Airways"].alt_labels == ("Kite",) and labels["Kite Airways"].type == "ORG"
    assert "Microsoft" in labels  # "Windows" of "Microsoft Windows" is a name of its own: not Microsoft's short name


def test_a_brand_or_product_of_a_company_is_not_its_full_name():
    text = "BBC News reported it first. Apple iPod sales rose. The BBC said Apple would not comment."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("BBC News", "ORG"),
                ("Apple iPod", "ORG"),
                ("BBC", "ORG"),
                ("Apple", "ORG"),
            )
        ]
    )
    assert {e.label for e in table} == {"BBC News", "Apple iPod", "BBC", "Apple"}


def test_a_first_name_that_two_people_of_the_article_have_joins_neither_even_the_first_named():
    text = "David Moorcroft is leaving. I believe David will be a great leader, David Collins said."
    table = link_entities(
        [article("a", text, ("David Moorcroft", "PERSON"), ("David", "PERSON"), ("David Collins", "PERSON"))]
    )
    assert {e.label for e in table} == {"David Moorcroft", "David", "David Collins"}


def test_a_web_address_and_a_version_number_are_left_out():
    text = "Torrentia.org closed. The Torrentia site kept its forums. Firefox 1.0 is out; Firefox is free."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Torrentia.org", "ORG"),
                ("Torrentia", "LOC"),
                ("Firefox 1.0", "ORG"),
                ("Firefox", "PERSON"),
            )
        ]
    )
    assert nodes(table) == {("Torrentia.org", ("Torrentia",)), ("Firefox 1.0", ("Firefox",))}
    # a model number is no version: "Rover 25" is a car, "Rover" its maker
    rover = "Rover 25 sales fell, Rover said."
    assert len(link_entities([article("b", rover, ("Rover 25", "PRODUCT"), ("Rover", "ORG"))])) == 2


def test_a_short_name_in_the_headline_before_the_full_name_joins_it():
    text = "Kite profits soar\n\nKite Airways made more money. Shares in Kite Airways rose."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Kite", "PERSON"),
                ("Kite Airways", "ORG"),
                ("Kite Airways", "ORG"),
                title="Kite profits soar",
            )
        ]
    )
    assert nodes(table) == {("Kite Airways", ("Kite",))}


def test_a_persons_full_name_is_not_the_short_name_of_the_party_named_after_him():
    text = "Robert Kilroy-Silk launched the Robert Kilroy-Silk Party. Robert Kilroy-Silk said it would win."
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Robert Kilroy-Silk", "PERSON"),
                ("Robert Kilroy-Silk Party", "ORG", "name words"),
                ("Robert Kilroy-Silk", "PERSON"),
            )
        ]
    )
    assert {(e.label, e.type) for e in table} == {("Robert Kilroy-Silk", "PERSON"), ("Robert Kilroy-Silk Party", "ORG")}


def test_an_organisation_named_with_middle_words_left_out_joins_the_full_name():
    text = (
        "The Economic and Social Research Council paid for it. The Dutch Federation (ATLET) met. "
        "The Economic Social Research Council said so; the Dutch Federation agreed."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("Economic and Social Research Council", "ORG"),
                ("Dutch Federation (ATLET", "ORG"),  # a span cut inside the brackets
                ("Economic Social Research Council", "ORG"),
                ("Dutch Federation", "ORG"),
            )
        ]
    )
    assert nodes(table) == {
        ("Economic and Social Research Council", ("Economic Social Research Council",)),
        ("Dutch Federation", ("Dutch Federation (ATLET",)),
    }


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("TWA", "Trans World Airlines"),
        ("SEC", "Securities and Exchange Commission"),
        ("OECD", "Organisation for Economic Co-operation and Development"),
        ("GSK", "GlaxoSmithKline"),
        ("SAIC", "Shanghai Automotive Industry Corp"),
        ("IAAF", "International Association of Athletics Federations"),
    ],
)
def test_acronyms_skip_function_words_and_legal_forms(acronym, name):
    assert acronym in acronyms(name)


def test_an_acronym_never_leaves_out_a_word():
    assert "GM" not in acronyms("Guardian Media Group")
    assert "US" not in acronyms("United States of America")


def test_name_shapes():
    assert suffix_free("USAir Group Inc") == ["USAir Group", "USAir"]
    assert without_domain("Amazon.co.uk") == "Amazon" and without_domain("Mr. Smith") is None
    assert without_version("Windows 3.1") == "Windows" and without_version("Channel 4") is None


def test_a_short_name_written_in_several_forms_joins_the_only_full_name_in_the_corpus():
    docs = [
        article("a", "Tony Blair spoke in London.", ("Tony Blair", "PERSON"), ("London", "GPE")),
        article("b", "Blair said Mr Blair was right.", ("Blair", "PERSON"), ("Mr Blair", "PERSON")),
    ]
    table = link_entities(docs)
    blair = next(e for e in table if e.label == "Tony Blair")
    assert blair.documents == ("a", "b")
    assert {("Blair", "surname"), ("Mr Blair", "surname")} <= set(blair.merges)
    # and stays apart when the corpus has two full names it could be
    docs.append(article("c", "Cherie Blair spoke.", ("Cherie Blair", "PERSON")))
    assert {e.label for e in link_entities(docs)} == {"Tony Blair", "Cherie Blair", "Blair", "London"}


def test_a_company_short_name_does_not_link_two_companies_across_documents():
    # "Mitsubishi" is Mitsubishi Motors in one article and a bank in another: the short name
    # a document joined to its full name does not join the two full names.
    docs = [
        article(
            "a", "Mitsubishi Motors cut jobs. Mitsubishi said so.", ("Mitsubishi Motors", "ORG"), ("Mitsubishi", "ORG")
        ),
        article(
            "b",
            "Mitsubishi Tokyo Financial bid. Mitsubishi won.",
            ("Mitsubishi Tokyo Financial", "ORG"),
            ("Mitsubishi", "ORG"),
        ),
    ]
    assert {e.label for e in link_entities(docs)} == {"Mitsubishi Motors", "Mitsubishi Tokyo Financial"}


def test_the_new_merges_do_not_depend_on_the_order_of_the_documents():
    docs = [
        icahn_article("a"),
        article("b", "Icahn sold. TWA fell.", ("Icahn", "PERSON"), ("TWA", "ORG")),
        article("c", "Mr Icahn and USAir.", ("Mr Icahn", "PERSON"), ("USAir", "ORG")),
        article(
            "d",
            "Freddie Ljungberg scored. Freddie was happy. Van Persie too.",
            ("Freddie Ljungberg", "PERSON"),
            ("Freddie", "ORG"),
            ("Van Persie", "PERSON"),
        ),
        article("e", "Robin van Persie signed.", ("Robin van Persie", "PERSON")),
        article("f", "Torrentia.org shut. Torrentia is gone.", ("Torrentia.org", "ORG"), ("Torrentia", "LOC")),
    ]

    def result(order):
        table = link_entities(order)
        return sorted((e.key, e.label, e.alt_labels, e.merges, e.documents, e.mention_count) for e in table)

    expected = result(docs)
    orders = list(itertools.permutations(docs))
    for order in random.Random(17).sample(orders, 40):
        assert result(list(order)) == expected
    labels = {row[1]: row for row in expected}
    assert labels["Carl Icahn"][4] == ("a", "b", "c")
    assert labels["Trans World Airlines"][4] == ("a", "b")
    assert labels["USAir Group Inc"][4] == ("a", "c")
    assert labels["Robin van Persie"][4] == ("d", "e")


WIRE = (
    "WorldCom chief faces fraud trial\n\n"
    "Former WorldCom chief executive Bernie Ebbers went on trial on Tuesday, accused of an $11bn fraud. "
    "Mr Ebbers denies the charges. Prosecutors say Ebbers knew of the fraud. Carl Icahn, the financier, "
    "raised his offer for Trans World Airlines. Icahn's offer values TWA at $1.1bn. TWA Inc said it would "
    "study it. USAir Group Inc rejected the bid, and a USAir spokesman said USAir Group would not comment. "
    "Freddie Ljungberg scored twice for Arsenal. Freddie said the team was happy.\n"
)


@pytest.mark.model
def test_a_wire_story_names_each_person_and_company_once():
    import kg

    graph = kg.build_text(WIRE)
    rows = graph.query(
        "SELECT ?label (GROUP_CONCAT(?alt; separator='|') AS ?alts) WHERE { "
        "?e a ?class ; rdfs:label ?label . FILTER(?class IN (kg:Person, kg:Organization)) "
        "OPTIONAL { ?e skos:altLabel ?alt } } GROUP BY ?label"
    )
    names = {str(row.label): set(str(row.alts).split("|")) - {""} for row in rows}
    assert names["Bernie Ebbers"] == {"Mr Ebbers", "Ebbers"}  # "Mr Ebbers" was a concept of its own
    assert names["Carl Icahn"] == {"Icahn"}
    assert names["Trans World Airlines"] == {"TWA", "TWA Inc"}
    assert names["USAir Group Inc"] == {"USAir", "USAir Group"}
    assert names["Freddie Ljungberg"] == {"Freddie"}
    concepts = {str(row.label) for row in graph.query("SELECT ?label WHERE { ?c a kg:Concept ; rdfs:label ?label }")}
    assert not {"Mr Ebbers", "Ebbers"} & concepts


def _institutes(n):
    """One document naming ``n`` institutes that all begin with "Institute", then "Institute" alone."""
    names = [(f"Institute of {''.join(chr(97 + int(d)) for d in str(i)).title()}", "ORG") for i in range(n)]
    text = " ".join(name for name, _ in names) + " Institute Gordon Brown Brown"
    return article("i", text, *names, ("Institute", "ORG"), ("Gordon Brown", "PERSON"), ("Brown", "PERSON"))


def test_short_names_cost_in_proportion_to_the_names_they_could_stand_for():
    from tests.work import count_work

    small, large = _institutes(400), _institutes(4_000)
    link_entities([small])  # imports on first use are not work per name
    base = count_work(lambda: link_entities([small]), with_lines=True)
    work = count_work(lambda: link_entities([large]), budget=11 * base, with_lines=True)
    assert work is not None, "10x the names cost more than 11x the work"
    assert "Institute" in {e.label for e in link_entities([large])}  # 4,000 fit: it joins none


def test_a_text_of_one_line_has_no_headline_to_read_past():
    text = "Freddie Ljungberg scored twice and Freddie said the team was happy."
    table = link_entities([article("a", text, ("Freddie Ljungberg", "PERSON"), ("Freddie", "PERSON"), title=text)])
    assert nodes(table) == {("Freddie Ljungberg", ("Freddie",))}


def test_names_read_back_from_a_record_link_as_when_they_were_built():
    # kg remove and --append link documents decoded from their records, which do not keep the text
    from kg.rdf.record import decode_extraction, encode_extraction

    built = article(
        "a",
        "Kite profits soar\n\nKite Airways made money. Kite said so.",
        ("Kite", "PERSON"),
        ("Kite Airways", "ORG"),
        ("Kite", "PERSON"),
        title="Kite profits soar",
    )
    read_back = decode_extraction(encode_extraction(built))
    assert read_back.document.text == ""
    assert nodes(link_entities([read_back])) == nodes(link_entities([built])) == {("Kite Airways", ("Kite",))}


def test_a_companys_name_before_a_thing_the_text_named_first_is_that_thing():
    text = (
        "GM and Fiat talk\n\nUsers are leaving IE, and Microsoft is worried: Microsoft IE lost 5%. "
        "Fiat-GM talks go on between GM and Fiat."
    )
    table = link_entities(
        [
            article(
                "a",
                text,
                ("GM", "ORG"),
                ("Fiat", "ORG"),
                ("IE", "ORG"),
                ("Microsoft", "ORG"),
                ("Microsoft IE", "ORG"),
                ("Fiat-GM", "ORG"),
                ("GM", "ORG"),
                ("Fiat", "ORG"),
                title="GM and Fiat talk",
            )
        ]
    )
    labels = {e.label: e for e in table}
    assert set(labels["Microsoft IE"].alt_labels) == {"IE"} and "Microsoft" in labels
    assert {"Fiat-GM", "GM", "Fiat"} <= set(labels)  # a venture of two, written before GM in the text


def test_a_plural_joins_its_singular_but_a_persons_name_does_not():
    text = "The Baftas are on Sunday. A Bafta went to Americans; one American won. Dan Williams met Dan William."
    table = link_entities(
        [
            article(
                "p",
                text,
                ("Baftas", "EVENT"),
                ("Bafta", "EVENT"),
                ("Americans", "NORP"),
                ("American", "NORP"),
                ("Dan Williams", "PERSON"),
                ("Dan William", "PERSON"),
            )
        ]
    )
    assert {("Baftas", ("Bafta",)), ("Americans", ("American",))} <= nodes(table)
    assert {e.label for e in table if e.type == "PERSON"} == {"Dan Williams", "Dan William"}


def test_the_word_for_an_organisations_kind_joins_the_one_organisation_it_ends():
    text = (
        "The European Commission fined Microsoft. The Commission said so. "
        "The Commons Committee and the Lords Committee met; the Committee sat late."
    )
    table = link_entities(
        [
            article(
                "k",
                text,
                ("European Commission", "ORG"),
                ("Microsoft", "ORG"),
                ("Commission", "ORG"),
                ("Commons Committee", "ORG"),
                ("Lords Committee", "ORG"),
                ("Committee", "ORG"),
            )
        ]
    )
    assert ("European Commission", ("Commission",)) in nodes(table)
    assert ("Committee", "short name") not in merges(table)  # two committees: neither


def test_relinking_some_of_a_documents_names_reads_its_headline_as_the_build_did():
    """``kg remove`` re-links only the names near the removed ones (kg.store.documents._near): when they all
    lie in the headline, the document's sentences still say it has a body, so the headline is read as one."""
    from kg.model import Sentence
    from kg.store.documents import _near

    title = "IE gains as Microsoft hits back with Microsoft IE"
    text = title + "\nTony Blair praised the browser."
    sentences = (Sentence(0, 0, len(title), title), Sentence(1, len(title) + 1, len(text), text[len(title) + 1 :]))
    full = article(
        "x", text, ("IE", "PRODUCT"), ("Microsoft", "ORG"), ("Microsoft IE", "PRODUCT"), ("Tony Blair", "PERSON")
    )
    document = Document(id="x", text="", title=title)  # a record keeps no text
    built = link_entities([Extraction(document, full.mentions, sentences=sentences)])
    part = _near(full.mentions, lambda m: "IE" in m.text)
    assert "Tony Blair" not in {m.text for m in part}
    relinked = link_entities([Extraction(document, part, sentences=sentences)])
    assert {m.text: relinked.key_of(m) for m in part} == {m.text: built.key_of(m) for m in part}
