"""The alias file: force or forbid merges of names.

One rule a line, tab-separated; ``#`` at the start of a line or after a space starts a comment::

    # surface form <TAB> canonical name
    Gadhafi	Muammar Gaddafi
    LNA	Libyan National Army
    # "!" forbids the merge
    Jordan	!Michael Jordan

A forced merge joins every mention of the surface form to the entity named by
the canonical name (which becomes its label), whatever spaCy's types say. A
forbidden merge keeps the two names in different entities, whatever rule would
join them.
"""

from __future__ import annotations

from pathlib import Path

from ..datafiles import data_lines, text_lines
from ..errors import ConfigError
from ..model import Aliases
from ..text.names import name_key

__all__ = ["read_aliases", "parse_aliases"]


def read_aliases(path: str | Path) -> Aliases:
    """Read an alias file; a bad line raises ConfigError naming the file and line."""
    path = Path(path)
    lines = data_lines(path, missing="alias file not found", unreadable="cannot read the alias file")
    return _aliases(lines, str(path))


def parse_aliases(text: str, *, source: str = "aliases") -> Aliases:
    """Parse the text of an alias file.

    >>> aliases = parse_aliases("GNA\\tGovernment of National Accord\\nJordan\\t!Michael Jordan\\n")
    >>> aliases.merge["gna"], sorted(map(sorted, aliases.forbid))
    ('Government of National Accord', [['jordan', 'michael jordan']])
    """
    return _aliases(text_lines(text), source)


def _aliases(lines: list[tuple[int, str]], source: str) -> Aliases:
    merge: dict[str, str] = {}
    forbid: set[frozenset[str]] = set()
    for number, line in lines:
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 2 or not all(parts) or parts[1] == "!":
            raise ConfigError(
                f"{source}:{number}: expected 'surface form<TAB>canonical name' "
                f"(or '<TAB>!name' to forbid a merge), got {line!r}"
            )
        surface, canonical = parts
        if canonical.startswith("!"):
            forbid.add(frozenset((name_key(surface), name_key(canonical[1:].strip()))))
            continue
        key = name_key(surface)
        if key in merge and merge[key] != canonical:
            raise ConfigError(f"{source}:{number}: {surface!r} is already an alias of {merge[key]!r}")
        merge[key] = canonical
    return Aliases(merge=merge, forbid=frozenset(forbid))
