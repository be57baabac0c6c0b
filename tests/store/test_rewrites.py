"""Writing to a graph that is already there: a rebuild changes nothing, readers see whole documents,
a build still running is told from an interrupted one, and a failing write is one clear line.

Every build here goes through the real pipeline on real articles; "the same graph" is sorted N-Quads.
"""

from __future__ import annotations

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
    node, label = ox.NamedNode("https://example.org/kg/relation/r"), ox.NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#label")
    quads = [ox.Quad(node, label, ox.Literal(text), corpus) for text in ("reveal", "reveal -")]
    store.add(quads)
    write_documents(store, [(corpus.value, quads)], corpus_graph=corpus.value)
    assert sorted(str(q) for q in store.quads()) == sorted(str(q) for q in quads)
