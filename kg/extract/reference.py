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

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from ..lang import lexicon_of
from ..model import Mention
from ..vocab import NEUTER_LABELS, PLACE_LABELS

__all__ = ["MentionIndex", "resolve_pronoun", "resolve_nominal", "resolve_plural"]

_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}


class MentionIndex:
    """Look up the named-entity mention that covers a token, and the mentions and sentences near it.

    Every lookup costs the same however long the document is (a bisection or a dictionary), so
    that resolving all the references of a document costs time in proportion to its length.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], *, keep_unresolved: bool = False):
        self.doc = doc
        self.mentions = mentions
        self.keep_unresolved = keep_unresolved
        self._by_token: dict[int, Mention] = {}
        self._spans: dict[Mention, Span | None] = {}
        self._sentences: list[Span] | None = None
        self._sentence_starts: list[int] | None = None
        self._by_head: dict[str, list[Mention]] | None = None
        self._heads: dict[tuple[str, str], tuple[list[Mention], list[int]]] = {}
        self._genders: dict[str, str] | None = None
        self._roles: dict[str, list[tuple[int, frozenset[str], Mention]]] | None = None
        self._held: dict[str, set[str]] | None = None
        self.nominal: dict[int, Mention | None] = {}  # resolve_nominal's answers, by token position
        self.pronouns: dict[int, Mention | None] = {}  # resolve_pronoun's answers, by token position
        self._in_order = sorted(mentions, key=lambda m: m.start)  # stable: the given order among equals
        self._starts = [m.start for m in self._in_order]
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end)
            self._spans[mention] = span
            if span is not None:
                for token in span:
                    self._by_token[token.i] = mention

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, or None."""
        return self._by_token.get(token.i)

    @property
    def sentences(self) -> list[Span]:
        """The document's sentences (computed once)."""
        return self._sentence_index()[0]

    def sentence_of(self, token: Token) -> int:
        """The position of ``token``'s sentence in :attr:`sentences`."""
        return bisect_right(self._sentence_index()[1], token.i) - 1

    def _sentence_index(self) -> tuple[list[Span], list[int]]:
        """The sentences and their first tokens' positions (computed once)."""
        if self._sentences is None or self._sentence_starts is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [s.start for s in self._sentences]
        return self._sentences, self._sentence_starts

    def mentions_from(self, start: int, end: int) -> list[Mention]:
        """The mentions that start at a character in ``[start, end)``, in document order."""
        return self._in_order[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def named_by_head(self, token: Token) -> list[Mention]:
        """Multi-word names of organisations and places whose head word is ``token``'s
        ("government" → "Government of National Accord"), in document order."""
        return self._named_by_head(token)[0]

    def _named_by_head(self, token: Token) -> tuple[list[Mention], list[int]]:
        """:meth:`named_by_head` and the names' start characters, computed once per head word."""
        key = (token.lemma_.lower(), token.lower_)
        if key in self._heads:
            return self._heads[key]
        if self._by_head is None:
            self._by_head = {}
            for mention in self.mentions:
                span = self._spans.get(mention)
                if span is None or len(span) < 2 or mention.label not in NEUTER_LABELS:
                    continue
                for word in {span.root.lemma_.lower(), span.root.lower_}:
                    self._by_head.setdefault(word, []).append(mention)
        found = sorted(set(self._by_head.get(key[0], []) + self._by_head.get(key[1], [])), key=lambda m: m.start)
        self._heads[key] = (found, [m.start for m in found])
        return self._heads[key]

    def span_of(self, mention: Mention) -> Span | None:
        """The tokens of ``mention`` (a spaCy ``Span``), or None if they do not align."""
        return self._spans.get(mention)

    def gender_of(self, mention: Mention) -> str | None:
        """ "female" or "male" when the document says which a person is (an honorific before one of
        their mentions, or a first name that says it; "Major" takes the gender of "John Major"), else None."""
        if self._genders is None:
            self._genders = self._person_genders()
        found = self._genders.get(mention.text)
        if found is None and mention.text.split():
            found = self._genders.get(mention.text.split()[-1])
        return found or None

    def _person_genders(self) -> dict[str, str]:
        """Each person's name and surname with the gender the document gives it ("" when it gives both)."""
        lex = lexicon_of(self.doc[0]) if len(self.doc) else None
        genders: dict[str, str] = {}
        if lex is None:
            return genders
        for mention, span in self._spans.items():
            if mention.label != "PERSON" or span is None:
                continue
            before = self.doc[span.start - 1].text.rstrip(".") if span.start else ""
            words = mention.text.split()
            gender = (
                "female"
                if before in lex.female_honorifics
                else "male"
                if before in lex.male_honorifics
                else lex.first_name_genders.get(words[0], "")
                if len(words) > 1
                else ""
            )
            if gender:
                for key in {mention.text, words[-1]}:
                    genders[key] = gender if genders.get(key, gender) == gender else ""
        return genders

    def role_evidence(self) -> dict[str, list[tuple[int, frozenset[str], Mention]]]:
        """Who the document gives a role or kind, by the role or kind noun's lemma: (the noun's position,
        the words narrowing it, the person or organisation), in document order. Evidence is "Prime Minister
        John Major", "Major, the prime minister", "the prime minister, John Major", "Major is the prime
        minister", and for an organisation "football club Borussia Dortmund", "Paion, a German company"."""
        if self._roles is None:
            self._roles = {}
            if not len(self.doc):
                return self._roles
            lex = lexicon_of(self.doc[0])  # once: the document's language
            for token in self.doc:
                lemma = token.lemma_.lower()
                label = (
                    "PERSON"
                    if lemma in lex.person_role_nouns
                    else "ORG"
                    if lemma in lex.organisation_kind_nouns
                    else None
                )
                holder = self.holder(token, label) if label and token.tag_ not in ("NNS", "NNPS") else None
                if holder is not None:
                    self._roles.setdefault(lemma, []).append((token.i, _modifiers(token), holder))
        return self._roles

    def holder(self, role: Token, label: str) -> Mention | None:
        """The person (or organisation, by ``label``) named beside a role noun (a title before the name,
        an apposition either way, or the subject of "is <role>"), or None."""
        found = []
        if role.dep_ in ("compound", "appos"):
            found.append(self.at(role.head))
        found += [self.at(c) for c in role.children if c.dep_ == "appos"]
        if role.dep_ == "attr" and role.head.lemma_ == "be":
            found += [self.at(c) for c in role.head.children if c.dep_ == "nsubj"]
        return next((m for m in found if m is not None and m.label == label and self.at(role) != m), None)

    def roles_of(self, mention: Mention) -> set[str]:
        """The role nouns the document gives the person ``mention`` names."""
        if self._held is None:
            self._held = {}
            for lemma, held in self.role_evidence().items():
                for _, _, holder in held:
                    self._held.setdefault(holder.text, set()).add(lemma)
        return self._held.get(mention.text, set())


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
    described = [c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i > verb.i]
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


def _modifiers(token: Token) -> frozenset[str]:
    """The words before a role noun that narrow it ("prime" minister, "Labour Party" leader), lower-cased,
    without determiners, possessives and vague words ("new", "former")."""
    lex = lexicon_of(token)
    words: set[str] = set()
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            words.update(t.lower_ for t in child.subtree if t.is_alpha and t.dep_ not in ("det", "poss", "case"))
    return frozenset(words - lex.vague_adjectives - _TIME_WORDS)


_TIME_WORDS = frozenset({"new", "former", "current", "then", "late", "outgoing", "incoming", "acting", "interim"})


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
    wanted = _modifiers(token)
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
