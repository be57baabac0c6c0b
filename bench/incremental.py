"""Adding one article to the full BBC store ÷ building that article alone.

Both builds run in this process with the spaCy pipeline already loaded, and
both write into an on-disk Oxigraph store: an empty one, and a copy of the full
BBC store (built first if ``--store`` holds none). Adding to the full store also
reads the entities already there (to link to them), writes in one transaction
per document and recounts the entities the article mentions. Median of
``--repeat`` runs.

    python bench/incremental.py [--store /tmp/kg-bbc-store] [--article examples/...txt]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_CORPUS, REPO, bbc_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--article", type=Path, default=REPO / "examples" / "libya-gna-rejects-haftar-truce.txt")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import kg
    from kg.analyse import load_nlp
    from kg.store import OxigraphStore

    if not bbc_store(args.store, args.corpus):
        return 0
    load_nlp()  # both builds start with the model loaded
    kg.build(args.article)  # and warm

    alone, added = [], []
    work = Path(tempfile.mkdtemp(prefix="kg-bench-incremental-"))
    try:
        for run in range(args.repeat):
            started = time.perf_counter()
            built = kg.build(args.article, store=work / f"alone-{run}")
            alone.append(time.perf_counter() - started)
            built.store.close()

            copy = work / f"full-{run}"
            shutil.copytree(args.store, copy)
            before = len(OxigraphStore(copy, read_only=True))
            started = time.perf_counter()
            built = kg.build(args.article, store=copy)
            added.append(time.perf_counter() - started)
            after = len(built.store)
            built.store.close()
            shutil.rmtree(copy)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"article: {args.article.name}; full store: {before:,} quads -> {after:,}")
    print(f"build it alone (new store)   : {statistics.median(alone):.2f} s")
    print(f"add it to the full BBC store : {statistics.median(added):.2f} s")
    print(f"ratio                        : {statistics.median(added) / statistics.median(alone):.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
