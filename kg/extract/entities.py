"""Named-entity mentions, with one label per name within a document."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from ..model import Mention

__all__ = ["mentions", "ENTITY_LABELS", "mention_span"]

#: spaCy labels that name things (become entity nodes). Dates, amounts and
#: numbers are attributes, not things.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)

_LEADING = {"the", "a", "an"}


def mention_span(ent: Span) -> Span | None:
    """Trim a spaCy entity span to the name: no leading article, no trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].is_punct):
        end -= 1
    return ent.doc[start:end] if end > start else None


def mentions(doc: Doc, *, doc_id: str) -> list[Mention]:
    """Return the named-entity mentions of ``doc``, one consistent label per name.

    spaCy's small model labels the same name differently from sentence to
    sentence ("Haftar" as PERSON, then ORG). Within one document a name keeps one
    label: a single word that is the surname of a PERSON mention is a PERSON, and
    otherwise the label most often given wins (ties: the first seen).
    """
    spans = []
    sentence_of = {}
    for index, sentence in enumerate(doc.sents):
        sentence_of[sentence.start] = index
    sentence_starts = sorted(sentence_of)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = mention_span(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        spans.append((span, ent.label_))

    surnames = {span[-1].text for span, label in spans if label == "PERSON" and len(span) > 1}
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, label in spans:
        if len(span) == 1 and span.text in surnames:
            label = "PERSON"
        votes[span.text][label] += 1
    consolidated = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}

    found = []
    for span, _ in spans:
        sentence = _sentence_index(span.start, sentence_starts, sentence_of)
        found.append(
            Mention(
                doc_id=doc_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=consolidated[span.text],
                sentence=sentence,
            )
        )
    return found


def _sentence_index(token_index: int, starts: list[int], index_of: dict[int, int]) -> int:
    import bisect

    position = bisect.bisect_right(starts, token_index) - 1
    return index_of[starts[max(position, 0)]]
