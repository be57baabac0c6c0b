"""Assertions from the dependency parse: who did what to whom, when and where.

Every clause headed by a verb gives one assertion per (subject, object) pair.
The object is the first of: a direct object ("rejected a truce"), the noun of a
light verb ("put an end to outlaw groups" → put end to), an attribute of "be"
("is a warlord"), a reported clause ("said that it will continue ...": the saying
is an assertion whose object is the clause, and what the clause asserts is
attributed to the sayer), a prepositional object ("called for a truce" → call
for). Passives and reduced relatives are turned active ("a truce unilaterally
called by Haftar" → Haftar – call – truce); relative clauses take their subject
or object from the noun they modify; coordinated subjects, verbs and objects
give one assertion each; other prepositional phrases and time expressions become
qualifiers of the assertion (time, place, other).

Noun phrases state facts too; those rules are dependency patterns kept as data
in :mod:`kg.extract.patterns` ("Mesmari, a spokesman for Haftar", "the
Tripoli-based GNA", "warlord Khalifa Haftar", "Haftar's truce offer").

Each assertion carries its polarity, modality, attribution and a confidence
(:mod:`kg.extract.confidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..model import Argument, Mention, Qualifier, Relation
from . import lexicon as lex
from .confidence import confidence
from .patterns import nominal_matches
from .reference import MentionIndex, resolve_nominal, resolve_plural, resolve_pronoun

__all__ = ["relations", "EXTRACTOR", "SAY_VERBS"]

#: Name and version written on every statement this module produces.
EXTRACTOR = "kg.extract.relations/0.2"

SAY_VERBS = lex.SAY_VERBS

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_DATE_LABELS = ("DATE", "TIME")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_CUT_DEPS = ("relcl", "acl", "appos", "conj", "cc", "advcl", "ccomp", "parataxis")
_ASPECTUAL = frozenset({"continue", "begin", "start", "keep", "resume", "go"})


def relations(doc: Doc | Span, *, doc_id: str, mentions: list[Mention],
              keep_unresolved: bool = False) -> Iterator[Relation]:
    """Yield the assertions stated in ``doc``, one per fact.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed document (or a span of one).
    doc_id : str
        Identifier of the document, copied onto every relation.
    mentions : list of Mention
        The document's named-entity mentions (from :func:`kg.extract.mentions`);
        arguments that name or refer to one of them point to it.
    keep_unresolved : bool
        Keep relations whose argument is a pronoun with no antecedent found (the
        pronoun's text becomes the argument). The graph leaves them out, since a
        node "he" would merge unrelated people; Open IE evaluation keeps them.

    Yields
    ------
    Relation
    """
    full = doc if isinstance(doc, Doc) else doc.doc
    index = MentionIndex(full, mentions, keep_unresolved=keep_unresolved)
    nominal = nominal_matches(full)
    for sentence in (doc.sents if isinstance(doc, Doc) else [doc]):
        seen = set()
        found = [*_clause_relations(sentence, index, doc_id),
                 *_nominal_relations([m for m in nominal if sentence.start <= m.subject.i < sentence.end],
                                     sentence, index, doc_id)]
        for relation in found:
            key = (relation.subject.label, relation.predicate,
                   relation.object.label if relation.object else None, relation.negated, relation.modality)
            if key not in seen:
                seen.add(key)
                yield relation


# --- clauses ---------------------------------------------------------------------------

def _clause_relations(sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for token in sentence:
        if _is_predicate(token):
            yield from _predicate_relations(token, sentence, index, doc_id)


def _is_predicate(token: Token) -> bool:
    if token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and token.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp") for c in token.children)


def _predicate_relations(verb: Token, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    core = _core(verb)
    if core is None:
        return
    subjects = _subjects(verb)
    if not subjects:
        return
    negated, modality = _negated(verb), _modality(verb, sentence)
    attribution = _attribution(verb, index, sentence)
    qualifiers = tuple(_qualifier(t, index) for t in core.qualifiers)
    for subject_token in subjects:
        subject = _speaker(subject_token, attribution) or _argument(subject_token, index)
        if subject is None:
            continue
        objects = [None] if core.objects is None else core.objects
        for object_token in objects:
            if object_token is None:
                obj = core.clause
            else:
                obj = _speaker(object_token, attribution) or _argument(object_token, index)
                if obj is None:
                    continue
            if obj is not None and obj.label == subject.label and not obj.clause:
                continue
            first, second = (obj, subject) if core.passive else (subject, obj)
            yield _relation(
                doc_id, sentence, first, core.predicate, second, core.pattern,
                relation_text=core.text, passive=core.passive, negated=negated, modality=modality,
                attribution=attribution, qualifiers=qualifiers)


class _Core:
    """What a predicate asserts: its relation words, object(s) and qualifiers."""

    __slots__ = ("predicate", "text", "objects", "clause", "qualifiers", "pattern", "passive")

    def __init__(self, predicate, words, objects, qualifiers, pattern, *, clause=None, passive=False):
        self.predicate = predicate
        self.text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
        self.objects = objects  # tokens heading the objects, or None
        self.clause = clause  # a clause Argument when the object is a proposition
        self.qualifiers = qualifiers
        self.pattern = pattern
        self.passive = passive  # the object tokens are the logical subject (agent)


def _core(verb: Token) -> _Core | None:
    """The relation a predicate states, or None when it states none by itself."""
    children = list(verb.children)
    words, lemma = _verb_words(verb)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and not _own_subject(verb):
        head_words, head_lemma = _verb_words(verb.head)
        words = head_words + words
        if verb.head.lemma_.lower() not in _ASPECTUAL:
            lemma = f"{head_lemma} to {lemma}"
    elif any(c.dep_ == "xcomp" and not _own_subject(c) for c in children) and not _has_object(verb):
        return None  # "vowed to put an end to X" is stated by the xcomp
    preps = [c for c in children if c.dep_ == "prep" and _pobj(c) is not None]
    extras = [c for c in children if _is_circumstance(c)]
    # "the level at which ...": the relative pronoun's phrase is not a circumstance of its own.
    preps = [p for p in preps if _pobj(p).lower_ not in lex.RELATIVE_PRONOUNS]

    if _is_passive(verb):
        agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            by = next(c for c in children if c.dep_ == "agent")
            return _Core(lemma, words + [by], _conjuncts(agents), preps + extras, "passive", passive=True)
        prep = _first_argument_prep(preps)
        if prep is not None:
            rest = [p for p in preps if p != prep]
            return _Core(f"be {verb.lower_} {prep.lower_}", words + [prep], _conjuncts([_pobj(prep)]),
                         rest + extras, "passive-prep")
        return _Core(f"be {verb.lower_}", words, None, preps + extras, "passive-intransitive")

    objects = [c for c in children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and any(o.lower_ in lex.RELATIVE_PRONOUNS for o in objects):
        objects = [verb.head]  # "the war which Haftar lost"
    if objects:
        obj = objects[0]
        light = _light_verb_prep(verb, obj)
        if light is None and (verb.lemma_.lower(), obj.lemma_.lower()) in lex.LIGHT_VERB_NOUNS:
            # "put an end to the curfew", with "to" parsed as the verb's
            light = next((p for p in preps if p.i > obj.i and not _is_time(p, _pobj(p))), None)
            preps = [p for p in preps if p != light]
        if light is not None:
            light_words = [t for t in obj.children if t.dep_ == "det"] + [obj, light]
            return _Core(f"{lemma} {obj.lemma_.lower()} {light.lower_}", words + light_words,
                         _conjuncts([_pobj(light)]), preps + extras, "light-verb")
        return _Core(lemma, words, _conjuncts(objects), preps + extras, "svo")

    attrs = [c for c in children if c.dep_ in ("attr", "oprd") and c.ent_type_ not in _DATE_LABELS]
    if attrs:  # "is a warlord", "became Master of the Rolls"
        attr = attrs[0]
        role = next((p for p in attr.children if p.dep_ == "prep" and _pobj(p) is not None), None)
        if role is not None and role.lower_ in ("of", "for", "to") and attr.pos_ == "NOUN" and not any(
                c.dep_ == "conj" for c in attr.children):
            # "was an ally of the Human Tornado" → ally of, as "Mesmari, a spokesman for Haftar"
            role_words = [t for t in attr.subtree if t.i <= role.i and t.i >= attr.left_edge.i]
            return _Core(f"{attr.lemma_.lower()} {role.lower_}", words + role_words, _conjuncts([_pobj(role)]),
                         preps + extras, "copula-role")
        return _Core(lemma, words, _conjuncts(attrs), preps + extras, "copula")
    if verb.lemma_ == "be":
        acomps = [c for c in children if c.dep_ == "acomp"]
        if acomps:
            adjective = acomps[0]
            prep = next((p for p in adjective.children if p.dep_ == "prep" and _pobj(p) is not None), None)
            if prep is not None:
                return _Core(f"be {adjective.lemma_.lower()} {prep.lower_}", words + [adjective, prep],
                             _conjuncts([_pobj(prep)]), preps + extras, "copula-adjective")
            return _Core("be", words, [adjective], preps + extras, "copula-adjective")

    complement = _complement(verb)
    if complement is not None:
        clause_verb, marker = complement
        suffix = [marker] if marker is not None and marker.lower_ != "that" else []
        predicate = " ".join([lemma, *(m.lower_ for m in suffix)])
        return _Core(predicate, words + suffix + ([marker] if marker is not None else []), None,
                     preps + extras, "complement", clause=_clause_argument(clause_verb))

    prep = _first_argument_prep(preps)
    if prep is not None:
        rest = [p for p in preps if p != prep]
        return _Core(f"{lemma} {prep.lower_}", words + [prep], _conjuncts([_pobj(prep)]), rest + extras,
                     "verb-prep")
    return _Core(lemma, words, None, preps + extras, "intransitive")


def _verb_words(verb: Token) -> tuple[list[Token], str]:
    """The words of a verb group as written (auxiliaries, negation, adverbs inside it,
    the verb, its particle) and its lemma with the particle ("lay down")."""
    words = [verb]
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i:
            words.append(child)
        elif child.dep_ == "prt" or (child.dep_ == "prep" and not any(child.children) and child.i == verb.i + 1):
            words.append(child)  # "lay down", "have fallen through"
        elif child.dep_ == "advmod" and child.i < verb.i and child.i >= verb.i - 2 and child.lower_ not in (
                "where", "when", "how", "why", "also", "however", "still", "then"):
            words.append(child)
    particles = [c.lower_ for c in words if c.dep_ in ("prt", "prep")]
    return words, " ".join([verb.lemma_.lower(), *particles])


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or _own_subject(verb):
        return False
    if verb.dep_ == "acl":  # "a truce called by Haftar"
        return True
    return verb.dep_ == "conj" and _is_passive(verb.head)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "ccomp") for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_circumstance(token: Token) -> bool:
    """A time expression attached to the verb without a preposition ("last week", "on Thursday")."""
    return token.dep_ in ("npadvmod", "tmod", "advmod", "oprd") and token.ent_type_ in _DATE_LABELS


def _first_argument_prep(preps: list[Token]) -> Token | None:
    """The prepositional phrase that completes the verb ("called for a truce"), not a time phrase."""
    for prep in preps:
        if not _is_time(prep, _pobj(prep)):
            return prep
    return None


def _is_time(token: Token, pobj: Token | None) -> bool:
    """Whether a modifier says when: a date or time, or "since/until/during ..."."""
    if token.ent_type_ in _DATE_LABELS or (pobj is not None and pobj.ent_type_ in _DATE_LABELS):
        return True
    return token.lower_ in lex.TIME_PREPOSITIONS


def _light_verb_prep(verb: Token, obj: Token) -> Token | None:
    """In "put an end to X" or "filed charges against X", the preposition that introduces X.

    Listed light verbs ("put an end to") always qualify; otherwise a bare plural or
    indefinite object whose preposition introduces a name ("filed charges against
    Drogoul") is part of the relation too.
    """
    prep = next((p for p in obj.children if p.dep_ == "prep" and _pobj(p) is not None), None)
    if prep is None:
        return None
    if (verb.lemma_.lower(), obj.lemma_.lower()) in lex.LIGHT_VERB_NOUNS:
        return prep
    determiners = [c.lower_ for c in obj.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")]
    if prep.lower_ == "of" or obj.ent_type_ or determiners not in ([], ["a"], ["an"]):
        return None
    pobj = _pobj(prep)
    if _is_time(prep, pobj) or pobj.ent_type_ in lex.NOT_ARGUMENT_LABELS:
        return None
    return prep if pobj.pos_ == "PROPN" or pobj.ent_type_ else None


def _complement(verb: Token) -> tuple[Token, Token | None] | None:
    """The clause a verb reports or asks for, with its marker: "said (that) X", "called for X to Y"."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child, _marker(child)
        if child.dep_ == "advcl" and _marker(child) is not None and _marker(child).lower_ == "for":
            return child, _marker(child)
    if verb.lemma_.lower() in lex.SAY_VERBS:
        # "said in a statement that it will continue": the parser hangs the clause on "statement".
        for prep in verb.children:
            pobj = _pobj(prep) if prep.dep_ == "prep" else None
            for clause in (pobj.children if pobj is not None else ()):
                if clause.dep_ == "acl" and _marker(clause) is not None and _marker(clause).lower_ == "that":
                    return clause, _marker(clause)
    return None


def _marker(clause: Token) -> Token | None:
    return next((c for c in clause.children if c.dep_ == "mark"), None)


def _clause_argument(clause_verb: Token) -> Argument:
    """The proposition a clause states, as written, without its "that"."""
    tokens = [t for t in clause_verb.subtree]
    while len(tokens) > 1 and tokens[0].dep_ == "mark" and tokens[0].head == clause_verb:
        tokens.pop(0)
    span = _trimmed(tokens, clause_verb.doc)
    return Argument(text=span.text, label=span.text, start=span.start_char, end=span.end_char, clause=True)


def _qualifier(token: Token, index: MentionIndex) -> Qualifier:
    pobj = _pobj(token) if token.dep_ == "prep" else None
    if pobj is not None:
        phrase = _phrase(pobj)
        span = token.doc[min(token.i, phrase.start):max(token.i + 1, phrase.end)]
    else:
        span = _phrase(token)
    kind, place = "other", None
    if _is_time(token, pobj):
        kind = "time"
    elif pobj is not None and token.lower_ in lex.PLACE_PREPOSITIONS:
        mention = index.at(pobj) or resolve_nominal(pobj, index)
        if mention is not None and mention.label in _PLACE_LABELS:
            kind, place = "place", mention
    return Qualifier(kind=kind, text=span.text, start=span.start_char, end=span.end_char, mention=place)


# --- subjects and objects --------------------------------------------------------------

def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, looking through relative clauses, coordination and participles."""
    own = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if own:
        subject = own[0]
        if verb.dep_ == "relcl" and subject.lower_ in lex.RELATIVE_PRONOUNS:
            if verb.head.dep_ == "attr" and _subjects(verb.head.head):
                return _subjects(verb.head.head)  # "X is a song that differs from Y"
            return _conjuncts([verb.head])
        return _conjuncts([subject])
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ in ("relcl", "acl") and head.dep_ == "attr" and _subjects(head.head):
        return _subjects(head.head)  # "X is a think tank founded in 2005": X was founded
    if verb.dep_ == "relcl":
        return _conjuncts([head])
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return _subjects(head)
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return objects[:1] if objects else _subjects(head)  # "urged Haftar to stop": Haftar stops
    if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN") and head.pos_ in ("VERB", "AUX"):
        return _subjects(head)  # "rejected ..., saying it ..."
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _subjects(head.head)  # "stayed a year before being appointed ..."
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return [head]  # "GNA forces ousting them", "a truce called by Haftar"
    return []


def _conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and everything coordinated with them ("the UN, EU and several countries")."""
    found = []
    for token in tokens:
        # spaCy often reads "the UN, EU and several countries" as one noun modified by "UN, EU".
        for child in token.lefts:
            if child.dep_ == "nmod" and any(c.dep_ == "conj" for c in child.children):
                found.extend([child, *(c for c in child.conjuncts if c.i > child.i)])
        found.append(token)
        found.extend(c for c in token.conjuncts if c.i > token.i and c.pos_ not in ("VERB", "AUX"))
    return list(dict.fromkeys(found))


def _argument(token: Token, index: MentionIndex, depth: int = 0) -> Argument | None:
    """The argument headed by ``token``: a named entity, a resolved reference or a concept."""
    span = _phrase(token)
    text, start, end = span.text, span.start_char, span.end_char
    mention, via = index.at(token), None
    if mention is None and token.pos_ == "PRON":
        # Object "it" is mostly expletive ("make it so we ..."): resolve subjects only.
        if token.tag_ in ("WDT", "WP", "WP$", "WRB") or token.lower_ in lex.WH_WORDS or (
                token.lower_ == "it" and token.dep_ != "nsubj"):
            return None
        mention, via = resolve_pronoun(token, index), "pronoun"
        if mention is None and depth == 0:
            antecedent = resolve_plural(token, index)
            if antecedent is not None:
                found = _argument(antecedent, index, depth + 1)
                if found is not None:
                    return Argument(text=text, label=found.label, start=start, end=end,
                                    mention=found.mention, via="pronoun")
        if mention is None:
            if index.keep_unresolved and token.dep_ != "poss":
                return Argument(text=text, label=token.lower_, start=start, end=end, via="unresolved")
            return None
    elif mention is None and token.ent_type_ in lex.NOT_ARGUMENT_LABELS:
        if token.dep_ in _SUBJECT_DEPS or token.ent_type_ in _DATE_LABELS:
            return None
        # "agreed to pay $6.25 a share": a value is an object, named by what it says.
        return Argument(text=text, label=text, start=start, end=end)
    elif mention is None and token.pos_ == "NOUN":
        mention = resolve_nominal(token, index)
        via = "nominal" if mention else None
        if mention is None and depth < 2:
            owner, via = _owner(token)
            if owner is not None:
                found = _argument(owner, index, depth + 1)
                if found is not None and (found.is_entity or via == "partitive"):
                    return Argument(text=text, label=found.label, start=start, end=end,
                                    mention=found.mention, via=via)
    if mention is not None:
        return Argument(text=text, label=mention.text, start=start, end=end, mention=mention, via=via)
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    label = _concept_label(token)
    if not label:
        return None
    return Argument(text=text, label=label, start=start, end=end)


def _speaker(token: Token, attribution: Argument | None) -> Argument | None:
    """In reported speech, "we"/"I" is whoever said it ("we do not trust ...," the GNA said)."""
    if attribution is None or attribution.mention is None or token.lower_ not in lex.FIRST_PERSON:
        return None
    return Argument(text=token.text, label=attribution.label, start=token.idx, end=token.idx + len(token),
                    mention=attribution.mention, via="speaker")


def _owner(token: Token) -> tuple[Token | None, str | None]:
    """For "Haftar's forces" / "GNA forces" the owner (Haftar, GNA); for "swathes of
    southern Libya" the whole (Libya): the token the argument stands for."""
    lemma = token.lemma_.lower()
    if lemma in lex.GROUP_NOUNS:
        for child in token.lefts:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")):
                return child, "possessive"
    if lemma in lex.PARTITIVE_NOUNS:
        for prep in _preps(token):
            if prep.lower_ == "of" and _pobj(prep) is not None:
                return _pobj(prep), "partitive"
    return None, None


def _preps(token: Token) -> list[Token]:
    """A noun's prepositional phrases, including one it shares with the noun it is
    coordinated with ("the east and swathes of southern Libya")."""
    own = [c for c in token.children if c.dep_ == "prep"]
    if token.dep_ == "conj":
        own += [c for c in token.head.children if c.dep_ == "prep" and c.i > token.i]
    return own


def _phrase(token: Token) -> Span:
    """The phrase headed by ``token``, minimal but complete: its modifiers and
    prepositional phrases, without relative clauses, appositions, clauses or
    coordinated phrases (those are arguments of their own)."""
    doc = token.doc
    keep = set()
    stack = [token]
    shared = [c for c in _preps(token) if c.head != token]
    while stack:
        node = stack.pop()
        keep.add(node.i)
        for child in node.children:
            if child.dep_ in _CUT_DEPS and node == token or child.dep_ in ("relcl", "acl", "appos", "advcl"):
                continue
            if node == token and child.dep_ == "nmod" and any(c.dep_ == "conj" for c in child.children):
                continue  # "the UN, EU and several countries": UN and EU are arguments of their own
            stack.append(child)
    for prep in shared:
        keep.update(t.i for t in prep.subtree)
    left = right = token.i
    while left - 1 in keep:
        left -= 1
    while right + 1 in keep:
        right += 1
    return _trimmed(doc[left:right + 1], doc, anchor=token)


def _trimmed(tokens, doc: Doc, anchor: Token | None = None) -> Span:
    """``tokens`` as a span without punctuation or quotes at either end."""
    tokens = list(tokens)
    left, right = tokens[0].i, tokens[-1].i
    low = anchor.i if anchor is not None else right
    high = anchor.i if anchor is not None else left
    while True:
        span = doc[left:right + 1]
        if left < low and (doc[left].dep_ == "cc" or doc[left].is_space
                           or (doc[left].is_punct and not _balanced_quote(doc[left], span))):
            left += 1
        elif right > high and (doc[right].dep_ in ("cc", "case") or doc[right].is_space
                               or (doc[right].is_punct and not _balanced_quote(doc[right], span))):
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


def _concept_label(token: Token) -> str:
    """A concept's name: its compounds and adjectives, then its head noun's lemma, lower-cased."""
    words = []
    for child in token.lefts:
        if child.dep_ == "compound" and child.is_alpha:
            words.append(child.text)
        elif child.dep_ == "amod" and child.lower_ not in lex.VAGUE_ADJECTIVES:
            modifier = token.doc[child.left_edge.i:child.i + 1]  # keeps "eastern-based"
            if all(t.is_alpha or t.text == "-" for t in modifier):
                words.append(modifier.text)
    head = token.text if token.pos_ == "PROPN" else token.lemma_
    words.append(head)
    label = " ".join(words)
    if not any(ch.isalpha() for ch in label):
        return ""
    return label if token.pos_ == "PROPN" else label.lower()


# --- noun phrases ----------------------------------------------------------------------

def _nominal_relations(matches, sentence: Span, index: MentionIndex, doc_id: str) -> Iterator[Relation]:
    for match in matches:
        subject = _argument(match.subject, index)
        if subject is None:
            continue
        if match.object is None:
            continue
        obj = _argument(match.object, index)
        if obj is None or obj.label == subject.label:
            continue
        if match.pattern == "title" and subject.is_entity:  # "President Bush": the subject is "Bush"
            subject = Argument(text=subject.mention.text, label=subject.label, start=subject.mention.start,
                               end=subject.mention.end, mention=subject.mention)
        if match.pattern in ("title", "apposition") and match.predicate == "be":
            obj = Argument(text=obj.text, label=obj.label, start=obj.start, end=obj.end,
                           mention=obj.mention if obj.is_entity and obj.via is None else None)
            if obj.mention is None:
                obj = Argument(text=obj.text, label=_concept_label(match.object) or obj.label,
                               start=obj.start, end=obj.end)
        yield _relation(doc_id, sentence, subject, match.predicate, obj, match.pattern,
                        relation_text=match.text, passive=False, negated=False, modality=None,
                        attribution=None, qualifiers=())


# --- qualifiers ------------------------------------------------------------------------

def _negated(verb: Token) -> bool:
    """Whether the clause denies its content: "not", "never", "no <object>", or "deny that ..."."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in verb.children):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.DENIAL_VERBS:
        return True
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and not _own_subject(verb):
        return _negated(verb.head)  # "did not attack or capture the city", "did not agree to stop"
    return False


def _modality(verb: Token, sentence: Span) -> str | None:
    """The modal verb of the clause; "if" for a condition, "desire" for what someone
    calls for, "question" for a question."""
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            lemma = child.lemma_.lower()
            return "will" if lemma in ("wo", "'ll") else lemma
    marker = _marker(verb)
    if marker is not None and marker.lower_ in lex.CONDITIONS:
        return "if"
    head = verb.head
    if verb.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in lex.DESIRE_VERBS and (
            verb.dep_ == "ccomp" or (marker is not None and marker.lower_ == "for")):
        return "desire"
    if verb.dep_ == "ROOT" and any(t.text == "?" for t in sentence[-3:]):
        return "question"
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return _modality(head, sentence)
    return None


def _attribution(verb: Token, index: MentionIndex, sentence: Span) -> Argument | None:
    """Who reports the clause headed by ``verb``: the subject of a saying verb whose
    complement it is, or the object of "according to"."""
    node = verb
    while node.head != node:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in lex.SAY_VERBS:
            return _first_argument(_subjects(head), index)
        if node.dep_ == "acl" and head.dep_ == "pobj" and head.head.head.lemma_.lower() in lex.SAY_VERBS:
            return _first_argument(_subjects(head.head.head), index)  # "said in a statement that ..."
        if node.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
            break
        node = head
    for prep in (c for c in sentence if c.lower_ == "according" and c.dep_ == "prep"):
        to = next((c for c in prep.children if c.dep_ == "prep"), None)
        source = _pobj(to) if to is not None else None
        if source is not None:
            return _argument(source, index)
    return None


def _first_argument(tokens: list[Token], index: MentionIndex) -> Argument | None:
    for token in tokens:
        argument = _argument(token, index)
        if argument is not None:
            return argument
    return None


def _relation(doc_id, sentence, subject, predicate, obj, pattern, *, relation_text, passive, negated,
              modality, attribution, qualifiers) -> Relation:
    relation = Relation(
        doc_id=doc_id,
        subject=subject,
        predicate=predicate,
        object=obj,
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        negated=negated,
        modality=modality,
        attribution=attribution,
        pattern=pattern,
        relation_text=relation_text or predicate,
        passive=passive,
        qualifiers=qualifiers,
    )
    return _with_confidence(relation, len(sentence))


def _with_confidence(relation: Relation, sentence_length: int) -> Relation:
    from dataclasses import replace

    return replace(relation, confidence=confidence(relation, sentence_length))
