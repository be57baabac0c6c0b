"""A small trained model of what kind of thing a name is: person, organisation or place.

The rules of :mod:`kg.extract.entities` retype a name when the text gives evidence (an
honorific, a role, the name's own words, its context). For the names they say nothing
about, spaCy's label stands; this model, a multinomial logistic regression trained by
``bench/train_types.py`` on CoNLL04's training split only, may overrule it when it is
confident. Its features say how a name is written and where it stands, never which name
it is (no word of the name but the last three letters of its last word): the shape, spaCy's
label, the words around it, its dependency and the verb or noun governing it, the noun it owns
("X's players"), what kind of place the gazetteer knows it as (a country, a state), and whether
its first word is a first name or its last word a company's, a place's or a building's. The weights ship as data,
``kg/lang/en/type_model.json``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Span, Token

from ..lang import Lexicon, lexicon_of
from ..lang.places import lookup

__all__ = ["name_features", "type_probabilities", "MODEL_TYPES"]

#: The model's classes and the spaCy label each stands for.
MODEL_TYPES = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}


def name_features(span: Span, label: str) -> dict[str, float]:
    """The features of a name span that the rules typed ``label`` (a spaCy label).

    >>> import spacy
    >>> doc = spacy.blank("en")("Shares in Argonaut rose")
    >>> features = name_features(doc[2:3], "PERSON")
    >>> features["prev=in"], features["next=rose"], features["suffix=aut"], features["shape=title"]
    (1.0, 1.0, 1.0, 1.0)
    """
    doc = span.doc
    lex = lexicon_of(doc)
    words = [t.text for t in span]
    features = {f"label={label}": 1.0, f"len={min(len(span), 4)}": 1.0, f"shape={_shape(words)}": 1.0}
    features[f"suffix={words[-1][-3:].lower()}"] = 1.0
    features[f"label={label}|shape={_shape(words)}"] = 1.0
    for flag, present in (
        ("first-name", words[0] in lex.first_names),
        ("organisation-word", any(w in lex.organisation_words for w in words)),
        ("place-word", words[-1] in lex.place_words or words[0] in lex.place_first_words),
        ("facility-word", words[-1] in lex.facility_words),
        ("particle", any(w.lower() in lex.name_particles for w in words[1:-1])),
    ):
        if present:
            features[flag] = 1.0
            features[f"label={label}|{flag}"] = 1.0
    for name, offset in (("prev", -1), ("prev2", -2), ("next", 0), ("next2", 1)):
        i = span.start + offset if offset < 0 else span.end + offset
        if 0 <= i < len(doc):
            features[f"{name}={_word(doc[i], lex)}"] = 1.0
    places = lookup(span.text)
    if places:
        # what the gazetteer knows the name as (a country, a state), never which place it is; not a city, as
        # clubs and companies bear cities' names ("Leeds", "Porto") far more in news than in CoNLL04
        features[f"gazetteer={places[0].kind}"] = 1.0
        features[f"label={label}|gazetteer={places[0].kind}"] = 1.0
    owned = _owned(span)
    if owned is not None:
        features[f"owns={owned.lemma_.lower()}"] = 1.0  # "Nokia's shares", "Wigan's players", "Smith's wife"
    root = span.root
    features[f"dep={root.dep_}"] = 1.0
    if not (span.start <= root.head.i < span.end):
        features[f"head={root.head.lemma_.lower()}"] = 1.0
        features[f"dep={root.dep_}|head={root.head.lemma_.lower()}"] = 1.0
    return features


def _owned(span: Span) -> Token | None:
    """The noun a name owns: "shares" in "Nokia's new shares", or None."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].tag_ != "POS":
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and i - span.end <= 2:
        i += 1
    return doc[i] if i < len(doc) and doc[i].pos_ == "NOUN" else None


def _shape(words: list[str]) -> str:
    if all(w.isupper() for w in words if w.isalpha()):
        return "caps"
    if any(w.endswith(".") and len(w) <= 3 for w in words):
        return "initials"
    return "title" if all(w[:1].isupper() for w in words) else "mixed"


def _word(token: Token, lex: Lexicon) -> str:
    """A neighbour as a feature: a capitalised word only as its kind (names are not features)."""
    if token.text[:1].isupper() and token.lower_ not in lex.function_words and token.i > 0 and not token.is_sent_start:
        return "<first-name>" if token.text in lex.first_names else "<Name>"
    return token.lemma_.lower() if token.pos_ in ("VERB", "NOUN", "AUX") else token.lower_


def type_probabilities(model: Mapping[str, Any], features: dict[str, float]) -> dict[str, float]:
    """The model's probability of each of its classes for a name's features."""
    logits = {
        label: model["bias"][label] + sum(model["weights"][label].get(f, 0.0) * v for f, v in features.items())
        for label in model["labels"]
    }
    top = max(logits.values())
    exps = {label: math.exp(value - top) for label, value in logits.items()}
    total = sum(exps.values())
    return {label: value / total for label, value in exps.items()}
