"""What a predicate asserts: its relation words, its object(s) and its circumstances.

The object is the first of: a direct object ("rejected a truce"), the noun of a
light verb ("put an end to outlaw groups" → put end to), an attribute of "be"
("is a warlord"), a reported clause ("said that it will continue ..."), a
prepositional object ("called for a truce" → call for). Passives are turned active
("a truce unilaterally called by Haftar" → Haftar – call – truce). Other
prepositional phrases and time expressions are the predicate's circumstances
(they become qualifiers). :mod:`kg.extract.relations` makes the assertions.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang import lexicon_of
from ..vocab import DATE_LABELS, VALUE_LABELS
from .arguments import clause_argument, dated_phrase
from .syntax import (
    adjective_head,
    clause_marker,
    compound_prep,
    conjuncts,
    impersonal_hedge,
    is_time,
    known_object,
    noun_infinitive,
    object_controlled,
    own_subject,
    prep_object,
    word_lemma,
)

__all__ = ["Core", "predicate_core", "is_word"]


def is_word(token: Token) -> bool:
    """Whether ``token`` has a letter or digit: a hyphen or quote mark the tagger took for a
    verb is no relation word."""
    return any(ch.isalnum() for ch in token.text)


class Core:
    """What a predicate asserts: its relation words, object(s) and qualifiers (the tokens that head them)."""

    __slots__ = ("predicate", "text", "objects", "clause", "qualifiers", "pattern", "passive")

    def __init__(self, predicate, words, objects, qualifiers, pattern, *, clause=None, passive=False):
        self.predicate = predicate
        self.text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
        self.objects = objects  # tokens heading the objects, or None
        self.clause = clause  # a clause Argument when the object is a proposition
        self.qualifiers = qualifiers
        self.pattern = pattern
        self.passive = passive  # the object tokens are the logical subject (agent)


def predicate_core(verb: Token) -> Core | None:
    """The relation a predicate states, or None when it states none by itself."""
    core = _predicate_core(verb)
    if core is not None and core.objects:
        # "were a touring team in the 1920s": the date left out of the object is a time of the clause
        dated = [d for d in map(dated_phrase, core.objects) if d is not None]
        core.qualifiers = core.qualifiers + [d for d in dated if d not in core.qualifiers]
    return core


def _predicate_core(verb: Token) -> Core | None:
    if impersonal_hedge(verb) is not None:
        return None  # "it seems that ...": the clause is the assertion, hedged
    group = _verb_group(verb)
    if group is None:
        return None
    words, lemma = group
    # "gave evidence to the inquiry": spaCy calls the "to" of a dative a "dative"; it is a preposition all the same
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and prep_object(c) is not None]
    extras = [c for c in verb.children if _is_time_expression(c)]
    # "the level at which ...": the relative pronoun's phrase is not a circumstance of its own.
    preps = [p for p in preps if known_object(p).lower_ not in lexicon_of(verb).relative_pronouns]
    if _is_passive(verb):
        return _passive_core(verb, words, lemma, preps, extras)
    it = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    idiom = _idiom_it(it) if it is not None else None
    if idiom is not None:  # "could not go it alone on X" → go it alone on
        words, lemma = words + [idiom.doc[idiom.i - 1], idiom], f"{lemma} it {idiom.lower_}"
    for read in (_object_core, _copula_core, _complement_core):
        core = read(verb, words, lemma, preps, extras)
        if core is not None:
            return core
    prep = _first_argument_prep(preps)
    if prep is not None:
        rest = [p for p in preps if p != prep]
        noun = known_object(prep)
        inner = _light_verb_prep(verb, noun) if noun.pos_ == "NOUN" else None
        if inner is not None:  # "is in competition with X" → be in competition with (issue 18)
            return Core(
                f"{lemma} {prep.lower_} {word_lemma(noun)} {inner.lower_}",
                words + [prep, noun, inner],
                conjuncts([known_object(inner)]),
                rest + extras,
                "verb-prep",
            )
        return Core(
            f"{lemma} {_prep_text(prep)}", words + _prep_words(prep), conjuncts([noun]), rest + extras, "verb-prep"
        )
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        # a finite clause ("on whether the appeal has succeeded"), not "with both sides accusing ..." (circumstance)
        clause = next((c for c in prep.children if c.dep_ == "pcomp" and own_subject(c) and c.tag_ != "VBG"), None)
        if clause is not None:  # "to rule on whether the appeal has succeeded" (issue 18)
            return Core(
                f"{lemma} {prep.lower_}",
                words + [prep],
                None,
                preps + extras,
                "complement",
                clause=clause_argument(clause),
            )
    if verb.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return None  # "be" with a preposition that completes nothing states nothing: "if content is on-demand"
    if _embedded_question_or_comparison(verb):
        return None  # "more than the market had assumed", "I don't know how my body will react": no claim
    return Core(lemma, words, None, preps + extras, "intransitive")


def _embedded_question_or_comparison(verb: Token) -> bool:
    """Whether ``verb`` heads a clause that asks or compares inside another ("how my body will react",
    "than the market had assumed"): without an object, such a clause asserts nothing of its own."""
    if verb.dep_ not in ("ccomp", "advcl", "pcomp", "xcomp", "acl", "relcl"):
        return False
    return any(
        (c.dep_ == "mark" and (c.lower_ in ("than", "whether") or (c.lower_ == "if" and verb.dep_ == "ccomp")))
        or (c.dep_ in ("advmod", "mark") and c.tag_ == "WRB" and c.i < verb.i)
        for c in verb.children
    )


def _verb_group(verb: Token) -> tuple[list[Token], str] | None:
    """The words and lemma of the predicate ``verb`` heads, with those of the verbs it completes
    ("vowed to put an end to", "seem to be starting to use"); None when an infinitive it governs
    states the relation instead.

    The lemma leaves out the verbs that only say when ("continued to attack": attack) and the hedges
    of the language's ``hedges.tsv`` ("is expected to report": report), which become the statement's
    modality (:func:`kg.extract.semantics.modality_of`).
    """
    if _infinitive_states(verb):
        return None  # "vowed to put an end to X" is stated by the xcomp
    words, lemma = _verb_words(verb)
    if noun_infinitive(verb):  # "won permission to fly to" → win permission to fly to
        noun = verb.head
        head_words, head_lemma = _verb_words(noun.head)
        return head_words + [noun] + words, f"{head_lemma} {word_lemma(noun)} to {lemma}"
    node = verb
    for _ in range(8):  # a chain of infinitives is short; the bound keeps a bad parse from looping
        governor = _governor(node)
        if governor is None:
            break
        head_words, head_lemma, kept = _governor_words(governor)
        words = head_words + words
        if kept:
            # "agreed to release"; "stopped attacking" has no "to"
            to = "to " if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) else ""
            lemma = f"{head_lemma} {to}{lemma}"
        node = governor if governor.pos_ != "ADJ" else governor.head
        if _has_object(governor):
            break  # "needs to have safeguards to monitor X": "have to monitor", not "need to have to monitor"
    return words, lemma


def _infinitive_states(verb: Token) -> bool:
    """Whether an infinitive ``verb`` governs states the relation: "vowed to put an end to X" (by "put"),
    "is likely to appear" (by "appear"); not "urged Haftar to stop" (urge Haftar) nor "called on the
    council to hire" (call on council)."""
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "attr", "ccomp") for c in children):
        return False  # it has an object (see _has_object)
    if any(c.dep_ == "xcomp" and not own_subject(c) and not object_controlled(c) for c in children):
        # An infinitive itself ("have to re-register to vote") states its relation too, unless it only
        # says when or hedges ("seem to be starting to use": use)
        return _governor(verb) is None or not _governor_words(verb)[2]
    return verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and any(x.dep_ == "xcomp" and adjective_head(x) == c for x in c.children) for c in children
    )


def _governor(verb: Token) -> Token | None:
    """The verb (or the adjective of "be <adjective>") whose infinitive ``verb`` is, sharing its subject."""
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and head.pos_ in ("VERB", "AUX")
        and not own_subject(verb)
        and not object_controlled(verb)
        and is_word(head)
    ):
        return head
    return adjective_head(verb)


def _governor_words(governor: Token) -> tuple[list[Token], str, bool]:
    """The words and lemma of a governor of an infinitive, and whether its lemma is part of the relation
    (not a verb of time, not a hedge)."""
    if governor.pos_ == "ADJ":  # "is likely to", "were unable to"
        be_words, _ = _verb_words(governor.head)
        hedges = lexicon_of(governor).hedges
        kept = ("adjective", governor.lower_) not in hedges and ("negative", governor.lower_) not in hedges
        return be_words + [governor], f"be {word_lemma(governor)}", kept
    words, lemma = _verb_words(governor)
    lex, base = lexicon_of(governor), governor.lemma_.lower()
    hedge = ("passive" if _is_passive(governor) else "verb", base) in lex.hedges
    return words, lemma, not hedge and base not in lex.aspectual_verbs | lex.negative_verbs


def _passive_core(verb: Token, words: list[Token], lemma: str, preps: list[Token], extras: list[Token]) -> Core:
    """A passive: "a truce called by Haftar" (Haftar – call – truce), "was born in Tripoli"."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        by = next(c for c in verb.children if c.dep_ == "agent")
        return Core(lemma, words + [by], conjuncts(agents), preps + extras, "passive", passive=True)
    misplaced = _misplaced_agent(preps)
    if misplaced is not None:  # "were introduced to the crowd by Mick Jones" (issue 18)
        return Core(
            lemma, words + [misplaced], conjuncts([known_object(misplaced)]), preps + extras, "passive", passive=True
        )
    # "was elected party leader", "was renamed Northgate": what the subject became is the object (scored
    # as a passive's complement, like a prepositional one)
    named = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i]
    if named and named[0].ent_type_ not in DATE_LABELS:
        return Core(f"be {verb.lower_}", words, conjuncts(named[:1]), preps + extras, "passive-prep")
    prep = _first_argument_prep(preps)
    if prep is not None:
        rest = [p for p in preps if p != prep]
        return Core(
            f"be {verb.lower_} {_prep_text(prep)}",
            words + _prep_words(prep),
            conjuncts([known_object(prep)]),
            rest + extras,
            "passive-prep",
        )
    return Core(f"be {verb.lower_}", words, None, preps + extras, "passive-intransitive")


def _object_core(verb: Token, words: list[Token], lemma: str, preps: list[Token], extras: list[Token]) -> Core | None:
    """A direct object: "rejected a truce"; with a light verb, its noun: "put an end to X" → put end to."""
    lex = lexicon_of(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and any(o.lower_ in lex.relative_pronouns for o in objects):
        objects = [verb.head]  # "the war which Haftar lost"
    if not objects:
        shared = _shared_object(verb, preps)
        if shared is None:
            return None
        objects = [shared]  # "has threatened and imposed sanctions": threatened sanctions too
    elif len(objects) == 1 and _idiom_it(objects[0]) is not None:
        return None  # "go it alone": the words are the relation's (see predicate_core)
    obj = objects[0]
    light = _light_verb_prep(verb, obj)
    if light is None and (verb.lemma_.lower(), obj.lemma_.lower()) in lex.light_verb_nouns and not _named_modifier(obj):
        # "put an end to the curfew", with "to" parsed as the verb's
        light = next((p for p in preps if p.i > obj.i and not is_time(p, prep_object(p))), None)
        preps = [p for p in preps if p != light]
    elif light is None:
        # "is giving evidence to the Power inquiry": the dative's "to" after a bare noun (issue 18)
        dative = next((p for p in preps if p.dep_ == "dative" and p.i == obj.right_edge.i + 1), None)
        if dative is not None and _names_after_bare_noun(obj, dative):
            light, preps = dative, [p for p in preps if p != dative]

    if light is None:
        # "drew users away from Netscape": a bare noun, the particle after it and the name it leads away from
        particle = next(
            (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lex.object_particles and c.i > obj.i),
            None,
        )
        inner = None if particle is None else next((p for p in particle.rights if prep_object(p) is not None), None)
        if particle is not None and inner is not None and _names_after_bare_noun(obj, inner):
            base = lemma.removesuffix(f" {particle.lower_}")
            return Core(
                f"{base} {word_lemma(obj)} {particle.lower_} {_prep_text(inner)}",
                words + [obj, particle, *_prep_words(inner)],
                conjuncts([known_object(inner)]),
                preps + extras,
                "light-verb",
            )
    if light is not None:
        light_words = [t for t in obj.children if t.dep_ == "det"] + [obj, light]
        return Core(
            f"{lemma} {word_lemma(obj)} {light.lower_}",
            words + light_words,
            conjuncts([known_object(light)]),
            preps + extras,
            "light-verb",
        )
    return Core(lemma, words, conjuncts(objects), preps + extras, "svo")


def _copula_core(verb: Token, words: list[Token], lemma: str, preps: list[Token], extras: list[Token]) -> Core | None:
    """An attribute: "is a warlord", "was an ally of X" (ally of), "is loyal to X" (be loyal to)."""
    attrs = [c for c in verb.children if c.dep_ in ("attr", "oprd") and c.ent_type_ not in DATE_LABELS]
    if attrs:  # "is a warlord", "became Master of the Rolls"
        attr = attrs[0]
        role = next((p for p in attr.children if p.dep_ == "prep" and prep_object(p) is not None), None)
        if (
            role is not None
            and role.lower_ in lexicon_of(role).copula_role_prepositions
            and attr.pos_ == "NOUN"
            and not any(c.dep_ == "conj" for c in attr.children)
        ):
            # "was an ally of the Human Tornado" → ally of, as "Mesmari, a spokesman for Haftar"
            role_words = [t for t in attr.subtree if t.i <= role.i and t.i >= attr.left_edge.i]
            return Core(
                f"{word_lemma(attr)} {role.lower_}",
                words + role_words,
                conjuncts([known_object(role)]),
                preps + extras,
                "copula-role",
            )
        return Core(lemma, words, conjuncts(attrs), preps + extras, "copula")
    acomps = [c for c in verb.children if c.dep_ == "acomp"] if verb.lemma_ == "be" else []
    if not acomps:
        return None
    adjective = acomps[0]
    prep = next((p for p in adjective.children if p.dep_ == "prep" and prep_object(p) is not None), None)
    if prep is not None:
        return Core(
            f"be {word_lemma(adjective)} {prep.lower_}",
            words + [adjective, prep],
            conjuncts([known_object(prep)]),
            preps + extras,
            "copula-adjective",
        )
    return Core("be", words, [adjective], preps + extras, "copula-adjective")


def _complement_core(
    verb: Token, words: list[Token], lemma: str, preps: list[Token], extras: list[Token]
) -> Core | None:
    """A reported or wished clause: "said (that) X", "called for X to Y" (call for)."""
    complement = _complement(verb)
    if complement is None:
        return None
    clause_verb, marker = complement
    # "called for X to ...": "for" is part of the predicate; "said that ...": "that" is only written.
    predicate = f"{lemma} {marker.lower_}" if marker is not None and marker.lower_ != "that" else lemma
    return Core(
        predicate,
        words + ([marker] if marker is not None else []),
        None,
        preps + extras,
        "complement",
        clause=clause_argument(clause_verb),
    )


def _verb_words(verb: Token) -> tuple[list[Token], str]:
    """The words of a verb group as written (auxiliaries, negation, adverbs inside it,
    the verb, its particle) and its lemma with the particle ("lay down")."""
    words = [verb]
    lex = lexicon_of(verb)
    unattached = lex.unattached_adverbs
    children = list(verb.children)
    particles = []
    for child in children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i:
            words.append(child)
        elif child.dep_ == "prt" or (child.dep_ == "prep" and not any(child.children) and child.i == verb.i + 1):
            words.append(child)  # "lay down", "have fallen through"
            particles.append(child)
        elif child.dep_ == "advmod" and child.i < verb.i and child.i >= verb.i - 2 and (child.lower_ not in unattached):
            words.append(child)
        elif (
            child.dep_ == "advmod"
            and child.lower_ in lex.object_particles
            and child.i > verb.i
            and verb.doc[child.i - 1].dep_ == "dobj"
        ) or (
            child.dep_ == "oprd"
            and child.pos_ == "ADJ"
            and not any(child.children)
            and any(c.dep_ in ("auxpass", "agent") for c in children)
        ):
            words.append(child)  # "put the team ahead"; "was found guilty by" (issue 18)
            particles.append(child)
        elif (
            child.dep_ in ("advmod", "acomp")
            and child.pos_ == "ADJ"
            and child.i == verb.i + 1
            and child.i + 1 < len(verb.doc)
            and verb.doc[child.i + 1].dep_ == "prep"
            and verb.doc[child.i + 1].head == verb
        ):
            words.append(child)  # "tested positive for X": without the adjective the relation says the opposite
            particles.append(child)
    return words, " ".join([word_lemma(verb), *(c.lower_ for c in particles)])


def _shared_object(verb: Token, preps: list[Token]) -> Token | None:
    """The object a verb without one shares with the verb coordinated after it, both under one
    auxiliary or negation: "has threatened and imposed sanctions", "did not attack or capture the city"."""
    if preps or any(c.dep_ in _COMPLEMENT_DEPS for c in verb.children):
        return None
    if not any(c.dep_ in ("aux", "neg") and c.i < verb.i for c in verb.children):
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or own_subject(conj) or conj.tag_ != verb.tag_:
        return None
    between = verb.doc[verb.i + 1 : conj.i]
    if len(between) > 3 or any(t.dep_ not in ("cc", "punct", "advmod") for t in between):
        return None  # "attacked the town, and later captured the city": no shared object
    return next((c for c in conj.children if c.dep_ == "dobj"), None)


#: What completes a verb by itself: it has no object to share.
_COMPLEMENT_DEPS = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prt", "dative", "agent")


def _idiom_it(obj: Token) -> Token | None:
    """In "go it alone", "take it easy", the word after an object "it" that stands for nothing; else None."""
    if obj.lower_ != "it" or obj.i + 1 >= len(obj.doc):
        return None
    after = obj.doc[obj.i + 1]
    return after if after.head == obj.head and after.pos_ in ("ADJ", "ADV") and after.dep_ != "conj" else None


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or own_subject(verb):
        return False
    if verb.dep_ == "acl":  # "a truce called by Haftar"
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in verb.children):
        return True  # "face bans if found guilty by the federation"
    return verb.dep_ == "conj" and _is_passive(verb.head)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "ccomp") for c in verb.children)


def _is_time_expression(token: Token) -> bool:
    """A time expression attached to the verb without a preposition ("last week", "on Thursday")."""
    return token.dep_ in ("npadvmod", "tmod", "advmod", "oprd") and token.ent_type_ in DATE_LABELS


def _misplaced_agent(preps: list[Token]) -> Token | None:
    """In a passive, the "by" + name the parser hung on the noun of the verb's prepositional phrase
    ("were introduced to the crowd by Mick Jones"): the agent."""
    for prep in preps:
        noun = known_object(prep)
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        agent = prep_object(by) if by is not None else None
        if agent is not None and (agent.pos_ == "PROPN" or agent.ent_type_ in ("PERSON", "ORG", "NORP")):
            return by
    return None


def _prep_words(prep: Token) -> list[Token]:
    """The words of a preposition: one, or two ("out of": see :func:`compound_prep`)."""
    inner = compound_prep(prep)
    return [prep] if inner is None else [prep, inner]


def _prep_text(prep: Token) -> str:
    return " ".join(t.lower_ for t in _prep_words(prep))


def _first_argument_prep(preps: list[Token]) -> Token | None:
    """The prepositional phrase that completes the verb ("called for a truce"), not a time phrase, and
    not one written before the verb ("He, like Mr Kennedy, pointed to ...": a circumstance)."""
    for prep in preps:
        # ... and a whole word: not the "on" of "is on-demand"
        if prep.i > prep.head.i and not is_time(prep, prep_object(prep)) and word_lemma(prep) == prep.lower_:
            return prep
    return None


def _light_verb_prep(verb: Token, obj: Token) -> Token | None:
    """In "put an end to X" or "filed charges against X", the preposition that introduces X.

    Listed light verbs ("put an end to") always qualify; otherwise a bare plural or
    indefinite object whose preposition introduces a name ("filed charges against
    Drogoul") is part of the relation too.
    """
    prep = next((p for p in obj.children if p.dep_ == "prep" and prep_object(p) is not None), None)
    if prep is None:
        return None
    if (verb.lemma_.lower(), obj.lemma_.lower()) in lexicon_of(verb).light_verb_nouns:
        # ... but a name in the noun makes it an object: "plays the Presley role on stage" (issue 18)
        return None if _named_modifier(obj) else prep
    return prep if _names_after_bare_noun(obj, prep) else None


def _names_after_bare_noun(obj: Token, prep: Token) -> bool:
    """Whether ``prep`` introduces a name after a bare plural or indefinite noun ``obj`` ("charges
    against Drogoul", "evidence to the Power inquiry"): the noun is part of the relation."""
    determiners = [c.lower_ for c in obj.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")]
    if prep.lower_ == "of" or obj.ent_type_ or obj.pos_ != "NOUN" or determiners not in ([], ["a"], ["an"]):
        return False
    pobj = known_object(prep)
    if is_time(prep, pobj) or pobj.ent_type_ in VALUE_LABELS:
        return False
    return (
        pobj.pos_ == "PROPN"
        or bool(pobj.ent_type_)
        or any(c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_) for c in pobj.children)
    )


def _named_modifier(noun: Token) -> bool:
    """Whether a name modifies a noun ("the Presley role", "Haftar's control"): the noun is then no light
    verb's noun but an object that keeps the name."""
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod")
        and c.ent_type_ not in VALUE_LABELS  # "a 10% stake in X" is still the light verb's noun
        and (c.ent_type_ or c.pos_ == "PROPN" or c.text.istitle())
        for c in noun.lefts
        if c.i > noun.sent.start
    )


def _complement(verb: Token) -> tuple[Token, Token | None] | None:
    """The clause a verb reports or asks for, with its marker: "said (that) X", "called for X to Y"."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child, clause_marker(child)
        marker = clause_marker(child) if child.dep_ == "advcl" else None
        if marker is not None and marker.lower_ == "for":
            return child, marker
    if verb.lemma_.lower() in lexicon_of(verb).say_verbs:
        # "said in a statement that it will continue": the parser hangs the clause on "statement".
        for prep in verb.children:
            pobj = prep_object(prep) if prep.dep_ == "prep" else None
            for clause in pobj.children if pobj is not None else ():
                marker = clause_marker(clause)
                if clause.dep_ == "acl" and marker is not None and marker.lower_ == "that":
                    return clause, marker
    return None
