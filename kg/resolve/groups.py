"""The names of one document grouped by the thing they name, and how names are compared.

Within a document an acronym joins the only longer name whose initials spell it
("GNA" = "Government of National Accord") and a bare surname the only full PERSON
name ending in it ("Haftar" = "Khalifa Haftar"), unless the alias file forbids it;
"Mrs Howard" stays apart when the document also names a "Mr Howard". The groups
of all documents are then joined by :mod:`kg.resolve.join`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..lang import lexicon
from ..model import Aliases, KnownEntity, Mention, MergeRule
from ..text.names import initials, name_key
from ..vocab import ACRONYM_LABELS, type_family
from .places import place_link_keys, place_targets

__all__ = [
    "Group",
    "document_groups",
    "majority",
    "is_short_key",
    "is_acronym",
    "female_keys",
]


@cache
def female_keys() -> frozenset[str]:
    """Women's honorifics as name keys have them (lower case): "mrs howard"."""
    return frozenset(h.lower() for h in lexicon().female_honorifics)


@dataclass
class Group:
    """Names that refer to one thing in one document (or one known entity)."""

    names: Counter = field(default_factory=Counter)  # surface form -> mentions
    types: Counter = field(default_factory=Counter)  # label -> mentions
    documents: set = field(default_factory=set)
    rules: dict[str, MergeRule] = field(default_factory=dict)  # surface form -> rule that joined it
    known: KnownEntity | None = None
    typed: bool = False  # whether the text gave evidence for the type (not spaCy's vote alone)
    keys: set = field(default_factory=set)  # the names as compared (see name_key)

    @property
    def link_keys(self) -> set:
        """The names by which other documents may join this group: its full names. A bare
        surname or an acronym it took in ("Blair" with "Tony Blair") does not link it to
        another document's group, where "Blair" may be Cherie Blair."""
        if self.known is not None:
            return set(self.keys)  # a graph node is matched on its label and all its alternative labels
        full = {k for k in self.keys if not is_short_key(k, self.family)}
        return full or set(self.keys)

    @property
    def family(self) -> str:
        """The type family of the group's majority type."""
        return type_family(majority(self.types))

    @property
    def strong(self) -> bool:
        """Whether the group's type is to be trusted over another's: evidence, or a node of the graph."""
        return self.typed or self.known is not None


def majority(counter: Counter) -> str:
    """The most common key; ties broken alphabetically, so the result never depends on order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]


def is_short_key(key: str, family: str) -> bool:
    """A name key that is only a surname (or an honorific and a surname) or an acronym."""
    words = key.split()
    if family == "PERSON" and (len(words) == 1 or (len(words) == 2 and words[0] in female_keys())):
        return True
    return len(words) == 1 and is_acronym(key.upper())


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written as an acronym: two to six capital letters, with or without full stops."""
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


def document_groups(mentions: Iterable[Mention], aliases: Aliases) -> list[Group]:
    """One document's mentions grouped by the thing they name."""
    mentions = list(mentions)
    names: dict[str, Counter] = defaultdict(Counter)  # name key -> surface forms
    types: dict[str, Counter] = defaultdict(Counter)
    typed: set[str] = set()
    for mention in mentions:
        if not mention.text.split():
            continue
        key = name_key(mention.text, keep_female=True)
        names[key][mention.text] += 1
        types[key][mention.label] += 1
        if mention.typed_by:
            typed.add(key)
    label_of = {key: majority(counter) for key, counter in types.items()}
    surface_of = {key: majority(counter) for key, counter in names.items()}
    found = _targets(surface_of, label_of, _men(mentions))
    found = {**place_targets(surface_of, label_of), **found}  # one place under several names (kg.resolve.places)
    target = {key: (root, rule) for key, (root, rule) in found.items() if frozenset((key, root)) not in aliases.forbid}
    grouped: dict[str, Group] = {}
    for key in surface_of:
        root, rule = target.get(key, (key, "exact"))  # a name that joins no other is its own root
        group = grouped.setdefault(root, Group())
        group.keys.add(key)
        group.typed = group.typed or key in typed or root in typed
        group.names.update(names[key])
        group.types.update(types[key] if root == key else {label_of[root]: sum(names[key].values())})
        for surface in names[key]:
            group.rules.setdefault(surface, rule if key != root else "exact")
    for group in grouped.values():
        group.keys |= place_link_keys(group.names)  # the place's key joins other documents' names of it
    return list(grouped.values())


def _men(mentions: list[Mention]) -> set[str]:
    """The surnames (as keys) of the men a document names with an honorific: "Mr Howard" → "howard"."""
    male = lexicon().male_honorifics
    return {
        m.text.split()[-1].lower()
        for m in mentions
        if len(m.text.split()) == 2 and m.text.split()[0].rstrip(".") in male
    }


def _targets(surface_of: dict[str, str], label_of: dict[str, str], men: set[str]) -> dict[str, tuple[str, MergeRule]]:
    """Name key → (the name key it joins, rule): acronyms and bare surnames that only one
    longer name of the document fits."""
    female = female_keys()
    # The names an acronym or a surname could stand for, looked up by initials and last word:
    # comparing each with every name of the document cost the square of their number.
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_last_word: dict[str, list[str]] = defaultdict(list)
    for k, surface in surface_of.items():
        if label_of[k] in ACRONYM_LABELS:
            by_initials[initials(surface)].append(k)
        if label_of[k] == "PERSON" and " " in k:
            by_last_word[k.rsplit(" ", 1)[1]].append(k)
    target: dict[str, tuple[str, MergeRule]] = {}
    for key, surface in surface_of.items():
        label = label_of[key]
        if label in ACRONYM_LABELS and is_acronym(surface):
            longer = [k for k in by_initials.get(surface.replace(".", ""), ()) if k != key and len(k) > len(key)]
            if len(longer) == 1:
                target[key] = (longer[0], "acronym")
        elif label == "PERSON" and (" " not in key or key.split()[0] in female):
            surname = key.split()[-1]
            if key.split()[0] in female and surname in men:
                continue  # "Mrs Howard" where a "Mr Howard" is named too: not him, nor his full name
            longer = [
                k
                for k in by_last_word.get(surname, ())
                if k != key and k.endswith(" " + surname) and k.split()[0] not in female
            ]
            if len(longer) == 1:
                target[key] = (longer[0], "surname")
    return target
