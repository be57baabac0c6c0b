"""Querying: SPARQL over a graph, safely, with results as rows, tables or DataFrames."""

from . import sparql
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

__all__ = list(sparql.__all__)
