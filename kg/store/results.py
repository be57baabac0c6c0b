"""SPARQL results from Oxigraph and endpoints, as kg hands them out: rows of plain strings, or
rdflib ``Result`` objects."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result
from rdflib.term import Identifier

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
        # A result names the same terms many times (a title, a relation per row): each distinct term is
        # made once, as rdflib's terms cost microseconds each (3x the raw query on a 900-row lookup).
        terms: dict[Any, Identifier] = {}
        bindings: list[Mapping[Variable, Identifier]] = []
        for solution in result:
            row: dict[Variable, Identifier] = {}
            for name, term in zip(names, solution, strict=True):
                if term is not None:
                    made = terms.get(term)
                    if made is None:
                        made = terms[term] = to_rdflib(term)
                    row[name] = made
            bindings.append(row)
        converted.bindings = bindings
        return converted
    converted = Result("CONSTRUCT")
    graph = Graph()
    for triple in result:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    converted.graph = graph
    return converted
