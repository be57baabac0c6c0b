"""Names spaCy's small model never tagged: runs of capitalised proper nouns that no entity covers.

The model misses one-word names of companies and towns ("Gazprom", "Blackpool"), two-word names
of people ("Theresa May", "Mr Balls"), names of things and events ("Hard Rock Cafes", "FA Cup").
The tagger still reads most of them as proper nouns (NNP/NNPS), so a name here is a maximal run
of such tokens and of the Title-case words around them, with name-internal function words ("of",
"and", "de", "al") only between capitalised words. A run is no name when:

- it is a piece of a longer name: it goes on a name found before ("Scottish Executive"), through
  a function word ("Act" of "Act of Parliament") or a possessive ("... Worker's Union"), or it is a
  model's trim after its code ("116i SE"); or it overlaps a date or a value;
- it is a title or a role ("Foreign Secretary", "Labour MP", "Mr", "the Lords"), a lone month,
  weekday or time zone, a single letter, or it ends with a short stop word ("Ex-No 10");
- it stands in a sentence written in capitals or Title Case (a headline: no evidence of names).

A name of two words or more is a name on its own. A one-word name needs more: spaCy names the
same word elsewhere in the document, or the text writes it, untagged, inside sentences twice or
more and never in lower case; inside a sentence, also when the gazetteer knows it as written or
its context types it (the caller's ``cue``: "Gazprom's shares", "the band X", "Smith, 25,"). A
word only capitalised because it opens a sentence needs one of the first two.

A name's label is spaCy's for the same name elsewhere, else the type its own words give it
(``shape``: :func:`kg.extract.entities.name_type`), a first name, the gazetteer, its context, or
the name model (:mod:`kg.extract.name_model`) when it is confident of a person or an organisation;
the rules of :mod:`kg.extract.entities` then retype it as they do spaCy's names. A name nothing
types takes the type of a short form the text names ("Hearts" of "Hearts of Oak"), or else is a
plain ``kg:Entity`` (:data:`UNTYPED`): on BBC politics 001-020 and business 001-050 those are
real names but for about one in ten, and a wrong type would be worse than none.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping

import numpy
from spacy.attrs import ORTH, SENT_START, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lexicon_of
from ..lang.places import lookup
from ..vocab import ENTITY_LABELS, PLACE_LABELS
from .name_model import MODEL_TYPES, name_features, type_probabilities
from .places import BIG_CITY

__all__ = ["candidates"]

#: The label of a name nothing types: no spaCy label, so its node is a plain ``kg:Entity``
#: (:func:`kg.vocab.class_for_label`); None would leave such names out.
UNTYPED: str | None = "ENTITY"

#: The tagger's tags of proper nouns.
_PROPER = ("NNP", "NNPS")


def candidates(
    doc: Doc,
    spans: list[tuple[Span, str]],
    *,
    shape: Callable[[list[str], Lexicon], str | None],
    cue: Callable[[Span], str | None],
) -> list[tuple[Span, str]]:
    """The names of ``doc`` that neither spaCy nor ``spans`` (the names found so far) cover, with a label.

    ``shape`` gives the type a name's own words give it, ``cue`` the type the words around it give it
    (each None when they give none).
    """
    strings = doc.vocab.strings
    # The tags and sentence starts in one array, so that Python visits only the proper nouns (a tenth of the words).
    array = doc.to_array([TAG, SENT_START])
    seeds = numpy.flatnonzero(numpy.isin(array[:, 0], [strings.add(tag) for tag in _PROPER])).tolist()
    if not seeds:
        return []
    starts = numpy.flatnonzero(array[:, 1] == 1).tolist()
    headlines: dict[int, bool] = {}  # sentence start → whether it is a headline
    lex = lexicon_of(doc)
    # Tokens of names (the model's and those found before), which a name may not go on, and of
    # values too ("fifth", "May" but in "Theresa May"), which it may not overlap.
    named_tokens = {i for ent in doc.ents if ent.label_ in ENTITY_LABELS for i in range(ent.start, ent.end)}
    named_tokens.update(i for span, _ in spans for i in range(span.start, span.end))
    places = {i for ent in doc.ents if ent.label_ in PLACE_LABELS for i in range(ent.start, ent.end)}
    places.update(i for span, label in spans if label in PLACE_LABELS for i in range(span.start, span.end))
    taken = named_tokens | {i for ent in doc.ents if not _surname_month(ent, lex) for i in range(ent.start, ent.end)}
    runs, end = [], -1
    for i in seeds:
        if i < end or i in taken or not _capitalised(doc[i]):
            continue
        run = _run(doc, i, taken, lex)
        end = run.end
        if _touches(run, named_tokens, lex):
            continue
        k = bisect.bisect_right(starts, run.start) - 1
        start = starts[k] if k >= 0 else 0
        if start not in headlines:
            headlines[start] = _headline(doc[start : starts[k + 1] if k + 1 < len(starts) else len(doc)])
        if not headlines[start]:
            runs.append(run)
    if not runs:
        return []
    counts = doc.count_by(ORTH)
    names = Counter((span.text, label) for span, label in spans)
    named = {name: label for (name, label), _ in reversed(names.most_common())}  # the most frequent wins
    # One decision per name: its occurrences share their evidence and their most frequent label.
    by_name: dict[str, list[Span]] = {}
    for run in _disjoint(_lengthened(runs), taken):
        by_name.setdefault(run.text, []).append(run)
    found: list[tuple[Span, str]] = []
    for occurrences in by_name.values():
        if not _name_words(occurrences[0], lex):
            continue
        inside = sum(not run[0].is_sent_start for run in occurrences)
        if len(occurrences[0]) == 1 and not any(
            _evidence(run, inside, named, counts, strings, cue, places) for run in occurrences
        ):
            continue
        label = named.get(occurrences[0].text)  # as spaCy names the word elsewhere ("Parmalat")
        if label is None:
            bare = not any(run.start and run.doc[run.start - 1].lower_ in lex.articles for run in occurrences)
            typed = (_label(run, lex, shape, cue, bare, places) for run in occurrences)
            labels = Counter(found for found in typed if found)
            label = labels.most_common(1)[0][0] if labels else _short_form_label(occurrences[0], named) or UNTYPED
        if label is not None:
            found.extend((run, label) for run in occurrences)
    return found


def _short_form_label(run: Span, named: Mapping[str, str]) -> str | None:
    """The label of a name's short form that the document names: its first word ("Hearts" for "Hearts
    of Oak") or its initials ("IE" for "Internet Explorer"), which must stay one thing with it."""
    words = [t.text for t in run if t.text[:1].isupper()]
    if len(words) < 2:
        return None
    label = named.get(words[0]) or named.get("".join(word[0] for word in words))
    return None if label == "PERSON" else label  # a person's short form is the surname, not the first word


def _run(doc: Doc, start: int, taken: set[int], lex: Lexicon) -> Span:
    """The longest name around the proper noun ``start``: proper nouns and Title-case words (not a
    sentence's first), with function words, hyphens and apostrophes only between capitalised words,
    and "and" not before a first name ("Frederick and David" are two people)."""
    while (
        start > 0
        and not doc[start].is_sent_start  # (a sentence's first word has nothing of its name before it)
        and start - 1 not in taken
        and _capitalised(doc[start - 1])
        and not doc[start - 1].is_sent_start
    ):
        start -= 1  # "Early Warning System": the tagger's adjective
    while doc[start].lower_ in lex.articles and start + 1 < len(doc) and _capitalised(doc[start + 1]):
        start += 1  # "The Sunday Telegraph" inside a sentence
    end = start + 1
    while end < len(doc) and end not in taken:
        token = doc[end]
        if _capitalised(token) and not token.is_sent_start:
            end += 1
            continue
        joins = (
            token.lower_ in lex.function_words
            or (token.text in ("-", "'") and not token.whitespace_)
            or (token.text == "'" and len(doc[end - 1]) == 1)  # "O' Neill"
        )
        if (
            joins
            and end + 1 < len(doc)
            and end + 1 not in taken
            and _capitalised(doc[end + 1])
            and not (token.lower_ in ("and", "&") and doc[end + 1].text in lex.first_names)
        ):
            end += 2
            continue
        break
    return doc[start:end]


def _surname_month(ent: Span, lex: Lexicon) -> bool:
    """Whether the model's date is a month that is a surname after a first name ("Theresa May")."""
    return (
        len(ent) == 1
        and ent.start > 0
        and ent[0].lower_ in lex.months
        and ent[0].is_title
        and _first_name(ent.doc[ent.start - 1], lex)
    )


def _lengthened(runs: list[Span]) -> list[Span]:
    """Runs with the words before them when those make a name found elsewhere: "Ask" of "Ask Jeeves"
    and "Hearts" of "Hearts of Oak" open sentences, where the tagger reads them as a verb or a noun."""
    texts = {run.text for run in runs}
    lengthened = []
    for run in runs:
        for start in range(run.start - 1, max(run.start - 3, 0) - 1, -1):
            if _capitalised(run.doc[start]) and run.doc[start : run.end].text in texts:
                run = run.doc[start : run.end]
                break
        lengthened.append(run)
    return lengthened


def _disjoint(runs: list[Span], taken: set[int]) -> list[Span]:
    """The runs that overlap no name found before and no run before them: a run lengthened over
    another ("BridgeHead Software" over "BridgeHead") is one name, found once."""
    kept: list[Span] = []
    for run in sorted(runs, key=lambda r: (r.start, -r.end)):
        if kept and run.start < kept[-1].end:
            continue
        if not any(i in taken for i in range(run.start, run.end)):
            kept.append(run)
    return kept


def _touches(run: Span, named: set[int], lex: Lexicon) -> bool:
    """Whether a run is a piece of a longer name: it goes on a name found before with no space or
    punctuation between ("Scottish Executive", "Europe Director": the ends of the model's names), or
    through a function word ("Act" of "Act of Parliament", "Early Warning System" after "Global
    Information and"), or it is the owner in a name ("Transport & General Worker" of "... Worker's Union")."""
    doc = run.doc
    start, end = run.start, run.end
    if start > 0 and not doc[start - 1].is_alpha and _model_code(doc[start - 1].text):
        return True  # "the Mercedes C180 SE": a model's trim, not a name
    if (start - 1 in named and doc[start - 1].is_alpha) or (end in named and doc[end].is_alpha):
        return True
    if start > 1 and doc[start - 1].lower_ in lex.function_words and start - 2 in named:
        return True
    if end + 1 < len(doc) and doc[end].lower_ in lex.function_words and end + 1 in named:
        return True
    return (
        end + 1 < len(doc)
        and doc[end].tag_ == "POS"
        and end + 1 not in named
        and doc[end + 1].tag_ in _PROPER
        and _capitalised(doc[end + 1])
    )


def _model_code(word: str) -> bool:
    """Whether a word mixes letters and digits, like a product's model ("C180", "116i")."""
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _headline(sentence: Span) -> bool:
    """Whether a sentence is written in capitals or Title Case: no word but the small ones ("of", "the")
    is in lower case ("USAir Group Rejects TWA Bid"; the reader truecases most headlines before)."""
    small = lexicon_of(sentence.doc).headline_small_words
    words = [t for t in sentence if t.is_alpha]
    return len(words) > 2 and not any(t.is_lower and t.text not in small for t in words)


def _name_words(run: Span, lex: Lexicon) -> bool:
    """Whether a run's words make a name: not a title or a role ("Foreign Secretary", "Labour MP",
    "Mr", "Commissioner for Transport"), a lone date word or time zone, a single letter, nor a run
    that ends with a stop word ("Ex-No 10", "GCSEs and A-levels")."""
    words = [t.text for t in run]
    head = next((i for i, t in enumerate(run) if i and t.lower_ in lex.function_words), len(run))
    last = words[head - 1].rstrip(".")
    if last in lex.honorifics or last in lex.titles or last.removesuffix("s") in lex.honorifics:
        return False  # "Mr", "Queen", "the Lords"
    if _role(run[head - 1], lex):
        return False
    if len(run) == 1 and (run[0].lower_ in lex.months or run[0].lower_ in lex.weekdays or words[0] in lex.time_zones):
        return False  # ("Theresa May" is a name)
    return not (run[-1].is_stop and len(words[-1]) <= 2) and (len(words) > 1 or len(words[0]) > 1)


def _role(token: Token, lex: Lexicon) -> bool:
    """Whether a word is a person's role, singular or plural ("MP", "MPs", "Secretary")."""
    lower = token.lower_
    return lower in lex.person_role_nouns or (lower.endswith("s") and lower[:-1] in lex.person_role_nouns)


def _evidence(
    run: Span,
    inside: int,
    names: Mapping[str, str],
    counts: dict[int, int],
    strings: StringStore,
    cue: Callable[[Span], str | None],
    places: set[int],
) -> bool:
    """Whether a one-word name is a name: spaCy names the same word elsewhere, or the text writes it
    so, untagged, inside sentences (``inside`` times) twice or more and never in lower case; inside a
    sentence, also when the gazetteer knows it or its context types it."""
    word = run.text
    if word in names:
        return True
    if inside >= 2 and not counts.get(strings[word.lower()], 0):
        return True
    if run[0].is_sent_start:
        return False
    return _place(run, places) or cue(run) is not None


def _place(run: Span, places: set[int]) -> bool:
    """Whether the gazetteer knows a one-word name as written, in Title case, not a first name, with no
    article or possessive before it ("the Union" is not Union, New Jersey, "SE" not Sé in Macau, "David"
    not David in Panama), and the gazetteer's place fits: a country, a state or a city of a million
    people, or a town where places stand: after "in", "near", "from" ..., or in a list of places
    (``places``: the tokens of place names). Airlines, newspapers and soldiers are named after towns
    ("Delta, Orion, Piedmont", "Union soldiers")."""
    word = run.text
    lex = lexicon_of(run)
    if not run[0].is_title or _first_name(run[0], lex):
        return False
    doc, start, end = run.doc, run.start, run.end
    if start > 0 and (doc[start - 1].lower_ in lex.articles or doc[start - 1].tag_ == "POS"):
        return False  # "the Union", "Worker's Union"
    found = [place for place in lookup(word) if place.name == word]
    if not found:
        return False
    if found[0].kind != "city" or found[0].population >= BIG_CITY:
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    listed = (before in (",", "and") and start - 2 in places) or (
        end + 1 < len(doc) and doc[end].lower_ in (",", "and") and end + 1 in places
    )
    return before in lex.place_only_prepositions or listed


def _label(
    run: Span,
    lex: Lexicon,
    shape: Callable[[list[str], Lexicon], str | None],
    cue: Callable[[Span], str | None],
    bare: bool,
    places: set[int],
) -> str | None:
    """A name's first label: from its own words, a first name, the gazetteer, its context or the confident
    name model; None when nothing types it (``bare``: the name is never written after an article)."""
    words = [t.text for t in run]
    typed = shape(words, lex)
    if typed is not None:
        return typed
    # A person's name holds no "of", "and" or "the" and starts with no stop word or country ("Art of Man
    # Ray", "My Dream", "America West" start with words of the first-name list).
    personal = not (
        any(t.lower_ in lex.function_words and t.lower_ not in lex.name_particles for t in run)
        or run[0].is_stop
        or any(place.kind != "city" for place in lookup(words[0]))
    )
    if _first_name(run[0], lex) and personal:
        return "PERSON"  # "Isabelle Kronawitter"; "Frederick" of "Frederick and David"
    if (len(words) == 1 and _place(run, places)) or (
        len(words) > 1 and any(place.name == run.text for place in lookup(run.text))
    ):
        return "GPE"
    context = cue(run)
    if context is not None and (context != "PERSON" or personal):
        return context
    model = lex.type_model
    if not model.get("labels"):
        return None
    # No spaCy label: the model's label features are left out (an unknown label weighs nothing).
    scores = type_probabilities(model, name_features(run, "NONE"))
    best, score = max(scores.items(), key=lambda item: item[1])
    label = MODEL_TYPES[best]
    if score < model["threshold"] or label == "GPE":
        return None  # without spaCy's label its places are guesses ("Ask Jeeves"): a place is the gazetteer's
    if label == "PERSON" and not (bare and personal):
        return None  # not "the Sunday Telegraph"
    return label


def _first_name(token: Token, lex: Lexicon) -> bool:
    """Whether a word is a first name and not a day's or a month's ("Sunday Telegraph", "May")."""
    return token.text in lex.first_names and token.lower_ not in lex.weekdays and token.lower_ not in lex.months
