"""How fast is the picture? `kg render` on a big graph, and the page in headless Chromium.

Makes a synthetic kg graph of --nodes entities and --edges relations (a
preferential-attachment network, like news: a few hubs, many leaves; every
relation a full statement with its sentence), writes it as N-Quads, then times
`kg render` on it (a new process, as a user runs it), the HTML size, and the time
until the page is interactive in Debian's Chromium (Playwright; skipped if either
is missing), for the entity overview (the default view) and the full view. Targets for
5,000 nodes and 20,000 edges: the overview renders in < 4 s and is interactive in < 5 s;
the full view renders in < 5 s and is interactive in < 10 s; HTML < 10 MB.

    python bench/render.py [--nodes 5000] [--edges 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LABELS = ["PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"]
VERBS = ["meet", "criticise", "support", "attack", "reject", "call for", "visit", "accuse", "lead", "join"]


def synthetic_graph(nodes: int, edges: int, seed: int = 1):
    """A kg dataset with ``nodes`` entities and about ``edges`` relations between them."""
    from kg.model import Argument, Document, Extraction, Mention, Relation
    from kg.rdf import to_graph
    from kg.resolve import link_entities

    rng = random.Random(seed)
    names = [f"Entity {i:05d}" for i in range(nodes)]
    label_of = {name: rng.choice(LABELS) for name in names}
    targets: list[int] = []
    pairs = set()
    per_node = max(1, edges // nodes)
    for i in range(nodes):  # preferential attachment
        for _ in range(per_node if i else 0):
            j = rng.choice(targets) if targets and rng.random() < 0.8 else rng.randrange(max(i, 1))
            if j != i:
                pairs.add((i, j))
                targets.extend((i, j))
    extractions = []
    pairs = sorted(pairs)
    per_document = 50
    for d in range(0, len(pairs), per_document):
        doc_id = f"doc{d // per_document:05d}"
        mentions, relations, text = {}, [], []
        for i, j in pairs[d : d + per_document]:
            sentence = f"{names[i]} will {rng.choice(VERBS)} {names[j]}."
            start = sum(len(t) + 1 for t in text)
            text.append(sentence)
            for name, offset in ((names[i], start), (names[j], start + sentence.index(names[j]))):
                mentions.setdefault(
                    (name, offset), Mention(doc_id, offset, offset + len(name), name, label_of[name], len(text) - 1)
                )
            subject, obj = mentions[(names[i], start)], mentions[(names[j], start + sentence.index(names[j]))]
            predicate = sentence.split(" will ")[1][: -len(names[j]) - 2]
            relations.append(
                Relation(
                    doc_id=doc_id,
                    subject=Argument(subject.text, subject.text, subject.start, subject.end, subject),
                    predicate=predicate,
                    object=Argument(obj.text, obj.text, obj.start, obj.end, obj),
                    sentence=sentence,
                    start=start,
                    end=start + len(sentence),
                    pattern="svo",
                    confidence=0.8,
                    relation_text=f"will {predicate}",
                )
            )
        document = Document(id=doc_id, text=" ".join(text), title=f"Synthetic {doc_id}")
        extractions.append(Extraction(document, tuple(mentions.values()), tuple(relations)))
    return to_graph(extractions, link_entities(extractions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the graph and page in this folder")
    args = parser.parse_args()

    from kg.store import serialize

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-render-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    graph = synthetic_graph(args.nodes, args.edges)
    graph_file = folder / "synthetic.nq"
    graph_file.write_bytes(serialize(graph, "nq"))
    print(f"synthetic graph: {len(graph):,} triples, made in {time.perf_counter() - started:.1f} s -> {graph_file}")

    targets = {"entities": (4, 5), "full": (5, 10)}
    pages = {}
    for view, (render_target, _) in targets.items():
        page = folder / f"synthetic-{view}.html"
        started = time.perf_counter()
        command = [sys.executable, "-m", "kg.cli", "render", str(graph_file), "-o", str(page), "--view", view]
        result = subprocess.run([*command, "--max-nodes", str(args.nodes)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        print(
            f"kg render --view {view}: {seconds:.2f} s (target < {render_target} s); "
            f"HTML {page.stat().st_size / 1e6:.1f} MB (target < 10 MB)"
        )
        print("  " + result.stdout.strip())
        pages[view] = page

    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("interactive: skipped (playwright is not installed: pip install '.[test]')")
        return 0
    if not chromium.exists():
        print("interactive: skipped (no /usr/bin/chromium)")
        return 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        for view, page in pages.items():
            tab = browser.new_page(viewport={"width": 1280, "height": 860})
            started = time.perf_counter()
            tab.goto(page.resolve().as_uri())
            tab.wait_for_function("window.kgReady === true", timeout=120_000)
            ready = time.perf_counter() - started
            drawn = tab.evaluate("kgNetwork.body.nodeIndices.length")
            tab.screenshot(path=str(folder / f"synthetic-{view}.png"))
            tab.close()
            print(
                f"interactive in Chromium, {view}: {ready:.2f} s (target < {targets[view][1]} s), {drawn:,} nodes shown"
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
