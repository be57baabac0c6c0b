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


def _document_quads(extraction) -> set[tuple[str, str, str]]:
    from kg.rdf.mapping import quad_batches
    from kg.resolve import link_entities

    batches = dict(quad_batches([extraction], link_entities([extraction]), base="http://x/"))
    return {(q.subject.value, q.predicate.value, q.object.value) for q in batches["http://x/graph/document/d"]}


def test_hand_made_records_get_one_sentence_node_each_and_keep_them_through_the_record():
    """An extraction made without its sentences (by hand, or by a benchmark): a relation's sentence
    is its span, a name outside every relation gets its line, never the whole text; and the record
    kg remove maps the document again from gives the same nodes."""
    from kg.model import Argument, Document, Extraction, Mention, Relation
    from kg.rdf.record import decode_extraction, encode_extraction

    text = "Haftar met Sarraj.\nParis was calm.\nRome too."
    haftar, sarraj = Mention("d", 0, 6, "Haftar", "PERSON", 0), Mention("d", 11, 17, "Sarraj", "PERSON", 0)
    paris, rome = Mention("d", 19, 24, "Paris", "GPE", 1), Mention("d", 35, 39, "Rome", "GPE", 2)
    met = Relation(
        "d",
        Argument("Haftar", "Haftar", 0, 6, haftar),
        "meet",
        Argument("Sarraj", "Sarraj", 11, 17, sarraj),
        "Haftar met Sarraj.",
        0,
        18,
        relation_text="met",
        pattern="svo",
    )
    extraction = Extraction(Document("d", text), (haftar, sarraj, paris, rome), (met,))
    quads = _document_quads(extraction)
    texts = {o for _, p, o in quads if p == str(KG.text)}
    assert texts == {"Haftar met Sarraj.", "Paris was calm.", "Rome too."}
    assert not any(p == str(KG.index) for _, p, _ in quads)  # none is known
    again = decode_extraction(encode_extraction(extraction))
    assert _document_quads(again) == quads


def test_a_relation_read_from_part_of_a_sentence_keeps_its_own_offsets():
    """A long sentence the relation reader cut elsewhere than the names' sentences: the statement
    points to a node of its own span, not to the listed sentence that merely starts where it does."""
    from kg.model import Argument, Document, Extraction, Mention, Relation, Sentence

    text = "The officials register voters and the officials count votes and the officials close polls."
    officials = Mention("d", 4, 13, "officials", "NORP", 0)
    part = Relation(
        "d",
        Argument("The officials", "officials", 0, 13, officials),
        "register",
        Argument("voters", "voters", 23, 29),
        text[:29],
        0,
        29,
        relation_text="register",
        pattern="svo",
    )
    listed = (Sentence(0, 0, len(text), text),)
    quads = _document_quads(Extraction(Document("d", text), (officials,), (part,), listed))
    spans = {
        (int(start), int(end))
        for s, p, start in quads
        if p == str(KG.startChar)
        for s2, p2, end in quads
        if s2 == s and p2 == str(KG.endChar) and "/sentence/" in s
    }
    assert spans == {(0, len(text)), (0, 29)}


def test_a_document_built_again_with_other_options_leaves_no_build_behind(tmp_path):
    article = tmp_path / "truce.txt"
    article.write_text("Truce\n\nLibya's government on Thursday rejected a truce called by Khalifa Haftar.\n")
    store = tmp_path / "store"
    kg.build(article, store=str(store), date="2020-05-01").store.close()
    graph = kg.build(article, store=str(store), date="2020-05-02")
    rows = graph.query("SELECT ?b ?option WHERE { ?b a prov:Activity ; kg:option ?option }")
    options = {str(row[1]) for row in rows}
    assert "date=2020-05-02" in options and "date=2020-05-01" not in options
    assert len({row[0] for row in rows}) == 1
    graph.store.close()


def test_the_version_a_build_names_is_the_package_version():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert kg.__version__ == project["project"]["version"]
