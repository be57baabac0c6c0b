"""Extraction records (``kg:extraction``): what kg remove maps a document again from."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kg.rdf.record import decode_extraction, encode_extraction
from tests.conftest import EXAMPLE, shared_path


@pytest.mark.model
def test_a_record_gives_back_the_extraction_it_was_made_from():
    from kg.analyse.run import analyse
    from kg.extract import extract
    from kg.read import iter_documents

    files = [EXAMPLE, shared_path("data", "corpus", "bbc", "politics_194.txt")]
    for _, extraction, _, _ in analyse([d for d in iter_documents(files) if hasattr(d, "text")], work=extract):
        assert extraction.relations and extraction.mentions
        back = decode_extraction(encode_extraction(extraction))
        # everything but the text, which mapping never reads (and the file it came from)
        assert back == replace(extraction, document=replace(extraction.document, text="", source=None))


def test_strings_a_text_can_hold_survive_the_record_exactly():
    from kg.model import Document, Extraction, Mention, sentences_of

    odd = 'Gor\u200bdon \ud800 "Brown"\n\x00 \U0001f600'
    mention = Mention("d\u202e", 0, 5, odd, "PERSON", 0, typed_by="honorific")
    extraction = Extraction(Document("d\u202e", "", title=odd), (mention,))
    record = encode_extraction(extraction)
    assert record.isascii()  # no character any RDF format could refuse
    # made by hand without its sentences: the record holds those the mapping points to
    assert decode_extraction(record) == replace(extraction, sentences=sentences_of(extraction))


def test_a_record_of_another_version_is_not_read():
    assert decode_extraction(json.dumps({"v": 999, "d": ["d", None, None, None], "m": [], "s": [], "r": []})) is None
