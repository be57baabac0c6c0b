"""The notebooks run top to bottom (nbclient), and their outputs say what they should."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def execute(name):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return notebook


def text_of(cell):
    parts = []
    for output in cell.get("outputs", []):
        assert output.get("output_type") != "error", output
        data = output.get("data", {})
        parts.append(data.get("text/plain", "") + output.get("text", ""))
    return "\n".join(parts)


def test_quickstart_runs_top_to_bottom():
    notebook = execute("quickstart.ipynb")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert "'documents': 1" in text_of(code[0])
    assert "Khalifa Haftar" in text_of(code[1])
    stances = text_of(code[2])
    assert "Government of National Accord" in stances and "reject" in stances and "truce" in stances
    assert "follow" in text_of(code[3])
    assert "Khalifa Haftar" in text_of(code[4]) or "Government of National Accord" in text_of(code[4])
    view = code[5]["outputs"][0]["data"]
    assert "<iframe srcdoc=" in view["text/html"] and "&quot;view&quot;:&quot;entities&quot;" in view["text/html"]
    assert text_of(code[6]).strip() == "True"


def test_explore_corpus_runs_top_to_bottom():
    from tests.conftest import shared_path

    shared_path("data", "corpus", "bbc")  # skips, saying why, where ../shared is missing
    notebook = execute("explore_corpus.ipynb")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert text_of(code[0]).startswith("50 articles;")
    top = text_of(code[1])
    assert "label" in top and "mentions" in top and "Person" in top
    assert "speaker" in text_of(code[2]) and "about" in text_of(code[2])
    groups = text_of(code[3])
    assert "group" in groups and "most central" in groups and "members" in groups
    overview = code[4]["outputs"][0]["data"]["text/html"]  # the default view: the entity overview
    assert "<iframe srcdoc=" in overview and "&quot;view&quot;:&quot;entities&quot;" in overview
    view = next(o for o in code[5]["outputs"] if "text/html" in o.get("data", {}))
    assert "<iframe srcdoc=" in view["data"]["text/html"] and "Showing" in view["data"]["text/html"]
    assert "&quot;view&quot;:&quot;full&quot;" in view["data"]["text/html"]  # a focus shows concepts too
    assert "affiliation" in text_of(code[6]) and "politics" in text_of(code[6])
    assert any("image/png" in o.get("data", {}) for o in code[7]["outputs"])  # the chart is drawn


def test_news_feed_runs_top_to_bottom():
    notebook = execute("news_feed.ipynb")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    built = text_of(code[0])
    assert built.startswith("3 documents") and "1 of 3 entries carry only a summary" in built
    documents = text_of(code[1])
    assert "coastalherald.example/world/2024/mar/08/" in documents and "2024-03-05" in documents
    timeline = text_of(code[2])
    assert "Nadia Ferreira" in timeline and "Samuel Okoro" in timeline and "Elias Varga" in timeline
    view = code[3]["outputs"][0]["data"]["text/html"]
    assert "<iframe srcdoc=" in view and "News graph of 3 articles" in view
