"""The RDF formats kg reads and writes: one table, and the lookups everything else uses.

Each format has kg's name for it (``--format ttl``), rdflib's, pyoxigraph's, the file
suffixes that name it (the first is the one kg writes) and whether it keeps the named
graphs (one per document) or holds their union.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyoxigraph as ox

from ..errors import GraphFileError

__all__ = [
    "RdfFormat",
    "TABLE",
    "FORMATS",
    "QUAD_FORMATS",
    "BUILD_FILES",
    "by_key",
    "dump_format",
    "dump_store",
    "DUMP_FORMATS",
    "by_suffix",
    "suffix_format",
    "keeps_graphs",
]


@dataclass(frozen=True)
class RdfFormat:
    """One RDF format: kg's key, rdflib's and pyoxigraph's names, its suffixes, whether it keeps named graphs."""

    key: str
    rdflib: str
    oxigraph: ox.RdfFormat
    suffixes: tuple[str, ...]
    keeps_graphs: bool = False
    #: Whether kg writes it (``--format``, ``kg convert``); N3 is only read.
    written: bool = True

    @property
    def suffix(self) -> str:
        """The suffix of the files kg writes in this format."""
        return self.suffixes[0]


#: Every format, in the order ``--format`` lists them.
TABLE = (
    RdfFormat("ttl", "turtle", ox.RdfFormat.TURTLE, (".ttl", ".turtle")),
    RdfFormat("nt", "nt", ox.RdfFormat.N_TRIPLES, (".nt", ".ntriples")),
    RdfFormat("jsonld", "json-ld", ox.RdfFormat.JSON_LD, (".jsonld", ".json")),
    RdfFormat("xml", "xml", ox.RdfFormat.RDF_XML, (".rdf", ".xml", ".owl")),
    RdfFormat("trig", "trig", ox.RdfFormat.TRIG, (".trig",), keeps_graphs=True),
    RdfFormat("nq", "nquads", ox.RdfFormat.N_QUADS, (".nq",), keeps_graphs=True),
    RdfFormat("n3", "n3", ox.RdfFormat.N3, (".n3",), written=False),
)
_BY_KEY = {fmt.key: fmt for fmt in TABLE}
_BY_SUFFIX = {suffix: fmt for fmt in TABLE for suffix in fmt.suffixes}

#: Output format names (``--format``) → rdflib serializer names, and file suffixes.
FORMATS = {fmt.key: (fmt.rdflib, fmt.suffix) for fmt in TABLE if fmt.written}
#: Formats that keep the named graphs (one per document); the others write their union.
QUAD_FORMATS = {fmt.key for fmt in TABLE if fmt.keeps_graphs and fmt.written}
#: The graph files a build folder may hold, in the order they are read: those that keep
#: the named graphs first.
BUILD_FILES = tuple(
    f"graph{fmt.suffix}" for fmt in sorted((f for f in TABLE if f.written), key=lambda f: not f.keeps_graphs)
)


#: The formats every :class:`kg.store.base.Store` dumps (:meth:`~kg.store.base.Store.dump`).
DUMP_FORMATS = ("nq", "trig", "ttl", "nt")


def dump_format(key: str) -> RdfFormat:
    """The format ``key`` names, one of :data:`DUMP_FORMATS`, or a ``ValueError``."""
    if key not in DUMP_FORMATS:
        raise ValueError(f"a store dumps {', '.join(DUMP_FORMATS)}, not {key!r}; kg.store.serialize writes the others")
    return _BY_KEY[key]


def dump_store(store: ox.Store, key: str) -> bytes:
    """A pyoxigraph store's content in one of :data:`DUMP_FORMATS`: N-Quads or TriG keep the named
    graphs, Turtle or N-Triples write their union (what :meth:`kg.store.base.Store.dump` promises)."""
    rdf_format = dump_format(key)
    if rdf_format.keeps_graphs:
        # Without an output file, dump and serialize return the bytes.
        return cast(bytes, store.dump(format=rdf_format.oxigraph))
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    return cast(bytes, ox.serialize(triples, format=rdf_format.oxigraph))


def by_key(key: str) -> RdfFormat:
    """The format kg calls ``key`` (``ttl``, ``nq`` ...).

    >>> by_key("nq").suffix
    '.nq'

    Raises
    ------
    ValueError
        If kg writes no format of that name.
    """
    fmt = _BY_KEY.get(key)
    if fmt is None or not fmt.written:
        raise ValueError(f"unknown format {key!r}; choose from {', '.join(FORMATS)}")
    return fmt


def suffix_format(path: str | Path) -> RdfFormat | None:
    """The format a file's suffix names, or None if it names none."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def by_suffix(path: str | Path) -> RdfFormat:
    """The format a file's suffix names.

    >>> by_suffix("graph.TriG").key
    'trig'

    Raises
    ------
    GraphFileError
        If the suffix is not one of a known RDF format.
    """
    fmt = suffix_format(path)
    if fmt is None:
        suffix = Path(path).suffix.lower()
        known = ", ".join(sorted(_BY_SUFFIX))
        raise GraphFileError(f"{path}: unknown graph format {suffix or '(no suffix)'!r}; expected one of {known}")
    return fmt


def keeps_graphs(path: str | Path) -> bool:
    """Whether the file at ``path`` is in a format that keeps named graphs (TriG, N-Quads), by its suffix."""
    fmt = suffix_format(path)
    return fmt is not None and fmt.keeps_graphs
