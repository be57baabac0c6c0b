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
from .feed import FEED_SUFFIXES, read_feed
from .fetch import Fetcher, fetch_documents, is_url
from .html import HTML_SUFFIXES, read_html
from .jsonl import read_jsonl
from .text import document_from_text, read_text, read_text_file

__all__ = [
    "iter_documents",
    "document_from_text",
    "read_text_file",
    "read_jsonl",
    "read_html",
    "read_feed",
    "build_date_wins",
]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FOLDER_SUFFIXES = JSONL_SUFFIXES | FEED_SUFFIXES | HTML_SUFFIXES
_NOT_ASKED = "a URL: kg reads the network only when asked (kg build --fetch, kg.build(..., fetch=True))"


def iter_documents(
    sources: Iterable[str | Path], *, fetch: bool = False
) -> Iterator[Document | ReadError | InputWarning]:
    """Yield the documents in files and folders, a ``ReadError`` for each bad one, and an
    ``InputWarning`` before a document read with a guessed encoding.

    A document's date is its own (a JSONL record's ``date``, a text's dateline) or None: the
    build's default date is applied by the pipeline (:mod:`kg.pipeline`), not here (it wins over
    a web page's own: :func:`build_date_wins`).

    Parameters
    ----------
    sources : iterable of str or Path
        Text files (``.txt`` or any other suffix), JSONL files (``.jsonl``), saved web pages (``.html``,
        ``.htm``, :mod:`kg.read.html`), RSS or Atom feeds (``.xml``, ``.rss``, ``.atom``: one document per
        entry, :mod:`kg.read.feed`), or folders, searched recursively for those suffixes (an ``.xml`` file
        there that is not a feed is skipped); with ``fetch``, URLs of pages and feeds too (:mod:`kg.read.fetch`).
    fetch : bool
        Fetch the URLs among ``sources``; without it, a URL is a ``ReadError`` (kg never touches the
        network unless asked).

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
    fetcher = None  # one for all the URLs: each site's robots.txt is read once
    for source in sources:
        if is_url(source):
            if not fetch:
                yield ReadError(str(source), _NOT_ASKED)
                continue
            fetcher = fetcher or Fetcher()
            yield from fetch_documents([str(source)], fetcher=fetcher)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and (p.suffix == ".txt" or p.suffix.lower() in _FOLDER_SUFFIXES)
            )
            if not files:
                yield ReadError(str(path), "folder contains no .txt, .jsonl, .html or feed (.xml, .rss, .atom) files")
            for file in files:
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, doc_id=doc_id, in_folder=True)
        elif path.exists():
            yield from _read_file(path, doc_id=path.stem)
        else:
            yield ReadError(str(path), "no such file or folder")


def build_date_wins(document: Document) -> bool:
    """Whether the build's date (``--date``) wins over ``document``'s own: for a web page or a feed entry,
    whose date is the site's metadata (often the last update, or the template's), the date a user gives
    the build is meant; for other documents their own date wins (a JSONL record's, a text's dateline).

    >>> build_date_wins(Document(id="a", text="A", source="saved/story.html"))
    True
    >>> build_date_wins(Document(id="a", text="A", source="https://example.org/news/story"))
    True
    >>> build_date_wins(Document(id="a", text="A", source="story.txt"))
    False
    """
    source = document.source or ""
    return is_url(source) or Path(source).suffix.lower() in HTML_SUFFIXES | FEED_SUFFIXES


def _read_file(path: Path, *, doc_id: str, in_folder: bool = False) -> Iterator[Document | ReadError | InputWarning]:
    if path.suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    if path.suffix.lower() in FEED_SUFFIXES:
        yield from read_feed(path, in_folder=in_folder, fallback_id=doc_id)
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
