"""Structural changes must not change the graph: build a fixed set of articles and compare sorted N-Quads.

The set is the example article and every 22nd BBC article (99 of them, 100 documents in all), built
together in one graph (so cross-document linking is covered). ``--save DIR`` writes the sorted N-Quads
of the current code; ``--check DIR`` builds again and reports whether the result is byte-identical,
and, when not, the quads only one side has.

    python bench/identity.py --save /tmp/identity-before      # on the commit before a refactor
    python bench/identity.py --check /tmp/identity-before     # after it: exit 1 on any difference

Skips (exit 0, with a message) when ../shared/data is missing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed copy
SHARED = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "libya-gna-rejects-haftar-truce.txt"
BBC = SHARED / "corpus" / "bbc"


def inputs() -> list[Path]:
    """The example and every 22nd BBC article (sorted by name), 100 documents."""
    articles = sorted(path for path in BBC.glob("*.txt") if path.name != "README.TXT")
    return [EXAMPLE, *articles[::22][:99]]


def sorted_nquads(paths: list[Path]) -> str:
    """The graph built from ``paths`` as N-Quads, one per line, sorted."""
    import kg

    assert Path(kg.__file__).resolve().parent == ROOT / "kg", kg.__file__
    graph = kg.build([str(path) for path in paths], date="2020-01-01")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "graph.nq"
        graph.save(out)
        lines = out.read_text(encoding="utf-8").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="DIR", help="write the sorted N-Quads to DIR/graph.nq")
    action.add_argument("--check", type=Path, metavar="DIR", help="compare with DIR/graph.nq")
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"skipped: the BBC corpus is not at {BBC}")
        return 0
    paths = inputs()
    text = sorted_nquads(paths)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / "graph.nq").write_text(text, encoding="utf-8")
        print(f"{len(paths)} documents, {text.count(chr(10)):,} quads -> {args.save / 'graph.nq'}")
        return 0
    before = (args.check / "graph.nq").read_text(encoding="utf-8")
    if before == text:
        print(f"identical: {len(paths)} documents, {text.count(chr(10)):,} quads, byte for byte")
        return 0
    old, new = set(before.splitlines()), set(text.splitlines())
    print(f"DIFFERENT: {len(old - new):,} quads only before, {len(new - old):,} only after")
    for label, lines in (("-", sorted(old - new)), ("+", sorted(new - old))):
        for line in lines[:20]:
            print(label, line[:300])
    return 1


if __name__ == "__main__":
    sys.exit(main())
