"""`kg serve` under load and attack (issue 21's targets), beside the old server measured in the same run.

All traffic on 127.0.0.1, every loop bounded. On the graph of the first 30 BBC articles (built
once into ``--cache`` when missing):

1. 20 client threads × 100 small queries, on this kg's server and on the old one (a checkout of
   the commit before, ``--old``, run as ``python -m kg.cli serve`` with PYTHONPATH there):
   requests/s, p50, p99, max, errors.
2. The five-way cross product from one client while 5 others send small queries: their p50
   against their p50 unloaded, and how the heavy query ends (``--timeout``).
3. Slowloris (10 connections sending a byte a second), an idle connection and a 10 MB
   ``Content-Length`` never sent: the small queries sent meanwhile, answered or not.
4. 10,000 nested braces, then a small query.
5. The memory (PSS, summed over the server's process tree) at idle and at most during 1–4.

    python bench/serve.py [--old /tmp/kg-old-serve] [--timeout 10] [--cache /tmp/kg-bench-serve]

Make the old checkout with ``git worktree add /tmp/kg-old-serve accba08``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_CORPUS, corpus_files  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
#: What a notebook or a page asks of a news graph: names, the most mentioned, statements, documents.
SMALL = [
    "SELECT ?e ?l WHERE { ?e a kg:Person ; rdfs:label ?l } LIMIT 10",
    "SELECT ?e ?l (COUNT(?m) AS ?n) WHERE { ?m kg:mentionOf ?e . ?e rdfs:label ?l } "
    "GROUP BY ?e ?l ORDER BY DESC(?n) LIMIT 10",
    "SELECT ?s ?p ?o WHERE { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } LIMIT 20",
    "SELECT ?d ?t WHERE { ?d a kg:Document ; dcterms:title ?t } LIMIT 5",
]
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"


def graph_file(cache: Path, corpus: Path) -> Path | None:
    """The 30-article graph (built with ``kg build`` when not in ``cache``)."""
    graph = cache / "out" / "graph.trig"
    if graph.exists():
        return graph
    files = corpus_files(corpus, 30)
    if files is None:
        return None
    print(f"building the graph of {len(files)} articles into {cache}/out")
    command = [sys.executable, "-m", "kg.cli", "build", *map(str, files), "-o", str(cache / "out")]
    subprocess.run([*command, "--no-html", "--format", "trig"], check=True, cwd=REPO)
    return graph


class Server:
    """A ``kg serve`` process of a checkout (``root``) on a free port."""

    def __init__(self, root: Path, graph: Path, *options: str):
        env = {**os.environ, "PYTHONPATH": str(root)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", "0", *options],
            cwd=root,
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        line = self.process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit(f"{root}: kg serve did not start: {line}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}/query"
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def pss(self) -> int:
        """Bytes of the process tree (PSS: shared pages counted once)."""
        import psutil

        total = 0
        try:
            root = psutil.Process(self.process.pid)
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    total += process.memory_full_info().pss
        except psutil.NoSuchProcess:
            pass
        return total

    def watch(self) -> None:
        """Note the most memory the tree takes, once a second (PSS reads /proc/PID/smaps: not cheap)."""
        self.peak = self.pss()
        self._watching = threading.Event()

        def sample() -> None:
            while not self._watching.wait(1.0):
                self.peak = max(self.peak, self.pss())

        threading.Thread(target=sample, daemon=True).start()

    def stop(self) -> None:
        """SIGTERM, then wait (kill after 30 s)."""
        if hasattr(self, "_watching"):
            self._watching.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def query(url: str, text: str, timeout: float = 60) -> tuple[int, float, str]:
    """(status, seconds, first line of the body) of one query (a GET, a new connection); status 0 for
    a connection error."""
    started = time.perf_counter()
    try:
        target = url + "?" + urllib.parse.urlencode({"query": text})
        with urllib.request.urlopen(target, timeout=timeout) as response:
            response.read()
            return response.status, time.perf_counter() - started, ""
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - started, error.read().decode("utf-8", "replace").split("\n")[0]
    except OSError as error:
        return 0, time.perf_counter() - started, str(error)


def clients(url: str, threads: int, each: int) -> tuple[list[tuple[int, float, str]], float]:
    """Every answer of ``threads`` clients sending ``each`` small queries, and the wall time."""
    answers: list[tuple[int, float, str]] = []

    def client(number: int) -> None:
        for i in range(each):
            answers.append(query(url, SMALL[(number + i) % len(SMALL)]))

    pool = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return answers, time.perf_counter() - started


def summary(answers, wall: float) -> dict:
    """requests/s, p50, p99, max (ms), errors."""
    times = sorted(seconds for _, seconds, _ in answers)
    return {
        "rps": len(answers) / wall,
        "p50": 1000 * statistics.median(times),
        "p99": 1000 * times[min(len(times) - 1, int(len(times) * 0.99))],
        "max": 1000 * times[-1],
        "errors": sum(status != 200 for status, _, _ in answers),
    }


def show(name: str, s: dict) -> None:
    """One line of a summary."""
    print(
        f"  {name:28} {s['rps']:7.1f} req/s   p50 {s['p50']:7.1f} ms   p99 {s['p99']:7.1f} ms   "
        f"max {s['max']:7.1f} ms   errors {s['errors']}"
    )


def attacks(server: Server, timeout: float) -> None:
    """Sections 2-4 on ``server``."""
    url = server.url
    print(f"2. the five-way cross product from one client, 5 others sending small queries (--timeout {timeout:g})")
    quiet = summary(*clients(url, 5, 40))
    heavy: list = []
    thread = threading.Thread(target=lambda: heavy.append(query(url, CROSS, timeout=timeout + 60)))
    thread.start()
    time.sleep(0.5)
    loaded = summary(*clients(url, 5, 40))
    thread.join()
    show("unloaded", quiet)
    show("beside the cross product", loaded)
    status, seconds, body = heavy[0]
    print(f"  p50 ratio {loaded['p50'] / quiet['p50']:.2f} (target <= 2); the cross product: {status} after")
    print(f"  {seconds:.1f} s: {body}")

    print("3. slowloris (10 connections, a byte a second), an idle connection, an unsent 10 MB body")
    host, port = "127.0.0.1", server.port
    stop = threading.Event()
    slow_connected = []

    def slowloris() -> None:
        try:
            with socket.create_connection((host, port), timeout=30) as connection:
                slow_connected.append(True)
                for byte in b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n":
                    if stop.is_set():
                        return
                    connection.sendall(bytes([byte]))
                    time.sleep(1)
        except OSError:
            pass

    slow = [threading.Thread(target=slowloris, daemon=True) for _ in range(10)]
    for thread in slow:
        thread.start()
    idle = socket.create_connection((host, port), timeout=30)
    unsent = socket.create_connection((host, port), timeout=30)
    unsent.sendall(
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 10000000\r\n\r\n"
    )
    probes = []
    for i in range(12):  # one a second while they hold their connections (the header deadline is 10 s)
        probes.append(query(url, SMALL[i % len(SMALL)], timeout=30))
        time.sleep(1)
    stop.set()
    idle.close()
    unsent.close()
    answered = sum(status == 200 for status, _, _ in probes)
    p50 = 1000 * statistics.median(s for _, s, _ in probes)
    print(
        f"  probes answered {answered} of {len(probes)} (p50 {p50:.1f} ms); "
        f"slow clients connected {len(slow_connected)} of 10"
    )

    print("4. 10,000 nested braces, then a small query")
    deep = "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000
    status, _, body = query(url, deep)
    after = query(url, SMALL[0])[0]
    print(f"  nested: {status} ({body}); next query: {after}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, default=Path("/tmp/kg-old-serve"), help="checkout of the commit before")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kg-bench-serve"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--timeout", type=float, default=10.0, help="kg serve --timeout for the run")
    args = parser.parse_args()
    graph = graph_file(args.cache, args.corpus)
    if graph is None:
        return 0
    print(f"graph: {graph}; load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")

    print("1. 20 clients x 100 small queries (a new connection each)")
    results = {}
    if (args.old / "kg").is_dir():
        old = Server(args.old, graph)
        try:
            query(old.url, SMALL[0])
            old.watch()
            results["old (http.server)"] = summary(*clients(old.url, 20, 100))
        finally:
            old.stop()
    else:
        print(f"  (no old checkout at {args.old}: git -C <repo> worktree add {args.old} accba08)")
    new = Server(REPO, graph, "--timeout", f"{args.timeout:g}")
    try:
        query(new.url, SMALL[0])
        idle = new.pss()
        new.watch()
        results["new (uvicorn + workers)"] = summary(*clients(new.url, 20, 100))
        after_load = new.pss()
        for name, s in results.items():
            show(name, s)
        if len(results) == 2:
            ratio = results["new (uvicorn + workers)"]["rps"] / results["old (http.server)"]["rps"]
            print(f"  requests/s new / old: {ratio:.2f} (target >= 2)")
        attacks(new, args.timeout)
        peak = [new.peak]
        print(
            f"5. memory of the server's process tree (PSS): idle {idle / 2**20:.0f} MiB, at most "
            f"{peak[0] / 2**20:.0f} MiB ({peak[0] / idle:.2f}x; target <= 2); after section 1 "
            f"{after_load / 2**20:.0f} MiB, at the end {new.pss() / 2**20:.0f} MiB"
        )
    finally:
        new.stop()
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
