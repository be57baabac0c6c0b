"""``kg build``: read, analyse and link the inputs, then write the graph files and print a summary."""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from pathlib import Path
from typing import cast

import click

from ..analyse.nlp import DEFAULT_MODELS
from ..analyse.run import ENGINES
from ..errors import KgError
from ..graph import KnowledgeGraph, load
from ..pipeline import BuildOptions, BuildReport, run_build
from ..query import named_query
from ..read.fetch import is_url, read_url_list
from ..store import FORMATS, open_store
from ..store.formats import BUILD_FILES, keeps_graphs
from .common import errors_about

__all__ = ["build"]


class _Formats(click.Choice):
    """Graph formats, named one by one (``--format ttl --format trig``) or comma-separated (``--format ttl,trig``)."""

    def convert(self, value, param, ctx):
        """The formats ``value`` names, as a tuple (flattened by :func:`_flatten`)."""
        if isinstance(value, tuple):
            return value
        parts = [part.strip() for part in str(value).split(",") if part.strip()]
        unknown = [part for part in parts if part not in self.choices]
        if unknown or not parts:
            raise click.BadParameter(
                f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(self.choices)}",
                ctx=ctx,
                param=param,
                param_hint="--format",
            )
        return tuple(parts)


def _flatten(ctx, param, value) -> tuple[str, ...]:
    return tuple(fmt for formats in value for fmt in formats)


@click.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    type=click.Path(path_type=Path),
    help="Folder to write the graph files into (graph.ttl and graph.trig; --format chooses) and "
    "graph.html [default: out, or nothing with --store].",
)
@click.option(
    "--store",
    "store_location",
    default=None,
    metavar="PATH|URL",
    help="Add to a persistent store: a folder (on-disk Oxigraph store, created if missing) or the URL "
    "of a SPARQL 1.1 endpoint. Only the new documents are analysed.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=_Formats(list(FORMATS)),
    callback=_flatten,
    metavar="FORMAT[,...]",
    default=KnowledgeGraph.WRITE_FORMATS,
    show_default=True,
    help=f"Graph formats to write, comma-separated or repeated: {', '.join(FORMATS)} (trig and nq keep "
    "one named graph per document; --append and kg remove need one).",
)
@click.option("--model", default=None, help=f"spaCy pipeline to use (default: {', else '.join(DEFAULT_MODELS)}).")
@click.option(
    "--date",
    default=None,
    help="Publication date (YYYY-MM-DD) of documents that carry none, and of web pages (over their metadata).",
)
@click.option("--base", default=None, help="Base IRI of the graph's nodes.")
@click.option(
    "--jobs",
    default=BuildOptions.jobs,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that parse and extract (or Dask workers of a new local cluster).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=BuildOptions.engine,
    show_default=True,
    help="Analyse documents in local processes, or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler to use (tcp://host:8786; implies --engine dask). Default: a LocalCluster.",
)
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--title",
    default=None,
    help="Title of graph.html (default: the one article's title, or how many articles there are).",
)
@click.option(
    "--aliases",
    type=click.Path(path_type=Path),
    help="Alias file: 'surface<TAB>canonical' merges, 'surface<TAB>!name' forbids a merge.",
)
@click.option(
    "--append",
    is_flag=True,
    help="Add to the graph already in OUTPUT (graph.trig or graph.nq): names link to its entities, "
    "and a document already in it is replaced.",
)
@click.option(
    "--fetch",
    is_flag=True,
    help="Fetch the URLs among INPUTS (web pages, RSS/Atom feeds): robots.txt respected, timeouts, a 5 MiB cap. "
    "Without it a URL is refused: kg never touches the network unless asked.",
)
@click.option(
    "--urls",
    "url_list",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Fetch the URLs listed in this file too, one a line (# starts a comment); implies --fetch.",
)
def build(inputs, output, store_location, formats, no_html, append, title, fetch, url_list, **options):
    """Build the graph of INPUTS (text files, JSONL files, saved web pages, RSS/Atom feeds, folders; URLs with
    --fetch) into OUTPUT/ or a --store.

    Exits with status 1 if any input could not be read; the others are still built.
    """
    inputs = list(inputs) + (read_url_list(url_list) if url_list is not None else [])  # a bad list fails first
    fetch = fetch or url_list is not None
    if not inputs:
        raise click.UsageError("give INPUT... (files, folders, URLs with --fetch) or --urls FILE")
    urls = [source for source in inputs if is_url(source)]
    if urls and not fetch:
        raise click.UsageError(
            f"{urls[0]} is a URL: kg touches the network only when asked; add --fetch to download it "
            "(kg build --fetch URL...), or list URLs in a file: kg build --urls FILE"
        )
    if append and store_location:
        raise click.UsageError("--append adds to OUTPUT's files; a --store is always added to")
    if output is None and store_location is None:
        output = Path("out")
    errors_about(path=output)
    with _interruptible(kept_in_store=store_location is not None):
        store = open_store(store_location) if store_location is not None else None
        into = _graph_to_append_to(output) if append else None
        with _BuildProgress() as progress:
            graph = run_build(inputs, BuildOptions(progress=progress, into=into, store=store, fetch=fetch, **options))
    _print_inputs(graph)
    written = graph.write(output, formats, html=not no_html, title=title) if output is not None else []
    _print_summary(graph, store_location, written)
    graph.store.close()
    if graph.errors:
        sys.exit(1)


@contextlib.contextmanager
def _interruptible(*, kept_in_store: bool):
    """Ctrl-C, or SIGTERM taken as one, stops the build with a line saying what was kept, and status 130 or 143."""
    signal.signal(signal.SIGTERM, _interrupt)  # as Ctrl-C: unwind, so that nothing is left half-written
    try:
        yield
    except KeyboardInterrupt as interrupt:
        code = getattr(interrupt, "exit_code", 130)
        click.echo(
            f"Error: interrupted ({'SIGTERM' if code == 143 else 'SIGINT'}): "
            + (
                "the store keeps the documents written so far, each whole; run the same build again to finish"
                if kept_in_store
                else "no file was written; earlier outputs are as they were"
            ),
            err=True,
        )
        sys.exit(code)


def _interrupt(signum, frame):
    interrupt = KeyboardInterrupt()
    interrupt.exit_code = 128 + signum
    raise interrupt


class _BuildProgress:
    """A progress bar on a terminal (documents, words/s, time left); nothing in logs and pipes."""

    def __init__(self):
        # rich loads here, not at import: `kg --help` and the other commands do not need it.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        self.bar = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            transient=True,
            console=console,
            disable=not console.is_terminal,
        )
        self.words = 0
        self.started = time.perf_counter()

    def __enter__(self):
        self.bar.__enter__()
        self.task = self.bar.add_task("build", total=None, rate="")
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        return self.bar.__exit__(*exc)

    def total(self, documents: int) -> None:
        """Set how many documents the build will analyse."""
        self.bar.update(self.task, total=documents)

    def __call__(self, documents: int, words: int) -> None:
        self.words += words
        rate = self.words / max(time.perf_counter() - self.started, 1e-9)
        self.bar.update(self.task, advance=documents, rate=f"{rate:,.0f} words/s")


def _graph_to_append_to(output: Path) -> KnowledgeGraph | None:
    """The graph in OUTPUT that --append adds to: its TriG or N-Quads file (named graphs kept)."""
    for name in BUILD_FILES:
        if keeps_graphs(name) and (output / name).exists():
            return load(output / name)
    if (output / "graph.ttl").exists():
        raise KgError(
            f"{output}: --append needs graph.trig or graph.nq (one named graph per document); "
            "graph.ttl alone cannot tell the documents apart: rebuild with --format ttl,trig"
        )
    return None


def _print_inputs(graph: KnowledgeGraph) -> None:
    """One line per input read with a guess or not read; fail if none could be read."""
    for warning in graph.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for error in graph.errors:
        click.echo(f"Error: {error}", err=True)
    if cast(BuildReport, graph.report).documents == 0:
        raise click.ClickException("no document could be read; nothing written")


def _print_summary(graph: KnowledgeGraph, store_location: str | None, written: list[Path]) -> None:
    """What was built (counts, time), the files written and the most mentioned entities."""
    stats = graph.stats()
    report = cast(BuildReport, graph.report)  # a built graph's report (KnowledgeGraph types it loosely)
    click.echo(
        f"Built {report.documents} document{'s' if report.documents != 1 else ''} "
        f"({report.words:,} words) in {report.seconds:.1f} s"
        + (f", {report.replaced} replacing the earlier build" if report.replaced else "")
        + (f"; {report.failed} input{'s' if report.failed != 1 else ''} failed" if report.failed else "")
    )
    click.echo(
        f"  {stats['entities']} entities, {stats['concepts']} concepts, {stats['relation_types']} relation types, "
        f"{stats['statements']} statements, {stats['triples']} triples"
        + (
            f" (in {store_location}: {stats['documents']} document{'s' if stats['documents'] != 1 else ''})"
            if store_location
            else ""
        )
    )
    for path in written:
        click.echo(f"  wrote {path}")
    rows = list(graph.query(named_query("entities") + "\nLIMIT 8"))
    if rows:
        click.echo("  most mentioned: " + ", ".join(f"{row.label} ({row.mentions})" for row in rows))
