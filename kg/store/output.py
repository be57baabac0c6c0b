"""Write a graph (any :class:`kg.store.base.Store`, or an rdflib graph) in one of kg's formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pyoxigraph

from ..errors import GraphFileError
from .formats import by_key, suffix_format
from .graph import prefixes, union, write_atomic
from .open import as_store

__all__ = ["serialize", "save_graph"]


def serialize(graph: Any, fmt: str = "ttl") -> bytes:
    """The graph (a store, or anything :func:`kg.store.as_store` takes) in one of :data:`kg.store.FORMATS`.

    TriG and N-Quads keep the named graphs; the other formats write their union.
    N-Triples and N-Quads lines are sorted, so equal graphs give equal bytes.
    JSON-LD is compacted with kg's prefixes (:data:`kg.vocab.PREFIXES`) as its context, written
    inline (never a URL to fetch).
    """
    rdflib_format = by_key(fmt).rdflib
    store = as_store(graph)
    if fmt == "jsonld":
        return union(store.to_dataset()).serialize(
            format="json-ld", encoding="utf-8", context=prefixes(), auto_compact=True
        )
    if fmt == "xml":
        return union(store.to_dataset()).serialize(format=rdflib_format, encoding="utf-8")
    # rdflib writes N-Quads quickly but Turtle and TriG slowly (PERFORMANCE.md: ~26x slower than
    # Oxigraph): the others go through N-Quads into pyoxigraph's writers.
    quads = store.dump("nq")
    lines = sorted({line for line in quads.decode("utf-8").split("\n") if line})
    if fmt == "nq":
        return ("\n".join(lines) + "\n").encode("utf-8")
    try:
        parsed = list(pyoxigraph.parse(("\n".join(lines) + "\n").encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS))
    except MemoryError:
        raise GraphFileError(
            f"cannot write {fmt}: a term (a literal or an IRI) is longer than 16 MiB, the most "
            "kg's writer takes; write N-Quads (.nq) instead"
        ) from None
    if fmt == "trig":
        # Without an output file, serialize returns the bytes.
        return cast(bytes, pyoxigraph.serialize(parsed, format=pyoxigraph.RdfFormat.TRIG, prefixes=prefixes()))
    triples = sorted({pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in parsed}, key=str)
    if fmt == "nt":
        return "".join(f"{triple} .\n" for triple in triples).encode("utf-8")
    return cast(bytes, pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes()))


def save_graph(graph: Any, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically (temporary file, then rename).

    The format is ``fmt`` (a key of :data:`kg.store.FORMATS`) or follows the suffix.
    A failure leaves any earlier file at ``path`` untouched.
    """
    path = Path(path)
    if fmt is None:
        written = suffix_format(path)
        fmt = written.key if written is not None and written.written else "ttl"
    return write_atomic(path, serialize(graph, fmt))
