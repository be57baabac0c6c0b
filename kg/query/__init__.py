"""Querying: SPARQL over a graph, safely, with results as rows, tables or DataFrames."""

from . import sparql
from .sparql import *  # noqa: F403 (exactly sparql.__all__, so the names are listed once, there)

__all__ = list(sparql.__all__)
