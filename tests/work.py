"""Counting work rather than timing it: tests that the cost per word is bounded use these counts."""

from __future__ import annotations

import multiprocessing
import os
import sys

__all__ = ["count_work"]


def count_work(run, budget: int | None = None, *, with_lines: bool = False) -> int | None:
    """The function calls (Python, and spaCy's profiled Cython) made by ``run()``, and with
    ``with_lines`` the Python lines run too (a loop's turns, comprehensions included), or None
    past ``budget``, so that quadratic code fails in seconds, not hours.

    Counted in a forked process, which can stop at once wherever it is (an exception raised
    inside spaCy's code would not be safe). The counts are exact: no timing is involved.
    """
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def count_calls():
        count = 0

        def hook(frame, event, arg):
            nonlocal count
            if event == "call":
                count += 1
                if budget is not None and count > budget:
                    writer.send(None)
                    os._exit(0)

        def lines(frame, event, arg):
            nonlocal count
            if event == "line":  # also once per turn of a loop, comprehensions included
                count += 1
            return lines

        sys.setprofile(hook)
        if with_lines:
            sys.settrace(lambda frame, event, arg: lines)
        run()
        sys.settrace(None)
        sys.setprofile(None)
        writer.send(count)

    process = context.Process(target=count_calls)
    process.start()
    writer.close()
    try:
        return reader.recv()
    finally:
        process.join()
