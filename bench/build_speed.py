"""How much does kg add on top of spaCy? `kg build` throughput as a ratio of raw `nlp.pipe`.

Runs, in one process and on the same texts: spaCy alone (the same pipeline kg uses,
``nlp.pipe``, batch 32), then kg's whole build (read → analyse → extract → resolve →
map), and prints words/s of each and their ratio. Ratios, not seconds, are what to
compare across machines (see ../shared/docs/PERFORMANCE.md).

    python bench/build_speed.py [--limit 200] [--corpus ../shared/data/corpus/bbc]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the kg package beside this folder comes first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import add_corpus_options, corpus_files  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_options(parser)
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if files is None:
        return 0

    import kg
    from kg.analyse import load_nlp
    from kg.model import Document
    from kg.read import iter_documents
    from kg.store import serialize

    documents = [d for d in iter_documents(files) if isinstance(d, Document)]
    nlp = load_nlp()
    nlp("warm up")

    started = time.perf_counter()
    words = 0
    for doc in nlp.pipe((d.text for d in documents), batch_size=32):
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    graph = kg.build(files)
    build_seconds = time.perf_counter() - started
    started = time.perf_counter()
    serialize(graph.graph, "ttl")
    turtle_seconds = time.perf_counter() - started
    started = time.perf_counter()
    graph.to_html()
    html_seconds = time.perf_counter() - started

    stats = graph.stats()
    print(
        f"{len(documents)} articles, {words:,} words; {stats['statements']:,} statements, "
        f"{stats['entities']:,} entities, {stats['triples']:,} triples"
    )
    print(f"spaCy nlp.pipe alone : {words / spacy_seconds:8,.0f} words/s ({spacy_seconds:.1f} s)")
    print(f"kg build (in memory) : {words / build_seconds:8,.0f} words/s ({build_seconds:.1f} s)")
    print(f"ratio kg/spaCy       : {spacy_seconds / build_seconds:.2f}")
    print(f"write Turtle         : {turtle_seconds:.2f} s ({turtle_seconds / build_seconds:.1%} of the build)")
    print(f"render HTML          : {html_seconds:.2f} s ({html_seconds / build_seconds:.1%} of the build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
