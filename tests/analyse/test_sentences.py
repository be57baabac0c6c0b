"""Sentence boundaries: a headline is its own sentence, and a line's first word is not."""

import pytest

pytestmark = pytest.mark.model


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_headline_is_its_own_sentence(nlp):
    assert sentences(nlp, "Rebels reject truce\nThe rebels rejected the truce on Monday.") == [
        "Rebels reject truce",
        "The rebels rejected the truce on Monday.",
    ]


@pytest.mark.parametrize("name", ["Haftar", "Mesmari"])
def test_a_name_starting_a_line_stays_in_its_sentence(nlp, name):
    # spaCy's small model alone splits "Haftar" | "attacked Tripoli in April."
    assert sentences(nlp, f"Headline\n{name} attacked Tripoli in April. He left.") == [
        "Headline",
        f"{name} attacked Tripoli in April.",
        "He left.",
    ]


def test_a_quote_starting_a_line_is_kept(nlp):
    assert sentences(nlp, 'Headline\n"Yes," he said.') == ["Headline", '"Yes," he said.']


def _document_scans(lines: int) -> int:
    """How often marking the line starts of a text of ``lines`` names asks spaCy whether the
    whole document is parsed (a scan of every token when it is not)."""
    import sys

    import spacy

    from kg.analyse.components import line_sentences

    doc = spacy.blank("en")("\n".join(f"Name{i} Surname{i}" for i in range(lines)))
    scans = 0

    def hook(frame, event, arg):
        nonlocal scans
        if event == "call" and frame.f_code.co_name == "has_annotation":
            scans += 1

    sys.setprofile(hook)
    try:
        line_sentences(doc)
    finally:
        sys.setprofile(None)
    assert [s.text for s in doc.sents][:2] == ["Name0 Surname0\n", "Name1 Surname1\n"]
    return scans


@pytest.mark.parametrize("lines", [300])
def test_many_short_lines_cost_no_scan_per_line(lines):
    # 50,000 names one per line took minutes: each line's start scanned the whole document.
    assert _document_scans(10 * lines) == _document_scans(lines) <= 2
