"""A document's names as the joining rules read them (:class:`Name`), and the tests on a name that
both the short-form and the text-evidence rules use: a woman's honorific, an acronym, a namesake of a
place or a nationality, an organisation's legal form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lang import lexicon
from ..lang.places import lookup
from ..vocab import type_family


@cache
def female_keys() -> frozenset[str]:
    """Women's honorifics as name keys have them (lower case): "mrs howard"."""
    return frozenset(h.lower() for h in lexicon().female_honorifics)


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written as an acronym: two to six capital letters, with or without full stops."""
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


@dataclass(frozen=True)
class Name:
    """What the joining rules read of one name of a document (all its mentions with one key)."""

    key: str  # as compared (name_key)
    surface: str  # the form written most often
    label: str  # its type in the document
    typed: bool = False  # the text gave evidence for the type
    first: float = 0  # where it is first written after the headline (inf: only in the headline)
    titled: bool = False  # written with an honorific or a title at least once ("Mr Blair", "Prince Charles")
    guessed: bool = False  # typed by the name classifier alone, a guess from the words around it like spaCy's
    first_titled: bool = False  # written only after titles that go before a first name ("Prince Saud")
    knighted: bool = False  # written only after a knight's or dame's title, which only a first name follows

    @property
    def family(self) -> str:
        """The type family of the name's label."""
        return type_family(self.label)


def _ends_in_form(words: list[str]) -> bool:
    """Whether words left out of a name end in the legal form of an organisation ("Foods Group Inc.",
    "Foundation"): the company's full name, not a division's named for its line of business ("Pictures
    Entertainment" of a parent's "Sony")."""
    if not words:
        return False
    lex = lexicon()
    last = words[-1]
    forms = lex.organisation_suffixes | lex.organisation_forms
    return last in forms or last.rstrip(".,") in forms


def is_namesake(surface: str) -> bool:
    """Whether a name is also a place of the gazetteer or a nationality (kg/lang/en/demonyms.txt),
    which an organisation or a feature may be named after ("Oxford" and "Oxford University",
    "Welsh" and "Welsh Assembly", "Victoria" and "Lake Victoria"): then it is no short name of it.

    >>> is_namesake("Oxford"), is_namesake("Welsh"), is_namesake("Korvel")
    (True, True, False)
    """
    return surface in lexicon().demonyms or bool(lookup(surface))
