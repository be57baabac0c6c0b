"""What a document's text, not only its names, tells about which names are one thing.

The joining rules of :mod:`kg.resolve.groups` read names; a few need the words around them, read here
from the sentences an extraction keeps (so ``kg remove`` and ``--append``, which link documents read
back from the graph, see the same):

- a name introduced with its short form in brackets right after it ("Dutch Athletics Federation
  (ATLET)"): the bracket says they are one, whatever the letters;
- the names written with a possessive "'s" ("Victoria's career"), which a place or a thing seldom is;
- the words the document writes in lower case, not after "the" ("digital"): a common word, which a name may begin
  without being that name's short form ("Digital" is no "Digital Media Group");
- the names written after "a" or "an" ("an Apple Powerbook"): one of many things, which a company is not.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lang import lexicon
from ..model import Extraction, Mention, Sentence
from ..text.names import name_key

__all__ = ["TextEvidence", "text_evidence", "bracket_pairs"]

#: What stands between a name and its short form in brackets, and what closes the bracket.
_OPEN = re.compile(r"\s*[(\[]\s*$")
_CLOSE = re.compile(r"^\s*[)\]]")
#: A possessive after a name: "Victoria's", "Jones' ", "Victoria\u2019s".
_POSSESSIVE = re.compile(r"^(?:['\u2019]s\b|['\u2019](?=\s))")
#: A word written in lower case, not after "the", which names a thing of the text as well ("the academy" for
#: "the Academy of Motion Picture Arts and Sciences").
_LOWER = re.compile(r"(?<![\w'\u2019-])(?<![Tt]he )[a-z][a-z]+(?![\w'\u2019-])")


@dataclass(frozen=True)
class TextEvidence:
    """What one document's text says about its names (keys as :func:`kg.text.names.name_key` makes them)."""

    brackets: frozenset[tuple[str, str]] = frozenset()  # (full key, short key): "Full Name (SHORT)"
    possessive: frozenset[str] = frozenset()  # keys of names written with a possessive "'s" at least once
    lower_words: frozenset[str] = frozenset()  # the words written in lower case
    counted: frozenset[str] = frozenset()  # keys of names written after "a" or "an": things, not firms


def text_evidence(extraction: Extraction) -> TextEvidence:
    """The evidence of one document's sentences about its names (see the module)."""
    sentences = sorted(extraction.sentences, key=lambda s: s.start)
    if not sentences:
        return TextEvidence()
    lower = frozenset(word for sentence in sentences for word in _LOWER.findall(sentence.text))
    possessive, counted = set(), set()
    starts = [sentence.start for sentence in sentences]
    indefinite = lexicon().articles - lexicon().definite_determiners  # "a", "an"
    for mention in extraction.mentions:
        sentence = _holding(sentences, starts, mention)
        if sentence is None:
            continue
        if _POSSESSIVE.match(sentence.text[mention.end - sentence.start :]):
            possessive.add(name_key(mention.text))
        before = sentence.text[max(0, mention.start - sentence.start - 4) : mention.start - sentence.start].split()
        if before and before[-1].lower() in indefinite:  # "an Apple laptop" is one of many: a thing
            counted.add(name_key(mention.text))
    return TextEvidence(
        brackets=frozenset(bracket_pairs(extraction.mentions, sentences)),
        possessive=frozenset(possessive),
        lower_words=lower,
        counted=frozenset(counted),
    )


def bracket_pairs(mentions: Iterable[Mention], sentences: list[Sentence]) -> set[tuple[str, str]]:
    """(full key, short key) for each name followed by another in brackets and nothing else
    ("Dutch Athletics Federation (ATLET)", "UK Internet Forum (UKIF)").

    >>> from kg.model import Mention, Sentence
    >>> text = "The Dutch Athletics Federation (ATLET) met."
    >>> found = [Mention("d", 4, 30, "Dutch Athletics Federation", "ORG", 0), Mention("d", 32, 37, "ATLET", "ORG", 0)]
    >>> sorted(bracket_pairs(found, [Sentence(0, 0, len(text), text)]))
    [('dutch athletics federation', 'atlet')]
    """
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    sentences = sorted(sentences, key=lambda s: s.start)
    starts = [sentence.start for sentence in sentences]
    found = set()
    for before, after in itertools.pairwise(ordered):
        sentence = _holding(sentences, starts, before)
        if sentence is None or after.end > sentence.end or before.end > after.start:
            continue
        gap = sentence.text[before.end - sentence.start : after.start - sentence.start]
        if _OPEN.fullmatch(gap) and gap.strip() and _CLOSE.match(sentence.text[after.end - sentence.start :]):
            found.add((name_key(before.text), name_key(after.text)))
    return found


def _holding(sentences: list[Sentence], starts: list[int], mention: Mention) -> Sentence | None:
    """The sentence that holds ``mention`` (``sentences`` sorted by their ``starts``)."""
    i = bisect.bisect_right(starts, mention.start) - 1
    return sentences[i] if i >= 0 and mention.end <= sentences[i].end else None
