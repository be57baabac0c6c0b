"""The query API on a tiny hand-made graph: run_query, format_result, the named queries.

The same graph is queried as an rdflib dataset (what ``kg.load`` gives) and in an Oxigraph
store (what a build gives): kg promises the same answers from both.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.query import (
    RESULT_FORMATS,
    format_result,
    named_query,
    result_to_dataframe,
    run_named_query,
    run_query,
)
from kg.store import OxigraphStore, load_graph
from kg.store.graph import prefixes

#: kg's prefixes, as `kg query` on a store hands them to format_result.
KG_PREFIXES = prefixes()

#: One document saying that the GNA rejected the truce (and did not trust Haftar), as kg maps it.
TRIG = """
@prefix kg: <https://example.org/kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/kg/id/> .
@prefix kgr: <https://example.org/kg/relation/> .

<https://example.org/kg/id/graph/corpus> {
  id:gna a kg:Organization ; rdfs:label "Government of National Accord" ; skos:altLabel "GNA", "it" ;
      kg:mentionCount 3 .
  id:haftar a kg:Person ; rdfs:label "Khalifa Haftar" ; skos:altLabel "Haftar" ; kg:mentionCount 2 .
  id:truce a kg:Concept ; rdfs:label "truce" .
  kgr:reject rdfs:label "reject" .
  kgr:trust rdfs:label "trust" .
}
<https://example.org/kg/id/graph/document/libya> {
  id:document-libya a kg:Document ; dcterms:identifier "libya" ; dcterms:title "GNA rejects truce" .
  id:gna kg:mentionedIn id:document-libya . id:haftar kg:mentionedIn id:document-libya .
  id:sentence-1 a kg:Sentence ; kg:text "The GNA rejected the truce." ; kg:document id:document-libya .
  id:sentence-2 a kg:Sentence ; kg:text "It will not trust Haftar." ; kg:document id:document-libya .
  id:m1 a kg:Mention ; kg:mentionOf id:gna ; kg:surfaceForm "GNA" ; kg:mergedBy "acronym" ;
      kg:sentence id:sentence-1 .
  id:m2 a kg:Mention ; kg:mentionOf id:haftar ; kg:surfaceForm "Haftar" ; kg:mergedBy "surname" ;
      kg:sentence id:sentence-2 .
  id:s1 a kg:Statement ; rdf:subject id:gna ; rdf:predicate kgr:reject ; rdf:object id:truce ;
      kg:confidence "0.9"^^xsd:decimal ; kg:sentence id:sentence-1 .
  id:s2 a kg:Statement ; rdf:subject id:gna ; rdf:predicate kgr:trust ; rdf:object id:haftar ;
      kg:negated true ; kg:modality "will" ; kg:confidence "0.7"^^xsd:decimal ; kg:sentence id:sentence-2 .
}
"""
SELECT = "SELECT ?label ?n WHERE { ?e rdfs:label ?label ; kg:mentionCount ?n } ORDER BY DESC(?n)"


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def graph(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    if request.param == "rdflib":
        return load_graph(path)
    store = OxigraphStore()
    store.load_file(path)
    return store


def test_kg_prefixes_may_be_used_undeclared_and_rows_come_back_in_order(graph):
    rows = [(str(row.label), row.n.toPython()) for row in run_query(graph, SELECT)]
    assert rows == [("Government of National Accord", 3), ("Khalifa Haftar", 2)]


def test_bindings_give_values_to_variables(graph):
    query = "SELECT ?e ?name WHERE { ?e rdfs:label|skos:altLabel ?name }"
    result = run_query(graph, query, bindings={"name": Literal("GNA")})
    assert [(str(row.e), str(row.name)) for row in result] == [("https://example.org/kg/id/gna", "GNA")]
    result = run_query(graph, query, bindings={"e": URIRef("https://example.org/kg/id/truce")})
    assert [str(row.name) for row in result] == ["truce"]


def test_oxigraph_binds_only_variables_the_query_selects(graph):
    """A known limit (pyoxigraph 0.5's substitutions): on a store, only a variable the SELECT
    projects can be bound; rdflib binds any (as the named query facts_about needs)."""
    query = "SELECT ?e WHERE { ?e rdfs:label|skos:altLabel ?name }"
    if isinstance(graph, OxigraphStore):
        with pytest.raises(QueryError, match=r"does not contains variable \?name in its SELECT projection"):
            run_query(graph, query, bindings={"name": Literal("GNA")})
    else:
        assert [str(row.e) for row in run_query(graph, query, bindings={"name": Literal("GNA")})] == [
            "https://example.org/kg/id/gna"
        ]


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?s kg:negated true }").askAnswer is True
    assert run_query(graph, "ASK { ?s kg:negated 'yes' }").askAnswer is False
    built = run_query(
        graph,
        "CONSTRUCT { ?s ?p ?o } WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o "
        "FILTER NOT EXISTS { ?st kg:negated true } }",
    )
    assert {(str(s), str(o)) for s, _, o in built.graph} == {
        ("https://example.org/kg/id/gna", "https://example.org/kg/id/truce")
    }


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "empty SPARQL query"),
        ("SELECT ?x WHERE { ?x ?y }", "invalid SPARQL: line 1, column"),
        ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "invalid SPARQL"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "refused: the query uses SERVICE"),
        ("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "refused: the query uses FROM"),
    ],
)
def test_bad_queries_are_refused_with_what_is_wrong(graph, query, message):
    with pytest.raises(QueryError, match=message):
        run_query(graph, query)


def test_a_query_that_fails_as_it_runs_is_a_query_error(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text('<http://x/a> <http://x/b> "x" .\n', encoding="utf-8")
    with pytest.raises(QueryError, match="query failed: missing \\), unterminated subpattern"):
        run_query(load_graph(path), 'SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(?o, "(")) }')


def test_format_result_in_every_format(graph):
    result = run_query(graph, SELECT)
    table = format_result(result, "table", prefixes=KG_PREFIXES)
    assert "Government of National Accord" in table and table.splitlines()[-1].strip() == "2 rows"
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["label", "n"], ["Government of National Accord", "3"], ["Khalifa Haftar", "2"]]
    assert format_result(result, "tsv").splitlines()[1] == "Government of National Accord\t3"
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert bindings[1]["label"]["value"] == "Khalifa Haftar"
    assert set(RESULT_FORMATS) == {"table", "csv", "tsv", "json"}
    with pytest.raises(QueryError, match="unknown result format 'xml'; choose from table, csv, tsv, json"):
        format_result(result, "xml")


def test_format_result_of_ask_and_construct(graph):
    ask = run_query(graph, "ASK { ?s kg:modality 'will' }")
    assert format_result(ask, "table") == "true" and json.loads(format_result(ask, "json"))["boolean"] is True
    built = run_query(graph, "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Person ; rdfs:label ?l }")
    assert '"Khalifa Haftar"' in format_result(built, "csv")  # Turtle, whatever the format asked


def test_the_table_shortens_iris_with_the_graph_s_prefixes(graph):
    result = run_query(graph, "SELECT ?e WHERE { ?e a kg:Person }")
    assert "https://example.org/kg/id/haftar" in format_result(result, "table")
    assert "id:haftar" in format_result(result, "table", prefixes=KG_PREFIXES | {"id": "https://example.org/kg/id/"})
    assert "kg:Person" in format_result(run_query(graph, "SELECT ?c WHERE { ?e a ?c }"), "table", prefixes=KG_PREFIXES)


def test_a_result_becomes_a_dataframe_of_python_values(graph):
    frame = result_to_dataframe(run_query(graph, SELECT))
    assert list(frame.columns) == ["label", "n"] and frame["n"].tolist() == [3, 2]


def test_named_queries(graph):
    entities = list(run_query(graph, named_query("entities")))
    # GROUP_CONCAT's order is the engine's: the aliases are compared as a set.
    assert [
        (str(row.label), str(row.type), int(row.mentions), set(str(row.aliases).split(" | "))) for row in entities
    ] == [
        ("Government of National Accord", "Organization", 3, {"GNA", "it"}),
        ("Khalifa Haftar", "Person", 2, {"Haftar"}),
    ]
    merges = {(str(row.label), str(row.surface), str(row.rule)) for row in run_query(graph, named_query("merges"))}
    assert merges == {("Government of National Accord", "GNA", "acronym"), ("Khalifa Haftar", "Haftar", "surname")}
    if not isinstance(graph, OxigraphStore):  # it binds ?name, which it does not select (see above)
        facts = [
            (str(r.subject), str(r.relation), str(r.object), r.negated.toPython(), str(r.modality))
            for r in run_named_query(graph, "facts_about", name="haftar")
        ]
        assert facts == [("Government of National Accord", "trust", "Khalifa Haftar", True, "will")]
    assert len(list(run_named_query(graph, "statements"))) == 2
    with pytest.raises(
        QueryError, match="no named query 'who'; known queries: documents, entities, facts_about, merges, statements"
    ):
        named_query("who")


#: Literals of every kind a result must carry unchanged from the file: typed, language-tagged, plain.
#: (In their canonical forms, which kg writes: Oxigraph keeps a typed literal's value, so "0.50"^^xsd:decimal
#: comes back as "0.5", and "5"^^xsd:int as "5"^^xsd:integer.)
TYPED = """
@prefix ex: <http://example.org/people/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:ada rdfs:label "Ada"@en, "Ada"@fr ; ex:born "1815-12-10"^^xsd:date ; ex:score "0.5"^^xsd:decimal ;
    ex:active true ; ex:rank 2 .
ex:bob rdfs:label "Bob" ; ex:born "1990"^^xsd:gYear ; ex:score "1.5"^^xsd:decimal ; ex:active false ; ex:rank 10 .
"""


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
        "SELECT ?label (LANG(?label) AS ?lang) WHERE { ?s rdfs:label ?label } ORDER BY ?lang ?label",
        "SELECT ?s ?rank WHERE { ?s ex:rank ?rank } ORDER BY DESC(?rank)",
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
        "ASK { ex:ada ex:active true }",
    ],
)
def test_a_file_read_by_kg_load_runs_on_oxigraph_and_answers_as_rdflib_did(tmp_path, query):
    import kg

    path = tmp_path / "people.ttl"
    path.write_text(TYPED, encoding="utf-8")
    loaded = kg.load(path)
    assert isinstance(loaded.store, OxigraphStore) and loaded.store.location is None
    query = "PREFIX ex: <http://example.org/people/>\n" + query  # rdflib's dataset had kg's prefixes only
    before = run_query(load_graph(path), query)  # what kg.load gave before: an rdflib dataset
    after = loaded.query(query)
    for fmt in RESULT_FORMATS:
        assert format_result(after, fmt, prefixes=loaded.prefixes()) == format_result(
            before, fmt, prefixes=loaded.prefixes()
        ), fmt


def test_a_loaded_file_keeps_its_own_prefixes_beside_kg_s(tmp_path):
    import kg

    path = tmp_path / "people.ttl"
    path.write_text(TYPED, encoding="utf-8")
    loaded = kg.load(path)
    assert loaded.prefixes() == KG_PREFIXES | {"ex": "http://example.org/people/"}
    # undeclared in the query; and the table shortens with it
    result = loaded.query("SELECT ?s WHERE { ?s ex:rank 2 }")
    assert "ex:ada" in format_result(result, "table", prefixes=loaded.prefixes())
    # the rdflib view, made on first use, has the same triples and binds the file's prefix too
    assert dict(loaded.graph.namespaces())["ex"] == URIRef("http://example.org/people/")
    assert set(loaded.graph.triples((None, None, None))) == set(load_graph(path).triples((None, None, None)))


def test_a_loaded_file_binds_variables_its_select_does_not_project(tmp_path):
    # Oxigraph binds only projected variables (see above); a loaded graph answers through its rdflib view.
    import kg

    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    loaded = kg.load(path)
    facts = loaded.query(named_query("facts_about"), bindings={"name": Literal("haftar")})
    assert [(str(r.subject), str(r.relation), str(r.object)) for r in facts] == [
        ("Government of National Accord", "trust", "Khalifa Haftar")
    ]
