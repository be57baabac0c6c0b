"""Document analysis on Dask (``--engine dask``): the same graph as one local process builds."""

from __future__ import annotations

import pytest

import kg
from kg.store import serialize
from tests.conftest import EXAMPLE, shared_path

pytestmark = pytest.mark.model


def test_dask_local_cluster_builds_the_same_graph():
    pytest.importorskip("dask.distributed", reason="dask[distributed] is in the test extras")
    bbc = shared_path("data", "corpus", "bbc")
    articles = [EXAMPLE, *(bbc / f"politics_{n:03d}.txt" for n in (1, 2, 3))]
    built = kg.build(articles, engine="dask", jobs=2)
    assert serialize(built.store, "nq") == serialize(kg.build(articles).store, "nq")
