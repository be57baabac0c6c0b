"""Assertions from the dependency parse: who did what to whom, when and where.

Every clause headed by a verb gives one assertion per (subject, object) pair.
The object (read by :mod:`kg.extract.predicates`) is the first of: a direct object ("rejected a truce"), the noun of a
light verb ("put an end to outlaw groups" → put end to), an attribute of "be"
("is a warlord"), a reported clause ("said that it will continue ...": the saying
is an assertion whose object is the clause, and what the clause asserts is
attributed to the sayer), a prepositional object ("called for a truce" → call
for). Passives and reduced relatives are turned active ("a truce unilaterally
called by Haftar" → Haftar – call – truce); relative clauses take their subject
or object from the noun they modify; coordinated subjects, verbs and objects
give one assertion each; other prepositional phrases and time expressions become
qualifiers of the assertion (time, place, other).

Noun phrases state facts too; those rules are dependency patterns kept as data
(the language's ``patterns/nominal.json``, read by :mod:`kg.extract.nominal`) ("Mesmari, a spokesman for Haftar", "the
Tripoli-based GNA", "warlord Khalifa Haftar", "Haftar's truce offer").

Each assertion carries its polarity, modality, attribution and a confidence
(:mod:`kg.extract.confidence`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from typing import cast

from spacy.tokens import Doc, Span, Token

from ..analyse.bounded import bound_sentences
from ..errors import ModelError
from ..lang import lexicon_of
from ..model import Argument, Mention, Modality, Relation
from .arguments import argument_of, concept_label, qualifier_of, speaker_of
from .confidence import confidence
from .nominal import nominal_matches
from .predicates import is_word, predicate_core
from .reference import MentionIndex
from .semantics import attribution_of, is_negated, modality_of
from .syntax import hyphen_joined, subjects_of

__all__ = ["relations"]


def relations(
    doc: Doc | Span, *, doc_id: str, mentions: list[Mention], keep_unresolved: bool = False
) -> Iterator[Relation]:
    """Yield the assertions stated in ``doc``, one per fact.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed document (or a span of one).
    doc_id : str
        Identifier of the document, copied onto every relation.
    mentions : list of Mention
        The document's named-entity mentions (from :func:`kg.extract.mentions`);
        arguments that name or refer to one of them point to it.
    keep_unresolved : bool
        Keep relations whose argument is a pronoun with no antecedent found (the
        pronoun's text becomes the argument). The graph leaves them out, since a
        node "he" would merge unrelated people; Open IE evaluation keeps them.

    Yields
    ------
    Relation
    """
    doc, full = _prepared(doc, mentions)
    index = MentionIndex(full, mentions, keep_unresolved=keep_unresolved)
    nominal = nominal_matches(full)
    subjects = [m.subject.i for m in nominal]  # in order: each sentence takes its run by bisection
    for sentence in _sentences(doc, full):
        own = nominal[bisect_left(subjects, sentence.start) : bisect_left(subjects, sentence.end)]
        yield from _once(
            [*_clause_relations(sentence, index, doc_id), *_nominal_relations(own, sentence, index, doc_id)]
        )


def _prepared(doc: Doc | Span, mentions: list[Mention]) -> tuple[Doc | Span, Doc]:
    """``doc`` and the whole ``Doc`` it is (part of), with each hyphenated verb one token
    and long sentences cut into bounded pieces (copies when anything changed)."""
    full = doc if isinstance(doc, Doc) else doc.doc
    if len(full) and not full.has_annotation("DEP"):
        raise ModelError("relations need a dependency parse: the spaCy pipeline has no parser")
    # Relation words are whole written words: "have to re-register", never "re" or "-".
    joined = hyphen_joined(full, mentions)
    if joined is not full:
        if isinstance(doc, Doc):
            doc = joined
        else:
            span = joined.char_span(doc.start_char, doc.end_char, alignment_mode="expand")
            if span is None:  # not expected: the copy has the same text, and "expand" takes whole tokens
                raise ValueError(f"characters {doc.start_char}-{doc.end_char} are no span of the joined copy")
            doc = span
        full = joined
    # Every walk below stays inside one sentence: bound them. A Doc already bounded costs nothing
    # here; the joined copy is checked again (a word joined across a cut can join two pieces).
    bounded = bound_sentences(full)
    if bounded is not full:
        doc = bounded if isinstance(doc, Doc) else bounded[doc.start : doc.end]
        full = bounded
    return doc, full


def _sentences(doc: Doc | Span, full: Doc) -> list[Span]:
    """The sentences of ``doc``; of a span, cut to it."""
    if isinstance(doc, Doc):
        return list(doc.sents)
    return [
        full[max(s.start, doc.start) : min(s.end, doc.end)]
        for s in full.sents
        if s.start < doc.end and s.end > doc.start
    ]


def _once(found: list[Relation]) -> Iterator[Relation]:
    """One fact, one assertion: the same reading with the same circumstances is said once."""
    seen = set()
    for relation in found:
        key = (
            relation.subject.label,
            relation.predicate,
            relation.object.label if relation.object else None,
            relation.negated,
            relation.modality,
            tuple(q.text for q in relation.qualifiers),
        )
        if key not in seen:
            seen.add(key)
            yield relation


# --- clauses ---------------------------------------------------------------------------


def _clause_relations(sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for token in sentence:
        if _is_predicate(token):
            yield from _predicate_relations(token, sentence, index, doc_id)


def _is_predicate(token: Token) -> bool:
    pos = token.pos_  # first: most tokens are no verb, and need no other look
    if pos not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "amod", "compound") or not is_word(token):
        return False
    if pos == "VERB":
        return True
    return token.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp") or (c.dep_ == "prep" and c.i > token.i) for c in token.children
    )  # "is a warlord", "is loyal", "are without their striker" (issue 18)


def _predicate_relations(verb: Token, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    core = predicate_core(verb)
    if core is None:
        return
    subjects = subjects_of(verb)
    if not subjects:
        return
    negated, modality = is_negated(verb), modality_of(verb, sentence)
    attribution = attribution_of(verb, index, sentence)
    qualifiers = tuple(qualifier_of(t, index) for t in core.qualifiers)
    for subject_token in subjects:
        subject = speaker_of(subject_token, attribution) or argument_of(subject_token, index)
        if subject is None:
            continue
        objects = [None] if core.objects is None else core.objects
        for object_token in objects:
            if object_token is None:
                obj = core.clause
            else:
                obj = speaker_of(object_token, attribution) or argument_of(object_token, index)
                if obj is None:
                    continue
            if obj is not None and obj.label == subject.label and not obj.clause:
                continue
            first, second = (obj, subject) if core.passive else (subject, obj)
            yield _relation(
                doc_id,
                sentence,
                first,
                core.predicate,
                second,
                core.pattern,
                relation_text=core.text,
                passive=core.passive,
                negated=negated,
                modality=modality,
                attribution=attribution,
                qualifiers=qualifiers,
            )


# --- noun phrases ----------------------------------------------------------------------


def _nominal_relations(matches, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for match in matches:
        subject = argument_of(match.subject, index)
        if subject is None:
            continue
        obj = argument_of(match.object, index)
        if obj is not None and obj.label == subject.label:
            obj = argument_of(match.object, index, close=False)  # "Kesey's son Zane": Zane is Kesey's son
        if obj is None:
            continue
        named = subject.mention  # set when the subject is an entity
        if match.pattern == "title" and named is not None:  # "President Bush": the subject is "Bush"
            subject = Argument(text=named.text, label=subject.label, start=named.start, end=named.end, mention=named)
        if match.pattern in ("title", "apposition") and match.predicate == "be":
            obj = Argument(
                text=obj.text,
                label=obj.label,
                start=obj.start,
                end=obj.end,
                mention=obj.mention if obj.is_entity and obj.via is None else None,
            )
            if obj.mention is None:
                obj = Argument(
                    text=obj.text, label=concept_label(match.object) or obj.label, start=obj.start, end=obj.end
                )
        # Compared once the role is a concept again: "Jeroen van der Veer, Shell's chief executive" is kept
        # though "the chief executive" refers to him (issue 18).
        if obj.label == subject.label:
            continue
        if (
            match.pattern == "apposition"
            and match.predicate == "be"
            and subject.mention is not None
            and obj.mention is not None
            and obj.via is None
            and subject.mention.label == obj.mention.label == "PERSON"
        ):
            continue  # two people's names side by side: a list the parser read as an apposition

        negated, modality, attribution = _act_qualities(match, sentence, index)
        relation = _relation(
            doc_id,
            sentence,
            subject,
            match.predicate,
            obj,
            match.pattern,
            relation_text=match.text,
            passive=False,
            negated=negated,
            modality=modality,
            attribution=attribution,
            qualifiers=(),
        )
        # issue 18: a fact the phrase's shape implies ("Sony's PlayStation": Sony makes it) is inferred
        # and, with no word of the sentence for it, held at a modest confidence
        if match.reading != "stated":
            relation = replace(relation, reading=match.reading, confidence=min(relation.confidence, _IMPLIED))
        yield relation


#: The highest confidence of a fact only a phrase's shape implies (issue 18).
_IMPLIED = 0.6


def _act_qualities(match, sentence: Span, index: MentionIndex) -> tuple[bool, Modality | None, Argument | None]:
    """Issue 18: whether an act a noun states holds, by the rules of verb facts. "X is not in talks with
    Y" is negated by its verb; "no bid for Y" by its determiner; "the proposed takeover of Y" and an act
    in a reported claim are unasserted; an act in reported speech is attributed to the speaker."""
    if match.verb is not None:  # "X is (not) in talks with Y", "X will meet Y in talks with": the clause's
        verb = match.verb
        clause = cast("Modality | None", modality_of(verb, sentence))  # one of Modality's values
        negated = is_negated(verb)
        if negated and match.pattern == "clause-act":  # "X was not arrested after a fight with Y": it may have been
            negated, clause = False, "unasserted"
        return negated, clause, attribution_of(verb, index, sentence)
    act = match.act
    if act is None:
        return False, None, None
    verb = next((t for t in act.ancestors if t.pos_ in ("VERB", "AUX")), None)
    lex = lexicon_of(act)
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in act.children)
    hedged = any(c.dep_ in ("amod", "compound") and c.lower_ in lex.hedged_act_adjectives for c in act.children)
    modality: Modality | None = "unasserted" if hedged else None
    attribution = None
    if verb is not None:
        attribution = attribution_of(verb, index, sentence)
        if modality is None and modality_of(verb, sentence) == "unasserted":
            modality = "unasserted"
    return negated, modality, attribution


# --- the records -----------------------------------------------------------------------


def _sentence_text(sentence: Span) -> str:
    """``sentence.text``, sliced from the document's text (kept in ``doc.user_data``):
    Span.text and Doc.text join the tokens in Python on every call."""
    doc = sentence.doc
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return text[sentence.start_char : sentence.end_char]


def _relation(
    doc_id,
    sentence,
    subject,
    predicate,
    obj,
    pattern,
    *,
    relation_text,
    passive,
    negated,
    modality,
    attribution,
    qualifiers,
) -> Relation:
    text = _sentence_text(sentence)
    leading, trailing = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    relation = Relation(
        doc_id=doc_id,
        subject=subject,
        predicate=predicate,
        object=obj,
        sentence=text.strip(),
        start=sentence.start_char + leading,
        end=sentence.end_char - trailing,
        negated=negated,
        modality=modality,
        attribution=attribution,
        pattern=pattern,
        relation_text=relation_text or predicate,
        passive=passive,
        qualifiers=qualifiers,
    )
    return replace(relation, confidence=confidence(relation, len(sentence), lexicon_of(sentence)))
