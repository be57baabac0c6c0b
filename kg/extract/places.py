"""Place typing from the gazetteer (:mod:`kg.lang.places`): a known country is never a person.

spaCy's small model calls "Ecuador" a person and "Cameroon" an organisation now and then; the
gazetteer knows better. A name that is a continent, a country or a US state becomes a place
(GPE) unless the text itself gave another type (an honorific, a title, a role, the words of the
name, a person's surname: :data:`STRONG`); a big city (:data:`BIG_CITY` people or more) the same,
except from an organisation, as clubs and companies are named after cities ("Santos",
"Barcelona"). A name that is the first or last word of a person's full name in the same document
("Chad" of "Chad Hurley") keeps its type.

A wire-service header that opens a sentence, "Prague CTK in English" or "Beijing XINHUA Domestic
Service", is a place and a source, not one organisation (:func:`source_header`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Span

from ..lang import lexicon_of
from ..lang.places import lookup
from ..model import TypedBy

__all__ = ["place_types", "source_header", "BIG_CITY", "STRONG"]

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


def source_header(span: Span, label: str) -> list[tuple[Span, str]] | None:
    """A wire-service header's place and source, which spaCy reads as one organisation, apart:
    "Prague CTK in English", "Beijing XINHUA Domestic Service", "Jakarta Radio Republik Indonesia
    Network" → the place (GPE) and the source (ORG); None for any other name.

    The name must open its sentence (after a reference code such as "BK2106131694" at most), begin
    with the gazetteer's name of a country, a US state or a city, and go on with a source: a word
    in capitals ("CTK", "CHINA DAILY") or a broadcaster's word ("Radio", "Television";
    ``broadcast_words.txt``). "Palestine Liberation Organization chairman Yasser Arafat" stays whole.
    """
    if label != "ORG" or len(span) < 2 or not _opens_sentence(span):
        return None
    lex = lexicon_of(span)
    for end in range(len(span) - 1, 0, -1):
        place, source = span[:end], span[end:]
        if not all(t.text[:1].isupper() for t in place) or not lookup(place.text):
            continue
        first = source[0].text
        if (first.isupper() and len(first) > 1 and first.isalpha()) or any(
            t.text in lex.broadcast_words for t in source
        ):
            return [(place, "GPE"), (source, "ORG")]
        return None
    return None


def _opens_sentence(span: Span) -> bool:
    """Whether only punctuation and reference codes (letters and digits: "BK2106131694") come before
    ``span`` in its sentence."""
    for token in span.doc[span.sent.start : span.start]:
        code = token.text.isalnum() and any(ch.isdigit() for ch in token.text) and token.text.upper() == token.text
        if not (token.is_punct or code):
            return False
    return True
