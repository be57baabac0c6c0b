"""``kg serve`` and the SPARQL 1.1 Protocol, case by case as the spec's protocol tests put them
(written from the spec's text, nothing fetched): query by GET, by POST of a form and of the query
itself; the dataset given by ``default-graph-uri``/``named-graph-uri`` (graphs of the store, never
fetched); results in the media type asked; what is malformed refused with a 4xx and one line;
the service description; CORS only when asked. The server runs in a thread on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Namespace

from kg.query import asgi
from kg.query import endpoint as endpoint_module
from kg.query.endpoint import make_server
from kg.query.workers import Limits
from tests.query.test_sparql import TRIG

CORPUS = "https://example.org/kg/id/graph/corpus"
LIBYA = "https://example.org/kg/id/graph/document/libya"
LABELS = "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def _start(tmp_path, **options):
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    server = make_server(path, port=0, workers=2, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The base URL of an endpoint over the hand-made graph, with at most 5 result rows."""
    server = _start(tmp_path_factory.mktemp("protocol"), limits=Limits(timeout=20, max_rows=5))
    host, port = server.server_address
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def ask(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body text) of one request."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def get(base: str, path: str = "/query", accept: str | None = None, **fields):
    """A GET with the protocol's fields (lists for repeated ones)."""
    query = urllib.parse.urlencode(fields, doseq=True)
    return ask(f"{base}{path}?{query}", headers={"Accept": accept} if accept else {})


def raw(base: str, request: bytes) -> bytes:
    """Send bytes as they are (for what urllib would not send) and read the answer to the end."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_query_by_get_by_form_and_by_direct_post_give_one_answer(base):
    answers = [
        get(base, query=LABELS),
        ask(base + "/query", urllib.parse.urlencode({"query": LABELS}).encode()),
        ask(base + "/query", LABELS.encode(), {"Content-Type": "application/sparql-query; charset=utf-8"}),
        ask(base + "/sparql", LABELS.encode(), {"Content-Type": "application/sparql-query"}),
        get(base, "/", query=LABELS),
    ]
    for status, headers, body in answers:
        assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
        assert [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Khalifa Haftar"]


def test_the_dataset_of_the_protocol_names_graphs_of_the_store(base):
    people = "SELECT ?e WHERE { ?e a kg:Person }"
    assert len(json.loads(get(base, query=people)[2])["results"]["bindings"]) == 1  # union of the graphs
    for graph, found in ((CORPUS, 1), (LIBYA, 0), ("http://127.0.0.1:9/nothing-fetched", 0)):
        status, _, body = get(base, query=people, **{"default-graph-uri": graph})
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == found, graph
    both = get(base, query=people, **{"default-graph-uri": [LIBYA, CORPUS]})
    assert len(json.loads(both[2])["results"]["bindings"]) == 1
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = get(base, query=named, **{"named-graph-uri": LIBYA})
    assert status == 200 and [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [LIBYA]
    # on a direct POST, the fields come in the URL
    status, _, body = ask(
        base + "/query?" + urllib.parse.urlencode({"default-graph-uri": LIBYA}),
        people.encode(),
        {"Content-Type": "application/sparql-query"},
    )
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_select_results_come_in_each_format_asked(base):
    status, headers, body = get(base, accept="text/csv", query=LABELS)
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["l"], ["Khalifa Haftar"]]
    status, headers, body = get(base, accept="text/tab-separated-values", query=LABELS)
    assert body.splitlines() == ["?l", '"Khalifa Haftar"']
    status, headers, body = get(base, accept="application/sparql-results+xml", query=LABELS)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["l"]
    assert [lit.text for lit in root.iter("{http://www.w3.org/2005/sparql-results#}literal")] == ["Khalifa Haftar"]
    typed = "SELECT ?n WHERE { <https://example.org/kg/id/gna> kg:mentionCount ?n }"
    binding = json.loads(get(base, query=typed)[2])["results"]["bindings"][0]["n"]
    assert binding == {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    # q-values: the preferred type that can be given
    status, headers, _ = get(base, accept="application/json;q=0.2, text/csv;q=0.9, image/png", query=LABELS)
    assert headers["Content-Type"].startswith("text/csv")
    status, _, body = get(base, accept="image/png", query=LABELS)
    assert status == 406 and "can be given as application/sparql-results+json" in body
    status, _, body = get(base, query="ASK { ?s a kg:Person }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_comes_as_turtle_n_triples_or_json_ld(base):
    query = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Person ; rdfs:label ?l }"
    for media, rdf_format in (
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ):
        status, headers, body = get(base, accept=media, query=query)
        assert status == 200 and headers["Content-Type"].startswith(media), media
        graph = Graph().parse(data=body, format=rdf_format)
        assert [str(o) for o in graph.objects()] == ["Khalifa Haftar"], media


def test_malformed_requests_get_a_4xx_with_one_line(base):
    cases = [
        get(base, query="SELECT ?x WHERE { ?x ?y }"),  # a syntax error
        get(base, query=LABELS + " ", update="CLEAR ALL"),  # a query and an update
        ask(f"{base}/query?" + urllib.parse.urlencode({"query": [LABELS, LABELS]}, doseq=True)),  # two queries
        ask(base + "/query", b"query=x", {"Content-Type": "text/plain"}),  # a body kg cannot read
        ask(base + "/query", b"\xff\xfe", {"Content-Type": "application/sparql-query"}),  # not UTF-8
        get(base, query="SELECT * WHERE { BIND(<urn:f>(1) AS ?x) }"),  # an error of Oxigraph's
        get(base, query="SELECT * WHERE " + "{" * 10_000 + "}" * 10_000),  # deeper than any query nests
        get(base, "/update", update="CLEAR ALL"),  # an update by GET
        ask(base + "/update", b"update=CLEAR+ALL", {"Content-Type": "application/x-www-form-urlencoded"}),
        get(base, "/nothing"),
        ask(base + "/query", b"", method="DELETE"),
        ask(f"{base}/query?" + urllib.parse.urlencode({"query": LABELS, "default-graph-uri": "not an iri"})),
        ask(
            f"{base}/query?"
            + "&".join(f"f{i}=1" for i in range(1001))
            + "&"
            + urllib.parse.urlencode({"query": LABELS})
        ),
    ]
    statuses = [status for status, _, _ in cases]
    assert statuses == [400, 400, 400, 415, 400, 400, 400, 400, 403, 404, 405, 400, 400]
    for _, _, body in cases:
        assert body.endswith("\n") and body.count("\n") == 1 and len(body) > 10, body
    assert "line 1, column" in cases[0][2] and "read-only" in cases[8][2] and "nests 10,000" in cases[6][2]
    assert get(base, query=LABELS)[0] == 200  # and the endpoint answers on


@pytest.mark.parametrize(
    "head",
    [
        b"Content-Length: abc\r\n",
        b"Content-Length: 1e3\r\n",
        b"Content-Length: -1\r\n",
        b"Content-Length: 10\r\nContent-Length: 20\r\n",
        b"Transfer-Encoding: bogus\r\n",
    ],
)
def test_a_broken_content_length_is_answered_400_not_dropped(base, head):
    start = b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    answer = raw(base, start + head + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:80]


def test_a_body_over_the_limit_is_refused_before_it_is_read(base):
    answer = raw(
        base,
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 10000000\r\nConnection: close\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 413 ") and b"at most 1,048,576 are read" in answer
    # a body that gives no length (chunked) is counted as it streams in
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(
            b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"# " + b"x" * 65_534 + b"\n"
        with contextlib.suppress(OSError):  # the server may answer and close before all is sent
            for _ in range(20):
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        assert connection.recv(1000).startswith(b"HTTP/1.1 413 ")


def test_more_rows_than_the_limit_are_refused_naming_it(base):
    status, _, body = get(base, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 503 and "more than 5 rows (kg serve --max-rows)" in body
    assert get(base, query="SELECT * WHERE { ?s ?p ?o } LIMIT 5")[0] == 200


def test_the_root_describes_the_service_and_health_names_the_workers(base):
    status, headers, body = ask(base + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert [str(o) for o in graph.objects(predicate=SD.endpoint)] == [base + "/query"]
    assert set(graph.objects(predicate=SD.supportedLanguage)) == {SD.SPARQL11Query}  # read-only: no Update
    status, _, body = ask(base + "/health")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and len(health["workers"]) == 2
    assert all(isinstance(w["pid"], int) and not w["writer"] for w in health["workers"])


def test_cors_is_off_unless_an_origin_is_given(base, tmp_path):
    _, headers, _ = get(base, query=LABELS)
    assert "Access-Control-Allow-Origin" not in headers
    server = _start(tmp_path, cors="https://notebook.example")
    try:
        host, port = server.server_address
        origin = {"Origin": "https://notebook.example"}
        request = urllib.request.Request(f"http://{host}:{port}/query?" + urllib.parse.urlencode({"query": LABELS}))
        for name, value in origin.items():
            request.add_header(name, value)
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Access-Control-Allow-Origin"] == "https://notebook.example"
    finally:
        server.shutdown()
        server.server_close()


def test_a_writable_endpoint_takes_updates_in_order_and_readers_see_each(tmp_path):
    server = _start(tmp_path, writable=True)
    host, port = server.server_address
    url = f"http://{host}:{port}"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <urn:T> }"
    try:
        for n in range(1, 4):
            update = f"INSERT DATA {{ GRAPH <urn:g> {{ <urn:s{n}> a <urn:T> }} }}"
            status, _, _ = ask(url + "/update", update.encode(), {"Content-Type": "application/sparql-update"})
            assert status == 204
            for _ in range(2):  # each read worker sees it
                body = json.loads(get(url, query=count)[2])
                assert body["results"]["bindings"][0]["n"]["value"] == str(n)
        description = Graph().parse(data=ask(url + "/")[2], format="turtle")
        assert SD.SPARQL11Update in set(description.objects(predicate=SD.supportedLanguage))
        status, _, body = ask(
            url + "/update",
            b"update=LOAD+%3Chttp%3A%2F%2F127.0.0.1%3A9%2Fx%3E",
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 400 and "LOAD would fetch data over the network" in body
    finally:
        server.shutdown()
        server.server_close()


def test_slow_or_idle_clients_are_cut_at_the_deadlines(tmp_path, monkeypatch):
    monkeypatch.setattr(endpoint_module._Protocol, "header_timeout", 1.0)
    monkeypatch.setattr(asgi, "BODY_TIMEOUT", 1.0)
    server = _start(tmp_path)
    host, port = server.server_address
    try:
        with socket.create_connection((host, port), timeout=30) as slow:
            slow.sendall(b"GET /query?query=ASK")  # headers never finished
            assert slow.recv(1000).startswith(b"HTTP/1.1 408 ")
        with socket.create_connection((host, port), timeout=30) as unsent:
            unsent.sendall(
                b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 100\r\n\r\n"
            )
            assert unsent.recv(1000).startswith(b"HTTP/1.1 408 ")
        with socket.create_connection((host, port), timeout=30) as idle:
            assert idle.recv(1000).startswith(b"HTTP/1.1 408 ")  # said nothing at all
    finally:
        server.shutdown()
        server.server_close()
