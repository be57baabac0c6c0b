"""Analysis: the spaCy pipeline that parses documents."""

from .nlp import DEFAULT_MODELS, load_nlp

__all__ = ["load_nlp", "DEFAULT_MODELS"]
