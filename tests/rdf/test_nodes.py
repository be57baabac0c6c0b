"""The terms the mapping writes come from kg's closed vocabulary: a misspelt term is an error."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.rdf.nodes import T


def test_kg_terms_are_looked_up_in_the_closed_ontology_namespace():
    assert T.kg_Statement == ox.NamedNode("https://example.org/kg/ontology#Statement")
    assert T.kg_mentionCount == ox.NamedNode("https://example.org/kg/ontology#mentionCount")
    with pytest.raises(AttributeError, match="term 'Statment' not in namespace"):
        T.kg_Statment  # noqa: B018 (the lookup is what is tested)
    with pytest.raises(AttributeError):
        T.nosuchprefix_a  # noqa: B018
    # kgr: is open by design: every relation lemma is a term of it.
    assert T.kgr_reject == ox.NamedNode("https://example.org/kg/relation/reject")
