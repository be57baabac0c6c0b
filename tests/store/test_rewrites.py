"""Writing to a graph that is already there: a rebuild changes nothing, readers see whole documents,
a build still running is told from an interrupted one, and a failing write is one clear line.

Every build here goes through the real pipeline on real articles; "the same graph" is sorted N-Quads.
"""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.store import OxigraphStore, serialize
from kg.store.corpus import write_documents
from tests.conftest import EXAMPLE, shared_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def articles():
    """The example and three BBC business articles whose acronyms and names a rebuild re-linked
    to their own earlier nodes ("acronym"/"exact" merges became "graph")."""
    bbc = shared_path("data", "corpus", "bbc")
    return [EXAMPLE, *(bbc / f"business_{n:03d}.txt" for n in (10, 14, 36))]


def nquads(graph_or_store) -> bytes:
    return serialize(graph_or_store, "nq")


def test_building_the_same_articles_into_a_store_again_changes_nothing(articles, tmp_path):
    location = tmp_path / "store"
    first = kg.build(articles, store=location)
    before = nquads(first.store)
    assert b'"acronym"' in before  # merges whose rule a rebuild used to rewrite
    del first
    again = kg.build(articles, store=location)
    assert again.report.replaced == len(articles)
    assert nquads(again.store) == before


def test_building_the_same_articles_into_a_graph_file_again_changes_nothing(articles, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    options = ["--format", "trig", "--no-html", "-o", str(out)]
    result = runner.invoke(main, ["build", *map(str, articles), *options])
    assert result.exit_code == 0, result.output
    before = nquads(kg.load(out / "graph.trig").graph)
    result = runner.invoke(main, ["build", *map(str, articles), *options, "--append"])
    assert result.exit_code == 0, result.output
    assert nquads(kg.load(out / "graph.trig").graph) == before
    result = runner.invoke(main, ["build", *map(str, articles), *options])  # a plain rebuild over the files
    assert result.exit_code == 0, result.output
    assert nquads(kg.load(out / "graph.trig").graph) == before


def test_a_label_the_store_already_has_stays_a_label_not_an_alternative_one():
    store = OxigraphStore()
    corpus = ox.NamedNode("https://example.org/kg/id/graph/corpus")
    node, label = (
        ox.NamedNode("https://example.org/kg/relation/r"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    )
    quads = [ox.Quad(node, label, ox.Literal(text), corpus) for text in ("reveal", "reveal -")]
    store.add(quads)
    write_documents(store, [(corpus.value, quads)], corpus_graph=corpus.value)
    assert sorted(str(q) for q in store.quads()) == sorted(str(q) for q in quads)


class AfterEachWrite:
    """A pyoxigraph store that calls ``check`` after each write (each one transaction)."""

    def __init__(self, store, check):
        self._store, self._check, self.writes = store, check, 0

    def __getattr__(self, name):
        attribute = getattr(self._store, name)
        if name not in ("add", "extend", "update", "remove", "remove_graph", "clear_graph", "bulk_extend"):
            return attribute

        def write(*args, **options):
            result = attribute(*args, **options)
            self.writes += 1
            self._check()
            return result

        return write


UNLABELLED = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node WHERE { ?statement a kg:Statement .
  { ?statement rdf:subject ?node } UNION { ?statement rdf:object ?node FILTER(isIRI(?node)) }
  FILTER NOT EXISTS { ?node rdfs:label ?label } }"""
DOCUMENTS = "PREFIX kg: <https://example.org/kg/ontology#> SELECT ?d WHERE { ?d a kg:Document }"


def test_a_reader_during_an_incremental_add_sees_whole_documents_only(articles, tmp_path):
    location = tmp_path / "store"
    del kg.build(articles[:2], store=location).store
    seen = []

    def read():  # as another process reads the store: opened read-only after each write transaction
        reader = OxigraphStore(location, read_only=True)
        seen.append((list(reader.rows(UNLABELLED)), len(list(reader.rows(DOCUMENTS)))))
        told = CliRunner().invoke(main, ["stats", str(location)])
        assert told.exit_code == 0 and f"a build is adding to this store (pid {os.getpid()})" in told.stderr

    store = OxigraphStore(location)
    store.store = counting = AfterEachWrite(store.store, read)
    built = kg.build(articles[1:], store=store)  # one document rebuilt, two added
    assert built.report.replaced == 1 and counting.writes >= 3
    assert [unlabelled for unlabelled, _ in seen if unlabelled] == []
    documents = [count for _, count in seen]
    assert documents == sorted(documents) and documents[0] >= 2  # the rebuilt document was never missing
    assert documents[-1] == 4
    del built
    told = CliRunner().invoke(main, ["stats", str(location)])
    assert told.exit_code == 0 and "adding to this store" not in told.stderr  # the build has ended


PAUSED_BUILD = """
import sys
import kg
import kg.store.oxigraph as oxigraph

load = oxigraph.OxigraphStore._load_pending

def paused(self):  # the first build has bulk-loaded nothing yet: wait for the test
    print("loading", flush=True)
    sys.stdin.readline()
    load(self)

oxigraph.OxigraphStore._load_pending = paused
kg.build(sys.argv[1], store=sys.argv[2])
"""


def test_a_reader_during_a_first_build_is_told_it_is_running_and_after_a_kill_that_it_was_interrupted(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    location = tmp_path / "store"
    builder = subprocess.Popen(
        [sys.executable, "-c", PAUSED_BUILD, str(EXAMPLE), str(location)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert builder.stdout.readline() == "loading\n"
        result = CliRunner().invoke(main, ["query", str(location), "ASK { ?s ?p ?o }"])
        assert result.exit_code == 1, result.output
        assert f"a build is still writing this store (pid {builder.pid}); try again when it ends" in result.output
        assert "interrupted" not in result.output
    finally:
        builder.kill()
        builder.wait()
    result = CliRunner().invoke(main, ["stats", str(location)])
    assert result.exit_code == 1 and "left incomplete by an interrupted first build" in result.output, result.output


def test_the_marker_names_a_running_builder_only_while_that_process_runs(tmp_path):
    import os
    import socket

    from kg.store.markers import running_builder as _running_builder
    from kg.store.markers import start_time as _start_time

    marker, host, pid = tmp_path / "KG-INCOMPLETE", socket.gethostname(), os.getpid()
    marker.write_text(f"a first kg build is loading this store\nhost {host}\npid {pid}\nstarted {_start_time(pid)}\n")
    assert _running_builder(marker) == f"pid {pid}"
    marker.write_text(f"host {host}\npid {pid}\nstarted 1\n")  # the builder's id now used by another process
    assert _running_builder(marker) is None
    marker.write_text("host elsewhere.example\npid 12\nstarted 1\n")  # cannot be checked: say who it was
    assert _running_builder(marker) == "pid 12 on elsewhere.example"
    marker.write_text("interrupted\n")  # an older kg's marker
    assert _running_builder(marker) is None


class FullDisk:
    """A pyoxigraph store whose disk fills up at its ``fail_at``-th write (as Oxigraph reports it)."""

    def __init__(self, store, fail_at: int):
        self._store, self._fail_at, self.writes = store, fail_at, 0

    def __getattr__(self, name):
        attribute = getattr(self._store, name)
        if name not in ("add", "extend", "update", "remove_graph", "flush", "bulk_load", "bulk_extend"):
            return attribute

        def write(*args, **options):
            self.writes += 1
            if self.writes >= self._fail_at:
                raise OSError("IO error: While appending to file: 000012.log: No space left on device")
            return attribute(*args, **options)

        return write


@pytest.mark.parametrize("fail_at", [1, 2], ids=["the first document", "the second document"])
def test_a_full_disk_while_adding_to_a_store_is_one_line_naming_the_store_which_stays_whole(
    articles, tmp_path, monkeypatch, fail_at
):
    location = tmp_path / "store"
    del kg.build(articles[:1], store=location).store
    real = ox.Store
    monkeypatch.setattr(ox, "Store", lambda *args: FullDisk(real(*args), fail_at))
    result = CliRunner().invoke(main, ["build", *map(str, articles[1:]), "--store", str(location)])
    monkeypatch.undo()
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(location) in result.stderr and "No space left on device" in result.stderr
    reader = OxigraphStore(location, read_only=True)  # whole: the documents written before, each complete
    assert not list(reader.rows(UNLABELLED))
    assert len(list(reader.rows(DOCUMENTS))) == fail_at


def test_a_reader_whose_view_lost_a_file_to_the_writer_opens_again(tmp_path, monkeypatch):
    location = tmp_path / "store"
    writer = OxigraphStore(location)
    writer.add(
        [ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"), ox.NamedNode("http://x/g"))]
    )
    writer.close()
    real, opened = ox.Store, []

    class Racing:
        """As pyoxigraph fails when a compaction removes a file between reading the list and opening it."""

        @staticmethod
        def read_only(path):
            opened.append(path)
            if len(opened) in (1, 2, 4):
                raise RuntimeError(
                    f"Corruption: IO error: No such file or directory: While open a file for "
                    f"random read: {path}/000009.sst: No such file or directory"
                )
            return Racing.Query(real.read_only(path)) if len(opened) == 3 else real.read_only(path)

        class Query:
            def __init__(self, store):
                self._store = store

            def query(self, *args, **options):
                raise OSError("IO error: No such file or directory: While open a file for random read: 000011.sst")

    monkeypatch.setattr(ox, "Store", Racing)
    reader = OxigraphStore(location, read_only=True)
    assert [row["o"] for row in reader.rows("SELECT ?o WHERE { ?s ?p ?o }")] == ["o"] and len(opened) == 5


def test_a_marker_that_cannot_be_written_stops_a_first_build_cleanly_and_never_an_add(articles, tmp_path, monkeypatch):
    from pathlib import Path

    write_text = Path.write_text

    def full(self, *args, **options):
        if self.name.startswith("KG-"):
            raise OSError(28, "No space left on device")
        return write_text(self, *args, **options)

    monkeypatch.setattr(Path, "write_text", full)
    location = tmp_path / "store"
    with pytest.raises(kg.errors.GraphFileError, match=r"KG-INCOMPLETE: cannot write it \(No space left on device\)"):
        kg.build(articles[:1], store=location)
    monkeypatch.undo()
    del kg.build(articles[:1], store=location).store
    monkeypatch.setattr(Path, "write_text", full)
    added = kg.build(articles[1:2], store=location)  # the note for readers is left out; the documents are not
    assert added.report.documents == 1 and not (location / "KG-WRITING").exists()
