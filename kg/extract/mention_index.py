"""The named-entity mentions of a document, indexed for reference resolution.

:class:`MentionIndex` finds the mention covering a token, the mentions and sentences near it,
the multi-word names a head noun can stand for, the gender the document gives each person
and the roles and kinds it gives people and organisations ("Prime Minister John Major",
"football club Borussia Dortmund"): the evidence :mod:`kg.extract.reference` links on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from ..lang import lexicon_of
from ..model import Mention
from ..vocab import NEUTER_LABELS

__all__ = ["MentionIndex", "role_modifiers"]


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
                    self._roles.setdefault(lemma, []).append((token.i, role_modifiers(token), holder))
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


def role_modifiers(token: Token) -> frozenset[str]:
    """The words before a role noun that narrow it ("prime" minister, "Labour Party" leader), lower-cased,
    without determiners, possessives and vague words ("new", "former")."""
    lex = lexicon_of(token)
    words: set[str] = set()
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            words.update(t.lower_ for t in child.subtree if t.is_alpha and t.dep_ not in ("det", "poss", "case"))
    return frozenset(words - lex.vague_adjectives - _TIME_WORDS)


_TIME_WORDS = frozenset({"new", "former", "current", "then", "late", "outgoing", "incoming", "acting", "interim"})
