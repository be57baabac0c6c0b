"""Removing one article from a BBC store ÷ building that article alone.

``kg remove`` re-links the names the article shared with the rest and maps again
the documents where a name now stands for another node; its work grows with the
documents that mention the article's entities, not with the store. For each
article (``--ids``, default three spread over the store), a copy of the store is
made and the article removed from it; the article is also built alone into a new
store, with the spaCy pipeline loaded. Prints each removal's time, the documents
whose records were read and those mapped again.

    python bench/remove.py [--store /tmp/kg-bbc-store] [--ids politics_001 ...]
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

from bench.corpus import DEFAULT_CORPUS, bbc_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kg-bbc-store"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ids", nargs="*", help="document ids to remove, one at a time")
    args = parser.parse_args()

    import kg
    import kg.store.documents as documents
    from kg.analyse import load_nlp
    from kg.store import OxigraphStore, remove_documents
    from kg.store.corpus import document_graphs

    if not bbc_store(args.store, args.corpus):
        return 0
    store = OxigraphStore(args.store, read_only=True)
    held = sorted(document_graphs(store))
    size = len(store)
    del store
    ids = args.ids or [held[0], held[len(held) // 2], held[-1]]
    load_nlp()
    import kg.text.names  # noqa: F401 (its lexicon imports spaCy: not part of a removal's own cost)

    counts = {}
    rewrite = documents._Removal.rewrite

    def counting(self, extractions, *rest):
        operations = rewrite(self, extractions, *rest)
        counts.update(read=len(self.records), mapped=sum(op.startswith("DROP SILENT GRAPH") for op in operations))
        return operations

    documents._Removal.rewrite = counting
    print(f"store: {args.store} ({len(held):,} documents, {size:,} quads)")
    removals, alone = [], []
    work = Path(tempfile.mkdtemp(prefix="kg-bench-remove-"))
    try:
        for doc_id in ids:
            copy = work / "copy"
            shutil.copytree(args.store, copy)
            target = OxigraphStore(copy)
            started = time.perf_counter()
            remove_documents(target, [doc_id])
            removals.append(time.perf_counter() - started)
            target.close()
            shutil.rmtree(copy)
            started = time.perf_counter()
            kg.build(args.corpus / f"{doc_id}.txt", store=work / doc_id).store.close()
            alone.append(time.perf_counter() - started)
            print(
                f"  remove {doc_id}: {removals[-1]:.2f} s ({counts.get('read', 0)} records read, "
                f"{counts.get('mapped', 0)} documents mapped again); build it alone: {alone[-1]:.2f} s"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"median removal {statistics.median(removals):.2f} s ÷ median build alone "
        f"{statistics.median(alone):.2f} s = {statistics.median(removals) / statistics.median(alone):.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
