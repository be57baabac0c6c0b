"""Run SPARQL over a graph and format the results.

Queries are parsed first, so that a malformed one gives one clear error, and
queries that would reach the network (``SERVICE``, ``FROM <url>``) are refused
unless the caller allows it: rdflib and Oxigraph would otherwise fetch those URLs.
The text checked is the text that runs (:func:`checked_query`; see :mod:`kg.query.guard`).
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql import prepareUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultRow

from ..errors import KgError, QueryError
from ..store import as_store
from ..store.dataset import parsed_query
from .guard import canonical, network_words

__all__ = [
    "run_query",
    "check_query",
    "checked_query",
    "check_update",
    "run_named_query",
    "named_query",
    "format_result",
    "result_to_dataframe",
    "RESULT_FORMATS",
]

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def named_query(name: str) -> str:
    """The text of a query shipped with kg, ``kg/query/queries/<name>.rq``.

    Raises
    ------
    QueryError
        If there is no such query; the message lists the ones there are.
    """
    folder = files("kg.query").joinpath("queries")
    path = folder.joinpath(f"{name}.rq")
    if not path.is_file():
        known = sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))
        raise QueryError(f"no named query {name!r}; known queries: {', '.join(known)}")
    return path.read_text(encoding="utf-8")


def run_query(graph, sparql: str, *, bindings: dict | None = None, allow_network: bool = False) -> Result:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``graph``.

    Parameters
    ----------
    graph : kg.store.Store, or anything :func:`kg.store.as_store` takes (an rdflib graph)
    sparql : str
    bindings : dict, optional
        Values for variables (``{"name": Literal("Haftar")}``); never paste values
        into query text.
    allow_network : bool
        Allow ``SERVICE`` and ``FROM``/``FROM NAMED`` clauses, which fetch URLs.

    Raises
    ------
    QueryError
        If the query does not parse (the message has the line and column), is an
        update, needs the network without ``allow_network``, or fails as it runs.

    Examples
    --------
    >>> from kg.store import OxigraphStore
    >>> run_query(OxigraphStore(), "ASK { ?s kg:mentionCount ?n }").askAnswer
    False
    """
    store = as_store(graph)
    namespaces = store.prefixes()
    text, _ = checked_query(sparql, namespaces, allow_network=allow_network)
    # The store (rdflib, Oxigraph or the endpoint) runs the very text that was checked.
    try:
        return store.query(text, bindings=bindings, prefixes=namespaces)
    except KgError as error:
        raise QueryError(str(error)) from None


def check_query(sparql: str, namespaces: dict | None = None, *, allow_network: bool = False):
    """Parse a SPARQL query (rdflib) and refuse what would reach the network; the prepared query.

    Raises
    ------
    QueryError
        If the query does not parse (with line and column), or uses ``SERVICE``
        or ``FROM <url>`` without ``allow_network``.
    """
    return checked_query(sparql, namespaces, allow_network=allow_network)[1]


def checked_query(sparql: str, namespaces: dict | None = None, *, allow_network: bool = False):
    """The text to run and its prepared (rdflib) query, after the checks of :func:`check_query`.

    The text is :func:`kg.query.guard.canonical` of ``sparql``: whoever runs the
    query (rdflib, Oxigraph, an endpoint) must run that text, which is the one checked.
    """
    if not sparql or not sparql.strip():
        raise QueryError("empty SPARQL query")
    text = canonical(sparql)
    known = tuple(sorted((str(prefix), str(iri)) for prefix, iri in (namespaces or {}).items()))
    return text, _prepare(text, known, allow_network)


def check_update(sparql: str, *, allow_network: bool = False) -> str:
    """Parse a SPARQL Update and refuse ``LOAD`` and ``SERVICE`` (which fetch URLs) unless the network
    is allowed; the text to run, which is the text checked (see :mod:`kg.query.guard`).

    Raises
    ------
    QueryError
        If the update does not parse, or would fetch data without ``allow_network``.
    """
    text = canonical(sparql)
    try:
        update = prepareUpdate(text)
    except Exception as error:
        raise QueryError(f"invalid SPARQL Update: {' '.join(str(error).split())[:300]}") from None
    if not allow_network:
        loads = any(getattr(op, "name", "") == "Load" for op in update.algebra)
        reason = "LOAD" if loads else _network_use(update.algebra) or network_words(text, update=True)
        if reason:
            raise QueryError(
                f"refused: {reason} would fetch data over the network (start kg serve with --allow-network)"
            )
    return text


@functools.lru_cache(maxsize=8)
def _prepare(text: str, namespaces: tuple, allow_network: bool):
    # rdflib's parse is cached too (parsed_query): a graph read from a file runs the very query parsed here.
    try:
        prepared = parsed_query(text, namespaces)
    except Exception as error:
        raise QueryError(f"invalid SPARQL: {_parse_message(error)}") from None
    if not allow_network:
        reason = _network_use(prepared.algebra) or network_words(text)
        if reason:
            raise QueryError(
                f"refused: the query uses {reason}, which would fetch data over the network "
                "(pass allow_network=True / --allow-network to permit it)"
            )
    return prepared


def run_named_query(graph: Graph, query_name: str, /, **bindings) -> Result:
    """Run a query shipped with kg (see :func:`named_query`), binding variables by keyword.

    Plain strings are bound as literals; use rdflib terms for IRIs.
    """
    values = {k: v if isinstance(v, (URIRef, Literal, BNode)) else Literal(v) for k, v in bindings.items()}
    return run_query(graph, named_query(query_name), bindings=values)


def _parse_message(error: Exception) -> str:
    line, column = getattr(error, "lineno", None), getattr(error, "col", None)
    message = " ".join(str(getattr(error, "msg", error)).split())
    if line is not None and column is not None:
        line_text = getattr(error, "line", "") or ""
        snippet = line_text[max(column - 1, 0) : max(column - 1, 0) + 40].strip()
        near = f" near {snippet!r}" if snippet else " at the end of the line"
        return f"line {line}, column {column}: {message}{near}"
    return message[:300]


def _network_use(node: object) -> str | None:
    children: Iterable[object]
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return "SERVICE"
        if node.name in ("SelectQuery", "ConstructQuery", "AskQuery", "DescribeQuery") and node.get("datasetClause"):
            return "FROM"
        children = node.values()
    elif isinstance(node, (list, tuple)):
        children = node
    else:
        return None
    for child in children:
        found = _network_use(child)
        if found:
            return found
    return None


# --- formatting ------------------------------------------------------------------------


def _namespaces(prefixes: Mapping[str, str]) -> NamespaceManager:
    """rdflib's namespace manager for ``prefixes`` and only those (it finds the prefix of an IRI)."""
    manager = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in prefixes.items():
        manager.bind(prefix, namespace)
    return manager


def _compact(term, namespaces: NamespaceManager | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef) and namespaces is not None:
        try:
            prefix, namespace, local = namespaces.compute_qname(term, generate=False)
            if local and "%" not in local:
                return f"{prefix}:{local}"
        except Exception:
            pass
    return str(term)


def format_result(result: Result, fmt: str = "table", *, prefixes: Mapping[str, str] | None = None) -> str:
    """Format a query result as text.

    ``table`` is for people (IRIs shortened with ``prefixes``, e.g. a graph's
    :meth:`kg.KnowledgeGraph.prefixes`); ``csv``
    and ``tsv`` have a header row and plain values; ``json`` is the standard
    SPARQL 1.1 JSON results format. CONSTRUCT and DESCRIBE results are returned
    as Turtle whatever ``fmt`` is, ASK results as ``true``/``false``.
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; choose from {', '.join(RESULT_FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if result.graph is None:  # rdflib gives every CONSTRUCT and DESCRIBE result its graph
            raise QueryError(f"a {result.type} result without its triples")
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps({"head": {}, "boolean": answer}) if fmt == "json" else str(answer).lower()
    if fmt == "json":
        return cast(bytes, result.serialize(format="json")).decode("utf-8")  # no destination: the bytes
    names = [str(v) for v in result.vars or ()]
    rows = [[row[i] for i in range(len(names))] for row in _select_rows(result)]
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(
            out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL
        )
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if v is None else str(v) for v in row])
        return out.getvalue()
    namespaces = _namespaces(prefixes) if prefixes else None
    return _table(names, [[_compact(v, namespaces) for v in row] for row in rows])


def _select_rows(result: Result) -> Iterable[ResultRow]:
    """The rows of a SELECT result (rdflib types a result's items for every kind of query)."""
    return cast(Iterable[ResultRow], result)


def _table(names: list[str], rows: list[list[str]]) -> str:
    # lazily: rich takes ~30 ms to import, and only a table printed for people needs it
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*names, show_lines=False, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for row in rows:
        table.add_row(*(Text(value) for value in row))  # Text: values are never markup
    out = io.StringIO()
    console = Console(file=out, width=160, color_system=None, force_terminal=False)
    console.print(table)
    return out.getvalue()


def result_to_dataframe(result: Result):
    """A pandas DataFrame of a SELECT result: one column per variable, plain Python values.

    Literals become their Python values (numbers, booleans, dates), IRIs strings.
    """
    import pandas as pd  # lazily: pandas takes ~0.25 s to import, and only a DataFrame needs it

    names = [str(v) for v in result.vars or ()]
    records = []
    for row in _select_rows(result):
        records.append(
            [
                None if value is None else (value.toPython() if isinstance(value, Literal) else str(value))
                for value in row
            ]
        )
    return pd.DataFrame.from_records(records, columns=names)
