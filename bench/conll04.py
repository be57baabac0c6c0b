"""Entity evaluation harness: kg's entity pipeline on CoNLL04 sentences.

Reads a CoNLL04 JSONL file, using only ``id`` and ``tokens`` of each line (the
tokens are kept as spaCy words, never re-tokenised), runs the pipeline
``kg build`` uses (spaCy, then :func:`kg.extract.mentions` with its type
consolidation and :func:`kg.extract.values` for dates and amounts), maps kg's
types to CoNLL04's, and writes the JSONL that ``../shared/eval/score_conll04.py``
scores:

    python bench/conll04.py --input ../shared/data/eval/conll04/dev.jsonl --out /tmp/kg_conll04.jsonl
    python ../shared/eval/score_conll04.py --gold ../shared/data/eval/conll04/dev.jsonl --pred /tmp/kg_conll04.jsonl

Type mapping: PERSON → Peop; ORG → Org; GPE, LOC, FAC → Loc; EVENT, WORK_OF_ART,
LAW, PRODUCT and the values kg keeps (dates, times and amounts with a digit or a
month, large numbers) → Other. Nationalities and languages (NORP, LANGUAGE) are
not written: CoNLL04's annotators rarely mark them. Relations are not predicted yet.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CONLL_TYPES = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc", "EVENT": "Other",
               "WORK_OF_ART": "Other", "LAW": "Other", "PRODUCT": "Other"}


def token_span(doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token offsets (end exclusive) of a character span, or None if it does not align."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def predict(records, nlp):
    """Yield one prediction record per input record."""
    from spacy.tokens import Doc

    from kg.extract import mentions, values

    docs = (Doc(nlp.vocab, words=record["tokens"]) for record in records)
    for record, doc in zip(records, nlp.pipe(docs, batch_size=64)):
        entities = []
        for mention in mentions(doc, doc_id=str(record["id"])):
            span = token_span(doc, mention.start, mention.end)
            if span is not None and mention.label in CONLL_TYPES:
                entities.append({"start": span[0], "end": span[1], "type": CONLL_TYPES[mention.label]})
        for value in values(doc):
            entities.append({"start": value.start, "end": value.end, "type": "Other"})
        yield {"id": record["id"], "entities": entities, "relations": []}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, required=True, help="CoNLL04 JSONL (id and tokens are read)")
    parser.add_argument("--out", type=Path, required=True, help="predictions for score_conll04.py")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    args = parser.parse_args()
    if not args.input.is_file():
        print(f"error: {args.input}: no such file", file=sys.stderr)
        return 1

    from kg.analyse import load_nlp

    records = []
    for number, line in enumerate(args.input.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            records.append({"id": record["id"], "tokens": record["tokens"]})
    nlp = load_nlp(args.model)
    with args.out.open("w", encoding="utf-8") as out:
        for prediction in predict(records, nlp):
            out.write(json.dumps(prediction) + "\n")
    print(f"{len(records)} sentences -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
