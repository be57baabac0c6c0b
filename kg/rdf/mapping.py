"""Map extracted records to RDF quads: a pure function of its inputs.

See ``ontology/kg.ttl`` for the model. For each relation the graph gets a
``kg:Statement`` node with provenance and qualifiers, and, when the relation is
factual (neither negated nor hypothetical), the plain triple
``subject predicate object`` as well, plus the same with the typed news relation
it maps to (``ontology/relations.tsv``). Everything a document says is in the
document's own named graph, so that the document can be replaced or removed as a
unit; entity and concept descriptions are in the corpus graph.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..model import Argument, Extraction, Relation
from ..resolve import EntityTable, normalise_name
from . import iri
from .typed import subproperty_rules, typed_relation
from .vocab import KG, ONTOLOGY_IRI, class_for_label, ontology_graph

__all__ = ["to_graph", "quads"]

Triple = tuple[URIRef, URIRef, object]
Quad = tuple[URIRef, URIRef, object, URIRef]


def to_graph(
    extractions: Iterable[Extraction],
    entities: EntityTable,
    *,
    base: str = iri.DEFAULT_BASE,
    graph: Dataset | None = None,
) -> Dataset:
    """Add the quads of ``extractions`` to ``graph`` (a new dataset by default) and return it.

    Each document's triples go into its own named graph (:func:`kg.rdf.iri.document_graph_iri`);
    what belongs to the corpus (entity and concept descriptions, relation declarations) goes
    into :func:`kg.rdf.iri.corpus_graph_iri`; the ontology itself into a graph named by its IRI.

    Parameters
    ----------
    extractions : iterable of Extraction
    entities : EntityTable
        The entities the extractions' mentions were merged into
        (:func:`kg.resolve.link_entities`).
    base : str
        Base IRI of entities, concepts, documents and statements.
    graph : rdflib.Dataset, optional
        Where to add the quads.
    """
    from ..store import new_graph

    graph = new_graph() if graph is None else graph
    for quad in quads(extractions, entities, base=iri.check_base(base)):
        graph.add(quad)
    # The ontology travels with the data, in its own named graph, so that any RDF tool
    # can query a typed relation's family ("?p rdfs:subPropertyOf* kg:stance").
    ontology = graph.graph(ONTOLOGY_IRI)
    for triple in ontology_graph():
        ontology.add(triple)
    return graph


def quads(extractions: Iterable[Extraction], entities: EntityTable, *, base: str) -> Iterator[Quad]:
    """Yield the quads for documents, entities, concepts, relations and statements."""
    extractions = list(extractions)
    corpus = iri.corpus_graph_iri(base)
    entity_iris, entity_classes = {}, {}
    for entity in entities:
        cls = class_for_label(entity.type)
        node = URIRef(entity.iri) if entity.iri else iri.entity_iri(base, cls.split("#")[-1], entity.label)
        entity_iris[entity.key] = node
        entity_classes[entity.key] = cls.split("#")[-1]
        yield node, RDF.type, cls, corpus
        yield node, RDFS.label, Literal(entity.label), corpus
        for alt in entity.alt_labels:
            yield node, SKOS.altLabel, Literal(alt), corpus
        yield node, KG.mentionCount, Literal(entity.mention_count, datatype=XSD.integer), corpus

    concepts: dict[str, dict[str, int]] = defaultdict(dict)  # normalised -> surface -> count
    predicates: set[str] = set()
    for extraction in extractions:
        document = extraction.document
        doc_node = iri.document_iri(base, document.id)
        here = iri.document_graph_iri(base, document.id)
        for triple in _document_triples(doc_node, document):
            yield (*triple, here)
        for entity_key in sorted({entities.key_of(m) for m in extraction.mentions}):
            yield entity_iris[entity_key], KG.mentionedIn, doc_node, here
        for mention in extraction.mentions:
            for triple in _mention_triples(base, doc_node, mention, entity_iris[entities.key_of(mention)],
                                           entities.rule_of(mention)):
                yield (*triple, here)

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

        def class_of(argument: Argument | None) -> str | None:
            if argument is None:
                return None
            if argument.clause:
                return "Proposition"
            if argument.mention is not None:
                return entity_classes[entities.key_of(argument.mention)]
            return "Concept"

        for relation in extraction.relations:
            subject, obj = node_of(relation.subject), node_of(relation.object)
            predicate = iri.relation_iri(relation.predicate)
            predicates.add(relation.predicate)
            typed = typed_relation(relation.predicate, class_of(relation.subject), class_of(relation.object),
                                   relation.object.label.lower() if relation.object else None)
            if relation.is_factual and obj is not None:
                yield subject, predicate, obj, here
                if typed is not None:
                    yield subject, typed, obj, here  # so that "?s kg:rejects ?o" needs no reasoner
            attribution = node_of(relation.attribution) if relation.attribution else None
            places = [entity_iris[entities.key_of(q.mention)] for q in relation.qualifiers if q.mention]
            for triple in _statement_triples(base, doc_node, relation, subject, predicate, obj, attribution,
                                             places, typed):
                yield (*triple, here)
            for node, argument in ((subject, relation.subject), (obj, relation.object)):
                if argument is None:
                    continue
                if argument.clause:
                    yield node, RDF.type, KG.Proposition, here
                    yield node, RDFS.label, Literal(argument.text), here
                    yield node, KG.document, doc_node, here
                elif argument.mention is None:
                    yield node, KG.mentionedIn, doc_node, here

    for key, labels in concepts.items():
        # The most frequent surface form (ties: alphabetical) is the one label.
        label = sorted(labels.items(), key=lambda item: (-item[1], item[0]))[0][0]
        node = iri.concept_iri(base, label)
        yield node, RDF.type, KG.Concept, corpus
        yield node, RDFS.label, Literal(label), corpus
        for alt in sorted(set(labels) - {label}):
            yield node, SKOS.altLabel, Literal(alt), corpus

    always = subproperty_rules()
    for lemma in predicates:
        predicate = iri.relation_iri(lemma)
        yield predicate, RDF.type, OWL.ObjectProperty, corpus
        yield predicate, RDFS.subPropertyOf, always.get(lemma, KG.relatedTo), corpus
        yield predicate, RDFS.label, Literal(lemma), corpus


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


@functools.lru_cache(maxsize=1)
def _extractor() -> Literal:
    """The extractor's name and version (imported late: reading a graph must not load spaCy)."""
    from ..extract.relations import EXTRACTOR

    return Literal(EXTRACTOR)


def _statement_triples(base, doc_node, relation: Relation, subject, predicate, obj, attribution,
                       places, typed=None) -> Iterator[Triple]:
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
    if typed is not None:
        yield node, KG.relationType, typed
    yield node, KG.extractor, _extractor()
    yield node, KG.pattern, Literal(relation.pattern)
    yield node, KG.confidence, Literal(f"{relation.confidence:.2f}", datatype=XSD.decimal)
    yield node, KG.negated, Literal(relation.negated)
    yield node, KG.asserted, Literal(relation.is_factual and obj is not None)
    if relation.modality:
        yield node, KG.modality, Literal(relation.modality)
    if attribution is not None:
        yield node, KG.attributedTo, attribution
