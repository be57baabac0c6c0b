"""A graph file from anyone reads nothing else and costs at most what kg allows, in every command."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.test_hostile import Listener

RDF_XML = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
    '<rdf:Description rdf:about="http://ex.org/s"><ex:p>{}</ex:p></rdf:Description></rdf:RDF>\n'
)


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def commands(path, tmp_path):
    """Every command that reads a graph file (kg serve is run apart: it does not return)."""
    return [
        ["query", str(path), "ASK { ?s ?p ?o }"],
        ["render", str(path), "-o", str(tmp_path / "page.html")],
        ["convert", str(path), str(tmp_path / "out.ttl")],
        ["stats", str(path)],
        ["validate", str(path)],
    ]


def served(path) -> str:
    """What ``kg serve`` says on stderr when it cannot serve ``path`` (it must not start)."""
    process = subprocess.run(
        [sys.executable, "-m", "kg.cli", "serve", str(path), "--port", "0"], capture_output=True, text=True, timeout=120
    )
    assert process.returncode == 1, process.stderr
    return process.stderr


def contexts(url: str, local: str):
    """JSON-LD documents that would load a context: every shape the format allows."""
    yield "string", url
    yield "list", [{"ex": "http://ex.org/"}, url]
    yield "@import", {"@import": url}
    yield "@import in a list", [{"@import": url}]
    yield "@import in a term definition", {"ex": {"@id": "http://ex.org/p", "@context": {"@import": url}}}
    yield "@import of a local file", {"@import": local}
    yield "a local file", local


@pytest.mark.parametrize("suffix", [".jsonld", ".json"])
def test_json_ld_never_loads_a_context_remote_or_local(tmp_path, listener, suffix):
    url = f"http://127.0.0.1:{listener.port}/context.jsonld"
    secret = tmp_path / "secret.jsonld"
    secret.write_text(json.dumps({"@context": {"ex": "http://secret.example/"}}), encoding="utf-8")
    runner = CliRunner()
    for name, context in contexts(url, secret.resolve().as_uri()):
        path = tmp_path / f"doc{suffix}"
        path.write_text(json.dumps({"@context": context, "@id": "http://ex.org/a", "ex:p": "b"}), encoding="utf-8")
        for command in commands(path, tmp_path):
            result = runner.invoke(main, command)
            assert result.exit_code == 1, (name, command, result.output)
            assert "refused" in result.output and result.output.count("\n") == 1, (name, command, result.output)
        assert "refused" in served(path)
    # inline contexts still read
    path = tmp_path / f"inline{suffix}"
    path.write_text(json.dumps({"@context": {"ex": "http://ex.org/"}, "@id": "ex:a", "ex:p": "b"}), encoding="utf-8")
    assert "triples  1" in runner.invoke(main, ["stats", str(path)]).output
    time.sleep(0.3)
    assert listener.connections == []


def test_a_dtd_anywhere_in_rdf_xml_is_refused(tmp_path):
    # A 1 MB comment before the DOCTYPE hid it from the check, and the entities expanded to 9-18 GB.
    laughs = "".join(f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10))
    path = tmp_path / "laughs.rdf"
    path.write_text(
        f'<?xml version="1.0"?>\n<!-- {"x" * 3_000_000} -->\n<!DOCTYPE r [<!ENTITY l0 "lol">{laughs}]>\n'
        + RDF_XML.format("&l9;"),
        encoding="utf-8",
    )
    runner = CliRunner()
    for command in commands(path, tmp_path):
        result = runner.invoke(main, command)
        assert result.exit_code == 1 and "DOCTYPE" in result.output, (command, result.output)
    assert "DOCTYPE" in served(path)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".rdf", ".jsonld", ".trig"])
def test_a_graph_file_over_the_limits_is_refused_in_one_line_and_the_limits_can_be_raised(tmp_path, suffix):
    path = tmp_path / "g.nt"
    path.write_text(
        "".join(f"<http://ex.org/s{i}> <http://ex.org/p> <http://ex.org/o{i}> .\n" for i in range(200)),
        encoding="utf-8",
    )
    if suffix != ".nt":
        converted = tmp_path / f"g{suffix}"
        assert CliRunner().invoke(main, ["convert", str(path), str(converted)]).exit_code == 0
        path = converted
    runner = CliRunner()
    for limit, message in (
        (["--max-triples", "100"], "more than 100 triples"),
        (["--max-file-size", "1K"], "more than the 1 KiB"),
    ):
        for command in commands(path, tmp_path):
            result = runner.invoke(main, [*limit, *command])
            assert result.exit_code == 1, (limit, command, result.output)
            assert message in result.output and result.output.count("\n") == 1, (command, result.output)
        result = runner.invoke(main, [*limit, "stats", str(path)])
        assert f"{limit[0]}" in result.output
    assert "triples  200" in runner.invoke(main, ["--max-triples", "200", "stats", str(path)]).output


def test_a_literal_over_16_mib_is_one_clear_line(tmp_path):
    path = tmp_path / "long.ttl"
    path.write_text('<http://ex.org/a> <http://ex.org/p> "' + "a" * (17 * 2**20) + '" .\n', encoding="utf-8")
    runner = CliRunner()
    for command in commands(path, tmp_path):
        result = runner.invoke(main, command)
        assert result.exit_code == 1, (command, result.output)
        assert "longer than 16 MiB" in result.output and result.output.count("\n") == 1, (command, result.output)
    assert "longer than 16 MiB" in served(path)


def test_a_store_with_a_literal_over_16_mib_converts_to_n_quads_and_says_why_not_to_turtle(tmp_path):
    import pyoxigraph as ox

    from kg.store import OxigraphStore

    store = OxigraphStore(tmp_path / "store")
    store.add([ox.Quad(ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://ex.org/p"), ox.Literal("a" * 17 * 2**20))])
    store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(tmp_path / "store"), str(tmp_path / "out.ttl")])
    assert result.exit_code == 1 and "longer than 16 MiB" in result.output, result.output
    assert result.output.count("\n") == 1 and not (tmp_path / "out.ttl").exists()
    result = runner.invoke(main, ["convert", str(tmp_path / "store"), str(tmp_path / "out.nq")])
    assert result.exit_code == 0, result.output
