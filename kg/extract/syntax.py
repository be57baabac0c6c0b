"""Small readings of the dependency parse shared by the relation rules."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Token

from ..lang import lexicon_of
from ..vocab import DATE_LABELS

__all__ = [
    "SUBJECT_DEPS",
    "prep_object",
    "known_object",
    "clause_marker",
    "own_subject",
    "is_time",
    "subjects_of",
    "object_controlled",
    "controllers",
    "adjective_head",
    "noun_infinitive",
    "hedge_of",
    "impersonal_hedge",
    "conjuncts",
    "HYPHENS",
    "hyphen_joined",
    "word_lemma",
]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
#: Hyphens and dashes that join the parts of a written word ("re-register", "co-operate").
HYPHENS = frozenset("-\u2010\u2011")


def prep_object(prep: Token) -> Token | None:
    """The noun a preposition governs; for a two-word preposition that spaCy reads as one inside the other
    ("knocked out of the cup", "pulled away from the bank"), the inner one's noun."""
    found = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if found is None:
        inner = compound_prep(prep)
        return None if inner is None else next((c for c in inner.children if c.dep_ == "pobj"), None)
    return found


def compound_prep(prep: Token) -> Token | None:
    """The second word of a two-word preposition ("out of", "away from") read as ``prep`` with a
    preposition of its own right after it and no object, or None."""
    if prep.dep_ != "prep" or prep.i + 1 >= len(prep.doc) or any(c.dep_ == "pobj" for c in prep.children):
        return None
    inner = prep.doc[prep.i + 1]
    return inner if inner.dep_ == "prep" and inner.head == prep else None


def known_object(prep: Token) -> Token:
    """The object of a preposition already found to have one (:func:`prep_object` is not None)."""
    found = prep_object(prep)
    if found is None:
        raise ValueError(f"{prep.text!r} (token {prep.i}) has no prepositional object")
    return found


def clause_marker(clause: Token) -> Token | None:
    return next((c for c in clause.children if c.dep_ == "mark"), None)


def own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def is_time(token: Token, pobj: Token | None) -> bool:
    """Whether a modifier says when: a date or time, or "since/until/during ..."."""
    if token.ent_type_ in DATE_LABELS or (pobj is not None and pobj.ent_type_ in DATE_LABELS):
        return True
    return token.lower_ in lexicon_of(token).time_prepositions


def subjects_of(verb: Token) -> list[Token]:
    """The subjects of a verb, looking through relative clauses, coordination and participles."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own:
        subject = own[0]
        if len(own) > 1 and subject.pos_ == "NOUN" and own[1].pos_ == "PROPN" and own[1].left_edge.i == subject.i + 1:
            subject = own[1]  # "Greek sprinters Kostas Kenteris and ... have been": the parser's two subjects
        if verb.dep_ == "relcl" and subject.lower_ in lexicon_of(verb).relative_pronouns:
            if verb.head.dep_ == "attr":
                copula_subjects = subjects_of(verb.head.head)
                if copula_subjects:
                    return copula_subjects  # "X is a song that differs from Y"
            return conjuncts([verb.head])
        return conjuncts([subject])
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ in ("relcl", "acl") and head.dep_ == "attr":
        copula_subjects = subjects_of(head.head)
        if copula_subjects:
            return copula_subjects  # "X is a think tank founded in 2005": X was founded
    if verb.dep_ == "relcl":
        return conjuncts([head])
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subjects_of(head)
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        if object_controlled(verb):
            return controllers(verb)  # "urged Haftar to stop": Haftar stops
        return subjects_of(head)  # "needs to have safeguards to monitor": the subject monitors
    adjective = adjective_head(verb)
    if adjective is not None:
        return subjects_of(adjective.head)  # "is likely to appear", "are unable to use": the subject of "be"
    if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN") and head.pos_ in ("VERB", "AUX"):
        return subjects_of(head)  # "rejected ..., saying it ..."
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(head.head)  # "stayed a year before being appointed ..."
    if noun_infinitive(verb):
        return subjects_of(head.head)  # "won permission to fly to X": the winner is to fly
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return [head]  # "GNA forces ousting them", "a truce called by Haftar"
    return []


def object_controlled(verb: Token) -> bool:
    """Whether an infinitive's subject is its governor's object: "urged Haftar to stop", or its
    prepositional object: "called on the council to hire" (the language's ``control_prepositions.tsv``)."""
    return verb.dep_ == "xcomp" and _controller(verb.head) is not None


def _controller(head: Token) -> Token | None:
    """The object of a control verb that does what its infinitive says (see :func:`object_controlled`)."""
    lex, lemma = lexicon_of(head), head.lemma_.lower()
    if lemma in lex.object_control_verbs:
        found = next((c for c in head.children if c.dep_ == "dobj"), None)
        if found is not None:
            return found
    for prep in head.children:
        if prep.dep_ == "prep" and (lemma, prep.lower_) in lex.control_prepositions:
            return prep_object(prep)
    return None


def controllers(verb: Token) -> list[Token]:
    """Who does what an object-controlled infinitive says: the governor's object ("urged Haftar to stop"),
    or the names a plural object lists in apposition ("prompted three agencies - A, B and C - to
    downgrade it": A, B and C each), with what they are coordinated with."""
    found = _controller(verb.head)
    if found is None:
        return []
    listed = [c for c in found.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if found.tag_ == "NNS" and listed:
        return conjuncts(listed)
    return conjuncts([found])


def noun_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of a verb's object noun, done by the verb's subject: "won
    permission to fly to X", "announced plans to buy X" (not "a truce called by Haftar")."""
    if verb.dep_ != "acl":
        return False
    head = verb.head
    return (
        head.dep_ == "dobj"
        and head.pos_ == "NOUN"
        and head.head.pos_ in ("VERB", "AUX")
        and not own_subject(verb)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        # "gave councils the power to segregate": the councils would, not the giver
        and not any(c.dep_ == "dative" for c in head.head.children)
        and bool(subjects_of(head.head))
    )


def adjective_head(verb: Token) -> Token | None:
    """For the infinitive of "be <adjective> to <verb>" ("is likely to appear", "were unable to pay"),
    the adjective; else None."""
    if verb.dep_ != "xcomp":
        return None
    head = verb.head
    if head.dep_ != "acomp" or head.pos_ != "ADJ" or own_subject(verb):
        return None
    return head if head.head.lemma_ == "be" else None


def conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and everything coordinated with them ("the UN, EU and several countries")."""
    found = []
    for token in tokens:
        # spaCy often reads "the UN, EU and several countries" as one noun modified by "UN, EU".
        for child in token.lefts:
            if child.dep_ == "nmod" and any(c.dep_ == "conj" for c in child.children):
                found.extend([child, *(c for c in child.conjuncts if c.i > child.i)])
        found.append(token)
        found.extend(c for c in token.conjuncts if c.i > token.i and c.pos_ not in ("VERB", "AUX"))
        # "rowers Anna Hale and Mary Stone": the noun stands for the first name, the others follow it
        if token.pos_ == "NOUN" and token.n_rights:
            for child in token.rights:
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == token.i + 1:
                    found.extend(c for c in child.conjuncts if c.i > child.i and c.pos_ == "PROPN")
        found.extend(_listed_as_apposition(token))
    return list(dict.fromkeys(found))


def _listed_as_apposition(token: Token) -> list[Token]:
    """The middle items of a list "X, Y, and Z" that spaCy reads as an apposition to X (or to the noun of
    X's own prepositional phrase): Y and what is coordinated with it. A true apposition names X again with
    another kind of word ("Boeing, the planemaker, and Airbus"), so Y must be the same part of speech as X
    and a comma and a coordination ("and Z") must frame it."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.n_rights:
        return []
    later = [c for c in token.children if c.dep_ == "conj" and c.i > token.i]
    hosts = [token, *(p for c in token.rights if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")]
    found: list[Token] = []
    for host in hosts:
        for child in host.rights:
            if child.dep_ != "appos" or child.pos_ != token.pos_ or child.left_edge.i < 1:
                continue
            if child.doc[child.left_edge.i - 1].lower_ != ",":
                continue
            own = [c for c in child.conjuncts if c.i > child.i]
            coordinated = any(c.dep_ == "cc" for c in child.children) and own
            # in a prepositional phrase, only the list's own last item ("and Z", a conjunct of X) shows it
            if (coordinated and host == token) or any(c.i > child.i for c in later):
                found.extend([child, *own])
    return found


def hyphen_joined(doc: Doc, mentions: Iterable) -> Doc:
    """``doc``, or a copy of it in which each hyphenated word with a verb in it is one token.

    spaCy splits "re-register" into "re", "-" and "register" and parses the three as
    separate verbs, so the relation words would be "re", "-" and "register". In the copy
    the word is one token with the lemma "re-register" (the last part lemmatised), the
    tag of its last part, and the head, dependency and children of all its parts. Words
    that overlap a named entity or a mention ("UN-backed", "Tripoli-based") are kept
    apart: the entity and noun-phrase rules read their parts. ``doc`` itself is not changed.
    """
    # The words are found on two arrays (each token's text and whether a space follows it): making
    # a Token of every word cost a twentieth of the extraction; only the parts of words are made.
    orth, space = doc.to_array([ORTH, SPACY]).T.tolist()
    hyphen_ids = {doc.vocab.strings[hyphen] for hyphen in HYPHENS}
    hyphen = [o in hyphen_ids for o in orth]
    if not any(hyphen):
        return doc  # every written word is one token
    runs: list[list[int]] = []
    run: list[int] = []
    for i, is_hyphen in enumerate(hyphen):
        if run and not space[run[-1]] and is_hyphen != hyphen[run[-1]]:
            run.append(i)
            continue
        runs.append(run)
        run = [i]
    runs.append(run)
    named = {i for m in mentions for i in range(m.start, m.end)}
    joined = []
    for run in runs:
        while run and hyphen[run[-1]]:
            run = run[:-1]  # "pre- and post-war": a hyphen that ends a word joins nothing
        while run and hyphen[run[0]]:
            run = run[1:]
        if len(run) < 3:
            continue
        group = [doc[i] for i in run]
        # Only a word that can head a clause: "eastern-based forces" stays as the noun-phrase rules read it.
        if not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in group if t.text not in HYPHENS
        ):
            continue
        if any(t.ent_iob_ != "O" or t.idx in named or t.idx + len(t) - 1 in named for t in group) or not all(
            t.text in HYPHENS or t.is_alpha for t in group
        ):
            continue
        joined.append(group)
    if not joined:
        return doc
    copy = doc.copy()
    with copy.retokenize() as retokenizer:
        for group in joined:
            last = group[-1]
            lemma = "".join(t.text for t in group[:-1]) + last.lemma_
            retokenizer.merge(
                copy[group[0].i : last.i + 1],
                attrs={"LEMMA": lemma, "POS": last.pos_, "TAG": last.tag_, "MORPH": str(last.morph)},
            )
    merged = {group[0].i - sum(len(g) - 1 for g in joined if g[0].i < group[0].i) for group in joined}
    for i in sorted(merged):
        _be_as_auxiliary(copy[i])
    return copy


def _be_as_auxiliary(verb: Token) -> None:
    """Repair the parse of a participle joined from parts that the parser hung on "be" as its
    attribute ("it is co-operating with", "the firm was re-elected"): the participle heads the
    clause and "be" is its auxiliary, so its subject and modifiers are the participle's."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBG", "VBN"):
        return
    be = verb.head
    if verb.dep_ in ("attr", "acomp", "oprd") and be.lemma_ == "be" and be.i < verb.i:
        verb.dep_, be.dep_ = be.dep_, "aux" if verb.tag_ == "VBG" else "auxpass"
        verb.head = verb if be.head == be else be.head
        for child in [c for c in be.children if c != verb]:
            child.head = verb
        be.head = verb
    for aux in [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"]:
        for child in [c for c in aux.children if c.dep_ in SUBJECT_DEPS]:
            child.head = verb  # "the firm was re-elected": the firm is the participle's subject
            if aux.dep_ == "auxpass" and child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"


def word_lemma(token: Token) -> str:
    """The lower-case lemma of the written word ``token`` is part of: a hyphenated word
    whole, with its last part lemmatised ("high-profile", "follow-up", "nip-and-tuck"),
    so that a relation word is never a part of one.

    The parts of a hyphenated word that heads a clause are already one token
    (:func:`hyphen_joined`); this reads the nouns and adjectives a relation names.
    """
    doc, start, end = token.doc, token.i, token.i
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and ((doc[start - 1].text in HYPHENS) != (doc[start].text in HYPHENS))
    ):
        start -= 1
    while (
        end + 1 < len(doc)
        and not doc[end].whitespace_
        and ((doc[end + 1].text in HYPHENS) != (doc[end].text in HYPHENS))
    ):
        end += 1
    while start < end and doc[start].text in HYPHENS:
        start += 1
    while end > start and doc[end].text in HYPHENS:
        end -= 1
    if start == end or not all(t.is_alpha or t.text in HYPHENS for t in doc[start : end + 1]):
        return token.lemma_.lower()
    return ("".join(t.text for t in doc[start:end]) + doc[end].lemma_).lower()


def hedge_of(kind: str, word: str, token: Token) -> str | None:
    """The modality the hedge ``word`` of ``kind`` gives (the language's ``hedges.tsv``), or None."""
    return lexicon_of(token).hedges.get((kind, word))


def impersonal_hedge(verb: Token) -> str | None:
    """The modality of an impersonal hedge ``verb`` heads, whose "it" stands for nothing and whose
    "that" clause is hedged: "it seems that", "it is understood that", "it is likely that"; else None."""
    lemma, hedges = verb.lemma_.lower(), lexicon_of(verb).hedges
    if lemma != "be" and ("passive", lemma) not in hedges and ("impersonal", lemma) not in hedges:
        return None  # most verbs: no look at the children
    children = list(verb.children)
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in children):
        return None  # the hedged clause follows: "it is thought (that) X"; not "X, it is thought"
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.lower_ != "it":
        return None
    if verb.lemma_ == "be":
        adjective = next((c for c in children if c.dep_ == "acomp"), None)
        if adjective is None:
            return None
        return hedge_of("adjective", adjective.lower_, verb) or hedge_of("negative", adjective.lower_, verb)
    if any(c.dep_ == "auxpass" for c in children):
        return hedge_of("passive", lemma, verb)
    return hedge_of("impersonal", lemma, verb)
