"""Plain-text news files: the first line is the headline, the rest the body."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..errors import InputWarning, ReadError
from ..lang import alternation, lexicon
from ..model import Document
from ..text.clean import clean_text
from ..text.time import normalise_time
from ..text.wire import (
    blank_tickers,
    body_start,
    find_dateline,
    find_furniture,
    find_tickers,
    truecase_capitals,
    truecase_headline,
)

__all__ = ["read_text_file", "read_text", "document_from_text", "decode_text"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"),
)


def decode_text(data: bytes, source: str) -> tuple[str, str | None]:
    """Decode the bytes of a text file: the text, and a warning when the encoding was guessed.

    UTF-8 (with or without a byte-order mark) is read as it is; UTF-16 and UTF-32
    with a byte-order mark are decoded and said so; other bytes that are not UTF-8
    are read as Windows-1252 (Latin-1 with the typographic quotes), with a warning.
    Binary files are refused, naming what they look like.

    Raises
    ------
    ReadError
        For a binary file (a known file signature, NUL bytes, or mostly control
        characters).

    Examples
    --------
    >>> decode_text("Tripoli".encode(), "a.txt")
    ('Tripoli', None)
    >>> decode_text("£5m".encode("latin-1"), "a.txt")
    ('£5m', 'not UTF-8: read as Windows-1252/Latin-1 (invalid UTF-8 byte 0xa3 at offset 0)')
    >>> decode_text(b"\\x00\\x01", "a.bin")
    Traceback (most recent call last):
    kg.errors.ReadError: a.bin: binary file (contains NUL bytes), expected text
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise ReadError(
                    source,
                    f"binary file (it starts with a {name} byte-order mark but is not "
                    f"{name}: {error.reason} at offset {error.start}), expected text",
                ) from None
            return _newlines(text.lstrip("\ufeff")), None if name == "UTF-8" else f"decoded as {name} (byte-order mark)"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ReadError(source, f"binary file ({kind}), expected text")
    if b"\x00" in data[:65536]:
        raise ReadError(source, "binary file (contains NUL bytes), expected text")
    warning = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        warning = (
            f"not UTF-8: read as Windows-1252/Latin-1 (invalid UTF-8 byte 0x{data[error.start]:02x} "
            f"at offset {error.start})"
        )
        text = data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v" or 0x7F <= ord(ch) < 0xA0)
    if sample and controls > max(8, len(sample) // 50):
        raise ReadError(
            source, f"binary file ({controls:,} control characters in its first {len(sample):,}), expected text"
        )
    return _newlines(text), warning


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_date(value: str | None, source: str) -> str | None:
    """Return ``value`` if it is a YYYY-MM-DD date (or None), else raise ``ReadError``."""
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


# What may stand before the date on a dateline ("Published: on Thursday, 30 April 2020");
# the text is in English for now (the reader knows no language yet).
_DATELINE_WORDS = re.compile(
    r"^(?:" + alternation(lexicon().dateline_words) + r")?\s*:?\s*(?:on\s+)?"
    r"(?:(?:" + alternation(lexicon().weekdays) + r"),?\s+)?",
    re.IGNORECASE,
)


def dateline(text: str) -> str | None:
    r"""The article's date when the line after the headline is only a date
    ("30 April 2020", "Published: April 30, 2020", "2020-04-30"), else None.

    >>> dateline("Libya truce\nThursday 30 April 2020\nTripoli ..."), dateline("Headline\nText.")
    ('2020-04-30', None)
    """
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
    agencies: tuple[str, ...] = (),
) -> Document:
    """Make a :class:`Document` from a news text whose first line is its headline.

    Wire conventions are read (:mod:`kg.text.wire`): a dateline opening the body becomes
    ``Document.dateline`` (its date the document's when none is given), ticker symbols ("<TWA>"),
    sign-offs and bylines ``Document.wire``. The text analysed has the tickers blanked and an ALL-CAPS
    or Title Case headline in its body's casing (one character for one: offsets into the file hold);
    ``title`` keeps the headline as written.

    If ``title`` is given and the text does not already start with it, the title is
    put on a line of its own before the text, so that it is analysed as the
    headline. ``agencies`` names news agencies a dateline may credit besides the lexicon's
    (a web page's publisher).

    Examples
    --------
    >>> doc = document_from_text("GNA rejects truce\\nThe GNA said no.", doc_id="d1")
    >>> doc.title
    'GNA rejects truce'
    """
    label = source or doc_id
    text = clean_text(text).strip("\n\ufeff")
    if not text.strip():
        raise ReadError(label, "empty document (no text)")
    if title and not text.startswith(title.strip()):
        text = f"{title.strip()}\n{text}"
    headline = text.split("\n", 1)[0].strip()
    date = check_date(date, label) or dateline(text)
    # Wire conventions (kg.text.wire), each change one character for one so that offsets stay true:
    # tickers become spaces (an identifier, not text), a display-cased headline takes its body's casing.
    tickers = find_tickers(text)
    text = blank_tickers(text, tickers)
    line = find_dateline(text, year=date[:4] if date else None, agencies=agencies)
    _, has_headline = body_start(text)
    if has_headline:
        text = truecase_headline(text, skip=tuple((t.start, t.end) for t in tickers))
    elif not title:
        headline = ""  # the first line is the dateline's paragraph, not a headline
    text = truecase_capitals(text)  # sub-headings and lead-ins in capitals inside the body
    return Document(
        id=doc_id,
        text=text,
        title=(title or headline).strip() or None,
        date=date or (line.date if line else None),
        url=url,
        source=source,
        dateline=line,
        wire=(*tickers, *find_furniture(text)),
    )


def read_text_file(path: str | Path, *, doc_id: str | None = None) -> Document:
    """Read one plain-text news file (see :func:`read_text` for the warnings).

    Raises
    ------
    ReadError
        If the file is missing, unreadable, binary or empty.
    """
    document, _ = read_text(path, doc_id=doc_id)
    return document


def read_text(path: str | Path, *, doc_id: str | None = None) -> tuple[Document, InputWarning | None]:
    """Read one plain-text news file: the document, and a warning if its encoding was guessed.

    Raises
    ------
    ReadError
        If the file is missing, unreadable, binary or empty.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), error.strerror or str(error)) from None
    text, warning = decode_text(data, str(path))
    document = document_from_text(text, doc_id=doc_id or path.stem, source=str(path))
    return document, InputWarning(str(path), warning) if warning else None
