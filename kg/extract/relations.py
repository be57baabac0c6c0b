"""Subject–predicate–object relations from the dependency parse.

Each clause headed by a verb gives one relation per (subject, object) pair:
direct objects ("rejected a truce" → reject), prepositional objects
("called for a truce" → call for), particles ("lay down"), passives and reduced
relatives ("a truce called by Haftar" → Haftar – call – truce), relative clauses
("Haftar, who controls the east" → Haftar – control – east), coordinated
subjects and objects, and appositions with a preposition
("Mesmari, a spokesman for Haftar" → Mesmari – spokesman for – Haftar).
Every relation carries its polarity, modality and, for reported speech, who
said it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..model import Argument, Mention, Relation
from .reference import MentionIndex, resolve_nominal, resolve_pronoun

__all__ = ["relations", "SAY_VERBS", "EXTRACTOR"]

#: Name and version written on every statement this module produces.
EXTRACTOR = "kg.extract.relations/0.1"

#: Verbs that introduce reported speech: what their clausal complement says is
#: attributed to their subject.
SAY_VERBS = frozenset(
    {
        "say", "announce", "tell", "add", "state", "claim", "declare", "insist", "warn",
        "argue", "confirm", "deny", "report", "explain", "note", "write", "believe",
        "suggest", "acknowledge", "admit", "allege", "assert", "stress", "reiterate",
    }
)

_NOT_ARGUMENT_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
_VAGUE_ADJECTIVES = {
    "several", "other", "many", "some", "such", "various", "more", "most", "few", "own",
    "same", "certain", "any", "both", "all", "each", "much", "little", "further",
}
_DENIAL_VERBS = {"deny", "refute", "dismiss", "reject"}  # "denied that Haftar controls ..."
_CONDITIONS = {"if", "unless", "whether"}
# "spokesman for", "leader of", "ambassador to"; not "spokesman from (a city)".
_ROLE_PREPOSITIONS = {"for", "of", "at", "to", "with"}


def relations(doc: Doc | Span, *, doc_id: str, mentions: list[Mention],
              keep_unresolved: bool = False) -> Iterator[Relation]:
    """Yield the relations stated in ``doc``.

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
    index = MentionIndex(full, mentions, keep_unresolved=keep_unresolved)
    for sentence in (doc.sents if isinstance(doc, Doc) else [doc]):
        seen = set()
        for relation in _sentence_relations(sentence, index, doc_id):
            key = (relation.subject.label, relation.predicate, relation.object.label,
                   relation.negated, relation.modality)
            if key not in seen:
                seen.add(key)
                yield relation


def _sentence_relations(sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            yield from _verb_relations(token, sentence, index, doc_id)
        elif token.dep_ == "appos":
            yield from _apposition_relations(token, sentence, index, doc_id)


# --- clauses ---------------------------------------------------------------------------

def _verb_relations(verb: Token, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    lemma = _predicate_lemma(verb)
    pairs: list[tuple[Token, str, Token, str]] = []  # subject, predicate, object, pattern
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]

    if passive_subjects:
        for agent in _conjuncts(agents):
            for patient in _conjuncts(passive_subjects):
                pairs.append((agent, lemma, patient, "passive"))
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":
        for agent in _conjuncts(agents):
            pairs.append((agent, lemma, verb.head, "reduced-relative-passive"))
    else:
        subjects = _subjects(verb)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects and verb.lemma_ == "be":  # "Haftar is a warlord": copula + attribute
            objects = [c for c in verb.children if c.dep_ == "attr"]
        if verb.dep_ == "relcl" and _relative_object(verb):
            objects = [verb.head]
        for subject in subjects:
            for obj in _conjuncts(objects):
                if obj.lower_ in _RELATIVE_PRONOUNS:
                    continue
                pairs.append((subject, lemma, obj, "svo"))
            if not objects:
                for prep in (c for c in verb.children if c.dep_ == "prep"):
                    for pobj in _conjuncts([c for c in prep.children if c.dep_ == "pobj"]):
                        pairs.append((subject, f"{lemma} {prep.lower_}", pobj, "verb-prep"))

    if not pairs:
        return
    negated = _negated(verb)
    modality = _modality(verb)
    attribution = _attribution(verb, index)
    for subject_token, predicate, object_token, pattern in pairs:
        subject = _argument(subject_token, index)
        obj = _argument(object_token, index)
        if subject is None or obj is None or subject.label == obj.label:
            continue
        yield _relation(doc_id, sentence, subject, predicate, obj, pattern,
                        negated=negated, modality=modality, attribution=attribution,
                        relation_text=_relation_text(verb, predicate, pattern))


def _apposition_relations(noun: Token, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    """"Ahmad al Mesmari, a spokesman for Haftar" → Mesmari – spokesman for – Haftar."""
    subject = _argument(noun.head, index)
    if subject is None or not subject.is_entity:
        return
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _ROLE_PREPOSITIONS):
        for pobj in _conjuncts([c for c in prep.children if c.dep_ == "pobj"]):
            obj = _argument(pobj, index)
            if obj is not None and obj.label != subject.label:
                yield _relation(doc_id, sentence, subject, f"{noun.lemma_.lower()} {prep.lower_}", obj,
                                "apposition", negated=False, modality=None, attribution=None,
                                relation_text=f"is {_phrase(noun).text} {prep.text}")


def _relation_text(verb: Token, predicate: str, pattern: str) -> str:
    """The predicate as the sentence writes it: auxiliaries, negation, verb, particle, preposition."""
    words = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    words.append(verb)
    words.extend(c for c in verb.children if c.dep_ == "prt")
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    if pattern == "verb-prep":
        text += " " + predicate.rsplit(" ", 1)[-1]
    elif pattern == "reduced-relative-passive" or pattern == "passive":
        text += " by" if pattern == "reduced-relative-passive" else ""
    return text


def _relation(doc_id, sentence, subject, predicate, obj, pattern, *, negated, modality, attribution,
              relation_text="") -> Relation:
    return Relation(
        doc_id=doc_id,
        subject=subject,
        predicate=predicate,
        object=obj,
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        negated=negated,
        modality=modality,
        attribution=attribution,
        pattern=pattern,
        confidence=_confidence(subject, obj, pattern, len(sentence)),
        relation_text=relation_text or predicate,
    )


def _confidence(subject: Argument, obj: Argument, pattern: str, length: int) -> float:
    """A first, uncalibrated score: named arguments and simple clauses are surer."""
    score = 0.6
    score += 0.15 * subject.is_entity + 0.1 * obj.is_entity
    if subject.via or obj.via:
        score -= 0.1
    if pattern in ("verb-prep", "reduced-relative-passive"):
        score -= 0.05
    if length > 40:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


# --- arguments -------------------------------------------------------------------------

def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, looking through relative clauses, coordination and participles."""
    direct = [c for c in verb.children if c.dep_ == "nsubj"]
    if direct:
        subject = direct[0]
        if verb.dep_ == "relcl" and subject.lower_ in _RELATIVE_PRONOUNS:
            return _conjuncts([verb.head])
        return _conjuncts([subject])
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "rejected ..., saying it ..."
        return _subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "GNA forces ousting them"
        return [verb.head]
    return []


def _relative_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children)


def _conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and everything coordinated with them ("the UN, EU and several countries")."""
    found = []
    for token in tokens:
        found.append(token)
        found.extend(c for c in token.conjuncts if c.i > token.i and c.pos_ != "VERB")
    return list(dict.fromkeys(found))


def _argument(token: Token, index: MentionIndex) -> Argument | None:
    """The argument headed by ``token``: a named entity, a resolved reference or a concept."""
    mention = index.at(token)
    via = None
    if mention is None and token.pos_ == "PRON":
        # Object "it" is mostly expletive ("make it so we ..."): resolve subjects only.
        if token.lower_ in _RELATIVE_PRONOUNS or (token.lower_ == "it" and token.dep_ != "nsubj"):
            return None
        mention = resolve_pronoun(token, index)
        if mention is None:
            if index.keep_unresolved and token.dep_ != "poss":
                return Argument(text=token.text, label=token.lower_, start=token.idx,
                                end=token.idx + len(token), via="unresolved")
            return None
        via = "pronoun"
    elif mention is None and token.ent_type_ in _NOT_ARGUMENT_LABELS:
        return None
    elif mention is None:
        mention = resolve_nominal(token, index)
        via = "nominal" if mention else None
    if mention is not None:
        return Argument(text=_phrase(token).text if via else mention.text, label=mention.text,
                        start=mention.start if not via else token.idx,
                        end=mention.end if not via else token.idx + len(token),
                        mention=mention, via=via)
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    label = _concept_label(token)
    if not label:
        return None
    phrase = _phrase(token)
    return Argument(text=phrase.text, label=label, start=phrase.start_char, end=phrase.end_char)


def _phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``: its modifiers and prepositional phrases,
    without relative clauses, appositions or coordinated phrases (those are
    arguments of their own)."""
    left = right = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet"):
            left = min(left, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in ("prep", "amod", "compound", "nummod", "pobj") and not _has_clause(child):
            right = max(right, child.right_edge.i)
        else:
            break
    while left < token.i and (token.doc[left].is_punct or token.doc[left].is_quote):
        left += 1
    while right > token.i and (token.doc[right].is_punct or token.doc[right].is_quote):
        right -= 1
    return token.doc[left:right + 1]


def _has_clause(token: Token) -> bool:
    return any(t.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in token.subtree)


def _concept_label(token: Token) -> str:
    """A concept's name: its compounds and adjectives, then its head noun's lemma, lower-cased."""
    words = []
    for child in token.lefts:
        if child.dep_ == "compound" and child.is_alpha:
            words.append(child.text)
        elif child.dep_ == "amod" and child.lower_ not in _VAGUE_ADJECTIVES:
            modifier = token.doc[child.left_edge.i:child.i + 1]  # keeps "eastern-based"
            if all(t.is_alpha or t.text == "-" for t in modifier):
                words.append(modifier.text)
    head = token.text if token.pos_ == "PROPN" else token.lemma_
    words.append(head)
    label = " ".join(words)
    if not any(ch.isalpha() for ch in label):
        return ""
    return label if token.pos_ == "PROPN" else label.lower()


# --- qualifiers ------------------------------------------------------------------------

def _predicate_lemma(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def _negated(verb: Token) -> bool:
    """Whether the clause denies its content: "not", "never", "no <object>", or "deny that ..."."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in verb.children):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _DENIAL_VERBS:
        return True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not _own_subject(verb):
        return _negated(verb.head)  # "did not attack or capture the city"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _modality(verb: Token) -> str | None:
    """The modal verb of the clause, or "if" for a condition and "question" for a question."""
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            lemma = child.lemma_.lower()
            return "will" if lemma in ("wo", "'ll") else lemma
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
        return "if"
    if verb.dep_ == "ROOT" and verb.sent.text.rstrip().endswith("?"):
        return "question"
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _modality(verb.head)
    return None


def _attribution(verb: Token, index: MentionIndex) -> Argument | None:
    """Who reports the clause headed by ``verb``, if it is the complement of a saying verb."""
    node = verb
    while node.dep_ in ("conj", "ccomp", "xcomp") and node.head is not node:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in SAY_VERBS:
            for subject in _subjects(head):
                argument = _argument(subject, index)
                if argument is not None:
                    return argument
            return None
        node = head
    return None
