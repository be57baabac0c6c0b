"""Feeds (kg/read/feed.py): RSS 0.91, 1.0 and 2.0 and Atom, one document per entry with its metadata;
refused entities, malformed feeds and a 10,000-entry feed. The fixtures in tests/read/feeds/ were
written for kg (fictional news)."""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import InputWarning, ReadError
from kg.model import Document
from kg.read import feed as feed_module
from kg.read import iter_documents
from kg.read.feed import html_to_text, is_feed, read_feed, read_feed_bytes

FEEDS = Path(__file__).parent / "feeds"


def split(items):
    """The documents, errors and warnings of a reader's output."""
    items = list(items)
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, ReadError)],
        [i for i in items if isinstance(i, InputWarning)],
    )


def test_rss20_entries_carry_their_metadata_and_full_text():
    documents, errors, warnings = split(read_feed(FEEDS / "rss20.xml"))
    assert not errors
    assert [d.id for d in documents] == [
        "harbourcourier.example/world/2024/mar/14/valdora-port-strike-ends",  # utm_ tracking dropped
        "harbourcourier.example/world/2024/mar/13/northern-alliance-rejects-ceasefire",
        "harbourcourier.example/business/2024/mar/12/central-bank-holds-rates",
    ]
    strike = documents[0]
    assert strike.title == "Port workers in Valdora end strike after pay deal"
    # 00:40 on the 15th at +01:00: the day the publisher wrote, not feedparser's UTC day (the 14th).
    assert strike.date == "2024-03-15"
    assert (strike.author, strike.publisher, strike.language.lower()) == (
        "Maria Castell",
        "The Harbour Courier",
        "en-gb",
    )
    assert strike.url.startswith("https://www.harbourcourier.example/world/2024/mar/14/valdora-port-strike-ends")
    assert strike.source == str(FEEDS / "rss20.xml")
    # The full text (content:encoded), not the one-line description; HTML gone, script and caption dropped.
    assert strike.text.startswith("Port workers in Valdora end strike after pay deal\nDock workers at the port")
    assert "Transport minister Tomas Irigo welcomed the agreement" in strike.text
    assert "trackArticle" not in strike.text and "Cranes stood idle" not in strike.text and "<p>" not in strike.text
    assert "mediators from the Coastal Union" in documents[1].text  # a line break in the source is a space
    assert documents[1].author == "Samir Okafor"  # RSS's "email (Name)"
    # The third entry has only a description: built, and the build is told.
    assert "Governor Paul Ortega" in documents[2].text
    assert [w.problem for w in warnings] == [
        "1 of 3 entries carry only a summary (no content:encoded or Atom content): their summaries were built"
    ]


def test_rss10_rss091_and_atom():
    rdf, errors, _ = split(read_feed(FEEDS / "rss10.xml"))
    assert not errors and [d.title for d in rdf] == ["Ferry line to Skarholm reopens", "Bergvik mayor resigns"]
    ferry = rdf[0]
    assert (ferry.date, ferry.author, ferry.publisher) == ("2023-11-02", "Ingrid Moe", "Fjord Post")
    assert ferry.language == "en"
    assert "Nordline, which runs the route" in rdf[0].text  # content:encoded in RSS 1.0 too

    netscape, errors, _ = split(read_feed(FEEDS / "rss091.xml"))  # with the Netscape DOCTYPE, in ISO-8859-1
    assert not errors and len(netscape) == 1
    assert netscape[0].id == "mountaingazette.example/news/avalanche-closes-pass-road.html"
    assert "Café owners" in netscape[0].text and netscape[0].date is None and netscape[0].language.lower() == "en-us"

    atom, errors, warnings = split(read_feed(FEEDS / "atom.atom"))
    assert not errors and not warnings  # both entries carry content
    water, storm = atom
    assert water.title == "Senate passes water bill"  # an HTML title, as text
    assert water.date == "2024-05-19"  # published 18:20 at -05:00 (the 19th), not updated, not UTC (the 20th)
    assert (water.author, water.publisher, water.language) == ("Grace Whitfield", "Meridian Wire", "en")
    assert "Senator Ruth Calder" in water.text
    # No link: the id is made from the entry's urn, safe in an IRI and a file name.
    assert storm.id == "entry/urn-uuid-7c9e6679-7425-40de-944b-e07fc1f90ae7" and storm.url is None
    assert storm.date == "2024-05-18" and "gales along the coast" in storm.text


def test_the_same_entry_read_twice_is_the_same_document(tmp_path):
    first = [d.id for d in read_feed(FEEDS / "rss20.xml") if isinstance(d, Document)]
    moved = tmp_path / "copy.rss"
    moved.write_bytes((FEEDS / "rss20.xml").read_bytes())
    assert [d.id for d in read_feed(moved) if isinstance(d, Document)] == first


@pytest.mark.parametrize("name", ["bomb.xml", "external.rss", "bomb-utf16.xml"])
def test_entities_are_refused_before_parsing(name, tmp_path):
    if name == "bomb-utf16.xml":  # the same bomb in UTF-16, with and without a byte-order mark: still found
        (tmp_path / name).write_bytes((FEEDS / "bomb.xml").read_text().encode("utf-16"))
        (tmp_path / "no-bom.xml").write_bytes((FEEDS / "bomb.xml").read_text().encode("utf-16-le"))
        assert "refused: the feed declares entities" in str(next(read_feed(tmp_path / "no-bom.xml")))
    path = tmp_path / name if name == "bomb-utf16.xml" else FEEDS / name
    items = list(read_feed(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert str(items[0]) == (
        f"{path}: refused: the feed declares entities (<!ENTITY or a DOCTYPE with an internal subset), "
        "which could read other files or expand without bound; feeds do not need them"
    )


def test_a_doctype_naming_a_dtd_on_the_network_fetches_nothing():
    """RSS 0.91's DOCTYPE names a DTD by URL: the feed is read, and nothing connects to it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    data = (FEEDS / "rss091.xml").read_bytes().replace(b"127.0.0.1:9", f"127.0.0.1:{port}".encode())
    connected = []

    def accept():
        with contextlib.suppress(OSError):  # the timeout: nothing came
            connected.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    documents, errors, _ = split(read_feed_bytes(data, source="netscape.xml"))
    thread.join()
    listener.close()
    assert len(documents) == 1 and not errors and not connected


def test_a_malformed_feed_is_one_line_naming_the_file_and_the_batch_goes_on():
    documents, errors, _ = split(iter_documents([FEEDS / "broken.xml", FEEDS / "atom.atom"]))
    assert [str(e) for e in errors] == [f"{FEEDS / 'broken.xml'}: malformed feed: mismatched tag at line 8, column 5"]
    assert len(documents) == 2


def test_an_xml_file_that_is_not_a_feed(tmp_path):
    (error,) = read_feed(FEEDS / "sitemap.xml")
    not_feed = "not an RSS or Atom feed (its root element is not rss, feed or rdf:RDF)"
    assert str(error) == f"{FEEDS / 'sitemap.xml'}: {not_feed}"
    # In a folder, an .xml file that is no feed is skipped with a warning (a folder of articles may hold one).
    (tmp_path / "sitemap.xml").write_bytes((FEEDS / "sitemap.xml").read_bytes())
    (tmp_path / "news.rss").write_bytes((FEEDS / "rss20.xml").read_bytes())
    (tmp_path / "note.txt").write_text("Harbour reopens\nThe harbour of Valdora reopened on Friday.\n")
    documents, errors, warnings = split(iter_documents([tmp_path]))
    assert not errors and len(documents) == 4
    assert f"{tmp_path / 'sitemap.xml'}: skipped: not an RSS or Atom feed" in [str(w) for w in warnings]
    # ... but one that declares entities is still refused, loudly.
    (tmp_path / "sitemap.xml").write_bytes((FEEDS / "bomb.xml").read_bytes().replace(b"<rss", b"<urlset"))
    _, errors, _ = split(iter_documents([tmp_path]))
    assert len(errors) == 1 and "refused: the feed declares entities" in str(errors[0])


def test_a_feed_with_10000_entries_is_read_whole():
    """Not capped: 10,000 entries are 10,000 documents (~4 s here); the file-size cap bounds memory."""
    items = "".join(
        f"<item><title>Council story {i}</title><link>https://news.example/s/{i}</link>"
        f"<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>"
        f"<description>The council of Valdora met on Monday to discuss item {i}.</description></item>"
        for i in range(10_000)
    )
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()
    documents, errors, warnings = split(read_feed_bytes(data, source="big.xml"))
    assert not errors and len(documents) == 10_000 and len({d.id for d in documents}) == 10_000
    assert documents[-1].id == "news.example/s/9999" and documents[-1].date == "2024-01-01"
    assert [w.problem for w in warnings] == [
        "10000 of 10000 entries carry only a summary (no content:encoded or Atom content): their summaries were built"
    ]


def test_a_feed_file_over_the_size_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(feed_module, "MAX_FEED_BYTES", 1024)
    (error,) = read_feed(FEEDS / "rss20.xml")
    assert str(error) == f"{FEEDS / 'rss20.xml'}: refused: 4.3 KiB, more than the 1 KiB kg reads of a feed"


def test_entries_without_text_or_not_in_english_are_skipped_and_said(monkeypatch):
    data = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Le Courrier</title><language>fr</language>
      <item><title>Le port rouvre</title><link>https://courrier.example/port</link>
        <description>Le port de Valdora a rouvert jeudi.</description></item>
      <item><title>Empty</title><link>https://courrier.example/empty</link></item>
    </channel></rss>"""
    documents, errors, warnings = split(read_feed_bytes(data, source="fr.xml"))
    assert not documents and not errors
    assert [w.problem for w in warnings] == [
        "1 of 2 entries have no text (no content or summary): skipped",
        "1 of 2 entries not in English (fr): skipped",
    ]


def test_sniffing_and_html_to_text():
    assert is_feed((FEEDS / "rss10.xml").read_bytes()) and is_feed((FEEDS / "atom.atom").read_bytes())
    assert not is_feed(b"<html><body>not a feed</body></html>") and not is_feed(b"plain text")
    assert is_feed("\ufeff<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>".encode("utf-16"))
    assert html_to_text("<ul><li>one</li><li>two<br>three</li></ul><style>p{}</style>") == "one\ntwo\nthree"


@pytest.mark.model
def test_kg_build_of_feeds_with_a_broken_one(tmp_path):
    from kg.cli import main

    result = CliRunner().invoke(
        main, ["build", str(FEEDS / "broken.xml"), str(FEEDS / "atom.atom"), "-o", str(tmp_path), "--no-html"]
    )
    assert result.exit_code == 1
    assert f"Error: {FEEDS / 'broken.xml'}: malformed feed: mismatched tag at line 8, column 5" in result.output
    assert "Built 2 documents" in result.output
    trig = (tmp_path / "graph.trig").read_text()
    assert '"Grace Whitfield"' in trig and '"Meridian Wire"' in trig and "https://meridianwire.example/politics" in trig
