"""Saved web pages (issue 20): the article without the page around it, its metadata, the date's precedence,
the language check, re-reading, and hostile pages. The fixtures are in tests/read/pages/ (generate.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputWarning, ReadError
from kg.graph import load
from kg.read import iter_documents
from kg.read.html import MAX_PAGE_BYTES, decode_page, read_html
from kg.read.ids import document_id_for_url
from kg.read.language import declared_or_detected_language, is_english
from tests.read.pages.generate import huge_page

PAGES = Path(__file__).parent / "pages"
ARTICLES = sorted(PAGES.glob("*.html"))
FIELDS = ("title", "date", "author", "publisher", "url", "language")


def truth(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".truth.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(text.split())


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_fixtures_are_twenty_pages_of_five_layouts_sized_like_real_pages():
    assert len(ARTICLES) == 20
    assert len({truth(page)["layout"] for page in ARTICLES}) >= 5
    sizes = {page.name: page.stat().st_size for page in ARTICLES}
    assert all(30_000 <= size <= 150_000 for size in sizes.values()), sizes
    for page in ARTICLES:
        html = page.read_text(encoding="utf-8")
        assert html.count("<script") >= 2 and "<style" in html and "<nav" in html, page.name


def test_the_article_text_is_extracted_without_the_boilerplate():
    found = missed = boilerplate = kept = 0
    report = []
    for page in ARTICLES:
        document, _ = read_html(page, doc_id=page.stem)
        assert document is not None, page.name
        text, expected = words(document.text), truth(page)
        lost = [s for s in expected["sentences"] if words(s) not in text]
        leaked = [s for s in expected["boilerplate"] if words(s) in text]
        found += len(expected["sentences"]) - len(lost)
        missed += len(lost)
        boilerplate += len(expected["boilerplate"])
        kept += len(leaked)
        if lost or leaked:
            report.append(f"{page.name}: {len(lost)} sentences missed {lost[:2]}; boilerplate kept {leaked[:2]}")
    recall, leak = found / (found + missed), kept / boilerplate
    assert recall >= 0.95 and leak <= 0.02, f"recall {recall:.3f}, boilerplate {leak:.3f}\n" + "\n".join(report)


def test_the_metadata_of_every_page_is_right():
    wrong = []
    for page in ARTICLES:
        document, _ = read_html(page, doc_id=page.stem)
        assert document is not None
        expected = truth(page)
        wrong += [
            f"{page.name}: {field} {getattr(document, field)!r}, expected {expected[field]!r}"
            for field in FIELDS
            if getattr(document, field) != expected[field]
        ]
        if document.id != document_id_for_url(expected["url"]):
            wrong.append(f"{page.name}: id {document.id!r}")
        if document.source != str(page) or document.title != document.text.split("\n", 1)[0]:
            wrong.append(f"{page.name}: source {document.source!r}, first line {document.text[:60]!r}")
    assert not wrong, "\n".join(wrong)


def test_held_out_pages_of_two_new_layouts_keep_their_text_and_metadata():
    # Written after the reader (tests/read/pages/heldout.py): a check that it was not fitted to the 20 pages.
    # Their text and metadata come out whole; their boilerplate does not all go (10 of 36 sentences were kept
    # when they were written: comments in an unmarked container, a "trending" box and a rights line inside the
    # article's container), which is why it is measured here and not held to the 2 % of the 20 pages.
    pages = sorted((PAGES / "heldout").glob("*.html"))
    assert len({truth(page)["layout"] for page in pages}) == 2
    assert not {truth(page)["layout"] for page in pages} & {truth(page)["layout"] for page in ARTICLES}
    for page in pages:
        document, _ = read_html(page, doc_id=page.stem)
        assert document is not None
        expected, text = truth(page), words(document.text)
        assert [s for s in expected["sentences"] if words(s) not in text] == [], page.name
        assert {field: getattr(document, field) for field in FIELDS} == {field: expected[field] for field in FIELDS}


def test_a_dateline_dates_a_page_whose_metadata_has_no_date():
    page = PAGES / "meridian-eu-chips.html"
    assert truth(page)["date_from"] == "dateline"
    assert "2026-02-24" not in re.sub(r"BRUSSELS, Feb 24, 2026", "", page.read_text(encoding="utf-8"))
    document, _ = read_html(page, doc_id="x")
    assert document is not None and document.date == "2026-02-24"
    assert document.dateline is not None and (document.dateline.place, document.dateline.agency) == (
        "Brussels",
        "Meridian",
    )


def test_a_dateline_may_credit_the_pages_publisher_as_its_agency():
    from kg.text.wire import find_dateline

    text = "EU backs chip fund\nBRUSSELS, Feb 24 (Meridian) - Ministers backed a fund on Tuesday."
    assert find_dateline(text, year="2026") is None  # "(Meridian)" is not an agency kg knows
    line = find_dateline(text, year="2026", agencies=("Meridian Wire", "Meridian"))
    assert line is not None and (line.place, line.date, line.agency) == ("Brussels", "2026-02-24", "Meridian")


def test_a_page_without_a_canonical_url_has_its_files_id_and_no_date_without_one(tmp_path):
    html = (PAGES / "ledger-heat-pumps.html").read_text(encoding="utf-8")
    html = re.sub(r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>|"mainEntityOfPage": "[^"]*",', "", html)
    html = re.sub(r'<meta property="article:published_time"[^>]*>|<time[^>]*>[^<]*</time>', "", html)
    html = re.sub(r'"date(Published|Modified)": "[^"]*",', "", html)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "story.htm").write_text(html, encoding="utf-8")
    [document] = [d for d in iter_documents([tmp_path]) if not isinstance(d, (ReadError, InputWarning))]
    assert document.id == "saved/story" and document.url is None and document.date is None
    assert document.title == "Heat pump installations double as grant scheme is extended"


def test_pages_not_in_english_are_reported_and_skipped():
    items = list(iter_documents([PAGES / "foreign"]))
    assert all(isinstance(item, InputWarning) for item in items), items
    lines = sorted(str(item) for item in items)
    assert len(lines) == 3
    assert "ledger-fr-greve.html: not in English (language fr, declared by the page): skipped" in lines[0]
    assert "meridian-de-bahn.html: not in English (language de, declared by the page)" in lines[1]
    assert "pulse-es-hospitales.html: not in English (language es, detected)" in lines[2]


def test_a_language_declared_as_no_tag_is_detected(tmp_path):
    html = (PAGES / "foreign" / "pulse-es-hospitales.html").read_text(encoding="utf-8")
    page = tmp_path / "es.html"
    page.write_text(html.replace("<html ⚡>", '<html ⚡ lang="Spanish, Spain">'), encoding="utf-8")
    assert 'lang="Spanish, Spain"' in page.read_text(encoding="utf-8")
    document, [note] = read_html(page, doc_id="es")
    assert document is None and str(note) == (
        f"{page}: not in English (language es, detected): skipped, kg reads English only"
    )


def test_the_language_is_the_declared_one_else_the_detectors():
    assert declared_or_detected_language("Le port du Havre est en grève.", "en-gb") == "en-GB"
    assert declared_or_detected_language("x", "en_US") == "en-US"
    spanish = "El número de pacientes que esperan una operación en los hospitales de Andalucía bajó otra vez en enero."
    assert declared_or_detected_language(spanish, None) == "es"
    assert declared_or_detected_language(spanish, "not a tag!") == "es"
    english = "The number of patients waiting for an operation in Welsh hospitals fell again in January, they said."
    assert declared_or_detected_language(english, None) == "en"
    assert declared_or_detected_language("Tripoli truce", None) is None  # too short to tell
    assert [is_english(x) for x in ("en", "EN-gb", None, "fr", "es-419")] == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("name", "declared"),
    [("lying-charset-utf-8.html", "iso-8859-1"), ("lying-charset-cp1252.html", "utf-8")],
)
def test_a_page_whose_charset_lies_is_read_as_its_bytes_are(name, declared):
    page = PAGES / "hostile" / name
    document, notes = read_html(page, doc_id="x")
    assert document is not None
    assert document.title == "Café owners in Brontë country fear a £4m bypass will take their trade"
    assert "Renée Holt" in document.text and "£4m" in document.text
    assert not re.search("Ã|Â|Ł|\ufffd", document.text), document.text[:300]
    [note] = notes
    assert str(note).startswith(f"{page}: declares charset {declared} but its bytes are ")


def test_decoding_follows_a_declared_charset_that_holds():
    assert decode_page('<meta charset="koi8-r"><p>Мир</p>'.encode("koi8-r"), "p.html") == (
        '<meta charset="koi8-r"><p>Мир</p>',
        None,
    )
    text, note = decode_page("<p>Caf\u00e9 owners fear a \u00a34m bypass</p>".encode("cp1252"), "p.html")
    assert text == "<p>Café owners fear a £4m bypass</p>"
    assert note == "no charset declared (invalid UTF-8 byte 0xe9 at offset 6): read as cp1252 (detected)"
    with pytest.raises(ReadError, match="binary file"):
        decode_page(b"%PDF-1.4 <html>", "p.html")


def test_hostile_pages_each_give_one_clear_line(tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(PAGES / "hostile", folder)
    huge = huge_page(folder / "huge.html", size=MAX_PAGE_BYTES + 1000)
    assert huge.stat().st_size > MAX_PAGE_BYTES
    errors = {}
    for item in iter_documents([folder]):
        if isinstance(item, ReadError):
            errors[Path(item.source).name] = str(item)
    assert set(errors) == {"huge.html", "mostly-links.html", "scripts-only.html"}
    assert "over the size cap of 5 MB" in errors["huge.html"]
    assert "the page is mostly links" in errors["mostly-links.html"]
    assert "the page is scripts and styles" in errors["scripts-only.html"]
    assert all("\n" not in line and line.startswith(str(folder)) for line in errors.values())


def test_pages_that_are_empty_binary_or_an_entity_bomb_are_refused(tmp_path):
    (tmp_path / "empty.html").write_bytes(b" \n")
    (tmp_path / "report.html").write_bytes(b"%PDF-1.4 \x00\x01")
    entities = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "' + "&a;" * 10 + '"><!ENTITY c "' + "&b;" * 10 + '">'
    (tmp_path / "bomb.html").write_text(f"<!DOCTYPE html [{entities}]><html><body><p>&c;&c;</p></body></html>")
    errors = {Path(e.source).name: e.problem for e in iter_documents([tmp_path]) if isinstance(e, ReadError)}
    assert errors == {
        "empty.html": "empty page (no HTML)",
        "report.html": "binary file (a PDF document), expected text",
        "bomb.html": "no article text found (2 words extracted): the page has 2 words in all",  # not expanded
    }


# --- through `kg build` (the spaCy model) -------------------------------------------------------------


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory):
    """`kg build` of the 20 pages (a folder with the foreign ones too): (output folder, result)."""
    folder = tmp_path_factory.mktemp("pages") / "in"
    folder.mkdir()
    for page in [*ARTICLES, *sorted((PAGES / "foreign").glob("*.html"))]:
        shutil.copy(page, folder / page.name)
    out = folder.parent / "out"
    return out, run("build", folder, "-o", out, "--no-html")


@pytest.mark.model
def test_kg_build_of_the_pages_reports_the_foreign_ones_and_validates(pages_build):
    out, result = pages_build
    assert result.exit_code == 0, result.output
    assert "Built 20 documents" in result.output
    assert result.output.count("not in English") == 3
    validated = run("validate", out / "graph.trig")
    assert validated.exit_code == 0 and "conforms" in validated.output, validated.output
    graph = load(out / "graph.trig")
    rows = graph.query(
        """PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?creator ?publisher ?language ?source WHERE {
          ?d dcterms:identifier ?id ; dcterms:creator ?creator ; dcterms:publisher ?publisher ;
             dcterms:language ?language ; dcterms:source ?source }"""
    )
    found = {str(row.id): (str(row.creator), str(row.publisher), str(row.language), str(row.source)) for row in rows}
    expected = {
        document_id_for_url(t["url"]): (t["author"], t["publisher"], t["language"], t["url"])
        for t in map(truth, ARTICLES)
    }
    assert found == expected


@pytest.mark.model
def test_the_shapes_hold_a_document_to_one_language_tag_and_one_publisher(pages_build):
    from rdflib import Literal, Namespace

    from kg.validate import validate

    out, _ = pages_build
    graph = load(out / "graph.trig").graph
    dcterms = Namespace("http://purl.org/dc/terms/")
    document = next(graph.subjects(dcterms.language, Literal("en-GB")))
    graph.add((document, dcterms.language, Literal("en")))
    graph.add((document, dcterms.publisher, Literal("Another site")))
    other = next(d for d in graph.subjects(dcterms.language, Literal("en")) if d != document)
    graph.set((other, dcterms.language, Literal("English (UK)")))
    messages = {(v.focus, v.message) for v in validate(graph)}
    assert (str(document), 'a document has at most one language, a BCP 47 tag ("en", "en-GB")') in messages
    assert (str(document), "a document has at most one publisher (its site or feed), a string") in messages
    assert (str(other), 'a document has at most one language, a BCP 47 tag ("en", "en-GB")') in messages


@pytest.mark.model
def test_the_same_page_read_again_replaces_itself_with_append(pages_build, tmp_path):
    out, _ = pages_build
    again = tmp_path / "saved-again.html"  # another file, the same canonical URL
    shutil.copy(PAGES / "ledger-port-strike.html", again)
    mine = tmp_path / "out"
    shutil.copytree(out, mine)
    result = run("build", again, "-o", mine, "--append", "--no-html")
    assert result.exit_code == 0, result.output
    assert "Built 1 document" in result.output and "1 replacing the earlier build" in result.output
    stats = run("stats", mine / "graph.trig")
    assert re.search(r"documents\D+20\b", stats.output), stats.output


@pytest.mark.model
def test_the_build_date_wins_then_the_metadata_then_the_dateline(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("ledger-heat-pumps.html", "meridian-eu-chips.html"):
        shutil.copy(PAGES / name, folder / name)
    (folder / "wire.txt").write_text("Truce talks fail\n30 April 2020\nThe talks in Geneva ended.\n", encoding="utf-8")
    query = """PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?date WHERE { ?d dcterms:identifier ?id ; dcterms:date ?date }"""
    dates = {}
    for date in (None, "2027-01-01"):
        out = tmp_path / f"out-{date}"
        result = run("build", folder, "-o", out, "--no-html", *(("--date", date) if date else ()))
        assert result.exit_code == 0, result.output
        dates[date] = {str(row.id): str(row.date) for row in load(out / "graph.ttl").query(query)}
    metadata, dateline = (
        "dailyledger.co.uk/environment/2026/jan/19/heat-pump-installations-double-grant",
        ("meridianwire.com/technology/eu-ministers-back-chip-fund"),
    )
    assert dates[None] == {metadata: "2026-01-19", dateline: "2026-02-24", "wire": "2020-04-30"}
    # --date wins over a page's own date; a text's own date still wins over it (as before).
    assert dates["2027-01-01"] == {metadata: "2027-01-01", dateline: "2027-01-01", "wire": "2020-04-30"}


@pytest.mark.model
def test_kg_build_of_a_folder_of_hostile_pages_builds_the_rest(tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(PAGES / "hostile", folder)
    huge_page(folder / "huge.html", size=MAX_PAGE_BYTES + 1000)
    shutil.copy(PAGES / "gazette-lifeboat-rescue.html", folder / "good.html")
    result = run("build", folder, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 1, result.output
    assert "Built 3 documents" in result.output and "3 inputs failed" in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 3 and all(str(folder) in line for line in errors)
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 2 and all("declares charset" in line for line in warnings)
    titles = load(tmp_path / "out" / "graph.ttl").query(
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?d dcterms:title ?t }"
    )
    assert "Café owners in Brontë country fear a £4m bypass will take their trade" in {str(r.t) for r in titles}


@pytest.mark.model
def test_a_picture_an_earlier_build_left_in_the_folder_is_skipped_not_refused(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(PAGES / "gazette-lifeboat-rescue.html", folder / "story.html")
    first = run("build", folder, "-o", folder / "out")  # graph.html lands inside the input folder
    assert first.exit_code == 0, first.output
    again = run("build", folder, "-o", tmp_path / "again", "--no-html")
    assert again.exit_code == 0, again.output
    assert "Built 1 document" in again.output
    assert f"Warning: {folder / 'out' / 'graph.html'}: a page kg drew (a graph picture), not an article: skipped" in (
        again.output
    )
