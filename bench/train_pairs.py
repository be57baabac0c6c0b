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
                yield pair_features(head, tail, head_label, tail_label), gold.get(key, "none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=ROOT.parent / "shared/data/eval/conll04/train.jsonl")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/data/eval/conll04/dev.jsonl")
    parser.add_argument("--regularisation", type=float, default=0.5, help="inverse strength (C)")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    for path in (args.train, args.dev):
        if not path.is_file():
            print(f"error: {path}: no such file (CoNLL04 lives in ../shared/data/eval/conll04)", file=sys.stderr)
            return 1

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report

    from kg.analyse import load_nlp

    nlp = load_nlp()
    train = list(examples(args.train, nlp))
    dev = list(examples(args.dev, nlp))
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([f for f, _ in train])
    y = [label for _, label in train]
    model = LogisticRegression(C=args.regularisation, max_iter=3000).fit(x, y)
    predicted = model.predict(vectoriser.transform([f for f, _ in dev]))
    print(f"{len(train)} training pairs, {len(dev)} dev pairs (gold entities)")
    print(classification_report([label for _, label in dev], predicted, digits=3, zero_division=0))

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
    }
    args.out.write_text(json.dumps(payload, sort_keys=True) + "\n", encoding="utf-8")
    print(f"model -> {args.out} ({sum(len(w) for w in weights.values())} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
