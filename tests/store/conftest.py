"""A real Virtuoso Open Source server for the remote-store tests (Debian's ``virtuoso-opensource``).

It runs on 127.0.0.1 only (its HTTP and SQL ports, both free ports; no other listener), on a
throwaway database in a temporary folder, and is stopped after the session. Without
``virtuoso-t`` the tests that need it skip, or fail in CI (``KG_REQUIRE_VIRTUOSO=1``, which
``.ci/run`` sets, or ``CI=true``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The server's binary (Debian's name; KG_VIRTUOSO names another).
VIRTUOSO = os.environ.get("KG_VIRTUOSO", "virtuoso-t")

#: Graphs of Virtuoso's own, as a database may hold them: its LDP vocabulary and its service description.
LDP = "http://www.w3.org/ns/ldp#"
SERVICE = "http://localuriqaserver/sparql"

#: A virtuoso.ini with nothing but the database, the two ports on 127.0.0.1 and the SPARQL limits:
#: no plugins, no URIQA, no zero-config announcement. Results are not cut (ResultSetMaxRows) and
#: no query is stopped for its estimated cost.
INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = {db}
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
"""


def virtuoso_required() -> bool:
    """Whether a missing Virtuoso fails the tests that need it (in CI) instead of skipping them."""
    return os.environ.get("KG_REQUIRE_VIRTUOSO") == "1" or os.environ.get("CI", "").lower() == "true"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 30, server: subprocess.Popen | None = None) -> None:
    """Wait until ``url`` answers (a server starting); raise its last error after ``seconds``, or
    as soon as ``server`` (the process that should answer) has stopped."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if (server is not None and server.poll() is not None) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _answering(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    """Wait until ``url`` answers; raise with the server's log if it stops or never answers."""
    try:
        wait_for(url, seconds, server)
    except OSError:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
        raise RuntimeError(f"Virtuoso did not start (exit status {server.poll()}):\n{tail}") from None


def virtuoso_binaries() -> tuple[str, str] | None:
    """The paths of ``virtuoso-t`` (or KG_VIRTUOSO) and ``isql-vt``, or None without them."""
    binary = shutil.which(VIRTUOSO)
    isql = shutil.which("isql-vt") or shutil.which("isql")
    return (binary, isql) if binary and isql else None


@contextlib.contextmanager
def running_virtuoso(db: Path, binary: str, isql: str) -> Iterator[str]:
    """Virtuoso on a new database in ``db``, on 127.0.0.1 only, with SPARQL Update allowed to its
    anonymous SPARQL user: its SPARQL endpoint (``http://127.0.0.1:PORT/sparql``); stopped after."""
    sql_port, http_port = free_port(), free_port()
    (db / "virtuoso.ini").write_text(INI.format(db=db, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    server = subprocess.Popen(
        [binary, "+configfile", str(db / "virtuoso.ini"), "+foreground"],
        cwd=db,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        endpoint = f"http://127.0.0.1:{http_port}/sparql"
        _answering(f"{endpoint}?query=ASK%7B%7D", server, db / "virtuoso.log")
        # A new database's administrator is dba/dba; the endpoint's anonymous user may only read
        # until it is given the SPARQL_UPDATE role.
        granted = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if granted.returncode != 0 or "Error" in granted.stdout:
            raise RuntimeError(f"isql could not grant SPARQL_UPDATE: {granted.stdout}{granted.stderr}")
        yield endpoint
    finally:
        server.terminate()  # Virtuoso checkpoints and stops on SIGTERM
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """The SPARQL endpoint of a Virtuoso started for the session (:func:`running_virtuoso`), holding
    two graphs of Virtuoso's own as a database in use may."""
    binaries = virtuoso_binaries()
    if binaries is None:
        message = (
            f"Virtuoso not found ({VIRTUOSO} and isql-vt): apt-get install -y virtuoso-opensource (.ci/run installs it)"
        )
        if virtuoso_required():
            pytest.fail(message)
        pytest.skip(message)
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso"), *binaries) as endpoint:
        # A database in use may hold graphs of Virtuoso's own (seen on one, not on a new one):
        # kg must leave them out of its counts and dumps, so the tests run with two of them.
        own = (
            f"INSERT DATA {{ GRAPH <{LDP}> {{ <{LDP}Resource> a <http://www.w3.org/2000/01/rdf-schema#Class> }}"
            f" GRAPH <{SERVICE}> {{ <{SERVICE}> a <http://www.w3.org/ns/sparql-service-description#Service> }} }}"
        )
        request = urllib.request.Request(endpoint, own.encode(), {"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(request, timeout=60).close()
        yield endpoint
