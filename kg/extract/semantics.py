"""What an assertion's clause says about it: polarity, modality and attribution."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang import lexicon_of
from ..model import Argument
from .arguments import argument_of
from .reference import MentionIndex
from .syntax import clause_marker, object_controlled, own_subject, prep_object, subjects_of

__all__ = ["is_negated", "modality_of", "attribution_of"]


def is_negated(verb: Token) -> bool:
    """Whether the clause denies its content: "not", "never", "no <object>", or "deny that ..."."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    ):
        return True  # "found no weapons", "no militia attacked"
    lex = lexicon_of(verb)
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lower_ in lex.negative_subjects or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)))
        for c in verb.children
    ):
        return True  # "none of the militias attacked"
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.denial_verbs:
        return True
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and not own_subject(verb):
        return is_negated(verb.head)  # "did not attack or capture the city", "did not agree to stop"
    return False


def modality_of(verb: Token, sentence: Span) -> str | None:
    """How the clause holds: its modal verb (will, would, may, could, must ...); "if" for a
    condition; "desire" for what someone calls for; "question" for a question; and
    "unasserted" for a clause that is only reported as someone's claim ("claims that ...",
    "accused of attacking ...") or under a negated saying ("did not say that ...")."""
    if _unasserted(verb):
        return "unasserted"
    lex = lexicon_of(verb)
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            lemma = child.lemma_.lower()
            return "will" if lemma in ("wo", "'ll") else lemma
    marker = clause_marker(verb)
    if marker is not None and marker.lower_ in lex.conditions:
        return "if"
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "advcl")
        and head.lemma_.lower() in lex.desire_verbs
        and (verb.dep_ == "ccomp" or (marker is not None and marker.lower_ == "for"))
    ):
        return "desire"
    if object_controlled(verb) and head.lemma_.lower() in lex.desire_verbs | lex.object_control_verbs:
        return "desire"  # "urged Haftar to stop the offensive": Haftar has not stopped
    if verb.dep_ == "ROOT" and any(t.text == "?" for t in sentence[-3:]):
        return "question"
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return modality_of(head, sentence)
    return None


def _unasserted(verb: Token) -> bool:
    head = verb.head
    if head == verb:
        return False
    lex = lexicon_of(verb)
    if verb.dep_ == "ccomp" and head.lemma_.lower() in lex.say_verbs and is_negated(head):
        return True  # "Haftar did not say that the GNA attacked Tripoli"
    if (
        verb.dep_ in ("acl", "ccomp", "relcl")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in lex.claim_nouns
        and (verb.dep_ != "relcl" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children))
    ):
        return True  # "claims that Haftar attacked Tripoli"
    # "accused of attacking Tripoli", "the accusation of attacking"
    return (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and (head.head.lemma_.lower() in lex.claim_verbs or head.head.lemma_.lower() in lex.claim_nouns)
    )


def attribution_of(verb: Token, index: MentionIndex, sentence: Span) -> Argument | None:
    """Who reports the clause headed by ``verb``: the subject of a saying verb whose
    complement it is, or the object of "according to"."""
    node, say_verbs = verb, lexicon_of(verb).say_verbs
    while node.head != node:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in say_verbs:
            return _first_argument(subjects_of(head), index)
        if node.dep_ == "acl" and head.dep_ == "pobj" and head.head.head.lemma_.lower() in say_verbs:
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
