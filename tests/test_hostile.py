"""Hostile input, faults and bad queries: clear errors, nothing lost, nothing executed, no network."""

from __future__ import annotations

import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.store import OxigraphStore, serialize
from tests.conftest import EXAMPLE, shared_path

KG = [sys.executable, "-m", "kg.cli"]


def filler(characters: int, seed: int = 7) -> str:
    """Text that is not prose (lines of lower-case hex: no names in it), cheap for spaCy to parse."""
    rng = random.Random(seed)
    lines, size = [], 0
    while size < characters:
        line = rng.randbytes(38).hex() + "\n"
        lines.append(line)
        size += len(line)
    return "".join(lines)[:characters]


# --- documents --------------------------------------------------------------------------


@pytest.mark.model
def test_a_document_whose_analysis_fails_is_named_and_the_others_are_built(monkeypatch, tmp_path):
    import kg.extract

    real = kg.extract.extract

    def breaks_on_one(document, doc):
        if document.id == "broken":
            raise RuntimeError("simulated crash in one document")
        return real(document, doc)

    monkeypatch.setattr(kg.extract, "extract", breaks_on_one)
    (tmp_path / "broken.txt").write_text("Rebels attack\nRebels attacked the town.\n", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "good.txt")
    graph = kg.build(tmp_path)
    assert graph.report.documents == 1 and graph.report.failed == 1
    (error,) = graph.errors
    assert str(error).startswith(str(tmp_path / "broken.txt")) and "simulated crash in one document" in str(error)
    assert "Khalifa Haftar" in {str(row.label) for row in graph.query(kg.query.named_query("entities"))}


@pytest.mark.model
def test_a_text_longer_than_spacy_takes_is_split_and_read_to_its_end(tmp_path):
    ending = "Khalifa Haftar rejected the truce in Tripoli on Thursday.\n"
    text = "Long report\n" + filler(1_050_000) + "\n\n" + ending
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    graph = kg.build(path)
    assert graph.errors == [] and graph.report.documents == 1
    (warning,) = graph.warnings
    assert str(warning).startswith(str(path)) and "parsed in 11 pieces of at most 100,000" in str(warning)
    rows = list(graph.query("""SELECT ?start WHERE { ?m kg:surfaceForm "Khalifa Haftar" ; kg:startChar ?start }"""))
    assert [int(row.start) for row in rows] == [text.index(ending)]  # offsets into the whole text
    assert list(graph.query('ASK { ?s rdf:subject ?h ; rdf:predicate kgr:reject . ?h rdfs:label "Khalifa Haftar" }'))


# --- faults -------------------------------------------------------------------------------


def start_and_stop(command: list[str], *, after: float, ready: Path | None = None) -> subprocess.CompletedProcess:
    """Start ``command``, send it SIGTERM ``after`` seconds later, and wait for it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


@pytest.mark.model
def test_sigterm_leaves_earlier_outputs_and_the_store_whole_and_a_rerun_finishes(tmp_path):
    bbc = shared_path("data", "corpus", "bbc")
    articles = [str(p) for p in sorted(bbc.glob("business_0*.txt"))[:40]]
    out = tmp_path / "out"
    subprocess.run([*KG, "build", str(EXAMPLE), "-o", str(out)], check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    stopped = start_and_stop([*KG, "build", *articles, "-o", str(out)], after=4)
    assert stopped.returncode == 143, stopped.stderr
    assert "interrupted (SIGTERM)" in stopped.stderr and "Traceback" not in stopped.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # same files, same bytes, no temp file

    store = tmp_path / "store"
    subprocess.run([*KG, "build", str(EXAMPLE), "--store", str(store)], check=True, capture_output=True)
    stopped = start_and_stop([*KG, "build", *articles, "--store", str(store)], after=4)
    assert stopped.returncode == 143 and "run the same build again" in stopped.stderr, stopped.stderr
    # Readable, and the example article is still whole.
    result = subprocess.run(
        [
            *KG,
            "query",
            str(store),
            'SELECT ?l WHERE { ?e rdfs:label ?l FILTER(?l = "Khalifa Haftar") }',
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "Khalifa Haftar" in result.stdout, result.stderr
    # Running the build again finishes it: the same graph as an uninterrupted run, nothing twice.
    subprocess.run([*KG, "build", *articles, "--store", str(store)], check=True, capture_output=True)
    clean = tmp_path / "clean"
    subprocess.run([*KG, "build", str(EXAMPLE), "--store", str(clean)], check=True, capture_output=True)
    subprocess.run([*KG, "build", *articles, "--store", str(clean)], check=True, capture_output=True)
    assert serialize(OxigraphStore(store, read_only=True), "nq") == serialize(
        OxigraphStore(clean, read_only=True), "nq"
    )


# --- queries ------------------------------------------------------------------------------


def test_a_query_that_runs_too_long_is_stopped_at_the_timeout(example_build):
    out, _ = example_build
    started = time.monotonic()
    result = CliRunner().invoke(
        main,
        [
            "query",
            str(out / "graph.ttl"),
            "--timeout",
            "2",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ],
    )
    assert result.exit_code == 1
    assert "stopped after 2 s (--timeout)" in result.output
    assert time.monotonic() - started < 30


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it receives."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                connection, address = self.socket.accept()
            except OSError:
                continue
            self.connections.append(address)
            connection.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def test_queries_and_files_that_would_reach_the_network_are_refused_and_nothing_is_sent(
    example_build, listener, tmp_path
):
    out, _ = example_build
    url = f"http://127.0.0.1:{listener.port}"
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["build", str(EXAMPLE), "--store", str(store)]).exit_code == 0
    queries = {
        "SERVICE": f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SERVICE SILENT": f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SERVICE in FILTER EXISTS": (
            f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}/> {{ ?s ?p ?o }} }} }}"
        ),
        "FROM": f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
        "FROM NAMED": f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "LOAD": f"LOAD <{url}/data.ttl>",
    }
    runner = CliRunner()
    for target in (out / "graph.ttl", out / "graph.trig", store):
        for name, query in queries.items():
            result = runner.invoke(main, ["query", str(target), query])
            assert result.exit_code == 1, (target, name, result.output)
            assert "refused" in result.output or "invalid SPARQL" in result.output, (name, result.output)
    # kg serve refuses them for other programs too, and LOAD through --writable
    from kg.query.endpoint import make_server
    from kg.store import RemoteStore

    server = make_server(OxigraphStore(store, read_only=True), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        served = RemoteStore(f"http://127.0.0.1:{server.server_address[1]}")
        for name, query in queries.items():
            if name != "LOAD":
                with pytest.raises(kg.errors.KgError, match="400"):
                    list(served.rows(query))
    finally:
        server.shutdown()
        server.server_close()
    # Graph files that name a remote context or an external entity
    (tmp_path / "remote.jsonld").write_text(f'{{"@context": "{url}/context.jsonld", "@id": "x:y"}}', encoding="utf-8")
    (tmp_path / "entity.rdf").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{url}/secret">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
        '<rdf:Description rdf:about="http://ex.org/s"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>\n',
        encoding="utf-8",
    )
    for name in ("remote.jsonld", "entity.rdf"):
        for command in (
            ["query", str(tmp_path / name), "ASK { ?s ?p ?o }"],
            ["render", str(tmp_path / name)],
            ["stats", str(tmp_path / name)],
        ):
            result = runner.invoke(main, command)
            assert result.exit_code == 1 and "refused" in result.output, (command, result.output)
    time.sleep(0.5)
    assert listener.connections == []


def test_rdf_xml_entity_expansion_is_refused_at_once(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10))
    path = tmp_path / "laughs.rdf"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY l0 "lol">{laughs}]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
        '<rdf:Description rdf:about="http://ex.org/s"><ex:p>&l9;</ex:p></rdf:Description></rdf:RDF>\n',
        encoding="utf-8",
    )
    started = time.monotonic()
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 1 and "DOCTYPE" in result.output
    assert time.monotonic() - started < 5
    # RDF/XML without a DOCTYPE reads in linear time (rdflib's parser took 17 s on 4 MB of &amp;)
    path.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://ex.org/"><rdf:Description rdf:about="http://ex.org/s"><ex:p>'
        + "&amp;" * 800_000
        + "</ex:p></rdf:Description></rdf:RDF>\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 0 and "triples  1" in result.output, result.output
    assert time.monotonic() - started < 10


# --- the mixed corpus -------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.model
def test_a_corpus_of_200_files_with_every_bad_kind_builds_every_good_article(tmp_path):
    """The issue's target: 100 BBC articles and 100 bad files; all good ones built as alone,
    every bad one named, and the documented exit status (1: something was skipped)."""
    bbc = shared_path("data", "corpus", "bbc")
    good = sorted(p for p in bbc.glob("*.txt") if p.name != "sport_199.txt")[::22][:100]
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for article in good:
        shutil.copy(article, mixed / article.name)
    skipped, decoded = set(), set()
    rng = random.Random(3)

    def bad(name: str, data: bytes, *, readable: bool = False) -> None:
        (mixed / name).write_bytes(data)
        (decoded if readable else skipped).add(name)

    for i in range(15):
        bad(f"report_{i:02}.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(2000))
        bad(f"photo_{i:02}.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(500))
    for i in range(10):
        bad(f"nul_{i:02}.txt", b"Headline\nSome text\x00\x00 with NUL bytes " + rng.randbytes(100))
        bad(f"empty_{i:02}.txt", b"")
        bad(f"blank_{i:02}.txt", b" \n\t\n   \r\n" * (i + 1))
    for i in range(9):
        bad(f"archive_{i:02}.txt", b"PK\x03\x04" + rng.randbytes(300))
        bad(f"noise_{i:02}.txt", bytes(rng.randrange(1, 32) for _ in range(600)))
    for i in range(9):
        text = f"Zorbland vote {i}\nThe Zorbland assembly voted on {i + 2} March.\n"
        bad(f"utf16_{i:02}.txt", b"\xff\xfe" + text.encode("utf-16-le"), readable=True)
        bad(f"latin1_{i:02}.txt", text.replace("vote", "vote £").encode("latin-1"), readable=True)
    bad("one_line_10mb.txt", ("Dump\n" + filler(10_000_000).replace("\n", " ")).encode(), readable=True)
    bad("over_max_length.txt", ("Long\n" + filler(1_100_000)).encode(), readable=True)
    jsonl = mixed / "feed.jsonl"
    jsonl.write_text(
        '{"id": "feed-ok", "text": "Feed item\\nThe Zorbland council met."}\n{"id": \n[1, 2]\n'
        '{"id": "no-text"}\n{"id": "bad-date", "text": "x\\ny", "date": "tomorrow"}\n',
        encoding="utf-8",
    )
    inputs = [str(mixed), str(tmp_path / "missing.txt"), str(tmp_path / "dangling.txt")]
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    files = len(list(mixed.iterdir())) + 2
    assert files >= 200

    result = subprocess.run(
        [*KG, "build", *inputs, "-o", str(tmp_path / "out"), "--format", "nq", "--no-html"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 1, result.stderr  # documented: 1 when any input was skipped
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    for name in skipped:
        assert any(str(mixed / name) in line for line in errors), name
    for name in decoded:
        assert any(str(mixed / name) in line for line in warnings), name
    for missing in (tmp_path / "missing.txt", tmp_path / "dangling.txt"):
        assert any(str(missing) in line for line in errors), missing
    for line in (2, 3, 4, 5):
        assert any(f"{jsonl}:{line}:" in error for error in errors), line
    assert f"Built {100 + len(decoded) + 1} documents" in result.stdout, result.stdout

    # The good articles: the same named graphs as when they are built alone.
    alone = kg.build(good)
    together = kg.load(tmp_path / "out" / "graph.nq")
    for article in good:
        graph = f"https://example.org/kg/id/graph/document/{article.stem}"
        query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        assert sorted(map(tuple, alone.query(query))) == sorted(map(tuple, together.query(query))), article.name
