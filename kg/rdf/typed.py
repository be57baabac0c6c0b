"""Typed news relations: which open relation is which relation of the ontology.

The rules are data, in ``ontology/relations.tsv`` (installed as ``kg.ontology``):
an open relation's lemma, the typed relation, and the classes its subject and
object must have. See that file for the format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import URIRef

from .vocab import KG

__all__ = ["TypingRule", "typing_rules", "typed_lemmas", "typed_relation", "subproperty_rules", "CLASS_GROUPS"]

#: What each class name of the rules file accepts (ontology class local names).
CLASS_GROUPS = {
    "Person": {"Person"},
    "Organization": {"Organization"},
    "Location": {"Location", "GeopoliticalEntity", "Facility"},
    "Group": {"Group"},
    "Entity": {"Person", "Organization", "Location", "GeopoliticalEntity", "Facility", "Group", "Event",
               "Work", "Law", "Product", "Language", "Entity"},
}


@dataclass(frozen=True)
class TypingRule:
    """One line of ``relations.tsv``."""

    lemma: str
    relation: URIRef
    subject: str  # a CLASS_GROUPS key or "*"
    object: str  # a CLASS_GROUPS key, "*", or a concept label in quotes

    def matches(self, lemma: str, subject_class: str | None, object_class: str | None,
                object_label: str | None) -> bool:
        """Whether the rule applies to an open relation between nodes of these classes."""
        if lemma != self.lemma:
            return False
        if self.subject != "*" and subject_class not in CLASS_GROUPS[self.subject]:
            return False
        if self.object.startswith('"'):
            return object_class == "Concept" and object_label == self.object.strip('"')
        return self.object == "*" or object_class in CLASS_GROUPS[self.object]


@lru_cache(maxsize=1)
def typing_rules() -> tuple[TypingRule, ...]:
    """The rules of ``relations.tsv``, in file order.

    >>> typing_rules()[0].lemma, str(typing_rules()[0].relation)
    ('reject', 'https://example.org/kg/ontology#rejects')
    """
    text = resources.files("kg.ontology").joinpath("relations.tsv").read_text(encoding="utf-8")
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].startswith("kg:"):
            raise ValueError(f"relations.tsv:{number}: expected 'lemma<TAB>kg:relation<TAB>subject<TAB>object'")
        lemma, relation, subject, obj = (part.strip() for part in parts)
        for name in (subject, obj):
            if name != "*" and not name.startswith('"') and name not in CLASS_GROUPS:
                raise ValueError(f"relations.tsv:{number}: unknown class {name!r}")
        rules.append(TypingRule(lemma, KG[relation[3:]], subject, obj))
    return tuple(rules)


@lru_cache(maxsize=1)
def typed_lemmas() -> frozenset[str]:
    """The open relations some rule of ``relations.tsv`` types."""
    return frozenset(rule.lemma for rule in typing_rules())


def typed_relation(lemma: str, subject_class: str | None, object_class: str | None,
                   object_label: str | None = None) -> URIRef | None:
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


def subproperty_rules() -> dict[str, URIRef]:
    """Open relations that always mean a typed one (rules with ``*`` on both sides)."""
    found: dict[str, URIRef] = {}
    for rule in typing_rules():
        if rule.subject == "*" and rule.object == "*":
            found.setdefault(rule.lemma, rule.relation)
    return found
