"""Readers: turn files, folders, JSONL and saved web pages into :class:`~kg.model.Document` records.

:func:`iter_documents` walks what the user named and yields, in a stable order,
either a ``Document`` or, for input that cannot be read, a
:class:`~kg.errors.ReadError`, so that one bad file does not stop a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputWarning, ReadError
from ..model import Document
from .html import HTML_SUFFIXES, read_html
from .jsonl import read_jsonl
from .text import document_from_text, read_text, read_text_file

__all__ = ["iter_documents", "document_from_text", "read_text_file", "read_jsonl", "read_html", "build_date_wins"]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def iter_documents(sources: Iterable[str | Path]) -> Iterator[Document | ReadError | InputWarning]:
    """Yield the documents in files and folders, a ``ReadError`` for each bad one, and an
    ``InputWarning`` before a document read with a guessed encoding.

    A document's date is its own (a JSONL record's ``date``, a text's dateline) or None: the
    build's default date is applied by the pipeline (:mod:`kg.pipeline`), not here (it wins over
    a web page's own: :func:`build_date_wins`).

    Parameters
    ----------
    sources : iterable of str or Path
        Text files (``.txt`` or any other suffix), JSONL files (``.jsonl``), saved web
        pages (``.html``, ``.htm``), or folders, searched recursively for them.

    Yields
    ------
    Document, ReadError or InputWarning

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBody text.\\n")
    >>> [d.title for d in iter_documents([folder])]
    ['Headline']
    """
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and (p.suffix == ".txt" or p.suffix in JSONL_SUFFIXES or p.suffix.lower() in HTML_SUFFIXES)
            )
            if not files:
                yield ReadError(str(path), "folder contains no .txt, .jsonl or .html files")
            for file in files:
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, doc_id=doc_id)
        elif path.exists():
            yield from _read_file(path, doc_id=path.stem)
        else:
            yield ReadError(str(path), "no such file or folder")


def build_date_wins(document: Document) -> bool:
    """Whether the build's date (``--date``) wins over ``document``'s own: for a web page, whose date is the
    site's metadata (often the last update, or the template's), the date a user gives the build is meant;
    for other documents their own date wins (a JSONL record's, a text's dateline).

    >>> build_date_wins(Document(id="a", text="A", source="saved/story.html"))
    True
    """
    return Path(document.source or "").suffix.lower() in HTML_SUFFIXES


def _read_file(path: Path, *, doc_id: str) -> Iterator[Document | ReadError | InputWarning]:
    if path.suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    if path.suffix.lower() in HTML_SUFFIXES:  # a saved web page (issue 20): kg.read.html
        try:
            page, notes = read_html(path, doc_id=doc_id)
        except ReadError as error:
            yield error
            return
        yield from notes
        if page is not None:
            yield page
        return
    try:
        document, warning = read_text(path, doc_id=doc_id)
    except ReadError as error:
        yield error
        return
    if warning is not None:
        yield warning
    yield document
