"""The network guard holds whatever the parsers disagree on: the text checked is the text that runs.

A listener on 127.0.0.1 must receive nothing while a generated corpus of queries and
updates (comment terminators, codepoint escapes, prefixed and relative IRIs, nested
groups) is sent to a graph file, an on-disk store, ``kg render --query`` and ``kg serve``.
"""

from __future__ import annotations

import contextlib
import itertools
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.errors import KgError
from kg.query import run_query
from kg.query.guard import canonical, network_words
from kg.store import OxigraphStore
from kg.store.graph import load_graph
from tests.conftest import EXAMPLE
from tests.test_hostile import Listener

pytestmark = pytest.mark.model

#: What ends a comment for one parser or another.
TERMINATORS = ["\r", "\r\n", "\n", "\u2028", "\u2029", "\u0085", "\f", "\v"]
ESCAPED_SERVICE = "\\u0053ERVICE"  # SERVICE, its S as a codepoint escape


def targets(url: str) -> dict[str, tuple[str, str]]:
    """Ways to name the listener: (prologue, IRI or prefixed name)."""
    host, path = url.rsplit("/", 1)
    return {
        "iri": ("", f"<{url}>"),
        "escaped iri": ("", "<" + url.replace(":", "\\u003A", 1) + ">"),
        "prefixed": (f"PREFIX r: <{host}/> ", f"r:{path}"),
        "relative with BASE": (f"BASE <{host}/> ", f"<{path}>"),
    }


def hidden_services(url: str):
    """(name, query) pairs whose SERVICE clause reaches ``url``, hidden in the ways parsers disagree on."""
    wrappers = {
        "plain": "{}",
        "nested": "{{ {{ OPTIONAL {{ {{ {} }} }} }} }}",
        "exists": "?s ?p ?o FILTER EXISTS {{ {} }}",
        "union": "{{ ?s ?p ?o }} UNION {{ {} }}",
        "subquery": "{{ SELECT * WHERE {{ {} }} }}",
    }
    for (target, (prologue, iri)), (wrapper, shape) in itertools.product(targets(url).items(), wrappers.items()):
        service = f"SERVICE {iri} {{ ?s ?p ?o }}"
        for index, end in enumerate(TERMINATORS):
            clause = shape.format(f"# a note{end}{service}\n")
            yield f"comment {index} {target} {wrapper}", f"{prologue}SELECT * WHERE {{ {clause} }}"
        for escape in ("\\u0022", "\\U00000022"):
            clause = shape.format(f'BIND("p{escape} != " AS ?a) {service} BIND(" || {escape}q" AS ?b)')
            yield f"escape {escape} {target} {wrapper}", f"{prologue}SELECT * WHERE {{ {clause} }}"
        escaped = shape.format(service.replace("SERVICE", ESCAPED_SERVICE))
        yield f"escaped keyword {target} {wrapper}", f"{prologue}SELECT * WHERE {{ {escaped} }}"
        silent = shape.format(service.replace("SERVICE", "service silent"))
        yield f"silent lower-case {target} {wrapper}", f"{prologue}select * where {{ {silent} }}"
        yield f"FROM {target}", f"{prologue}SELECT * FROM {iri} WHERE {{ ?s ?p ?o }}"
        for index, end in enumerate(TERMINATORS):
            yield f"FROM NAMED {index} {target}", f"{prologue}SELECT * # x{end}FROM NAMED {iri} WHERE {{ ?s ?p ?o }}"


def hidden_updates(url: str):
    """(name, update) pairs that would LOAD from ``url`` or run a SERVICE against it."""
    for (target, (prologue, iri)), (index, end) in itertools.product(targets(url).items(), enumerate(TERMINATORS)):
        service = f"SERVICE {iri} {{ ?s ?p ?o }}"
        yield f"LOAD {index} {target}", f"{prologue}# x{end}LOAD {iri}"
        yield f"LOAD into {index} {target}", f"{prologue}LOAD SILENT {iri} INTO GRAPH <urn:x>"
        yield f"INSERT SERVICE {index} {target}", f"{prologue}INSERT {{ ?s ?p ?o }} WHERE {{ # x{end}{service} }}"
        yield (
            f"DELETE SERVICE {index} {target}",
            f"{prologue}DELETE {{ ?s ?p ?o }} WHERE {{ {{ OPTIONAL {{ {service} }} }} }}",
        )
        yield (
            f"escaped INSERT SERVICE {target}",
            f'{prologue}INSERT {{ ?s ?p ?o }} WHERE {{ BIND("\\u0022" AS ?a) {service} BIND("\\u0022" AS ?b) }}',
        )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The example article built into a folder (graph.trig) and into an on-disk store."""
    root = tmp_path_factory.mktemp("guard")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", str(root / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["build", str(EXAMPLE), "--store", str(root / "store")])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def test_no_hidden_service_reaches_the_network_on_files_and_stores(built, listener):
    url = f"http://127.0.0.1:{listener.port}/x"
    graph = load_graph(built / "out" / "graph.trig")
    store = OxigraphStore(built / "store", read_only=True)
    loaded = kg.load(built / "out" / "graph.trig")  # a file, as kg.load and kg query read it: into Oxigraph
    assert isinstance(loaded.store, OxigraphStore) and loaded.store.location is None
    queries = list(hidden_services(url))
    assert len(queries) > 200
    for name, query in queries:
        for target in (graph, store, loaded.store):
            with pytest.raises(KgError, match="refused|invalid SPARQL"):
                run_query(target, query)
            assert listener.connections == [], (name, type(target).__name__)
        with pytest.raises(KgError, match="refused|invalid SPARQL"):
            loaded.query(query)
    time.sleep(0.3)
    assert listener.connections == []


@pytest.mark.parametrize("where", ["store", "out/graph.trig"])
def test_kg_query_and_render_query_refuse_them_on_a_store_and_a_file(built, listener, tmp_path, where):
    url = f"http://127.0.0.1:{listener.port}/x"
    runner = CliRunner()
    for name, query in list(hidden_services(url))[::7]:
        result = runner.invoke(main, ["query", str(built / where), query])
        assert result.exit_code == 1 and "refused" in result.output, (name, result.output)
        construct = query.replace("SELECT *", "CONSTRUCT { ?s ?p ?o }", 1).replace("select *", "CONSTRUCT", 1)
        (tmp_path / "q.rq").write_text(construct, encoding="utf-8", newline="")
        result = runner.invoke(
            main, ["render", str(built / where), "--query", str(tmp_path / "q.rq"), "-o", str(tmp_path / "page.html")]
        )
        assert result.exit_code == 1 and "refused" in result.output, (name, result.output)
    time.sleep(0.3)
    assert listener.connections == []
    assert not (tmp_path / "page.html").exists()


def serve(location, *options):
    """Start ``kg serve`` on a free port in a subprocess; the process and its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(location), "--port", "0", *options],
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stderr.readline()
    assert "Serving" in line, line
    return process, line.split(" at ")[1].split("/query")[0]


def post(url: str, kind: str, text: str) -> int:
    """POST a query or update form; the HTTP status."""
    data = urllib.parse.urlencode({kind: text}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_kg_serve_refuses_hidden_services_and_loads_even_when_writable(built, listener):
    url = f"http://127.0.0.1:{listener.port}/x"
    for location in (built / "store", built / "out" / "graph.trig"):
        process, base = serve(location, *(["--writable"] if location.suffix else []))
        try:
            assert post(base + "/query", "query", "ASK { ?s ?p ?o }") == 200
            for name, query in list(hidden_services(url))[::3]:
                assert post(base + "/query", "query", query) == 400, name
            if location.suffix:
                assert post(base + "/update", "update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }") == 204
                for name, update in hidden_updates(url):
                    assert post(base + "/update", "update", update) == 400, name
        finally:
            process.terminate()
            process.wait(timeout=30)
    time.sleep(0.3)
    assert listener.connections == []


@pytest.mark.parametrize("end", TERMINATORS)
def test_the_canonical_text_has_no_comment_and_is_its_own_canonical_text(end):
    text = canonical(f'SELECT * WHERE {{ # a note{end}?s <http://x/#a> "b # c" . }} # end')
    assert "note" not in text and "end" not in text
    assert "<http://x/#a>" in text and '"b # c"' in text
    assert canonical(text) == text


def test_the_lexical_check_errs_on_refusing_but_lets_ordinary_words_pass():
    assert network_words('SELECT * WHERE { ?service ?p "Secret Service" . ?s ex:service ?o }') is None
    assert network_words('SELECT * WHERE { ?s ?p "bought from Reuters" }') is None
    assert network_words("SELECT * WHERE { SERVICE<http://x/> {} }") == "SERVICE"
    assert network_words("SELECT * WHERE { }SERVICE r:x {} }") == "SERVICE"
    assert network_words("SELECT * FROM NAMED <x> {}") == "FROM"
    assert network_words("load silent <x>", update=True) == "LOAD"
    with pytest.raises(KgError, match="further escapes"):
        canonical('SELECT * WHERE { BIND("\\u005Cu0022" AS ?a) }')


def can_leave_the_network() -> bool:
    """Whether this system lets a process leave the network (kg.query.offline); asked in a child."""
    code = "import sys; from kg.query.offline import cut_network; sys.exit(0 if cut_network() else 1)"
    return subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_without_the_check_kg_query_and_kg_serve_still_reach_nothing(built, listener, monkeypatch):
    # The second wall: were the check ever fooled, the query runs where there is no network.
    if not can_leave_the_network():
        pytest.skip("this system forbids unshare(CLONE_NEWNET), with and without a user namespace")
    import kg.query.sparql

    monkeypatch.setattr(kg.query.sparql, "_network_use", lambda algebra: None)
    monkeypatch.setattr(kg.query.sparql, "network_words", lambda text, update=False: None)
    url = f"http://127.0.0.1:{listener.port}/x"
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    for where in ("store", "out/graph.trig"):
        result = CliRunner().invoke(main, ["query", str(built / where), query])
        assert result.exit_code == 1, (where, result.output)
    # kg serve, started with its check turned off in the same way
    script = (
        "import sys, kg.query.endpoint as e, kg.query.sparql as s; from kg.cli import main; "
        "s._network_use = e._network_use = lambda a: None; "
        "s.network_words = e.network_words = lambda t, update=False: None; "
        "main(['serve', sys.argv[1], '--port', '0'])"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(built / "store")], stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert "Serving" in line, line
        base = line.split(" at ")[1].split("/query")[0]
        assert post(base + "/query", "query", "ASK { ?s ?p ?o }") == 200
        assert post(base + "/query", "query", query) != 200
    finally:
        process.terminate()
        process.wait(timeout=30)
    time.sleep(0.3)
    assert listener.connections == []


# --- generated texts: whatever the pieces, the text that runs reaches nothing ----------------------

NOISE = [
    "{",
    "}",
    " ",
    "?s ?p ?o .",
    "OPTIONAL",
    "#",
    '"',
    "'",
    '"""',
    "\\",
    "\\u0022",
    "\\u0027",
    "\\u0023",
    "<",
    ">",
    ".",
    "<x>",
    "FILTER(?s < ?o)",
    *TERMINATORS,
]
HIDERS = [
    ("", ""),
    *((f"# note{end}", "") for end in TERMINATORS),
    *((f'BIND("p{escape} != " AS ?a) ', f' BIND(" || {escape}q" AS ?b)') for escape in ("\\u0022", "\\U00000022")),
    ("BIND('p\\u0027 != ' AS ?a) ", " BIND(' || \\u0027q' AS ?b)"),
]
KEYWORDS = ["SERVICE", "service", "SERVICE SILENT", ESCAPED_SERVICE]
WRAPPERS = [
    "{}",
    "{{ {{ {} }} }}",
    "OPTIONAL {{ {} }}",
    "?s ?p ?o FILTER EXISTS {{ {} }}",
    "{{ }} UNION {{ {} }}",
    "MINUS {{ {} }}",
    "{{ SELECT * WHERE {{ {} }} }}",
]


def generated(url: str):
    """A hypothesis strategy of queries and updates whose SERVICE or LOAD reaches ``url``, hidden in the
    ways parsers disagree on, with noise around them."""
    from hypothesis import strategies as st

    named = st.sampled_from(list(targets(url).values()))
    noise = st.lists(st.sampled_from(NOISE), max_size=3).map("".join)
    head = st.sampled_from(
        [
            "SELECT * WHERE { ",
            "ASK { ",
            "CONSTRUCT { ?s ?p ?o } WHERE { ",
            "INSERT { ?s ?p ?o } WHERE { ",
            "DELETE { ?s ?p ?o } WHERE { ",
            "LOAD",
        ]
    )

    def text(parts):
        (prologue, iri), noise_before, (hide, close), keyword, wrapper, head, noise_after = parts
        if head == "LOAD":
            return f"{prologue}{noise_before}{hide}LOAD {iri}{close}{noise_after}"
        clause = wrapper.format(f"{hide}{keyword} {iri} {{ ?s ?p ?o }}{close}")
        return f"{prologue}{head}{noise_before}{clause}{noise_after} }}"

    return st.tuples(
        named, noise, st.sampled_from(HIDERS), st.sampled_from(KEYWORDS), st.sampled_from(WRAPPERS), head, noise
    ).map(text)


def test_generated_texts_never_reach_the_network(listener):
    from hypothesis import HealthCheck, given, settings

    from kg.query.endpoint import check_update

    store = OxigraphStore()
    url = f"http://127.0.0.1:{listener.port}/x"

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(generated(url))
    def attempt(text):
        before = len(listener.connections)
        with contextlib.suppress(KgError):
            run_query(store, text)
        with contextlib.suppress(KgError, SyntaxError, OSError):
            store.update(check_update(text))
        time.sleep(0.01)
        assert len(listener.connections) == before, repr(text)

    attempt()
    time.sleep(0.3)
    assert listener.connections == []
