"""``kg serve`` as a process, attacked as a client would: a worker killed by a signal in the middle
of a query, a query past ``--timeout`` while others are answered, a query past ``--memory``, and
SIGTERM. Limits here are limits (an answer within the timeout plus slack), never speed targets
(those are bench/serve.py's).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.query.test_sparql import TRIG

#: A five-way cross product of the 48 quads: 254 million solutions to count, minutes for Oxigraph.
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
SMALL = "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def graph(tmp_path) -> Path:
    """The hand-made graph as a TriG file."""
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


class Served:
    """A ``kg serve`` subprocess on a free port; its URL and its stderr lines."""

    def __init__(self, graph: Path, *options: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", "0", *options],
            cwd=REPO,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        line = self.process.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/query", line)
        assert match, line
        self.base = match.group(1)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def query(self, text: str, timeout: float = 60) -> tuple[int, str]:
        """(status, body) of a query POSTed as a form."""
        data = urllib.parse.urlencode({"query": text}).encode()
        try:
            with urllib.request.urlopen(urllib.request.Request(self.base + "/query", data=data), timeout=timeout) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def health(self) -> dict:
        """What /health says."""
        with urllib.request.urlopen(self.base + "/health", timeout=30) as response:
            return json.loads(response.read())

    def stop(self):
        """SIGTERM, and wait for the exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


def in_thread(function, *args):
    """Run ``function(*args)`` in a thread; a list that gets its result."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(function(*args)), daemon=True)
    thread.start()
    return thread, out


def busy_worker(served: Served, deadline: float = 30) -> int:
    """The pid of the worker running a query (waits until one is)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        busy = [w["pid"] for w in served.health()["workers"] if w["busy"]]
        if busy:
            return busy[0]
        time.sleep(0.05)
    raise AssertionError("no worker became busy")


@pytest.mark.parametrize("signal_number", [signal.SIGSEGV, signal.SIGKILL])
def test_a_worker_killed_mid_query_costs_that_request_only(graph, signal_number):
    served = Served(graph, "--workers", "1", "--timeout", "60")
    try:
        thread, answer = in_thread(served.query, CROSS)
        pid = busy_worker(served)
        os.kill(pid, signal_number)  # a real crash, in the middle of the query
        thread.join(60)
        status, body = answer[0]
        assert status == 500 and f"crashed its worker ({signal.Signals(signal_number).name})" in body
        # the server lives on, with a fresh worker
        assert served.query(SMALL)[0] == 200
        assert [w["pid"] for w in served.health()["workers"]] != [pid]
        assert served.process.poll() is None
    finally:
        assert served.stop() == 0


def test_a_query_past_the_timeout_is_cut_while_others_are_answered(graph):
    served = Served(graph, "--workers", "2", "--timeout", "2")
    try:
        started = time.monotonic()
        thread, answer = in_thread(served.query, CROSS)
        busy_worker(served)
        assert all(served.query(SMALL)[0] == 200 for _ in range(5))  # the other worker answers meanwhile
        thread.join(60)
        status, body = answer[0]
        assert status == 503 and "stopped after 2 s (kg serve --timeout)" in body
        assert time.monotonic() - started < 2 + 15  # the limit, with slack for a loaded machine
        assert served.query(SMALL)[0] == 200
        log = "".join(served.lines)
        assert re.search(r"POST /query 503 \d+\.\d ms", log) and re.search(r"POST /query 200 [\d.]+ ms 1 rows", log)
    finally:
        assert served.stop() == 0


def test_a_query_past_the_memory_limit_fails_alone(graph):
    served = Served(graph, "--workers", "1", "--memory", "1G", "--timeout", "60")
    try:
        # Every solution of a four-way product, sorted: Oxigraph holds them all (5.3 million rows).
        status, body = served.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?l")
        assert status in (500, 503), body
        assert "memory" in body or "crashed its worker" in body
        assert served.query(SMALL)[0] == 200
    finally:
        assert served.stop() == 0


def test_sigterm_lets_the_query_in_flight_end_then_stops_with_its_workers(graph):
    served = Served(graph, "--workers", "1", "--timeout", "3")
    workers = [w["pid"] for w in served.health()["workers"]]
    thread, answer = in_thread(served.query, CROSS)
    busy_worker(served)
    served.process.send_signal(signal.SIGTERM)
    thread.join(60)
    assert answer and answer[0][0] == 503  # cut at the limit, answered
    assert served.process.wait(timeout=60) == 0
    time.sleep(0.5)
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_workers_end_with_a_server_killed_outright(graph):
    served = Served(graph, "--workers", "2")
    workers = [w["pid"] for w in served.health()["workers"]]
    served.process.kill()  # no shutdown at all: the workers must not linger holding the store
    served.process.wait(timeout=30)
    deadline = time.monotonic() + 20
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if _alive(pid)]
        time.sleep(0.1)
    assert alive == []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead: it only waits for its parent (here init, which reaps it)
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
