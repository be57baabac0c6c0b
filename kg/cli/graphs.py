"""The ``kg`` commands that read, change or serve a built graph: query, entities, stats, validate,
render, convert, remove, serve."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from ..errors import KgError
from ..query import RESULT_FORMATS, check_query, format_result, named_query
from ..query.endpoint import DEFAULT_WORKERS, Endpoint, Limits
from ..query.limits import DEFAULT_TIMEOUT, run_limited
from ..render import DEFAULT_MAX_NODES, VIEWS, default_view, view_graph
from ..render.html import default_title, drawn_counts, page_data, render_page
from ..render.views import facts_from_file
from ..store import (
    FORMATS,
    OxigraphStore,
    is_store_location,
    is_store_url,
    open_store,
    remove_documents,
    save_graph,
    write_atomic,
)
from ..store.formats import keeps_graphs, suffix_format
from ..store.graph import prefixes
from ..validate import validate as check_graph
from .common import Size, errors_about, open_graph

__all__ = ["convert", "documents", "entities", "query", "remove", "render", "serve", "stats", "validate"]

GRAPH = click.argument("graph_file", metavar="GRAPH_OR_STORE")
RESULT_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(RESULT_FORMATS), default=RESULT_FORMATS[0], show_default=True
)


class _PrefixesHelp(click.Command):
    """A command whose help ends with the prefixes its queries may use undeclared (read from kg, so never stale)."""

    def format_epilog(self, ctx, formatter):
        """Write the predeclared prefixes after the options."""
        with formatter.section("Predeclared prefixes (no PREFIX line needed)"):
            formatter.write_dl([(f"{name}:", iri) for name, iri in prefixes().items()])
        super().format_epilog(ctx, formatter)


@click.command(cls=_PrefixesHelp)
@GRAPH
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@RESULT_FORMAT
@click.option("--allow-network", is_flag=True, help="Allow SERVICE and FROM <url>, which fetch over the network.")
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0, None),
    help="Stop the query after this many seconds (0: no limit).",
)
def query(graph_file, sparql, query_file, fmt, allow_network, timeout):
    """Run a SPARQL query on GRAPH_OR_STORE and print the result.

    Exits with status 1 if the query is malformed, refused, fails or runs past --timeout.
    """
    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query either as an argument or with -f FILE (exactly one)")

    def answer() -> str:
        # All within --timeout: reading the query, rdflib's check (seconds on a long query), loading, running.
        text = sparql if query_file is None else _read_query(query_file)
        check_query(text, prefixes(), allow_network=allow_network)  # a bad query fails before any loading
        graph = open_graph(graph_file)
        return format_result(graph.query(text, allow_network=allow_network), fmt, prefixes=graph.prefixes())

    text = run_limited(answer, timeout, offline=not allow_network and not is_store_url(str(graph_file)))
    click.echo(text, nl=not text.endswith("\n"))


def _read_query(path: Path) -> str:
    """The text of a query file (``-f``, ``--query``), or a :class:`KgError` that says why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KgError(f"{path}: cannot read query ({getattr(error, 'strerror', None) or error})") from error


@click.command()
@GRAPH
@click.option("--merges", is_flag=True, help="Show each entity's surface forms and the rule that merged them.")
@RESULT_FORMAT
def entities(graph_file, merges, fmt):
    """List the entities of GRAPH with their mention counts; --merges shows how names were merged."""
    graph = open_graph(graph_file)
    result = graph.query(named_query("merges" if merges else "entities"))
    click.echo(format_result(result, fmt, prefixes=graph.prefixes()), nl=False)


@click.command()
@GRAPH
@RESULT_FORMAT
def documents(graph_file, fmt):
    """List the documents of GRAPH_OR_STORE: id, title, date, source (the URL read), statements.

    By date (the undated last), then id; the ids are what kg remove takes.
    """
    graph = open_graph(graph_file)
    result = graph.documents(dataframe=False)
    text = _documents_table(result) if fmt == "table" else format_result(result, fmt, prefixes=graph.prefixes())
    click.echo(text, nl=False)


def _documents_table(result) -> str:
    """The documents as a table in which ids and URLs are never cut (they are copied into kg remove):
    only titles wrap."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = [["" if value is None else str(value) for value in row] for row in result]
    table = Table(caption=f"{len(rows)} document{'s' if len(rows) != 1 else ''}")
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(_DOCUMENT_COLUMNS)]
    for name, width in zip(_DOCUMENT_COLUMNS, widths, strict=True):
        table.add_column(name, no_wrap=name != "title", min_width=width if name != "title" else min(width, 40))
    for row in rows:
        table.add_row(*(Text(value) for value in row))  # Text: values are never markup
    out = io.StringIO()
    Console(file=out, width=max(160, sum(widths) - widths[1] + 40 + 16), color_system=None).print(table)
    return out.getvalue()


_DOCUMENT_COLUMNS = ("id", "title", "date", "source", "statements")


@click.command()
@GRAPH
def stats(graph_file):
    """Print counts of GRAPH: documents, entities, concepts, relations, statements."""
    graph = open_graph(graph_file)
    for name, value in graph.stats().items():
        click.echo(f"{name.replace('_', ' '):>14}  {value}")


@click.command()
@GRAPH
def validate(graph_file):
    """Check GRAPH against kg's contract (SHACL shapes, ontology/shapes.ttl).

    Prints one line per violation and exits with status 1 if there is any.
    """
    graph = open_graph(graph_file)
    violations = check_graph(graph.store if graph.store is not None else graph.graph)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{graph_file}: {len(violations)} violation{'s' if len(violations) != 1 else ''}", err=True)
        sys.exit(1)
    click.echo(f"{graph_file}: conforms ({len(graph)} triples)")


@click.command()
@GRAPH
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(path_type=Path))
@click.option(
    "--title", default=None, help="Page title (default: the one article's title, or how many articles there are)."
)
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default=None,
    help="entities: people, organisations, places and groups, one edge a related pair, communities "
    "(the default); full: concepts and propositions too (the default with --focus or --query).",
)
@click.option("--focus", default=None, metavar="NAME", help="Draw the neighbourhood of the node with this name.")
@click.option(
    "--hops", default=1, show_default=True, type=click.IntRange(0, 10), help="How far --focus reaches (needs --focus)."
)
@click.option(
    "--max-nodes",
    default=None,
    type=click.IntRange(1, None),
    help=f"Keep at most this many nodes, the most connected (default {DEFAULT_MAX_NODES}); the page says "
    "what was left out.",
)
@click.option(
    "--query",
    "query_file",
    default=None,
    type=click.Path(path_type=Path),
    help="A SPARQL CONSTRUCT (.rq file): draw the nodes its triples name.",
)
def render(graph_file, output, title, view, focus, hops, max_nodes, query_file):
    """Draw GRAPH as an interactive HTML page (offline, one file)."""
    if focus is None and click.get_current_context().get_parameter_source("hops") != ParameterSource.DEFAULT:
        raise click.UsageError("--hops needs --focus NAME: it says how far the drawing reaches from that node")
    query = _read_query(query_file) if query_file is not None else None  # its errors name the query file
    errors_about(path=output, source=graph_file)
    if is_store_location(graph_file) or query is not None:
        store = open_graph(graph_file).store  # a file: read whole into Oxigraph, where the query runs
    else:
        # Only what the picture reads, with no store in between: a big file draws ~3x faster.
        store = facts_from_file(graph_file)
    view = default_view(view, focus=focus, query=query)
    nxgraph, note = view_graph(store, focus=focus, hops=hops, max_nodes=max_nodes, query=query, view=view)
    data = page_data(nxgraph, view=view, note=note)
    page = render_page(data, title=title or default_title(nxgraph))
    write_atomic(output, page.encode("utf-8"))
    click.echo(f"wrote {output} ({drawn_counts(data)}; {len(page) / 1e6:.1f} MB)" + (f"\n  {note}" if note else ""))


@click.command()
@click.argument("source", metavar="GRAPH_OR_STORE")
@click.argument("target", metavar="OUTPUT", type=click.Path(path_type=Path))
def convert(source, target):
    """Write GRAPH in the format OUTPUT's suffix names (.ttl .nt .jsonld .rdf .trig .nq).

    TriG and N-Quads keep the named graphs; converting them to another format writes their union.
    """
    fmt = suffix_format(target)
    if fmt is None or not fmt.written:
        suffixes = ", ".join(suffix for _, suffix in FORMATS.values())
        raise click.ClickException(
            f"{target}: unknown output format {target.suffix or '(no suffix)'!r}; use one of {suffixes}"
        )
    errors_about(path=target)
    graph = open_graph(source)
    graph.save(target, fmt.key)
    click.echo(f"wrote {target} ({len(graph)} triples)")


@click.command()
@GRAPH
@click.argument("doc_ids", metavar="DOC_ID...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the result here, a .trig or .nq file (default: GRAPH; a store is changed in place).",
)
@click.option(
    "--aliases",
    type=click.Path(path_type=Path),
    help="The alias file the graph was built with (names linked again follow it).",
)
def remove(graph_file, doc_ids, output, aliases):
    """Remove documents from GRAPH_OR_STORE (a .trig or .nq file, a store folder or URL).

    What only they supported goes too: the graph is left as building the remaining
    documents alone makes it (names they shared with the removed ones are linked again).
    kg documents GRAPH_OR_STORE lists the DOC_IDs.

    Exits with status 1 if a DOC_ID is not in the graph; the others are still removed.
    """
    on_store = is_store_location(graph_file)
    target = output or Path(graph_file)
    _check_removable(graph_file, target, on_store, output)
    errors_about(path=target)
    if on_store:
        store = open_store(graph_file)
        removed = remove_documents(store, doc_ids, aliases=aliases)
        store.close()
    else:
        store = OxigraphStore()
        store.load_file(graph_file)
        removed = remove_documents(store, doc_ids, aliases=aliases)
        save_graph(store, target)  # TriG or N-Quads, by the suffix (checked above)
    for doc_id in removed:
        click.echo(f"removed {doc_id}")
    missing = [d for d in doc_ids if d not in removed]
    for doc_id in missing:
        click.echo(f"Error: {graph_file}: no document {doc_id!r} in the graph", err=True)
    if missing:
        sys.exit(1)


def _check_removable(graph_file: str, target: Path, on_store: bool, output: Path | None) -> None:
    """Refuse what kg remove cannot change: -o with a store, a missing file, a file without named graphs."""
    if on_store and output is not None:
        raise click.UsageError("a store is changed in place; -o is for graph files")
    if not on_store and not Path(graph_file).exists():
        raise click.ClickException(f"{graph_file}: no such graph file or store")
    if not on_store and not (keeps_graphs(graph_file) and keeps_graphs(target)):
        raise click.ClickException(
            f"{graph_file}: kg remove works on TriG or N-Quads files, which keep one "
            "named graph per document, or on a store"
        )


@click.command()
@GRAPH
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1, None),
    help="Stop a query (checking and parsing included) after this many seconds; it is answered 503.",
)
@click.option(
    "--max-rows",
    default=100_000,
    show_default=True,
    type=click.IntRange(1, None),
    help="Refuse (503) a result of more rows, or triples, than this.",
)
@click.option(
    "--memory",
    default="4G",
    show_default=True,
    type=Size(),
    help="Address space of each query worker (e.g. 2G, 800M; 0: no limit); a query past it fails alone.",
)
@click.option(
    "--workers",
    default=DEFAULT_WORKERS,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Queries answered at once, each in its own process.",
)
@click.option("--cors", metavar="ORIGIN", help="Let web pages of ORIGIN (or * for any) query the endpoint.")
@click.option("--writable", is_flag=True, help="Accept SPARQL Update on /update (a store is then opened for writing).")
@click.option("--allow-network", is_flag=True, help="Allow SERVICE, FROM <url> and LOAD, which fetch over the network.")
def serve(graph_file, host, port, timeout, max_rows, memory, workers, cors, writable, allow_network):
    """Serve GRAPH_OR_STORE as a SPARQL 1.1 endpoint (http://HOST:PORT/query) until Ctrl-C or SIGTERM.

    Queries run in worker processes, each within --timeout, --max-rows and --memory; a
    query that crashes its worker is answered 500 and the worker replaced. A graph file is
    copied to a temporary store (updates to it are lost on exit); a store folder is opened
    read-only unless --writable. One line per request is logged on stderr.
    """
    if is_store_url(graph_file):
        raise KgError(f"{graph_file}: already a SPARQL endpoint; kg serve serves a graph file or a store folder")
    limits = Limits(timeout=timeout, max_rows=max_rows, memory=memory or None)
    errors_about(path=f"cannot listen on {host}:{port}")
    endpoint = Endpoint(
        graph_file,
        host=host,
        port=port,
        writable=writable,
        allow_network=allow_network,
        workers=workers,
        limits=limits,
        cors=cors,
    )
    try:
        endpoint.start_workers()
        click.echo(
            f"Serving {graph_file} ({endpoint.quads:,} quads) at {endpoint.url}"
            f" ({'read-write' if writable else 'read-only'}; {workers} workers); Ctrl-C stops",
            err=True,
        )
        access = logging.getLogger("kg.query.endpoint")
        if not access.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            access.addHandler(handler)
        access.setLevel(logging.INFO)
        access.propagate = False
        endpoint.serve_forever()
    finally:
        endpoint.server_close()
