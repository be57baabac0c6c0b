"""The runner runs the per-document function it is given, and imports no extraction itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg.analyse
from kg.analyse import run
from kg.model import Document

DOCUMENTS = [
    Document(id=f"d{i}", text=text)
    for i, text in enumerate(["Haftar attacked Tripoli.", "The GNA rejected the truce.", "Smith met Jones."])
]


def nouns_and_names(document, doc):
    """A per-document function of the test's own (module level, so worker processes can receive it)."""
    return (document.id, [t.text for t in doc if t.pos_ == "PROPN"])


def broken(document, doc):
    """A per-document function that fails on one document."""
    if document.id == "d1":
        raise ValueError("no such thing")
    return document.id


@pytest.mark.model
def test_the_runner_returns_what_the_given_function_makes():
    found = {doc_id: result for doc_id, result, _, _ in run.analyse(DOCUMENTS, work=nouns_and_names)}
    assert found == {"d0": ("d0", ["Haftar", "Tripoli"]), "d1": ("d1", ["GNA"]), "d2": ("d2", ["Smith", "Jones"])}


@pytest.mark.model
def test_worker_processes_run_the_given_function(monkeypatch):
    monkeypatch.setattr(run, "CHUNK_SIZE", 1)  # three chunks, so that the pool is used
    found = {doc_id: result for doc_id, result, _, _ in run.analyse(DOCUMENTS, work=nouns_and_names, jobs=2)}
    assert found["d0"] == ("d0", ["Haftar", "Tripoli"]) and len(found) == 3


@pytest.mark.model
def test_a_failing_function_skips_its_document_only():
    results = run.analyse_chunk(DOCUMENTS, broken)
    assert [(doc_id, result) for doc_id, result, _, _ in results] == [("d0", "d0"), ("d1", None), ("d2", "d2")]
    assert "ValueError: no such thing" in results[1][3][0]


def test_analysis_imports_no_extraction():
    folder = Path(kg.analyse.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                assert "extract" not in module, f"{path.name} imports {module}"
