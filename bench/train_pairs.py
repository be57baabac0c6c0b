"""Train the typed-relation classifier of kg (kg/extract/pairs.py) on CoNLL04's training split.

For every ordered pair of gold entities of a training sentence whose types allow a
relation (person → organisation: works for; person → place: lives in; organisation
→ place: based in; place → place: located in; person → person: kills), the label
is the gold relation or "none". Features are :func:`kg.extract.pairs.pair_features`
on spaCy's parse (the pipeline kg uses, CoNLL's tokens kept). A multinomial
logistic regression (scikit-learn) is fitted and its weights are written, as data,
to ``kg/lang/en/pair_model.json``, which ``kg build`` uses:

    pip install '.[bench]'
    python bench/train_pairs.py --train ../shared/data/eval/conll04/train.jsonl

It prints the pair-level scores on the dev split (gold entities); the end-to-end
score (kg's own entities) is ``python bench/conll04.py`` + the CoNLL04 scorer.

A reading is a fact only when it is likely right: for each relation, the lowest probability at
which the model's readings were right at least ``--precision`` (.85) of the time is chosen by
k-fold cross-validation on the training split alone (each fold's pairs read by a model fitted
on the other folds), and stored with the model (``"thresholds"``). ``kg build`` asserts a
reading at or above its relation's threshold; one below it, down to ``"floor"``, stays an
unasserted statement (:mod:`kg.extract.pairs`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "kg" / "lang" / "en" / "pair_model.json"
LABELS = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}


def examples(path: Path, nlp):
    """(features, label) for every candidate pair of gold entities in the file."""
    from spacy.tokens import Doc

    from kg.extract.pairs import coarse_type, pair_features
    from kg.lang import lexicon

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = nlp.pipe((Doc(nlp.vocab, words=r["tokens"]) for r in records), batch_size=64)
    for record, doc in zip(records, docs, strict=True):
        entities = [(doc[e["start"] : e["end"]], LABELS[e["type"]]) for e in record["entities"] if e["type"] in LABELS]
        index = {(e["start"], e["end"]): i for i, e in enumerate(record["entities"])}
        gold = {}
        for relation in record["relations"]:
            head, tail = record["entities"][relation["head"]], record["entities"][relation["tail"]]
            gold[((head["start"], head["end"]), (tail["start"], tail["end"]))] = relation["type"]
        for head, head_label in entities:
            for tail, tail_label in entities:
                if head.start == tail.start:
                    continue
                if not any(
                    s == coarse_type(head_label) and o == coarse_type(tail_label)
                    for _, s, o in lexicon().pair_relations.values()
                ):
                    continue
                key = ((head.start, head.end), (tail.start, tail.end))
                assert key[0] in index and key[1] in index
                allowed = tuple(
                    label
                    for label, (_, s, o) in lexicon().pair_relations.items()
                    if s == coarse_type(head_label) and o == coarse_type(tail_label)
                )
                yield pair_features(head, tail, head_label, tail_label), gold.get(key, "none"), allowed


#: The lowest probability a reading needs to be kept at all (as an unasserted statement).
FLOOR = 0.5


def readings(classes, probabilities, allowed_labels):
    """(label, probability) of the reading kg makes of each pair (as :func:`kg.extract.pairs.pair_relations`
    does: the most probable label its types allow, when more probable than "none"), or None."""
    index = {label: k for k, label in enumerate(classes)}
    found = []
    for row, allowed in zip(probabilities, allowed_labels, strict=True):
        best = max(allowed, key=lambda label: row[index[label]])
        p = float(row[index[best]])
        found.append((best, p) if p >= float(row[index["none"]]) else None)
    return found


def choose_thresholds(read, gold, *, precision: float, floor: float) -> dict[str, dict[str, float]]:
    """For each label, the lowest probability at or above which the readings ``read`` of that label
    were right (``gold``) at least ``precision`` of the time, with that precision and the recall."""
    chosen = {}
    for label in sorted({g for g in gold if g != "none"}):
        pairs = zip(read, gold, strict=True)
        scored = sorted(((r[1], r[0] == g) for r, g in pairs if r and r[0] == label), reverse=True)
        total = sum(1 for g in gold if g == label)
        best = None
        right = 0
        for n, (p, correct) in enumerate(scored, 1):
            right += correct
            if p >= floor and right / n >= precision and (n == len(scored) or scored[n][0] < p):
                best = {"threshold": round(p, 3), "precision": round(right / n, 3), "recall": round(right / total, 3)}
        # No probability reaches the precision: nothing of that label is asserted.
        chosen[label] = best or {"threshold": 1.01, "precision": 0.0, "recall": 0.0}
    return chosen


def scores_at(read, gold, thresholds) -> dict[str, tuple[int, int, int]]:
    """(right, asserted, gold) of each label when readings at or above their label's threshold are asserted."""
    counts = {}
    for label in thresholds:
        pairs = zip(read, gold, strict=True)
        asserted = [(r, g) for r, g in pairs if r and r[0] == label and r[1] >= thresholds[label]]
        counts[label] = (sum(1 for r, g in asserted if g == label), len(asserted), sum(1 for g in gold if g == label))
    return counts


def report(name: str, counts: dict[str, tuple[int, int, int]]) -> None:
    """Print precision and recall of each label and of all together."""
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    for label, (right, asserted, gold) in [*sorted(counts.items()), ("all", tuple(total))]:
        p, r = right / max(asserted, 1), right / max(gold, 1)
        print(f"  {name} {label:12} P={p:.3f} R={r:.3f} ({right}/{asserted} asserted, {gold} gold)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=ROOT.parent / "shared/data/eval/conll04/train.jsonl")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/data/eval/conll04/dev.jsonl")
    parser.add_argument("--regularisation", type=float, default=0.5, help="inverse strength (C)")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--precision", type=float, default=0.85, help="precision each threshold is chosen for")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation on train")
    args = parser.parse_args()
    for path in (args.train, args.dev):
        if not path.is_file():
            print(f"error: {path}: no such file (CoNLL04 lives in ../shared/data/eval/conll04)", file=sys.stderr)
            return 1

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report
    from sklearn.model_selection import StratifiedKFold

    from kg.analyse import load_nlp

    nlp = load_nlp()
    train = list(examples(args.train, nlp))
    dev = list(examples(args.dev, nlp))
    vectoriser = DictVectorizer()
    y = [label for _, label, _ in train]
    # Out-of-fold readings of train: each fold read by a model fitted on the others.
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    out_of_fold: list = [None] * len(train)
    for fit, held in folds.split([f for f, _, _ in train], y):
        fold_vectoriser = DictVectorizer()
        fold_x = fold_vectoriser.fit_transform([train[i][0] for i in fit])
        fold_model = LogisticRegression(C=args.regularisation, max_iter=3000).fit(fold_x, [y[i] for i in fit])
        probabilities = fold_model.predict_proba(fold_vectoriser.transform([train[i][0] for i in held]))
        read = readings(fold_model.classes_, probabilities, [train[i][2] for i in held])
        for i, reading in zip(held, read, strict=True):
            out_of_fold[i] = reading
    chosen = choose_thresholds(out_of_fold, y, precision=args.precision, floor=FLOOR)
    thresholds = {label: values["threshold"] for label, values in chosen.items()}
    print(f"thresholds for precision >= {args.precision} ({args.folds}-fold cross-validation on train):")
    for label, values in chosen.items():
        print(f"  {label:12} {values}")
    report("train (out of fold)", scores_at(out_of_fold, y, thresholds))
    report("train (out of fold, floor)", scores_at(out_of_fold, y, dict.fromkeys(thresholds, FLOOR)))

    x = vectoriser.fit_transform([f for f, _, _ in train])
    model = LogisticRegression(C=args.regularisation, max_iter=3000).fit(x, y)
    dev_x = vectoriser.transform([f for f, _, _ in dev])
    predicted = model.predict(dev_x)
    dev_y = [label for _, label, _ in dev]
    print(f"{len(train)} training pairs, {len(dev)} dev pairs (gold entities)")
    print(classification_report(dev_y, predicted, digits=3, zero_division=0))
    dev_read = readings(model.classes_, model.predict_proba(dev_x), [allowed for _, _, allowed in dev])
    report("dev (thresholds)", scores_at(dev_read, dev_y, thresholds))
    report("dev (floor)", scores_at(dev_read, dev_y, dict.fromkeys(thresholds, FLOOR)))

    names = vectoriser.feature_names_
    weights = {}
    for row, label in enumerate(model.classes_):
        coefficients = model.coef_[row] if len(model.classes_) > 2 else (model.coef_[0] if row else -model.coef_[0])
        weights[str(label)] = {names[i]: round(float(w), 4) for i, w in enumerate(coefficients) if abs(w) >= 1e-2}
    payload = {
        "source": f"bench/train_pairs.py on {args.train.name} (CoNLL04), logistic regression C={args.regularisation}, "
        f"{len(train)} pairs",
        "labels": [str(label) for label in model.classes_],
        # Not strict: a two-class model has one intercept (CoNLL04's pairs have six classes).
        "bias": {str(label): round(float(b), 4) for label, b in zip(model.classes_, model.intercept_, strict=False)},
        "weights": weights,
        # A reading at or above its label's threshold is a fact; one below, down to the floor, a guess.
        "thresholds": thresholds,
        "floor": FLOOR,
        "threshold_source": f"{args.folds}-fold cross-validation on {args.train.name}, precision >= {args.precision}",
    }
    args.out.write_text(json.dumps(payload, sort_keys=True) + "\n", encoding="utf-8")
    print(f"model -> {args.out} ({sum(len(w) for w in weights.values())} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
