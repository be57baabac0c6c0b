"""What an assertion's clause says about it: polarity, modality and attribution."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Argument
from . import lexicon as lex
from .arguments import argument_of
from .reference import MentionIndex
from .syntax import clause_marker, own_subject, prep_object, subjects_of

__all__ = ["is_negated", "modality_of", "attribution_of"]


def is_negated(verb: Token) -> bool:
    """Whether the clause denies its content: "not", "never", "no <object>", or "deny that ..."."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in verb.children):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.DENIAL_VERBS:
        return True
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and not own_subject(verb):
        return is_negated(verb.head)  # "did not attack or capture the city", "did not agree to stop"
    return False


def modality_of(verb: Token, sentence: Span) -> str | None:
    """The modal verb of the clause; "if" for a condition, "desire" for what someone
    calls for, "question" for a question."""
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            lemma = child.lemma_.lower()
            return "will" if lemma in ("wo", "'ll") else lemma
    marker = clause_marker(verb)
    if marker is not None and marker.lower_ in lex.CONDITIONS:
        return "if"
    head = verb.head
    if verb.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in lex.DESIRE_VERBS and (
            verb.dep_ == "ccomp" or (marker is not None and marker.lower_ == "for")):
        return "desire"
    if verb.dep_ == "ROOT" and any(t.text == "?" for t in sentence[-3:]):
        return "question"
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return modality_of(head, sentence)
    return None


def attribution_of(verb: Token, index: MentionIndex, sentence: Span) -> Argument | None:
    """Who reports the clause headed by ``verb``: the subject of a saying verb whose
    complement it is, or the object of "according to"."""
    node = verb
    while node.head != node:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in lex.SAY_VERBS:
            return _first_argument(subjects_of(head), index)
        if node.dep_ == "acl" and head.dep_ == "pobj" and head.head.head.lemma_.lower() in lex.SAY_VERBS:
            return _first_argument(subjects_of(head.head.head), index)  # "said in a statement that ..."
        if node.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
            break
        node = head
    for prep in (c for c in sentence if c.lower_ == "according" and c.dep_ == "prep"):
        to = next((c for c in prep.children if c.dep_ == "prep"), None)
        source = prep_object(to) if to is not None else None
        if source is not None:
            return argument_of(source, index)
    return None


def _first_argument(tokens: list[Token], index: MentionIndex) -> Argument | None:
    for token in tokens:
        argument = argument_of(token, index)
        if argument is not None:
            return argument
    return None
