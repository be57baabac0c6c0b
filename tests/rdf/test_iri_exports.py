"""kg.rdf.iri exports every IRI it mints, and says what it raises."""

from __future__ import annotations

import inspect

import pytest

import kg.rdf.iri as iri
from kg.errors import ConfigError


def test_every_public_function_of_iri_is_exported():
    """The named-graph helpers and mention_iri/proposition_iri were left out of __all__."""
    defined = {
        name for name, value in vars(iri).items() if inspect.isfunction(value) and value.__module__ == iri.__name__
    }
    public = {name for name in defined if not name.startswith("_")}
    assert public <= set(iri.__all__), sorted(public - set(iri.__all__))
    assert {"document_graph_iri", "corpus_graph_base", "mention_iri", "proposition_iri"} <= set(iri.__all__)


def test_check_base_raises_the_config_error_its_docstring_names():
    with pytest.raises(ConfigError, match="is not an absolute IRI"):
        iri.check_base("not a base")
    assert "ConfigError" in (iri.check_base.__doc__ or "")
