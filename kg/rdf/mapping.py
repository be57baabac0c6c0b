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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset

from ..lang.places import geonames_iri
from ..model import (
    Argument,
    BuildActivity,
    Document,
    EntityTable,
    Extraction,
    Mention,
    Relation,
    Sentence,
    sentence_of_mention,
    sentences_of,
)
from ..resolve.concepts import Concept, ConceptTable
from ..terms import quad_to_rdflib
from ..text.names import name_keys
from ..vocab import (
    KG,
    ONTOLOGY_IRI,
    class_for_label,
    new_dataset,
    ontology_triples,
    subproperty_rules,
    typed_relation,
)
from . import iri
from .nodes import T, Triple, int_literal, named_node, str_literal
from .record import encode_extraction
from .statements import Statement, statement_triples

__all__ = ["to_graph", "quads", "quad_batches", "document_quads", "Nodes", "ontology_quads", "concept_quads"]


def to_graph(
    extractions: Iterable[Extraction],
    entities: EntityTable,
    *,
    base: str = iri.DEFAULT_BASE,
    graph: Dataset | None = None,
    activity: BuildActivity | None = None,
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
    activity : BuildActivity, optional
        What made the documents (their ``prov:wasGeneratedBy``); kg's defaults when not given.
    """
    graph = new_dataset() if graph is None else graph
    # rdflib takes a graph's name as the context (it looks the graph up), though it annotates a Graph.
    for quad in quads(extractions, entities, base=iri.check_base(base), activity=activity):
        graph.add(quad_to_rdflib(quad))  # type: ignore[arg-type]
    for quad in ontology_quads():
        graph.add(quad_to_rdflib(quad))  # type: ignore[arg-type]
    return graph


@functools.cache
def ontology_quads() -> tuple[ox.Quad, ...]:
    """The ontology in its own named graph (named by its IRI).

    It travels with the data so that any RDF tool can query a typed relation's
    family ("?p rdfs:subPropertyOf* kg:stance").
    """
    name = ox.NamedNode(str(ONTOLOGY_IRI))
    return tuple(ox.Quad(t.subject, t.predicate, t.object, name) for t in ontology_triples())


def quads(
    extractions: Iterable[Extraction], entities: EntityTable, *, base: str, activity: BuildActivity | None = None
) -> Iterator[ox.Quad]:
    """Yield the quads (pyoxigraph) for documents, entities, concepts, relations and statements."""
    for _, batch in quad_batches(extractions, entities, base=base, activity=activity):
        yield from batch


def quad_batches(
    extractions: Iterable[Extraction], entities: EntityTable, *, base: str, activity: BuildActivity | None = None
) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Yield ``(graph IRI, quads)``: first the corpus graph (entities, concepts, relation
    predicates) and the names graph (the entities' name keys, :func:`kg.text.names.name_keys`),
    then each document's named graph as it is made.

    The corpus comes first so that a store can write each document together with the
    descriptions of the nodes it refers to, in one transaction (readers never see a
    statement about a node that has no label yet). The corpus graph also describes the
    build (``activity``, a ``prov:Activity``) that every document points to."""
    extractions = list(extractions)
    nodes = Nodes.of(entities, base, activity=activity)
    corpus = named_node(str(iri.corpus_graph_iri(base)))
    names = named_node(str(iri.names_graph_iri(base)))
    # Concept labels and relation predicates are chosen over the whole build, before any document.
    corpus_quads = [ox.Quad(s, p, o, corpus) for s, p, o in _entity_triples(entities, nodes)]
    for concept in ConceptTable.from_extractions(extractions):
        corpus_quads += concept_quads(concept, base=base)
    predicates = {relation.predicate for extraction in extractions for relation in extraction.relations}
    corpus_quads += [ox.Quad(s, p, o, corpus) for s, p, o in _predicate_triples(predicates)]
    if extractions:  # the build the documents come from, when there are any
        corpus_quads += [ox.Quad(s, p, o, corpus) for s, p, o in _activity_triples(nodes)]
    yield corpus.value, corpus_quads
    yield names.value, [ox.Quad(s, p, o, names) for s, p, o in _name_triples(entities, nodes)]
    for extraction in extractions:
        yield document_quads(extraction, nodes)


def document_quads(extraction: Extraction, nodes: Nodes) -> tuple[str, list[ox.Quad]]:
    """``(graph IRI, quads)`` of one document's named graph: what the document says.

    Needs only the build's :class:`Nodes` (made once from the linked entity table), so
    documents can be mapped anywhere once linking is over, in any order."""
    here = named_node(str(iri.document_graph_iri(nodes.base, extraction.document.id)))
    return here.value, [ox.Quad(s, p, o, here) for s, p, o in _extraction_triples(extraction, nodes)]


@dataclass(frozen=True)
class Nodes:
    """The nodes of one build: its entities' IRIs and classes (by entity key), and the
    nodes of the arguments of its relations."""

    base: str
    entities: EntityTable
    iris: dict[str, ox.NamedNode]
    classes: dict[str, str]  # class local name ("Person")
    activity: BuildActivity
    activity_node: ox.NamedNode

    @classmethod
    def of(cls, entities: EntityTable, base: str, *, activity: BuildActivity | None = None) -> Nodes:
        """The nodes of ``entities`` (an entity already in the graph keeps its IRI) and of the build."""
        iris, classes = {}, {}
        for entity in entities:
            name = class_for_label(entity.type).split("#")[-1]
            iris[entity.key] = named_node(entity.iri or str(iri.entity_iri(base, name, entity.label)))
            classes[entity.key] = name
        activity = activity or BuildActivity()
        node = named_node(str(iri.activity_iri(base, activity.software, activity.extractor, *activity.options)))
        return cls(base, entities, iris, classes, activity, node)

    def entity(self, mention: Mention) -> ox.NamedNode:
        """The node of the entity ``mention`` names."""
        return self.iris[self.entities.key_of(mention)]

    def argument(self, argument: Argument, doc_id: str) -> ox.NamedNode:
        """The node of a relation's argument: a proposition, an entity or a concept."""
        if argument.clause:
            return named_node(str(iri.proposition_iri(self.base, doc_id, argument.start, argument.end)))
        if argument.mention is not None:
            return self.entity(argument.mention)
        return named_node(str(iri.concept_iri(self.base, argument.label)))

    def class_of(self, argument: Argument | None) -> str | None:
        """The class (local name) of an argument's node, as ``relations.tsv`` names classes."""
        if argument is None:
            return None
        if argument.clause:
            return "Proposition"
        if argument.mention is not None:
            return self.classes[self.entities.key_of(argument.mention)]
        return "Concept"


def _entity_triples(entities: EntityTable, nodes: Nodes) -> Iterator[Triple]:
    """The corpus graph's description of each entity: class, labels, how often it is mentioned."""
    for entity in entities:
        node = nodes.iris[entity.key]
        yield node, T.rdf_type, named_node(str(class_for_label(entity.type)))
        yield node, T.rdfs_label, str_literal(entity.label)
        for alt in entity.alt_labels:
            yield node, T.skos_altLabel, str_literal(alt)
        yield node, T.kg_mentionCount, int_literal(entity.mention_count)
        if entity.geonames is not None:  # the place it is (kg.resolve.places)
            yield node, T.owl_sameAs, named_node(geonames_iri(entity.geonames))
            if entity.country_code:
                yield node, T.kg_countryCode, str_literal(entity.country_code)


def _name_triples(entities: EntityTable, nodes: Nodes) -> Iterator[Triple]:
    """The names graph: every key of every name of each entity (:func:`kg.text.names.name_keys`)."""
    for entity in entities:
        keys: set[str] = set().union(*(name_keys(name) for name in (entity.label, *entity.alt_labels)))
        for key in sorted(keys):
            yield nodes.iris[entity.key], T.kg_nameKey, str_literal(key)


def _predicate_triples(predicates: set[str]) -> Iterator[Triple]:
    """The declarations of the relation predicates: a sub-property of the typed relation the
    predicate always means (``relations.tsv``), else of ``kg:relatedTo``."""
    always = subproperty_rules()
    for lemma in sorted(predicates):
        predicate = _relation_node(lemma)
        yield predicate, T.rdf_type, T.owl_ObjectProperty
        yield predicate, T.rdfs_subPropertyOf, named_node(str(always.get(lemma, KG.relatedTo)))
        yield predicate, T.rdfs_label, str_literal(lemma)


def _activity_triples(nodes: Nodes) -> Iterator[Triple]:
    """The build the documents come from: kg's version, its extractor and the options that change
    what it writes (``name=value``), once for all of them instead of on every statement."""
    activity, node = nodes.activity, nodes.activity_node
    yield node, T.rdf_type, T.prov_Activity
    yield node, T.rdfs_label, str_literal(f"{activity.software} build")
    yield node, T.kg_extractor, str_literal(activity.extractor)
    for name, value in activity.options:
        yield node, T.kg_option, str_literal(f"{name}={value}")


def concept_quads(concept: Concept, *, base: str) -> list[ox.Quad]:
    """The corpus graph's description of one concept (:class:`kg.resolve.concepts.ConceptTable`)."""
    corpus = named_node(str(iri.corpus_graph_iri(base)))
    node = named_node(str(iri.concept_iri(base, concept.label)))
    found = [
        ox.Quad(node, T.rdf_type, T.kg_Concept, corpus),
        ox.Quad(node, T.rdfs_label, str_literal(concept.label), corpus),
    ]
    found += [ox.Quad(node, T.skos_altLabel, str_literal(alt), corpus) for alt in concept.alt_labels]
    return found


def _extraction_triples(extraction: Extraction, nodes: Nodes) -> Iterator[Triple]:
    """What one document says, for its named graph: the document, its mentions, its relations."""
    document = extraction.document
    doc_node = named_node(str(iri.document_iri(nodes.base, document.id)))
    yield from _document_triples(doc_node, document)
    yield doc_node, T.prov_wasGeneratedBy, nodes.activity_node
    # What kg remove maps the document again from when the entities it names are re-linked.
    sentences = _Sentences(nodes.base, extraction, doc_node)
    yield doc_node, T.kg_extraction, ox.Literal(encode_extraction(extraction, sentences.sentences))
    for entity_key in sorted({nodes.entities.key_of(m) for m in extraction.mentions}):
        yield nodes.iris[entity_key], T.kg_mentionedIn, doc_node
    yield from _wire_triples(extraction, doc_node, nodes)
    for mention in extraction.mentions:
        sentence, rule = sentences.of_mention(mention), nodes.entities.rule_of(mention)
        yield from _mention_triples(nodes.base, sentence, mention, nodes.entity(mention), rule)
    for relation in extraction.relations:
        yield from _relation_triples(relation, doc_node, sentences.of(relation), nodes)
    yield from sentences.triples()


class _Sentences:
    """The sentence nodes of one document (:func:`kg.model.sentences_of`): each written once,
    whichever mentions and statements point to it."""

    def __init__(self, base: str, extraction: Extraction, doc_node: ox.NamedNode):
        self.base, self.doc_id, self.doc_node = base, extraction.document.id, doc_node
        self.sentences = sentences_of(extraction)
        self.by_index = {sentence.index: sentence for sentence in self.sentences if sentence.index >= 0}
        self.by_span = {(sentence.start, sentence.end): sentence for sentence in self.sentences}
        self.used: dict[Sentence, ox.NamedNode] = {}

    def node(self, sentence: Sentence) -> ox.NamedNode:
        found = self.used.get(sentence)
        if found is None:
            found = named_node(str(iri.sentence_iri(self.base, self.doc_id, sentence.start, sentence.end)))
            self.used[sentence] = found
        return found

    def of_mention(self, mention: Mention) -> ox.NamedNode:
        """The node of the sentence ``mention`` was read from (:attr:`kg.model.Mention.sentence`)."""
        sentence = self.by_index.get(mention.sentence)
        return self.node(sentence if sentence is not None else sentence_of_mention(self.sentences, mention))

    def of(self, relation: Relation) -> ox.NamedNode:
        """The node of the sentence ``relation`` was read from: the one of its span."""
        return self.node(self.by_span[relation.start, relation.end])

    def triples(self) -> Iterator[Triple]:
        """Each sentence pointed to: its text, document, offsets and place in the document."""
        for sentence, node in self.used.items():
            yield node, T.rdf_type, T.kg_Sentence
            yield node, T.kg_text, str_literal(sentence.text)
            yield node, T.kg_document, self.doc_node
            yield node, T.kg_startChar, int_literal(sentence.start)
            yield node, T.kg_endChar, int_literal(sentence.end)
            if sentence.index >= 0:
                yield node, T.kg_index, int_literal(sentence.index)


def _relation_triples(
    relation: Relation, doc_node: ox.NamedNode, sentence: ox.NamedNode, nodes: Nodes
) -> Iterator[Triple]:
    """One relation: the plain (and typed) triple when it is a fact, its statement, and what
    its arguments that are no entity are (a proposition's description, a concept's document)."""
    # A pronoun no evidence resolves links to nothing: its statement keeps the words ("it") and no
    # node, and is neither typed nor asserted (a wrong link is worse than none).
    subject = None if _unresolved(relation.subject) else nodes.argument(relation.subject, relation.doc_id)
    obj = (
        None
        if relation.object is None or _unresolved(relation.object)
        else nodes.argument(relation.object, relation.doc_id)
    )
    predicate = _relation_node(relation.predicate)
    # "Marsh (MMC) ...", "the company is Marsh": both arguments are one entity, and a thing's relation to
    # itself tells a reader nothing: its statement is kept (what the build declares and a removal undoes
    # stays the same), but it is neither typed nor asserted.
    linked = subject is not None and (relation.object is None or obj is not None) and subject != obj
    typed = (
        _typed(
            relation.predicate,
            nodes.class_of(relation.subject),
            nodes.class_of(relation.object),
            relation.object.label.lower() if relation.object else None,
        )
        if linked
        else None
    )
    asserted = linked and _asserted(relation, obj is not None, typed is not None)
    if asserted and subject is not None and obj is not None:
        yield subject, predicate, obj
        if typed is not None:
            yield subject, typed, obj  # so that "?s kg:rejects ?o" needs no reasoner
    attribution = (
        nodes.argument(relation.attribution, relation.doc_id)
        if relation.attribution and not _unresolved(relation.attribution)
        else None
    )
    places = [nodes.entity(q.mention) for q in relation.qualifiers if q.mention]
    statement = Statement(relation, subject, predicate, obj, attribution, places, typed, asserted)
    yield from statement_triples(nodes.base, sentence, statement)
    for node, argument in ((subject, relation.subject), (obj, relation.object)):
        if argument is None or node is None:
            continue
        if argument.clause:
            yield node, T.rdf_type, T.kg_Proposition
            yield node, T.rdfs_label, str_literal(argument.text)
            yield node, T.kg_sentence, sentence
        elif argument.mention is None:
            yield node, T.kg_mentionedIn, doc_node


def _unresolved(argument: Argument | None) -> bool:
    """Whether ``argument`` is a pronoun reference resolution left without a referent."""
    return argument is not None and argument.via == "unresolved"


def _asserted(relation: Relation, has_object: bool, has_type: bool) -> bool:
    """Whether ``relation`` is written as a plain fact: it is factual and has an object, and when the
    classifier inferred it (its predicate is no word of the sentence), its typed relation's argument
    classes hold (``relations.tsv``): "Chrysler based in Renault" is no fact, an organisation is not
    based in an organisation. Otherwise it stays a statement without ``kg:asserted``."""
    return relation.is_factual and has_object and (has_type or relation.reading != "inferred")


@functools.lru_cache(maxsize=4096)
def _relation_node(lemma: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri.relation_iri(lemma)))


@functools.lru_cache(maxsize=16384)
def _typed(
    lemma: str, subject_class: str | None, object_class: str | None, object_label: str | None
) -> ox.NamedNode | None:
    typed = typed_relation(lemma, subject_class, object_class, object_label)
    return None if typed is None else ox.NamedNode(str(typed))


def _document_triples(node: ox.NamedNode, document: Document) -> Iterator[Triple]:
    yield node, T.rdf_type, T.kg_Document
    yield node, T.dcterms_identifier, str_literal(document.id)
    if document.title:
        yield node, T.dcterms_title, str_literal(document.title)
    if document.date:
        yield node, T.dcterms_date, ox.Literal(document.date, datatype=T.xsd_date)
    if document.url:
        yield node, T.dcterms_source, ox.Literal(str_literal(document.url).value, datatype=T.xsd_anyURI)
    if document.author:
        yield node, T.dcterms_creator, str_literal(document.author)
    if document.publisher:
        yield node, T.dcterms_publisher, str_literal(document.publisher)
    if document.language:
        yield node, T.dcterms_language, str_literal(document.language)


def _mention_triples(
    base: str, sentence: ox.NamedNode, mention: Mention, entity_node: ox.NamedNode, rule: str
) -> Iterator[Triple]:
    """A named mention: where it is, what it says, which entity it names and, unless the name is the
    entity's label, by what rule."""
    node = named_node(str(iri.mention_iri(base, mention.doc_id, mention.start, mention.end)))
    yield node, T.rdf_type, T.kg_Mention
    yield node, T.kg_mentionOf, entity_node
    yield node, T.kg_sentence, sentence
    yield node, T.kg_startChar, int_literal(mention.start)
    yield node, T.kg_endChar, int_literal(mention.end)
    yield node, T.kg_surfaceForm, str_literal(mention.text)
    if rule != "canonical":
        yield node, T.kg_mergedBy, str_literal(rule)
    if mention.typed_by:
        yield node, T.kg_typedBy, str_literal(mention.typed_by)


def _wire_triples(extraction: Extraction, doc_node: ox.NamedNode, nodes: Nodes) -> Iterator[Triple]:
    """The document's dateline place (``dcterms:spatial``, its entity node) and the ticker symbols
    written after a company's name ("Trans World Airlines Inc <TWA>": ``kg:ticker "TWA"``)."""
    document = extraction.document
    line = document.dateline
    tickers = [span for span in document.wire if span.kind == "ticker"]
    if line is None and not tickers:
        return
    by_span = {(m.start, m.end): m for m in extraction.mentions}
    if line is not None and (line.place_start, line.place_end) in by_span:
        yield doc_node, T.dcterms_spatial, nodes.entity(by_span[line.place_start, line.place_end])
    ends = {m.end: m for m in extraction.mentions}
    for ticker in tickers:
        # The name ends just before the ticker, or one space before it.
        named = ends.get(ticker.start) or ends.get(ticker.start - 1)
        if named is not None:
            yield nodes.entity(named), T.kg_ticker, str_literal(ticker.text)
