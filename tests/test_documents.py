"""kg documents and KnowledgeGraph.documents(): the documents of a graph file, a build folder or a store,
with their ids (what kg remove takes), titles, dates, sources and statement counts."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main

pytestmark = pytest.mark.model

FEED = Path(__file__).resolve().parents[1] / "examples" / "web" / "feed.xml"
LONG_ID = "a-story-whose-id-is-far-longer-than-any-column-of-a-table-would-hold-" + "x" * 60


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build of the example feed (3 dated entries with URLs), an undated text file and a dated JSONL record."""
    where = tmp_path_factory.mktemp("documents")
    (where / "undated.txt").write_text("Harbour reopens\nThe harbour of Port Alden reopened after the storm.\n")
    record = {"id": LONG_ID, "text": "Envoy resigns\nHenrik Dahl resigned as envoy.", "date": "2024-02-14"}
    (where / "records.jsonl").write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(
        main, ["build", str(FEED), str(where / "undated.txt"), str(where / "records.jsonl"), "-o", str(where / "out")]
    )
    assert result.exit_code == 0, result.output
    return where / "out"


def test_documents_dataframe(built):
    graph = kg.load(built / "graph.trig")
    frame = graph.documents()
    assert list(frame.columns) == ["id", "title", "date", "source", "statements"]
    # By date, the undated last.
    assert list(frame["id"]) == [
        LONG_ID,
        "coastalherald.example/world/2024/mar/05/coastal-union-names-marenia-envoy",
        "coastalherald.example/world/2024/mar/07/drenmark-rebels-free-aid-convoy",
        "coastalherald.example/world/2024/mar/08/marenia-government-rejects-rebel-truce",
        "undated",
    ]
    assert frame["date"].iloc[0] == datetime.date(2024, 2, 14) and frame["date"].isna().iloc[-1]
    assert (
        frame["source"].iloc[1]
        == "https://www.coastalherald.example/world/2024/mar/05/coastal-union-names-marenia-envoy"
    )
    assert frame["source"].isna().iloc[0]  # read from a file: the graph keeps no file path
    assert frame["title"].iloc[3] == "Marenian government rejects rebel truce offer"
    # Each count is that document's statements, counted another way: through each document's named graph.
    counted = {
        str(row.id): int(row.n)
        for row in graph.query(
            """SELECT ?id (COUNT(DISTINCT ?s) AS ?n) WHERE {
                 GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id . OPTIONAL { ?s a kg:Statement } } }
               GROUP BY ?id"""
        )
    }
    assert dict(zip(frame["id"], frame["statements"], strict=True)) == counted
    assert sum(counted.values()) == graph.stats()["statements"] and min(counted.values()) > 0


def test_kg_documents_formats(built):
    table = CliRunner().invoke(main, ["documents", str(built)])
    assert table.exit_code == 0, table.output
    assert LONG_ID in table.output  # ids are never cut: they are copied into kg remove
    assert "https://www.coastalherald.example/world/2024/mar/08/marenia-government-rejects-rebel-truce?utm_source" in (
        table.output
    )
    assert table.output.rstrip().endswith("5 documents")
    rows = list(csv.reader(io.StringIO(CliRunner().invoke(main, ["documents", str(built), "--format", "csv"]).output)))
    assert rows[0] == ["id", "title", "date", "source", "statements"] and len(rows) == 6
    assert rows[-1][:4] == ["undated", "Harbour reopens", "", ""]
    answer = json.loads(CliRunner().invoke(main, ["documents", str(built / "graph.ttl"), "--format", "json"]).output)
    assert [b["id"]["value"] for b in answer["results"]["bindings"]] == [row[0] for row in rows[1:]]


def test_kg_documents_of_a_store_and_remove_by_the_ids_it_lists(tmp_path):
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["build", str(FEED), "--store", str(store)]).exit_code == 0
    rows = list(csv.reader(io.StringIO(CliRunner().invoke(main, ["documents", str(store), "--format", "csv"]).output)))
    first = rows[1][0]
    assert CliRunner().invoke(main, ["remove", str(store), first]).output == f"removed {first}\n"
    after = CliRunner().invoke(main, ["documents", str(store), "--format", "csv"]).output
    assert first not in after and len(after.strip().splitlines()) == 3


def test_a_feed_read_again_replaces_its_entries(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(FEED), "-o", str(out), "--no-html"]).exit_code == 0
    again = CliRunner().invoke(main, ["build", str(FEED), "-o", str(out), "--append", "--no-html"])
    assert "Built 3 documents" in again.output and "3 replacing the earlier build" in again.output
    assert len(kg.load(out / "graph.trig").documents()) == 3
