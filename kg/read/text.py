"""Plain-text news files: the first line is the headline, the rest the body."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReadError
from ..model import Document

__all__ = ["read_text_file", "document_from_text", "decode_text"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def decode_text(data: bytes, source: str) -> str:
    """Decode the bytes of a text file as UTF-8, or raise a ``ReadError`` saying why not.

    Examples
    --------
    >>> decode_text("Tripoli".encode(), "a.txt")
    'Tripoli'
    >>> decode_text(b"\\x00\\x01", "a.bin")
    Traceback (most recent call last):
    kg.errors.ReadError: a.bin: binary file (contains NUL bytes), expected UTF-8 text
    """
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(
            source,
            f"not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset {error.start})",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_date(value: str | None, source: str) -> str | None:
    """Return ``value`` if it is a YYYY-MM-DD date (or None), else raise ``ReadError``."""
    import datetime

    if value is None or value == "":
        return None
    day = value[:10] if isinstance(value, str) and _DATE.match(value[:10]) else None
    # A full timestamp ("2020-04-30T10:00:00Z") keeps its day; anything else must be a date.
    if day is None or (len(value) > 10 and value[10] not in "T "):
        raise ReadError(source, f"date {value!r} is not in YYYY-MM-DD form")
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        raise ReadError(source, f"date {value!r} is not a real date") from None
    return day


_DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|date|dated)?\s*:?\s*(?:on\s+)?"
                             r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?", re.IGNORECASE)


def dateline(text: str) -> str | None:
    r"""The article's date when the line after the headline is only a date
    ("30 April 2020", "Published: April 30, 2020", "2020-04-30"), else None.

    >>> dateline("Libya truce\nThursday 30 April 2020\nTripoli ..."), dateline("Headline\nText.")
    ('2020-04-30', None)
    """
    from ..resolve.time import normalise_time

    lines = text.split("\n", 2)
    if len(lines) < 2 or len(lines[1]) > 60:
        return None
    line = _DATELINE_WORDS.sub("", lines[1].strip())
    value = normalise_time(line)
    if value is None or value.datatype != "date":
        return None
    return value.value if len(line.split()) <= 4 else None


def document_from_text(
    text: str,
    *,
    doc_id: str,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Make a :class:`Document` from a news text whose first line is its headline.

    If ``title`` is given and the text does not already start with it, the title is
    put on a line of its own before the text, so that it is analysed as the
    headline.

    Examples
    --------
    >>> doc = document_from_text("GNA rejects truce\\nThe GNA said no.", doc_id="d1")
    >>> doc.title
    'GNA rejects truce'
    """
    label = source or doc_id
    text = text.strip("\n\ufeff")
    if not text.strip():
        raise ReadError(label, "empty document (no text)")
    if title and not text.startswith(title.strip()):
        text = f"{title.strip()}\n{text}"
    headline = text.split("\n", 1)[0].strip()
    date = check_date(date, label) or dateline(text)
    return Document(
        id=doc_id,
        text=text,
        title=(title or headline).strip() or None,
        date=date,
        url=url,
        source=source,
    )


def read_text_file(path: str | Path, *, doc_id: str | None = None, date: str | None = None) -> Document:
    """Read one plain-text news file.

    Raises
    ------
    ReadError
        If the file is missing, binary, not UTF-8 or empty.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), error.strerror or str(error)) from None
    text = decode_text(data, str(path))
    return document_from_text(text, doc_id=doc_id or path.stem, date=date, source=str(path))
