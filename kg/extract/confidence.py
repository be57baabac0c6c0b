"""How likely an extracted assertion is to be right.

A logistic model over features that predict correctness (the rule that fired,
whether the arguments are names, how they were resolved, their length, the
sentence's length ...). Its weights are data (the language's ``confidence.json``,
``kg/lang/en/``), fitted on CaRB's dev split by ``bench/calibrate.py``: a confidence of
0.8 means that about 80% of dev assertions with that score matched a gold
tuple. Thresholding on it trades recall for precision.
"""

from __future__ import annotations

import math

from ..lang import Lexicon, lexicon
from ..model import Relation

__all__ = ["confidence", "features", "load_weights"]


def features(relation: Relation, sentence_length: int, lex: Lexicon | None = None) -> dict[str, float]:
    """The features of ``relation`` the confidence model of ``lex`` (default: English) weighs (all numeric)."""
    subject, obj = relation.subject, relation.object
    found = {
        f"pattern={relation.pattern}": 1.0,
        "subject_entity": float(subject.is_entity),
        "subject_pronoun": float(subject.via in ("pronoun", "unresolved")),
        "subject_resolved": float(subject.via in ("nominal", "possessive", "partitive")),
        "subject_words": min(len(subject.text.split()), 12) / 4,
        "sentence_words": min(sentence_length, 80) / 20,
        "relation_words": min(len(relation.relation_text.split()), 8) / 2,
        "qualifiers": float(min(len(relation.qualifiers), 3)),
        "negated": float(relation.negated),
        "modal": float(relation.modality is not None),
        "attributed": float(relation.attribution is not None),
        "passive": float(relation.passive),
    }
    for word in relation.relation_text.lower().split()[:3]:
        if word in (lex or lexicon()).confidence_words:
            found[f"relation_has={word}"] = 1.0
    if relation.modality:
        found[f"modality={relation.modality}"] = 1.0
    if obj is None:
        found["object_none"] = 1.0
    else:
        found["object_entity"] = float(obj.is_entity)
        found["object_clause"] = float(obj.clause)
        found["object_pronoun"] = float(obj.via in ("pronoun", "unresolved"))
        found["object_words"] = min(len(obj.text.split()), 12) / 4
    return found


def load_weights(lex: Lexicon | None = None) -> dict[str, float]:
    """The fitted weights of ``lex`` (default: English): feature name → weight; "bias" is the intercept."""
    return (lex or lexicon()).confidence_weights["weights"]


def confidence(relation: Relation, sentence_length: int, lex: Lexicon | None = None) -> float:
    """The probability that ``relation`` is correct, rounded to three decimals, by the model of ``lex``."""
    lex = lex or lexicon()
    weights = load_weights(lex)
    score = weights.get("bias", 0.0) + sum(
        weights.get(name, 0.0) * value for name, value in features(relation, sentence_length, lex).items()
    )
    return round(1.0 / (1.0 + math.exp(-score)), 3)
