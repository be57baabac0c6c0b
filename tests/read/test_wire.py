"""Wire-copy conventions: datelines, tickers, sign-offs, bylines and display-cased headlines.

The articles in tests/read/wire/ are our own short wire-style stories, one per dateline form.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.model import Dateline, Document, Extraction, Mention, WireSpan
from kg.rdf.record import decode_extraction, encode_extraction
from kg.read import document_from_text, iter_documents, read_text_file
from kg.store import serialize
from kg.text.wire import find_dateline, find_furniture, find_tickers, truecase_headline
from tests.conftest import EXAMPLE

WIRE = Path(__file__).parent / "wire"
PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@pytest.mark.parametrize(
    "line, place, written, date, agency",
    [
        ("ATHENS, March 28 - Prime Minister Andreas Papandreou said.", "Athens", "ATHENS", "1999-03-28", None),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "Washington", "WASHINGTON", None, "AP"),
        ("Tripoli (AFP) - Forces loyal to the GNA said.", "Tripoli", "Tripoli", None, "AFP"),
        ("LONDON, Jan 5 (Reuters) - British shares fell.", "London", "LONDON", "1999-01-05", "Reuters"),
        ("NEW YORK, N.Y. -- Stocks rose on Thursday.", "New York", "NEW YORK", None, None),
        ("BEIJING, China, May 3, 2005 (Xinhua) -- China said.", "Beijing", "BEIJING", "2005-05-03", "Xinhua"),
        ("Athens, 28 March - The talks went on.", "Athens", "Athens", "1999-03-28", None),
    ],
)
def test_a_dateline_in_its_wire_forms(line, place, written, date, agency):
    text = f"Headline\n\n{line}"
    found = find_dateline(text, year="1999")
    assert found is not None
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert text[found.place_start : found.place_end] == written
    assert text[: found.end].rstrip().endswith(("-", "—")) and not text[found.end].isspace()  # up to the lead


@pytest.mark.parametrize(
    "line",
    [
        "Tony Blair - the prime minister since 1997 - said he would stay.",  # a name and a dash
        "Mr Blair (pictured) - who leads Labour - said no.",  # parentheses that name no agency
        "Maternity pay for new mothers is to rise by £1,400, Ms Hewitt said.",
        "US (Reuters) - X.",  # two letters make no city
    ],
)
def test_no_dateline_where_the_body_opens_otherwise(line):
    assert find_dateline(f"Headline\n\n{line}") is None


def test_the_example_article_has_no_dateline_and_its_text_is_unchanged():
    document = read_text_file(EXAMPLE)
    assert document.dateline is None and document.wire == ()
    assert document.text == EXAMPLE.read_text(encoding="utf-8").strip("\n")


def test_tickers_are_blanked_one_for_one_and_kept_as_identifiers():
    text = (
        "USAIR <U> REJECTS TWA <TWA> BID\n"
        "USAir Group Inc <U> rejected a bid from Trans World Airlines Inc <TWA>. TWA said no."
    )
    document = document_from_text(text, doc_id="d")
    assert len(document.text) == len(text)
    assert "<" not in document.text and document.text.startswith("USAir     rejects TWA       bid\n")
    tickers = [(span.text, text[span.start : span.end]) for span in document.wire if span.kind == "ticker"]
    assert tickers == [("U", "<U>"), ("TWA", "<TWA>"), ("U", "<U>"), ("TWA", "<TWA>")]
    assert document.title == "USAIR <U> REJECTS TWA <TWA> BID"  # the headline as written
    listed = "HSBC Holdings <0005.HK> and Trans World <TWA.N> said <b>no</b>."
    assert [t.text for t in find_tickers(listed)] == ["0005.HK", "TWA.N"]


def test_sign_offs_and_bylines_are_found_at_the_start_and_the_end():
    text = (
        "Headline\nBy Jane Smith, Reuters\nFirst line.\nLast line.\n(Reporting by Tom Brown; Editing by Ann Lee)\n(AFP)"
    )
    found = [(span.kind, span.text) for span in find_furniture(text)]
    assert found == [
        ("byline", "By Jane Smith, Reuters"),
        ("byline", "(Reporting by Tom Brown; Editing by Ann Lee)"),
        ("signoff", "(AFP)"),
    ]
    assert find_furniture("Headline\nReuters said shares fell.\nThe end.") == []
    ended = "Headline\nPiedmont rose 2 dlrs. REUTER"  # signed at the end of the last paragraph
    assert [(s.kind, s.text, ended[s.start : s.end]) for s in find_furniture(ended)] == [
        ("signoff", "REUTER", "REUTER")
    ]
    assert find_furniture("Headline\nShares rose, said Smith. Jones") == []


@pytest.mark.parametrize(
    "headline, body, expected",
    [
        ("USAIR REJECTS TWA BID", "USAir said TWA made a bid.", "USAir rejects TWA bid"),
        (
            "GREEK PREMIER SAYS HE SEES HOPE FOR ACCORD",
            "The premier said he hoped.",
            "Greek premier says he sees hope for accord",
        ),
        (
            "Icahn Says He Will Sell His Stake",
            "Carl Icahn said he will sell his stake.",
            "Icahn says he will sell his stake",
        ),
        ("Blair rejects call for inquiry", "Tony Blair said no.", "Blair rejects call for inquiry"),  # sentence case
        ("Dundee Utd 4-1 Aberdeen", "Dundee beat Aberdeen.", "Dundee Utd 4-1 Aberdeen"),  # names only
    ],
)
def test_a_display_cased_headline_takes_the_casing_of_its_body(headline, body, expected):
    result = truecase_headline(f"{headline}\n{body}")
    assert result == f"{expected}\n{body}"


def test_the_dateline_date_is_the_documents_date_when_none_is_given(tmp_path):
    line = "ATHENS, March 28 - Talks on the Aegean went on."
    assert document_from_text(f"Hope\n{line}", doc_id="a").date is None  # no year anywhere: not guessed
    assert document_from_text(f"Hope\n{line}", doc_id="a", date="1987-03-30").dateline.date == "1987-03-28"
    assert document_from_text(f"Hope\n{line}", doc_id="a", date="1987-03-30").date == "1987-03-30"
    dated = "ATHENS, March 28, 1987 - Talks on the Aegean went on."
    assert document_from_text(f"Hope\n{dated}", doc_id="a").date == "1987-03-28"
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "j", "title": "Hope", "text": line, "date": "1987-04-01"}) + "\n")
    (document,) = iter_documents([path])
    assert isinstance(document, Document) and document.dateline.date == "1987-03-28"
    assert document.text[document.dateline.place_start : document.dateline.place_end] == "ATHENS"


def test_a_first_line_that_opens_with_a_dateline_is_the_body_not_a_headline():
    document = read_text_file(WIRE / "stlouis-verdict.txt")
    assert document.title is None
    assert document.dateline is not None and document.dateline.place == "St. Louis"
    assert document.date == "1992-04-02"


def test_the_record_keeps_the_dateline_and_the_wire_spans():
    document = Document(
        "d",
        "",
        dateline=Dateline(10, 30, "Athens", 10, 16, "1987-03-28", "Reuters"),
        wire=(WireSpan("ticker", 40, 45, "TWA"), WireSpan("signoff", 60, 66, "REUTER")),
    )
    extraction = Extraction(document, (Mention("d", 10, 16, "Athens", "GPE", 0, "dateline"),))
    decoded = decode_extraction(encode_extraction(extraction))
    assert decoded is not None
    assert decoded.document.dateline == document.dateline and decoded.document.wire == document.wire
    assert decoded.mentions == extraction.mentions
    # A document without them has the record it had before.
    plain = encode_extraction(Extraction(Document("d", "")))
    assert '"w"' not in plain and decode_extraction(plain).document.dateline is None


# --- end to end, through kg.build and the CLI -----------------------------------------------------------

EXPECTED = {  # document id → (dateline place, date from the dateline or None)
    "athens-aegean": ("Athens", "1987-03-28"),
    "beijing-trade": ("Beijing", "2005-05-03"),
    "london-shares": ("London", "2004-01-05"),
    "newyork-stocks": ("New York", None),
    "senate-arms": ("Washington", None),
    "stlouis-verdict": ("St. Louis", "1992-04-02"),
    "tripoli-towns": ("Tripoli", None),
    "usair-twa": ("Pittsburgh", "1987-03-09"),
}


@pytest.fixture(scope="module")
def wire_graph():
    return kg.build([WIRE])


@pytest.mark.model
def test_each_wire_document_has_its_dateline_place_and_date(wire_graph):
    rows = wire_graph.query(
        PREFIXES + "SELECT ?id ?place ?date ?class WHERE { ?d dcterms:identifier ?id ; dcterms:spatial ?e . "
        "?e rdfs:label ?place ; a ?class . OPTIONAL { ?d dcterms:date ?date } }"
    )
    found = {str(r.id): (str(r.place), None if r.date is None else str(r.date)) for r in rows}
    assert found == EXPECTED
    assert {str(r["class"]).split("#")[1] for r in rows} == {"GeopoliticalEntity"}


@pytest.mark.model
def test_no_statement_is_read_from_a_dateline(wire_graph):
    documents = {d.id: d for d in iter_documents([WIRE]) if isinstance(d, Document)}
    rows = wire_graph.query(
        PREFIXES + "SELECT ?id ?start ?end ?spatial ?subject WHERE { ?st a kg:Statement ; rdf:subject ?subject ; "
        "kg:sentence ?s . ?s kg:startChar ?start ; kg:endChar ?end ; kg:document ?d . ?d dcterms:identifier ?id ; "
        "dcterms:spatial ?spatial }"
    )
    assert len(rows) > 20
    for row in rows:
        line = documents[str(row.id)].dateline
        assert not int(row.start) <= line.start < int(row.end), row  # the dateline is a sentence of its own
        assert row.spatial != row.subject, row  # the dateline place is no actor


@pytest.mark.model
def test_headline_names_are_names_the_body_uses(wire_graph):
    documents = {d.id: d for d in iter_documents([WIRE]) if isinstance(d, Document)}
    rows = wire_graph.query(
        PREFIXES + "SELECT ?id ?form ?start WHERE { ?m a kg:Mention ; kg:surfaceForm ?form ; kg:startChar ?start ; "
        "kg:sentence/kg:document/dcterms:identifier ?id }"
    )
    headline_names = set()
    for row in rows:
        document = documents[str(row.id)]
        if document.title is not None and int(row.start) < len(document.title):
            headline_names.add(str(row.form))
            if int(row.start) == 0 and " " not in str(row.form):
                continue  # the first word keeps a sentence's capital: "Libyan forces say ...", a nationality
            assert str(row.form) in document.text[len(document.title) :], row  # no "SAYS HE", no "ACCORD"
    assert {"USAir", "TWA", "China", "Japan"} <= headline_names
    labels = {
        str(r.l) for r in wire_graph.query(PREFIXES + "SELECT ?l WHERE { ?e kg:mentionCount ?n ; rdfs:label ?l }")
    }
    assert not {label for label in labels if label.isupper() and len(label) > 4}  # no "ACCORD", "REJECTS TWA"


@pytest.mark.model
def test_a_ticker_is_an_identifier_of_the_company_it_follows(wire_graph):
    rows = wire_graph.query(PREFIXES + "SELECT ?l ?t WHERE { ?e kg:ticker ?t ; rdfs:label ?l }")
    tickers = {(str(r.l), str(r.t)) for r in rows}
    assert {
        ("Trans World Airlines Inc", "TWA"),
        ("USAir Group Inc", "U"),
        ("Piedmont Aviation Inc", "PIE"),
        ("Barclays Plc", "BARC.L"),
        ("International Business Machines Corp", "IBM"),
    } <= tickers
    surface = {str(r.f) for r in wire_graph.query(PREFIXES + "SELECT ?f WHERE { ?m kg:surfaceForm ?f }")}
    assert not [form for form in surface if "<" in form or ">" in form or form != form.strip()]


@pytest.mark.model
def test_sign_offs_and_bylines_are_no_statements_and_no_actors(wire_graph):
    labels = {
        str(r.l) for r in wire_graph.query(PREFIXES + "SELECT ?l WHERE { ?e kg:mentionCount ?n ; rdfs:label ?l }")
    }
    assert not labels & {"Reuter", "REUTER", "Reuters", "AFP", "Xinhua", "Jane Smith", "Tom Brown", "Ann Lee"}
    texts = [
        str(r.t) for r in wire_graph.query(PREFIXES + "SELECT ?t WHERE { ?st a kg:Statement ; kg:sentence/kg:text ?t }")
    ]
    assert not [t for t in texts if "Reporting by" in t or t.startswith("By ") or t in ("Reuters", "(AFP)")]


@pytest.mark.model
def test_the_dateline_and_the_tickers_survive_a_removal_and_an_append(tmp_path):
    """``kg remove`` maps the documents whose names it links again from their records (the kept
    article's "Papandreou" stood for the removed one's "Andreas Papandreou"): the dateline and the
    ticker come back from the record."""
    kept, gone = tmp_path / "papandreou-meets.txt", tmp_path / "papandreou-wins.txt"
    kept.write_text(
        "GREEK PREMIER TO MEET TURKISH LEADERS\n\nATHENS, March 30, 1987 (Reuters) - Prime Minister Papandreou "
        "said on Monday he would meet Turkish leaders. Trans World Airlines Inc <TWA> cancelled its flights.\n\n"
        "REUTER\n"
    )
    gone.write_text(
        "Papandreou wins vote\n\nGreek Prime Minister Andreas Papandreou won a vote of confidence on Monday.\n"
    )
    both, alone = tmp_path / "both", tmp_path / "alone"
    run = CliRunner().invoke
    assert run(main, ["build", str(kept), str(gone), "-o", str(both), "--no-html"]).exit_code == 0
    assert run(main, ["build", str(kept), "-o", str(alone), "--no-html"]).exit_code == 0
    validated = run(main, ["validate", str(both / "graph.trig")])
    assert validated.exit_code == 0, validated.output  # the SHACL shapes of kg:ticker and dcterms:spatial
    assert run(main, ["remove", str(both / "graph.trig"), "papandreou-wins"]).exit_code == 0
    removed = kg.load(both / "graph.trig")
    assert set(serialize(removed.graph, "nq").splitlines()) == set(
        serialize(kg.load(alone / "graph.trig").graph, "nq").splitlines()
    )
    assert run(main, ["build", str(WIRE / "usair-twa.txt"), "-o", str(alone), "--append", "--no-html"]).exit_code == 0
    appended = kg.load(alone / "graph.trig")
    rows = appended.query(
        PREFIXES + "SELECT ?id ?l WHERE { ?d dcterms:identifier ?id ; dcterms:spatial/rdfs:label ?l }"
    )
    assert {(str(r.id), str(r.l)) for r in rows} == {("papandreou-meets", "Athens"), ("usair-twa", "Pittsburgh")}
    tickers = appended.query(PREFIXES + "SELECT ?t WHERE { ?e rdfs:label 'Trans World Airlines Inc' ; kg:ticker ?t }")
    assert {str(r.t) for r in tickers} == {"TWA"}


@pytest.mark.model
def test_a_lead_in_in_capitals_inside_the_body_makes_no_name():
    text = (
        "Film awards night nears\n\n"
        "The awards are handed out on Sunday, and it is all anyone in Hollywood talks about.\n\n"
        "HOW IT ALL STARTED The first awards were handed out at a dinner in 1929. It started small.\n"
    )
    document = document_from_text(text, doc_id="lead-in")
    assert "How it all started The first" in document.text and len(document.text) == len(text.strip("\n"))
    from kg.text.wire import truecase_capitals

    hyphenated = "Awards\nTHE STARS WHO LEFT EMPTY-HANDED Stars who left empty-handed went home."
    assert truecase_capitals(hyphenated).split("\n")[1].startswith("The stars who left empty-handed Stars")
    graph = kg.build(documents=[document])
    forms = {str(r.f) for r in graph.query(PREFIXES + "SELECT ?f WHERE { ?m a kg:Mention ; kg:surfaceForm ?f }")}
    assert "Hollywood" in forms
    assert not {form for form in forms if {"HOW", "STARTED"} & set(form.upper().split()) and form.isupper()}
    assert not {form for form in forms if form.lower().startswith("how it")}


def test_wire_conventions_in_other_scripts_and_at_the_edges():
    # capitals of any script are truecased whole, and datelines with accents are found
    document = document_from_text("CITROËN RECALLS OLD CARS\nCitroën said it would recall the old cars.", doc_id="c")
    assert document.text.startswith("Citroën recalls old cars")
    assert find_dateline("Floods\nSÃO PAULO, Jan 5 (Reuters) - Floods killed 12 people.").place == "São Paulo"
    assert find_dateline("Floods\nBogotá (AFP) - Floods killed 12 people.").place == "Bogotá"
    # a day no month has leaves the dateline undated, and the document with it
    document = document_from_text("Talks\nLONDON, Feb 31, 1987 - Talks went on.", doc_id="f")
    assert document.dateline.place == "London" and document.dateline.date is None and document.date is None
    # a dateline with nothing after its dash is still a dateline, never a fact
    assert find_dateline("Headline here\nWASHINGTON (AP) -").agency == "AP"
