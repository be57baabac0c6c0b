"""The kg ontology as Python: namespaces and prefixes, the ``KG`` terms, spaCy label groups, typed relations.

Everything here is read from the data files of ``ontology/`` (installed as the package
``kg.ontology``): ``kg.ttl`` is parsed once, at import, and ``KG`` is built from the terms it
declares, so a new class or property needs no Python edit; a term missing from the ontology
still raises ``AttributeError`` where it is written (``tests/rdf/test_vocab.py``).
``relations.tsv`` says which open relation is which typed relation (:func:`typed_relation`).
It sits near the bottom of kg's layers: it imports only :mod:`kg.terms` and :mod:`kg.datafiles` of kg.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.abc import Traversable
from importlib.resources import files

import pyoxigraph as ox
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, NamespaceManager

from .datafiles import data_lines
from .terms import to_rdflib

__all__ = [
    "KG",
    "KGR",
    "KG_NS",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "new_dataset",
    "sparql_prefixes",
    "ontology_path",
    "ontology_triples",
    "ontology_graph",
    "declared_terms",
    "closed_namespace",
    "class_for_label",
    "label_for_class",
    "entity_classes",
    "ENTITY_LABELS",
    "VALUE_LABELS",
    "DATE_LABELS",
    "PLACE_LABELS",
    "AREA_LABELS",
    "NEUTER_LABELS",
    "ACRONYM_LABELS",
    "NAME_LABELS",
    "TYPE_FAMILIES",
    "COARSE_TYPES",
    "type_family",
    "CLASS_GROUPS",
    "constraint_shapes",
    "relation_constraints",
    "TypingRule",
    "relations_path",
    "typing_rules",
    "typed_lemmas",
    "typed_relation",
    "relation_families",
    "subproperty_rules",
]

#: The namespace of the ontology's terms (the one place it is written out).
KG_NS = Namespace("https://example.org/kg/ontology#")

#: The ontology document itself (its named graph in every kg graph).
ONTOLOGY_IRI = URIRef(str(KG_NS).rstrip("#"))

#: Relation predicates minted from verb phrases ("reject", "call for") live here.
KGR = Namespace("https://example.org/kg/relation/")

#: The one prefix map: bound in every graph kg makes, declared in every query it runs.
PREFIXES: dict[str, Namespace] = {
    "kg": KG_NS,
    "kgr": KGR,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
}


def sparql_prefixes(prefixes: Mapping[str, str] | None = None) -> str:
    """The ``PREFIX`` lines of ``prefixes`` (default: :data:`PREFIXES`), to put in front of a SPARQL query.

    >>> sparql_prefixes().splitlines()[0]
    'PREFIX kg: <https://example.org/kg/ontology#>'
    >>> sparql_prefixes({"x": "http://x/"}).splitlines()
    ['PREFIX x: <http://x/>']
    """
    found = PREFIXES if prefixes is None else prefixes
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in found.items())


def ontology_path() -> Traversable:
    """Where the installed ontology file ``kg.ttl`` is."""
    return files("kg.ontology").joinpath("kg.ttl")


def relations_path() -> Traversable:
    """Where the installed typed-relation rules ``relations.tsv`` are."""
    return files("kg.ontology").joinpath("relations.tsv")


@functools.cache
def ontology_triples() -> tuple[ox.Triple, ...]:
    """The ontology, parsed once (by pyoxigraph: rdflib's parse() looks its parser plugins up
    through the installed packages' entry points, which takes most of a second on a big
    environment). Every other view of the ontology is made from these triples."""
    return tuple(ox.parse(ontology_path().read_bytes(), ox.RdfFormat.TURTLE))


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.Triple):
        raise TypeError("kg.ttl holds no RDF-star triple terms")
    return term.value


@functools.cache
def ontology_graph() -> Graph:
    """The ontology as an rdflib graph (cached; do not modify the returned graph)."""
    graph = Graph(bind_namespaces="core")
    for triple in ontology_triples():
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph


def declared_terms(triples: tuple[ox.Triple, ...]) -> dict[str, type]:
    """The local names of the terms an ontology declares (subjects of ``rdf:type`` in the kg namespace)."""
    rdf_type = str(RDF.type)
    names: dict[str, type] = {}
    for triple in triples:
        subject = triple.subject
        if (
            triple.predicate.value == rdf_type
            and isinstance(subject, ox.NamedNode)
            and subject.value.startswith(str(KG_NS))
        ):
            names[subject.value[len(KG_NS) :]] = URIRef
    return names


def closed_namespace(triples: tuple[ox.Triple, ...]) -> type[DefinedNamespace]:
    """A closed namespace of the terms ``triples`` declare: an unknown term raises ``AttributeError``."""
    return type(
        "KG",
        (DefinedNamespace,),
        {
            "__doc__": "Terms of the kg ontology (built from ontology/kg.ttl).",
            "__module__": __name__,
            "_fail": True,
            "_NS": KG_NS,
            "__annotations__": declared_terms(triples),
        },
    )


#: Terms of the kg ontology, made from ``kg.ttl`` at import: ``KG.Person``, ``KG["rejects"]``.
KG = closed_namespace(ontology_triples())


@functools.cache
def _label_classes() -> dict[str, URIRef]:
    spacy_label = str(KG.spacyLabel)
    found: dict[str, URIRef] = {}
    for triple in ontology_triples():
        if triple.predicate.value == spacy_label and isinstance(triple.object, ox.Literal):
            found.setdefault(triple.object.value, URIRef(_value(triple.subject)))
    return found


def class_for_label(label: str) -> URIRef:
    """The ontology class a spaCy entity label maps to (``kg:Entity`` if none does).

    >>> class_for_label("PERSON")
    rdflib.term.URIRef('https://example.org/kg/ontology#Person')
    """
    return _label_classes().get(label, URIRef(KG.Entity))


def label_for_class(cls: str) -> str | None:
    """The spaCy label an ontology class stands for ("PERSON" for kg:Person), or None.

    >>> label_for_class(KG.GeopoliticalEntity), label_for_class(KG.Concept)
    ('GPE', None)
    """
    for label, found in _label_classes().items():
        if str(found) == str(cls):  # an IRI as a URIRef or as a plain string
            return label
    return None


@functools.cache
def entity_classes() -> dict[str, str]:
    """``kg:Entity`` and every class below it (IRI → its ``rdfs:label``, or its local name)."""
    parent: dict[str, list[str]] = {}
    label: dict[str, str] = {}
    for triple in ontology_triples():
        if triple.predicate.value == str(RDFS.subClassOf) and isinstance(triple.object, ox.NamedNode):
            parent.setdefault(_value(triple.subject), []).append(triple.object.value)
        elif triple.predicate.value == str(RDFS.label):
            label[_value(triple.subject)] = _value(triple.object)

    def is_entity(cls: str, seen: tuple[str, ...] = ()) -> bool:
        return cls == str(KG.Entity) or any(p not in seen and is_entity(p, (*seen, cls)) for p in parent.get(cls, ()))

    classes = {cls: label.get(cls, cls.split("#")[-1]) for cls in parent if is_entity(cls)}
    classes.setdefault(str(KG.Entity), label.get(str(KG.Entity), "Entity"))
    return classes


# --- spaCy label groups ---------------------------------------------------------------------------

#: spaCy labels that name things (become entity nodes): those ``kg.ttl`` maps to a class.
#: Dates, amounts and numbers are attributes, not things.
ENTITY_LABELS: frozenset[str] = frozenset(_label_classes())

#: spaCy labels of values: dates, times, amounts and numbers.
VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})

#: spaCy labels of points and spans of time (a value that can be a time qualifier).
DATE_LABELS = frozenset({"DATE", "TIME"})

#: Labels of places: countries and cities, other locations, facilities (one type family).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Places that are areas ("Pasadena, California", "in Lancaster"), not buildings.
AREA_LABELS = frozenset({"GPE", "LOC"})

#: Things that are "it", not "he", "she" or "they" (every entity label but people and languages).
NEUTER_LABELS = ENTITY_LABELS - {"PERSON", "LANGUAGE"}

#: Things whose names have acronyms ("GNA", "UN", "US"): the neuter ones but products and works.
ACRONYM_LABELS = NEUTER_LABELS - {"PRODUCT", "WORK_OF_ART"}

#: People, organisations and areas: the names the pair classifier's "name between" feature counts.
NAME_LABELS = frozenset({"PERSON", "ORG"}) | AREA_LABELS

#: Labels that may name the same thing, by their family: the place labels are one family, "place".
#: Every other label is a family of its own (:func:`type_family`).
TYPE_FAMILIES: dict[str, str] = dict.fromkeys(PLACE_LABELS, "place")

#: The argument types of the pair classifier (``kg/lang/en/pair_relations.tsv``): people,
#: organisations and the place family; other labels have none.
COARSE_TYPES: dict[str, str] = {"PERSON": "person", "ORG": "organisation", **TYPE_FAMILIES}


def type_family(label: str) -> str:
    """The family of a spaCy label: labels of one family may name the same thing.

    >>> type_family("GPE") == type_family("FAC"), type_family("PERSON")
    (True, 'PERSON')
    """
    return TYPE_FAMILIES.get(label, label)


# --- typed relations (ontology/relations.tsv) -----------------------------------------------------

#: What each class name of the rules file accepts (ontology class local names).
CLASS_GROUPS = {
    "Person": {"Person"},
    "Organization": {"Organization"},
    "Location": {"Location", "GeopoliticalEntity", "Facility"},
    "Group": {"Group"},
    "Entity": {
        "Person",
        "Organization",
        "Location",
        "GeopoliticalEntity",
        "Facility",
        "Group",
        "Event",
        "Work",
        "Law",
        "Product",
        "Language",
        "Entity",
    },
    # Argument-class constraints (issue 18): who can act on its own (a named actor; an untyped
    # name, class kg:Entity, is none), and the same or a thing named by a common noun
    # ("the government", "rebels"); a concept; what can be killed.
    "Agent": {"Person", "Organization", "GeopoliticalEntity", "Group"},
    "Actor": {"Person", "Organization", "GeopoliticalEntity", "Group", "Concept"},
    "Concept": {"Concept"},
    "Living": {"Person", "Group", "Concept"},
    # What is said: a reported clause or a thing named by a common noun, not the one told ("told
    # Reuters": Reuters is no saying of the teller's).
    "Content": {"Proposition", "Concept"},
}


@dataclass(frozen=True)
class TypingRule:
    """One line of ``relations.tsv``."""

    lemma: str
    relation: URIRef
    subject: str  # CLASS_GROUPS keys joined by "|", or "*"
    object: str  # CLASS_GROUPS keys joined by "|", "*", or a concept label in quotes

    def matches(
        self, lemma: str, subject_class: str | None, object_class: str | None, object_label: str | None
    ) -> bool:
        """Whether the rule applies to an open relation between nodes of these classes."""
        if lemma != self.lemma:
            return False
        if not _accepts(self.subject, subject_class):
            return False
        if self.object.startswith('"'):
            return object_class == "Concept" and object_label == self.object.strip('"')
        return _accepts(self.object, object_class)

    def classes(self, side: str) -> frozenset[str] | None:
        """The classes the rule accepts on ``side`` ("subject" or "object"), None for any."""
        name = self.subject if side == "subject" else self.object
        if name == "*":
            return None
        if name.startswith('"'):
            return frozenset({"Concept"})
        return frozenset().union(*(CLASS_GROUPS[group] for group in name.split("|")))


def _accepts(groups: str, node_class: str | None) -> bool:
    """Whether a node of ``node_class`` is of one of ``groups`` ("Person|Group", or "*": anything).
    A node of no class, or of the untyped kg:Entity, passes only "*" and "Entity"."""
    return groups == "*" or any(node_class in CLASS_GROUPS[group] for group in groups.split("|"))


@functools.cache
def typing_rules() -> tuple[TypingRule, ...]:
    """The rules of ``relations.tsv``, in file order.

    >>> typing_rules()[0].lemma, str(typing_rules()[0].relation)
    ('buy', 'https://example.org/kg/ontology#acquires')
    """
    lines = data_lines(
        relations_path(), missing="typed-relation rules missing", unreadable="cannot read the typed-relation rules"
    )
    declared = declared_terms(ontology_triples())
    rules = []
    for number, line in lines:
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].startswith("kg:"):
            raise ValueError(f"relations.tsv:{number}: expected 'lemma<TAB>kg:relation<TAB>subject<TAB>object'")
        lemma, relation, subject, obj = (part.strip() for part in parts)
        for name in (subject, obj):
            unknown = [] if name == "*" or name.startswith('"') else set(name.split("|")) - set(CLASS_GROUPS)
            if unknown:
                raise ValueError(f"relations.tsv:{number}: unknown class {sorted(unknown)[0]!r}")
        if relation[3:] not in declared:  # read from the file, not KG, so that both files can change together
            raise ValueError(f"relations.tsv:{number}: {relation} is not declared in kg.ttl")
        rules.append(TypingRule(lemma, URIRef(KG_NS[relation[3:]]), subject, obj))
    return tuple(rules)


def relation_constraints() -> dict[str, dict[str, set[str] | None]]:
    """For each typed relation (its local name), the classes its rules of ``relations.tsv`` allow on each
    side, ``{"subject": ..., "object": ...}``: the union over its rules, or None for a side some rule leaves
    open (``*``)."""
    sides: dict[str, dict[str, set[str] | None]] = {}
    for rule in typing_rules():
        name = str(rule.relation).rsplit("#", 1)[1]
        found = sides.setdefault(name, {"subject": set(), "object": set()})
        for side in ("subject", "object"):
            classes, known = rule.classes(side), found[side]
            found[side] = None if classes is None or known is None else known | classes
    return sides


def constraint_shapes() -> str:
    """The SHACL shapes, in Turtle, that state the argument-class constraints of ``relations.tsv``: one
    shape per typed relation, naming the classes its rules allow on each side (the union over its rules;
    a side some rule leaves open, ``*``, is not constrained). ``ontology/shapes.ttl`` ends with this text
    (a test checks it); after editing ``relations.tsv``, paste in the output of
    ``python -c "from kg.vocab import constraint_shapes; print(constraint_shapes(), end='')"``."""
    blocks = []
    for name, found in relation_constraints().items():
        if found["subject"] is None and found["object"] is None:
            continue

        def allowed(classes: set[str]) -> str:
            return "sh:or ( " + " ".join(f"[ sh:class kg:{c} ]" for c in sorted(classes)) + " )"

        message = "is of no class relations.tsv allows"
        lines = [f"kg:{name[0].upper()}{name[1:]}Shape a sh:NodeShape ; sh:targetSubjectsOf kg:{name} ;"]
        subject, obj = found["subject"], found["object"]
        if subject is not None:
            end = " ;" if obj is not None else " ."
            lines.append(f'    {allowed(subject)} ; sh:message "the subject of kg:{name} {message}"{end}')
        if obj is not None:
            lines.append(f"    sh:property [ sh:path kg:{name} ; {allowed(obj)} ;")
            lines.append(f'                  sh:message "the object of kg:{name} {message}" ] .')
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n"


@functools.cache
def typed_lemmas() -> frozenset[str]:
    """The open relations some rule of ``relations.tsv`` types."""
    return frozenset(rule.lemma for rule in typing_rules())


def typed_relation(
    lemma: str, subject_class: str | None, object_class: str | None, object_label: str | None = None
) -> URIRef | None:
    """The typed relation an open relation maps to for these argument classes, or None.

    >>> str(typed_relation("control", "Person", "GeopoliticalEntity"))
    'https://example.org/kg/ontology#controlsTerritory'
    >>> typed_relation("control", "Person", "Concept") is None
    True
    """
    for rule in typing_rules():
        if rule.matches(lemma, subject_class, object_class, object_label):
            return rule.relation
    return None


@functools.cache
def relation_families() -> dict[str, str]:
    """The family of each typed relation of the ontology (IRI → family name): the family is the
    property directly under ``kg:relatedTo`` that it descends from ("stance", "conflict", "business" ...).

    >>> relation_families()[str(KG.rejects)], relation_families()[str(KG.stance)]
    ('stance', 'stance')
    """
    sub_property = str(RDFS.subPropertyOf)
    parents: dict[str, str] = {}
    for triple in ontology_triples():
        if triple.predicate.value == sub_property and isinstance(triple.object, ox.NamedNode):
            parents.setdefault(_value(triple.subject), triple.object.value)
    top, families = str(KG.relatedTo), {}
    for relation in parents:
        chain, node = [relation], relation
        while node in parents and parents[node] != top and len(chain) < 20:
            node = parents[node]
            chain.append(node)
        if parents.get(node) == top and node.startswith(str(KG)):
            families[relation] = node.removeprefix(str(KG))
    return families


def subproperty_rules() -> dict[str, URIRef]:
    """Open relations that always mean a typed one (rules with ``*`` on both sides)."""
    found: dict[str, URIRef] = {}
    for rule in typing_rules():
        if rule.subject == "*" and rule.object == "*":
            found.setdefault(rule.lemma, rule.relation)
    return found


def new_dataset() -> Dataset:
    """A new, empty in-memory dataset with kg's prefixes bound (and only those).

    It holds one named graph per document and one for the corpus (entities,
    concepts, relation declarations); read as a graph (triples, queries), it is
    their union.

    >>> dict(new_dataset().namespaces())["kg"]
    rdflib.term.URIRef('https://example.org/kg/ontology#')
    """
    dataset = Dataset(default_union=True)
    dataset.namespace_manager = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset
