"""Open IE evaluation harness: kg's relation extractor on CaRB sentences.

Reads one whitespace-tokenised sentence per line (CaRB's format; its tokens are
kept, never re-tokenised), runs the same extractor ``kg build`` uses, and writes
the JSONL that ``../shared/eval/score_carb.py`` scores, with confidences:

    python bench/carb.py --sentences ../shared/data/eval/carb/dev.txt --out /tmp/kg_dev.jsonl
    python ../shared/eval/score_carb.py --gold ../shared/data/eval/carb/gold/dev.tsv --pred /tmp/kg_dev.jsonl

(add ``--one-to-one`` for CaRB(1-1), one-to-one recall too).

Each tuple is ``Relation.as_written()``: (first argument, relation, second
argument, qualifiers...) in the sentence's words, the same texts kg stores on the
statement node (``kg:subjectText``, ``kg:relationText``, ``kg:objectText``,
``kg:qualifier``, and ``kg:time`` for a time).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# Run from a checkout without installing: the kg package beside this folder comes first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def read_sentences(path: Path) -> list[str]:
    """The non-blank lines of a CaRB sentence file."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract_sentences(lines: list[str], nlp) -> Iterator[tuple[str, list]]:
    """Yield each sentence with the relations kg extracts from it (CaRB tokens kept as spaCy words)."""
    from spacy.tokens import Doc

    from kg.extract import mentions, relations

    docs = (Doc(nlp.vocab, words=line.split()) for line in lines)
    for index, doc in enumerate(nlp.pipe(docs, batch_size=64)):
        doc_id = f"s{index}"
        found = mentions(doc, doc_id=doc_id)
        yield lines[index], list(relations(doc, doc_id=doc_id, mentions=found, keep_unresolved=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=Path, required=True, help="one tokenised sentence a line")
    parser.add_argument("--out", type=Path, required=True, help="JSONL for score_carb.py")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    args = parser.parse_args()

    from kg.analyse import load_nlp

    if not args.sentences.is_file():
        print(f"error: {args.sentences}: no such file", file=sys.stderr)
        return 1
    lines = read_sentences(args.sentences)
    nlp = load_nlp(args.model)
    started = time.perf_counter()
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for sentence, found in extract_sentences(lines, nlp):
            triples = [list(relation.as_written()) for relation in found]
            confidences = [relation.confidence for relation in found]
            count += len(triples)
            out.write(json.dumps({"sentence": sentence, "triples": triples, "confidences": confidences}) + "\n")
    seconds = time.perf_counter() - started
    print(f"{len(lines)} sentences, {count} extractions, {seconds:.1f} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
