"""Short forms: the rules by which a short name of a document stands for a longer one (an acronym, a
surname, a first name, an organisation's short name, another name of an event or award, another
spelling, a natural feature without its kind), and whether the two names' types allow it
(:func:`compatible`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from ..lang import lexicon
from ..lang.places import lookup
from ..model import MergeRule
from ..text.names import acronyms, is_function_word, name_key, suffix_free, without_domain, without_version
from ..vocab import ACRONYM_LABELS, PLACE_LABELS, type_family
from .document_names import Name, _ends_in_form, female_keys, is_acronym, is_namesake


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


# How a name's words are separated in its key (see kg.text.names.normalise_name).
_WORDS = re.compile(r"[\s_/\u2010-\u2015-]+")
