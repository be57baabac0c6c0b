"""Persistent and remote stores and incremental adds (kg serve: tests/query/test_serve.py; Dask:
tests/analyse/test_dask.py).

Every build here goes through the real pipeline on real articles (the example
and a few BBC articles); the "same graph" checks compare sorted N-Quads.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.store import OxigraphStore, RemoteStore, serialize
from kg.store.oxigraph import INCOMPLETE
from tests.conftest import EXAMPLE, shared_path
from tests.store.conftest import free_port, wait_for

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def articles():
    """The example article and three BBC politics articles (two share Tony Blair, Michael Howard...)."""
    bbc = shared_path("data", "corpus", "bbc")
    return [EXAMPLE, *(bbc / f"politics_{n:03d}.txt" for n in (1, 2, 3))]


@pytest.fixture(scope="module")
def memory_build(articles):
    """The reference: the articles built in memory in one process."""
    return kg.build(articles)


def nquads(graph_or_store) -> bytes:
    return serialize(graph_or_store, "nq")


def count(store, sparql: str) -> int:
    return int(next(iter(store.rows(f"PREFIX kg: <https://example.org/kg/ontology#> {sparql}")))["n"])


class LoadCounting:
    """An Oxigraph store that counts its bulk loads (and can fail the n-th, as a full disk would)."""

    def __init__(self, store, fail_at: int | None = None):
        self._store, self._fail_at, self.loads = store, fail_at, 0

    def __getattr__(self, name):
        return getattr(self._store, name)

    def bulk_load(self, **options):
        self.loads += 1
        if self.loads == self._fail_at:
            raise OSError("IO error: No space left on device")
        return self._store.bulk_load(**options)


@pytest.mark.parametrize("batch", [None, 700], ids=["one load", "many loads in the background"])
def test_on_disk_store_holds_the_same_graph_as_a_memory_build(articles, memory_build, tmp_path, monkeypatch, batch):
    if batch:  # the BBC corpus fills ten batches: each loads in a thread while the next is made
        monkeypatch.setattr("kg.store.oxigraph._BULK_BATCH", batch)
    store = OxigraphStore(tmp_path / "store")
    store.store = counting = LoadCounting(store.store)
    built = kg.build(articles, store=store)
    assert counting.loads == 1 if batch is None else counting.loads > 2
    store.store = counting._store
    assert nquads(built.store) == nquads(memory_build.store)
    assert not (tmp_path / "store" / INCOMPLETE).exists()
    del built  # release the store's lock, then read it back as another process would
    reopened = OxigraphStore(tmp_path / "store", read_only=True)
    assert nquads(reopened) == nquads(memory_build.store)
    assert count(reopened, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }") == 4


def test_incremental_adds_link_to_the_entities_already_there_and_replace_a_rebuilt_document(
    articles, memory_build, tmp_path
):
    location = tmp_path / "store"
    first = kg.build(articles[:2], store=location)
    del first
    second = kg.build(articles[2:], store=location)  # only these two are analysed
    assert second.report.documents == 2 and second.report.replaced == 0
    store = second.store
    # One node per entity, as in the one-shot build: Blair of article 3 joined article 2's node.
    entities = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionCount ?c }"
    assert count(store, entities) == count(memory_build.store, entities)
    blair = list(
        store.rows(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX kg: "
            '<https://example.org/kg/ontology#> SELECT ?e ?c WHERE { ?e rdfs:label "Tony Blair" ; '
            "kg:mentionCount ?c }"
        )
    )
    assert len(blair) == 1
    mentions = count(store, f"SELECT (COUNT(?m) AS ?n) WHERE {{ ?m kg:mentionOf <{blair[0]['e']}> }}")
    assert int(blair[0]["c"]) == mentions > 0  # the count was redone over both builds' mentions
    # Every entity's count matches its mentions, after the merge.
    assert not list(
        store.rows(
            "PREFIX kg: <https://example.org/kg/ontology#> SELECT ?e WHERE { ?e kg:mentionCount ?c "
            "{ SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m kg:mentionOf ?e } GROUP BY ?e } "
            "FILTER(?c != ?n) }"
        )
    )
    size = len(store)
    del second, store
    # Building an article already in the store replaces it: nothing is duplicated.
    again = kg.build(articles[3:], store=location)
    assert again.report.replaced == 1
    assert len(again.store) == size
    assert count(again.store, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }") == 4


def test_cli_build_query_render_stats_on_a_store(articles, tmp_path):
    runner = CliRunner()
    location = str(tmp_path / "store")
    result = runner.invoke(main, ["build", *map(str, articles[:2]), "--store", location])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.output and not (tmp_path / "out").exists()  # no files without -o
    result = runner.invoke(main, ["build", str(articles[2]), "--store", location])
    assert result.exit_code == 0 and "in " + location + ": 3 documents" in result.output, result.output

    result = runner.invoke(
        main, ["query", location, "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label }", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "Khalifa Haftar" in result.output and "Tony Blair" in result.output
    result = runner.invoke(main, ["stats", location])
    assert result.exit_code == 0 and " documents  3" in result.output, result.output
    page = tmp_path / "page.html"
    result = runner.invoke(main, ["render", location, "-o", str(page), "--focus", "Haftar"])
    assert result.exit_code == 0, result.output
    assert "Khalifa Haftar" in page.read_text(encoding="utf-8")
    result = runner.invoke(main, ["entities", location, "--format", "tsv"])
    assert result.exit_code == 0 and "Government of National Accord" in result.output


def test_an_interrupted_first_build_leaves_a_store_that_says_so_and_the_next_build_finishes_it(
    articles, memory_build, tmp_path
):
    location = tmp_path / "store"
    half = OxigraphStore(location)  # what a first build had bulk-loaded when it was stopped
    half.add(list(memory_build.store.quads())[:500])
    half.close()
    (location / INCOMPLETE).write_text("interrupted\n")
    with pytest.raises(kg.errors.GraphFileError, match="interrupted first build"):
        OxigraphStore(location, read_only=True)
    result = CliRunner().invoke(main, ["query", str(location), "ASK { ?s ?p ?o }"])
    assert result.exit_code == 1 and "interrupted first build" in result.output
    rebuilt = kg.build(articles, store=location)
    assert rebuilt.store.restarted and nquads(rebuilt.store) == nquads(memory_build.store)


@pytest.mark.parametrize("batch", [None, 700], ids=["the last load", "an earlier load"])
def test_a_store_write_that_fails_is_one_clear_error_and_leaves_the_store_marked_incomplete(
    articles, tmp_path, monkeypatch, batch
):
    if batch:
        monkeypatch.setattr("kg.store.oxigraph._BULK_BATCH", batch)
    location = tmp_path / "store"
    store = OxigraphStore(location)
    store.store = LoadCounting(store.store, fail_at=1 if batch is None else 2)
    with pytest.raises(kg.errors.GraphFileError, match=r"store.*No space left on device.*build into it again"):
        kg.build(articles, store=store)
    assert (location / INCOMPLETE).exists() and not store._bulk
    store.store = None  # release the lock, as the process ending would
    with pytest.raises(kg.errors.GraphFileError, match="interrupted first build"):
        OxigraphStore(location, read_only=True)


def test_a_blank_node_split_across_two_bulk_loads_stays_one_node(tmp_path, monkeypatch):
    import pyoxigraph as ox

    monkeypatch.setattr("kg.store.oxigraph._BULK_BATCH", 1)
    store = OxigraphStore(tmp_path / "store")
    node, graph = ox.BlankNode("b1"), ox.NamedNode("http://x/g")
    with store.loading():
        store.add([ox.Quad(node, ox.NamedNode("http://x/p"), ox.Literal("1"), graph)])
        store.add([ox.Quad(node, ox.NamedNode("http://x/q"), ox.Literal("2"), graph)])
    assert len({quad.subject for quad in store.store}) == 1 and len(store) == 2


def test_two_processes_build_the_same_graph(articles, memory_build):
    assert nquads(kg.build(articles, jobs=2).store) == nquads(memory_build.store)


# --- a remote store: a real Oxigraph server ---------------------------------------------


@pytest.fixture
def oxigraph_server(tmp_path):
    """`oxigraph serve` on 127.0.0.1 (the `oxigraph` package of the test extras), stopped afterwards."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install '.[test]' installs it)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/query?query=ASK%7B%7D")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_build_through_a_remote_endpoint_gives_the_same_graph(articles, memory_build, oxigraph_server):
    runner = CliRunner()
    result = runner.invoke(main, ["build", *map(str, articles[:3]), "--store", oxigraph_server])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["build", str(articles[3]), "--store", oxigraph_server])  # incremental, over HTTP
    assert result.exit_code == 0, result.output
    remote = RemoteStore(oxigraph_server)
    assert len(remote) == len(memory_build.store)
    local_incremental = kg.build(articles[3:], into=kg.build(articles[:3]))
    assert nquads(remote) == nquads(local_incremental.store)
    result = runner.invoke(
        main, ["query", oxigraph_server, "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label }"]
    )
    assert result.exit_code == 0 and "Khalifa Haftar" in result.output, result.output
    result = runner.invoke(
        main, ["query", oxigraph_server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"]
    )
    assert result.exit_code == 1 and "refused" in result.output


def test_an_unreachable_store_is_one_clear_line(articles):
    port = free_port()  # nothing listens there
    result = CliRunner().invoke(main, ["build", str(articles[0]), "--store", f"http://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}" in result.output and "cannot reach the store" in result.output
    assert "Traceback" not in result.output


def test_adding_documents_whose_ids_and_names_are_beyond_the_basic_plane(tmp_path):
    # SPARQL strings cannot hold surrogate-pair escapes: ids and names with emoji are written as they are.
    location = tmp_path / "store"
    text = "Rally in Tripoli 🇱🇾\nKhalifa Haftar 😀 rejected the truce in Tripoli.\n"
    kg.build(documents=[kg.document(text, doc_id="news/😀-1")], store=location).store.close()
    again = kg.build(
        documents=[
            kg.document(text, doc_id="news/😀-1"),
            kg.document(text.replace("truce", "plan"), doc_id="news/😀-2"),
        ],
        store=location,
    )
    assert again.report.replaced == 1 and again.report.documents == 2
    assert count(again.store, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }") == 2


def test_to_dataset_keeps_the_default_graph_and_the_named_graphs():
    # rdflib keeps a quad whose graph is None apart from the default graph: such triples were
    # left out of every serialisation of the dataset.
    import pyoxigraph as ox

    store = OxigraphStore()
    subject, predicate = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    store.store.add(ox.Quad(subject, predicate, ox.Literal("in the default graph")))
    store.store.add(ox.Quad(subject, predicate, ox.Literal("named"), ox.NamedNode("http://example.org/g")))
    lines = sorted(
        " ".join(line.split()) for line in store.to_dataset().serialize(format="nquads").splitlines() if line.strip()
    )
    assert lines == [
        '<http://example.org/a> <http://example.org/p> "in the default graph" .',
        '<http://example.org/a> <http://example.org/p> "named" <http://example.org/g> .',
    ]
