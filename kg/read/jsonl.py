"""JSONL input: one article a line, ``{"id", "text", "title", "date", "url"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputWarning, ReadError
from ..model import Document
from .text import decode_text, document_from_text

__all__ = ["read_jsonl"]


def read_jsonl(path: str | Path) -> Iterator[Document | ReadError | InputWarning]:
    """Yield one :class:`Document` per line of a JSONL file, or a ``ReadError`` per bad line.

    Errors name the file and the (1-based, blank lines counted) line number. A
    line without ``id`` gets ``<file stem>-<line>``; one without ``date`` has none.
    """
    path = Path(path)
    try:
        content, warning = decode_text(path.read_bytes(), str(path))
    except OSError as error:
        yield ReadError(str(path), error.strerror or str(error))
        return
    except ReadError as error:
        yield error
        return
    if warning is not None:
        yield InputWarning(str(path), warning)
    seen: set[str] = set()
    any_line = False
    for number, line in enumerate(content.split("\n"), start=1):
        if line.strip():
            any_line = True
            yield _line_document(line, f"{path}:{number}", f"{path.stem}-{number}", seen=seen)
    if not any_line:
        yield ReadError(str(path), "empty JSONL file (no records)")


def _line_document(line: str, where: str, default_id: str, *, seen: set[str]) -> Document | ReadError:
    """The document of one JSONL line (``where``: its file and line), or what is wrong with it;
    ``seen`` holds the ids of the file's earlier documents (this one's is added)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ReadError(where, f"invalid JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return ReadError(where, 'expected a JSON object with a "text" field')
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(where, 'missing or non-string "text" field')
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else default_id
    if doc_id in seen:
        return ReadError(where, f"duplicate document id {doc_id!r}")
    seen.add(doc_id)
    try:
        return document_from_text(
            text,
            doc_id=doc_id,
            title=_optional_str(record.get("title")),
            date=_optional_str(record.get("date")),
            url=_optional_str(record.get("url")),
            source=where,
        )
    except ReadError as error:
        return error


def _optional_str(value) -> str | None:
    return None if value is None else str(value)
