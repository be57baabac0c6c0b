"""Merge named-entity mentions into entities, within and across documents.

Rules, each recorded for every surface form so that a merge can be checked
(``kg entities GRAPH --merges``):

- ``exact``: the same name (case-insensitive, whitespace- and hyphen-normalised,
  honorifics aside: "Mrs. Quayle" = "Quayle");
- ``acronym``: an all-capitals name and a longer name whose initials spell it
  ("GNA" = "Government of National Accord"), when only one longer name fits;
- ``surname``: a PERSON name's last words, with or without an honorific, and the
  only longer PERSON name ending in them ("Haftar", "Mr Haftar" = "Khalifa Haftar";
  "Van Persie" = "Robin van Persie"); "Mrs Howard" stays apart when her document
  also names a "Mr Howard";
- ``first name``: within a document, a first name alone after the only full PERSON
  name it begins ("Freddie" = "Freddie Ljungberg"), never one written with a title;
- ``short name``: an organisation's name without "Party", "Inc." ... ("Labour" =
  "Labour Party"; "USAir" = "USAir Group Inc"), without its web domain ("Torrentia" =
  "Torrentia.org") or a version number ("Firefox" = "Firefox 1.0"); within a document
  also its first words after the full name ("Kite" = "Kite Airways"), or before or after it when the
  words left out are organisation words ("Korvel" = "Korvel Foundation"), never a nationality or a
  city an institution is named after ("Welsh Assembly", "Oxford University"); when only one fits;
- ``synonym``: within a document, another name of the same event or award ("Lisbon Games" =
  "Lisbon Olympics", "Oscar" = "Academy Award": ``kg/lang/en/name_synonyms.tsv``);
- ``alias``: a line of the user's alias file (``surface<TAB>canonical``);
- ``graph``: a name already on a node of the graph being added to.

Within a document, what the text around the names shows joins them too, whatever types they were
given (:mod:`kg.resolve.evidence`, :func:`kg.resolve.groups.evident_forms`): a short form in brackets
after a name ("Dutch Athletics Federation (ATLET)", rule ``acronym`` or ``short name``), a singular
and its plural, the pieces of a name written whole elsewhere, a first name with a possessive and the
one person it begins, a company's first word and its one full name ending in an organisation word;
a dateline's place stays a place, which no club or person named after it joins.

Within a document, names are grouped first (:mod:`kg.resolve.groups`); then groups
of all documents that share a name, an acronym or a surname are joined
(:mod:`kg.resolve.join`: a union-find over the whole corpus, so the result does not
depend on the order of the documents). Names
whose types conflict (a PERSON and a place) are never joined, and an alias
file can forbid a merge (``surface<TAB>!canonical``).

The canonical name of an entity is chosen from all its surface forms: a full
name before an acronym or a bare surname, then the most frequent, then the
longest, then alphabetical.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Aliases, Entity, EntityTable, Extraction, KnownEntity, MergeRule
from ..text.names import name_key, name_keys, normalise_name, strip_format, strip_honorific
from .evidence import text_evidence
from .groups import Group, document_groups, is_acronym, majority
from .join import join_groups
from .places import link_places

__all__ = ["link_entities"]

#: The rule a surface form joined by several reports: the most telling.
_RULE_PRIORITY: list[MergeRule] = [
    "alias",
    "graph",
    "acronym",
    "surname",
    "first name",
    "short name",
    "synonym",
    "gazetteer",
    "exact",
]


def link_entities(
    extractions: Iterable[Extraction],
    *,
    aliases: Aliases | None = None,
    known: Iterable[KnownEntity] = (),
) -> EntityTable:
    """Merge the mentions of all ``extractions`` into entities.

    Parameters
    ----------
    extractions : iterable of Extraction
    aliases : Aliases, optional
        Merges to force or refuse (see :func:`kg.resolve.read_aliases`).
    known : iterable of KnownEntity
        Entities of the graph being added to; a new name that is one of theirs
        (and of a compatible type) joins them and keeps their IRI and label.

    Returns
    -------
    EntityTable
        The entities, keyed by type and canonical name, with a lookup from each
        mention to its entity.
    """
    aliases = aliases or Aliases()
    # Whatever order the documents come in, they are read in the same one.
    extractions = sorted(extractions, key=lambda extraction: extraction.document.id)
    groups, name_of_mention = _groups(
        extractions, sorted(_candidates(known, extractions, aliases), key=lambda entity: entity.iri), aliases
    )
    # Two components that end up with the same type and name are one entity.
    by_key: dict[str, list[int]] = defaultdict(list)
    for members in join_groups(groups, aliases):
        by_key[_entity([groups[i] for i in members], aliases).key].extend(members)
    entities: dict[str, Entity] = {}
    key_of_group: dict[int, str] = {}
    for members in by_key.values():
        entity = _entity([groups[i] for i in sorted(members)], aliases)
        entities[entity.key] = entity
        for i in members:
            key_of_group[i] = entity.key
    by_name = {name: key_of_group[index] for name, index in name_of_mention.items()}
    entities = link_places(entities, extractions, by_name)  # GeoNames links (kg.resolve.places)
    return EntityTable(entities=dict(sorted(entities.items())), _by_name=by_name)


def _groups(
    extractions: list[Extraction], known: list[KnownEntity], aliases: Aliases
) -> tuple[list[Group], dict[tuple[str, str], int]]:
    """The name groups of the known entities and of each document, and (doc id, surface form) → group index."""
    groups: list[Group] = []
    name_of_mention: dict[tuple[str, str], int] = {}
    for entity in known:
        groups.append(
            Group(
                known=entity,
                names=Counter(dict.fromkeys(entity.names, 0)),
                types=Counter({entity.type: max(entity.mention_count, 1)}),
                keys={name_key(name) for name in entity.names},
            )
        )
    for extraction in extractions:
        for group in document_groups(
            extraction.mentions, aliases, headline_end=_headline_end(extraction), evidence=text_evidence(extraction)
        ):
            group.documents.add(extraction.document.id)
            groups.append(group)
            for surface in group.names:
                name_of_mention[(extraction.document.id, surface)] = len(groups) - 1
    return groups, name_of_mention


def _headline_end(extraction: Extraction) -> int:
    """Where the document's headline ends: the reader writes the title as the text's first line.

    Read from the title alone, not the text, which a document's extraction record does not keep:
    ``kg remove`` and ``--append`` link the names of the documents they read back the same way.
    """
    end = len(extraction.document.title or "")
    # A text of one line has no headline. Told by its sentences where the extraction lists them: ``kg remove``
    # re-links only some of a document's mentions, which may all lie in the headline of a text with a body.
    if extraction.sentences:
        return end if any(sentence.start >= end for sentence in extraction.sentences) else 0
    return end if any(mention.start >= end for mention in extraction.mentions) else 0


def _candidates(known: Iterable[KnownEntity], extractions: list[Extraction], aliases: Aliases) -> list[KnownEntity]:
    """The known entities a new name could join: those sharing a word or initials with one.

    Every rule joins names that share a word (exact name, surname, short name) or
    whose initials spell the other (acronym), so the others cannot be joined and
    need not be compared: adding an article to a store of thousands of entities
    then costs what the article's names cost.
    """
    known = list(known)
    if not known:
        return known
    wanted: set[str] = set()
    for extraction in extractions:
        for mention in extraction.mentions:
            wanted |= name_keys(mention.text)
    for surface, canonical in aliases.merge.items():
        wanted |= name_keys(surface) | name_keys(canonical)
    return [entity for entity in known if any(not name_keys(name).isdisjoint(wanted) for name in entity.names)]


def _entity(members: list[Group], aliases: Aliases) -> Entity:
    names: Counter = Counter()
    types: Counter = Counter()
    documents: set = set()
    found_rules: dict[str, set[MergeRule]] = defaultdict(set)
    known = next((g.known for g in members if g.known is not None), None)
    for group in members:
        names.update(group.names)
        types.update(group.types)
        documents |= group.documents
        for surface, rule in group.rules.items():
            found_rules[surface].add(rule)
    # A surface form joined by several rules (in several documents) reports the most telling one,
    # whatever the order of the documents.
    rules = {surface: min(found, key=_RULE_PRIORITY.index) for surface, found in found_rules.items()}
    if known is not None:
        label, label_type = known.label, known.type
    else:
        cut = {surface for group in members for surface in group.names if name_key(surface) in group.cut}
        label = _canonical(names, aliases, cut)
        strong_types: Counter = Counter()
        for group in members:
            if group.strong:
                strong_types.update(group.types)
        label_type = majority(strong_types or types)
    surface_forms = sorted(set(names) - {label})
    key = f"{label_type}/{normalise_name(label)}"
    if known is not None:
        key += f"@{known.iri}"  # two graph nodes with the same name stay two
    return Entity(
        key=key,
        label=label,
        type=label_type,
        alt_labels=tuple(surface_forms),
        mention_count=sum(names.values()) + (known.mention_count if known is not None else 0),
        documents=tuple(sorted(documents)),
        merges=tuple((name, rules.get(name, "exact")) for name in surface_forms),
        iri=known.iri if known is not None else None,
    )


def _canonical(names: Counter, aliases: Aliases, cut: set[str] | None = None) -> str:
    """The entity's name: a name the alias file gives, else a name not ``cut`` short (an acronym's
    "USADA" before the "Anti-Doping Agency" it was written after: :func:`kg.resolve.groups.cut_names`),
    a full name before an acronym, a bare surname or an honorific form, then the most frequent,
    the longest, alphabetical."""
    cut = cut or set()
    for surface in names:
        forced = aliases.merge.get(name_key(surface))
        if forced is not None:
            return forced

    def acronym_like(surface: str) -> bool:
        # "Us" beside "US" (a headline's casing) is the acronym too, not a full name
        return is_acronym(surface) or (surface.upper() in names and is_acronym(surface.upper()))

    def rank(item):
        surface, count = item
        plain = strip_honorific(surface) == surface
        # A name with hidden characters (zero-width, bidi controls) is never the one shown.
        return (
            strip_format(surface) == surface,
            surface not in cut,
            "(" not in surface or ")" in surface,  # not a span cut inside brackets: "Dutch Federation (ATLET"
            not acronym_like(surface),
            plain,
            " " in surface.strip(),
            count,
            len(surface),
            _reverse(surface),
        )

    return max(names.items(), key=rank)[0]


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts text in reverse alphabetical order, so that max() picks the first alphabetically."""
    return tuple(-ord(ch) for ch in text)
