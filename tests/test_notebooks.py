"""The notebooks run top to bottom (nbclient), and their outputs say what they should."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def execute(name):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
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
    assert "<iframe srcdoc=" in view["text/html"]
    assert text_of(code[6]).strip() == "True"
