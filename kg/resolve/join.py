"""Join the name groups of all documents (and of the graph being added to) that name one thing.

A union-find over the whole corpus, in three steps, so that the result does not
depend on the order of the documents:

1. the alias file's forced merges;
2. the same full name in several documents (or on a node of the graph): within a
   type family, then across families where one side's type is only spaCy's guess;
3. an acronym (also written with one capital: "Opec"), a bare surname or an
   organisation's short name alone in its documents, and the only full name
   elsewhere that it fits.

Names whose types conflict are never joined, two graph nodes stay two, and the
alias file can forbid a merge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..lang import lexicon
from ..model import Aliases, MergeRule
from ..text.names import acronyms, initials, name_key, normalise_name, suffix_free, without_domain, without_version
from ..vocab import ACRONYM_LABELS, type_family
from .groups import Group, female_keys, is_acronym, is_short_key, is_title_acronym, synonym_key
from .places import is_place_key

__all__ = ["join_groups"]


def join_groups(groups: list[Group], aliases: Aliases) -> list[list[int]]:
    """Join groups that name the same thing, across documents; returns the components
    (lists of indices into ``groups``), ordered by their first member."""
    joiner = _Joiner(groups, aliases)
    joiner.forced()
    joiner.same_names()
    joiner.short_names()
    return [sorted(members) for _, members in sorted(joiner.components().items(), key=lambda item: min(item[1]))]


class _Joiner:
    """The union-find over the groups, with the names of each component (for forbidden merges)."""

    def __init__(self, groups: list[Group], aliases: Aliases):
        self.groups = groups
        self.aliases = aliases
        from networkx.utils import UnionFind  # lazily: networkx costs 0.1 s of every `kg` command

        self.union = UnionFind(range(len(groups)))
        self.names: dict[int, set[str]] = {i: set(g.keys) for i, g in enumerate(groups)}  # by component root

    def components(self) -> dict[int, list[int]]:
        """Component root → its group indices, in order."""
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.groups)):
            found[self.union[i]].append(i)
        return found

    def allowed(self, a: int, b: int, forced: bool) -> bool:
        """Whether groups ``a`` and ``b`` may be joined (``forced``: by the alias file)."""
        groups = self.groups
        ra, rb = self.union[a], self.union[b]
        if ra == rb:
            return True
        if groups[a].family != groups[b].family and not forced and not _retypable(groups[a], groups[b]):
            return False
        if groups[a].known is not None and groups[b].known is not None and groups[a].known != groups[b].known:
            return False  # two nodes already in the graph stay two
        left, right = self.names[ra], self.names[rb]
        return not any(frozenset((x, y)) in self.aliases.forbid for x in left for y in right)

    def join(self, a: int, b: int, rule: MergeRule, surfaces: Iterable[str]) -> None:
        """Join ``a`` and ``b`` if allowed, recording ``rule`` for the ``surfaces`` that joined."""
        if not self.allowed(a, b, forced=rule == "alias"):
            return
        ra, rb = self.union[a], self.union[b]
        self.union.union(a, b)
        self.names[self.union[a]] = self.names.get(ra, set()) | self.names.get(rb, set())
        for i in (a, b):
            for surface in surfaces:
                # A name its document did not join to a longer one ("exact" there) reports the rule that
                # joined it here: "Blair" alone in its document, the surname of Tony Blair elsewhere; and
                # another name of a place always says so (not "exact": the names differ).
                if surface in self.groups[i].names and (
                    rule == "gazetteer" or self.groups[i].rules.get(surface, "exact") == "exact"
                ):
                    self.groups[i].rules[surface] = rule

    def forced(self) -> None:
        """Step 1: the forced merges of the alias file."""
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, names in list(self.names.items()):
            for key in names:
                by_key[key].append(i)
        for surface, canonical in sorted(self.aliases.merge.items()):
            members = by_key.get(surface, []) + by_key.get(name_key(canonical), [])
            for i in members:
                for surface_form in self.groups[i].names:
                    if name_key(surface_form) == surface:
                        self.groups[i].rules[surface_form] = "alias"
            for other in members[1:]:
                self.join(members[0], other, "alias", ())

    def same_names(self) -> None:
        """Step 2: the same full name in several documents (or already in the graph): first within
        a type family, then across families where one side's type is only spaCy's guess."""
        groups = self.groups
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
            for _, same in sorted(families.items()):
                for other in same[1:]:
                    graph_rule = groups[same[0]].known is not None or groups[other].known is not None
                    if is_place_key(key):  # one place under another name (kg.resolve.places)
                        known = self.names[self.union[same[0]]]
                        named = [s for s in groups[other].names if name_key(s, keep_female=True) not in known]
                        self.join(same[0], other, "gazetteer", named)
                        continue
                    self.join(
                        same[0],
                        other,
                        "graph" if graph_rule else "exact",
                        [s for s in groups[other].names if name_key(s, keep_female=True) == key],
                    )
            heads = [same[0] for _, same in sorted(families.items())]
            for a in heads:
                for b in heads:
                    if a < b and _retypable(groups[a], groups[b]):
                        self.join(a, b, "graph" if groups[a].known or groups[b].known else "exact", ())

    def short_names(self) -> None:
        """Step 3: acronyms, surnames and short names whose full name is in another document,
        when only one fits."""
        components = self.components()
        full_names = self._full_names(components)
        for root, members in sorted(components.items()):
            found = self._short_name(root, members, full_names)
            if found is None:
                continue
            rule, surfaces, candidates = found
            if len(candidates) == 1:
                # Any group of the full name's component may allow the join (a person's name there that
                # the text typed): which group is the union-find root must not decide it (it depends on
                # the other documents of the build, and kg remove re-links only some of them).
                group = components[next(iter(candidates))]
                self.join(
                    members[0],
                    next((i for i in group if self.allowed(members[0], i, False)), group[0]),
                    rule,
                    surfaces,
                )

    def _full_names(self, components: dict[int, list[int]]) -> dict[tuple[str, str], set[int]]:
        """(initials / surname / short name, key) → the roots of the components with such a full name."""
        full_names = defaultdict(set)
        particles = lexicon().name_particles
        for root, members in components.items():
            for i in members:
                family = self.groups[i].family
                for surface in self.groups[i].names:
                    if " " not in surface.strip() or is_short_key(name_key(surface, keep_female=True), family):
                        continue
                    for acronym in {initials(surface), *acronyms(surface)}:
                        full_names[("initials", acronym)].add(root)
                    if family == "PERSON":
                        words = name_key(surface).split()
                        full_names[("surname", words[-1])].add(root)
                        for k in range(1, len(words) - 1):  # "van persie" of "robin van persie"
                            if words[k] in particles:
                                full_names[("surname", " ".join(words[k:]))].add(root)
                    elif family == "ORG":
                        # "Labour" = "Labour Party", "USAir" = "USAir Group Inc", "Firefox" = "Firefox 1.0"
                        for short in (*suffix_free(surface), without_domain(surface), without_version(surface)):
                            if short:
                                full_names[("short", normalise_name(short))].add(root)
                for surface in self.groups[i].names:  # a one-word web address: "Torrentia.org"
                    site = without_domain(surface)
                    if site and " " not in surface.strip():
                        full_names[("short", normalise_name(site))].add(root)
        return full_names

    def _short_name(self, root: int, members: list[int], full_names) -> tuple[MergeRule, set[str], set[int]] | None:
        """For a component of one short name (in one or more forms: "Blair", "Mr Blair"): (rule, its
        surface forms, roots of the full names it fits)."""
        groups = self.groups
        surfaces = {s for i in members for s in groups[i].names}
        if len({name_key(s, keep_female=True) for s in surfaces}) != 1:
            return None  # several names: not one short name ("Blair" and "Mr Blair" are one)
        surface = min(surfaces, key=lambda s: (len(s), s))  # the form without an honorific
        family = groups[members[0]].family
        if any(key.split()[0] in female_keys() for i in members for key in groups[i].keys if key):
            return None  # "Mrs Howard" alone in a document: never joined to a full name elsewhere
        acronym_family = family in {type_family(t) for t in ACRONYM_LABELS}
        if is_acronym(surface) and acronym_family:
            return "acronym", surfaces, full_names.get(("initials", surface.replace(".", "")), set()) - {root}
        if is_title_acronym(surface) and acronym_family:  # "Opec" as British news writes "OPEC"
            spelt = full_names.get(("initials", surface.upper()), set()) - {root}
            if spelt:
                return "acronym", surfaces, spelt
        if family == "PERSON" and is_short_key(name_key(surface), family):
            if synonym_key(name_key(surface)) is not None:
                return None  # "Oscar" alone is the award as often as a surname: no person elsewhere is sure
            return "surname", surfaces, full_names.get(("surname", name_key(surface)), set()) - {root}
        if family == "ORG":  # "Labour" = "Labour Party"
            return "short name", surfaces, full_names.get(("short", normalise_name(surface)), set()) - {root}
        return None


def _retypable(a: Group, b: Group) -> bool:
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
