"""Document ids for what is read from the web: stable (the same page, the same id) and safe in an IRI
and a file name."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

__all__ = ["document_id_for_url"]

#: An id keeps at most this many characters of the URL's host and path; longer ones end in a hash.
MAX_ID_CHARS = 120

_UNSAFE = re.compile(r"[^A-Za-z0-9._~/-]+")


def document_id_for_url(url: str) -> str:
    """The id of the document at ``url``: its host and path, lower-cased host, without the scheme,
    a ``www.`` prefix, the query's tracking or a fragment; characters other than letters, digits and
    ``. _ ~ / -`` become ``-``. A URL whose query names the page (``?id=123``) keeps a hash of it;
    an id that would be too long is cut and ends in a hash of the whole URL.

    >>> document_id_for_url("https://www.bbc.co.uk/news/world-africa-52345678?at_medium=RSS#top")
    'bbc.co.uk/news/world-africa-52345678'
    >>> document_id_for_url("HTTPS://Example.com/story.php?id=42") == document_id_for_url("https://example.com/story.php?id=42")
    True
    >>> document_id_for_url("https://example.com/story.php?id=42") != document_id_for_url("https://example.com/story.php?id=43")
    True
    >>> document_id_for_url("https://example.com/a/../../etc/passwd")
    'example.com/a/etc/passwd'

    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or ""
    key = _UNSAFE.sub("-", f"{host}{path}").strip("-/") or "page"
    key = re.sub(r"/{2,}", "/", key)
    # no "." or ".." segment: an id is also a path in the graph's IRIs and in file names
    key = "/".join(part for part in key.split("/") if part not in (".", "..")) or "page"
    query = "&".join(pair for pair in sorted(parts.query.split("&")) if pair and not pair.lower().startswith(_TRACKING))
    if query:
        key += "-" + hashlib.sha1(query.encode("utf-8")).hexdigest()[:8]
    if len(key) > MAX_ID_CHARS:
        key = key[: MAX_ID_CHARS - 9].rstrip("-/") + "-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return key


#: Query parameters that track a reader, not name a page.
_TRACKING = ("utm_", "at_", "fbclid", "gclid", "mc_", "ref=", "cmpid", "ocid")
