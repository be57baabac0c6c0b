"""Marker files in an on-disk store's folder, naming the build that writes it, and opening a
store read-only while another process writes it.

A first build leaves ``KG-INCOMPLETE`` while it bulk-loads (still there once its process
has ended: the build was interrupted); a build that adds documents leaves ``KG-WRITING``.
Each names its process (host, pid, start time), so that a reader can say whether that
build still runs.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pyoxigraph as ox

__all__ = ["INCOMPLETE", "WRITING", "this_process", "running_builder", "start_time", "open_read_only", "raced"]

#: Left in a store's folder while a first build bulk-loads it (naming the builder's process);
#: still there when that process has ended means it was interrupted.
INCOMPLETE = "KG-INCOMPLETE"
#: Left in a store's folder while a build adds documents to it (naming the builder's process).
WRITING = "KG-WRITING"


def open_read_only(path: str | Path) -> ox.Store:
    """Open the store at ``path`` read-only, as a build may be writing to it.

    pyoxigraph leaves reading a store another process writes undefined: RocksDB may
    delete a file the reader's view lists (after a compaction) before the reader opens
    it, and the reader fails with "Corruption ... No such file". Opening again gives a
    newer view; a few tries, then the error is reported (as an OSError)."""
    for attempt in range(6):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as error:
            if attempt == 5 or not raced(error):
                raise OSError(str(error)) from None
            time.sleep(0.02 * 2**attempt)
    raise AssertionError("unreachable")


def raced(error: Exception) -> bool:
    """Whether ``error`` is a reader's view losing a file to the writer (see :func:`open_read_only`)."""
    return "No such file" in str(error) or "Corruption" in str(error)


def this_process() -> str:
    """This process, as a marker file names it (see :func:`running_builder`)."""
    return f"host {socket.gethostname()}\npid {os.getpid()}\nstarted {start_time(os.getpid())}\n"


def start_time(pid: int) -> str | None:
    """When process ``pid`` started (in clock ticks since boot, from /proc), so that a
    process id used again by another program is not taken for the builder; "ended" for
    a process that has ended but not yet been waited for; None where there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()  # the command name before ")" may hold spaces
    return "ended" if fields[0] in ("Z", "X") else fields[19]  # state, then field 22: the start time


def running_builder(marker: Path) -> str | None:
    """Which process the build that left ``marker`` runs in ("pid N", "pid N on HOST"), if it
    is still running (or may be: one on another machine); None if it has ended."""
    try:
        fields = dict(
            line.split(" ", 1)
            for line in marker.read_text(encoding="utf-8").splitlines()
            if line.startswith(("host ", "pid ", "started "))
        )
        pid = int(fields["pid"])
    except (OSError, ValueError, KeyError):
        return None  # a marker from an older kg, or one that has just gone: the build is over
    if fields.get("host", socket.gethostname()) != socket.gethostname():
        return f"pid {pid} on {fields['host']}"  # cannot be checked from here
    try:
        os.kill(pid, 0)  # signal 0: is there such a process?
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # there is, run by another user
    now = start_time(pid)
    if now == "ended" or fields.get("started", "None") not in ("None", now) and now is not None:
        return None  # the builder has ended, and maybe its id went to another process
    return f"pid {pid}"
