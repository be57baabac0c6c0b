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
not written: CoNLL04's annotators rarely mark them.

CoNLL04's own conventions, read off its training split (never its dev split), are applied here
and not in kg's extraction, as they are only CoNLL04's (:func:`conll_value`, :func:`birthplaces`,
:func:`with_title`): a full date "Nov. 22 , 1963" is marked on its month alone (45 of 51 on
train); a month and a year, "December 1955", on the year (9 of 13); "previous December" on the
month (2 of 7, the others on nothing); a year alone ("In 1969 ,
...") mostly not at all (22 of 154 are marked); a birthplace "born in Concord , Mass ." is one
place with its state or country (about 50 of the 58 "City , State" pairs after "born", "native"
or "died"), where other pairs are two; and a person's full name keeps the title before it when
the title is one of :data:`NAME_TITLES` ("President John F. Kennedy": 27 of 36 after
"President"; "Rev. Martin Luther King Jr.": 4 of 4), where kg leaves titles out of full names.

Relations are the ones ``kg build`` extracts (clause rules and the trained pair
classifier, :mod:`kg.extract.pairs`), typed through the ontology
(``ontology/relations.tsv``) and mapped to CoNLL04's types by family and argument
classes (see :func:`conll_relation`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CONLL_TYPES = {
    "PERSON": "Peop",
    "ORG": "Org",
    "GPE": "Loc",
    "LOC": "Loc",
    "FAC": "Loc",
    "EVENT": "Other",
    "WORK_OF_ART": "Other",
    "LAW": "Other",
    "PRODUCT": "Other",
}


def token_span(doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token offsets (end exclusive) of a character span, or None if it does not align."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


#: Typed relations of the ontology → CoNLL04's types, by the classes of subject and object.
_PLACES = {"Location", "GeopoliticalEntity", "Facility"}


def conll_relation(relation):
    """(head mention, tail mention, CoNLL04 type) for a relation between two names, or None.

    The relation is typed through the ontology (ontology/relations.tsv), then its family
    and argument classes give the CoNLL04 type: affiliation → Work_For; location →
    Live_In / OrgBased_In / Located_In by the subject's class; kills → Kill.
    """
    from kg.vocab import KG, class_for_label, typed_relation

    if relation.subject.mention is None or relation.object is None or relation.object.mention is None:
        return None
    if relation.reading == "guess":  # the classifier's reading below its threshold: kg asserts no such fact
        return None
    head, tail = relation.subject.mention, relation.object.mention
    head_class = class_for_label(head.label).split("#")[-1]
    tail_class = class_for_label(tail.label).split("#")[-1]
    typed = typed_relation(relation.predicate, head_class, tail_class)
    if typed is None:
        return None
    if typed in (KG.worksFor, KG.memberOf, KG.leaderOf, KG.spokesmanFor) and (head_class, tail_class) == (
        "Person",
        "Organization",
    ):
        return head, tail, "Work_For"
    if typed == KG.leaderOf and head_class == "Person" and tail_class in _PLACES:
        # CoNLL04 marks the leader of a place as living there ("Ohio's governor, X", "Quebec Premier X")
        return head, tail, "Live_In"
    if typed == KG.employs and (head_class, tail_class) == ("Organization", "Person"):
        return tail, head, "Work_For"
    if typed in (KG.livesIn, KG.locatedIn, KG.basedIn) and tail_class in _PLACES:
        if head_class == "Person":
            return head, tail, "Live_In"
        if head_class == "Organization":
            return head, tail, "OrgBased_In"
        if head_class in _PLACES:
            return head, tail, "Located_In"
    if typed == KG.kills and (head_class, tail_class) == ("Person", "Person"):
        return head, tail, "Kill"
    return None


def conll_value(span) -> tuple[int, int] | None:
    """The token span CoNLL04 marks for one of kg's values, or None when it marks none (see above)."""
    from kg.lang import lexicon_of

    months = lexicon_of(span.doc).months
    words = [t.text for t in span]
    month = words[0].lower().rstrip(".") in months
    years = [i for i, word in enumerate(words) if len(word) == 4 and word.isdigit()]
    if month and years and len(words) > 2 and any(w.isdigit() and len(w) <= 2 for w in words[1 : years[0]]):
        return span.start, span.start + 1  # "Nov. 22 , 1963": the month
    if month and len(words) == 2 and years == [1]:
        return span.start + 1, span.end  # "December 1955": the year
    if len(words) == 2 and words[0].islower() and words[1].lower().rstrip(".") in months:
        return span.start + 1, span.end  # "previous December", "last July": the month
    if len(words) == 1 and years:
        return None  # "In 1969 , ..."
    return span.start, span.end


#: Titles CoNLL04 marks as part of a person's full name after them (counted on its training split;
#: not "Sen.", "Gov.", "Judge" or "Lt.", which it marks about as often outside the name, or more).
NAME_TITLES = frozenset({"President", "Mr.", "Mr", "Dr.", "Rev.", "Gen.", "Sgt."})


def with_title(tokens: list[str], entity: dict) -> dict:
    """A person's full name with one of :data:`NAME_TITLES` just before it, as CoNLL04 marks it."""
    start = entity["start"]
    if entity["type"] == "Peop" and entity["end"] - start >= 2 and start > 0 and tokens[start - 1] in NAME_TITLES:
        return {**entity, "start": start - 1}
    return entity


#: Words before a "City , State" pair that make it one place in CoNLL04 ("born in Concord , Mass .").
BIRTHPLACE_WORDS = frozenset({"born", "native", "died"})


def birthplaces(tokens: list[str], entities: list[dict]) -> list[dict]:
    """``entities`` with each "City , State" pair of places after "born", "native" or "died" made one."""
    ordered = sorted(entities, key=lambda e: (e["start"], e["end"]))
    merged: list[dict] = []
    for entity in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last["type"] == entity["type"] == "Loc"
            and entity["start"] == last["end"] + 1
            and tokens[last["end"]] == ","
            and BIRTHPLACE_WORDS & {t.lower() for t in tokens[max(0, last["start"] - 3) : last["start"]]}
        ):
            merged[-1] = {"start": last["start"], "end": entity["end"], "type": "Loc"}
            continue
        merged.append(entity)
    return merged


def covering(entity: dict, entities: list[dict]) -> dict:
    """The entity of ``entities`` that holds ``entity`` when it is a part of it (the city of a "born in City ,
    State" place made one by :func:`birthplaces`), else ``entity``: a relation argument is marked as its entity is."""
    for other in entities:
        if other["type"] == entity["type"] and other["start"] <= entity["start"] and entity["end"] <= other["end"]:
            return other
    return entity


def entity_of(doc, mention) -> dict:
    """The scorer's inline entity for a mention (a full name with its title, as in :func:`predict`)."""
    start, end = token_span(doc, mention.start, mention.end)
    return with_title([t.text for t in doc], {"start": start, "end": end, "type": CONLL_TYPES[mention.label]})


def document_from_tokens(record):
    """The kg Document of a CoNLL04 sentence (its text as spaCy's words join it)."""
    from kg.model import Document

    return Document(id=str(record["id"]), text=" ".join(record["tokens"]))


def predict(records, nlp):
    """Yield one prediction record per input record."""
    from spacy.tokens import Doc

    from kg.extract import extract, mentions, values

    docs = (Doc(nlp.vocab, words=record["tokens"]) for record in records)
    for record, doc in zip(records, nlp.pipe(docs, batch_size=64), strict=True):
        entities = []
        found = mentions(doc, doc_id=str(record["id"]))
        for mention in found:
            span = token_span(doc, mention.start, mention.end)
            if span is not None and mention.label in CONLL_TYPES:
                entities.append({"start": span[0], "end": span[1], "type": CONLL_TYPES[mention.label]})
        for value in values(doc):
            marked = conll_value(value)
            if marked is not None:
                entities.append({"start": marked[0], "end": marked[1], "type": "Other"})
        entities = birthplaces(record["tokens"], [with_title(record["tokens"], e) for e in entities])
        relations = []
        for relation in extract(document_from_tokens(record), doc).relations:
            typed = conll_relation(relation)
            if typed is not None:
                head, tail, relation_type = typed
                first, second = covering(entity_of(doc, head), entities), covering(entity_of(doc, tail), entities)
                if first == second:  # "born in Concord , Mass .": two parts of the one place CoNLL04 marks
                    continue
                relations.append({"head": first, "tail": second, "type": relation_type})
        yield {"id": record["id"], "entities": entities, "relations": relations}


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
    for line in args.input.read_text(encoding="utf-8").splitlines():
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
