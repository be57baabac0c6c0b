"""What does extraction cost next to spaCy's parse? Extraction time as a share of `nlp.pipe` time.

Parses the same articles with the pipeline kg uses (``nlp.pipe``, batch 32, timed),
keeps the parsed documents, then times kg's extraction step alone on them
(entity mentions + relations, with reference resolution, noun-phrase patterns and
confidence). Prints both and their ratio; the target is at most 0.15 (issue 16; it was
0.20 in issue 3: extraction adds at most 15% to parsing). Ratios, not seconds, are what to compare across
machines (see ../shared/docs/PERFORMANCE.md).

    python bench/extract_speed.py [--limit 200] [--corpus ../shared/data/corpus/bbc]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import add_corpus_options, corpus_files  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_options(parser)
    parser.add_argument("--repeat", type=int, default=3, help="extraction runs; the fastest counts")
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if files is None:
        return 0

    from kg.analyse import load_nlp
    from kg.extract import extract
    from kg.model import Document
    from kg.read import iter_documents

    documents = [d for d in iter_documents(files) if isinstance(d, Document)]
    nlp = load_nlp()
    nlp("warm up")

    started = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=32))
    parse_seconds = time.perf_counter() - started

    timings, count = [], 0
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        count = sum(len(extract(document, doc).relations) for document, doc in zip(documents, docs, strict=True))
        timings.append(time.perf_counter() - started)
    extract_seconds = min(timings)

    words = sum(1 for doc in docs for t in doc if not (t.is_space or t.is_punct))
    print(f"{len(documents)} articles, {words:,} words, {count:,} relations")
    print(f"spaCy parse (nlp.pipe): {parse_seconds:6.2f} s")
    print(f"kg extraction:          {extract_seconds:6.2f} s  (fastest of {len(timings)})")
    print(f"extraction / parse = {extract_seconds / parse_seconds:.3f}  (target <= 0.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
