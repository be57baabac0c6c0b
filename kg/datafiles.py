"""kg's line-based data files (word lists, the typed-relation rules, alias files), read by one
function, :func:`data_lines`, so that they share one comment rule and report a missing or
unreadable file as a :class:`~kg.errors.ConfigError`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from .errors import ConfigError

__all__ = ["data_lines", "text_lines"]


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
