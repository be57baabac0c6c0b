"""The KG namespace is made from the ontology file, and kg's code names only terms it declares."""

import re
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

import kg
from kg.vocab import (
    ENTITY_LABELS,
    KG,
    ONTOLOGY_IRI,
    PREFIXES,
    class_for_label,
    label_for_class,
    ontology_graph,
    ontology_path,
    typing_rules,
)


def test_every_term_the_ontology_declares_is_in_the_namespace_and_no_other():
    ontology = ontology_graph()
    declared = {
        s
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(KG._NS)) and s != ONTOLOGY_IRI
    }
    assert {KG[name] for name in KG.__annotations__} == declared
    assert KG.rejects in declared and len(declared) > 50
    with pytest.raises(AttributeError):
        KG.rejected  # a typo fails where it is written


def test_every_term_kg_writes_is_declared():
    # KG is made at import, so a term misspelt in the code would only fail when that line runs.
    source = "\n".join(path.read_text(encoding="utf-8") for path in Path(kg.__file__).parent.rglob("*.py"))
    used = set(re.findall(r"\bKG\.([A-Za-z]\w*)", source)) | set(re.findall(r"\bT\.kg_(\w+)", source))
    assert {"Statement", "mentionCount", "extraction"} <= used
    assert used - {"_NS"} <= set(KG.__annotations__)


def test_the_prefix_map_agrees_with_the_ontology_file():
    text = ontology_path().read_text(encoding="utf-8")
    for prefix, namespace in re.findall(r"@prefix (\w+):\s+<([^>]+)>", text):
        if prefix in PREFIXES:
            assert str(PREFIXES[prefix]) == namespace, prefix
    assert str(ONTOLOGY_IRI) + "#" == str(PREFIXES["kg"])


def test_every_typed_relation_is_a_declared_property():
    for rule in typing_rules():
        assert (rule.relation, RDF.type, OWL.ObjectProperty) in ontology_graph(), rule


def test_every_entity_class_is_aligned_with_schema_org_or_explains_why_not():
    ontology = ontology_graph()
    for cls in ontology.transitive_subjects(RDFS.subClassOf, KG.Entity):
        if cls == KG.Entity:
            continue
        aligned = [
            o
            for p in (OWL.equivalentClass, RDFS.subClassOf)
            for o in ontology.objects(cls, p)
            if str(o).startswith("https://schema.org/")
        ]
        assert aligned or ontology.value(cls, RDFS.comment), cls


def test_spacy_labels_map_to_classes():
    assert class_for_label("PERSON") == KG.Person
    assert class_for_label("GPE") == KG.GeopoliticalEntity
    assert class_for_label("NORP") == KG.Group
    assert class_for_label("NO_SUCH_LABEL") == KG.Entity
    assert {label_for_class(class_for_label(label)) for label in ENTITY_LABELS} == ENTITY_LABELS
    assert "DATE" not in ENTITY_LABELS and label_for_class(KG.Concept) is None


def test_missing_typed_relation_rules_are_a_config_error_naming_the_file(tmp_path, monkeypatch):
    import kg.vocab as vocab
    from kg.errors import ConfigError

    monkeypatch.setattr(vocab, "relations_path", lambda: tmp_path / "relations.tsv")
    typing_rules.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"relations\.tsv: typed-relation rules missing"):
            typing_rules()
    finally:
        monkeypatch.undo()
        typing_rules.cache_clear()
