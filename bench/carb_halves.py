"""CaRB dev scored whole and on two fixed halves, the way rules are fitted on one and checked on the other.

The halves are fixed by position in ``dev.txt``: half A holds the first 320 sentences, half B the rest.
Rules are tuned on A and checked on B (a large gap between them means a rule memorises):

    python bench/carb.py --sentences ../shared/data/eval/carb/dev.txt --out /tmp/kg_dev.jsonl
    python bench/carb_halves.py --pred /tmp/kg_dev.jsonl

prints, for the whole split and each half, the scorer's F1, CaRB(1-1) F1 and AUC (``../shared/eval/score_carb.py``,
run on the gold and predictions of that half only).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARB = ROOT.parent / "shared" / "data" / "eval" / "carb"
SCORER = ROOT.parent / "shared" / "eval" / "score_carb.py"

#: Sentences of ``dev.txt`` in half A; the others are half B.
HALF_A = 320

_SCORE = re.compile(r"F1=([0-9.]+) AUC=([0-9.]+)")


def _key(sentence: str) -> str:
    return "".join(sentence.split())


def halves(sentences: Path) -> dict[str, set[str]]:
    """The sentence keys (whitespace removed) of half A and half B of ``sentences``."""
    lines = [line for line in sentences.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"A": {_key(s) for s in lines[:HALF_A]}, "B": {_key(s) for s in lines[HALF_A:]}}


def score(gold: Path, pred: Path, *, one_to_one: bool) -> tuple[float, float]:
    """(F1, AUC) the CaRB scorer prints for ``pred`` against ``gold``."""
    command = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)]
    if one_to_one:
        command.append("--one-to-one")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    found = _SCORE.findall(output)
    if not found:
        raise SystemExit(f"{SCORER}: no score in its output:\n{output}")
    f1, auc = found[-1]
    return float(f1), float(auc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", type=Path, required=True, help="bench/carb.py's JSONL for dev.txt")
    parser.add_argument("--sentences", type=Path, default=CARB / "dev.txt")
    parser.add_argument("--gold", type=Path, default=CARB / "gold" / "dev.tsv")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"{args.gold}: missing (CaRB dev is read from ../shared/data/eval/carb/)", file=sys.stderr)
        return 2
    split = halves(args.sentences)
    gold_lines = args.gold.read_text(encoding="utf-8").splitlines()
    pred_lines = args.pred.read_text(encoding="utf-8").splitlines()
    print(f"{'part':<6} {'F1':>6} {'1-1 F1':>7} {'AUC':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for part, keys in (("whole", None), ("A", split["A"]), ("B", split["B"])):
            gold, pred = Path(tmp, f"gold_{part}.tsv"), Path(tmp, f"pred_{part}.jsonl")
            gold.write_text(
                "\n".join(g for g in gold_lines if keys is None or _key(g.split("\t")[0]) in keys) + "\n",
                encoding="utf-8",
            )
            pred.write_text(
                "\n".join(p for p in pred_lines if keys is None or _key(json.loads(p)["sentence"]) in keys) + "\n",
                encoding="utf-8",
            )
            f1, auc = score(gold, pred, one_to_one=False)
            f1_one, _ = score(gold, pred, one_to_one=True)
            print(f"{part:<6} {f1:>6.3f} {f1_one:>7.3f} {auc:>6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
