"""Shared fixtures: the example article, the shared data folder, the built example graph."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "libya-gna-rejects-haftar-truce.txt"
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))


def chromium_found() -> bool:
    """Whether Chromium is where the browser tests look for it (KG_CHROMIUM, default /usr/bin/chromium)."""
    return CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is not None


def pytest_report_header(config) -> list[str]:
    """Say once, at the top of a plain `pytest` run, what the skipping tests lack (or that nothing is missing)."""
    import importlib.util

    if not chromium_found():
        browser = (
            f"Chromium not found at {CHROMIUM}: the browser tests skip (apt-get install -y chromium; "
            "KG_REQUIRE_BROWSER=1 makes that a failure)"
        )
    elif importlib.util.find_spec("playwright") is None:
        browser = f"Chromium found at {CHROMIUM}, but not playwright: the browser tests skip (pip install '.[test]')"
    else:
        browser = f"Chromium found at {CHROMIUM}: the browser tests run"
    shared = (
        f"shared data found at {SHARED}"
        if (SHARED / "data").is_dir()
        else f"shared data not found at {SHARED}: the tests that need it skip (KG_SHARED=/path names another place)"
    )
    virtuoso = (
        "Virtuoso found: the Virtuoso store tests run"
        if shutil.which(os.environ.get("KG_VIRTUOSO", "virtuoso-t"))
        else "Virtuoso not found: its store tests skip (apt-get install -y virtuoso-opensource)"
    )
    return [f"kg: {browser}", f"kg: {shared}", f"kg: {virtuoso}"]


#: Session fixtures too costly to start once per xdist worker: the tests using them share one worker.
ONE_WORKER_SESSION_FIXTURES = {"virtuoso"}


def _shares_a_costly_fixture(item: pytest.Item) -> bool:
    """Whether ``item`` uses a fixture built once per module (or class), or one of
    :data:`ONE_WORKER_SESSION_FIXTURES`: split across workers, it would be built once by each."""
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return any(
        name in ONE_WORKER_SESSION_FIXTURES or any(d.scope in ("module", "class", "package") for d in defs)
        for name, defs in definitions.items()
    )


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups into the test ids
def pytest_collection_modifyitems(config, items) -> None:
    """Order and group the tests for ``pytest -n 2 --dist loadgroup`` (the README's test command).

    The tests of a module that share a module-scoped fixture (the 500 analysed BBC articles, the
    replayed extractions of ``kg remove``'s tests) are one xdist group, so one worker builds the
    fixture once; every other test is scheduled on its own. The slow tests go first (a stable sort,
    so the order is otherwise the collection's): with ``--no-loadscope-reorder`` the workers start
    on the minutes-long ones instead of ending on them while the other worker idles. Without
    xdist the marks do nothing and only the order changes (the tests are order-independent).
    """
    for item in items:
        if _shares_a_costly_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (tests that need ../shared/data skip without it)")
    return path


@pytest.fixture(autouse=True)
def _default_read_limits():
    """Each test starts with kg's default graph-file limits: ``kg --max-triples N`` run in-process
    (CliRunner) sets them for the whole process, and a later test reading a bigger file was refused
    whenever it ran in the same worker before any other CLI call set them back."""
    foreign = sys.modules.get("kg.store.foreign")  # not imported yet: nothing can have changed them
    if foreign is not None:
        foreign.set_read_limits()


@pytest.fixture(scope="session")
def nlp():
    from kg.analyse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_graph():
    """The example article's graph, built once through the public API."""
    import kg

    return kg.build(EXAMPLE)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """`kg build` of the example article, run through the CLI: (output folder, CLI result)."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("example") / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="session")
def chromium():
    """Path of Debian's Chromium; skip (or, with KG_REQUIRE_BROWSER=1 as in CI, fail) without it."""
    if not chromium_found():
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium; .ci/run installs it)"
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return str(CHROMIUM)


#: One entity in one document's named graph: the smallest graph kg's commands accept.
SMALL_TRIG = """@prefix kg: <https://example.org/kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/kg/graph/d1> {
  <https://example.org/kg/entity/haftar> a kg:Person ; rdfs:label "Khalifa Haftar" ; kg:mentionCount 2 .
}
"""


@pytest.fixture
def small_trig(tmp_path):
    """A TriG file holding :data:`SMALL_TRIG`."""
    path = tmp_path / "small.trig"
    path.write_text(SMALL_TRIG, encoding="utf-8")
    return path
