"""Facts stated by noun phrases, read with spaCy ``DependencyMatcher`` patterns kept as data.

The patterns are in the language's ``patterns/nominal.json`` (``kg/lang/en/``), one entry per construction::

    {"name": "based-in", "comment": "...", "predicate": "based in", "text": "is based in",
     "pattern": [<DependencyMatcher pattern binding "subject" and "object">]}

``predicate`` (the relation's lemma) and ``text`` (the relation as the phrase
implies it) are templates over the bound tokens: ``{prep.lower}``,
``{adjective.lemma}``, ``{act.text}``, and ``{act.act}`` (the verb of an act noun,
from the language's ``deverbal_nouns.tsv``, which also fills a
``"$DEVERBAL_NOUNS"`` lemma list: see :mod:`kg.lang`). An entry may name a ``check`` (a condition
the pattern language cannot say) or a ``build`` (a construction that needs code),
both registered below. A new construction is a pattern plus a test; the
patterns are validated when loaded (``MatchPatternError`` lists bad ones). See
https://spacy.io/usage/rule-based-matching#dependencymatcher.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import HEAD
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from ..analyse.bounded import bound_sentences
from ..lang import Lexicon, lexicon, lexicon_of
from ..model import Reading
from ..vocab import AREA_LABELS, VALUE_LABELS
from .syntax import prep_object

__all__ = ["NominalMatch", "nominal_matches", "load_patterns"]


@dataclass(frozen=True, slots=True)
class NominalMatch:
    """A fact a noun phrase states: ``subject`` – ``predicate`` – ``object``."""

    pattern: str
    subject: Token
    predicate: str
    object: Token
    text: str  # the relation as the phrase implies it ("is a spokesman for")
    # issue 18: the act noun that states the fact ("bid" in "its bid for the LSE"), whose clause and
    # modifiers say whether it holds, and the verb of "X is in talks with Y", whose own they are
    act: Token | None = None
    verb: Token | None = None
    # issue 18: "inferred" when the phrase's shape implies the fact without a word for it ("Sony's
    # PlayStation": Sony makes it), a statement then rather than a plain fact (:attr:`kg.model.Relation.reading`)
    reading: Reading = "stated"


def load_patterns(lex: Lexicon | None = None) -> tuple[dict, ...]:
    """The entries of the language's ``patterns/nominal.json`` (default: English), with
    ``$DEVERBAL_NOUNS`` filled in."""
    return (lex or lexicon()).patterns["nominal"]


class _Matcher(DependencyMatcher):
    """spaCy's ``DependencyMatcher``, with the root of every token's tree found once.

    spaCy groups the tokens each node pattern matches by the root of their tree, and finds
    that root by walking the token's ancestors, once for each pattern the token matches
    (a noun matches several): a third of the matcher's time. Here every root is found in one
    pass over the heads. Only ``_get_keys_to_position_maps`` is replaced, with what it
    returns unchanged (the same groups, in the same order), so the matches are the same.
    """

    def _get_keys_to_position_maps(self, doc: Doc) -> defaultdict[int, defaultdict[int, list[int]]]:
        roots = _tree_roots(doc)
        found: defaultdict[int, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for match_id, start, _ in self._matcher(doc):  # every node pattern matches one token
            found[roots[start]][match_id].append(start)
        return found


def _tree_roots(doc: Doc) -> list[int]:
    """The index of the root of each token's dependency tree (its sentence's root)."""
    heads = doc.to_array(HEAD).astype(numpy.int64).tolist()  # offsets to the head, stored unsigned
    roots = [-1] * len(heads)
    for i in range(len(heads)):
        path, j = [], i
        while roots[j] < 0 and heads[j] != 0:
            path.append(j)
            j += heads[j]
        root = j if roots[j] < 0 else roots[j]
        roots[j] = root
        for k in path:
            roots[k] = root
    return roots


_MATCHERS: dict[int, tuple[object, tuple[dict, ...], DependencyMatcher]] = {}


def _matcher(vocab, patterns: tuple[dict, ...]) -> DependencyMatcher:
    # Keyed by id, but the vocab and patterns are kept and compared, so a new vocab at a reused id
    # (or another language's patterns) gets its own.
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab or cached[1] is not patterns:
        matcher = _Matcher(vocab, validate=True)
        for entry in patterns:
            matcher.add(entry["name"], [entry["pattern"]])
        cached = _MATCHERS[id(vocab)] = (vocab, patterns, matcher)
    return cached[2]


def nominal_matches(doc: Doc) -> list[NominalMatch]:
    """The facts stated by the noun phrases of ``doc``, in document order.

    The matcher runs over the whole ``Doc`` (its spans would each copy the whole
    document), and pairs candidate tokens within one dependency tree, that is one
    sentence: its work per word grows with the sentence's length. A ``doc`` with
    sentences over :data:`kg.analyse.bounded.MAX_SENTENCE_TOKENS` is first cut
    into bounded pieces (:func:`kg.analyse.bounded.bound_sentences`), so the
    tokens returned then belong to that copy (same positions, same text).

    >>> import spacy
    >>> nominal_matches(spacy.blank("en")("no parse, no facts"))
    []
    """
    if not doc.has_annotation("DEP"):
        return []
    doc = bound_sentences(doc)  # free for the Doc relations() passes, bounded already
    patterns = load_patterns(lexicon_of(doc))
    entries = {entry["name"]: entry for entry in patterns}
    found = []
    for match_id, token_ids in _matcher(doc.vocab, patterns)(doc):
        entry = entries[doc.vocab.strings[match_id]]
        bound = {node["RIGHT_ID"]: doc[i] for node, i in zip(entry["pattern"], token_ids, strict=True)}
        match = _read(entry, bound)
        if match is not None:
            found.append(match)
    return sorted(found, key=lambda m: (m.subject.i, m.object.i))


def _read(entry: dict, bound: dict[str, Token]) -> NominalMatch | None:
    name = entry["name"].split("/")[0]  # "name/2": another parse of the same construction
    if "build" in entry:
        return _BUILDERS[entry["build"]](name, bound)
    if "check" in entry and not _CHECKS[entry["check"]](bound):
        return None
    return NominalMatch(
        name,
        bound["subject"],
        _fill(entry["predicate"], bound),
        bound["object"],
        _fill(entry["text"], bound),
        act=bound.get("act"),
        verb=bound.get("verb"),
    )


_FIELD = re.compile(r"\{(\w+)\.(\w+)\}")
_ATTRIBUTES: dict[str, Callable[[Token], str]] = {
    "text": lambda t: t.text,
    "lower": lambda t: t.lower_,
    "lemma": lambda t: t.lemma_.lower(),
    "act": lambda t: lexicon_of(t).deverbal_nouns[t.lemma_.lower()],
}


def _fill(template: str, bound: dict[str, Token]) -> str:
    return _FIELD.sub(lambda m: _ATTRIBUTES[m.group(2)](bound[m.group(1)]), template)


def _title_word(bound: dict[str, Token]) -> bool:
    """ "warlord Khalifa Haftar", "President Bush": a lower-case noun or a title, before the name."""
    title = bound["object"]
    return (title.is_lower or title.text in lexicon_of(title).titles) and title.i < bound["subject"].i


def _after_subject(bound: dict[str, Token]) -> bool:
    """ "militias loyal to Haftar": the adjective follows its noun."""
    return bound["adjective"].i > bound["subject"].i


def _apposition(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    subject, role = bound["subject"], bound["role"]
    if role.left_edge.i and role.doc[role.left_edge.i - 1].text == "(":
        return None  # "Government of National Accord (GNA)": an alias, not a fact
    if any(t.ent_type_ in VALUE_LABELS for t in (subject, role)):
        return None  # "9.75 %, 8.75 % ...": figures in a list
    start = _hyphen_start(role)  # "co-founder": spaCy makes "co", "-" and "founder" three appositions
    appositions = [c for c in subject.children if c.dep_ == "appos" and not start <= c.i < role.i]
    if any(c.dep_ == "conj" for c in role.children) or len(appositions) > 1:
        return None  # "three colours: Black, Silver and Red": a list, not an identity
    if subject.ent_type_ in AREA_LABELS and role.ent_type_ in AREA_LABELS:  # not facilities
        return NominalMatch("located-in", subject, "be in", role, "is in")  # "Pasadena, California"
    for prep in role.children:
        pobj = prep_object(prep) if prep.dep_ == "prep" else None
        if pobj is not None and prep.lower_ in lexicon_of(prep).role_prepositions:
            words = role.doc[min(role.left_edge.i, start) : prep.i + 1].text
            return NominalMatch(name, subject, f"{_role_phrase(role)} {prep.lower_}", pobj, f"is {words}")
    holder, noun = (role, subject) if subject.pos_ == "NOUN" and role.pos_ == "PROPN" else (subject, role)
    owner = _role_owner(noun, "poss")  # "X, Sony's chief executive", "Sony's chief executive, X" (issue 18)
    if owner is not None and holder.ent_type_ == "PERSON":
        return NominalMatch(name, holder, f"{_role_phrase(noun)} of", owner, f"is {_role_phrase(noun)} of")
    if holder is role:  # "the doctor, Erasistratus": the name is the subject
        return NominalMatch(name, role, "be", subject, "is")
    return NominalMatch(name, subject, "be", role, "is")


def _hyphen_start(token: Token) -> int:
    """The index of the first part of the hyphenated word ``token`` ends ("co-founder", "vice-chairman")."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i


def _role_phrase(role: Token) -> str:
    """The role a noun names, with the words that narrow it and the parts of its hyphenated word, lower-cased:
    "chief executive", "co-founder", "managing director", "former chairman", "ex-economic adviser" (issue 18). A
    name or a figure before it ("Sony's", "the 52-year-old") is not part of the role; a hyphenated word is
    written whole, never a part of it alone."""
    doc = role.doc
    start = _hyphen_start(role)
    words: dict[int, str] = {}  # by the index of the word's first part: each word once, in order
    for c in role.lefts:
        if c.i >= start or c.dep_ not in ("amod", "compound") or c.pos_ == "PROPN" or c.ent_type_ or not c.is_alpha:
            continue
        first = _hyphen_start(c)
        last = c.i
        while (
            last + 2 < start
            and doc[last + 1].text == "-"
            and not doc[last].whitespace_
            and not doc[last + 1].whitespace_
        ):
            last += 2
        word = doc[first : last + 1].text.lower()
        whole = all(t.is_alpha or t.text == "-" for t in doc[first : last + 1])
        if whole and word not in _HOLDING and word not in lexicon_of(c).vague_adjectives:
            words[first] = word
    return " ".join([*(words[i] for i in sorted(words)), doc[start : role.i].text.lower() + role.lemma_.lower()])


#: Words that say when or how a role is held, not which role it is: the new chief executive is the chief executive
#: ("former", "deputy" and "vice" name another role, and stay).
_HOLDING = frozenset({"new", "current", "incoming", "outgoing", "interim", "acting", "present", "existing"})


def _role_noun(token: Token) -> bool:
    """A noun for a person's role in a body: the language's person role nouns, and the roles of
    organisations' people ("manager", "striker"); of a hyphenated word its last part ("vice-chairman")."""
    lex = lexicon_of(token)
    lemma = token.lemma_.lower()
    return lemma in lex.person_role_nouns or lemma in lex.organisation_role_nouns


def _role_owner(noun: Token, dep: str) -> Token | None:
    """The organisation or country whose role ``noun`` is, by its possessive or a name compounded before it
    ("Sony's chief executive", "Microsoft chairman"): a named organisation or country, not a nationality
    ("the French president") nor a person ("Ferguson's assistant")."""
    if not _role_noun(noun):
        return None
    for child in noun.lefts:
        if child.dep_ == dep and child.ent_type_ in ("ORG", "GPE") and child.ent_iob_ != "" and child.pos_ == "PROPN":
            lex = lexicon_of(noun)
            if child.ent_type_ == "GPE" and noun.lemma_.lower() not in lex.state_role_nouns:
                return None  # "US actor Jamie Foxx": where he is from
            alone = child.ent_iob_ == "B" and (child.i + 1 == len(child.doc) or child.doc[child.i + 1].ent_iob_ != "I")
            if alone and child.text in lex.organisation_words:
                return None  # "Party President X": the word alone names no body
            return child
    return None


def _title(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    """ "warlord Khalifa Haftar", "President Bush" -> be; "Microsoft chairman Bill Gates" (a named body before
    the role noun) -> Bill Gates - chairman of - Microsoft (issue 18)."""
    subject, title = bound["subject"], bound["object"]
    owner = _role_owner(title, "compound")
    if owner is not None and title.i < subject.i and owner.i < title.i:
        phrase = _role_phrase(title)
        return NominalMatch(name, subject, f"{phrase} of", owner, f"is {phrase} of")
    if not _title_word(bound):
        return None
    return NominalMatch(name, subject, "be", title, "is")


def _name_adjective(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    """ "the Tripoli-based GNA", "the UN-recognised government": a name, a hyphen and a participle of
    the language's ``name_adjectives.tsv``, which says the relation and which of name and noun is
    its subject. The parser attaches the name to the participle or to the noun: it is read off the
    words, the one just before the hyphen."""
    adjective, noun = bound["adjective"], bound["noun"]
    doc = adjective.doc
    if adjective.i < 2 or doc[adjective.i - 1].text != "-" or adjective.i > noun.i:
        return None
    named = doc[adjective.i - 2]
    if not (named.ent_type_ or named.pos_ == "PROPN") or named.ent_type_ in VALUE_LABELS:
        return None  # "state-owned", "well-run": no name
    predicate, text, direction = lexicon_of(adjective).name_adjectives[adjective.lower_]
    subject, obj = (noun, named) if direction == "noun" else (named, noun)
    return NominalMatch(name, subject, predicate, obj, text)


def _act_preposition(bound: dict[str, Token]) -> bool:
    """ "X's bid for Y", "an attack on Y by X": the preposition is one the act noun takes its object with
    (``deverbal_nouns.tsv``), and not the "by" of its doer."""
    prep, act = bound["prep"], bound["act"]
    if act.dep_ == "dobj" and (act.head.lemma_.lower(), act.lemma_.lower()) in lexicon_of(act).light_verb_nouns:
        return False  # "sold its stake in Y": the clause states the fact, with its own verb
    lex = lexicon_of(act)
    if prep.lower_ not in lex.deverbal_prepositions.get(act.lemma_.lower(), ()) or prep == bound.get("by"):
        return False
    # the other party of "talks with", "a win over": someone, not "a clearance" or "the past fortnight"
    return prep.lower_ not in lex.party_prepositions or _party(bound["object"])


def _shared_act(bound: dict[str, Token]) -> bool:
    """ "X was arrested after a fight with Y": the act's object is its other party ("with", "over"), and the
    subject of a passive takes part only when it is someone and no agent is named."""
    act, prep = bound["act"], bound["prep"]
    if prep.lower_ not in lexicon_of(act).party_prepositions:
        return False
    subject, obj = bound["subject"], bound["object"]
    if obj.ent_type_ in VALUE_LABELS:
        return False  # "three wins over the past fortnight"
    if subject.dep_ == "nsubjpass":
        # "the package was announced by X after talks with Y", "the name was changed after a dispute"
        return not any(c.dep_ == "agent" for c in bound["head"].children) and _someone(subject)
    return True


def _no_figure(bound: dict[str, Token]) -> bool:
    """ "Turkcell's 70% stake", "his 800m victory": a figure or a date before the act noun is no object of the
    act; nor is the word before an act of two parties, which is as often an event ("the men's pole vault
    competition", "Stockholm's GE Galan meeting"): those take their other party after "with"."""
    obj, act = bound["object"], bound["act"]
    if obj.ent_type_ in VALUE_LABELS or any(c.like_num for c in obj.children):
        return False
    lex = lexicon_of(act)
    return not lex.deverbal_prepositions.get(act.lemma_.lower(), frozenset()) & lex.party_prepositions


def _someone(token: Token) -> bool:
    """A person, a body or a people, by its name, a pronoun or a role noun ("the singer")."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ == "PRON":
        return True
    return token.lemma_.lower() in lexicon_of(token).person_role_nouns


#: Endings of nouns that name who does something ("photographer", "journalist", "politician", "rival").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ive", "al")


def _party(token: Token) -> bool:
    """Someone (:func:`_someone`), a name, a kind of organisation or group ("another company"), or a noun
    with the ending of a doer ("a photographer"): not "a clearance" or "the past fortnight"."""
    lex = lexicon_of(token)
    lemma = token.lemma_.lower()
    if _someone(token) or token.pos_ == "PROPN" or lemma in lex.organisation_kind_nouns or lemma in lex.group_nouns:
        return True
    return token.pos_ == "NOUN" and lemma.endswith(_AGENT_ENDINGS)


def _named_object(bound: dict[str, Token]) -> bool:
    """ "its London Stock Exchange bid": the word before the act noun is part of a name, not a date or a figure."""
    obj = bound["object"]
    return bool(obj.ent_type_) and obj.ent_type_ not in VALUE_LABELS


def _act_prep(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    """An act noun with the preposition of its object (``deverbal_nouns.tsv``), and its doer: a possessive
    ("X's acquisition of Y": act-object), "by" ("the takeover of Y by X": act-by), or the subject of the
    clause around it ("X is in talks with Y": in-act, whose polarity is the clause's; "X is in talks with
    Y to buy Z", Y parsed as the subject of the clause after "with"; "X was arrested after a fight with
    Y": clause-act, an act of two parties).

    One pattern finds the act noun and a preposition; the doer is looked for here, as a pattern that
    starts from every verb costs the matcher more than all the others together."""
    act, prep = bound["act"], bound["prep"]
    if prep.lower_ == "by":
        return None
    words = f"{act.text} {prep.lower_}"
    poss = next((c for c in act.children if c.dep_ == "poss"), None)
    by = next((c for c in act.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    doer = poss if poss is not None else prep_object(by) if by is not None else None
    obj = prep_object(prep)
    if doer is not None:
        if obj is None:
            return None
        found = {**bound, "subject": doer, "object": obj}
        if not _act_preposition(found):
            return None
        pattern = "act-object" if poss is not None else "act-by"
        return NominalMatch(pattern, doer, _fill("{act.act}", found), obj, words, act=act)
    around = act.head
    head = _clause_of_object_phrase(around)
    if act.dep_ != "pobj" or around.dep_ != "prep" or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    in_be = around.lower_ == "in" and head.lemma_ == "be"
    if obj is None and in_be:
        clause = next((c for c in prep.children if c.dep_ == "pcomp"), None)
        obj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if subject is None or obj is None:
        return None
    found = {**bound, "subject": subject, "object": obj, "head": head}
    if not _act_preposition(found):
        return None
    predicate = _fill("{act.act}", found)
    if in_be:
        if subject.dep_ != "nsubj":
            return None
        return NominalMatch("in-act", subject, predicate, obj, f"{head.text} in {words}", act=act, verb=head)
    if not _shared_act(found):
        return None
    return NominalMatch("clause-act", subject, predicate, obj, words, act=act, verb=head)


def _clause_of_object_phrase(prep: Token) -> Token:
    """The word a phrase "with/after <act>" tells about: its head, or the verb whose object the parser hung
    it on ("set up a cup final with a 3-2 win over X": the win is how the subject set it up)."""
    head = prep.head
    if prep.lower_ not in ("with", "after") or prep.i < head.i:
        return head
    noun = head.head if head.dep_ == "amod" and head.i > head.head.i else head  # "a cup final" read as "cup"
    return noun.head if noun.dep_ in ("dobj", "attr") and noun.pos_ in ("NOUN", "PROPN") else head


def _maker(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    """ "Sony's PlayStation", "Microsoft's Xbox": a named organisation's product, named as such (never a
    person, place or body: "Manchester United's Wayne Rooney"), was made by it; the shape implies it, no
    word states it, so it is inferred (issue 18). Not a work: a title often holds a possessive ("Ocean's
    Twelve") and a person's work ("Brando's film") may be one they starred in."""
    product, maker = bound["product"], bound["maker"]
    if maker.ent_iob_ == "" or product.ent_iob_ == "" or maker.pos_ != "PROPN":
        return None
    # a person's name the model took for a company ("Jean-Pierre Jeunet's"): their work is theirs in many ways
    names = maker.doc[maker.left_edge.i : maker.i + 1]
    if any(t.text in lexicon_of(maker).first_names for t in names):
        return None
    return NominalMatch(name, maker, "make", product, "makes", reading="inferred")


def _score_idiom(name: str, bound: dict[str, Token]) -> NominalMatch | None:
    """A sport idiom of ``score_idioms.tsv`` on its verb: "Chelsea took the lead through Lampard", "Henry put
    Arsenal ahead", "Rooney's goal gave United the lead" -> the scorer - score for - the team; "Arsenal won
    3-1 against Everton" -> Arsenal - beat - Everton (issue 18). Both sides must be named (the scorer may be
    a pronoun the resolver links), and the clause's polarity and modality are the fact's (``verb``)."""
    verb = bound["verb"]
    # the verb's own words, not those of a clause joined to it ("gave Aberdeen hope, but X restored the lead")
    own = [c for c in verb.children if c.dep_ not in _CLAUSES]
    near = [*own, *(g for c in own for g in c.children if g.dep_ not in _CLAUSES)]
    for marker, subject_slot, object_slot, predicate in lexicon_of(verb).score_idioms[verb.lemma_.lower()]:
        found = _marker(near, marker)
        if found is None:
            continue
        subject, obj = _slot(verb, found, subject_slot), _slot(verb, found, object_slot)
        if subject is None or obj is None or subject == found or obj == found:
            continue
        scorer, team = (subject, obj) if predicate == "score for" else (None, obj)
        if scorer is not None:
            scorer = _scorer(scorer)
            subject = scorer if scorer is not None else subject
        if not (_named_side(subject, pronoun=scorer is not None) and _named_side(team or obj, pronoun=False)):
            return None
        text = "scored for" if predicate == "score for" else "beat"
        return NominalMatch(name, subject, predicate, obj, text, verb=verb)
    return None


_CLAUSES = frozenset({"conj", "cc", "ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis"})


def _marker(near: list[Token], marker: str) -> Token | bool | None:
    """The word the idiom needs among the verb's dependents and theirs; True for none ("-"); None if missing."""
    if marker == "-":
        return True
    if marker == "<score>":  # "won 3-1": a figure
        return next((t for t in near if t.like_num), None)
    return next((t for t in near if t.lemma_.lower() == marker or t.lower_ == marker), None)


def _slot(verb: Token, marker: Token | bool, slot: str) -> Token | None:
    """The token in ``slot`` of the idiom: the verb's subject, its (indirect) object, or the object of a
    preposition after the verb or its marker word ("thanks to X")."""
    if slot == "subject":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if slot == "object":
        objects = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        return next((c for c in objects if c.dep_ == "dative"), objects[0] if objects else None)
    heads = [verb, marker] if isinstance(marker, Token) else [verb]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == slot:
                return prep_object(prep)
    return None


#: The prepositions that name who made a goal: "a penalty from Viduka", "a header by Sutton".
_MAKER_PREPOSITIONS = ("from", "by")


def _scorer(token: Token) -> Token | None:
    """The person a scorer's slot names: the token itself when a name or pronoun; of a common noun ("Rooney's
    goal", "a penalty from Viduka") its owner or maker; else None."""
    if token.pos_ != "NOUN":
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in _MAKER_PREPOSITIONS:
            named = prep_object(child)
            if named is not None and named.pos_ == "PROPN":
                return named
    return None


def _named_side(token: Token, *, pronoun: bool) -> bool:
    """A team or a scorer: a name (tagged or not, but no figure or date), or a personal pronoun when allowed."""
    if token.ent_type_ in VALUE_LABELS:
        return False
    if token.pos_ == "PRON":
        return pronoun and token.lower_ in ("he", "she")
    return token.pos_ == "PROPN" or (bool(token.ent_type_) and token.ent_iob_ != "")


_CHECKS: dict[str, Callable[[dict[str, Token]], bool]] = {
    "title_word": _title_word,
    "after_subject": _after_subject,
    "named_object": _named_object,
    "no_figure": _no_figure,
}
_BUILDERS: dict[str, Callable[[str, dict[str, Token]], NominalMatch | None]] = {
    "apposition": _apposition,
    "title": _title,
    "maker": _maker,
    "score_idiom": _score_idiom,
    "name_adjective": _name_adjective,
    "act_prep": _act_prep,
}
