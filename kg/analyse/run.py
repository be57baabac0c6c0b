"""Analyse documents into extractions: in this process, in worker processes, or on Dask.

Each worker parses a chunk of documents with ``nlp.pipe`` and extracts from each
spaCy ``Doc`` at once, so a ``Doc`` lives only while its own document is read and
only plain records (:class:`kg.model.Extraction`, a few kB per article) travel
back. With ``jobs > 1`` the chunks go to a :class:`concurrent.futures.ProcessPoolExecutor`
(parse and extraction run in the workers, side by side); with ``engine="dask"`` to
a ``dask.distributed`` cluster (a ``LocalCluster`` unless a scheduler address is
given). The results come back in any order: what is built from them does not
depend on it (entity linking is order-independent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from ..model import Document, Extraction

__all__ = ["analyse", "analyse_chunk", "ENGINES", "CHUNK_SIZE"]

logger = logging.getLogger(__name__)

#: Documents per spaCy batch, and per task sent to a worker
#: (PERFORMANCE.md: 32-64 is fastest; larger batches cost memory).
CHUNK_SIZE = 32
ENGINES = ("local", "dask")


def analyse_chunk(documents: Sequence[Document], model: str | None = None) -> list[tuple[Extraction, int]]:
    """Parse and extract a chunk of documents: ``(extraction, words)`` for each, in order.

    Runs wherever it is called (this process, a pool worker, a Dask worker); the
    spaCy pipeline is loaded once per process.
    """
    from ..extract import extract
    from .nlp import load_nlp

    nlp = load_nlp(model)
    found = []
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=CHUNK_SIZE):
        words = sum(1 for token in doc if not token.is_space and not token.is_punct)
        found.append((extract(document, doc), words))
    return found


def analyse(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[Extraction, int]]:
    """Yield ``(extraction, words)`` for every document, as the analyses finish.

    Parameters
    ----------
    documents : sequence of Document
    model : str, optional
        The spaCy pipeline (see :func:`kg.analyse.load_nlp`).
    jobs : int
        Processes (``engine="local"``) or, for a new Dask ``LocalCluster``, workers.
    engine : {"local", "dask"}
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); implies ``engine="dask"``.
    progress : callable, optional
        Called with ``(documents, words)`` as each chunk finishes.
    """
    if engine not in ENGINES:
        from ..errors import ConfigError

        raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    chunks = [list(documents[i:i + CHUNK_SIZE]) for i in range(0, len(documents), CHUNK_SIZE)]
    if not chunks:
        return
    if engine == "dask" or scheduler:
        results = _on_dask(chunks, model, jobs, scheduler)
    elif jobs > 1 and len(chunks) > 1:
        results = _in_processes(chunks, model, jobs)
    else:
        results = (analyse_chunk(chunk, model) for chunk in chunks)
    for result in results:
        for extraction, words in result:
            yield extraction, words
        if progress is not None:
            progress(len(result), sum(words for _, words in result))


def _in_processes(chunks, model, jobs) -> Iterator[list]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .nlp import load_nlp

    # As spaCy's own n_process does: load the pipeline once here and fork the workers,
    # which inherit it (a spawned worker would spend seconds loading it again).
    # Where fork is not available, workers are spawned and load it themselves.
    load_nlp(model)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context) as pool:
        yield from pool.map(analyse_chunk, chunks, [model] * len(chunks))


def _on_dask(chunks, model, jobs, scheduler) -> Iterator[list]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        from ..errors import ConfigError

        raise ConfigError("--engine dask needs dask.distributed: pip install 'kg[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        logger.info("analysing %d chunks on %s", len(chunks), client)
        futures = client.map(analyse_chunk, chunks, model=model, pure=False)
        for future, result in as_completed(futures, with_results=True):
            future.release()
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
