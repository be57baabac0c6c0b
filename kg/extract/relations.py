"""Assertions from the dependency parse: who did what to whom, when and where.

Every clause headed by a verb gives one assertion per (subject, object) pair.
The object is the first of: a direct object ("rejected a truce"), the noun of a
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
in :mod:`kg.extract.patterns` ("Mesmari, a spokesman for Haftar", "the
Tripoli-based GNA", "warlord Khalifa Haftar", "Haftar's truce offer").

Each assertion carries its polarity, modality, attribution and a confidence
(:mod:`kg.extract.confidence`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..analyse.bounded import bound_sentences
from ..errors import ModelError
from ..lang import lexicon_of
from ..model import Argument, Mention, Relation
from .arguments import argument_of, clause_argument, concept_label, qualifier_of, speaker_of
from .confidence import confidence
from .nominal import nominal_matches
from .reference import MentionIndex
from .semantics import attribution_of, is_negated, modality_of
from .syntax import (DATE_LABELS, NOT_ARGUMENT_LABELS, clause_marker, conjuncts, hyphen_joined, is_time, object_controlled,
                     own_subject, prep_object, subjects_of, word_lemma)

__all__ = ["relations", "EXTRACTOR"]

#: Name and version written on every statement this module produces.
EXTRACTOR = "kg.extract.relations/0.2"

def relations(doc: Doc | Span, *, doc_id: str, mentions: list[Mention],
              keep_unresolved: bool = False) -> Iterator[Relation]:
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
    full = doc if isinstance(doc, Doc) else doc.doc
    if len(full) and not full.has_annotation("DEP"):
        raise ModelError("relations need a dependency parse: the spaCy pipeline has no parser")
    # Relation words are whole written words: "have to re-register", never "re" or "-".
    joined = hyphen_joined(full, mentions)
    if joined is not full:
        doc = joined if isinstance(doc, Doc) else joined.char_span(doc.start_char, doc.end_char,
                                                                    alignment_mode="expand")
        full = joined
    bounded = bound_sentences(full)  # every walk below stays inside one sentence: bound them
    if bounded is not full:
        doc = bounded if isinstance(doc, Doc) else bounded[doc.start:doc.end]
        full = bounded
    index = MentionIndex(full, mentions, keep_unresolved=keep_unresolved)
    nominal = nominal_matches(full)
    if isinstance(doc, Doc):
        sentences = list(doc.sents)
    else:  # the sentences of a span, cut to it
        sentences = [full[max(s.start, doc.start):min(s.end, doc.end)] for s in full.sents
                     if s.start < doc.end and s.end > doc.start]
    subjects = [m.subject.i for m in nominal]  # in order: each sentence takes its run by bisection
    for sentence in sentences:
        seen = set()
        own = nominal[bisect_left(subjects, sentence.start):bisect_left(subjects, sentence.end)]
        found = [*_clause_relations(sentence, index, doc_id), *_nominal_relations(own, sentence, index, doc_id)]
        for relation in found:
            # One fact, one assertion: the same reading with the same circumstances is said once.
            key = (relation.subject.label, relation.predicate, relation.object.label if relation.object else None,
                   relation.negated, relation.modality, tuple(q.text for q in relation.qualifiers))
            if key not in seen:
                seen.add(key)
                yield relation


# --- clauses ---------------------------------------------------------------------------

def _clause_relations(sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for token in sentence:
        if _is_predicate(token):
            yield from _predicate_relations(token, sentence, index, doc_id)


def _is_word(token: Token) -> bool:
    """Whether ``token`` has a letter or digit: a hyphen or quote mark the tagger took for a
    verb is no relation word."""
    return any(ch.isalnum() for ch in token.text)


def _is_predicate(token: Token) -> bool:
    if token.dep_ in ("aux", "auxpass", "amod", "compound") or not _is_word(token):
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and token.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp") for c in token.children)


def _predicate_relations(verb: Token, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    core = _core(verb)
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
                doc_id, sentence, first, core.predicate, second, core.pattern,
                relation_text=core.text, passive=core.passive, negated=negated, modality=modality,
                attribution=attribution, qualifiers=qualifiers)


class _Core:
    """What a predicate asserts: its relation words, object(s) and qualifiers."""

    __slots__ = ("predicate", "text", "objects", "clause", "qualifiers", "pattern", "passive")

    def __init__(self, predicate, words, objects, qualifiers, pattern, *, clause=None, passive=False):
        self.predicate = predicate
        self.text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
        self.objects = objects  # tokens heading the objects, or None
        self.clause = clause  # a clause Argument when the object is a proposition
        self.qualifiers = qualifiers
        self.pattern = pattern
        self.passive = passive  # the object tokens are the logical subject (agent)


def _core(verb: Token) -> _Core | None:
    """The relation a predicate states, or None when it states none by itself."""
    children = list(verb.children)
    lex = lexicon_of(verb)
    words, lemma = _verb_words(verb)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and not own_subject(verb) and not (
            object_controlled(verb)) and _is_word(verb.head):
        # "vowed to put an end to", "agreed to release"; "stopped attacking" has no "to"
        head_words, head_lemma = _verb_words(verb.head)
        words = head_words + words
        if verb.head.lemma_.lower() not in lex.aspectual_verbs:
            to = "to " if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else ""
            lemma = f"{head_lemma} {to}{lemma}"
    elif any(c.dep_ == "xcomp" and not own_subject(c) for c in children) and not _has_object(verb):
        return None  # "vowed to put an end to X" is stated by the xcomp
    preps = [c for c in children if c.dep_ == "prep" and prep_object(c) is not None]
    extras = [c for c in children if _is_time_expression(c)]
    # "the level at which ...": the relative pronoun's phrase is not a circumstance of its own.
    preps = [p for p in preps if prep_object(p).lower_ not in lex.relative_pronouns]

    if _is_passive(verb):
        agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            by = next(c for c in children if c.dep_ == "agent")
            return _Core(lemma, words + [by], conjuncts(agents), preps + extras, "passive", passive=True)
        prep = _first_argument_prep(preps)
        if prep is not None:
            rest = [p for p in preps if p != prep]
            return _Core(f"be {verb.lower_} {prep.lower_}", words + [prep], conjuncts([prep_object(prep)]),
                         rest + extras, "passive-prep")
        return _Core(f"be {verb.lower_}", words, None, preps + extras, "passive-intransitive")

    objects = [c for c in children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and any(o.lower_ in lex.relative_pronouns for o in objects):
        objects = [verb.head]  # "the war which Haftar lost"
    if objects:
        obj = objects[0]
        light = _light_verb_prep(verb, obj)
        if light is None and (verb.lemma_.lower(), obj.lemma_.lower()) in lex.light_verb_nouns:
            # "put an end to the curfew", with "to" parsed as the verb's
            light = next((p for p in preps if p.i > obj.i and not is_time(p, prep_object(p))), None)
            preps = [p for p in preps if p != light]
        if light is not None:
            light_words = [t for t in obj.children if t.dep_ == "det"] + [obj, light]
            return _Core(f"{lemma} {word_lemma(obj)} {light.lower_}", words + light_words,
                         conjuncts([prep_object(light)]), preps + extras, "light-verb")
        return _Core(lemma, words, conjuncts(objects), preps + extras, "svo")

    attrs = [c for c in children if c.dep_ in ("attr", "oprd") and c.ent_type_ not in DATE_LABELS]
    if attrs:  # "is a warlord", "became Master of the Rolls"
        attr = attrs[0]
        role = next((p for p in attr.children if p.dep_ == "prep" and prep_object(p) is not None), None)
        if role is not None and role.lower_ in ("of", "for", "to") and attr.pos_ == "NOUN" and not any(
                c.dep_ == "conj" for c in attr.children):
            # "was an ally of the Human Tornado" → ally of, as "Mesmari, a spokesman for Haftar"
            role_words = [t for t in attr.subtree if t.i <= role.i and t.i >= attr.left_edge.i]
            return _Core(f"{word_lemma(attr)} {role.lower_}", words + role_words, conjuncts([prep_object(role)]),
                         preps + extras, "copula-role")
        return _Core(lemma, words, conjuncts(attrs), preps + extras, "copula")
    if verb.lemma_ == "be":
        acomps = [c for c in children if c.dep_ == "acomp"]
        if acomps:
            adjective = acomps[0]
            prep = next((p for p in adjective.children if p.dep_ == "prep" and prep_object(p) is not None), None)
            if prep is not None:
                return _Core(f"be {word_lemma(adjective)} {prep.lower_}", words + [adjective, prep],
                             conjuncts([prep_object(prep)]), preps + extras, "copula-adjective")
            return _Core("be", words, [adjective], preps + extras, "copula-adjective")

    complement = _complement(verb)
    if complement is not None:
        clause_verb, marker = complement
        # "called for X to ...": "for" is part of the predicate; "said that ...": "that" is only written.
        predicate = f"{lemma} {marker.lower_}" if marker is not None and marker.lower_ != "that" else lemma
        return _Core(predicate, words + ([marker] if marker is not None else []), None,
                     preps + extras, "complement", clause=clause_argument(clause_verb))

    prep = _first_argument_prep(preps)
    if prep is not None:
        rest = [p for p in preps if p != prep]
        return _Core(f"{lemma} {prep.lower_}", words + [prep], conjuncts([prep_object(prep)]), rest + extras,
                     "verb-prep")
    return _Core(lemma, words, None, preps + extras, "intransitive")


def _verb_words(verb: Token) -> tuple[list[Token], str]:
    """The words of a verb group as written (auxiliaries, negation, adverbs inside it,
    the verb, its particle) and its lemma with the particle ("lay down")."""
    words = [verb]
    unattached = lexicon_of(verb).unattached_adverbs
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i:
            words.append(child)
        elif child.dep_ == "prt" or (child.dep_ == "prep" and not any(child.children) and child.i == verb.i + 1):
            words.append(child)  # "lay down", "have fallen through"
        elif child.dep_ == "advmod" and child.i < verb.i and child.i >= verb.i - 2 and (
                child.lower_ not in unattached):
            words.append(child)
    particles = [c.lower_ for c in words if c.dep_ in ("prt", "prep")]
    return words, " ".join([word_lemma(verb), *particles])


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or own_subject(verb):
        return False
    if verb.dep_ == "acl":  # "a truce called by Haftar"
        return True
    return verb.dep_ == "conj" and _is_passive(verb.head)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "ccomp") for c in verb.children)






def _is_time_expression(token: Token) -> bool:
    """A time expression attached to the verb without a preposition ("last week", "on Thursday")."""
    return token.dep_ in ("npadvmod", "tmod", "advmod", "oprd") and token.ent_type_ in DATE_LABELS


def _first_argument_prep(preps: list[Token]) -> Token | None:
    """The prepositional phrase that completes the verb ("called for a truce"), not a time phrase."""
    for prep in preps:
        if not is_time(prep, prep_object(prep)):
            return prep
    return None




def _light_verb_prep(verb: Token, obj: Token) -> Token | None:
    """In "put an end to X" or "filed charges against X", the preposition that introduces X.

    Listed light verbs ("put an end to") always qualify; otherwise a bare plural or
    indefinite object whose preposition introduces a name ("filed charges against
    Drogoul") is part of the relation too.
    """
    prep = next((p for p in obj.children if p.dep_ == "prep" and prep_object(p) is not None), None)
    if prep is None:
        return None
    if (verb.lemma_.lower(), obj.lemma_.lower()) in lexicon_of(verb).light_verb_nouns:
        return prep
    determiners = [c.lower_ for c in obj.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")]
    if prep.lower_ == "of" or obj.ent_type_ or determiners not in ([], ["a"], ["an"]):
        return None
    pobj = prep_object(prep)
    if is_time(prep, pobj) or pobj.ent_type_ in NOT_ARGUMENT_LABELS:
        return None
    return prep if pobj.pos_ == "PROPN" or pobj.ent_type_ else None


def _complement(verb: Token) -> tuple[Token, Token | None] | None:
    """The clause a verb reports or asks for, with its marker: "said (that) X", "called for X to Y"."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child, clause_marker(child)
        if child.dep_ == "advcl" and clause_marker(child) is not None and clause_marker(child).lower_ == "for":
            return child, clause_marker(child)
    if verb.lemma_.lower() in lexicon_of(verb).say_verbs:
        # "said in a statement that it will continue": the parser hangs the clause on "statement".
        for prep in verb.children:
            pobj = prep_object(prep) if prep.dep_ == "prep" else None
            for clause in (pobj.children if pobj is not None else ()):
                if clause.dep_ == "acl" and clause_marker(clause) is not None and clause_marker(clause).lower_ == "that":
                    return clause, clause_marker(clause)
    return None








# --- subjects and objects --------------------------------------------------------------





















# --- noun phrases ----------------------------------------------------------------------

def _nominal_relations(matches, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for match in matches:
        subject = argument_of(match.subject, index)
        if subject is None:
            continue
        obj = argument_of(match.object, index)
        if obj is None or obj.label == subject.label:
            continue
        if match.pattern == "title" and subject.is_entity:  # "President Bush": the subject is "Bush"
            subject = Argument(text=subject.mention.text, label=subject.label, start=subject.mention.start,
                               end=subject.mention.end, mention=subject.mention)
        if match.pattern in ("title", "apposition") and match.predicate == "be":
            obj = Argument(text=obj.text, label=obj.label, start=obj.start, end=obj.end,
                           mention=obj.mention if obj.is_entity and obj.via is None else None)
            if obj.mention is None:
                obj = Argument(text=obj.text, label=concept_label(match.object) or obj.label,
                               start=obj.start, end=obj.end)
        yield _relation(doc_id, sentence, subject, match.predicate, obj, match.pattern,
                        relation_text=match.text, passive=False, negated=False, modality=None,
                        attribution=None, qualifiers=())


# --- qualifiers ------------------------------------------------------------------------









def _sentence_text(sentence: Span) -> str:
    """``sentence.text``, sliced from the document's text (kept in ``doc.user_data``):
    Span.text and Doc.text join the tokens in Python on every call."""
    doc = sentence.doc
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return text[sentence.start_char:sentence.end_char]


def _relation(doc_id, sentence, subject, predicate, obj, pattern, *, relation_text, passive, negated,
              modality, attribution, qualifiers) -> Relation:
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
