"""The issue's acceptance checks: `kg build` of the example article, then SPARQL by labels."""

import pytest
from click.testing import CliRunner

from kg.cli import main

pytestmark = pytest.mark.model

PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def ask(graph_file, sparql):
    result = CliRunner().invoke(main, ["query", str(graph_file), PREFIXES + sparql])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def test_build_writes_turtle_and_html_and_prints_a_summary(example_build):
    out, result = example_build
    assert (out / "graph.ttl").stat().st_size > 1000
    assert (out / "graph.html").stat().st_size > 100_000
    lines = result.output.splitlines()
    assert lines[0].startswith("Built 1 document (")
    assert "entities" in lines[1] and "statements" in lines[1]
    assert any("most mentioned: Khalifa Haftar" in line for line in lines)
    assert len(lines) <= 24  # one screen


def fact_holds(graph_file, names, relation, node):
    """Whether an entity with one of ``names`` as a label has ``relation`` to a node labelled ``node``."""
    quoted = ", ".join(f'"{name}"' for name in names)
    return ask(graph_file, f"""
        ASK {{
          ?entity rdfs:label|skos:altLabel ?name .
          FILTER(STR(?name) IN ({quoted}))
          ?entity ?relation ?node .
          ?relation rdfs:label "{relation}" .
          ?node rdfs:label "{node}" .
        }}""") == "true"


def test_gna_rejects_truce(example_build):
    out, _ = example_build
    assert fact_holds(out / "graph.ttl", ["Government of National Accord", "GNA"], "reject", "truce")


def test_haftar_controls_the_east(example_build):
    out, _ = example_build
    assert fact_holds(out / "graph.ttl", ["Khalifa Haftar", "Haftar"], "control", "east")


def test_haftar_is_one_person_node(example_build):
    out, _ = example_build
    output = ask(out / "graph.ttl", """
        SELECT ?label WHERE {
          ?p a <https://example.org/kg/ontology#Person> ; rdfs:label ?label .
          FILTER(CONTAINS(?label, "Haftar"))
        }""")
    assert "Khalifa Haftar" in output
    assert output.splitlines()[-1].strip() == "1 row"
