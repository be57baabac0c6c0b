"""Extraction: spaCy ``Doc`` → plain records (mentions and relations)."""

from dataclasses import replace

from ..analyse.bounded import bound_sentences
from ..lang import lexicon_of
from ..model import Argument, Extraction, Mention, Relation, Sentence
from ..text.time import normalise_time, tail_end
from ..vocab import ENTITY_LABELS, typed_lemmas
from .entities import mentions, values
from .pairs import pair_relations
from .relations import relations
from .wire import without_furniture

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
    # The work per word is bounded whatever the sentence length; a Doc from the runner is bounded
    # already (this returns it at once), one the caller parsed is bounded here.
    doc = bound_sentences(doc)
    found = mentions(doc, doc_id=document.id)
    # A pronoun no evidence resolves keeps its statement, linked to nothing (kg.rdf.mapping).
    read = list(relations(doc, doc_id=document.id, mentions=found, keep_unresolved=True))
    # The classifier adds what the clause rules missed: a pair they already relate by a typed
    # relation (one of ontology/relations.tsv) keeps the rule's reading.
    related = {
        (r.start, r.subject.label, r.object.label)
        for r in read
        if r.object is not None and r.predicate in typed_lemmas()
    }
    related |= {(start, o, s) for start, s, o in related}
    read += [
        r
        for r in pair_relations_of(doc, document.id, found)
        if (r.start, r.subject.label, r.object.label) not in related
    ]
    found, read = without_furniture(document, doc, found, read)  # datelines, tickers, sign-offs
    return Extraction(
        document=document,
        mentions=tuple(found),
        relations=tuple(_dated(relation, document) for relation in read),
        sentences=sentences_read(doc, found, read),
    )


def sentences_read(doc, found: list[Mention], read: list[Relation]) -> tuple[Sentence, ...]:
    """The sentences of ``doc`` that the mentions ``found`` and the relations ``read`` come from,
    each without its surrounding whitespace, as :class:`~kg.model.Relation` spans its sentence."""
    text = doc.user_data.get("kg.text") or doc.text
    indexes = {mention.sentence for mention in found}
    starts = {relation.start for relation in read}
    sentences = []
    for index, sentence in enumerate(doc.sents):
        written = text[sentence.start_char : sentence.end_char]
        start = sentence.start_char + len(written) - len(written.lstrip())
        if index in indexes or start in starts:
            stripped = written.strip()
            sentences.append(Sentence(index, start, start + len(stripped), stripped))
    return tuple(sentences)


def pair_relations_of(doc, doc_id, found, *, floor: float | None = None):
    """The classifier's typed relations between the named ``found`` mentions, as Relations: each
    "inferred" when its probability reaches its relation's threshold, else a "guess" (not asserted)."""
    table = lexicon_of(doc).pair_relations
    spans = []
    for mention in found:
        span = doc.char_span(mention.start, mention.end)
        if span is not None:
            spans.append((span, mention))
    by_start = {span.start: mention for span, mention in spans}
    results = []
    for pair in pair_relations(doc, [(span, mention.label) for span, mention in spans], floor=floor):
        head, tail = by_start[pair.head.start], by_start[pair.tail.start]
        if head.text == tail.text:
            continue
        sentence = pair.head.sent
        text = sentence.text
        leading, trailing = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
        predicate = table[pair.relation][0]
        results.append(
            Relation(
                doc_id=doc_id,
                subject=Argument(text=head.text, label=head.text, start=head.start, end=head.end, mention=head),
                predicate=predicate,
                object=Argument(text=tail.text, label=tail.text, start=tail.start, end=tail.end, mention=tail),
                sentence=text.strip(),
                start=sentence.start_char + leading,
                end=sentence.end_char - trailing,
                pattern="classifier",
                confidence=pair.probability,
                relation_text=predicate,
                reading="inferred" if pair.asserted else "guess",
            )
        )
    return results


#: Modalities of a clause about the future: its bare weekdays and months are the coming ones.
_FUTURE = frozenset({"will", "shall"})


def _dated(relation, document):
    """``relation`` with its time qualifiers put on the calendar, relative to the article's
    date. Time phrases written one after the other are read together: "in April" +
    "last year" is April of last year."""
    qualifiers = list(relation.qualifiers)
    times = sorted((i for i, q in enumerate(qualifiers) if q.kind == "time"), key=lambda i: qualifiers[i].start)
    if not times:
        return relation
    runs = [[times[0]]]
    for i in times[1:]:
        previous = qualifiers[runs[-1][-1]]
        if not document.text[previous.end : qualifiers[i].start].strip():
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        end = qualifiers[run[-1]].end
        # "the day" + "before", "two days" + "ago": the parser often leaves the last word out
        text = document.text[qualifiers[run[0]].start : tail_end(document.text, end)]
        value = normalise_time(text, document.date, future=relation.modality in _FUTURE)
        for i in run:
            qualifiers[i] = replace(qualifiers[i], time=value)
    return replace(relation, qualifiers=tuple(qualifiers))
