"""Sentences of bounded length, so that extraction costs the same per word whatever the text.

Many readings of a sentence look at all of it or walk its tree: spaCy's
``DependencyMatcher`` pairs every candidate token with every other in a tree and
walks each token's ancestors; subjects, attributions and pronoun antecedents are
searched in the sentence. Each costs time proportional to the sentence's length
per word, which is harmless in prose (news sentences have at most about 90
words) and quadratic in text without full stops: a 240,000-word transcript,
OCR page or scraped list is parsed as a single sentence.

:func:`bound_sentences` cuts every sentence longer than :data:`MAX_SENTENCE_TOKENS`
into pieces of at most that many tokens, each with its own dependency tree (the
links that leave a piece are re-rooted inside it), in a new ``Doc`` with the same
text, tokens and character offsets. Entities are kept (a cut
is never made inside a name when it can be avoided), as are the relations stated
inside a piece; sentences of ordinary length are left exactly as they were.

A ``Doc`` is checked once: :func:`bound_sentences` notes in its ``user_data`` that its
sentences are bounded (with its number of tokens, so that a copy with tokens merged or
split, whose sentences can change, is checked again), and a later call on it returns at
once. The runner bounds each document; extraction, which may also be given a ``Doc`` the
caller parsed, calls it again at no cost.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span

__all__ = ["MAX_SENTENCE_TOKENS", "bound_sentences", "long_sentences"]

#: Tokens a sentence may have before it is cut into pieces: well above the longest sentences of
#: news prose (89 tokens in a sample of 3,491 BBC sentences), low enough that the per-sentence
#: work stays a small multiple of the parse.
MAX_SENTENCE_TOKENS = 150

_BREAKS = frozenset({",", ";", ":", "-", "--", "—", "–", "|", "/"})

#: The ``user_data`` key of a bounded Doc: ``(max_tokens, number of tokens)`` when it was checked.
_BOUNDED = "kg.bounded_sentences"


def long_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[Span]:
    """The sentences of ``doc`` longer than ``max_tokens`` tokens.

    >>> import spacy
    >>> long_sentences(spacy.blank("en")("Short. Text."))
    []
    """
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return []
    return [sentence for sentence in doc.sents if len(sentence) > max_tokens]


def bound_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> Doc:
    """``doc`` with every sentence longer than ``max_tokens`` tokens cut into pieces of at most
    ``max_tokens``; ``doc`` itself when none is (the usual case), else a new ``Doc`` with the
    same text, tokens and annotations, whose long sentences are pieces with their own trees.

    A piece ends after punctuation in its second half when there is some, and never inside
    an entity when that can be avoided. In each piece, the tokens whose head is outside it
    hang from one of them, the piece's root (the sentence's root if the piece holds it).

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=list("abcdefg"), heads=[0] * 7, deps=["ROOT"] + ["dep"] * 6)
    >>> [len(s) for s in bound_sentences(doc, 3).sents]
    [3, 3, 1]
    """
    checked = doc.user_data.get(_BOUNDED)
    if checked is not None and checked[0] <= max_tokens and checked[1] == len(doc):
        return doc
    long = long_sentences(doc, max_tokens)
    if not long:
        doc.user_data[_BOUNDED] = (max_tokens, len(doc))
        return doc
    # Span.as_doc would re-root each piece too, but walks every cut token's ancestors up to the
    # sentence's root: quadratic again in a chain-shaped parse. The links are rewritten here, once.
    attrs = list(Doc._get_array_attrs())
    array = doc.to_array(attrs)
    heads = array[:, attrs.index(HEAD)].astype(numpy.int64)  # offsets to the head, stored unsigned
    deps = array[:, attrs.index(DEP)]
    root, attached = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for sentence in long:
        for start, end in _pieces(doc, sentence.start, sentence.end, max_tokens):
            loose = [i for i in range(start, end) if not start <= i + heads[i] < end or heads[i] == 0]
            top = next((i for i in loose if heads[i] == 0), loose[0])
            for i in loose:
                heads[i], deps[i] = top - i, (root if i == top else attached)
    array[:, attrs.index(HEAD)] = heads.astype(numpy.uint64)
    array[:, attrs.index(DEP)] = deps
    bounded = Doc(
        doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], user_data=dict(doc.user_data)
    )
    # spaCy's stub types to_array's result as floats; it is the uint64 array from_array takes.
    bounded.from_array(attrs, array)  # type: ignore[arg-type]
    bounded.tensor = doc.tensor
    bounded.user_data[_BOUNDED] = (max_tokens, len(bounded))
    return bounded


def _pieces(doc: Doc, start: int, end: int, max_tokens: int):
    """``(start, end)`` token ranges of at most ``max_tokens`` that cover ``doc[start:end]``."""
    while end - start > max_tokens:
        limit = start + max_tokens
        cut = None
        for good in (_after_break, _outside_entity):
            cut = next((i for i in range(limit, start + max_tokens // 2, -1) if good(doc, i)), None)
            if cut is not None:
                break
        cut = cut or limit
        yield start, cut
        start = cut
    yield start, end


def _after_break(doc: Doc, i: int) -> bool:
    return doc[i - 1].text in _BREAKS and _outside_entity(doc, i)


def _outside_entity(doc: Doc, i: int) -> bool:
    return doc[i].ent_iob_ != "I"
