"""The pyoxigraph terms the mapping writes: kg's vocabulary as nodes (``T.kg_Statement``) and literals."""

from __future__ import annotations

import functools

import pyoxigraph as ox

from ..text.clean import clean_text
from ..vocab import KG, PREFIXES

__all__ = ["T", "Triple", "int_literal", "bool_literal", "str_literal", "named_node"]

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


class _Terms:
    """The vocabulary as pyoxigraph terms, made once (looking terms up in rdflib's
    DefinedNamespace on every quad cost a quarter of the mapping): ``T.kg_Statement``.

    ``kg_`` names are looked up in the closed :data:`kg.vocab.KG` (made from kg.ttl), so a
    misspelt term raises ``AttributeError`` instead of making a new one; the other prefixes
    are the open namespaces of :data:`kg.vocab.PREFIXES`.
    """

    def __getattr__(self, name: str) -> ox.NamedNode:
        prefix, _, local = name.partition("_")
        namespace = PREFIXES.get(prefix)
        if namespace is None or not local:
            raise AttributeError(name)
        term = ox.NamedNode(str(getattr(KG, local) if prefix == "kg" else namespace[local]))
        setattr(self, name, term)
        return term


T = _Terms()
_TRUE = ox.Literal("true", datatype=T.xsd_boolean)
_FALSE = ox.Literal("false", datatype=T.xsd_boolean)


def int_literal(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=T.xsd_integer)


def bool_literal(value: bool) -> ox.Literal:
    return _TRUE if value else _FALSE


def str_literal(text: str) -> ox.Literal:
    """A plain string literal that every output format can carry (:func:`kg.text.clean.clean_text`)."""
    return ox.Literal(clean_text(text))


@functools.lru_cache(maxsize=65536)
def named_node(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)
