"""The lean statement model: one node per sentence, one prov:Activity per build, nothing written twice."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

import kg
from kg.model import EXTRACTOR
from kg.read import iter_documents
from kg.vocab import KG
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def test_each_sentence_is_one_node_whose_offsets_give_its_text(example_graph):
    g = example_graph.graph
    (read,) = iter_documents([EXAMPLE])
    text = read.text
    sentences = set(g.subjects(RDF.type, KG.Sentence))
    assert len(sentences) >= 10
    (document,) = g.subjects(RDF.type, KG.Document)
    for sentence in sentences:
        (start,), (end,) = g.objects(sentence, KG.startChar), g.objects(sentence, KG.endChar)
        (written,) = g.objects(sentence, KG.text)
        assert text[start.toPython() : end.toPython()] == str(written)
        assert set(g.objects(sentence, KG.document)) == {document}
        assert len(list(g.objects(sentence, KG.index))) == 1
    # Two sentences never share a text in this article: one node per sentence, however many
    # statements and names were read from it.
    assert len({str(next(g.objects(s, KG.text))) for s in sentences}) == len(sentences)


def test_statements_and_mentions_point_to_their_sentence_and_repeat_nothing_of_it(example_graph):
    g = example_graph.graph
    statements = set(g.subjects(RDF.type, KG.Statement))
    mentions = set(g.subjects(RDF.type, KG.Mention))
    assert len(statements) >= 30 and len(mentions) >= 20
    for node in statements | mentions:
        (sentence,) = g.objects(node, KG.sentence)
        assert (sentence, RDF.type, KG.Sentence) in g
        assert not set(g.objects(node, KG.document)) and not set(g.objects(node, KG.extractor))
    for statement in statements:
        assert not set(g.objects(statement, KG.startChar)) and not set(g.objects(statement, KG.endChar))
        for flag in (KG.negated, KG.passive, KG.asserted):
            assert set(g.objects(statement, flag)) <= {Literal(True)}
    # A mention lies inside its sentence.
    for mention in mentions:
        (sentence,) = g.objects(mention, KG.sentence)
        (start,), (end,) = g.objects(mention, KG.startChar), g.objects(mention, KG.endChar)
        assert next(g.objects(sentence, KG.startChar)).toPython() <= start.toPython()
        assert end.toPython() <= next(g.objects(sentence, KG.endChar)).toPython()


def test_the_flags_that_hold_are_written(example_graph):
    rows = example_graph.query(
        "SELECT ?relation WHERE { ?st kg:negated true ; kg:relationText ?relation . "
        'FILTER(CONTAINS(?relation, "not")) }'
    )
    assert {str(r[0]) for r in rows} >= {"will not follow"}
    passive = {str(r[0]) for r in example_graph.query("SELECT ?t WHERE { ?st kg:passive true ; kg:relationText ?t }")}
    assert any("called" in t for t in passive)
    asserted = example_graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?st kg:asserted true }")
    assert int(next(iter(asserted))[0]) >= 20


def test_documents_name_one_build_and_the_build_names_the_extractor(example_graph):
    g = example_graph.graph
    (document,) = g.subjects(RDF.type, KG.Document)
    (build,) = g.objects(document, PROV.wasGeneratedBy)
    assert (build, RDF.type, PROV.Activity) in g
    assert set(g.objects(build, KG.extractor)) == {Literal(EXTRACTOR)}
    assert any(str(o).startswith("model=") for o in g.objects(build, KG.option))


def _build_node(graph) -> URIRef:
    (build,) = graph.graph.subjects(RDF.type, PROV.Activity)
    return build


def test_the_same_build_twice_is_one_activity_and_other_options_another(tmp_path):
    article = tmp_path / "truce.txt"
    article.write_text("Truce\n\nLibya's government on Thursday rejected a truce called by Khalifa Haftar.\n")
    first = kg.build(article, date="2020-05-01")
    again = kg.build(article, date="2020-05-01")
    other = kg.build(article, date="2020-05-02")
    assert _build_node(first) == _build_node(again)
    assert _build_node(first) != _build_node(other)
    assert Literal("date=2020-05-02") in set(other.graph.objects(_build_node(other), KG.option))
