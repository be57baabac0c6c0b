"""Analyse documents into extractions: in this process, in worker processes, or on Dask.

Each worker parses a chunk of documents with ``nlp.pipe`` and hands each spaCy
``Doc`` at once to the per-document function it was given (the pipeline gives
:func:`kg.extract.extract`; the runner imports no extraction), so a ``Doc`` lives
only while its own document is read and only plain records
(:class:`kg.model.Extraction`, a few kB per article) travel back. With ``jobs > 1``
the chunks go to a :class:`concurrent.futures.ProcessPoolExecutor` (parse and
extraction run in the workers, side by side); with ``engine="dask"`` to
a ``dask.distributed`` cluster (a ``LocalCluster`` unless a scheduler address is
given). The results come back in any order: what is built from them does not
depend on it (entity linking is order-independent).
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Document, Extraction
from .nlp import load_nlp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "analyse",
    "analyse_chunk",
    "split_text",
    "Work",
    "ENGINES",
    "CHUNK_SIZE",
    "PIECE_LENGTH",
    "BATCH_CHARACTERS",
]

logger = logging.getLogger(__name__)

#: Documents per spaCy batch, and per task sent to a worker
#: (PERFORMANCE.md: 32-64 is fastest; larger batches cost memory).
CHUNK_SIZE = 32
ENGINES = ("local", "dask")

#: The per-document function: a document and its spaCy ``Doc`` → what is kept of it. It must be
#: picklable (a module-level function) to reach worker processes and Dask workers.
Work = Callable[[Document, "Doc"], Extraction]

#: What the analysis of one document gives: ``(document id, extraction or None, words, notes)``.
Analysed = tuple[str, Extraction | None, int, tuple[str, ...]]


#: Characters per spaCy call. Longer texts are parsed in pieces cut at paragraph or
#: sentence ends and joined back into one ``Doc`` (spaCy refuses texts over
#: ``nlp.max_length``, and its parser needs about 1 GB per 100,000 characters).
PIECE_LENGTH = 100_000

#: Characters parsed in one spaCy batch: the parser's memory grows with the batch's text,
#: so 32 news articles (~100 kB) are still one batch, but the pieces of a long text, or long
#: articles, are parsed one at a time (a 1 MB text in one batch took 4.4 GB; 50,000 names,
#: 709 kB: 2.59 GB in one batch, 1.02 GB two pieces at a time, 0.89 GB one at a time).
BATCH_CHARACTERS = PIECE_LENGTH


def analyse_chunk(documents: Sequence[Document], work: Work, model: str | None = None) -> list[Analysed]:
    """Parse a chunk of documents and run ``work`` on each: ``(document id, extraction, words, notes)``
    for each, in order.

    ``notes`` are messages about the document (a long text split into pieces). A
    document whose analysis fails gives ``(id, None, 0, (message,))``: the others
    of the chunk are still analysed.

    Runs wherever it is called (this process, a pool worker, a Dask worker); the
    spaCy pipeline is loaded once per process.
    """
    from .bounded import MAX_SENTENCE_TOKENS, bound_sentences, long_sentences  # lazily: it imports spaCy

    nlp = load_nlp(model)
    found: list[Analysed] = []
    for document, doc, notes in _parsed(nlp, documents):
        try:
            if isinstance(doc, Exception):
                raise doc
            words = sum(1 for token in doc if not token.is_space and not token.is_punct)
            # Text without full stops (transcripts, OCR, lists) reads as one huge sentence, and
            # the work per word of a sentence grows with its length: read it in bounded pieces.
            bounded = bound_sentences(doc)
            if bounded is not doc:
                long = len(long_sentences(doc))  # for the note (rare: counted only when there are some)
                doc = bounded
                notes = (
                    *notes,
                    f"{long:,} sentence{'s' if long > 1 else ''} longer than {MAX_SENTENCE_TOKENS} "
                    f"tokens (text without full stops?) read in pieces of at most "
                    f"{MAX_SENTENCE_TOKENS}; relations across the cuts are not found",
                )
            found.append((document.id, work(document, doc), words, notes))
        except Exception as error:  # one document's failure must not stop the batch
            logger.debug("analysis of %s failed", document.id, exc_info=True)
            found.append(
                (
                    document.id,
                    None,
                    0,
                    (
                        f"analysis failed ({type(error).__name__}: "
                        f"{' '.join(str(error).split())[:200]}); document skipped",
                    ),
                )
            )
    return found


def _parsed(
    nlp: Language, documents: Sequence[Document]
) -> Iterator[tuple[Document, Doc | Exception, tuple[str, ...]]]:
    """``(document, Doc or the exception that parsing raised, notes)`` for each document, in order."""
    from spacy.tokens import Doc  # lazily: importing the runner (kg --help) must not load spaCy

    short = [d for d in documents if len(d.text) <= PIECE_LENGTH]
    parsed = dict(zip((d.id for d in short), _pipe(nlp, [d.text for d in short]), strict=True))  # one parse per text
    for document in documents:
        if document.id in parsed:
            yield document, parsed[document.id], ()
            continue
        pieces = split_text(document.text, PIECE_LENGTH)
        docs = list(_pipe(nlp, pieces))
        failed = next((d for d in docs if isinstance(d, Exception)), None)
        note = (
            f"long text ({len(document.text):,} characters): parsed in {len(pieces)} pieces of at most "
            f"{PIECE_LENGTH:,}, cut at paragraph, sentence or word ends, and read as one"
        )
        if failed is not None:
            yield document, failed, (note,)
        else:  # every piece parsed
            yield document, Doc.from_docs([d for d in docs if isinstance(d, Doc)], ensure_whitespace=False), (note,)


def _pipe(nlp: Language, texts: list[str]) -> Iterator[Doc | Exception]:
    """The parses of ``texts``; a text that makes spaCy fail gives its exception instead."""
    done = 0
    try:
        for batch in _batches(texts):
            for doc in nlp.pipe(batch, batch_size=len(batch)):
                done += 1
                yield doc
    except Exception:
        # Something in a batch broke spaCy: parse the rest one by one, to find it and keep the others.
        for text in texts[done:]:
            try:
                yield nlp(text)
            except Exception as error:
                yield error


def _batches(texts: list[str]) -> Iterator[list[str]]:
    """``texts`` in order, in batches of at most :data:`CHUNK_SIZE` texts and, unless a text is
    longer by itself, :data:`BATCH_CHARACTERS` characters."""
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) == CHUNK_SIZE or length + len(text) > BATCH_CHARACTERS):
            yield batch
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield batch


def split_text(text: str, length: int) -> list[str]:
    r"""Cut ``text`` into consecutive pieces of at most ``length`` characters that join back to it.

    Each cut is made after the last paragraph break (a blank line) of the piece,
    else the last line break, else the last sentence end (". ", "! ", "? "), else
    the last space, and only when there is none of these, at ``length``.

    >>> split_text("One. Two.\n\nThree four five.", 12)
    ['One. Two.\n\n', 'Three four ', 'five.']
    """
    pieces, start = [], 0
    while len(text) - start > length:
        window = text[start : start + length]
        cut = None
        for pattern in (r"\n\s*\n", r"\n", r"[.!?][\"')\]]*\s", r"\s"):
            ends = [m.end() for m in re.finditer(pattern, window)]
            if ends and ends[-1] > length // 4:
                cut = ends[-1]
                break
        cut = cut or length
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def analyse(
    documents: Sequence[Document],
    *,
    work: Work,
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Analysed]:
    """Yield ``(document id, extraction, words, notes)`` for every document, as the analyses
    finish (see :func:`analyse_chunk`; the extraction is None for a document that failed).

    Parameters
    ----------
    documents : sequence of Document
    work : callable
        What to make of each parsed document: ``work(document, doc)`` (the pipeline
        passes :func:`kg.extract.extract`); a module-level function, so that it
        can be sent to worker processes.
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
        raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    chunks = [list(documents[i : i + CHUNK_SIZE]) for i in range(0, len(documents), CHUNK_SIZE)]
    if not chunks:
        return
    if engine == "dask" or scheduler:
        results = _on_dask(chunks, work, model, jobs, scheduler)
    elif jobs > 1 and len(chunks) > 1:
        results = _in_processes(chunks, work, model, jobs)
    else:
        results = (analyse_chunk(chunk, work, model) for chunk in chunks)
    for result in results:
        yield from result
        if progress is not None:
            progress(len(result), sum(words for _, _, words, _ in result))


def _in_processes(chunks: list[list[Document]], work: Work, model: str | None, jobs: int) -> Iterator[list[Analysed]]:
    # As spaCy's own n_process does: load the pipeline once here and fork the workers,
    # which inherit it (a spawned worker would spend seconds loading it again).
    # Where fork is not available, workers are spawned and load it themselves.
    load_nlp(model)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context)
    try:
        yield from pool.map(analyse_chunk, chunks, [work] * len(chunks), [model] * len(chunks))
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or failed: drop the chunks not started, do not wait for them.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _on_dask(
    chunks: list[list[Document]], work: Work, model: str | None, jobs: int, scheduler: str | None
) -> Iterator[list[Analysed]]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed  # lazy: an optional dependency
    except ImportError:
        raise ConfigError("--engine dask needs dask.distributed: pip install 'kg[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        logger.info("analysing %d chunks on %s", len(chunks), client)
        futures = client.map(analyse_chunk, chunks, work=work, model=model, pure=False)
        for future, result in as_completed(futures, with_results=True):
            future.release()
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
