"""What reading saved web pages costs in a build: the HTML extraction (trafilatura, the charset and language
checks) against the whole ``kg build`` of the 20 fixture pages of issue 20 (target: reading <= 5 % of the build).

One in-memory build of the pages (``run_build``, one process, as ``kg build PAGES`` without writing files), with
the reader timed inside it; then the reading alone again, warm (trafilatura imported, caches filled), for scale.

    python bench/read_pages.py [--pages tests/read/pages] [--jobs 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "read" / "pages")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    import kg.pipeline
    import kg.read.html
    from kg.pipeline import BuildOptions, run_build
    from kg.read import iter_documents

    pages = sorted(args.pages.glob("*.html"))  # the folder's own pages, not foreign/ and hostile/
    reading, extracting = [0.0], [0.0]

    def timed(sources):
        started = time.perf_counter()
        items = list(iter_documents(sources))
        reading[0] += time.perf_counter() - started
        return iter(items)

    def timing(function):
        def timed_function(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                extracting[0] += time.perf_counter() - started

        return timed_function

    kg.pipeline.iter_documents = timed  # the build's reader, timed where the build calls it
    # The HTML part of reading: decoding the bytes, trafilatura's extraction, the language check (the rest of
    # reading is kg.read.text.document_from_text, which a .txt file's reading runs too).
    for name in ("decode_page", "_extract", "declared_or_detected_language"):
        setattr(kg.read.html, name, timing(getattr(kg.read.html, name)))
    started = time.perf_counter()
    graph = run_build(pages, BuildOptions(jobs=args.jobs))
    build = time.perf_counter() - started
    report = graph.report
    extracted = extracting[0]  # the warm pass below goes through the timed functions too
    started = time.perf_counter()
    documents = [item for item in iter_documents(pages) if hasattr(item, "text")]
    warm = time.perf_counter() - started
    # The one-off part of the first reading: importing trafilatura (and numpy, which it and spaCy share) in a
    # fresh process that has imported kg.pipeline, as a build's has.
    code = "import time, kg.pipeline{}; t = time.perf_counter(); import trafilatura; print(time.perf_counter() - t)"
    runs = [
        subprocess.run([sys.executable, "-c", code.format(extra)], capture_output=True, text=True, cwd=ROOT)
        for extra in ("", ", numpy")
    ]
    imported, beside_numpy = (float(run.stdout) for run in runs)
    size = sum(page.stat().st_size for page in pages)
    print(f"{len(pages)} pages, {size / 1024:,.0f} KB of HTML; {report.documents} documents, {report.words:,} words")
    print(f"build (read, analyse, link, write in memory; spaCy loaded in it): {build:.2f} s")
    print(f"reading inside the build (iter_documents): {reading[0]:.2f} s")
    print(f"  HTML extraction in it (decoding, trafilatura, language; trafilatura imported): {extracted:.2f} s")
    print(
        f"  importing trafilatura and its dependencies, once a process: about {imported:.2f} s "
        f"({beside_numpy:.2f} s where numpy, which spaCy loads anyway, is already imported)"
    )
    print(f"reading again, warm: {warm:.2f} s ({len(documents)} documents)")
    print(
        f"HTML extraction / build: {extracted / build:.3f} (target <= 0.05); reading / build: "
        f"{reading[0] / build:.3f}; warm reading / build: {warm / build:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
