"""Pieces of the SPARQL kg writes to a store: prefixes, literals, VALUES lists and INSERT DATA."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..vocab import sparql_prefixes

__all__ = ["PREFIX_LINES", "string", "iris", "chunks", "insert_data", "CHUNK"]

#: kg's prefixes (:data:`kg.vocab.PREFIXES`) as ``PREFIX`` lines, declared for kg's own queries and updates.
PREFIX_LINES = sparql_prefixes()
#: IRIs per VALUES block (keeps each request to an endpoint small).
CHUNK = 500


def string(value: str) -> str:
    """A SPARQL string literal.

    >>> string('say "hi"')
    '"say \\\\"hi\\\\""'
    """
    # JSON's escapes are SPARQL's for strings; characters beyond the BMP stay as they are
    # (ensure_ascii would write them as surrogate pairs, which SPARQL does not accept).
    return json.dumps(value, ensure_ascii=False)


def iris(values: Iterable[str]) -> str:
    """IRIs as SPARQL terms, separated by spaces (for a ``VALUES`` block)."""
    return " ".join(f"<{value}>" for value in values)


def chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in runs of :data:`CHUNK`."""
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One SPARQL ``INSERT DATA`` of ``quads`` (N-Triples terms are SPARQL terms)."""
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in quads:
        by_graph[str(quad.graph_name)].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [
        f"GRAPH {graph} {{\n" + "\n".join(triples) + "\n}" if graph.startswith("<") else "\n".join(triples)
        for graph, triples in by_graph.items()
    ]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"
