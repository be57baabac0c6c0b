"""The one place that creates rdflib graphs and reads them from files; atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import GraphFileError
from ..terms import quad_to_rdflib
from ..vocab import PREFIXES as _PREFIXES
from ..vocab import new_dataset
from .foreign import read_quads
from .formats import BUILD_FILES, by_suffix, suffix_format

__all__ = [
    "new_graph",
    "load_graph",
    "union",
    "graph_file",
    "prefixes",
    "write_atomic",
]


#: A new, empty in-memory dataset with kg's prefixes bound: :func:`kg.vocab.new_dataset` itself,
#: by the name the API documents (the mapping, below the store, makes its datasets with it too).
new_graph = new_dataset


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
        raise GraphFileError(
            f"{path}: a folder that is neither a kg store nor a build folder (no {', '.join(BUILD_FILES)})"
        )
    if not path.exists():
        what = "graph file" if suffix_format(path) else "graph file, store folder or build folder"
        raise GraphFileError(f"{path}: no such {what}")
    return path


def load_graph(path: str | Path, graph: Dataset | None = None) -> Dataset:
    """Read a graph file (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads) into an rdflib dataset;
    a build folder is read from its graph file (see :func:`graph_file`). (:func:`kg.load` reads
    files into Oxigraph, :meth:`kg.store.OxigraphStore.from_file`, where queries run much faster.)

    Nothing else is read: no JSON-LD context, no entity, no URL; and a file that
    would cost more than :data:`kg.store.foreign.READ_LIMITS` is refused before it is kept.

    Raises
    ------
    GraphFileError
        If the file is missing, unreadable, too big or does not parse; the
        message names the file and, where the parser says, the line.
    """
    path = graph_file(path)
    rdf_format = by_suffix(path)
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
