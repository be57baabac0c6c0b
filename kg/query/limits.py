"""Run a user's query where it can be stopped: a child process, killed at the time limit.

Neither rdflib (pure Python) nor Oxigraph (Rust) can be interrupted once a query
runs, and rdflib's planner can take minutes on a few joins; so ``kg query`` opens
the graph and runs the query in a forked child and waits at most ``timeout``
seconds for its answer.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from ..errors import KgError, QueryError
from .offline import cut_network

__all__ = ["run_limited", "DEFAULT_TIMEOUT"]

#: Seconds ``kg query`` waits for an answer unless ``--timeout`` says otherwise.
DEFAULT_TIMEOUT = 120.0


def run_limited(work: Callable[[], str], timeout: float | None, *, offline: bool = False) -> str:
    """Return ``work()`` (a string), computed in a child process stopped after ``timeout`` seconds.

    Where processes cannot be forked, or with no ``timeout``, ``work`` runs here,
    without a limit. ``offline`` cuts the child off the network first, where the
    system allows it (see :mod:`kg.query.offline`).

    Raises
    ------
    QueryError
        When the time is up (the child is killed).
    KgError
        What ``work`` raised, with its message.
    """
    if not timeout or "fork" not in multiprocessing.get_all_start_methods():
        return work()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, sender, offline), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(
                f"the query was stopped after {timeout:g} s (--timeout); narrow it, add a LIMIT, "
                "or query a store (kg build --store), which answers joins much faster"
            )
        try:
            kind, value = receiver.recv()
        except EOFError:
            raise KgError("the query process died without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "error":
        raise KgError(value)
    return value


def _child(work, sender, offline: bool) -> None:
    try:
        if offline:
            cut_network()
        sender.send(("ok", work()))
    except KgError as error:
        sender.send(("error", str(error)))
    except Exception as error:  # report, do not print a traceback from the child
        sender.send(("error", f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"))
    finally:
        sender.close()
