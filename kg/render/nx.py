"""Convert a kg RDF graph into a networkx graph of entities, concepts and relations.

Built from the RDF alone (the statements and their labels), so a saved graph can
be analysed and drawn without re-running the language pipeline.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..rdf.vocab import KG, ontology_graph

__all__ = ["to_networkx", "node_classes"]


def node_classes() -> dict[URIRef, str]:
    """The ontology's entity classes and ``kg:Concept``, with their labels."""
    ontology = ontology_graph()
    classes = {KG.Concept: "Concept", KG.Proposition: "Proposition"}
    for cls in ontology.transitive_subjects(RDFS.subClassOf, KG.Entity):
        label = ontology.value(cls, RDFS.label)
        classes[URIRef(cls)] = str(label) if label else cls.split("#")[-1]
    return classes


def _number(value) -> float:
    """A literal's numeric value, or 0 when it is missing or not a number (graphs from elsewhere)."""
    try:
        return float(value.toPython()) if value is not None else 0.0
    except (TypeError, ValueError, AttributeError):
        return 0.0


def to_networkx(graph: Graph):
    """A ``networkx.MultiDiGraph`` of the entities and concepts of ``graph`` and their relations.

    Nodes are keyed by IRI and carry ``label``, ``type`` (class label),
    ``alt_labels`` and ``mentions``. There is one edge per subject, relation,
    object and polarity, carrying ``relation`` (label), ``predicate`` (IRI),
    ``negated``, ``modality``, ``confidence`` (the highest of its statements),
    ``count`` and ``sources``: a list of ``(document title, sentence)``.

    Examples
    --------
    >>> import kg
    >>> nxg = to_networkx(kg.store.new_graph())
    >>> nxg.number_of_nodes()
    0
    """
    import networkx as nx

    classes = node_classes()
    result = nx.MultiDiGraph()

    def add_node(node) -> bool:
        if node in result:
            return True
        cls = next((c for c in graph.objects(node, RDF.type) if c in classes), None)
        if cls is None:
            return False
        label = graph.value(node, RDFS.label)
        result.add_node(
            str(node),
            label=str(label) if label is not None else str(node),
            type=classes[cls],
            alt_labels=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
            mentions=int(_number(graph.value(node, KG.mentionCount))),
        )
        return True

    for cls in classes:
        if cls != KG.Concept:
            for node in graph.subjects(RDF.type, cls):
                add_node(node)

    titles: dict = {}
    for statement in sorted(graph.subjects(RDF.type, KG.Statement)):
        subject = graph.value(statement, RDF.subject)
        predicate = graph.value(statement, RDF.predicate)
        obj = graph.value(statement, RDF.object)
        if subject is None or obj is None:  # an assertion with a subject only ("Ramadan began") is no edge
            continue
        if not (add_node(subject) and add_node(obj)):
            continue
        negated = graph.value(statement, KG.negated) == Literal(True)
        modality = graph.value(statement, KG.modality)
        confidence = _number(graph.value(statement, KG.confidence))
        document = graph.value(statement, KG.document)
        if document not in titles:
            title = graph.value(document, DCTERMS.title) or graph.value(document, DCTERMS.identifier)
            titles[document] = str(title) if title is not None else str(document)
        key = f"{predicate}|{'not' if negated else ''}|{modality or ''}"
        u, v = str(subject), str(obj)
        source = (titles[document], str(graph.value(statement, KG.sentence) or ""))
        if result.has_edge(u, v, key):
            data = result.edges[u, v, key]
            data["count"] += 1
            if source not in data["sources"]:
                data["sources"].append(source)
            data["confidence"] = max(data["confidence"], confidence)
        else:
            label = graph.value(predicate, RDFS.label)
            result.add_edge(
                u, v, key=key,
                relation=str(label) if label is not None else str(predicate),
                predicate=str(predicate),
                negated=negated,
                modality=str(modality) if modality is not None else None,
                confidence=confidence,
                count=1,
                sources=[source],
            )
    return result
