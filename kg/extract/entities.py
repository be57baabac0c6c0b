"""Named-entity mentions, with one type per name within a document.

spaCy's small model finds the names; this module fixes their spans and types:

- spans: no leading article or trailing possessive; an honorific or title just
  before a person's one-word name belongs to the mention ("Mrs. Quayle",
  "President Kennedy");
- types: every mention of a name in a document gets the same type, decided by
  the labels spaCy gave it and by evidence the small model ignores: an
  honorific, a title word or a person's role in apposition ("Ahmad al Mesmari,
  a spokesman for Haftar"), a bare surname of a named person, and the words a
  name is made of ("... Party", "... River", "al"/"bin" in Arabic names).

This module gathers the spans, weighs the evidence and gives each name its type; the rules are in
modules of one job each: :mod:`kg.extract.spans` (the mention spans and name pieces),
:mod:`kg.extract.name_words` (evidence from the name's own words and titles),
:mod:`kg.extract.context` (evidence from the words around it), :mod:`kg.extract.kinds` (kind nouns
and lists of names) and :mod:`kg.extract.value_spans` (dates, times and amounts: :func:`values`).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..lang import Lexicon, lexicon_of
from ..lang.places import lookup
from ..model import Mention, TypedBy
from ..vocab import AREA_LABELS, ENTITY_LABELS, PLACE_LABELS
from .candidates import candidates
from .context import (
    _a_city,
    _based_in,
    _context_type,
    _dateline_place,
    _followed_by_personal_pronoun,
    _listed_with_places,
    _next_pronoun,
    _place_context,
)
from .kinds import _lean_to_list, _list_kind
from .name_model import MODEL_TYPES, name_features, type_probabilities
from .name_words import _common_title, _no_person_shape, _person_shaped, name_type
from .places import place_types, source_header
from .spans import (
    _at_sentence_start,
    _capitalised_names,
    _era_marker,
    _is_honorific,
    _plain,
    _surnames_unnamed,
    mention_span,
    name_pieces,
)
from .value_spans import values

__all__ = ["mentions", "values", "mention_span", "name_type"]


def mentions(doc: Doc, *, doc_id: str, retype: bool = True) -> list[Mention]:
    """Return the named-entity mentions of ``doc``, one consistent type per name.

    Within one document a name keeps one type: evidence from honorifics, titles,
    roles and the name's own words decides when there is any; a single word
    that is the surname of a PERSON mention is a PERSON; otherwise the label
    spaCy gave most often wins (ties: the first seen), unless the trained name
    model (:mod:`kg.extract.name_model`; not with ``retype=False``) is confident
    the name is a person, an organisation or a place.
    """
    spans = _spans(doc)
    evidence = _type_evidence(doc, spans)
    spans = sorted(spans + _surnames_unnamed(doc, spans, evidence), key=lambda item: item[0].start)  # issue 17
    surnames = {span[-1].text for span, label in spans if label == "PERSON" and len(span) > 1}
    organisation_heads = {span[0].text for span, label in spans if label == "ORG" and len(span) > 1}
    names = [_plain(span) for span, _ in spans]
    votes: dict[str, Counter] = defaultdict(Counter)
    for (_, label), name in zip(spans, names, strict=True):
        votes[name][label] += 1
    consolidated: dict[str, tuple[str, TypedBy | None]] = {}
    for name, counter in votes.items():
        if name in evidence:
            consolidated[name] = evidence[name]
        elif " " not in name and name in surnames:
            consolidated[name] = ("PERSON", "surname")
        elif " " not in name and name in organisation_heads and counter.most_common(1)[0][0] == "PERSON":
            # "Jet" after "Jet Airways": the first word of an organisation's name, used alone, is its short
            # form, not a person (issue 18: "it" after it must find an organisation)
            consolidated[name] = ("ORG", "short form")
        else:
            consolidated[name] = (counter.most_common(1)[0][0], None)
    if retype:
        _retype(spans, consolidated)
    for name, (label, typed_by) in list(consolidated.items()):
        if label == "PERSON" and typed_by in (None, "classifier"):
            shaped = _no_person_shape(name)
            if shaped is not None:
                consolidated[name] = (shaped, "name words")
    # the gazetteer: a known country is never a person (kg.extract.places)
    consolidated.update(place_types(consolidated, [n for n, (label, _) in consolidated.items() if label == "PERSON"]))

    sentence_starts = [s.start for s in doc.sents]
    found = []
    for (span, _), name in zip(spans, names, strict=True):
        label, typed_by = consolidated[name]
        found.append(
            Mention(
                doc_id=doc_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=label,
                sentence=max(bisect.bisect_right(sentence_starts, span.start) - 1, 0),
                typed_by=typed_by,
            )
        )
    return found


#: Labels the name model may change, and their families (places are one).
_MODEL_FAMILIES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


def _retype(spans: list[tuple[Span, str]], consolidated: dict[str, tuple[str, TypedBy | None]]) -> None:
    """Give the names no rule typed the name model's type, where it is confident (its mean
    probability over the name's mentions reaches the model's threshold) and differs from spaCy's."""
    if not spans:
        return
    model = lexicon_of(spans[0][0]).type_model
    if not model.get("labels"):
        return
    lex = lexicon_of(spans[0][0])
    scores: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    bare: set[str] = set()  # names written at least once without an article before them
    for span, _ in spans:
        name = _plain(span)
        label, reason = consolidated[name]
        if reason is None and label in _MODEL_FAMILIES:
            scores[name].update(type_probabilities(model, name_features(span, label)))
            counts[name] += 1
            if span.start == 0 or span.doc[span.start - 1].lower_ not in lex.articles:
                bare.add(name)
    for name, score in scores.items():
        best, total = score.most_common(1)[0]
        label = MODEL_TYPES[best]
        current = consolidated[name][0]
        words = name.split()
        if label == "PERSON" and len(words) > 1 and words[0] not in lex.first_names:
            continue  # "Boston Scientific said ...": a person of several words has a first name
        if label == "GPE" and len(words) == 1 and name not in bare:
            continue  # "in the Chamber", "the Treasury": as for the place-context rule, an institution
        if label == "GPE" and current == "ORG" and _a_city(name):
            continue  # "Leeds", "Porto": clubs and companies bear cities' names (as for the gazetteer)
        if _MODEL_FAMILIES[label] != _MODEL_FAMILIES[current] and total / counts[name] >= model["threshold"]:
            consolidated[name] = (label, "classifier")


def _spans(doc: Doc) -> list[tuple[Span, str]]:
    """The name spans of ``doc`` with spaCy's labels."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = mention_span(ent)
        if span is None or not any(ch.isupper() for ch in span.text):
            continue  # a name has a capital letter: not "doesn", "fed", "--"
        if _era_marker(span):
            continue  # "190 A.D.", "AD 70": part of a date (issue 17)
        for piece in name_pieces(span, ent.label_):
            spans.extend(source_header(piece, ent.label_) or [(piece, ent.label_)])  # "Prague CTK" (kg.extract.places)
    openers = [span for span, _ in spans if _at_sentence_start(span)]
    if openers:
        # A one-word name that is only a word with a sentence's capital: the text writes it in lower case
        # elsewhere and never capitalised inside a sentence ("Broadband is booming ... fast broadband").
        # Counted by spaCy in one pass (Doc.count_by): a Python loop over every token costs more than the rest.
        counts, strings = doc.count_by(ORTH), doc.vocab.strings
        at_start = Counter(span.text for span in openers)
        words = {
            span.text
            for span in openers
            if counts.get(strings[span.text.lower()], 0) and counts.get(strings[span.text], 0) <= at_start[span.text]
        }
        spans = [(span, label) for span, label in spans if not (_at_sentence_start(span) and span.text in words)]
    spans = spans + _capitalised_names(doc, spans)
    # Names spaCy never tagged (kg.extract.candidates; issue 17), typed by the rules that type the others;
    # their context is read as for a name of a kind spaCy guesses (PRODUCT), which every context rule may overrule.
    lex = lexicon_of(doc)
    spans += candidates(doc, spans, shape=name_type, cue=lambda span: _context_label(span, lex))
    return sorted(spans, key=lambda item: item[0].start)


def _context_label(span: Span, lex: Lexicon) -> str | None:
    """The type the words around a name spaCy did not tag give it (:func:`_context_type`), or None."""
    found = _context_type(span, "PRODUCT", lex, set())
    return found[0] if found is not None else None


def _type_evidence(doc: Doc, spans: list[tuple[Span, str]]) -> dict[str, tuple[str, TypedBy]]:
    """Types that the text itself gives names, beyond spaCy's label: name → (type, reason)."""
    found: dict[str, tuple[str, TypedBy]] = {}
    lex = lexicon_of(doc)
    # Looked up once per name: scanning ``spans`` for each would cost the square of their number.
    covered: dict[int, int] = {}  # token → the start of the last name covering it
    for other, _ in spans:
        covered.update((i, max(other.start, covered.get(i, -1))) for i in range(other.start, other.end))
    places = {other.start for other, other_label in spans if other_label in AREA_LABELS}
    surnames = {span[-1].text for span, label in spans if label == "PERSON" and len(span) > 1}
    person_votes = {_plain(span) for span, label in spans if label == "PERSON"}
    for span, label in spans:
        name = _plain(span)
        words = [t.text for t in span]
        shape = name_type(words, lex)
        if (
            shape == "PERSON"
            and label != "PERSON"
            and (_common_title(span[0], lex) or (label in AREA_LABELS and not _is_honorific(span[0], lex)))
        ):
            shape = None  # "St James", "King Edward VII Hospital": a title starts other names; "Rio de Janeiro"
        if shape == "FAC" and label == "ORG":
            shape = None  # "Texas Theater", "National Hurricane Center": the institution, not the building
        natural = label == "FAC" and (
            words[-1] in lex.natural_feature_words
            or (len(words) == 2 and words[0] in lex.natural_feature_words and words[-1] not in lex.facility_words)
        )  # "Mount Sinai Hospital" stays a building
        if natural:
            shape = "LOC"  # "the River Ouse", "Lake Victoria": spaCy's building is a natural place
        if shape is not None and (natural or shape not in ("LOC", "FAC") or label not in PLACE_LABELS | {"NORP"}):
            reason: TypedBy = "honorific" if shape == "PERSON" and _is_honorific(span[0], lex) else "name words"
            found.setdefault(name, (shape, reason))
            continue
        root = span.root
        before = doc[span.start - 1] if span.start > 0 else None
        if (
            before is not None
            and before.dep_ == "compound"
            and before.head == root
            and (before.lower_ in lex.person_role_nouns)
        ):
            found.setdefault(name, ("PERSON", "title"))  # "warlord Khalifa Haftar"
        elif any(c.dep_ == "appos" and c.lemma_.lower() in lex.person_role_nouns for c in root.children):
            found.setdefault(name, ("PERSON", "role"))  # "Ahmad al Mesmari, a spokesman for Haftar"
        elif root.dep_ == "appos" and root.head.lemma_.lower() in lex.person_role_nouns and (root.head.pos_ == "NOUN"):
            found.setdefault(name, ("PERSON", "role"))  # "the spokesman, Ahmad al Mesmari"
        elif (
            label in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART")
            and root.tag_ != "NNPS"
            and root.dep_ in ("nsubj", "nsubjpass")
            and _followed_by_personal_pronoun(span, covered)
        ):
            found.setdefault(name, ("PERSON", "pronoun"))  # "Walesa said ... He added": only people are "he"
        elif (
            label in ("PERSON", "ORG")
            and root.dep_ in ("nsubj", "nsubjpass")
            and name not in surnames
            and span[0].text not in lex.first_names
            and _next_pronoun(span, covered, subject=label == "ORG") in lex.neuter_pronouns
        ):
            found.setdefault(name, ("ORG", "pronoun"))  # "Argonaut said its games ...": people are not "it"
            # (an ORG is confirmed, so that the name model does not overrule it)
        elif (
            label == "ORG"
            and len(span) == 1
            and (
                (_place_context(span, places) and not (span.start > 0 and doc[span.start - 1].lower_ in lex.articles))
                or _based_in(span)
            )
            and lookup(name)  # a place the gazetteer knows: "from Netscape", "in Apple" are companies
            and not (span.text.isupper() and len(span.text) <= 5)
            and span.text not in lex.organisation_words
        ):
            found.setdefault(name, ("GPE", "place context"))  # "in Lancaster", "Co. of Randolph", "KARBALA, Iraq"
        elif (
            (label == "PERSON" or (label in AREA_LABELS and name in person_votes))
            and len(span) == 1
            and name not in surnames
            and root.dep_ == "pobj"
            and before is not None
            and before == root.head  # right after the preposition: not "in the British Library"
            and root.head.lower_ in lex.place_only_prepositions
            and root.head.lower_ not in lex.source_prepositions
        ):
            # "a conference in Manchester" (spaCy: a person, here or elsewhere in the text): people are not "in" X
            found.setdefault(name, ("GPE", "place context"))
        elif label == "ORG" and len(span) <= 3 and _dateline_place(span):
            found.setdefault(name, ("GPE", "place context"))  # "ROYAL OAK, Mich." opening a wire story
        elif (
            label == "PERSON"
            and len(span) == 1
            and name not in surnames
            and span.text not in lex.first_names
            and _listed_with_places(root)
        ):
            found.setdefault(name, ("GPE", "place context"))  # "in Guildford and Woolwich", "visits Leeds, Torbay"
    alone = {span.text for span, label in spans if label == "PERSON" and len(span) == 1}  # "Cragg said"
    for span, label in spans:
        name = _plain(span)
        if name not in found:
            context = _context_type(span, label, lex, surnames)
            if context is None and label != "PERSON" and span[-1].text in alone and _person_shaped(span, lex):
                context = ("PERSON", "surname")  # "Alistair Cragg" (spaCy: an organisation) when "Cragg" is a person
            if context is not None:
                found[name] = context
    # A list of names tied to a kind noun gives its kind to every member with no evidence of its own (issue 17),
    # a person's full name aside ("films such as X and Y", "technology firms A, B and C").
    for span, label in spans:
        name = _plain(span)
        if label == "NORP" or (label == "PERSON" and span[0].text in lex.first_names):
            continue
        if name in found and found[name][1] != "pronoun":
            continue  # the kind of a list outweighs a pronoun in the next sentence ("... Sony. He has ...")
        kind = _list_kind(span.root, lex) if span.root.conjuncts else None
        if kind is not None and not (kind == "PRODUCT" and label == "ORG"):  # "devices ... Real, Sony": makers
            found[name] = (kind, "kind noun")
        elif (
            len(span) > 1
            and any(c.isdigit() for c in span[-1].text)
            and found.get(_plain(span[:-1]), ("",))[0] in ("PRODUCT", "WORK_OF_ART")  # not "Rover 75" of Rover
        ):
            found[name] = found[_plain(span[:-1])]  # "Firefox 1.0" is of the type of "Firefox"
    _lean_to_list(spans, found, lex)
    return found
