"""A second wall behind the query check: a thread that has no network to reach.

The check of :mod:`kg.query.guard` refuses the clauses that fetch URLs; should a
parser ever read a text in a way nobody foresaw, Oxigraph could still try. So where
the network is not allowed, ``kg query`` runs its query in a child process, and
``kg serve`` in its worker processes, moved into a new, empty network namespace (Linux
``unshare``): no interface there but a loopback that is down, so any connection
fails. An unprivileged user does it inside a new user namespace; where the system
forbids both (not Linux, user namespaces disabled, a strict container), nothing
changes and the check alone holds. (``kg serve``'s own process, which only reads HTTP
and hands queries to the workers, keeps its network.)
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

__all__ = ["cut_network"]

logger = logging.getLogger(__name__)

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def cut_network() -> bool:
    """Move the calling thread into a new network namespace with no way out; whether it could.

    A user namespace is needed without root, and only a single-threaded process may
    make one: call it first thing in a fresh child process.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    attempts = ([_CLONE_NEWNET] if os.geteuid() == 0 else []) + [_CLONE_NEWUSER | _CLONE_NEWNET]
    for flags in attempts:
        if libc.unshare(flags) == 0:
            return True
    logger.info(
        "could not leave the network (unshare: %s); the query check alone keeps it off", os.strerror(ctypes.get_errno())
    )
    return False
