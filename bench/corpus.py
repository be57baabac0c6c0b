"""The BBC corpus the speed benchmarks read (from ../shared, never copied into the project)."""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "bbc"


def add_corpus_options(parser: argparse.ArgumentParser, limit: int = 200) -> None:
    """``--corpus`` and ``--limit``, as every speed benchmark takes them."""
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=limit, help=f"number of articles (default {limit})")


def corpus_files(corpus: Path, limit: int) -> list[Path] | None:
    """The first ``limit`` articles of ``corpus`` in name order, or None (and a message) if it is missing."""
    if not corpus.is_dir():
        print(f"skipped: corpus not found at {corpus} (it lives in ../shared/data/corpus/bbc)")
        return None
    return [f for f in sorted(corpus.glob("*.txt")) if f.name != "README.TXT"][:limit]


def bbc_store(store: Path, corpus: Path = DEFAULT_CORPUS) -> bool:
    """Make sure ``store`` holds the full corpus's graph (``kg build ... --store`` with 2 jobs
    when it does not); False (and a message) if the corpus is missing."""
    import subprocess
    import sys

    from kg.store import is_store_path

    if is_store_path(store):
        return True
    files = corpus_files(corpus, 100_000)
    if files is None:
        return False
    print(f"building the store: kg build ({len(files)} articles) --store {store} --jobs 2")
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", *map(str, files), "--store", str(store), "--jobs", "2"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return True
