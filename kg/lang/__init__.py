"""Language resources as data: the word lists, patterns and models extraction reads, one folder per language.

``kg/lang/en/`` holds English: word lists as ``.txt`` files (one entry per line, ``#``
starts a comment line), tables as ``.tsv`` (tab-separated fields), the noun-phrase
patterns as ``patterns/*.json`` and the trained models as ``.json``. :func:`lexicon`
reads a folder once into a frozen :class:`Lexicon`; extraction picks the one for the
language of the spaCy ``Doc`` it reads (:func:`lexicon_of`).

A new word is a line in a file; a new list is a file plus a field of :class:`Lexicon`;
a new language is a folder with every file of ``en/``.

>>> "say" in lexicon("en").say_verbs, lexicon("en").pair_relations["Work_For"]
(True, ('work for', 'person', 'organisation'))
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, partial
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datafiles import data_lines
from ..errors import ConfigError

if TYPE_CHECKING:  # spaCy is loaded only when text is analysed
    from spacy.tokens import Doc, Span, Token

__all__ = ["Lexicon", "lexicon", "lexicon_of", "load_lexicon", "alternation", "DEFAULT_LANGUAGE"]

#: The language of a ``Doc`` that names none (a bare ``spacy.vocab.Vocab``).
DEFAULT_LANGUAGE = "en"

Source = Path | Traversable


def _entries(source: Source) -> list[tuple[int, str]]:
    """The entries of a data file with their line numbers (:func:`kg.datafiles.data_lines`)."""
    return data_lines(source, missing="language data file missing", unreadable="cannot read language data")


def _words(source: Source) -> frozenset[str]:
    return frozenset(line for _, line in _entries(source))


def _flagged(
    source: Source, flag: str | None = None, *, flags: frozenset[str], without: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The words of a list whose lines are ``word [flag ...]`` (space-separated): all of them but those
    marked with one of ``without``, or with ``flag`` those marked with it (``flags``: the marks the file may use)."""
    found = set()
    for number, line in _entries(source):
        word, *marks = line.split()
        unknown = set(marks) - flags
        if unknown:
            raise ConfigError(
                f"{source}:{number}: unknown mark {' '.join(sorted(unknown))!r} (expected {', '.join(sorted(flags))})"
            )
        if (flag is None and not without.intersection(marks)) or (flag is not None and flag in marks):
            found.add(word)
    return frozenset(found)


def _rows(source: Source, width: int) -> list[tuple[str, ...]]:
    rows = []
    for number, line in _entries(source):
        row = tuple(part.strip() for part in line.split("\t"))
        if len(row) != width or not all(row):
            raise ConfigError(f"{source}:{number}: expected {width} tab-separated fields, got {line!r}")
        rows.append(row)
    return rows


def _pairs(source: Source) -> frozenset[tuple[str, str]]:
    return frozenset((first, second) for first, second in _rows(source, 2))


def _mapping(source: Source) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(source, 2)}  # rows of exactly two fields


def _acts(source: Source) -> list[tuple[str, str, frozenset[str]]]:
    """The rows of ``deverbal_nouns.tsv``: an act noun, its verb, and (a third field, optional) the
    space-separated prepositions that introduce the act's object ("bid  bid for  for")."""
    rows = []
    for number, line in _entries(source):
        row = tuple(part.strip() for part in line.split("\t"))
        if len(row) not in (2, 3) or not all(row):
            raise ConfigError(f"{source}:{number}: expected 2 or 3 tab-separated fields, got {line!r}")
        rows.append((row[0], row[1], frozenset(row[2].split()) if len(row) == 3 else frozenset()))
    return rows


def _act_verbs(source: Source) -> dict[str, str]:
    return {noun: verb for noun, verb, _ in _acts(source)}


def _act_prepositions(source: Source) -> dict[str, frozenset[str]]:
    return {noun: prepositions for noun, _, prepositions in _acts(source)}


def _positions(source: Source, first: int = 1) -> dict[str, int]:
    """Each word of a file of ordered lines (months, weekdays) with its line's position, counted from ``first``."""
    return {word: position for position, (_, line) in enumerate(_entries(source), first) for word in line.split()}


def _name_adjectives(source: Source) -> dict[str, tuple[str, str, str]]:
    """participle → (predicate, text, direction) of ``name_adjectives.tsv`` ("based": "based in", ...)."""
    found = {}
    for participle, predicate, text, direction in _rows(source, 4):
        if direction not in ("noun", "name"):
            raise ConfigError(f"{source}: {participle!r}: the direction is 'noun' or 'name', not {direction!r}")
        found[participle] = (predicate, text, direction)
    return found


def _score_idioms(source: Source) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """verb → its rows of ``score_idioms.tsv`` (marker, subject slot, object slot, relation), in file order."""
    found: dict[str, tuple[tuple[str, str, str, str], ...]] = {}
    for verb, marker, subject, obj, relation in _rows(source, 5):
        found[verb] = (*found.get(verb, ()), (marker, subject, obj, relation))
    return found


def _pair_relations(source: Source) -> dict[str, tuple[str, str, str]]:
    return {label: (predicate, subject, obj) for label, predicate, subject, obj in _rows(source, 4)}


def _hedges(source: Source) -> dict[tuple[str, str], str]:
    """hedges.tsv: (how the word hedges, the word) → the modality it gives."""
    kinds = {"verb", "passive", "impersonal", "adjective", "negative", "adverb"}
    found = {}
    for word, kind, modality in _rows(source, 3):
        if kind not in kinds:
            expected = ", ".join(sorted(kinds))
            raise ConfigError(f"{source}: unknown hedge kind {kind!r} for {word!r} (expected {expected})")
        found[kind, word] = modality
    return found


def _json(source: Source) -> Any:
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{source}: language data file missing") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ConfigError(f"{source}: cannot read language data ({' '.join(str(error).split())})") from None


def _data(file: str, read: Callable[[Source], Any]) -> Any:
    """A field of :class:`Lexicon` read from ``file`` of the language's folder by ``read``."""
    return field(metadata={"file": file, "read": read})


def _derived() -> Any:
    """A field :func:`load_lexicon` computes from other fields (typed ``Any`` like the others, for type checkers)."""
    return field()


def _list(name: str) -> Any:
    return _data(f"{name}.txt", _words)


_HONORIFIC_MARKS = frozenset({"title", "role", "female", "male", "initial"})
_ORGANISATION_MARKS = frozenset({"suffix", "form"})
_TIME_TAIL_MARKS = frozenset({"end"})
_ROLE_MARKS = frozenset({"copula"})
_IN_MARKS = frozenset({"in", "role"})
_FOR_MARKS = frozenset({"for"})
_KNIGHT_MARKS = frozenset({"knight"})
_PRODUCT_MARKS = frozenset({"shared"})


def _marked(name: str, flag: str | None, flags: frozenset[str], *, without: frozenset[str] = frozenset()) -> Any:
    """A field holding the words of ``name``.txt (marked ``flag``, when given; else all but those
    marked with one of ``without``)."""
    return _data(f"{name}.txt", partial(_flagged, flag=flag, flags=flags, without=without))


def _titles(source: Source) -> frozenset[str]:
    """The words of honorifics.txt that state a role: those marked "title" or "role"."""
    return _flagged(source, "title", flags=_HONORIFIC_MARKS) | _flagged(source, "role", flags=_HONORIFIC_MARKS)


@dataclass(frozen=True)
class Lexicon:
    """The language resources of one language (see the comments of each file for what a list is for)."""

    language: str
    # --- clauses: what verbs and their complements say
    say_verbs: frozenset[str] = _list("say_verbs")
    denial_verbs: frozenset[str] = _list("denial_verbs")
    desire_verbs: frozenset[str] = _list("desire_verbs")
    object_control_verbs: frozenset[str] = _list("object_control_verbs")
    aspectual_verbs: frozenset[str] = _list("aspectual_verbs")
    # issue 18: hedges ("seem to", "is expected to", "reportedly") → modality; control verbs that
    # say the act was done ("prompted X to downgrade"); control through a preposition ("call on X to")
    hedges: Mapping[tuple[str, str], str] = _data("hedges.tsv", _hedges)
    causative_verbs: frozenset[str] = _list("causative_verbs")
    negative_verbs: frozenset[str] = _list("negative_verbs")  # "refused to blame": did not blame
    negating_prepositions: frozenset[str] = _list("negating_prepositions")  # "decided against competing"
    object_particles: frozenset[str] = _list("object_particles")  # "put the team ahead"
    control_prepositions: frozenset[tuple[str, str]] = _data("control_prepositions.tsv", _pairs)
    claim_nouns: frozenset[str] = _list("claim_nouns")
    claim_verbs: frozenset[str] = _list("claim_verbs")
    negative_subjects: frozenset[str] = _list("negative_subjects")
    conditions: frozenset[str] = _list("conditions")
    light_verb_nouns: frozenset[tuple[str, str]] = _data("light_verb_nouns.tsv", _pairs)
    deverbal_nouns: Mapping[str, str] = _data("deverbal_nouns.tsv", _act_verbs)
    # issue 18: the prepositions that introduce each act noun's object ("bid for", "attack on")
    deverbal_prepositions: Mapping[str, frozenset[str]] = _data("deverbal_nouns.tsv", _act_prepositions)
    # "the Tripoli-based GNA", "the UN-recognised government": participle -> (predicate, text, direction)
    name_adjectives: Mapping[str, tuple[str, str, str]] = _data("name_adjectives.tsv", _name_adjectives)
    hyphen_prefixes: frozenset[str] = _list("hyphen_prefixes")  # "pre-Budget", "anti-EU": no name of a thing
    unattached_adverbs: frozenset[str] = _list("unattached_adverbs")
    hedged_act_adjectives: frozenset[str] = _list("hedged_act_adjectives")  # issue 18: "the proposed takeover"
    party_prepositions: frozenset[str] = _list("party_prepositions")  # issue 18: "after a fight with Y"
    # --- arguments and references
    group_nouns: frozenset[str] = _list("group_nouns")
    partitive_nouns: frozenset[str] = _list("partitive_nouns")
    vague_adjectives: frozenset[str] = _list("vague_adjectives")
    relative_pronouns: frozenset[str] = _list("relative_pronouns")
    first_person: frozenset[str] = _list("first_person")
    wh_words: frozenset[str] = _list("wh_words")
    personal_pronouns: frozenset[str] = _list("personal_pronouns")
    neuter_pronouns: frozenset[str] = _list("neuter_pronouns")
    plural_pronouns: frozenset[str] = _list("plural_pronouns")
    settlement_nouns: frozenset[str] = _list("settlement_nouns")
    definite_determiners: frozenset[str] = _list("definite_determiners")
    # --- prepositions
    role_prepositions: frozenset[str] = _marked("role_prepositions", None, _ROLE_MARKS)
    copula_role_prepositions: frozenset[str] = _marked("role_prepositions", "copula", _ROLE_MARKS)
    time_prepositions: frozenset[str] = _list("time_prepositions")
    place_prepositions: frozenset[str] = _list("place_prepositions")
    place_only_prepositions: frozenset[str] = _list("place_only_prepositions")
    source_prepositions: frozenset[str] = _list("source_prepositions")  # issue 17
    # --- names
    honorifics: frozenset[str] = _marked("honorifics", None, _HONORIFIC_MARKS, without=frozenset({"role", "initial"}))
    female_honorifics: frozenset[str] = _marked("honorifics", "female", _HONORIFIC_MARKS)
    male_honorifics: frozenset[str] = _marked("honorifics", "male", _HONORIFIC_MARKS)
    titles: frozenset[str] = _data("honorifics.txt", _titles)
    person_role_nouns: frozenset[str] = _list("person_role_nouns")
    organisation_words: frozenset[str] = _marked("organisation_words", None, _ORGANISATION_MARKS)
    organisation_suffixes: frozenset[str] = _marked("organisation_words", "suffix", _ORGANISATION_MARKS)
    organisation_forms: frozenset[str] = _marked("organisation_words", "form", _ORGANISATION_MARKS)
    place_words: frozenset[str] = _list("place_words")
    place_first_words: frozenset[str] = _list("place_first_words")
    facility_words: frozenset[str] = _list("facility_words")
    name_particles: frozenset[str] = _list("name_particles")
    articles: frozenset[str] = _list("articles")
    # --- kinds of names (issue 17): company contexts, ships, products, events
    organisation_context_nouns: frozenset[str] = _marked("organisation_context_nouns", None, _IN_MARKS)
    organisation_in_nouns: frozenset[str] = _marked("organisation_context_nouns", "in", _IN_MARKS)
    # issue 17: those that also stand before a person's name ("Chelsea manager Jose Mourinho"), and the
    # verbs whose object, or whose "in" object, is a work ("she starred in Ray")
    organisation_role_nouns: frozenset[str] = _marked("organisation_context_nouns", "role", _IN_MARKS)
    work_in_verbs: frozenset[str] = _marked("work_verbs", "in", _IN_MARKS)
    expletive_verbs: frozenset[str] = _list("expletive_verbs")  # "it seems": an "it" that stands for nothing
    team_verbs: frozenset[str] = _marked("team_verbs", "for", _FOR_MARKS)  # "signed for X": X is a club
    result_verbs: frozenset[str] = _list("result_verbs")  # "X beat Y 2-1": both are teams
    vessel_nouns: frozenset[str] = _list("vessel_nouns")
    work_nouns: frozenset[str] = _list("work_nouns")
    organisation_kind_nouns: frozenset[str] = _list("organisation_kind_nouns")
    # The kinds a name modifies just after it ("the Sellafield plant"): the words that end names of
    # facilities and places, lower-cased (not "union", "republic" ...: "the rugby union").
    facility_kinds: frozenset[str] = _derived()
    place_kinds: frozenset[str] = _derived()
    product_context_words: frozenset[str] = _list("product_context_words")
    # issue 17 (third round): product kinds after a name ("the X console"), era markers by a year ("190 A.D.")
    product_kind_nouns: frozenset[str] = _marked("product_kind_nouns", None, _PRODUCT_MARKS)
    organisation_product_nouns: frozenset[str] = _marked("product_kind_nouns", "shared", _PRODUCT_MARKS)
    era_markers: frozenset[str] = _list("era_markers")
    work_maker_nouns: frozenset[str] = _list("work_maker_nouns")  # "the director behind X": X is a work
    list_kind_nouns: frozenset[str] = _list("list_kind_nouns")  # "its brands include X, Y and Z"
    work_role_nouns: frozenset[str] = _list("work_role_nouns")  # "Ray director Taylor Hackford"
    event_words: frozenset[str] = _list("event_words")
    first_names: frozenset[str] = _list("first_names")
    # issue 18 (reference with evidence): gender and animacy a pronoun or role noun must agree with
    first_name_genders: Mapping[str, str] = _data("first_name_genders.tsv", _mapping)
    gender_words: Mapping[str, str] = _data("gender_words.tsv", _mapping)
    agent_labels: frozenset[str] = _list("agent_labels")
    bystander_role_nouns: frozenset[str] = _list("bystander_role_nouns")
    # issue 18 (facts in a noun phrase's shape): "Chelsea took the lead through Lampard", "X put Y ahead"
    state_role_nouns: frozenset[str] = _list("state_role_nouns")  # "US president X", not "US actor X"
    score_idioms: Mapping[str, tuple[tuple[str, str, str, str], ...]] = _data("score_idioms.tsv", _score_idioms)
    function_words: frozenset[str] = _list("function_words")
    # --- values and time
    month_numbers: Mapping[str, int] = _data("months.txt", _positions)
    months: frozenset[str] = _derived()  # the names of month_numbers
    weekday_numbers: Mapping[str, int] = _data("weekdays.txt", partial(_positions, first=0))
    weekdays: frozenset[str] = _derived()  # the names of weekday_numbers
    large_numbers: frozenset[str] = _list("large_numbers")
    time_zones: frozenset[str] = _list("time_zones")
    time_leading_words: frozenset[str] = _list("time_leading_words")
    count_units: frozenset[str] = _list("count_units")
    time_tails: frozenset[str] = _marked("time_tails", None, _TIME_TAIL_MARKS)
    time_connectives: frozenset[str] = _marked("time_tails", None, _TIME_TAIL_MARKS, without=_TIME_TAIL_MARKS)
    value_hedges: frozenset[str] = _list("value_hedges")
    dateline_words: frozenset[str] = _list("dateline_words")
    # --- wire-copy conventions (kg.text.wire)
    news_agencies: frozenset[str] = _list("news_agencies")
    headline_small_words: frozenset[str] = _list("headline_small_words")
    # --- rules and models
    patterns: Mapping[str, tuple[dict[str, Any], ...]] = _derived()  # patterns/<name>.json by name
    pair_model: Mapping[str, Any] = _data("pair_model.json", _json)
    type_model: Mapping[str, Any] = _data("type_model.json", _json)  # kg/extract/name_model.py
    pair_relations: Mapping[str, tuple[str, str, str]] = _data("pair_relations.tsv", _pair_relations)
    confidence_weights: Mapping[str, Any] = _data("confidence.json", _json)
    confidence_words: frozenset[str] = _list("confidence_words")
    # --- places: other names of the gazetteer's places (kg.lang.places)
    place_aliases: Mapping[str, str] = _data("place_aliases.tsv", _mapping)
    broadcast_words: frozenset[str] = _list("broadcast_words")
    # --- one node per thing (issue 17): other names of events and awards, kinds of natural features, nationalities
    name_synonyms: Mapping[str, str] = _data("name_synonyms.tsv", _mapping)
    natural_feature_words: frozenset[str] = _list("natural_feature_words")
    demonyms: frozenset[str] = _list("demonyms")
    public_body_words: frozenset[str] = _list("public_body_words")
    first_name_titles: frozenset[str] = _marked("first_name_titles", None, _KNIGHT_MARKS)
    knight_titles: frozenset[str] = _marked("first_name_titles", "knight", _KNIGHT_MARKS)


#: Words that end names of places but, lower-case after a name, say nothing of a place ("the rugby union").
_NOT_PLACE_KINDS = frozenset({"union", "republic", "kingdom", "states", "emirates", "city", "square", "road"})


def load_lexicon(folder: Source, language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Read the language resources in ``folder`` (uncached; see :func:`lexicon`).

    Raises
    ------
    kg.errors.ConfigError
        Naming the file (and line) that is missing or malformed.
    """
    values: dict[str, Any] = {"language": language}
    for spec in fields(Lexicon):
        if "file" in spec.metadata:
            values[spec.name] = spec.metadata["read"](folder / spec.metadata["file"])
    values["facility_kinds"] = frozenset(w.lower() for w in values["facility_words"])
    values["place_kinds"] = frozenset(w.lower() for w in values["place_words"]) - _NOT_PLACE_KINDS
    values["months"] = frozenset(values["month_numbers"])
    values["weekdays"] = frozenset(values["weekday_numbers"])
    values["patterns"] = _patterns(folder / "patterns", values)
    unknown = set(values["pair_model"].get("labels", ())) - set(values["pair_relations"]) - {"none"}
    if unknown:
        raise ConfigError(
            f"{folder / 'pair_relations.tsv'}: no row for the pair model's labels {', '.join(sorted(unknown))}"
        )
    return Lexicon(**values)


def _patterns(folder: Source, values: dict[str, Any]) -> dict[str, tuple[dict[str, Any], ...]]:
    """The pattern files of ``folder`` by name; ``{"IN": "$NAME"}`` becomes the sorted entries of the
    word list or table ``name`` (``"$DEVERBAL_NOUNS"``: the act nouns of ``deverbal_nouns.tsv``)."""
    found = {}
    files = (
        sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
        if (folder.is_dir())
        else []
    )
    for file in files:
        entries = _json(file)
        for entry in entries:
            for node in entry.get("pattern", ()):
                for attribute in node.get("RIGHT_ATTRS", {}).values():
                    listed = attribute.get("IN") if isinstance(attribute, dict) else None
                    if isinstance(listed, str) and listed.startswith("$"):
                        name = listed[1:].lower()
                        if name not in values:
                            raise ConfigError(f"{file}: {listed} names no word list of the language")
                        attribute["IN"] = sorted(values[name])
        found[file.name.removesuffix(".json")] = tuple(entries)
    return found


@cache
def lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """The language resources of ``language`` (a spaCy language code), read once.

    Raises
    ------
    kg.errors.ConfigError
        If kg has no resources for the language, or one of its files is missing or malformed.
    """
    root = resources.files(__package__)
    folder = root / language
    if not language.isidentifier() or not folder.is_dir():
        available = sorted(
            item.name
            for item in root.iterdir()
            if item.is_dir() and item.name.isidentifier() and item.name != "__pycache__"
        )
        raise ConfigError(
            f"no language resources for {language!r} (kg/lang/{language}/); kg has: {', '.join(available)}"
        )
    return load_lexicon(folder, language)


def lexicon_of(text: Doc | Span | Token) -> Lexicon:
    """The lexicon of the language of a spaCy ``Doc``, ``Span`` or ``Token``
    (a ``Doc`` made with a bare ``Vocab`` names none: :data:`DEFAULT_LANGUAGE`)."""
    return lexicon(text.doc.lang_ or DEFAULT_LANGUAGE)  # a Doc's .doc is itself


def alternation(words: frozenset[str]) -> str:
    """A regular expression that matches any of ``words``, longest first (so that "date" does not
    match the start of "dated" when both are listed).

    >>> alternation(frozenset({"date", "dated", "posted"}))
    'posted|dated|date'
    """
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
