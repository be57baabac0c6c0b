"""Plain records passed between the pipeline's stages.

Extraction produces these from spaCy documents; mapping to RDF consumes them.
They are frozen so that a stage cannot change what an earlier stage produced.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

__all__ = [
    "Document",
    "Mention",
    "Argument",
    "TimeValue",
    "Qualifier",
    "Relation",
    "Sentence",
    "Extraction",
    "sentences_of",
    "BuildActivity",
    "Entity",
    "EXTRACTOR",
    "VERSION",
    "EntityTable",
    "KnownEntity",
    "Aliases",
    "Via",
    "QualifierKind",
    "Modality",
    "ClausePattern",
    "Pattern",
    "TypedBy",
    "TimeDatatype",
    "MergeRule",
    "Dateline",
    "WireSpan",
    "WireKind",
]

#: kg's version (``kg.__version__``), named by each build's ``prov:Activity``.
VERSION = "0.1.0"

#: Name and version of the extractor, written on each build's ``prov:Activity`` (``kg:extractor``); bumped when
#: what extraction produces changes. Defined with the records so that mapping them needs no extraction.
EXTRACTOR = "kg.extract.relations/0.3"

#: How an argument that is not a name found its referent.
Via: TypeAlias = Literal["pronoun", "unresolved", "nominal", "possessive", "partitive", "speaker"]

#: What a qualifier says: when, where, or another circumstance.
QualifierKind: TypeAlias = Literal["time", "place", "other"]

#: How a clause holds: a modal verb's lemma, or a condition, a wish, a question, a reported claim; or
#: (issue 18) a hedge, read from the language's ``hedges.tsv``: "hedged" (the writer or speaker is unsure:
#: "seems to", "probably"), "reported" (hearsay with no source named: "reportedly", "is said to"),
#: "expected" ("is expected to", "is due to"), "planned" ("plans to"), "attempted" ("tried to").
Modality: TypeAlias = Literal[
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "if",
    "desire",
    "question",
    "unasserted",
    "hedged",
    "reported",
    "expected",
    "planned",
    "attempted",
]

#: The clause shapes the relation rules read, and the pair classifier's readings.
ClausePattern: TypeAlias = Literal[
    "svo",
    "copula",
    "complement",
    "intransitive",
    "verb-prep",
    "passive",
    "passive-prep",
    "passive-intransitive",
    "copula-adjective",
    "copula-role",
    "light-verb",
    "classifier",
    "located-in",
]

#: What decided a mention's type when it was not spaCy's own vote (``Mention.typed_by``).
TypedBy: TypeAlias = Literal[
    "honorific",
    "title",
    "role",
    "name words",
    "surname",
    "pronoun",
    "place context",
    "organisation context",
    "age",
    "vessel",
    "product context",
    "quoted title",
    "first name",
    "classifier",
    "kind noun",
    "dateline",
    "gazetteer",
    "short form",
]

#: The XML Schema datatype of a calendar value (``TimeValue.datatype``).
TimeDatatype: TypeAlias = Literal["date", "gYearMonth", "gYear"]

#: The rule by which a surface form joined its entity (:mod:`kg.resolve.link`); "canonical" for the
#: entity's own label.
MergeRule: TypeAlias = Literal[
    "alias", "graph", "acronym", "surname", "short name", "exact", "canonical", "gazetteer", "first name", "synonym"
]

#: A relation's pattern: a clause shape, or the name of a nominal pattern, which is data
#: (``kg/lang/en/patterns/*.json``: "apposition", "title", "name-adjective" ...), so a new one needs no edit here.
Pattern: TypeAlias = ClausePattern | str

#: How a relation was read (:attr:`Relation.reading`): "stated" in the sentence's words (a clause
#: rule); "inferred" from the sentence's shape by the pair classifier with a probability that
#: reaches its relation's threshold (a fact only when the typed relation's argument classes
#: hold); a "guess" of the classifier below that threshold (a statement, never a plain fact).
Reading: TypeAlias = Literal["stated", "inferred", "guess"]


# --- wire-copy conventions (issue 17): kept as the document's metadata, never read as facts -----

#: What a stretch of wire furniture is: a ticker symbol ("<TWA>"), a sign-off ("Reuter"), a byline.
WireKind: TypeAlias = Literal["ticker", "signoff", "byline"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire dateline at the start of the body: "LONDON, Jan 5 (Reuters) - ...".

    ``start``/``end`` span the whole dateline up to and with its dash; ``place_start``/``place_end``
    span the place ("LONDON"), and ``place`` is its name as a name is written ("London"). ``date`` is
    an ISO date when the dateline's year is known (written, or the document's own date's year); a
    dateline without a year and a document without a date leave it unset. ``agency`` is the news
    agency in parentheses ("Reuters"), if any.
    """

    start: int
    end: int
    place: str
    place_start: int
    place_end: int
    date: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class WireSpan:
    """A stretch of wire furniture kept in the text (offsets stay true) but not read as news:
    ``kind`` "ticker" (``text`` is the symbol, "TWA"), "signoff" ("Reuter") or "byline"."""

    kind: WireKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One news article.

    ``text`` is what is analysed; character offsets elsewhere point into it.
    The first line of ``text`` is the headline when the article has one. The reader writes wire
    copy's tickers in it as spaces and a headline in capitals or Title Case in its body's casing,
    one character for one (:mod:`kg.text.wire`), so offsets into the file hold too.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # the file it was read from
    dateline: Dateline | None = None  # the wire dateline opening the body, if any
    wire: tuple[WireSpan, ...] = ()  # tickers, sign-offs and bylines (kg.text.wire)
    author: str | None = None  # a web page's or feed entry's byline
    publisher: str | None = None  # the site or feed that published it
    language: str | None = None  # as declared by the page or feed ("en", "en-GB"), when it says


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: a span of a document that names something."""

    doc_id: str
    start: int  # character offsets into Document.text, end exclusive
    end: int
    text: str
    label: str  # spaCy's entity label (PERSON, ORG, GPE, ...), after type consolidation
    sentence: int  # index of the sentence in the document
    typed_by: TypedBy | None = None  # what decided the type when it was not spaCy's own vote


@dataclass(frozen=True, slots=True)
class Argument:
    """The subject or object of a relation.

    ``text`` is the phrase as written, minimal but complete: the noun phrase with
    its modifiers, without relative clauses, appositions or coordinated phrases.
    ``mention`` is set when the argument is (or refers to) a named entity; otherwise
    the argument is a concept, named by ``label`` (its lemmatised noun phrase), or,
    when ``clause`` is true, a proposition (the reported clause, "it will continue ...").
    ``via`` says how an argument that is not a name found its referent
    ("pronoun", "nominal", "possessive", "partitive", ...), or is ``None``.
    """

    text: str
    label: str
    start: int
    end: int
    mention: Mention | None = None
    via: Via | None = None
    clause: bool = False

    @property
    def is_entity(self) -> bool:
        """Whether the argument refers to a named entity (else it is a concept)."""
        return self.mention is not None


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression on the calendar: ``value`` in ``datatype`` ("date" 2020-04-30,
    "gYearMonth" 2019-04, "gYear" 2011), or a period from ``start`` to ``end`` (ISO dates)."""

    value: str | None = None
    datatype: TimeDatatype | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A circumstance of an assertion: when, where, or another prepositional phrase.

    ``kind`` is "time", "place" or "other"; ``text`` is the phrase as written, with
    its preposition ("in April 2019"); ``mention`` is the place's entity, if named;
    ``time`` is a time qualifier's calendar value, when it could be worked out.
    """

    kind: QualifierKind
    text: str
    start: int
    end: int
    mention: Mention | None = None
    time: TimeValue | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """One assertion read from one sentence: subject – predicate – object.

    ``predicate`` is the lemmatised verb phrase in active voice ("reject", "call for");
    ``relation_text`` is the relation as written ("was unilaterally called by"). When
    ``passive`` is true the sentence reads object – relation_text – subject.
    ``object`` is ``None`` for an assertion with only circumstances ("fighting began
    in April 2019"). ``negated`` and ``modality`` qualify it; ``attribution`` is who
    said it, when the assertion is reported speech. ``start``/``end`` span the sentence.
    """

    doc_id: str
    subject: Argument
    predicate: str
    object: Argument | None
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: Modality | None = None
    attribution: Argument | None = None
    pattern: Pattern = ""
    confidence: float = 0.5
    relation_text: str = ""  # the predicate as written: "will not follow", "called for"
    passive: bool = False
    qualifiers: tuple[Qualifier, ...] = ()
    reading: Reading = "stated"  # stated in words, inferred by the classifier, or its guess

    def as_written(self) -> tuple[str, ...]:
        """The assertion in the sentence's own words and order:
        (first argument, relation, second argument, circumstances...).

        This is what Open IE benchmarks score, and what the statement node stores
        as ``kg:subjectText``/``kg:relationText``/``kg:objectText``/``kg:qualifier`` (``kg:time``
        for a time).
        """
        first, second = (self.object, self.subject) if self.passive else (self.subject, self.object)
        words = [first.text if first else "", self.relation_text, second.text if second else ""]
        return (*words, *(q.text for q in self.qualifiers))

    @property
    def is_factual(self) -> bool:
        """Whether the assertion may be stated as a plain fact (not negated, not hypothetical, not a guess)."""
        return not self.negated and self.modality in (None, "will", "shall") and self.reading != "guess"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document that a mention or a relation was read from.

    ``index`` counts the document's sentences from 0 (:attr:`Mention.sentence`); ``start``/``end``
    are character offsets into the document's text without the sentence's surrounding
    whitespace, and ``text`` is that stretch (:attr:`Relation.sentence`).
    """

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document.

    ``sentences`` are the sentences its mentions and relations were read from, in order: each
    is written once, as a node that their statements and mentions point to."""

    document: Document
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    relations: tuple[Relation, ...] = field(default_factory=tuple)
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)


def sentences_of(extraction: Extraction) -> tuple[Sentence, ...]:
    """Every sentence the extraction's mentions and relations point to, in document order.

    Extraction lists them (:attr:`Extraction.sentences`); a relation whose span is not a listed
    sentence (a long sentence cut in other places, an extraction made by hand) adds its own span,
    with no index (-1), so its offsets are kept; a mention whose sentence is not listed adds the
    relation sentence that holds it, else the line of the document text around it, with no index.
    A relation finds its sentence by its span, a mention by its index, else by where it starts.
    """
    found = {(s.start, s.end): s for s in extraction.sentences}
    for relation in extraction.relations:
        found.setdefault((relation.start, relation.end), Sentence(-1, relation.start, relation.end, relation.sentence))
    indexes = {s.index for s in extraction.sentences}
    text = extraction.document.text
    for mention in extraction.mentions:
        if mention.sentence in indexes or _holding(found.values(), mention) is not None:
            continue
        if text:
            start = text.rfind("\n", 0, mention.start) + 1
            end = text.find("\n", mention.start)
            line = text[start : len(text) if end < 0 else end]
            start += len(line) - len(line.lstrip())
            line = line.strip()
        else:  # no text to read the line from: the mention's own words stand for it
            start, line = mention.start, mention.text
        found.setdefault((start, start + len(line)), Sentence(-1, start, start + len(line), line))
    return tuple(sorted(found.values(), key=lambda s: (s.start, s.end)))


def sentence_of_mention(sentences: Iterable[Sentence], mention: Mention) -> Sentence:
    """The sentence of :func:`sentences_of` that ``mention`` was read from: the one of its index,
    else the first it starts in."""
    sentences = list(sentences)
    for sentence in sentences:
        if sentence.index == mention.sentence and sentence.index >= 0:
            return sentence
    holding = _holding(sentences, mention)
    if holding is None:
        raise ValueError(f"no sentence of document {mention.doc_id!r} holds {mention.text!r}")
    return holding


def _holding(sentences: Iterable[Sentence], mention: Mention) -> Sentence | None:
    """The first of ``sentences`` the mention starts in (a name may run past a headline's end)."""
    return next((s for s in sentences if s.start <= mention.start < max(s.end, s.start + 1)), None)


@dataclass(frozen=True, slots=True)
class BuildActivity:
    """What made a build's documents: kg's version, its extractor, and the options that change
    what a build writes. One ``prov:Activity`` node per distinct value (its IRI is a hash of
    them), so building the same input with the same options writes the same graph."""

    software: str = f"kg {VERSION}"
    extractor: str = EXTRACTOR
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world thing, merged from the mentions that name it.

    ``key`` identifies it across documents (its IRI is minted from it);
    ``merges`` records, for each other surface form, the rule that merged it.
    """

    key: str
    label: str
    type: str  # spaCy entity label, consolidated over all mentions
    alt_labels: tuple[str, ...] = ()
    mention_count: int = 0
    documents: tuple[str, ...] = ()
    # (surface form, its MergeRule); typed str because kg.store rebuilds entities from the rules a graph stores
    merges: tuple[tuple[str, str], ...] = ()
    iri: str | None = None  # set when the entity is already a node of the graph being added to
    # the place it is (kg.resolve.places): its GeoNames id and ISO 3166-1 country code, when known
    geonames: int | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class KnownEntity:
    """An entity already in a graph: new mentions with one of its names join it."""

    iri: str
    label: str
    type: str  # spaCy label of its class
    names: tuple[str, ...]  # label and alternative labels
    mention_count: int = 0


@dataclass(frozen=True)
class Aliases:
    """A user's alias file: names to merge into a canonical name, and merges to refuse.

    ``merge`` maps a normalised surface form to its canonical name;
    ``forbid`` holds pairs of normalised names that must stay apart.
    """

    merge: Mapping[str, str] = field(default_factory=dict)
    forbid: frozenset[frozenset[str]] = frozenset()


@dataclass(frozen=True)
class EntityTable:
    """The entities of a corpus, and which entity each mention belongs to."""

    entities: dict[str, Entity]
    _by_name: dict[tuple[str, str], str]

    def key_of(self, mention: Mention) -> str:
        """The key of the entity ``mention`` was merged into."""
        return self._by_name[(mention.doc_id, mention.text)]

    def rule_of(self, mention: Mention) -> str:
        """The rule by which ``mention``'s surface form joined its entity ("canonical" for its label)."""
        entity = self.entities[self.key_of(mention)]
        if mention.text == entity.label:
            return "canonical"
        return dict(entity.merges).get(mention.text, "exact")

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())
