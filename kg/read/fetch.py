"""Fetching web pages and feeds, only when asked (``kg build --fetch URL``, ``--urls FILE``).

kg never touches the network by default: a URL given without ``fetch=True`` is an error that says how
to allow it. When asked, each URL is fetched with the standard library (``urllib``) politely and within
bounds (:class:`FetchLimits`): a clear User-Agent (:data:`USER_AGENT`), the site's robots.txt respected
(fetched once per site, within the same bounds), http and https only, at most 5 redirects (each target
checked again), a timeout on connecting and on each read and one on the whole download, a size cap
(the body is streamed and reading stops at the cap), and a content type kg reads: an HTML page goes
through the HTML reader, an RSS or Atom feed through :mod:`kg.read.feed`; anything else (a PDF, an
image) is refused before its body is read.
"""

from __future__ import annotations

import dataclasses
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputWarning, ReadError
from ..model import VERSION, Document
from .feed import is_feed, read_feed_bytes
from .html import read_html_bytes
from .ids import document_id_for_url

__all__ = ["USER_AGENT", "FetchLimits", "Fetched", "Fetcher", "fetch_documents", "is_url", "read_url_list"]

#: Where a site's owner reads who kg is (the User-Agent names it).
PROJECT_URL = "https://example.org/kg"
#: What kg says it is to the sites it fetches from; robots.txt rules for "kg" (or "*") apply to it.
USER_AGENT = f"kg/{VERSION} (+{PROJECT_URL})"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go.

    Attributes
    ----------
    timeout : float
        Seconds to connect, and to wait for each read (``urllib``'s socket timeout).
    total : float
        Seconds the download of one body may take (a server that trickles bytes is cut off).
    max_bytes : int
        The biggest body read (a page or feed); reading stops there and the URL is refused.
    max_redirects : int
        Redirects followed for one URL.
    robots_max_bytes : int
        The biggest robots.txt read.
    """

    timeout: float = 10.0
    total: float = 30.0
    max_bytes: int = 5 * 2**20
    max_redirects: int = 5
    robots_max_bytes: int = 512 * 2**10


@dataclass(frozen=True)
class Fetched:
    """A body fetched: the URL it came from (after redirects), its kind ("page" or "feed") and charset."""

    url: str
    kind: str
    data: bytes
    charset: str | None = None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as they are: :class:`Fetcher` follows them itself, checking each target."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """Follow nothing (urllib then raises the 3xx as an ``HTTPError``)."""
        return None


@dataclass
class Fetcher:
    """Fetches URLs within :class:`FetchLimits`, keeping each site's robots.txt rules for its next URLs."""

    limits: FetchLimits = FetchLimits()
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)

    def __post_init__(self):
        # No redirect handler of urllib's own; proxies from the environment are honoured (a user's choice).
        self._opener = urllib.request.build_opener(_NoRedirects())

    def fetch(self, url: str) -> Fetched:
        """Fetch the page or feed at ``url``.

        Raises
        ------
        kg.errors.ReadError
            Naming ``url`` and what went wrong: not http(s), refused by robots.txt, too many
            redirects, an HTTP error, a timeout, too big, or a content type kg does not read.
        """
        current = url
        for _ in range(self.limits.max_redirects + 1):
            _check_scheme(url, current)
            self._check_robots(url, current)
            response, headers, location = self._open(url, current)
            if location is None:
                return self._body(url, current, response, headers)
            current = location
        raise ReadError(url, f"refused: more than {self.limits.max_redirects} redirects (the last to {current})")

    def _open(self, url: str, current: str) -> tuple[Any, Message, str | None]:
        """Open ``current`` (fetched for ``url``): the response and its headers, or (None, headers) and
        the target of a redirect."""
        request = urllib.request.Request(current, headers={"User-Agent": self.user_agent, "Accept": _ACCEPT})
        try:
            response = self._opener.open(request, timeout=self.limits.timeout)
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if error.code in _REDIRECTS else None
            error.close()
            if location:
                return None, error.headers, urljoin(current, location)
            raise ReadError(url, f"HTTP {error.code} {error.reason}" + _via(url, current)) from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                raise ReadError(
                    url, f"timed out: no answer in {self.limits.timeout:g} s" + _via(url, current)
                ) from None
            raise ReadError(url, f"cannot connect: {reason}" + _via(url, current)) from None
        except TimeoutError:
            raise ReadError(url, f"timed out: no answer in {self.limits.timeout:g} s" + _via(url, current)) from None
        except OSError as error:
            raise ReadError(url, f"cannot connect: {error.strerror or error}" + _via(url, current)) from None
        return response, response.headers, None

    def _body(self, url: str, current: str, response, headers: Message) -> Fetched:
        """Read a response whose content type kg reads, within the size and time limits."""
        with response:
            content_type = headers.get_content_type() if headers.get("Content-Type") else None
            if content_type is not None and content_type not in _HTML_TYPES | _FEED_TYPES:
                raise ReadError(
                    url,
                    f"refused: content type {content_type}; kg reads HTML pages and RSS or Atom feeds"
                    + _via(url, current),
                )
            data = self._read(url, response, self.limits.max_bytes, headers)
        if content_type in _FEED_TYPES or (content_type is None and is_feed(data)):
            kind = "feed"
        elif content_type in _HTML_TYPES or (
            content_type is None and re.search(rb"(?i)<(!doctype html|html)", data[:4096])
        ):
            kind = "page"
        else:
            raise ReadError(url, "refused: no content type, and neither an HTML page nor a feed" + _via(url, current))
        return Fetched(url=current, kind=kind, data=data, charset=headers.get_content_charset())

    def _read(self, url: str, response, max_bytes: int, headers: Message) -> bytes:
        """The body, streamed: refused past ``max_bytes`` (announced or read) or past the total time."""
        announced = headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > max_bytes:
            raise ReadError(url, f"refused: {int(announced):,} bytes, more than {max_bytes:,}, the most kg reads")
        deadline = time.monotonic() + self.limits.total
        chunks, size = [], 0
        try:
            # read1: what one receive gives, so that the deadline is checked while a server trickles bytes
            while chunk := response.read1(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise ReadError(url, f"refused: more than {max_bytes:,} bytes, the most kg reads; stopped reading")
                if time.monotonic() > deadline:
                    raise ReadError(url, f"timed out: the download took more than {self.limits.total:g} s; stopped")
                chunks.append(chunk)
        except TimeoutError:
            raise ReadError(url, f"timed out: no data for {self.limits.timeout:g} s while reading") from None
        except OSError as error:
            raise ReadError(url, f"connection lost while reading: {error.strerror or error}") from None
        return b"".join(chunks)

    def _check_robots(self, url: str, current: str) -> None:
        """Refuse ``current`` if its site's robots.txt disallows it to kg (or cannot be read: 5xx, timeout)."""
        parts = urlsplit(current)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._read_robots(origin)
        if isinstance(rules, str):
            raise ReadError(url, f"refused: {origin}/robots.txt could not be read ({rules}), so kg does not fetch")
        if not rules.can_fetch(self.user_agent, current):
            raise ReadError(url, f"refused: {origin}/robots.txt disallows it" + _via(url, current))

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The robots.txt rules of a site, or why they could not be read. As RFC 9309 says: 4xx (none
        there) allows everything, but 401/403 nothing; redirects are followed (at most 5); an error, a
        timeout or 5xx (unreachable) disallow everything, for now."""
        rules = urllib.robotparser.RobotFileParser()
        where = f"{origin}/robots.txt"
        for _ in range(self.limits.max_redirects + 1):
            request = urllib.request.Request(where, headers={"User-Agent": self.user_agent})
            try:
                with self._opener.open(request, timeout=self.limits.timeout) as response:
                    data = self._read(where, response, self.limits.robots_max_bytes, response.headers)
            except urllib.error.HTTPError as error:
                error.close()
                location = error.headers.get("Location") if error.code in _REDIRECTS else None
                if location and urlsplit(urljoin(where, location)).scheme in ("http", "https"):
                    where = urljoin(where, location)
                    continue
                if error.code in (401, 403):
                    rules.parse(["User-agent: *", "Disallow: /"])
                elif 400 <= error.code < 500:
                    rules.parse([])  # no rules: everything allowed
                else:
                    return f"HTTP {error.code}"
                return rules
            except ReadError as error:
                return error.problem
            except (urllib.error.URLError, OSError) as error:
                reason = getattr(error, "reason", None) or error
                return "timed out" if isinstance(reason, TimeoutError) else str(reason)
            rules.parse(data.decode("utf-8", errors="replace").splitlines())
            return rules
        return "too many redirects"


_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"


def _check_scheme(url: str, current: str) -> None:
    """Only http and https are fetched (no file:, ftp:, data:), also as the target of a redirect."""
    parts = urlsplit(current)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ReadError(url, f"refused: only http and https URLs are fetched, not {current!r}")


def _via(url: str, current: str) -> str:
    """`` (at URL)`` when a redirect led elsewhere than ``url``, so that a message names both."""
    return f" (at {current})" if current != url else ""


def is_url(source: str | Path) -> bool:
    """Whether an input names a URL (``scheme://...``) rather than a file.

    >>> is_url("https://example.com/news"), is_url("examples/web/feed.xml")
    (True, False)
    """
    return isinstance(source, str) and _URL.match(source) is not None


def read_url_list(path: str | Path) -> list[str]:
    """The URLs listed in a file: one a line; blank lines and lines starting with ``#`` are skipped.

    Raises
    ------
    kg.errors.ReadError
        If the file cannot be read, or a line is not an http(s) URL (naming the file and line).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReadError(str(path), f"cannot read the URL list ({getattr(error, 'strerror', None) or error})") from None
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in line:
            raise ReadError(f"{path}:{number}", f"not an http(s) URL: {line[:200]!r}")
        urls.append(line)
    return urls


def fetch_documents(
    urls: Iterable[str], *, fetcher: Fetcher | None = None
) -> Iterator[Document | ReadError | InputWarning]:
    """Fetch each URL and yield its documents (a page's one, a feed's entries), or a ``ReadError``
    naming the URL; one URL that fails does not stop the others."""
    fetcher = fetcher or Fetcher()
    for url in urls:
        try:
            fetched = fetcher.fetch(url)
        except ReadError as error:
            yield error
            continue
        if fetched.kind == "feed":
            yield from read_feed_bytes(fetched.data, source=url, url=fetched.url, fallback_id=document_id_for_url(url))
        else:
            yield from _read_page(fetched, source=url)


def _read_page(fetched: Fetched, *, source: str) -> Iterator[Document | ReadError | InputWarning]:
    """A fetched page through the reader of saved pages (:func:`kg.read.html.read_html_bytes`): its document
    and notes, naming the URL fetched (``source``); a page with no canonical URL gets the fetched URL's id."""
    try:
        page, notes = read_html_bytes(fetched.data, source=source, doc_id=document_id_for_url(fetched.url))
    except ReadError as error:
        yield error
        return
    yield from notes
    if page is not None:
        yield dataclasses.replace(page, url=page.url or fetched.url)
