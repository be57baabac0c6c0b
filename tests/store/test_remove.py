"""``kg remove``: removing documents leaves what building the remaining ones alone gives.

Every check compares sorted N-Quads (graph names included) with a build of the
remaining documents. The property test draws pairs and triples of real articles
(the example and BBC articles, several about the same people); each article is
analysed by spaCy once per session and its extraction replayed through the real
build for every example.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib.namespace import RDFS, SKOS

import kg
from kg.cli import main
from kg.store import OxigraphStore, RemoteStore, remove_documents, serialize
from kg.vocab import KG
from tests.conftest import EXAMPLE, shared_path
from tests.store.test_stores import oxigraph_server  # noqa: F401 (a fixture)

pytestmark = pytest.mark.model

#: BBC articles about the same people (Blair, Brown, Howard, Kennedy, Goldsmith, Kilroy-Silk; Cherie Blair
#: beside Mr Blair), two business articles that name Libya and the US as the example does, and articles
#: whose names change what another's stand for when they are built together (found by building pairs).
BBC = [
    "politics_001",
    "politics_002",
    "politics_005",
    "politics_007",
    "politics_011",
    "politics_017",
    "politics_111",
    "politics_125",
    "politics_184",
    "politics_194",
    "politics_327",
    "politics_328",
    "business_138",
    "business_301",
    "politics_058",
    "politics_082",
    "politics_085",
    "politics_115",
    "politics_142",
    "politics_256",
    "politics_313",
    "politics_334",
    "politics_379",
    "politics_400",
]
#: Articles about Robert Kilroy-Silk (politics_293 also calls him "RKS", tagged ORG), and one about
#: something else (politics_085).
KILROY = ["politics_125", "politics_157", "politics_281", "politics_293", "politics_322", "politics_333"]
BASE = "https://example.org/kg/id/"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lines(data: bytes) -> set[str]:
    return set(data.decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def articles() -> dict[str, Path]:
    """Document id → file, for the example and the BBC articles above."""
    bbc = shared_path("data", "corpus", "bbc")
    return {
        "libya-gna-rejects-haftar-truce": EXAMPLE,
        **{name: bbc / f"{name}.txt" for name in [*BBC, *KILROY, "politics_085"]},
    }


@pytest.fixture(scope="module")
def replay(articles):
    """A build that takes each article's extraction from one spaCy run per session."""
    from kg.analyse import run as stage
    from kg.extract import extract
    from kg.read import iter_documents

    documents = [d for d in iter_documents(list(articles.values())) if hasattr(d, "text")]
    analysed = {doc_id: rest for doc_id, *rest in stage.analyse(documents, work=extract)}

    def analyse(documents, **options):
        for document in documents:
            yield (document.id, *analysed[document.id])

    def build(ids, store=None):
        with mock.patch.object(stage, "analyse", analyse):
            return kg.build([articles[i] for i in sorted(ids)], store=store)

    return build


def test_a_concept_the_remaining_article_attributes_a_statement_to_stays(tmp_path, articles):
    """The issue's reproduction: "concept/afp-correspondent" is referred to only through kg:attributedTo."""
    both, alone = tmp_path / "both", tmp_path / "alone"
    assert run("build", EXAMPLE, articles["business_301"], "-o", both, "--no-html").exit_code == 0
    assert run("build", EXAMPLE, "-o", alone, "--no-html").exit_code == 0
    result = run("remove", both / "graph.trig", "business_301", "-o", both / "removed.trig")
    assert result.exit_code == 0 and "removed business_301" in result.output
    removed = kg.load(both / "removed.trig")
    concept = f"<{BASE}concept/afp-correspondent>"
    assert removed.query(f"ASK {{ {concept} a <{KG.Concept}> ; <{RDFS.label}> ?l }}").askAnswer
    assert len(removed.query(f"SELECT ?s WHERE {{ ?s <{KG.attributedTo}> {concept} }}")) == 2
    assert lines(serialize(removed.graph, "nq")) == lines(serialize(kg.load(alone / "graph.trig").graph, "nq"))


@pytest.mark.parametrize(
    "kept, gone, entity, label",
    [
        (["business_138"], "business_301", "geopoliticalentity/us", "US"),  # "United States" came from business_301
        (["politics_327"], "politics_328", "person/lord-goldsmith", "Lord Goldsmith"),  # politics_328 said "Goldsmith"
        # politics_313's "Blair" is Cherie Blair (politics_194) when no Tony Blair (politics_002) makes it ambiguous
        (["politics_194", "politics_313"], "politics_002", "person/cherie-blair", "Cherie Blair"),
    ],
)
def test_removal_links_again_the_names_only_the_removed_article_supported(tmp_path, replay, kept, gone, entity, label):
    graph = tmp_path / "graph.trig"
    graph.write_bytes(serialize(replay([*kept, gone]).store, "trig"))
    query = f"SELECT ?l WHERE {{ <{BASE}entity/{entity}> <{RDFS.label}> ?l ; <{KG.mentionCount}> ?n }} ORDER BY ?l"
    before = [(str(row.l), int(row.n)) for row in kg.load(graph).query(query.replace("?l WHERE", "?l ?n WHERE"))]
    assert run("remove", graph, gone).exit_code == 0
    after = [(str(row.l), int(row.n)) for row in kg.load(graph).query(query.replace("?l WHERE", "?l ?n WHERE"))]
    assert after != before and [name for name, _ in after] == [label]
    assert lines(serialize(kg.load(graph).graph, "nq")) == lines(serialize(replay(kept).store, "nq"))


def test_what_a_name_stands_for_does_not_depend_on_an_unrelated_article(replay):
    """politics_293's "RKS" joins Robert Kilroy-Silk, or not, whether or not politics_085 (which names
    none of them) is built too: linking once asked whichever group of his happened to be the
    union-find root whether its type allowed the join, and that root depends on the other articles."""
    query = f"SELECT ?e WHERE {{ ?e <{KG.mentionCount}> ?n ; <{SKOS.altLabel}>|<{RDFS.label}> 'RKS' }}"
    alone, beside = (list(replay(ids).store.rows(query)) for ids in (KILROY, [*KILROY, "politics_085"]))
    assert alone == beside == [{"e": f"{BASE}entity/person/robert-kilroy-silk"}]
    both = replay([*KILROY, "politics_085"]).store
    remove_documents(both, ["politics_085"])
    assert serialize(both, "nq") == serialize(replay(KILROY).store, "nq")


def test_append_then_remove_is_a_build_of_the_rest(tmp_path, articles, replay):
    """business_138's "US" joined the node business_301 named "United States" (rule "graph"): it is "US" again."""
    out = tmp_path / "out"
    assert run("build", articles["business_301"], "-o", out, "--no-html").exit_code == 0
    assert run("build", articles["business_138"], "-o", out, "--no-html", "--append").exit_code == 0
    assert run("remove", out / "graph.trig", "business_301").exit_code == 0
    assert lines(serialize(kg.load(out / "graph.trig").graph, "nq")) == lines(
        serialize(replay(["business_138"]).store, "nq")
    )


def test_kg_remove_on_an_on_disk_store(tmp_path, replay):
    store = tmp_path / "store"
    replay(["politics_327", "politics_328", "libya-gna-rejects-haftar-truce"], store=store).store.close()
    result = run("remove", store, "politics_328", "no-such-document")
    assert result.exit_code == 1 and "removed politics_328" in result.output
    assert "no document 'no-such-document'" in result.output
    assert serialize(OxigraphStore(store, read_only=True), "nq") == serialize(
        replay(["politics_327", "libya-gna-rejects-haftar-truce"]).store, "nq"
    )
    assert run("remove", store, "politics_327", "-o", tmp_path / "x.trig").exit_code == 2  # -o is for files


def test_kg_remove_through_a_sparql_endpoint(replay, oxigraph_server):  # noqa: F811 (the imported fixture)
    replay(["politics_327", "politics_328"], store=RemoteStore(oxigraph_server))
    assert run("remove", oxigraph_server, "politics_328").exit_code == 0
    assert serialize(RemoteStore(oxigraph_server), "nq") == serialize(replay(["politics_327"]).store, "nq")


def test_a_graph_without_extraction_records_is_recounted(tmp_path, replay):
    """A graph built before kg:extraction existed: counts and names recounted, no node lost."""
    record = "<https://example.org/kg/ontology#extraction>"
    old = [
        line
        for line in lines(serialize(replay(["libya-gna-rejects-haftar-truce", "business_301"]).store, "nq"))
        if record not in line
    ]
    (tmp_path / "old.nq").write_text("\n".join(old) + "\n", encoding="utf-8")
    assert run("remove", tmp_path / "old.nq", "business_301").exit_code == 0
    want = {
        line for line in lines(serialize(replay(["libya-gna-rejects-haftar-truce"]).store, "nq")) if record not in line
    }
    assert lines((tmp_path / "old.nq").read_bytes()) == want


@st.composite
def splits(draw):
    """Two or three distinct articles, split into the ones kept and the ones removed (both non-empty)."""
    chosen = draw(st.permutations(["libya-gna-rejects-haftar-truce", *BBC]))[: draw(st.integers(2, 3))]
    cut = draw(st.integers(1, len(chosen) - 1))
    return chosen[:cut], chosen[cut:]


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory):
    """One on-disk store, emptied before each example's build (opening a new one costs more than the test)."""
    store = OxigraphStore(tmp_path_factory.mktemp("remove") / "store")
    yield store
    store.close()


@pytest.fixture(scope="module")
def nquads_of(replay):
    """The N-Quads of an in-memory build of some articles. A build of one article is made once
    for the module: the property test draws each of the 25 articles alone again and again, and a
    build depends on its articles alone. Larger sets, which seldom recur, are built each time."""
    alone: dict[str, bytes] = {}

    def nquads(ids: list[str]) -> bytes:
        if len(ids) != 1:
            return serialize(replay(ids).store, "nq")
        if ids[0] not in alone:
            alone[ids[0]] = serialize(replay(ids).store, "nq")
        return alone[ids[0]]

    return nquads


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(split=splits())
def test_remove_from_a_build_of_both_is_a_build_of_the_rest(replay, nquads_of, on_disk, split):
    """remove(build(A ∪ B), B) == build(A), quad for quad, on a TriG file and on an on-disk store."""
    kept, gone = split
    want = nquads_of(kept)
    both = replay(kept + gone).store

    def named(nquads: bytes) -> set[str]:
        return {line.split()[2] for line in lines(nquads) if line.split()[1] == f"<{KG.mentionOf}>"}

    if named(want) & named(nquads_of(gone)):
        event("the kept and removed articles name the same entity")
    kept_graphs = {line for line in lines(want) if "/graph/document/" in line.split()[-2]}
    if not kept_graphs <= lines(serialize(both, "nq")):
        event("the removed articles changed what the kept ones' names stand for")
    with tempfile.TemporaryDirectory() as folder:
        # on files: the TriG that kg build writes, read back, removed from, written again
        trig = Path(folder) / "graph.trig"
        trig.write_bytes(serialize(both, "trig"))
        store = OxigraphStore()
        store.load_file(trig)
        assert remove_documents(store, gone) == sorted(gone)
        assert serialize(store, "nq") == want
    # on an on-disk store, built as a first build (bulk-loaded) then removed from in one transaction
    on_disk.store.clear()
    assert replay(kept + gone, store=on_disk).store is on_disk
    assert remove_documents(on_disk, gone) == sorted(gone)
    assert serialize(on_disk, "nq") == want


def test_validate_reports_a_node_that_lost_its_description(tmp_path, replay):
    """The old bug's output (the concept's type and label gone, two attributions still naming it)
    is a violation; a good build, and what kg remove leaves, conform."""
    good = tmp_path / "good.trig"
    good.write_bytes(serialize(replay(["libya-gna-rejects-haftar-truce", "business_301"]).store, "trig"))
    assert run("remove", good, "business_301").exit_code == 0
    assert run("validate", good).exit_code == 0
    concept = f"{BASE}concept/afp-correspondent"
    bad = tmp_path / "bad.nq"
    bad.write_text(
        "".join(
            line + "\n" for line in lines(serialize(kg.load(good).graph, "nq")) if not line.startswith(f"<{concept}> ")
        ),
        encoding="utf-8",
    )
    result = run("validate", bad)
    assert result.exit_code == 1
    assert (
        f"Violation: {concept} rdf:type: a node statements, mentions or relations refer to has no rdf:type: "
        "it dangles" in result.output
    )


def test_kg_remove_names_what_it_cannot_remove_from(tmp_path):
    assert "no such graph file or store" in run("remove", tmp_path / "nothing", "x").output
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    result = run("remove", tmp_path / "graph.ttl", "x")
    assert result.exit_code == 1 and "works on TriG or N-Quads files" in result.output


def test_remove_documents_from_an_rdflib_dataset(tmp_path, replay):
    dataset = kg.load(_trig(tmp_path, replay(["business_138", "business_301"]))).graph
    assert remove_documents(dataset, ["business_301", "no-such-document"]) == ["business_301"]
    assert lines(serialize(dataset, "nq")) == lines(serialize(replay(["business_138"]).store, "nq"))


def _trig(folder: Path, graph) -> Path:
    path = folder / "graph.trig"
    path.write_bytes(serialize(graph.store, "trig"))
    return path
