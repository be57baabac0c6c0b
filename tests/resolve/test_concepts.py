"""Concepts merged by label over a whole build (no model needed)."""

from kg.model import Argument, Document, Extraction, Mention, Relation
from kg.resolve.concepts import Concept, ConceptTable

GNA = Mention("d", 0, 3, "GNA", "ORG", 0)


def said(obj: Argument, attribution: Argument | None = None) -> Relation:
    return Relation("d", Argument("GNA", "GNA", 0, 3, mention=GNA), "reject", obj, "", 0, 40, attribution=attribution)


def concept(label: str) -> Argument:
    return Argument(label, label, 10, 10 + len(label))


def table(*relations: Relation) -> list[Concept]:
    return list(ConceptTable.from_extractions([Extraction(Document("d", ""), (GNA,), relations)]))


def test_the_label_written_most_often_wins_and_ties_go_alphabetically():
    assert table(said(concept("Truce")), said(concept("truce")), said(concept("truce"))) == [
        Concept("truce", ("Truce",))
    ]
    assert table(said(concept("truce")), said(concept("Truce"))) == [Concept("Truce", ("truce",))]


def test_names_and_reported_clauses_are_no_concepts_but_attributions_are():
    clause = Argument("it will continue", "continue", 10, 26, clause=True)
    found = table(said(clause, attribution=concept("officials")), said(Argument("GNA", "GNA", 10, 13, mention=GNA)))
    assert found == [Concept("officials")]


def test_counts_add_up_over_documents():
    first = Extraction(Document("a", ""), (), (said(concept("ceasefire")),))
    second = Extraction(Document("b", ""), (), (said(concept("Ceasefire")), said(concept("Ceasefire"))))
    assert list(ConceptTable.from_extractions([first, second])) == [Concept("Ceasefire", ("ceasefire",))]
