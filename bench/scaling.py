"""Does a build cost the same per word whatever the text's shape and length? Time per word, 10k to 1M characters.

Builds one document (read → parse → extract → link → map, through ``kg.pipeline.build``
in this process) of 10,000, 100,000 and 1,000,000 characters of each kind of text:

- ``prose``: BBC articles, concatenated (one paragraph a line);
- ``one-line``: the same prose with its line breaks made spaces;
- ``lowercase``: the prose lower-cased, without punctuation, on one line (a transcript);
- ``caps``: the prose in capitals;
- ``names``: distinct capitalised two-word names, separated by spaces, on one line;
- ``commas``: one sentence of comma-separated words.

Prints the time per word (microseconds) for each kind and size, and per kind the
largest over the smallest: the target is at most 2 (flat, give or take noise).
Text without sentence ends used to cost the square of its length (issue 14).

    python bench/scaling.py [--sizes 10000,100000,1000000] [--kinds prose,names] [--corpus ...]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import add_corpus_options, corpus_files  # noqa: E402

KINDS = ("prose", "one-line", "lowercase", "caps", "names", "commas")
SYLLABLES = ("ka", "lo", "mi", "ra", "ne", "to", "su", "va", "di", "ber", "gon", "tal", "mar", "wen", "cor", "fin")


def make_text(kind: str, size: int, prose: str) -> str:
    """``size`` characters (cut at a word end) of the given kind, made from ``prose``."""
    if kind == "names":
        rng, seen, names, length = random.Random(size), set(), [], 0
        while length < size:
            name = " ".join("".join(rng.choice(SYLLABLES) for _ in range(k)).capitalize() for k in (2, 3))
            if name not in seen:
                seen.add(name)
                names.append(name)
                length += len(name) + 1
        text = " ".join(names)
    elif kind == "prose":
        text = prose
    elif kind == "one-line":
        text = " ".join(prose.split())
    elif kind == "lowercase":
        text = " ".join(re.sub(r"[^\w\s'-]", " ", prose).lower().split())
    elif kind == "caps":
        text = prose.upper()
    elif kind == "commas":
        text = ", ".join(re.findall(r"[a-z]+", prose.lower()))
    else:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    while len(text) < size:
        text = text + "\n\n" + text if kind in ("prose", "caps") else text + " " + text
    cut = text.rfind(" ", 0, size)
    text = text[: cut if cut > 0 else size]
    return text.rstrip(",") + "." if kind == "commas" else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_options(parser)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="characters, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if files is None:
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")

    import logging

    from kg.analyse import load_nlp
    from kg.model import Document
    from kg.pipeline import build

    logging.disable(logging.WARNING)
    articles, length = [], 0
    for path in files:  # just enough articles for the largest size
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        articles.append(text)
        length += len(text) + 2
        if length > max(sizes):
            break
    prose = "\n\n".join(articles)
    load_nlp()("warm up")
    build(documents=[Document(id="warm-up", text=prose[:2000])])

    rows = {}
    print(f"{'kind':<10} {'characters':>10} {'words':>8} {'seconds':>8} {'us/word':>8}", flush=True)
    for kind in kinds:
        for size in sizes:
            text = make_text(kind, size, prose)
            words = len(text.split())
            started = time.perf_counter()
            build(documents=[Document(id=f"{kind}-{size}", text=text)])
            seconds = time.perf_counter() - started
            rows[kind, size] = seconds / words * 1e6
            print(f"{kind:<10} {len(text):>10,} {words:>8,} {seconds:>8.1f} {rows[kind, size]:>8.0f}", flush=True)

    print("\nmicroseconds per word (largest / smallest per kind; target <= 2)")
    print("| kind | " + " | ".join(f"{s:,} chars" for s in sizes) + " | max/min |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for kind in kinds:
        values = [rows[kind, s] for s in sizes]
        print(f"| {kind} | " + " | ".join(f"{v:,.0f}" for v in values) + f" | {max(values) / min(values):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
