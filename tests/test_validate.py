"""``kg validate`` runs the shapes' SPARQL targets in Oxigraph and hands pySHACL the nodes they find:
the report must be the one pySHACL gives when it runs the targets itself."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SH

import kg
import kg.validate
from kg.store import as_store, serialize
from kg.validate import found_targets, shapes_graph, validate
from kg.vocab import KG, KGR
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model

HAFTAR = URIRef("https://example.org/kg/id/entity/person/khalifa-haftar")


@pytest.fixture(scope="module")
def broken():
    """The example article's graph, broken where each SPARQL target looks, and the statement made wrong."""
    graph = kg.build(EXAMPLE).graph
    negated = next(graph.subjects(KG.negated, Literal(True)))
    graph.set((negated, KG.asserted, Literal(True)))  # a denial written as a plain fact
    graph.add((HAFTAR, KGR["undeclared"], HAFTAR))  # a relation neither declared nor under kg:relatedTo
    graph.add((HAFTAR, KGR["undeclared"], URIRef("https://example.org/kg/id/entity/person/nobody")))  # dangles
    return graph, negated


def report(violations) -> set[tuple]:
    return {(v.focus, v.path, v.message, v.value, v.severity) for v in violations}


def test_the_targets_found_by_oxigraph_give_pyshacl_s_own_report(broken, monkeypatch, tmp_path):
    graph, negated = broken
    found = report(validate(graph))
    (tmp_path / "broken.trig").write_bytes(serialize(graph, "trig"))
    loaded = kg.load(tmp_path / "broken.trig")
    on_store = report(validate(loaded.store))  # what kg validate FILE does: the file read into Oxigraph
    monkeypatch.setattr(kg.validate, "found_targets", lambda store, shapes: shapes)
    expected = report(validate(graph))  # pySHACL running the SPARQL targets itself
    assert found == expected == on_store
    messages = {message.split(" ")[0] for _, _, message, _, _ in expected}
    # each kind of violation a SPARQL target finds is there: the assertion, the hierarchy, the dangling node
    assert {"a", "relation"} <= messages and any("dangles" in m for _, _, m, _, _ in expected)
    assert any(focus.endswith(negated.rsplit("/", 1)[-1]) for focus, *_ in expected)


def test_the_shapes_name_the_nodes_instead_of_the_queries(broken):
    graph, negated = broken
    shipped = shapes_graph()
    with_queries = {
        shape for shape, target in shipped.subject_objects(SH.target) if (target, RDF.type, SH.SPARQLTarget) in shipped
    }
    shapes = found_targets(as_store(graph), shipped)
    assert with_queries and not [t for t in shapes.objects(None, SH.target) if (t, RDF.type, SH.SPARQLTarget) in shapes]
    named = {node for shape in with_queries for node in shapes.objects(shape, SH.targetNode)}
    assert {negated, KGR["undeclared"]} <= named
    assert len(shipped) < len(shapes) and with_queries == {  # the shipped shapes are left as they were
        shape for shape, target in shipped.subject_objects(SH.target) if (target, RDF.type, SH.SPARQLTarget) in shipped
    }
