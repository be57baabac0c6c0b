"""Reading a big feed ÷ building it: what reading RSS costs in a build.

Writes a feed of ``--entries`` entries (default 10,000; each a headline and a two-sentence
summary, like a news archive's feed) to a temporary folder, times reading it into documents
(feedparser, HTML to text, ids and dates: :func:`kg.read.iter_documents`) and, unless
``--read-only``, building it with ``kg build --no-html`` in a child process. Prints both
and the share of the build that reading is.

    python bench/feeds.py [--entries 10000] [--jobs 2] [--read-only]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PLACES = ["Valdora", "Port Alden", "Drenmark", "Skarholm", "Bergvik", "Lisvania", "Arden", "Karsk"]
PEOPLE = ["Elias Varga", "Mira Castell", "Tomas Reyhan", "Lena Brook", "Henrik Dahl", "Ruth Calder"]


def write_feed(path: Path, entries: int) -> None:
    """A feed of ``entries`` items about invented places and people, each with a link, a date and a summary."""
    items = []
    for i in range(entries):
        place, person = PLACES[i % len(PLACES)], PEOPLE[i % len(PEOPLE)]
        items.append(
            f"<item><title>{place} council backs plan {i}</title>"
            f"<link>https://news.example/{place.lower().replace(' ', '-')}/{i}</link>"
            f"<pubDate>Mon, {1 + i % 28:02d} Jan 2024 10:00:00 +0000</pubDate>"
            f"<description>&lt;p&gt;The council of {place} approved plan {i} on Monday. {person} said the "
            f"work would start in the spring.&lt;/p&gt;</description></item>"
        )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Archive</title><language>en</language>'
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--read-only", action="store_true", help="time reading only, not the build")
    args = parser.parse_args()

    from kg.model import Document
    from kg.read import iter_documents

    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "archive.xml"
        write_feed(feed, args.entries)
        started = time.perf_counter()
        documents = sum(isinstance(item, Document) for item in iter_documents([feed]))
        reading = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"read {documents:,} documents from a {feed.stat().st_size / 2**20:.1f} MiB feed in {reading:.1f} s "
            f"(peak memory of this process {peak:,.0f} MiB)"
        )
        if args.read_only:
            return 0
        command = [sys.executable, "-m", "kg.cli", "build", str(feed), "-o", folder + "/out", "--no-html"]
        started = time.perf_counter()
        result = subprocess.run([*command, "--jobs", str(args.jobs)], capture_output=True, text=True)
        building = time.perf_counter() - started
        print(result.stdout.strip())
        if result.returncode:
            print(result.stderr.strip(), file=sys.stderr)
            return result.returncode
        print(f"build {building:.1f} s (the whole command); reading is {reading / building:.1%} of it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
