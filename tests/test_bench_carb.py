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
    result = subprocess.run([sys.executable, str(REPO / "bench" / "carb.py"), "--sentences", str(sentences),
                             "--out", str(out)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["sentence"] for r in records] == sentences.read_text().splitlines()
    first = records[0]
    assert ["The rebels", "rejected", "the truce"] in first["triples"]
    assert ["the government", "called by", "the truce"] in first["triples"]
    assert len(first["confidences"]) == len(first["triples"])
    assert all(0 < c <= 1 for c in first["confidences"])
