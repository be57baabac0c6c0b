"""Check a graph against kg's contract, ``ontology/shapes.ttl`` (SHACL, run by pySHACL).

pySHACL evaluates a shape's SPARQL target (``sh:SPARQLTarget``) with rdflib, over the whole
graph: on 100 BBC articles kg's four targets took most of the time of ``kg validate``. kg runs
them in Oxigraph instead, over the same graph and ontology, and hands pySHACL the nodes they
found as ``sh:targetNode``: the same focus nodes, the same report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from .store import Store, as_store, union
from .store.dataset import DatasetStore
from .terms import to_rdflib
from .vocab import PREFIXES, ontology_graph, ontology_triples

__all__ = ["Violation", "validate", "run_shapes", "shapes_graph", "found_targets"]


@dataclass(frozen=True)
class Violation:
    """One way a graph breaks the contract."""

    focus: str  # the node that breaks it
    path: str | None  # the property concerned, if any
    message: str
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes shipped with kg (``kg.ontology/shapes.ttl``)."""
    graph = Graph()
    graph.parse(data=resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


def validate(graph: Any) -> list[Violation]:
    """The violations of kg's SHACL shapes in ``graph`` (an empty list when it conforms).

    ``graph`` is an rdflib graph or dataset, or a :class:`kg.store.Store` (a
    :class:`kg.KnowledgeGraph`'s ``.store``). The ontology (``kg.ttl``) is mixed in, so that
    relations declared there count as declared.
    """
    return run_shapes(graph, shapes_graph())


def run_shapes(graph: Any, shapes: Graph) -> list[Violation]:
    """The violations of ``shapes`` in ``graph``, with kg's ontology mixed in (see :func:`validate`)."""
    from pyshacl import validate as run_shacl  # imported when used: it loads slowly

    store = as_store(graph)
    ontology = ontology_graph()
    data = union(store.dataset) if isinstance(store, DatasetStore) else _flat_graph(store)
    _, report, _ = run_shacl(
        data,
        shacl_graph=found_targets(store, shapes),
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        severity = report.value(result, SH.resultSeverity)
        found.append(
            Violation(
                focus=_short(report.value(result, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else None,
                message=str(report.value(result, SH.resultMessage) or "does not conform"),
                value=_short(value) if value is not None else None,
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def found_targets(store: Store, shapes: Graph) -> Graph:
    """``shapes`` with each SPARQL target replaced by the nodes it selects in ``store`` and kg's ontology
    (``sh:targetNode``), selected by Oxigraph; ``shapes`` itself when it has no SPARQL target.

    A target that selects a blank node is left to pySHACL: a blank node has no name that
    both engines share.
    """
    targets = [
        (shape, target, str(query))
        for shape, target in shapes.subject_objects(SH.target)
        if (target, RDF.type, SH.SPARQLTarget) in shapes and (query := shapes.value(target, SH.select)) is not None
    ]
    if not targets:
        return shapes
    mixed = ox.Store()  # the graph and the ontology, as pySHACL sees them (ont_graph is mixed in)
    mixed.extend(store.quads())
    mixed.extend(ox.Quad(triple.subject, triple.predicate, triple.object) for triple in ontology_triples())
    rewritten = Graph()
    for triple in shapes:
        rewritten.add(triple)
    for prefix, namespace in shapes.namespaces():
        rewritten.bind(prefix, namespace)
    for shape, target, text in targets:
        result = mixed.query(text, prefixes=_declared(shapes, target), use_default_graph_as_union=True)
        if not isinstance(result, ox.QuerySolutions) or "this" not in {v.value for v in result.variables}:
            continue  # not a target pySHACL would run either: leave it to pySHACL's own error
        nodes = [to_rdflib(solution["this"]) for solution in result if solution["this"] is not None]
        if any(isinstance(node, BNode) for node in nodes):
            continue
        rewritten.remove((shape, SH.target, target))
        for node in nodes:
            rewritten.add((shape, SH.targetNode, node))
    return rewritten


def _declared(shapes: Graph, node) -> dict[str, str]:
    """The prefixes a SHACL-SPARQL node declares (``sh:prefixes`` → ``sh:declare``)."""
    declared = {}
    for holder in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(holder, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                declared[str(prefix)] = str(namespace)
    return declared


def _flat_graph(store: Store) -> Graph:
    """The triples of every graph of ``store`` as one rdflib graph (what pySHACL validates)."""
    flat = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        flat.bind(prefix, namespace)
    for quad in store.quads():
        flat.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return flat


def _short(term) -> str:
    text = str(term)
    for prefix in ("kg", "kgr", "rdf", "rdfs"):
        namespace = str(PREFIXES[prefix])
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text
