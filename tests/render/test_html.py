"""The page's data, read without a browser."""

from kg.render.html import render_html, vis_data
from kg.render.nx import to_networkx
from tests.render.test_html_browser import RLO_NAME, rlo_graph


def _balanced_isolates(text: str) -> bool:
    """Whether every U+202E of ``text`` is inside an FSI … PDI isolate that closes."""
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth -= 1
            if depth < 0:
                return False
        elif ch == "\u202e" and depth == 0:
            return False
    return depth == 0


def test_every_shown_text_with_a_bidi_override_is_isolated():
    """Issue 14: U+202E in a name reached labels and tooltips unneutralised."""
    nodes, edges = vis_data(to_networkx(rlo_graph().graph))
    shown = [n["label"] for n in nodes] + [n["title"] for n in nodes] + [e["title"] for e in edges]
    assert any(RLO_NAME in text for text in shown)
    assert all(_balanced_isolates(line) for text in shown for line in text.split("\n"))


def test_an_isolate_cannot_be_closed_early_or_left_open():
    from kg.render.html import isolated

    assert isolated("plain name") == "plain name"
    for text in ("a\u2069\u202eb", "\u2067\u202eb", "x\u2069\u2069\u2066", "\u0644\u064a\u0628\u064a\u0627"):
        assert _balanced_isolates(isolated(text)), text
        assert isolated(text).startswith("\u2068") and isolated(text).endswith("\u2069")


def test_the_page_writes_its_data_once_as_json():
    """Names reach the page once, in the JSON the script reads (HTML-escaped by tojson), never as markup;
    the browser test of the bidi override checks that the relations panel shows them in <bdi> elements."""
    page = render_html(to_networkx(rlo_graph().graph))
    assert page.count("var DATA = ") == 1
    assert '"label": "reject"' in page or '"label":"reject"' in page
    assert "<bdi>reject</bdi>" not in page  # the list is built by the script, from the data
