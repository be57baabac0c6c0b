"""kg's graph in an Oxigraph store (pyoxigraph): in memory, or on disk with ``--store PATH``.

The build writes here: Oxigraph adds a million quads in ~2.5 s where rdflib
takes ~17 s, and answers SPARQL 10-1000x faster (PERFORMANCE.md). Queries see
the union of the named graphs (one per document, the corpus graph, the
ontology), as the files kg writes do.

It implements :class:`kg.store.base.Store`, as :class:`kg.store.remote.RemoteStore`
and :class:`kg.store.dataset.DatasetStore` do: that is all the build, ``kg query``,
``kg render``, ``kg remove`` and ``kg stats`` use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.query import Result

from ..errors import GraphFileError, KgError
from ..terms import quad_to_rdflib, to_oxigraph
from .base import Row, Store
from .foreign import base_iri, check_cost, read_quads
from .formats import by_suffix, dump_store
from .graph import graph_file, new_graph, prefixes
from .markers import INCOMPLETE, WRITING, open_read_only, raced, running_builder, this_process
from .results import solution_rows, to_rdflib_result

__all__ = ["OxigraphStore", "is_store_path", "INCOMPLETE", "WRITING"]

#: A file in every folder that holds an Oxigraph (RocksDB) store.
_MARKER = "CURRENT"
#: Quads gathered per bulk load (loading 125,000 takes Oxigraph ~120 MB, 250,000 ~230 MB; two load
#: at once, beside the build's own memory: a full BBC build with --jobs 2 peaked at 1.25 GB with 125,000).
_BULK_BATCH = 80_000
#: Bulk loads that run at once, each in its own thread (Oxigraph parses and sorts one load on one core).
_LOADERS = 2

#: Formats pyoxigraph's bulk loader reads straight from a file (the others go through kg's guarded reader).
_BULK_LOADED = frozenset({"nq", "trig", "ttl", "nt"})


def is_store_path(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph store (as ``--store PATH`` makes)."""
    path = Path(path)
    return path.is_dir() and (path / _MARKER).is_file()


class OxigraphStore(Store):
    """A kg graph kept in Oxigraph.

    Parameters
    ----------
    path : str or Path, optional
        Folder of an on-disk store (created if missing); in memory when None.
    read_only : bool
        Open an existing on-disk store without taking its write lock, so that
        queries can run while another process builds into it.

    Examples
    --------
    >>> store = OxigraphStore()
    >>> store.add([ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("b"),
    ...                    ox.NamedNode("http://x/g"))])
    >>> [row["o"] for row in store.rows("SELECT ?o WHERE { ?s ?p ?o }")]
    ['b']
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.location = str(path) if path is not None else None
        self.read_only = read_only
        #: The prefixes the graph files loaded into it declare (:meth:`load_file`), beside kg's.
        self.file_prefixes: dict[str, str] = {}
        self._bulk = False
        self._pending: list[ox.Quad] = []  # quads gathered for the next bulk load
        self._pending_data: list[bytes] = []  # and N-Quads made elsewhere (add_nquads)
        self._pending_lines = 0  # the quads in _pending_data
        self._loader: ThreadPoolExecutor | None = None  # the threads that bulk-load, within loading()
        self._loaded: list[Future[None]] = []  # the bulk loads in flight, oldest first
        #: Set when the store was the half-loaded result of an interrupted first build, and was emptied.
        self.restarted = False
        #: For a store opened read-only while a build adds to it: that build's process ("pid N").
        self.being_written = running_builder(Path(path) / WRITING) if path is not None and read_only else None
        interrupted = path is not None and (Path(path) / INCOMPLETE).exists()
        if path is not None and interrupted and read_only:
            builder = running_builder(Path(path) / INCOMPLETE)
            if builder is not None:
                raise GraphFileError(f"{path}: a build is still writing this store ({builder}); try again when it ends")
            raise GraphFileError(
                f"{path}: this store was left incomplete by an interrupted first build; "
                "build into it again (kg build ... --store PATH) to finish it"
            )
        store = _open(path, read_only)
        #: The pyoxigraph store; None once :meth:`close` has released it.
        self.store: ox.Store | None = store
        if interrupted and path is not None:
            # It holds part of a first build and nothing else: empty it, so that this build starts over.
            store.clear()
            store.flush()
            (Path(path) / INCOMPLETE).unlink()
            self.restarted = True

    @classmethod
    def from_file(cls, path: str | Path) -> OxigraphStore:
        """A new in-memory store holding a graph file, or a build folder's (see :meth:`load_file`):
        what :func:`kg.load` reads a file into, and ``kg query``, ``kg stats`` ... query.

        Raises
        ------
        kg.errors.GraphFileError
            If the file is missing, refused (see :mod:`kg.store.foreign`) or does not parse.
        """
        store = cls()
        store.load_file(path)
        return store

    @classmethod
    def wrapping(cls, store: ox.Store) -> OxigraphStore:
        """A pyoxigraph ``Store`` made elsewhere, seen as a kg store (queries read the union of its graphs)."""
        wrapped = cls()
        wrapped.store = store
        return wrapped

    def __repr__(self) -> str:
        return f"OxigraphStore({self.location!r})" if self.location else "OxigraphStore(in memory)"

    @property
    def _open_store(self) -> ox.Store:
        """The pyoxigraph store, or an error once :meth:`close` has released it."""
        if self.store is None:
            raise GraphFileError(f"{self!r}: the store is closed")
        return self.store

    @property
    def _folder(self) -> Path:
        """The folder of an on-disk store (only those bulk-load and leave markers)."""
        if self.location is None:
            raise GraphFileError(f"{self!r}: an in-memory store has no folder")
        return Path(self.location)

    def __len__(self) -> int:
        return len(self._open_store)

    # --- writing ---------------------------------------------------------------------

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction: all of them are stored, or none (see :meth:`loading`)."""
        if self._bulk:
            # Each bulk load writes new files: gather quads into few large loads.
            self._pending.extend(quads)
            if len(self._pending) + self._pending_lines >= _BULK_BATCH:
                self._load_pending()
        else:
            with self._writing():
                self._open_store.extend(quads)

    def add_nquads(self, data: bytes) -> None:
        """Add quads given as N-Quads (made by ``pyoxigraph.serialize``, in a worker process, say),
        with no blank node: as :meth:`add` does (part of the bulk load within :meth:`loading`)."""
        if self._bulk:
            self._pending_data.append(data)
            self._pending_lines += data.count(b"\n")
            if len(self._pending) + self._pending_lines >= _BULK_BATCH:
                self._load_pending()
        else:
            with self._writing():
                self._open_store.load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a failed write (a full disk, a removed folder) into one clear error: each write is
        one transaction, so what was written before stays whole."""
        try:
            yield
        except OSError as error:
            reason = " ".join(str(error).split())[:200]
            raise GraphFileError(
                f"{self.location or 'the in-memory store'}: writing the store failed ({reason}); "
                "what was written before stays whole: run the same build again to finish"
            ) from None

    def loading(self) -> contextlib.AbstractContextManager[None]:
        """Within this block, a new (empty) on-disk store is bulk-loaded.

        Oxigraph's transactional writes cost ~20 µs a quad on disk; its bulk
        loader about half of that (~11 µs). A first build has nothing to
        protect, so it bulk-loads; a marker file says the store is incomplete
        until the block ends, and an interrupted first build leaves a store that
        refuses to open (the next build into it starts over). Adding to a store
        that holds data always uses one transaction per document.

        The loads run in background threads, two at a time: Oxigraph releases the
        GIL while it loads, so the build goes on making the next quads meanwhile,
        and a load (parsing and sorting its quads on one core) has another beside
        it (on the BBC corpus the write phase went from 48 s to 32 s with one thread).
        Only :meth:`add` may be called within the block: a query or an update
        would race the load in flight.

        When the store holds data, the block only leaves a ``KG-WRITING`` marker
        naming this process, so that readers can say a build is adding to it.
        """
        if self.location is None:
            return contextlib.nullcontext()
        return self._adding() if not self.is_empty() else self._bulk_loading()

    @contextlib.contextmanager
    def _adding(self) -> Iterator[None]:
        """:meth:`loading` into a store that holds data: a ``KG-WRITING`` marker while it runs."""
        marker = self._folder / WRITING
        with contextlib.suppress(OSError):  # a note for readers: a full disk must not stop the build here
            marker.write_text("a kg build is adding to this store\n" + this_process(), encoding="utf-8")
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                marker.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _bulk_loading(self) -> Iterator[None]:
        """:meth:`loading` into a new on-disk store: bulk loads, and a ``KG-INCOMPLETE`` marker until done."""
        marker = self._folder / INCOMPLETE
        try:
            marker.write_text(
                "a first kg build is loading this store, or was interrupted\n" + this_process(), encoding="utf-8"
            )
        except OSError as error:
            raise GraphFileError(
                f"{marker}: cannot write it ({error.strerror or error}); nothing was written to the store"
            ) from None
        self._bulk, self._pending, self._loader, self._loaded = True, [], ThreadPoolExecutor(_LOADERS), []
        self._pending_data, self._pending_lines = [], 0
        try:
            yield
            self._load_pending()
            self._wait_for_load()
            self._open_store.flush()
            marker.unlink()
        except BaseException:
            with contextlib.suppress(OSError):  # the build has stopped, though its process may go on
                marker.write_text("a first kg build into this store failed or was interrupted\n", encoding="utf-8")
            raise
        finally:
            try:
                while self._loaded:
                    with contextlib.suppress(Exception):  # the error that stopped the build is the one to report
                        self._wait_for_load()
            finally:  # even if a second Ctrl-C cuts the wait short
                if self._loader is not None:  # set above, unless a first Ctrl-C came between
                    self._loader.shutdown(wait=False, cancel_futures=True)
                self._bulk, self._pending, self._loader, self._loaded = False, [], None, []
                self._pending_data, self._pending_lines = [], 0

    def _load_pending(self) -> None:
        batch, self._pending = self._pending, []
        made, self._pending_data, self._pending_lines = self._pending_data, [], 0
        if not batch and not made:
            return
        terms = (term for quad in batch for term in (quad.subject, quad.object, quad.graph_name))
        if any(isinstance(term, ox.BlankNode) for term in terms):
            # Each bulk_load renames blank nodes, which would split one node across two batches.
            self._wait_for_load()
            self._open_store.bulk_extend(batch)
            batch = []
            if not made:
                return
        # N-Quads bytes cost ~0.8 µs a quad to make here, and let Oxigraph parse and load
        # them without the GIL; at most _LOADERS batches load while the next is gathered.
        data = b"".join([(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"") if batch else b"", *made])
        del batch, made
        self._wait_for_load(keep=_LOADERS - 1)
        if self._loader is None:  # only loading() sets _bulk, and with it the loader
            raise RuntimeError("bulk load outside OxigraphStore.loading()")
        self._loaded.append(
            self._loader.submit(self._open_store.bulk_load, input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
        )  # the quads were checked when they were made

    def _wait_for_load(self, keep: int = 0) -> None:
        """Wait for the loads in flight, oldest first, until at most ``keep`` are left."""
        while len(self._loaded) > keep:
            loaded = self._loaded.pop(0)
            try:
                loaded.result()
            except (OSError, ValueError, SyntaxError) as error:  # a full disk, a removed folder
                reason = " ".join(str(error).split())[:200]
                raise GraphFileError(
                    f"{self.location}: writing the store failed ({reason}); it is left incomplete: build into it again"
                ) from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction)."""
        with self._writing():
            self._open_store.update(sparql)

    def drop_graphs(self, names: Iterable[str]) -> None:
        """Remove named graphs (IRIs) and everything in them."""
        for name in names:
            node = ox.NamedNode(name)
            if self._open_store.contains_named_graph(node):
                with self._writing():
                    self._open_store.remove_graph(node)

    def load_file(self, path: str | Path) -> None:
        """Add the quads of an RDF file (format from its suffix; triples go to the default graph),
        or of a build folder's graph file, all or none; the prefixes it declares join
        :attr:`file_prefixes`.

        The file is read twice: once by kg's guarded streaming reader
        (:func:`kg.store.foreign.read_quads`: what it may cost, and the one-line error of a
        file that does not parse), then by Oxigraph's bulk loader, which keeps it (without
        the GIL, ~3x faster than adding the quads from Python). RDF/XML and JSON-LD are
        kept from the guarded reader itself.
        """
        path = Path(graph_file(path))
        rdf_format = by_suffix(path)
        if not path.is_file():
            raise GraphFileError(f"{path}: not a regular file")
        declared: dict[str, str] = {}
        if rdf_format.key not in _BULK_LOADED:  # JSON-LD, RDF/XML: only through the reader's guards
            quads = list(read_quads(path, rdf_format, declared))  # all or nothing
            self.add(quads)
        else:
            declared = check_cost(path, rdf_format)
            try:
                with self._writing():
                    self._open_store.bulk_load(path=str(path), format=rdf_format.oxigraph, base_iri=base_iri(path))
            except (SyntaxError, ValueError) as error:
                raise GraphFileError(f"{path}: not valid RDF: {' '.join(str(error).split())[:300]}") from None
        self.file_prefixes.update(declared)

    def flush(self) -> None:
        """Make what was written durable (on-disk stores)."""
        if self.location is not None and not self.read_only:
            with self._writing():
                self._open_store.flush()

    def close(self) -> None:
        """Write everything out and release the store (its folder can then be opened for writing again)."""
        if self.store is not None:
            self.flush()
            self.store = None

    # --- reading ---------------------------------------------------------------------

    def raw_query(self, sparql: str, **options: Any) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query on the union of the graphs; pyoxigraph's own result."""
        try:
            try:
                return self._open_store.query(sparql, use_default_graph_as_union=True, **options)
            except (OSError, RuntimeError) as error:
                if not (self.read_only and raced(error)):
                    raise
                self.store = open_read_only(self._folder)  # a newer view, whose files are all there
                return self.store.query(sparql, use_default_graph_as_union=True, **options)
        except (SyntaxError, ValueError, OSError, RuntimeError) as error:
            raise KgError(f"query failed: {' '.join(str(error).split())[:300]}") from None

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Result:
        """Run a SPARQL query; an rdflib ``Result`` (rows, graph or boolean), as rdflib's own queries give.

        ``bindings`` gives variables values (rdflib terms); ``prefixes`` may be used undeclared.
        """
        substitutions = {ox.Variable(str(k)): to_oxigraph(v) for k, v in (bindings or {}).items()}
        declared = dict(prefixes) if prefixes else None
        result = self.raw_query(sparql, substitutions=substitutions or None, prefixes=declared)
        try:
            return to_rdflib_result(result)  # Oxigraph evaluates as the solutions are read: errors come here too
        except (SyntaxError, ValueError, OSError, RuntimeError) as error:
            raise KgError(f"query failed: {' '.join(str(error).split())[:300]}") from None

    def rows(self, sparql: str) -> Iterator[Row]:
        """The solutions of a SELECT as dicts of plain strings (None when unbound)."""
        return solution_rows(self.raw_query(sparql))

    def prefixes(self) -> dict[str, str]:
        """kg's prefixes (``kg:``, ``rdfs:`` ...), and those of the graph files loaded into it
        (:attr:`file_prefixes`; where a file gives one of kg's names another IRI, kg's stands)."""
        return self.file_prefixes | prefixes()

    def is_empty(self) -> bool:
        """Whether the store holds no quad (without counting them)."""
        return next(iter(self._open_store.quads_for_pattern(None, None, None, None)), None) is None

    def quads(self, predicate: str | None = None, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads (of one predicate, of one named graph, when given)."""
        return self._open_store.quads_for_pattern(
            None, ox.NamedNode(predicate) if predicate else None, None, ox.NamedNode(graph) if graph else None
        )

    def to_dataset(self) -> Dataset:
        """The store's content as an rdflib dataset (for the Python API; slow on big stores)."""
        dataset = new_graph()
        bound = {str(namespace) for _, namespace in dataset.namespaces()}
        for prefix, namespace in self.prefixes().items():
            if namespace not in bound:  # a file's own prefixes, after kg's (which stand)
                dataset.bind(prefix, namespace, override=False)
        for quad in self._open_store:
            subject, predicate, obj, name = quad_to_rdflib(quad)
            # rdflib keeps a quad whose graph is None apart from the default graph: add a triple then.
            # It takes a graph's name as the context (it looks the graph up), though it annotates a Graph.
            dataset.add((subject, predicate, obj) if name is None else (subject, predicate, obj, name))  # type: ignore[arg-type]
        return dataset

    def dump(self, fmt: str = "nq") -> bytes:
        """The store's content in N-Quads, TriG (named graphs), Turtle or N-Triples (their union).

        Raises
        ------
        ValueError
            For any other format (see :meth:`kg.store.base.Store.dump`).
        """
        return dump_store(self._open_store, fmt)


def _open(path: str | Path | None, read_only: bool) -> ox.Store:
    """The pyoxigraph store at ``path`` (in memory for None), or a clear error."""
    try:
        if path is None:
            return ox.Store()
        if read_only:
            if not is_store_path(path):
                raise GraphFileError(f"{path}: no kg store here (kg build --store {path} makes one)")
            return open_read_only(path)
        Path(path).mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as error:
        message = " ".join(str(error).split())
        if "lock" in message.lower():
            raise GraphFileError(
                f"{path}: the store is open for writing elsewhere (another kg build?); "
                "wait for it, or read it while it is written with kg query/stats/render"
            ) from None
        raise GraphFileError(f"{path}: cannot open the store: {message[:200]}") from None
