"""Querying: SPARQL over a graph, safely, with results as rows, tables or DataFrames."""

from .sparql import (
    RESULT_FORMATS,
    check_query,
    checked_query,
    format_result,
    named_query,
    result_to_dataframe,
    run_named_query,
    run_query,
)

__all__ = [
    "run_query",
    "check_query",
    "checked_query",
    "run_named_query",
    "named_query",
    "format_result",
    "result_to_dataframe",
    "RESULT_FORMATS",
]
