"""The arguments of an assertion: what a noun phrase, pronoun or clause stands for.

An argument keeps the words as written (minimal but complete: the noun phrase
without relative clauses, appositions or coordinated phrases) and what they refer
to: a named entity (directly, or through a pronoun, a description, a possessive
"his forces" or a partitive "swathes of southern Libya"), else a concept named by
its lemmatised noun phrase. Qualifiers (time, place, other circumstances) are
built here too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang import lexicon_of
from ..model import Argument, Qualifier, QualifierKind, Via
from ..vocab import DATE_LABELS, PLACE_LABELS, VALUE_LABELS
from .reference import MentionIndex, is_expletive, resolve_nominal, resolve_plural, resolve_pronoun
from .syntax import SUBJECT_DEPS, is_time, prep_object

__all__ = ["argument_of", "speaker_of", "phrase_of", "trimmed", "concept_label", "clause_argument", "qualifier_of"]

_CUT_DEPS = ("relcl", "acl", "appos", "conj", "cc", "advcl", "ccomp", "parataxis")


def argument_of(token: Token, index: MentionIndex, depth: int = 0, *, close: bool = True) -> Argument | None:
    """The argument headed by ``token``: a named entity, a resolved reference or a concept. With ``close``,
    a noun before a name in apposition stands for the name ("phone company WorldCom": WorldCom)."""
    named = _close_apposition(token, index) if close else None
    if named is not None and depth < 2:
        # "bankrupt US phone company WorldCom": the kind noun before a name is the name's
        found = argument_of(named, index, depth + 1)
        if found is not None:
            whole = token.doc[phrase_of(token).start : phrase_of(named).end]
            return Argument(
                text=whole.text,
                label=found.label,
                start=whole.start_char,
                end=whole.end_char,
                mention=found.mention,
                via=found.via,
            )
    span = phrase_of(token)
    text, start, end = span.text, span.start_char, span.end_char
    mention = index.at(token)
    via: Via | None = None
    lex = lexicon_of(token)
    if mention is None and token.pos_ == "PRON":
        # Object "it" is mostly expletive ("make it so we ..."): resolve subjects only.
        if (
            token.tag_ in ("WDT", "WP", "WP$", "WRB")
            or token.lower_ in lex.wh_words
            or (token.lower_ == "it" and token.dep_ != "nsubj")
        ):
            return None
        mention, via = resolve_pronoun(token, index), "pronoun"
        if mention is None and depth == 0:
            antecedent = resolve_plural(token, index)
            if antecedent is not None:
                found = argument_of(antecedent, index, depth + 1)
                if found is not None:
                    return Argument(
                        text=text, label=found.label, start=start, end=end, mention=found.mention, via="pronoun"
                    )
        if mention is None:
            # An "it" standing for a clause after it ("it is likely that ...") refers to nothing at all.
            if index.keep_unresolved and token.dep_ != "poss" and not is_expletive(token):
                return Argument(text=text, label=token.lower_, start=start, end=end, via="unresolved")
            return None
    elif mention is None and token.ent_type_ in VALUE_LABELS:
        if token.dep_ in SUBJECT_DEPS or (token.ent_type_ in DATE_LABELS and token.dep_ != "dobj"):
            return None  # a time is a circumstance, but a direct object is what the verb acts on: "sing One Night"
        # "agreed to pay $6.25 a share": a value is an object, named by what it says.
        return Argument(text=text, label=text, start=start, end=end)
    elif mention is None and (token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ in SUBJECT_DEPS)):
        mention = resolve_nominal(token, index)
        if _names_again(token):
            # "John Hart, the former Oasis drummer who produced ...": the apposition names the name before it
            mention = index.at(token.head) or mention
        via = "nominal" if mention else None
        if mention is None and depth < 2:
            owner, via = _owner(token)
            if owner is not None:
                found = argument_of(owner, index, depth + 1)
                if found is not None and (found.is_entity or via == "partitive"):
                    return Argument(text=text, label=found.label, start=start, end=end, mention=found.mention, via=via)
    if mention is not None:
        return Argument(text=text, label=mention.text, start=start, end=end, mention=mention, via=via)
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    label = concept_label(token)
    if not label:
        return None
    return Argument(text=text, label=label, start=start, end=end)


def _names_again(token: Token) -> bool:
    """Whether the noun ``token`` is an apposition after a name, and not an item of a list the parser read as
    one ("Mr Hart, his wife and their son": no conjunct on either)."""
    head = token.head
    if token.dep_ != "appos" or head.pos_ != "PROPN" or token.i < head.i:
        return False
    return not any(c.dep_ == "conj" for c in (*token.children, *head.children))


def _close(child: Token, node: Token) -> bool:
    """Whether ``child`` is a name in apposition written right after the noun ``node``, no comma between."""
    return child.dep_ == "appos" and child.pos_ == "PROPN" and node.pos_ == "NOUN" and child.left_edge.i == node.i + 1


def _close_apposition(token: Token, index: MentionIndex) -> Token | None:
    """The name written right after a common noun that the parser made its apposition, with no comma
    between ("phone company WorldCom", "the band Velvet Rooks"): the noun only says what the name is."""
    if token.pos_ != "NOUN" or not token.n_rights:
        return None
    for child in token.rights:
        if _close(child, token):
            return child if index.at(child) is not None else None
    return None


def speaker_of(token: Token, attribution: Argument | None) -> Argument | None:
    """In reported speech, "we"/"I" is whoever said it ("we do not trust ...," the GNA said)."""
    if attribution is None or attribution.mention is None or token.lower_ not in lexicon_of(token).first_person:
        return None
    return Argument(
        text=token.text,
        label=attribution.label,
        start=token.idx,
        end=token.idx + len(token),
        mention=attribution.mention,
        via="speaker",
    )


def _owner(token: Token) -> tuple[Token | None, Via | None]:
    """For "Haftar's forces" / "GNA forces" the owner (Haftar, GNA); for "swathes of
    southern Libya" the whole (Libya): the token the argument stands for."""
    lemma, lex = token.lemma_.lower(), lexicon_of(token)
    if lemma in lex.group_nouns:
        for child in token.lefts:
            if child.dep_ == "poss" or (
                child.dep_ == "compound" and child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
            ):
                return child, "possessive"
    if lemma in lex.partitive_nouns:
        for prep in _preps(token):
            if prep.lower_ == "of" and prep_object(prep) is not None:
                return prep_object(prep), "partitive"
    return None, None


def dated_phrase(token: Token) -> Token | None:
    """The preposition of a date that ends an object's phrase ("a touring team in the 1920s": in), or None.
    It says when the clause holds, not which thing the object is."""
    if token.dep_ not in ("dobj", "attr", "oprd") or not token.n_rights:
        return None
    last = list(token.rights)[-1]
    if last.dep_ != "prep" or last.lower_ not in ("in", "during"):
        return None
    noun = prep_object(last)
    if noun is None or noun.ent_type_ not in DATE_LABELS or any(t.ent_type_ not in DATE_LABELS for t in noun.rights):
        return None
    return last


def _preps(token: Token) -> list[Token]:
    """A noun's prepositional phrases, including one it shares with the noun it is
    coordinated with ("the east and swathes of southern Libya")."""
    own = [c for c in token.children if c.dep_ == "prep"]
    if token.dep_ == "conj":
        own += [c for c in token.head.children if c.dep_ == "prep" and c.i > token.i]
    return own


def phrase_of(token: Token, *, coordinated: bool = False) -> Span:
    """The phrase headed by ``token``, minimal but complete: its modifiers and
    prepositional phrases, without relative clauses, appositions, clauses or
    coordinated phrases (those are arguments of their own; with ``coordinated``,
    as for a qualifier "since the ouster and killing of Gaddafi", they stay)."""
    doc = token.doc
    keep = set()
    stack = [token]
    shared = [c for c in _preps(token) if c.head != token]
    cut_at_head = _CUT_DEPS if not coordinated else tuple(d for d in _CUT_DEPS if d not in ("conj", "cc"))
    while stack:
        node = stack.pop()
        keep.add(node.i)
        for child in node.children:
            if (
                child.dep_ in cut_at_head and node == token or child.dep_ in ("relcl", "acl", "appos", "advcl")
            ) and not (node != token and _close(child, node)):
                continue
            if node == token and child.dep_ == "nmod" and any(c.dep_ == "conj" for c in child.children):
                continue  # "the UN, EU and several countries": UN and EU are arguments of their own
            if node == token and child == dated_phrase(token):
                continue  # "were a touring team in the 1920s": the date is when, a qualifier of its own
            stack.append(child)
    for prep in shared:
        keep.update(t.i for t in prep.subtree)
    left = right = token.i
    while left - 1 in keep:
        left -= 1
    while right + 1 in keep:
        right += 1
    return trimmed(doc[left : right + 1], doc, anchor=token)


def trimmed(tokens, doc: Doc, anchor: Token | None = None) -> Span:
    """``tokens`` as a span without punctuation or quotes at either end."""
    tokens = list(tokens)
    left, right = tokens[0].i, tokens[-1].i
    low = anchor.i if anchor is not None else right
    high = anchor.i if anchor is not None else left
    while True:
        span = doc[left : right + 1]
        if left < low and (
            doc[left].dep_ == "cc"
            or doc[left].is_space
            or (doc[left].is_punct and not _balanced_quote(doc[left], span))
        ):
            left += 1
        elif right > high and (
            doc[right].dep_ in ("cc", "case")
            or doc[right].is_space
            or (doc[right].is_punct and not _balanced_quote(doc[right], span))
        ):
            right -= 1
        else:
            return span


def _balanced_quote(token: Token, span: Span) -> bool:
    """Whether a quotation mark or bracket at the edge of ``span`` is matched inside it (then it stays)."""
    texts = [t.text for t in span]
    if token.text in ("``", "''"):
        return texts.count("``") == texts.count("''")
    if token.text == '"':
        return texts.count('"') % 2 == 0
    if token.text in ("(", ")"):
        return texts.count("(") == texts.count(")")
    return False


def concept_label(token: Token) -> str:
    """A concept's name: its compounds and adjectives, then its head noun's lemma, lower-cased."""
    words = []
    vague = lexicon_of(token).vague_adjectives
    for child in token.lefts:
        if child.dep_ == "compound" and child.is_alpha:
            words.append(child.text)
        elif child.dep_ == "amod" and child.lower_ not in vague:
            modifier = token.doc[child.left_edge.i : child.i + 1]  # keeps "eastern-based"
            if all(t.is_alpha or t.text == "-" for t in modifier):
                words.append(modifier.text)
    head = token.text if token.pos_ == "PROPN" else token.lemma_
    words.append(head)
    label = " ".join(words)
    if not any(ch.isalpha() for ch in label):
        return ""
    return label if token.pos_ == "PROPN" else label.lower()


def clause_argument(clause_verb: Token) -> Argument:
    """The proposition a clause states, as written, without its "that" (with its "whether")."""
    tokens = list(clause_verb.subtree)
    # "that" is only written ("for" is the predicate's); "whether" and "if" say the clause is an open question
    while (
        len(tokens) > 1
        and tokens[0].dep_ == "mark"
        and tokens[0].head == clause_verb
        and tokens[0].lower_ not in ("whether", "if")
    ):
        tokens.pop(0)
    span = trimmed(tokens, clause_verb.doc)
    return Argument(text=span.text, label=span.text, start=span.start_char, end=span.end_char, clause=True)


def qualifier_of(token: Token, index: MentionIndex) -> Qualifier:
    """The circumstance a modifier of a verb adds: a prepositional phrase ("in April",
    "from two key coastal cities") or a bare time expression ("last week"), with its
    kind (time, place or other) and, for a place, the named place."""
    pobj = prep_object(token) if token.dep_ == "prep" else None
    if pobj is not None:
        phrase = phrase_of(pobj, coordinated=True)
        span = token.doc[min(token.i, phrase.start) : max(token.i + 1, phrase.end)]
    else:
        span = phrase_of(token)
    kind: QualifierKind = "other"
    place = None
    if is_time(token, pobj):
        kind = "time"
    elif pobj is not None and token.lower_ in lexicon_of(token).place_prepositions:
        mention = index.at(pobj) or resolve_nominal(pobj, index)
        if mention is not None and mention.label in PLACE_LABELS:
            kind, place = "place", mention
    return Qualifier(kind=kind, text=span.text, start=span.start_char, end=span.end_char, mention=place)
