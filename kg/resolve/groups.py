"""The names of one document grouped by the thing they name, and how names are compared.

Within a document a short name joins the only longer name it can stand for, unless the
alias file forbids it (the rules are :func:`short_forms`): an acronym ("GNA" =
"Government of National Accord"), a surname, with or without an honorific ("Haftar",
"Mr Haftar", "Van Persie"), a first name alone ("Freddie" = "Freddie Ljungberg"), and an
organisation's short name ("USAir" = "USAir Group Inc", "Torrentia" = "Torrentia.org",
"Firefox" = "Firefox 1.0", "Korvel" = "Korvel Foundation"), another name of an event or award
("Lisbon Games" = "Lisbon Olympics", "Oscar" = "Academy Award"), the same name written with or
without spaces or dots ("PowerPage" = "Power Page") and a natural feature without its kind
("Aegean" = "Aegean Sea"). "Mrs Howard" stays apart when the document also names a "Mr Howard";
a city or a nationality stays apart from what is named after it ("Oxford University", "Welsh
Assembly"). The groups of all documents are then joined by :mod:`kg.resolve.join`.

This module builds the groups; the rules are in :mod:`kg.resolve.short_forms` (short names by
their words) and :mod:`kg.resolve.evident_forms` (names the text shows to be another's), and the
names they read in :mod:`kg.resolve.document_names`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lang import lexicon
from ..model import Aliases, KnownEntity, Mention, MergeRule
from ..text.names import acronyms, name_key, strip_honorific
from ..vocab import PLACE_LABELS, type_family
from .document_names import Name, female_keys, is_acronym, is_namesake
from .evidence import TextEvidence
from .evident_forms import evident_forms
from .places import place_link_keys, place_targets
from .short_forms import compatible, is_title_acronym, short_forms, synonym_key

__all__ = [
    "Group",
    "document_groups",
    "majority",
    "is_short_key",
    "is_acronym",
    "female_keys",
    "compatible",
    "short_forms",
    "is_namesake",
    "synonym_key",
    "is_title_acronym",
    "evident_forms",
    "cut_names",
]


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
    shortened: set = field(default_factory=set)  # the keys that joined a longer name of the document
    cut: set = field(default_factory=set)  # the keys of names the text shows to be cut short (see cut_names)

    @property
    def link_keys(self) -> set:
        """The names by which other documents may join this group: its full names. A bare
        surname, an acronym or a short name it took in ("Blair" with "Tony Blair", "Mitsubishi"
        with "Mitsubishi Motors") does not link it to another document's group, where "Blair"
        may be Cherie Blair and "Mitsubishi" a bank. Nor does a name cut short ("Anti-Doping Agency"
        before "(USADA)"), which other documents may write for another thing ("(WADA)")."""
        if self.known is not None:
            return set(self.keys)  # a graph node is matched on its label and all its alternative labels
        full = {k for k in self.keys - self.shortened - self.cut if not is_short_key(k, self.family)}
        return full or (set(self.keys) - self.cut) or set(self.keys)

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
    """A name key that is only a surname (or an honorific and a surname; or a surname of several
    words that begins with a particle: "van persie") or an acronym."""
    words = key.split()
    if family == "PERSON" and (len(words) == 1 or (len(words) == 2 and words[0] in female_keys())):
        return True
    if family == "PERSON" and len(words) > 1 and words[0] in lexicon().name_particles:
        return True
    return len(words) == 1 and is_acronym(key.upper())


def document_groups(
    mentions: Iterable[Mention], aliases: Aliases, *, headline_end: int = 0, evidence: TextEvidence | None = None
) -> list[Group]:
    """One document's mentions grouped by the thing they name.

    ``headline_end`` is where the document's headline ends (0: it has none): a headline may
    name a thing by its short name before the text introduces it in full, so the order in
    which names are first written (see :func:`short_forms`) is read after it. ``evidence`` is
    what the text around the names says (:func:`kg.resolve.evidence.text_evidence`), read by
    :func:`evident_forms`.
    """
    mentions = list(mentions)
    evidence = evidence or TextEvidence()
    names: dict[str, Counter] = defaultdict(Counter)  # name key -> surface forms
    types: dict[str, Counter] = defaultdict(Counter)
    typed: set[str] = set()
    typed_by: dict[str, set[str]] = defaultdict(set)  # name key -> what typed its mentions
    first: dict[str, float] = {}
    titled: set[str] = set()
    title_words: dict[str, set[str]] = defaultdict(set)  # name key -> the titles written before it
    for mention in sorted(mentions, key=lambda m: (m.start, m.end, m.text)):
        if not mention.text.split():
            continue
        key = name_key(mention.text, keep_female=True)
        names[key][mention.text] += 1
        types[key][mention.label] += 1
        if mention.typed_by:
            typed.add(key)
            typed_by[key].add(mention.typed_by)
        first.setdefault(key, float("inf"))
        if mention.start >= headline_end:
            first[key] = min(first[key], mention.start)
        if strip_honorific(mention.text) != mention.text:
            titled.add(key)
            title_words[key].add(mention.text.split()[0].rstrip("."))
    for mention in mentions:
        if mention.typed_by == "dateline":  # a dateline's place is a place, whatever else its name is read as
            key = name_key(mention.text, keep_female=True)
            types[key] = Counter({mention.label: sum(names[key].values())})
            typed.add(key)
            typed_by[key] = {"dateline"}
    found = {
        key: Name(
            key,
            majority(names[key]),
            majority(types[key]),
            key in typed,
            first[key],
            key in titled,
            typed_by[key] == {"classifier"},
            bool(title_words[key]) and title_words[key] <= lexicon().first_name_titles,
            bool(title_words[key]) and title_words[key] <= lexicon().knight_titles,
        )
        for key in names
    }
    target = _roots(found, _men(mentions), aliases, evident_forms(found, mentions, evidence), evidence)
    # one place under several names (kg.resolve.places), where no other rule joined the name
    places = place_targets({k: n.surface for k, n in found.items()}, {k: n.label for k, n in found.items()})
    target = {**{k: v for k, v in places.items() if frozenset((k, v[0])) not in aliases.forbid}, **target}
    grouped: dict[str, Group] = {}
    for key in names:
        root, rule = target.get(key, (key, "exact"))  # a name that joins no other is its own root
        group = grouped.setdefault(root, Group())
        group.keys.add(key)
        if key != root:
            group.shortened.add(key)
        group.typed = group.typed or key in typed or root in typed
        group.names.update(names[key])
        group.types.update(types[key] if root == key else {found[root].label: sum(names[key].values())})
        for surface in names[key]:
            group.rules.setdefault(surface, rule if key != root else "exact")
    cut = cut_names(found, evidence)
    for group in grouped.values():
        group.keys |= place_link_keys(group.names)  # the place's key joins other documents' names of it
        group.cut = group.keys & cut
        if group.cut and "acronym" in group.rules.values():  # the acronym names it: the cut name joined it
            group.rules.update((s, "acronym") for s in group.names if name_key(s, keep_female=True) in group.cut)
    return list(grouped.values())


def cut_names(names: dict[str, Name], evidence: TextEvidence) -> set[str]:
    """The keys of the names followed by an acronym in brackets that spells them with more initials
    before theirs: the name finder cut off its first words ("Anti-Doping Agency (USADA)" of "US Anti-Doping
    Agency", "Airlines Association (ELAA)").

    >>> from kg.resolve.evidence import TextEvidence
    >>> found = {k: Name(k, s, "ORG") for k, s in [("anti doping agency", "Anti-Doping Agency"), ("usada", "USADA")]}
    >>> cut_names(found, TextEvidence(brackets=frozenset({("anti doping agency", "usada")})))
    {'anti doping agency'}
    """
    found = set()
    for full, short in evidence.brackets:
        if full not in names or short not in names or not is_acronym(names[short].surface):
            continue
        letters = names[short].surface.replace(".", "")
        spelt = acronyms(names[full].surface)
        if letters not in spelt and any(letters.endswith(a) for a in spelt):
            found.add(full)
    return found


def _men(mentions: list[Mention]) -> set[str]:
    """The surnames (as keys) of the men a document names with an honorific: "Mr Howard" → "howard"."""
    male = lexicon().male_honorifics
    return {
        m.text.split()[-1].lower()
        for m in mentions
        if len(m.text.split()) == 2 and m.text.split()[0].rstrip(".") in male
    }


#: When one short name has targets by several rules, the rule reported: the most telling.
_RULES: tuple[MergeRule, ...] = ("acronym", "surname", "first name", "short name", "synonym", "exact")


def _roots(
    names: dict[str, Name],
    men: set[str],
    aliases: Aliases,
    evident: dict[str, tuple[str, MergeRule]] | None = None,
    evidence: TextEvidence | None = None,
) -> dict[str, tuple[str, MergeRule]]:
    """Name key → (the key of the fullest name it joins, the rule): a short name joins when every
    name it can stand for ends in the same one (so "TWA" joins "Trans World Airlines" directly and
    through "TWA Inc"), and stays apart when two do ("Miliband" with Ed and David Miliband). What the
    text shows (``evident``: :func:`evident_forms`) is the one name a short name stands for, whatever
    the types; ``evidence`` is what the text says (:func:`short_forms` reads it)."""
    evident = evident or {}
    evidence = evidence or TextEvidence()
    edges: dict[str, dict[str, MergeRule]] = defaultdict(dict)
    for short, full, rule in short_forms(names, men, common=evidence.lower_words, things=evidence.counted):
        if frozenset((short, full)) not in aliases.forbid:
            edges[short].setdefault(full, rule)
    for short, (full, rule) in evident.items():
        if frozenset((short, full)) not in aliases.forbid:
            edges[short] = {full: rule}
    root_of: dict[str, str] = {}
    found: dict[str, tuple[str, MergeRule]] = {}
    # Every rule joins a name to a longer one, so the longer names' roots are known first.
    for key in sorted(edges, key=lambda k: (-len(k), k)):
        roots = {root_of.get(full, full) for full in edges[key]}
        if len(roots) != 1:
            continue
        root = next(iter(roots))
        rule = min(edges[key].values(), key=_RULES.index)
        if frozenset((key, root)) in aliases.forbid:
            continue
        if not compatible(names[key], names[root], rule) and evident.get(key, ("", ""))[0] not in edges[key]:
            continue
        root_of[key] = root
        found[key] = (root, rule)
    # A company's name before a thing the text named first is that thing ("IE" ... "Microsoft IE").
    for full, thing in _owned(names):
        root = root_of.get(thing, thing)
        if full in found or root == full or frozenset((full, thing)) in aliases.forbid:
            continue
        if not compatible(names[full], names[root], "short name"):
            continue
        for key, (joined, rule) in list(found.items()):
            if joined == full:
                found[key] = (root, rule)
                root_of[key] = root
        found[full] = (root, "short name")
        root_of[full] = root
    return found


def _owned(names: dict[str, Name]) -> list[tuple[str, str]]:
    """(full key, thing key) for the names made of an organisation's name and a thing's the document
    wrote before them ("Microsoft IE" after "IE", "Sony Walkman" after "Walkman"), shortest first;
    never a person, a place or a nationality ("Fiat GM" written first is a venture of two)."""
    found = []
    for key in sorted(names, key=lambda k: (len(k), k)):
        name, words = names[key], key.split()
        if name.label not in {"ORG", "PRODUCT"} or name.titled or name.first == float("inf"):
            continue  # (a headline's "Fiat-GM deal" is read before the text: it follows nothing)
        splits = [
            " ".join(words[k:])
            for k in range(1, len(words))
            if names.get(" ".join(words[:k]), _NOBODY).label == "ORG" and " ".join(words[k:]) in names
        ]
        if len(splits) != 1:
            continue
        thing = names[splits[0]]
        if thing.first < name.first and thing.family != "PERSON" and thing.label not in PLACE_LABELS | {"NORP"}:
            found.append((key, splits[0]))
    return found


_NOBODY = Name("", "", "")
