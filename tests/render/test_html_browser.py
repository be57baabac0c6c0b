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
    assert page.evaluate("kgNetwork.body.data.nodes.length") >= 20
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "example-graph.png"))
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
    people = page.evaluate("kgNodes.get({filter: n => n.group === 'Person'}).length")
    before = page.evaluate(shown)
    page.locator("#legend input[value='Person']").uncheck()
    assert page.evaluate(shown) == before - people
    page.locator("#legend input[value='Person']").check()
    assert page.evaluate(shown) == before
    page.click("#relations summary")
    edges = "kgNetwork.body.data.edges.length"
    rejects = page.evaluate("kgEdges.get({filter: e => e.relation === 'reject'}).length")
    all_edges = page.evaluate(edges)
    page.locator("#relations input[value='reject']").uncheck()
    assert rejects >= 1 and page.evaluate(edges) == all_edges - rejects
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
    opacity = dict(page.evaluate("kgNodes.get().map(n => [n.id, n.opacity])"))
    assert opacity[haftar] == 1 and neighbours and all(opacity[n] == 1 for n in neighbours)
    assert any(value < 1 for node, value in opacity.items() if node not in neighbours | {haftar})
    page.evaluate("kgHighlight(null)")
    assert all(value == 1 for _, value in page.evaluate("kgNodes.get().map(n => [n.id, n.opacity])"))
    page.close()


@pytest.mark.model
def test_a_big_corpus_page_is_cut_and_says_so(browser, tmp_path):
    """Issue 6: a 500-node BBC picture, pre-computed layout, physics off, with its note and a screenshot."""
    import kg
    from tests.conftest import shared_path

    folder = shared_path("data", "corpus", "bbc")
    graph = kg.build(sorted(folder.glob("politics_*.txt"))[:60])
    path = tmp_path / "bbc.html"
    graph.to_html(path, title="60 BBC politics articles", max_nodes=500)
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
    shown = page.evaluate("""[...kgNetwork.body.data.edges.get().map(e => String(e.title || '')),
                              ...kgNetwork.body.data.nodes.get().map(n => String(n.title || '') + n.label)]""")
    assert any("<script>alert" in t or "<img src=x" in t for t in shown)  # the page holds them, as text
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
    page.close()
