"""Plain records passed between the pipeline's stages.

Extraction produces these from spaCy documents; mapping to RDF consumes them.
They are frozen so that a stage cannot change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Document", "Mention", "Argument", "Relation", "Extraction", "Entity"]


@dataclass(frozen=True, slots=True)
class Document:
    """One news article.

    ``text`` is what is analysed; character offsets elsewhere point into it.
    The first line of ``text`` is the headline when the article has one.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # the file it was read from


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: a span of a document that names something."""

    doc_id: str
    start: int  # character offsets into Document.text, end exclusive
    end: int
    text: str
    label: str  # spaCy's entity label (PERSON, ORG, GPE, ...)
    sentence: int  # index of the sentence in the document


@dataclass(frozen=True, slots=True)
class Argument:
    """The subject or object of a relation.

    ``mention`` is set when the argument is (or refers to) a named entity; otherwise
    the argument is a concept, named by ``label`` (its lemmatised noun phrase).
    ``via`` says how an argument that is not a name found its referent
    ("pronoun", "nominal", "relative", ...), or is ``None``.
    """

    text: str
    label: str
    start: int
    end: int
    mention: Mention | None = None
    via: str | None = None

    @property
    def is_entity(self) -> bool:
        """Whether the argument refers to a named entity (else it is a concept)."""
        return self.mention is not None


@dataclass(frozen=True, slots=True)
class Relation:
    """One assertion read from one sentence: subject – predicate – object.

    ``predicate`` is the lemmatised verb phrase ("reject", "call for").
    ``negated`` and ``modality`` qualify it; ``attribution`` is who said it, when the
    assertion is reported speech. ``start``/``end`` span the sentence.
    """

    doc_id: str
    subject: Argument
    predicate: str
    object: Argument
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: str | None = None
    attribution: Argument | None = None
    pattern: str = ""
    confidence: float = 0.5
    relation_text: str = ""  # the predicate as written: "will not follow", "called for"

    @property
    def is_factual(self) -> bool:
        """Whether the assertion may be stated as a plain fact (not negated, not hypothetical)."""
        return not self.negated and self.modality in (None, "will", "shall")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    relations: tuple[Relation, ...] = field(default_factory=tuple)


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
    merges: tuple[tuple[str, str], ...] = ()
