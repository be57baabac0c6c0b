"""Convert a kg RDF graph into a networkx graph of entities, concepts and relations.

Built from the RDF alone (the statements and their labels), so a saved graph can
be analysed and drawn without re-running the language pipeline. Whatever holds the
graph (an rdflib dataset, an Oxigraph store, an endpoint: any :class:`kg.store.Store`),
only the triples of the drawn predicates are read (:func:`kg.render.views.facts_from_store`);
:func:`kg.render.load_for_view` reads a graph file into a store with only those.
"""

from __future__ import annotations

import functools

from ..store import as_store
from ..vocab import KG, entity_classes, relation_families
from .views import DrawingFacts, facts_from_store

__all__ = ["to_networkx", "node_classes"]


@functools.lru_cache(maxsize=1)
def node_classes() -> dict[str, str]:
    """The ontology's entity classes, ``kg:Concept`` and ``kg:Proposition`` (IRI → label)."""
    return {str(KG.Concept): "Concept", str(KG.Proposition): "Proposition", **entity_classes()}


def _number(value) -> float:
    """A literal's numeric value, or 0 when it is missing or not a number (graphs from elsewhere)."""
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def to_networkx(graph):
    """A ``networkx.MultiDiGraph`` of the entities and concepts of ``graph`` and their relations.

    ``graph`` is a :class:`kg.store.Store` (or anything :func:`kg.store.as_store` takes: an
    rdflib graph or dataset, a pyoxigraph ``Store``), such as a file read by
    :func:`kg.render.load_for_view`, or the facts :func:`kg.render.views.facts_from_file` read. Nodes are
    keyed by IRI and carry ``label``, ``type`` (class label), ``alt_labels`` and
    ``mentions`` (and ``same_as``: the ``owl:sameAs`` links of a place linked to
    GeoNames). There is one edge per subject, relation, object and polarity,
    carrying ``relation`` (label), ``predicate`` (IRI), ``negated``, ``modality``, ``asserted``,
    ``confidence`` (the highest of its statements), ``count``, ``sources``: a
    list of ``(document title, sentence)``, ``documents`` (their IRIs), ``relation_type`` (the typed
    relation's IRI, or None) and ``family`` (its family, see :func:`kg.vocab.relation_families`,
    or "other"). The graph's ``documents`` attribute maps each document's IRI to its ``title``,
    ``identifier`` and ``date``.

    Examples
    --------
    >>> import kg
    >>> nxg = to_networkx(kg.store.new_graph())
    >>> nxg.number_of_nodes()
    0
    """
    import networkx as nx  # lazily: importing kg (for a query, a build) never pays for it

    facts = graph if isinstance(graph, DrawingFacts) else facts_from_store(as_store(graph))
    described = _described(facts)
    result = nx.MultiDiGraph(documents=_documents(facts))
    for node in sorted(described):
        if described[node]["type"] not in ("Concept", "Proposition"):
            result.add_node(node, **described[node])  # every entity, related or not
    for row in _statements(facts):
        subject, obj = row["s"], row["o"]
        if subject in described and obj in described:
            for node in (subject, obj):
                if node not in result:
                    result.add_node(node, **described[node])
            _add_edge(result, row)
    return result


def _described(facts: DrawingFacts) -> dict[str, dict]:
    """The nodes to draw (entities, concepts, propositions): IRI -> label, type, alt labels, mentions."""
    classes = node_classes()
    described: dict[str, dict] = {}
    for row in facts.rows("nodes"):
        if row["class"] in classes and row["node"] not in described:
            described[row["node"]] = {
                "label": row["label"] if row["label"] is not None else row["node"],
                "type": classes[row["class"]],
                "alt_labels": [],
                "mentions": int(_number(row["mentions"])),
            }
    for row in facts.rows("alt_labels"):
        if row["node"] in described:
            described[row["node"]]["alt_labels"].append(row["alt"])
    for row in facts.rows("same_as"):  # a place's GeoNames link
        if row["node"] in described:
            described[row["node"]].setdefault("same_as", []).append(row["target"])
    for data in described.values():
        data["alt_labels"].sort()
        data.get("same_as", []).sort()
    return described


def _documents(facts: DrawingFacts) -> dict[str, dict]:
    """The documents of the graph: IRI -> title, identifier and date (ISO, or None), in IRI order."""
    values = {
        name: {r["document"]: r["value"] for r in facts.rows(f"document {name}")}
        for name in ("title", "identifier", "date")
    }
    return {
        row["document"]: {name: values[name].get(row["document"]) for name in values}
        for row in sorted(facts.rows("documents"), key=lambda r: r["document"])
    }


def _statements(facts: DrawingFacts) -> list[dict]:
    """The statements (subject, predicate, object), each with its flags, sentence, document and relation label."""
    values = {
        name: {r["statement"]: r["value"] for r in facts.rows(f"statement {name}")}
        for name in ("negated", "modality", "confidence", "sentence", "asserted", "relationType")
    }
    sentences = {
        name: {r["sentence"]: r["value"] for r in facts.rows(f"sentence {name}")} for name in ("text", "document")
    }
    documents = {
        name: {r["document"]: r["value"] for r in facts.rows(f"document {name}")}
        for name in ("title", "identifier", "date")
    }
    relation_labels = {r["p"]: r["label"] for r in facts.rows("relation labels")}
    rows = sorted(facts.rows("statements"), key=lambda r: r["statement"])
    for row in rows:
        statement = row["statement"]
        sentence = values["sentence"].get(statement)
        document = sentences["document"].get(sentence)
        row.update(
            negated=values["negated"].get(statement),
            modality=values["modality"].get(statement),
            asserted=values["asserted"].get(statement) in ("true", "1", "True"),
            confidence=values["confidence"].get(statement),
            sentence=sentences["text"].get(sentence),
            document=document,
            relation_type=values["relationType"].get(statement),
            title=documents["title"].get(document),
            identifier=documents["identifier"].get(document),
            relation=relation_labels.get(row["p"]),
        )
    return rows


def _add_edge(result, row: dict) -> None:
    """Draw one statement: a new edge, or one more source of the edge with its relation and polarity."""
    subject, obj = row["s"], row["o"]
    negated = row["negated"] in ("true", "1", "True")
    # a statement kg does not assert (a guess of the classifier, a reading whose classes fail) is no fact:
    # its edge is apart from the asserted one and drawn as uncertain
    asserted = bool(row.get("asserted"))
    key = f"{row['p']}|{'not' if negated else ''}|{row['modality'] or ''}|{'' if asserted else 'unasserted'}"
    source = (row["title"] or row["identifier"] or "", row["sentence"] or "")
    confidence = _number(row["confidence"])
    if result.has_edge(subject, obj, key):
        data = result.edges[subject, obj, key]
        data["count"] += 1
        if source not in data["sources"]:
            data["sources"].append(source)
        if row["document"] is not None and row["document"] not in data["documents"]:
            data["documents"].append(row["document"])
        data["confidence"] = max(data["confidence"], confidence)
        if data["family"] == "other" and row["relation_type"] is not None:
            data["relation_type"] = row["relation_type"]
            data["family"] = relation_families().get(row["relation_type"], "other")
    else:
        result.add_edge(
            subject,
            obj,
            key=key,
            relation=row["relation"] if row["relation"] is not None else row["p"],
            predicate=row["p"],
            negated=negated,
            modality=row["modality"],
            asserted=asserted,
            confidence=confidence,
            count=1,
            sources=[source],
            documents=[row["document"]] if row["document"] is not None else [],
            relation_type=row["relation_type"],
            family=relation_families().get(row["relation_type"] or "", "other"),
        )
