"""SPARQL on the BBC graph: kg (Oxigraph: a store on disk, in memory, a graph file) against rdflib.

Reads the graph from a kg store (building it first if ``--store`` does not hold one:
``kg build BBC --store DIR --jobs 2``; ``--limit N`` builds the first N articles only) and its
TriG file (``kg convert STORE FILE.trig``, made if missing). rdflib parses the TriG file into a
``Dataset``; that time is its "open" (the time ``kg.load`` took before it read files into
Oxigraph, with pyoxigraph's parser feeding rdflib's dataset, is printed too). Then each query runs:

- warm, in this process: rdflib's dataset, the on-disk store, an in-memory Oxigraph copy;
- opened and run: rdflib's parse + its query, against opening the on-disk store in this process
  + the query (a user who reopens a graph pays rdflib's parse every time);
- ``kg query FILE``: a fresh process that reads the TriG file into Oxigraph and runs the query
  (what a user types), against rdflib's parse + query, and against kg.load before + query;
  and ``kg query STORE``, a fresh process.

Five queries: a 2-hop join (what the things Blair relates to relate to; its first hop is a
subquery, as rdflib's planner gets lost in the flat form), a GROUP BY count, a label FILTER, a
provenance lookup (what is said of Tony Blair, in which sentence and article) and a 5-join
written as a new user would (organisations linked to places, with the article's title). The
last two follow the graph's statement model: a statement's sentence is a literal with
``kg:document`` beside it (kg before issue 16), or a ``kg:Sentence`` node with its text and
document (after); the script asks the graph which. Warm times are the median of ``--repeat``
runs that read every row; the rows of every engine are compared as sorted strings.

    python bench/query.py [--store /tmp/kg-bbc-store] [--limit N] [--repeat 3] [--stop-after 600]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_CORPUS, bbc_store, corpus_files  # noqa: E402

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

#: How a statement ?s reaches its sentence's text (?sentence) and its document (?d), by statement model.
SHAPES = {
    "sentence literal": {
        "sentence": "?s kg:sentence ?sentence .",
        "document": "?s kg:document ?d .",
    },
    "sentence node": {
        "sentence": "?s kg:sentence ?sn . ?sn kg:text ?sentence .",
        "document": "?s kg:sentence ?sn . ?sn kg:document ?d .",
    },
}

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
  ?s rdf:subject ?e ; kg:relationText ?relation .
  {sentence}
  {document}
  ?d dcterms:title ?title .
}""",
    "5-join (organisations linked to places, where)": """
SELECT ?organisation ?relation ?place ?title WHERE {
  ?org a kg:Organization ; rdfs:label ?organisation .
  ?s rdf:subject ?org ; rdf:object ?p ; kg:relationText ?relation .
  ?p a kg:GeopoliticalEntity ; rdfs:label ?place .
  {document}
  ?d dcterms:title ?title .
}""",
}

#: Of the queries above, those that start from one bound node (targets differ: see bench/README.md).
ANCHORED = {"provenance lookup (what is said of Tony Blair, where)"}


def statement_shape(store) -> str:
    """Which statement model the graph in ``store`` follows (a key of :data:`SHAPES`)."""
    ask = PREFIXES + "ASK { ?s a kg:Statement ; kg:sentence ?sn . ?sn kg:text ?t }"
    return "sentence node" if bool(store.raw_query(ask)) else "sentence literal"


def query_texts(shape: str) -> dict[str, str]:
    """The queries, written for the graph's statement model, with their PREFIX lines."""
    parts = SHAPES[shape]
    texts = {}
    for name, query in QUERIES.items():
        document = parts["document"]
        if "{sentence}" in query and "?sn" in parts["sentence"]:
            document = document.replace("?s kg:sentence ?sn . ", "")  # the sentence node is bound already
        texts[name] = PREFIXES + query.replace("{sentence}", parts["sentence"]).replace("{document}", document)
    return texts


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


def kg_query(location: Path, query: str) -> tuple[float, list]:
    """Seconds of ``kg query LOCATION QUERY --format csv`` in a fresh process, and its rows."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", str(location), query, "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    return seconds, sorted(tuple(row) for row in list(csv.reader(io.StringIO(done.stdout)))[1:])


def opened(store_path: Path, query: str) -> tuple[float, list]:
    """Seconds to open the on-disk store (read-only, in this process) and run ``query`` once."""
    from kg.store import OxigraphStore

    started = time.perf_counter()
    store = OxigraphStore(store_path, read_only=True)
    rows = rows_of(store.raw_query(query))
    seconds = time.perf_counter() - started
    store.close()
    return seconds, rows


def prepare(args) -> tuple[Path, Path] | None:
    """The store and its TriG file, made when missing; None if the corpus is missing."""
    store = args.store
    if args.limit:
        files = corpus_files(args.corpus, args.limit)
        if files is None:
            return None
        store = store.with_name(f"{store.name}-{args.limit}")
        if not store.exists():
            print(f"building the store: kg build ({len(files)} articles) --store {store} --jobs 2", flush=True)
            subprocess.run(
                [sys.executable, "-m", "kg.cli", "build", *map(str, files), "--store", str(store), "--jobs", "2"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
    elif not bbc_store(store, args.corpus):
        return None
    trig = args.trig or store.with_suffix(".trig")
    if not trig.exists():
        print(f"writing {trig}: kg convert {store} {trig}", flush=True)
        subprocess.run([sys.executable, "-m", "kg.cli", "convert", str(store), str(trig)], check=True)
    return store, trig


def ratio(slow: float, fast: float, stopped: bool = False) -> str:
    """``slow / fast`` as ``12x`` (``>12x`` when the slow side was stopped)."""
    value = slow / fast
    text = f"{value:.1f}x" if value < 10 else f"{value:.0f}x"
    return (">" if stopped else "") + text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--trig", type=Path, help="the TriG file of the store (default: STORE.trig, made if missing)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="the first N articles only (default: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stop-after", type=float, default=600, help="stop an rdflib query after this many s")
    args = parser.parse_args()
    made = prepare(args)
    if made is None:
        return 0
    store_path, trig = made

    from kg.store import OxigraphStore, load_graph, new_graph

    store = OxigraphStore(store_path, read_only=True)
    memory = OxigraphStore()
    memory.store.bulk_extend(store.store)  # kg's default build keeps the graph in memory
    shape = statement_shape(store)
    # rdflib opens the file twice: as kg.load did before (timed, then let go), and with its own
    # parser (kept for the queries); one at a time, as each takes ~10 GB on the full corpus.
    started = time.perf_counter()
    dataset = load_graph(trig)
    before_open = time.perf_counter() - started
    del dataset
    gc.collect()
    started = time.perf_counter()
    dataset = new_graph().parse(trig, format="trig")
    rdflib_open = time.perf_counter() - started
    print(
        f"{len(store):,} quads ({shape}); {trig} ({os.path.getsize(trig) / 1e6:.0f} MB) parsed by rdflib in "
        f"{rdflib_open:.1f} s, read into rdflib as kg.load did before (pyoxigraph's parser) in {before_open:.1f} s",
        flush=True,
    )
    header = (
        "| query | rows | same rows | rdflib warm s | store warm s | × | in memory s | × "
        "| rdflib parse+query s | store open+query s | × | `kg query FILE` s | × | × kg before "
        "| `kg query STORE` s | × |"
    )
    print(header + "\n|" + "---|" * header.count(" | ") + "", flush=True)
    for name, query in query_texts(shape).items():
        store_s, store_rows = timed(partial(store.raw_query, query), args.repeat)
        memory_s, memory_rows = timed(partial(memory.raw_query, query), args.repeat)
        rdflib_s, rdflib_rows = timed(partial(dataset.query, query), args.repeat, args.stop_after)
        open_s, open_rows = opened(store_path, query)
        file_s, file_rows = kg_query(trig, query)
        cli_s, cli_rows = kg_query(store_path, query)
        stopped = rdflib_rows is None
        ours = [memory_rows, open_rows, file_rows, cli_rows]
        same = all(rows == store_rows for rows in ours) and (stopped or rdflib_rows == store_rows)
        cold, before = rdflib_open + rdflib_s, before_open + rdflib_s
        more = ">" if stopped else ""
        print(
            f"| {name} | {len(store_rows):,} | {'yes' if same else 'NO'}{' (rdflib stopped)' if stopped else ''} "
            f"| {more}{rdflib_s:.3f} | {store_s:.4f} | {ratio(rdflib_s, store_s, stopped)} "
            f"| {memory_s:.4f} | {ratio(rdflib_s, memory_s, stopped)} "
            f"| {more}{cold:.1f} | {open_s:.3f} | {ratio(cold, open_s, stopped)} "
            f"| {file_s:.1f} | {ratio(cold, file_s, stopped)} | {ratio(before, file_s, stopped)} "
            f"| {cli_s:.2f} | {ratio(cold, cli_s, stopped)} |",
            flush=True,
        )
        if not same:
            labels = ("in memory", "opened", "kg query FILE", "kg query STORE", "rdflib")
            for label, rows in zip(labels, [*ours, rdflib_rows], strict=True):
                if rows is not None and rows != store_rows:
                    extra = [r for r in rows if r not in set(store_rows)][:3]
                    print(f"  {label}: {len(rows)} rows; first differences:", extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
