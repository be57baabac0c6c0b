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
    return (
        ask(
            graph_file,
            f"""
        ASK {{
          ?entity rdfs:label|skos:altLabel ?name .
          FILTER(STR(?name) IN ({quoted}))
          ?entity ?relation ?node .
          ?relation rdfs:label "{relation}" .
          ?node rdfs:label "{node}" .
        }}""",
        )
        == "true"
    )


def test_gna_rejects_truce(example_build):
    out, _ = example_build
    assert fact_holds(out / "graph.ttl", ["Government of National Accord", "GNA"], "reject", "truce")


def test_haftar_controls_the_east(example_build):
    out, _ = example_build
    assert fact_holds(out / "graph.ttl", ["Khalifa Haftar", "Haftar"], "control", "east")


def test_haftar_is_one_person_node(example_build):
    out, _ = example_build
    output = ask(
        out / "graph.ttl",
        """
        SELECT ?label WHERE {
          ?p a <https://example.org/kg/ontology#Person> ; rdfs:label ?label .
          FILTER(CONTAINS(?label, "Haftar"))
        }""",
    )
    assert "Khalifa Haftar" in output
    assert output.splitlines()[-1].strip() == "1 row"


# --- issue 3: relations a careful reader would write down --------------------------------

KG_PREFIXES = """
PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def statement_holds(graph_file, subject, relation, where=""):
    """Whether a statement has a subject labelled ``subject`` (label or alias), the relation
    labelled ``relation`` and matches the extra SPARQL ``where`` (``?s`` is the statement)."""
    return (
        ask(
            graph_file,
            KG_PREFIXES
            + f"""
        ASK {{
          ?s a kg:Statement ; rdf:subject ?subject ; rdf:predicate ?p .
          ?subject rdfs:label|skos:altLabel "{subject}" .
          ?p rdfs:label "{relation}" .
          {where}
        }}""",
        )
        == "true"
    )


def test_haftar_controls_swathes_of_southern_libya(example_build):
    out, _ = example_build
    assert statement_holds(
        out / "graph.ttl",
        "Haftar",
        "control",
        """
        ?s rdf:object ?o ; kg:objectText "swathes of southern Libya" ; kg:asserted true .
        ?o rdfs:label "Libya" .""",
    )


def test_haftar_launched_an_offensive_on_the_capital(example_build):
    out, _ = example_build
    assert statement_holds(
        out / "graph.ttl",
        "Haftar",
        "launch",
        """
        ?s rdf:object/rdfs:label "offensive" ; kg:qualifier "on the capital" ; kg:time "in April" .""",
    )


def test_mesmari_is_a_spokesman_for_haftar(example_build):
    out, _ = example_build
    assert fact_holds(out / "graph.ttl", ["Ahmad al Mesmari"], "spokesman for", "Khalifa Haftar")


def test_gna_not_trusting_the_announcement_is_negative_and_not_a_fact(example_build):
    out, _ = example_build
    graph_file = out / "graph.ttl"
    assert statement_holds(
        graph_file,
        "GNA",
        "trust",
        """
        ?s rdf:object/rdfs:label "announcement" ; kg:negated true .
        FILTER NOT EXISTS { ?s kg:asserted true }""",
    )
    assert not fact_holds(graph_file, ["Government of National Accord", "GNA"], "trust", "announcement")


def test_un_and_eu_call_for_both_sides_to_lay_down_arms(example_build):
    out, _ = example_build
    for caller in ("UN", "EU"):
        assert statement_holds(
            out / "graph.ttl",
            caller,
            "call for",
            """
            ?s rdf:object ?o . ?o a kg:Proposition ; rdfs:label ?text .
            FILTER(CONTAINS(?text, "both sides to lay down their arms"))""",
        )


def test_gna_forces_oust_haftars_militias_from_two_coastal_cities(example_build):
    out, _ = example_build
    assert statement_holds(
        out / "graph.ttl",
        "GNA",
        "oust",
        """
        ?s kg:subjectText "GNA forces" ; rdf:object/rdfs:label "Khalifa Haftar" ;
           kg:qualifier "from two key coastal cities west of Tripoli" .""",
    )


def test_legitimate_defence_is_attributed_to_the_gna(example_build):
    out, _ = example_build
    graph_file = out / "graph.ttl"
    assert statement_holds(
        graph_file,
        "GNA",
        "continue in",
        """
        ?s kg:objectText ?text ; kg:attributedTo/rdfs:label "Government of National Accord" ; kg:modality "will" .
        FILTER(CONTAINS(?text, "legitimate defence"))""",
    )
    # and the saying is an assertion of its own
    assert statement_holds(
        graph_file,
        "GNA",
        "say",
        """
        ?s rdf:object ?o . ?o a kg:Proposition ; rdfs:label ?text .
        FILTER(CONTAINS(?text, "legitimate defence"))""",
    )


# --- issue 4: one node per real-world thing ----------------------------------------------


def test_one_node_each_for_the_gna_haftar_and_mesmari(example_build):
    out, _ = example_build
    output = ask(
        out / "graph.ttl",
        """
        SELECT ?label ?class (GROUP_CONCAT(?alt; separator="|") AS ?alts) WHERE {
          ?e a ?class ; rdfs:label ?label ; skos:altLabel ?alt .
          FILTER(?label IN ("Government of National Accord", "Khalifa Haftar", "Ahmad al Mesmari"))
        } GROUP BY ?label ?class ORDER BY ?label""",
    )
    rows = [line for line in output.splitlines() if line.startswith("│")]
    assert len(rows) == 3, output
    assert "Ahmad al Mesmari" in rows[0] and "kg:Person" in rows[0] and "Mesmari" in rows[0]
    assert "Government of National Accord" in rows[1] and "kg:Organization" in rows[1] and "GNA" in rows[1]
    assert "Khalifa Haftar" in rows[2] and "kg:Person" in rows[2] and "Haftar" in rows[2]
    # and no other node carries those names
    assert (
        ask(
            out / "graph.ttl",
            """
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?e rdfs:label|skos:altLabel ?name .
          FILTER(?name IN ("GNA", "Government of National Accord", "Haftar", "Khalifa Haftar", "Mesmari"))
        }""",
        )
        .splitlines()[3]
        .strip("│ ")
        == "3"
    )


def test_it_in_both_gna_sentences_is_the_gna(example_build):
    out, _ = example_build
    for relation, obj in (("follow", "truce"), ("trust", "announcement")):
        assert statement_holds(
            out / "graph.ttl",
            "GNA",
            relation,
            f"""
            ?s kg:subjectText "it" ; rdf:object/rdfs:label "{obj}" ; kg:negated true .""",
        )


def test_every_mention_points_at_its_words(example_build):
    from rdflib import RDF, RDFS, Graph

    from kg.vocab import KG
    from tests.conftest import EXAMPLE

    out, _ = example_build
    graph = Graph().parse(out / "graph.ttl")
    text = EXAMPLE.read_text(encoding="utf-8").strip("\n\ufeff")
    mentions = list(graph.subjects(RDF.type, KG.Mention))
    assert len(mentions) >= 30
    for mention in mentions:
        start, end = (graph.value(mention, p).toPython() for p in (KG.startChar, KG.endChar))
        assert text[start:end] == str(graph.value(mention, KG.surfaceForm))
        entity = graph.value(mention, KG.mentionOf)
        assert entity is not None
        # The rule that joined the name is written unless the name is the entity's label (canonical).
        canonical = graph.value(entity, RDFS.label) == graph.value(mention, KG.surfaceForm)
        assert (graph.value(mention, KG.mergedBy) is None) == canonical
