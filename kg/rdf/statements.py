"""A relation's ``kg:Statement`` node: the triple it reifies, its sentence, provenance and qualifiers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..model import Relation
from ..vocab import PREFIXES
from . import iri
from .nodes import T, Triple, bool_literal, named_node, str_literal

__all__ = ["Statement", "statement_triples"]


@dataclass(frozen=True)
class Statement:
    """A relation with the nodes its statement points at."""

    relation: Relation
    subject: ox.NamedNode | None  # None for a pronoun left unresolved: the statement keeps its words only
    predicate: ox.NamedNode
    object: ox.NamedNode | None
    attribution: ox.NamedNode | None
    places: list[ox.NamedNode]
    typed: ox.NamedNode | None
    asserted: bool = False  # also written as a plain triple (kg.rdf.mapping decides)

    def node(self, base: str) -> ox.NamedNode:
        """The statement's IRI, a hash of what identifies it."""
        relation, obj = self.relation, self.relation.object
        return named_node(
            str(
                iri.statement_iri(
                    base,
                    relation.doc_id,
                    relation.start,
                    relation.end,
                    self.subject.value if self.subject is not None else "",
                    self.predicate.value,
                    self.object.value if self.object is not None else "",
                    relation.negated,
                    relation.modality,
                    relation.pattern,
                    relation.subject.start,
                    relation.subject.end,
                    obj.start if obj else "",
                    obj.end if obj else "",
                )
            )
        )


_TRUE = bool_literal(True)


def statement_triples(base: str, sentence: ox.NamedNode, statement: Statement) -> Iterator[Triple]:
    """The ``kg:Statement`` node of one relation: the triple, its sentence's node (which holds the
    text, offsets and document), the words it was read from, qualifiers and how it holds.

    Nothing the sentence or the build already says is repeated here, and the flags
    ``kg:passive``, ``kg:negated`` and ``kg:asserted`` are written only when true."""
    relation = statement.relation
    node = statement.node(base)
    yield node, T.rdf_type, T.kg_Statement
    if statement.subject is not None:
        yield node, T.rdf_subject, statement.subject
    yield node, T.rdf_predicate, statement.predicate
    if statement.object is not None:
        yield node, T.rdf_object, statement.object
    yield node, T.kg_sentence, sentence
    yield node, T.kg_subjectText, str_literal(relation.subject.text)
    if relation.object is not None:
        yield node, T.kg_objectText, str_literal(relation.object.text)
    yield node, T.kg_relationText, str_literal(relation.relation_text)
    if relation.passive:
        yield node, T.kg_passive, _TRUE
    yield from qualifier_triples(node, relation)
    for place in statement.places:
        yield node, T.kg_place, place
    if statement.typed is not None:
        yield node, T.kg_relationType, statement.typed
    yield node, T.kg_pattern, str_literal(relation.pattern)
    yield node, T.kg_confidence, ox.Literal(f"{relation.confidence:.2f}", datatype=T.xsd_decimal)
    if relation.negated:
        yield node, T.kg_negated, _TRUE
    if statement.asserted:
        yield node, T.kg_asserted, _TRUE
    if relation.modality:
        yield node, T.kg_modality, str_literal(relation.modality)
    if statement.attribution is not None:
        yield node, T.kg_attributedTo, statement.attribution


def qualifier_triples(node: ox.NamedNode, relation: Relation) -> Iterator[Triple]:
    """A statement's circumstances as written, and its times on the calendar when known.

    A time is written once, as ``kg:time`` (a sub-property of ``kg:qualifier``): all the
    circumstances of a statement are ``kg:qualifier|kg:time``."""
    for qualifier in relation.qualifiers:
        if qualifier.kind != "time":
            yield node, T.kg_qualifier, str_literal(qualifier.text)
            continue
        yield node, T.kg_time, str_literal(qualifier.text)
        value = qualifier.time
        if value is not None and value.value is not None:
            yield (
                node,
                T.kg_date,
                ox.Literal(value.value, datatype=named_node(str(PREFIXES["xsd"][value.datatype or ""]))),
            )
        elif value is not None and value.start is not None and value.end is not None:
            yield node, T.kg_startDate, ox.Literal(value.start, datatype=T.xsd_date)
            yield node, T.kg_endDate, ox.Literal(value.end, datatype=T.xsd_date)
