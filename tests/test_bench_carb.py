"""The CaRB harness writes what the scorer reads, keeping CaRB's tokens."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def test_carb_harness_output_is_scorable(tmp_path):
    sentences = tmp_path / "s.txt"
    sentences.write_text(
        "The rebels rejected the truce called by the government .\n"
        "He served as the first Prime Minister of Australia .\n"
    )
    out = tmp_path / "pred.jsonl"
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "carb.py"), "--sentences", str(sentences), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["sentence"] for r in records] == sentences.read_text().splitlines()
    first = records[0]
    assert ["The rebels", "rejected", "the truce"] in first["triples"]
    # The passive is written as the sentence reads it (the graph turns it active: government – call – truce).
    assert ["the truce", "called by", "the government"] in first["triples"]
    assert len(first["confidences"]) == len(first["triples"])
    assert all(0 < c <= 1 for c in first["confidences"])


def test_harness_tuples_are_the_texts_in_the_graph(tmp_path, nlp):
    """What the harness scores is what kg stores on statement nodes, word for word."""
    from rdflib import RDF

    import kg
    from kg.vocab import KG

    text = "Libya's government on Thursday rejected a truce called by Khalifa Haftar in Tripoli ."
    sentences = tmp_path / "s.txt"
    sentences.write_text(" ".join(t.text for t in nlp.tokenizer(text)) + "\n")
    out = tmp_path / "pred.jsonl"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "carb.py"), "--sentences", str(sentences), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    harness = {tuple(t) for t in json.loads(out.read_text())["triples"]}

    def words(phrase):  # the harness keeps CaRB's tokens, separated by spaces
        return " ".join(t.text for t in nlp.tokenizer(str(phrase or "")))

    graph = kg.build_text(text).graph
    stored = set()
    for statement in graph.subjects(RDF.type, KG.Statement):
        texts = [words(graph.value(statement, p)) for p in (KG.subjectText, KG.relationText, KG.objectText)]
        if graph.value(statement, KG.passive) is not None:  # written only when true
            texts = [texts[2], texts[1], texts[0]]
        qualifiers = sorted(words(q) for p in (KG.qualifier, KG.time) for q in graph.objects(statement, p))
        stored.add((*texts, *qualifiers))
    assert harness and {(t[0], t[1], t[2], *sorted(t[3:])) for t in harness} == stored
    assert ("a truce", "called by", "Khalifa Haftar", "in Tripoli") in harness
