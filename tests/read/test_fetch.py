"""Fetching pages and feeds (kg/read/fetch.py, kg build --fetch/--urls), from a local HTTP server on
127.0.0.1 in a thread serving fixtures written for kg: never the internet."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import ReadError
from kg.model import Document
from kg.read import iter_documents
from kg.read.fetch import USER_AGENT, Fetcher, FetchLimits, fetch_documents, read_url_list

FEEDS = Path(__file__).parent / "feeds"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "web"
LIMITS = FetchLimits(timeout=1.0, total=2.0, max_bytes=200_000, max_redirects=5)


class Site(BaseHTTPRequestHandler):
    """The routes of the test site; ``server.robots`` is what /robots.txt answers (a text, or a status)."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.requests.append((self.path, self.headers.get("User-Agent")))
        path = self.path
        if path == "/robots.txt":
            if isinstance(self.server.robots, int):
                return self._send(self.server.robots, "text/plain", b"no")
            return self._send(200, "text/plain", self.server.robots.encode())
        if path == "/news/page.html":
            return self._send(200, "text/html; charset=utf-8", (EXAMPLES / "page.html").read_bytes())
        if path == "/feeds/world.xml":
            return self._send(200, "application/rss+xml", (FEEDS / "rss20.xml").read_bytes())
        if path == "/feeds/untyped":
            return self._send(200, None, (FEEDS / "atom.atom").read_bytes())
        if path.startswith("/hop/"):  # /hop/N redirects to /hop/N-1, /hop/0 to the feed
            hops = int(path.rsplit("/", 1)[1])
            return self._redirect(f"/hop/{hops - 1}" if hops else "/feeds/world.xml")
        if path == "/to-file":
            return self._redirect("file:///etc/passwd")
        if path == "/private/secret.html":
            return self._send(200, "text/html", b"<html><p>secret</p></html>")
        if path == "/report.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.7 " + b"x" * 1000)
        if path == "/huge.html":  # announces nothing, streams far past the cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"a" * 65536 + b"</p>")
            except OSError:
                pass  # the client stopped reading at the cap
            return None
        if path == "/announced-huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            return None
        if path == "/slow.html":  # answers after the client's timeout
            time.sleep(1.5)
            return self._send(200, "text/html", b"<html><p>late</p></html>")
        if path == "/trickle.html":  # a byte every 0.3 s for a minute: no read times out, the download does
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.3)
                self.server.trickled_to_the_end = True
            except OSError:
                pass  # the client hung up
            return None
        return self._send(404, "text/plain", b"not found")

    def _send(self, status, content_type, body):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start_site(robots="User-agent: *\nDisallow: /private/\n"):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    server.requests, server.robots = [], robots
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def site():
    server = start_site()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url, limits=LIMITS):
    return list(fetch_documents([url], fetcher=Fetcher(limits)))


def only_error(items) -> str:
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return str(items[0])


def test_a_feed_is_fetched_politely(site):
    server, base = site
    documents = fetch(f"{base}/feeds/world.xml")
    documents = [d for d in documents if isinstance(d, Document)]
    assert [d.title for d in documents][:2] == [
        "Port workers in Valdora end strike after pay deal",
        "Northern Alliance rejects ceasefire proposal",
    ]
    assert documents[0].source == f"{base}/feeds/world.xml" and documents[0].publisher == "The Harbour Courier"
    # robots.txt first, then the feed; both say who kg is.
    assert [path for path, _ in server.requests] == ["/robots.txt", "/feeds/world.xml"]
    assert {agent for _, agent in server.requests} == {USER_AGENT} and USER_AGENT.startswith("kg/")


def test_a_page_is_read_and_robots_txt_is_read_once_per_site(site):
    server, base = site
    fetcher = Fetcher(LIMITS)
    items = list(fetch_documents([f"{base}/news/page.html", f"{base}/feeds/untyped"], fetcher=fetcher))
    page = next(d for d in items if isinstance(d, Document) and d.source == f"{base}/news/page.html")
    assert "Marenia" in page.text and page.title  # through the HTML reader (or, before W's, the stand-in)
    atom = [d for d in items if isinstance(d, Document) and d.source == f"{base}/feeds/untyped"]
    assert len(atom) == 2  # no content type: sniffed as a feed
    assert [path for path, _ in server.requests].count("/robots.txt") == 1


def test_redirects_are_followed_up_to_five(site):
    server, base = site
    assert len([d for d in fetch(f"{base}/hop/4") if isinstance(d, Document)]) == 3  # 5 redirects
    assert only_error(fetch(f"{base}/hop/5")) == (
        f"{base}/hop/5: refused: more than 5 redirects (the last to {base}/feeds/world.xml)"
    )
    assert only_error(fetch(f"{base}/to-file")) == (
        f"{base}/to-file: refused: only http and https URLs are fetched, not 'file:///etc/passwd'"
    )


def test_robots_txt_disallow_and_unreadable_robots(site):
    server, base = site
    assert only_error(fetch(f"{base}/private/secret.html")) == (
        f"{base}/private/secret.html: refused: {base}/robots.txt disallows it"
    )
    assert "/private/secret.html" not in [path for path, _ in server.requests]
    server.robots = 503  # a new fetcher reads it again: unreachable means disallowed, for now
    assert only_error(fetch(f"{base}/news/page.html")) == (
        f"{base}/news/page.html: refused: {base}/robots.txt could not be read (HTTP 503), so kg does not fetch"
    )
    server.robots = 404  # no robots.txt: everything allowed
    assert any(isinstance(d, Document) for d in fetch(f"{base}/news/page.html"))


def test_size_cap_timeouts_and_content_types(site):
    _, base = site
    assert only_error(fetch(f"{base}/huge.html")) == (
        f"{base}/huge.html: refused: more than 200,000 bytes, the most kg reads; stopped reading"
    )
    assert only_error(fetch(f"{base}/announced-huge.html")) == (
        f"{base}/announced-huge.html: refused: 50,000,000 bytes, more than 200,000, the most kg reads"
    )
    assert only_error(fetch(f"{base}/slow.html")) == f"{base}/slow.html: timed out: no answer in 1 s"
    assert only_error(fetch(f"{base}/trickle.html")) == (
        f"{base}/trickle.html: timed out: the download took more than 2 s; stopped"
    )
    assert not getattr(site[0], "trickled_to_the_end", False)  # cut off, not read to its end
    assert only_error(fetch(f"{base}/report.pdf")) == (
        f"{base}/report.pdf: refused: content type application/pdf; kg reads HTML pages and RSS or Atom feeds"
    )
    assert only_error(fetch(f"{base}/missing.html")) == f"{base}/missing.html: HTTP 404 Not Found"
    assert only_error(fetch("ftp://127.0.0.1/feed.xml")).endswith(
        "only http and https URLs are fetched, not 'ftp://127.0.0.1/feed.xml'"
    )


def test_without_fetch_a_url_is_an_error_and_nothing_is_requested(site, tmp_path):
    server, base = site
    (error,) = iter_documents([f"{base}/feeds/world.xml"])
    assert str(error) == (
        f"{base}/feeds/world.xml: a URL: kg reads the network only when asked "
        "(kg build --fetch, kg.build(..., fetch=True))"
    )
    result = CliRunner().invoke(main, ["build", f"{base}/feeds/world.xml", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{base}/feeds/world.xml is a URL: kg touches the network only when asked; add --fetch" in result.output
    assert server.requests == [] and not list(tmp_path.iterdir())


def test_url_lists(tmp_path):
    listed = tmp_path / "urls.txt"
    listed.write_text("# today's feeds\n\nhttps://news.example/feed.xml\n  http://other.example/page.html  \n")
    assert read_url_list(listed) == ["https://news.example/feed.xml", "http://other.example/page.html"]
    listed.write_text("https://news.example/feed.xml\nfile:///etc/passwd\n")
    with pytest.raises(ReadError, match=r"urls.txt:2: not an http\(s\) URL: 'file:///etc/passwd'"):
        read_url_list(listed)
    result = CliRunner().invoke(main, ["build", "--urls", str(listed), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "urls.txt:2: not an http(s) URL" in result.output
    assert not (tmp_path / "out").exists()  # a bad list fails before anything is fetched


@pytest.mark.model
def test_kg_build_fetch_and_urls(site, tmp_path):
    server, base = site
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# feeds\n{base}/feeds/untyped\n{base}/private/secret.html\n")
    result = CliRunner().invoke(
        main, ["build", "--fetch", f"{base}/feeds/world.xml", "--urls", str(listed), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 1, result.output  # the disallowed URL
    assert f"Error: {base}/private/secret.html: refused: {base}/robots.txt disallows it" in result.output
    assert "Built 5 documents" in result.output
    listing = CliRunner().invoke(main, ["documents", str(tmp_path / "out"), "--format", "csv"])
    assert "harbourcourier.example/world/2024/mar/13/northern-alliance-rejects-ceasefire" in listing.output


def test_a_fetched_page_goes_through_the_saved_page_reader(site):
    """A fetched page is read as a saved one (kg.read.html): its article, title and canonical URL; its document
    names the URL fetched as its source."""
    _, base = site
    (page,) = fetch(f"{base}/news/page.html")
    assert page.source == f"{base}/news/page.html"
    assert page.url == "https://www.coastalherald.example/world/2024/mar/12/coastal-union-envoy-arrives-port-alden"
    assert page.id == "coastalherald.example/world/2024/mar/12/coastal-union-envoy-arrives-port-alden"
    assert page.title.startswith("Coastal Union envoy arrives in Port Alden")
    assert "Marenia" in page.text and "cookie" not in page.text.lower()
