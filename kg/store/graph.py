"""The one place that creates rdflib graphs, reads them from files and writes them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import GraphFileError
from ..rdf.terms import new_dataset
from ..vocab import PREFIXES as _PREFIXES

__all__ = ["new_graph", "load_graph", "save_graph", "serialize", "union", "jsonld_context", "FORMATS",
           "QUAD_FORMATS", "format_for"]

#: Output format names (``--format``) → rdflib serializer names, and file suffixes.
FORMATS = {
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
    "trig": ("trig", ".trig"),
    "nq": ("nquads", ".nq"),
}
#: Formats that keep the named graphs (one per document); the others write their union.
QUAD_FORMATS = {"trig", "nq"}
_QUAD_FORMATS = {"trig", "nquads"}
_SUFFIX_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt",
    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
    ".trig": "trig", ".nq": "nquads", ".n3": "n3",
}


def new_graph() -> Dataset:
    """A new, empty in-memory dataset with kg's prefixes bound (and only those).

    It holds one named graph per document and one for the corpus (entities,
    concepts, relation declarations); read as a graph (triples, queries), it is
    their union.

    Examples
    --------
    >>> g = new_graph()
    >>> dict(g.namespaces())["kg"]
    rdflib.term.URIRef('https://example.org/kg/ontology#')
    """
    return new_dataset()


def prefixes() -> dict[str, str]:
    """kg's prefixes (``kg:``, ``kgr:``, ``rdfs:`` ...), which queries may use undeclared."""
    return {prefix: str(namespace) for prefix, namespace in _PREFIXES.items()}


def union(graph: Graph) -> Graph:
    """The triples of ``graph`` (of every named graph of a dataset) as one plain graph."""
    if not isinstance(graph, Dataset):
        return graph
    flat = Graph(bind_namespaces="none")
    for prefix, namespace in _PREFIXES.items():
        flat.bind(prefix, namespace)
    for triple in graph.triples((None, None, None)):
        flat.add(triple)
    return flat


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


#: The graph files a build folder may hold, in the order they are read: those that keep
#: the named graphs first.
BUILD_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt", "graph.jsonld", "graph.rdf")


def graph_file(path: str | Path) -> Path:
    """The graph file ``path`` names: the file itself, or the graph a build folder
    (``kg build -o DIR``) holds (its ``graph.trig``, else ``graph.nq``, ``graph.ttl`` ...).

    Raises
    ------
    GraphFileError
        If nothing is at ``path``, or it is a folder with no graph file.

    Examples
    --------
    >>> graph_file("no-such-store")
    Traceback (most recent call last):
    ...
    kg.errors.GraphFileError: no-such-store: no such graph file, store folder or build folder
    """
    path = Path(path)
    if path.is_dir():
        for name in BUILD_FILES:
            if (path / name).is_file():
                return path / name
        raise GraphFileError(f"{path}: a folder that is neither a kg store nor a build folder "
                             f"(no {', '.join(BUILD_FILES)})")
    if not path.exists():
        what = "graph file" if path.suffix.lower() in _SUFFIX_FORMATS else "graph file, store folder or build folder"
        raise GraphFileError(f"{path}: no such {what}")
    return path


def load_graph(path: str | Path, graph: Dataset | None = None) -> Dataset:
    """Read a graph file (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads) into a dataset;
    a build folder is read from its graph file (see :func:`graph_file`).

    Nothing else is read: no JSON-LD context, no entity, no URL; and a file that
    would cost more than :data:`kg.store.foreign.READ_LIMITS` is refused before it is kept.

    Raises
    ------
    GraphFileError
        If the file is missing, unreadable, too big or does not parse; the
        message names the file and, where the parser says, the line.
    """
    from ..rdf.terms import quad_to_rdflib
    from .foreign import read_quads

    path = graph_file(path)
    rdf_format = format_for(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: not a regular file")
    graph = new_graph() if graph is None else graph
    # pyoxigraph reads every format: linear in the text (rdflib's N-Triples/N-Quads reader is quadratic in
    # a long line, as a long document's extraction record is; its RDF/XML parser in character data, and it
    # resolves entities), and it has no way to load a JSON-LD context, remote or local.
    quads = list(read_quads(path, rdf_format))  # all or nothing: a file refused half-way adds nothing
    for quad in quads:
        subject, predicate, obj, name = quad_to_rdflib(quad)
        # rdflib keeps a quad whose graph is None apart from the default graph: add a triple then.
        graph.add((subject, predicate, obj) if name is None else (subject, predicate, obj, graph.graph(name)))
    return graph


def serialize(graph, fmt: str = "ttl") -> bytes:
    """The graph (an rdflib graph or one of kg's stores) in one of :data:`FORMATS`.

    TriG and N-Quads keep the named graphs; the other formats write their union.
    N-Triples and N-Quads lines are sorted, so equal graphs give equal bytes.
    JSON-LD is compacted with kg's context, written inline (never a URL to fetch).
    """
    try:
        rdflib_format, _ = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    from . import is_store

    if is_store(graph) and fmt in ("jsonld", "xml"):
        graph = graph.to_dataset()
    if fmt == "jsonld":
        return union(graph).serialize(format="json-ld", encoding="utf-8", context=jsonld_context(),
                                      auto_compact=True)
    if fmt == "xml":
        return union(graph).serialize(format=rdflib_format, encoding="utf-8")
    # rdflib writes N-Quads quickly but Turtle and TriG slowly (PERFORMANCE.md: ~26x slower than
    # Oxigraph): the others go through N-Quads into pyoxigraph's writers.
    if is_store(graph):
        quads = graph.dump("nq")
    else:
        quads = graph.serialize(format="nquads", encoding="utf-8") if isinstance(graph, Dataset) else \
            graph.serialize(format="nt", encoding="utf-8")
    lines = sorted(set(line for line in quads.decode("utf-8").split("\n") if line))
    if fmt == "nq":
        return ("\n".join(lines) + "\n").encode("utf-8")
    import pyoxigraph

    try:
        parsed = list(pyoxigraph.parse(("\n".join(lines) + "\n").encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS))
    except MemoryError:
        raise GraphFileError(f"cannot write {fmt}: a term (a literal or an IRI) is longer than 16 MiB, the most "
                             "kg's writer takes; write N-Quads (.nq) instead") from None
    prefixes = {prefix: str(namespace) for prefix, namespace in _PREFIXES.items()}
    if fmt == "trig":
        return pyoxigraph.serialize(parsed, format=pyoxigraph.RdfFormat.TRIG, prefixes=prefixes)
    triples = sorted({pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in parsed}, key=str)
    if fmt == "nt":
        return "".join(f"{triple} .\n" for triple in triples).encode("utf-8")
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)


def jsonld_context() -> dict:
    """kg's JSON-LD context (prefixes), shipped in the package as ``kg/rdf/context.jsonld``."""
    import json
    from importlib import resources

    text = resources.files("kg.rdf").joinpath("context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


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
