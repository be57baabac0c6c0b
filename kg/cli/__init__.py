"""The ``kg`` command: a thin layer over the Python API that parses arguments and prints.

Every command raises :class:`kg.errors.KgError` (or lets an ``OSError`` through) and
:class:`kg.cli.common.KgGroup` turns it into one ``Error: ...`` line and exit status 1.
"""

from __future__ import annotations

import logging

import click

from .. import __version__
from ..store.foreign import DEFAULT_READ_LIMITS, set_read_limits
from .build import build
from .common import KgGroup, Size, show_size
from .graphs import convert, documents, entities, query, remove, render, serve, stats, validate

__all__ = ["main"]


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.option(
    "--max-file-size",
    type=Size(),
    default=None,
    help=f"Refuse graph files bigger than this (K, M, G) [default: {show_size(DEFAULT_READ_LIMITS['bytes'])}"
    "], so that a file cannot exhaust memory.",
)
@click.option(
    "--max-triples",
    type=click.IntRange(1, None),
    default=None,
    help=f"Refuse graph files with more triples than this [default: {DEFAULT_READ_LIMITS['triples']}]; "
    "rdflib holds ~2 KB each.",
)
def main(verbose: int, max_file_size: int, max_triples: int) -> None:
    """Build a knowledge graph from news articles, query it with SPARQL, and draw it."""
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2), format="%(levelname)s %(name)s: %(message)s")
    set_read_limits(max_bytes=max_file_size, max_triples=max_triples)  # None: the default


for _command in (build, query, render, entities, documents, remove, convert, validate, stats, serve):
    main.add_command(_command)
