"""Fit the confidence model of kg's relation extractor on CaRB dev.

Runs the extractor on the CaRB sentences, labels each extraction correct when
it matches a gold tuple of its sentence (CaRB's token-level precision against
the best gold tuple is at least ``--match``, scored with the benchmark's own
scorer), fits a logistic regression (scikit-learn) of that label on the
features of :func:`kg.extract.confidence.features`, and writes the weights to
``kg/lang/en/confidence.json``:

    pip install '.[bench]'
    python bench/calibrate.py --sentences ../shared/data/eval/carb/dev.txt \\
        --gold ../shared/data/eval/carb/gold/dev.tsv

It prints a reliability table (mean predicted confidence vs. observed accuracy
per bin, from 5-fold cross-validated predictions) so that the calibration can be
checked on extractions the model was not fitted on.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "kg" / "lang" / "en" / "confidence.json"


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_carb", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=Path, default=ROOT.parent / "shared/data/eval/carb/dev.txt")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared/data/eval/carb/gold/dev.tsv")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval/score_carb.py")
    parser.add_argument("--match", type=float, default=0.5, help="precision that counts as a match")
    parser.add_argument("--regularisation", type=float, default=0.3, help="inverse strength (C)")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    for path in (args.sentences, args.gold, args.scorer):
        if not path.is_file():
            print(f"error: {path}: no such file (CaRB data lives in ../shared)", file=sys.stderr)
            return 1

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    from bench.carb import extract_sentences, read_sentences
    from kg.analyse import load_nlp
    from kg.extract.confidence import features

    scorer = _load_scorer(args.scorer)
    gold = scorer.load_gold(str(args.gold))
    nlp = load_nlp()
    rows, labels = [], []
    for sentence, found in extract_sentences(read_sentences(args.sentences), nlp):
        golds = gold.get(scorer.sentence_key(sentence))
        if not golds:
            continue
        length = len(sentence.split())
        for relation in found:
            written = relation.as_written()
            predicted_args = scorer.binarize([written[0], *written[2:]])
            best = 0.0
            for g_rel, g_args in golds:
                said = any(v in g_rel for v in scorer.SAID_VERBS)
                g_bin = scorer.binarize(g_args)
                score = scorer.pair_score(g_rel, g_bin, written[1], predicted_args, False)[0]
                if said and len(predicted_args) >= 2:
                    swapped = [predicted_args[1], predicted_args[0]]
                    score = max(score, scorer.pair_score(g_rel, g_bin, written[1], swapped, False)[0])
                best = max(best, score)
            rows.append(features(relation, length))
            labels.append(int(best >= args.match))

    vectoriser = DictVectorizer(sparse=False)
    x = vectoriser.fit_transform(rows)
    y = np.array(labels)
    model = LogisticRegression(C=args.regularisation, max_iter=2000).fit(x, y)
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    weights.update(
        {name: round(float(w), 4) for name, w in zip(vectoriser.feature_names_, model.coef_[0], strict=True)}
    )
    # The reliability table uses 5-fold cross-validated predictions: each extraction is
    # scored by a model that did not see it, so the table is not flattered by the fit.
    probabilities = cross_val_predict(
        LogisticRegression(C=args.regularisation, max_iter=2000), x, y, cv=5, method="predict_proba"
    )[:, 1]

    print(f"{len(y)} extractions, {y.mean():.3f} match a gold tuple (precision >= {args.match})")
    print("reliability, 5-fold cross-validated (bin: mean confidence -> observed accuracy, n)")
    bins = np.clip((probabilities * 10).astype(int), 0, 9)
    for b in range(10):
        chosen = bins == b
        if chosen.any():
            print(
                f"  {b / 10:.1f}-{(b + 1) / 10:.1f}: {probabilities[chosen].mean():.3f} -> "
                f"{y[chosen].mean():.3f}  (n={int(chosen.sum())})"
            )
    payload = {
        "source": f"bench/calibrate.py on {args.sentences.name} (CaRB), match = precision >= {args.match}, "
        f"logistic regression C={args.regularisation}, {len(y)} extractions",
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
