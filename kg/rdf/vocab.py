"""The kg vocabulary, a closed namespace over ``ontology/kg.ttl``.

A term missing from the ontology raises ``AttributeError`` where it is written;
``tests/rdf/test_vocab.py`` checks that this class and the ontology agree.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD, DefinedNamespace

__all__ = ["KG", "KGR", "ONTOLOGY_IRI", "ontology_path", "ontology_graph", "class_for_label"]

ONTOLOGY_IRI = URIRef("https://example.org/kg/ontology")

#: Relation predicates minted from verb phrases ("reject", "call for") live here.
KGR = Namespace("https://example.org/kg/relation/")


class KG(DefinedNamespace):
    """Terms of the kg ontology."""

    _fail = True
    _NS = Namespace("https://example.org/kg/ontology#")

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Location: URIRef
    GeopoliticalEntity: URIRef
    Facility: URIRef
    Group: URIRef
    Event: URIRef
    Work: URIRef
    Law: URIRef
    Product: URIRef
    Language: URIRef
    Concept: URIRef
    Document: URIRef
    Statement: URIRef
    Proposition: URIRef
    Mention: URIRef
    # properties
    spacyLabel: URIRef
    relatedTo: URIRef
    affiliation: URIRef
    worksFor: URIRef
    employs: URIRef
    memberOf: URIRef
    leaderOf: URIRef
    spokesmanFor: URIRef
    location: URIRef
    locatedIn: URIRef
    basedIn: URIRef
    livesIn: URIRef
    controlsTerritory: URIRef
    conflict: URIRef
    attacks: URIRef
    kills: URIRef
    ousts: URIRef
    launchesOffensive: URIRef
    stance: URIRef
    rejects: URIRef
    accepts: URIRef
    supports: URIRef
    accuses: URIRef
    criticises: URIRef
    callsFor: URIRef
    communication: URIRef
    says: URIRef
    announces: URIRef
    relationType: URIRef
    document: URIRef
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    subjectText: URIRef
    objectText: URIRef
    relationText: URIRef
    passive: URIRef
    qualifier: URIRef
    time: URIRef
    place: URIRef
    extractor: URIRef
    pattern: URIRef
    confidence: URIRef
    negated: URIRef
    modality: URIRef
    asserted: URIRef
    attributedTo: URIRef
    mentionCount: URIRef
    nameKey: URIRef
    mentionOf: URIRef
    surfaceForm: URIRef
    mergedBy: URIRef
    typedBy: URIRef
    date: URIRef
    startDate: URIRef
    endDate: URIRef
    mentionedIn: URIRef
    extraction: URIRef


def ontology_path():
    """Where the installed ontology file ``kg.ttl`` is."""
    return files("kg.ontology").joinpath("kg.ttl")


@functools.lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology, parsed (cached; do not modify the returned graph).

    pyoxigraph reads the Turtle: rdflib's parse() looks its parser plugins up through the
    installed packages' entry points, which takes most of a second on a big environment.
    """
    import pyoxigraph
    from rdflib import BNode

    def term(value):
        if isinstance(value, pyoxigraph.NamedNode):
            return URIRef(value.value)
        if isinstance(value, pyoxigraph.BlankNode):
            return BNode(value.value)
        if value.language:
            return Literal(value.value, lang=value.language)
        if value.datatype.value == str(XSD.string):
            return Literal(value.value)
        return Literal(value.value, datatype=URIRef(value.datatype.value))

    graph = Graph(bind_namespaces="core")
    for triple in pyoxigraph.parse(ontology_path().read_bytes(), pyoxigraph.RdfFormat.TURTLE):
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


@functools.lru_cache(maxsize=None)
def class_for_label(label: str) -> URIRef:
    """The ontology class a spaCy entity label maps to (``kg:Entity`` if none does).

    Examples
    --------
    >>> class_for_label("PERSON")
    rdflib.term.URIRef('https://example.org/kg/ontology#Person')
    """
    for cls in ontology_graph().subjects(KG.spacyLabel, Literal(label)):
        return URIRef(cls)
    return KG.Entity
