"""How many quads the statement model writes: quads per spaCy word on the BBC corpus, and what they are.

    python bench/model_size.py                        # builds the corpus into a new store first
    python bench/model_size.py --store DIR --words N  # counts a store already built (N: its words)

Builds ``../shared/data/corpus/bbc`` into an on-disk Oxigraph store (``kg build --jobs 2
--date 2020-01-01``; the word count is the build's own, spaCy's non-space, non-punctuation
tokens), then prints the quads, the quads per word, and the quads grouped by predicate and the
class of their subject, each with its share of a word, largest first. Run from another checkout
(copy this file there) to measure that checkout's model with the same command: the script imports
the kg beside it.

Skips (exit 0, with a message) when ../shared/data is missing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed copy
BBC = ROOT.parent / "shared" / "data" / "corpus" / "bbc"

BREAKDOWN = """
SELECT ?p ?class (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o }
  OPTIONAL { SELECT ?s (MIN(?c) AS ?class) WHERE { GRAPH ?h { ?s a ?c } } GROUP BY ?s }
} GROUP BY ?p ?class ORDER BY DESC(?n) ?p ?class
"""


def short(iri: str | None) -> str:
    """An IRI by its last segment: ``kg:sentence`` → ``sentence``."""
    if not iri:
        return "-"
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store of the corpus already built (else one is built)")
    parser.add_argument("--words", type=int, help="the words of that store's build (kg build prints them)")
    parser.add_argument("--top", type=int, default=30, help="rows of the breakdown to print")
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"skipped: the BBC corpus is not at {BBC}")
        return 0
    import pyoxigraph as ox

    import kg

    with tempfile.TemporaryDirectory() as scratch:
        folder, words = args.store, args.words
        if folder is None or not folder.exists():
            folder = folder or Path(scratch) / "store"
            files = sorted(str(p) for p in BBC.glob("*.txt") if p.name != "README.TXT")
            built = kg.build(files, store=str(folder), jobs=2, date="2020-01-01")
            words = built.report.words
            built.store.close()
        if not words:
            parser.error("--words N is needed with a store built before")
        store = ox.Store.read_only(str(folder))
        quads = len(store)
        print(f"{quads:,} quads, {words:,} words: {quads / words:.3f} quads a word ({kg.__file__})")
        print(f"{'quads':>10} {'a word':>7}  predicate (class of its subject)")
        for row in list(store.query(BREAKDOWN))[: args.top]:
            count = int(row["n"].value)
            klass = row["class"].value if row["class"] is not None else None
            print(f"{count:>10,} {count / words:>7.3f}  {short(row['p'].value)} ({short(klass)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
