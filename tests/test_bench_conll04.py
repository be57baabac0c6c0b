"""The CoNLL04 harness reads ids and tokens and writes what the scorer reads."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def test_conll04_harness_keeps_the_tokens_and_types_the_names(tmp_path):
    records = [
        {
            "id": "1",
            "tokens": [
                "Mrs.",
                "Quayle",
                "met",
                "Sen.",
                "Mitch",
                "McConnell",
                "in",
                "Louisville",
                "on",
                "5",
                "Feb",
                "94",
                ".",
            ],
            "entities": "ignored",
            "relations": "ignored",
        },
        {
            "id": "2",
            "tokens": [
                "Waste",
                "Disposal",
                "Co.",
                "of",
                "Randolph",
                "said",
                "2.5",
                "million",
                "tons",
                "were",
                "moved",
                ".",
            ],
        },
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "conll04.py"), "--input", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    predicted = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predicted] == ["1", "2"]

    def spans(record, tokens):
        return {(" ".join(tokens[e["start"] : e["end"]]), e["type"]) for e in record["entities"]}

    first = spans(predicted[0], records[0]["tokens"])
    assert {("Mrs. Quayle", "Peop"), ("Mitch McConnell", "Peop"), ("Louisville", "Loc"), ("5 Feb 94", "Other")} <= first
    second = spans(predicted[1], records[1]["tokens"])
    assert ("Randolph", "Loc") in second and ("2.5 million tons", "Other") in second
