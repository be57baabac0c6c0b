"""Every error kg raises, and their messages.

All errors derive from :class:`KgError`. Messages say what went wrong and where
(the file, and the line when there is one), so the command line can print them as
one line.

kg's line-based data files (word lists, the typed-relation rules, alias files) are read by
one function here, :func:`data_lines`, so that they share one comment rule and report a
missing or unreadable file as a :class:`ConfigError`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

__all__ = [
    "KgError",
    "ReadError",
    "ModelError",
    "QueryError",
    "GraphFileError",
    "ConfigError",
    "InputWarning",
    "data_lines",
    "text_lines",
]


class KgError(Exception):
    """Base class of every error raised by kg."""


class ReadError(KgError):
    """An input document could not be read.

    Parameters
    ----------
    source : str
        The file (and line, for JSONL) that failed.
    problem : str
        What is wrong with it.
    """

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ModelError(KgError):
    """No usable spaCy pipeline could be loaded."""


class QueryError(KgError):
    """A SPARQL query is malformed or refused."""


class ConfigError(KgError):
    """An option has a value kg cannot use."""


class GraphFileError(KgError):
    """A graph file is missing, unreadable or does not parse."""


class InputWarning:
    """Something about an input that was read anyway (a guessed encoding, a split text).

    Not an exception: readers yield it beside the document, and the build reports
    it (``KnowledgeGraph.warnings``; ``Warning: FILE: message`` on the command line).
    """

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"

    def __repr__(self) -> str:
        return f"InputWarning({self.source!r}, {self.problem!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, InputWarning) and (self.source, self.problem) == (other.source, other.problem)

    def __hash__(self) -> int:
        return hash((self.source, self.problem))


class _Readable(Protocol):
    """A file as a path or as an installed package resource (``importlib.abc.Traversable``)."""

    def read_text(self, encoding: str | None = None) -> str: ...


#: A comment: from a "#" at the start of a line or after a space or tab to the end of the line
#: (a "#" inside a word, "C#", is no comment).
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*")


def text_lines(text: str) -> list[tuple[int, str]]:
    """The entries of the text of a data file with their line numbers: each line without its comment
    and the spaces around it, when something is left.

    >>> text_lines("# rules\\nreject\\tkg:rejects  # a comment\\n\\n  C#\\n")
    [(2, 'reject\\tkg:rejects'), (4, 'C#')]
    """
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", line).strip()
        if line:
            found.append((number, line))
    return found


def data_lines(source: Path | _Readable, *, missing: str, unreadable: str) -> list[tuple[int, str]]:
    """The entries of a data file (see :func:`text_lines`); a file that is missing or cannot be read
    raises :class:`ConfigError` with ``f"{source}: {missing}"`` or ``f"{source}: {unreadable} (why)"``."""
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{source}: {missing}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{source}: {unreadable} ({error})") from None
    return text_lines(text)
