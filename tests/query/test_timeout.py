"""``kg query --timeout`` covers everything from reading the query to the last row."""

from __future__ import annotations

import os

from click.testing import CliRunner

import kg.store.dataset
from kg.cli import main


def test_the_query_is_checked_within_the_timeout(tmp_path, monkeypatch):
    # rdflib takes 5 s to parse 80,000 characters of VALUES and minutes on a megabyte; here its parse
    # takes 30 s, and says which process ran it: only the time-limited child may.
    calls = tmp_path / "pids"

    def slow_parse(*args, **kwargs):
        with open(calls, "a") as out:
            out.write(f"{os.getpid()}\n")
        import time

        time.sleep(30)

    monkeypatch.setattr(kg.store.dataset, "prepareQuery", slow_parse)
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://x/a> <http://x/p> <http://x/b> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(graph), "--timeout", "1", "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "stopped after 1 s (--timeout)" in result.output, result.output
    pids = calls.read_text().split()
    assert pids and str(os.getpid()) not in pids
