"""Add documents to a store (embedded Oxigraph or a SPARQL endpoint) incrementally.

Only the new documents' quads are written; the corpus graph (entity and concept
descriptions, relation declarations) is merged, not rewritten: a name already
labelled keeps its one ``rdfs:label`` and a new surface form becomes a
``skos:altLabel``, and the mention counts and alternative labels of the entities
the new documents touch are counted again from the mentions in the store (a
SPARQL Update over those entities only, so adding one article to a big store
costs about as much as building it). Everything here speaks SPARQL 1.1 to the
store, so it works the same on disk and over HTTP.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef

from ..rdf.vocab import KG
from ..model import KnownEntity

__all__ = ["document_graphs", "known_entities", "write_documents", "PREFIXES"]

PREFIXES = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_MENTION_COUNT = str(KG.mentionCount)
_MENTION_OF = str(KG.mentionOf)
#: IRIs per VALUES block (keeps each request to an endpoint small).
_CHUNK = 500


def document_graphs(store, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Document id → the IRI of the named graph holding what it says (of the documents
    ``ids`` only, when given)."""
    query = "SELECT DISTINCT ?id ?g WHERE { %s GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id } }"
    if ids is None:
        return {row["id"]: row["g"] for row in store.rows(PREFIXES + query % "")}
    found = {}
    for chunk in _chunks(sorted(set(ids))):
        values = "VALUES ?id { %s }" % " ".join(_string(i) for i in chunk)
        found.update((row["id"], row["g"]) for row in store.rows(PREFIXES + query % values))
    return found


def _string(value: str) -> str:
    """A SPARQL string literal."""
    import json

    # JSON's escapes are SPARQL's for strings; characters beyond the BMP stay as they are
    # (ensure_ascii would write them as surrogate pairs, which SPARQL does not accept).
    return json.dumps(value, ensure_ascii=False)


def known_entities(store, names: Iterable[str] | None = None, *, base: str | None = None,
                   replacing: Iterable[str] = ()) -> list[KnownEntity]:
    """The entity nodes of the store with their names, for linking new mentions to them.

    With ``names`` (and the ``base`` of the store's graphs), only the entities one of
    those names could join (sharing a :func:`kg.resolve.name_keys` key, looked up in
    the names graph): what adding an article costs then does not grow with the store.

    ``replacing`` names the graphs of documents being rebuilt: what only they say is
    not known, so that rebuilding a document gives what adding it to the store without
    it gives (and rebuilding everything gives what the first build gave, merge rules
    included), rather than linking the document to its own earlier version.
    """
    from ..rdf.iri import names_graph_iri
    from ..resolve import name_keys

    replacing = set(replacing)
    if replacing:
        return _without(store, known_entities(store, names, base=base), replacing)
    if names is None or base is None:
        return _entities(store, "")
    index = str(names_graph_iri(base))
    if not next(iter(store.rows(f"SELECT ?e WHERE {{ GRAPH <{index}> {{ ?e ?p ?o }} }} LIMIT 1")), None):
        return _entities(store, "")  # a graph made before the index existed: read every entity
    keys = sorted(set().union(set(), *(name_keys(name) for name in names)))
    candidates: set[str] = set()
    for chunk in _chunks(keys):
        values = " ".join(_string(key) for key in chunk)
        query = PREFIXES + f"SELECT DISTINCT ?e WHERE {{ VALUES ?k {{ {values} }} GRAPH <{index}> {{ ?e kg:nameKey ?k }} }}"
        candidates.update(row["e"] for row in store.rows(query))
    found = []
    for chunk in _chunks(sorted(candidates)):
        found += _entities(store, "VALUES ?e { %s }" % " ".join(f"<{e}>" for e in chunk))
    return sorted(found, key=lambda entity: entity.iri)


def _without(store, entities: list[KnownEntity], replacing: set[str]) -> list[KnownEntity]:
    """``entities`` with only the names that mentions outside the graphs ``replacing`` give
    them; an entity no other graph mentions is left out."""
    from dataclasses import replace

    surfaces: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for chunk in _chunks([entity.iri for entity in entities]):
        values = " ".join(f"<{e}>" for e in chunk)
        query = (PREFIXES + f"SELECT ?e ?g ?surface (COUNT(?m) AS ?n) WHERE {{ VALUES ?e {{ {values} }} "
                 "GRAPH ?g { ?m kg:mentionOf ?e ; kg:surfaceForm ?surface } } GROUP BY ?e ?g ?surface")
        for row in store.rows(query):
            if row["g"] not in replacing:
                surfaces[row["e"]].add(row["surface"])
                counts[row["e"]] += int(row["n"])
    kept = []
    for entity in entities:
        if entity.iri in surfaces:
            names = (entity.label, *sorted(surfaces[entity.iri] - {entity.label}))
            kept.append(replace(entity, names=names, mention_count=counts[entity.iri]))
    return kept


def _entities(store, values: str) -> list[KnownEntity]:
    from ..rdf.existing import label_for_class

    names: dict[str, list[str]] = defaultdict(list)
    for row in store.rows(PREFIXES + f"SELECT ?e ?alt WHERE {{ {values} ?e kg:mentionCount ?n ; skos:altLabel ?alt }}"):
        names[row["e"]].append(row["alt"])
    found = []
    types: dict[str, str | None] = {}
    query = f"SELECT ?e ?class ?label ?n WHERE {{ {values} ?e kg:mentionCount ?n ; a ?class ; rdfs:label ?label }}"
    for row in store.rows(PREFIXES + query):
        if row["class"] not in types:
            types[row["class"]] = label_for_class(URIRef(row["class"]))
        label_type = types[row["class"]]
        if label_type is None:
            continue
        found.append(KnownEntity(iri=row["e"], label=row["label"], type=label_type,
                                 names=(row["label"], *sorted(names.get(row["e"], ()))),
                                 mention_count=int(float(row["n"] or 0))))
    return sorted(found, key=lambda entity: entity.iri)


def write_documents(store, batches: Iterable[tuple[str, list[ox.Quad]]], *, corpus_graph: str,
                    replace: Iterable[str] = (), fresh: bool = False) -> None:
    """Write the quads of a build into ``store``.

    Parameters
    ----------
    store : OxigraphStore or RemoteStore
    batches : iterable of (graph IRI, list of pyoxigraph.Quad)
        From :func:`kg.rdf.mapping.quad_batches`: the corpus graph and the names graph,
        then each document's graph (and the ontology's).
    corpus_graph : str
        The IRI of the corpus graph.
    replace : iterable of str
        Named graphs of documents being rebuilt: each is replaced with its new version.
    fresh : bool
        The store was empty: the corpus graph is written as it comes, with no
        merging or recounting (the build counted everything itself).

    Each document's graph is written in one transaction, as soon as it is made, so a
    big build never holds all the quads (in a fresh on-disk store, see
    :meth:`OxigraphStore.loading`). The same transaction holds what the corpus and
    names graphs say of the nodes the document is the first to refer to (type, label,
    alternative labels, name keys), drops the document's earlier version and counts
    the mentions of its entities again: a reader sees a document whole or not at all,
    never a statement about a node without a label.
    """
    replace = set(replace)
    names_graph = corpus_graph[: -len("corpus")] + "names"
    described: dict[str, list[ox.Quad]] = defaultdict(list)  # node -> its corpus and names quads, unwritten
    for name, batch in batches:
        if name in (corpus_graph, names_graph):
            for quad in batch:
                described[quad.subject.value].append(quad)
            continue
        # The descriptions of the nodes this graph is the first to refer to go with it.
        nodes = {term.value for quad in batch for term in (quad.subject, quad.predicate, quad.object)
                 if isinstance(term, ox.NamedNode) and term.value in described}
        descriptions = [quad for node in sorted(nodes) for quad in described.pop(node)]
        if fresh and hasattr(store, "loading"):
            store.add(batch + descriptions)  # one transaction (or part of a first build's bulk load)
        elif fresh:
            store.update(_insert_data(batch + descriptions))  # one request, one transaction
        elif batch or name in replace:
            _replace_graph(store, name, batch, descriptions, corpus_graph, replacing=name in replace)
        replace.discard(name)
    rest = [quad for quads in described.values() for quad in quads]  # described, but in no document
    if fresh:
        store.add(rest)
    elif rest or replace:
        for name in sorted(replace):  # rebuilt documents that gave no graph this time
            _replace_graph(store, name, [], [], corpus_graph, replacing=True)
        _replace_graph(store, None, [], rest, corpus_graph, replacing=False)


def _replace_graph(store, name: str | None, batch: list[ox.Quad], descriptions: list[ox.Quad], corpus_graph: str,
                   *, replacing: bool) -> None:
    """In one transaction: drop the graph ``name`` (``replacing``), add ``batch``, merge the
    ``descriptions`` into the corpus and names graphs and count the mentions of the entities
    either version names again."""
    touched = {q.object.value for q in batch if q.predicate.value == _MENTION_OF}
    if replacing:
        touched |= _mentioned_entities(store, [name])
    labelled = _labelled(store, {q.subject.value for q in descriptions if q.predicate.value == _LABEL},
                         corpus_graph)
    merged = []
    for quad in descriptions:
        predicate = quad.predicate.value
        if predicate == _MENTION_COUNT:
            continue  # counted again below, from all the mentions in the store
        if predicate == _LABEL and quad.subject.value in labelled:
            if quad.object.value not in labelled[quad.subject.value]:  # a label it has stays one
                merged.append(ox.Quad(quad.subject, _ALT_LABEL, quad.object, quad.graph_name))
            continue
        merged.append(quad)
    operations = [f"DROP SILENT GRAPH <{name}>"] if replacing else []
    if batch or merged:
        operations.append(_insert_data(batch + merged))
    operations += [_recount_update(chunk, corpus_graph) for chunk in _chunks(sorted(touched))]
    if operations:
        store.update(PREFIXES + " ;\n".join(operations))


def _insert_data(quads: list[ox.Quad]) -> str:
    """A SPARQL ``INSERT DATA`` of ``quads`` (N-Triples terms are SPARQL terms)."""
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in quads:
        by_graph[str(quad.graph_name)].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [f"GRAPH {graph} {{\n" + "\n".join(triples) + "\n}" if graph.startswith("<") else "\n".join(triples)
             for graph, triples in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _mentioned_entities(store, graphs: list[str]) -> set[str]:
    """The entities that the mentions in ``graphs`` name."""
    found = set()
    for chunk in _chunks(graphs):
        values = " ".join(f"<{g}>" for g in chunk)
        query = PREFIXES + f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?m kg:mentionOf ?e }} }}"
        found.update(row["e"] for row in store.rows(query))
    return found


def _labelled(store, subjects: set[str], corpus_graph: str) -> dict[str, set[str]]:
    """The labels the store already gives ``subjects`` in the corpus graph."""
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(sorted(subjects)):
        values = " ".join(f"<{s}>" for s in chunk)
        query = (PREFIXES + f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {values} }} "
                 f"GRAPH <{corpus_graph}> {{ ?s rdfs:label ?label }} }}")
        for row in store.rows(query):
            found[row["s"]].add(row["label"])
    return found


def _recount(store, entities: list[str], corpus_graph: str) -> None:
    """Count mentions and alternative labels of ``entities`` again from the mentions in
    the store; an entity no mention names any more is removed from the corpus graph
    (and its name keys from the names graph)."""
    for chunk in _chunks(entities):
        store.update(PREFIXES + _recount_update(chunk, corpus_graph))


def _recount_update(entities: list[str], corpus_graph: str) -> str:
    """The SPARQL Update operations of :func:`_recount` for a few ``entities`` (without prefixes)."""
    names_graph = corpus_graph[: -len("corpus")] + "names"
    values = " ".join(f"<{e}>" for e in entities)
    return f"""
DELETE {{ GRAPH <{corpus_graph}> {{ ?e kg:mentionCount ?n }} }}
WHERE {{ VALUES ?e {{ {values} }} GRAPH <{corpus_graph}> {{ ?e kg:mentionCount ?n }} }} ;
DELETE {{ GRAPH <{corpus_graph}> {{ ?e skos:altLabel ?alt }} }}
WHERE {{ VALUES ?e {{ {values} }} GRAPH <{corpus_graph}> {{ ?e skos:altLabel ?alt }} }} ;
INSERT {{ GRAPH <{corpus_graph}> {{ ?e kg:mentionCount ?n }} }}
WHERE {{ {{ SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {{
  VALUES ?e {{ {values} }} GRAPH ?g {{ ?m kg:mentionOf ?e }} }} GROUP BY ?e }} }} ;
INSERT {{ GRAPH <{corpus_graph}> {{ ?e skos:altLabel ?surface }} }}
WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?m kg:mentionOf ?e ; kg:surfaceForm ?surface }}
  GRAPH <{corpus_graph}> {{ ?e rdfs:label ?label }} FILTER(STR(?surface) != STR(?label)) }} ;
DELETE {{ GRAPH <{names_graph}> {{ ?e ?p ?o }} }}
WHERE {{ VALUES ?e {{ {values} }} GRAPH <{names_graph}> {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kg:mentionOf ?e }} }} }} ;
DELETE {{ GRAPH <{corpus_graph}> {{ ?e ?p ?o }} }}
WHERE {{ VALUES ?e {{ {values} }} GRAPH <{corpus_graph}> {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kg:mentionOf ?e }} }} }}
"""


def _chunks(items: list[str]):
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
