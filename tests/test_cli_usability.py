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


@pytest.fixture
def served(example_build):
    """A real `kg serve` of the example graph on 127.0.0.1 (a free port): the URL it prints."""
    out, _ = example_build
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out / "graph.trig"), "--port", "0"],
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
