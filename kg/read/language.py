"""STAND-IN written by helper F (issue 20) so that kg/read/feed.py runs before W's language check is
merged, with W's interface and its way of writing a declared tag: W's kg/read/language.py replaces this
whole file at merge (and detects the language of undeclared text too)."""

from __future__ import annotations

import re

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def declared_or_detected_language(text: str, declared: str | None) -> str | None:
    """STAND-IN: the declared language tag written the standard way ("en_gb" → "en-GB"), else None."""
    if not declared or not _TAG.match(declared.strip()):
        return None
    first, *rest = re.split(r"[-_]", declared.strip())
    return "-".join([first.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def is_english(language: str | None) -> bool:
    """STAND-IN: whether ``language`` is English ("en", "en-GB") or unknown (None)."""
    return language is None or language.lower() == "en" or language.lower().startswith(("en-", "en_"))
