"""SPARQL results from Oxigraph and endpoints, as kg hands them out: rows of plain strings, or
rdflib ``Result`` objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result

from ..terms import to_rdflib
from .base import Row

__all__ = ["json_rows", "solution_rows", "to_rdflib_result"]


def json_rows(result: dict[str, Any]) -> Iterator[Row]:
    """The solutions of SPARQL 1.1 JSON results (parsed) as :data:`kg.store.base.Row` dicts."""
    names = result["head"]["vars"]
    for binding in result["results"]["bindings"]:
        yield {name: binding[name]["value"] if name in binding else None for name in names}


def solution_rows(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Iterator[Row]:
    """The solutions of pyoxigraph's result of a SELECT as :data:`kg.store.base.Row` dicts.

    Serialised by Oxigraph and read by the json module: ten times faster than reading
    each solution's terms from Python.
    """
    if isinstance(result, ox.QueryTriples):  # the TypeError pyoxigraph raises here, said plainly
        raise TypeError("rows are the solutions of a SELECT, not a CONSTRUCT's triples")
    data = result.serialize(format=ox.QueryResultsFormat.JSON)
    return json_rows(json.loads(cast(bytes, data)))  # without an output file, serialize returns the bytes


def to_rdflib_result(result: Any) -> Result:
    """pyoxigraph's query result (solutions, boolean or triples) as an rdflib ``Result``."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        converted = Result("ASK")
        converted.askAnswer = bool(result)
        return converted
    if isinstance(result, ox.QuerySolutions):
        names = [Variable(v.value) for v in result.variables]
        converted = Result("SELECT")
        converted.vars = names
        converted.bindings = [
            {name: to_rdflib(solution[str(name)]) for name in names if solution[str(name)] is not None}
            for solution in result
        ]
        return converted
    converted = Result("CONSTRUCT")
    graph = Graph()
    for triple in result:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    converted.graph = graph
    return converted
