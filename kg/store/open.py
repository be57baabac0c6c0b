"""Open a store by its location, or see any graph as a :class:`kg.store.base.Store`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from .base import Store
from .dataset import DatasetStore
from .oxigraph import OxigraphStore, is_store_path
from .remote import RemoteStore, is_store_url

__all__ = ["open_store", "as_store", "is_store_location"]


def is_store_location(location: str | Path) -> bool:
    """Whether ``location`` names a store (an endpoint URL, or a folder holding an Oxigraph store)
    rather than a graph file or a build folder."""
    return is_store_url(str(location)) or is_store_path(location)


def open_store(location: str | Path | None = None, *, read_only: bool = False) -> OxigraphStore | RemoteStore:
    """The store at ``location``: an http(s) URL (a SPARQL endpoint), a folder (an
    on-disk Oxigraph store, created if missing unless ``read_only``), or, for None,
    a new in-memory Oxigraph store."""
    if location is not None and is_store_url(str(location)):
        return RemoteStore(str(location))
    return OxigraphStore(location, read_only=read_only)


def as_store(graph: Any) -> Store:
    """``graph`` as a :class:`~kg.store.base.Store`: a store as it is, an rdflib graph or
    dataset as a :class:`~kg.store.dataset.DatasetStore` (changes go to it), a pyoxigraph
    ``Store`` as an :class:`~kg.store.oxigraph.OxigraphStore`.

    Raises
    ------
    TypeError
        If ``graph`` is none of these.

    Examples
    --------
    >>> from kg.store import new_graph
    >>> as_store(new_graph())
    DatasetStore(in memory)
    """
    if isinstance(graph, (OxigraphStore, RemoteStore, DatasetStore)):
        return graph  # kg's own stores, told apart first: checking the protocol takes ~0.1 ms a query
    if isinstance(graph, Store):
        return graph
    if isinstance(graph, Graph):
        return DatasetStore(graph)
    if isinstance(graph, ox.Store):
        return OxigraphStore.wrapping(graph)
    raise TypeError(f"not a graph or a store: {type(graph).__name__}")
