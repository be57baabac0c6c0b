"""Convert RDF terms between rdflib and pyoxigraph.

The build writes pyoxigraph quads (Oxigraph stores them and writes Turtle, TriG
and N-Quads an order of magnitude faster than rdflib, see PERFORMANCE.md); the
Python API hands out rdflib graphs. These two functions cross between them.
"""

from __future__ import annotations

from typing import overload

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["to_rdflib", "to_oxigraph", "quad_to_rdflib", "value_of"]

_XSD_STRING = str(XSD.string)
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@overload
def to_rdflib(term: ox.NamedNode) -> URIRef: ...
@overload
def to_rdflib(term: ox.DefaultGraph) -> None: ...
@overload
def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Triple) -> URIRef | BNode: ...
@overload
def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> URIRef | BNode | Literal: ...
@overload
def to_rdflib(term: object) -> URIRef | BNode | Literal | None: ...


def to_rdflib(term: object) -> URIRef | BNode | Literal | None:
    """The rdflib term for a pyoxigraph term (NamedNode, BlankNode, Literal; DefaultGraph → None).

    >>> to_rdflib(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


@overload
def to_oxigraph(term: None) -> ox.DefaultGraph: ...
@overload
def to_oxigraph(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph: ...


def to_oxigraph(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph:
    """The pyoxigraph term for an rdflib term (None → the default graph).

    >>> to_oxigraph(Literal("Haftar"))
    <Literal value=Haftar datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _LANG_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term is None:
        return ox.DefaultGraph()
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def quad_to_rdflib(quad: ox.Quad) -> tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal, URIRef | BNode | None]:
    """A pyoxigraph quad as an rdflib ``(s, p, o, graph name or None)`` tuple."""
    name = None if isinstance(quad.graph_name, ox.DefaultGraph) else to_rdflib(quad.graph_name)
    return (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object), name)


def value_of(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The IRI, blank node id or lexical form of a quad's term (kg makes no quoted triples)."""
    if isinstance(term, ox.Triple):
        raise TypeError(f"a quoted triple has no value: {term!r}")
    return term.value
