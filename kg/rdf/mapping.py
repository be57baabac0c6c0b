"""Map extracted records to RDF quads: a pure function of its inputs.

See ``ontology/kg.ttl`` for the model. For each relation the graph gets a
``kg:Statement`` node with provenance and qualifiers, and, when the relation is
factual (neither negated nor hypothetical), the plain triple
``subject predicate object`` as well, plus the same with the typed news relation
it maps to (``ontology/relations.tsv``). Everything a document says is in the
document's own named graph, so that the document can be replaced or removed as a
unit; entity and concept descriptions are in the corpus graph.

The quads are pyoxigraph's (an Oxigraph store takes them as they are; making
rdflib terms costs more than the rest of the mapping); :func:`to_graph` turns them
into an rdflib dataset for the Python API.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..model import Argument, EntityTable, Extraction, Relation
from ..resolve import name_keys, normalise_name
from . import iri
from .record import encode_extraction
from .typed import subproperty_rules, typed_relation
from .vocab import KG, ONTOLOGY_IRI, class_for_label, ontology_graph

__all__ = ["to_graph", "quads", "quad_batches", "ontology_quads"]

Triple = tuple[ox.NamedNode, ox.NamedNode, object]


_NAMESPACES = {"rdf": RDF, "rdfs": RDFS, "skos": SKOS, "owl": OWL, "dc": DCTERMS, "xsd": XSD, "kg": KG}


class _Terms:
    """The vocabulary as pyoxigraph terms, made once (looking terms up in rdflib's
    DefinedNamespace on every quad cost a quarter of the mapping)."""

    def __getattr__(self, name: str) -> ox.NamedNode:
        prefix, _, local = name.partition("_")
        namespace = _NAMESPACES.get(prefix)
        if namespace is None or not local:
            raise AttributeError(name)
        term = ox.NamedNode(str(namespace[local]))
        setattr(self, name, term)
        return term


T = _Terms()
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))
_FALSE = ox.Literal("false", datatype=ox.NamedNode(str(XSD.boolean)))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=T.xsd_integer)


def _boolean(value: bool) -> ox.Literal:
    return _TRUE if value else _FALSE


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _string(text: str) -> ox.Literal:
    """A plain string literal, with the characters no RDF/XML (XML 1.0) document can hold
    replaced (control characters by a space, lone surrogates by U+FFFD), so that every
    output format can carry it."""
    if not text.isprintable():
        text = _NOT_XML.sub(lambda m: " " if m.group() < "\x20" else "\ufffd", text)
    return ox.Literal(text)


@functools.lru_cache(maxsize=65536)
def _node(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def to_graph(
    extractions: Iterable[Extraction],
    entities: EntityTable,
    *,
    base: str = iri.DEFAULT_BASE,
    graph: Dataset | None = None,
) -> Dataset:
    """Add the quads of ``extractions`` to ``graph`` (a new rdflib dataset by default) and return it.

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
    from .terms import quad_to_rdflib

    graph = new_graph() if graph is None else graph
    for quad in quads(extractions, entities, base=iri.check_base(base)):
        graph.add(quad_to_rdflib(quad))
    for quad in ontology_quads():
        graph.add(quad_to_rdflib(quad))
    return graph


@functools.lru_cache(maxsize=1)
def ontology_quads() -> tuple[ox.Quad, ...]:
    """The ontology in its own named graph (named by its IRI).

    It travels with the data so that any RDF tool can query a typed relation's
    family ("?p rdfs:subPropertyOf* kg:stance").
    """
    from .terms import to_oxigraph

    name = ox.NamedNode(str(ONTOLOGY_IRI))
    return tuple(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in ontology_graph())


def quads(extractions: Iterable[Extraction], entities: EntityTable, *, base: str) -> Iterator[ox.Quad]:
    """Yield the quads (pyoxigraph) for documents, entities, concepts, relations and statements."""
    for _, batch in quad_batches(extractions, entities, base=base):
        yield from batch


def quad_batches(extractions: Iterable[Extraction], entities: EntityTable, *,
                 base: str) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Yield ``(graph IRI, quads)``: first the corpus graph (entities, concepts, relation
    predicates) and the names graph (the entities' name keys, :func:`kg.resolve.name_keys`),
    then each document's named graph as it is made.

    The corpus comes first so that a store can write each document together with the
    descriptions of the nodes it refers to, in one transaction (readers never see a
    statement about a node that has no label yet)."""
    Q = ox.Quad
    extractions = list(extractions)
    corpus = _node(str(iri.corpus_graph_iri(base)))
    names = _node(str(iri.names_graph_iri(base)))
    corpus_quads: list[ox.Quad] = []
    name_quads: list[ox.Quad] = []
    entity_iris, entity_classes = {}, {}
    for entity in entities:
        cls = class_for_label(entity.type)
        node = _node(entity.iri or str(iri.entity_iri(base, cls.split("#")[-1], entity.label)))
        entity_iris[entity.key] = node
        entity_classes[entity.key] = cls.split("#")[-1]
        corpus_quads.append(Q(node, T.rdf_type, _node(str(cls)), corpus))
        corpus_quads.append(Q(node, T.rdfs_label, _string(entity.label), corpus))
        for alt in entity.alt_labels:
            corpus_quads.append(Q(node, T.skos_altLabel, _string(alt), corpus))
        corpus_quads.append(Q(node, T.kg_mentionCount, _integer(entity.mention_count), corpus))
        for key in sorted(set().union(*(name_keys(name) for name in (entity.label, *entity.alt_labels)))):
            name_quads.append(Q(node, T.kg_nameKey, _string(key), names))

    # Concept labels and relation predicates are chosen over the whole build, before any document.
    concepts = concept_labels(extractions)
    predicates = {relation.predicate for extraction in extractions for relation in extraction.relations}
    for labels in concepts.values():
        corpus_quads.extend(concept_quads(labels, base=base))

    always = subproperty_rules()
    for lemma in sorted(predicates):
        predicate = _relation_node(lemma)
        corpus_quads.append(Q(predicate, T.rdf_type, T.owl_ObjectProperty, corpus))
        corpus_quads.append(Q(predicate, T.rdfs_subPropertyOf, _node(str(always.get(lemma, KG.relatedTo))), corpus))
        corpus_quads.append(Q(predicate, T.rdfs_label, _string(lemma), corpus))
    yield corpus.value, corpus_quads
    yield names.value, name_quads

    for extraction in extractions:
        document = extraction.document
        doc_node = _node(str(iri.document_iri(base, document.id)))
        here = _node(str(iri.document_graph_iri(base, document.id)))
        document_quads: list[ox.Quad] = []
        for s, p, o in _document_triples(doc_node, document):
            document_quads.append(Q(s, p, o, here))
        # What kg remove maps the document again from when the entities it names are re-linked.
        document_quads.append(Q(doc_node, T.kg_extraction, ox.Literal(encode_extraction(extraction)), here))
        for entity_key in sorted({entities.key_of(m) for m in extraction.mentions}):
            document_quads.append(Q(entity_iris[entity_key], T.kg_mentionedIn, doc_node, here))
        for mention in extraction.mentions:
            for s, p, o in _mention_triples(base, doc_node, mention, entity_iris[entities.key_of(mention)],
                                            entities.rule_of(mention)):
                document_quads.append(Q(s, p, o, here))

        def node_of(argument: Argument | None) -> ox.NamedNode | None:
            if argument is None:
                return None
            if argument.clause:
                return _node(str(iri.proposition_iri(base, document.id, argument.start, argument.end)))
            if argument.mention is not None:
                return entity_iris[entities.key_of(argument.mention)]
            return _node(str(iri.concept_iri(base, argument.label)))

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
            predicate = _relation_node(relation.predicate)
            typed = _typed(relation.predicate, class_of(relation.subject), class_of(relation.object),
                           relation.object.label.lower() if relation.object else None)
            if relation.is_factual and obj is not None:
                document_quads.append(Q(subject, predicate, obj, here))
                if typed is not None:
                    document_quads.append(Q(subject, typed, obj, here))  # so that "?s kg:rejects ?o" needs no reasoner
            attribution = node_of(relation.attribution) if relation.attribution else None
            places = [entity_iris[entities.key_of(q.mention)] for q in relation.qualifiers if q.mention]
            for s, p, o in _statement_triples(base, doc_node, relation, subject, predicate, obj, attribution,
                                              places, typed):
                document_quads.append(Q(s, p, o, here))
            for node, argument in ((subject, relation.subject), (obj, relation.object)):
                if argument is None:
                    continue
                if argument.clause:
                    document_quads.append(Q(node, T.rdf_type, T.kg_Proposition, here))
                    document_quads.append(Q(node, T.rdfs_label, _string(argument.text), here))
                    document_quads.append(Q(node, T.kg_document, doc_node, here))
                elif argument.mention is None:
                    document_quads.append(Q(node, T.kg_mentionedIn, doc_node, here))

        yield here.value, document_quads


def concept_labels(extractions: Iterable[Extraction]) -> dict[str, dict[str, int]]:
    """The concepts the relations of ``extractions`` name: normalised label → label as
    lemmatised → how often (subjects, objects and attributions that are neither a
    named entity nor a reported clause)."""
    concepts: dict[str, dict[str, int]] = defaultdict(dict)
    for extraction in extractions:
        for relation in extraction.relations:
            for argument in (relation.subject, relation.object, relation.attribution):
                if argument is not None and not argument.clause and argument.mention is None:
                    labels = concepts[normalise_name(argument.label)]
                    labels[argument.label] = labels.get(argument.label, 0) + 1
    return concepts


def concept_quads(labels: dict[str, int], *, base: str) -> list[ox.Quad]:
    """The corpus graph's description of one concept, from its labels and their counts
    (:func:`concept_labels`): the most frequent (ties: alphabetical) is its one label."""
    corpus = _node(str(iri.corpus_graph_iri(base)))
    label = sorted(labels.items(), key=lambda item: (-item[1], item[0]))[0][0]
    node = _node(str(iri.concept_iri(base, label)))
    found = [ox.Quad(node, T.rdf_type, T.kg_Concept, corpus), ox.Quad(node, T.rdfs_label, _string(label), corpus)]
    found += [ox.Quad(node, T.skos_altLabel, _string(alt), corpus) for alt in sorted(set(labels) - {label})]
    return found


@functools.lru_cache(maxsize=4096)
def _relation_node(lemma: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri.relation_iri(lemma)))


@functools.lru_cache(maxsize=16384)
def _typed(lemma, subject_class, object_class, object_label) -> ox.NamedNode | None:
    typed = typed_relation(lemma, subject_class, object_class, object_label)
    return None if typed is None else ox.NamedNode(str(typed))


def _document_triples(node: ox.NamedNode, document) -> Iterator[Triple]:
    yield node, T.rdf_type, T.kg_Document
    yield node, T.dc_identifier, _string(document.id)
    if document.title:
        yield node, T.dc_title, _string(document.title)
    if document.date:
        yield node, T.dc_date, ox.Literal(document.date, datatype=T.xsd_date)
    if document.url:
        yield node, T.dc_source, ox.Literal(_string(document.url).value, datatype=T.xsd_anyURI)


def _mention_triples(base, doc_node, mention, entity_node, rule) -> Iterator[Triple]:
    """A named mention: where it is, what it says, which entity it names and why."""
    node = _node(str(iri.mention_iri(base, mention.doc_id, mention.start, mention.end)))
    yield node, T.rdf_type, T.kg_Mention
    yield node, T.kg_mentionOf, entity_node
    yield node, T.kg_document, doc_node
    yield node, T.kg_startChar, _integer(mention.start)
    yield node, T.kg_endChar, _integer(mention.end)
    yield node, T.kg_surfaceForm, _string(mention.text)
    yield node, T.kg_mergedBy, _string(rule)
    if mention.typed_by:
        yield node, T.kg_typedBy, _string(mention.typed_by)


@functools.lru_cache(maxsize=1)
def _extractor() -> ox.Literal:
    """The extractor's name and version (imported late: reading a graph must not load spaCy)."""
    from ..extract.relations import EXTRACTOR

    return ox.Literal(EXTRACTOR)


def _statement_triples(base, doc_node, relation: Relation, subject, predicate, obj, attribution,
                       places, typed=None) -> Iterator[Triple]:
    node = _node(str(iri.statement_iri(
        base, relation.doc_id, relation.start, relation.end, subject.value, predicate.value,
        obj.value if obj is not None else "", relation.negated, relation.modality, relation.pattern,
        relation.subject.start, relation.subject.end, relation.object.start if relation.object else "",
        relation.object.end if relation.object else "")))
    yield node, T.rdf_type, T.kg_Statement
    yield node, T.rdf_subject, subject
    yield node, T.rdf_predicate, predicate
    if obj is not None:
        yield node, T.rdf_object, obj
    yield node, T.kg_document, doc_node
    yield node, T.kg_sentence, _string(relation.sentence)
    yield node, T.kg_startChar, _integer(relation.start)
    yield node, T.kg_endChar, _integer(relation.end)
    yield node, T.kg_subjectText, _string(relation.subject.text)
    if relation.object is not None:
        yield node, T.kg_objectText, _string(relation.object.text)
    yield node, T.kg_relationText, _string(relation.relation_text)
    yield node, T.kg_passive, _boolean(relation.passive)
    for qualifier in relation.qualifiers:
        yield node, T.kg_qualifier, _string(qualifier.text)
        if qualifier.kind == "time":
            yield node, T.kg_time, _string(qualifier.text)
            value = qualifier.time
            if value is not None and value.value is not None:
                yield node, T.kg_date, ox.Literal(value.value, datatype=_node(str(XSD[value.datatype])))
            elif value is not None:
                yield node, T.kg_startDate, ox.Literal(value.start, datatype=T.xsd_date)
                yield node, T.kg_endDate, ox.Literal(value.end, datatype=T.xsd_date)
    for place in places:
        yield node, T.kg_place, place
    if typed is not None:
        yield node, T.kg_relationType, typed
    yield node, T.kg_extractor, _extractor()
    yield node, T.kg_pattern, _string(relation.pattern)
    yield node, T.kg_confidence, ox.Literal(f"{relation.confidence:.2f}", datatype=T.xsd_decimal)
    yield node, T.kg_negated, _boolean(relation.negated)
    yield node, T.kg_asserted, _boolean(relation.is_factual and obj is not None)
    if relation.modality:
        yield node, T.kg_modality, _string(relation.modality)
    if attribution is not None:
        yield node, T.kg_attributedTo, attribution
