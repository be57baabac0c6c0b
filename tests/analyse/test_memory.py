"""The memory a document costs is bounded: a long text is parsed a few pieces at a time."""

from __future__ import annotations

import spacy

from kg.analyse import run
from kg.model import Document


class _RecordingNlp:
    """A blank pipeline whose ``pipe`` records how many characters each spaCy batch holds."""

    def __init__(self):
        self.blank = spacy.blank("en")
        self.batches: list[int] = []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            self.batches.append(sum(len(t) for t in texts[start : start + batch_size]))
        return (self.blank(text) for text in texts)


def test_the_pieces_of_a_long_text_are_parsed_a_few_at_a_time():
    # Half a megabyte of names on one line: six pieces of 100,000 characters, which spaCy parsed in one
    # batch (4.4 GB); the parser's memory grows with the text of a batch.
    text = " ".join(f"Name{i} Surname{i}" for i in range(25_000))
    nlp = _RecordingNlp()
    [(document, doc, notes)] = run._parsed(nlp, [Document(id="names", text=text)])
    assert doc.text == text and notes
    assert len(nlp.batches) > 1 and max(nlp.batches) <= run.BATCH_CHARACTERS


def test_news_articles_are_still_parsed_in_batches_of_32():
    nlp = _RecordingNlp()
    documents = [Document(id=str(i), text="The GNA rejected the truce. " * 100) for i in range(64)]
    assert len(list(run._parsed(nlp, documents))) == 64
    assert nlp.batches == [32 * len(documents[0].text)] * 2
