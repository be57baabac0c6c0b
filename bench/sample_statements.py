"""Sample statements of a built graph for a careful reader to judge against their sentences.

    python bench/sample_statements.py --graph out/graph.trig --n 80 --seed 18 > sample.md

Every ``kg:Statement`` counts, asserted or not. Sampling is seeded and stratified by document (round robin over the
documents in a shuffled order), so twenty articles give each four of eighty statements. For each sampled statement
it prints the document, the sentence, and what kg stored: the subject and object (the node's label and classes, and
the words of the sentence they were read from), the relation (its label and the words as written), the typed relation
(``kg:relationType``), polarity (``kg:negated``), modality (``kg:modality``), whether it is asserted as a plain triple
(``kg:asserted``), who it is attributed to, its time and place qualifiers, pattern and confidence. The reader judges
each statement correct / partly / wrong against the whole article, and each typed relation right / wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sample_entities import query_rows, stratified  # noqa: E402

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
STATEMENTS = (
    PREFIXES
    + """SELECT ?st ?doc ?text ?s ?p ?o ?stext ?rtext ?otext ?typed ?neg ?mod ?asserted ?attr ?time ?pattern ?conf
WHERE {
  ?st a kg:Statement ; kg:sentence ?sent ; rdf:subject ?s ; rdf:predicate ?p .
  ?sent kg:text ?text ; kg:document ?d .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?st rdf:object ?o } OPTIONAL { ?st kg:subjectText ?stext } OPTIONAL { ?st kg:relationText ?rtext }
  OPTIONAL { ?st kg:objectText ?otext } OPTIONAL { ?st kg:relationType ?typed } OPTIONAL { ?st kg:negated ?neg }
  OPTIONAL { ?st kg:modality ?mod } OPTIONAL { ?st kg:asserted ?asserted } OPTIONAL { ?st kg:attributedTo ?attr }
  OPTIONAL { ?st kg:time ?time } OPTIONAL { ?st kg:pattern ?pattern } OPTIONAL { ?st kg:confidence ?conf }
}"""
)
NAMES = (
    PREFIXES
    + "SELECT ?n ?key ?value WHERE { { ?n rdfs:label ?value BIND('label' AS ?key) }"
    + " UNION { ?n a ?value BIND('class' AS ?key) } }"
)


def short(term: str) -> str:
    """The last segment of an IRI."""
    return term.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def main() -> int:
    """Print the sample as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, required=True, help="a .trig or .nq build")
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rows = query_rows(args.graph)

    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows(NAMES):
        names[r["n"]][r["key"]].add(r["value"])
    statements: dict[str, dict[str, str | None]] = {}
    for r in rows(STATEMENTS):
        statements.setdefault(r["st"], r)  # one row a statement (a second time would repeat it)
    by_doc: dict[str, list[str]] = defaultdict(list)
    for node, r in sorted(statements.items()):
        by_doc[str(r["doc"])].append(node)

    sample = [key for key, _ in stratified(by_doc, args.n, args.seed)]

    def node(term: str | None) -> str:
        if term is None:
            return "(none)"
        found = names.get(term, {})
        label = "/".join(sorted(found.get("label", ()))) or short(term)
        classes = ",".join(sorted(short(c) for c in found.get("class", ()) if "Statement" not in c))
        return f"**{label}**" + (f" ({classes})" if classes else "")

    print(f"# {len(sample)} statements sampled from {args.graph} (seed {args.seed}), of {len(statements)}\n")
    for number, key in enumerate(sample, 1):
        r = statements[key]
        flags = [
            f"typed: {short(r['typed'])}" if r["typed"] else "typed: -",
            "NEGATED" if r["neg"] else "positive",
            f"modality: {r['mod']}" if r["mod"] else "modality: -",
            "asserted" if r["asserted"] else "not asserted",
        ]
        if r["attr"]:
            flags.append(f"attributed to {node(r['attr'])}")
        if r["time"]:
            flags.append(f"time {r['time']}")
        flags.append(f"pattern {r['pattern']}, confidence {r['conf']}")
        print(f"## {number}. document {r['doc']}\n")
        print(f"> {str(r['text']).replace(chr(10), ' ')}\n")
        print(f"- subject: {node(r['s'])} — as written «{r['stext']}»")
        relation = "/".join(sorted(names.get(str(r["p"]), {}).get("label", ()))) or short(str(r["p"]))
        print(f"- relation: {relation} — as written «{r['rtext']}»")
        print(f"- object: {node(r['o'])} — as written «{r['otext'] or ''}»")
        print(f"- {'; '.join(flags)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
