"""The one place that creates rdflib graphs, reads them from files and writes them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..errors import GraphFileError
from ..rdf.vocab import KG, KGR

__all__ = ["new_graph", "load_graph", "save_graph", "serialize", "FORMATS", "format_for"]

#: Output format names (``--format``) → rdflib serializer names, and file suffixes.
FORMATS = {
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
}
_QUAD_FORMATS = {"trig", "nquads"}
_SUFFIX_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt",
    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
    ".trig": "trig", ".nq": "nquads", ".n3": "n3",
}
_PREFIXES = {
    "kg": KG._NS, "kgr": KGR, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "skos": SKOS, "dcterms": DCTERMS, "prov": PROV,
}


def new_graph() -> Graph:
    """A new, empty in-memory graph with kg's prefixes bound (and only those).

    Examples
    --------
    >>> g = new_graph()
    >>> dict(g.namespaces())["kg"]
    rdflib.term.URIRef('https://example.org/kg/ontology#')
    """
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def format_for(path: str | Path) -> str:
    """The rdflib parser name for a graph file, from its suffix.

    Raises
    ------
    GraphFileError
        If the suffix is not one of a known RDF format.
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIX_FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(_SUFFIX_FORMATS))
        raise GraphFileError(f"{path}: unknown graph format {suffix or '(no suffix)'!r}; expected one of {known}") from None


def load_graph(path: str | Path, graph: Graph | None = None) -> Graph:
    """Read a graph file (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads).

    Raises
    ------
    GraphFileError
        If the file is missing, unreadable or does not parse; the message names
        the file and, where the parser says, the line.
    """
    path = Path(path)
    rdf_format = format_for(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    graph = new_graph() if graph is None else graph
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GraphFileError(f"{path}: {error.strerror}") from None
    if rdf_format == "json-ld":
        _refuse_remote_contexts(path, data)
    try:
        if rdf_format in _QUAD_FORMATS:
            # Named graphs are read as one merged graph (their union).
            from rdflib import Dataset

            dataset = Dataset()
            dataset.parse(data=data, format=rdf_format)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(data=data, format=rdf_format)
    except Exception as error:  # rdflib's parsers raise many unrelated types
        message = " ".join(str(error).split()) or type(error).__name__
        raise GraphFileError(f"{path}: not valid {rdf_format}: {message[:300]}") from None
    return graph


def _refuse_remote_contexts(path: Path, data: bytes) -> None:
    """JSON-LD may name a remote @context, which rdflib would fetch: refuse it (no network)."""
    import json

    try:
        document = json.loads(data)
    except ValueError as error:
        raise GraphFileError(f"{path}: not valid JSON-LD: {error}") from None

    def contexts(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    yield from (value if isinstance(value, list) else [value])
                yield from contexts(value)
        elif isinstance(node, list):
            for item in node:
                yield from contexts(item)

    for context in contexts(document):
        if isinstance(context, str):
            raise GraphFileError(f"{path}: refused: the JSON-LD names a remote @context ({context[:80]}), "
                                 "which would be fetched over the network; inline the context instead")


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    """The graph in one of :data:`FORMATS`; N-Triples lines are sorted, so equal graphs give equal bytes."""
    try:
        rdflib_format, _ = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    data = graph.serialize(format=rdflib_format, encoding="utf-8")
    if fmt == "nt":
        lines = sorted(line for line in data.decode("utf-8").split("\n") if line)
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return data


def save_graph(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically (temporary file, then rename).

    The format is ``fmt`` (a key of :data:`FORMATS`) or follows the suffix.
    A failure leaves any earlier file at ``path`` untouched.
    """
    path = Path(path)
    if fmt is None:
        fmt = next((key for key, (_, suffix) in FORMATS.items() if suffix == path.suffix.lower()), "ttl")
    return write_atomic(path, serialize(graph, fmt))


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
