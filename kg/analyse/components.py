"""kg's own spaCy components, registered with spaCy's factory registry on import."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..text.wire import find_dateline

__all__ = ["line_sentences"]


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    In news files each line is a headline or a paragraph, and a headline has no
    final full stop: without this the parser glues the headline onto the first
    sentence. Runs before the parser, which keeps boundaries already set.
    """
    # Written as one array: each ``token.is_sent_start = ...`` checks the whole document for a
    # parse first, which made a file of many short lines cost the square of its length.
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # -1: not a start; stored unsigned
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        if after_break and not token.is_space:
            starts[token.i] = 1
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and not following.is_space and not token.is_punct:
                # The small model otherwise sometimes makes the line's first word a
                # sentence of its own ("Haftar" | "attacked Tripoli ...").
                starts[following.i] = -1
    _dateline_sentence(doc, starts)
    # spaCy's stub asks for a 2-d array; one attribute's column is 1-d, as spaCy's own docs do it.
    doc.from_array([SENT_START], starts.astype(numpy.uint64))  # type: ignore[arg-type]
    return doc


def _dateline_sentence(doc: Doc, starts: numpy.ndarray) -> None:
    """Make a wire dateline ("ATHENS, March 28 -") a sentence of its own in ``starts``: glued to the
    lead sentence, its city became the subject of the lead's verb ("ATHENS expressed ...")."""
    line = find_dateline(doc.text)
    if line is None:
        return
    first = None
    for token in doc:
        if token.idx >= line.end and not token.is_space:
            first = token.i
            break
        if line.start < token.idx < line.end:
            starts[token.i] = -1  # "N.Y." ends in a full stop but not the dateline
    if first is not None:
        starts[first] = 1
        token = doc[first]
        alone = token.is_punct or "\n" in token.whitespace_
        if first + 1 < len(doc) and not doc[first + 1].is_space and not alone:
            starts[first + 1] = -1
