"""Typed relations between two named entities of one sentence, by a trained classifier.

Rules read what a sentence says in its verbs; many news facts are in its shape
instead ("Mesmari, a spokesman for Haftar", "the Tripoli-based GNA", "John Smith of
Acme Corp."). For every pair of names in a sentence whose types allow one of the
relations below, a logistic model over the dependency path, the words between and
around, and the types says which relation holds, if any:

    works for (PERSON → ORG), lives in (PERSON → place), based in (ORG → place),
    located in (place → place), kills (PERSON → PERSON)

The model and its relations are the language's data (``pair_model.json`` and
``pair_relations.tsv`` in ``kg/lang/en/``; see :mod:`kg.lang`), trained by
``bench/train_pairs.py`` from CoNLL04's training split; only a dot product and a
softmax run here.

A reading is a fact only when its probability reaches its relation's threshold (the model's
``"thresholds"``, chosen by cross-validation on the training split for a precision of .85);
below it, down to the model's ``"floor"``, it is a guess: kept, with its probability, as a
statement that is not asserted (:attr:`kg.model.Relation.reading` "guess").
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lexicon, lexicon_of
from ..vocab import COARSE_TYPES, NAME_LABELS

__all__ = ["PairRelation", "pair_features", "pair_relations", "coarse_type", "load_model", "thresholds"]

#: Names further apart than this many tokens are not paired (news relations between two
#: names are stated close together; far pairs cost time and are almost never related).
MAX_DISTANCE = 20


def coarse_type(label: str) -> str | None:
    """ "person", "organisation" or "place" for a spaCy label, else None."""
    return COARSE_TYPES.get(label)


@dataclass(frozen=True)
class PairRelation:
    """A typed relation the classifier found between two name spans."""

    relation: str  # a label of the language's pair_relations.tsv
    head: Span
    tail: Span
    probability: float
    asserted: bool = True  # the probability reaches the relation's threshold: a fact, not a guess


def load_model(lex: Lexicon | None = None) -> Mapping[str, Any]:
    """The trained model of ``lex`` (default: English): {"labels", "bias", "weights", "source"}."""
    return (lex or lexicon()).pair_model


def pair_relations(doc: Doc, names: list[tuple[Span, str]], *, floor: float | None = None) -> Iterator[PairRelation]:
    """The typed relations between the ``names`` (spans with spaCy labels) of each sentence of ``doc``.

    A pair gets the most probable relation its types allow when its probability is at least
    ``floor`` (default: the model's) and more probable than no relation; it is asserted when the
    probability reaches the relation's threshold (:func:`thresholds`).
    """
    lex = lexicon_of(doc)
    model = load_model(lex)
    floor = model.get("floor", 0.5) if floor is None else floor
    limits = thresholds(model)
    by_sentence: dict[int, list[tuple[Span, str]]] = {}
    for span, label in names:
        if coarse_type(label) is not None and not _prefixed(span, lex):
            by_sentence.setdefault(span.sent.start, []).append((span, label))
    for spans in by_sentence.values():
        for head, head_label in spans:
            for tail, tail_label in spans:
                if head.start == tail.start or abs(head.start - tail.start) > MAX_DISTANCE:
                    continue
                if _apart(head, tail, lex) or _apart(tail, head, lex) or _scene(tail, head):
                    continue
                if coarse_type(head_label) == "person" and _owner(tail, head):
                    continue  # "India's Sania Mirza": a country's own, not where she lives
                allowed = [
                    r
                    for r, (_, s, o) in lex.pair_relations.items()
                    if s == coarse_type(head_label) and o == coarse_type(tail_label)
                ]
                if not allowed:
                    continue
                scores = _probabilities(model, pair_features(head, tail, head_label, tail_label))
                best = max(allowed, key=lambda r: scores.get(r, 0.0))
                probability = scores.get(best, 0.0)
                if probability >= max(min(floor, limits.get(best, floor)), scores.get("none", 0.0)):
                    yield PairRelation(best, head, tail, round(probability, 3), probability >= limits.get(best, floor))


def _prefixed(span: Span, lex: Lexicon) -> bool:
    """ "pre-Budget", "anti-EU": a name made an adjective by a prefix of ``hyphen_prefixes.txt``
    modifies a noun; it names nothing that works somewhere or is based somewhere."""
    doc = span.doc
    if len(span) > 1 and span[0].lower_ in lex.hyphen_prefixes and span[1].text == "-":
        return True  # the prefix is in the name ("pre-Budget")
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in lex.hyphen_prefixes


def _apart(name: Span, other: Span, lex: Lexicon) -> bool:
    """Whether ``name`` is the first part of a hyphenated adjective ("the UN-recognised government",
    "Amsterdam-based OneStat.com", "Singapore-listed shares") and ``other`` is not the noun it
    modifies (nor that noun's apposition, "the Tokyo-based carmaker Toyota"). The adjective says
    how the name relates to its noun (:mod:`kg.extract.nominal`); paired with any other name,
    the classifier made "UN based in Libya" and "<a person near it> lives in Amsterdam"."""
    doc = name.doc
    # Any lower-case word after the hyphen makes the name a modifier of the noun ("CAO's Singapore-listed
    # shares", "US-made jets"), as the table's participles do; the table only says which relation it states.
    if not (name.end + 1 < len(doc) and doc[name.end].text == "-" and doc[name.end + 1].is_lower):
        return False
    noun = doc[name.end + 1].head
    return not (other.start <= noun.i < other.end or (other.root.dep_ == "appos" and other.root.head == noun))


def _scene(place: Span, other: Span) -> bool:
    """Whether ``place`` is set in a fronted phrase of the clause ("In Europe, Smart will go on sale",
    "In Denver, the company said ..."): it says where the clause happens, not where ``other`` lives or is
    based, and it is paired with nothing in that clause."""
    prep = place.root.head
    if place.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and prep.i < min(s.i for s in subjects) and prep.i < verb.i and other.start > prep.i


def _owner(place: Span, name: Span) -> bool:
    """Whether ``place`` is the possessive of ``name`` ("India's Sania Mirza", "Spain's Emilio Botin"): it
    says whose the person is (a nationality, a team), not where the person lives."""
    return place.root.dep_ == "poss" and name.start <= place.root.head.i < name.end


def thresholds(model: Mapping[str, Any]) -> dict[str, float]:
    """The probability each relation of ``model`` needs to be asserted (its ``"thresholds"``; a
    model without them asserts every reading above its floor)."""
    return dict(model.get("thresholds", {}))


def _probabilities(model: Mapping[str, Any], features: dict[str, float]) -> dict[str, float]:
    labels, by_feature = _weights_by_feature(model)
    # Each label's weighted features, in the order of the features, so that each sum is the one
    # a sum over every feature gives (a feature a label does not weigh adds 0.0, which changes nothing).
    terms: list[list[float]] = [[] for _ in labels]
    for feature, value in features.items():
        for k, weight in by_feature.get(feature, ()):
            terms[k].append(weight * value)
    logits = {label: model["bias"][label] + sum(terms[k]) for k, label in enumerate(labels)}
    top = max(logits.values())
    exps = {label: math.exp(value - top) for label, value in logits.items()}
    total = sum(exps.values())
    return {label: value / total for label, value in exps.items()}


#: The model whose weights :func:`_weights_by_feature` turned round last, and what it made.
_BY_FEATURE: list[tuple[Mapping[str, Any], tuple[list[str], dict[str, list[tuple[int, float]]]]]] = []


def _weights_by_feature(model: Mapping[str, Any]) -> tuple[list[str], dict[str, list[tuple[int, float]]]]:
    """The model's labels, and for each feature the ``(label index, weight)`` of the labels that
    weigh it: a pair looks up its ~40 features once, not once for each label."""
    if _BY_FEATURE and _BY_FEATURE[0][0] is model:
        return _BY_FEATURE[0][1]
    labels = list(model["labels"])
    by_feature: dict[str, list[tuple[int, float]]] = {}
    for k, label in enumerate(labels):
        for feature, weight in model["weights"][label].items():
            by_feature.setdefault(feature, []).append((k, weight))
    _BY_FEATURE[:] = [(model, (labels, by_feature))]
    return labels, by_feature


def pair_features(head: Span, tail: Span, head_label: str, tail_label: str) -> dict[str, float]:
    """The features of a (head, tail) pair of name spans of one sentence."""
    doc = head.doc
    types = f"{coarse_type(head_label)}>{coarse_type(tail_label)}"
    features = {f"types={types}": 1.0, f"order={'head-first' if head.start < tail.start else 'tail-first'}": 1.0}
    left, right = (head, tail) if head.start < tail.start else (tail, head)
    between = doc[left.end : right.start]
    gap = len(between)
    features[f"gap={_bucket(gap)}"] = 1.0
    features[f"{types}|gap={_bucket(gap)}"] = 1.0
    words = [t for t in between if not t.is_punct or t.text in (",", "(", "'s")]
    for token in words[:12]:
        features[f"between={_word(token)}"] = 1.0
        features[f"{types}|between={_word(token)}"] = 1.0
    if gap <= 3:
        features[f"{types}|between-seq={' '.join(_word(t) for t in between)}"] = 1.0
    if any(t.ent_type_ in NAME_LABELS for t in between):
        features["name-between"] = 1.0
    for name, neighbour in (
        ("before-left", doc[left.start - 1] if left.start > 0 else None),
        ("after-right", doc[right.end] if right.end < len(doc) else None),
    ):
        if neighbour is not None:
            features[f"{name}={_word(neighbour)}"] = 1.0
    features[f"head-word={head.root.lower_}"] = 1.0
    features[f"tail-word={tail.root.lower_}"] = 1.0
    path, lca = _path(head.root, tail.root)
    if path is not None and lca is not None:  # a path has its common ancestor
        features[f"path={path}"] = 1.0
        features[f"{types}|path={path}"] = 1.0
        features[f"path-length={min(path.count(' ') + 1, 6)}"] = 1.0
        features[f"lca={lca.lemma_.lower()}"] = 1.0
        features[f"{types}|lca={lca.lemma_.lower()}"] = 1.0
        for step in path.split(" "):
            features[f"step={step}"] = 1.0
    return features


def _word(token: Token) -> str:
    return token.lemma_.lower() if token.pos_ in ("VERB", "NOUN", "AUX") else token.lower_


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 4, 7, 12):
        if n <= limit:
            return str(limit)
    return "13+"


def _path(a: Token, b: Token) -> tuple[str | None, Token | None]:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, token in enumerate(up_a):
        if token.i in index_b:
            up = [f"{t.dep_}^" for t in up_a[:k]]
            down = [f"{t.dep_}v" for t in reversed(up_b[: index_b[token.i]])]
            middle = [token.lemma_.lower() if token.pos_ in ("VERB", "AUX", "ADP", "NOUN") else token.pos_]
            steps = up + middle + down
            return (" ".join(steps) if len(steps) <= 9 else None), token
    return None, None
