"""Issue 14, section 5: what a new user types, taken as written (URLs `kg serve` prints, build
folders, options that only work together, the help's lists)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import EXAMPLE, REPO

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Person }"


@pytest.fixture(params=["graph.trig", "build folder"])
def served(example_build, request):
    """A real `kg serve` of the example graph (its file, or the build folder) on 127.0.0.1 (a free
    port): the URL it prints."""
    out, _ = example_build
    graph = out / "graph.trig" if request.param == "graph.trig" else out
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", "0"],
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
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
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )
    fuseki = RemoteStore("http://127.0.0.1:3030/ds/sparql")
    assert (fuseki.query_url, fuseki.update_url) == (
        "http://127.0.0.1:3030/ds/sparql",
        "http://127.0.0.1:3030/ds/update",
    )
    named = RemoteStore("http://127.0.0.1:3030/ds?query=sparql&update=update&store=data")
    assert (named.query_url, named.update_url, named.store_url) == (
        "http://127.0.0.1:3030/ds/sparql",
        "http://127.0.0.1:3030/ds/update",
        "http://127.0.0.1:3030/ds/data",
    )


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
    assert result.output.startswith(
        f"Error: {tmp_path}: a folder that is neither a kg store nor a build folder (no graph.trig, graph.nq, graph.ttl"
    )
    assert "(no suffix)" not in result.output and len(result.output.splitlines()) == 1


def test_hops_without_focus_is_refused_and_writes_nothing(example_build, tmp_path):
    out, _ = example_build
    page = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["render", str(out / "graph.trig"), "--hops", "2", "-o", str(page)])
    assert result.exit_code == 2
    assert "Error: --hops needs --focus NAME" in result.output
    assert not page.exists()
    focused = CliRunner().invoke(
        main, ["render", str(out / "graph.trig"), "--focus", "Khalifa Haftar", "--hops", "2", "-o", str(page)]
    )
    assert focused.exit_code == 0, focused.output
    assert "Khalifa Haftar and its neighbours up to 2 relations away" in focused.output


def test_query_help_lists_the_predeclared_prefixes():
    from kg.store.graph import prefixes

    result = CliRunner().invoke(main, ["query", "--help"])
    assert result.exit_code == 0
    assert "Predeclared prefixes" in result.output
    for name, iri in prefixes().items():
        assert re.search(rf"^\s+{name}:\s+{re.escape(iri)}$", result.output, re.MULTILINE), name


def test_build_output_help_names_every_file_it_writes():
    result = CliRunner().invoke(main, ["build", "--help"])
    option = result.output.split("-o, --output")[1].split("--store")[0]
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert name in option


@pytest.mark.parametrize("found", [True, False])
def test_plain_pytest_says_in_its_header_why_browser_and_data_tests_skip(found, tmp_path):
    if found and not (Path("/usr/bin/chromium").exists() and (REPO.parent / "shared" / "data").is_dir()):
        pytest.skip("this machine lacks Chromium or ../shared, so the 'found' header cannot be seen")
    env = {
        **os.environ,
        "KG_CHROMIUM": "/usr/bin/chromium" if found else str(tmp_path / "chromium"),
        "KG_SHARED": str(REPO.parent / "shared") if found else str(tmp_path / "shared"),
    }
    command = [sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider", "tests/conftest.py"]
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    header = [line for line in run.stdout.splitlines() if line.startswith("kg: ")]
    if found:
        assert header[0].startswith("kg: Chromium found at /usr/bin/chromium")
        assert header[1] == f"kg: shared data found at {REPO.parent / 'shared'}"
    else:
        assert header[:2] == [
            f"kg: Chromium not found at {tmp_path / 'chromium'}: the browser tests skip (apt-get install -y chromium; "
            "KG_REQUIRE_BROWSER=1 makes that a failure)",
            f"kg: shared data not found at {tmp_path / 'shared'}: the tests that need it skip (KG_SHARED=/path names "
            "another place)",
        ]
    # and whether the Virtuoso store tests run, whichever it is on this machine
    assert len(header) == 3 and header[2].startswith("kg: Virtuoso ")


def test_a_system_error_is_one_line_naming_the_file(small_trig, tmp_path):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(small_trig), str(tmp_path / "a-file" / "out.ttl")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'a-file'}: File exists\n"


def test_a_system_error_without_a_file_names_what_the_command_was_doing(small_trig):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(small_trig), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_a_kg_error_of_render_names_the_graph_once(small_trig, tmp_path):
    result = CliRunner().invoke(main, ["render", str(small_trig), "--focus", "Nobody", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 1
    assert result.output == f"Error: {small_trig}: no node named 'Nobody' in the graph (try kg entities GRAPH)\n"
    missing = tmp_path / "missing.trig"
    result = CliRunner().invoke(main, ["render", str(missing), "-o", str(tmp_path / "p.html")])
    assert result.output == f"Error: {missing}: no such graph file\n"
    assert not (tmp_path / "p.html").exists()


def test_an_unknown_build_format_is_refused_before_any_work(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "ttl,rdfa"])
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for --format: unknown format 'rdfa'; choose from ttl, nt, jsonld, xml, trig, nq"
        in result.output
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.model
def test_build_formats_may_be_comma_separated_or_repeated(tmp_path):
    outputs = {}
    for name, formats in (("commas", ["--format", "nq,ttl"]), ("repeated", ["--format", "nq", "--format", "ttl"])):
        result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path / name), "--no-html", *formats])
        assert result.exit_code == 0, result.output
        assert [line.split("/")[-1] for line in result.output.splitlines() if "wrote" in line] == [
            "graph.nq",
            "graph.ttl",
        ]
        outputs[name] = {path.name: path.read_bytes() for path in (tmp_path / name).iterdir()}
    assert outputs["commas"] == outputs["repeated"]
    assert sorted(outputs["commas"]) == ["graph.nq", "graph.ttl"]
