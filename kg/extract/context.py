"""Type evidence from the words around a name: where organisations, teams, works, products and places
stand ("shares in BAA", "signed for Plymouth Argyle", "starred in Ray", "a version of Linux", "in
Guildford and Woolwich", a wire dateline's "ROYAL OAK, Mich."), a person's age after the name, a
title in quotes, and the pronoun that takes the name up ("He added", "its games").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang import Lexicon, lexicon_of
from ..lang.places import lookup
from ..model import TypedBy
from ..vocab import AREA_LABELS
from .kinds import _appos_kind, _behind_work, _product_kind, _year_after
from .name_words import _first_name
from .spans import _is_honorific, _is_score

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
    # Sets of a match between players ("Henman beat Nadal 6-4 6-3") are scores one after another; a team's game has
    # one ("Chelsea beat Arsenal 2-1 and Leeds beat Stoke 3-0" are two games).
    doc = head.doc
    i = next((token.i for token in head.sent if token.i > head.i and _is_score(token)), len(doc))
    sets = 0
    while i < len(doc) and _is_score(doc[i]):
        sets, i = sets + 1, i + 3
    return sets == 1


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
