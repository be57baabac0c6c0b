"""A new typed relation is a line in relations.tsv and a property in kg.ttl: no Python edit.

The test points kg at copies of both files that add ``kg:opposes`` ("oppose" between a
group or organisation and anything), maps a hand-made extraction, and finds the new typed
predicate in the quads.
"""

import functools
from pathlib import Path

import pytest

import kg.rdf.mapping as mapping
import kg.vocab as vocab
from kg.model import Argument, Document, Extraction, Mention, Relation
from kg.rdf import iri
from kg.resolve import link_entities

ONTOLOGY = Path(vocab.__file__).resolve().parents[1] / "ontology"
NEW_PROPERTY = """
kg:opposes a owl:ObjectProperty ; rdfs:subPropertyOf kg:stance ; rdfs:label "opposes"@en .
"""
NEW_RULE = "oppose\tkg:opposes\tOrganization\t*\n"
BASE = "https://example.org/kg/id/"


def _cached():
    """Everything that keeps what it read of the two files."""
    found = [value for value in vars(vocab).values() if isinstance(value, functools._lru_cache_wrapper)]
    return found + [mapping._typed, mapping.ontology_quads]


@pytest.fixture
def ontology_with_opposes(tmp_path, monkeypatch):
    """kg reading copies of kg.ttl and relations.tsv that declare and type "oppose"."""
    (tmp_path / "kg.ttl").write_text((ONTOLOGY / "kg.ttl").read_text(encoding="utf-8") + NEW_PROPERTY, encoding="utf-8")
    (tmp_path / "relations.tsv").write_text(
        (ONTOLOGY / "relations.tsv").read_text(encoding="utf-8") + NEW_RULE, encoding="utf-8"
    )
    monkeypatch.setattr(vocab, "ontology_path", lambda: tmp_path / "kg.ttl")
    monkeypatch.setattr(vocab, "relations_path", lambda: tmp_path / "relations.tsv")
    for function in _cached():
        function.cache_clear()
    yield
    monkeypatch.undo()
    for function in _cached():
        function.cache_clear()


def opposition() -> Extraction:
    text = "Hamas opposed the plan."
    hamas = Mention("d", 0, 5, "Hamas", "ORG", 0)
    relation = Relation(
        "d",
        Argument("Hamas", "Hamas", 0, 5, mention=hamas),
        "oppose",
        Argument("the plan", "plan", 14, 22),
        text,
        0,
        len(text),
        relation_text="opposed",
        pattern="svo",
    )
    return Extraction(Document("d", text), (hamas,), (relation,))


def typed_triples() -> set[tuple[str, str, str]]:
    extraction = opposition()
    quads = mapping.quads([extraction], link_entities([extraction]), base=BASE)
    return {(q.subject.value, q.predicate.value, q.object.value) for q in quads}


def test_a_new_relation_type_needs_only_the_two_data_files(ontology_with_opposes):
    opposes = str(vocab.KG_NS["opposes"])
    hamas = str(iri.entity_iri(BASE, "Organization", "Hamas"))
    plan = str(iri.concept_iri(BASE, "plan"))
    triples = typed_triples()
    assert (hamas, opposes, plan) in triples
    assert any(p == str(vocab.KG.relationType) and o == opposes for _, p, o in triples)
    # the ontology that travels with the data declares it, and the namespace made from it knows it
    assert any(q.subject.value == opposes for q in mapping.ontology_quads())
    assert vocab.closed_namespace(vocab.ontology_triples())["opposes"] == vocab.KG_NS["opposes"]


def test_without_the_two_lines_oppose_stays_an_open_relation():
    assert not any(p.endswith("#opposes") for _, p, _ in typed_triples())
    with pytest.raises(AttributeError):
        vocab.KG.opposes


def test_a_rule_naming_an_undeclared_property_is_refused(tmp_path, monkeypatch):
    (tmp_path / "relations.tsv").write_text(NEW_RULE, encoding="utf-8")
    monkeypatch.setattr(vocab, "relations_path", lambda: tmp_path / "relations.tsv")
    vocab.typing_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"relations.tsv:1: kg:opposes is not declared in kg.ttl"):
            vocab.typing_rules()
    finally:
        monkeypatch.undo()
        vocab.typing_rules.cache_clear()
