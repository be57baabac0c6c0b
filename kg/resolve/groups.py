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
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from ..lang import lexicon
from ..lang.places import lookup
from ..model import Aliases, KnownEntity, Mention, MergeRule
from ..text.names import (
    acronyms,
    is_function_word,
    name_key,
    strip_honorific,
    suffix_free,
    without_domain,
    without_version,
)
from ..vocab import ACRONYM_LABELS, PLACE_LABELS, type_family
from .evidence import TextEvidence
from .places import place_link_keys, place_targets

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


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written as an acronym: two to six capital letters, with or without full stops."""
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


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


@dataclass(frozen=True)
class Name:
    """What the joining rules read of one name of a document (all its mentions with one key)."""

    key: str  # as compared (name_key)
    surface: str  # the form written most often
    label: str  # its type in the document
    typed: bool = False  # the text gave evidence for the type
    first: float = 0  # where it is first written after the headline (inf: only in the headline)
    titled: bool = False  # written with an honorific or a title at least once ("Mr Blair", "Prince Charles")
    guessed: bool = False  # typed by the name classifier alone, a guess from the words around it like spaCy's
    first_titled: bool = False  # written only after titles that go before a first name ("Prince Saud")
    knighted: bool = False  # written only after a knight's or dame's title, which only a first name follows

    @property
    def family(self) -> str:
        """The type family of the name's label."""
        return type_family(self.label)


def _men(mentions: list[Mention]) -> set[str]:
    """The surnames (as keys) of the men a document names with an honorific: "Mr Howard" → "howard"."""
    male = lexicon().male_honorifics
    return {
        m.text.split()[-1].lower()
        for m in mentions
        if len(m.text.split()) == 2 and m.text.split()[0].rstrip(".") in male
    }


def evident_forms(
    names: dict[str, Name], mentions: list[Mention], evidence: TextEvidence
) -> dict[str, tuple[str, MergeRule]]:
    """Short key → (full key, rule) for the names of a document that the text itself shows to be
    another name of the document, whatever types they were given:

    - the short form written in brackets right after a name ("Dutch Athletics Federation (ATLET)"),
      whatever its letters, if it may be one: capitals, or words of the name; never a place of the
      gazetteer beside a name that is no place ("Kingfisher (UK)");
    - the singular of a name of several words the document writes in the plural too ("Domain Name",
      "Domain Names"), never a person's;
    - a piece of a name of the document that is written only beside the rest of it: spaCy's "Sporting"
      and "Toulon" where the text writes "Sporting Toulon" (and "UK" of "UK Internet Forum");
    - a one-word name written with a possessive, never a country's or a state's, that is the first word of
      the one person of the document whose name begins with it, written before ("Victoria's career"
      after "Victoria Beckham"), as the first-name rule of :func:`short_forms` joins a person's;
    - a one-word name that begins the one organisation name of the document that ends in an organisation's
      word ("Brightwell" of "Brightwell Foods Group Inc."), unless it is a common word (written in lower
      case in the document), a nationality, a place (:func:`is_namesake`), an acronym, a word some
      person's name of the document begins or ends in, a first name, or written with a title.
    """
    found: dict[str, tuple[str, MergeRule]] = {}
    people: dict[str, list[str]] = defaultdict(list)  # first word -> the people's full names
    organisations: dict[str, list[str]] = defaultdict(list)  # first word -> the organisations' names
    for key, name in names.items():
        if name.label == "PERSON" and " " in key and not name.titled:
            people[key.split()[0]].append(key)
        elif name.label == "ORG" and " " in key:
            organisations[key.split()[0]].append(key)
    surnames = {full.split()[-1] for keys in people.values() for full in keys}
    for key, name in sorted(names.items()):
        if " " in key or name.titled or is_acronym(name.surface) or not key.isalpha():
            continue
        if key in evidence.lower_words or name.surface in lexicon().demonyms or key in surnames:
            continue
        begun = organisations.get(key, [])
        nearest = [f for f in begun if not any(" ".join(f.split()[:k]) in begun for k in range(1, f.count(" ") + 1))]
        personal = key in people or name.surface in lexicon().first_names  # "Robert" of "Robert Kilroy-Silk Party"
        company = any(_company(names[full]) for full in begun)  # ("Brightwell Foods" and "... Foods Group Inc.")
        # (written before its longer name, "Sony" may be the parent of "Sony Pictures Entertainment")
        after = len(nearest) == 1 and names[nearest[0]].first < name.first
        full_name = after or any(_ends_in_form(names[f].surface.split()[1:]) for f in begun)
        if len(nearest) == 1 and not personal and company and full_name and not is_namesake(name.surface):
            found[key] = (nearest[0], "short name")
        firsts = people.get(key, [])
        if (
            key in evidence.possessive
            and name.family != "PERSON"
            and len(firsts) == 1
            and names[firsts[0]].first < name.first
            and not any(p.kind in ("country", "state", "continent") for p in lookup(name.surface))
        ):
            found[key] = (firsts[0], "first name")
    found.update(_plurals(names))
    found.update(_pieces(names, mentions))
    bracketed: dict[str, set[str]] = defaultdict(set)  # short key -> the names it follows or is written after
    for pair in evidence.brackets:
        if all(key in names for key in pair) and pair[0] != pair[1]:
            short, full = sorted(pair, key=lambda k: (len(k), k))  # "ATLET (Dutch Federation)" is written too
            if _may_abbreviate(names[short], names[full]):
                bracketed[short].add(full)
    for short, fulls in bracketed.items():
        if len(fulls) == 1:  # (two: "HSDPA (High Speed ...)" and a cut "Speed ... (HSDPA)": the other rules tell)
            found[short] = (next(iter(fulls)), "acronym" if is_acronym(names[short].surface) else "short name")
    return found


def _ends_in_form(words: list[str]) -> bool:
    """Whether words left out of a name end in the legal form of an organisation ("Foods Group Inc.",
    "Foundation"): the company's full name, not a division's named for its line of business ("Pictures
    Entertainment" of a parent's "Sony")."""
    suffixes = lexicon().organisation_suffixes
    return bool(words) and (words[-1] in suffixes or words[-1].rstrip(".,") in suffixes or words[-1] in _FORM_WORDS)


def _company(name: Name) -> bool:
    """Whether an organisation's name ends in an organisation's word ("Group", "Inc."), not in a public
    body's ("Home Office") nor in a word that makes it a product ("Apple Powerbook")."""
    last = name.surface.split()[-1]
    words = lexicon().organisation_words
    return (last in words or last.rstrip(".,") in words) and last not in lexicon().public_body_words


def _plurals(names: dict[str, Name]) -> dict[str, tuple[str, MergeRule]]:
    """The singular names of several words that join their plural (see :func:`evident_forms`)."""
    found: dict[str, tuple[str, MergeRule]] = {}
    for key, name in names.items():
        single = key[:-1]
        plural = " " in key and key.endswith("s") and not key.endswith("ss") and single in names
        if plural and "PERSON" not in (name.family, names[single].family):
            found[single] = (key, "short name")
    return found


def _pieces(names: dict[str, Name], mentions: list[Mention]) -> dict[str, tuple[str, MergeRule]]:
    """The names written only beside the rest of a name of the document (see :func:`evident_forms`)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    written: Counter = Counter(name_key(m.text, keep_female=True) for m in ordered)
    beside: dict[str, Counter] = defaultdict(Counter)  # piece key -> the full keys it was written in
    makers: set[str] = set()  # the pieces before which a thing its maker makes may be written ("Sony Walkman")
    for before, after in itertools.pairwise(ordered):
        if after.start - before.end != 1:
            continue
        full = name_key(f"{before.text} {after.text}", keep_female=True)
        parts = {name_key(before.text, keep_female=True), name_key(after.text, keep_female=True)}
        if full in names and full not in parts:  # ("The" and "Tony Blair" are no pieces of "Tony Blair")
            for part in (before, after):
                beside[name_key(part.text, keep_female=True)][full] += 1
            if before.label == "ORG":
                makers.add(name_key(before.text, keep_female=True))
    alone = {piece for piece, fulls in beside.items() if sum(fulls.values()) < written[piece]}
    found: dict[str, tuple[str, MergeRule]] = {}
    for piece, fulls in beside.items():
        full = next(iter(fulls))
        if len(fulls) != 1 or piece in alone or piece == full:
            continue
        # a thing written after the name of its maker, which the text names on its own too ("Sony" ... "Sony
        # Walkman"), is the maker's thing, no piece of a name (:func:`_owned` joins them)
        if not any(maker in alone and full.startswith(maker + " ") for maker in makers - {piece}):
            found[piece] = (full, "short name")
    return found


def _may_abbreviate(short: Name, full: Name) -> bool:
    """Whether the name written in brackets after another may be its short form (see :func:`evident_forms`)."""
    if len(short.key) >= len(full.key):
        return False
    letters = short.surface.replace(".", "").replace("-", "")
    capitals = sum(c.isupper() for c in letters) >= 2 and " " not in letters
    if not (capitals or set(short.key.split()) <= set(full.key.split())):
        return False
    if full.label in PLACE_LABELS or lookup(full.surface):  # "Athletics Kenya (AK)" cut to "Kenya (AK)"
        return short.surface.replace(".", "") in acronyms(full.surface)
    return not lookup(short.surface)  # "Kingfisher (UK)": where it is


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


def compatible(short: Name, full: Name, rule: MergeRule = "exact") -> bool:
    """Whether ``short`` may name the thing ``full`` names, by their types: the same family; or a
    short name whose type is only spaCy's guess, but never a person and a place, and a place or a
    nationality only as an acronym ("METI" taken for a place) or a web address's name ("Torrentia"
    taken for a place, "Torrentia.org")."""
    if short.family == full.family:
        return True
    if rule == "short name" and _site(full) and not short.titled:
        return True  # "Torrentia" beside "Torrentia.org", whatever spaCy or the classifier took it for
    if {short.family, full.family} == {"PERSON", type_family("GPE")}:
        return False
    if short.typed and not (short.guessed and rule in ("acronym", "short name")):
        return False  # (the classifier's guess gives way to an acronym's or a short name's full name)
    if short.label == "NORP" and full.label in PLACE_LABELS and name_key(short.surface) in _feature_keys(full):
        return True  # "Aegean" beside "Aegean Sea"
    if short.label in PLACE_LABELS or short.label == "NORP":
        return rule == "acronym" or (rule == "short name" and _site(full))
    return True


def short_forms(
    names: dict[str, Name], men: set[str], *, common: frozenset[str] = frozenset(), things: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str, MergeRule]]:
    """(short key, full key, rule) for each name of a document that may stand for a longer one:

    - ``acronym``: written in capitals, the initials of the full name (:func:`kg.text.names.acronyms`),
      also with an organisation suffix ("TWA Inc"), or one word written with one capital that spells
      a full name of the document ("Opec");
    - ``surname``: the last words of a PERSON name, with or without an honorific ("Icahn", "Mr Icahn",
      "Van Persie"); "Mrs Howard" never where a "Mr Howard" is named;
    - ``first name``: a one-word name, never written with a title, that is the first word of a PERSON
      name written before it ("Freddie Ljungberg ... Freddie"); or written after a knight's title ("Digby
      Jones ... Sir Digby"), or a royal's, of a full name written after one too ("Prince Saud al-Faisal
      ... Prince Saud", not "Charles Kennedy ... Prince Charles");
    - ``short name``: an organisation's name without the suffixes it ends in ("USAir" for "USAir Group
      Inc"), its web domain ("Torrentia.org"), a version number ("Firefox 1.0") or a plural's "s" (not a
      person's: "Bafta" for "Baftas", "American" for "Americans"), or its first words
      ("Kite" for "Kite Airways", "Bryce" for "Bryce & Hollander") when the full name is written first and
      the words left out are no name of the document themselves ("AOL Europe" is not "AOL"), or the word
      for its kind that ends it when one organisation of the document ends so ("Commission"), or its
      first and last words with some between left out, after it ("Economic Social Research Council"),
      or a natural feature's name without its kind ("Aegean" for "Aegean Sea"), or an organisation's or
      event's name of two words or more without the country's name or adjective it begins with
      ("Federal Reserve" for "US Federal Reserve", "Media Council" for "Ugandan Media Council");
    - ``synonym``: another name of the same event or award ("Lisbon Games", "Oscar": :func:`synonym_key`);
    - ``exact``: the same name written with or without spaces, dots or function words ("PowerPage" and
      "Power Page", "Institute for Fiscal Studies" and "Institute of Fiscal Studies").

    A word the document writes in lower case (in ``common``) is no organisation's short name: "Digital"
    is no "Digital Screen Network" where the text says "digital"; nor is a company's name the short name
    of one of ``things``, the names written after "a" or "an" ("an Apple Powerbook"). Types must be :func:`compatible`;
    ambiguity (several fits) is left to the caller.
    """
    female = female_keys()
    titles = lexicon().honorifics
    heads = lexicon().organisation_words - lexicon().organisation_suffixes  # "Commission", not "Inc"
    by_acronym: dict[str, list[str]] = defaultdict(list)
    by_last_words: dict[str, list[str]] = defaultdict(list)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    by_first_words: dict[str, list[str]] = defaultdict(list)
    by_shorter: dict[str, list[str]] = defaultdict(list)  # suffix-free, domain-free or version-free key
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)  # an organisation's first and last words
    by_head: dict[str, list[str]] = defaultdict(list)  # an organisation's last word ("... Commission")
    by_synonym: dict[str, list[str]] = defaultdict(list)  # the name with the last words of a synonym ("Olympics")
    by_spelling: dict[str, list[str]] = defaultdict(list)  # the name without spaces and dots ("powerpage")
    by_feature: dict[str, list[str]] = defaultdict(list)  # a place's name without its kind ("aegean")
    by_national: dict[str, list[str]] = defaultdict(list)  # a body's name without its country ("federal reserve")
    by_tail: dict[str, list[str]] = defaultdict(list)  # a name's last words ("stock exchange" of "london ...")
    for key, name in names.items():
        words = key.split()
        for k in range(1, len(words)):
            by_tail[" ".join(words[k:])].append(key)
        synonym = synonym_key(key)
        if synonym is not None:
            by_synonym[synonym].append(key)
        if not name.surface.isupper() and _compact(key):  # (capitals are an acronym's: "RK-S", "RKS")
            by_spelling[_compact(key)].append(key)
        if name.label in PLACE_LABELS:
            for plain in _featureless(name.surface):
                by_feature[name_key(plain)].append(key)
        national = _without_country(name.surface) if name.family in _NATIONAL_FAMILIES else None
        if national is not None:
            by_national[name_key(national)].append(key)
        if name.label in ACRONYM_LABELS:
            for acronym in acronyms(name.surface):
                by_acronym[acronym].append(key)
        if name.label == "PERSON" and len(words) > 1 and words[0] not in female:
            if not titles & set(name.surface.split()[1:]):  # "Crown" of "Crown Prince Frederik" is no first name
                by_first_word[words[0]].append(key)
            for k in range(1, len(words)):
                by_last_words[" ".join(words[k:])].append(key)
        if name.label == "ORG" and len(words) > 1:
            by_ends[(words[0], words[-1])].append(key)
            by_head[words[-1]].append(key)
            for k in range(1, len(words)):
                if words[k - 1] not in _JOINERS:
                    by_first_words[" ".join(words[:k])].append(key)
        for shorter in (without_domain(name.surface), without_version(name.surface)):
            if shorter is not None:
                by_shorter[name_key(shorter)].append(key)
        if name.label != "PERSON" and len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
            by_shorter[key[:-1]].append(key)  # "Bafta" and "the Baftas", "American" and "Americans"
    for key, name in sorted(names.items()):
        words = key.split()
        candidates: list[tuple[str, MergeRule]] = []
        spelt = next((s for s in (name.surface, *suffix_free(name.surface)) if is_acronym(s)), None)
        if spelt is None and is_title_acronym(name.surface) and name.surface.upper() in by_acronym:
            spelt = name.surface.upper()  # "Opec", "Nato": an acronym as British news writes one
        if spelt is not None and (name.label in ACRONYM_LABELS or not name.typed or name.guessed):
            candidates += [(full, "acronym") for full in by_acronym.get(spelt.replace(".", ""), ())]
        if words and words[0] in female:
            if words[-1] not in men:  # "Mrs Howard" where a "Mr Howard" is named: not him, nor his full name
                candidates += [(full, "surname") for full in by_last_words.get(" ".join(words[1:]), ())]
        elif (
            name.family == "PERSON"
            or (len(name.surface.split()) == 1 and not name.typed)  # "Kilroy-Silk"
            or (len(words) > 1 and words[0] in lexicon().name_particles and not name.typed)  # "El Guerrouj"
        ):
            candidates += [(full, "surname") for full in by_last_words.get(key, ())]
            if len(words) == 1 and (not name.titled or name.first_titled) and not is_acronym(name.surface):
                people = by_first_word.get(key, [])
                if name.titled and not name.knighted:  # "Prince Charles" is not Charles Kennedy
                    people = [full for full in people if names[full].first_titled]
                if len(people) == 1 and names[people[0]].first < name.first:  # "David" of two Davids: neither
                    candidates.append((people[0], "first name"))
        # A person's full name is no organisation's short name: "Robert Kilroy-Silk Party" is his party.
        # (a word the text writes in lower case is common, unless it says what an organisation is: "the academy")
        lowered = key in common and name.surface not in lexicon().organisation_words
        if not name.titled and not (name.family == "PERSON" and len(words) > 1) and not lowered:
            longer = by_first_words.get(key, [])
            # the names it begins, but those that begin with another of them ("USAir Group Inc" with "USAir Group")
            begun = set(longer)  # (looked up word by word: a thousand "University of ..." cost a thousand lookups)
            nearest = [
                full
                for full in longer
                if not any(" ".join(full.split()[:k]) in begun for k in range(1, full.count(" ") + 1))
            ]
            if len(nearest) == 1:
                candidates += [(full, "short name") for full in longer if _leaves_out(names, key, full, things)]
        candidates += [(full, "short name") for full in by_shorter.get(key, ())]
        if len(words) == 1 and name.surface in heads and len(by_head.get(key, ())) == 1:
            candidates.append((by_head[key][0], "short name"))  # "the Commission": the article's one "... Commission"
        if name.family == "ORG" and len(words) > 1:  # "Dutch Federation" after "Dutch Athletics Federation"
            ends = by_ends.get((words[0], words[-1]), [])
            # (names that many organisations begin and end with are too common to tell apart: the bound
            # keeps a list of thousands of "National ... Union" from costing the square of their number)
            inside = [full for full in ends if _within(words, full.split())] if len(ends) <= _MAX_ENDS else []
            # written after the full name, unless only "and", "of" ... are left out
            candidates += [
                (full, "short name")
                for full in inside
                if names[full].first < name.first or all(is_function_word(w) for w in set(full.split()) - set(words))
            ]
        candidates += _variants(key, name, by_synonym, by_spelling, by_feature, by_first_word, by_last_words)
        # "Federal Reserve"; not "Stock Exchange" where a "London Stock Exchange" is named too
        bare = set(by_national.get(key, ()))
        if len(words) > 1 and name.family in _NATIONAL_FAMILIES and not name.titled and set(by_tail[key]) <= bare:
            candidates += [(full, "short name") for full in sorted(bare)]
        for full, rule in candidates:
            other = names[full]
            # (a longer name, or one as long written first alphabetically: "... for ..." and "... of ...")
            if (len(full) > len(key) or (len(full) == len(key) and full < key)) and compatible(name, other, rule):
                yield key, full, rule


def _variants(
    key: str,
    name: Name,
    by_synonym: dict[str, list[str]],
    by_spelling: dict[str, list[str]],
    by_feature: dict[str, list[str]],
    by_first_word: dict[str, list[str]],
    by_last_words: dict[str, list[str]],
) -> list[tuple[str, MergeRule]]:
    """The longer names of the document that ``key`` writes otherwise: with another name of the same
    event or award ("Lisbon Games" = "Lisbon Olympics", "Oscar" = "Academy Award"; never a word some
    person of the document is called by), with spaces or dots ("PowerPage" = "Power Page"), or without
    the kind of a natural feature ("Aegean" = "Aegean Sea"; never a place of its own nor a nationality:
    "Victoria" is not "Lake Victoria", "Irish" not the "Irish Sea")."""
    found: list[tuple[str, MergeRule]] = []
    synonym = synonym_key(key)
    if synonym is not None and not name.titled and key not in by_first_word and key not in by_last_words:
        found += [(full, "synonym") for full in by_synonym[synonym] if full != key]
    if not name.surface.isupper():
        found += [(full, "exact") for full in by_spelling.get(_compact(key), ()) if full != key]
    if key in by_feature and not name.titled and not is_namesake(name.surface):
        found += [(full, "short name") for full in by_feature[key]]
    return found


def is_namesake(surface: str) -> bool:
    """Whether a name is also a place of the gazetteer or a nationality (kg/lang/en/demonyms.txt),
    which an organisation or a feature may be named after ("Oxford" and "Oxford University",
    "Welsh" and "Welsh Assembly", "Victoria" and "Lake Victoria"): then it is no short name of it.

    >>> is_namesake("Oxford"), is_namesake("Welsh"), is_namesake("Korvel")
    (True, True, False)
    """
    return surface in lexicon().demonyms or bool(lookup(surface))


@cache
def _synonyms() -> dict[str, str]:
    """kg/lang/en/name_synonyms.tsv as name keys: variant → the name it is another name of."""
    return {name_key(variant): name_key(name) for variant, name in lexicon().name_synonyms.items()}


def synonym_key(key: str) -> str | None:
    """The name key with its last words written as the name of the event or award they are another
    name of (kg/lang/en/name_synonyms.tsv), in the singular; None when they are none of those.
    A whole name that is only an event's word ("the Games") is too vague to be any of them.

    >>> synonym_key("lisbon games"), synonym_key("oscars"), synonym_key("academy awards"), synonym_key("games")
    ('lisbon olympics', 'academy award', 'academy award', None)
    """
    table = _synonyms()
    names = set(table.values())
    words = key.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        for form in (tail, tail[:-1]) if tail.endswith("s") else (tail,):
            found = table.get(form) or (form if form in names else None)
            if found is None:
                continue
            if start == 0 and form in table and form.title() in lexicon().event_words:
                return None  # "the Games" alone
            return " ".join([*words[:start], found])
    return None


#: The kinds of things whose names a country's name or adjective may begin ("US Federal Reserve").
_NATIONAL_FAMILIES = frozenset({type_family("ORG"), type_family("EVENT")})


def _without_country(surface: str) -> str | None:
    """A name of three words or more without the country's name or adjective it begins with: "US Federal
    Reserve" → "Federal Reserve", "Ugandan Media Council" → "Media Council"; None when it begins with none."""
    words = surface.split()
    for size in (1, 2):
        if len(words) - size < 2:
            break
        first = " ".join(words[:size])
        if first in lexicon().demonyms or any(p.kind == "country" for p in lookup(first)):
            return " ".join(words[size:])
    return None


def _compact(key: str) -> str:
    """A name key without its spaces, full stops and function words: "power page" and "powerpage" are one
    spelling, and so are "institute for fiscal studies" and "institute of fiscal studies"; empty for a
    name with function words and fewer than two other words ("institute of a" is no "institute")."""
    words = key.split()
    content = [word for word in words if not is_function_word(word)]
    if len(content) < len(words) and len(content) < 2:
        return ""
    return "".join(content).replace(".", "")


def _featureless(surface: str) -> list[str]:
    """A place's name without the word for its kind of natural feature that begins or ends it
    (kg/lang/en/natural_feature_words.txt): "Aegean Sea" → "Aegean", "River Ouse" → "Ouse"."""
    words = surface.split()
    kinds = lexicon().natural_feature_words
    if len(words) < 2:
        return []
    return [" ".join(part) for part, kind in ((words[:-1], words[-1]), (words[1:], words[0])) if kind in kinds]


def _within(short: list[str], full: list[str]) -> bool:
    """Whether the words ``short`` are ``full``'s with some left out, in order; never in a name that
    repeats its first word ("Duchy of Lancaster and Duchy of Cornwall" names two things)."""
    rest = iter(full)
    return len(short) < len(full) and full.count(short[0]) == 1 and all(word in rest for word in short)


def _feature_keys(name: Name) -> set[str]:
    """The keys of a place's name without its kind of natural feature ("aegean" of "Aegean Sea")."""
    return {name_key(plain) for plain in _featureless(name.surface)}


def is_title_acronym(surface: str) -> bool:
    """Whether a name may be an acronym written with one capital: one word of three to six letters ("Opec"),
    no first name ("Sam" is no "Securities and Markets" of the text).

    >>> is_title_acronym("Opec"), is_title_acronym("Sam"), is_title_acronym("OPEC")
    (True, False, False)
    """
    if not (3 <= len(surface) <= 6 and surface.isalpha() and surface[0].isupper() and surface[1:].islower()):
        return False
    return surface not in lexicon().first_names


def _site(name: Name) -> bool:
    """Whether a name is a web address ("Torrentia.org")."""
    return without_domain(name.surface) is not None


#: How many organisations may share a name's first and last words for it to be read as one of them.
_MAX_ENDS = 16


#: Words after which a name's first words are no name of their own ("Marsh &", "Procter and").
_JOINERS = frozenset({"&", "and", "of", "for", "the"})


def _leaves_out(names: dict[str, Name], short: str, full: str, things: frozenset[str] = frozenset()) -> bool:
    """Whether ``short``, the first words of the organisation ``full``, is its short name: the words
    left out are suffixes ("Group Inc"); or, for a short name that is no nationality nor acronym (a
    brand's "BBC News", "BT Openzone" are not the BBC or BT), nor a place when an institution's word
    is left out ("Oxford" is not "Oxford University", "Toyota" is "Toyota Motor": :func:`is_namesake`),
    nor the words before a public body's ("Home" of "Home Office": kg/lang/en/public_body_words.txt),
    they are organisation words ("Korvel" = "Korvel Foundation", written before or after it);
    or the full name is written first and what is left out are
    capitalised words without digits ("Apple iPod", "IE 7" and "... Award 2004" are things of their
    own) and no name of the document ("Europe" of "AOL Europe", "Windows" of "Microsoft Windows"), and the
    full name is not one of ``things``, written after "a" or "an" ("an Apple Powerbook": the maker's thing)."""
    rest = full[len(short) :].split()
    suffixes = {s.lower() for s in lexicon().organisation_suffixes}
    if all(word in suffixes for word in rest):
        return True
    surface = names[short].surface
    written = _WORDS.split(names[full].surface.strip())[len(short.split()) :]
    heads = lexicon().organisation_words - lexicon().organisation_suffixes
    if is_acronym(surface) or surface in lexicon().demonyms:
        return False  # "Welsh" of "Welsh Assembly": the nationality
    if any(word in heads for word in written) and is_namesake(surface):
        return False  # "Oxford" of "Oxford University": an institution named after a place (not "Toyota Motor")
    if written and written[-1] in lexicon().public_body_words:
        return False  # "Home" of "Home Office": a public body is named after what it deals with (not of
        # "Federated Department Stores", which ends in no such word)
    if written and all(word in lexicon().organisation_words for word in written):
        # "Korvel" before or after "Korvel Foundation": what is left out says only what it is; but a name
        # written before a longer one may be its parent ("Sony" ... "Sony Pictures Entertainment", "Virgin" ...
        # "Virgin Records"): then only a word for its legal form may be left out
        return names[full].first < names[short].first or _ends_in_form(written)
    if names[full].first >= names[short].first or full in things:
        return False
    if not written or not all(w in _JOINERS or (w[:1].isupper() and not any(c.isdigit() for c in w)) for w in written):
        return False
    while rest and rest[0] in _JOINERS:
        rest = rest[1:]
    return " ".join(rest) not in names and not any(word in names for word in rest)


#: Words for the form an organisation takes, not its line of business: "Korvel" is the "Korvel Foundation".
_FORM_WORDS = frozenset({"Foundation", "Association", "Society", "Trust", "Institute"})

# How a name's words are separated in its key (see kg.text.names.normalise_name).
_WORDS = re.compile(r"[\s_/\u2010-\u2015-]+")
