"""What a pronoun or a descriptive noun phrase refers to, within one document.

A small rule-based sieve that links only on evidence and otherwise leaves the
reference unresolved (a wrong link is worse than none):

- personal pronouns take the most salient earlier subject (the clauses that
  govern the pronoun first, then earlier sentences, each one's main subject
  first) that agrees in number, gender (honorifics, first names, role nouns) and
  animacy (he/she a person; it an organisation, place or thing; the subject "it"
  of a verb of saying an agent: a company, country or group). A common noun that
  could be the antecedent and comes first ("the currency ... it") stops the search:
  the pronoun stays unresolved rather than skip to a name further back;
- a role noun ("the prime minister", "the chief executive") takes the person the
  article gives that role ("Prime Minister John Major", "Major, the prime
  minister", "the prime minister, John Major"); "the company", "the firm" the
  organisation the text was last about; generic plurals ("analysts") nothing;
- a definite or possessive noun phrase whose head noun is the head of a named
  entity's name ("Libya's UN-recognised government" → "Government of National
  Accord") takes that entity.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..lang import lexicon_of
from ..model import Mention
from ..vocab import NEUTER_LABELS, PLACE_LABELS
from .mention_index import MentionIndex, role_modifiers

__all__ = ["MentionIndex", "resolve_pronoun", "resolve_nominal", "resolve_plural", "is_expletive"]

_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}


def _pronoun_kind(token: Token) -> str | None:
    """The kind of referent a pronoun wants: a person (he, she and their forms), "neuter" (it, its), or None."""
    lex = lexicon_of(token)
    if token.lower_ in lex.personal_pronouns:
        return "person"
    if token.lower_ in lex.neuter_pronouns:
        return "neuter"
    return None


def _agree(one: str | None, other: str | None) -> bool:
    """Whether two genders (None: not known) can be the same person's."""
    return one is None or other is None or one == other


def _is_speaking(token: Token) -> bool:
    """Whether ``token`` is the subject of a verb of saying ("it said", "she told ...")."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lexicon_of(token).say_verbs


def _fits(pronoun: Token, candidate: Token | None, mention: Mention, index: MentionIndex) -> bool:
    """Whether ``mention`` (named by ``candidate``, when a subject) agrees with ``pronoun``: animacy,
    gender, number and, for the subject of a verb of saying, agency."""
    lex = lexicon_of(pronoun)
    kind = _pronoun_kind(pronoun)
    if kind == "person":
        wanted = lex.gender_words.get(pronoun.lower_)
        return mention.label == "PERSON" and _agree(index.gender_of(mention), wanted)
    if kind != "neuter" or mention.label not in NEUTER_LABELS or mention.label == "NORP":
        return False  # "Danish", "the Chinese": a nationality or a people, never "it"
    if _is_speaking(pronoun) and mention.label not in lex.agent_labels:
        return False  # a product, building or event says nothing
    # "Americans" (a group of people) is no "it"; an organisation's plural name ("the Conservatives") may be.
    return not (candidate is not None and candidate.tag_ in ("NNS", "NNPS") and mention.label != "ORG")


def _competes(pronoun: Token, candidate: Token) -> bool:
    """Whether ``candidate``, a subject naming no entity, could be what ``pronoun`` refers to: then
    the pronoun is left unresolved rather than linked to a name further back."""
    if candidate.pos_ == "PROPN" and not candidate.ent_type_:
        return True  # a name the recogniser missed ("Twentieth Century Fox is to announce which ... it")
    if candidate.pos_ != "NOUN" or candidate.tag_ != "NN" or candidate.ent_type_:
        return False  # plural, a name, a pronoun, a value
    lex = lexicon_of(pronoun)
    lemma = candidate.lemma_.lower()
    person = lemma in lex.person_role_nouns or lemma in lex.gender_words
    if _pronoun_kind(pronoun) == "person":
        return person and _agree(lex.gender_words.get(lemma), lex.gender_words.get(pronoun.lower_))
    if _is_speaking(pronoun):  # "the threat ..., it said": a threat says nothing, a firm or a group may
        return lemma in lex.organisation_kind_nouns or lemma in lex.group_nouns
    return not person


def is_expletive(pronoun: Token) -> bool:
    """Whether ``pronoun`` stands for no thing but for a clause after it ("it is likely that ...")."""
    return _is_expletive(pronoun)


def _is_expletive(pronoun: Token) -> bool:
    """Whether ``pronoun`` is an "it" that stands for a clause after it: "it is likely that ...", "it is
    a disaster to make calls over the net", "it is easy to insert fake files"."""
    verb = pronoun.head
    if (
        pronoun.lower_ != "it"
        or pronoun.dep_ != "nsubj"
        or verb.lemma_.lower() not in lexicon_of(pronoun).expletive_verbs
    ):
        return False
    if any(c.dep_ in ("ccomp", "csubj") and c.i > verb.i for c in verb.children):
        return True  # "it seems that ...", "it is said that ..." (not "it is to deploy": that "it" acts)
    # "it is likely that ...", "it is easy to insert ...", "it is a disaster to make ...": the clause hangs
    # from the verb or from what it says "it" is.
    hedges = lexicon_of(pronoun).hedges
    described = [c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i > verb.i]
    if any(
        (kind, head.lower_) in hedges and any(c.dep_ == "xcomp" for c in head.children)
        for head in described
        for kind in ("adjective", "negative")
    ):
        return False  # "it is likely to win": the adjective only hedges what "it" does (raising)
    return any(
        c.i > head.i
        and (c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "acl" and any(a.dep_ == "aux" for a in c.children)))
        for head in described
        for c in [*head.children, *(c for c in verb.children if c.dep_ == "xcomp")]
    )


def _cataphoric(pronoun: Token) -> bool:
    """Whether ``pronoun`` opens a clause that comes before the clause naming what it is: "When it goes on
    sale, the adapter is expected to cost ...": the adapter, a common noun, not a name before it."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "advcl"), None)
    if clause is None or clause.i > clause.head.i:
        return False
    later = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i]
    return any(_competes(pronoun, c) for c in later)


def _same_pronoun(pronoun: Token, candidate: Token) -> bool:
    """Whether ``candidate`` is a pronoun that can stand for what ``pronoun`` stands for (he and he, she and
    her, it and its) and stands for something (not "it is likely that ...")."""
    lex = lexicon_of(pronoun)
    return (
        _pronoun_kind(candidate) == _pronoun_kind(pronoun)
        and lex.gender_words.get(candidate.lower_) == lex.gender_words.get(pronoun.lower_)
        and not _is_expletive(candidate)
        and not _cataphoric(candidate)
    )


def _relative_object(pronoun: Token, candidate: Token) -> bool:
    """Whether ``pronoun`` is the subject of a relative clause on ``candidate`` that has its own relative
    subject elsewhere: "Babyshambles, which he formed": he formed the band, he is not the band."""
    clause = pronoun.head
    return pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl" and clause.head == candidate


def _bound(pronoun: Token, candidate: Token) -> bool:
    """Whether ``candidate`` is the subject of the verb ``pronoun`` is an object of: "Smith told him"
    never means Smith told himself (a reflexive pronoun would say so)."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj") or pronoun.lower_.endswith("self"):
        return False
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return candidate.head == verb


def _reported(pronoun: Token, candidate: Token) -> bool:
    """Whether ``candidate`` is in what ``pronoun``, the subject of a verb of saying, reports: '"Mr Sullivan
    made the decisions," he told the court': the speaker is not the subject of what he says."""
    if not _is_speaking(pronoun):
        return False
    say = pronoun.head
    reported = say.head if say.dep_ in ("ccomp", "parataxis", "advcl") and say.head.i < say.i else None
    return say in candidate.ancestors or candidate.head == reported or candidate == reported


def _candidates(token: Token, index: MentionIndex) -> list[Token]:
    """The subjects ``token`` may refer to, most salient first: in its own sentence, those of the
    clauses that govern it (nearest first), then the other subjects before it (nearest first); then,
    sentence by sentence back (three at most), each sentence's main subject and then its others."""
    sentences = index.sentences
    position = index.sentence_of(token)
    current = [t for t in sentences[position] if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")]
    current = [t for t in current if not _reported(token, t)]
    governing = {a.i for a in token.ancestors}
    found = sorted(current, key=lambda t: (t.head.i not in governing, -t.i))
    for sentence in reversed(sentences[max(0, position - 3) : position]):
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")]
        found += sorted(subjects, key=lambda t: (t.head != sentence.root, t.i))
    return found


def resolve_pronoun(token: Token, index: MentionIndex) -> Mention | None:
    """The entity mention a personal pronoun refers to, or None if unsure.

    Only singular third-person pronouns are resolved (he/his/she/her to a
    PERSON of no other gender, it/its to an organisation or place); plural and
    first/second person pronouns are left alone rather than guessed, and so is a
    pronoun whose most salient candidate is a common noun ("the currency"). A
    pronoun whose most salient candidate is the same pronoun ("He is out on bail
    ... Babyshambles, which he formed") refers to what that one refers to.
    """
    if token.i not in index.pronouns:
        index.pronouns[token.i] = _resolve_pronoun(token, index, 0)
    return index.pronouns[token.i]


#: How many pronouns back a chain of the same pronoun ("he ... he ... he") is followed.
_CHAIN = 20


def _resolve_pronoun(token: Token, index: MentionIndex, depth: int) -> Mention | None:
    """:func:`resolve_pronoun`, computed (``depth``: the pronouns of the chain followed so far)."""
    if _pronoun_kind(token) is None or _is_expletive(token) or _cataphoric(token):
        return None
    own = index.sentences[index.sentence_of(token)]
    named = False  # whether the names of the pronoun's own sentence were tried
    for candidate in _candidates(token, index):
        if candidate.i < own.start and not named:
            # No subject of its own sentence: the nearest agreeing name before it there ("Qantas shares fell
            # after it warned"), before any earlier sentence.
            named = True
            before = [
                m
                for m in index.mentions_from(own.start_char, token.idx)
                if m.end <= token.idx and not ((span := index.span_of(m)) is not None and _reported(token, span.root))
            ]
            agreeing = [m for m in before if _fits(token, None, m, index)]
            if agreeing:
                return agreeing[-1]
        if _bound(token, candidate) or _relative_object(token, candidate):
            continue
        if candidate.pos_ == "PRON":
            if depth < _CHAIN and _same_pronoun(token, candidate):
                if candidate.i not in index.pronouns:
                    index.pronouns[candidate.i] = _resolve_pronoun(candidate, index, depth + 1)
                return index.pronouns[candidate.i]  # unresolved there, unresolved here
            continue
        mention = index.at(candidate) or resolve_nominal(candidate, index)
        if mention is None:
            if _competes(token, candidate):
                return None
            continue
        if _fits(token, candidate, mention, index):
            return mention
    # No subject: the nearest agreeing mention in the pronoun's sentence or the one before.
    sentences = index.sentences
    window = sentences[max(0, index.sentence_of(token) - 1)].start_char
    candidates = [
        m for m in index.mentions_from(window, token.idx) if m.end <= token.idx and _fits(token, None, m, index)
    ]
    return candidates[-1] if candidates else None


def resolve_nominal(token: Token, index: MentionIndex) -> Mention | None:
    """The named entity a definite description refers to, or None.

    ``token`` is the head noun of the phrase. The rules: a role noun with an
    apposition naming its holder ("Shell's chief executive, Jeroen van der Veer")
    → the holder; "the city of Benghazi" → Benghazi; a definite or possessive
    phrase whose head noun heads a multi-word name in the document ("the
    government" → "Government of National Accord"); a singular definite role noun
    ("the prime minister") → the person the article gives that role, else the
    nearest person named just before who holds no other role; "the company", "the
    firm" → the organisation the text was last about. A plural ("analysts",
    "officials") refers to no one in particular and is never resolved to a name.
    """
    if token.i not in index.nominal:  # a description is asked about once per pronoun that passes it
        index.nominal[token.i] = _resolve_nominal(token, index)
    return index.nominal[token.i]


def _resolve_nominal(token: Token, index: MentionIndex) -> Mention | None:
    """:func:`resolve_nominal`, computed."""
    if token.pos_ != "NOUN" and not (token.pos_ == "ADJ" and token.dep_ in _NOMINAL_DEPS):
        return None
    lex = lexicon_of(token)
    lemma = token.lemma_.lower()
    singular = token.tag_ not in ("NNS", "NNPS")
    role = lemma in lex.person_role_nouns or lemma in lex.gender_words
    organisation = lemma in lex.organisation_kind_nouns
    if singular and (role or organisation) and token.dep_ in ("nsubj", "nsubjpass"):
        # A subject "Shell's chief executive, Jeroen van der Veer, is trying ...": the name beside it. (Not
        # an object: "X is Siemens's chairman Heinrich von Pierer" would read "X is X".)
        holder = index.holder(token, "PERSON" if role else "ORG")
        if holder is not None:
            return holder
    if lemma in lex.settlement_nouns:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    mention = index.at(pobj)
                    if pobj.dep_ == "pobj" and mention and mention.label in PLACE_LABELS:
                        return mention
    determiner = next((c for c in token.children if c.dep_ == "det" and c.lower_ in lex.definite_determiners), None)
    if determiner is None and not any(c.dep_ == "poss" for c in token.children):
        return None
    # Prefer the nearest preceding mention; else the first following one.
    named, starts = index._named_by_head(token)
    before = bisect_left(starts, token.idx)
    best = named[before - 1] if before else (named[0] if named else None)
    if best is not None and not singular and (span := index.span_of(best)) is not None and span.root.tag_ == "NNP":
        best = None  # "these funds", "the 3G services": many things, not the one name ("Child Trust Fund")
    if best is None and singular and role:
        best = _role_holder(token, index)
    named_itself = any(c.dep_ == "compound" and (c.pos_ == "PROPN" or index.at(c)) for c in token.children)
    if best is None and singular and organisation and determiner is not None and not named_itself:
        best = _latest_organisation(token, index)  # not "the BBC News website": a name of its own
    return best


def _role_holder(token: Token, index: MentionIndex) -> Mention | None:
    """The person a role description refers to: the one the article gives that role (the latest before
    it, else the first after); else, unless the role mostly names someone new ("the judge", "his wife") or
    belongs to something unnamed ("the driver's head", "its media player"), the only person named in its
    sentence or the three before, or the nearest named in its sentence or the one before, who holds no
    other role in the article and is not of the other gender."""
    lex = lexicon_of(token)
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    excluded = set()
    if possessor is not None:
        owner = index.at(possessor) or (resolve_pronoun(possessor, index) if possessor.pos_ == "PRON" else None)
        if owner is not None:
            excluded.add(owner.text)
    lemma = token.lemma_.lower()
    gender = lex.gender_words.get(lemma)
    wanted = role_modifiers(token)
    holders = [
        (i, m)
        for i, words, m in index.role_evidence().get(lemma, ())
        if i != token.i and wanted <= words and m.text not in excluded and _agree(index.gender_of(m), gender)
    ]
    if holders:
        earlier = [m for i, m in holders if i < token.i]
        return earlier[-1] if earlier else holders[0][1]
    if lemma in lex.bystander_role_nouns:
        return None  # "the judge" in a singer's story is someone else: only evidence names them
    if any(c.dep_ in ("poss", "compound") and c.pos_ == "NOUN" for c in token.children):
        return None  # "the driver's head", "its media player": a role of someone unnamed, or no role at all
    sentences = index.sentences
    position = index.sentence_of(token)
    people = [
        m
        for m in index.mentions_from(sentences[max(0, position - 3)].start_char, token.idx)
        if m.label == "PERSON"
        and m.end <= token.idx
        and m.text not in excluded
        and _agree(index.gender_of(m), gender)
        and index.roles_of(m) <= {lemma}
        and (index.gender_of(m) is not None or len(m.text.split()) > 1)  # evidently a person, not "Babyshambles"
    ]
    if len({m.text.split()[-1] for m in people}) == 1:
        return people[-1]  # the only person it can be ("Stelios Haji-Ioannou ... Mr Haji-Ioannou")
    near = [m for m in people if m.start >= sentences[max(0, position - 1)].start_char]
    return near[-1] if near else None


def _latest_organisation(token: Token, index: MentionIndex) -> Mention | None:
    """What "the company" or "the firm" refers to: of the organisations named in its sentence or the three
    before, the last one the article described so ("football club Borussia Dortmund" for "the club"), else
    the last one named as a subject; else the last one the article described so; else the one last named
    in its sentence or the one before. Never the speaker of the clause it is in, nor the subject of its verb."""
    sentences = index.sentences
    position = index.sentence_of(token)
    say_verbs = lexicon_of(token).say_verbs
    # "The Beijing News said the company may ...": the speaker is not what it speaks about.
    speakers = {
        m.text
        for a in token.ancestors
        if a.lemma_.lower() in say_verbs
        for c in a.children
        if c.dep_ == "nsubj" and c.i < token.i and (m := index.at(c)) is not None
    }
    # "CEC Systems launched the site": not the subject of the verb it is the object of either.
    if token.dep_ == "dobj":
        speakers |= {
            m.text
            for c in token.head.children
            if c.dep_ == "nsubj" and c.i < token.i and (m := index.at(c) or resolve_nominal(c, index)) is not None
        }
    described = [m for i, _, m in index.role_evidence().get(token.lemma_.lower(), ()) if i < token.i]
    described = [m for m in described if m.text not in speakers]
    named = [
        m
        for m in index.mentions_from(sentences[max(0, position - 3)].start_char, token.idx)
        if m.label == "ORG" and m.end <= token.idx and m.text not in speakers
    ]
    kinds = {m.text for m in described}
    for found in (
        [m for m in named if m.text in kinds],
        [m for m in named if (span := index.span_of(m)) is not None and span.root.dep_ in ("nsubj", "nsubjpass")],
        described,
        [m for m in named if m.start >= sentences[max(0, position - 1)].start_char],
    ):
        if found:
            return found[-1]
    return None


def resolve_plural(token: Token, index: MentionIndex) -> Token | None:
    """The noun a plural pronoun ("they", "them") refers to, or None.

    The nearest plural noun heading a subject or object before the pronoun, in
    its sentence or the one before, that is not an argument of the pronoun's own
    verb ("GNA forces ousting them" cannot mean the forces oust themselves).
    Returns the noun's token, so the caller can resolve it in turn
    ("his militias" → Haftar).
    """
    if token.lower_ not in lexicon_of(token).plural_pronouns:
        return None
    own_verb = token.head
    sentences = index.sentences
    position = index.sentence_of(token)
    for sentence in reversed(sentences[max(0, position - 1) : position + 1]):
        candidates = [
            t
            for t in sentence
            if t.i < token.i
            and t.tag_ in ("NNS", "NNPS")
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            and t.head != own_verb
        ]
        if candidates:
            subjects = [t for t in candidates if t.dep_ in ("nsubj", "nsubjpass")]
            return (subjects or candidates)[-1]
    return None
