"""Wire furniture out of the facts: datelines, tickers, sign-offs and bylines (:mod:`kg.text.wire`).

The reader finds them (:attr:`kg.model.Document.dateline`, :attr:`kg.model.Document.wire`); this
keeps what extraction read from them out of the graph's facts. A dateline's place stays a place
named by the document (typed by the dateline), but it is no argument of any statement.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc

from ..model import Argument, Document, Mention, Qualifier, Relation

__all__ = ["without_furniture"]


def without_furniture(
    document: Document, doc: Doc, found: list[Mention], read: list[Relation]
) -> tuple[list[Mention], list[Relation]]:
    """The mentions and relations of ``document`` without those read from its wire furniture, its
    dateline's place as a place mention, and names trimmed of the blanks a ticker left
    ("Trans World Airlines Inc <TWA>": the name finder may take the blank in)."""
    spans = [(span.start, span.end) for span in document.wire]
    line = document.dateline
    if line is not None:
        spans.append((line.start, line.end))
    if not spans:
        return found, read
    trimmed = {mention: _trimmed(mention) for mention in found}
    kept = [m for m in trimmed.values() if not _inside(m.start, m.end, spans)]
    dropped = {m for m, t in trimmed.items() if _inside(t.start, t.end, spans)}
    if line is not None:
        starts = [sentence.start_char for sentence in doc.sents]
        sentence = max(bisect.bisect_right(starts, line.place_start) - 1, 0)
        place = Mention(document.id, line.place_start, line.place_end, line.place, "GPE", sentence, "dateline")
        kept = sorted([*kept, place], key=lambda m: (m.start, m.end))
    relations = []
    for relation in read:
        arguments = (relation.subject, relation.object, relation.attribution)
        if any(a is not None and (_inside(a.start, a.end, spans) or a.mention in dropped) for a in arguments):
            continue  # read from the furniture, or about a name in it ("By Jane Smith": "Smith said")
        relations.append(
            replace(
                relation,
                subject=_argument(relation.subject, trimmed) or relation.subject,
                object=_argument(relation.object, trimmed),
                attribution=_argument(relation.attribution, trimmed),
                qualifiers=tuple(
                    _qualifier(q, trimmed)
                    for q in relation.qualifiers
                    if not _inside(q.start, q.end, spans) and q.mention not in dropped
                ),
            )
        )
    return kept, relations


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``–``end`` overlaps one of ``spans``."""
    return any(start < b and a < end for a, b in spans)


def _trimmed(mention: Mention) -> Mention:
    text = mention.text.rstrip()
    if text == mention.text:
        return mention
    return replace(mention, text=text, end=mention.start + len(text))


def _argument(argument: Argument | None, trimmed: dict[Mention, Mention]) -> Argument | None:
    if argument is None:
        return None
    mention = trimmed.get(argument.mention, argument.mention) if argument.mention is not None else None
    text = argument.text.rstrip()
    return replace(argument, mention=mention, text=text, end=argument.start + len(text))


def _qualifier(qualifier: Qualifier, trimmed: dict[Mention, Mention]) -> Qualifier:
    if qualifier.mention is None:
        return qualifier
    return replace(qualifier, mention=trimmed.get(qualifier.mention, qualifier.mention))
