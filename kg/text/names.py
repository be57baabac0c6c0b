"""Canonical surface forms used to compare names."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable

from ..lang import lexicon

__all__ = [
    "normalise_name",
    "name_key",
    "name_keys",
    "initials",
    "strip_honorific",
    "strip_format",
    "is_function_word",
    "acronyms",
    "without_domain",
    "without_version",
    "suffix_free",
    "surname_spans",
]

# Hyphens, underscores and slashes separate words like spaces do ("al-Sarraj" = "al Sarraj").
_SPACE = re.compile(r"[\s_/\u2010-\u2015-]+")
# A web address as a name: "Torrentia.org", "Amazon.co.uk" (a top-level domain, maybe after a second-level one).
_DOMAIN = re.compile(r"^(?P<name>[^\s.]{2,})(?:\.(?:co|com|org|net|ac|gov))?\.[a-z]{2,6}$")
# A version number after a name: "Firefox 1.0", "Windows 3.1", "PHP v5.2" (dotted, so that "Rover 25", a model,
# and "Channel 4" are not versions of "Rover" and "Channel").
_VERSION = re.compile(r"^v?\d+(?:\.\d+)+[a-z]?$", re.IGNORECASE)
# Capitals inside a word give initials too: "GlaxoSmithKline" is GSK.
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")
# A word as a surname is written ("O'Sullivan", "Kilroy-Silk"), and an honorific just before one.
_WORD = re.compile(r"(?<![\w.'-])[^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?![\w-])")
_TITLE_BEFORE = re.compile(r"(?<![\w.-])(\w+)\.? +$")
#: How many acronyms of one name are tried at most (each optional word doubles them).
_MAX_ACRONYMS = 64


def is_function_word(word: str) -> bool:
    """Whether a lower-case word of a name is a function word (kg/lang/en/function_words.txt: "of",
    "the", "al", "&"), which gives no initial and does not identify the name on its own.

    >>> is_function_word("of"), is_function_word("accord")
    (True, False)
    """
    return word in lexicon().function_words


def strip_format(text: str) -> str:
    """``text`` without format characters (Unicode category Cf: zero-width spaces and
    joiners, bidi controls, soft hyphens), which change no letter of a name.

    >>> strip_format("Gor\u200bdon Brown\u202e")
    'Gordon Brown'
    """
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def normalise_name(name: str) -> str:
    """Case-fold, NFKC-normalise and collapse the whitespace of a name; drop a leading "the".

    Format characters go first (:func:`strip_format`), so that names that look the same
    ("Gordon Brown" and "Gor\u200bdon Brown") have the same key.

    Examples
    --------
    >>> normalise_name("  The   United Nations ")
    'united nations'
    >>> normalise_name("Fayez al-Sarraj") == normalise_name("Fayez al Sarraj")
    True
    >>> normalise_name("Gordon Brown\u200b") == normalise_name("Gor\u200bdon Brown") == "gordon brown"
    True
    """
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", strip_format(name))).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


def initials(name: str) -> str:
    """The acronym a name would have: first letters of its capitalised words.

    Examples
    --------
    >>> initials("Government of National Accord")
    'GNA'
    """
    return "".join(
        word[0].upper()
        for word in name.replace("-", " ").split()
        if word and not is_function_word(word.lower()) and word[0].isalpha()
    )


def strip_honorific(name: str) -> str:
    """A person's name without the honorifics or titles in front ("Mrs. Quayle" → "Quayle").

    A name that would be left empty is returned unchanged.

    Examples
    --------
    >>> strip_honorific("Mrs. Quayle"), strip_honorific("President Kennedy"), strip_honorific("Mr.")
    ('Quayle', 'Kennedy', 'Mr.')
    """
    honorifics = lexicon().honorifics
    words = name.split()
    start = 0
    while start < len(words) - 1 and words[start].rstrip(".") in honorifics:
        start += 1
    return " ".join(words[start:]) if start else name


def name_key(name: str, *, keep_female: bool = True) -> str:
    """How names are compared: normalised, without honorifics, except that with
    ``keep_female`` "Mrs Howard" keeps hers, so that she is never taken for "Mr Howard";
    a bracket left open ends the name.

    >>> name_key("Mr. Howard"), name_key("Mrs Howard"), name_key("Dutch Federation (ATLET")
    ('howard', 'mrs howard', 'dutch federation')
    """
    visible = strip_format(name)
    if "(" in visible and ")" not in visible and visible.index("(") > 0:
        visible = visible[: visible.index("(")]  # "Dutch Federation (ATLET": a span cut inside brackets
    words = visible.split()
    if keep_female and len(words) == 2 and words[0].rstrip(".") in lexicon().female_honorifics:
        return normalise_name(f"{words[0].rstrip('.')} {words[1]}")
    # A name that normalises to nothing ("_", "the", a lone soft hyphen) is its own key (found by the
    # fuzz test): the rules below read a key's words.
    return normalise_name(strip_honorific(visible)) or " ".join(words).casefold() or name


def name_keys(name: str) -> set[str]:
    """Keys that any two names one of the rules could join share: their words (but
    "of", "the" ...), the whole name, and the initials, case-folded.

    >>> sorted(name_keys("Government of National Accord"))
    ['=government of national accord', '^gna', '^gona', 'accord', 'government', 'national']
    >>> sorted(name_keys("GNA"))
    ['=gna', '^gna', 'gna']
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKC", strip_format(name))
    words = name.replace(".", "").replace("-", " ").casefold().split()
    keys = {word for word in words if not is_function_word(word)}
    keys.add("=" + " ".join(words))
    if len(words) == 1:
        keys.add("^" + words[0])  # an acronym meets the initials of its expansion
    else:
        keys.add("^" + initials(name).casefold())
    keys |= {"^" + acronym.casefold() for acronym in acronyms(name)}
    site = without_domain(name)
    if site is not None:  # "Torrentia.org" meets "Torrentia"
        keys.add(site.casefold())
    return keys


def acronyms(name: str) -> frozenset[str]:
    """The acronyms a name may be written as, in capitals: the initials of its words, where a
    function word ("of", "and") or an abbreviated legal form ("Inc", "Corp", "plc") may give its
    initial or not, and a hyphenated or camel-case word may give the initial of each part.

    This is the rule for "TWA" = "Trans World Airlines" (every word), "SEC" = "Securities and
    Exchange Commission" (no "and"), "MoD"-like forms aside (an acronym is written in capitals),
    "OECD" = "Organisation for Economic Co-operation and Development" and "GSK" =
    "GlaxoSmithKline". Single letters are no acronym.

    >>> sorted(acronyms("Securities and Exchange Commission"))
    ['SAEC', 'SEC']
    >>> "OECD" in acronyms("Organisation for Economic Co-operation and Development")
    True
    >>> sorted(acronyms("GlaxoSmithKline"))
    ['GSK']
    """
    suffixes = lexicon().organisation_suffixes
    choices: list[set[str]] = []
    words = strip_format(name).split()
    for position, word in enumerate(words):
        if not word[:1].isalpha():
            continue
        # An abbreviated legal form may be left out ("SAIC" = "Shanghai Automotive Industry Corp"), not a
        # word ("Guardian Media Group" is GMG, not GM).
        legal = position > 0 and word in suffixes and len(word.rstrip(".")) <= 4
        optional = is_function_word(word.lower()) or legal
        parts = [part for part in re.split(r"[-\u2010-\u2015]", word) if part[:1].isalpha()]
        whole = word[0].upper()
        spelt = {whole, "".join(part[0].upper() for part in parts)}
        inner = _INNER_CAPITAL.findall(word)
        if inner and word[0].isupper():
            spelt.add(whole + "".join(inner))
        choices.append(spelt | {""} if optional else spelt)
    found = {""}
    for spelt in choices:
        found = {so_far + letters for so_far in found for letters in spelt}
        if len(found) > _MAX_ACRONYMS:
            break  # a name this long has no acronym worth guessing at
    return frozenset(a for a in found if len(a) > 1) if len(found) <= _MAX_ACRONYMS else frozenset({initials(name)})


def without_domain(name: str) -> str | None:
    """A web address's name without its domain ("Torrentia.org" → "Torrentia"), or None.

    >>> without_domain("Torrentia.org"), without_domain("Amazon.co.uk"), without_domain("St. Louis")
    ('Torrentia', 'Amazon', None)
    """
    found = _DOMAIN.match(strip_format(name).strip())
    return found.group("name") if found else None


def without_version(name: str) -> str | None:
    """A name without the version number it ends in ("Firefox 1.0" → "Firefox"), or None.

    >>> without_version("Firefox 1.0"), without_version("Rover 25"), without_version("1.0")
    ('Firefox', None, None)
    """
    words = strip_format(name).split()
    if len(words) > 1 and _VERSION.match(words[-1]):
        return " ".join(words[:-1])
    return None


def suffix_free(name: str) -> list[str]:
    """The shorter names an organisation's name has without the suffixes it ends in, longest first:
    "USAir Group Inc" → ["USAir Group", "USAir"]. Empty when it ends in none.

    >>> suffix_free("USAir Group Inc"), suffix_free("Labour Party"), suffix_free("Party")
    (['USAir Group', 'USAir'], ['Labour'], [])
    """
    suffixes = lexicon().organisation_suffixes
    words = strip_format(name).split()
    found = []
    while len(words) > 1 and words[-1].rstrip(",") in suffixes:
        words = words[:-1]
        if words[-1] in {"&", "and"}:
            break  # "Marks and Co": no name is left
        found.append(" ".join(words).rstrip(","))
    return found


def surname_spans(text: str, people: Iterable[str], taken: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``text`` names one of ``people`` (full names: "Bernie Ebbers") by the surname alone or after an
    honorific ("Ebbers", "Mr Ebbers"), outside the ``taken`` character ranges (names found already).

    A surname two of the people share is left alone, and so is one next to another capitalised word
    ("Ann Ebbers" is someone else, "the Ebbers Trust" a thing).

    >>> text = "Bernie Ebbers is on trial. Mr Ebbers denies it; Ebbers's lawyer, Ann Ebbers and the Ebbers Trust spoke."
    >>> [text[a:b] for a, b in surname_spans(text, ["Bernie Ebbers"], [(0, 13)])]
    ['Mr Ebbers', 'Ebbers']
    """
    full_names: dict[str, set[str]] = {}
    for person in people:
        words = strip_honorific(person).split()
        if len(words) > 1 and words[-1][:1].isupper() and _WORD.fullmatch(words[-1]):
            full_names.setdefault(words[-1], set()).add(normalise_name(person))
    surnames = {s for s, names in full_names.items() if len(names) == 1}
    if not surnames:
        return []
    honorifics = lexicon().honorifics
    taken = sorted(taken)
    starts = [start for start, _ in taken]
    found = []
    # Each word is looked up among the surnames (a pattern of thousands of alternatives would cost their
    # number at every character).
    for word in _WORD.finditer(text):
        start, end = word.span()
        if text[start:end] not in surnames:
            if not (text.endswith("'s", start, end) and text[start : end - 2] in surnames):
                continue
            end -= 2  # "Ebbers's lawyer"
        title = _TITLE_BEFORE.search(text, max(0, start - 20), start)
        if title is not None and title.group(1) in honorifics:
            start = title.start(1)  # "Mr Ebbers"
        i = bisect.bisect_right(starts, end) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside or across a name found already
        before = text[max(0, start - 40) : start]  # (a window: copying all the text before costs its length)
        previous = before.rstrip(" ").rsplit(None, 1)[-1] if before.strip() else ""
        if previous[:1].isupper() and previous[-1:].isalpha() and before.rstrip(" ") == before.rstrip():
            continue  # "Ann Ebbers": a name of its own
        after = text[end : end + 40]
        if after[:1] == " " and after.lstrip(" ")[:1].isupper():
            continue  # "the Maguire Seven": part of a longer name
        found.append((start, end))
    return found
