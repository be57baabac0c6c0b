"""Place typing from the gazetteer (:mod:`kg.lang.places`): a known country is never a person.

spaCy's small model calls "Ecuador" a person and "Cameroon" an organisation now and then; the
gazetteer knows better. A name that is a continent, a country or a US state becomes a place
(GPE) unless the text itself gave another type (an honorific, a title, a role, the words of the
name, a person's surname: :data:`STRONG`); a big city (:data:`BIG_CITY` people or more) the same,
except from an organisation, as clubs and companies are named after cities ("Santos",
"Barcelona"). A name that is the first or last word of a person's full name in the same document
("Chad" of "Chad Hurley") keeps its type.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..lang.places import lookup
from ..model import TypedBy

__all__ = ["place_types", "BIG_CITY", "STRONG"]

#: A city of this many people or more is a place before it is anything else.
BIG_CITY = 1_000_000

#: Evidence from the text that outweighs the gazetteer.
STRONG: frozenset[TypedBy | None] = frozenset({"honorific", "title", "role", "name words", "surname"})

#: The labels the gazetteer may overrule: for a country or a state, and for a big city.
_NOT_A_COUNTRY = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "FAC"})
_NOT_A_CITY = _NOT_A_COUNTRY - {"ORG"}


def place_types(
    consolidated: Mapping[str, tuple[str, TypedBy | None]], person_names: Iterable[str]
) -> dict[str, tuple[str, TypedBy]]:
    """The names of a document whose type the gazetteer changes to GPE: name → ("GPE", "gazetteer").

    ``consolidated`` maps each name to its type and what decided it (:func:`kg.extract.entities.mentions`);
    ``person_names`` are the document's PERSON names, whose first and last words keep their type.

    >>> place_types({"Ecuador": ("PERSON", None), "Mr Smith": ("PERSON", "honorific")}, [])
    {'Ecuador': ('GPE', 'gazetteer')}
    """
    name_words = {word for name in person_names if " " in name for word in (name.split()[0], name.split()[-1])}
    found: dict[str, tuple[str, TypedBy]] = {}
    for name, (label, typed_by) in consolidated.items():
        if label not in _NOT_A_COUNTRY or typed_by in STRONG or name in name_words:
            continue
        places = lookup(name)
        if not places:
            continue
        if places[0].kind != "city" or (label in _NOT_A_CITY and places[0].population >= BIG_CITY):
            found[name] = ("GPE", "gazetteer")
    return found
