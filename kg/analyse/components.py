"""kg's own spaCy components, registered with spaCy's factory registry on import."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

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
    # spaCy's stub asks for a 2-d array; one attribute's column is 1-d, as spaCy's own docs do it.
    doc.from_array([SENT_START], starts.astype(numpy.uint64))  # type: ignore[arg-type]
    return doc
