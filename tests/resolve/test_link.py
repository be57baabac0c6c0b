"""Merging mentions into entities (no model needed)."""

from kg.model import Document, Extraction, Mention
from kg.resolve import link_entities


def extraction(doc_id, *names):
    mentions = []
    position = 0
    for name, label in names:
        mentions.append(Mention(doc_id, position, position + len(name), name, label, 0))
        position += len(name) + 1
    return Extraction(document=Document(id=doc_id, text=""), mentions=tuple(mentions))


def test_acronym_and_surname_merge_within_a_document():
    table = link_entities([extraction(
        "d1",
        ("Government of National Accord", "ORG"), ("GNA", "ORG"), ("GNA", "ORG"),
        ("Khalifa Haftar", "PERSON"), ("Haftar", "PERSON"),
    )])
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
    table = link_entities([extraction(
        "d1", ("Ed Miliband", "PERSON"), ("David Miliband", "PERSON"), ("Miliband", "PERSON"))])
    assert sorted(e.label for e in table) == ["David Miliband", "Ed Miliband", "Miliband"]


def test_same_entity_across_documents_is_one_entity_whatever_the_order():
    docs = [extraction("a", ("Khalifa Haftar", "PERSON")), extraction("b", ("Haftar", "PERSON"), ("UN", "ORG"))]
    forward, backward = link_entities(docs), link_entities(list(reversed(docs)))
    assert sorted(forward.entities) == sorted(backward.entities) == ["ORG/un", "PERSON/khalifa haftar"]
    haftar = forward.entities["PERSON/khalifa haftar"]
    assert haftar.documents == ("a", "b") and haftar.mention_count == 2
