"""Documents as units: remove everything some documents say, and what only they supported.

Each document's statements, mentions and facts live in its own named graph
(:func:`kg.rdf.iri.document_graph_iri`); the corpus graph describes entities,
concepts and relation predicates, and the names graph indexes entities by the keys
of their names. Entities are linked across the whole corpus, so removing documents
can change what the others' names stand for: a canonical name, or a merge that only
a removed document supported. :func:`remove_documents` leaves what building the
remaining documents alone gives, with work that grows with the removed documents
and the documents that share their names, not with the corpus:

1. The *neighbourhood*: the entities the removed documents name, those a linking rule
   could join to one of their names (a surname, an acronym or a short name, or a
   namesake of another type), and the full names those short names could now join,
   looked up by name key in the names graph.
2. The remaining documents that mention the neighbourhood: their extraction records
   (``kg:extraction``, :mod:`kg.rdf.record`) are read, and the neighbourhood's
   mentions linked anew as a build of the remaining documents links them (with the
   other names of their documents that share a key, which decide how names group
   within a document); the neighbourhood grows until no other entity is drawn in.
3. A document where a name now stands for another node, or joined it by another
   rule, is mapped again from its record (its other names keep their nodes); the
   others are left as they are. The neighbourhood's descriptions in the corpus and
   names graphs (labels, classes, alternative names, mention counts, name keys) are
   replaced by the new ones.
4. Concepts and relation predicates the removed documents used are removed when
   nothing in any remaining graph refers to them, by any property (an attribution
   too); a concept with several labels is described again from the records of the
   documents that still refer to it.

All this is read first and written in one SPARQL Update, one transaction. A graph
made before extraction records existed is recounted instead: mention counts and
alternative names from the remaining mentions, and nodes nothing refers to removed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from ..model import Aliases, Entity, EntityTable, Extraction
from ..rdf import iri
from ..rdf.mapping import concept_quads, quad_batches
from ..rdf.nodes import T
from ..rdf.record import decode_extraction
from ..resolve import link_entities, read_aliases
from ..resolve.concepts import ConceptTable
from ..resolve.places import is_context_name
from ..terms import value_of
from ..text.names import name_keys
from ..vocab import class_for_label, label_for_class
from .base import Store
from .corpus import document_graphs, recount
from .open import as_store
from .sparql import PREFIX_LINES, chunks, insert_data, iris, string

__all__ = ["remove_documents"]


def remove_documents(target: Any, doc_ids: Iterable[str], *, aliases: Any = None) -> list[str]:
    """Remove the documents ``doc_ids`` from ``target`` (changed in place), and bring the rest
    up to date (see the module docstring).

    Parameters
    ----------
    target : Store, or anything :func:`kg.store.as_store` takes (an rdflib dataset)
    doc_ids : iterable of str
    aliases : path or Aliases, optional
        The alias file the graph was built with, so that re-linked names follow it too.

    Returns
    -------
    list of str
        The ids that were found and removed; unknown ids are ignored (the caller reports them).
    """
    store = as_store(target)
    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = read_aliases(aliases)
    graphs = document_graphs(store, doc_ids)
    if not graphs:
        return []
    doc_id, graph = min(graphs.items())
    _Removal(store, iri.document_graph_base(graph, doc_id), sorted(set(graphs.values())), aliases).run()
    return sorted(graphs)


class _Removal:
    """One removal: what it reads from the store, and the one update that writes it."""

    def __init__(self, store: Store, base: str, gone: list[str], aliases):
        self.store, self.base, self.gone, self.aliases = store, base, gone, aliases
        self.corpus = str(iri.corpus_graph_iri(base))
        self.names = str(iri.names_graph_iri(base))
        self.records: dict = {}  # document graph -> Extraction (None: no readable record)
        self.linked_graphs: set[str] = set()  # document graphs whose mentions' links were read
        # The graphs that remain, in a query run before the removed ones are dropped.
        outside = ", ".join(f"<{g}>" for g in [self.corpus, self.names, *gone])
        self.elsewhere = f"FILTER(?g NOT IN ({outside}))"

    def rows(self, query: str) -> list[dict]:
        """The rows of a SELECT (kg's prefixes declared)."""
        return list(self.store.rows(PREFIX_LINES + query))

    def select(self, variable: str, values: list[str], where: str, *, out: str | None = None) -> set[str]:
        """The values of ``out`` (default ``variable``) over ``values`` of ``variable``, in chunks."""
        found: set[str] = set()
        for chunk in chunks(sorted(values)):
            bound = iris(chunk)
            found.update(
                row[out or variable]
                for row in self.rows(
                    f"SELECT DISTINCT ?{out or variable} WHERE {{ VALUES ?{variable} {{ {bound} }} {where} }}"
                )
            )
        return found

    def run(self) -> None:
        """Read what the removal changes, then write it."""
        named = self.select("g", self.gone, "GRAPH ?g { ?m kg:mentionOf ?e }", out="e")
        concepts = self.select(
            "g",
            self.gone,
            f"GRAPH ?g {{ {{ ?c ?p ?o }} UNION {{ ?s ?p ?c }} }} GRAPH <{self.corpus}> {{ ?c a kg:Concept }}",
            out="c",
        )
        predicates = self.select("g", self.gone, "GRAPH ?g { ?st rdf:predicate ?p }", out="p")
        # Everything is read first, then written in one update (one transaction).
        update = [f"DROP SILENT GRAPH <{g}>" for g in self.gone]
        relinked = self.relink(named)
        if relinked is not None:
            update += relinked
        self.apply(update + self.describe_concepts(concepts) + self.drop_unused(predicates) + self.drop_unused_builds())
        if relinked is None:  # a graph made before extraction records: recount what is left
            recount(self.store, sorted(named), self.corpus)

    def apply(self, operations: list[str]) -> None:
        """Run ``operations`` as one SPARQL Update request (one transaction)."""
        if operations:
            self.store.update(PREFIX_LINES + " ;\n".join(operations))

    def read_records(self, graphs: list[str]) -> None:
        """Read the extraction records of ``graphs`` (those not read yet)."""
        wanted = [g for g in graphs if g not in self.records]
        self.records.update((g, None) for g in wanted)
        for chunk in chunks(wanted):
            values = iris(chunk)
            query = f"SELECT ?g ?r WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?d kg:extraction ?r }} }}"
            for row in self.rows(query):
                self.records[row["g"]] = decode_extraction(row["r"])

    def neighbourhood(self, named: set[str]) -> set[str]:
        """``named`` and the entities whose linking their going can change: those a rule could join
        to one of their names (a surname, an acronym or a short name left alone by the removed
        document's rival full name, a namesake of another type), found in the names graph, and
        the full names those short names may now join (:meth:`candidates`)."""
        found = named | self.lookup(self.names_of(named), _rule_keys)
        return found | self.candidates(found - named)

    def candidates(self, entities: set[str]) -> set[str]:
        """The entities a one-word name of ``entities`` (a surname, an acronym, a short name) could join."""
        short = {name for name in self.names_of(entities) if len(name.split()) == 1}
        return self.lookup(short, _rule_keys) - entities

    def names_of(self, entities: set[str]) -> set[str]:
        """The labels and alternative labels of ``entities``."""
        return self.select(
            "e", sorted(entities), f"GRAPH <{self.corpus}> {{ ?e rdfs:label|skos:altLabel ?n }}", out="n"
        )

    def lookup(self, names: set[str], keys_of) -> set[str]:
        """The entities with a name key (names graph) among ``keys_of(name)`` for ``names``."""
        keys = sorted(set().union(set(), *(keys_of(name) for name in names)))
        found: set[str] = set()
        for chunk in chunks(keys):
            values = " ".join(string(key) for key in chunk)
            found.update(
                row["e"]
                for row in self.rows(
                    f"SELECT DISTINCT ?e WHERE {{ VALUES ?k {{ {values} }} "
                    f"GRAPH <{self.names}> {{ ?e kg:nameKey ?k }} }}"
                )
            )
        return found

    def relink(self, named: set[str]) -> list[str] | None:
        """Link the neighbourhood's mentions anew, as a build of the remaining documents would, and
        map again the documents where a name now stands for another node (or joined it by another
        rule); the update operations that write the result (None without extraction records)."""
        neighbours = self.neighbourhood(named)
        linked: dict[str, tuple[str, str]] = {}  # mention IRI -> (entity IRI, rule), as stored

        def old(mention) -> tuple[str, str]:
            return linked[str(iri.mention_iri(self.base, mention.doc_id, mention.start, mention.end))]

        def in_neighbourhood(mention) -> bool:
            return old(mention)[0] in neighbours  # the neighbourhood as it has grown so far

        while True:
            affected = sorted(
                self.select("e", sorted(neighbours), "GRAPH ?g { ?m kg:mentionOf ?e }", out="g") - set(self.gone)
            )
            self.read_records(affected)
            if any(self.records[g] is None for g in affected):
                return None
            self.read_links([g for g in affected if g not in self.linked_graphs], linked)
            extractions = [self.records[g] for g in affected]
            relinked = link_entities(
                # (with the sentences, which tell whether the first line is a headline)
                [
                    Extraction(e.document, _near(e.mentions, in_neighbourhood), sentences=e.sentences)
                    for e in extractions
                ],
                aliases=self.aliases,
            )
            # An entity of the neighbourhood that took in another's name: that one is re-linked too.
            described = {relinked.key_of(m) for e in extractions for m in e.mentions if in_neighbourhood(m)}
            grown = {
                old(m)[0]
                for e in extractions
                for m in _near(e.mentions, in_neighbourhood)
                if relinked.key_of(m) in described
            } - neighbours
            if not grown:
                break
            neighbours |= grown | self.candidates(grown)
        return self.rewrite(extractions, relinked, neighbours, described, old)

    def read_links(self, graphs: list[str], linked: dict) -> None:
        """The entity and rule of each mention of ``graphs``, as stored, into ``linked``."""
        for chunk in chunks(graphs):
            values = iris(chunk)
            for row in self.rows(
                f"SELECT ?m ?e ?rule WHERE {{ VALUES ?g {{ {values} }} "
                "GRAPH ?g { ?m kg:mentionOf ?e OPTIONAL { ?m kg:mergedBy ?merged } } "
                'BIND(COALESCE(?merged, "canonical") AS ?rule) }'
            ):
                linked[row["m"]] = (row["e"], row["rule"])
        self.linked_graphs.update(graphs)

    def rewrite(self, extractions, relinked, neighbours, described, old) -> list[str]:
        """The operations that write the neighbourhood's new descriptions, and map again the
        documents where a mention now names another node or joined it by another rule."""

        def new(mention) -> tuple[str, str]:
            entity = relinked.entities[relinked.key_of(mention)]
            node = str(iri.entity_iri(self.base, class_for_label(entity.type).split("#")[-1], entity.label))
            return node, relinked.rule_of(mention)

        changed = [e for e in extractions if any(old(m)[0] in neighbours and new(m) != old(m) for m in e.mentions)]
        # The other mentions keep their entities: stand-ins with the same IRI, label, class and rules.
        kept = {old(m)[0] for e in changed for m in e.mentions} - neighbours
        labelled = {}
        for chunk in chunks(sorted(kept)):
            values = iris(chunk)
            for row in self.rows(
                f"SELECT ?e ?label ?class WHERE {{ VALUES ?e {{ {values} }} "
                f"GRAPH <{self.corpus}> {{ ?e rdfs:label ?label ; a ?class }} }}"
            ):
                labelled[row["e"]] = (row["label"], label_for_class(URIRef(row["class"])) or "ENTITY")
        merges: dict[str, dict[str, str]] = defaultdict(dict)
        by_name = dict(relinked._by_name)
        for extraction in changed:
            for mention in extraction.mentions:
                entity, rule = old(mention)
                if entity in kept:
                    merges[entity][mention.text] = rule
                    by_name[(mention.doc_id, mention.text)] = "@" + entity
        entities = dict(relinked.entities)
        for entity in kept:
            label, label_type = labelled[entity]
            entities["@" + entity] = Entity(
                key="@" + entity, label=label, type=label_type, iri=entity, merges=tuple(sorted(merges[entity].items()))
            )
        insert: list[ox.Quad] = []
        builds = self.builds([str(iri.document_graph_iri(self.base, e.document.id)) for e in changed])
        for graph, quads in quad_batches(changed, EntityTable(entities=entities, _by_name=by_name), base=self.base):
            if graph not in (self.corpus, self.names):
                # A document mapped again still names the build that read it, not a new one.
                insert += [
                    ox.Quad(q.subject, q.predicate, builds[graph], q.graph_name)
                    if q.predicate == T.prov_wasGeneratedBy and graph in builds
                    else q
                    for q in quads
                ]
        # The neighbourhood's entities, described in the corpus and names graphs as a build describes them.
        own = EntityTable(entities={key: relinked.entities[key] for key in sorted(described)}, _by_name={})
        for _, quads in quad_batches([], own, base=self.base):
            insert += quads
        operations = [f"DROP SILENT GRAPH <{iri.document_graph_iri(self.base, e.document.id)}>" for e in changed]
        for chunk in chunks(sorted(neighbours)):
            values = iris(chunk)
            operations += [
                f"DELETE {{ GRAPH <{g}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                f"GRAPH <{g}> {{ ?e ?p ?o }} }}"
                for g in (self.corpus, self.names)
            ]
        return operations + _inserts(insert)

    def builds(self, graphs: list[str]) -> dict[str, ox.NamedNode]:
        """The build (``prov:wasGeneratedBy``) each of the document ``graphs`` names."""
        found = {}
        for chunk in chunks(graphs):
            query = (
                f"SELECT ?g ?build WHERE {{ VALUES ?g {{ {iris(chunk)} }} "
                "GRAPH ?g { ?d a kg:Document ; prov:wasGeneratedBy ?build } }"
            )
            found.update({row["g"]: ox.NamedNode(row["build"]) for row in self.rows(query)})
        return found

    def describe_concepts(self, concepts: set[str]) -> list[str]:
        """Operations that remove the ``concepts`` nothing refers to any more, and describe again
        those with several labels from the remaining documents that refer to them (which label is
        the most frequent may have changed; a concept with one label keeps it)."""
        where = f"GRAPH ?g {{ {{ ?c ?p ?o }} UNION {{ ?s ?p ?c }} }} {self.elsewhere}"
        used = self.select("c", sorted(concepts), where)
        several = self.select("c", sorted(used), f"GRAPH <{self.corpus}> {{ ?c skos:altLabel ?alt }}")
        referring: dict[str, set[str]] = defaultdict(set)
        for chunk in chunks(sorted(several)):
            values = iris(chunk)
            for row in self.rows(f"SELECT DISTINCT ?c ?g WHERE {{ VALUES ?c {{ {values} }} {where} }}"):
                referring[row["c"]].add(row["g"])
        self.read_records(sorted(set().union(set(), *referring.values())))
        insert: list[ox.Quad] = []
        described = set()
        for concept in sorted(referring):
            extractions = [self.records[g] for g in sorted(referring[concept])]
            if any(e is None for e in extractions):
                continue  # no record to count labels from: the concept stays as it is
            for found in ConceptTable.from_extractions(extractions):
                quads = concept_quads(found, base=self.base)
                if value_of(quads[0].subject) == concept:
                    insert += quads
                    described.add(concept)
        # Described again from the records, or referred to by nothing any more: the old description goes.
        return self.delete_descriptions(sorted(described | (concepts - used))) + _inserts(insert)

    def drop_unused(self, predicates: set[str]) -> list[str]:
        """Operations that remove the declarations of ``predicates`` no remaining statement uses."""
        used = self.select("p", sorted(predicates), f"GRAPH ?g {{ ?st rdf:predicate ?p }} {self.elsewhere}")
        return self.delete_descriptions(sorted(predicates - used))

    def drop_unused_builds(self) -> list[str]:
        """Operations that remove the builds (``prov:Activity``) no remaining document names."""
        query = f"SELECT DISTINCT ?b WHERE {{ GRAPH <{self.corpus}> {{ ?b a prov:Activity }} }}"
        builds = {row["b"] for row in self.rows(query)}
        used = self.select("b", sorted(builds), f"GRAPH ?g {{ ?d prov:wasGeneratedBy ?b }} {self.elsewhere}")
        return self.delete_descriptions(sorted(builds - used))

    def delete_descriptions(self, nodes: list[str]) -> list[str]:
        """Operations that delete what the corpus graph says about ``nodes``."""
        return [
            f"DELETE {{ GRAPH <{self.corpus}> {{ ?n ?p ?o }} }} WHERE {{ VALUES ?n {{ "
            f"{iris(chunk)} }} GRAPH <{self.corpus}> {{ ?n ?p ?o }} }}"
            for chunk in chunks(nodes)
        ]


def _rule_keys(name: str) -> set[str]:
    """Name keys (:func:`kg.text.names.name_keys`) of the names a linking rule could join to ``name``:
    the same name; for a longer name, its surname, its acronym and its short form alone
    ("=blair", "=tb", "=tony" for "Tony Blair"); for a one-word name, the longer names that hold
    it or whose initials spell it ("blair", "^blair")."""
    keys = name_keys(name)
    whole = min(k for k in keys if k.startswith("="))
    words = whole[1:].split()
    if len(words) <= 1:
        return {whole, *words, "^" + "".join(words)}
    acronym = min(k for k in keys if k.startswith("^"))
    return {whole, "=" + words[-1], "=" + acronym[1:], "=" + " ".join(words[:-1])}


def _near(mentions, wanted) -> tuple:
    """The ``wanted`` mentions of a document, and the others that share a name key with one
    of them: within a document, names are grouped by what the others are ("Mr Blair" is not
    "Tony Blair" where "Cherie Blair" is named too), so those others are linked with them."""
    keys = set().union(set(), *(name_keys(m.text) for m in mentions if wanted(m)))
    # A country or a US state tells which place the document's other names are (kg.resolve.places).
    return tuple(m for m in mentions if wanted(m) or not keys.isdisjoint(name_keys(m.text)) or is_context_name(m.text))


def _inserts(quads: list[ox.Quad]) -> list[str]:
    """The update operation adding ``quads``, if there are any."""
    return [insert_data(quads)] if quads else []
