"""The command line: formats, errors, and batches with bad files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import EXAMPLE

SELECT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://example.org/kg/ontology#>
SELECT ?label ?mentions WHERE { ?e rdfs:label ?label ; kg:mentionCount ?mentions }
ORDER BY DESC(?mentions) ?label LIMIT 3"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(example_build, fmt):
    out, _ = example_build
    result = run("query", out / "graph.ttl", SELECT, "--format", fmt)
    assert result.exit_code == 0, result.output
    text = result.output
    if fmt == "json":
        bindings = json.loads(text)["results"]["bindings"]
        assert bindings[0]["label"]["value"] == "Khalifa Haftar"
        assert len(bindings) == 3
    elif fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        rows = [line.split(sep) for line in text.strip().splitlines()]
        assert rows[0] == ["label", "mentions"]
        assert rows[1][0] == "Khalifa Haftar" and int(rows[1][1]) > 5
        assert len(rows) == 4
    else:
        assert "Khalifa Haftar" in text and text.splitlines()[-1].strip() == "3 rows"


@pytest.mark.model
def test_query_from_file(example_build, tmp_path):
    out, _ = example_build
    query_file = tmp_path / "q.rq"
    query_file.write_text(SELECT)
    result = run("query", out / "graph.ttl", "-f", query_file, "--format", "csv")
    assert result.exit_code == 0 and "Khalifa Haftar" in result.output


def test_malformed_query_is_one_clear_line(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a> <http://b> <http://c> .\n")
    result = run("query", graph, "SELECT ?x WHERE { ?x ?y }")
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: invalid SPARQL: line 1, column")


def test_missing_graph_file_is_one_clear_line(tmp_path):
    result = run("query", tmp_path / "missing.ttl", "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code != 0
    assert result.output.strip() == f"Error: {tmp_path / 'missing.ttl'}: no such graph file"


def test_graph_that_does_not_parse(tmp_path):
    graph = tmp_path / "broken.ttl"
    graph.write_text("this is not turtle .\n")
    result = run("query", graph, "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code != 0
    assert result.output.startswith(f"Error: {graph}: not valid turtle")
    assert len(result.output.strip().splitlines()) == 1


def test_service_to_the_network_is_refused(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a> <http://b> <http://c> .\n")
    result = run("query", graph, "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }")
    assert result.exit_code != 0 and "refused: the query uses SERVICE" in result.output
    result = run("query", graph, "SELECT * FROM <http://example.com/data.ttl> WHERE { ?s ?p ?o }")
    assert result.exit_code != 0 and "refused: the query uses FROM" in result.output


@pytest.mark.model
def test_bad_file_in_a_batch_is_reported_and_the_good_ones_are_built(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    out = tmp_path / "out"
    result = run("build", folder, "-o", out)
    assert result.exit_code == 1
    assert f"Error: {folder / 'bad.txt'}: binary file" in result.output
    assert "Built 1 document" in result.output
    assert (out / "graph.ttl").exists() and (out / "graph.html").exists()


def test_nothing_readable_writes_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    result = run("build", empty, "-o", out)
    assert result.exit_code != 0
    assert f"Error: {empty}: empty document (no text)" in result.output
    assert not out.exists()


@pytest.mark.model
def test_render_and_stats_from_a_saved_graph(example_build, tmp_path):
    out, _ = example_build
    page = tmp_path / "view.html"
    result = run("render", out / "graph.ttl", "-o", page)
    assert result.exit_code == 0 and page.exists()
    assert result.output.startswith(f"wrote {page} (")
    result = run("stats", out / "graph.ttl")
    assert "documents  1" in result.output


@pytest.mark.model
def test_other_formats_and_the_installed_command(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "build",
            str(EXAMPLE),
            "-o",
            str(out),
            "--format",
            "ttl,nt,jsonld,xml",
            "--no-html",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == {"graph.ttl", "graph.nt", "graph.jsonld", "graph.rdf"}
    from kg import load
    from kg.store import serialize

    reference = serialize(load(out / "graph.ttl").graph, "nt")
    for name in ("graph.nt", "graph.jsonld", "graph.rdf"):
        assert serialize(load(out / name).graph, "nt") == reference, name


def test_unknown_model_is_a_clear_error(tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path / "o", "--model", "no_such_model_xyz")
    assert result.exit_code != 0
    assert "cannot load spaCy pipeline 'no_such_model_xyz'" in result.output


def test_outputs_are_readable_by_others_like_any_written_file(tmp_path):
    import os

    from kg.store import write_atomic

    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "graph.ttl", b"<http://a> <http://b> <http://c> .\n")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_query_that_fails_while_running_is_one_clear_line(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text('<http://a> <http://b> "x" .\n')
    # Oxigraph, which runs queries on files, fails on a function it does not know (an invalid REGEX
    # only makes its FILTER false, as SPARQL says of an error in an expression).
    result = run("query", graph, "SELECT (<http://x/f>(?o) AS ?x) WHERE { ?s ?p ?o }")
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert lines == ["Error: query failed: The custom function <http://x/f> is not supported"]


def test_render_a_graph_kg_did_not_write(tmp_path):
    graph = tmp_path / "foreign.ttl"
    graph.write_text("""
        @prefix kg: <https://example.org/kg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        <http://x/a> a kg:Person ; rdfs:label "A" ; kg:mentionCount "many" .
        <http://x/b> a kg:Concept ; rdfs:label "B" .
        <http://x/s> a kg:Statement ; rdf:subject <http://x/a> ; rdf:predicate <http://x/p> ;
            rdf:object <http://x/b> ; kg:confidence "high" .
    """)
    result = run("render", graph, "-o", tmp_path / "g.html", "--view", "full")
    assert result.exit_code == 0, result.output
    assert "(2 nodes, 1 edge;" in result.output
    # the overview draws entities related to entities: A, related only to a concept, is listed apart
    overview = run("render", graph, "-o", tmp_path / "o.html")
    assert overview.exit_code == 0, overview.output
    assert "(0 related entities, 0 edges, 0 groups; 1 entity listed apart, 2 more nodes behind" in overview.output


def test_jsonld_with_a_remote_context_is_refused(tmp_path):
    graph = tmp_path / "remote.jsonld"
    graph.write_text('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://x/a", "name": "A"}')
    result = run("query", graph, "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code != 0
    assert "refused: the JSON-LD names a remote @context" in result.output


def test_bad_date_is_refused_before_any_work(tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path / "o", "--date", "2020-13-45")
    assert result.exit_code != 0
    assert result.output.strip() == "Error: --date: date '2020-13-45' is not a real date"
    assert not (tmp_path / "o").exists()


# --- entities, aliases, adding to a graph (issue 4) --------------------------------------


@pytest.mark.model
def test_entities_lists_counts_and_merges(example_build):
    out, _ = example_build
    listing = run("entities", out / "graph.ttl", "--format", "csv")
    assert listing.exit_code == 0, listing.output
    header, first = listing.output.splitlines()[:2]
    assert header == "entity,label,type,mentions,documents,aliases"
    assert ",Khalifa Haftar,Person,9,1,Haftar" in first
    merges = run("entities", out / "graph.ttl", "--merges", "--format", "csv")
    assert merges.exit_code == 0, merges.output
    rows = set(merges.output.splitlines())
    assert "Government of National Accord,Organization,GNA,acronym,5,1" in rows
    assert "Khalifa Haftar,Person,Haftar,surname,7,1" in rows


@pytest.mark.model
def test_append_links_new_documents_to_the_entities_already_there(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out).exit_code == 0
    follow_up = tmp_path / "follow-up.txt"
    follow_up.write_text(
        "Haftar's forces shell Tripoli\nForces loyal to Haftar shelled Tripoli on Friday, the GNA said.\n",
        encoding="utf-8",
    )
    result = run("build", follow_up, "-o", out, "--append")
    assert result.exit_code == 0, result.output
    listing = run("entities", out / "graph.ttl", "--format", "csv").output.splitlines()
    haftar = next(line for line in listing if ",Khalifa Haftar," in line)
    assert haftar.endswith(",Person,11,2,Haftar")  # 9 + 2 mentions, 2 documents, the same node
    assert sum(",Government of National Accord," in line for line in listing) == 1
    # building it again replaces it: no duplicate statements or mentions
    before = run("stats", out / "graph.trig").output
    again = run("build", follow_up, "-o", out, "--append")
    assert again.exit_code == 0 and "1 replacing the earlier build" in again.output
    assert run("stats", out / "graph.trig").output == before
    # removing it takes its mentions away: Haftar is back to the example's 9
    removed = run("remove", out / "graph.trig", "follow-up")
    assert removed.exit_code == 0 and "removed follow-up" in removed.output
    listing = run("entities", out / "graph.trig", "--format", "csv").output.splitlines()
    assert next(line for line in listing if ",Khalifa Haftar," in line).endswith(",Person,9,1,Haftar")
    missing = run("remove", out / "graph.trig", "no-such-document")
    assert missing.exit_code == 1 and "no document 'no-such-document'" in missing.output


@pytest.mark.model
def test_alias_file_from_the_command_line(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("UN\tUnited Nations\nMesmari\t!Ahmad al Mesmari\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", EXAMPLE, "-o", out, "--aliases", aliases)
    assert result.exit_code == 0, result.output
    rows = set(run("entities", out / "graph.ttl", "--merges", "--format", "csv").output.splitlines())
    assert "United Nations,Organization,UN,alias,3,1" in rows
    assert not any(row.startswith("Ahmad al Mesmari,") and ",Mesmari," in row for row in rows)
    bad = tmp_path / "bad.tsv"
    bad.write_text("just one column\n", encoding="utf-8")
    failed = run("build", EXAMPLE, "-o", tmp_path / "x", "--aliases", bad)
    assert failed.exit_code == 1 and "bad.tsv:1: expected" in failed.output
    assert not (tmp_path / "x").exists()


# --- rendering a part of a graph (issue 6) ------------------------------------------------


@pytest.mark.model
def test_render_focus_query_and_max_nodes(example_build, tmp_path):
    out, _ = example_build
    focused = run("render", out / "graph.trig", "--focus", "haftar", "--hops", "1", "-o", tmp_path / "f.html")
    assert focused.exit_code == 0, focused.output
    assert "Khalifa Haftar and its neighbours up to 1 relation away" in focused.output
    page = (tmp_path / "f.html").read_text(encoding="utf-8")
    assert "Khalifa Haftar" in page and "Muammar Gaddafi" not in page  # not a neighbour
    cut = run("render", out / "graph.ttl", "--view", "full", "--max-nodes", "10", "-o", tmp_path / "m.html")
    assert cut.exit_code == 0 and "(10 nodes," in cut.output and "less connected ones are left out" in cut.output
    # The overview counts the entities related to another one: the three most related are drawn.
    overview = run("render", out / "graph.ttl", "--max-nodes", "3", "-o", tmp_path / "o.html")
    assert overview.exit_code == 0, overview.output
    assert "(3 related entities," in overview.output and "less related ones are left out" in overview.output
    query = tmp_path / "stance.rq"
    query.write_text(
        "PREFIX kg: <https://example.org/kg/ontology#>\nCONSTRUCT { ?s kg:rejects ?o } WHERE { ?s kg:rejects ?o }\n",
        encoding="utf-8",
    )
    queried = run("render", out / "graph.ttl", "--query", query, "-o", tmp_path / "q.html")
    assert queried.exit_code == 0, queried.output
    assert "the 3 nodes the query names" in queried.output  # the GNA, truce, Haftar's truce offer
    missing = run("render", out / "graph.ttl", "--focus", "Nobody", "-o", tmp_path / "n.html")
    assert missing.exit_code == 1 and "graph.ttl: no node named 'Nobody'" in missing.output
    assert not (tmp_path / "n.html").exists()


@pytest.mark.model
def test_render_bench_runs_small(tmp_path):
    result = subprocess.run(
        [sys.executable, "bench/render.py", "--nodes", "300", "--edges", "900", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stderr
    assert "kg render --view entities:" in result.stdout and "kg render --view full:" in result.stdout
    assert "(300 related entities," in result.stdout
    assert (tmp_path / "synthetic-entities.html").stat().st_size > 100_000


@pytest.mark.model
def test_build_summary_and_stats_count_the_same_triples(tmp_path):
    """Issue 14: a fact two documents state is in both documents' graphs; the build summary
    counted it twice (quads) and `kg stats` once (triples)."""
    import re

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Report {name}\nTony Blair rejected the plan.\n", encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "store"
    built = run("build", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--no-html")
    assert built.exit_code == 0, built.output
    triples = int(re.search(r"([\d,]+) triples", built.output).group(1).replace(",", ""))
    in_store = run("build", tmp_path / "a.txt", tmp_path / "b.txt", "--store", store)
    assert in_store.exit_code == 0, in_store.output
    assert re.search(r"([\d,]+) triples", in_store.output).group(1).replace(",", "") == str(triples)
    for source in (out / "graph.trig", out / "graph.ttl", store):
        stats = run("stats", source)
        assert re.search(r"triples\s+(\d+)", stats.output).group(1) == str(triples), (source, stats.output)
