"""What an assertion's clause says about it: polarity, modality and attribution."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang import lexicon_of
from ..model import Argument
from .arguments import argument_of
from .reference import MentionIndex
from .syntax import (
    adjective_head,
    clause_marker,
    hedge_of,
    impersonal_hedge,
    noun_infinitive,
    object_controlled,
    own_subject,
    prep_object,
    subjects_of,
)

__all__ = ["is_negated", "modality_of", "attribution_of"]


def is_negated(verb: Token) -> bool:
    """Whether the clause denies its content: "not", "never", "no <object>", or "deny that ...".

    Negation stays in its clause: a coordinated verb shares its first verb's only when it shares
    everything before it ("did not attack or capture the city"), not when it has an auxiliary or a
    tense of its own or follows "but" ("could not go alone, but would have to ...", "did not resign
    but stayed"); "not only ... but also" negates nothing."""
    if any(_negates(c) for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in lexicon_of(verb).negating_prepositions:
        return True  # "decided against competing in X", "left without paying": the act does not happen
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
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and not own_subject(verb):
        return not _own_clause(verb) and not _contrasted(verb) and is_negated(head)
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and not own_subject(verb):
        if head.lemma_.lower() in lex.negative_verbs and not object_controlled(verb):
            return not is_negated(head)  # "refused to blame X": did not blame X
        return is_negated(head)  # "did not agree to stop"
    if noun_infinitive(verb):
        return is_negated(head.head)  # "did not win permission to fly"
    adjective = adjective_head(verb)
    if adjective is not None:  # "is unlikely to win", "was not likely to win"
        return hedge_of("negative", adjective.lower_, verb) is not None or is_negated(adjective.head)
    if verb.dep_ == "ccomp" and impersonal_hedge(head.head if head.dep_ == "acomp" else head) is not None:
        adjective = head if head.dep_ == "acomp" else next((c for c in head.children if c.dep_ == "acomp"), None)
        return adjective is not None and hedge_of("negative", adjective.lower_, verb) is not None  # "it is unlikely"
    return False


def _negates(child: Token) -> bool:
    """Whether a child of a verb negates it: "not", "n't", "never"; not "not only", "not just"."""
    if child.dep_ == "neg":
        following = child.nbor(1) if child.i + 1 < len(child.doc) else None
        return following is None or following.lower_ not in ("only", "just", "merely", "simply")
    return child.dep_ == "advmod" and child.lower_ == "never"


def _own_clause(verb: Token) -> bool:
    """Whether a coordinated verb without a subject of its own has an auxiliary or a tense of its own
    ("could not go ..., but would have to", "did not resign and stayed"): its first verb's negation
    and modality are not its own."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" and c.i < verb.i for c in verb.children):
        return True
    return verb.head.tag_ == "VB" and verb.tag_ in ("VBD", "VBZ", "VBP")


def _contrasted(verb: Token) -> bool:
    """Whether "but" or "yet" joins a coordinated verb to the one before it."""
    head = verb.head
    return any(c.dep_ == "cc" and head.i < c.i < verb.i and c.lower_ in ("but", "yet") for c in head.children)


def modality_of(verb: Token, sentence: Span) -> str | None:
    """How the clause holds: a hedge (the language's ``hedges.tsv``: "seems to", "is expected to",
    "reportedly", "it is understood that" → hedged, reported, expected, planned, attempted, desire);
    its modal verb (will, would, may, could, must ...); "if" for a condition; "desire" for what
    someone calls for; "question" for a question; and "unasserted" for a clause that is only
    reported as someone's claim ("claims that ...", "accused of attacking ...") or under a negated
    saying ("did not say that ..."). What a causative verb makes its object do holds as the verb
    does ("prompted the agencies to downgrade it": they did)."""
    if _unasserted(verb):
        return "unasserted"
    lex = lexicon_of(verb)
    hedge = _own_hedge(verb)
    if hedge is not None:
        return hedge
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
    if object_controlled(verb):
        if head.lemma_.lower() in lex.causative_verbs:
            return "unasserted" if is_negated(head) else modality_of(head, sentence)
        return "desire"  # "urged Haftar to stop the offensive": Haftar has not stopped
    if verb.dep_ == "ROOT" and any(t.text == "?" for t in sentence[-3:]):
        return "question"
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and not own_subject(verb):
        kind = "passive" if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) else "verb"
        hedge = hedge_of(kind, head.lemma_.lower(), verb)
        if hedge is not None:
            return hedge  # "seems to use", "is expected to report", "plans to buy"
    adjective = adjective_head(verb)
    if adjective is not None:
        hedge = hedge_of("adjective", adjective.lower_, verb) or hedge_of("negative", adjective.lower_, verb)
        return hedge or modality_of(adjective.head, sentence)  # "is likely to appear"
    if noun_infinitive(verb):
        return modality_of(head.head, sentence)  # "may win permission to fly"
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and _own_clause(verb):
        return None
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return modality_of(head, sentence)
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX"):
        # "if an inquiry confirmed that X was behind the strike": what a condition, a question or a hedged
        # clause reports holds no more than that clause does
        held = modality_of(head, sentence)
        if held in ("if", "question", "unasserted", "desire") or held in set(lex.hedges.values()):
            return held
    return None


def _own_hedge(verb: Token) -> str | None:
    """The hedge of the clause itself: an adverb ("reportedly paid"), or the impersonal clause it
    completes ("it is understood that ...")."""
    for child in verb.children:
        if child.dep_ == "advmod":
            hedge = hedge_of("adverb", child.lower_, verb)
            if hedge is not None:
                return hedge
    if verb.dep_ == "ccomp":
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "it is likely that ...", the clause on "likely"
            head = head.head
        return impersonal_hedge(head)
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
