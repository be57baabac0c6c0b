"""Merge named-entity mentions into entities.

Rules, applied within each document and then across documents, each recorded
on the entity so that a merge can be checked:

- ``exact``: the same name (case-insensitive, whitespace-normalised);
- ``acronym``: an all-capitals name and a longer name whose initials spell it
  ("GNA" = "Government of National Accord");
- ``surname``: a one-word PERSON name and the only longer PERSON name ending in
  it ("Haftar" = "Khalifa Haftar").

Names whose types conflict (a PERSON and an ORG) are never merged, except that
the document-level type vote in :mod:`kg.extract.entities` already relabels a
bare surname as PERSON.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Entity, Extraction, Mention
from .normalise import initials, normalise_name

__all__ = ["EntityTable", "link_entities"]

_ACRONYM_TYPES = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW"}


@dataclass
class _Group:
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    merges: dict = field(default_factory=dict)  # surface form -> rule
    canonical: str = ""


@dataclass(frozen=True)
class EntityTable:
    """The entities of a corpus, and which entity each mention belongs to."""

    entities: dict[str, Entity]
    _by_name: dict[tuple[str, str], str]

    def key_of(self, mention: Mention) -> str:
        """The key of the entity ``mention`` was merged into."""
        return self._by_name[(mention.doc_id, normalise_name(mention.text))]

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self):
        return iter(self.entities.values())


def link_entities(extractions: Iterable[Extraction]) -> EntityTable:
    """Merge the mentions of all ``extractions`` into entities.

    Parameters
    ----------
    extractions : iterable of Extraction

    Returns
    -------
    EntityTable
        The entities, keyed by a stable key (type and canonical name), with a
        lookup from each mention to its entity.
    """
    groups: dict[str, _Group] = {}
    by_name: dict[tuple[str, str], str] = {}
    for extraction in extractions:
        key_of_name, document_groups = _document_groups(extraction.mentions)
        for name_key, entity_key in key_of_name.items():
            by_name[(extraction.document.id, name_key)] = entity_key
        for canonical, group in document_groups.items():
            merged = groups.setdefault(canonical, _Group(canonical=group.canonical))
            merged.names.update(group.names)
            merged.types.update(group.types)
            merged.documents.add(extraction.document.id)
            for name, rule in group.merges.items():
                merged.merges.setdefault(name, rule)
    # Across documents: a bare surname joins the one full name that ends in it.
    rename = _cross_document_surnames(groups)
    for old, new in rename.items():
        group, target = groups.pop(old), groups[new]
        target.names.update(group.names)
        target.types.update(group.types)
        target.documents |= group.documents
        for name in group.names:
            target.merges.setdefault(name, "surname")
    by_name = {k: rename.get(v, v) for k, v in by_name.items()}

    entities = {}
    for key, group in sorted(groups.items()):
        surface_forms = sorted(set(group.names) - {group.canonical})
        entities[key] = Entity(
            key=key,
            label=group.canonical,
            type=group.types.most_common(1)[0][0],
            alt_labels=tuple(surface_forms),
            mention_count=sum(group.names.values()),
            documents=tuple(sorted(group.documents)),
            merges=tuple(sorted((name, group.merges.get(name, "exact")) for name in surface_forms)),
        )
    return EntityTable(entities=entities, _by_name=by_name)


def _entity_key(label: str, name: str) -> str:
    return f"{label}/{normalise_name(name)}"


def _document_groups(mentions: Iterable[Mention]) -> tuple[dict[str, str], dict[str, _Group]]:
    """Group one document's mentions: (normalised name -> entity key, entity key -> group)."""
    names: dict[str, Counter] = defaultdict(Counter)  # normalised -> surface forms
    types: dict[str, Counter] = defaultdict(Counter)
    for mention in mentions:
        key = normalise_name(mention.text)
        names[key][mention.text] += 1
        types[key][mention.label] += 1
    label_of = {key: counter.most_common(1)[0][0] for key, counter in types.items()}
    surface_of = {key: counter.most_common(1)[0][0] for key, counter in names.items()}

    target: dict[str, tuple[str, str]] = {}  # name -> (canonical name, rule)
    for key, surface in surface_of.items():
        label = label_of[key]
        if label in _ACRONYM_TYPES and surface.isupper() and 2 <= len(surface) <= 6:
            longer = [k for k in surface_of if k != key and label_of[k] in _ACRONYM_TYPES
                      and len(k) > len(key) and initials(surface_of[k]) == surface]
            if len(longer) == 1:
                target[key] = (longer[0], "acronym")
        elif label == "PERSON" and " " not in key:
            longer = [k for k in surface_of if label_of[k] == "PERSON" and k.endswith(" " + key)]
            if len(longer) == 1:
                target[key] = (longer[0], "surname")

    groups: dict[str, _Group] = {}
    result = {}
    for key in surface_of:
        canonical_key, rule = target.get(key, (key, "exact"))
        canonical_surface = surface_of[canonical_key]
        entity_key = _entity_key(label_of[canonical_key], canonical_surface)
        group = groups.setdefault(entity_key, _Group(canonical=canonical_surface))
        group.names.update(names[key])
        group.types[label_of[canonical_key]] += sum(names[key].values())
        for surface in names[key]:
            if surface != canonical_surface:
                group.merges.setdefault(surface, rule)
        result[key] = entity_key
    return result, groups


def _cross_document_surnames(groups: dict[str, _Group]) -> dict[str, str]:
    full_names = defaultdict(list)
    for key, group in groups.items():
        if key.startswith("PERSON/") and " " in group.canonical:
            full_names[normalise_name(group.canonical.split()[-1])].append(key)
    rename = {}
    for key, group in groups.items():
        if key.startswith("PERSON/") and " " not in group.canonical:
            candidates = full_names.get(normalise_name(group.canonical), [])
            if len(candidates) == 1:
                rename[key] = candidates[0]
    return rename
