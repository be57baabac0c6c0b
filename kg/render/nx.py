"""Convert a kg RDF graph into a networkx graph of entities, concepts and relations.

Built from the RDF alone (the statements and their labels), so a saved graph can
be analysed and drawn without re-running the language pipeline. The graph is
read with three SPARQL queries, so the same code reads an rdflib graph or a
pyoxigraph store (much faster on big files, see :func:`kg.render.load_for_view`).
"""

from __future__ import annotations

import functools

from ..vocab import KG, entity_classes, sparql_prefixes

__all__ = ["to_networkx", "node_classes"]

_PREFIXES = "\n" + sparql_prefixes()
_NODES = _PREFIXES + """
SELECT ?node ?class ?label ?mentions WHERE {
  VALUES ?class { %s }
  ?node a ?class .
  OPTIONAL { ?node rdfs:label ?label }
  OPTIONAL { ?node kg:mentionCount ?mentions }
}"""
_ALT_LABELS = _PREFIXES + "SELECT ?node ?alt WHERE { ?node skos:altLabel ?alt }"
_STATEMENTS = _PREFIXES + """
SELECT ?statement ?s ?p ?o WHERE { ?statement a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"""
#: One simple query per statement property: Oxigraph answers them much faster than one
#: query with a chain of OPTIONALs (2 s → 0.3 s on 20,000 statements).
_STATEMENT_VALUES = {
    name: _PREFIXES + f"SELECT ?statement ?value WHERE {{ ?statement a kg:Statement ; {path} ?value }}"
    for name, path in (("negated", "kg:negated"), ("modality", "kg:modality"), ("confidence", "kg:confidence"),
                       ("sentence", "kg:sentence"), ("document", "kg:document"))
}
_DOCUMENT_VALUES = {
    name: _PREFIXES + f"SELECT ?document ?value WHERE {{ ?document a kg:Document ; {path} ?value }}"
    for name, path in (("title", "dcterms:title"), ("identifier", "dcterms:identifier"))
}
_RELATION_LABELS = _PREFIXES + "SELECT ?p ?label WHERE { [] rdf:predicate ?p . ?p rdfs:label ?label }"


@functools.lru_cache(maxsize=1)
def node_classes() -> dict[str, str]:
    """The ontology's entity classes, ``kg:Concept`` and ``kg:Proposition`` (IRI → label)."""
    return {str(KG.Concept): "Concept", str(KG.Proposition): "Proposition", **entity_classes()}


def _fetch(graph, name: str, query: str):
    """The rows of one of the queries above: from a file's facts read for drawing
    (:class:`kg.render.views.DrawingFacts`, by ``name``), else by running ``query``."""
    from .views import DrawingFacts

    # By type, not by a `rows` method: kg's stores have one too, which takes SPARQL.
    if isinstance(graph, DrawingFacts):
        return graph.rows(name)
    return _rows(graph, query)


def _rows(graph, query: str):
    """The solutions of a SELECT as dicts of plain values (str, or None when unbound)."""
    import pyoxigraph

    if isinstance(graph, pyoxigraph.Store):
        # Read the union, as kg does everywhere: a TriG or N-Quads file fills only named graphs.
        result = graph.query(query, use_default_graph_as_union=True)
    else:
        result = graph.query(query)
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        for solution in result:
            yield {name: (solution[name].value if solution[name] is not None else None) for name in names}
        return
    names = [str(v) for v in result.vars]
    for row in result:
        yield {name: (str(row[i]) if row[i] is not None else None) for i, name in enumerate(names)}


def _number(value) -> float:
    """A literal's numeric value, or 0 when it is missing or not a number (graphs from elsewhere)."""
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def to_networkx(graph):
    """A ``networkx.MultiDiGraph`` of the entities and concepts of ``graph`` and their relations.

    ``graph`` is an rdflib graph (or dataset), a pyoxigraph ``Store`` or one of kg's
    stores (:class:`kg.store.OxigraphStore`, :class:`kg.store.RemoteStore`). Nodes are
    keyed by IRI and carry ``label``, ``type`` (class label), ``alt_labels`` and
    ``mentions``. There is one edge per subject, relation, object and polarity,
    carrying ``relation`` (label), ``predicate`` (IRI), ``negated``, ``modality``,
    ``confidence`` (the highest of its statements), ``count`` and ``sources``: a
    list of ``(document title, sentence)``.

    Examples
    --------
    >>> import kg
    >>> nxg = to_networkx(kg.store.new_graph())
    >>> nxg.number_of_nodes()
    0
    """
    import networkx as nx

    from ..store import is_store
    from .views import facts_from_store

    if is_store(graph):
        graph = facts_from_store(graph)  # what KnowledgeGraph.to_networkx reads of its store
    classes = node_classes()
    described: dict[str, dict] = {}
    for row in _fetch(graph, "nodes", _NODES % " ".join(f"<{cls}>" for cls in sorted(classes))):
        if row["class"] in classes and row["node"] not in described:
            described[row["node"]] = {
                "label": row["label"] if row["label"] is not None else row["node"],
                "type": classes[row["class"]],
                "alt_labels": [],
                "mentions": int(_number(row["mentions"])),
            }
    for row in _fetch(graph, "alt_labels", _ALT_LABELS):
        if row["node"] in described:
            described[row["node"]]["alt_labels"].append(row["alt"])
    for data in described.values():
        data["alt_labels"].sort()

    values = {name: {r["statement"]: r["value"] for r in _fetch(graph, f"statement {name}", query)}
              for name, query in _STATEMENT_VALUES.items()}
    documents = {name: {r["document"]: r["value"] for r in _fetch(graph, f"document {name}", query)}
                 for name, query in _DOCUMENT_VALUES.items()}
    relation_labels = {r["p"]: r["label"] for r in _fetch(graph, "relation labels", _RELATION_LABELS)}

    result = nx.MultiDiGraph()
    for node in sorted(described):
        if described[node]["type"] not in ("Concept", "Proposition"):
            result.add_node(node, **described[node])  # every entity, related or not
    for row in sorted(_fetch(graph, "statements", _STATEMENTS), key=lambda r: r["statement"]):
        statement = row["statement"]
        document = values["document"].get(statement)
        row.update(negated=values["negated"].get(statement), modality=values["modality"].get(statement),
                   confidence=values["confidence"].get(statement), sentence=values["sentence"].get(statement),
                   title=documents["title"].get(document), identifier=documents["identifier"].get(document),
                   relation=relation_labels.get(row["p"]))
        subject, obj = row["s"], row["o"]
        if subject not in described or obj not in described:
            continue
        for node in (subject, obj):
            if node not in result:
                result.add_node(node, **described[node])
        negated = row["negated"] in ("true", "1", "True")
        key = f"{row['p']}|{'not' if negated else ''}|{row['modality'] or ''}"
        source = (row["title"] or row["identifier"] or "", row["sentence"] or "")
        confidence = _number(row["confidence"])
        if result.has_edge(subject, obj, key):
            data = result.edges[subject, obj, key]
            data["count"] += 1
            if source not in data["sources"]:
                data["sources"].append(source)
            data["confidence"] = max(data["confidence"], confidence)
        else:
            result.add_edge(
                subject, obj, key=key,
                relation=row["relation"] if row["relation"] is not None else row["p"],
                predicate=row["p"], negated=negated, modality=row["modality"],
                confidence=confidence, count=1, sources=[source],
            )
    return result

