"""Issue 14, section 5: what a new user types, taken as written (URLs `kg serve` prints, build
folders, options that only work together, the help's lists)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import REPO

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Person }"


@pytest.fixture(params=["graph.trig", "build folder"])
def served(example_build, request):
    """A real `kg serve` of the example graph (its file, or the build folder) on 127.0.0.1 (a free
    port): the URL it prints."""
    out, _ = example_build
    graph = out / "graph.trig" if request.param == "graph.trig" else out
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", "0"],
                               cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = process.stderr.readline()  # "Serving ... at http://127.0.0.1:PORT/query (read-only); ..."
        match = re.search(r"http://127\.0\.0\.1:\d+/query\b", line)
        assert match, f"kg serve printed {line!r}"
        yield match.group(0)
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stderr.close()


def test_kg_query_takes_the_url_kg_serve_prints_and_its_base(served, example_build):
    out, _ = example_build
    expected = CliRunner().invoke(main, ["query", str(out / "graph.trig"), COUNT, "--format", "csv"])
    assert expected.exit_code == 0, expected.output
    for url in (served, served.removesuffix("/query"), served.removesuffix("query")):
        result = CliRunner().invoke(main, ["query", url, COUNT, "--format", "csv"])
        assert result.exit_code == 0, f"{url}: {result.output}"
        assert result.output == expected.output


def test_a_query_endpoint_url_names_its_sibling_endpoints():
    from kg.store import RemoteStore

    store = RemoteStore("http://127.0.0.1:7878/query")
    assert (store.query_url, store.update_url, store.store_url) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")
    fuseki = RemoteStore("http://127.0.0.1:3030/ds/sparql")
    assert (fuseki.query_url, fuseki.update_url) == ("http://127.0.0.1:3030/ds/sparql",
                                                     "http://127.0.0.1:3030/ds/update")
    named = RemoteStore("http://127.0.0.1:3030/ds?query=sparql&update=update&store=data")
    assert (named.query_url, named.update_url, named.store_url) == (
        "http://127.0.0.1:3030/ds/sparql", "http://127.0.0.1:3030/ds/update", "http://127.0.0.1:3030/ds/data")


GRAPH_COMMANDS = {  # every command that reads a GRAPH_OR_STORE, with the rest of its arguments
    "query": [COUNT, "--format", "csv"],
    "entities": ["--format", "csv"],
    "stats": [],
    "validate": [],
    "render": ["-o", "{tmp}/page.html"],
    "convert": ["{tmp}/copy.nt"],
    "serve": ["--port", "0"],
}


@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_a_missing_graph_or_store_is_named_as_missing(command, tmp_path):
    missing = tmp_path / "no-such-store"
    args = [a.replace("{tmp}", str(tmp_path)) for a in GRAPH_COMMANDS[command]]
    result = CliRunner().invoke(main, [command, str(missing), *args])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such graph file, store folder or build folder\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", sorted(set(GRAPH_COMMANDS) - {"serve"}))  # serve: see `served` above
def test_a_build_folder_is_read_from_its_graph_file(command, example_build, tmp_path):
    out, _ = example_build
    folder = tmp_path / "ttl-only"
    folder.mkdir()
    (folder / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes())
    runs = {}
    for name, graph in (("file", out / "graph.trig"), ("folder", out), ("ttl", folder)):
        place = tmp_path / name
        place.mkdir()
        args = [a.replace("{tmp}", str(place)) for a in GRAPH_COMMANDS[command]]
        result = CliRunner().invoke(main, [command, str(graph), *args])
        assert result.exit_code == 0, f"{command} {graph}: {result.output}"
        runs[name] = result.output.replace(str(graph), "GRAPH").replace(str(place), "PLACE")
    assert runs["folder"] == runs["file"]
    if command != "validate":  # validate names the file it read; a TriG and a Turtle file hold the same triples
        assert runs["ttl"] == runs["file"]


def test_a_folder_without_a_graph_says_what_it_lacks(tmp_path):
    (tmp_path / "notes.txt").write_text("not a graph")
    result = CliRunner().invoke(main, ["stats", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: a folder that is neither a kg store nor a build folder (no "
                                    "graph.trig, graph.nq, graph.ttl")
    assert "(no suffix)" not in result.output and len(result.output.splitlines()) == 1
