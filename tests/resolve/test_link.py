"""Merging mentions into entities (no model needed)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Aliases, Document, Extraction, KnownEntity, Mention
from kg.resolve import link_entities
from kg.text.names import name_keys


def extraction(doc_id, *names):
    mentions = []
    position = 0
    for name, label in names:
        mentions.append(Mention(doc_id, position, position + len(name), name, label, 0))
        position += len(name) + 1
    return Extraction(document=Document(id=doc_id, text=""), mentions=tuple(mentions))


def test_acronym_and_surname_merge_within_a_document():
    table = link_entities(
        [
            extraction(
                "d1",
                ("Government of National Accord", "ORG"),
                ("GNA", "ORG"),
                ("GNA", "ORG"),
                ("Khalifa Haftar", "PERSON"),
                ("Haftar", "PERSON"),
            )
        ]
    )
    by_label = {e.label: e for e in table}
    assert set(by_label) == {"Government of National Accord", "Khalifa Haftar"}
    gna = by_label["Government of National Accord"]
    assert gna.alt_labels == ("GNA",) and gna.mention_count == 3
    assert gna.merges == (("GNA", "acronym"),)
    assert by_label["Khalifa Haftar"].merges == (("Haftar", "surname"),)


def test_conflicting_types_are_not_merged():
    table = link_entities([extraction("d1", ("Jordan", "GPE"), ("Michael Jordan", "PERSON"))])
    assert sorted(e.label for e in table) == ["Jordan", "Michael Jordan"]


def test_ambiguous_surname_is_left_alone():
    table = link_entities(
        [extraction("d1", ("Ed Miliband", "PERSON"), ("David Miliband", "PERSON"), ("Miliband", "PERSON"))]
    )
    assert sorted(e.label for e in table) == ["David Miliband", "Ed Miliband", "Miliband"]


def test_same_entity_across_documents_is_one_entity_whatever_the_order():
    docs = [extraction("a", ("Khalifa Haftar", "PERSON")), extraction("b", ("Haftar", "PERSON"), ("UN", "ORG"))]
    forward, backward = link_entities(docs), link_entities(list(reversed(docs)))
    assert sorted(forward.entities) == sorted(backward.entities) == ["ORG/un", "PERSON/khalifa haftar"]
    haftar = forward.entities["PERSON/khalifa haftar"]
    assert haftar.documents == ("a", "b") and haftar.mention_count == 2


def test_acronym_in_one_document_joins_its_expansion_in_another():
    docs = [
        extraction("a", ("Government of National Accord", "ORG"), ("GNA", "ORG")),
        extraction("b", ("GNA", "ORG"), ("Libya", "GPE")),
    ]
    table = link_entities(docs)
    gna = table.entities["ORG/government of national accord"]
    assert gna.documents == ("a", "b") and gna.mention_count == 3
    assert "ORG/gna" not in table.entities


def test_canonical_name_does_not_depend_on_which_document_comes_first():
    docs = [
        extraction("a", ("Haftar", "PERSON"), ("Haftar", "PERSON")),
        extraction("b", ("Khalifa Haftar", "PERSON")),
        extraction("c", ("Mrs. Quayle", "PERSON"), ("Marilyn Quayle", "PERSON")),
    ]
    for order in (docs, docs[::-1], [docs[1], docs[2], docs[0]]):
        table = link_entities(order)
        assert sorted(e.label for e in table) == ["Khalifa Haftar", "Marilyn Quayle"]


def test_same_name_with_conflicting_types_across_documents_stays_apart():
    docs = [extraction("a", ("Jordan", "GPE")), extraction("b", ("Michael Jordan", "PERSON"), ("Jordan", "PERSON"))]
    table = link_entities(docs)
    assert sorted(table.entities) == ["GPE/jordan", "PERSON/michael jordan"]


def test_alias_file_forces_and_forbids_merges():
    from kg.resolve import parse_aliases

    aliases = parse_aliases("Gadhafi\tMuammar Gaddafi\nMiliband\t!David Miliband\n")
    docs = [
        extraction("a", ("Gadhafi", "PERSON"), ("Muammar Gaddafi", "PERSON")),
        extraction("b", ("David Miliband", "PERSON"), ("Miliband", "PERSON")),
    ]
    table = link_entities(docs, aliases=aliases)
    gaddafi = table.entities["PERSON/muammar gaddafi"]
    assert gaddafi.merges == (("Gadhafi", "alias"),)
    assert sorted(e.label for e in table) == ["David Miliband", "Miliband", "Muammar Gaddafi"]


def test_bad_alias_line_names_the_file_and_line(tmp_path):
    import pytest

    from kg.errors import ConfigError
    from kg.resolve import read_aliases

    path = tmp_path / "aliases.tsv"
    path.write_text("# names\nGNA\tGovernment of National Accord\nonly one column\n")
    with pytest.raises(ConfigError, match=r"aliases.tsv:3: expected"):
        read_aliases(path)


def test_names_already_in_a_graph_link_to_its_nodes():
    known = [
        KnownEntity(
            iri="http://x/haftar",
            label="Khalifa Haftar",
            type="PERSON",
            names=("Khalifa Haftar", "Haftar"),
            mention_count=9,
        )
    ]
    table = link_entities([extraction("new", ("Haftar", "PERSON"), ("Tripoli", "GPE"))], known=known)
    haftar = next(e for e in table if e.iri == "http://x/haftar")
    assert haftar.label == "Khalifa Haftar" and haftar.mention_count == 10
    assert table.key_of(Mention("new", 0, 6, "Haftar", "PERSON", 0)) == haftar.key


# --- found in review ----------------------------------------------------------------------


def test_two_people_sharing_a_surname_stay_two_across_documents():
    docs = [
        extraction("a", ("Tony Blair", "PERSON"), ("Mr Blair", "PERSON")),
        extraction("b", ("Cherie Blair", "PERSON"), ("Mrs Blair", "PERSON")),
    ]
    table = link_entities(docs)
    assert sorted(e.label for e in table) == ["Cherie Blair", "Tony Blair"]
    docs = [
        extraction("a", ("Ed Miliband", "PERSON"), ("Miliband", "PERSON")),
        extraction("b", ("David Miliband", "PERSON"), ("Miliband", "PERSON")),
    ]
    assert sorted(e.label for e in link_entities(docs)) == ["David Miliband", "Ed Miliband"]


def test_mrs_and_mr_are_never_one_person():
    alone = link_entities([extraction("a", ("Mr Howard", "PERSON"), ("Mrs Howard", "PERSON"))])
    assert sorted(e.label for e in alone) == ["Mr Howard", "Mrs Howard"]
    with_full_name = link_entities(
        [extraction("a", ("Michael Howard", "PERSON"), ("Mr Howard", "PERSON"), ("Mrs Howard", "PERSON"))]
    )
    assert sorted(e.label for e in with_full_name) == ["Michael Howard", "Mrs Howard"]
    across = link_entities([extraction("a", ("Mr Howard", "PERSON")), extraction("b", ("Mrs Howard", "PERSON"))])
    assert len(across) == 2


def test_the_same_name_typed_differently_in_several_documents_does_not_depend_on_order():
    docs = [
        extraction("a", ("Tories", "PERSON")),
        extraction("b", ("Tories", "NORP")),
        extraction("c", ("Tories", "NORP")),
    ]
    results = {
        tuple(sorted((e.key, e.mention_count) for e in link_entities(order)))
        for order in (docs, docs[::-1], [docs[1], docs[0], docs[2]])
    }
    assert len(results) == 1
    assert ("NORP/tories", 2) in next(iter(results))


def test_a_surname_matching_two_graph_nodes_stays_apart():
    known = [
        KnownEntity("http://x/john", "John Smith", "PERSON", ("John Smith", "Smith")),
        KnownEntity("http://x/jane", "Jane Smith", "PERSON", ("Jane Smith", "Smith")),
    ]
    table = link_entities([extraction("new", ("Smith", "PERSON"))], known=known)
    smith = table.entities[table.key_of(Mention("new", 0, 5, "Smith", "PERSON", 0))]
    assert smith.iri is None


def test_a_headline_casing_of_an_acronym_does_not_become_the_name():
    # Seen on the full BBC corpus: "Us" (a title-cased headline) had outranked "US" as a "full name".
    docs = [
        extraction("a", ("US", "GPE"), ("US", "GPE")),
        extraction("b", ("Us", "GPE"), ("UK", "GPE")),
        extraction("c", ("Uk", "GPE"), ("UK", "GPE")),
    ]
    labels = sorted(e.label for e in link_entities(docs))
    assert labels == ["UK", "US"]


def test_only_the_known_entities_a_new_name_could_join_are_compared_and_the_result_is_the_same():

    from kg.resolve.link import _candidates

    known = [
        KnownEntity(
            iri="http://x/gna",
            label="Government of National Accord",
            type="ORG",
            names=("Government of National Accord", "GNA"),
            mention_count=4,
        ),
        KnownEntity(
            iri="http://x/haftar", label="Khalifa Haftar", type="PERSON", names=("Khalifa Haftar",), mention_count=3
        ),
        KnownEntity(iri="http://x/labour", label="Labour Party", type="ORG", names=("Labour Party",)),
        KnownEntity(iri="http://x/blair", label="Tony Blair", type="PERSON", names=("Tony Blair",)),
    ]
    new = [extraction("n", ("GNA", "ORG"), ("Haftar", "PERSON"), ("Labour", "ORG"), ("Gordon Brown", "PERSON"))]
    kept = _candidates(known, new, Aliases())
    assert [k.label for k in kept] == ["Government of National Accord", "Khalifa Haftar", "Labour Party"]
    table = link_entities(new, known=known)
    labels = {m.text: table.entities[table.key_of(m)].label for m in new[0].mentions}
    assert labels == {
        "GNA": "Government of National Accord",
        "Haftar": "Khalifa Haftar",
        "Labour": "Labour Party",
        "Gordon Brown": "Gordon Brown",
    }


def test_a_name_that_normalises_to_nothing_is_still_an_entity():
    # Found by tests/test_fuzz.py: "_" tagged PERSON made linking fail for the whole build.
    table = link_entities([extraction("d", ("_", "PERSON"), ("The", "ORG"), ("Tony Blair", "PERSON"))])
    assert sorted(e.label for e in table) == ["The", "Tony Blair", "_"]


def test_a_name_of_format_characters_only_is_still_an_entity():
    # Found by tests/test_fuzz.py once keys dropped format characters: a lone soft hyphen tagged
    # PERSON had the key "", and the surname rule failed on it for the whole build.
    table = link_entities([extraction("d", ("\xad", "PERSON"), ("Gordon Brown", "PERSON"))])
    assert sorted(e.label for e in table) == ["Gordon Brown", "\xad"]


# Issue 14: names that look the same but differ by format characters (zero-width space,
# bidi controls) were three Person nodes.
LOOKALIKES = ("Gordon Brown", "Gor\u200bdon Brown", "Gordon Brown\u200b")


def test_names_that_differ_only_by_format_characters_are_one_entity():
    table = link_entities(
        [extraction("d1", *((name, "PERSON") for name in LOOKALIKES), ("\u202eGordon Brown\u2069", "PERSON"))]
    )
    assert [e.label for e in table] == ["Gordon Brown"]
    assert name_keys("Gor\u200bdon\u00a0Brown") == name_keys("Gordon Brown")


@pytest.mark.model
def test_lookalike_names_in_a_real_text_are_one_person_node():
    import kg

    text = (
        "Brown speaks\nGordon Brown said on Monday that taxes would not rise. "
        "Later, Gor\u200bdon Brown met business leaders in London. "
        "Gordon Brown\u200b also visited a school in Leeds."
    )
    graph = kg.build_text(text)
    rows = {
        (str(row.e), str(row.label))
        for row in graph.query("SELECT ?e ?label WHERE { ?e a kg:Person ; rdfs:label ?label }")
    }
    assert rows == {("https://example.org/kg/id/entity/person/gordon-brown", "Gordon Brown")}
    alt = {str(row.alt) for row in graph.query("SELECT ?alt WHERE { ?e a kg:Person ; skos:altLabel ?alt }")}
    # and the headline's "Brown" is his surname (issue 17: spaCy saw no name there)
    assert alt == {*LOOKALIKES[1:], "Brown"}


# zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides, isolates
FORMAT_CHARACTERS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from(FORMAT_CHARACTERS)), max_size=5),
)
def test_format_characters_never_change_a_name_key_or_iri(name, insertions):
    from kg.rdf import iri
    from kg.text.names import normalise_name

    lookalike = name
    for position, character in insertions:
        lookalike = lookalike[:position] + character + lookalike[position:]
    assert normalise_name(lookalike) == normalise_name(name)
    assert name_keys(lookalike) == name_keys(name)
    assert iri.entity_iri(iri.DEFAULT_BASE, "Person", lookalike) == iri.entity_iri(iri.DEFAULT_BASE, "Person", name)


def _many_names(n):
    """One document naming ``n`` distinct things: full names, lone surnames, acronyms, organisations."""
    names = []
    for i in range(n // 4):
        tag = "".join(chr(ord("a") + int(d)) for d in str(i))  # letters only: 12 -> "bc"
        names += [
            (f"Ann{tag} Lee{tag}", "PERSON"),
            (f"Ray{tag}", "PERSON"),
            (f"Q{tag.upper()}", "ORG"),
            (f"Bank{tag} of Mars{tag}", "ORG"),
        ]
    return extraction("names", *names)


def test_linking_many_distinct_names_costs_in_proportion_to_them():
    # 50,000 distinct names in one file: each acronym and lone surname was compared with every
    # name of the document. Ten times the names must cost about ten times the work.
    from tests.work import count_work

    small, large = _many_names(400), _many_names(4_000)
    link_entities([small])  # imports on first use are not work per name
    base = count_work(lambda: link_entities([small]), with_lines=True)
    work = count_work(lambda: link_entities([large]), budget=11 * base, with_lines=True)
    assert work is not None, "10x the names cost more than 11x the work"
    assert len(link_entities([large])) == 4_000
