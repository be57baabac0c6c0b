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

from ..model import Argument, Document, Extraction, Mention, Qualifier, Relation, TimeValue

__all__ = ["encode_extraction", "decode_extraction", "VERSION"]

#: Bumped when the layout changes; a record of another version is not read (see :func:`decode_extraction`).
VERSION = 1


def encode_extraction(extraction: Extraction) -> str:
    """The JSON record of ``extraction`` (without the document's text).

    >>> from kg.model import Document, Extraction, Mention
    >>> doc = Document(id="d", text="GNA said.")
    >>> record = encode_extraction(Extraction(doc, (Mention("d", 0, 3, "GNA", "ORG", 0),)))
    >>> decode_extraction(record).mentions[0].text
    'GNA'
    """
    mentions = {mention: index for index, mention in enumerate(extraction.mentions)}
    sentences: dict[str, int] = {}

    def mention(value: Mention | None):
        if value is None:
            return None
        index = mentions.get(value)
        return index if index is not None else _mention(value)

    def argument(value: Argument | None):
        if value is None:
            return None
        return [value.text, value.label, value.start, value.end, mention(value.mention), value.via, value.clause]

    def qualifier(value: Qualifier):
        time = value.time
        return [
            value.kind,
            value.text,
            value.start,
            value.end,
            mention(value.mention),
            None if time is None else [time.value, time.datatype, time.start, time.end],
        ]

    relations = []
    for relation in extraction.relations:
        sentence = sentences.setdefault(relation.sentence, len(sentences))
        relations.append(
            [
                argument(relation.subject),
                relation.predicate,
                argument(relation.object),
                sentence,
                relation.start,
                relation.end,
                relation.negated,
                relation.modality,
                argument(relation.attribution),
                relation.pattern,
                relation.confidence,
                relation.relation_text,
                relation.passive,
                [qualifier(q) for q in relation.qualifiers],
            ]
        )
    document = extraction.document
    record = {
        "v": VERSION,
        "d": [document.id, document.title, document.date, document.url],
        "m": [_mention(m) for m in extraction.mentions],
        "s": list(sentences),
        "r": relations,
    }
    return json.dumps(record, separators=(",", ":"))


def _mention(mention: Mention) -> list:
    return [mention.start, mention.end, mention.text, mention.label, mention.sentence, mention.typed_by]


def decode_extraction(record: str) -> Extraction | None:
    """The extraction a record was made from (the document without its text), or None
    for a record of another :data:`VERSION`."""
    data = json.loads(record)
    if data.get("v") != VERSION:
        return None
    doc_id, title, date, url = data["d"]
    mentions = tuple(
        Mention(doc_id, start, end, text, label, sentence, typed_by)
        for start, end, text, label, sentence, typed_by in data["m"]
    )
    sentences = data["s"]

    def mention(value):
        if value is None:
            return None
        if isinstance(value, int):
            return mentions[value]
        start, end, text, label, sentence, typed_by = value
        return Mention(doc_id, start, end, text, label, sentence, typed_by)

    def argument(value):
        if value is None:
            return None
        text, label, start, end, named, via, clause = value
        return Argument(text, label, start, end, mention(named), via, clause)

    def qualifier(value):
        kind, text, start, end, named, time = value
        return Qualifier(kind, text, start, end, mention(named), None if time is None else TimeValue(*time))

    relations = tuple(
        Relation(
            doc_id,
            argument(subject),
            predicate,
            argument(obj),
            sentences[sentence],
            start,
            end,
            negated,
            modality,
            argument(attribution),
            pattern,
            confidence,
            relation_text,
            passive,
            tuple(qualifier(q) for q in qualifiers),
        )
        for (
            subject,
            predicate,
            obj,
            sentence,
            start,
            end,
            negated,
            modality,
            attribution,
            pattern,
            confidence,
            relation_text,
            passive,
            qualifiers,
        ) in data["r"]
    )
    return Extraction(Document(doc_id, "", title, date, url), mentions, relations)
