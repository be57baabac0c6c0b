"""Canonical surface forms used to compare names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_name", "initials"]

# Hyphens, underscores and slashes separate words like spaces do ("al-Sarraj" = "al Sarraj").
_SPACE = re.compile(r"[\s_/\u2010-\u2015-]+")
_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "du", "la", "le", "al", "el", "&"}


def normalise_name(name: str) -> str:
    """Case-fold, NFKC-normalise and collapse the whitespace of a name; drop a leading "the".

    Examples
    --------
    >>> normalise_name("  The   United Nations ")
    'united nations'
    >>> normalise_name("Fayez al-Sarraj") == normalise_name("Fayez al Sarraj")
    True
    """
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


def initials(name: str) -> str:
    """The acronym a name would have: first letters of its capitalised words.

    Examples
    --------
    >>> initials("Government of National Accord")
    'GNA'
    """
    return "".join(
        word[0].upper() for word in name.replace("-", " ").split()
        if word and word.lower() not in _FUNCTION_WORDS and word[0].isalpha()
    )
