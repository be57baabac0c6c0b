"""Sample entity nodes of a built graph for a careful reader to judge against the text.

    python bench/sample_entities.py --graph out/graph.trig --n 50 --seed 17 > sample.md

For each sampled entity node (named things mentioned in a document: no concepts, propositions or values) it prints
the node's label, other names, classes, links (``owl:sameAs``, ``kg:ticker`` ...), the document it is sampled from,
up to three sentences that mention it there (the mention's words in [brackets]), and every other entity node of that
document, so that a reader can tell a split (one thing, two nodes) as well as a wrong type or a junk name. It also
lists, per document, the dateline place (``dcterms:spatial``) and any statement whose subject is a name written
inside the document's first 60 characters after the headline, where a wire dateline stands.

Sampling is seeded and stratified by document (round robin over documents in a shuffled order), so twenty
articles give each a fair share of fifty nodes.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
MENTIONS = (
    PREFIXES
    + """SELECT ?e ?doc ?surface ?start ?end ?text ?sstart WHERE {
  ?m a kg:Mention ; kg:mentionOf ?e ; kg:surfaceForm ?surface ; kg:startChar ?start ; kg:endChar ?end ;
     kg:sentence ?s .
  ?s kg:text ?text ; kg:startChar ?sstart ; kg:document ?d .
  ?d dcterms:identifier ?doc .
  FILTER NOT EXISTS { ?e a kg:Concept } FILTER NOT EXISTS { ?e a kg:Proposition }
}"""
)
FACTS = (
    PREFIXES
    + """SELECT ?e ?key ?value WHERE {
  { ?e rdfs:label ?value BIND("label" AS ?key) }
  UNION { ?e skos:altLabel ?value BIND("alt" AS ?key) }
  UNION { ?e a ?value BIND("class" AS ?key) }
  UNION { ?e owl:sameAs ?value BIND("sameAs" AS ?key) }
  UNION { ?e ?p ?value FILTER(?p IN (kg:ticker, kg:countryCode)) BIND(STR(?p) AS ?key) }
}"""
)
SPATIAL = PREFIXES + "SELECT ?doc ?place WHERE { ?d dcterms:identifier ?doc ; dcterms:spatial ?place }"
SUBJECTS = (
    PREFIXES
    + """SELECT ?doc ?s ?rel ?obj ?sstart ?stext WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; kg:sentence ?sent .
  ?sent kg:document ?d ; kg:startChar ?sstart ; kg:text ?stext .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?st kg:relationText ?rel } OPTIONAL { ?st kg:objectText ?obj }
  FILTER(?sstart < 400)
}"""
)
FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


def short(term: str) -> str:
    """The last segment of an IRI."""
    return term.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def query_rows(graph: Path):
    """A function that runs a SPARQL query on the build at ``graph`` (.trig or .nq), over the union of its
    graphs, and yields each solution as a dict of plain strings (None for an unbound variable)."""
    store = ox.Store()
    store.bulk_load(path=str(graph), format=FORMATS[graph.suffix])

    def rows(query: str):
        result = store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        for solution in result:
            yield {name: (solution[name].value if solution[name] is not None else None) for name in names}

    return rows


def stratified(by_doc: dict[str, list[str]], n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (item, document) pairs drawn round robin over the documents in a seeded shuffled order, each
    document's items in a seeded random order: twenty documents give each a fair share."""
    rng = random.Random(seed)
    docs = sorted(by_doc)
    rng.shuffle(docs)
    queues = {doc: rng.sample(by_doc[doc], len(by_doc[doc])) for doc in docs}
    sample: list[tuple[str, str]] = []
    while len(sample) < n and any(queues.values()):
        for doc in docs:
            if queues[doc] and len(sample) < n:
                sample.append((queues[doc].pop(), doc))
    return sample


def main() -> int:
    """Print the sample as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, required=True, help="a .trig or .nq build")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rows = query_rows(args.graph)

    # Mentions keyed by (entity, document).
    mentions: dict[tuple[str, str], list[tuple[int, int, str, int]]] = defaultdict(list)
    for r in rows(MENTIONS):
        mentions[(r["e"], r["doc"])].append((int(r["start"]), int(r["end"]), r["text"], int(r["sstart"])))
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows(FACTS):
        facts[r["e"]][r["key"]].add(r["value"])
    by_doc: dict[str, list[str]] = defaultdict(list)
    for entity, doc in sorted(mentions):
        by_doc[doc].append(entity)

    sample = stratified(by_doc, args.n, args.seed)

    def describe(entity: str) -> str:
        f = facts[entity]
        label = "/".join(sorted(f["label"])) or short(entity)
        classes = ",".join(sorted(short(c) for c in f["class"]))
        extra = []
        if f["alt"]:
            extra.append("aka " + "; ".join(sorted(f["alt"])))
        for key in ("sameAs", "https://example.org/kg/ontology#ticker", "https://example.org/kg/ontology#countryCode"):
            if f[key]:
                extra.append(f"{short(key)} " + " ".join(sorted(f[key])))
        return f"**{label}** ({classes})" + (" — " + "; ".join(extra) if extra else "")

    print(f"# {len(sample)} entity nodes sampled from {args.graph} (seed {args.seed})\n")
    for number, (entity, doc) in enumerate(sample, 1):
        print(f"## {number}. {describe(entity)} — document {doc}\n")
        seen = set()
        for start, end, text, sstart in sorted(mentions[(entity, doc)]):
            if text in seen or len(seen) >= 3:
                continue
            seen.add(text)
            a, b = start - sstart, end - sstart
            print(f"- {text[:a]}[{text[a:b]}]{text[b:]}".replace("\n", " "))
        others = sorted(describe(e) for e in by_doc[doc] if e != entity)
        print(f"\nOther entity nodes of {doc}: " + " · ".join(others) + "\n")

    print("# Dateline places and early subjects per document\n")
    spatial = defaultdict(set)
    for r in rows(SPATIAL):
        spatial[r["doc"]].add(describe(r["place"]))
    early = defaultdict(list)
    for r in rows(SUBJECTS):
        early[r["doc"]].append(f"{describe(r['s'])} — {r['rel']} — {r['obj']}  «{r['stext'][:100]}»")
    for doc in sorted(by_doc):
        print(f"- {doc}: dcterms:spatial {', '.join(sorted(spatial[doc])) or '(none)'}")
        for line in sorted(early[doc])[:6]:
            print(f"  - {line}".replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
