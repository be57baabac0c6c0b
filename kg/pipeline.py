"""``build()``: read inputs → open target → analyse → link → write. The only orchestrator."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import importlib.metadata
import itertools
import json
import logging
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from .analyse.nlp import resolve_model_name
from .analyse.run import analyse
from .errors import InputWarning, KgError, ReadError
from .graph import KnowledgeGraph
from .model import Aliases, BuildActivity, Document, EntityTable, Extraction
from .rdf import DEFAULT_BASE
from .rdf.iri import check_base, corpus_graph_iri, document_graph_iri
from .rdf.mapping import Nodes, document_quads, ontology_quads, quad_batches
from .read import build_date_wins, document_from_text, iter_documents
from .read.text import check_date
from .resolve import link_entities, read_aliases
from .store import Store, open_store
from .store.corpus import document_graphs, known_entities, write_documents
from .store.oxigraph import OxigraphStore
from .vocab import ONTOLOGY_IRI

__all__ = ["BuildOptions", "BuildReport", "build", "build_text", "run_build"]

logger = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a build did: counts and time."""

    documents: int
    failed: int
    words: int
    seconds: float
    replaced: int = 0  # documents that were already in the graph added to, and were rebuilt


@dataclass(frozen=True)
class BuildOptions:
    """How a build runs: everything :func:`build` takes besides its inputs.

    :func:`build` fills one from its keyword arguments and the ``kg build`` command
    from its options; the field defaults are the library's defaults, which the CLI shows.

    Attributes
    ----------
    model : str, optional
        spaCy pipeline to use (default: ``en_core_web_sm``, else its repackaging).
    date : str, optional
        Publication date (YYYY-MM-DD) of documents that carry none, and of every web page (it wins over
        the page's metadata, which wins over its dateline).
    base : str, optional
        Base IRI of the graph's nodes.
    jobs : int
        Processes that parse and extract (each runs ``nlp.pipe`` on chunks of
        documents), or workers of a new Dask cluster. Once linking is over, a first
        build into an Oxigraph store maps its documents to quads in as many worker
        processes (at least two on a machine with two cores: the parse is over).
    progress : callable, optional
        Called with ``(documents, words)`` as each chunk of documents is analysed;
        its ``total(n)`` method, if it has one, first with the number to analyse.
    aliases : path or Aliases, optional
        An alias file (``surface<TAB>canonical``, or ``<TAB>!name`` to forbid a
        merge; see :mod:`kg.resolve.aliases`).
    into : KnowledgeGraph, optional
        A graph to add the documents to: names it already has link to its
        entity nodes (same IRI and label); a document it already holds is
        replaced (its named graph is rebuilt, nothing is duplicated). The
        returned graph holds both; ``into`` is not changed.
    store : str, Path, OxigraphStore or RemoteStore, optional
        A persistent store to add the documents to, in place (a folder for an
        on-disk Oxigraph store, or the URL of a SPARQL endpoint); as with
        ``into``, only the new documents are analysed and their names link to
        the entities already there. Without it the graph is kept in memory.
    engine : {"local", "dask"}
        Where documents are analysed: local processes, or a Dask cluster.
    scheduler : str, optional
        Address of a running Dask scheduler (implies ``engine="dask"``); without
        one, ``engine="dask"`` starts a ``LocalCluster`` of ``jobs`` workers.
    fetch : bool
        Fetch the URLs among the sources (pages and feeds, :mod:`kg.read.fetch`); without
        it a URL is an input that cannot be read: kg touches the network only when asked.
    """

    model: str | None = None
    date: str | None = None
    base: str | None = None
    jobs: int = 1
    progress: Callable[[int, int], None] | None = None
    aliases: str | Path | Aliases | None = None
    into: KnowledgeGraph | None = None
    store: str | Path | Store | None = None
    engine: str = "local"
    scheduler: str | None = None
    fetch: bool = False

    def checked(self) -> BuildOptions:
        """These options with the date and base checked, the model named and the aliases read.

        Raises
        ------
        kg.errors.KgError
            For a bad date or base IRI, a missing model or an unreadable alias file.
        """
        aliases = self.aliases
        date = check_date(self.date, "--date")
        base = check_base(self.base or DEFAULT_BASE)
        model = resolve_model_name(self.model)
        if aliases is not None and not isinstance(aliases, Aliases):
            aliases = read_aliases(aliases)
        return dataclasses.replace(self, date=date, base=base, model=model, aliases=aliases)


def build(
    sources: Iterable[str | Path] | str | Path = (),
    *,
    documents: Iterable[Document] = (),
    model: str | None = None,
    date: str | None = None,
    base: str | None = None,
    jobs: int = BuildOptions.jobs,
    progress: Callable[[int, int], None] | None = None,
    aliases: str | Path | Aliases | None = None,
    into: KnowledgeGraph | None = None,
    store: str | Path | Store | None = None,
    engine: str = BuildOptions.engine,
    scheduler: str | None = None,
    fetch: bool = False,
) -> KnowledgeGraph:
    """Build a knowledge graph from news files and/or documents.

    Parameters
    ----------
    sources : path or iterable of paths
        Text files (first line: headline), JSONL files, RSS or Atom feeds, or folders of them;
        with ``fetch=True``, URLs of pages and feeds too.
    documents : iterable of Document
        Documents made in memory (see :func:`kg.document`).
    model, date, base, jobs, progress, aliases, into, store, engine, scheduler, fetch
        How the build runs: the fields of :class:`BuildOptions`, documented there
        (a spaCy pipeline, the date of undated documents, the base IRI, processes,
        a progress callback, an alias file, a graph or a store to add to, Dask, fetching URLs).

    Returns
    -------
    KnowledgeGraph
        With ``.errors`` listing inputs that could not be read (skipped),
        ``.warnings`` what was read with a guess (an encoding) or split, and
        ``.report`` the counts and time.

    Raises
    ------
    kg.errors.ModelError
        If the spaCy pipeline cannot be loaded.
    """
    options = BuildOptions(
        model=model,
        date=date,
        base=base,
        jobs=jobs,
        progress=progress,
        aliases=aliases,
        into=into,
        store=store,
        engine=engine,
        scheduler=scheduler,
        fetch=fetch,
    )
    return run_build(sources, options, documents=documents)


def run_build(
    sources: Iterable[str | Path] | str | Path, options: BuildOptions, *, documents: Iterable[Document] = ()
) -> KnowledgeGraph:
    """Build a knowledge graph with ``options``: read inputs → open target → analyse → link → write.

    See :func:`build`, which takes the options as keyword arguments.
    """
    started = time.perf_counter()
    options = options.checked()  # bad options fail before any work is done
    base, aliases = cast(str, options.base), cast("Aliases | None", options.aliases)  # as checked() makes them
    inputs = _read_inputs(sources, documents, options.date, fetch=options.fetch)
    target = _open_target(options, [d.id for d in inputs.documents])
    extractions, words = _analyse(inputs, options)
    _log_phase("analysed", started)
    entities, replaced = _link(extractions, target, aliases=aliases, base=base)
    _log_phase("linked", started)
    activity = build_activity(options)
    _write(target, extractions, entities, base=base, replaced=replaced, activity=activity, jobs=options.jobs)
    _log_phase("written", started)
    report = BuildReport(
        documents=len(extractions),
        failed=len(inputs.errors),
        words=words,
        seconds=time.perf_counter() - started,
        replaced=len(replaced),
    )
    return KnowledgeGraph(store=target.store, errors=inputs.errors, warnings=inputs.warnings, report=report)


@dataclass
class _Inputs:
    """The documents to build, and what went wrong or was guessed reading (and analysing) them."""

    documents: list[Document] = field(default_factory=list)
    errors: list[KgError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)


def _read_inputs(
    sources: Iterable[str | Path] | str | Path, documents: Iterable[Document], date: str | None, *, fetch: bool = False
) -> _Inputs:
    """Read the files, add the in-memory documents, skip a repeated id, and date the undated ones.

    The default ``date`` is applied here only, after reading: a document's own date
    (a JSONL ``date``, a date line after a text's headline, a Document's ``date``) wins, except a
    web page's: there ``date`` wins, then the page's metadata, then its dateline (:func:`build_date_wins`).
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    inputs = _Inputs()
    seen: set[str] = set()
    for item in [*iter_documents(sources, fetch=fetch), *documents]:
        if isinstance(item, InputWarning):
            inputs.warnings.append(item)
        elif isinstance(item, ReadError):
            logger.debug("cannot read %s", item)
            inputs.errors.append(item)
        elif item.id in seen:
            inputs.errors.append(ReadError(item.source or item.id, f"duplicate document id {item.id!r}; skipped"))
        else:
            seen.add(item.id)
            dated = date and (not item.date or build_date_wins(item))
            inputs.documents.append(dataclasses.replace(item, date=date) if dated else item)
    return inputs


@dataclass
class _Target:
    """Where the build writes: the store, whether it was empty, and the named graph of each
    document it already holds (by document id)."""

    store: Store
    fresh: bool
    held: dict[str, str]


def _open_target(options: BuildOptions, ids: list[str]) -> _Target:
    """The store to add to (``options.store``), or a new in-memory one holding ``options.into``."""
    if options.store is not None:
        store = open_store(options.store) if isinstance(options.store, (str, Path)) else options.store
    else:
        store = open_store(None)
        if options.into is not None:
            options.into.copy_to(store)
    fresh = store.is_empty()
    return _Target(store=store, fresh=fresh, held=document_graphs(store, ids) if not fresh else {})


def _analyse(inputs: _Inputs, options: BuildOptions) -> tuple[list[Extraction], int]:
    """The extractions of the documents and their words; a document that fails becomes an error."""
    progress = options.progress
    total = getattr(progress, "total", None)  # a progress bar may want to know the number first
    if total is not None:
        total(len(inputs.documents))
    extractions: list[Extraction] = []
    words = 0
    from .extract import extract  # lazily: it loads spaCy, which `kg --help` and queries never need

    sources_of = {d.id: d.source or d.id for d in inputs.documents}
    for doc_id, extraction, count, notes in analyse(
        inputs.documents,
        work=extract,
        model=options.model,
        jobs=options.jobs,
        engine=options.engine,
        scheduler=options.scheduler,
        progress=progress,
    ):
        if extraction is None:
            inputs.errors.extend(ReadError(sources_of[doc_id], note) for note in notes)
            continue
        inputs.warnings.extend(InputWarning(sources_of[doc_id], note) for note in notes)
        extractions.append(extraction)
        words += count
    return extractions, words


def _link(
    extractions: list[Extraction], target: _Target, *, aliases: Aliases | None, base: str
) -> tuple[EntityTable, list[str]]:
    """The entities of the extractions (linked to those the target holds), and the named graphs replaced."""
    names = [m.text for e in extractions for m in e.mentions]
    if aliases is not None:
        names += [*aliases.merge, *aliases.merge.values()]
    replaced = sorted({target.held[e.document.id] for e in extractions if e.document.id in target.held})
    known = known_entities(target.store, names, base=base, replacing=replaced) if not target.fresh else ()
    return link_entities(extractions, aliases=aliases, known=known), replaced


def build_activity(options: BuildOptions) -> BuildActivity:
    """The build ``options`` (checked) describe, as its ``prov:Activity`` records it: kg's version, the
    extractor, and the options that change what is written (the model and its version, the default date,
    the aliases)."""
    chosen = [("model", str(options.model))]
    # An installed model package has a version; a model folder given by path may not.
    with contextlib.suppress(importlib.metadata.PackageNotFoundError, ValueError):
        chosen.append(("model version", importlib.metadata.version(str(options.model))))
    if options.date:
        chosen.append(("date", options.date))
    aliases = options.aliases
    if isinstance(aliases, Aliases) and (aliases.merge or aliases.forbid):
        content = json.dumps([sorted(aliases.merge.items()), sorted(sorted(pair) for pair in aliases.forbid)])
        chosen.append(("aliases", hashlib.sha1(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]))
    return BuildActivity(options=tuple(chosen))


def _write(
    target: _Target,
    extractions: list[Extraction],
    entities: EntityTable,
    *,
    base: str,
    replaced: list[str],
    activity: BuildActivity,
    jobs: int = 1,
) -> None:
    """Map the extractions to quads and write them, with the ontology, into the target's store."""
    store = target.store
    if target.fresh and isinstance(store, OxigraphStore) and len(extractions) >= MAP_IN_WORKERS_FROM:
        _write_mapped_in_workers(store, extractions, entities, base=base, activity=activity, jobs=jobs)
        return
    with store.loading():
        batches = quad_batches(extractions, entities, base=base, activity=activity)
        write_documents(
            store,
            itertools.chain(batches, [(str(ONTOLOGY_IRI), list(ontology_quads()))]),
            corpus_graph=str(corpus_graph_iri(base)),
            replace=replaced,
            fresh=target.fresh,
        )
    store.flush()


#: Documents from which a first build into an Oxigraph store maps them in worker processes
#: (fewer are mapped sooner here than a process starts).
MAP_IN_WORKERS_FROM = 16
#: Documents mapped per task sent to a worker (one N-Quads text comes back for them).
MAP_CHUNK = 16


def _write_mapped_in_workers(
    store: OxigraphStore,
    extractions: list[Extraction],
    entities: EntityTable,
    *,
    base: str,
    activity: BuildActivity,
    jobs: int,
) -> None:
    """Write a first build into an empty Oxigraph store: worker processes (``jobs``, and at least
    two where there are two cores) map the documents to N-Quads while this process only loads
    them (Oxigraph parses and loads them without the GIL, two loads at a time).

    Once linking is over, a document's quads depend only on it and the build's :class:`Nodes`,
    so they can be made anywhere and in any order: the store holds the same quads as when
    :func:`kg.store.corpus.write_documents` writes them one document at a time. The corpus and
    names graphs (made from the whole build) and the ontology are made here, while the workers map.
    """
    nodes = Nodes.of(entities, base, activity=activity)
    # The parse is over: every core may map, even in a one-process build (the loads run beside them).
    workers = max(1, jobs, min(2, os.cpu_count() or 1))
    forked = "fork" in multiprocessing.get_all_start_methods()
    # Forked workers inherit the nodes and the extractions (nothing is pickled to them); spawned
    # ones are sent the nodes once each, and the extractions of each task.
    context = multiprocessing.get_context("fork" if forked else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_mapping,
        initargs=(nodes, extractions if forked else None),
    )
    try:
        starts = range(0, len(extractions), MAP_CHUNK)
        tasks: Iterator[range | list[Extraction]] = (
            range(i, min(i + MAP_CHUNK, len(extractions))) if forked else extractions[i : i + MAP_CHUNK] for i in starts
        )
        waited = [0.0]  # seconds this process waited for the workers' N-Quads
        # The first tasks start the workers (forked all at once), before the store's loader threads start.
        # Frozen, the objects the workers inherit (the model, the extractions) are left out of their
        # garbage collections, which would otherwise write to, and so copy, every page that holds them.
        gc.freeze()
        try:
            mapped = _bounded_map(pool, tasks, window=2 * workers + 2, waited=waited)
        finally:
            gc.unfreeze()
        started = time.perf_counter()
        with store.loading():
            # What quad_batches yields before the documents' graphs (the corpus and names graphs): the
            # graphs made from the whole build. The first document's graph ends them.
            first = str(document_graph_iri(base, extractions[0].document.id))
            batches = quad_batches(extractions, entities, base=base, activity=activity)
            corpus = list(itertools.takewhile(lambda batch: batch[0] != first, batches))
            store.add([quad for _, quads in corpus for quad in quads])
            store.add(ontology_quads())
            made = time.perf_counter() - started
            for data in mapped:
                store.add_nquads(data)
            handed = time.perf_counter() - started
        logger.info(
            "write: corpus and names graphs made in %.1f s; the documents' N-Quads mapped by %d worker(s), "
            "waited for %.1f s; all handed to the loaders after %.1f s, loaded after %.1f s",
            made,
            workers,
            waited[0],
            handed,
            time.perf_counter() - started,
        )
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # interrupted or failed: do not wait for the rest
        raise
    pool.shutdown()
    store.flush()


def _bounded_map(
    pool: ProcessPoolExecutor, tasks: Iterator[range | list[Extraction]], *, window: int, waited: list[float]
) -> Iterator[bytes]:
    """The results of :func:`_map_nquads` on ``tasks``, in order, with at most ``window`` tasks
    submitted and not yet taken: the N-Quads made ahead of the loads wait in memory. ``waited[0]``
    adds up the seconds spent waiting for a result."""
    pending: deque[Future[bytes]] = deque(pool.submit(_map_nquads, task) for task in itertools.islice(tasks, window))

    def results() -> Iterator[bytes]:
        while pending:
            started = time.perf_counter()
            data = pending.popleft().result()
            waited[0] += time.perf_counter() - started
            pending.extend(pool.submit(_map_nquads, task) for task in itertools.islice(tasks, 1))
            yield data

    return results()  # the first tasks are submitted now, not when the results are first asked for


#: What a mapping worker maps from: the build's nodes, and (forked) every extraction of the build.
_MAPPING: tuple[Nodes, list[Extraction] | None] | None = None


def _start_mapping(nodes: Nodes, extractions: list[Extraction] | None) -> None:
    """A mapping worker's initializer: keep the build's nodes (and extractions) for its tasks."""
    global _MAPPING
    _MAPPING = (nodes, extractions)


def _map_nquads(task: range | list[Extraction]) -> bytes:
    """The N-Quads of the named graphs of some documents: their indexes in the build's
    extractions (forked workers), or the extractions themselves."""
    if _MAPPING is None:
        raise RuntimeError("a mapping task outside a mapping worker")
    nodes, extractions = _MAPPING
    chosen = task if isinstance(task, list) else [extractions[i] for i in task] if extractions else []
    quads = [quad for extraction in chosen for quad in document_quads(extraction, nodes)[1]]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""  # bytes, as no output file is given


def build_text(
    text: str, *, doc_id: str = "text", title: str | None = None, date: str | None = None, **options: Any
) -> KnowledgeGraph:
    """Build a graph from one news text given as a string (first line: headline).

    Examples
    --------
    >>> graph = build_text("Rebels reject truce\\nThe rebels rejected the truce.")
    >>> graph.report.documents, sorted(graph.stats().items())[0]
    (1, ('concepts', 2))
    """
    document = document_from_text(text, doc_id=doc_id, title=title, date=date)
    return build(documents=[document], **options)


def _log_phase(name: str, started: float) -> None:
    """Log (at -v) how long the build has run and this process's peak memory so far."""
    if logger.isEnabledFor(logging.INFO):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        logger.info("%s after %.1f s; peak memory of this process %.0f MB", name, time.perf_counter() - started, peak)
