"""kg's own cost on a query: the API's ``KnowledgeGraph.query`` on a store against raw
``pyoxigraph.Store.query`` of the same text in the same process, and the fork ``kg query`` runs a
query in (for ``--timeout``), measured apart.

For each query of ``bench/query.py`` (on the graph's statement model): raw pyoxigraph reads every
term of every solution; the API checks the query (canonical text, rdflib's parse for the network
guard, cached per text), runs it on Oxigraph and hands back an rdflib ``Result`` whose rows are
read. Warm times are medians of ``--repeat`` runs, raw and API by turns; "first" is the API's first run of a text
(rdflib's parse not yet cached). The fork: what ``kg query STORE`` does (open the store, run the
query, format the table) run in this process, and in the forked child, cut off the network, that
``--timeout`` runs it in; medians of ``--repeat`` runs.

    python bench/query_overhead.py --store /tmp/kg-bbc-store [--memory] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.query import query_texts, statement_shape  # noqa: E402


def paired(first, second, repeat: int) -> tuple[float, float]:
    """The median seconds of ``first()`` and of ``second()``, run by turns ``repeat`` times each after
    one warming run of each: on a shared machine the load drifts, and turns share it fairly."""
    first()
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for run, spent in zip((first, second), times, strict=True):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--memory", action="store_true", help="query an in-memory copy of the store too")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    import kg.query.sparql as sparql
    from kg import KnowledgeGraph
    from kg.cli.common import open_graph
    from kg.query import format_result
    from kg.query.limits import run_limited
    from kg.store import OxigraphStore
    from kg.store.dataset import parsed_query

    # The fork, in this process (fresh processes vary by more than it costs), first: a fork copies the
    # parent's page tables, so it is measured before the in-memory copy below makes this process big.
    # kg query's work (open the store read-only, run the query, format the table) run here, and in a
    # forked child cut off the network.
    text = query_texts(statement_shape(OxigraphStore(args.store, read_only=True)))[
        "provenance lookup (what is said of Tony Blair, where)"
    ]

    def answer() -> str:
        graph = open_graph(args.store)
        return format_result(graph.query(text), "table", prefixes=graph.prefixes())

    here, forked = paired(answer, lambda: run_limited(answer, 120, offline=True), args.repeat)
    print(
        f"kg query STORE's work (provenance lookup): {here * 1000:.1f} ms here, {forked * 1000:.1f} ms in the "
        f"forked child that --timeout runs it in: the fork adds {(forked - here) * 1000:.1f} ms"
    )

    disk = OxigraphStore(args.store, read_only=True)
    stores = {"on disk": disk}
    if args.memory:
        memory = OxigraphStore()
        memory.store.bulk_extend(disk.store)
        stores["in memory"] = memory
    texts = query_texts(statement_shape(disk))

    def raw(store: OxigraphStore, text: str) -> int:
        result = store.store.query(text, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return sum(1 for solution in result for name in names if solution[name] is not None)

    def api(graph: KnowledgeGraph, text: str) -> int:
        result = graph.query(text)
        return sum(1 for row in result for value in row)

    print("| store | query | rows | raw pyoxigraph ms | kg API ms | ratio | kg API first run ms |")
    print("|---|---|---|---|---|---|---|")
    ratios = []
    for where, store in stores.items():
        graph = KnowledgeGraph(store=store)
        for name, text in texts.items():
            sparql._prepare.cache_clear()
            parsed_query.cache_clear()
            started = time.perf_counter()
            rows = len(graph.query(text))
            first = time.perf_counter() - started
            raw_s, api_s = paired(lambda s=store, t=text: raw(s, t), lambda g=graph, t=text: api(g, t), args.repeat)
            ratios.append(api_s / raw_s)
            print(
                f"| {where} | {name} | {rows:,} | {raw_s * 1000:.1f} | {api_s * 1000:.1f} | {api_s / raw_s:.2f} "
                f"| {first * 1000:.1f} |",
                flush=True,
            )
    print(f"largest ratio {max(ratios):.2f} (target: at most 1.2)")

    return 0


if __name__ == "__main__":
    sys.exit(main())
