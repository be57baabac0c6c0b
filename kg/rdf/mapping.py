"""Map extracted records to RDF triples: a pure function of its inputs.

See ``ontology/kg.ttl`` for the model. For each relation the graph gets a
``kg:Statement`` node with provenance and qualifiers, and, when the relation is
factual (neither negated nor hypothetical), the plain triple
``subject predicate object`` as well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..extract.relations import EXTRACTOR
from ..model import Argument, Extraction, Relation
from ..resolve import EntityTable, normalise_name
from . import iri
from .vocab import KG, class_for_label

__all__ = ["to_graph", "triples"]

Triple = tuple[URIRef, URIRef, object]


def to_graph(
    extractions: Iterable[Extraction],
    entities: EntityTable,
    *,
    base: str = iri.DEFAULT_BASE,
    graph: Graph | None = None,
) -> Graph:
    """Add the triples of ``extractions`` to ``graph`` (a new one by default) and return it.

    Parameters
    ----------
    extractions : iterable of Extraction
    entities : EntityTable
        The entities the extractions' mentions were merged into
        (:func:`kg.resolve.link_entities`).
    base : str
        Base IRI of entities, concepts, documents and statements.
    graph : rdflib.Graph, optional
        Where to add the triples.
    """
    from ..store import new_graph

    graph = new_graph() if graph is None else graph
    for triple in triples(extractions, entities, base=iri.check_base(base)):
        graph.add(triple)
    return graph


def triples(extractions: Iterable[Extraction], entities: EntityTable, *, base: str) -> Iterator[Triple]:
    """Yield the triples for documents, entities, concepts, relations and statements."""
    extractions = list(extractions)
    entity_iris = {}
    for entity in entities:
        cls = class_for_label(entity.type)
        node = URIRef(entity.iri) if entity.iri else iri.entity_iri(base, cls.split("#")[-1], entity.label)
        entity_iris[entity.key] = node
        yield node, RDF.type, cls
        yield node, RDFS.label, Literal(entity.label)
        for alt in entity.alt_labels:
            yield node, SKOS.altLabel, Literal(alt)
        yield node, KG.mentionCount, Literal(entity.mention_count, datatype=XSD.integer)
        for doc_id in entity.documents:
            yield node, KG.mentionedIn, iri.document_iri(base, doc_id)

    concepts: dict[str, dict[str, int]] = defaultdict(dict)  # normalised -> surface -> count
    predicates: set[str] = set()
    for extraction in extractions:
        document = extraction.document
        doc_node = iri.document_iri(base, document.id)
        yield from _document_triples(doc_node, document)
        for mention in extraction.mentions:
            yield from _mention_triples(base, doc_node, mention, entity_iris[entities.key_of(mention)],
                                        entities.rule_of(mention))

        def node_of(argument: Argument | None) -> URIRef | None:
            if argument is None:
                return None
            if argument.clause:
                return iri.proposition_iri(base, document.id, argument.start, argument.end)
            if argument.mention is not None:
                return entity_iris[entities.key_of(argument.mention)]
            labels = concepts[normalise_name(argument.label)]
            labels[argument.label] = labels.get(argument.label, 0) + 1
            return iri.concept_iri(base, argument.label)

        for relation in extraction.relations:
            subject, obj = node_of(relation.subject), node_of(relation.object)
            predicate = iri.relation_iri(relation.predicate)
            predicates.add(relation.predicate)
            if relation.is_factual and obj is not None:
                yield subject, predicate, obj
            attribution = node_of(relation.attribution) if relation.attribution else None
            places = [entity_iris[entities.key_of(q.mention)] for q in relation.qualifiers if q.mention]
            yield from _statement_triples(base, doc_node, relation, subject, predicate, obj, attribution, places)
            for node, argument in ((subject, relation.subject), (obj, relation.object)):
                if argument is None:
                    continue
                if argument.clause:
                    yield node, RDF.type, KG.Proposition
                    yield node, RDFS.label, Literal(argument.text)
                    yield node, KG.document, doc_node
                elif argument.mention is None:
                    yield node, KG.mentionedIn, doc_node

    for key, labels in concepts.items():
        # The most frequent surface form (ties: alphabetical) is the one label.
        label = sorted(labels.items(), key=lambda item: (-item[1], item[0]))[0][0]
        node = iri.concept_iri(base, label)
        yield node, RDF.type, KG.Concept
        yield node, RDFS.label, Literal(label)
        for alt in sorted(set(labels) - {label}):
            yield node, SKOS.altLabel, Literal(alt)

    for lemma in predicates:
        predicate = iri.relation_iri(lemma)
        yield predicate, RDF.type, OWL.ObjectProperty
        yield predicate, RDFS.subPropertyOf, KG.relatedTo
        yield predicate, RDFS.label, Literal(lemma)


def _document_triples(node: URIRef, document) -> Iterator[Triple]:
    yield node, RDF.type, KG.Document
    yield node, DCTERMS.identifier, Literal(document.id)
    if document.title:
        yield node, DCTERMS.title, Literal(document.title)
    if document.date:
        yield node, DCTERMS.date, Literal(document.date, datatype=XSD.date)
    if document.url:
        yield node, DCTERMS.source, Literal(document.url, datatype=XSD.anyURI)


def _mention_triples(base, doc_node, mention, entity_node, rule) -> Iterator[Triple]:
    """A named mention: where it is, what it says, which entity it names and why."""
    node = iri.mention_iri(base, mention.doc_id, mention.start, mention.end)
    yield node, RDF.type, KG.Mention
    yield node, KG.mentionOf, entity_node
    yield node, KG.document, doc_node
    yield node, KG.startChar, Literal(mention.start, datatype=XSD.integer)
    yield node, KG.endChar, Literal(mention.end, datatype=XSD.integer)
    yield node, KG.surfaceForm, Literal(mention.text)
    yield node, KG.mergedBy, Literal(rule)
    if mention.typed_by:
        yield node, KG.typedBy, Literal(mention.typed_by)


def _statement_triples(base, doc_node, relation: Relation, subject, predicate, obj, attribution,
                       places) -> Iterator[Triple]:
    node = iri.statement_iri(base, relation.doc_id, relation.start, relation.end,
                             subject, predicate, obj or "", relation.negated, relation.modality, relation.pattern,
                             relation.subject.start, relation.subject.end,
                             relation.object.start if relation.object else "",
                             relation.object.end if relation.object else "")
    yield node, RDF.type, KG.Statement
    yield node, RDF.subject, subject
    yield node, RDF.predicate, predicate
    if obj is not None:
        yield node, RDF.object, obj
    yield node, KG.document, doc_node
    yield node, KG.sentence, Literal(relation.sentence)
    yield node, KG.startChar, Literal(relation.start, datatype=XSD.integer)
    yield node, KG.endChar, Literal(relation.end, datatype=XSD.integer)
    yield node, KG.subjectText, Literal(relation.subject.text)
    if relation.object is not None:
        yield node, KG.objectText, Literal(relation.object.text)
    yield node, KG.relationText, Literal(relation.relation_text)
    yield node, KG.passive, Literal(relation.passive)
    for qualifier in relation.qualifiers:
        yield node, KG.qualifier, Literal(qualifier.text)
        if qualifier.kind == "time":
            yield node, KG.time, Literal(qualifier.text)
            value = qualifier.time
            if value is not None and value.value is not None:
                yield node, KG.date, Literal(value.value, datatype=XSD[value.datatype])
            elif value is not None:
                yield node, KG.startDate, Literal(value.start, datatype=XSD.date)
                yield node, KG.endDate, Literal(value.end, datatype=XSD.date)
    for place in places:
        yield node, KG.place, place
    yield node, KG.extractor, Literal(EXTRACTOR)
    yield node, KG.pattern, Literal(relation.pattern)
    yield node, KG.confidence, Literal(f"{relation.confidence:.2f}", datatype=XSD.decimal)
    yield node, KG.negated, Literal(relation.negated)
    yield node, KG.asserted, Literal(relation.is_factual)
    if relation.modality:
        yield node, KG.modality, Literal(relation.modality)
    if attribution is not None:
        yield node, KG.attributedTo, attribution
