"""Every README block runs as shown and prints what the README says it prints.

The README's fenced blocks are read in order. The rules:

- A ```bash block followed directly by a ```text block is run, as a shell script, in one
  temporary folder holding a copy of ``examples/`` (the blocks run in README order, so the
  queries read the ``out/`` the build block wrote), with ``kg`` being this checkout's
  ``python -m kg.cli``. Its standard output must equal the text block, apart from timings
  ("in 1.7 s" reads "in <time> s") and spaces at line ends. A leading ``pip install ... &&``
  is not run: the test runs the kg it is part of.
- A ```python block is run the same way (with this checkout's ``kg`` on the path) and
  must finish without an error; the files it says it writes must be there.
- A ```bash block with no output shown is not run; each must be listed in
  :data:`NOT_RUN` with the reason, so that a new block is either checked or explained.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.model

README = REPO / "README.md"

#: What the README's "Run the tests" block runs after installing the test extras: lint, format
#: check, type check and the tests, on 2 xdist workers (.ci/run runs the same).
TEST_COMMAND = (
    "python -m ruff check . && python -m ruff format --check . && python -m mypy"
    " && python -m pytest -n 2 --dist loadgroup --no-loadscope-reorder"
)
#: Blocks that are not run (their first line), and why.
NOT_RUN = {
    f"pip install '.[test]' && {TEST_COMMAND}": "the test suite itself, which this test is part of",
    "kg serve bbc-store --host 0.0.0.0 --port 7878 --timeout 30 --max-rows 100000 --memory 4G": (
        "a server that runs until stopped, on the whole BBC store; tests/query/test_serve*.py start kg serve "
        "and ask it what these curl lines ask"
    ),
    "nohup kg serve bbc-store --host 0.0.0.0 --port 7878 >> kg-serve.log 2>&1 &": (
        "a server left running; tests/query/test_serve_isolation.py stops kg serve with SIGTERM"
    ),
    "kg build ../shared/data/corpus/bbc --store bbc-store --jobs 2   # a persistent Oxigraph store": (
        "needs the whole BBC corpus (2,225 articles, a 2.5-minute build on two cores) and a store of it; "
        "tests/store/test_stores.py builds, adds to, queries, renders and counts stores of a few BBC articles"
    ),
    "python bench/conll04.py --input ../shared/data/eval/conll04/dev.jsonl --out /tmp/kg_conll04.jsonl": (
        "the CoNLL04 evaluation (../shared data, minutes; training needs the bench extras); "
        "tests/test_bench_conll04.py runs the harness on a few sentences"
    ),
    "python bench/carb.py --sentences ../shared/data/eval/carb/dev.txt --out /tmp/kg_dev.jsonl": (
        "the CaRB evaluation (../shared data, minutes; calibration needs the bench extras); "
        "tests/test_bench_carb.py runs the harness on a few sentences"
    ),
    "kg build --fetch https://www.coastalherald.example/world/rss.xml --urls more-urls.txt -o web-out": (
        "fetches from the network, which tests never touch; tests/read/test_fetch.py fetches pages and feeds "
        "the same way from a server on 127.0.0.1"
    ),
    "pip install '.[dask]'                                   # on every machine": (
        "starts a Dask cluster across machines; tests/store/test_stores.py builds on a 2-worker LocalCluster"
    ),
}
#: Timings, which differ from run to run.
TIMING = re.compile(r"\bin \d+(?:\.\d+)? s\b")


@dataclass
class Block:
    """A fenced block of the README: its language, its text and the line it starts on."""

    language: str
    text: str
    line: int
    end: int = 0
    output: Block | None = None

    @property
    def name(self) -> str:
        """What a test report calls it: its line and its first line."""
        return f"README.md:{self.line}: {self.text.splitlines()[0][:60]}"


def readme_blocks(text: str) -> list[Block]:
    """The README's fenced blocks, each ```bash block with the ```text block right after it as its output."""
    blocks, current, indent, lines = [], None, "", text.splitlines()
    for number, line in enumerate(lines, 1):
        if current is None:
            match = re.match(r"^( *)```(\w*)\s*$", line)
            if match:
                indent, current = match.group(1), Block(match.group(2), "", number + 1)
        elif line.strip() == "```":
            current.end = number
            blocks.append(current)
            current = None
        else:
            current.text += line.removeprefix(indent) + "\n"
    paired = []
    for block in blocks:
        previous = paired[-1] if paired else None
        if (
            previous is not None
            and block.language == "text"
            and previous.language == "bash"
            and previous.output is None
            and not "".join(lines[previous.end : block.line - 2]).strip()
        ):
            previous.output = block
        else:
            paired.append(block)
    return paired


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))
RUN = [block for block in BLOCKS if block.language == "python" or (block.language == "bash" and block.output)]


def normalise(text: str) -> str:
    """Output as compared: timings replaced, spaces at line ends and blank lines at the end dropped."""
    return "\n".join(TIMING.sub("in <time> s", line).rstrip() for line in text.splitlines()).rstrip("\n")


def script(block: Block) -> str:
    """The shell text of a bash block as the test runs it: without a leading ``pip install ... &&``."""
    return re.sub(r"^pip install \S+ && ", "", block.text, flags=re.MULTILINE)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder to run the README in, with examples/, a `kg` that is this checkout's, and the
    results of the blocks run so far (the build's first: the other blocks read its out/)."""
    where = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples", where / "examples")
    bin_dir = where / ".bin"
    bin_dir.mkdir()
    kg = bin_dir / "kg"
    kg.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg.cli "$@"\n')
    kg.chmod(0o755)
    ran = {}
    build = next(block for block in RUN if "kg build examples/" in block.text)
    ran[build.line] = run(where, ["bash", "-e", "-o", "pipefail"], script(build))
    return where, ran


def run(folder: Path, command: list[str], stdin: str) -> subprocess.CompletedProcess:
    """Run ``command`` in ``folder``, with this checkout's kg first on the paths."""
    paths = [str(REPO), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {
        **os.environ,
        "PATH": f"{folder / '.bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join(paths),
    }
    return subprocess.run(command, input=stdin, cwd=folder, env=env, capture_output=True, text=True, timeout=900)


def test_every_bash_block_is_run_or_says_why_not():
    unlisted = [
        block.name
        for block in BLOCKS
        if block.language == "bash" and not block.output and block.text.splitlines()[0] not in NOT_RUN
    ]
    assert not unlisted, "README bash blocks with no output shown and no reason in NOT_RUN: " + "; ".join(unlisted)
    stale = set(NOT_RUN) - {block.text.splitlines()[0] for block in BLOCKS if block.language == "bash"}
    assert not stale, f"NOT_RUN names blocks the README no longer has: {sorted(stale)}"
    assert sum(1 for block in RUN if block.language == "bash") >= 7 and any(b.language == "python" for b in RUN)


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"python -m pip install -q '.[test]' && {TEST_COMMAND}\n" in ci
    assert any(block.text == f"pip install '.[test]' && {TEST_COMMAND}\n" for block in BLOCKS)


@pytest.mark.parametrize("block", RUN, ids=[block.name for block in RUN])
def test_readme_block(block, folder):
    folder, ran = folder
    if block.language == "python":
        result = run(folder, [sys.executable, "-"], block.text)
        assert result.returncode == 0, f"{block.name} fails:\n{result.stderr[-3000:]}"
        written = re.findall(r'\.(?:to_html|save)\("([^"]+)"', block.text)
        assert written and all((folder / name).is_file() for name in written), written
        return
    result = ran.get(block.line) or run(folder, ["bash", "-e", "-o", "pipefail"], script(block))
    assert result.returncode == 0, f"{block.name} exits with {result.returncode}:\n{result.stderr[-3000:]}"
    shown, printed = normalise(block.output.text), normalise(result.stdout)
    diff = "\n".join(
        difflib.unified_diff(
            shown.splitlines(),
            printed.splitlines(),
            f"README.md:{block.output.line} (shown)",
            "printed now",
            lineterm="",
        )
    )
    if printed != shown:  # the unified diff alone (pytest's own would repeat it, less clearly)
        pytest.fail(f"{block.name} prints something else than the README shows:\n{diff}", pytrace=False)


def test_a_filter_shows_every_relation_it_names():
    """A query whose FILTER names relations must show each (else the query cannot reach some of them,
    as `rdfs:subPropertyOf kg:relatedTo` missed the typed relations' sub-properties)."""
    checked = 0
    for block in (b for b in RUN if b.language == "bash"):
        named = re.search(r"FILTER\(\?relation IN \(([^)]*)\)\)", block.text)
        if named:
            checked += 1
            relations = re.findall(r'"([^"]+)"', named.group(1))
            shown = {cell.strip() for line in block.output.text.splitlines() for cell in line.split("│")[1:-1]}
            assert not set(relations) - shown, f"{block.name}: never shows {sorted(set(relations) - shown)}"
    assert checked
