"""Facts stated by noun phrases, as spaCy ``DependencyMatcher`` patterns.

The patterns are data: each names the tokens it binds (``subject``, ``object``
and helpers) and is read by :func:`nominal_matches`, which turns a match into a
predicate. To cover a new construction, add a pattern here and a line to
``_predicate``; see https://spacy.io/usage/rule-based-matching#dependencymatcher.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from .lexicon import DEVERBAL_NOUNS, ROLE_PREPOSITIONS

__all__ = ["NOMINAL_PATTERNS", "NominalMatch", "nominal_matches"]

_NOUN = {"POS": {"IN": ["NOUN", "PROPN"]}}

NOMINAL_PATTERNS: dict[str, list[dict]] = {
    # "Ahmad al Mesmari, a spokesman for Haftar" / "Haftar, a former general"
    "apposition": [
        {"RIGHT_ID": "subject", "RIGHT_ATTRS": _NOUN},
        {"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "role", "RIGHT_ATTRS": {"DEP": "appos", **_NOUN}},
    ],
    # "the Tripoli-based Government of National Accord"
    "based-in": [
        {"RIGHT_ID": "subject", "RIGHT_ATTRS": _NOUN},
        {"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "based", "RIGHT_ATTRS": {"LOWER": "based", "DEP": "amod"}},
        {"LEFT_ID": "based", "REL_OP": ">", "RIGHT_ID": "object",
         "RIGHT_ATTRS": {"DEP": {"IN": ["npadvmod", "compound", "nmod"]}, "POS": "PROPN"}},
    ],
    # "warlord Khalifa Haftar", "President Bush"
    "title": [
        {"RIGHT_ID": "subject", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}},
        {"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "object",
         "RIGHT_ATTRS": {"DEP": "compound", "ENT_TYPE": "", "IS_ALPHA": True}},
    ],
    # "militias loyal to Haftar" → militia – be loyal to – Haftar
    "adjective-prep": [
        {"RIGHT_ID": "subject", "RIGHT_ATTRS": _NOUN},
        {"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "adjective", "RIGHT_ATTRS": {"DEP": "amod", "POS": "ADJ"}},
        {"LEFT_ID": "adjective", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}},
        {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ],
    # "Haftar's truce offer" → Haftar – offer – truce
    "possessive-act": [
        {"RIGHT_ID": "act", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(DEVERBAL_NOUNS)}}},
        {"LEFT_ID": "act", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "poss"}},
        {"LEFT_ID": "act", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "compound", "POS": "NOUN"}},
    ],
    # the same, parsed as "(Haftar's truce) offer"
    "possessive-act/2": [
        {"RIGHT_ID": "act", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(DEVERBAL_NOUNS)}}},
        {"LEFT_ID": "act", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "compound", "POS": "NOUN"}},
        {"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "poss"}},
    ],
}

_VALUE_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "DATE", "TIME", "ORDINAL"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_TITLES = frozenset({"President", "Prime", "Minister", "General", "Gen.", "Marshal", "Field", "King", "Queen",
                     "Prince", "Senator", "Sen.", "Governor", "Gov.", "Mayor", "Judge", "Pope", "Chancellor",
                     "Commander", "Colonel", "Col.", "Sheikh", "Emir", "Dr.", "Professor", "Secretary"})


@dataclass(frozen=True, slots=True)
class NominalMatch:
    """A fact a noun phrase states: ``subject`` – ``predicate`` – ``object``."""

    pattern: str
    subject: Token
    predicate: str
    object: Token
    text: str  # the relation as the sentence implies it ("is a spokesman for")


_MATCHERS: dict[int, tuple[object, DependencyMatcher]] = {}


def _matcher(vocab) -> DependencyMatcher:
    # Keyed by id, but the vocab is kept and compared, so a new vocab at a reused id gets its own.
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        matcher = DependencyMatcher(vocab, validate=True)
        for name, pattern in NOMINAL_PATTERNS.items():
            matcher.add(name, [pattern])
        cached = _MATCHERS[id(vocab)] = (vocab, matcher)
    return cached[1]


def nominal_matches(doc: Doc) -> list[NominalMatch]:
    """The facts stated by the noun phrases of ``doc``, in sentence order."""
    doc = doc if isinstance(doc, Doc) else doc.as_doc()
    found = []
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        name = doc.vocab.strings[match_id]
        bound = {p["RIGHT_ID"]: doc[i] for p, i in zip(NOMINAL_PATTERNS[name], token_ids)}
        match = _predicate(name.split("/")[0], bound)  # "name/2": another parse of the same construction
        if match is not None:
            found.append(match)
    return sorted(found, key=lambda m: (m.subject.i, m.object.i))


def _predicate(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    subject = bound["subject"]
    if name == "apposition":
        role = bound["role"]
        if role.doc[role.left_edge.i - 1].text == "(" if role.left_edge.i else False:
            return None  # "Government of National Accord (GNA)": an alias, not a fact
        if any(t.ent_type_ in _VALUE_LABELS for t in (subject, role)):
            return None  # "9.75 %, 8.75 % ...": figures in a list
        if any(c.dep_ == "conj" for c in role.children) or sum(c.dep_ == "appos" for c in subject.children) > 1:
            return None  # "three colours: Black, Silver and Red": a list, not an identity
        if subject.ent_type_ in _PLACE_LABELS and role.ent_type_ in _PLACE_LABELS:
            return NominalMatch("located-in", subject, "be in", role, "is in")  # "Pasadena, California"
        for prep in role.children:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPOSITIONS and pobj is not None:
                words = role.doc[role.left_edge.i:prep.i + 1].text
                return NominalMatch(name, subject, f"{role.lemma_.lower()} {prep.lower_}", pobj, f"is {words}")
        if subject.pos_ == "NOUN" and role.pos_ == "PROPN":  # "the doctor, Erasistratus": the name is the subject
            return NominalMatch(name, role, "be", subject, "is")
        return NominalMatch(name, subject, "be", role, "is")
    if name == "based-in":
        return NominalMatch(name, subject, "based in", bound["object"], "is based in")
    if name == "title":
        title = bound["object"]
        if not (title.is_lower or title.text in _TITLES) or title.i > subject.i:
            return None
        return NominalMatch(name, subject, "be", title, "is")
    if name == "adjective-prep":
        adjective, prep = bound["adjective"], bound["prep"]
        if adjective.i < subject.i:
            return None
        return NominalMatch(name, subject, f"be {adjective.lemma_.lower()} {prep.lower_}", bound["object"],
                            f"is {adjective.text} {prep.text}")
    if name == "possessive-act":
        act = bound["act"]
        return NominalMatch(name, subject, DEVERBAL_NOUNS[act.lemma_.lower()], bound["object"], act.text)
    return None
