"""Extraction: spaCy ``Doc`` → plain records (mentions and relations)."""

from .entities import ENTITY_LABELS, mentions, values
from .relations import relations

__all__ = ["mentions", "values", "relations", "extract", "ENTITY_LABELS"]


def extract(document, doc):
    """Extract the mentions and relations of one analysed document.

    Parameters
    ----------
    document : kg.model.Document
        The document that was analysed.
    doc : spacy.tokens.Doc
        Its spaCy analysis (``doc.text == document.text``).

    Returns
    -------
    kg.model.Extraction
    """
    from ..model import Extraction

    found = mentions(doc, doc_id=document.id)
    read = relations(doc, doc_id=document.id, mentions=found)
    return Extraction(
        document=document,
        mentions=tuple(found),
        relations=tuple(_dated(relation, document) for relation in read),
    )


_TIME_TAIL = __import__("re").compile(r"\s+(?:before|earlier|after|later|ago)\b")


def _dated(relation, document):
    """``relation`` with its time qualifiers put on the calendar, relative to the article's
    date. Time phrases written one after the other are read together: "in April" +
    "last year" is April of last year."""
    from dataclasses import replace

    from ..resolve.time import normalise_time

    qualifiers = list(relation.qualifiers)
    times = sorted((i for i, q in enumerate(qualifiers) if q.kind == "time"), key=lambda i: qualifiers[i].start)
    if not times:
        return relation
    runs = [[times[0]]]
    for i in times[1:]:
        previous = qualifiers[runs[-1][-1]]
        if not document.text[previous.end:qualifiers[i].start].strip():
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        end = qualifiers[run[-1]].end
        # "the day" + "before", "two days" + "ago": the parser often leaves the last word out
        following = _TIME_TAIL.match(document.text, end)
        text = document.text[qualifiers[run[0]].start:following.end() if following else end]
        value = normalise_time(text, document.date)
        for i in run:
            qualifiers[i] = replace(qualifiers[i], time=value)
    return replace(relation, qualifiers=tuple(qualifiers))
