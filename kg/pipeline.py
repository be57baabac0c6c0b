"""``build()``: read → analyse → extract → resolve → map. The only orchestrator."""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputWarning, KgError, ReadError
from .graph import KnowledgeGraph
from .model import Aliases, Document, Extraction

__all__ = ["build", "build_text", "BuildReport"]

logger = logging.getLogger(__name__)



@dataclass
class BuildReport:
    """What a build did: counts and time."""

    documents: int
    failed: int
    words: int
    seconds: float
    replaced: int = 0  # documents that were already in the graph added to, and were rebuilt


def build(
    sources: Iterable[str | Path] | str | Path = (),
    *,
    documents: Iterable[Document] = (),
    model: str | None = None,
    date: str | None = None,
    base: str | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    aliases: str | Path | Aliases | None = None,
    into: KnowledgeGraph | None = None,
    store=None,
    engine: str = "local",
    scheduler: str | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from news files and/or documents.

    Parameters
    ----------
    sources : path or iterable of paths
        Text files (first line: headline), JSONL files, or folders of them.
    documents : iterable of Document
        Documents made in memory (see :func:`kg.document`).
    model : str, optional
        spaCy pipeline to use (default: ``en_core_web_sm``, else its repackaging).
    date : str, optional
        Publication date (YYYY-MM-DD) of documents that carry none.
    base : str, optional
        Base IRI of the graph's nodes.
    jobs : int
        Processes that parse and extract (each runs ``nlp.pipe`` on chunks of
        documents), or workers of a new Dask cluster.
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
    from .analyse.nlp import resolve_model_name
    from .analyse.run import analyse
    from .extract import extract  # lazy, like the imports around it: it imports spaCy
    from .rdf import DEFAULT_BASE
    from .rdf.iri import check_base, corpus_graph_iri
    from .rdf.mapping import ontology_quads, quad_batches
    from .rdf.vocab import ONTOLOGY_IRI
    from .read import iter_documents
    from .read.text import check_date
    from .resolve import link_entities, read_aliases
    from .store import open_store
    from .store.corpus import document_graphs, known_entities, write_documents

    started = time.perf_counter()
    date = check_date(date, "--date")  # bad options fail before any work is done
    base = check_base(base or DEFAULT_BASE)
    model = resolve_model_name(model)
    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = read_aliases(aliases)
    if isinstance(sources, (str, Path)):
        sources = [sources]
    errors: list[KgError] = []
    good: list[Document] = []
    seen: set[str] = set()
    warnings: list[InputWarning] = []
    for item in [*iter_documents(sources, date=date), *documents]:
        if isinstance(item, InputWarning):
            warnings.append(item)
        elif isinstance(item, ReadError):
            logger.debug("cannot read %s", item)
            errors.append(item)
        elif item.id in seen:
            errors.append(ReadError(item.source or item.id, f"duplicate document id {item.id!r}; skipped"))
        else:
            seen.add(item.id)
            good.append(item if item.date or not date else _with_date(item, date))

    if store is not None:
        target = open_store(store) if isinstance(store, (str, Path)) else store
    else:
        target = open_store(None)
        if into is not None:
            into.copy_to(target)
    fresh = target.is_empty()
    held = document_graphs(target, [d.id for d in good]) if not fresh else {}

    if hasattr(progress, "total"):
        progress.total(len(good))
    extractions: list[Extraction] = []
    words = 0
    sources_of = {d.id: d.source or d.id for d in good}
    for doc_id, extraction, count, notes in analyse(good, work=extract, model=model, jobs=jobs, engine=engine,
                                                    scheduler=scheduler, progress=progress):
        if extraction is None:
            errors.extend(ReadError(sources_of[doc_id], note) for note in notes)
            continue
        warnings.extend(InputWarning(sources_of[doc_id], note) for note in notes)
        extractions.append(extraction)
        words += count
    _log_phase("analysed", started)
    names = [m.text for e in extractions for m in e.mentions]
    if aliases is not None:
        names += [*aliases.merge, *aliases.merge.values()]
    replaced = sorted({held[e.document.id] for e in extractions if e.document.id in held})
    known = known_entities(target, names, base=base, replacing=replaced) if not fresh else ()
    entities = link_entities(extractions, aliases=aliases, known=known)
    _log_phase("linked", started)
    loading = target.loading() if hasattr(target, "loading") else contextlib.nullcontext()
    with loading:
        batches = quad_batches(extractions, entities, base=base)
        write_documents(target, itertools.chain(batches, [(str(ONTOLOGY_IRI), list(ontology_quads()))]),
                        corpus_graph=str(corpus_graph_iri(base)), replace=replaced, fresh=fresh)
    target.flush()
    _log_phase("written", started)
    report = BuildReport(documents=len(extractions), failed=len(errors), words=words,
                         seconds=time.perf_counter() - started, replaced=len(replaced))
    return KnowledgeGraph(store=target, errors=errors, warnings=warnings, report=report)


def build_text(text: str, *, doc_id: str = "text", title: str | None = None, date: str | None = None,
               **options) -> KnowledgeGraph:
    """Build a graph from one news text given as a string (first line: headline).

    Examples
    --------
    >>> graph = build_text("Rebels reject truce\\nThe rebels rejected the truce.")
    >>> graph.report.documents, sorted(graph.stats().items())[0]
    (1, ('concepts', 2))
    """
    from .read import document_from_text

    document = document_from_text(text, doc_id=doc_id, title=title, date=date)
    return build(documents=[document], **options)


def _log_phase(name: str, started: float) -> None:
    """Log (at -v) how long the build has run and this process's peak memory so far."""
    if logger.isEnabledFor(logging.INFO):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        logger.info("%s after %.1f s; peak memory of this process %.0f MB", name, time.perf_counter() - started, peak)


def _with_date(document: Document, date: str) -> Document:
    from dataclasses import replace

    return replace(document, date=date)
