"""What a pronoun or a descriptive noun phrase refers to, within one document.

A small rule-based sieve: relative pronouns take the noun their clause modifies;
personal pronouns take the nearest compatible subject (same sentence first, then
earlier sentences); a definite or possessive noun phrase whose head noun is the
head of a named entity's name ("Libya's UN-recognised government" →
"Government of National Accord") takes that entity.
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


def _compatible(pronoun: Token, mention: Mention) -> bool:
    lex = lexicon_of(pronoun)
    if pronoun.lower_ in lex.personal_pronouns:
        return mention.label == "PERSON"
    if pronoun.lower_ in lex.neuter_pronouns:
        return mention.label in NEUTER_LABELS
    return False


def _subject_mentions(sentence, index: MentionIndex, before: int):
    """Mentions heading a subject in ``sentence`` before token ``before``, nearest first."""
    found = []
    for token in sentence:
        if token.i >= before:
            break
        if token.dep_ in ("nsubj", "nsubjpass"):
            mention = index.at(token) or resolve_nominal(token, index)
            if mention is not None:
                found.append(mention)
    return list(reversed(found))


def resolve_pronoun(token: Token, index: MentionIndex) -> Mention | None:
    """The entity mention a personal pronoun refers to, or None if unsure.

    Only singular third-person pronouns are resolved (he/his/she/her to a
    PERSON, it/its to an organisation or place); plural and first/second person
    pronouns are left alone rather than guessed.
    """
    lex = lexicon_of(token)
    if token.lower_ not in lex.personal_pronouns and token.lower_ not in lex.neuter_pronouns:
        return None
    sentences = index.sentences
    position = index.sentence_of(token)
    current = sentences[position]
    for mention in _subject_mentions(current, index, token.i):
        if _compatible(token, mention):
            return mention
    for sentence in reversed(sentences[max(0, position - 3) : position]):
        for mention in _subject_mentions(sentence, index, sentence.end):
            if _compatible(token, mention):
                return mention
    # No compatible subject: the nearest compatible mention before the pronoun.
    window = sentences[max(0, position - 2)].start_char
    candidates = [m for m in index.mentions_from(window, token.idx) if m.end <= token.idx and _compatible(token, m)]
    return candidates[-1] if candidates else None


def resolve_nominal(token: Token, index: MentionIndex) -> Mention | None:
    """The named entity a definite description refers to, or None.

    ``token`` is the head noun of the phrase. Three rules:
    "the city of Benghazi" → Benghazi; a definite or possessive phrase whose
    head noun heads a multi-word name in the document ("the government" →
    "Government of National Accord"); and a definite or possessive phrase
    naming a person's role ("the commander-general", "its eastern-based rival")
    → the nearest person named before it (within three sentences), other than
    the possessor.
    """
    if token.pos_ != "NOUN" and not (token.pos_ == "ADJ" and token.dep_ in _NOMINAL_DEPS):
        return None
    lex = lexicon_of(token)
    if token.lemma_.lower() in lex.settlement_nouns:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    mention = index.at(pobj)
                    if pobj.dep_ == "pobj" and mention and mention.label in PLACE_LABELS:
                        return mention
    determined = any(
        (c.dep_ == "det" and c.lower_ in lex.definite_determiners) or c.dep_ == "poss" for c in token.children
    )
    if not determined:
        return None
    # Prefer the nearest preceding mention; else the first following one.
    named, starts = index._named_by_head(token)
    before = bisect_left(starts, token.idx)
    best = named[before - 1] if before else (named[0] if named else None)
    if best is None and token.lemma_.lower() in lex.person_role_nouns:
        best = _role_holder(token, index)
    return best


def _role_holder(token: Token, index: MentionIndex) -> Mention | None:
    """The person a role description refers to: the nearest person named before it."""
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    excluded = set()
    if possessor is not None:
        owner = index.at(possessor) or (resolve_pronoun(possessor, index) if possessor.pos_ == "PRON" else None)
        if owner is not None:
            excluded.add(owner.text)
    sentences = index.sentences
    position = index.sentence_of(token)
    earliest = sentences[max(0, position - 3)].start_char
    people = [
        m
        for m in index.mentions_from(earliest, token.idx)
        if m.label == "PERSON" and m.end <= token.idx and m.text not in excluded
    ]
    return people[-1] if people else None


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
