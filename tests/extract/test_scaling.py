"""The work of extraction grows in proportion to the text, whatever its sentences' length.

Text without full stops (transcripts, OCR, scraped lists) is parsed as one huge
sentence; readings that look at a whole sentence or walk its tree then cost the
square of its length. These tests count the work (the Python and spaCy function
calls made, a deterministic measure, not a timing) for a text and for one ten
times longer: it must grow about ten times, not a hundred.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.analyse.bounded import MAX_SENTENCE_TOKENS, bound_sentences
from kg.extract import extract
from kg.model import Document
from tests.conftest import EXAMPLE
from tests.work import count_work

#: Ten times the text may cost at most this many times the work (linear: about 10; the counts are
#: exact, not timings). Text without sentence ends is read in pieces of up to 150 tokens whose
#: lengths vary with the text, and the work per token grows with a piece's length: a looser bound.
MAX_GROWTH = 11
MAX_GROWTH_IN_PIECES = 13
#: One vocabulary for every chain: making one is not the work measured.
CHAIN_VOCAB = Vocab()


def _growth(make_doc, small: int, *, bound: float, with_lines: bool = False) -> float:
    """Work for ``10 * small`` tokens over work for ``small``, or inf past ``bound``."""

    def work(n, budget=None):
        doc = make_doc(n)
        document = Document(id="long", text=doc.text)
        return count_work(lambda: extract(document, doc), budget, with_lines=with_lines)

    doc = make_doc(10)
    extract(Document(id="warm-up", text=doc.text), doc)  # imports and caches on first use are not work per token
    base = work(small)
    large = work(10 * small, budget=int(bound * base))
    return float("inf") if large is None else large / base


def _chain(n: int, vocab: Vocab = CHAIN_VOCAB) -> Doc:
    """``word word word ...`` as the English model parses it: one sentence, each noun in
    apposition to the one before (a tree as deep as the sentence is long)."""
    words = ["word"] * n
    return Doc(
        vocab,
        words=words,
        heads=[0, *range(n - 1)],
        deps=["ROOT", *["appos"] * (n - 1)],
        pos=["NOUN"] * n,
        tags=["NN"] * n,
        lemmas=words,
    )


def test_work_per_token_is_bounded_in_one_long_sentence():
    growth = _growth(_chain, 500, bound=MAX_GROWTH_IN_PIECES)
    assert growth < MAX_GROWTH_IN_PIECES, f"10x the tokens cost {growth:.1f}x the work"


@pytest.mark.model
def test_work_per_word_is_bounded_in_real_unpunctuated_text(nlp):
    # The example article without its punctuation, on one line: names, pronouns, verbs, no sentence ends.
    words = [w.strip(".,;:\"'()") for w in EXAMPLE.read_text(encoding="utf-8").split()]
    words = [w for w in words if w]

    def make_doc(n):
        return nlp(" ".join(words[i % len(words)] for i in range(n)))

    growth = _growth(make_doc, 400, bound=MAX_GROWTH_IN_PIECES)
    assert growth < MAX_GROWTH_IN_PIECES, f"10x the words cost {growth:.1f}x the work"


@pytest.mark.model
def test_work_per_word_is_bounded_in_long_prose(nlp):
    # Many short sentences with names, pronouns and appositions: the lookups of antecedents,
    # roles, type evidence and noun-phrase facts must not scan the whole document each time.
    line = (
        "Microsoft, a big firm, said it would grow. Mr Brown met Smith in Paris. "
        "He said they liked the government. Gazprom, a Russian firm, expects profits. "
    )

    def make_doc(n):
        return nlp(line * (n // 40))

    growth = _growth(make_doc, 2000, bound=MAX_GROWTH, with_lines=True)
    assert growth < MAX_GROWTH, f"10x the words cost {growth:.1f}x the work"


def test_ordinary_sentences_are_left_as_they_are():
    doc = _chain(MAX_SENTENCE_TOKENS)
    assert bound_sentences(doc) is doc


def test_long_sentences_are_cut_into_bounded_pieces_with_the_same_tokens_and_names():
    vocab = Vocab()
    words = (["Mary", "Smith", "met", "John", "Brown", "in", "Paris", ","] * 100)[:-1]
    n = len(words)
    ents = [
        (
            "B-PERSON"
            if w in ("Mary", "John")
            else "I-PERSON"
            if w in ("Smith", "Brown")
            else "B-GPE"
            if w == "Paris"
            else "O"
        )
        for w in words
    ]
    doc = Doc(vocab, words=words, heads=[0, *range(n - 1)], deps=["ROOT", *["dep"] * (n - 1)], ents=ents)
    bounded = bound_sentences(doc, 50)
    assert bounded.text == doc.text
    assert [(t.idx, t.text) for t in bounded] == [(t.idx, t.text) for t in doc]
    assert [(e.start, e.end, e.label_) for e in bounded.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    sentences = list(bounded.sents)
    assert max(len(s) for s in sentences) <= 50 and len(sentences) >= n // 50
    for sentence in sentences:  # each piece is a tree of its own, cut after a comma
        assert all(sentence.start <= t.head.i < sentence.end for t in sentence)
        assert sentence[-1].text == "," or sentence.end == n


@pytest.mark.model
def test_a_long_unpunctuated_text_keeps_its_names_and_says_it_was_cut():
    from kg.analyse.run import analyse_chunk

    text = " ".join(["Khalifa Haftar met Fayez al Sarraj in Tripoli and they talked about the truce"] * 60)
    [(_, extraction, _, notes)] = analyse_chunk([Document(id="transcript", text=text)], extract)
    assert any("longer than" in note and "pieces" in note for note in notes), notes
    names = {m.text for m in extraction.mentions}
    assert {"Khalifa Haftar", "Tripoli"} <= names
    assert extraction.relations  # relations inside the pieces are still read


def test_a_doc_is_checked_for_long_sentences_once_and_a_merged_copy_again(monkeypatch):
    import kg.analyse.bounded as bounded

    scans = []
    real = bounded.long_sentences
    monkeypatch.setattr(bounded, "long_sentences", lambda doc, *args: scans.append(doc) or real(doc, *args))
    doc = _chain(MAX_SENTENCE_TOKENS)
    assert bound_sentences(doc) is doc and bound_sentences(doc) is doc
    assert len(scans) == 1
    copy = doc.copy()  # a copy keeps the note, but its tokens changed: its sentences may have too
    with copy.retokenize() as retokenizer:
        retokenizer.merge(copy[0:2])
    assert bound_sentences(copy) is copy and len(scans) == 2


@pytest.mark.model
def test_the_runner_and_extraction_check_a_documents_sentences_once(monkeypatch):
    import kg.analyse.bounded as bounded
    from kg.analyse.run import analyse_chunk

    scans = []
    real = bounded.long_sentences
    monkeypatch.setattr(bounded, "long_sentences", lambda doc, *args: scans.append(doc) or real(doc, *args))
    document = Document(id="example", text=EXAMPLE.read_text(encoding="utf-8"))
    [(_, extraction, _, _)] = analyse_chunk([document], extract)
    assert extraction.relations
    assert len(scans) == 1
