"""Every error kg raises, and their messages.

All errors derive from :class:`KgError`. Messages say what went wrong and where
(the file, and the line when there is one), so the command line can print them as
one line.
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "ReadError",
    "ModelError",
    "QueryError",
    "GraphFileError",
    "ConfigError",
    "InputWarning",
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
