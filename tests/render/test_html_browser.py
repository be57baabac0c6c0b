"""The HTML view, opened for real in headless Chromium (Debian's /usr/bin/chromium)."""

from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from kg.model import Argument, Document, Extraction, Mention, Relation
from kg.rdf import to_graph
from kg.resolve import link_entities

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
XSS_NAMES = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]


@pytest.fixture(scope="module")
def browser(chromium):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def open_page(browser, path):
    """Open ``path``; return the page and what it requested, logged and alerted."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    seen = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function("window.kgReady === true", timeout=60_000)
    return page, seen


DRAWN_PIXELS = """() => {
  const canvas = document.querySelector('#graph canvas');
  const ctx = canvas.getContext('2d');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) { if (data[i + 3] > 0) drawn++; }
  return drawn;
}"""


@pytest.mark.model
def test_example_page_loads_offline_and_draws(browser, example_build):
    out, _ = example_build
    page, seen = open_page(browser, out / "graph.html")
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["errors"] == []
    assert page.evaluate(DRAWN_PIXELS) > 5000
    # The overview draws the entities; the switch brings the concepts and propositions back.
    entities = page.evaluate("kgNodes.get({filter: n => n.layer === 'entity'}).length")
    assert page.evaluate("kgNetwork.body.data.nodes.length") == entities >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "example-graph.png"))
    page.check("#show-concepts")
    assert page.evaluate("kgNetwork.body.data.nodes.length") >= 20
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_search_box_selects_and_focuses_a_node(browser, example_build):
    out, _ = example_build
    page, _ = open_page(browser, out / "graph.html")
    page.fill("#search", "haftar")
    page.press("#search", "Enter")
    selected = page.evaluate("kgNetwork.getSelectedNodes()")
    assert selected == ["https://example.org/kg/id/entity/person/khalifa-haftar"]
    page.close()


def xss_graph() -> KnowledgeGraph:
    """A graph whose names, relation and titles are script-injection attempts."""
    text = " ".join(XSS_NAMES) + " attacked."
    first, second = (Mention("xss", 0, 28, XSS_NAMES[0], "PERSON", 0), Mention("xss", 29, 63, XSS_NAMES[1], "ORG", 0))
    relation = Relation(
        doc_id="xss",
        subject=Argument(first.text, first.text, first.start, first.end, mention=first),
        predicate="<b onmouseover=alert(2)>attack</b>",
        object=Argument(second.text, second.text, second.start, second.end, mention=second),
        sentence=text,
        start=0,
        end=len(text),
    )
    extraction = Extraction(
        document=Document(id="xss", text=text, title="</title><script>alert(3)</script>"),
        mentions=(first, second),
        relations=(relation,),
    )
    return KnowledgeGraph(graph=to_graph([extraction], link_entities([extraction])))


def test_injected_names_are_shown_as_text_and_run_nothing(browser, tmp_path):
    path = tmp_path / "xss.html"
    xss_graph().to_html(path, title='"><script>alert(4)</script>')
    html = path.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    page, seen = open_page(browser, path)
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    labels = page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(XSS_NAMES)
    assert page.title() == '"><script>alert(4)</script>'
    # Hovering a node shows its name in the tooltip as text.
    page.evaluate("""() => {
        const id = kgNetwork.body.data.nodes.getIds()[0];
        const pos = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
        window.kgHoverAt = pos;
    }""")
    position = page.evaluate("window.kgHoverAt")
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tooltip = page.inner_text("div.vis-tooltip")
    assert any(name in tooltip for name in XSS_NAMES)
    assert seen["dialogs"] == []
    page.close()


@pytest.mark.model
def test_filters_hide_a_class_and_a_relation(browser, example_build):
    out, _ = example_build
    page, seen = open_page(browser, out / "graph.html")
    shown = "kgNetwork.body.data.nodes.length"
    people = page.evaluate("kgNetwork.body.nodeIndices.filter(id => kgNodes.get(id).group === 'Person').length")
    before = page.evaluate(shown)
    page.locator("#legend input[value='Person']").uncheck()
    assert page.evaluate(shown) == before - people
    page.locator("#legend input[value='Person']").check()
    assert page.evaluate(shown) == before
    # An edge of the overview aggregates relations: it goes when all of them are unchecked.
    edges = "kgNetwork.body.data.edges.length"
    located = page.evaluate(
        "kgEdges.get({filter: e => e.layer === 'entity' && e.relations.every(r => r[0] === 'based in')}).length"
    )
    all_edges = page.evaluate(edges)
    page.locator("#relations input.relation-filter[value='based in']").uncheck()
    assert located >= 1 and page.evaluate(edges) == all_edges - located
    page.locator("#relations input.relation-filter[value='based in']").check()
    assert page.evaluate(edges) == all_edges
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_clicking_a_node_dims_all_but_its_neighbourhood(browser, example_build):
    out, _ = example_build
    page, _ = open_page(browser, out / "graph.html")
    haftar = "https://example.org/kg/id/entity/person/khalifa-haftar"
    position = page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions(['{haftar}'])['{haftar}'])")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    neighbours = set(page.evaluate(f"kgNetwork.getConnectedNodes('{haftar}')"))
    drawn = "kgNetwork.body.nodeIndices.map(id => [id, kgNetwork.body.nodes[id].options.opacity])"  # as vis draws it
    opacity = dict(page.evaluate(drawn))
    assert opacity[haftar] == 1 and neighbours and all(opacity[n] == 1 for n in neighbours)
    assert any(value < 1 for node, value in opacity.items() if node not in neighbours | {haftar})
    page.evaluate("kgHighlight(null)")
    assert all(value == 1 for _, value in page.evaluate(drawn))
    page.close()


@pytest.mark.model
def test_a_big_corpus_page_is_cut_and_says_so(browser, tmp_path):
    """Issue 6: a 500-node BBC picture, pre-computed layout, physics off, with its note and a screenshot."""
    import kg
    from tests.conftest import shared_path

    folder = shared_path("data", "corpus", "bbc")
    graph = kg.build(sorted(folder.glob("politics_*.txt"))[:60])
    path = tmp_path / "bbc.html"
    graph.to_html(path, title="60 BBC politics articles", max_nodes=500, view="full")
    page, seen = open_page(browser, path)
    assert page.evaluate("kgNetwork.body.data.nodes.length") == 500
    assert "Showing the 500 most connected nodes" in page.inner_text("#note")
    assert page.evaluate("kgNetwork.physics.options.enabled") is False
    # every node is drawn in its class's colour (vis-network's group palette must not win)
    assert (
        page.evaluate("""() => kgNetwork.body.data.nodes.getIds().filter(
        id => kgNodes.get(id).color !== kgNetwork.body.nodes[id].options.color.background).length""")
        == 0
    )
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == [] and seen["errors"] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "bbc-500.png"))
    page.close()


@pytest.mark.model
def test_injected_names_in_articles_run_nothing_after_kg_build(browser, tmp_path):
    """The same injections, in the text of articles, through the whole command line."""
    from click.testing import CliRunner

    from kg.cli import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        '</title><script>alert("headline")</script> Officials meet\n'
        "President <img src=x onerror=alert(1)> Smith met the <script>alert(2)</script> Party in Paris.\n"
        'John "<svg onload=alert(3)>" Doe said that the council rejected the plan of <b onmouseover=alert(4)>X</b>.\n',
        encoding="utf-8",
    )
    (articles / "b.jsonl").write_text(
        '{"id": "b", "title": "<iframe src=javascript:alert(5)>", "text": "Mary Jones criticised '
        '\\"</script><script>alert(6)</script>\\" in London.", "url": "javascript:alert(7)"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "graph.html").read_text(encoding="utf-8")
    for injected in ("<img src=x", "<script>alert", "<svg onload", "<iframe src", "<b onmouseover"):
        assert injected not in html
    page, seen = open_page(browser, out / "graph.html")
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, svg, [onmouseover], [onload], [onerror]').length") == 0
    )
    titles = page.evaluate("DATA.documents.map(d => d.title)")
    assert any("<script>alert" in t for t in titles)  # the page holds them, as text
    page.close()
    # The full view draws the concepts and propositions, whose names hold the injections.
    full = tmp_path / "full.html"
    result = CliRunner().invoke(main, ["render", str(out / "graph.trig"), "--view", "full", "-o", str(full)])
    assert result.exit_code == 0, result.output
    page, seen = open_page(browser, full)
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, svg, [onmouseover], [onload], [onerror]').length") == 0
    )
    shown = page.evaluate("""[...kgNetwork.body.data.edges.get().map(e => String(e.title || '')),
                              ...kgNetwork.body.data.nodes.get().map(n => String(n.title || '') + n.label)]""")
    assert any("<script>alert" in t or "<img src=x" in t for t in shown)
    page.close()


RLO_NAME = "Omar \u202eBashir"  # U+202E RIGHT-TO-LEFT OVERRIDE reverses all that follows it on the line


def rlo_graph() -> KnowledgeGraph:
    """Issue 14: a name with U+202E, the subject of a relation to a plain name."""
    text = f"{RLO_NAME} rejected Tripoli Council."
    first = Mention("rlo", 0, len(RLO_NAME), RLO_NAME, "PERSON", 0)
    second = Mention("rlo", text.index("Tripoli"), len(text) - 1, "Tripoli Council", "ORG", 0)
    relation = Relation(
        doc_id="rlo",
        subject=Argument(first.text, first.text, first.start, first.end, mention=first),
        predicate="reject",
        object=Argument(second.text, second.text, second.start, second.end, mention=second),
        sentence=text,
        start=0,
        end=len(text),
    )
    extraction = Extraction(
        document=Document(id="rlo", text=text, title="Bidi"), mentions=(first, second), relations=(relation,)
    )
    return KnowledgeGraph(graph=to_graph([extraction], link_entities([extraction])))


def test_a_bidi_override_in_a_name_does_not_reorder_the_tooltip(browser, tmp_path):
    path = tmp_path / "rlo.html"
    rlo_graph().to_html(path)
    page, seen = open_page(browser, path)
    assert seen["errors"] == []
    labels = page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(["\u2068" + RLO_NAME + "\u2069", "Tripoli Council"])
    # The edge's tooltip as the browser lays it out: "Omar Bashir – reject – Tripoli Council" must
    # read left to right after the name; an override that leaks would put "Tripoli Council" first.
    left = page.evaluate("""() => {
        const line = kgNetwork.body.data.edges.get()[0].title.split("\\n")[0];
        const div = document.createElement("div");
        div.className = "vis-tooltip";
        div.style.cssText = "position: absolute; top: 0; left: 0; visibility: visible; white-space: pre";
        div.textContent = line;
        document.body.appendChild(div);
        const where = (word) => {
            const range = document.createRange();
            const start = line.indexOf(word);
            range.setStart(div.firstChild, start);
            range.setEnd(div.firstChild, start + word.length);
            return range.getBoundingClientRect().left;
        };
        return {reject: where("reject"), target: where("Tripoli Council")};
    }""")
    assert left["reject"] < left["target"], left
    # The relations panel shows each relation's name as a bidi isolate of its own.
    assert page.evaluate("[...document.querySelectorAll('#relation-list .relation bdi')].map(b => b.textContent)") == [
        "reject"
    ]
    page.close()


# ---- the entity overview's own behaviour, on a hand-made page (tests/render/overview_page.py) ----

#: vis-network's own record of the drawn labels: each shown node whose label is not empty, with the
#: label's box on screen (vis's labelModule.size, in canvas units, turned into pixels by the view's
#: scale and translation) and its font size on screen.
DRAWN_LABELS = """() => {
  const net = kgNetwork, scale = net.getScale(), shift = net.body.view.translation;
  const positions = net.getPositions();
  return net.body.nodeIndices.map(id => {
    const node = net.body.nodes[id];
    if (!node.options.label) { return null; }
    const size = node.labelModule.size;
    return {id: id, group: kgNodes.get(id).group, label: node.options.label, px: node.options.font.size * scale,
            x: positions[id].x * scale + shift.x,
            left: size.left * scale + shift.x, top: size.top * scale + shift.y,
            width: size.width * scale, height: size.height * scale};
  }).filter(Boolean);
}"""


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """The pairs of labels whose boxes overlap on screen."""
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if (
                a["left"] < b["left"] + b["width"]
                and b["left"] < a["left"] + a["width"]
                and a["top"] < b["top"] + b["height"]
                and b["top"] < a["top"] + a["height"]
            ):
                pairs.append((a["label"], b["label"]))
    return pairs


#: The page draws every name at 13 px on screen: until it has re-culled after a zoom, a pan or an
#: animation, the names keep the size they had at the old scale.
LABELS_RECULLED = """() => {
  const scale = kgNetwork.getScale();
  return kgNetwork.body.nodeIndices.every(id => {
    const node = kgNetwork.body.nodes[id];
    return !node.options.label || Math.abs(node.options.font.size * scale - 13) < 0.01;
  });
}"""

LABELLED = "kgNetwork.body.nodeIndices.filter(id => kgNetwork.body.nodes[id].options.label)"


def settled(page) -> None:
    """Wait until the names are re-culled for the current view (culling runs off a timer after a
    zoom, a drag or an animation) and drawn (vis-network draws at the next animation frame)."""
    page.wait_for_function(LABELS_RECULLED, timeout=10_000)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.fixture
def overview(tmp_path):
    from tests.render.overview_page import write_overview_page

    return write_overview_page(tmp_path / "overview.html")


def shown_groups(page) -> set[str]:
    return set(page.evaluate("kgNetwork.body.nodeIndices.map(id => kgNodes.get(id).group)"))


def test_concepts_stay_hidden_until_the_switch_turns_them_on(browser, overview):
    page, seen = open_page(browser, overview)
    assert "Concept" not in shown_groups(page) and "Person" in shown_groups(page)
    assert page.evaluate("kgNodes.get({filter: n => n.group === 'Concept'}).length") == 2
    assert "c0" not in page.evaluate("kgNetwork.body.edgeIndices")
    page.check("#show-concepts")
    assert "Concept" in shown_groups(page)
    assert {"c0", "c1"} <= set(page.evaluate("kgNetwork.body.edgeIndices"))
    page.uncheck("#show-concepts")
    assert "Concept" not in shown_groups(page)
    assert seen["errors"] == []
    page.close()


def test_search_suggests_people_first_and_reveals_a_hidden_concept(browser, overview):
    page, seen = open_page(browser, overview)
    page.click("#search")
    page.keyboard.type("blunkett")  # key by key: suggestions come as one types, without Enter
    suggestions = page.locator("#suggestions li")
    assert suggestions.count() == 2
    assert "David Blunkett" in suggestions.nth(0).inner_text()
    assert "blunkett controversy" in suggestions.nth(1).inner_text()
    suggestions.nth(1).click()
    concept = "https://example.org/kg/id/concept/blunkett-controversy"
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [concept]
    assert page.is_checked("#show-concepts") and concept in page.evaluate("kgNetwork.body.nodeIndices")
    assert page.inner_text("#details h2") == "blunkett controversy"
    # An entity listed as not connected is found too, and said to be so.
    page.fill("#search", "")
    page.keyboard.type("milburn")
    page.press("#search", "Enter")
    assert page.inner_text("#details h2") == "Alan Milburn"
    assert "No relation" in page.inner_text("#details")
    assert page.inner_text("#search-message") == ""
    assert seen["errors"] == []
    page.close()


def test_typing_a_full_name_selects_it_and_a_missing_name_is_said(browser, overview):
    page, seen = open_page(browser, overview)
    page.click("#search")
    page.keyboard.type("Gordon Brown")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == ["https://example.org/kg/id/entity/gordon-brown"]
    page.fill("#search", "")
    page.keyboard.type("Zebedee")
    assert page.locator("#search-message").is_visible()
    assert page.inner_text("#search-message") == "No node named “Zebedee”"
    assert page.locator("#suggestions").is_hidden()
    assert seen["errors"] == []
    page.close()


def test_clicking_a_node_dims_the_rest_and_takes_their_labels(browser, overview):
    page, _ = open_page(browser, overview)
    blunkett = "https://example.org/kg/id/entity/david-blunkett"
    before = {label["id"] for label in page.evaluate(DRAWN_LABELS)}
    assert len(before) >= 15  # a small, spread-out graph: (nearly) every name is drawn
    position = page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions(['{blunkett}'])['{blunkett}'])")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    lit = set(page.evaluate(f"kgNetwork.getConnectedNodes('{blunkett}')")) | {blunkett}
    # Culling runs off a timer after the click: wait for it (a timeout fails the test).
    page.wait_for_function(f"(lit) => {LABELLED}.every(id => lit.includes(id))", arg=sorted(lit), timeout=10_000)
    drawn = {label["id"] for label in page.evaluate(DRAWN_LABELS)}
    assert blunkett in drawn and drawn <= lit
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)  # the background
    page.wait_for_function(f"(before) => {LABELLED}.length === before.length", arg=sorted(before), timeout=10_000)
    assert {label["id"] for label in page.evaluate(DRAWN_LABELS)} == before
    # His connections are listed in the side panel; one leads to that edge's sentences.
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.locator("#details button.link", has_text="Tony Blair").click()
    assert page.inner_text("#details h2") == "Tony Blair — David Blunkett"
    assert "Tony Blair and David Blunkett: sentence 0 of Blunkett quits over visa row." in page.inner_text("#details")
    assert page.evaluate("kgNetwork.getSelectedEdges()") == ["e12"]
    opacity = "kgNetwork.body.nodeIndices.map(id => kgNetwork.body.nodes[id].options.opacity)"
    assert sorted(set(page.evaluate(opacity))) == [0.15, 1]
    page.keyboard.press("Escape")  # undoes it as the background does
    assert set(page.evaluate(opacity)) == {1}
    page.close()


def test_timeline_brush_keeps_the_statements_of_the_chosen_days(browser, overview):
    from tests.render.overview_page import overview_data

    data = overview_data()
    page, seen = open_page(browser, overview)
    first = page.locator("#timeline rect.bin[data-from='2004-12-15']").bounding_box()
    second = page.locator("#timeline rect.bin[data-from='2004-12-16']").bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + 20)
    page.mouse.down()
    page.mouse.move(second["x"] + second["width"] / 2, second["y"] + 20, steps=4)
    page.mouse.up()
    chosen = {0, 1}  # the two December articles
    expected = {e["id"] for e in data["edges"] if e["layer"] == "entity" and chosen & set(e["docs"])}
    assert set(page.evaluate("kgNetwork.body.edgeIndices")) == expected
    # Nodes left with none of those statements go too.
    ends = {e[end] for e in data["edges"] if e["id"] in expected for end in ("from", "to")}
    assert set(page.evaluate("kgNetwork.body.nodeIndices")) == ends
    assert "2 articles" in page.inner_text("#timeline-range")
    page.click("#timeline-reset")
    entities = {n["id"] for n in data["nodes"] if n["layer"] == "entity"}
    assert set(page.evaluate("kgNetwork.body.nodeIndices")) == entities
    assert seen["errors"] == []
    page.close()


def test_relations_panel_groups_families_filters_and_fits(browser, overview):
    page, seen = open_page(browser, overview)
    heads = page.locator("#relation-list .family-head").all_inner_texts()
    assert [h.split()[0] for h in heads] == [
        "stance",
        "conflict",
        "affiliation",
        "business",
        "location",
        "communication",
        "other",
    ]
    page.fill("#relation-search", "lea")
    rows = page.locator("#relation-list .relation:visible")
    assert [row.split("\n")[0] for row in rows.all_inner_texts()] == ["lead"]
    page.fill("#relation-search", "")
    # Hiding the conflict family hides the edges all of whose relations are conflicts; Brown – Blair is
    # also a meeting (communication) and stays.
    page.locator("#relation-list input.family-filter[value='conflict']").uncheck()
    shown = set(page.evaluate("kgNetwork.body.edgeIndices"))
    assert {"e9", "e14"}.isdisjoint(shown) and "e7" in shown
    page.locator("#relation-list input.relation-filter[value='meet']").uncheck()
    assert "e7" not in set(page.evaluate("kgNetwork.body.edgeIndices"))
    # Never wider than the page, and it scrolls rather than growing.
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.locator("#relations").bounding_box()["x"] + page.locator("#relations").bounding_box()["width"] <= width
    assert page.evaluate("getComputedStyle(document.querySelector('#relation-list')).overflowY") == "auto"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert seen["errors"] == []
    page.close()


def test_a_match_hidden_by_the_filters_is_shown_again(browser, overview):
    page, seen = open_page(browser, overview)
    clarke = "https://example.org/kg/id/entity/charles-clarke"
    page.locator("#legend input.class-filter[value='Person']").uncheck()
    page.locator("#communities input.community-filter[value='0']").uncheck()
    assert clarke not in page.evaluate("kgNetwork.body.nodeIndices")
    page.fill("#search", "charles clarke")
    page.press("#search", "Enter")
    assert clarke in page.evaluate("kgNetwork.body.nodeIndices")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [clarke]
    assert page.is_checked("#legend input.class-filter[value='Person']")
    assert page.is_checked("#communities input.community-filter[value='0']")
    assert seen["errors"] == []
    page.close()


def test_the_side_panel_folds_away_and_lists_the_unconnected(browser, overview):
    page, seen = open_page(browser, overview)
    assert page.locator("#unconnected li").all_inner_texts() == ["Alan Milburn 2", "Wembley 1"]
    page.locator("#unconnected li").first.click()  # shows what is known of it; nothing else changes
    assert page.inner_text("#details h2") == "Alan Milburn"
    assert page.evaluate("kgNetwork.body.nodeIndices.length") == 18
    width = page.evaluate("document.querySelector('#graph canvas').clientWidth")
    page.click("#side-toggle")
    assert page.locator("#side").is_hidden()
    page.wait_for_function(f"document.querySelector('#graph canvas').clientWidth > {width}")
    page.click("#side-toggle")
    assert page.locator("#side").is_visible()
    assert seen["errors"] == []
    page.close()


HULL_PIXEL = """([x, y]) => {
  const canvas = document.querySelector('#graph canvas');
  const ratio = canvas.width / canvas.clientWidth;
  const p = kgNetwork.canvasToDOM({x: x, y: y});
  return Array.from(canvas.getContext('2d').getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data);
}"""


def test_a_community_is_drawn_as_a_hull_and_its_checkbox_hides_it(browser, overview):
    page, seen = open_page(browser, overview)
    glazer = "https://example.org/kg/id/entity/glazer"
    centre = page.evaluate(f"kgNetwork.getPositions(['{glazer}'])['{glazer}']")
    # Inside the hull of Glazer's community, between its edges (which run along the axes).
    inside = [centre["x"] + 45, centre["y"] + 45]
    tint = page.evaluate(HULL_PIXEL, inside)
    assert tint[3] > 0 and tint[1] > tint[0] and tint[1] > tint[2]  # a light green (#59a14f) fill
    assert "Glazer, Manchester United, Old Trafford" in page.inner_text("#communities")
    members = set(page.evaluate("kgNodes.get({filter: n => n.community === 2}).map(n => n.id)"))
    page.locator("#communities input.community-filter[value='2']").uncheck()
    assert members.isdisjoint(page.evaluate("kgNetwork.body.nodeIndices"))
    # The hull went with them (once the canvas is redrawn: a timeout fails the test).
    page.wait_for_function(f"(point) => ({HULL_PIXEL})(point)[3] === 0", arg=inside, timeout=10_000)
    page.locator("#communities input.community-filter[value='2']").check()
    assert members <= set(page.evaluate("kgNetwork.body.nodeIndices"))
    assert seen["errors"] == []
    page.close()


# ---- issue 19's targets, on 40 BBC articles (041-048 of each category) built by `kg build` ----

BBC_CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


@pytest.fixture(scope="module")
def bbc40(tmp_path_factory):
    """`kg build` of 40 BBC articles (default options): the output folder, holding graph.html and graph.trig."""
    import shutil

    from click.testing import CliRunner

    from kg.cli import main
    from tests.conftest import shared_path

    corpus = shared_path("data", "corpus", "bbc")
    articles = tmp_path_factory.mktemp("bbc40") / "articles"
    articles.mkdir()
    for category in BBC_CATEGORIES:
        for number in range(41, 49):
            source = corpus / f"{category}_{number:03d}.txt"
            if not source.exists():
                pytest.skip(f"BBC article not found: {source}")
            shutil.copy(source, articles / source.name)
    out = articles.parent / "out"
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def node_id(page, label: str, group: str) -> str:
    ids = page.evaluate(
        "([label, group]) => kgNodes.get({filter: n => n.label === label && n.group === group}).map(n => n.id)",
        [label, group],
    )
    assert len(ids) == 1, (label, group, ids)
    return ids[0]


@pytest.mark.model
def test_bbc_overview_draws_entities_with_readable_labels_offline(browser, bbc40):
    page, seen = open_page(browser, bbc40 / "graph.html")
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["errors"] == [] and seen["dialogs"] == []
    # The default is the entity graph: concepts and propositions are in the data, but not drawn.
    assert page.evaluate("kgNodes.get({filter: n => n.group === 'Concept' || n.group === 'Proposition'}).length") > 0
    assert shown_groups(page).isdisjoint({"Concept", "Proposition"})
    assert page.evaluate("kgNetwork.body.nodeIndices.length") >= 20
    # Labels at the default zoom: vis-network's own label boxes, in the view, none overlapping another.
    box = page.locator("#graph").bounding_box()
    labels = [
        label
        for label in page.evaluate(DRAWN_LABELS)
        if label["left"] < box["width"] and label["left"] + label["width"] > 0 and 0 < label["top"] < box["height"]
    ]
    assert all(abs(label["left"] + label["width"] / 2 - label["x"]) < 1 for label in labels)  # centred on its node
    readable = [label for label in labels if label["px"] >= 12 and label["group"] not in ("Concept", "Proposition")]
    assert len(readable) >= 20, [label["label"] for label in labels]
    assert overlapping(labels) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"))
    # Zoomed in, the labels are re-culled at the same on-screen size and still do not overlap.
    page.evaluate("kgNetwork.moveTo({scale: kgNetwork.getScale() * 2.5})")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -1)  # a real zoom event: the page re-culls on zoom
    settled(page)
    zoomed = page.evaluate(DRAWN_LABELS)
    assert zoomed and all(12 <= label["px"] <= 15 for label in zoomed)
    assert overlapping(zoomed) == []
    page.close()


@pytest.mark.model
def test_bbc_search_for_blunkett_selects_the_person(browser, bbc40):
    page, seen = open_page(browser, bbc40 / "graph.html")
    blunkett = node_id(page, "David Blunkett", "Person")
    page.click("#search")
    page.keyboard.type("Blunkett")
    page.keyboard.press("Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [blunkett]
    assert page.inner_text("#details h2") == "David Blunkett"
    # The same through the suggestion list: the person comes first, before any concept naming him.
    page.fill("#search", "")
    page.evaluate("kgHighlight(null); kgNetwork.unselectAll()")
    page.keyboard.type("blunk")
    first = page.locator("#suggestions li").first
    assert "David Blunkett" in first.inner_text()
    first.click()
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [blunkett]
    settled(page)
    assert blunkett in {label["id"] for label in page.evaluate(DRAWN_LABELS)}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_bbc_search_for_a_missing_name_says_so(browser, bbc40):
    page, seen = open_page(browser, bbc40 / "graph.html")
    page.fill("#search", "Zaphod Beeblebrox")
    page.press("#search", "Enter")
    message = page.locator("#search-message")
    assert message.is_visible() and "No node named" in message.inner_text()
    assert "Zaphod Beeblebrox" in message.inner_text()
    assert page.evaluate("kgNetwork.getSelectedNodes()") == []
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_bbc_clicking_the_busiest_edge_shows_its_sentences(browser, bbc40):
    page, seen = open_page(browser, bbc40 / "graph.html")
    edge = page.evaluate("""() => {
        const shown = new Set(kgNetwork.body.edgeIndices);
        const edges = kgEdges.get({filter: e => shown.has(e.id)});
        edges.sort((a, b) => b.count - a.count);
        return edges[0];
    }""")
    assert edge["count"] >= 2 and edge["sentences"]
    # Centre the view on a point of the edge that no node covers and no other edge is nearer to.
    point = page.evaluate(
        """(id) => {
        const edge = kgNetwork.body.edges[id];
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            const p = edge.edgeType.getPoint(t);
            kgNetwork.moveTo({position: p, scale: 1.5});
            const dom = kgNetwork.canvasToDOM(p);
            if (kgNetwork.getNodeAt(dom) === undefined && kgNetwork.getEdgeAt(dom) === id) { return dom; }
        }
        return null;
    }""",
        edge["id"],
    )
    assert point is not None
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    details = page.locator("#details")
    assert details.is_visible()
    text = " ".join(details.inner_text().split())
    names = page.evaluate("([a, b]) => [kgNodes.get(a).label, kgNodes.get(b).label]", [edge["from"], edge["to"]])
    assert all(name in text for name in names)
    for relation, _count in edge["relations"]:
        assert " ".join(relation.split()) in text
    for title, sentence in edge["sentences"]:
        assert " ".join(title.split()) in text and " ".join(sentence.split()) in text
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_bbc_community_legend_hides_and_shows_its_nodes(browser, bbc40):
    page, seen = open_page(browser, bbc40 / "graph.html")
    communities = page.evaluate("DATA.communities")
    assert len(communities) >= 2
    biggest = communities[0]
    members = set(
        page.evaluate(
            "(c) => kgNodes.get({filter: n => n.community === c && n.layer === 'entity'}).map(n => n.id)", biggest["id"]
        )
    )
    assert members and members <= set(page.evaluate("kgNetwork.body.nodeIndices"))
    box = page.locator(f"#communities input.community-filter[value='{biggest['id']}']")
    box.uncheck()
    shown = set(page.evaluate("kgNetwork.body.nodeIndices"))
    assert members.isdisjoint(shown) and shown
    box.check()
    assert members <= set(page.evaluate("kgNetwork.body.nodeIndices"))
    assert seen["errors"] == []
    page.close()


@pytest.mark.model
def test_bbc_focused_page_of_david_blunkett(browser, bbc40, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / "focus.html"
    graph = next(p for p in (bbc40 / "graph.trig", bbc40 / "graph.ttl") if p.exists())
    result = CliRunner().invoke(main, ["render", str(graph), "--focus", "David Blunkett", "-o", str(path)])
    assert result.exit_code == 0, result.output
    page, seen = open_page(browser, path)
    assert seen["errors"] == [] and [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    labels = page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert "David Blunkett" in labels and len(labels) >= 5
    assert overlapping(page.evaluate(DRAWN_LABELS)) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "focus.png"))
    page.close()


@pytest.mark.model
def test_dated_articles_get_a_timeline_and_their_dates_in_the_header(browser, tmp_path):
    import json

    from click.testing import CliRunner

    from kg.cli import main

    articles = tmp_path / "dated.jsonl"
    stories = [
        ("2005-01-10", "Brown meets Blair", "Gordon Brown met Tony Blair in London on Monday. Brown praised Blair."),
        ("2005-01-12", "Blair backs Brown", "Tony Blair backed Gordon Brown in a speech in Glasgow."),
        ("2005-02-03", "Howard attacks Brown", "Michael Howard attacked Gordon Brown over taxes in Parliament."),
    ]
    articles.write_text(
        "\n".join(
            json.dumps({"id": f"d{i}", "title": t, "date": d, "text": f"{t}\n{x}"})
            for i, (d, t, x) in enumerate(stories)
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page, seen = open_page(browser, tmp_path / "out" / "graph.html")
    assert seen["errors"] == []
    assert page.title() == "News graph of 3 articles"
    assert "3 articles · 2005-01-10 – 2005-02-03" in page.inner_text("#subtitle")
    assert page.locator("#timeline").is_visible()
    page.close()
