"""A document's extraction as a compact JSON text, kept in its named graph (``kg:extraction``).

Entities are linked across the whole corpus, so removing a document can change
what another document's names stand for (a canonical name, a merge that only the
removed document supported). ``kg remove`` then maps the affected documents again
from their records, without spaCy: the record holds everything linking and
mapping read (the mentions with spaCy's labels, the relations with their
arguments' offsets and lemmas) and nothing they do not (the document's text).

:func:`decode_extraction` gives back an :class:`~kg.model.Extraction` that maps to
the same quads as the one it was made from. JSON keeps every string exactly
(``ensure_ascii`` escapes even lone surrogates), and floats round-trip.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import (
    Argument,
    Dateline,
    Document,
    Extraction,
    Mention,
    Qualifier,
    Relation,
    Sentence,
    TimeValue,
    WireSpan,
    sentences_of,
)

__all__ = ["encode_extraction", "decode_extraction", "VERSION"]

#: Bumped when the layout changes; a record of another version is not read (see :func:`decode_extraction`).
VERSION = 2


def encode_extraction(extraction: Extraction, sentences: tuple[Sentence, ...] | None = None) -> str:
    """The JSON record of ``extraction`` (without the document's text); ``sentences`` are its
    :func:`kg.model.sentences_of`, when the caller has them already.

    >>> from kg.model import Document, Extraction, Mention
    >>> doc = Document(id="d", text="GNA said.")
    >>> record = encode_extraction(Extraction(doc, (Mention("d", 0, 3, "GNA", "ORG", 0),)))
    >>> decode_extraction(record).mentions[0].text
    'GNA'
    """
    encoder = _Encoder(extraction, sentences_of(extraction) if sentences is None else sentences)
    relations = [encoder.relation(relation) for relation in extraction.relations]
    document = extraction.document
    record = {
        "v": VERSION,
        "d": [document.id, document.title, document.date, document.url],
        "m": [_mention(m) for m in extraction.mentions],
        "s": [[s.index, s.start, s.end, s.text] for s in encoder.sentences],
        "r": relations,
    }
    wire = _wire(document)
    if wire is not None:
        record["w"] = wire
    return json.dumps(record, separators=(",", ":"))


def decode_extraction(record: str) -> Extraction | None:
    """The extraction a record was made from (the document without its text), or None
    for a record of another :data:`VERSION`."""
    data = json.loads(record)
    if data.get("v") != VERSION:
        return None
    decoder = _Decoder(data)
    doc_id, title, date, url = data["d"]
    relations = tuple(decoder.relation(row) for row in data["r"])
    line, wire = _unwire(data.get("w"))
    document = Document(doc_id, "", title, date, url, dateline=line, wire=wire)
    return Extraction(document, decoder.mentions, relations, decoder.sentences)


def _wire(document: Document) -> list[Any] | None:
    """A document's wire conventions (its dateline, tickers, sign-offs, bylines), or None when it has none
    (the record is then what it was before they were read)."""
    if document.dateline is None and not document.wire:
        return None
    line = document.dateline
    dateline = (
        None
        if line is None
        else [line.start, line.end, line.place, line.place_start, line.place_end, line.date, line.agency]
    )
    return [dateline, [[span.kind, span.start, span.end, span.text] for span in document.wire]]


def _unwire(value: list[Any] | None) -> tuple[Dateline | None, tuple[WireSpan, ...]]:
    """The inverse of :func:`_wire`."""
    if value is None:
        return None, ()
    dateline, spans = value
    return (None if dateline is None else Dateline(*dateline)), tuple(WireSpan(*span) for span in spans)


def _mention(mention: Mention) -> list[Any]:
    return [mention.start, mention.end, mention.text, mention.label, mention.sentence, mention.typed_by]


class _Encoder:
    """Records as JSON lists: a mention of the extraction by its index, a relation's sentence by
    its place in the record's list of sentences."""

    def __init__(self, extraction: Extraction, sentences: tuple[Sentence, ...]):
        self.mentions = {mention: index for index, mention in enumerate(extraction.mentions)}
        self.sentences = sentences  # those listed, and those the mapping adds (by hand)
        self.places = {(sentence.start, sentence.end): place for place, sentence in enumerate(self.sentences)}

    def mention(self, value: Mention | None) -> int | list[Any] | None:
        if value is None:
            return None
        index = self.mentions.get(value)
        return index if index is not None else _mention(value)

    def argument(self, value: Argument | None) -> list[Any] | None:
        if value is None:
            return None
        return [value.text, value.label, value.start, value.end, self.mention(value.mention), value.via, value.clause]

    def qualifier(self, value: Qualifier) -> list[Any]:
        time = None if value.time is None else [value.time.value, value.time.datatype, value.time.start, value.time.end]
        return [value.kind, value.text, value.start, value.end, self.mention(value.mention), time]

    def relation(self, relation: Relation) -> list[Any]:
        sentence = self.places[relation.start, relation.end]
        return [
            self.argument(relation.subject),
            relation.predicate,
            self.argument(relation.object),
            sentence,
            relation.start,
            relation.end,
            relation.negated,
            relation.modality,
            self.argument(relation.attribution),
            relation.pattern,
            relation.confidence,
            relation.relation_text,
            relation.passive,
            [self.qualifier(q) for q in relation.qualifiers],
            # Written only when not "stated", so that records of stated relations read as before.
            *([relation.reading] if relation.reading != "stated" else []),
        ]


class _Decoder:
    """The inverse of :class:`_Encoder`, for one record."""

    def __init__(self, data: dict[str, Any]):
        self.doc_id = data["d"][0]
        self.mentions = tuple(self._new_mention(row) for row in data["m"])
        self.sentences = tuple(Sentence(*row) for row in data["s"])

    def _new_mention(self, row: list[Any]) -> Mention:
        start, end, text, label, sentence, typed_by = row
        return Mention(self.doc_id, start, end, text, label, sentence, typed_by)

    def mention(self, value: int | list[Any] | None) -> Mention | None:
        if value is None:
            return None
        return self.mentions[value] if isinstance(value, int) else self._new_mention(value)

    def argument(self, value: list[Any] | None) -> Argument | None:
        return None if value is None else self.subject(value)

    def subject(self, value: list[Any]) -> Argument:
        text, label, start, end, named, via, clause = value
        return Argument(text, label, start, end, self.mention(named), via, clause)

    def qualifier(self, value: list[Any]) -> Qualifier:
        kind, text, start, end, named, time = value
        return Qualifier(kind, text, start, end, self.mention(named), None if time is None else TimeValue(*time))

    def relation(self, row: list[Any]) -> Relation:
        subject, predicate, obj, sentence, start, end, negated, modality, attribution, *rest = row
        pattern, confidence, relation_text, passive, qualifiers, *reading = rest
        return Relation(
            self.doc_id,
            self.subject(subject),
            predicate,
            self.argument(obj),
            self.sentences[sentence].text,
            start,
            end,
            negated,
            modality,
            self.argument(attribution),
            pattern,
            confidence,
            relation_text,
            passive,
            tuple(self.qualifier(q) for q in qualifiers),
            reading[0] if reading else "stated",
        )
