"""RSS and Atom feeds: one :class:`~kg.model.Document` per entry, with the entry's metadata.

feedparser reads RSS 0.9x, 1.0 and 2.0 and Atom. An entry's text is its full text when the feed
carries it (``content:encoded``, Atom ``content``), else its summary, and the build is told how many
entries had only a summary. A feed that declares entities (a DTD's internal subset, ``<!ENTITY``) is
refused before it is parsed, as RDF/XML is (:mod:`kg.store.foreign`): entities can name files or URLs
to read, or expand without bound. A plain ``<!DOCTYPE rss PUBLIC ...>`` (RSS 0.91's) is read: feedparser
drops it, and never fetches what it names.
"""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import hashlib
import io
import re
import time
import xml.sax
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputWarning, ReadError
from ..model import Document
from .ids import document_id_for_url
from .language import declared_or_detected_language, is_english
from .text import document_from_text

__all__ = ["FEED_SUFFIXES", "MAX_FEED_BYTES", "html_to_text", "is_feed", "read_feed", "read_feed_bytes"]

#: File suffixes read as feeds (an ``.xml`` file is sniffed first: it must be RSS or Atom).
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})

#: The biggest feed file read: feedparser holds the whole feed in memory (a 10,000-entry feed of
#: 2 KB entries is ~25 MB of XML and takes ~0.5 GB while parsed).
MAX_FEED_BYTES = 64 * 2**20

_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
# Entities: a declaration anywhere, or a DOCTYPE with an internal subset ("[...]") that could hold one.
_ENTITIES = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_RSS1 = (b"purl.org/rss/1.0", b"my.netscape.com/rdf/simple/0.9")
#: Not the article's text: code, and the furniture a feed's content may carry (captions, asides, forms).
_DROPPED = ("script", "style", "noscript", "template", "iframe", "figure", "figcaption", "aside", "nav", "form")
_BREAK = "\ue000"  # a private-use character marks where a block ends
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr")


def is_feed(data: bytes) -> bool:
    """Whether ``data`` looks like an RSS or Atom feed: its root element is ``rss``, ``feed``,
    ``channel`` or an ``rdf:RDF`` naming the RSS 1.0 (or 0.90) namespace.

    >>> is_feed(b'<?xml version="1.0"?><!-- <urlset> --><rss version="2.0"><channel/></rss>')
    True
    >>> is_feed(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    False
    """
    head = _COMMENT.sub(b"", _head_bytes(data))
    root = _ROOT.search(head)
    if root is None:
        return False
    name = root.group(2).lower()
    return name in (b"rss", b"feed", b"channel") or (name == b"rdf" and any(ns in head for ns in _RSS1))


def _head_bytes(data: bytes) -> bytes:
    """The first 64 KB of ``data``, as UTF-8 bytes (see :func:`_as_utf8`)."""
    return _as_utf8(data[:65536])


def _as_utf8(data: bytes) -> bytes:
    """``data`` with a UTF-32 or UTF-16 feed (a byte-order mark, or NULs around its first ``<``) re-encoded
    as UTF-8, so that what is looked for in it (the root, a declaration) is found whatever the encoding."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").encode("utf-8")
    if data[:2] in (b"\x00<", b"<\x00"):  # UTF-16 without a byte-order mark
        return data.decode("utf-16-be" if data[:1] == b"\x00" else "utf-16-le", errors="replace").encode("utf-8")
    return data


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def read_feed(
    path: str | Path, *, in_folder: bool = False, fallback_id: str | None = None
) -> Iterator[Document | ReadError | InputWarning]:
    """Yield the documents of the feed file at ``path`` (see :func:`read_feed_bytes`).

    A file that is not a feed is a ``ReadError``; found in a folder (``in_folder``), an ``.xml``
    file that is not a feed (a sitemap, RDF/XML) is skipped with an ``InputWarning`` instead.
    An entry with no link and no id is ``<fallback_id>-<n>`` (default: the file's stem).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            limit = _size(MAX_FEED_BYTES)
            yield ReadError(str(path), f"refused: {_size(size)}, more than the {limit} kg reads of a feed")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(str(path), error.strerror or str(error))
        return
    if in_folder and path.suffix == ".xml" and not is_feed(data) and not _ENTITIES.search(_as_utf8(data)):
        yield InputWarning(str(path), "skipped: not an RSS or Atom feed")
        return
    yield from read_feed_bytes(data, source=str(path), fallback_id=fallback_id or path.stem)


def _size(size: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def read_feed_bytes(
    data: bytes, *, source: str, url: str | None = None, fallback_id: str = "entry"
) -> Iterator[Document | ReadError | InputWarning]:
    """Yield one :class:`Document` per entry of a feed, then an ``InputWarning`` for what was
    read with less than asked (entries with only a summary, with no text, not in English).

    Each document has the entry's title, date (as the feed wrote it: the day of its
    ``published``, else ``updated``, in the feed's own time zone), author, url (the entry's link),
    publisher (the feed's title) and language (the feed's). Its id is
    :func:`~kg.read.ids.document_id_for_url` of the link, else a safe id made from the entry's id,
    else ``<fallback_id>-<n>``: the same entry read again is the same document.

    Parameters
    ----------
    data : bytes
        The feed.
    source : str
        Where it comes from (a file or a URL): what errors name and ``Document.source``.
    url : str, optional
        The feed's URL, which relative links are resolved against.
    fallback_id : str
        What the id of an entry with neither a link nor an id starts with.

    Yields
    ------
    Document, ReadError or InputWarning
        A ``ReadError`` (and nothing else) for a feed that is refused or malformed.
    """
    import feedparser  # here, not at import: only feeds need it

    if _ENTITIES.search(_as_utf8(data)):
        yield ReadError(
            source,
            "refused: the feed declares entities (<!ENTITY or a DOCTYPE with an internal subset), which "
            "could read other files or expand without bound; feeds do not need them",
        )
        return
    if not is_feed(data):
        yield ReadError(source, "not an RSS or Atom feed (its root element is not rss, feed or rdf:RDF)")
        return
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    problem = _malformed(parsed)
    if problem is not None:
        yield ReadError(source, problem)
        return
    feed = parsed.feed
    publisher = _plain(feed.get("title"), feed.get("title_detail")) or None
    declared = (feed.get("language") or "").strip() or None
    # Documents carry the language the feed declares (as the language check writes a tag), never a detected one.
    declared_as = declared_or_detected_language("", declared) if declared else None
    summaries, empty, foreign = 0, 0, []
    for number, entry in enumerate(parsed.entries, start=1):
        body, full = _entry_text(entry)
        title = _plain(entry.get("title"), entry.get("title_detail"))
        if not body:
            empty += 1
            continue
        language = declared_or_detected_language(body, declared)
        if not is_english(language):
            foreign.append(str(language))
            continue
        if not full:
            summaries += 1
        link = _absolute(entry.get("link"))
        doc_id = _entry_id(link, entry.get("id"), f"{fallback_id}-{number}")
        try:
            document = document_from_text(
                body, doc_id=doc_id, title=title or None, date=_entry_date(entry), url=link, source=source
            )
        except ReadError as error:
            yield ReadError(f"{source}: entry {number}", error.problem)
            continue
        yield dataclasses.replace(document, author=_author(entry), publisher=publisher, language=declared_as)
    total = len(parsed.entries)
    if not total:
        yield InputWarning(source, "the feed has no entries")
    if summaries:
        yield InputWarning(
            source,
            f"{summaries} of {total} entries carry only a summary (no content:encoded or Atom content): "
            "their summaries were built",
        )
    if empty:
        yield InputWarning(source, f"{empty} of {total} entries have no text (no content or summary): skipped")
    if foreign:
        yield InputWarning(
            source, f"{len(foreign)} of {total} entries not in English ({', '.join(sorted(set(foreign)))}): skipped"
        )


def _malformed(parsed: Any) -> str | None:
    """What makes a feed unreadable, as feedparser's "bozo" flag says, or None: an XML error is
    one (feedparser's lenient fallback would guess), a wrongly declared encoding is not."""
    import feedparser

    if not parsed.get("bozo"):
        return None
    error = parsed.get("bozo_exception")
    if isinstance(error, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        return None  # read anyway, as feedparser decoded it
    if isinstance(error, xml.sax.SAXParseException):
        return (
            f"malformed feed: {error.getMessage()} at line {error.getLineNumber()}, column "
            f"{(error.getColumnNumber() or 0) + 1}"
        )
    return f"malformed feed: {' '.join(str(error).split())[:200]}"


def _entry_text(entry: Any) -> tuple[str, bool]:
    """The entry's text, and whether it is its full text (its content) rather than its summary."""
    for content in entry.get("content") or ():
        text = _plain(content.get("value"), content)
        if text:
            return text, True
    return _plain(entry.get("summary"), entry.get("summary_detail")), False


def _plain(value: str | None, detail: Any) -> str:
    """A feed's text field as plain text: HTML (feedparser's ``type``) stripped to text."""
    if not value:
        return ""
    kind = (detail or {}).get("type") or "text/html"
    return html_to_text(value) if "html" in kind else value.strip()


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content): paragraphs one a line, scripts and
    styles dropped, spaces collapsed. (lxml; a feed's content is one article, no page furniture.)

    >>> html_to_text("<p>The GNA <b>rejected</b> the truce.</p><script>x()</script><p>Tripoli, 30 April</p>")
    'The GNA rejected the truce.\\nTripoli, 30 April'
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    # A block ends a line; other line breaks in the source are spaces, as a browser shows them.
    for element in root.iter(*_BLOCKS, "br"):
        element.tail = _BREAK + (element.tail or "")
        if element.tag != "br":
            element.text = _BREAK + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split(_BREAK))
    return "\n".join(line for line in lines if line)


def _absolute(link: str | None) -> str | None:
    """An entry's link if it is an absolute http(s) URL (a relative one names no page kg can tell)."""
    if link and re.match(r"(?i)https?://[^/\s]", link):
        return link.strip()
    return None


def _entry_id(link: str | None, entry_id: str | None, fallback: str) -> str:
    """The document id of an entry: of its link, else of its id (a URL, a ``tag:`` or ``urn:``), else ``fallback``."""
    if link:
        return document_id_for_url(link)
    if entry_id and entry_id.strip():
        if _absolute(entry_id):
            return document_id_for_url(entry_id)
        safe = re.sub(r"[^A-Za-z0-9._~-]+", "-", entry_id.strip()).strip("-") or "entry"
        if len(safe) > 100:
            safe = safe[:91].rstrip("-") + "-" + hashlib.sha1(entry_id.encode("utf-8")).hexdigest()[:8]
        return f"entry/{safe}"
    return fallback


def _entry_date(entry: Any) -> str | None:
    """The day an entry was published (else updated), in the time zone the feed wrote it in."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        day = _day_as_written(raw)
        if day is None and entry.get(f"{key}_parsed"):
            day = time.strftime("%Y-%m-%d", entry[f"{key}_parsed"])  # feedparser's, in UTC
        if day is not None:
            return day
    return None


def _day_as_written(raw: str) -> str | None:
    """``Thu, 30 Apr 2020 23:30:00 +0200`` (RFC 822) or ``2020-04-30T23:30:00+02:00`` (RFC 3339) → 2020-04-30."""
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _author(entry: Any) -> str | None:
    """The entry's author's name: Atom's ``name``, ``dc:creator``, or RSS's ``author``, which is
    ``email (Name)`` (feedparser splits it wrongly when the address holds a dot), never an address alone."""
    raw = " ".join((entry.get("author") or "").split())
    named = _EMAIL_NAME.match(raw)
    if named:
        return named.group(1).strip() or None
    name = " ".join(((entry.get("author_detail") or {}).get("name") or "").split())
    if name and not _EMAIL.match(name):
        return name
    return raw if raw and not _EMAIL.match(raw) else None


_EMAIL = re.compile(r"^\S+@\S+$")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.*)\)$")
