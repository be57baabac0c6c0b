"""A build and an incremental add through Virtuoso ÷ the same through `oxigraph serve`.

Starts both servers on 127.0.0.1 (free ports, throwaway databases in a temporary folder;
Virtuoso as the tests start it, tests/store/conftest.py), then, in this process with the
spaCy pipeline already loaded, builds the first ``--limit`` articles into each through
``--store URL`` and adds the next article. Checks that each server then holds the
embedded build's N-Quads, and prints the times and their ratios (one run).

    python bench/remote_store.py [--limit 20 | --example] [--corpus ../shared/data/corpus/bbc]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import add_corpus_options, corpus_files  # noqa: E402
from tests.store.conftest import free_port, running_virtuoso, virtuoso_binaries, wait_for  # noqa: E402


def timed(url: str, first: list[Path], added: Path) -> tuple[float, float]:
    """Seconds to build ``first`` through ``url``, then to add ``added``."""
    import kg
    from kg.store import RemoteStore

    start = time.perf_counter()
    kg.build(first, store=RemoteStore(url))
    built = time.perf_counter()
    kg.build([added], store=RemoteStore(url))
    return built - start, time.perf_counter() - built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_options(parser, limit=20)
    parser.add_argument("--example", action="store_true", help="build the example article, then add the first article")
    args = parser.parse_args()
    files = corpus_files(args.corpus, 1 if args.example else args.limit + 1)
    if files is not None and args.example:
        files = [Path(__file__).resolve().parents[1] / "examples" / "libya-gna-rejects-haftar-truce.txt", *files]
    binaries, oxigraph = virtuoso_binaries(), shutil.which("oxigraph")
    if files is None or binaries is None or oxigraph is None:
        print("skipped: needs the corpus, virtuoso-t and isql-vt (virtuoso-opensource), and oxigraph (the test extras)")
        return 0
    first, added = files[:-1], files[-1]

    import kg
    from kg.store import RemoteStore, serialize

    reference = serialize(kg.build([added], into=kg.build(first)).store, "nq")  # also loads spaCy
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = subprocess.Popen(
            [oxigraph, "serve", "--location", f"{folder}/oxigraph", "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(f"{url}/query?query=ASK%7B%7D")
            times["oxigraph serve"] = timed(url, first, added)
            assert serialize(RemoteStore(url), "nq") == reference, "oxigraph serve: not the embedded build's graph"
        finally:
            server.terminate()
            server.wait(timeout=30)
        (Path(folder) / "virtuoso").mkdir()
        with running_virtuoso(Path(folder) / "virtuoso", *binaries) as url:
            times["virtuoso"] = timed(url, first, added)
            assert serialize(RemoteStore(url), "nq") == reference, "virtuoso: not the embedded build's graph"
    print(f"{len(first)} article(s) built, then 1 added; both servers hold the embedded build's N-Quads")
    for name, (build, add) in times.items():
        print(f"  {name:15} build {build:6.2f} s   add {add:5.2f} s")
    (ob, oa), (vb, va) = times["oxigraph serve"], times["virtuoso"]
    print(f"  virtuoso / oxigraph serve: build {vb / ob:.2f}, add {va / oa:.2f}, both {(vb + va) / (ob + oa):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
