"""STAND-IN written by helper F (issue 20) so that kg/read/feed.py runs before W's language check is
merged, with W's interface: W's kg/read/language.py replaces this whole file at merge."""

from __future__ import annotations


def declared_or_detected_language(text: str, declared: str | None) -> str | None:
    """STAND-IN: the declared language only (W's module also detects it from ``text``)."""
    return declared


def is_english(language: str | None) -> bool:
    """STAND-IN: whether ``language`` is English ("en", "en-GB") or unknown (None)."""
    return language is None or language.lower().replace("_", "-").split("-")[0] == "en"
