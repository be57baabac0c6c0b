"""A pronoun that no evidence resolves keeps its statement, linked to nothing (issue 18): the statement
holds the words ("It") and no ``rdf:subject``, is neither typed nor asserted, and the graph still conforms."""

import pytest

import kg
from kg.validate import validate

pytestmark = pytest.mark.model

RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"

# "It" has two organisations before it and a common-noun subject ("The weather") in between, so reference
# resolution leaves it unresolved rather than guess.
TEXT = """Airlines report

Harlow Air flies to Lisbon. Tanner Jet flies to Oslo. The weather was bad on Monday.
It recently won permission to fly to Rome.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("unresolved") / "airlines.txt"
    path.write_text(TEXT, encoding="utf-8")
    return kg.build([str(path)])


def test_the_statement_keeps_the_pronoun_and_links_nothing(graph):
    rows = graph.query(
        """SELECT ?st ?s ?asserted ?typed WHERE {
             ?st a kg:Statement ; kg:subjectText "It" ; kg:relationText ?r .
             FILTER(CONTAINS(?r, "won"))
             OPTIONAL { ?st rdf:subject ?s } OPTIONAL { ?st kg:asserted ?asserted }
             OPTIONAL { ?st kg:relationType ?typed } }"""
    )
    found = [(row["s"], row["asserted"], row["typed"]) for row in rows]
    assert found  # "It - won - permission", and "It - won permission to fly to - Rome"
    assert set(found) == {(None, None, None)}


def test_no_concept_is_made_of_the_pronoun_and_the_graph_conforms(graph):
    assert not list(graph.query('SELECT ?c WHERE { ?c a kg:Concept ; rdfs:label "it" }'))
    assert list(validate(graph.graph)) == []
