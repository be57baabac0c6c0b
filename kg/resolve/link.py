"""Merge named-entity mentions into entities, within and across documents.

Rules, each recorded for every surface form so that a merge can be checked
(``kg entities GRAPH --merges``):

- ``exact``: the same name (case-insensitive, whitespace- and hyphen-normalised,
  honorifics aside: "Mrs. Quayle" = "Quayle");
- ``acronym``: an all-capitals name and a longer name whose initials spell it
  ("GNA" = "Government of National Accord"), when only one longer name fits;
- ``surname``: a one-word PERSON name and the only longer PERSON name ending in
  it ("Haftar" = "Khalifa Haftar"); "Mrs Howard" stays apart when her document
  also names a "Mr Howard";
- ``short name``: an organisation's name without "Party", "Inc." ... ("Labour" =
  "Labour Party"), across documents, when only one fits;
- ``alias``: a line of the user's alias file (``surface<TAB>canonical``);
- ``graph``: a name already on a node of the graph being added to.

Within a document, names are grouped first; then groups of all documents that
share a name, an acronym or a surname are joined (a union-find over the whole
corpus, so the result does not depend on the order of the documents). Names
whose types conflict (a PERSON and a place) are never joined, and an alias
file can forbid a merge (``surface<TAB>!canonical``).

The canonical name of an entity is chosen from all its surface forms: a full
name before an acronym or a bare surname, then the most frequent, then the
longest, then alphabetical.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from networkx.utils import UnionFind

from ..lang import lexicon
from ..model import Aliases, Entity, EntityTable, Extraction, KnownEntity, Mention
from .normalise import _FUNCTION_WORDS, initials, normalise_name, strip_format, strip_honorific

__all__ = ["link_entities", "type_family", "name_keys"]

_ACRONYM_TYPES = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW"}
_RULE_PRIORITY = ["alias", "graph", "acronym", "surname", "short name", "exact"]
_FAMILIES = {"GPE": "place", "LOC": "place", "FAC": "place"}


@cache
def _female_keys() -> frozenset[str]:
    """Women's honorifics as name keys have them (lower case): "mrs howard"."""
    return frozenset(h.lower() for h in lexicon().female_honorifics)


def type_family(label: str) -> str:
    """Types that may name the same thing: places (GPE, LOC, FAC) are one family;
    every other label is its own ("PERSON", "ORG", ...)."""
    return _FAMILIES.get(label, label)


@dataclass
class _Group:
    """Names that refer to one thing in one document (or one known entity)."""

    names: Counter = field(default_factory=Counter)  # surface form -> mentions
    types: Counter = field(default_factory=Counter)  # label -> mentions
    documents: set = field(default_factory=set)
    rules: dict = field(default_factory=dict)  # surface form -> rule that joined it
    known: KnownEntity | None = None
    typed: bool = False  # whether the text gave evidence for the type (not spaCy's vote alone)
    keys: set = field(default_factory=set)  # the names as compared (see _name_key)

    @property
    def link_keys(self) -> set:
        """The names by which other documents may join this group: its full names. A bare
        surname or an acronym it took in ("Blair" with "Tony Blair") does not link it to
        another document's group, where "Blair" may be Cherie Blair."""
        if self.known is not None:
            return set(self.keys)  # a graph node is matched on its label and all its alternative labels
        full = {k for k in self.keys if not _is_short_key(k, self.family)}
        return full or set(self.keys)

    @property
    def family(self) -> str:
        return type_family(_majority(self.types))

    @property
    def strong(self) -> bool:
        """Whether the group's type is to be trusted over another's: evidence, or a node of the graph."""
        return self.typed or self.known is not None


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
    groups: list[_Group] = []
    name_of_mention: dict[tuple[str, str], int] = {}  # (doc id, surface form) -> group index
    # Whatever order the documents come in, they are read in the same one.
    extractions = sorted(extractions, key=lambda extraction: extraction.document.id)
    known = sorted(_candidates(known, extractions, aliases), key=lambda entity: entity.iri)
    for entity in known:
        group = _Group(known=entity, names=Counter({name: 0 for name in entity.names}),
                       types=Counter({entity.type: max(entity.mention_count, 1)}),
                       keys={_name_key(name) for name in entity.names})
        groups.append(group)
    for extraction in extractions:
        for group in _document_groups(extraction.mentions, aliases):
            group.documents.add(extraction.document.id)
            groups.append(group)
            for surface in group.names:
                name_of_mention[(extraction.document.id, surface)] = len(groups) - 1

    components = _join(groups, aliases)
    # Two components that end up with the same type and name are one entity.
    by_key: dict[str, list[int]] = defaultdict(list)
    for members in components:
        by_key[_entity([groups[i] for i in members], aliases).key].extend(members)
    entities: dict[str, Entity] = {}
    key_of_group: dict[int, str] = {}
    for members in by_key.values():
        entity = _entity([groups[i] for i in sorted(members)], aliases)
        entities[entity.key] = entity
        for i in members:
            key_of_group[i] = entity.key
    by_name = {name: key_of_group[index] for name, index in name_of_mention.items()}
    return EntityTable(entities=dict(sorted(entities.items())), _by_name=by_name)


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


def name_keys(name: str) -> set[str]:
    """Keys that any two names one of the rules could join share: their words (but
    "of", "the" ...), the whole name, and the initials, case-folded.

    >>> sorted(name_keys("Government of National Accord"))
    ['=government of national accord', '^gna', 'accord', 'government', 'national']
    >>> sorted(name_keys("GNA"))
    ['=gna', '^gna', 'gna']
    """
    if not name.isascii():
        import unicodedata

        name = unicodedata.normalize("NFKC", strip_format(name))
    words = name.replace(".", "").replace("-", " ").casefold().split()
    keys = {word for word in words if word not in _FUNCTION_WORDS}
    keys.add("=" + " ".join(words))
    if len(words) == 1:
        keys.add("^" + words[0])  # an acronym meets the initials of its expansion
    else:
        keys.add("^" + initials(name).casefold())
    return keys


def _name_key(name: str, *, keep_female: bool = True) -> str:
    """How names are compared: normalised, without honorifics, except that with
    ``keep_female`` "Mrs Howard" keeps hers, so that she is never taken for "Mr Howard"."""
    visible = strip_format(name)
    words = visible.split()
    if keep_female and len(words) == 2 and words[0].rstrip(".") in lexicon().female_honorifics:
        return normalise_name(f"{words[0].rstrip('.')} {words[1]}")
    # A name that normalises to nothing ("_", "the", a lone soft hyphen) is its own key (found by the
    # fuzz test): the rules below read a key's words.
    return normalise_name(strip_honorific(visible)) or " ".join(words).casefold() or name


def _majority(counter: Counter) -> str:
    """The most common key; ties broken alphabetically, so the result never depends on order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _is_short_key(key: str, family: str) -> bool:
    """A name key that is only a surname (or an honorific and a surname) or an acronym."""
    words = key.split()
    if family == "PERSON" and (len(words) == 1 or (len(words) == 2 and words[0] in _female_keys())):
        return True
    return len(words) == 1 and _is_acronym(key.upper())


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


def _document_groups(mentions: Iterable[Mention], aliases: Aliases) -> list[_Group]:
    """One document's mentions grouped by the thing they name."""
    mentions = list(mentions)
    female, male = _female_keys(), lexicon().male_honorifics
    men = {m.text.split()[-1] for m in mentions if len(m.text.split()) == 2
           and m.text.split()[0].rstrip(".") in male}
    names: dict[str, Counter] = defaultdict(Counter)  # name key -> surface forms
    types: dict[str, Counter] = defaultdict(Counter)
    typed: set[str] = set()
    for mention in mentions:
        if not mention.text.split():
            continue
        key = _name_key(mention.text, keep_female=True)
        names[key][mention.text] += 1
        types[key][mention.label] += 1
        if mention.typed_by:
            typed.add(key)
    label_of = {key: _majority(counter) for key, counter in types.items()}
    surface_of = {key: _majority(counter) for key, counter in names.items()}

    # The names an acronym or a surname could stand for, looked up by initials and last word:
    # comparing each with every name of the document cost the square of their number.
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_last_word: dict[str, list[str]] = defaultdict(list)
    for k, surface in surface_of.items():
        if label_of[k] in _ACRONYM_TYPES:
            by_initials[initials(surface)].append(k)
        if label_of[k] == "PERSON" and " " in k:
            by_last_word[k.rsplit(" ", 1)[1]].append(k)
    men_keys = {m.lower() for m in men}
    target: dict[str, tuple[str, str]] = {}  # name key -> (name key it joins, rule)
    for key, surface in surface_of.items():
        label = label_of[key]
        if label in _ACRONYM_TYPES and _is_acronym(surface):
            longer = [k for k in by_initials.get(surface.replace(".", ""), ()) if k != key and len(k) > len(key)]
            if len(longer) == 1:
                target[key] = (longer[0], "acronym")
        elif label == "PERSON" and (" " not in key or key.split()[0] in female):
            surname = key.split()[-1]
            if key.split()[0] in female and surname in men_keys:
                continue  # "Mrs Howard" where a "Mr Howard" is named too: not him, nor his full name
            longer = [k for k in by_last_word.get(surname, ()) if k != key and k.endswith(" " + surname)
                      and k.split()[0] not in female]
            if len(longer) == 1:
                target[key] = (longer[0], "surname")

    target = {key: (root, rule) for key, (root, rule) in target.items()
              if frozenset((key, root)) not in aliases.forbid}
    grouped: dict[str, _Group] = {}
    for key in surface_of:
        root, rule = target.get(key, (key, "exact"))
        group = grouped.setdefault(root, _Group())
        group.keys.add(key)
        group.typed = group.typed or key in typed or root in typed
        group.names.update(names[key])
        group.types.update(types[key] if root == key else {label_of[root]: sum(names[key].values())})
        for surface in names[key]:
            group.rules.setdefault(surface, rule if key != root else "exact")
    return list(grouped.values())


def _join(groups: list[_Group], aliases: Aliases) -> list[list[int]]:
    """Join groups that name the same thing, across documents; returns the components."""
    union = UnionFind(range(len(groups)))
    names_in: dict[int, set[str]] = {i: set(g.keys) for i, g in enumerate(groups)}

    def allowed(a: int, b: int, forced: bool) -> bool:
        ra, rb = union[a], union[b]
        if ra == rb:
            return True
        if groups[a].family != groups[b].family and not forced and not _retypable(groups[a], groups[b]):
            return False
        if groups[a].known is not None and groups[b].known is not None and groups[a].known != groups[b].known:
            return False  # two nodes already in the graph stay two
        left, right = component_names[ra], component_names[rb]
        return not any(frozenset((x, y)) in aliases.forbid for x in left for y in right)

    component_names: dict[int, set[str]] = dict(names_in)

    def join(a: int, b: int, rule: str, surfaces: Iterable[str]) -> None:
        if not allowed(a, b, forced=rule == "alias"):
            return
        ra, rb = union[a], union[b]
        union.union(a, b)
        root = union[a]
        component_names[root] = component_names.get(ra, set()) | component_names.get(rb, set())
        for i in (a, b):
            for surface in surfaces:
                if surface in groups[i].names:
                    groups[i].rules.setdefault(surface, rule)

    # 1. forced merges from the alias file
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, names in names_in.items():
        for key in names:
            by_key[key].append(i)
    for surface, canonical in sorted(aliases.merge.items()):
        members = by_key.get(surface, []) + by_key.get(_name_key(canonical), [])
        for i in members:
            for surface_form in groups[i].names:
                if _name_key(surface_form) == surface:
                    groups[i].rules[surface_form] = "alias"
        for other in members[1:]:
            join(members[0], other, "alias", ())
    # 2. the same full name in several documents (or already in the graph): first within a
    # type family, then across families where one side's type is only spaCy's guess.
    linked: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        for key in group.link_keys:
            linked[key].append(i)
    for key, members in sorted(linked.items()):
        if sum(groups[i].known is not None for i in members) > 1:
            continue  # a name two graph nodes share ("Smith") says nothing about which one is meant
        families: dict[str, list[int]] = defaultdict(list)
        for i in members:
            families[groups[i].family].append(i)
        for family, same in sorted(families.items()):
            for other in same[1:]:
                graph_rule = groups[same[0]].known is not None or groups[other].known is not None
                join(same[0], other, "graph" if graph_rule else "exact",
                     [s for s in groups[other].names if _name_key(s, keep_female=True) == key])
        heads = [same[0] for _, same in sorted(families.items())]
        for a in heads:
            for b in heads:
                if a < b and _retypable(groups[a], groups[b]):
                    join(a, b, "graph" if groups[a].known or groups[b].known else "exact", ())
    # 3. acronyms and surnames whose full name is in another document: only when one fits
    components = _components(union, len(groups))
    full_names = defaultdict(set)  # initials / surname -> component roots
    for root, members in components.items():
        for i in members:
            for surface in groups[i].names:
                if " " in surface.strip() and not _is_short_key(_name_key(surface, keep_female=True),
                                                                  groups[i].family):
                    full_names[("initials", initials(surface))].add(root)
                    if groups[i].family == "PERSON":
                        full_names[("surname", _name_key(surface).split()[-1])].add(root)
                    elif groups[i].family == "ORG" and surface.split()[-1] in lexicon().organisation_suffixes:
                        full_names[("short", normalise_name(" ".join(surface.split()[:-1])))].add(root)
    for root, members in sorted(components.items()):
        surfaces = {s for i in members for s in groups[i].names}
        if len(surfaces) != 1:
            continue
        surface = next(iter(surfaces))
        family = groups[members[0]].family
        if any(key.split()[0] in _female_keys() for i in members for key in groups[i].keys if key):
            continue  # "Mrs Howard" alone in a document: never joined to a full name elsewhere
        if _is_acronym(surface) and family in {type_family(t) for t in _ACRONYM_TYPES}:
            candidates = full_names.get(("initials", surface.replace(".", "")), set()) - {root}
            rule = "acronym"
        elif family == "PERSON" and " " not in surface.strip():
            candidates = full_names.get(("surname", _name_key(surface)), set()) - {root}
            rule = "surname"
        elif family == "ORG":
            candidates = full_names.get(("short", normalise_name(surface)), set()) - {root}
            rule = "short name"  # "Labour" = "Labour Party"
        else:
            continue
        if len(candidates) == 1:
            # Any group of the full name's component may allow the join (a person's name there that
            # the text typed): which group is the union-find root must not decide it (it depends on
            # the other documents of the build, and kg remove re-links only some of them).
            group = components[next(iter(candidates))]
            join(members[0], next((i for i in group if allowed(members[0], i, False)), group[0]), rule, [surface])
    return [sorted(members) for _, members in sorted(_components(union, len(groups)).items(),
                                                      key=lambda item: min(item[1]))]


def _retypable(a: _Group, b: _Group) -> bool:
    """Whether two groups of different types may still be one thing: a name the graph
    already has, met again with only spaCy's guess at its type; or a one-word name
    spaCy took for an organisation that is a person's name elsewhere ("forces loyal
    to Haftar" with Haftar as ORG)."""
    for strong, weak in ((a, b), (b, a)):
        if not strong.strong or weak.strong:
            continue
        if strong.known is not None:
            return True
        if strong.family == "PERSON" and weak.family == "ORG" and all(" " not in n.strip() for n in weak.names):
            return True
    return False


def _components(union: UnionFind, size: int) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for i in range(size):
        found[union[i]].append(i)
    return found


def _entity(members: list[_Group], aliases: Aliases) -> Entity:
    names: Counter = Counter()
    types: Counter = Counter()
    documents: set = set()
    found_rules: dict[str, set[str]] = defaultdict(set)
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
        label = _canonical(names, aliases)
        strong_types = Counter()
        for group in members:
            if group.strong:
                strong_types.update(group.types)
        label_type = _majority(strong_types or types)
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


def _canonical(names: Counter, aliases: Aliases) -> str:
    """The entity's name: a name the alias file gives, else a full name before an acronym,
    a bare surname or an honorific form, then the most frequent, the longest, alphabetical."""
    for surface in names:
        forced = aliases.merge.get(_name_key(surface))
        if forced is not None:
            return forced

    def acronym_like(surface: str) -> bool:
        # "Us" beside "US" (a headline's casing) is the acronym too, not a full name
        return _is_acronym(surface) or (surface.upper() in names and _is_acronym(surface.upper()))

    def rank(item):
        surface, count = item
        plain = strip_honorific(surface) == surface
        # A name with hidden characters (zero-width, bidi controls) is never the one shown.
        return (strip_format(surface) == surface, not acronym_like(surface), plain, " " in surface.strip(), count,
                len(surface), _reverse(surface))

    return max(names.items(), key=rank)[0]


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts text in reverse alphabetical order, so that max() picks the first alphabetically."""
    return tuple(-ord(ch) for ch in text)
