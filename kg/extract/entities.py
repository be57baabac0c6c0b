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
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lexicon, lexicon_of
from ..lang.places import lookup
from ..model import Mention, TypedBy
from ..text.names import surname_spans
from ..vocab import AREA_LABELS, DATE_LABELS, ENTITY_LABELS, PLACE_LABELS, VALUE_LABELS
from .candidates import candidates
from .name_model import MODEL_TYPES, name_features, type_probabilities
from .places import place_types, source_header

__all__ = ["mentions", "values", "mention_span", "name_type"]


def mention_span(ent: Span) -> Span | None:
    """The name in a spaCy entity span: no leading article or trailing possessive; for a
    person named by one word, with the honorific or title written just before it
    ("Mrs. Quayle", "President Kennedy"; but "Mitch McConnell" in "Sen. Mitch McConnell")."""
    doc = ent.doc
    lex = lexicon_of(doc)
    start, end = ent.start, ent.end
    while start < end and (
        doc[start].lower_ in lex.articles or doc[start].is_punct or doc[start].is_quote or doc[start].is_space
    ):
        start += 1
    # A name ends in a word of its own: not a possessive, a quote mark, or the model's stray "in" ('"Oedipus" in').
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space  # the line break after a headline's last word: "Hanover\n\n"
        or doc[end - 1].is_punct
        or doc[end - 1].is_quote
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in _TAILS)
    ):
        end -= 1
    while end - start > 3 and _is_score(doc[end - 3]) and end - 3 > start:
        end -= 3  # a game's score the model read into the name: "Stoke 2-1", "Nadal 6-4 6-3"
    if end <= start:
        return None
    if ent.label_ == "PERSON" and end - start == 1:
        # "Mrs. Quayle" is a name, "Quayle" alone is ambiguous; "Sen. Mitch McConnell" is a title + name.
        while start > 0 and _is_honorific(doc[start - 1], lex):
            start -= 1
        if start == ent.start and start > 0 and _given_name(doc[start - 1], doc[start], lex):
            start -= 1  # "Charlize Theron" when the model saw only "Theron"
    return doc[start:end]


#: Parts of speech a name never ends with in lower case.
_TAILS = frozenset({"ADP", "CCONJ", "DET", "SCONJ", "PART"})


def _given_name(token: Token, surname: Token, lex: Lexicon) -> bool:
    """Whether ``token``, just before a one-word person's name the model found, is the rest of that
    name: a capitalised proper noun in compound with it that no entity, title or role word claims."""
    word = token.text
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and token.head == surname
        and token.is_alpha
        and word[:1].isupper()
        and not word.isupper()
        and not token.ent_type_
        and word not in lex.titles
        and word.rstrip(".") not in lex.honorifics
        and word.lower() not in lex.person_role_nouns
        and word.lower() not in lex.months
        and word.lower() not in lex.weekdays
    )


def name_pieces(span: Span, label: str | None = None) -> list[Span]:
    """A name span cut where a lower-case clause word stands inside it: the model's "Southampton when
    Arsenal" is two names. Prepositions, conjunctions like "and", articles and name particles stay
    inside names ("Bank of England", "Pew Internet and American Life Project", "Ahmad al Mesmari"). An
    organisation's name (``label``, default the span's) is cut at a comma: "Zentrix, Ovando" is a list."""
    pieces, start = [], span.start
    lex = lexicon_of(span)
    organisation = (label or span.label_) == "ORG" and _comma_list(span, lex)
    for token in span[1:-1]:
        # and a role before a person's name: the model's "Balco boss Victor Conte" is a company and a person;
        # a bracket stands between a name and its short form: "Union of Democratic Forces (SDS" is two
        if (
            token.text in _BRACKETS
            or (token.text == "," and organisation)
            or (token.text.islower() and (token.pos_ in _CLAUSE_WORDS or token.text in lex.organisation_role_nouns))
        ):
            pieces.append(span.doc[start : token.i])
            start = token.i + 1
    pieces.append(span.doc[start : span.end])
    return [piece for piece in pieces if any(ch.isupper() for ch in piece.text)]


def _comma_list(span: Span, lex: Lexicon) -> bool:
    """Whether an organisation's name is a list the model read as one name: words between commas, each one
    word, the last maybe a person's name ("Zentrix, Ovando, Kelper"; not "Ministry of Economy, Trade and
    Industry" nor "Evolution, Data Optimised")."""
    parts = " ".join(t.text for t in span).split(" , ")
    if len(parts) < 2 or any(not w[:1].isupper() for part in parts for w in part.split()):
        return False
    if any(w in lex.organisation_words or w.rstrip(".") in lex.organisation_words for w in parts[-1].split()):
        return False  # "Knight-Ridder, Inc.": a company's suffix
    *head, last = [part.split() for part in parts]
    return all(len(part) == 1 for part in head) and (len(last) == 1 or last[0] in lex.first_names)


#: Brackets, which never stand inside a name.
_BRACKETS = frozenset("()[]{}")

#: Parts of speech that never stand inside a name (lower-case): a name does not hold a clause.
_CLAUSE_WORDS = frozenset({"SCONJ", "VERB", "AUX", "PRON", "ADV"})


def _is_honorific(token: Token, lex: Lexicon) -> bool:
    return token.text in lex.honorifics or (token.text.rstrip(".") in lex.honorifics and token.text.endswith("."))


def _common_title(token: Token, lex: Lexicon) -> bool:
    """Whether a name's first word is a title that also starts names of things ("General", "King", "St."),
    unlike a personal honorific ("Mr", "Mrs", "Dr")."""
    word = token.text.rstrip(".")
    return word in lex.titles or word in lex.place_first_words or f"{word}." in lex.place_first_words


def name_type(words: list[str], lex: Lexicon | None = None) -> str | None:
    """The type a name's own words give it, or None: "Libyan National Army" → ORG,
    "Nile River" → LOC, "Ahmad al Mesmari" → PERSON, "Mrs. Quayle" → PERSON.

    ``lex`` is the language's lexicon (default: English).

    >>> name_type(["Ahmad", "al", "Mesmari"]), name_type(["Muslim", "Brotherhood"]), name_type(["Tripoli"])
    ('PERSON', 'ORG', None)
    """
    if not words:
        return None
    lex = lex or lexicon()
    # The head of "Bank of England" is "Bank"; of "Lisbon Olympics", "Olympics".
    head = words[: words.index("of", 1)] if "of" in words[1:] else words
    last = head[-1]
    if len(words) > 1 and last in lex.event_words:
        return "EVENT"
    if len(words) > 1 and words[0] in lex.vessel_nouns:
        return "PRODUCT"  # "USS Stark", "HMS Belfast"
    if len(words) > 1 and last in lex.organisation_words and last in lex.place_words:
        return None  # "European Union", "Soviet Union": the model knows better
    if len(words) > 1 and last in lex.organisation_words:
        return "ORG"
    if len(words) > 1 and last in lex.facility_words:
        return "FAC"
    if len(words) > 1 and (last in lex.place_words or words[0] in lex.place_first_words):
        return "LOC"
    if len(words) > 1 and (words[0] in lex.honorifics or words[0].rstrip(".") in lex.honorifics):
        return "PERSON"  # after the words of things: "Justice Department", "Ambassador Hotel"
    if any(w in lex.organisation_words for w in head[1:]):
        return "ORG"  # "Radio Riga Network"
    if (
        3 <= len(words) <= 4
        and any(w.lower() in lex.name_particles for w in words[1:-1])
        and all(w[:1].isupper() or w.lower() in lex.name_particles for w in words)
        and not all(w.isupper() for w in words)  # "LA ESTRELLA DE PANAMA" is a newspaper
    ):
        return "PERSON"
    return None


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


def _no_person_shape(name: str) -> str | None:
    """The label of a name the model called a person though no person's name is written so, or None:
    a name ending in a number ("Shrek 2", "Opera 8.0": a work or a product, left untyped) or a word
    starting in lower case with a capital inside ("iPod": a brand, untyped). (Not capitals: "JFK".)"""
    words = name.split()
    if len(words) > 1 and any(c.isdigit() for c in words[-1]) and not any(c.isalpha() for c in words[-1]):
        return "ENTITY"
    first = words[0]
    if first[:1].islower() and any(c.isupper() for c in first[1:]):
        return "ENTITY"
    return None


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


def _surnames_unnamed(doc: Doc, spans: list[tuple[Span, str]], evidence: dict) -> list[tuple[Span, str]]:
    """A named person's surname alone or after an honorific where spaCy saw no name ("Mr Ebbers",
    "Ebbers" after "Bernie Ebbers"): without it the person is a concept there (issue 17)."""
    people = [
        span.text for span, label in spans if len(span) > 1 and evidence.get(_plain(span), (label,))[0] == "PERSON"
    ]
    taken = [(ent.start_char, ent.end_char) for ent in doc.ents] + [(s.start_char, s.end_char) for s, _ in spans]
    found = []
    for start, end in surname_spans(doc.text, people, taken):
        span = doc.char_span(start, end)
        if span is not None and span[-1].tag_ in {"NNP", "NNPS"}:  # the tagger reads it as a name too
            found.append((span, "PERSON"))
    return found


def _plain(span: Span) -> str:
    """A mention's name without its honorific: "Mrs. Quayle" and "Quayle" vote together."""
    words = [t.text for t in span]
    if len(words) == 1:
        return words[0]  # (most names: no lexicon lookup, which is called per name and per rule)
    lex = lexicon_of(span)
    while len(words) > 1 and _is_honorific(span[len(span) - len(words)], lex):
        words.pop(0)
    return " ".join(words)


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


def _era_marker(span: Span) -> bool:
    """Whether a name is an era marker next to a number ("190 A.D.", "300 BC", "AD 70"), which spaCy
    may read as a place."""
    doc = span.doc
    if len(span) != 1 or span.text not in lexicon_of(doc).era_markers:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.like_num) or (after is not None and after.like_num)


def _context_label(span: Span, lex: Lexicon) -> str | None:
    """The type the words around a name spaCy did not tag give it (:func:`_context_type`), or None."""
    found = _context_type(span, "PRODUCT", lex, set())
    return found[0] if found is not None else None


def _at_sentence_start(span: Span) -> bool:
    """Whether a name is one word in Title case that opens its sentence."""
    return len(span) == 1 and bool(span[0].is_sent_start) and span[0].is_title and not span[0].is_upper


def _capitalised_names(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Runs of two or more all-capital words in a mixed-case sentence that spaCy left
    unnamed: newspaper and agency names ("KOMSOMOLSKAYA PRAVDA", "MAINICHI SHIMBUN")."""
    taken = {i for span, _ in spans for i in range(span.start, span.end)}
    found = []
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha]
        if not words or sum(t.is_upper for t in words) > len(words) / 2:
            continue  # a headline in capitals says nothing about names
        run: list[Token] = []
        for token in [*sentence, None]:
            if token is not None and token.is_alpha and token.is_upper and len(token) > 1 and token.i not in taken:
                run.append(token)
                continue
            if len(run) >= 2 or (len(run) == 1 and _unknown_acronym(run[0])):
                found.append((doc[run[0].i : run[-1].i + 1], "ORG"))
            run = []
    return found


def _unknown_acronym(token: Token) -> bool:
    """Whether a capitalised word spaCy left untagged reads as an organisation's acronym or agency name
    ("XINHUA", "YONHAP"): three letters or more, no entity of spaCy's, not a time zone or a roman numeral."""
    lex = lexicon_of(token)
    return (
        len(token) >= 3
        and not token.ent_type_
        and token.text not in lex.time_zones
        and token.lower_ not in lex.months
        and token.lower_ not in lex.function_words
        and not set(token.text) <= set("IVXLCDM")
    )


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


def _lean_to_list(spans: list[tuple[Span, str]], found: dict[str, tuple[str, TypedBy]], lex: Lexicon) -> None:
    """A member of a list of names with no evidence of its own takes the product's or work's type every other
    member has by evidence ("rivals such as Firefox and Opera" once "the Firefox browser" is a product; issue
    17). Not by spaCy's labels alone: measured on BBC text, "Chevrolet Trailblazers, GMC Envoys" read as
    companies would make companies of cars. A person's full name keeps its type."""
    by_root = {span.root.i: _plain(span) for span, _ in spans}
    for span, label in spans:
        name = _plain(span)
        if name in found or label in ("NORP", "ORG") or (label == "PERSON" and span[0].text in lex.first_names):
            continue
        others = [by_root.get(t.i) for t in span.root.conjuncts]
        if not others or None in others:
            continue
        kinds = {found[other][0] if other in found else None for other in others if other != name}
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind in ("PRODUCT", "WORK_OF_ART"):
            found[name] = (kind, "kind noun")


def _person_shaped(span: Span, lex: Lexicon) -> bool:
    """Whether a name of two or three words could be a person's full name: each word capitalised (not
    in capitals), none a title's, a company's, a place's or a building's, and not a place the gazetteer knows."""
    words = [t.text for t in span]
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and name_type(words, lex) is None
        and not _common_title(span[0], lex)
        and not any(w in lex.organisation_words or w in lex.place_words or w in lex.facility_words for w in words)
        and not any(w in lex.event_words for w in words)
        and not lookup(span.text)
    )


#: The labels a name's context may overrule: spaCy's guesses for names it does not know.
_GUESSED_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"})


#: The labels of things a first name may overrule (not places: "Hong Kong", "Rocky Flats"; nor groups).
_NAMED_THINGS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})


def _context_type(span: Span, label: str, lex: Lexicon, surnames: set[str]) -> tuple[str, TypedBy] | None:
    """The type the words around a name give it, when nothing in the name itself did: a ship after
    "the frigate", a person's age after it ("Smith, 25,"), a title in quotes, a product's context
    ("a version of Linux") and a company's ("Renault's shares", "shares in BAA")."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in lex.vessel_nouns and before.pos_ != "VERB":  # not "to ship X"
        return "PRODUCT", "vessel"  # "the frigate Stark": a ship, not a person
    kind = before
    if kind is not None and kind.lower_ in lex.articles and kind.i > 0:
        kind = doc[kind.i - 1]  # "the film The Aviator": the title's own article
    # A kind of work or organisation just before a name says what it is, unless the name is a person's
    # full name ("club chairman Ken Bates" is not the club).
    if kind is not None and kind.pos_ == "NOUN" and not (label == "PERSON" and len(span) > 1):
        if kind.lower_ in lex.work_nouns:
            return "WORK_OF_ART", "kind noun"  # "the romantic comedy Hitch", "the film Ray"
        if kind.lower_ in lex.organisation_kind_nouns:
            return "ORG", "kind noun"  # "the band Velvet Rooks", "electronics giant Samsung"
        if (
            kind.lower_ in lex.product_kind_nouns | lex.list_kind_nouns
            and label != "ORG"
            and not (span.text.isupper() and len(span.text) <= 3)  # "game AI" is no game's name
        ):
            return "PRODUCT", "kind noun"  # "1980s toy Tamagotchi", "the games console Vexo" (issue 17)
    # ... and so does the place noun a name modifies just after it ("the Sellafield plant", "New Providence
    # island"), but not a company's ("the Toyota plant") and not an event's: "the Lisbon games" are not Athens.
    if (
        after is not None
        and after.pos_ == "NOUN"
        and after.is_lower
        and root.dep_ == "compound"
        and root.head == after
        and label not in ("ORG", "NORP")
        and not (label == "PERSON" and len(span) > 1)
    ):
        for kind_label, words in (("FAC", lex.facility_kinds), ("LOC", lex.place_kinds)):
            if after.text in words:
                return kind_label, "kind noun"
    product = _product_kind(span, label, lex)
    if product is not None:
        return product
    appos = _appos_kind(span, label, lex)
    if appos is not None:
        return appos, "kind noun"  # "Falcon Torrents, another popular file-sharing site"
    if (
        span.end + 2 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].text.isdecimal()
        and 0 < int(doc[span.end + 1].text) < 120
        and doc[span.end + 2].text == ","
    ):
        return "PERSON", "age"  # "Jane Smith, 25, said"
    quotes = {'"', "'", "``", "''", "\u201c", "\u201d", "\u2018", "\u2019"}
    if (
        label not in ("PERSON", "NORP")
        and len(span) > 1
        and before is not None
        and after is not None
        and before.text in quotes
        and after.text in quotes
    ):
        return "WORK_OF_ART", "quoted title"  # the film "Million Dollar Baby"
    if label not in _GUESSED_LABELS | {"ORG"}:
        return None
    if len(span) == 1 and before is not None and before.lower_ == "the" and label != "NORP":
        # A word that ends names of events or organisations, named with "the": "the Games", "the Herald"
        word = span.text
        if word in lex.event_words:
            return "EVENT", "name words"
        if word in lex.organisation_words and word not in lex.place_words and label != "ORG":
            return "ORG", "name words"
    if (
        label == "PERSON"
        and len(span) == 1
        and span.text not in surnames
        and span.start >= 2
        and doc[span.start - 1].tag_ == "POS"
        and doc[span.start - 2].ent_type_ == "ORG"
        and doc[span.start - 2].head == root
        and not _is_honorific(doc[span.start - 2], lex)
    ):
        return "PRODUCT", "product context"  # "Nokia's Communicator": a company's thing, not a person (issue 17)
    if label in _NAMED_THINGS and _first_name(span, lex):
        return "PERSON", "first name"  # "Alistair Cragg", "Martina Matzar" typed as organisations
    if label in _GUESSED_LABELS and label != "NORP" and _product_context(span, lex):
        return "PRODUCT", "product context"
    # An organisation's context confirms spaCy's ORG too: the name model must not overrule it.
    # Not a nationality ("Dutch striker Ruud van Nistelrooy"); and people of a place the gazetteer does not know
    # as a city are its nation's ("England coach Sven-Goran Eriksson": read as the nation), where clubs bear
    # cities' names ("Liverpool manager Rafael Benitez").
    if (
        len(span) == 1
        and span.text not in surnames
        and (before is None or not _is_honorific(before, lex))
        and label != "NORP"
    ):
        if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in lex.organisation_in_nouns:
            return "ORG", "organisation context"  # "shares in BAA"
        i = span.end
        while i < len(doc) and (
            doc[i].tag_ == "POS"
            or doc[i].pos_ == "ADJ"
            or (doc[i].dep_ == "compound" and doc[i].is_lower and doc[i].head.lower_ in lex.organisation_role_nouns)
        ):
            i += 1  # "Renault's new chairman", "Blue Static's lead singer"
        if (
            i < len(doc)
            and i - span.end <= 2
            and doc[i].lower_ in lex.organisation_context_nouns
            and doc[i].pos_ == "NOUN"
            # "China's stock market" is a market; "Chelsea manager Jose Mourinho" is the club's
            and (doc[i].dep_ != "compound" or (doc[i].lower_ in lex.organisation_role_nouns and _before_person(doc[i])))
            and not (doc[i].lower_ in lex.organisation_role_nouns and label in AREA_LABELS and not _a_city(span.text))
        ):
            return "ORG", "organisation context"  # "BP's shares", "Renault chairman", "Wigan's players"
    if (
        label in ("PERSON", "WORK_OF_ART", "PRODUCT", "FAC")
        and not (label == "PERSON" and len(span) > 1)
        and span.text not in surnames
        and after is not None
        and after.lower_ in lex.work_role_nouns
        and _before_person(after)
    ):
        return "WORK_OF_ART", "kind noun"  # "Ray director Taylor Hackford": no person is a director's "Ray"
    if label != "NORP" and not (label == "PERSON" and len(span) > 1) and _year_after(span):
        return "WORK_OF_ART", "kind noun"  # "Lost Roads (1994), Silver Moon (1997)": films and books by their year
    if label != "NORP" and _behind_work(root, lex):
        return "WORK_OF_ART", "kind noun"  # "the director behind Cold Harbour and Night Train"
    if (
        label in _GUESSED_LABELS - {"NORP"} | {"ORG"}
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() == "member"
        and not lookup(span.text)
    ):
        return "ORG", "organisation context"  # "members of Blue Static": a band or a group, not a person
    if label != "NORP" and (after is None or after.lower_ not in lex.work_nouns) and _work_context(root, lex):
        return "WORK_OF_ART", "kind noun"  # "she starred in Ray" (a film is not a person; "in Broadway play" is)
    if (
        label != "ORG"
        and len(span) <= 3
        and not (label == "PERSON" and len(span) > 1)  # "Roger Federer beat Rafael Nadal 6-4"
        and not (len(span) > 1 and span[0].text in lex.first_names)
        and span.text not in surnames
        and (label not in AREA_LABELS or _a_city(span.text))  # "England beat Wales 2-0": read as the nations
        and _team_context(root, lex)
    ):
        return "ORG", "organisation context"  # "signed for Plymouth Argyle", "Rangers beat Hibernian 3-1"
    return None


def _product_kind(span: Span, label: str, lex: Lexicon) -> tuple[str, TypedBy] | None:
    """A product's name by the kind of product it modifies ("the Kazoo peer-to-peer network", "the Xeno
    console"; issue 17): never a person, a place or a building. An organisation's name there is its maker's
    ("Sony consoles") unless the name itself takes "the" ("the Kazoo network" names the network)."""
    doc, root = span.doc, span.root
    kind = root.head
    if not (
        root.dep_ == "compound"
        and kind.i >= span.end
        and kind.i - span.end <= 6  # "the Kazoo peer-to-peer network"
        and kind.pos_ == "NOUN"
        and kind.is_lower
        and kind.lower_ in lex.product_kind_nouns
        and label != "NORP"
        and not (label == "PERSON" and len(span) > 1)
    ):
        return None
    if label == "ORG" and not (span.start > 0 and doc[span.start - 1].lower_ == "the"):
        return None
    if label == "ORG" and len(span) == 1 and any(_maker_before(token, span.text) for token in doc):
        return None  # "the Apple laptop" when the text names "Apple Powerbook": the maker of named products
    return "PRODUCT", "kind noun"


def _maker_before(token: Token, name: str) -> bool:
    """Whether ``token`` is ``name`` written before another capitalised name word ("Apple Powerbook")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.text == name
        and following is not None
        and following.is_alpha
        and following.is_title
        and following.pos_ == "PROPN"
    )


def _appos_kind(span: Span, label: str, lex: Lexicon) -> str | None:
    """The type a kind noun in apposition after a name gives it (issue 17): "Gravemark, a film about a soldier",
    "X, another popular file-sharing site", "the Vexo, a new games console" (a person's full name aside)."""
    if label == "NORP" or (label == "PERSON" and len(span) > 1 and span[0].text in lex.first_names):
        return None
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.lower_ == "one":
            # "Glenmorangie, one of Scotland's premier whisky firms"
            kinds = [o for p in child.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if kinds and kinds[0].pos_ == "NOUN" and kinds[0].is_lower:
                return _kind_label(kinds[0], lex)
        if (
            child.dep_ == "appos"
            and child.i > root.i
            and child.pos_ == "NOUN"
            and child.is_lower
            and not any(c.dep_ in ("conj", "cc") for c in child.children)  # "the handset and network maker"
            # "Quayle, publisher of the Herald-Press": a person's trade, of an organisation
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children)
            and child.lemma_.lower() not in lex.person_role_nouns
        ):
            return _kind_label(child, lex)
    return None


def _kind_label(kind: Token, lex: Lexicon) -> str | None:
    """The type of the things a kind noun names: a work ("films"), an organisation ("firms"), a product
    ("consoles", "brands"), or None."""
    lemma = kind.lemma_.lower()
    for kind_label, words in (
        ("WORK_OF_ART", lex.work_nouns),
        ("ORG", lex.organisation_kind_nouns),
        ("PRODUCT", lex.product_kind_nouns | lex.list_kind_nouns),
    ):
        if lemma in words or kind.lower_ in words:
            return kind_label
    return None


def _year_after(span: Span) -> bool:
    """Whether a year in brackets follows a name ("Lost Roads (1994)"): a work's year in a list of films,
    books or albums (a person's dates have a dash: "(1920-2005)")."""
    doc, i = span.doc, span.end
    return (
        i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and doc[i + 1].is_digit
        and len(doc[i + 1]) == 4
        and 1850 <= int(doc[i + 1].text) <= 2100
    )


def _behind_work(root: Token, lex: Lexicon) -> bool:
    """Whether a name (its root, or its list's first) is what a maker is behind: "the director behind X and Y"."""
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "behind" and root.head.head.lower_ in lex.work_maker_nouns


def _list_kind(root: Token, lex: Lexicon) -> str | None:
    """The type the kind noun of a list of names gives every member (issue 17): "technology firms A, B and C",
    "films such as X, Y and Z", "its other brands include P, Q and R", "the sequel Dark Tide" (``root``: any
    member's root; the kind is read at the list's first member)."""
    first = min([root, *root.conjuncts], key=lambda t: t.i)
    while (
        first.dep_ in ("npadvmod", "appos", "conj")
        and first.head.i < first.i
        and first.head.pos_ == "PROPN"
        and first.nbor(-1).text == ","
    ):
        first = first.head  # "firms A, B, C and D": the parser hangs "B" on "A" by the comma
    kind = None
    if first.dep_ == "pobj" and first.head.lower_ in ("as", "like") and first.head.head.pos_ == "NOUN":
        kind = first.head.head  # "films such as X", "brands like X"
    elif first.dep_ == "dobj" and first.head.lemma_ == "include":
        kind = next((c for c in first.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    elif first.dep_ in ("appos", "compound") and first.head.pos_ == "NOUN" and first.head.i < first.i:
        kind = first.head  # "the sequel Dark Tide"
    elif first.i > 0 and first.nbor(-1).pos_ == "NOUN" and first.nbor(-1).head == first:
        kind = first.nbor(-1)  # "technology firms A, B and C"
    if kind is None or not kind.is_lower:
        return None
    return _kind_label(kind, lex)


def _team_context(root: Token, lex: Lexicon) -> bool:
    """Whether a name (its root) stands where teams do: the "for" object of "sign", "play", "score"
    ("signed for X", "12 goals for X"), or a side of a game's result with its score ("X beat Y 2-1",
    "drew 1-1 with X", "lost 2-0 to X")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in lex.team_verbs:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("with", "to", "against"):
        head = head.head
    elif root.dep_ not in ("nsubj", "dobj"):
        return False
    if head.lemma_.lower() not in lex.result_verbs or not any(_is_score(child) for child in head.children):
        return False
    # Sets of a match between players ("Henman beat Nadal 6-4 6-3") are two scores or more; a team's game has one.
    return sum(_is_score(token) for token in head.sent if token.i > head.i) == 1


def _is_score(token: Token) -> bool:
    """Whether a token starts a game's score: "2" of "2-1"."""
    doc, i = token.doc, token.i
    return token.is_digit and i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and doc[i + 2].is_digit


def _a_city(name: str) -> bool:
    """Whether the gazetteer knows a name as a city before anything else."""
    places = lookup(name)
    return bool(places) and places[0].kind == "city"


def _before_person(noun: Token) -> bool:
    """Whether a noun stands in compound before a person's name ("manager Jose Mourinho")."""
    return noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON" and noun.head.i > noun.i


def _work_context(root: Token, lex: Lexicon) -> bool:
    """Whether a name (its root) is what someone starred in: "starred in Ray", "starred in Ray and Hitch"."""
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in lex.work_in_verbs


def _first_name(span: Span, lex: Lexicon) -> bool:
    """Whether a name of two to four capitalised words starts with a first name and has no word of
    a company's, a place's or a building's ("Morgan Stanley" is left to spaCy only when it says so)."""
    words = [t.text for t in span]
    return (
        2 <= len(words) <= 4
        and words[0] in lex.first_names
        and all(w[:1].isupper() and not w.isupper() or (len(w) == 2 and w.endswith(".")) for w in words)
        and name_type(words, lex) is None
        and not any(w in lex.organisation_words or w in lex.place_words or w in lex.facility_words for w in words)
    )


def _product_context(span: Span, lex: Lexicon) -> bool:
    """Whether a name sits where products do: "a version of Linux", "the Linux version", "download iTunes",
    "runs on Windows"."""
    doc, root = span.doc, span.root
    words = lex.product_context_words
    if span.end < len(doc) and doc[span.end].lower_ in words:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in words:
        return True
    if root.dep_ == "dobj" and root.head.lower_ in words:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_ == "run"


def _followed_by_personal_pronoun(span: Span, covered: dict[int, int]) -> bool:
    """Whether the next subject after ``span`` (in its sentence or the next) is "he" or "she",
    with no other name in between that could be its antecedent (``covered`` maps each token of
    a name to the start of the last name covering it)."""
    doc = span.doc
    lex = lexicon_of(doc)
    sentence = span.sent
    end = min(len(doc), sentence.end + 40)
    # Span.sents exists since spaCy 3.2; spaCy's stub does not list it.
    following = doc[sentence.end :].sents if sentence.end < len(doc) else iter(())  # type: ignore[attr-defined]
    next_sentence = next(following, None)
    if next_sentence is not None:
        end = next_sentence.end
    for token in doc[span.end : end]:
        if covered.get(token.i, -1) >= span.end:
            return False
        if token.dep_ in ("nsubj", "nsubjpass"):
            # "Japan, he said, would ...": the speaker of a parenthetical is someone else
            return token.lower_ in ("he", "she") and token.head.lemma_.lower() not in lex.say_verbs
    return False


def _next_pronoun(span: Span, covered: dict[int, int], *, subject: bool = False) -> str | None:
    """The possessive pronoun right after ``span``'s verb ("its" in "Argonaut said its games ..."), or None
    when a noun or another name comes first (``covered``: see :func:`_followed_by_personal_pronoun`).
    With ``subject``, a subject "it" of a verb of action counts too ("Nintendo said that it had sold ..."),
    not the "it" of "it was", "it seems", which stands for no one."""
    for token in span.doc[span.end : span.sent.end]:
        if covered.get(token.i, -1) >= span.end or (token.pos_ in ("NOUN", "PROPN") and token.ent_type_ != "DATE"):
            return None  # "said on Monday its sales" reads through the date
        if token.tag_ == "PRP$":
            return token.lower_
        if (
            subject
            and token.lower_ == "it"
            and token.dep_ == "nsubj"
            and token.head.pos_ == "VERB"
            and token.head.lemma_ not in lexicon_of(token).expletive_verbs
        ):
            return token.lower_
    return None


def _dateline_place(span: Span) -> bool:
    """Whether a name in capitals opens its sentence before ", " and a state or a country the gazetteer
    knows ("ROYAL OAK, Mich.", "BRUSSELS, Belgium"): a wire dateline's place, where the reader did not
    take the dateline apart (a dateline alone on its line)."""
    doc = span.doc
    after = span.end
    if not all(t.is_upper and t.is_alpha for t in span) or span.start != span.sent.start:
        return False
    if after + 1 >= len(doc) or doc[after].text != ",":
        return False
    for end in (after + 3, after + 2):  # "South Carolina", "Mich."
        if end > len(doc) or (end < len(doc) and doc[end].text not in _DATELINE_ENDS and not doc[end].is_space):
            continue  # the place ends the line or comes before the agency or the dash: not "NATO, Britain and"
        places = lookup(doc[after + 1 : end].text)
        if places and places[0].kind in ("state", "country"):
            return True
    return False


#: What follows the place of a dateline: the line's end, the agency in brackets, the dash.
_DATELINE_ENDS = frozenset({".", "(", "-", "--", "\u2014", "\u2013", "_"})


def _listed_with_places(root: Token) -> bool:
    """Whether a name is coordinated with names that are mostly places, by spaCy's labels: two places
    at least ("Manchester, Liverpool, Leicester, Dorset and Torbay"), or one when the gazetteer knows
    the name ("in Guildford and Woolwich"; a pair says little of a name it does not know), in a list
    that is where something is or goes ("in ...", "near ...", "visits ...")."""
    others = [t.ent_type_ for t in root.conjuncts if t.ent_type_]
    places = sum(label in AREA_LABELS for label in others)
    if not (places > len(others) - places and (places >= 2 or (places == 1 and bool(lookup(root.text))))):
        return False
    # ... and the list stands where places do ("in", "near", "visit"): clubs named after cities are listed too
    first = min([root, *root.conjuncts], key=lambda t: t.i)
    lex = lexicon_of(root)
    return (first.dep_ == "pobj" and first.head.lower_ in lex.place_only_prepositions) or (
        first.dep_ == "dobj" and first.head.lemma_ == "visit"
    )


def _place_context(span: Span, places: set[int]) -> bool:
    """Whether a one-word name sits where places do: after "in"/"near" ..., after "of" that
    follows an organisation's name ("Waste Disposal Co. of Randolph"), or before ", <place>"
    (``places``: the first tokens of the names of places)."""
    doc, root = span.doc, span.root
    lex = lexicon_of(doc)
    if root.dep_ == "pobj" and root.head.lower_ in lex.place_only_prepositions:
        return root.head.head.lower_ not in lex.organisation_in_nouns  # "shares in Whitbread" is a company
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "ORG":
        return True
    after = span.end
    return after + 1 < len(doc) and doc[after].text == "," and after + 1 in places


def _based_in(span: Span) -> bool:
    """Whether a name is where something is based: "the Oslo-based company"."""
    doc, after = span.doc, span.end
    return after + 1 < len(doc) and doc[after].text == "-" and doc[after + 1].lower_ == "based"


def values(doc: Doc) -> list[Span]:
    """The value expressions of ``doc`` that say something on their own: dates, times
    and amounts with a digit or a month name, and large numbers, without hedges
    ("about", "an estimated") or a leading article."""
    lex = lexicon_of(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ not in VALUE_LABELS or ent.label_ == "ORDINAL":
            continue
        if not any(ch.isdigit() for ch in ent.text) and not any(t.lower_ in lex.months for t in ent):
            continue  # "this week", "Monday", "hours": relative, kept only as the text of a qualifier
        start, end = ent.start, ent.end
        while start < end - 1 and doc[start].lower_ in lex.value_hedges:
            start += 1
        while (
            end - 1 > start
            and doc[end - 1].is_alpha
            and doc[end - 1].text[:1].isupper()
            and (doc[end - 1].lower_ not in lex.months)
        ):
            end -= 1  # "21 Feb 94 Morning Edition": a dateline's programme name
        while end < len(doc) and doc[end].text in lex.time_zones:
            end += 1  # "1700 GMT"
        span = doc[start:end]
        if ent.label_ in DATE_LABELS and len(span) == 1 and span[0].is_digit and len(span[0]) <= 2:
            continue  # a bare "15" tagged as a date is mostly an age or a count
        if len(span) == 1 and span[0].tag_ == "JJ" and span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
            continue  # "the 18th President", "the 31st president": an ordinal before a noun counts, it dates nothing
        has_digit = any(ch.isdigit() for ch in span.text)
        if ent.label_ == "CARDINAL" and not (
            has_digit
            and (
                any(t.lower_ in lex.large_numbers for t in span)
                or any(
                    t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000
                    for t in span
                )
            )
        ):
            continue
        if ent.label_ in DATE_LABELS and not (
            has_digit or any(t.lower_ in lex.months or t.lower_ in lex.weekdays for t in span)
        ):
            continue
        found.append(span)
    return sorted(found + _day_month_year(doc, found), key=lambda span: span.start)


def _day_month_year(doc: Doc, found: list[Span]) -> list[Span]:
    """Dates written "5 Feb 94" (news-wire datelines) that the small model misses."""
    taken = {i for span in found for i in range(span.start, span.end)} | {
        i for ent in doc.ents for i in range(ent.start, ent.end) if ent.label_ == "DATE"
    }
    months = lexicon_of(doc).months
    dates = []
    for token in doc[:-2]:
        month, year = doc[token.i + 1], doc[token.i + 2]
        if (
            token.is_digit
            and len(token) <= 2
            and month.lower_.rstrip(".") in months
            and year.is_digit
            and len(year) in (2, 4)
            and not taken & {token.i, month.i, year.i}
        ):
            dates.append(doc[token.i : token.i + 3])
    return dates
