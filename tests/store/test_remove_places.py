"""``kg remove`` and ``--append`` keep places linked as a build of the remaining documents links them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.store import serialize

pytestmark = pytest.mark.model

TEXAS = "The rodeo in Paris drew thousands of visitors on Friday, the Texas tourism board said.\n"
FRANCE = "Fashion week opened in Paris on Monday, and France's culture minister attended.\n"
PARIS = "<https://example.org/kg/id/entity/geopoliticalentity/paris>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def links(path) -> set[str]:
    rows = kg.load(path).query(f"SELECT ?p WHERE {{ {PARIS} {SAME_AS} ?p }}")
    return {str(row.p) for row in rows}


def test_removing_the_article_about_paris_france_links_paris_texas_again(tmp_path):
    """Read as two places by two articles, Paris is unlinked; without the French one it is Paris, Texas,
    whose context ("Texas") kg remove reads again though the removed article never named Texas."""
    (tmp_path / "texas.txt").write_text(TEXAS, encoding="utf-8")
    (tmp_path / "france.txt").write_text(FRANCE, encoding="utf-8")
    run("build", tmp_path / "texas.txt", tmp_path / "france.txt", "-o", tmp_path / "both", "--no-html")
    run("build", tmp_path / "texas.txt", "-o", tmp_path / "alone", "--no-html")
    assert links(tmp_path / "both" / "graph.trig") == set()
    assert links(tmp_path / "alone" / "graph.trig") == {"https://sws.geonames.org/4717560/"}
    run("remove", tmp_path / "both" / "graph.trig", "france")
    removed, alone = (kg.load(tmp_path / name / "graph.trig").graph for name in ("both", "alone"))
    assert set(serialize(removed, "nq").splitlines()) == set(serialize(alone, "nq").splitlines())


def test_a_place_of_the_graph_keeps_its_link_when_an_article_is_appended(tmp_path):
    (tmp_path / "texas.txt").write_text(TEXAS, encoding="utf-8")
    (tmp_path / "more.txt").write_text("Paris police closed two roads on Saturday.\n", encoding="utf-8")
    run("build", tmp_path / "texas.txt", "-o", tmp_path / "out", "--no-html")
    run("build", tmp_path / "more.txt", "-o", tmp_path / "out", "--no-html", "--append")
    assert links(tmp_path / "out" / "graph.trig") == {"https://sws.geonames.org/4717560/"}
