"""Check a graph against kg's contract, ``ontology/shapes.ttl`` (SHACL, run by pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .store import union
from .vocab import PREFIXES, ontology_graph

__all__ = ["Violation", "validate", "run_shapes", "shapes_graph"]


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


def validate(graph: Graph) -> list[Violation]:
    """The violations of kg's SHACL shapes in ``graph`` (an empty list when it conforms).

    The ontology (``kg.ttl``) is mixed in, so that relations declared there count as declared.
    """
    return run_shapes(graph, shapes_graph())


def run_shapes(graph: Graph, shapes: Graph) -> list[Violation]:
    """The violations of ``shapes`` in ``graph``, with kg's ontology mixed in (see :func:`validate`)."""
    from pyshacl import validate as run_shacl  # imported when used: it loads slowly

    _, report, _ = run_shacl(
        union(graph),
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
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


def _short(term) -> str:
    text = str(term)
    for prefix in ("kg", "kgr", "rdf", "rdfs"):
        namespace = str(PREFIXES[prefix])
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text
