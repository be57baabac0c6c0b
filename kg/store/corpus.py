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
from dataclasses import replace as replaced
from typing import Any

import pyoxigraph as ox
from rdflib import RDFS, SKOS, URIRef

from ..model import KnownEntity
from ..rdf.iri import corpus_graph_base, names_graph_iri
from ..terms import value_of
from ..text.names import name_keys
from ..vocab import KG, label_for_class
from .base import Store, bound
from .open import as_store
from .sparql import PREFIX_LINES, chunks, insert_data, iris, string

__all__ = ["document_graphs", "known_entities", "write_documents", "recount", "recount_update"]

_LABEL = str(RDFS.label)
_ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
_MENTION_COUNT = str(KG.mentionCount)
_MENTION_OF = str(KG.mentionOf)


def document_graphs(store: Any, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Document id → the IRI of the named graph holding what it says (of the documents
    ``ids`` only, when given), in a store or anything :func:`kg.store.as_store` takes.

    Only named graphs count: a document whose triples are in the default graph (read
    from a Turtle file, say) cannot be told apart from the others, so it has none.
    """
    store = as_store(store)
    query = "SELECT DISTINCT ?id ?g WHERE { %s GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id } }"
    if ids is None:
        return {bound(row, "id"): bound(row, "g") for row in store.rows(PREFIX_LINES + query % "")}
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(ids))):
        values = f"VALUES ?id {{ {' '.join(string(i) for i in chunk)} }}"
        found.update((bound(row, "id"), bound(row, "g")) for row in store.rows(PREFIX_LINES + query % values))
    return found


def known_entities(
    store: Store, names: Iterable[str] | None = None, *, base: str | None = None, replacing: Iterable[str] = ()
) -> list[KnownEntity]:
    """The entity nodes of the store with their names, for linking new mentions to them.

    With ``names`` (and the ``base`` of the store's graphs), only the entities one of
    those names could join (sharing a :func:`kg.text.names.name_keys` key, looked up in
    the names graph): what adding an article costs then does not grow with the store.

    ``replacing`` names the graphs of documents being rebuilt: what only they say is
    not known, so that rebuilding a document gives what adding it to the store without
    it gives (and rebuilding everything gives what the first build gave, merge rules
    included), rather than linking the document to its own earlier version.
    """
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
    for chunk in chunks(keys):
        values = " ".join(string(key) for key in chunk)
        query = (
            PREFIX_LINES
            + f"SELECT DISTINCT ?e WHERE {{ VALUES ?k {{ {values} }} GRAPH <{index}> {{ ?e kg:nameKey ?k }} }}"
        )
        candidates.update(bound(row, "e") for row in store.rows(query))
    found = []
    for chunk in chunks(sorted(candidates)):
        found += _entities(store, f"VALUES ?e {{ {iris(chunk)} }}")
    return sorted(found, key=lambda entity: entity.iri)


def _without(store: Store, entities: list[KnownEntity], replacing: set[str]) -> list[KnownEntity]:
    """``entities`` with only the names that mentions outside the graphs ``replacing`` give
    them; an entity no other graph mentions is left out."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for chunk in chunks([entity.iri for entity in entities]):
        values = iris(chunk)
        query = (
            PREFIX_LINES + f"SELECT ?e ?g ?surface (COUNT(?m) AS ?n) WHERE {{ VALUES ?e {{ {values} }} "
            "GRAPH ?g { ?m kg:mentionOf ?e ; kg:surfaceForm ?surface } } GROUP BY ?e ?g ?surface"
        )
        for row in store.rows(query):
            if bound(row, "g") not in replacing:
                node = bound(row, "e")
                surfaces[node].add(bound(row, "surface"))
                counts[node] += int(bound(row, "n"))
    kept = []
    for entity in entities:
        if entity.iri in surfaces:
            names = (entity.label, *sorted(surfaces[entity.iri] - {entity.label}))
            kept.append(replaced(entity, names=names, mention_count=counts[entity.iri]))
    return kept


def _entities(store: Store, values: str) -> list[KnownEntity]:
    """The entities of the corpus graph (those ``values`` binds ``?e`` to, when given) with their names."""
    names: dict[str, list[str]] = defaultdict(list)
    query = f"SELECT ?e ?alt WHERE {{ {values} ?e kg:mentionCount ?n ; skos:altLabel ?alt }}"
    for row in store.rows(PREFIX_LINES + query):
        names[bound(row, "e")].append(bound(row, "alt"))
    found = []
    types: dict[str, str | None] = {}
    query = f"SELECT ?e ?class ?label ?n WHERE {{ {values} ?e kg:mentionCount ?n ; a ?class ; rdfs:label ?label }}"
    for row in store.rows(PREFIX_LINES + query):
        kind = bound(row, "class")
        if kind not in types:
            types[kind] = label_for_class(URIRef(kind))
        label_type = types[kind]
        if label_type is None:
            continue
        entity, label = bound(row, "e"), bound(row, "label")
        found.append(
            KnownEntity(
                iri=entity,
                label=label,
                type=label_type,
                names=(label, *sorted(names.get(entity, ()))),
                mention_count=int(float(row["n"] or 0)),
            )
        )
    return sorted(found, key=lambda entity: entity.iri)


def write_documents(
    store: Store,
    batches: Iterable[tuple[str, list[ox.Quad]]],
    *,
    corpus_graph: str,
    replace: Iterable[str] = (),
    fresh: bool = False,
) -> None:
    """Write the quads of a build into ``store``.

    Parameters
    ----------
    store : Store
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
    replacing = bool(replace)
    names_graph = str(names_graph_iri(corpus_graph_base(corpus_graph)))
    described: dict[str, list[ox.Quad]] = defaultdict(list)  # node -> its corpus and names quads, unwritten
    for name, batch in batches:
        if name in (corpus_graph, names_graph):
            for quad in batch:
                described[value_of(quad.subject)].append(quad)
            continue
        # The descriptions of the nodes this graph is the first to refer to go with it.
        nodes = {
            term.value
            for quad in batch
            for term in (quad.subject, quad.predicate, quad.object)
            if isinstance(term, ox.NamedNode) and term.value in described
        }
        descriptions = [quad for node in sorted(nodes) for quad in described.pop(node)]
        if fresh:
            store.add(batch + descriptions)  # one transaction (or part of a first build's bulk load)
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
    if replacing:  # a document built again by another build: the old build may name none now
        store.update(
            f"{PREFIX_LINES}DELETE {{ GRAPH <{corpus_graph}> {{ ?b ?p ?o }} }} WHERE {{ "
            f"GRAPH <{corpus_graph}> {{ ?b a prov:Activity ; ?p ?o }} "
            "FILTER NOT EXISTS { GRAPH ?g { ?d prov:wasGeneratedBy ?b } } }"
        )


def _replace_graph(
    store: Store,
    name: str | None,
    batch: list[ox.Quad],
    descriptions: list[ox.Quad],
    corpus_graph: str,
    *,
    replacing: bool,
) -> None:
    """In one transaction: drop the graph ``name`` (``replacing``), add ``batch``, merge the
    ``descriptions`` into the corpus and names graphs and count the mentions of the entities
    either version names again."""
    touched = {value_of(q.object) for q in batch if q.predicate.value == _MENTION_OF}
    if replacing and name is not None:  # only a named graph is replaced
        touched |= _mentioned_entities(store, [name])
    labelled = _labelled(
        store, {value_of(q.subject) for q in descriptions if q.predicate.value == _LABEL}, corpus_graph
    )
    merged = []
    for quad in descriptions:
        predicate = quad.predicate.value
        if predicate == _MENTION_COUNT:
            continue  # counted again below, from all the mentions in the store
        if predicate == _LABEL and value_of(quad.subject) in labelled:
            if value_of(quad.object) not in labelled[value_of(quad.subject)]:  # a label it has stays one
                merged.append(ox.Quad(quad.subject, _ALT_LABEL, quad.object, quad.graph_name))
            continue
        merged.append(quad)
    operations = [f"DROP SILENT GRAPH <{name}>"] if replacing else []
    if batch or merged:
        operations.append(insert_data(batch + merged))
    operations += [recount_update(chunk, corpus_graph) for chunk in chunks(sorted(touched))]
    if operations:
        store.update(PREFIX_LINES + " ;\n".join(operations))


def _mentioned_entities(store: Store, graphs: list[str]) -> set[str]:
    """The entities that the mentions in ``graphs`` name."""
    found: set[str] = set()
    for chunk in chunks(graphs):
        values = iris(chunk)
        query = f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?m kg:mentionOf ?e }} }}"
        query = PREFIX_LINES + query
        found.update(bound(row, "e") for row in store.rows(query))
    return found


def _labelled(store: Store, subjects: set[str], corpus_graph: str) -> dict[str, set[str]]:
    """The labels the store already gives ``subjects`` in the corpus graph."""
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(subjects)):
        values = iris(chunk)
        query = (
            PREFIX_LINES + f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH <{corpus_graph}> {{ ?s rdfs:label ?label }} }}"
        )
        for row in store.rows(query):
            found[bound(row, "s")].add(bound(row, "label"))
    return found


def recount(store: Store, entities: list[str], corpus_graph: str) -> None:
    """Count mentions and alternative labels of ``entities`` again from the mentions in
    the store; an entity no mention names any more is removed from the corpus graph
    (and its name keys from the names graph)."""
    for chunk in chunks(entities):
        store.update(PREFIX_LINES + recount_update(chunk, corpus_graph))


def recount_update(entities: list[str], corpus_graph: str) -> str:
    """The SPARQL Update operations of :func:`recount` for a few ``entities`` (without prefixes)."""
    names_graph = str(names_graph_iri(corpus_graph_base(corpus_graph)))
    values = iris(entities)
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
