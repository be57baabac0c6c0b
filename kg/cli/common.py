"""What the ``kg`` commands share: the group that turns errors into one line, sizes, opening a graph."""

from __future__ import annotations

import errno

import click

from ..errors import KgError
from ..graph import KnowledgeGraph, load
from ..store import is_store_location, open_store

__all__ = ["KgGroup", "Size", "errors_about", "open_graph", "show_size"]

#: Keys of ``ctx.meta`` (shared by a command and its group) naming what a command's errors are about.
_PATH = "kg.errors.path"
_SOURCE = "kg.errors.source"


class KgGroup(click.Group):
    """A command group that reports a :class:`KgError` or an ``OSError`` from any of its
    commands as one ``Error: ...`` line on standard error, with exit status 1."""

    def invoke(self, ctx: click.Context):
        """Run the command; turn kg's errors and the system's into click's one-line errors."""
        try:
            return super().invoke(ctx)
        except KgError as error:
            message = str(error)
            source = ctx.meta.get(_SOURCE)
            if source is not None and not message.startswith(source):
                message = f"{source}: {message}"
            raise click.ClickException(message) from error
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # a reader that stopped early (| head): click's main exits quietly
            where = error.filename or ctx.meta.get(_PATH)
            raise click.ClickException(f"{where}: {error.strerror or error}") from error


def errors_about(*, path: object = None, source: str | None = None) -> None:
    """Name what the running command's errors are about: an ``OSError`` that names no file
    is about ``path``; a :class:`KgError` whose message does not start with ``source`` gets it in front."""
    meta = click.get_current_context().meta
    meta[_PATH] = path
    if source is not None:
        meta[_SOURCE] = str(source)


class Size(click.ParamType):
    """A size in bytes, with an optional K, M or G (powers of 1024)."""

    name = "size"

    def convert(self, value, param, ctx):
        """The size in bytes of ``800M``, ``4G``, ``1024``."""
        text = str(value).strip().upper().removesuffix("B")
        scale = {"K": 2**10, "M": 2**20, "G": 2**30}.get(text[-1:], 1)
        try:
            return int(float(text[:-1] if scale > 1 else text) * scale)
        except ValueError:
            self.fail(f"{value!r} is not a size (e.g. 800M, 4G)", param, ctx)


def show_size(size: int) -> str:
    """A size in the form :class:`Size` reads: 1073741824 → ``1G``."""
    for unit, scale in (("G", 2**30), ("M", 2**20), ("K", 2**10)):
        if size % scale == 0:
            return f"{size // scale}{unit}"
    return str(size)


def open_graph(location) -> KnowledgeGraph:
    """A graph file, an on-disk store (read-only: a build may be writing to it) or an endpoint URL."""
    if is_store_location(location):
        store = open_store(location, read_only=True)
        if store.being_written:
            click.echo(
                f"Note: {location}: a build is adding to this store ({store.being_written}); what follows "
                "holds the documents written so far, each whole",
                err=True,
            )
        return KnowledgeGraph(store=store)
    return load(location)
