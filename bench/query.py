"""SPARQL on the full BBC graph: rdflib's memory store against the Oxigraph store, same queries.

Reads the graph from a kg store (building it first if ``--store`` does not hold
one: ``kg build BBC --store DIR --jobs 2``), copies every quad into an rdflib
``Dataset`` (what ``kg.load`` gives for a file), and runs the same four queries
on both: a 2-hop join, a GROUP BY count, a label FILTER, and a provenance
lookup. Each time is the median of ``--repeat`` runs that read every row; the
rows of both are compared (as sorted strings) and must be identical.

    python bench/query.py [--store /tmp/kg-bbc-store] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_CORPUS, corpus_files  # noqa: E402

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

QUERIES = {
    "2-hop join (person - statement - organisation)": """
SELECT ?person ?relation ?organisation WHERE {
  ?s rdf:subject ?p ; rdf:predicate ?r ; rdf:object ?o .
  ?p a kg:Person ; rdfs:label ?person .
  ?o a kg:Organization ; rdfs:label ?organisation .
  ?r rdfs:label ?relation .
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


def timed(run, repeat: int) -> tuple[float, list]:
    times, rows = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        rows = rows_of(run())
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from kg.store import OxigraphStore, is_store_path

    if not is_store_path(args.store):
        files = corpus_files(args.corpus, 100_000)
        if files is None:
            return 0
        print(f"building the store: kg build ({len(files)} articles) --store {args.store} --jobs 2")
        subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, files), "--store", str(args.store),
                        "--jobs", "2"], check=True, stdout=subprocess.DEVNULL)
    store = OxigraphStore(args.store, read_only=True)
    started = time.perf_counter()
    dataset = store.to_dataset()
    print(f"{len(store):,} quads; copied into rdflib's memory store in {time.perf_counter() - started:.0f} s")

    print(f"{'query':<52} {'rdflib s':>9} {'Oxigraph s':>10} {'speed-up':>9}  rows  same")
    speedups = []
    for name, query in QUERIES.items():
        query = PREFIXES + query
        ox_seconds, ox_rows = timed(lambda: store.raw_query(query), args.repeat)
        rdflib_seconds, rdflib_rows = timed(lambda: dataset.query(query), args.repeat)
        same = ox_rows == rdflib_rows
        speedups.append(rdflib_seconds / ox_seconds)
        print(f"{name:<52} {rdflib_seconds:>9.3f} {ox_seconds:>10.4f} {rdflib_seconds / ox_seconds:>8.0f}x "
              f"{len(ox_rows):>5}  {'yes' if same else 'NO'}")
        if not same:
            print(f"  rdflib {len(rdflib_rows)} rows, Oxigraph {len(ox_rows)}; first differences:",
                  [r for r in ox_rows if r not in set(rdflib_rows)][:3], [r for r in rdflib_rows if r not in set(ox_rows)][:3])
    print(f"smallest speed-up {min(speedups):.0f}x, geometric mean "
          f"{statistics.geometric_mean(speedups):.0f}x (target: at least 10x on every query)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
