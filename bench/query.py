"""SPARQL on the full BBC graph: rdflib's memory store against the Oxigraph store, same queries.

Reads the graph from a kg store (building it first if ``--store`` does not hold
one: ``kg build BBC --store DIR --jobs 2``), copies every quad into an rdflib
``Dataset`` (what ``kg.load`` gives for a file) and into an in-memory Oxigraph
store (what a build without ``--store`` keeps), and runs the same four queries
on both: a 2-hop join (what the things Blair relates to relate to; the first
hop is a subquery, as rdflib's planner gets lost in the flat form, even on 150k
quads), a GROUP BY count, a label FILTER, and a provenance lookup. Each time is
the median of ``--repeat`` runs that read every row; the rows of both are
compared (as sorted strings) and must be identical.

    python bench/query.py [--store /tmp/kg-bbc-store] [--repeat 3] [--limit 600]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_CORPUS, bbc_store  # noqa: E402

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

QUERIES = {
    "2-hop join (Blair -> x -> y)": """
SELECT DISTINCT ?middle ?other WHERE {
  { SELECT DISTINCT ?x WHERE { ?blair rdfs:label "Tony Blair" . ?s1 rdf:subject ?blair ; rdf:object ?x } }
  ?s2 rdf:subject ?x ; rdf:object ?y .
  ?x rdfs:label ?middle . ?y rdfs:label ?other .
}""",
    "GROUP BY count (statements per relation)": """
SELECT ?relation (COUNT(?s) AS ?statements) WHERE {
  ?s rdf:predicate ?r . ?r rdfs:label ?relation .
} GROUP BY ?relation ORDER BY DESC(?statements) ?relation LIMIT 25""",
    "label FILTER (entities named like 'blair')": """
SELECT ?entity ?label WHERE {
  ?entity kg:mentionCount ?n ; rdfs:label ?label .
  FILTER(CONTAINS(LCASE(?label), "blair"))
}""",
    "provenance lookup (what is said of Tony Blair, where)": """
SELECT ?relation ?sentence ?title WHERE {
  ?e rdfs:label "Tony Blair" .
  ?s rdf:subject ?e ; kg:relationText ?relation ; kg:sentence ?sentence ; kg:document ?d .
  ?d dcterms:title ?title .
}""",
}


def rows_of(result) -> list[tuple[str, ...]]:
    """Every row of a SELECT result (rdflib or pyoxigraph) as a tuple of plain strings, sorted."""
    import pyoxigraph

    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        return sorted(tuple(s[n].value if s[n] is not None else "" for n in names) for s in result)
    return sorted(tuple(str(v) if v is not None else "" for v in row) for row in result)


class _Stopped(Exception):
    pass


def timed(run, repeat: int, limit: float | None = None) -> tuple[float, list | None]:
    """Median seconds of ``repeat`` runs and the rows; (limit, None) if a run passes ``limit`` s.

    rdflib's evaluator is Python, so a timer signal can stop it between two steps.
    """
    import signal

    def stop(signum, frame):
        raise _Stopped

    times, rows = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        if limit:
            signal.signal(signal.SIGALRM, stop)
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            rows = rows_of(run())
        except _Stopped:
            return limit, None
        finally:
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - started)
        if sum(times) > 60:
            break  # one slow run is measure enough
    return statistics.median(times), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=600, help="stop an rdflib query after this many seconds")
    args = parser.parse_args()

    from kg.store import OxigraphStore

    if not bbc_store(args.store, args.corpus):
        return 0
    store = OxigraphStore(args.store, read_only=True)
    memory = OxigraphStore()
    memory.store.bulk_extend(store.store)  # kg's default build keeps the graph in memory
    started = time.perf_counter()
    dataset = store.to_dataset()
    print(
        f"{len(store):,} quads; copied into rdflib's memory store in {time.perf_counter() - started:.0f} s", flush=True
    )

    print(
        f"{'query':<52} {'rdflib s':>9} {'Oxigraph s':>10} {'speed-up':>9}  rows  same"
        f"  {'in memory s':>11} {'speed-up':>9}"
    )
    speedups = []
    for name, query in QUERIES.items():
        query = PREFIXES + query
        ox_seconds, ox_rows = timed(partial(store.raw_query, query), args.repeat)
        memory_seconds, memory_rows = timed(partial(memory.raw_query, query), args.repeat)
        assert memory_rows == ox_rows
        rdflib_seconds, rdflib_rows = timed(partial(dataset.query, query), args.repeat, args.limit)
        speedups.append(rdflib_seconds / ox_seconds)
        if rdflib_rows is None:
            print(
                f"{name:<52} {'>' + str(int(args.limit)):>9} {ox_seconds:>10.4f} "
                f"{'>' + format(rdflib_seconds / ox_seconds, '.0f'):>8}x "
                f"{len(ox_rows):>5}  rdflib stopped after {args.limit:.0f} s",
                flush=True,
            )
            continue
        same = ox_rows == rdflib_rows
        print(
            f"{name:<52} {rdflib_seconds:>9.3f} {ox_seconds:>10.4f} {rdflib_seconds / ox_seconds:>8.0f}x "
            f"{len(ox_rows):>5}  {'yes' if same else 'NO':>4}  {memory_seconds:>11.4f} "
            f"{rdflib_seconds / memory_seconds:>8.0f}x",
            flush=True,
        )
        if not same:
            print(
                f"  rdflib {len(rdflib_rows)} rows, Oxigraph {len(ox_rows)}; first differences:",
                [r for r in ox_rows if r not in set(rdflib_rows)][:3],
                [r for r in rdflib_rows if r not in set(ox_rows)][:3],
            )
    print(
        f"smallest speed-up {min(speedups):.0f}x, geometric mean "
        f"{statistics.geometric_mean(speedups):.0f}x (target: at least 10x on every query)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
