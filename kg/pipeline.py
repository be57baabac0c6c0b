"""``build()``: read → analyse → extract → resolve → map. The only orchestrator."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import KgError, ReadError
from .graph import KnowledgeGraph
from .model import Document, Extraction
from .resolve import Aliases

__all__ = ["build", "build_text", "BuildReport"]

logger = logging.getLogger(__name__)

#: Documents per spaCy batch (PERFORMANCE.md: 32–64 is fastest, larger costs memory).
BATCH_SIZE = 32


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
    progress: Callable[[int], None] | None = None,
    aliases: str | Path | Aliases | None = None,
    into: KnowledgeGraph | None = None,
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
        Processes for spaCy (``nlp.pipe(n_process=jobs)``).
    progress : callable, optional
        Called with the number of documents just finished.
    aliases : path or Aliases, optional
        An alias file (``surface<TAB>canonical``, or ``<TAB>!name`` to forbid a
        merge; see :mod:`kg.resolve.aliases`).
    into : KnowledgeGraph, optional
        A graph to add the documents to: names it already has link to its
        entity nodes (same IRI and label); a document it already holds is
        replaced (its named graph is rebuilt, nothing is duplicated). The
        returned graph holds both; ``into`` is not changed.

    Returns
    -------
    KnowledgeGraph
        With ``.errors`` listing inputs that could not be read, and ``.report``
        the counts and time.

    Raises
    ------
    kg.errors.ModelError
        If the spaCy pipeline cannot be loaded.
    """
    from .analyse import load_nlp
    from .extract import extract
    from .rdf import DEFAULT_BASE, to_graph
    from .read import iter_documents
    from .resolve import link_entities

    from .rdf.existing import document_ids, known_entities
    from .rdf.iri import check_base
    from .read.text import check_date
    from .resolve import read_aliases

    started = time.perf_counter()
    date = check_date(date, "--date")  # bad options fail before any work is done
    base = check_base(base or DEFAULT_BASE)
    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = read_aliases(aliases)
    existing = document_ids(into.graph) if into is not None else set()
    if isinstance(sources, (str, Path)):
        sources = [sources]
    errors: list[KgError] = []
    good: list[Document] = []
    seen: set[str] = set()
    for item in [*iter_documents(sources, date=date), *documents]:
        if isinstance(item, ReadError):
            logger.debug("cannot read %s", item)
            errors.append(item)
        elif item.id in seen:
            errors.append(ReadError(item.source or item.id, f"duplicate document id {item.id!r}; skipped"))

        else:
            seen.add(item.id)
            good.append(item if item.date or not date else _with_date(item, date))

    nlp = load_nlp(model)
    fitting = []
    for document in good:
        if len(document.text) > nlp.max_length:
            errors.append(ReadError(document.source or document.id,
                                    f"document too long ({len(document.text):,} characters; the limit is "
                                    f"{nlp.max_length:,}): split it into articles"))
        else:
            fitting.append(document)
    good = fitting
    extractions: list[Extraction] = []
    words = 0
    texts = ((document.text, document) for document in good)
    for doc, document in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE, n_process=max(1, jobs)):
        extractions.append(extract(document, doc))
        words += sum(1 for token in doc if not token.is_space and not token.is_punct)
        if progress is not None:
            progress(1)
    known = known_entities(into.graph) if into is not None else ()
    entities = link_entities(extractions, aliases=aliases, known=known)
    if into is None:
        graph = to_graph(extractions, entities, base=base)
    else:
        graph = _added_to(into.graph, extractions, entities, base)
    report = BuildReport(documents=len(extractions), failed=len(errors), words=words,
                         seconds=time.perf_counter() - started,
                         replaced=sum(1 for e in extractions if e.document.id in existing))
    return KnowledgeGraph(graph=graph, errors=errors, report=report)


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


def _added_to(existing, extractions, entities, base):
    """A copy of ``existing`` with the new documents' named graphs (replacing documents
    with the same id) and its corpus graph brought up to date."""
    from .rdf import to_graph
    from .store import add_documents, new_graph

    graph = new_graph()
    for quad in existing.quads((None, None, None, None)):
        graph.add(quad)
    add_documents(graph, to_graph(extractions, entities, base=base))
    return graph


def _with_date(document: Document, date: str) -> Document:
    from dataclasses import replace

    return replace(document, date=date)
