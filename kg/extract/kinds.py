"""Type evidence from kind nouns and lists of names: the noun that says what a name is ("the Kazoo
network", "Gravemark, a film about a soldier", "the director behind X"), and the kind a list's noun
or its other members give every member ("films such as X, Y and Z", "rivals such as Firefox and Opera").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang import Lexicon
from ..model import TypedBy
from .spans import _plain


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
    if label == "ORG" and (
        not (span.start > 0 and doc[span.start - 1].lower_ == "the") or kind.lower_ in lex.organisation_product_nouns
    ):
        return None  # "the CNN network", "the Liverpool player": the organisation's own
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
