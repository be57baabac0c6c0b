"""Saved web pages (``.html``, ``.htm``): the article's text and its metadata, without the page around it.

The main text and the metadata are extracted by trafilatura (Barbaresi, ACL 2021), the library made for
this and kept up: it drops menus, cookie banners, share bars, related links and comments, and reads the
metadata where pages put it (JSON-LD, ``og:*``, ``article:published_time``, microdata, bylines, ``rel=canonical``;
dates through its htmldate). In the published comparisons of article-body extraction (its own evaluation, and
Zyte's article-extraction-benchmark) it is among the best open-source extractors, and the one of them that also
reads the metadata kg keeps (all but the language, read here from ``<html lang>``). Alternatives weighed:

- readability-lxml (Mozilla Readability's port): the article body and title only: no date, author or site;
- newspaper4k (newspaper3k's fork): body and metadata, but built around downloading and its NLP extras
  (nltk), with its own, narrower date and author heuristics;
- jusText: a paragraph classifier for the body only, no metadata (trafilatura runs it as a fallback);
- goose3: body and some metadata, an older design (Goose, 2011) ported to Python 3.

What kg adds: trafilatura's own fallbacks (readability, jusText) are off, as they cost a sixth of its time and
changed nothing on the test pages, and a few class names of notices and promotions are pruned besides its own
list (:data:`PRUNE_XPATH`); the bytes are decoded here (a page whose ``<meta charset>`` lies is read as its bytes
are, with a warning), pages over :data:`MAX_PAGE_BYTES` and pages without an article (links, scripts) are
refused with one line each, the language is checked (:mod:`kg.read.language`), and the text goes through
:func:`kg.read.text.document_from_text` as a ``.txt`` file's does: the headline is its first line, a wire dateline
opening the body is read.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from pathlib import Path
from typing import Any

from ..errors import InputWarning, ReadError
from ..model import Document
from .ids import document_id_for_url
from .language import declared_or_detected_language, is_english
from .text import _BOMS, _MAGIC, check_date, decode_text, document_from_text

__all__ = ["read_html_bytes", "read_html", "decode_page", "MAX_PAGE_BYTES", "MIN_ARTICLE_WORDS", "HTML_SUFFIXES"]

HTML_SUFFIXES = {".html", ".htm"}

#: Pages larger than this are refused unread: a saved article page weighs 50 KB to 2 MB with its inlined
#: scripts; beyond 5 MiB a file is an archive or a generated dump, and parsing it would hold the batch up.
MAX_PAGE_BYTES = 5 * 1024 * 1024

#: Fewer words than this extracted and the page has no article (a link list, an app shell, an error page).
MIN_ARTICLE_WORDS = 40
#: A page whose extracted text is more than this share of link text (whole lines that are the text of a link)
#: is a list of links, not an article.
MAX_LINK_SHARE = 0.5

#: Elements that news sites put inside the article's container but that are not the article, pruned on top of
#: trafilatura's own list: notices ("refresh for updates"), legal and standards lines, promotions.
PRUNE_XPATH = [
    "//*[contains(@class, 'notice') or contains(@class, 'standards') or contains(@class, 'disclaimer')"
    " or contains(@class, 'copyright') or contains(@class, 'newsletter') or contains(@class, 'paywall')"
    " or contains(@class, 'promo') or contains(@class, 'cookie') or contains(@class, 'consent')]",
]

# The charset a page declares in its first bytes: <meta charset=...>, <meta http-equiv content="...; charset=...">
# or an XML declaration's encoding.
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I
)


#: What the head of a page kg drew says (kg/render/templates/graph.html): such a page is skipped, not read.
KG_PAGE_MARK = b'<meta name="generator" content="kg">'


def read_html(path: str | Path, *, doc_id: str) -> tuple[Document | None, list[InputWarning]]:
    """Read one saved web page: its document (None when skipped) and what to report about it.

    Parameters
    ----------
    path : str or Path
        The ``.html``/``.htm`` file.
    doc_id : str
        The id of a page without a canonical URL (as a ``.txt`` file's: its path in the folder, or its stem);
        a page with one gets ``document_id_for_url(url)``, so the same page saved twice is one document.

    Returns
    -------
    tuple
        The document, or None for a page not in English (reported by an ``InputWarning``); and a list of
        ``InputWarning`` (a charset declared wrongly, a language skipped).

    Raises
    ------
    ReadError
        For a page over :data:`MAX_PAGE_BYTES`, unreadable, binary, or with no article text (mostly links,
        scripts only).
    """
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise ReadError(
                source,
                f"page of {size / 2**20:.1f} MB is over the size cap of {MAX_PAGE_BYTES / 2**20:.0f} MB "
                "(kg.read.html.MAX_PAGE_BYTES): not read",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(source, error.strerror or str(error)) from None
    return read_html_bytes(data, source=source, doc_id=doc_id)


def read_html_bytes(data: bytes, *, source: str, doc_id: str) -> tuple[Document | None, list[InputWarning]]:
    """Read one web page's bytes (a saved file's, or a fetched page's: :mod:`kg.read.fetch`), as
    :func:`read_html` does; ``source`` names it in messages and on the document."""
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(source, f"page over the size cap of {MAX_PAGE_BYTES / 2**20:.0f} MB: not read")
    if not data.strip():
        raise ReadError(source, "empty page (no HTML)")
    if KG_PAGE_MARK in data[:2048]:  # a picture an earlier build left in the folder (out/graph.html)
        return None, [InputWarning(source, "a page kg drew (a graph picture), not an article: skipped")]
    text, warning = decode_page(data, source)
    warnings = [InputWarning(source, warning)] if warning else []
    extraction, declared = _extract(text, source)
    body = extraction.text or ""
    tag = declared_or_detected_language("", declared)  # the declared language, if it is a language tag
    language = tag or declared_or_detected_language(body, None)
    if not is_english(language):
        how = "declared by the page" if tag else "detected"
        warnings.append(
            InputWarning(source, f"not in English (language {language}, {how}): skipped, kg reads English only")
        )
        return None, warnings
    url = extraction.url or None
    document = document_from_text(
        body,
        doc_id=document_id_for_url(url) if url else doc_id,
        title=extraction.title or None,
        # The page's metadata, else the dateline's (document_from_text); the build's --date wins over both
        # (kg.read.build_date_wins, applied by kg.pipeline).
        date=check_date(extraction.date, source),
        url=url,
        source=source,
        agencies=_agencies(extraction.sitename),
    )
    document = dataclasses.replace(
        document,
        author=extraction.author or None,
        publisher=extraction.sitename or None,
        language=tag,  # as declared (Document.language): a detected English is not written
    )
    return document, warnings


def decode_page(data: bytes, source: str) -> tuple[str, str | None]:
    """The text of a page's bytes, and a warning when it is not in the charset the page declares.

    UTF-8 bytes are read as UTF-8 whatever the page says (a page that says ``iso-8859-1`` and is UTF-8 would
    otherwise turn every "é" into "Ã©"); other bytes are read in the declared charset when they are valid in it,
    else in the charset charset_normalizer finds (Windows-1252 among equally good guesses: the web's legacy
    default). A byte-order mark decides, and binary files are refused, as for text files
    (:func:`kg.read.text.decode_text`).

    >>> decode_page('<meta charset="iso-8859-1"><p>Café</p>'.encode(), "p.html")
    ('<meta charset="iso-8859-1"><p>Café</p>', 'declares charset iso-8859-1 but its bytes are UTF-8: read as UTF-8')
    >>> decode_page('<meta charset="windows-1252"><p>Café</p>'.encode("cp1252"), "p.html")[0][-8:]
    'Café</p>'
    """
    if data.startswith(tuple(bom for bom, _, _ in _BOMS)) or data.startswith(tuple(m for m, _ in _MAGIC)):
        return decode_text(data, source)  # a byte-order mark decides; a PDF or image is refused
    if b"\x00" in data[:65536]:
        return decode_text(data, source)  # refused as binary
    match = _DECLARED.search(data[:4096])
    declared = (match.group(1) or match.group(2)).decode("ascii") if match else None
    codec = _codec(declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = f"invalid UTF-8 byte 0x{data[error.start]:02x} at offset {error.start}"
    else:
        if codec not in (None, "utf-8", "ascii"):
            return text, f"declares charset {declared} but its bytes are UTF-8: read as UTF-8"
        return text, None
    if codec not in (None, "utf-8"):
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            pass
    guess = _guess_charset(data)
    if guess is None:
        return decode_text(data, source)  # not text in any charset: refused as binary, or read as Windows-1252
    said = f"declares charset {declared} but its bytes are not ({bad})" if declared else f"no charset declared ({bad})"
    return data.decode(guess, errors="replace"), f"{said}: read as {guess} (detected)"


def _codec(name: str | None) -> str | None:
    """Python's name of a declared charset; Latin-1 and ASCII labels are Windows-1252, as browsers read them."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1") else codec


def _guess_charset(data: bytes) -> str | None:
    """charset_normalizer's charset of ``data``; of guesses as good as the best, Windows-1252 first."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    ties = [m.encoding for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    return "cp1252" if "cp1252" in ties else best.encoding


def _extract(text: str, source: str) -> tuple[Any, str | None]:
    """trafilatura's extraction of the page (text and metadata), and the language the page declares.

    Raises
    ------
    ReadError
        When the page has no article: what it is instead (links, scripts) is said.
    """
    import trafilatura  # lazily: it loads lxml, courlan and htmldate, which a build of text files never needs

    tree = trafilatura.load_html(text)
    if tree is None:
        raise ReadError(source, "not an HTML page (nothing to parse)")
    declared = _declared_language(tree)
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    extraction: Any = trafilatura.bare_extraction(  # a trafilatura Document (as_dict is False)
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        prune_xpath=PRUNE_XPATH,
        # No second opinion from readability and jusText (trafilatura's fallbacks): they cost a sixth of its time
        # and changed nothing on the fixture pages (tests/read/test_html.py holds the line).
        fast=True,
        # The date from the metadata only (published, not updated): a date in the text is the dateline's,
        # read after the metadata's by document_from_text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    words = len((extraction.text or "").split()) if extraction is not None else 0
    if extraction is None or words < MIN_ARTICLE_WORDS:
        # What the page is instead, from a fresh parse (the extraction pruned the tree): a rare path.
        stats = _page_stats(trafilatura.load_html(text))
        raise ReadError(source, f"no article text found ({words} words extracted): {_what_page_is(stats)}")
    lines = [" ".join(line.split()) for line in extraction.text.split("\n")]
    linked = sum(len(line.split()) for line in lines if line in links)
    if linked > MAX_LINK_SHARE * words:
        raise ReadError(
            source,
            f"no article text found: the page is mostly links ({linked:,} of the {words:,} words extracted are "
            "link text)",
        )
    return extraction, declared


def _agencies(publisher: str | None) -> tuple[str, ...]:
    """The names a dateline may credit the page's publisher by: "Meridian Wire" → ("Meridian Wire", "Meridian")."""
    if not publisher:
        return ()
    words = publisher.split()
    first = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
    return (publisher, first)


def _declared_language(tree: Any) -> str | None:
    """The language a page declares: ``<html lang>``, ``<meta http-equiv="content-language">`` or ``og:locale``."""
    values = [
        *tree.xpath("/html/@lang | /html/@xml:lang"),
        *tree.xpath("//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    return next((str(value).strip() for value in values if str(value).strip()), None)


def _page_stats(tree: Any) -> dict[str, int]:
    """Words of the page's text, of its link text, and characters of script and style against all."""
    body = tree.find("body")
    text_words = link_words = 0
    if body is not None:
        text_words = sum(len(t.split()) for t in body.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
        link_words = sum(len(t.split()) for t in body.xpath(".//a//text()"))
    script = sum(len(t) for t in tree.xpath("//script//text() | //style//text()"))
    total = sum(len(t) for t in tree.xpath("//text()"))
    return {"words": text_words, "link_words": link_words, "script_chars": script, "chars": total}


def _what_page_is(stats: dict[str, int]) -> str:
    """What a page without an article is, from :func:`_page_stats`."""
    words, links = stats["words"], stats["link_words"]
    if words and links >= 0.6 * words:
        return f"the page is mostly links ({links:,} of its {words:,} words are link text)"
    if stats["chars"] and stats["script_chars"] >= 0.8 * stats["chars"]:
        share = stats["script_chars"] / stats["chars"]
        return f"the page is scripts and styles ({share:.0%} of its text; {words:,} words of its own)"
    return f"the page has {words:,} words in all"
