"""``kg serve``: the SPARQL 1.1 Protocol endpoint over a store (kg.query.endpoint).

The graph is the hand-made one of test_sparql.py (no language model needed); the server runs
in a thread on 127.0.0.1 and is asked what curl, a notebook or kg's own RemoteStore would ask.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

import kg
from kg.query.endpoint import make_server
from kg.store import OxigraphStore, RemoteStore
from tests.query.test_sparql import TRIG

COUNT = "PREFIX kg: <https://example.org/kg/ontology#> SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement }"


def _store(tmp_path) -> OxigraphStore:
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    store = OxigraphStore()
    store.load_file(path)
    return store


def _serving(store, **options):
    server = make_server(store, port=0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def endpoint(tmp_path):
    """A read-only endpoint over the hand-made graph: (its URL, the store it answers from)."""
    store = _store(tmp_path)
    server, url = _serving(store)
    try:
        yield url, store
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str, accept: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_kg_serve_answers_sparql_protocol_queries_read_only(endpoint):
    url, store = endpoint
    served = RemoteStore(url)
    assert list(served.rows(COUNT)) == list(store.rows(COUNT)) == [{"n": "2"}]
    # GET with ?query=, CSV by Accept: what curl or a notebook would send
    status, body = _get(
        f"{url}/query?" + urllib.parse.urlencode({"query": "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }"}),
        accept="text/csv",
    )
    assert status == 200 and body.splitlines() == ["l", "Khalifa Haftar"]
    with pytest.raises(kg.errors.KgError, match="403.*read-only"):
        served.update("CLEAR ALL")
    with pytest.raises(kg.errors.KgError, match="400.*SERVICE"):
        list(served.rows("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))
    assert list(served.rows(COUNT)) == [{"n": "2"}]  # nothing was cleared


def test_the_endpoint_says_what_it_is_and_refuses_what_it_does_not_serve(endpoint):
    url, _ = endpoint
    status, body = _get(url + "/")
    assert status == 200 and body.startswith("# kg SPARQL endpoint on OxigraphStore(in memory)") and "read-only" in body
    assert _get(url + "/nothing")[0] == 404
    status, body = _get(f"{url}/query?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"}))
    assert status == 400 and "invalid SPARQL: line 1, column" in body


def test_construct_answers_in_the_rdf_format_asked(endpoint):
    url, _ = endpoint
    query = urllib.parse.urlencode({"query": "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Person ; rdfs:label ?l }"})
    status, body = _get(f"{url}/query?{query}", accept="text/turtle")
    assert status == 200 and 'id:haftar rdfs:label "Khalifa Haftar" .' in body  # the graph's own prefixes
    status, body = _get(f"{url}/query?{query}", accept="application/n-triples")
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    assert status == 200 and body == f'<https://example.org/kg/id/haftar> {label} "Khalifa Haftar" .\n'
    status, body = _get(f"{url}/query?{query}")
    assert status == 200 and "@prefix" in body  # Turtle by default


def test_a_writable_endpoint_takes_updates_but_never_a_load(tmp_path):
    store = _store(tmp_path)
    server, url = _serving(store, writable=True)
    try:
        served = RemoteStore(url)
        served.update(
            "PREFIX kg: <https://example.org/kg/ontology#> INSERT DATA { GRAPH <urn:g> { <urn:s> a kg:Statement } }"
        )
        assert list(served.rows(COUNT)) == [{"n": "3"}]  # the next query sees it
        assert list(store.rows(COUNT)) == [{"n": "2"}]  # a copy was served: the store given is unchanged
        with pytest.raises(kg.errors.KgError, match="400.*LOAD would fetch data over the network"):
            served.update("LOAD <http://127.0.0.1:9/data.ttl>")
    finally:
        server.shutdown()
        server.server_close()
