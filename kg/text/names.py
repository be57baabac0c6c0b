"""Canonical surface forms used to compare names."""

from __future__ import annotations

import re
import unicodedata

from ..lang import lexicon

__all__ = [
    "normalise_name",
    "name_key",
    "name_keys",
    "initials",
    "strip_honorific",
    "strip_format",
    "is_function_word",
]

# Hyphens, underscores and slashes separate words like spaces do ("al-Sarraj" = "al Sarraj").
_SPACE = re.compile(r"[\s_/\u2010-\u2015-]+")


def is_function_word(word: str) -> bool:
    """Whether a lower-case word of a name is a function word (kg/lang/en/function_words.txt: "of",
    "the", "al", "&"), which gives no initial and does not identify the name on its own.

    >>> is_function_word("of"), is_function_word("accord")
    (True, False)
    """
    return word in lexicon().function_words


def strip_format(text: str) -> str:
    """``text`` without format characters (Unicode category Cf: zero-width spaces and
    joiners, bidi controls, soft hyphens), which change no letter of a name.

    >>> strip_format("Gor\u200bdon Brown\u202e")
    'Gordon Brown'
    """
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def normalise_name(name: str) -> str:
    """Case-fold, NFKC-normalise and collapse the whitespace of a name; drop a leading "the".

    Format characters go first (:func:`strip_format`), so that names that look the same
    ("Gordon Brown" and "Gor\u200bdon Brown") have the same key.

    Examples
    --------
    >>> normalise_name("  The   United Nations ")
    'united nations'
    >>> normalise_name("Fayez al-Sarraj") == normalise_name("Fayez al Sarraj")
    True
    >>> normalise_name("Gordon Brown\u200b") == normalise_name("Gor\u200bdon Brown") == "gordon brown"
    True
    """
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", strip_format(name))).strip().casefold()
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
        word[0].upper()
        for word in name.replace("-", " ").split()
        if word and not is_function_word(word.lower()) and word[0].isalpha()
    )


def strip_honorific(name: str) -> str:
    """A person's name without the honorifics or titles in front ("Mrs. Quayle" → "Quayle").

    A name that would be left empty is returned unchanged.

    Examples
    --------
    >>> strip_honorific("Mrs. Quayle"), strip_honorific("President Kennedy"), strip_honorific("Mr.")
    ('Quayle', 'Kennedy', 'Mr.')
    """
    honorifics = lexicon().honorifics
    words = name.split()
    start = 0
    while start < len(words) - 1 and words[start].rstrip(".") in honorifics:
        start += 1
    return " ".join(words[start:]) if start else name


def name_key(name: str, *, keep_female: bool = True) -> str:
    """How names are compared: normalised, without honorifics, except that with
    ``keep_female`` "Mrs Howard" keeps hers, so that she is never taken for "Mr Howard"."""
    visible = strip_format(name)
    words = visible.split()
    if keep_female and len(words) == 2 and words[0].rstrip(".") in lexicon().female_honorifics:
        return normalise_name(f"{words[0].rstrip('.')} {words[1]}")
    # A name that normalises to nothing ("_", "the", a lone soft hyphen) is its own key (found by the
    # fuzz test): the rules below read a key's words.
    return normalise_name(strip_honorific(visible)) or " ".join(words).casefold() or name


def name_keys(name: str) -> set[str]:
    """Keys that any two names one of the rules could join share: their words (but
    "of", "the" ...), the whole name, and the initials, case-folded.

    >>> sorted(name_keys("Government of National Accord"))
    ['=government of national accord', '^gna', 'accord', 'government', 'national']
    >>> sorted(name_keys("GNA"))
    ['=gna', '^gna', 'gna']
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKC", strip_format(name))
    words = name.replace(".", "").replace("-", " ").casefold().split()
    keys = {word for word in words if not is_function_word(word)}
    keys.add("=" + " ".join(words))
    if len(words) == 1:
        keys.add("^" + words[0])  # an acronym meets the initials of its expansion
    else:
        keys.add("^" + initials(name).casefold())
    return keys
