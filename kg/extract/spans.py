"""The spans of names: a spaCy entity cut to the name it holds (no article, possessive or game score; a
person's honorific or given name taken in), cut into pieces where a clause word, a bracket or a list's
comma stands inside it, and the names spaCy missed that the text's own shape shows (runs of capitals,
a named person's bare surname).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lexicon_of
from ..text.names import surname_spans


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


def _era_marker(span: Span) -> bool:
    """Whether a name is an era marker next to a number ("190 A.D.", "300 BC", "AD 70"), which spaCy
    may read as a place."""
    doc = span.doc
    if len(span) != 1 or span.text not in lexicon_of(doc).era_markers:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.like_num) or (after is not None and after.like_num)


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


def _is_score(token: Token) -> bool:
    """Whether a token starts a game's score: "2" of "2-1"."""
    doc, i = token.doc, token.i
    return token.is_digit and i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and doc[i + 2].is_digit
