"""The build's seams: BuildOptions (filled by kg.build's keywords and by `kg build`), the default date,
and KnowledgeGraph.write (the files `kg build` writes)."""

from __future__ import annotations

import dataclasses

import pytest

import kg
from kg.errors import ConfigError, ReadError
from kg.pipeline import BuildOptions, run_build
from kg.read import document_from_text

TEXT = "Rebels reject truce\nThe rebels in Tripoli rejected the truce that Khalifa Haftar offered on Thursday."


def test_build_options_are_frozen_and_hold_the_library_defaults():
    options = BuildOptions()
    assert (options.jobs, options.engine, options.date, options.model) == (1, "local", None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.jobs = 2


def test_bad_options_fail_before_any_input_is_read(tmp_path):
    with pytest.raises(ReadError, match="--date: date '2020-02-30' is not a real date"):
        BuildOptions(date="2020-02-30").checked()
    with pytest.raises(ConfigError):
        run_build(tmp_path / "missing.txt", BuildOptions(base="not an iri"))


@pytest.mark.model
def test_run_build_with_options_is_build_with_keywords():
    document = document_from_text(TEXT, doc_id="d1")
    by_keywords = kg.build(documents=[document], date="2020-04-30")
    by_options = run_build((), BuildOptions(date="2020-04-30"), documents=[document])
    assert by_keywords.stats() == by_options.stats()
    assert sorted(map(str, by_keywords.store.quads())) == sorted(map(str, by_options.store.quads()))
    assert by_options.report.documents == 1


@pytest.fixture
def small_graph(small_trig):
    return kg.load(small_trig)


def test_write_puts_each_format_and_the_page_in_the_folder(small_graph, tmp_path):
    written = small_graph.write(tmp_path / "out", ["nq", "ttl"], title="Small")
    assert written == [tmp_path / "out" / name for name in ("graph.nq", "graph.ttl", "graph.html")]
    assert '"Khalifa Haftar"' in (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")
    assert "<https://example.org/kg/graph/d1>" in (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")
    assert "Khalifa Haftar" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert kg.load(tmp_path / "out" / "graph.ttl").stats()["entities"] == 1


def test_write_defaults_to_turtle_and_trig_and_can_leave_out_the_page(small_graph, tmp_path):
    written = small_graph.write(tmp_path, html=False)
    assert [path.name for path in written] == ["graph.ttl", "graph.trig"]
    assert not (tmp_path / "graph.html").exists()


def test_write_with_an_unknown_format_writes_nothing(small_graph, tmp_path):
    (tmp_path / "graph.ttl").write_text("earlier", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown format rdfa; choose from ttl, nt, jsonld, xml, trig, nq"):
        small_graph.write(tmp_path, ["ttl", "rdfa"])
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "earlier"
    assert not (tmp_path / "graph.html").exists()


@pytest.mark.model
def test_the_default_date_dates_only_what_carries_no_date(tmp_path):
    (tmp_path / "dated.txt").write_text(
        "Rebels reject truce\n30 April 2020\nThe rebels rejected the truce.\n", encoding="utf-8"
    )
    (tmp_path / "undated.txt").write_text("Rebels reject truce\nThe rebels rejected the truce.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "own", "text": "Rebels reject truce. They said no.", '
        '"date": "2020-05-02"}\n{"id": "none", "text": "Rebels say no."}\n',
        encoding="utf-8",
    )
    in_memory = document_from_text("Rebels reject truce\nThey said no.", doc_id="memory")
    graph = kg.build([tmp_path], documents=[in_memory], date="2021-01-01")
    rows = graph.query(
        "PREFIX dct: <http://purl.org/dc/terms/> "
        "SELECT ?id ?date WHERE { ?doc a kg:Document ; dct:identifier ?id ; dct:date ?date }"
    )
    assert {str(row.id): str(row.date) for row in rows} == {
        "dated": "2020-04-30",
        "undated": "2021-01-01",
        "own": "2020-05-02",
        "none": "2021-01-01",
        "memory": "2021-01-01",
    }


@pytest.fixture(scope="module")
def articles():
    """The example article and five BBC politics articles (they share Tony Blair and Michael Howard)."""
    from tests.conftest import EXAMPLE, shared_path

    bbc = shared_path("data", "corpus", "bbc")
    return [EXAMPLE, *(bbc / f"politics_{n:03d}.txt" for n in (1, 2, 3, 4, 5))]


def sorted_nquads(store) -> list[bytes]:
    return sorted(line for line in store.dump("nq").splitlines() if line.strip())


@pytest.mark.model
def test_documents_mapped_in_worker_processes_give_the_graph_mapped_here(articles, tmp_path, monkeypatch, caplog):
    import logging

    from kg import pipeline

    monkeypatch.setattr(pipeline, "MAP_IN_WORKERS_FROM", 10**9)  # the reference: every document mapped here
    here = sorted_nquads(kg.build(articles).store)
    monkeypatch.setattr(pipeline, "MAP_IN_WORKERS_FROM", 2)
    monkeypatch.setattr(pipeline, "MAP_CHUNK", 2)  # three tasks, in flight at once
    monkeypatch.setattr("kg.store.oxigraph._BULK_BATCH", 1_000)  # several loads, two at a time
    with caplog.at_level(logging.INFO, logger="kg.pipeline"):
        on_disk = kg.build(articles, jobs=2, store=tmp_path / "store")
    assert "N-Quads mapped by 2 worker(s)" in caplog.text
    assert len(here) > 5_000 and sorted_nquads(on_disk.store) == here
    # Where workers cannot be forked, they are spawned and sent the nodes once and the extractions.
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    assert sorted_nquads(kg.build(articles, jobs=1).store) == here
