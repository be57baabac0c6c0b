"""Canonical surface forms used to compare names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_name", "initials", "strip_honorific"]

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


def strip_honorific(name: str) -> str:
    """A person's name without the honorifics or titles in front ("Mrs. Quayle" → "Quayle").

    A name that would be left empty is returned unchanged.

    Examples
    --------
    >>> strip_honorific("Mrs. Quayle"), strip_honorific("President Kennedy"), strip_honorific("Mr.")
    ('Quayle', 'Kennedy', 'Mr.')
    """
    from ..extract.lexicon import HONORIFICS

    words = name.split()
    start = 0
    while start < len(words) - 1 and words[start].rstrip(".") in HONORIFICS:
        start += 1
    return " ".join(words[start:]) if start else name
