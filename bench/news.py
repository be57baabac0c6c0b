"""Whole-article entity and fact scores: kg on the annotated BBC articles of ``../shared/data/eval/news/dev/``.

Builds the articles named in ``docs.txt`` (from ``../shared/data/corpus/bbc/``) into one TriG file with the
pipeline ``kg build`` uses, then runs ``../shared/eval/score_news.py`` on it:

    python bench/news.py                       # kg's graph, scored
    python bench/news.py --details             # ... and every miss, split, merge and wrong type
    python bench/news.py --spacy-only          # spaCy's own NER labels, no kg rules, for scale

``--spacy-only`` writes one node per distinct (name, label) of spaCy's entities in each article, typed by the
label (PERSON → Person, ORG → Organization, GPE/LOC/FAC → places, NORP → Group) and nothing else: the score
the typing and merging rules must beat. The last line printed is the scorer's JSON summary.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "eval" / "news" / "dev"
CORPUS = SHARED / "data" / "corpus" / "bbc"
SCORER = SHARED / "eval" / "score_news.py"

#: spaCy labels → ontology classes for the spaCy-only baseline.
SPACY_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "GeopoliticalEntity",
    "LOC": "Location",
    "FAC": "Facility",
    "NORP": "Group",
}


def article_paths(gold: Path = GOLD, corpus: Path = CORPUS) -> list[Path]:
    """The corpus files of the annotated articles, in ``docs.txt`` order."""
    ids = [line.strip() for line in (gold / "docs.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [corpus / f"{doc_id}.txt" for doc_id in ids]


def build_kg(paths: list[Path], out: Path) -> Path:
    """Build ``paths`` with kg into ``out``/graph.trig."""
    from kg import build

    graph = build([str(p) for p in paths])
    target = out / "graph.trig"
    graph.save(target, "trig")
    return target


def build_spacy_only(paths: list[Path], out: Path) -> Path:
    """One typed node per (name, spaCy label) of each article, in the shape the scorer reads."""
    from rdflib import RDF, RDFS, Dataset, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS

    from kg.analyse import load_nlp
    from kg.read import read_text_file

    kgns = Namespace("https://example.org/kg/ontology#")
    base = "https://example.org/spacy/"
    dataset = Dataset()
    graph = dataset.default_graph
    nlp = load_nlp()
    for path in paths:
        document = read_text_file(path)
        doc_node = URIRef(f"{base}doc/{document.id}")
        graph.add((doc_node, DCTERMS.identifier, Literal(document.id)))
        for ent in nlp(document.text).ents:
            cls = SPACY_CLASSES.get(ent.label_)
            name = ent.text.strip()
            if cls is None or not name:
                continue
            key = hashlib.sha1(f"{document.id}|{name}|{ent.label_}".encode()).hexdigest()[:16]
            node = URIRef(f"{base}entity/{key}")
            graph.add((node, RDFS.label, Literal(name)))
            graph.add((node, RDF.type, kgns[cls]))
            graph.add((node, kgns.mentionedIn, doc_node))
    target = out / "graph.trig"
    dataset.serialize(str(target), format="trig")
    return target


def main() -> int:
    """Build, score, print the scorer's output; exit 1 when the shared data is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="annotated articles (entities.jsonl, facts.jsonl)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the BBC articles")
    parser.add_argument("--spacy-only", action="store_true", help="score spaCy's own labels instead of kg")
    parser.add_argument("--details", action="store_true", help="print every miss, split, merge and wrong type")
    parser.add_argument("--keep", type=Path, default=None, help="write the graph into this folder and keep it")
    args = parser.parse_args()
    for needed in (args.gold / "docs.txt", args.corpus, SCORER):
        if not needed.exists():
            print(f"error: {needed}: not found (the shared evaluation data is missing)", file=sys.stderr)
            return 1
    paths = article_paths(args.gold, args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        graph = (build_spacy_only if args.spacy_only else build_kg)(paths, out)
        command = [sys.executable, str(SCORER), "--gold", str(args.gold), "--graph", str(graph)]
        if args.details:
            command.append("--details")
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
