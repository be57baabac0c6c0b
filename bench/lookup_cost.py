"""What one more property of a bound subject costs Oxigraph on a kg store: the provenance lookup
of ``bench/query.py`` built up one pattern at a time.

Each step adds a pattern to "the statements about Tony Blair" (~900 on the BBC store); the
difference between two steps is the cost of reading one property of each statement. Prints
the warm median of ``--repeat`` runs of each step.

    python bench/lookup_cost.py --store /tmp/kg-bbc-store [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.query import PREFIXES, statement_shape  # noqa: E402

#: The steps, by statement model (see bench/query.py): a sentence literal beside kg:document, or a
#: kg:Sentence node holding the text and the document (one hop more).
STEPS = {
    "sentence literal": [
        ("label", '?e rdfs:label "Tony Blair" .'),
        ("+ statements about it", "?s rdf:subject ?e ."),
        ("+ kg:relationText", "?s kg:relationText ?relation ."),
        ("+ kg:sentence", "?s kg:sentence ?sentence ."),
        ("+ kg:document", "?s kg:document ?d ."),
        ("+ the document's title", "?d dcterms:title ?title ."),
    ],
    "sentence node": [
        ("label", '?e rdfs:label "Tony Blair" .'),
        ("+ statements about it", "?s rdf:subject ?e ."),
        ("+ kg:relationText", "?s kg:relationText ?relation ."),
        ("+ kg:sentence", "?s kg:sentence ?sn ."),
        ("+ the sentence's kg:text", "?sn kg:text ?sentence ."),
        ("+ its kg:document", "?sn kg:document ?d ."),
        ("+ the document's title", "?d dcterms:title ?title ."),
    ],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from kg.store import OxigraphStore

    store = OxigraphStore(args.store, read_only=True)
    patterns, previous = [], None
    shape = statement_shape(store)
    print(f"statement model: {shape}")
    print(f"{'step':<26} {'rows':>5} {'ms':>8} {'added ms':>9} {'µs a row':>9}")
    for name, pattern in STEPS[shape]:
        patterns.append(pattern)
        query = PREFIXES + "SELECT * WHERE { " + " ".join(patterns) + " }"
        times, rows = [], 0
        for _ in range(args.repeat + 1):  # the first run warms the caches and is not counted
            started = time.perf_counter()
            rows = sum(1 for _ in store.raw_query(query))
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times[1:])
        added = (
            ""
            if previous is None
            else (f"{(seconds - previous) * 1000:>9.1f} {(seconds - previous) / max(rows, 1) * 1e6:>9.1f}")
        )
        print(f"{name:<26} {rows:>5} {seconds * 1000:>8.1f} {added}")
        previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
