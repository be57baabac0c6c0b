"""Guards for reading graph files kg did not write: what they may make kg fetch, expand or cost.

A graph file given to ``kg query``, ``render``, ``convert``, ``serve`` ... may come
from anyone. It must not make kg read another file or a URL (an RDF/XML entity, a
JSON-LD context), nor cost more than the machine has: RDF/XML entities could expand
without bound, and a graph read into memory costs ~0.4 KB a quad in Oxigraph (what
``kg.load`` reads a file into), 1.4 to 2.2 KB a triple in rdflib. So a file is refused when
it declares a DTD (anywhere in it), when it is bigger than :data:`READ_LIMITS`
``["bytes"]`` or holds more triples than ``["triples"]`` (counted by a streaming
parse before anything is kept), or when one of its terms is too long to parse.
The defaults keep a 2-core, 24 GB machine usable; ``kg --max-file-size`` and
``kg --max-triples`` raise them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import GraphFileError
from .formats import RdfFormat

__all__ = [
    "READ_LIMITS",
    "DEFAULT_READ_LIMITS",
    "set_read_limits",
    "refuse_doctype",
    "read_quads",
    "check_cost",
    "check_size",
    "base_iri",
]

#: The most a graph file may cost: its size in bytes and the triples (or quads) in it.
#: Files are read into Oxigraph: the full BBC graph (2.59 million quads, a 244 MB TriG file) took
#: 1.1 GB there, so 10 million take about 4 GB (rdflib, which the API's ``.graph`` and ``kg validate``
#: still use, holds 1.4 to 2.2 KB a triple); 1 GiB bounds what long literals cost.
DEFAULT_READ_LIMITS = {"bytes": 2**30, "triples": 10_000_000}
READ_LIMITS = dict(DEFAULT_READ_LIMITS)

_DTD = re.compile(rb"<!(?:doctype|entity)", re.IGNORECASE)
_CHUNK = 1 << 20


def set_read_limits(*, max_bytes: int | None = None, max_triples: int | None = None) -> None:
    """Set what a graph file may cost (:data:`READ_LIMITS`); None sets a limit back to its default."""
    READ_LIMITS["bytes"] = DEFAULT_READ_LIMITS["bytes"] if max_bytes is None else max_bytes
    READ_LIMITS["triples"] = DEFAULT_READ_LIMITS["triples"] if max_triples is None else max_triples


def refuse_doctype(path: Path, data: bytes | None = None) -> None:
    """RDF/XML with a DOCTYPE is refused, wherever the declaration stands: its entities can name
    files or URLs to read, or expand without bound ("billion laughs"); RDF tools do not need them.

    Reads ``data``, or else streams the file at ``path``.
    """
    if data is not None:
        found = _DTD.search(data) is not None
    else:
        found, tail = False, b""
        with open(path, "rb") as stream:
            while not found and (chunk := stream.read(_CHUNK)):
                found = _DTD.search(tail + chunk) is not None
                tail = chunk[-16:]  # a declaration cut in two by the chunks is still found
    if found:
        raise GraphFileError(
            f"{path}: refused: the RDF/XML declares a DOCTYPE or entities, which could read "
            "other files or expand without bound; remove the declaration"
        )


def read_quads(path: Path, rdf_format: RdfFormat, prefixes: dict[str, str] | None = None) -> Iterator[ox.Quad]:
    """The quads of a graph file in ``rdf_format``, streamed by pyoxigraph, within :data:`READ_LIMITS`.

    RDF/XML
    is checked for a DTD first; pyoxigraph never loads a JSON-LD context or any
    other document. Once every quad is read, ``prefixes`` (when given) holds the ones the file declares.

    Raises
    ------
    GraphFileError
        If the file is too big, holds too many triples, has a term over 16 MiB,
        or does not parse.
    """
    path = Path(path)
    check_size(path)
    if rdf_format.key == "xml":
        refuse_doctype(path)
    limit = READ_LIMITS["triples"]
    try:
        parser = ox.parse(path=str(path), format=rdf_format.oxigraph, base_iri=base_iri(path))
        for count, quad in enumerate(parser, 1):
            if count > limit:
                raise GraphFileError(
                    f"{path}: refused: more than {limit:,} triples, the most kg reads of a graph "
                    "file (kg --max-triples N raises the limit)"
                )
            yield quad
        if prefixes is not None:
            prefixes.update(parser.prefixes)
    except MemoryError:
        raise GraphFileError(
            f"{path}: refused: a term (a literal or an IRI) is longer than 16 MiB, the most kg's parser reads"
        ) from None
    except (SyntaxError, ValueError) as error:
        if "LoadDocumentCallback" in str(error):  # pyoxigraph has no way to load one: say why the file is refused
            raise GraphFileError(
                f"{path}: refused: the JSON-LD names a remote @context or an @import (a URL or "
                "a file to load), which kg never reads; inline the context instead"
            ) from None
        raise GraphFileError(f"{path}: not valid {rdf_format.rdflib}: {' '.join(str(error).split())[:300]}") from None
    except OSError as error:
        raise GraphFileError(f"{path}: {error.strerror or error}") from None


def base_iri(path: Path) -> str:
    """The base IRI relative IRIs of the graph file at ``path`` are resolved against: its own ``file:`` IRI."""
    return Path(path).resolve().as_uri()


def check_cost(path: Path, rdf_format: RdfFormat) -> dict[str, str]:
    """Refuse a graph file that :func:`read_quads` refuses, keeping nothing of it (one streaming pass);
    the prefixes it declares."""
    prefixes: dict[str, str] = {}
    for _ in read_quads(path, rdf_format, prefixes):
        pass
    return prefixes


def check_size(path: Path) -> None:
    """Refuse a graph file bigger than :data:`READ_LIMITS` allows."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise GraphFileError(f"{path}: {error.strerror}") from None
    if size > READ_LIMITS["bytes"]:
        raise GraphFileError(
            f"{path}: refused: {_size(size)}, more than the {_size(READ_LIMITS['bytes'])} kg reads "
            "of a graph file (kg --max-file-size SIZE raises the limit)"
        )


def _size(size: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"
