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

from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lexicon, lexicon_of
from ..model import Mention, TypedBy
from ..text.names import surname_spans
from ..vocab import AREA_LABELS, DATE_LABELS, ENTITY_LABELS, PLACE_LABELS, VALUE_LABELS

__all__ = ["mentions", "values", "mention_span", "name_type"]


def mention_span(ent: Span) -> Span | None:
    """The name in a spaCy entity span: no leading article or trailing possessive; for a
    person named by one word, with the honorific or title written just before it
    ("Mrs. Quayle", "President Kennedy"; but "Mitch McConnell" in "Sen. Mitch McConnell")."""
    doc = ent.doc
    lex = lexicon_of(doc)
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in lex.articles:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if end <= start:
        return None
    if ent.label_ == "PERSON" and end - start == 1:
        # "Mrs. Quayle" is a name, "Quayle" alone is ambiguous; "Sen. Mitch McConnell" is a title + name.
        while start > 0 and _is_honorific(doc[start - 1], lex):
            start -= 1
    return doc[start:end]


def _is_honorific(token: Token, lex: Lexicon) -> bool:
    return token.text in lex.honorifics or (token.text.rstrip(".") in lex.honorifics and token.text.endswith("."))


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
    if words[0] in lex.honorifics or words[0].rstrip(".") in lex.honorifics:
        return "PERSON"
    if any(w in lex.organisation_words for w in words[1:]) or (len(words) > 1 and words[-1] in lex.organisation_words):
        return "ORG"
    if len(words) > 1 and words[-1] in lex.facility_words:
        return "FAC"
    if len(words) > 1 and (words[-1] in lex.place_words or words[0] in lex.place_first_words):
        return "LOC"
    if (
        3 <= len(words) <= 4
        and any(w.lower() in lex.name_particles for w in words[1:-1])
        and all(w[:1].isupper() or w.lower() in lex.name_particles for w in words)
    ):
        return "PERSON"
    return None


def mentions(doc: Doc, *, doc_id: str) -> list[Mention]:
    """Return the named-entity mentions of ``doc``, one consistent type per name.

    Within one document a name keeps one type: evidence from honorifics, titles,
    roles and the name's own words decides when there is any; a single word
    that is the surname of a PERSON mention is a PERSON; otherwise the label
    spaCy gave most often wins (ties: the first seen).
    """
    spans = _spans(doc)
    evidence = _type_evidence(doc, spans)
    spans = sorted(spans + _surnames_unnamed(doc, spans, evidence), key=lambda item: item[0].start)  # issue 17
    surnames = {span[-1].text for span, label in spans if label == "PERSON" and len(span) > 1}
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, label in spans:
        votes[_plain(span)][label] += 1
    consolidated: dict[str, tuple[str, TypedBy | None]] = {}
    for name, counter in votes.items():
        if name in evidence:
            consolidated[name] = evidence[name]
        elif " " not in name and name in surnames:
            consolidated[name] = ("PERSON", "surname")
        else:
            consolidated[name] = (counter.most_common(1)[0][0], None)

    sentence_starts = [s.start for s in doc.sents]
    found = []
    for span, _ in spans:
        found.append(
            Mention(
                doc_id=doc_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=consolidated[_plain(span)][0],
                sentence=max(bisect.bisect_right(sentence_starts, span.start) - 1, 0),
                typed_by=consolidated[_plain(span)][1],
            )
        )
    return found


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
        spans.append((span, ent.label_))
    return sorted(spans + _capitalised_names(doc, spans), key=lambda item: item[0].start)


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
            if len(run) >= 2:
                found.append((doc[run[0].i : run[-1].i + 1], "ORG"))
            run = []
    return found


def _type_evidence(doc: Doc, spans: list[tuple[Span, str]]) -> dict[str, tuple[str, TypedBy]]:
    """Types that the text itself gives names, beyond spaCy's label: name → (type, reason)."""
    found: dict[str, tuple[str, TypedBy]] = {}
    lex = lexicon_of(doc)
    # Looked up once per name: scanning ``spans`` for each would cost the square of their number.
    covered: dict[int, int] = {}  # token → the start of the last name covering it
    for other, _ in spans:
        covered.update((i, max(other.start, covered.get(i, -1))) for i in range(other.start, other.end))
    places = {other.start for other, other_label in spans if other_label in AREA_LABELS}
    for span, label in spans:
        name = _plain(span)
        words = [t.text for t in span]
        shape = name_type(words, lex)
        if shape is not None and (shape not in ("LOC", "FAC") or label not in PLACE_LABELS | {"NORP"}):
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
            label == "ORG"
            and len(span) == 1
            and _place_context(span, places)
            and not (span.text.isupper() and len(span.text) <= 5)
            and span.text not in lex.organisation_words
        ):
            found.setdefault(name, ("GPE", "place context"))  # "in Lancaster", "Co. of Randolph", "KARBALA, Iraq"
    return found


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


def _place_context(span: Span, places: set[int]) -> bool:
    """Whether a one-word name sits where places do: after "in"/"near" ..., after "of" that
    follows an organisation's name ("Waste Disposal Co. of Randolph"), or before ", <place>"
    (``places``: the first tokens of the names of places)."""
    doc, root = span.doc, span.root
    if root.dep_ == "pobj" and root.head.lower_ in lexicon_of(doc).place_only_prepositions:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "ORG":
        return True
    after = span.end
    return after + 1 < len(doc) and doc[after].text == "," and after + 1 in places


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
