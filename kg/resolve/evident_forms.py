"""Text-evidence forms: the names the text itself shows to be another name of the document, whatever
their types (a short form in brackets, a singular beside its plural, a piece of a name written only
beside the rest, a first name with a possessive, an organisation's first word).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from ..lang import lexicon
from ..lang.places import lookup
from ..model import Mention, MergeRule
from ..text.names import acronyms, name_key
from ..vocab import PLACE_LABELS
from .document_names import Name, _ends_in_form, is_acronym, is_namesake
from .evidence import TextEvidence


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
        starts = set(begun)  # (a set: a list's lookups would cost the square of the names begun)
        nearest = [f for f in begun if not any(" ".join(f.split()[:k]) in starts for k in range(1, f.count(" ") + 1))]
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
