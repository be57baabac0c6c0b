"""Type evidence from a name's own words and titles: its head word ("... Party", "... River"), an
honorific or a title, a first name, the particles of Arabic names, and the shapes no person's name
has ("Shrek 2", "iPod").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang import Lexicon, lexicon
from ..lang.places import lookup


def _common_title(token: Token, lex: Lexicon) -> bool:
    """Whether a name's first word is a title that also starts names of things ("General", "King", "St."),
    unlike a personal honorific ("Mr", "Mrs", "Dr")."""
    word = token.text.rstrip(".")
    return word in lex.titles or word in lex.place_first_words or f"{word}." in lex.place_first_words


def name_type(words: list[str], lex: Lexicon | None = None) -> str | None:
    """The type a name's own words give it, or None: "Libyan National Army" → ORG,
    "Nile River" → LOC, "Ahmad al Mesmari" → PERSON, "Mrs. Quayle" → PERSON.

    ``lex`` is the language's lexicon (default: English).

    >>> name_type(["Ahmad", "al", "Mesmari"]), name_type(["Muslim", "Brotherhood"]), name_type(["Tripoli"])
    ('PERSON', 'ORG', None)
    """
    if not words:
        return None
    lex = lex or lexicon()
    # The head of "Bank of England" is "Bank"; of "Lisbon Olympics", "Olympics".
    head = words[: words.index("of", 1)] if "of" in words[1:] else words
    last = head[-1]
    if len(words) > 1 and last in lex.event_words:
        return "EVENT"
    if len(words) > 1 and words[0] in lex.vessel_nouns:
        return "PRODUCT"  # "USS Stark", "HMS Belfast"
    if len(words) > 1 and last in lex.organisation_words and last in lex.place_words:
        return None  # "European Union", "Soviet Union": the model knows better
    if len(words) > 1 and last in lex.organisation_words:
        return "ORG"
    if len(words) > 1 and last in lex.facility_words:
        return "FAC"
    if len(words) > 1 and (last in lex.place_words or words[0] in lex.place_first_words):
        return "LOC"
    if len(words) > 1 and (words[0] in lex.honorifics or words[0].rstrip(".") in lex.honorifics):
        return "PERSON"  # after the words of things: "Justice Department", "Ambassador Hotel"
    if any(w in lex.organisation_words for w in head[1:]):
        return "ORG"  # "Radio Riga Network"
    if (
        3 <= len(words) <= 4
        and any(w.lower() in lex.name_particles for w in words[1:-1])
        and all(w[:1].isupper() or w.lower() in lex.name_particles for w in words)
        and not all(w.isupper() for w in words)  # "LA ESTRELLA DE PANAMA" is a newspaper
    ):
        return "PERSON"
    return None


def _no_person_shape(name: str) -> str | None:
    """The label of a name the model called a person though no person's name is written so, or None:
    a name ending in a number ("Shrek 2", "Opera 8.0": a work or a product, left untyped) or a word
    starting in lower case with a capital inside ("iPod": a brand, untyped). (Not capitals: "JFK".)"""
    words = name.split()
    if len(words) > 1 and any(c.isdigit() for c in words[-1]) and not any(c.isalpha() for c in words[-1]):
        return "ENTITY"
    first = words[0]
    if first.isalpha() and first[:1].islower() and any(c.isupper() for c in first[1:]):  # not "d'Estaing"
        return "ENTITY"
    return None


def _person_shaped(span: Span, lex: Lexicon) -> bool:
    """Whether a name of two or three words could be a person's full name: each word capitalised (not
    in capitals), none a title's, a company's, a place's or a building's, and not a place the gazetteer knows."""
    words = [t.text for t in span]
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and name_type(words, lex) is None
        and not _common_title(span[0], lex)
        and not any(w in lex.organisation_words or w in lex.place_words or w in lex.facility_words for w in words)
        and not any(w in lex.event_words for w in words)
        and not lookup(span.text)
    )


def _first_name(span: Span, lex: Lexicon) -> bool:
    """Whether a name of two to four capitalised words starts with a first name and has no word of
    a company's, a place's or a building's ("Morgan Stanley" is left to spaCy only when it says so)."""
    words = [t.text for t in span]
    return (
        2 <= len(words) <= 4
        and words[0] in lex.first_names
        and all(w[:1].isupper() and not w.isupper() or (len(w) == 2 and w.endswith(".")) for w in words)
        and name_type(words, lex) is None
        and not any(w in lex.organisation_words or w in lex.place_words or w in lex.facility_words for w in words)
    )
